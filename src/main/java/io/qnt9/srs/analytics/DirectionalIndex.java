package io.qnt9.srs.analytics;

/**
 * The ADX columns; see {@link DirectionalMovement#adx(double[], double[], double[], int, DirectionalIndex)}.
 *
 * @param adx average directional index, 0..100
 * @param plusDi +DI, 0..100
 * @param minusDi −DI, 0..100
 */
public record DirectionalIndex(double[] adx, double[] plusDi, double[] minusDi) {

    /** Three new columns of the given length, for the allocation-free overload. */
    public static DirectionalIndex allocate(int length) {
        return new DirectionalIndex(new double[length], new double[length], new double[length]);
    }
}
