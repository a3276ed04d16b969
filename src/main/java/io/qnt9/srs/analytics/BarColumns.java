package io.qnt9.srs.analytics;

/**
 * Daily bars of one instrument as parallel primitive columns, oldest first: the only input type the indicator catalog
 * needs, so that this module never sees the market-data types.
 *
 * <p>The arrays are used as given, without copying (indicators run over whole columns on hot paths); nothing in this
 * module writes to them and callers must not change them afterwards. Like every record with array components,
 * {@code equals} compares array identity.
 *
 * @param open opening prices
 * @param high daily highs
 * @param low daily lows
 * @param close closing prices
 * @param volume traded volumes (shares), never negative
 * @throws IllegalArgumentException if a column is null, the lengths differ, a price is NaN or infinite, or a volume is
 *     negative
 */
public record BarColumns(double[] open, double[] high, double[] low, double[] close, long[] volume) {

    public BarColumns {
        Arguments.finite("open", open);
        Arguments.finite("high", high);
        Arguments.finite("low", low);
        Arguments.finite("close", close);
        Arguments.nonNegative("volume", volume);
        Arguments.sameLength("open", open.length, "high", high.length);
        Arguments.sameLength("open", open.length, "low", low.length);
        Arguments.sameLength("open", open.length, "close", close.length);
        Arguments.sameLength("open", open.length, "volume", volume.length);
    }

    /** The number of bars. */
    public int size() {
        return close.length;
    }
}
