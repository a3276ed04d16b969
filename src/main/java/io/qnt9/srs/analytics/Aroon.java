package io.qnt9.srs.analytics;

/**
 * The three Aroon columns; see {@link Trend#aroon(double[], double[], int, Aroon)}.
 *
 * @param up Aroon up, 0..100: how recently the window's highest high was set
 * @param down Aroon down, 0..100: how recently the window's lowest low was set
 * @param oscillator up − down, −100..100
 */
public record Aroon(double[] up, double[] down, double[] oscillator) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static Aroon allocate(int length) {
        return new Aroon(new double[length], new double[length], new double[length]);
    }
}
