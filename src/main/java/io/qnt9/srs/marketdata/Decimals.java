package io.qnt9.srs.marketdata;

/**
 * Strict parsing of the plain decimal numbers found in price files: {@code 123}, {@code 123.45}, {@code .5},
 * {@code 1.2e3}. Rejects what {@link Double#parseDouble} would quietly accept ({@code NaN}, {@code Infinity},
 * hex floats, a trailing {@code d}/{@code f}, blanks, signs), so that a value accepted here is read the same way
 * by PostgreSQL when the original text is copied into the database.
 */
final class Decimals {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Decimals() {}

    /** The value of {@code s[from, to)}, or NaN when it is not a plain unsigned decimal number. */
    static double parse(String s, int from, int to) {
        if (from >= to || to - from > 40) {
            return Double.NaN;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean dot = false;
        boolean exact = true;
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    if (dot) {
                        fractionDigits++;
                    }
                } else {
                    exact = false;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                return Double.NaN;
            }
        }
        boolean anyDigit = false;
        for (int k = from; k < i; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                break;
            }
        }
        if (!anyDigit) {
            return Double.NaN;
        }
        if (i < to) {
            // exponent part: e[+-]digits
            int j = i + 1;
            if (j < to && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j >= to) {
                return Double.NaN;
            }
            for (; j < to; j++) {
                char c = s.charAt(j);
                if (c < '0' || c > '9') {
                    return Double.NaN;
                }
            }
            return finite(Double.parseDouble(s.substring(from, to)));
        }
        // Fast path: an integer mantissa below 2^53 divided by an exact power of ten is correctly rounded.
        if (exact && mantissa < (1L << 53) && fractionDigits < POW10.length) {
            return mantissa / POW10[fractionDigits];
        }
        return finite(Double.parseDouble(s.substring(from, to)));
    }

    private static double finite(double d) {
        return Double.isFinite(d) ? d : Double.NaN;
    }

    /**
     * A non-negative whole number of at most 18 digits, or -1 when the text is not one. A fraction of zeros is
     * accepted ({@code 33594600.0}): pandas writes a volume column that way once it has held a missing value.
     */
    static long parseCount(String s, int from, int to) {
        int end = to;
        int dot = s.lastIndexOf('.', to - 1);
        if (dot >= from) {
            for (int i = dot + 1; i < to; i++) {
                if (s.charAt(i) != '0') {
                    return -1;
                }
            }
            if (dot + 1 == to) {
                return -1; // "123." is not a number pandas or a spreadsheet writes
            }
            end = dot;
        }
        if (from >= end || end - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
