package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Moving averages beyond {@link MovingAverages}: Hull (HMA), Kaufman adaptive (KAMA), zero-lag EMA (ZLEMA) and the
 * volume-weighted moving average of the close (VWMA).
 *
 * <p>Same conventions as {@link MovingAverages}: outputs as long as the input, {@code NaN} before the warm-up index
 * ({@code xxxWarmup(period)}), finite after it, all {@code NaN} for a series shorter than the warm-up, non-finite
 * input rejected. The {@code out} overloads write into a caller-owned array of the input's length (not the input).
 */
public final class AdaptiveAverages {

    /** KAMA's fastest and slowest smoothing periods, fixed in TA-Lib ({@code 2/(2+1)} and {@code 2/(30+1)}). */
    static final int KAMA_FAST = 2;

    static final int KAMA_SLOW = 30;

    /** HMA recomputes its running WMA sums at least every this many bars (see {@code computeHma}). */
    private static final int HMA_ANCHOR = 256;

    private AdaptiveAverages() {}

    // ---------------------------------------------------------------- HMA

    /** The period of HMA's half-length WMA: {@code period / 2} (integer division, as ta4j). */
    static int hmaHalfPeriod(int period) {
        return period / 2;
    }

    /** The period of HMA's final WMA: {@code floor(√period)} (as ta4j, {@code sqrt().intValue()}). */
    static int hmaSqrtPeriod(int period) {
        return (int) Math.sqrt(period);
    }

    /**
     * Bars needed before the first HMA value: {@code (period − 1) + (floor(√period) − 1)}, 22 for 20 — the first bar at
     * which the final WMA's window holds only full-window inner WMAs.
     */
    public static int hmaWarmup(int period) {
        return (period - 1) + (hmaSqrtPeriod(period) - 1);
    }

    /** See {@link #hma(double[], int, double[])}. */
    public static double[] hma(double[] values, int period) {
        return hma(values, period, new double[lengthOf(values)]);
    }

    /**
     * Hull moving average (Alan Hull; ta4j {@code HMAIndicator}; TA-Lib has none): {@code HMA = WMA(2·WMA(x, h) −
     * WMA(x, n), s)} with {@code h = n / 2} and {@code s = floor(√n)} in integer arithmetic (for {@code n = 20}: 10 and
     * 4), each WMA the linearly weighted average of {@link MovingAverages#wma}. No seeding: ta4j's values before the
     * warm-up come from partial-window WMAs, which are left {@code NaN} here; from the warm-up on they are equal.
     *
     * <p>One pass computes both inner WMAs with running plain and weighted sums (as {@code wma}, re-anchored every
     * {@code max(256, 2·period)} bars so that rounding does not accumulate) and writes the difference into {@code out};
     * a second pass, from the last bar backwards, replaces it in place by the {@code s}-term WMA of each window.
     *
     * @throws IllegalArgumentException if {@code period} is outside 2..5000 (the half period must be at least 1), the
     *     input holds NaN or an infinity, or {@code out} has the wrong length
     */
    public static double[] hma(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period, 2);
        Arguments.output("out", out, values, values.length);
        computeHma(values, period, out);
        return out;
    }

    static void computeHma(double[] x, int period, double[] out) {
        int n = x.length;
        int first = hmaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        int half = hmaHalfPeriod(period);
        int start = period - 1; // first full-window WMA(period), and first difference
        Arrays.fill(out, 0, start, Double.NaN);
        double invHalf = 2.0 / (half * (half + 1.0));
        double invFull = 2.0 / (period * (period + 1.0));
        int block = Math.max(HMA_ANCHOR, 2 * period);
        for (int from = start; from < n; from += block) {
            int to = Math.min(n, from + block);
            // The running sums are recomputed from the window at each block start: sliding a weighted sum feeds the
            // plain sum's rounding into it bar after bar, an error growing like n^1.5·ε over a long series (1e-11
            // relative after 5,000 bars); anchored, it stays at the level of one block.
            double plainHalf = 0;
            double weightedHalf = 0;
            for (int j = from - half + 1, w = 1; j < from; j++, w++) {
                plainHalf += x[j];
                weightedHalf += w * x[j];
            }
            double plainFull = 0;
            double weightedFull = 0;
            for (int j = from - start, w = 1; j < from; j++, w++) {
                plainFull += x[j];
                weightedFull += w * x[j];
            }
            for (int i = from; i < to; i++) {
                double v = x[i];
                plainHalf += v;
                weightedHalf += v * half;
                plainFull += v;
                weightedFull += v * period;
                out[i] = 2 * (weightedHalf * invHalf) - weightedFull * invFull;
                weightedHalf -= plainHalf;
                plainHalf -= x[i - half + 1];
                weightedFull -= plainFull;
                plainFull -= x[i - start];
            }
        }
        // The final WMA over the differences, computed afresh for every window (floor(√period) terms, 4 for 20) from
        // the last bar backwards, so that each window still reads differences, not results.
        int s = hmaSqrtPeriod(period);
        double inv = 2.0 / (s * (s + 1.0));
        for (int i = n - 1; i >= first; i--) {
            double sum = 0;
            for (int w = 1, j = i - s + 1; w <= s; w++, j++) {
                sum += w * out[j];
            }
            out[i] = sum * inv;
        }
        Arrays.fill(out, start, first, Double.NaN);
    }

    // ---------------------------------------------------------------- KAMA

    /** Bars needed before the first KAMA value: {@code period} (period price changes). */
    public static int kamaWarmup(int period) {
        return period;
    }

    /** See {@link #kama(double[], int, double[])}. */
    public static double[] kama(double[] values, int period) {
        return kama(values, period, new double[lengthOf(values)]);
    }

    /**
     * Kaufman adaptive moving average (TA-Lib {@code KAMA}, whose fast and slow periods are fixed at 2 and 30). Over
     * the {@code period} price changes ending at {@code i}: efficiency ratio {@code ER = |x[i] − x[i−period]| / Σ|x[j] −
     * x[j−1]|}, smoothing constant {@code sc = (ER·(2/3 − 2/31) + 2/31)²}, and {@code KAMA[i] = KAMA[i−1] + sc·(x[i] −
     * KAMA[i−1])}. Seeded, as TA-Lib, with {@code KAMA[period−1] = x[period−1]}, so the first value (index
     * {@code period}) already uses a full window. ta4j {@code KAMAIndicator(x, period, 2, 30)} returns the price itself
     * before index {@code period}, which is the same seed: the two are equal from the warm-up on.
     *
     * <p><b>Flat window</b> (all {@code period} changes exactly 0, detected by run length, as the running sum may keep
     * a rounding residue): {@code ER = 1}, as in TA-Lib (which tests {@code |Σ| < 1e-8}); ta4j divides 0 by 0 there.
     * An ER that rounding would put above 1 is 1 (TA-Lib clamps rising windows the same way). The update runs as
     * {@code (1 − sc)·KAMA[i−1] + sc·x[i]} (one fused multiply-add on the loop-carried chain; equal up to rounding).
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] kama(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeKama(values, period, out);
        return out;
    }

    static void computeKama(double[] x, int period, double[] out) {
        int n = x.length;
        int first = kamaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double slowest = 2.0 / (KAMA_SLOW + 1);
        double range = 2.0 / (KAMA_FAST + 1) - slowest;
        double sum = 0;
        int flatRun = 0;
        for (int j = 1; j <= period; j++) {
            double change = Math.abs(x[j] - x[j - 1]);
            sum += change;
            flatRun = change == 0 ? flatRun + 1 : 0;
        }
        Arrays.fill(out, 0, first, Double.NaN);
        double kama = x[period - 1];
        for (int i = first; i < n; i++) {
            if (i > first) {
                double change = Math.abs(x[i] - x[i - 1]);
                sum += change - Math.abs(x[i - period] - x[i - period - 1]);
                flatRun = change == 0 ? flatRun + 1 : 0;
            }
            double roc = Math.abs(x[i] - x[i - period]);
            double er = flatRun >= period || sum <= roc ? 1 : roc / sum;
            double sc = er * range + slowest;
            sc *= sc;
            kama = Math.fma(1 - sc, kama, sc * x[i]);
            out[i] = kama;
        }
    }

    // ---------------------------------------------------------------- ZLEMA

    /** Bars needed before the first ZLEMA value: {@code period − 1}. */
    public static int zlemaWarmup(int period) {
        return period - 1;
    }

    /** The lag ZLEMA removes: {@code (period − 1) / 2} in integer arithmetic (as ta4j). */
    static int zlemaLag(int period) {
        return (period - 1) / 2;
    }

    /** See {@link #zlema(double[], int, double[])}. */
    public static double[] zlema(double[] values, int period) {
        return zlema(values, period, new double[lengthOf(values)]);
    }

    /**
     * Zero-lag exponential moving average (Ehlers &amp; Way; as ta4j {@code ZLEMAIndicator}, TA-Lib has none): an EMA
     * with {@code α = 2/(period + 1)} of the de-lagged input {@code 2·x[i] − x[i − lag]}, {@code lag = (period − 1) / 2}
     * (integer division): {@code Z[i] = α·(2·x[i] − x[i−lag]) + (1 − α)·Z[i−1]}.
     *
     * <p>Seeding, as ta4j: {@code Z[period−2]} is the plain mean of the first {@code period − 1} values (ta4j's partial
     * SMA there), so the first value, at index {@code period − 1}, is {@code α·(2·x[period−1] − x[period−1−lag]) + (1 −
     * α)·mean(x[0..period−2])}. (ta4j's values before that are partial SMAs, left {@code NaN} here; from the warm-up on
     * the two are equal.) Period 1 is the identity. The recursion is {@link MovingAverages#smooth} (equal up to
     * rounding).
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the input holds NaN or an infinity, or
     *     {@code out} has the wrong length
     */
    public static double[] zlema(double[] values, int period, double[] out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        Arguments.output("out", out, values, values.length);
        computeZlema(values, period, out);
        return out;
    }

    static void computeZlema(double[] x, int period, double[] out) {
        int n = x.length;
        int first = zlemaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double seed = 0;
        for (int i = 0; i < first; i++) {
            seed += x[i];
            out[i] = Double.NaN;
        }
        seed = first == 0 ? 0 : seed / first; // period 1: α = 1, the seed has weight 0
        int lag = zlemaLag(period);
        for (int i = first; i < n; i++) {
            out[i] = 2 * x[i] - x[i - lag];
        }
        MovingAverages.smooth(out, out, first, n, seed, MovingAverages.alpha(period), MovingAverages.decay(period));
    }

    // ---------------------------------------------------------------- VWMA

    /** Bars needed before the first VWMA value: {@code period − 1}. */
    public static int vwmaWarmup(int period) {
        return period - 1;
    }

    /** See {@link #vwma(double[], long[], int, double[])}. */
    public static double[] vwma(double[] close, long[] volume, int period) {
        return vwma(close, volume, period, new double[lengthOf(close)]);
    }

    /**
     * Volume-weighted moving average of the close (the common definition, e.g. TradingView {@code ta.vwma}; TA-Lib and
     * ta4j have none): {@code VWMA = Σ close·volume / Σ volume} over the {@code period} bars ending at {@code i}. A
     * window without volume gives the plain mean of the close (the SMA, the limit of equal weights), never NaN. Volume
     * sums are exact ({@code long}); the price sums are running sums.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length, a close is
     *     NaN or infinite, a volume is negative, or {@code out} has the wrong length
     */
    public static double[] vwma(double[] close, long[] volume, int period, double[] out) {
        Arguments.closes(close);
        Arguments.nonNegative("volume", volume);
        Arguments.sameLength("close", close.length, "volume", volume.length);
        Arguments.period("period", period);
        Arguments.output("out", out, close, close.length);
        computeVwma(close, volume, period, out);
        return out;
    }

    static void computeVwma(double[] close, long[] volume, int period, double[] out) {
        int n = close.length;
        int first = vwmaWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double priceVolume = 0;
        double priceSum = 0;
        long volumeSum = 0;
        for (int i = 0; i < first; i++) {
            double c = close[i];
            long v = volume[i];
            priceVolume += c * v;
            priceSum += c;
            volumeSum += v;
            out[i] = Double.NaN;
        }
        double inv = 1.0 / period;
        for (int i = first; i < n; i++) {
            double c = close[i];
            long v = volume[i];
            priceVolume += c * v;
            priceSum += c;
            volumeSum += v;
            out[i] = volumeSum == 0 ? priceSum * inv : priceVolume / volumeSum;
            double cOld = close[i - first];
            long vOld = volume[i - first];
            priceVolume -= cOld * vOld;
            priceSum -= cOld;
            volumeSum -= vOld;
        }
    }

    private static int lengthOf(double[] values) {
        Arguments.notNull("values", values);
        return values.length;
    }
}
