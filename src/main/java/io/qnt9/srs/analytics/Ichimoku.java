package io.qnt9.srs.analytics;

/**
 * The four Ichimoku columns (no chikou span: it is the close shifted into the past, i.e. it needs future bars); see
 * {@link Trend#ichimoku(double[], double[], int, int, int, Ichimoku)}.
 *
 * @param tenkan conversion line, midpoint of the last {@code tenkan} bars
 * @param kijun base line, midpoint of the last {@code kijun} bars
 * @param senkouA leading span A, (tenkan + kijun) / 2 as computed {@code kijun − 1} bars earlier
 * @param senkouB leading span B, midpoint of {@code senkou} bars as computed {@code kijun − 1} bars earlier
 */
public record Ichimoku(double[] tenkan, double[] kijun, double[] senkouA, double[] senkouB) {

    /** Four new columns of the given length, for the allocation-free overload. */
    public static Ichimoku allocate(int length) {
        return new Ichimoku(new double[length], new double[length], new double[length], new double[length]);
    }
}
