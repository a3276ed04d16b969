package io.qnt9.srs.analytics;

/**
 * The three MACD columns; see {@link Momentum#macd(double[], int, int, int, Macd)}.
 *
 * @param line fast EMA − slow EMA
 * @param signal EMA of the line
 * @param histogram line − signal
 */
public record Macd(double[] line, double[] signal, double[] histogram) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static Macd allocate(int length) {
        return new Macd(new double[length], new double[length], new double[length]);
    }
}
