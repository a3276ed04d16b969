package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Chaikin's money-flow volume indicators: the accumulation/distribution line (AD), Chaikin money flow (CMF) and the
 * Chaikin A/D oscillator (ADOSC).
 *
 * <p>All three weight each bar's volume by its <em>close location value</em> {@code CLV = ((close − low) − (high −
 * close)) / (high − low)}, in −1..1 (−1 closing at the low, +1 at the high); a bar with {@code high − low ≤ 0} has
 * {@code CLV = 0} (no range, no money flow), as in TA-Lib. The product {@code CLV·volume} is the bar's money-flow
 * volume, computed in TA-Lib's operation order.
 *
 * <p>Same conventions as {@link MovingAverages}: outputs as long as the input, {@code NaN} before the warm-up index,
 * finite after it, all {@code NaN} for a series shorter than the warm-up, non-finite prices and negative volumes
 * rejected.
 */
public final class MoneyFlow {

    /** Default ADOSC periods (TA-Lib, Chaikin). */
    public static final int ADOSC_FAST = 3;

    public static final int ADOSC_SLOW = 10;

    private MoneyFlow() {}

    /** {@code CLV·volume} of one bar; 0 when the bar has no range. */
    static double moneyFlowVolume(double high, double low, double close, long volume) {
        double range = high - low;
        return range > 0 ? (((close - low) - (high - close)) / range) * volume : 0;
    }

    // ---------------------------------------------------------------- AD

    /** Bars needed before the first AD value: 0. */
    public static int adWarmup() {
        return 0;
    }

    /** See {@link #ad(double[], double[], double[], long[], double[])}. */
    public static double[] ad(double[] high, double[] low, double[] close, long[] volume) {
        Arguments.notNull("close", close);
        return ad(high, low, close, volume, new double[close.length]);
    }

    /**
     * Chaikin accumulation/distribution line (TA-Lib {@code AD}): the running sum of money-flow volume, {@code AD[i] =
     * AD[i−1] + CLV[i]·volume[i]} from {@code AD[0] = CLV[0]·volume[0]}, summed bar by bar as TA-Lib does. ta4j {@code
     * AccumulationDistributionIndicator} starts at 0 instead (its bar 0 adds nothing), so its values are these minus
     * {@code CLV[0]·volume[0]}; it also divides by a zero range (NaN from a bar with {@code high == low} on).
     *
     * @throws IllegalArgumentException if the columns differ in length, a price is NaN or infinite, a volume is
     *     negative, or {@code out} has the wrong length
     */
    public static double[] ad(double[] high, double[] low, double[] close, long[] volume, double[] out) {
        checkBars(high, low, close, volume, out);
        computeAd(high, low, close, volume, out);
        return out;
    }

    static void computeAd(double[] high, double[] low, double[] close, long[] volume, double[] out) {
        int n = close.length;
        // Money-flow volumes first (independent per bar, the divisions overlap), then the running sum.
        for (int i = 0; i < n; i++) {
            out[i] = moneyFlowVolume(high[i], low[i], close[i], volume[i]);
        }
        double ad = 0;
        for (int i = 0; i < n; i++) {
            ad += out[i];
            out[i] = ad;
        }
    }

    // ---------------------------------------------------------------- CMF

    /** Bars needed before the first CMF value: {@code period − 1}. */
    public static int cmfWarmup(int period) {
        return period - 1;
    }

    /** See {@link #cmf(double[], double[], double[], long[], int, double[])}. */
    public static double[] cmf(double[] high, double[] low, double[] close, long[] volume, int period) {
        Arguments.notNull("close", close);
        return cmf(high, low, close, volume, period, new double[close.length]);
    }

    /**
     * Chaikin money flow (Chaikin; ta4j {@code ChaikinMoneyFlowIndicator}; TA-Lib has none): {@code CMF = Σ
     * CLV·volume / Σ volume} over the {@code period} bars ending at {@code i}, in −1..1. <b>A window without volume
     * gives 0</b> (no money flowed; ta4j divides by zero there). The volume sum is exact ({@code long}), the money-flow
     * sum a running sum (the window's money-flow volumes in a ring). ta4j returns partial-window values before the
     * warm-up, left {@code NaN} here; from the warm-up on the two are equal.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length, a price is
     *     NaN or infinite, a volume is negative, or {@code out} has the wrong length
     */
    public static double[] cmf(double[] high, double[] low, double[] close, long[] volume, int period, double[] out) {
        Arguments.period("period", period);
        checkBars(high, low, close, volume, out);
        computeCmf(high, low, close, volume, period, out);
        return out;
    }

    static void computeCmf(double[] high, double[] low, double[] close, long[] volume, int period, double[] out) {
        int n = close.length;
        int first = cmfWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double[] ring = new double[period];
        double flow = 0;
        long volumeSum = 0;
        int slot = 0;
        for (int i = 0; i < n; i++) {
            double mfv = moneyFlowVolume(high[i], low[i], close[i], volume[i]);
            flow += mfv - ring[slot];
            ring[slot] = mfv;
            slot = slot + 1 == period ? 0 : slot + 1;
            volumeSum += volume[i];
            if (i < first) {
                out[i] = Double.NaN;
                continue;
            }
            out[i] = volumeSum == 0 ? 0 : flow / volumeSum;
            volumeSum -= volume[i - first];
        }
    }

    // ---------------------------------------------------------------- ADOSC

    /** Bars needed before the first ADOSC value: {@code max(fast, slow) − 1} (TA-Lib's EMA look-back), 9 for 3/10. */
    public static int adoscWarmup(int fast, int slow) {
        return Math.max(fast, slow) - 1;
    }

    /** ADOSC 3/10. See {@link #adosc(double[], double[], double[], long[], int, int, double[])}. */
    public static double[] adosc(double[] high, double[] low, double[] close, long[] volume) {
        return adosc(high, low, close, volume, ADOSC_FAST, ADOSC_SLOW);
    }

    /** See {@link #adosc(double[], double[], double[], long[], int, int, double[])}. */
    public static double[] adosc(double[] high, double[] low, double[] close, long[] volume, int fast, int slow) {
        Arguments.notNull("close", close);
        return adosc(high, low, close, volume, fast, slow, new double[close.length]);
    }

    /**
     * Chaikin A/D oscillator (TA-Lib {@code ADOSC}): {@code EMA_fast(AD) − EMA_slow(AD)} with {@code α = 2/(n + 1)}.
     * Seeding, as TA-Lib (and MetaStock): <em>both</em> EMAs start at bar 0 with {@code AD[0]} — not with an SMA — and
     * run through every bar; the first value is reported at {@code max(fast, slow) − 1}, TA-Lib's look-back (earlier
     * values exist but depend heavily on the seed). ta4j {@code ChaikinOscillatorIndicator} uses ta4j's EMA, which is
     * seeded the same way (its value at index 0), over its AD line that starts at 0 instead of {@code CLV[0]·volume[0]}:
     * an EMA shifts with a constant offset of its input, so the difference of the two is the same up to rounding.
     * Each EMA step runs as {@code (1 − α)·prev + α·AD} as in TA-Lib (fused multiply-add; equal up to rounding).
     * Constant prices (every CLV 0) give 0.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, {@code fast >= slow}, the columns differ in
     *     length, a price is NaN or infinite, a volume is negative, or {@code out} has the wrong length
     */
    public static double[] adosc(
            double[] high, double[] low, double[] close, long[] volume, int fast, int slow, double[] out) {
        Arguments.period("fast", fast);
        Arguments.period("slow", slow);
        if (fast >= slow) {
            throw new IllegalArgumentException("fast (" + fast + ") must be less than slow (" + slow + ")");
        }
        checkBars(high, low, close, volume, out);
        computeAdosc(high, low, close, volume, fast, slow, out);
        return out;
    }

    static void computeAdosc(
            double[] high, double[] low, double[] close, long[] volume, int fast, int slow, double[] out) {
        int n = close.length;
        int first = adoscWarmup(fast, slow);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double kFast = MovingAverages.alpha(fast);
        double kSlow = MovingAverages.alpha(slow);
        double dFast = 1 - kFast;
        double dSlow = 1 - kSlow;
        // Money-flow volumes first (the divisions leave the loop-carried chain), then AD and both EMAs in one pass.
        for (int i = 0; i < n; i++) {
            out[i] = moneyFlowVolume(high[i], low[i], close[i], volume[i]);
        }
        double ad = out[0]; // first >= 1 (slow > fast >= 1), so bar 0 is always warm-up
        double fastEma = ad;
        double slowEma = ad;
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            ad += out[i];
            fastEma = Math.fma(dFast, fastEma, kFast * ad);
            slowEma = Math.fma(dSlow, slowEma, kSlow * ad);
            out[i] = i < first ? Double.NaN : fastEma - slowEma;
        }
    }

    private static void checkBars(double[] high, double[] low, double[] close, long[] volume, double[] out) {
        Arguments.bars(high, low, close);
        Arguments.nonNegative("volume", volume);
        Arguments.sameLength("close", close.length, "volume", volume.length);
        Arguments.output("out", out, close, close.length);
        Arguments.output("out", out, high, close.length);
        Arguments.output("out", out, low, close.length);
    }
}
