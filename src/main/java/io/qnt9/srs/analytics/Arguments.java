package io.qnt9.srs.analytics;

/**
 * Argument checks shared by every public function of this module, so that all of them fail the same way: an
 * {@link IllegalArgumentException} whose message names the offending argument and the allowed range.
 */
final class Arguments {

    /** The largest look-back window any function accepts (20 years of daily bars). */
    static final int MAX_PERIOD = 5_000;

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
        if (notFinite(values) != 0) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                            + ": inputs must be finite (leave a missing day out instead of using NaN)");
                }
            }
        }
    }

    /**
     * 0 if every value is finite, non-zero otherwise: one branch-free pass that C2 vectorises (the index is only
     * searched for when something is wrong). See {@link #finiteMask(double)}. (A scan on the raw bits, {@code
     * Double.doubleToRawLongBits}, is not vectorised by C2, and neither is a loop that does nothing but a reduction;
     * the multiply, subtract and conversion make it one that is.)
     */
    static long notFinite(double[] values) {
        return ~finiteMask(values, 0, values.length);
    }

    /** The AND of {@link #finiteMask(double)} over {@code values[from..to)}: −1 exactly when all are finite. */
    static long finiteMask(double[] values, int from, int to) {
        long all = -1;
        for (int i = from; i < to; i++) {
            all &= finiteMask(values[i]);
        }
        return all;
    }

    /**
     * −1 for a finite {@code v}, 0 for NaN and ±∞: {@code v·0 − 1} is exactly −1 for a finite {@code v} and NaN
     * otherwise, and {@code (long) NaN} is 0. ANDed over a column in a loop that C2 vectorises, it checks the column
     * without a branch; a computation whose result is non-finite whenever an input is can check its results instead.
     */
    static long finiteMask(double v) {
        return (long) (v * 0.0 - 1.0);
    }

    /**
     * −1 for a finite {@code v > 0}, a value with a 0 bit otherwise: {@code signum(v) + v·0} is exactly 1 for a finite
     * {@code v > 0}, −1 for a finite negative, ±0 for ±0 and NaN for NaN and ±∞, so {@code (long) (signum(v) + v·0 −
     * 2)} is −1, −3, −2 or 0 ({@code (long) NaN}). ANDed over a column, as {@link #finiteMask(double)}.
     */
    static long positiveMask(double v) {
        return (long) (Math.signum(v) + v * 0.0 - 2.0);
    }

    /**
     * Rejects anything but finite values greater than 0. Branch-free and vectorised: the AND of {@link
     * #positiveMask(double)} stays −1 exactly when every value is accepted; the index is only searched for when
     * something is wrong.
     */
    static void positive(String name, double[] values) {
        notNull(name, values);
        long all = -1;
        for (double v : values) {
            all &= positiveMask(v);
        }
        if (all != -1) {
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
        // v >> 63 is −1 for a negative v and 0 otherwise; the shift makes the OR reduction one that C2 vectorises (a
        // loop doing nothing but a reduction is not).
        long flags = 0;
        for (long v : values) {
            flags |= v >> 63;
        }
        if (flags != 0) {
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

    /** High and low columns: finite, of equal length. */
    static void highLow(double[] high, double[] low) {
        finite("high", high);
        finite("low", low);
        sameLength("high", high.length, "low", low.length);
    }

    /** Output columns of an indicator of high and low: each of their length, none of them one of the inputs. */
    static void highLowOutputs(double[] high, double[] low, double[]... columns) {
        int n = high.length;
        for (double[] column : columns) {
            output("out column", column, high, n);
            output("out column", column, low, n);
        }
    }
}
