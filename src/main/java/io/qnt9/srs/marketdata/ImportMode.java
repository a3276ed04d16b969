package io.qnt9.srs.marketdata;

import java.util.Locale;

/** What an import does with dates that are already stored for an instrument. */
public enum ImportMode {
    /** Default: any date already stored rejects the whole import (409), nothing is written. */
    REJECT,
    /** Only dates not yet stored are added; stored bars stay as they are and are counted as skipped. */
    APPEND,
    /** The file wins: stored bars for the same dates are overwritten, new dates are added. */
    REPLACE;

    static ImportMode parse(String value) {
        if (value == null || value.isBlank()) {
            return REJECT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
