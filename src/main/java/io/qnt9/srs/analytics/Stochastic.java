package io.qnt9.srs.analytics;

/**
 * The two stochastic-oscillator columns; see
 * {@link Momentum#stochastic(double[], double[], double[], int, int, Stochastic)}.
 *
 * @param k %K, 0..100
 * @param d %D, the SMA of %K
 */
public record Stochastic(double[] k, double[] d) {

    /** Two new columns of the given length, for the allocation-free overload. */
    public static Stochastic allocate(int length) {
        return new Stochastic(new double[length], new double[length]);
    }
}
