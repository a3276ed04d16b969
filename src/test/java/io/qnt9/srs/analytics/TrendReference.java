package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Test-only, deliberately naive transcriptions of the published algorithms behind {@link Trend}: TA-Lib's C code for
 * {@code SAR} and {@code AROON}, TradingView's Pine {@code ta.supertrend}, and the textbook Ichimoku and Keltner
 * definitions. Brute-force windows, separate passes and the references' own statement order, sharing no code with the
 * production kernels (Keltner reuses {@link TaLibReference}'s EMA and ATR, which are themselves naive). Outputs are
 * full length with {@code NaN} where the reference has no value.
 */
final class TrendReference {

    private TrendReference() {}

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** TA_SAR (ta_SAR.c), with TA_MINUS_DM(period 1) for the initial direction and SAR_ROUNDING a no-op. */
    static double[] sar(double[] inHigh, double[] inLow, double optInAcceleration, double optInMaximum) {
        int endIdx = inHigh.length - 1;
        double[] outReal = nan(inHigh.length);
        if (optInAcceleration > optInMaximum) {
            optInAcceleration = optInMaximum;
        }
        double af = optInAcceleration;
        int startIdx = 1;
        if (startIdx > endIdx) {
            return outReal;
        }
        // TA_MINUS_DM(startIdx, startIdx, inHigh, inLow, 1): diffM = prevLow − low, diffP = high − prevHigh.
        double diffP = inHigh[startIdx] - inHigh[startIdx - 1];
        double diffM = inLow[startIdx - 1] - inLow[startIdx];
        double minusDm = (diffM > 0 && diffP < diffM) ? diffM : 0;
        int isLong = minusDm > 0 ? 0 : 1;

        int outIdx = startIdx;
        int todayIdx = startIdx;
        double newHigh = inHigh[todayIdx - 1];
        double newLow = inLow[todayIdx - 1];
        double ep;
        double sar;
        if (isLong == 1) {
            ep = inHigh[todayIdx];
            sar = newLow;
        } else {
            ep = inLow[todayIdx];
            sar = newHigh;
        }
        newLow = inLow[todayIdx];
        newHigh = inHigh[todayIdx];
        double prevLow;
        double prevHigh;
        while (todayIdx <= endIdx) {
            prevLow = newLow;
            prevHigh = newHigh;
            newLow = inLow[todayIdx];
            newHigh = inHigh[todayIdx];
            todayIdx++;
            if (isLong == 1) {
                if (newLow <= sar) {
                    isLong = 0;
                    sar = ep;
                    if (sar < prevHigh) {
                        sar = prevHigh;
                    }
                    if (sar < newHigh) {
                        sar = newHigh;
                    }
                    outReal[outIdx++] = sar;
                    af = optInAcceleration;
                    ep = newLow;
                    sar = sar + af * (ep - sar);
                    if (sar < prevHigh) {
                        sar = prevHigh;
                    }
                    if (sar < newHigh) {
                        sar = newHigh;
                    }
                } else {
                    outReal[outIdx++] = sar;
                    if (newHigh > ep) {
                        ep = newHigh;
                        af += optInAcceleration;
                        if (af > optInMaximum) {
                            af = optInMaximum;
                        }
                    }
                    sar = sar + af * (ep - sar);
                    if (sar > prevLow) {
                        sar = prevLow;
                    }
                    if (sar > newLow) {
                        sar = newLow;
                    }
                }
            } else {
                if (newHigh >= sar) {
                    isLong = 1;
                    sar = ep;
                    if (sar > prevLow) {
                        sar = prevLow;
                    }
                    if (sar > newLow) {
                        sar = newLow;
                    }
                    outReal[outIdx++] = sar;
                    af = optInAcceleration;
                    ep = newHigh;
                    sar = sar + af * (ep - sar);
                    if (sar > prevLow) {
                        sar = prevLow;
                    }
                    if (sar > newLow) {
                        sar = newLow;
                    }
                } else {
                    outReal[outIdx++] = sar;
                    if (newLow < ep) {
                        ep = newLow;
                        af += optInAcceleration;
                        if (af > optInMaximum) {
                            af = optInMaximum;
                        }
                    }
                    sar = sar + af * (ep - sar);
                    if (sar < prevHigh) {
                        sar = prevHigh;
                    }
                    if (sar < newHigh) {
                        sar = newHigh;
                    }
                }
            }
        }
        return outReal;
    }

    /**
     * Aroon by brute force: for each bar from {@code period} on, scan the {@code period + 1} bars oldest to newest and
     * keep the last index holding the maximum high / minimum low (TA-Lib's {@code >=}/{@code <=} tie rule). Returns
     * {up, down, oscillator}.
     */
    static double[][] aroon(double[] high, double[] low, int period) {
        int n = high.length;
        double[] up = nan(n);
        double[] down = nan(n);
        double[] osc = nan(n);
        for (int i = period; i < n; i++) {
            int hi = i - period;
            int lo = i - period;
            for (int j = i - period; j <= i; j++) {
                if (high[j] >= high[hi]) {
                    hi = j;
                }
                if (low[j] <= low[lo]) {
                    lo = j;
                }
            }
            up[i] = 100.0 * (period - (i - hi)) / period;
            down[i] = 100.0 * (period - (i - lo)) / period;
            osc[i] = up[i] - down[i];
        }
        return new double[][] {up, down, osc};
    }

    /** Keltner: TA-Lib EMA of the close ± multiplier · TA-Lib ATR; {upper, middle, lower} from the later warm-up. */
    static double[][] keltner(
            double[] high, double[] low, double[] close, int emaPeriod, int atrPeriod, double multiplier) {
        int n = close.length;
        double[] ema = TaLibReference.ema(close, emaPeriod);
        double[] atr = TaLibReference.atr(high, low, close, atrPeriod);
        double[] upper = nan(n);
        double[] middle = nan(n);
        double[] lower = nan(n);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(ema[i]) && !Double.isNaN(atr[i])) {
                middle[i] = ema[i];
                upper[i] = ema[i] + multiplier * atr[i];
                lower[i] = ema[i] - multiplier * atr[i];
            }
        }
        return new double[][] {upper, middle, lower};
    }

    /**
     * Pine's {@code ta.supertrend(factor, atrPeriod)} (TradingView reference manual), line by line, with the ATR of
     * {@link TaLibReference#atr} in place of {@code ta.atr}. {@code na} is NaN, {@code nz(x)} is 0 for NaN. Returns
     * {line, direction} with direction converted from Pine's (−1 up, +1 down) to +1 up, −1 down.
     */
    static double[][] superTrend(double[] high, double[] low, double[] close, int atrPeriod, double factor) {
        int n = close.length;
        double[] atr = TaLibReference.atr(high, low, close, atrPeriod);
        double[] upperBandSeries = nan(n);
        double[] lowerBandSeries = nan(n);
        double[] superTrendSeries = nan(n);
        double[] directionSeries = nan(n);
        for (int bar = 0; bar < n; bar++) {
            double src = (high[bar] + low[bar]) / 2;
            double upperBand = src + factor * atr[bar];
            double lowerBand = src - factor * atr[bar];
            double prevLowerBand = bar > 0 ? nz(lowerBandSeries[bar - 1]) : 0;
            double prevUpperBand = bar > 0 ? nz(upperBandSeries[bar - 1]) : 0;
            double prevClose = bar > 0 ? close[bar - 1] : Double.NaN;
            lowerBand = lowerBand > prevLowerBand || prevClose < prevLowerBand ? lowerBand : prevLowerBand;
            upperBand = upperBand < prevUpperBand || prevClose > prevUpperBand ? upperBand : prevUpperBand;
            if (Double.isNaN(atr[bar])) {
                // Pine evaluates the bands as na here; keep them na so the next bar sees nz(na) = 0.
                continue;
            }
            lowerBandSeries[bar] = lowerBand;
            upperBandSeries[bar] = upperBand;
            int direction;
            double prevSuperTrend = bar > 0 ? superTrendSeries[bar - 1] : Double.NaN;
            if (bar == 0 || Double.isNaN(atr[bar - 1])) {
                direction = 1;
            } else if (prevSuperTrend == prevUpperBand) {
                direction = close[bar] > upperBand ? -1 : 1;
            } else {
                direction = close[bar] < lowerBand ? 1 : -1;
            }
            superTrendSeries[bar] = direction == -1 ? lowerBand : upperBand;
            directionSeries[bar] = -direction;
        }
        return new double[][] {superTrendSeries, directionSeries};
    }

    private static double nz(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    /** (highest high + lowest low) / 2 of the {@code period} bars ending at each bar, by brute force. */
    static double[] midpoint(double[] high, double[] low, int period) {
        int n = high.length;
        double[] out = nan(n);
        for (int i = period - 1; i < n; i++) {
            double hh = Double.NEGATIVE_INFINITY;
            double ll = Double.POSITIVE_INFINITY;
            for (int j = i - period + 1; j <= i; j++) {
                hh = Math.max(hh, high[j]);
                ll = Math.min(ll, low[j]);
            }
            out[i] = (hh + ll) / 2;
        }
        return out;
    }

    /**
     * Ichimoku {tenkan, kijun, senkou A, senkou B}: the spans computed at bar {@code j} and then shifted forward by
     * {@code kijun − 1} positions into a new array (the cloud TradingView plots at bar {@code j + kijun − 1}, with
     * {@code offset = displacement − 1}).
     */
    static double[][] ichimoku(double[] high, double[] low, int tenkan, int kijun, int senkou) {
        int n = high.length;
        double[] tenkanSen = midpoint(high, low, tenkan);
        double[] kijunSen = midpoint(high, low, kijun);
        double[] spanB = midpoint(high, low, senkou);
        double[] spanA = nan(n);
        for (int j = 0; j < n; j++) {
            spanA[j] = (tenkanSen[j] + kijunSen[j]) / 2; // NaN while either is NaN
        }
        double[] shiftedA = nan(n);
        double[] shiftedB = nan(n);
        int displacement = kijun - 1;
        for (int j = 0; j + displacement < n; j++) {
            shiftedA[j + displacement] = spanA[j];
            shiftedB[j + displacement] = spanB[j];
        }
        return new double[][] {tenkanSen, kijunSen, shiftedA, shiftedB};
    }
}
