package io.qnt9.srs.analytics;

/**
 * The three Keltner channel columns; see
 * {@link Trend#keltner(double[], double[], double[], int, int, double, KeltnerChannel)}.
 *
 * @param upper middle + multiplier · ATR
 * @param middle EMA of the close
 * @param lower middle − multiplier · ATR
 */
public record KeltnerChannel(double[] upper, double[] middle, double[] lower) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static KeltnerChannel allocate(int length) {
        return new KeltnerChannel(new double[length], new double[length], new double[length]);
    }
}
