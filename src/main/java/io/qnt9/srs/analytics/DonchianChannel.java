package io.qnt9.srs.analytics;

/**
 * The three Donchian channel columns; see {@link Volatility#donchian(double[], double[], int, DonchianChannel)}.
 *
 * @param upper highest high of the window
 * @param middle (upper + lower) / 2
 * @param lower lowest low of the window
 */
public record DonchianChannel(double[] upper, double[] middle, double[] lower) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static DonchianChannel allocate(int length) {
        return new DonchianChannel(new double[length], new double[length], new double[length]);
    }
}
