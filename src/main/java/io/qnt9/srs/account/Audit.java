package io.qnt9.srs.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as {@code key=value} lines on the {@code audit} logger. Values are the service's own (ids,
 * enums, hashes) or passed through {@link #clean}, so a caller cannot forge a line; secrets are never arguments.
 */
final class Audit {

    static final Logger LOG = LoggerFactory.getLogger("audit");

    private Audit() {}

    /** Keeps a caller-supplied value on one line and short: controls and spaces become '_', at most 120 chars. */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        int n = Math.min(value.length(), 120);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            sb.append(c <= ' ' || c == 0x7f || c == '"' || Character.isISOControl(c) ? '_' : c);
        }
        return sb.toString();
    }
}
