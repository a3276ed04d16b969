package io.qnt9.srs.marketdata;

/**
 * A rejected line of an import: 1-based line number (the header is line 1), the column, the offending value
 * (abbreviated) and what is wrong with it.
 */
public record RowError(long line, String column, String value, String message) {

    public RowError {
        if (value != null && value.length() > 60) {
            value = value.substring(0, 60) + "…";
        }
    }
}
