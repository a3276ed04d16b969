package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Momentum and oscillator indicators: RSI, MACD, stochastic %K/%D, Williams %R, CCI, rate of change and momentum.
 *
 * <p>Same conventions as {@link MovingAverages}: outputs as long as the input, {@code NaN} before the warm-up index,
 * finite after it, all {@code NaN} for a series shorter than the warm-up, non-finite input rejected. Where a
 * denominator is zero the value is defined, as documented on each function.
 */
public final class Momentum {

    /** Default MACD periods (TA-Lib). */
    public static final int MACD_FAST = 12;

    public static final int MACD_SLOW = 26;
    public static final int MACD_SIGNAL = 9;

    private Momentum() {}

    // ---------------------------------------------------------------- RSI

    /** Bars needed before the first RSI value: {@code period} (period price changes). */
    public static int rsiWarmup(int period) {
        return period;
    }

    /** See {@link #rsi(double[], int, double[])}. */
    public static double[] rsi(double[] values, int period) {
        Arguments.notNull("values", values);
        return rsi(values, period, new double[values.length]);
    }

    /**
     * Relative strength index with Wilder smoothing (TA-Lib {@code RSI}). With changes {@code d[j] = values[j] −
     * values[j-1]}, gains {@code max(d, 0)} and losses {@code max(−d, 0)}: the first averages, at index {@code period},
     * are the simple means of the first {@code period} gains and losses; then {@code avg[i] = (avg[i-1]·(period − 1) +
     * x[i]) / period}. {@code RSI = 100 · avgGain / (avgGain + avgLoss)}, which is 100 when there are only gains and 0
     * when there are only losses. When both averages are 0 (constant prices) RSI is 50 — TA-Lib returns 0 there.
     *
     * <p>ta4j seeds both averages at index 0 and converges to this value geometrically.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] rsi(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeRsi(values, period, out);
        return out;
    }

    static void computeRsi(double[] x, int period, double[] out) {
        int n = x.length;
        int first = rsiWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double gain = 0;
        double loss = 0;
        out[0] = Double.NaN;
        for (int i = 1; i <= first; i++) {
            double d = x[i] - x[i - 1];
            gain += Math.max(d, 0);
            loss += Math.max(-d, 0);
            if (i < first) {
                out[i] = Double.NaN;
            }
        }
        gain /= period;
        loss /= period;
        out[first] = rsiValue(gain, loss);
        double decay = (period - 1.0) / period;
        double inv = 1.0 / period;
        for (int i = first + 1; i < n; i++) {
            double d = x[i] - x[i - 1];
            gain = gain * decay + Math.max(d, 0) * inv;
            loss = loss * decay + Math.max(-d, 0) * inv;
            out[i] = rsiValue(gain, loss);
        }
    }

    private static double rsiValue(double gain, double loss) {
        double total = gain + loss;
        return total == 0 ? 50 : 100 * gain / total;
    }

    // ---------------------------------------------------------------- MACD

    /** Bars needed before the first MACD value: {@code emaWarmup(slow) + emaWarmup(signal)}, 33 for 12/26/9. */
    public static int macdWarmup(int fast, int slow, int signal) {
        return MovingAverages.emaWarmup(slow) + MovingAverages.emaWarmup(signal);
    }

    /** MACD 12/26/9. See {@link #macd(double[], int, int, int, Macd)}. */
    public static Macd macd(double[] values) {
        return macd(values, MACD_FAST, MACD_SLOW, MACD_SIGNAL);
    }

    /** See {@link #macd(double[], int, int, int, Macd)}. */
    public static Macd macd(double[] values, int fast, int slow, int signal) {
        Arguments.notNull("values", values);
        return macd(values, fast, slow, signal, Macd.allocate(values.length));
    }

    /**
     * Moving average convergence/divergence, TA-Lib convention ({@code MACD}): {@code line = EMA_fast − EMA_slow},
     * {@code signal = EMA_signal(line)}, {@code histogram = line − signal}, with {@code α = 2/(n+1)} throughout. The
     * slow EMA is seeded with the SMA of the first {@code slow} values (index {@code slow − 1}); the fast EMA is seeded
     * <em>at the same index</em> with the SMA of the {@code fast} values ending there (TA-Lib aligns both EMAs to the
     * slow one's start rather than starting the fast EMA earlier); the signal EMA is seeded with the mean of the first
     * {@code signal} line values. As in TA-Lib, all three columns start together at {@link #macdWarmup}.
     *
     * <p>ta4j seeds both EMAs with {@code values[0]} at index 0 and converges to these values geometrically.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, {@code fast >= slow}, the input holds NaN or an
     *     infinity, or an output column has the wrong length
     */
    public static Macd macd(double[] values, int fast, int slow, int signal, Macd out) {
        Arguments.notNull("out", out);
        checkMacdArguments(values, fast, slow, signal, out.line(), out.signal(), out.histogram());
        computeMacd(values, fast, slow, signal, out);
        return out;
    }

    /** The checks of MACD and of the percentage price oscillator, which has the same arguments. */
    static void checkMacdArguments(
            double[] values, int fast, int slow, int signal, double[] line, double[] sig, double[] hist) {
        Arguments.closes(values);
        Arguments.period("fast", fast);
        Arguments.period("slow", slow);
        Arguments.period("signal", signal);
        if (fast >= slow) {
            throw new IllegalArgumentException("fast (" + fast + ") must be less than slow (" + slow + ")");
        }
        int n = values.length;
        Arguments.output("out.line", line, values, n);
        Arguments.output("out.signal", sig, values, n);
        Arguments.output("out.histogram", hist, values, n);
    }

    static void computeMacd(double[] x, int fast, int slow, int signal, Macd out) {
        computeMacdLines(x, fast, slow, signal, false, out.line(), out.signal(), out.histogram());
    }

    /**
     * MACD's kernel, also the percentage price oscillator's: with {@code percent} the line is {@code 100 · (EMA_fast −
     * EMA_slow) / EMA_slow} (0 when the slow EMA is 0, as TA-Lib's {@code PPO}) instead of {@code EMA_fast − EMA_slow};
     * seeding, signal and histogram are the same.
     */
    static void computeMacdLines(
            double[] x, int fast, int slow, int signal, boolean percent, double[] line, double[] sig, double[] hist) {
        int n = x.length;
        int start = MovingAverages.emaWarmup(slow);
        int first = macdWarmup(fast, slow, signal);
        int warm = Math.min(first, n);
        for (int i = 0; i < warm; i++) {
            line[i] = sig[i] = hist[i] = Double.NaN;
        }
        if (n <= first) {
            return;
        }
        double slowSum = 0;
        double fastSum = 0;
        for (int i = 0; i <= start; i++) {
            slowSum += x[i];
            if (i > start - fast) {
                fastSum += x[i];
            }
        }
        double slowEma = slowSum / slow;
        double fastEma = fastSum / fast;
        double kSlow = MovingAverages.alpha(slow);
        double kFast = MovingAverages.alpha(fast);
        double kSignal = MovingAverages.alpha(signal);
        // Signal seed: mean of the first `signal` line values (indices start..first).
        double lineValue = line(fastEma, slowEma, percent);
        double signalSum = lineValue;
        for (int i = start + 1; i <= first; i++) {
            slowEma = (x[i] - slowEma) * kSlow + slowEma;
            fastEma = (x[i] - fastEma) * kFast + fastEma;
            lineValue = line(fastEma, slowEma, percent);
            signalSum += lineValue;
        }
        double signalEma = signalSum / signal;
        line[first] = lineValue;
        sig[first] = signalEma;
        hist[first] = lineValue - signalEma;
        for (int i = first + 1; i < n; i++) {
            double v = x[i];
            slowEma = (v - slowEma) * kSlow + slowEma;
            fastEma = (v - fastEma) * kFast + fastEma;
            lineValue = line(fastEma, slowEma, percent);
            signalEma = (lineValue - signalEma) * kSignal + signalEma;
            line[i] = lineValue;
            sig[i] = signalEma;
            hist[i] = lineValue - signalEma;
        }
    }

    private static double line(double fastEma, double slowEma, boolean percent) {
        if (!percent) {
            return fastEma - slowEma;
        }
        return slowEma == 0 ? 0 : (fastEma - slowEma) / slowEma * 100;
    }

    // ---------------------------------------------------------------- Stochastic

    /** Bars needed before the first %K value: {@code kPeriod - 1}. */
    public static int stochasticKWarmup(int kPeriod) {
        return kPeriod - 1;
    }

    /** Bars needed before the first %D value: {@code stochasticKWarmup(kPeriod) + smaWarmup(dPeriod)}. */
    public static int stochasticDWarmup(int kPeriod, int dPeriod) {
        return stochasticKWarmup(kPeriod) + MovingAverages.smaWarmup(dPeriod);
    }

    /** See {@link #stochastic(double[], double[], double[], int, int, Stochastic)}. */
    public static Stochastic stochastic(double[] high, double[] low, double[] close, int kPeriod, int dPeriod) {
        Arguments.notNull("close", close);
        return stochastic(high, low, close, kPeriod, dPeriod, Stochastic.allocate(close.length));
    }

    /**
     * Fast stochastic oscillator (TA-Lib {@code STOCHF} with an SMA %D; ta4j {@code StochasticOscillatorK/D}): with
     * {@code HH}/{@code LL} the highest high / lowest low of the {@code kPeriod} bars ending at {@code i},
     * {@code %K = 100 · (close − LL) / (HH − LL)} and {@code %D = SMA(%K, dPeriod)}. When {@code HH == LL} (a flat
     * window) %K is the midpoint 50 — TA-Lib returns 0 there.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, the columns differ in length or hold NaN or an
     *     infinity, or an output column has the wrong length
     */
    public static Stochastic stochastic(
            double[] high, double[] low, double[] close, int kPeriod, int dPeriod, Stochastic out) {
        Arguments.bars(high, low, close);
        Arguments.period("kPeriod", kPeriod);
        Arguments.period("dPeriod", dPeriod);
        Arguments.notNull("out", out);
        int n = close.length;
        for (double[] column : new double[][] {out.k(), out.d()}) {
            Arguments.output("out column", column, high, n);
            Arguments.output("out column", column, low, n);
            Arguments.output("out column", column, close, n);
        }
        computeStochastic(high, low, close, kPeriod, dPeriod, out);
        return out;
    }

    static void computeStochastic(
            double[] high, double[] low, double[] close, int kPeriod, int dPeriod, Stochastic out) {
        double[] k = out.k();
        double[] d = out.d();
        int n = close.length;
        int firstK = stochasticKWarmup(kPeriod);
        int firstD = stochasticDWarmup(kPeriod, dPeriod);
        if (n <= firstK) {
            Arrays.fill(k, Double.NaN);
            Arrays.fill(d, Double.NaN);
            return;
        }
        // HH goes to k[], LL to d[]; both are then overwritten in place, left to right.
        RollingExtremes.compute(high, low, kPeriod, k, d, new double[n]);
        for (int i = 0; i < firstK; i++) {
            k[i] = d[i] = Double.NaN;
        }
        double sum = 0;
        for (int i = firstK; i < n; i++) {
            double hh = k[i];
            double ll = d[i];
            double range = hh - ll;
            double value = range == 0 ? 50 : 100 * (close[i] - ll) / range;
            k[i] = value;
            sum += value;
            if (i >= firstD) {
                d[i] = sum / dPeriod;
                sum -= k[i - dPeriod + 1];
            } else {
                d[i] = Double.NaN;
            }
        }
    }

    /** Bars needed before the first full-stochastic %K: {@code (kPeriod − 1) + (smoothing − 1)}. */
    public static int stochasticFullKWarmup(int kPeriod, int smoothing) {
        return stochasticDWarmup(kPeriod, smoothing);
    }

    /** Bars needed before the first full-stochastic %D: {@code (kPeriod − 1) + (smoothing − 1) + (dPeriod − 1)}. */
    public static int stochasticFullWarmup(int kPeriod, int smoothing, int dPeriod) {
        return stochasticFullKWarmup(kPeriod, smoothing) + MovingAverages.smaWarmup(dPeriod);
    }

    /** See {@link #stochasticFull(double[], double[], double[], int, int, int, Stochastic)}. */
    public static Stochastic stochasticFull(
            double[] high, double[] low, double[] close, int kPeriod, int smoothing, int dPeriod) {
        Arguments.notNull("close", close);
        return stochasticFull(high, low, close, kPeriod, smoothing, dPeriod, Stochastic.allocate(close.length));
    }

    /**
     * Full stochastic oscillator (TradingView's {@code stochFull}, the "Stochastic (14, 3, 3)" of its technical
     * ratings; TA-Lib {@code STOCH} with SMAs): %K is the fast %K of
     * {@link #stochastic(double[], double[], double[], int, int, Stochastic)} smoothed by an SMA of {@code smoothing}
     * bars, %D the SMA of that %K over {@code dPeriod} bars. With {@code smoothing = 1} it is the fast stochastic; with
     * 3 the classic slow one. A flat window's fast %K is 50, as there.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, the columns differ in length or hold NaN or an
     *     infinity, or an output column has the wrong length
     */
    public static Stochastic stochasticFull(
            double[] high, double[] low, double[] close, int kPeriod, int smoothing, int dPeriod, Stochastic out) {
        Arguments.period("smoothing", smoothing);
        Arguments.period("dPeriod", dPeriod);
        stochastic(high, low, close, kPeriod, smoothing, out); // checks the rest; %D = SMA(smoothing) is the full %K
        smoothStochastic(kPeriod, smoothing, dPeriod, out);
        return out;
    }

    static void computeStochasticFull(
            double[] high, double[] low, double[] close, int kPeriod, int smoothing, int dPeriod, Stochastic out) {
        computeStochastic(high, low, close, kPeriod, smoothing, out);
        smoothStochastic(kPeriod, smoothing, dPeriod, out);
    }

    /** The fast stochastic with %D = SMA(smoothing) has the full %K in d[]: moves it to k[] and averages it into d[]. */
    private static void smoothStochastic(int kPeriod, int smoothing, int dPeriod, Stochastic out) {
        double[] k = out.k();
        double[] d = out.d();
        System.arraycopy(d, 0, k, 0, k.length);
        int firstK = stochasticFullKWarmup(kPeriod, smoothing);
        int firstD = stochasticFullWarmup(kPeriod, smoothing, dPeriod);
        Arrays.fill(d, 0, Math.min(firstD, d.length), Double.NaN);
        double sum = 0;
        for (int i = firstK; i < k.length; i++) {
            sum += k[i];
            if (i >= firstD) {
                d[i] = sum / dPeriod;
                sum -= k[i - dPeriod + 1];
            }
        }
    }

    // ---------------------------------------------------------------- Williams %R

    /** Bars needed before the first Williams %R value: {@code period - 1}. */
    public static int williamsRWarmup(int period) {
        return period - 1;
    }

    /** See {@link #williamsR(double[], double[], double[], int, double[])}. */
    public static double[] williamsR(double[] high, double[] low, double[] close, int period) {
        Arguments.notNull("close", close);
        return williamsR(high, low, close, period, new double[close.length]);
    }

    /**
     * Williams %R (TA-Lib {@code WILLR}): {@code −100 · (HH − close) / (HH − LL)} over the {@code period} bars ending at
     * {@code i}, in −100..0. When {@code HH == LL} the value is the midpoint −50 — TA-Lib returns 0 there.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or {@code out} has the wrong length
     */
    public static double[] williamsR(double[] high, double[] low, double[] close, int period, double[] out) {
        Arguments.bars(high, low, close);
        Arguments.period("period", period);
        Arguments.output("out", out, close, close.length);
        Arguments.output("out", out, high, close.length);
        Arguments.output("out", out, low, close.length);
        computeWilliamsR(high, low, close, period, out, new double[close.length]);
        return out;
    }

    static void computeWilliamsR(
            double[] high, double[] low, double[] close, int period, double[] out, double[] scratch) {
        int n = close.length;
        int first = williamsRWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        RollingExtremes.compute(high, low, period, out, scratch, new double[n]);
        for (int i = 0; i < first; i++) {
            out[i] = Double.NaN;
        }
        for (int i = first; i < n; i++) {
            double hh = out[i];
            double range = hh - scratch[i];
            out[i] = range == 0 ? -50 : -100 * (hh - close[i]) / range;
        }
    }

    // ---------------------------------------------------------------- CCI

    /** Bars needed before the first CCI value: {@code period - 1}. */
    public static int cciWarmup(int period) {
        return period - 1;
    }

    /** See {@link #cci(double[], double[], double[], int, double[])}. */
    public static double[] cci(double[] high, double[] low, double[] close, int period) {
        Arguments.notNull("close", close);
        return cci(high, low, close, period, new double[close.length]);
    }

    /**
     * Commodity channel index (TA-Lib {@code CCI}): with typical price {@code tp = (high + low + close) / 3},
     * {@code m = SMA(tp)} and mean absolute deviation {@code md = Σ|tp[j] − m| / period} over the window,
     * {@code CCI = (tp − m) / (0.015 · md)}. When {@code md = 0} (a flat window, detected exactly) CCI is 0, as in
     * TA-Lib. The deviation is O(period) per bar, as in every implementation.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or {@code out} has the wrong length
     */
    public static double[] cci(double[] high, double[] low, double[] close, int period, double[] out) {
        Arguments.bars(high, low, close);
        Arguments.period("period", period);
        Arguments.output("out", out, close, close.length);
        Arguments.output("out", out, high, close.length);
        Arguments.output("out", out, low, close.length);
        computeCci(high, low, close, period, out);
        return out;
    }

    static void computeCci(double[] high, double[] low, double[] close, int period, double[] out) {
        // Typical prices first (a vectorised pass: the divisions leave the loop of the windows), then the windows.
        for (int i = 0; i < close.length; i++) {
            out[i] = (high[i] + low[i] + close[i]) / 3;
        }
        cciInPlace(out, period);
    }

    /** See {@link #cci(double[], int, double[])}. */
    public static double[] cci(double[] values, int period) {
        Arguments.notNull("values", values);
        return cci(values, period, new double[values.length]);
    }

    /**
     * CCI of one series instead of the typical price (TradingView's {@code ta.cci(close, 20)}, which its technical
     * ratings read): the formula of {@link #cci(double[], double[], double[], int, double[])} with {@code tp} replaced
     * by {@code values}.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, {@code values} holds NaN or an infinity,
     *     or {@code out} has the wrong length
     */
    public static double[] cci(double[] values, int period, double[] out) {
        Arguments.finite("values", values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeCciOf(values, period, out);
        return out;
    }

    static void computeCciOf(double[] values, int period, double[] out) {
        System.arraycopy(values, 0, out, 0, values.length);
        cciInPlace(out, period);
    }

    /** Replaces the series in {@code out} by its CCI; each window's values are kept aside before they are overwritten. */
    private static void cciInPlace(double[] out, int period) {
        int n = out.length;
        int first = cciWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double[] window = new double[period];
        double inv = 1.0 / period;
        double sum = 0;
        int run = 0;
        double previous = Double.NaN;
        int slot = 0;
        for (int i = 0; i < n; i++) {
            double tp = out[i];
            run = tp == previous ? run + 1 : 1;
            previous = tp;
            sum += tp - window[slot];
            window[slot] = tp;
            slot = slot + 1 == period ? 0 : slot + 1;
            if (i < first) {
                out[i] = Double.NaN;
                continue;
            }
            if (run >= period) {
                out[i] = 0;
                continue;
            }
            double mean = sum * inv;
            double deviation = absoluteDeviation(window, mean) * inv;
            out[i] = deviation == 0 ? 0 : (tp - mean) / (0.015 * deviation);
        }
    }

    /** Σ|v − mean| with eight independent accumulators (the order of a sum of absolute values does not matter). */
    private static double absoluteDeviation(double[] window, double mean) {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        double e = 0;
        double f = 0;
        double g = 0;
        double h = 0;
        int j = 0;
        int limit = window.length - 7;
        for (; j < limit; j += 8) {
            a += Math.abs(window[j] - mean);
            b += Math.abs(window[j + 1] - mean);
            c += Math.abs(window[j + 2] - mean);
            d += Math.abs(window[j + 3] - mean);
            e += Math.abs(window[j + 4] - mean);
            f += Math.abs(window[j + 5] - mean);
            g += Math.abs(window[j + 6] - mean);
            h += Math.abs(window[j + 7] - mean);
        }
        for (; j + 1 < window.length; j += 2) {
            a += Math.abs(window[j] - mean);
            b += Math.abs(window[j + 1] - mean);
        }
        if (j < window.length) {
            c += Math.abs(window[j] - mean);
        }
        return ((a + b) + (c + d)) + ((e + f) + (g + h));
    }

    // ---------------------------------------------------------------- ROC, momentum

    /** Bars needed before the first ROC value: {@code period}. */
    public static int rocWarmup(int period) {
        return period;
    }

    /** See {@link #roc(double[], int, double[])}. */
    public static double[] roc(double[] values, int period) {
        Arguments.notNull("values", values);
        if (period < 1 || period > Arguments.MAX_PERIOD) {
            return roc(values, period, new double[values.length]); // throws the usual exception
        }
        // The output is our own, so the finiteness check can ride along with the computation (no separate pass):
        // nobody sees the output of a call that then fails.
        double[] out = new double[values.length];
        if (computeRoc(values, period, out) != 0) {
            Arguments.closes(values);
        }
        return out;
    }

    /**
     * Rate of change in percent (TA-Lib {@code ROC}): {@code 100 · (values[i] / values[i-period] − 1)}; 0 when
     * {@code values[i-period] = 0}, as in TA-Lib.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] roc(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeRoc(values, period, out);
        return out;
    }

    /**
     * Writes the ROC into {@code out} and returns 0 if every input was finite; non-zero means "maybe not" (a
     * non-finite input, or a result that overflowed), for callers that have not validated the input yet.
     */
    static long computeRoc(double[] x, int period, double[] out) {
        int n = x.length;
        int first = rocWarmup(period);
        int warm = Math.min(first, n);
        Arrays.fill(out, 0, warm, Double.NaN);
        long finite = Arguments.finiteMask(x, 0, warm);
        if (n <= first) {
            return ~finite;
        }
        // The bases first (out[i] = x[i - period]), then one branch-free loop over the same index of both arrays,
        // which C2 vectorises (reading x[i - period] while writing out[i] it could not, not knowing that out is not
        // x). A zero base gives ±∞ or NaN; such a result is noted in the same loop (the division dominates, the check
        // is free) and only then a second pass applies the zero-base rule. Same operations as the scalar formula, so
        // the same bits. A non-finite x[i] gives a non-finite result too, so the note (with the prefix above, which is
        // only ever a base) also tells whether the input was finite.
        System.arraycopy(x, 0, out, first, n - first);
        for (int i = first; i < n; i++) {
            double r = (x[i] / out[i] - 1) * 100;
            out[i] = r;
            finite &= Arguments.finiteMask(r);
        }
        if (finite != -1) {
            for (int i = first; i < n; i++) {
                if (x[i - period] == 0) {
                    out[i] = 0;
                }
            }
        }
        return ~finite;
    }

    /** Bars needed before the first momentum value: {@code period}. */
    public static int momentumWarmup(int period) {
        return period;
    }

    /** See {@link #momentum(double[], int, double[])}. */
    public static double[] momentum(double[] values, int period) {
        Arguments.notNull("values", values);
        if (period < 1 || period > Arguments.MAX_PERIOD) {
            return momentum(values, period, new double[values.length]); // throws the usual exception
        }
        double[] out = new double[values.length]; // our own output: the check rides along, as in roc
        if (computeMomentumChecking(values, period, out) != 0) {
            Arguments.closes(values);
        }
        return out;
    }

    /**
     * Momentum (TA-Lib {@code MOM}): {@code values[i] − values[i-period]}.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] momentum(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeMomentum(values, period, out);
        return out;
    }

    /**
     * Writes the momentum of input that has been validated already (the {@code out} overload, {@code
     * IndicatorSpec.computeInto}) into {@code out}: {@link #computeMomentumChecking} without the check, which would
     * only repeat the validation (14–21 % of the {@code out} overload's time, JMH).
     */
    static void computeMomentum(double[] x, int period, double[] out) {
        int n = x.length;
        int warm = Math.min(momentumWarmup(period), n);
        Arrays.fill(out, 0, warm, Double.NaN);
        System.arraycopy(x, 0, out, warm, n - warm);
        for (int i = warm; i < n; i++) {
            out[i] = x[i] - out[i];
        }
    }

    /** Writes the momentum into {@code out}; the result means the same as {@link #computeRoc}'s. */
    static long computeMomentumChecking(double[] x, int period, double[] out) {
        int n = x.length;
        int warm = Math.min(momentumWarmup(period), n);
        Arrays.fill(out, 0, warm, Double.NaN);
        long finite = Arguments.finiteMask(x, 0, warm);
        // Lagged copy, then a same-index loop that C2 vectorises (see computeRoc); a non-finite x[i] gives a
        // non-finite difference. (Reading x[i - period] directly instead of the copy is vectorised only when C2 sees a
        // constant period of at least the vector length, as a benchmark calling momentum(close, 10) does; with the
        // period a run-time value, as from an HTTP request, that loop is scalar and twice as slow as this one, JMH.)
        System.arraycopy(x, 0, out, warm, n - warm);
        for (int i = warm; i < n; i++) {
            double r = x[i] - out[i];
            out[i] = r;
            finite &= Arguments.finiteMask(r);
        }
        return ~finite;
    }
}
