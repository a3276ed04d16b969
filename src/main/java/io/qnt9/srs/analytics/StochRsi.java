package io.qnt9.srs.analytics;

/**
 * The two stochastic-RSI columns; see {@link Oscillators#stochRsi(double[], int, int, int, int, StochRsi)}.
 *
 * @param k %K: the stochastic of the RSI, smoothed; 0..100
 * @param d %D: the SMA of %K
 */
public record StochRsi(double[] k, double[] d) {

    /** Two new columns of the given length, for the allocation-free overload. */
    public static StochRsi allocate(int length) {
        return new StochRsi(new double[length], new double[length]);
    }
}
