package io.qnt9.srs.analytics;

/**
 * The two SuperTrend columns; see {@link Trend#superTrend(double[], double[], double[], int, double, SuperTrend)}.
 *
 * @param line the SuperTrend line: the final lower band in an up-trend, the final upper band in a down-trend
 * @param direction +1 in an up-trend, −1 in a down-trend
 */
public record SuperTrend(double[] line, double[] direction) {

    /** Two new columns of the given length, for the allocation-free overload. */
    public static SuperTrend allocate(int length) {
        return new SuperTrend(new double[length], new double[length]);
    }
}
