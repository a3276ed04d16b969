package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Further oscillators: money flow index, stochastic RSI, percentage price oscillator, awesome oscillator, Chande
 * momentum oscillator, ultimate oscillator, TRIX and Bull Bear Power.
 *
 * <p>Same conventions as {@link Momentum}: outputs as long as the input, {@code NaN} before the warm-up index, finite
 * after it, all {@code NaN} for a series shorter than the warm-up, non-finite prices and negative volumes rejected.
 * Where a denominator can be zero the value is defined, as documented on each function; where that case is a flat
 * window it is detected <em>exactly</em> (by counting the non-zero terms of the window), not by testing a sliding sum
 * that could keep a rounding residue from earlier windows.
 */
public final class Oscillators {

    /** Default PPO periods (those of MACD). */
    public static final int PPO_FAST = 12;

    public static final int PPO_SLOW = 26;
    public static final int PPO_SIGNAL = 9;

    private Oscillators() {}

    // ---------------------------------------------------------------- MFI

    /** Bars needed before the first MFI value: {@code period} (period typical-price changes). */
    public static int mfiWarmup(int period) {
        return period;
    }

    /** See {@link #mfi(double[], double[], double[], long[], int, double[])}. */
    public static double[] mfi(double[] high, double[] low, double[] close, long[] volume, int period) {
        Arguments.notNull("close", close);
        return mfi(high, low, close, volume, period, new double[close.length]);
    }

    /**
     * Money flow index (TA-Lib {@code MFI}): with typical price {@code tp = (high + low + close) / 3} and raw money
     * flow {@code tp·volume}, a bar's flow is positive when {@code tp} rose from the previous bar, negative when it
     * fell and counts to neither side when it is unchanged (bar 0 has no previous bar). Over the {@code period} bars
     * ending at {@code i}, {@code MFI = 100 · Σpositive / (Σpositive + Σnegative)}: 100 with only positive flow, 0 with
     * only negative. A window without any flow (unchanged typical prices or no volume) gives the midpoint <b>50</b> —
     * TA-Lib returns 0 whenever the total is below 1. Sliding sums, as in TA-Lib.
     *
     * <p>ta4j {@code MoneyFlowIndexIndicator} computes {@code 100 − 100/(1 + max(Σpositive, 1)/max(Σnegative, 1))},
     * the same value whenever both sums are at least 1.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length, a price is
     *     NaN or infinite, a volume is negative, or {@code out} has the wrong length
     */
    public static double[] mfi(double[] high, double[] low, double[] close, long[] volume, int period, double[] out) {
        Arguments.bars(high, low, close);
        Arguments.nonNegative("volume", volume);
        Arguments.sameLength("close", close.length, "volume", volume.length);
        Arguments.period("period", period);
        outputs(out, high, low, close);
        computeMfi(high, low, close, volume, period, out);
        return out;
    }

    static void computeMfi(double[] high, double[] low, double[] close, long[] volume, int period, double[] out) {
        int n = close.length;
        int first = mfiWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        // The flows of the window in two rings (the leaving one is subtracted, not recomputed); the counts of non-zero
        // flows say exactly when a side is empty, and its sum is then reset to an exact 0.
        double[] upRing = new double[period];
        double[] downRing = new double[period];
        double up = 0;
        double down = 0;
        int upCount = 0;
        int downCount = 0;
        int slot = 0;
        double previous = (high[0] + low[0] + close[0]) / 3;
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            double tp = (high[i] + low[i] + close[i]) / 3;
            double flow = tp * volume[i];
            double upFlow = tp > previous ? flow : 0;
            double downFlow = tp < previous ? flow : 0;
            previous = tp;
            double upLeaving = upRing[slot];
            double downLeaving = downRing[slot];
            upRing[slot] = upFlow;
            downRing[slot] = downFlow;
            slot = slot + 1 == period ? 0 : slot + 1;
            up += upFlow - upLeaving;
            down += downFlow - downLeaving;
            upCount += (upFlow != 0 ? 1 : 0) - (upLeaving != 0 ? 1 : 0);
            downCount += (downFlow != 0 ? 1 : 0) - (downLeaving != 0 ? 1 : 0);
            if (upCount == 0) {
                up = 0;
            }
            if (downCount == 0) {
                down = 0;
            }
            if (i < first) {
                out[i] = Double.NaN;
                continue;
            }
            double total = up + down;
            out[i] = total == 0 ? 50 : 100 * up / total;
        }
    }

    // ---------------------------------------------------------------- Stochastic RSI

    /** Bars needed before the first stochastic-RSI %K value: {@code rsi + (stoch − 1) + (k − 1)}. */
    public static int stochRsiKWarmup(int rsiPeriod, int stochPeriod, int kPeriod) {
        return Momentum.rsiWarmup(rsiPeriod) + (stochPeriod - 1) + (kPeriod - 1);
    }

    /** Bars needed before the first stochastic-RSI %D value: {@code stochRsiKWarmup + (d − 1)}, 31 for 14/14/3/3. */
    public static int stochRsiWarmup(int rsiPeriod, int stochPeriod, int kPeriod, int dPeriod) {
        return stochRsiKWarmup(rsiPeriod, stochPeriod, kPeriod) + (dPeriod - 1);
    }

    /** See {@link #stochRsi(double[], int, int, int, int, StochRsi)}. */
    public static StochRsi stochRsi(double[] close, int rsiPeriod, int stochPeriod, int kPeriod, int dPeriod) {
        Arguments.notNull("close", close);
        return stochRsi(close, rsiPeriod, stochPeriod, kPeriod, dPeriod, StochRsi.allocate(close.length));
    }

    /**
     * Stochastic RSI as TradingView defines it ({@code ta.stoch} of {@code ta.rsi}, then two SMAs): with {@code r} the
     * Wilder RSI of {@link Momentum#rsi(double[], int)} (TA-Lib seeding, which is also Pine's {@code ta.rsi}) and
     * {@code HH}/{@code LL} the highest/lowest {@code r} of the {@code stochPeriod} values ending at {@code i},
     * {@code raw = 100 · (r − LL) / (HH − LL)}, {@code %K = SMA(raw, kPeriod)} and {@code %D = SMA(%K, dPeriod)}, all in
     * 0..100. A flat RSI window ({@code HH == LL}, e.g. constant prices or only rises) gives the midpoint <b>50</b>
     * for {@code raw} — TradingView has no value there, TA-Lib 0. Defaults 14/14/3/3; %K starts at
     * {@link #stochRsiKWarmup}, %D at {@link #stochRsiWarmup}.
     *
     * <p>TA-Lib {@code STOCHRSI(14, 5, 3)} is {@code stochRsi(close, 14, 5, 1, 3)} (no %K smoothing, a 5-bar window);
     * ta4j {@code StochasticRSIIndicator(series, n)} is {@code raw / 100} for {@code rsi = stoch = n} with ta4j's RSI
     * (seeded at bar 0, so it converges to this one), without smoothing.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, the input holds NaN or an infinity, or an
     *     output column has the wrong length
     */
    public static StochRsi stochRsi(
            double[] close, int rsiPeriod, int stochPeriod, int kPeriod, int dPeriod, StochRsi out) {
        Arguments.closes(close);
        Arguments.period("rsiPeriod", rsiPeriod);
        Arguments.period("stochPeriod", stochPeriod);
        Arguments.period("kPeriod", kPeriod);
        Arguments.period("dPeriod", dPeriod);
        Arguments.notNull("out", out);
        Arguments.output("out.k", out.k(), close, close.length);
        Arguments.output("out.d", out.d(), close, close.length);
        computeStochRsi(close, rsiPeriod, stochPeriod, kPeriod, dPeriod, out, new double[close.length]);
        return out;
    }

    /** {@code scratch}: a column as long as the input, overwritten (the RSI, then the raw stochastic). */
    static void computeStochRsi(
            double[] close, int rsiPeriod, int stochPeriod, int kPeriod, int dPeriod, StochRsi out, double[] scratch) {
        double[] k = out.k();
        double[] d = out.d();
        int n = close.length;
        int rsiStart = Momentum.rsiWarmup(rsiPeriod);
        int rawStart = rsiStart + stochPeriod - 1;
        int kStart = stochRsiKWarmup(rsiPeriod, stochPeriod, kPeriod);
        int dStart = stochRsiWarmup(rsiPeriod, stochPeriod, kPeriod, dPeriod);
        if (n <= rawStart) {
            Arrays.fill(k, Double.NaN);
            Arrays.fill(d, Double.NaN);
            return;
        }
        double[] rsi = scratch;
        Momentum.computeRsi(close, rsiPeriod, rsi);
        // The RSI's NaN warm-up is replaced by its first value, so that the rolling extremes run over the whole column;
        // the windows that are read (ending at rawStart or later) never reach back into it.
        Arrays.fill(rsi, 0, rsiStart, rsi[rsiStart]);
        // HH goes to k[], LL to d[]; then, left to right, raw overwrites the RSI, %K the HH and %D the LL of index i
        // (each read before it is overwritten).
        RollingExtremes.compute(rsi, rsi, stochPeriod, k, d, new double[n]);
        Arrays.fill(k, 0, rawStart, Double.NaN);
        Arrays.fill(d, 0, rawStart, Double.NaN);
        double kSum = 0;
        double dSum = 0;
        for (int i = rawStart; i < n; i++) {
            double hh = k[i];
            double ll = d[i];
            double range = hh - ll;
            double raw = range == 0 ? 50 : 100 * (rsi[i] - ll) / range;
            rsi[i] = raw;
            kSum += raw;
            if (i < kStart) {
                k[i] = d[i] = Double.NaN;
                continue;
            }
            double kValue = kSum / kPeriod;
            kSum -= rsi[i - kPeriod + 1];
            k[i] = kValue;
            dSum += kValue;
            if (i < dStart) {
                d[i] = Double.NaN;
                continue;
            }
            d[i] = dSum / dPeriod;
            dSum -= k[i - dPeriod + 1];
        }
    }

    // ---------------------------------------------------------------- PPO

    /** Bars needed before the first PPO value: as MACD, {@code (slow − 1) + (signal − 1)}, 33 for 12/26/9. */
    public static int ppoWarmup(int fast, int slow, int signal) {
        return Momentum.macdWarmup(fast, slow, signal);
    }

    /** See {@link #ppo(double[], int, int, int, Ppo)}. */
    public static Ppo ppo(double[] close, int fast, int slow, int signal) {
        Arguments.notNull("close", close);
        return ppo(close, fast, slow, signal, Ppo.allocate(close.length));
    }

    /**
     * Percentage price oscillator with exponential averages: {@code line = 100 · (EMA_fast − EMA_slow) / EMA_slow},
     * {@code signal = EMA_signal(line)}, {@code histogram = line − signal}, in percent, seeded exactly as
     * {@link Momentum#macd(double[], int, int, int, Macd)} (TA-Lib: the fast EMA aligned to the slow one's start; the
     * signal seeded with the mean of its first {@code signal} inputs), so the line is the MACD line divided by the slow
     * EMA. <b>0 when the slow EMA is 0</b>, as in TA-Lib. All three columns start at {@link #ppoWarmup}.
     *
     * <p>TA-Lib {@code PPO(12, 26, EMA)} is this line (its default moving average is the SMA, and it has no signal);
     * ta4j {@code PPOIndicator} has the same formula with ta4j's EMAs, seeded with {@code close[0]} at index 0, which
     * converge to these.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, {@code fast >= slow}, the input holds NaN or an
     *     infinity, or an output column has the wrong length
     */
    public static Ppo ppo(double[] close, int fast, int slow, int signal, Ppo out) {
        Arguments.notNull("out", out);
        Momentum.checkMacdArguments(close, fast, slow, signal, out.line(), out.signal(), out.histogram());
        computePpo(close, fast, slow, signal, out);
        return out;
    }

    static void computePpo(double[] x, int fast, int slow, int signal, Ppo out) {
        Momentum.computeMacdLines(x, fast, slow, signal, true, out.line(), out.signal(), out.histogram());
    }

    // ---------------------------------------------------------------- Awesome oscillator

    /** Bars needed before the first awesome-oscillator value: {@code slow − 1}, 33 for 5/34. */
    public static int awesomeOscillatorWarmup(int fast, int slow) {
        return Math.max(fast, slow) - 1;
    }

    /** See {@link #awesomeOscillator(double[], double[], int, int, double[])}. */
    public static double[] awesomeOscillator(double[] high, double[] low, int fast, int slow) {
        Arguments.notNull("high", high);
        return awesomeOscillator(high, low, fast, slow, new double[high.length]);
    }

    /**
     * Awesome oscillator (Bill Williams; ta4j {@code AwesomeOscillatorIndicator}, TradingView {@code AO}): with median
     * price {@code m = (high + low) / 2}, {@code AO = SMA(m, fast) − SMA(m, slow)}, default 5/34, running window sums.
     * Constant prices give 0 (up to rounding of the sums). TA-Lib has no {@code AO}.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, {@code fast >= slow}, the columns differ in
     *     length or hold NaN or an infinity, or {@code out} has the wrong length
     */
    public static double[] awesomeOscillator(double[] high, double[] low, int fast, int slow, double[] out) {
        Arguments.highLow(high, low);
        Arguments.period("fast", fast);
        Arguments.period("slow", slow);
        if (fast >= slow) {
            throw new IllegalArgumentException("fast (" + fast + ") must be less than slow (" + slow + ")");
        }
        Arguments.output("out", out, high, high.length);
        Arguments.output("out", out, low, high.length);
        computeAwesomeOscillator(high, low, fast, slow, out);
        return out;
    }

    static void computeAwesomeOscillator(double[] high, double[] low, int fast, int slow, double[] out) {
        int n = high.length;
        int first = awesomeOscillatorWarmup(fast, slow);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        // The leaving medians are recomputed from the inputs (the same operations, so the same bits as when they
        // entered) rather than kept: out[] is overwritten behind the cursor.
        double fastSum = 0;
        double slowSum = 0;
        for (int i = 0; i < first; i++) {
            double m = (high[i] + low[i]) * 0.5;
            slowSum += m;
            if (i > first - fast) {
                fastSum += m;
            }
            out[i] = Double.NaN;
        }
        for (int i = first; i < n; i++) {
            double m = (high[i] + low[i]) * 0.5;
            fastSum += m;
            slowSum += m;
            out[i] = fastSum / fast - slowSum / slow;
            int f = i - fast + 1;
            int s = i - slow + 1;
            fastSum -= (high[f] + low[f]) * 0.5;
            slowSum -= (high[s] + low[s]) * 0.5;
        }
    }

    // ---------------------------------------------------------------- CMO

    /** Bars needed before the first CMO value: {@code period} (period price changes). */
    public static int cmoWarmup(int period) {
        return period;
    }

    /** See {@link #cmo(double[], int, double[])}. */
    public static double[] cmo(double[] values, int period) {
        Arguments.notNull("values", values);
        return cmo(values, period, new double[values.length]);
    }

    /**
     * Chande momentum oscillator in Chande's original form (ta4j {@code CMOIndicator}, TradingView {@code ta.cmo}):
     * with {@code Su}/{@code Sd} the sums of the gains {@code max(d, 0)} and losses {@code max(−d, 0)} of the
     * {@code period} changes {@code d[j] = values[j] − values[j-1]} ending at {@code i},
     * {@code CMO = 100 · (Su − Sd) / (Su + Sd)}, in −100..100. <b>0 when the window has no change.</b>
     *
     * <p>TA-Lib {@code CMO} replaces the sums by Wilder-smoothed averages (as in its RSI), so its values differ from
     * Chande's and depend on the whole history.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] cmo(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeCmo(values, period, out);
        return out;
    }

    static void computeCmo(double[] x, int period, double[] out) {
        int n = x.length;
        int first = cmoWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double gains = 0;
        double losses = 0;
        int gainCount = 0;
        int lossCount = 0;
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            double d = x[i] - x[i - 1];
            double gain = Math.max(d, 0);
            double loss = Math.max(-d, 0);
            gains += gain;
            losses += loss;
            gainCount += gain > 0 ? 1 : 0;
            lossCount += loss > 0 ? 1 : 0;
            if (i < first) {
                out[i] = Double.NaN;
                continue;
            }
            if (i > first) {
                // The change leaving the window, recomputed from the inputs: the same bits as when it entered.
                int j = i - period;
                double left = x[j] - x[j - 1];
                double leftGain = Math.max(left, 0);
                double leftLoss = Math.max(-left, 0);
                gains -= leftGain;
                losses -= leftLoss;
                gainCount -= leftGain > 0 ? 1 : 0;
                lossCount -= leftLoss > 0 ? 1 : 0;
                if (gainCount == 0) {
                    gains = 0;
                }
                if (lossCount == 0) {
                    losses = 0;
                }
            }
            double total = gains + losses;
            out[i] = total == 0 ? 0 : 100 * (gains - losses) / total;
        }
    }

    // ---------------------------------------------------------------- Ultimate oscillator

    /** Bars needed before the first ultimate-oscillator value: the longest period (each term needs a previous close). */
    public static int ultimateOscillatorWarmup(int shortPeriod, int mediumPeriod, int longPeriod) {
        return Math.max(shortPeriod, Math.max(mediumPeriod, longPeriod));
    }

    /** See {@link #ultimateOscillator(double[], double[], double[], int, int, int, double[])}. */
    public static double[] ultimateOscillator(
            double[] high, double[] low, double[] close, int shortPeriod, int mediumPeriod, int longPeriod) {
        Arguments.notNull("close", close);
        return ultimateOscillator(high, low, close, shortPeriod, mediumPeriod, longPeriod, new double[close.length]);
    }

    /**
     * Ultimate oscillator (Larry Williams; TA-Lib {@code ULTOSC}, default 7/14/28). For bar {@code i ≥ 1}, buying
     * pressure {@code bp = close − min(low, close[i−1])} and true range {@code tr = max(high − low, |high − close[i−1]|,
     * |low − close[i−1]|)}; with {@code a_p = Σbp / Σtr} over the {@code p} bars ending at {@code i},
     * {@code ULTOSC = 100 · (4·a_short + 2·a_medium + a_long) / 7}. The periods must ascend (short ≤ medium ≤ long;
     * TA-Lib sorts them, so its result is the same for ascending ones). A window whose true ranges are all 0 (a flat
     * window) counts its term as the midpoint <b>0.5</b>, so constant prices give 50 — TA-Lib drops such a term
     * (tested as {@code |Σtr| < 1e-8}), which gives 0 for constant prices. Sliding sums, as in TA-Lib.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, the periods do not ascend, the columns differ in
     *     length or hold NaN or an infinity, or {@code out} has the wrong length
     */
    public static double[] ultimateOscillator(
            double[] high,
            double[] low,
            double[] close,
            int shortPeriod,
            int mediumPeriod,
            int longPeriod,
            double[] out) {
        Arguments.bars(high, low, close);
        Arguments.period("shortPeriod", shortPeriod);
        Arguments.period("mediumPeriod", mediumPeriod);
        Arguments.period("longPeriod", longPeriod);
        if (shortPeriod > mediumPeriod || mediumPeriod > longPeriod) {
            throw new IllegalArgumentException(
                    "periods must ascend, got " + shortPeriod + ", " + mediumPeriod + ", " + longPeriod);
        }
        outputs(out, high, low, close);
        computeUltimateOscillator(high, low, close, shortPeriod, mediumPeriod, longPeriod, out);
        return out;
    }

    static void computeUltimateOscillator(
            double[] high, double[] low, double[] close, int p1, int p2, int p3, double[] out) {
        int n = close.length;
        int first = ultimateOscillatorWarmup(p1, p2, p3);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        // The terms of the last p3 bars in two rings; bar j sits in slot (j − 1) mod p3, and the bars leaving the
        // three windows are p1, p2 and p3 slots behind the one being written (read before it is overwritten).
        double[] bpRing = new double[p3];
        double[] trRing = new double[p3];
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        // The last bar with a non-zero true range: a window after it is flat, exactly.
        int lastRange = 0;
        int slot = 0;
        int trail1 = p3 - p1;
        int trail2 = p3 - p2;
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            double previousClose = close[i - 1];
            double h = high[i];
            double l = low[i];
            double bp = close[i] - Math.min(l, previousClose);
            double tr = Math.max(h - l, Math.max(Math.abs(h - previousClose), Math.abs(l - previousClose)));
            if (tr != 0) {
                lastRange = i;
            }
            if (i > p1) {
                a1 -= bpRing[trail1];
                b1 -= trRing[trail1];
            }
            if (i > p2) {
                a2 -= bpRing[trail2];
                b2 -= trRing[trail2];
            }
            if (i > p3) {
                a3 -= bpRing[slot];
                b3 -= trRing[slot];
            }
            bpRing[slot] = bp;
            trRing[slot] = tr;
            slot = slot + 1 == p3 ? 0 : slot + 1;
            trail1 = trail1 + 1 == p3 ? 0 : trail1 + 1;
            trail2 = trail2 + 1 == p3 ? 0 : trail2 + 1;
            a1 += bp;
            a2 += bp;
            a3 += bp;
            b1 += tr;
            b2 += tr;
            b3 += tr;
            // A window after the last non-zero true range is flat: its sums are reset to an exact 0 (no residue from
            // earlier windows) and its term is the midpoint.
            boolean flat1 = lastRange <= i - p1;
            boolean flat2 = lastRange <= i - p2;
            boolean flat3 = lastRange <= i - p3;
            if (flat1) {
                a1 = b1 = 0;
            }
            if (flat2) {
                a2 = b2 = 0;
            }
            if (flat3) {
                a3 = b3 = 0;
            }
            if (i < first) {
                out[i] = Double.NaN;
                continue;
            }
            double term1 = flat1 ? 0.5 : a1 / b1;
            double term2 = flat2 ? 0.5 : a2 / b2;
            double term3 = flat3 ? 0.5 : a3 / b3;
            out[i] = 100 * ((4 * term1 + 2 * term2 + term3) / 7);
        }
    }

    // ---------------------------------------------------------------- TRIX

    /** Bars needed before the first TRIX value: {@code 3·(period − 1) + 1}, 88 for 30. */
    public static int trixWarmup(int period) {
        return 3 * MovingAverages.emaWarmup(period) + 1;
    }

    /** See {@link #trix(double[], int, double[])}. */
    public static double[] trix(double[] values, int period) {
        Arguments.notNull("values", values);
        return trix(values, period, new double[values.length]);
    }

    /**
     * TRIX (TA-Lib {@code TRIX}, default 30): the one-bar rate of change, in percent, of a triple EMA:
     * {@code e1 = EMA(values)}, {@code e2 = EMA(e1)}, {@code e3 = EMA(e2)} with {@code α = 2/(period + 1)}, each seeded
     * with the mean of its first {@code period} inputs (as {@link MovingAverages#tema}: e1 at {@code period − 1}, e2 at
     * {@code 2(period − 1)}, e3 at {@code 3(period − 1)}), and {@code TRIX[i] = 100 · (e3[i] / e3[i−1] − 1)} from
     * {@link #trixWarmup}. <b>0 when {@code e3[i−1] = 0}</b>, as in TA-Lib. One fused pass with TA-Lib's update
     * {@code e = (x − e)·α + e}.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] trix(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeTrix(values, period, out);
        return out;
    }

    static void computeTrix(double[] x, int period, double[] out) {
        int n = x.length;
        int w = MovingAverages.emaWarmup(period);
        int first = trixWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double k = MovingAverages.alpha(period);
        double sum = 0;
        for (int i = 0; i <= w; i++) {
            sum += x[i];
        }
        double e1 = sum / period;
        sum = e1;
        for (int i = w + 1; i <= 2 * w; i++) {
            e1 = (x[i] - e1) * k + e1;
            sum += e1;
        }
        double e2 = sum / period;
        sum = e2;
        for (int i = 2 * w + 1; i <= 3 * w; i++) {
            e1 = (x[i] - e1) * k + e1;
            e2 = (e1 - e2) * k + e2;
            sum += e2;
        }
        double e3 = sum / period;
        Arrays.fill(out, 0, first, Double.NaN);
        for (int i = first; i < n; i++) {
            double previous = e3;
            e1 = (x[i] - e1) * k + e1;
            e2 = (e1 - e2) * k + e2;
            e3 = (e2 - e3) * k + e3;
            out[i] = previous == 0 ? 0 : (e3 / previous - 1) * 100;
        }
    }

    // ---------------------------------------------------------------- Bull Bear Power

    /** Bars needed before the first Bull Bear Power value: that of the EMA, {@code period − 1}. */
    public static int bullBearPowerWarmup(int period) {
        return MovingAverages.emaWarmup(period);
    }

    /** See {@link #bullBearPower(double[], double[], double[], int, BullBearPower)}. */
    public static BullBearPower bullBearPower(double[] high, double[] low, double[] close, int period) {
        Arguments.notNull("close", close);
        return bullBearPower(high, low, close, period, BullBearPower.allocate(close.length));
    }

    /**
     * Bull Bear Power (Elder ray; TradingView's "Bull Bear Power", an oscillator of its technical ratings), default 13:
     * with {@code e = EMA(close, period)} (SMA-seeded, {@link MovingAverages#ema(double[], int)}),
     * {@code bull = high − e}, {@code bear = low − e} and {@code power = bull + bear}.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or an output column has the wrong length
     */
    public static BullBearPower bullBearPower(
            double[] high, double[] low, double[] close, int period, BullBearPower out) {
        Arguments.bars(high, low, close);
        Arguments.period("period", period);
        Arguments.notNull("out", out);
        for (double[] column : new double[][] {out.power(), out.bull(), out.bear()}) {
            outputs(column, high, low, close);
        }
        computeBullBearPower(high, low, close, period, out);
        return out;
    }

    static void computeBullBearPower(double[] high, double[] low, double[] close, int period, BullBearPower out) {
        double[] ema = out.power();
        MovingAverages.computeEma(close, period, ema);
        double[] bull = out.bull();
        double[] bear = out.bear();
        for (int i = 0; i < close.length; i++) {
            double e = ema[i];
            bull[i] = high[i] - e;
            bear[i] = low[i] - e;
            ema[i] = bull[i] + bear[i];
        }
    }

    // ----------------------------------------------------------------

    private static void outputs(double[] out, double[] high, double[] low, double[] close) {
        Arguments.output("out", out, close, close.length);
        Arguments.output("out", out, high, close.length);
        Arguments.output("out", out, low, close.length);
    }
}
