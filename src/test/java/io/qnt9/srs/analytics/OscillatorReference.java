package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Deliberately naive test-only transcriptions of the oscillators in {@link Oscillators}: separate passes, every window
 * summed afresh (no sliding sums), TA-Lib's own loop and arithmetic where TA-Lib has the function ({@code ULTOSC},
 * {@code TRIX}, {@code PPO}'s EMAs), so that they share no code or structure with the fused production kernels. Full
 * length outputs, {@code NaN} before the first value. The flat-window values are the documented ones of
 * {@link Oscillators} (TA-Lib's differ there, see each method).
 */
final class OscillatorReference {

    private OscillatorReference() {}

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** Plain mean of {@code in[from..to]}, summed afresh. */
    private static double mean(double[] in, int from, int to) {
        double sum = 0;
        for (int j = from; j <= to; j++) {
            sum += in[j];
        }
        return sum / (to - from + 1);
    }

    /**
     * MFI: typical prices, then directions, then for each bar the two sums over its window from scratch. A window with
     * no flow gives 50 (TA-Lib: 0 when the total is below 1).
     */
    static double[] mfi(double[] high, double[] low, double[] close, long[] volume, int period) {
        int n = close.length;
        double[] tp = new double[n];
        for (int i = 0; i < n; i++) {
            tp[i] = (high[i] + low[i] + close[i]) / 3.0;
        }
        double[] out = nan(n);
        for (int i = period; i < n; i++) {
            double positive = 0;
            double negative = 0;
            for (int j = i - period + 1; j <= i; j++) {
                double flow = tp[j] * volume[j];
                if (tp[j] > tp[j - 1]) {
                    positive += flow;
                } else if (tp[j] < tp[j - 1]) {
                    negative += flow;
                }
            }
            double total = positive + negative;
            out[i] = total == 0 ? 50.0 : 100.0 * (positive / total);
        }
        return out;
    }

    /**
     * TradingView's {@code sma(sma(stoch(rsi, rsi, rsi, stochLength), k), d)} over TA-Lib's RSI ({@link
     * TaLibReference#rsi}), each window scanned and summed afresh. A flat RSI window gives 50 (TA-Lib's STOCHF: 0).
     * Returns {k, d}.
     */
    static double[][] stochRsi(double[] close, int rsiPeriod, int stochPeriod, int kPeriod, int dPeriod) {
        int n = close.length;
        double[] rsi = TaLibReference.rsi(close, rsiPeriod);
        double[] raw = nan(n);
        for (int i = rsiPeriod + stochPeriod - 1; i < n; i++) {
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            for (int j = i - stochPeriod + 1; j <= i; j++) {
                highest = Math.max(highest, rsi[j]);
                lowest = Math.min(lowest, rsi[j]);
            }
            raw[i] = highest == lowest ? 50.0 : 100.0 * ((rsi[i] - lowest) / (highest - lowest));
        }
        int kFrom = rsiPeriod + stochPeriod - 1 + kPeriod - 1;
        double[] k = nan(n);
        for (int i = kFrom; i < n; i++) {
            k[i] = mean(raw, i - kPeriod + 1, i);
        }
        double[] d = nan(n);
        for (int i = kFrom + dPeriod - 1; i < n; i++) {
            d[i] = mean(k, i - dPeriod + 1, i);
        }
        return new double[][] {k, d};
    }

    /**
     * TA_PPO with MAType EMA (both EMAs through TA_INT_EMA from the slow lookback, i.e. the fast one seeded at {@code
     * slow − 1}), {@code ((fast − slow) / slow)·100} (0 when slow is 0), then the MACD-style signal over the PPO
     * buffer. Returns {line, signal, histogram}, all from {@code (slow − 1) + (signal − 1)}.
     */
    static double[][] ppo(double[] close, int fast, int slow, int signal) {
        int n = close.length;
        int start = slow - 1;
        double[] slowEma = TaLibReference.emaFrom(close, start, slow);
        double[] fastEma = TaLibReference.emaFrom(close, start, fast);
        double[] line = nan(n);
        for (int i = start; i < n; i++) {
            line[i] = slowEma[i] != 0.0 ? ((fastEma[i] - slowEma[i]) / slowEma[i]) * 100.0 : 0.0;
        }
        double[] tail = Arrays.copyOfRange(line, start, n);
        double[] tailSignal = TaLibReference.ema(tail, signal);
        int first = start + signal - 1;
        double[] outLine = nan(n);
        double[] outSignal = nan(n);
        double[] outHist = nan(n);
        for (int i = first; i < n; i++) {
            outLine[i] = line[i];
            outSignal[i] = tailSignal[i - start];
            outHist[i] = outLine[i] - outSignal[i];
        }
        return new double[][] {outLine, outSignal, outHist};
    }

    /** AO: median prices, then both window means summed afresh. */
    static double[] awesomeOscillator(double[] high, double[] low, int fast, int slow) {
        int n = high.length;
        double[] median = new double[n];
        for (int i = 0; i < n; i++) {
            median[i] = (high[i] + low[i]) / 2.0;
        }
        double[] out = nan(n);
        for (int i = slow - 1; i < n; i++) {
            out[i] = mean(median, i - fast + 1, i) - mean(median, i - slow + 1, i);
        }
        return out;
    }

    /** Chande's CMO: the gains and losses of the window's changes summed afresh; 0 for a window without change. */
    static double[] cmo(double[] close, int period) {
        int n = close.length;
        double[] out = nan(n);
        for (int i = period; i < n; i++) {
            double up = 0;
            double down = 0;
            for (int j = i - period + 1; j <= i; j++) {
                double change = close[j] - close[j - 1];
                if (change > 0) {
                    up += change;
                } else {
                    down -= change;
                }
            }
            out[i] = up + down == 0 ? 0.0 : 100.0 * ((up - down) / (up + down));
        }
        return out;
    }

    /**
     * TA_ULTOSC: per-bar buying pressure and true range (TA-Lib's CALC_TERMS), then for each output the three sums
     * over their windows from scratch, combined as {@code 100·((4·a1/b1 + 2·a2/b2 + a3/b3) / 7)}. Periods ascending,
     * as TA-Lib sorts them. A window whose true ranges are all 0 counts as 0.5 (TA-Lib drops the term: 0).
     */
    static double[] ultimateOscillator(double[] high, double[] low, double[] close, int p1, int p2, int p3) {
        int n = close.length;
        double[] pressure = new double[n];
        double[] range = new double[n];
        for (int day = 1; day < n; day++) {
            double tempLT = low[day];
            double tempHT = high[day];
            double tempCY = close[day - 1];
            double trueLow = Math.min(tempLT, tempCY);
            pressure[day] = close[day] - trueLow;
            double trueRange = tempHT - tempLT;
            double tempDouble = Math.abs(tempCY - tempHT);
            if (tempDouble > trueRange) {
                trueRange = tempDouble;
            }
            tempDouble = Math.abs(tempCY - tempLT);
            if (tempDouble > trueRange) {
                trueRange = tempDouble;
            }
            range[day] = trueRange;
        }
        double[] out = nan(n);
        for (int i = p3; i < n; i++) {
            double output = 4.0 * average(pressure, range, i, p1);
            output += 2.0 * average(pressure, range, i, p2);
            output += average(pressure, range, i, p3);
            out[i] = 100.0 * (output / 7.0);
        }
        return out;
    }

    private static double average(double[] pressure, double[] range, int i, int period) {
        double a = 0;
        double b = 0;
        boolean flat = true;
        for (int j = i - period + 1; j <= i; j++) {
            a += pressure[j];
            b += range[j];
            flat &= range[j] == 0;
        }
        return flat ? 0.5 : a / b;
    }

    /**
     * TA_TRIX in separate passes: EMA of the input, EMA of its valid part, EMA of that one's valid part (each seeded
     * with the mean of its first {@code period} inputs, TA_INT_EMA), then TA_ROC's {@code ((e3/e3[i−1]) − 1)·100} (0
     * when {@code e3[i−1]} is 0), from {@code 3(period − 1) + 1}.
     */
    static double[] trix(double[] close, int period) {
        int n = close.length;
        int w = period - 1;
        double[] e1 = TaLibReference.ema(close, period);
        double[] e2 = emaOfTail(e1, w, period);
        double[] e3 = emaOfTail(e2, 2 * w, period);
        double[] out = nan(n);
        for (int i = 3 * w + 1; i < n; i++) {
            out[i] = e3[i - 1] != 0.0 ? (e3[i] / e3[i - 1] - 1.0) * 100.0 : 0.0;
        }
        return out;
    }

    private static double[] emaOfTail(double[] in, int firstValid, int period) {
        double[] out = nan(in.length);
        if (firstValid >= in.length) {
            return out;
        }
        double[] e = TaLibReference.ema(Arrays.copyOfRange(in, firstValid, in.length), period);
        System.arraycopy(e, 0, out, firstValid, e.length);
        return out;
    }
}
