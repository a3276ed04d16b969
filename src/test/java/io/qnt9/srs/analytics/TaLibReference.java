package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * Straightforward test-only transcriptions of TA-Lib's C algorithms (default compatibility, no unstable period), kept
 * deliberately naive — separate passes, TA-Lib's own divisions, buffers indexed from the first output — so they share
 * no code or structure with the fused production kernels they check. Output arrays are full length with {@code NaN}
 * before TA-Lib's {@code outBegIdx}.
 */
final class TaLibReference {

    private TaLibReference() {}

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** TA_INT_EMA(startIdx, …): SMA of the `period` values ending at startIdx, then the recursion. */
    static double[] emaFrom(double[] in, int startIdx, int period) {
        double[] out = nan(in.length);
        double k = 2.0 / (period + 1);
        int lookback = period - 1;
        if (startIdx < lookback) {
            startIdx = lookback;
        }
        if (startIdx >= in.length) {
            return out;
        }
        int today = startIdx - lookback;
        double total = 0;
        for (int i = 0; i < period; i++) {
            total += in[today++];
        }
        double prevMA = total / period;
        while (today <= startIdx) {
            prevMA = ((in[today++] - prevMA) * k) + prevMA;
        }
        out[startIdx] = prevMA;
        while (today < in.length) {
            prevMA = ((in[today] - prevMA) * k) + prevMA;
            out[today++] = prevMA;
        }
        return out;
    }

    static double[] ema(double[] in, int period) {
        return emaFrom(in, 0, period);
    }

    /** EMA over the valid (non-NaN) tail of a series, as TA-Lib chains EMAs over output buffers. */
    private static double[] emaOfValid(double[] in, int firstValid, int period) {
        double[] tail = Arrays.copyOfRange(in, firstValid, in.length);
        double[] e = ema(tail, period);
        double[] out = nan(in.length);
        System.arraycopy(e, 0, out, firstValid, e.length);
        return out;
    }

    static double[] dema(double[] in, int period) {
        double[] e1 = ema(in, period);
        double[] e2 = emaOfValid(e1, period - 1, period);
        double[] out = nan(in.length);
        for (int i = 2 * (period - 1); i < in.length; i++) {
            out[i] = (2.0 * e1[i]) - e2[i];
        }
        return out;
    }

    static double[] tema(double[] in, int period) {
        double[] e1 = ema(in, period);
        double[] e2 = emaOfValid(e1, period - 1, period);
        double[] e3 = emaOfValid(e2, 2 * (period - 1), period);
        double[] out = nan(in.length);
        for (int i = 3 * (period - 1); i < in.length; i++) {
            out[i] = (3.0 * e1[i]) - (3.0 * e2[i]) + e3[i];
        }
        return out;
    }

    /** TA_MACD: both EMAs start at slow−1 (fast seeded there), signal over the MACD buffer, all output from slow+signal−2. */
    static double[][] macd(double[] in, int fast, int slow, int signal) {
        int lookbackSignal = signal - 1;
        int startIdx = (slow - 1) + lookbackSignal;
        int tempInteger = startIdx - lookbackSignal;
        double[] slowEma = emaFrom(in, tempInteger, slow);
        double[] fastEma = emaFrom(in, tempInteger, fast);
        double[] line = nan(in.length);
        for (int i = tempInteger; i < in.length; i++) {
            line[i] = fastEma[i] - slowEma[i];
        }
        double[] sig = emaOfValid(line, tempInteger, signal);
        double[] outLine = nan(in.length);
        double[] outSignal = nan(in.length);
        double[] outHist = nan(in.length);
        for (int i = startIdx; i < in.length; i++) {
            outLine[i] = line[i];
            outSignal[i] = sig[i];
            outHist[i] = line[i] - sig[i];
        }
        return new double[][] {outLine, outSignal, outHist};
    }

    /** TA_RSI: simple averages of the first `period` changes, then Wilder's multiply/add/divide. */
    static double[] rsi(double[] in, int period) {
        double[] out = nan(in.length);
        if (in.length <= period) {
            return out;
        }
        int today = 0;
        double prevValue = in[today];
        double prevGain = 0;
        double prevLoss = 0;
        today++;
        for (int i = period; i > 0; i--) {
            double v = in[today++];
            double d = v - prevValue;
            prevValue = v;
            if (d < 0) {
                prevLoss -= d;
            } else {
                prevGain += d;
            }
        }
        prevLoss /= period;
        prevGain /= period;
        out[today - 1] = rsiOf(prevGain, prevLoss);
        while (today < in.length) {
            double v = in[today];
            double d = v - prevValue;
            prevValue = v;
            prevLoss *= (period - 1);
            prevGain *= (period - 1);
            if (d < 0) {
                prevLoss -= d;
            } else {
                prevGain += d;
            }
            prevLoss /= period;
            prevGain /= period;
            out[today++] = rsiOf(prevGain, prevLoss);
        }
        return out;
    }

    /** TA-Lib's 100·g/(g+l), with our documented 50 (TA-Lib: 0) when both are zero. */
    private static double rsiOf(double gain, double loss) {
        double total = gain + loss;
        return total != 0 ? 100.0 * (gain / total) : 50.0;
    }

    static double[] trueRange(double[] high, double[] low, double[] close) {
        double[] out = nan(close.length);
        for (int i = 1; i < close.length; i++) {
            double range = high[i] - low[i];
            double up = Math.abs(high[i] - close[i - 1]);
            double down = Math.abs(low[i] - close[i - 1]);
            out[i] = Math.max(range, Math.max(up, down));
        }
        return out;
    }

    /** TA_ATR: SMA of TR[1..period] at index period, then (prev·(period−1) + TR) / period. */
    static double[] atr(double[] high, double[] low, double[] close, int period) {
        double[] tr = trueRange(high, low, close);
        double[] out = nan(close.length);
        if (close.length <= period) {
            return out;
        }
        double sum = 0;
        for (int i = 1; i <= period; i++) {
            sum += tr[i];
        }
        double prev = sum / period;
        out[period] = prev;
        for (int i = period + 1; i < close.length; i++) {
            prev *= period - 1;
            prev += tr[i];
            prev /= period;
            out[i] = prev;
        }
        return out;
    }

    /** TA_ADX, TA_PLUS_DI and TA_MINUS_DI in one transcription: returns {adx, plusDi, minusDi}. */
    static double[][] adx(double[] high, double[] low, double[] close, int period) {
        int n = close.length;
        double[] adx = nan(n);
        double[] plusDi = nan(n);
        double[] minusDi = nan(n);
        if (n <= period) {
            return new double[][] {adx, plusDi, minusDi};
        }
        int today = 0;
        double prevHigh = high[today];
        double prevLow = low[today];
        double prevClose = close[today];
        double prevPlusDM = 0;
        double prevMinusDM = 0;
        double prevTR = 0;
        for (int i = period - 1; i-- > 0; ) {
            today++;
            double diffP = high[today] - prevHigh;
            prevHigh = high[today];
            double diffM = prevLow - low[today];
            prevLow = low[today];
            if ((diffM > 0) && (diffP < diffM)) {
                prevMinusDM += diffM;
            } else if ((diffP > 0) && (diffP > diffM)) {
                prevPlusDM += diffP;
            }
            prevTR += trueRangeOf(prevHigh, prevLow, prevClose);
            prevClose = close[today];
        }
        double sumDX = 0;
        double prevADX = 0;
        while (today < n - 1) {
            today++;
            double diffP = high[today] - prevHigh;
            prevHigh = high[today];
            double diffM = prevLow - low[today];
            prevLow = low[today];
            prevMinusDM -= prevMinusDM / period;
            prevPlusDM -= prevPlusDM / period;
            if ((diffM > 0) && (diffP < diffM)) {
                prevMinusDM += diffM;
            } else if ((diffP > 0) && (diffP > diffM)) {
                prevPlusDM += diffP;
            }
            prevTR = prevTR - (prevTR / period) + trueRangeOf(prevHigh, prevLow, prevClose);
            prevClose = close[today];
            double minus = 0;
            double plus = 0;
            boolean dxDefined = false;
            double dx = 0;
            if (prevTR != 0) {
                minus = 100.0 * (prevMinusDM / prevTR);
                plus = 100.0 * (prevPlusDM / prevTR);
                double sum = minus + plus;
                if (sum != 0) {
                    dx = 100.0 * (Math.abs(minus - plus) / sum);
                    dxDefined = true;
                }
            }
            plusDi[today] = plus;
            minusDi[today] = minus;
            int dxIndex = today - period; // 0 for the first DX
            if (dxIndex < period) {
                if (dxDefined) {
                    sumDX += dx;
                }
                if (dxIndex == period - 1) {
                    prevADX = sumDX / period;
                    adx[today] = prevADX;
                }
            } else {
                if (dxDefined) {
                    prevADX = ((prevADX * (period - 1)) + dx) / period;
                }
                adx[today] = prevADX;
            }
        }
        return new double[][] {adx, plusDi, minusDi};
    }

    /** TA-Lib's TRUE_RANGE macro: the bar's high/low against the previous close. */
    private static double trueRangeOf(double high, double low, double previousClose) {
        double result = high - low;
        double up = Math.abs(high - previousClose);
        if (up > result) {
            result = up;
        }
        double down = Math.abs(low - previousClose);
        if (down > result) {
            result = down;
        }
        return result;
    }
}
