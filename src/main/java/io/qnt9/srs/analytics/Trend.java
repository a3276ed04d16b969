package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Trend and channel indicators: Parabolic SAR, Aroon, Keltner channels, SuperTrend and Ichimoku.
 *
 * <p>Same conventions as {@link MovingAverages}: outputs as long as the input, {@code NaN} before the warm-up index,
 * finite after it, all {@code NaN} for a series shorter than the warm-up, non-finite input rejected. None of these
 * indicators divides by a value computed from the data, so flat prices and zero volume need no special case.
 */
public final class Trend {

    /** Default Parabolic SAR acceleration step and maximum (TA-Lib, Wilder). */
    public static final double PSAR_ACCELERATION = 0.02;

    public static final double PSAR_MAXIMUM = 0.2;

    private Trend() {}

    // ---------------------------------------------------------------- Parabolic SAR

    /** Bars needed before the first SAR value: 1 (the first bar only decides the initial direction). */
    public static int psarWarmup() {
        return 1;
    }

    /** See {@link #psar(double[], double[], double, double, double[])}. */
    public static double[] psar(double[] high, double[] low, double acceleration, double maximum) {
        Arguments.notNull("high", high);
        return psar(high, low, acceleration, maximum, new double[high.length]);
    }

    /**
     * Wilder's Parabolic SAR, step for step as TA-Lib {@code SAR} (default compatibility). The SAR of the next bar is
     * {@code sar + af·(ep − sar)}, where {@code ep} is the extreme point of the current trend (highest high of a long
     * trend, lowest low of a short one) and the acceleration factor {@code af} starts at {@code acceleration} and grows
     * by {@code acceleration} (up to {@code maximum}) each time the trend sets a new extreme; a long SAR is then capped
     * at the lows of the current and the previous bar, a short SAR floored at their highs.
     *
     * <p>Seeding (TA-Lib): the initial direction comes from the directional movement of bars 0 and 1 — short if
     * {@code −DM = low[0] − low[1]} is positive and greater than {@code +DM = high[1] − high[0]}, long otherwise. The
     * first SAR, at index 1, is {@code low[0]} for a long start (extreme point {@code high[1]}) and {@code high[0]}
     * for a short one (extreme point {@code low[1]}). A bar whose low touches or crosses a long SAR ({@code low ≤ sar})
     * or whose high touches or crosses a short SAR ({@code high ≥ sar}) reverses the trend: that bar's SAR is the old
     * extreme point, kept beyond the range of the current and the previous bar, the factor restarts and the bar's
     * extreme becomes the new extreme point.
     *
     * <p>ta4j's {@code ParabolicSarIndicator} decides the first direction by {@code close[1] > close[0]}, reverses a
     * long trend only when {@code low < sar} (strictly) and tests the SAR <em>before</em> capping it at the previous
     * two bars' range (TA-Lib caps first), so it reverses earlier on some bars and the two paths differ from there.
     *
     * @param acceleration initial factor and its step, finite, greater than 0 and at most {@code maximum}
     * @param maximum largest factor, finite
     * @throws IllegalArgumentException if a factor is out of range, the columns differ in length or hold NaN or an
     *     infinity, or {@code out} has the wrong length
     */
    public static double[] psar(double[] high, double[] low, double acceleration, double maximum, double[] out) {
        Arguments.highLow(high, low);
        if (!(acceleration > 0) || !Double.isFinite(acceleration)) {
            throw new IllegalArgumentException(
                    "acceleration must be a finite number greater than 0, got " + acceleration);
        }
        if (!(maximum >= acceleration) || !Double.isFinite(maximum)) {
            throw new IllegalArgumentException(
                    "maximum must be a finite number at least acceleration (" + acceleration + "), got " + maximum);
        }
        Arguments.output("out", out, high, high.length);
        Arguments.output("out", out, low, high.length);
        computePsar(high, low, acceleration, maximum, out);
        return out;
    }

    static void computePsar(double[] high, double[] low, double acceleration, double maximum, double[] out) {
        int n = high.length;
        if (n <= psarWarmup()) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        out[0] = Double.NaN;
        double plusDm = high[1] - high[0];
        double minusDm = low[0] - low[1];
        boolean isLong = !(minusDm > 0 && plusDm < minusDm);
        double sar = isLong ? low[0] : high[0];
        double ep = isLong ? high[1] : low[1];
        double af = acceleration;
        // Bar 1 is its own "previous" bar for the first range check, as in TA-Lib.
        double newLow = low[1];
        double newHigh = high[1];
        for (int i = 1; i < n; i++) {
            double prevLow = newLow;
            double prevHigh = newHigh;
            newLow = low[i];
            newHigh = high[i];
            if (isLong) {
                if (newLow <= sar) {
                    isLong = false;
                    sar = Math.max(ep, Math.max(prevHigh, newHigh));
                    out[i] = sar;
                    af = acceleration;
                    ep = newLow;
                    sar = Math.max(sar + af * (ep - sar), Math.max(prevHigh, newHigh));
                } else {
                    out[i] = sar;
                    if (newHigh > ep) {
                        ep = newHigh;
                        af = Math.min(af + acceleration, maximum);
                    }
                    sar = Math.min(sar + af * (ep - sar), Math.min(prevLow, newLow));
                }
            } else {
                if (newHigh >= sar) {
                    isLong = true;
                    sar = Math.min(ep, Math.min(prevLow, newLow));
                    out[i] = sar;
                    af = acceleration;
                    ep = newHigh;
                    sar = Math.min(sar + af * (ep - sar), Math.min(prevLow, newLow));
                } else {
                    out[i] = sar;
                    if (newLow < ep) {
                        ep = newLow;
                        af = Math.min(af + acceleration, maximum);
                    }
                    sar = Math.max(sar + af * (ep - sar), Math.max(prevHigh, newHigh));
                }
            }
        }
    }

    // ---------------------------------------------------------------- Aroon

    /** Bars needed before the first Aroon value: {@code period} (the window holds {@code period + 1} bars). */
    public static int aroonWarmup(int period) {
        return period;
    }

    /** See {@link #aroon(double[], double[], int, Aroon)}. */
    public static Aroon aroon(double[] high, double[] low, int period) {
        Arguments.notNull("high", high);
        return aroon(high, low, period, Aroon.allocate(high.length));
    }

    /**
     * Aroon (TA-Lib {@code AROON} and {@code AROONOSC}, ta4j {@code AroonUp/Down/OscillatorIndicator}): over the
     * {@code period + 1} bars {@code i−period..i}, {@code up = 100·(period − barsSinceHighestHigh) / period},
     * {@code down = 100·(period − barsSinceLowestLow) / period} and {@code oscillator = up − down}. On ties the most
     * recent bar holding the extreme counts (TA-Lib's {@code >=}/{@code <=}, ta4j scans back from the current bar), so
     * a flat window gives up = down = 100 and oscillator 0.
     *
     * <p>One pass keeping the index of the current extremes, as TA-Lib: the window is rescanned only when its extreme
     * leaves it, so the cost is O(1) per bar except after such an exit.
     *
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, the columns differ in length or hold NaN
     *     or an infinity, or an output column has the wrong length
     */
    public static Aroon aroon(double[] high, double[] low, int period, Aroon out) {
        Arguments.highLow(high, low);
        Arguments.period("period", period);
        Arguments.notNull("out", out);
        Arguments.highLowOutputs(high, low, out.up(), out.down(), out.oscillator());
        computeAroon(high, low, period, out);
        return out;
    }

    static void computeAroon(double[] high, double[] low, int period, Aroon out) {
        double[] up = out.up();
        double[] down = out.down();
        double[] oscillator = out.oscillator();
        int n = high.length;
        int first = aroonWarmup(period);
        for (int i = 0, warm = Math.min(first, n); i < warm; i++) {
            up[i] = down[i] = oscillator[i] = Double.NaN;
        }
        double factor = 100.0 / period;
        int highestIdx = -1;
        int lowestIdx = -1;
        double highest = 0;
        double lowest = 0;
        for (int i = first; i < n; i++) {
            int trailing = i - period;
            double h = high[i];
            double l = low[i];
            if (highestIdx < trailing) {
                highestIdx = trailing;
                highest = high[trailing];
                for (int j = trailing + 1; j <= i; j++) {
                    if (high[j] >= highest) {
                        highestIdx = j;
                        highest = high[j];
                    }
                }
            } else if (h >= highest) {
                highestIdx = i;
                highest = h;
            }
            if (lowestIdx < trailing) {
                lowestIdx = trailing;
                lowest = low[trailing];
                for (int j = trailing + 1; j <= i; j++) {
                    if (low[j] <= lowest) {
                        lowestIdx = j;
                        lowest = low[j];
                    }
                }
            } else if (l <= lowest) {
                lowestIdx = i;
                lowest = l;
            }
            double u = factor * (period - (i - highestIdx));
            double d = factor * (period - (i - lowestIdx));
            up[i] = u;
            down[i] = d;
            oscillator[i] = u - d;
        }
    }

    // ---------------------------------------------------------------- Keltner channels

    /** Bars needed before the first Keltner value: {@code max(emaPeriod − 1, atrPeriod)}. */
    public static int keltnerWarmup(int emaPeriod, int atrPeriod) {
        return Math.max(MovingAverages.emaWarmup(emaPeriod), Volatility.atrWarmup(atrPeriod));
    }

    /** See {@link #keltner(double[], double[], double[], int, int, double, KeltnerChannel)}. */
    public static KeltnerChannel keltner(
            double[] high, double[] low, double[] close, int emaPeriod, int atrPeriod, double multiplier) {
        Arguments.notNull("close", close);
        return keltner(high, low, close, emaPeriod, atrPeriod, multiplier, KeltnerChannel.allocate(close.length));
    }

    /**
     * Keltner channels as StockCharts and TradingView define them (Chester Keltner's bands in Linda Raschke's form):
     * {@code middle = EMA(close, emaPeriod)}, {@code upper = middle + multiplier·ATR(atrPeriod)},
     * {@code lower = middle − multiplier·ATR(atrPeriod)}; defaults 20, 10 and 2. The EMA is {@link MovingAverages#ema}
     * (SMA seed at {@code emaPeriod − 1}, TA-Lib) and the ATR is {@link Volatility#atr} (Wilder, seeded with the mean of
     * the first {@code atrPeriod} true ranges at index {@code atrPeriod}, TA-Lib). All three columns start together at
     * {@link #keltnerWarmup}. Constant prices give three equal lines.
     *
     * <p>ta4j's {@code KeltnerChannelMiddleIndicator(series, n)} uses the EMA of the typical price; built on the close
     * ({@code KeltnerChannelMiddleIndicator(closePrice, n)}) it is this middle line except for ta4j's EMA and ATR
     * seeding at bar 0, which decays geometrically.
     *
     * @param multiplier band width in ATRs, finite and greater than 0
     * @throws IllegalArgumentException if a period is outside 1..5000, {@code multiplier} is not a finite positive
     *     number, the columns differ in length or hold NaN or an infinity, or an output column has the wrong length
     */
    public static KeltnerChannel keltner(
            double[] high,
            double[] low,
            double[] close,
            int emaPeriod,
            int atrPeriod,
            double multiplier,
            KeltnerChannel out) {
        Arguments.bars(high, low, close);
        Arguments.period("emaPeriod", emaPeriod);
        Arguments.period("atrPeriod", atrPeriod);
        positiveFactor("multiplier", multiplier);
        Arguments.notNull("out", out);
        int n = close.length;
        for (double[] column : new double[][] {out.upper(), out.middle(), out.lower()}) {
            Arguments.output("out column", column, high, n);
            Arguments.output("out column", column, low, n);
            Arguments.output("out column", column, close, n);
        }
        computeKeltner(high, low, close, emaPeriod, atrPeriod, multiplier, out);
        return out;
    }

    static void computeKeltner(
            double[] high,
            double[] low,
            double[] close,
            int emaPeriod,
            int atrPeriod,
            double multiplier,
            KeltnerChannel out) {
        double[] upper = out.upper();
        double[] middle = out.middle();
        double[] lower = out.lower();
        int n = close.length;
        int first = keltnerWarmup(emaPeriod, atrPeriod);
        if (n <= first) {
            Arrays.fill(upper, Double.NaN);
            Arrays.fill(middle, Double.NaN);
            Arrays.fill(lower, Double.NaN);
            return;
        }
        // The EMA into middle and the ATR into lower (both vectorised or block-unrolled kernels), then the bands in
        // one same-index pass.
        MovingAverages.computeEma(close, emaPeriod, middle);
        Volatility.computeAtr(high, low, close, atrPeriod, lower);
        for (int i = 0; i < first; i++) {
            upper[i] = middle[i] = lower[i] = Double.NaN;
        }
        for (int i = first; i < n; i++) {
            double m = middle[i];
            double width = multiplier * lower[i];
            upper[i] = m + width;
            lower[i] = m - width;
        }
    }

    // ---------------------------------------------------------------- SuperTrend

    /** Bars needed before the first SuperTrend value: {@code atrWarmup(period)} = {@code period}. */
    public static int superTrendWarmup(int period) {
        return Volatility.atrWarmup(period);
    }

    /** See {@link #superTrend(double[], double[], double[], int, double, SuperTrend)}. */
    public static SuperTrend superTrend(double[] high, double[] low, double[] close, int period, double multiplier) {
        Arguments.notNull("close", close);
        return superTrend(high, low, close, period, multiplier, SuperTrend.allocate(close.length));
    }

    /**
     * SuperTrend (Olivier Seban), as TradingView's built-in {@code ta.supertrend} with the ATR of
     * {@link Volatility#atr} (Wilder, TA-Lib seeding); defaults period 10, multiplier 3. With {@code hl2 = (high +
     * low)/2}, the basic bands are {@code hl2 ± multiplier·ATR}. The final upper band keeps its previous value unless
     * the basic upper band is lower or the previous close was above the previous final upper band; the final lower band
     * keeps its previous value unless the basic lower band is higher or the previous close was below it. If the
     * previous SuperTrend was the final upper band, the trend turns up when {@code close > upper} and stays down
     * otherwise; if it was the final lower band, it turns down when {@code close < lower}. The line is the final lower
     * band in an up-trend and the final upper band in a down-trend; {@code direction} is +1 up, −1 down.
     *
     * <p>Seeding (TradingView): at the first bar with an ATR, index {@code period}, the final bands are the basic bands
     * and the trend is down. (Pine compares that bar's basic lower band with {@code nz(na) = 0}, which differs only for
     * a basic lower band ≤ 0, i.e. {@code multiplier·ATR ≥ hl2}.) TradingView's own ATR ({@code ta.rma} of the true range, whose first value counts
     * {@code high − low} of bar 0) starts one bar earlier and converges to this one geometrically, as ta4j's does (from
     * bar 0); ta4j's {@code SuperTrendIndicator} also starts at bar 0 (value 0) and turns to the up-trend at bar 1.
     * Constant prices give ATR 0, equal bands and a down-trend at the price.
     *
     * @param multiplier band width in ATRs, finite and greater than 0
     * @throws IllegalArgumentException if {@code period} is outside 1..5000, {@code multiplier} is not a finite
     *     positive number, the columns differ in length or hold NaN or an infinity, or an output column has the wrong
     *     length
     */
    public static SuperTrend superTrend(
            double[] high, double[] low, double[] close, int period, double multiplier, SuperTrend out) {
        Arguments.bars(high, low, close);
        Arguments.period("period", period);
        positiveFactor("multiplier", multiplier);
        Arguments.notNull("out", out);
        int n = close.length;
        for (double[] column : new double[][] {out.line(), out.direction()}) {
            Arguments.output("out column", column, high, n);
            Arguments.output("out column", column, low, n);
            Arguments.output("out column", column, close, n);
        }
        computeSuperTrend(high, low, close, period, multiplier, out);
        return out;
    }

    static void computeSuperTrend(
            double[] high, double[] low, double[] close, int period, double multiplier, SuperTrend out) {
        double[] line = out.line();
        double[] direction = out.direction();
        int n = close.length;
        int first = superTrendWarmup(period);
        if (n <= first) {
            Arrays.fill(line, Double.NaN);
            Arrays.fill(direction, Double.NaN);
            return;
        }
        // The ATR goes to line[] first and is overwritten bar by bar, left to right.
        Volatility.computeAtr(high, low, close, period, line);
        Arrays.fill(direction, 0, first, Double.NaN);
        double hl2 = (high[first] + low[first]) * 0.5;
        double width = multiplier * line[first];
        double upper = hl2 + width;
        double lower = hl2 - width;
        boolean onUpper = true;
        line[first] = upper;
        direction[first] = -1;
        for (int i = first + 1; i < n; i++) {
            hl2 = (high[i] + low[i]) * 0.5;
            width = multiplier * line[i];
            double basicUpper = hl2 + width;
            double basicLower = hl2 - width;
            double previousClose = close[i - 1];
            // TradingView compares the previous SuperTrend with the previous upper band; when both final bands are
            // equal the line counts as the upper one. onUpper is that comparison.
            onUpper = onUpper || upper == lower;
            upper = basicUpper < upper || previousClose > upper ? basicUpper : upper;
            lower = basicLower > lower || previousClose < lower ? basicLower : lower;
            double c = close[i];
            boolean upTrend = onUpper ? c > upper : c >= lower;
            onUpper = !upTrend;
            line[i] = upTrend ? lower : upper;
            direction[i] = upTrend ? 1 : -1;
        }
    }

    // ---------------------------------------------------------------- Ichimoku

    /** Bars needed before the first tenkan-sen value: {@code tenkan − 1}. */
    public static int tenkanWarmup(int tenkan) {
        return tenkan - 1;
    }

    /**
     * Bars needed before the first senkou span A value: {@code max(tenkan, kijun) − 1 + (kijun − 1)}, the later of
     * the two lines' warm-ups plus the displacement.
     */
    public static int senkouAWarmup(int tenkan, int kijun) {
        return Math.max(tenkan, kijun) - 1 + senkouDisplacement(kijun);
    }

    /** Bars needed before the first senkou span B value: {@code senkou − 1 + (kijun − 1)}. */
    public static int senkouBWarmup(int kijun, int senkou) {
        return senkou - 1 + senkouDisplacement(kijun);
    }

    /**
     * Bars needed before every Ichimoku column has a value: {@code max(senkouAWarmup, senkouBWarmup)} =
     * {@code max(tenkan, kijun, senkou) − 1 + (kijun − 1)}.
     */
    public static int ichimokuWarmup(int tenkan, int kijun, int senkou) {
        return Math.max(senkouAWarmup(tenkan, kijun), senkouBWarmup(kijun, senkou));
    }

    /** How many bars the senkou spans are shifted forward: {@code kijun − 1} (see {@link #ichimoku}). */
    private static int senkouDisplacement(int kijun) {
        return kijun - 1;
    }

    /** See {@link #ichimoku(double[], double[], int, int, int, Ichimoku)}. */
    public static Ichimoku ichimoku(double[] high, double[] low, int tenkan, int kijun, int senkou) {
        Arguments.notNull("high", high);
        return ichimoku(high, low, tenkan, kijun, senkou, Ichimoku.allocate(high.length));
    }

    /**
     * Ichimoku kinkō hyō (Goichi Hosoda), defaults 9, 26, 52. With {@code mid(p)[i] = (max(high[i−p+1..i]) +
     * min(low[i−p+1..i])) / 2}: {@code tenkan = mid(tenkan)} (warm-up {@code tenkan − 1}), {@code kijun = mid(kijun)}
     * (warm-up {@code kijun − 1}), {@code senkouA[i] = (tenkan[i−d] + kijun[i−d]) / 2} and {@code senkouB[i] =
     * mid(senkou)[i−d]}, displaced by {@code d = kijun − 1} bars, as TradingView plots the cloud ({@code offset =
     * displacement − 1}) and as ta4j's {@code IchimokuSenkouSpanA/BIndicator(…, offset = kijun)} read it (at
     * {@code i − offset + 1}): the value at bar {@code i} equals theirs at the same bar. It is the cloud plotted at
     * {@code i}, computed {@code kijun − 1} bars earlier, so it is known at bar {@code i} without looking ahead; with
     * {@code kijun = 1} there is no displacement. Warm-ups {@link #senkouAWarmup} and {@link #senkouBWarmup} (50 and
     * 76 for 9/26/52).
     *
     * <p>The chikou span (the close plotted {@code kijun} bars in the past) is left out: its value for bar {@code i}
     * is {@code close[i + kijun]}, a future price, which a column aligned to the bars cannot hold without look-ahead.
     *
     * @throws IllegalArgumentException if a period is outside 1..5000, the columns differ in length or hold NaN or an
     *     infinity, or an output column has the wrong length
     */
    public static Ichimoku ichimoku(double[] high, double[] low, int tenkan, int kijun, int senkou, Ichimoku out) {
        Arguments.highLow(high, low);
        Arguments.period("tenkan", tenkan);
        Arguments.period("kijun", kijun);
        Arguments.period("senkou", senkou);
        Arguments.notNull("out", out);
        Arguments.highLowOutputs(high, low, out.tenkan(), out.kijun(), out.senkouA(), out.senkouB());
        computeIchimoku(high, low, tenkan, kijun, senkou, out);
        return out;
    }

    static void computeIchimoku(double[] high, double[] low, int tenkan, int kijun, int senkou, Ichimoku out) {
        double[] tenkanSen = out.tenkan();
        double[] kijunSen = out.kijun();
        double[] spanA = out.senkouA();
        double[] spanB = out.senkouB();
        int n = high.length;
        // The senkou columns serve as scratch for the lowest lows and the extremes' work column until the displacement
        // pass overwrites them.
        midpoints(high, low, tenkan, tenkanSen, spanA, spanB);
        midpoints(high, low, kijun, kijunSen, spanA, spanB);
        RollingExtremes.compute(high, low, senkou, spanA, spanB, new double[n]);
        // Displacement, right to left: bar i reads bar i − d ≤ i, which no earlier (higher) step has overwritten; with
        // d = 0 it reads span A's scratch before overwriting it.
        int d = senkouDisplacement(kijun);
        int firstA = senkouAWarmup(tenkan, kijun);
        int firstB = senkouBWarmup(kijun, senkou);
        for (int i = n - 1; i >= 0; i--) {
            int j = i - d;
            spanB[i] = i >= firstB ? (spanA[j] + spanB[j]) * 0.5 : Double.NaN;
            spanA[i] = i >= firstA ? (tenkanSen[j] + kijunSen[j]) * 0.5 : Double.NaN;
        }
    }

    /** {@code mid[i] = (max(high) + min(low)) / 2} over the {@code period} bars ending at {@code i}; NaN before. */
    private static void midpoints(
            double[] high, double[] low, int period, double[] mid, double[] scratch, double[] work) {
        int n = high.length;
        int first = Math.min(period - 1, n);
        RollingExtremes.compute(high, low, period, mid, scratch, work);
        Arrays.fill(mid, 0, first, Double.NaN);
        for (int i = first; i < n; i++) {
            mid[i] = (mid[i] + scratch[i]) * 0.5;
        }
    }

    private static void positiveFactor(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number greater than 0, got " + value);
        }
    }
}
