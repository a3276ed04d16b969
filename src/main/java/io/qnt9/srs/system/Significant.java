package io.qnt9.srs.system;

/**
 * Rounds a computed number to 12 significant digits for output, so binary floating-point noise does not reach
 * clients: a change of {@code 10.2 − 10.5} goes out as {@code -0.3}, not {@code -0.3000000000000007}. Twelve digits
 * keep every stored price (at most six decimals) exactly and computed statistics to a relative 5·10⁻¹³ — far
 * below what any input data supports, and below the 10⁻⁹ the reference tests ask for.
 */
public final class Significant {

    static final int DIGITS = 12;

    /** 10^0 … 10^22: exactly representable as doubles. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Significant() {}

    /**
     * The double nearest to {@code v} rounded to 12 significant digits. Zero, NaN, infinities, magnitudes from 10¹¹
     * (volumes and other counts, already integers) and below 10⁻⁹ are returned as they are.
     */
    public static double round(double v) {
        double a = Math.abs(v);
        if (!(a >= 1e-9 && a < 1e11)) { // also false for NaN
            return v;
        }
        int exponent = (int) Math.floor(Math.log10(a)); // -9 … 10
        double scale = POWERS_OF_TEN[DIGITS - 1 - exponent]; // 10^1 … 10^20
        // |v·scale| < 10^12 < 2^53: rint is exact, and dividing an integer by an exact power of ten gives the double
        // nearest to the rounded decimal.
        return Math.rint(v * scale) / scale;
    }
}
