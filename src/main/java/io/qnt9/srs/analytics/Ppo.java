package io.qnt9.srs.analytics;

/**
 * The three percentage-price-oscillator columns; see {@link Oscillators#ppo(double[], int, int, int, Ppo)}.
 *
 * @param line {@code 100 · (EMA_fast − EMA_slow) / EMA_slow}, in percent
 * @param signal EMA of the line
 * @param histogram line − signal
 */
public record Ppo(double[] line, double[] signal, double[] histogram) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static Ppo allocate(int length) {
        return new Ppo(new double[length], new double[length], new double[length]);
    }
}
