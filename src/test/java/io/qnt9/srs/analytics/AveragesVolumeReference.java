package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Deliberately naive test-only transcriptions for {@link AdaptiveAverages} and {@link MoneyFlow}: TA-Lib's C code
 * (default compatibility, no unstable period) for {@code KAMA}, {@code AD} and {@code ADOSC}, and direct window loops
 * (every window summed afresh, separate passes) for HMA, ZLEMA, VWMA and CMF. They share no code with the production
 * kernels. Outputs are full length with {@code NaN} before the first value.
 */
final class AveragesVolumeReference {

    private AveragesVolumeReference() {}

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** WMA of the `period` values ending at each index, summed afresh; NaN where the window is short or holds NaN. */
    static double[] wma(double[] in, int period) {
        double[] out = nan(in.length);
        double divider = period * (period + 1) / 2.0;
        for (int i = period - 1; i < in.length; i++) {
            double sum = 0;
            for (int w = 1; w <= period; w++) {
                sum += w * in[i - period + w];
            }
            out[i] = sum / divider;
        }
        return out;
    }

    /** Hull: WMA(2·WMA(n/2) − WMA(n), floor(√n)), three separate WMA passes (NaN propagates the warm-up). */
    static double[] hma(double[] in, int period) {
        double[] half = wma(in, period / 2);
        double[] full = wma(in, period);
        double[] diff = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            diff[i] = 2 * half[i] - full[i];
        }
        int sqrt = 1;
        while ((sqrt + 1) * (sqrt + 1) <= period) {
            sqrt++;
        }
        return wma(diff, sqrt);
    }

    /** TA_KAMA, line by line: TA_IS_ZERO is TA-Lib's {@code -1e-8 < x < 1e-8}. */
    static double[] kama(double[] in, int period) {
        double[] out = nan(in.length);
        int lookbackTotal = period;
        int startIdx = lookbackTotal;
        int endIdx = in.length - 1;
        if (startIdx > endIdx) {
            return out;
        }
        double constMax = 2.0 / (30.0 + 1.0);
        double constDiff = 2.0 / (2.0 + 1.0) - constMax;
        double sumROC1 = 0.0;
        int today = startIdx - lookbackTotal;
        int trailingIdx = today;
        int i = period;
        while (i-- > 0) {
            double tempReal = in[today++];
            tempReal -= in[today];
            sumROC1 += Math.abs(tempReal);
        }
        double prevKAMA = in[today - 1];
        double tempReal = in[today];
        double tempReal2 = in[trailingIdx++];
        double periodROC = tempReal - tempReal2;
        double trailingValue = tempReal2;
        if ((sumROC1 <= periodROC) || isZero(sumROC1)) {
            tempReal = 1.0;
        } else {
            tempReal = Math.abs(periodROC / sumROC1);
        }
        tempReal = (tempReal * constDiff) + constMax;
        tempReal *= tempReal;
        prevKAMA = ((in[today++] - prevKAMA) * tempReal) + prevKAMA;
        out[today - 1] = prevKAMA;
        while (today <= endIdx) {
            tempReal = in[today];
            tempReal2 = in[trailingIdx++];
            periodROC = tempReal - tempReal2;
            sumROC1 -= Math.abs(trailingValue - tempReal2);
            sumROC1 += Math.abs(tempReal - in[today - 1]);
            trailingValue = tempReal2;
            if ((sumROC1 <= periodROC) || isZero(sumROC1)) {
                tempReal = 1.0;
            } else {
                tempReal = Math.abs(periodROC / sumROC1);
            }
            tempReal = (tempReal * constDiff) + constMax;
            tempReal *= tempReal;
            prevKAMA = ((in[today] - prevKAMA) * tempReal) + prevKAMA;
            out[today++] = prevKAMA;
        }
        return out;
    }

    private static boolean isZero(double v) {
        return -0.00000001 < v && v < 0.00000001;
    }

    /**
     * ta4j's ZLEMAIndicator written out: values before index period−1 are ta4j's partial SMAs (kept here only as the
     * seed), then k·(2·x[i] − x[i − (period−1)/2]) + (1 − k)·previous.
     */
    static double[] zlema(double[] in, int period) {
        double[] out = nan(in.length);
        double k = 2.0 / (period + 1);
        int lag = (period - 1) / 2;
        double previous = Double.NaN;
        for (int i = 0; i < in.length; i++) {
            if (i + 1 < period) {
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    sum += in[j];
                }
                previous = sum / (i + 1);
                continue;
            }
            double value = i == 0 ? in[0] : k * (2 * in[i] - in[i - lag]) + (1 - k) * previous;
            out[i] = value;
            previous = value;
        }
        return out;
    }

    /** Σ close·volume / Σ volume over each window, summed afresh; the window's mean close when it has no volume. */
    static double[] vwma(double[] close, long[] volume, int period) {
        double[] out = nan(close.length);
        for (int i = period - 1; i < close.length; i++) {
            double weighted = 0;
            double plain = 0;
            double volumes = 0;
            for (int j = i - period + 1; j <= i; j++) {
                weighted += close[j] * volume[j];
                plain += close[j];
                volumes += volume[j];
            }
            out[i] = volumes > 0 ? weighted / volumes : plain / period;
        }
        return out;
    }

    /** TA-Lib's CALCULATE_AD step for one bar: the money-flow volume, 0 unless high − low > 0. */
    static double moneyFlowVolume(double high, double low, double close, long volume) {
        double tmp = high - low;
        if (tmp > 0.0) {
            return (((close - low) - (high - close)) / tmp) * ((double) volume);
        }
        return 0.0;
    }

    /** TA_AD: the running sum of money-flow volume from bar 0. */
    static double[] ad(double[] high, double[] low, double[] close, long[] volume) {
        double[] out = new double[close.length];
        double ad = 0.0;
        for (int currentBar = 0; currentBar < close.length; currentBar++) {
            ad += moneyFlowVolume(high[currentBar], low[currentBar], close[currentBar], volume[currentBar]);
            out[currentBar] = ad;
        }
        return out;
    }

    /** Chaikin money flow: each window's money-flow volumes and volumes summed afresh; 0 without volume. */
    static double[] cmf(double[] high, double[] low, double[] close, long[] volume, int period) {
        double[] out = nan(close.length);
        for (int i = period - 1; i < close.length; i++) {
            double flow = 0;
            double volumes = 0;
            for (int j = i - period + 1; j <= i; j++) {
                flow += moneyFlowVolume(high[j], low[j], close[j], volume[j]);
                volumes += volume[j];
            }
            out[i] = volumes > 0 ? flow / volumes : 0;
        }
        return out;
    }

    /** TA_ADOSC: both EMAs seeded with the first AD value, output from the slower EMA's look-back on. */
    static double[] adosc(double[] high, double[] low, double[] close, long[] volume, int fast, int slow) {
        double[] out = nan(close.length);
        int slowestPeriod = Math.max(fast, slow);
        int lookbackTotal = slowestPeriod - 1;
        int startIdx = lookbackTotal;
        int endIdx = close.length - 1;
        if (startIdx > endIdx) {
            return out;
        }
        int today = startIdx - lookbackTotal;
        double ad = 0.0;
        double fastk = 2.0 / (fast + 1);
        double oneMinusFastk = 1.0 - fastk;
        double slowk = 2.0 / (slow + 1);
        double oneMinusSlowk = 1.0 - slowk;
        ad += moneyFlowVolume(high[today], low[today], close[today], volume[today]);
        today++;
        double fastEMA = ad;
        double slowEMA = ad;
        while (today < startIdx) {
            ad += moneyFlowVolume(high[today], low[today], close[today], volume[today]);
            today++;
            fastEMA = (fastk * ad) + (oneMinusFastk * fastEMA);
            slowEMA = (slowk * ad) + (oneMinusSlowk * slowEMA);
        }
        while (today <= endIdx) {
            ad += moneyFlowVolume(high[today], low[today], close[today], volume[today]);
            fastEMA = (fastk * ad) + (oneMinusFastk * fastEMA);
            slowEMA = (slowk * ad) + (oneMinusSlowk * slowEMA);
            out[today] = fastEMA - slowEMA;
            today++;
        }
        return out;
    }
}
