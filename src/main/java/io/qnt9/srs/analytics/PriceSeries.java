package io.qnt9.srs.analytics;

/**
 * A price history for return statistics: strictly ascending dates (days since 1970-01-01, as
 * {@code LocalDate.toEpochDay()}) with one strictly positive price each, e.g. adjusted closes.
 *
 * <p>The arrays are used as given, without copying; callers must not change them afterwards.
 *
 * @param epochDays trading dates, strictly ascending
 * @param prices prices on those dates, finite and greater than 0
 * @throws IllegalArgumentException if the arrays are null or differ in length, there are fewer than 2 prices, dates
 *     are not strictly ascending, or a price is not a finite positive number
 */
public record PriceSeries(int[] epochDays, double[] prices) {

    public PriceSeries {
        Arguments.notNull("epochDays", epochDays);
        Arguments.positive("prices", prices);
        Arguments.sameLength("epochDays", epochDays.length, "prices", prices.length);
        if (prices.length < 2) {
            throw new IllegalArgumentException("a price series needs at least 2 prices, got " + prices.length);
        }
        for (int i = 1; i < epochDays.length; i++) {
            if (epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException("epochDays must be strictly ascending, but epochDays[" + i + "] = "
                        + epochDays[i] + " follows " + epochDays[i - 1]);
            }
        }
    }

    /** The number of prices. */
    public int size() {
        return prices.length;
    }

    /**
     * The sub-series {@code [from, to)} (copies), e.g. the last year for a one-year Sharpe ratio.
     *
     * @throws IllegalArgumentException if the range is outside the series or holds fewer than 2 prices
     */
    public PriceSeries slice(int from, int to) {
        if (from < 0 || to > prices.length || to - from < 2) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") must lie within [0, " + prices.length
                    + ") and hold at least 2 prices");
        }
        return new PriceSeries(
                java.util.Arrays.copyOfRange(epochDays, from, to), java.util.Arrays.copyOfRange(prices, from, to));
    }
}
