package io.qnt9.srs.analytics;

/**
 * Highest high and lowest low over a trailing window, in O(1) per bar whatever the window (van Herk / Gil-Werman): the
 * input is cut into blocks of {@code period} bars; the window ending at bar {@code i} spans the suffix of the previous
 * block and the prefix of the current one, so its extreme is {@code max(suffixMax(prev block), prefixMax(this
 * block))}. Only a suffix buffer of {@code period + 1} values is needed, no full-length scratch array.
 */
final class RollingExtremes {

    private RollingExtremes() {}

    /**
     * Writes {@code max(high[i-period+1..i])} to {@code highest[i]} and {@code min(low[i-period+1..i])} to
     * {@code lowest[i]} for every {@code i >= period - 1}; earlier entries are left as they are. {@code highest} may be
     * {@code lowest}'s sibling output but neither may alias an input.
     */
    static void compute(double[] high, double[] low, int period, double[] highest, double[] lowest) {
        int n = high.length;
        if (n < period) {
            return;
        }
        // suffix[t] = extreme of block positions t..period-1 of the previous block; suffix[period] = neutral value.
        double[] suffixMax = new double[period + 1];
        double[] suffixMin = new double[period + 1];
        suffixMax[period] = Double.NEGATIVE_INFINITY;
        suffixMin[period] = Double.POSITIVE_INFINITY;

        // First block: only its last bar has a full window.
        double runMax = Double.NEGATIVE_INFINITY;
        double runMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < period; i++) {
            runMax = Math.max(runMax, high[i]);
            runMin = Math.min(runMin, low[i]);
        }
        highest[period - 1] = runMax;
        lowest[period - 1] = runMin;
        fillSuffix(high, low, 0, period, suffixMax, suffixMin);

        for (int b = period; b < n; b += period) {
            int end = Math.min(b + period, n);
            runMax = Double.NEGATIVE_INFINITY;
            runMin = Double.POSITIVE_INFINITY;
            for (int i = b; i < end; i++) {
                runMax = Math.max(runMax, high[i]);
                runMin = Math.min(runMin, low[i]);
                int s = i - b + 1;
                highest[i] = Math.max(suffixMax[s], runMax);
                lowest[i] = Math.min(suffixMin[s], runMin);
            }
            if (end < n) {
                fillSuffix(high, low, b, end, suffixMax, suffixMin);
            }
        }
    }

    private static void fillSuffix(
            double[] high, double[] low, int from, int to, double[] suffixMax, double[] suffixMin) {
        double sMax = Double.NEGATIVE_INFINITY;
        double sMin = Double.POSITIVE_INFINITY;
        for (int i = to - 1; i >= from; i--) {
            sMax = Math.max(sMax, high[i]);
            sMin = Math.min(sMin, low[i]);
            suffixMax[i - from] = sMax;
            suffixMin[i - from] = sMin;
        }
    }
}
