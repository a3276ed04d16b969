package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Moving averages over one column, following TA-Lib: SMA, EMA, WMA, DEMA and TEMA.
 *
 * <p>Every function returns an array as long as its input; entries before the warm-up index ({@code xxxWarmup(period)}
 * — the number of bars needed before the first value) are {@code NaN}, every later entry is finite. A series shorter
 * than the warm-up gives all {@code NaN}, without an exception. The {@code out} overloads write into a caller-owned
 * array of the same length (not the input) and return it.
 */
public final class MovingAverages {

    private MovingAverages() {}

    // ---------------------------------------------------------------- SMA

    /** Bars needed before the first SMA value: {@code period - 1}. */
    public static int smaWarmup(int period) {
        return period - 1;
    }

    /** See {@link #sma(double[], int, double[])}. */
    public static double[] sma(double[] values, int period) {
        return sma(values, period, new double[lengthOf(values)]);
    }

    /**
     * Simple moving average: {@code out[i] = (values[i-period+1] + … + values[i]) / period} for
     * {@code i >= smaWarmup(period)}. One pass with a running window sum (TA-Lib {@code SMA}). Period 1 is the identity.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, {@code values} holds NaN or an infinity,
     *     or {@code out} has the wrong length
     */
    public static double[] sma(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeSma(values, period, out);
        return out;
    }

    static void computeSma(double[] x, int period, double[] out) {
        int n = x.length;
        int first = smaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double sum = 0;
        for (int i = 0; i < first; i++) {
            sum += x[i];
            out[i] = Double.NaN;
        }
        sum += x[first];
        out[first] = sum / period;
        for (int i = first + 1; i < n; i++) {
            sum += x[i] - x[i - period];
            out[i] = sum / period;
        }
    }

    // ---------------------------------------------------------------- EMA

    /** Bars needed before the first EMA value: {@code period - 1}. */
    public static int emaWarmup(int period) {
        return period - 1;
    }

    /** See {@link #ema(double[], int, double[])}. */
    public static double[] ema(double[] values, int period) {
        return ema(values, period, new double[lengthOf(values)]);
    }

    /**
     * Exponential moving average with {@code α = 2 / (period + 1)}, seeded with the SMA of the first {@code period}
     * values (TA-Lib {@code EMA}, default compatibility): {@code out[period-1] = sma}, then
     * {@code out[i] = out[i-1] + α·(values[i] − out[i-1])}. Period 1 is the identity.
     *
     * <p>ta4j instead seeds with {@code values[0]} at index 0; the two converge geometrically (factor {@code 1 − α}
     * per bar).
     *
     * @throws IllegalArgumentException as for {@link #sma(double[], int, double[])}
     */
    public static double[] ema(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeEma(values, period, out);
        return out;
    }

    static double alpha(int period) {
        return 2.0 / (period + 1);
    }

    static void computeEma(double[] x, int period, double[] out) {
        int n = x.length;
        int first = emaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double sum = 0;
        for (int i = 0; i < first; i++) {
            sum += x[i];
            out[i] = Double.NaN;
        }
        sum += x[first];
        double ema = sum / period;
        out[first] = ema;
        double k = alpha(period);
        for (int i = first + 1; i < n; i++) {
            ema = (x[i] - ema) * k + ema;
            out[i] = ema;
        }
    }

    // ---------------------------------------------------------------- WMA

    /** Bars needed before the first WMA value: {@code period - 1}. */
    public static int wmaWarmup(int period) {
        return period - 1;
    }

    /** See {@link #wma(double[], int, double[])}. */
    public static double[] wma(double[] values, int period) {
        return wma(values, period, new double[lengthOf(values)]);
    }

    /**
     * Linearly weighted moving average (TA-Lib {@code WMA}): weights {@code 1, 2, …, period} from the oldest to the
     * newest value, {@code out[i] = Σ_{j=0}^{period-1} (period − j)·values[i−j] / (period·(period+1)/2)}. One pass:
     * the weighted sum is updated by adding {@code period·values[i]} and subtracting the previous plain window sum.
     * Period 1 is the identity.
     *
     * @throws IllegalArgumentException as for {@link #sma(double[], int, double[])}
     */
    public static double[] wma(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeWma(values, period, out);
        return out;
    }

    static void computeWma(double[] x, int period, double[] out) {
        int n = x.length;
        int first = wmaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double divider = period * (period + 1.0) / 2.0;
        double weighted = 0;
        double plain = 0;
        for (int i = 0; i < first; i++) {
            plain += x[i];
            weighted += x[i] * (i + 1);
            out[i] = Double.NaN;
        }
        for (int i = first; i < n; i++) {
            double v = x[i];
            plain += v;
            weighted += v * period;
            out[i] = weighted / divider;
            weighted -= plain;
            plain -= x[i - first];
        }
    }

    // ---------------------------------------------------------------- DEMA, TEMA

    /** Bars needed before the first DEMA value: {@code 2·emaWarmup(period)}. */
    public static int demaWarmup(int period) {
        return 2 * emaWarmup(period);
    }

    /** See {@link #dema(double[], int, double[])}. */
    public static double[] dema(double[] values, int period) {
        return dema(values, period, new double[lengthOf(values)]);
    }

    /**
     * Double exponential moving average (TA-Lib {@code DEMA}): {@code 2·e1 − e2}, where {@code e1 = ema(values)} and
     * {@code e2 = ema(e1)} over the valid part of {@code e1}, each EMA seeded with the SMA of its first {@code period}
     * inputs. One fused pass computes both EMAs.
     *
     * @throws IllegalArgumentException as for {@link #sma(double[], int, double[])}
     */
    public static double[] dema(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeMultipleEma(values, period, out, false);
        return out;
    }

    /** Bars needed before the first TEMA value: {@code 3·emaWarmup(period)}. */
    public static int temaWarmup(int period) {
        return 3 * emaWarmup(period);
    }

    /** See {@link #tema(double[], int, double[])}. */
    public static double[] tema(double[] values, int period) {
        return tema(values, period, new double[lengthOf(values)]);
    }

    /**
     * Triple exponential moving average (TA-Lib {@code TEMA}): {@code 3·e1 − 3·e2 + e3} with {@code e1 = ema(values)},
     * {@code e2 = ema(e1)}, {@code e3 = ema(e2)}, each seeded with the SMA of its first {@code period} valid inputs. One
     * fused pass computes all three EMAs.
     *
     * @throws IllegalArgumentException as for {@link #sma(double[], int, double[])}
     */
    public static double[] tema(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeMultipleEma(values, period, out, true);
        return out;
    }

    /** DEMA ({@code triple == false}) or TEMA in one pass over the input. */
    static void computeMultipleEma(double[] x, int period, double[] out, boolean triple) {
        int n = x.length;
        int w = emaWarmup(period);
        int first = triple ? temaWarmup(period) : demaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double k = alpha(period);
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double e1 = 0;
        double e2 = 0;
        double e3 = 0;
        // Warm-up: each EMA starts from the mean of the first `period` valid values of its source.
        for (int i = 0; i <= first; i++) {
            double v = x[i];
            if (i < w) {
                s1 += v;
            } else if (i == w) {
                e1 = (s1 + v) / period;
            } else {
                e1 = (v - e1) * k + e1;
            }
            if (i >= w) {
                if (i < 2 * w) {
                    s2 += e1;
                } else if (i == 2 * w) {
                    e2 = (s2 + e1) / period;
                } else {
                    e2 = (e1 - e2) * k + e2;
                }
            }
            if (triple && i >= 2 * w) {
                if (i < 3 * w) {
                    s3 += e2;
                } else if (i == 3 * w) {
                    e3 = (s3 + e2) / period;
                }
            }
            out[i] = Double.NaN;
        }
        if (triple) {
            out[first] = 3 * e1 - 3 * e2 + e3;
            for (int i = first + 1; i < n; i++) {
                e1 = (x[i] - e1) * k + e1;
                e2 = (e1 - e2) * k + e2;
                e3 = (e2 - e3) * k + e3;
                out[i] = 3 * e1 - 3 * e2 + e3;
            }
        } else {
            out[first] = 2 * e1 - e2;
            for (int i = first + 1; i < n; i++) {
                e1 = (x[i] - e1) * k + e1;
                e2 = (e1 - e2) * k + e2;
                out[i] = 2 * e1 - e2;
            }
        }
    }

    private static int lengthOf(double[] values) {
        Arguments.notNull("values", values);
        return values.length;
    }
}
