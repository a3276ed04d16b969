package io.qnt9.srs.analytics;

/**
 * The five Bollinger Band columns, each as long as the input; see
 * {@link Volatility#bollinger(double[], int, double, BollingerBands)}.
 *
 * @param upper middle + k·σ
 * @param middle SMA of the window
 * @param lower middle − k·σ
 * @param percentB (value − lower) / (upper − lower); 0.5 when the bands coincide
 * @param bandwidth (upper − lower) / middle, as a fraction (not ×100); 0 when middle is 0
 */
public record BollingerBands(double[] upper, double[] middle, double[] lower, double[] percentB, double[] bandwidth) {

    /** Five new columns of the given length, for the allocation-free overload. */
    public static BollingerBands allocate(int length) {
        return new BollingerBands(
                new double[length], new double[length], new double[length], new double[length], new double[length]);
    }
}
