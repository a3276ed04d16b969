package io.qnt9.srs.analytics;

/**
 * The three Bull Bear Power columns; see {@link Oscillators#bullBearPower(double[], double[], double[], int,
 * BullBearPower)}.
 *
 * @param power bull power + bear power, TradingView's single "Bull Bear Power" line
 * @param bull Elder's bull power: the high minus the EMA of the close
 * @param bear Elder's bear power: the low minus the EMA of the close
 */
public record BullBearPower(double[] power, double[] bull, double[] bear) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static BullBearPower allocate(int length) {
        return new BullBearPower(new double[length], new double[length], new double[length]);
    }
}
