package io.qnt9.srs.analytics;

/**
 * Argument checks shared by every public function of this module, so that all of them fail the same way: an
 * {@link IllegalArgumentException} whose message names the offending argument and the allowed range.
 */
final class Arguments {

    /** The largest look-back window any function accepts (20 years of daily bars). */
    static final int MAX_PERIOD = 5_000;

    /** Exponent bits of an IEEE-754 double; all set means NaN or an infinity. */
    private static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;

    /** Adding this to a masked exponent carries into the sign bit exactly when the exponent is all ones. */
    private static final long EXPONENT_CARRY = 0x0010_0000_0000_0000L;

    /** Raw bits of {@link Double#MAX_VALUE}. */
    private static final long LARGEST_FINITE_BITS = 0x7FEF_FFFF_FFFF_FFFFL;

    private Arguments() {}

    static void period(String name, int value) {
        period(name, value, 1);
    }

    static void period(String name, int value, int min) {
        if (value < min || value > MAX_PERIOD) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + MAX_PERIOD + ", got " + value);
        }
    }

    static void notNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /**
     * Rejects NaN and infinities. Missing days are represented by leaving the bar out, never by NaN, so a non-finite
     * input is a caller bug and would otherwise poison every running sum after it.
     */
    static void finite(String name, double[] values) {
        notNull(name, values);
        // Branch-free scan (vectorisable); the index is only searched for when something is wrong.
        long flags = 0;
        for (double v : values) {
            flags |= (Double.doubleToRawLongBits(v) & EXPONENT_MASK) + EXPONENT_CARRY;
        }
        if (flags < 0) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                            + ": inputs must be finite (leave a missing day out instead of using NaN)");
                }
            }
        }
    }

    /**
     * Rejects anything but finite values greater than 0. The raw bits of such a double are exactly the longs in
     * {@code 1..0x7FEF_FFFF_FFFF_FFFF} (−0.0, negatives, infinities and NaN all fall outside), so a branch-free scan
     * (vectorisable) flags a bad value by a negative result; the index is only searched for when something is wrong.
     */
    static void positive(String name, double[] values) {
        notNull(name, values);
        long flags = 0;
        for (double v : values) {
            long below = Double.doubleToRawLongBits(v) - 1;
            flags |= below | (LARGEST_FINITE_BITS - 1 - below);
        }
        if (flags < 0) {
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] > 0) || values[i] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(
                            name + "[" + i + "] is " + values[i] + ": values must be finite and greater than 0");
                }
            }
        }
    }

    static void nonNegative(String name, long[] values) {
        notNull(name, values);
        long flags = 0;
        for (long v : values) {
            flags |= v;
        }
        if (flags < 0) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0) {
                    throw new IllegalArgumentException(
                            name + "[" + i + "] is " + values[i] + ": volumes must not be negative");
                }
            }
        }
    }

    static void sameLength(String first, int firstLength, String second, int secondLength) {
        if (firstLength != secondLength) {
            throw new IllegalArgumentException(first + " and " + second + " must have the same length, got "
                    + firstLength + " and " + secondLength);
        }
    }

    /** Output arrays must match the input length and must not alias it (the kernels read inputs behind the cursor). */
    static void output(String name, double[] out, double[] input, int length) {
        notNull(name, out);
        if (out.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + ", got " + out.length);
        }
        if (out == input) {
            throw new IllegalArgumentException(name + " must not be the input array");
        }
    }

    static double[] closes(double[] values) {
        finite("values", values);
        return values;
    }

    static void bars(double[] high, double[] low, double[] close) {
        finite("high", high);
        finite("low", low);
        finite("close", close);
        sameLength("high", high.length, "low", low.length);
        sameLength("high", high.length, "close", close.length);
    }
}
