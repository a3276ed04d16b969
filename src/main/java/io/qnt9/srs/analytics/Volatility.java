package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Volatility indicators: Bollinger Bands, average true range, Donchian channels and rolling historical volatility.
 *
 * <p>Same conventions as {@link MovingAverages}: outputs as long as the input, {@code NaN} before the warm-up index,
 * finite after it, all {@code NaN} for a series shorter than the warm-up, non-finite input rejected.
 */
public final class Volatility {

    /** Trading days per year used to annualise daily volatility. */
    public static final int TRADING_DAYS_PER_YEAR = 252;

    private Volatility() {}

    // ---------------------------------------------------------------- Bollinger Bands

    /** Bars needed before the first Bollinger value: {@code period - 1} (the SMA warm-up). */
    public static int bollingerWarmup(int period) {
        return MovingAverages.smaWarmup(period);
    }

    /** See {@link #bollinger(double[], int, double, BollingerBands)}. */
    public static BollingerBands bollinger(double[] values, int period, double k) {
        Arguments.notNull("values", values);
        return bollinger(values, period, k, BollingerBands.allocate(values.length));
    }

    /**
     * Bollinger Bands (TA-Lib {@code BBANDS} with an SMA middle band): over the window {@code values[i-period+1..i]}
     * with mean {@code m} and <em>population</em> standard deviation {@code σ = sqrt(Σ(x − m)² / period)},
     * {@code middle = m}, {@code upper = m + k·σ}, {@code lower = m − k·σ},
     * {@code percentB = (values[i] − lower) / (upper − lower)} and {@code bandwidth = (upper − lower) / middle}.
     *
     * <p>One fused pass keeps the window mean and sum of squared deviations with a sliding Welford update (numerically
     * stable, unlike TA-Lib's {@code E[x²] − E[x]²}). A window of identical values has {@code σ = 0} exactly (detected
     * by run length, so no rounding residue from earlier windows leaks in); then {@code percentB = 0.5}. A zero middle
     * band gives {@code bandwidth = 0}.
     *
     * @param k band width in standard deviations, finite and greater than 0 (TA-Lib default 2)
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, {@code k} is not a finite positive number,
     *     the input holds NaN or an infinity, or an output column has the wrong length
     */
    public static BollingerBands bollinger(double[] values, int period, double k, BollingerBands out) {
        Arguments.closes(values);
        Arguments.period("period", period);
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be a finite number greater than 0, got " + k);
        }
        Arguments.notNull("out", out);
        int n = values.length;
        Arguments.output("out.upper", out.upper(), values, n);
        Arguments.output("out.middle", out.middle(), values, n);
        Arguments.output("out.lower", out.lower(), values, n);
        Arguments.output("out.percentB", out.percentB(), values, n);
        Arguments.output("out.bandwidth", out.bandwidth(), values, n);
        computeBollinger(values, period, k, out);
        return out;
    }

    static void computeBollinger(double[] x, int period, double k, BollingerBands out) {
        double[] upper = out.upper();
        double[] middle = out.middle();
        double[] lower = out.lower();
        double[] percentB = out.percentB();
        double[] bandwidth = out.bandwidth();
        int n = x.length;
        int first = bollingerWarmup(period);
        int warm = Math.min(first, n);
        for (int i = 0; i < warm; i++) {
            upper[i] = middle[i] = lower[i] = percentB[i] = bandwidth[i] = Double.NaN;
        }
        if (n <= first) {
            return;
        }
        double inv = 1.0 / period;
        // Welford over the first window.
        double mean = 0;
        double m2 = 0;
        int run = 0;
        for (int i = 0; i <= first; i++) {
            double v = x[i];
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
            run = i > 0 && v == x[i - 1] ? run + 1 : 1;
        }
        emitBollinger(x[first], first, run >= period, mean, m2 * inv, k, upper, middle, lower, percentB, bandwidth);
        for (int i = first + 1; i < n; i++) {
            double v = x[i];
            double old = x[i - period];
            double next = mean + (v - old) * inv;
            m2 += (v - old) * (v - next + old - mean);
            mean = next;
            run = v == x[i - 1] ? run + 1 : 1;
            emitBollinger(v, i, run >= period, mean, m2 * inv, k, upper, middle, lower, percentB, bandwidth);
        }
    }

    private static void emitBollinger(
            double v,
            int i,
            boolean constant,
            double mean,
            double variance,
            double k,
            double[] upper,
            double[] middle,
            double[] lower,
            double[] percentB,
            double[] bandwidth) {
        if (constant) {
            upper[i] = middle[i] = lower[i] = v;
            percentB[i] = 0.5;
            bandwidth[i] = 0;
            return;
        }
        double width = k * Math.sqrt(Math.max(variance, 0));
        double up = mean + width;
        double lo = mean - width;
        upper[i] = up;
        middle[i] = mean;
        lower[i] = lo;
        double range = up - lo;
        percentB[i] = range == 0 ? 0.5 : (v - lo) / range;
        bandwidth[i] = mean == 0 ? 0 : range / mean;
    }

    // ---------------------------------------------------------------- ATR

    /** Bars needed before the first ATR value: {@code period} (the first true range needs a previous close). */
    public static int atrWarmup(int period) {
        return period;
    }

    /** See {@link #atr(double[], double[], double[], int, double[])}. */
    public static double[] atr(double[] high, double[] low, double[] close, int period) {
        Arguments.notNull("close", close);
        return atr(high, low, close, period, new double[close.length]);
    }

    /**
     * Average true range with Wilder smoothing (TA-Lib {@code ATR}). The true range of bar {@code i ≥ 1} is
     * {@code TR = max(high − low, |high − close[i-1]|, |low − close[i-1]|)}; bar 0 has none. The first ATR, at index
     * {@code period}, is the mean of {@code TR[1..period]}; then {@code ATR[i] = (ATR[i-1]·(period − 1) + TR[i]) /
     * period}, computed as {@code ATR[i-1]·((period − 1)/period) + TR[i]·(1/period)} eight bars at a time (equal up to
     * rounding; see {@code MovingAverages.smooth}). Period 1 gives the true range itself.
     *
     * <p>ta4j counts {@code high − low} as the true range of bar 0 and seeds its smoothing there, so it converges to
     * this value geometrically (factor {@code (period − 1)/period} per bar).
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or {@code out} has the wrong length
     */
    public static double[] atr(double[] high, double[] low, double[] close, int period, double[] out) {
        Arguments.bars(high, low, close);
        Arguments.period("period", period);
        Arguments.output("out", out, close, close.length);
        Arguments.output("out", out, high, close.length);
        Arguments.output("out", out, low, close.length);
        computeAtr(high, low, close, period, out);
        return out;
    }

    static double trueRange(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }

    static void computeAtr(double[] high, double[] low, double[] close, int period, double[] out) {
        int n = close.length;
        int first = atrWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        // True ranges first, vectorised: the previous closes are copied into out so that the loop reads and writes
        // one index (reading close[i - 1] while writing out[i], C2 could not rule out that out is close).
        System.arraycopy(close, 0, out, 1, n - 1);
        for (int i = 1; i < n; i++) {
            out[i] = trueRange(high[i], low[i], out[i]);
        }
        double sum = 0;
        for (int i = 1; i <= first; i++) {
            sum += out[i];
        }
        Arrays.fill(out, 0, first, Double.NaN);
        double atr = sum / period;
        out[first] = atr;
        // Then the smoothing in place, eight bars at a time.
        MovingAverages.smooth(out, out, first + 1, n, atr, 1.0 / period, (period - 1.0) / period);
    }

    // ---------------------------------------------------------------- Donchian

    /** Bars needed before the first Donchian value: {@code period - 1}. */
    public static int donchianWarmup(int period) {
        return period - 1;
    }

    /** See {@link #donchian(double[], double[], int, DonchianChannel)}. */
    public static DonchianChannel donchian(double[] high, double[] low, int period) {
        Arguments.notNull("high", high);
        return donchian(high, low, period, DonchianChannel.allocate(high.length));
    }

    /**
     * Donchian channel: {@code upper = max(high[i-period+1..i])}, {@code lower = min(low[i-period+1..i])},
     * {@code middle = (upper + lower) / 2}, the window including the current bar (as ta4j and TA-Lib {@code MAX}/{@code
     * MIN}). O(log period) vectorised operations per bar (see {@code RollingExtremes}).
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or an output column has the wrong length
     */
    public static DonchianChannel donchian(double[] high, double[] low, int period, DonchianChannel out) {
        Arguments.highLow(high, low);
        Arguments.period("period", period);
        Arguments.notNull("out", out);
        Arguments.highLowOutputs(high, low, out.upper(), out.middle(), out.lower());
        computeDonchian(high, low, period, out);
        return out;
    }

    static void computeDonchian(double[] high, double[] low, int period, DonchianChannel out) {
        double[] upper = out.upper();
        double[] middle = out.middle();
        double[] lower = out.lower();
        int n = high.length;
        int warm = Math.min(donchianWarmup(period), n);
        // The middle column is the extremes' work column until it is written below.
        RollingExtremes.compute(high, low, period, upper, lower, middle);
        for (int i = 0; i < warm; i++) {
            upper[i] = middle[i] = lower[i] = Double.NaN;
        }
        if (n <= warm) {
            return;
        }
        for (int i = warm; i < n; i++) {
            middle[i] = (upper[i] + lower[i]) * 0.5;
        }
    }

    // ---------------------------------------------------------------- historical volatility

    /** Bars needed before the first historical-volatility value: {@code period} (period returns need period+1 prices). */
    public static int historicalVolatilityWarmup(int period) {
        return period;
    }

    /** See {@link #historicalVolatility(double[], int, double[])}. */
    public static double[] historicalVolatility(double[] prices, int period) {
        Arguments.notNull("prices", prices);
        return historicalVolatility(prices, period, new double[prices.length]);
    }

    /**
     * Rolling historical volatility, annualised: with log returns {@code r[j] = ln(prices[j] / prices[j-1])},
     * {@code out[i] = sampleStd(r[i-period+1..i]) · √252}, the sample standard deviation dividing by
     * {@code period − 1}. A window of identical returns (e.g. constant prices) gives exactly 0.
     *
     * @param period number of returns in the window, 2..5000
     * @throws IllegalArgumentException if {@code period} is outside 2..5000, a price is not a finite positive number,
     *     or {@code out} has the wrong length
     */
    public static double[] historicalVolatility(double[] prices, int period, double[] out) {
        Arguments.positive("prices", prices);
        Arguments.period("period", period, 2);
        Arguments.output("out", out, prices, prices.length);
        computeHistoricalVolatility(prices, period, out);
        return out;
    }

    static void computeHistoricalVolatility(double[] prices, int period, double[] out) {
        int n = prices.length;
        int first = historicalVolatilityWarmup(period);
        if (n <= first) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        // Three passes: the price ratios (vectorised over a copy of the previous prices, whose divisions then leave
        // the loop below), the log returns and the running variance (scalar), and the square roots (vectorised). Same
        // operations on the same values as one fused loop, so the same bits.
        System.arraycopy(prices, 0, out, 1, n - 1);
        for (int i = 1; i < n; i++) {
            out[i] = prices[i] / out[i];
        }
        // Returns live in a ring buffer of `period` values so the one leaving the window need not be recomputed.
        double[] ring = new double[period];
        double mean = 0;
        double m2 = 0;
        int run = 0;
        double previous = Double.NaN;
        out[0] = Double.NaN;
        for (int i = 1; i <= first; i++) {
            double r = Math.log(out[i]);
            ring[i - 1] = r;
            double delta = r - mean;
            mean += delta / i;
            m2 += delta * (r - mean);
            run = r == previous ? run + 1 : 1;
            previous = r;
            if (i < first) {
                out[i] = Double.NaN;
            }
        }
        double invSample = 1.0 / (period - 1);
        double inv = 1.0 / period;
        // out[i] holds the sample variance for now (0 for a window of identical returns).
        out[first] = run >= period ? 0 : Math.max(m2, 0) * invSample;
        int slot = 0;
        for (int i = first + 1; i < n; i++) {
            double r = Math.log(out[i]);
            double old = ring[slot];
            ring[slot] = r;
            slot = slot + 1 == period ? 0 : slot + 1;
            double next = mean + (r - old) * inv;
            m2 += (r - old) * (r - next + old - mean);
            mean = next;
            run = r == previous ? run + 1 : 1;
            previous = r;
            out[i] = run >= period ? 0 : Math.max(m2, 0) * invSample;
        }
        double annualise = Math.sqrt(TRADING_DAYS_PER_YEAR);
        for (int i = first; i < n; i++) {
            out[i] = Math.sqrt(out[i]) * annualise;
        }
    }
}
