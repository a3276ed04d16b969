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
     * {@code i >= smaWarmup(period)}. One pass with a running window sum (TA-Lib {@code SMA}), updated four bars at a
     * time and multiplied by {@code 1/period} (equal to the division up to rounding). Period 1 is the identity.
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
        double inv = 1.0 / period;
        out[first] = sum * inv;
        // Four bars per step: the partial sums of the window changes inside a block are independent of the running
        // sum, so the loop-carried chain is one add per four bars.
        int i = first + 1;
        for (; i + 3 < n; i += 4) {
            double s0 = x[i] - x[i - period];
            double s1 = s0 + (x[i + 1] - x[i + 1 - period]);
            double s2 = s1 + (x[i + 2] - x[i + 2 - period]);
            double s3 = s2 + (x[i + 3] - x[i + 3 - period]);
            out[i] = (sum + s0) * inv;
            out[i + 1] = (sum + s1) * inv;
            out[i + 2] = (sum + s2) * inv;
            sum += s3;
            out[i + 3] = sum * inv;
        }
        for (; i < n; i++) {
            sum += x[i] - x[i - period];
            out[i] = sum * inv;
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
     * {@code out[i] = out[i-1] + α·(values[i] − out[i-1])}, computed as {@code (1 − α)·out[i-1] + α·values[i]} eight
     * bars at a time (see {@link #smooth}; equal up to rounding). Period 1 is the identity.
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
        smooth(x, out, first + 1, n, ema, alpha(period), decay(period));
    }

    /** {@code 1 − α = (period − 1) / (period + 1)}, the weight an EMA keeps of its previous value. */
    static double decay(int period) {
        return (period - 1.0) / (period + 1);
    }

    /**
     * The first-order recurrence shared by the EMA and Wilder smoothing: {@code e[i] = decay·e[i-1] + gain·in[i]} for
     * {@code i} in {@code from..to-1}, starting from {@code e[from-1] = previous}, written to {@code out[i]}
     * ({@code in} may be {@code out}: each block reads its inputs before writing). Returns the last value.
     *
     * <p>A plain loop is bound by the latency of one multiply and one add per bar (the loop-carried chain). Here the
     * bars are taken eight at a time as two halves of four: {@code e[i+j] = decay^(j+1)·e[i-1] + y[j]}, where
     * {@code y[j] = Σ_{t≤j} decay^(j−t)·gain·in[i+t]} does not depend on the previous block, and likewise for the
     * second half from {@code e[i+3]}: the chain carries two multiply-adds per eight bars and the rest runs in
     * parallel. The multiply-adds are fused ({@link Math#fma}, one instruction on every x86-64 CPU since 2013 and on
     * ARMv8): fewer instructions, and each rounds once instead of twice. Mathematically the same recurrence; the
     * results differ from the plain loop only by rounding (a few units in the last place, the recurrence being
     * contractive).
     */
    static double smooth(double[] in, double[] out, int from, int to, double previous, double gain, double decay) {
        double d2 = decay * decay;
        double d3 = d2 * decay;
        double d4 = d2 * d2;
        double e = previous;
        int i = from;
        for (; i + 7 < to; i += 8) {
            double y0 = gain * in[i];
            double y1 = Math.fma(decay, y0, gain * in[i + 1]);
            double y2 = Math.fma(decay, y1, gain * in[i + 2]);
            double y3 = Math.fma(decay, y2, gain * in[i + 3]);
            double z0 = gain * in[i + 4];
            double z1 = Math.fma(decay, z0, gain * in[i + 5]);
            double z2 = Math.fma(decay, z1, gain * in[i + 6]);
            double z3 = Math.fma(decay, z2, gain * in[i + 7]);
            out[i] = Math.fma(decay, e, y0);
            out[i + 1] = Math.fma(d2, e, y1);
            out[i + 2] = Math.fma(d3, e, y2);
            double middle = Math.fma(d4, e, y3);
            out[i + 3] = middle;
            out[i + 4] = Math.fma(decay, middle, z0);
            out[i + 5] = Math.fma(d2, middle, z1);
            out[i + 6] = Math.fma(d3, middle, z2);
            e = Math.fma(d4, middle, z3);
            out[i + 7] = e;
        }
        for (; i < to; i++) {
            e = Math.fma(decay, e, gain * in[i]);
            out[i] = e;
        }
        return e;
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
     * inputs. After the warm-up, one pass computes {@code e1} and a second derives {@code e2} and the result from it in
     * place, each EMA as {@code (1 − α)·prev + α·input} unrolled over blocks of bars (eight for {@code e1}, see
     * {@link #smooth}, four for {@code e2}; equal up to rounding).
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
     * {@code e2 = ema(e1)}, {@code e3 = ema(e2)}, each seeded with the SMA of its first {@code period} valid inputs.
     * After the warm-up, one pass computes {@code e1} and a second derives {@code e2}, {@code e3} and the result from it
     * in place, each EMA as {@code (1 − α)·prev + α·input} unrolled over blocks of bars (eight for {@code e1}, see
     * {@link #smooth}, four for {@code e2} and {@code e3}; equal up to rounding).
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

    /** DEMA ({@code triple == false}) or TEMA: a fused warm-up pass, then e1, then e2/e3 and the result in place. */
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
        out[first] = triple ? 3 * e1 - 3 * e2 + e3 : 2 * e1 - e2;
        // e1 for every later bar first (eight bars per step, see smooth), then e2 (and e3) from it in place, block by
        // block: within a block the cascaded EMAs are the same unrolled form, so each carries one multiply-add per four
        // bars and the chains overlap instead of waiting on each other bar by bar.
        double d = decay(period);
        smooth(x, out, first + 1, n, e1, k, d);
        double d2 = d * d;
        double d3 = d2 * d;
        double d4 = d2 * d2;
        int i = first + 1;
        for (; i + 3 < n; i += 4) {
            double a0 = out[i];
            double a1 = out[i + 1];
            double a2 = out[i + 2];
            double a3 = out[i + 3];
            double y0 = k * a0;
            double y1 = d * y0 + k * a1;
            double y2 = d * y1 + k * a2;
            double y3 = d * y2 + k * a3;
            double b0 = d * e2 + y0;
            double b1 = d2 * e2 + y1;
            double b2 = d3 * e2 + y2;
            e2 = d4 * e2 + y3;
            double b3 = e2;
            if (triple) {
                double z0 = k * b0;
                double z1 = d * z0 + k * b1;
                double z2 = d * z1 + k * b2;
                double z3 = d * z2 + k * b3;
                double c0 = d * e3 + z0;
                double c1 = d2 * e3 + z1;
                double c2 = d3 * e3 + z2;
                e3 = d4 * e3 + z3;
                out[i] = 3 * a0 - 3 * b0 + c0;
                out[i + 1] = 3 * a1 - 3 * b1 + c1;
                out[i + 2] = 3 * a2 - 3 * b2 + c2;
                out[i + 3] = 3 * a3 - 3 * b3 + e3;
            } else {
                out[i] = 2 * a0 - b0;
                out[i + 1] = 2 * a1 - b1;
                out[i + 2] = 2 * a2 - b2;
                out[i + 3] = 2 * a3 - b3;
            }
        }
        for (; i < n; i++) {
            double a = out[i];
            e2 = d * e2 + k * a;
            if (triple) {
                e3 = d * e3 + k * e2;
                out[i] = 3 * a - 3 * e2 + e3;
            } else {
                out[i] = 2 * a - e2;
            }
        }
    }

    private static int lengthOf(double[] values) {
        Arguments.notNull("values", values);
        return values.length;
    }
}
