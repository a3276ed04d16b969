package io.qnt9.srs.analytics;

/**
 * Highest high and lowest low over a trailing window by doubling: with {@code m_s[i] = max(x[i-s+1..i])},
 * {@code m_1 = x} and {@code m_{s+t}[i] = max(m_s[i], m_s[i-t])} for {@code t ≤ s}, so {@code period} is reached in
 * {@code ⌈log2 period⌉} steps (1, 2, 4, … then the remainder). Each step is one element-wise pass over the column,
 * which C2 vectorises: O(n log period) operations, but far faster than an O(1)-per-bar scan (van Herk / Gil-Werman,
 * used before), whose running maxima are a chain of dependent {@code Math.max} calls.
 *
 * <p>{@code Math.max} and {@code Math.min} are exact and, without NaN, associative and commutative ({@code −0.0} counts
 * as below {@code +0.0}), so any order of evaluation gives the same bits as a plain scan of the window.
 */
final class RollingExtremes {

    private RollingExtremes() {}

    /**
     * Writes {@code max(high[i-period+1..i])} to {@code highest[i]} and {@code min(low[i-period+1..i])} to
     * {@code lowest[i]} for every {@code i >= period - 1}; the entries before hold the extremes of the bars {@code 0..i}
     * (a truncated window), which callers overwrite with their warm-up value. Nothing is written when the input is
     * shorter than {@code period}. {@code highest}, {@code lowest} and {@code scratch} (a work column as long as the
     * input) must be three different arrays, none of them an input.
     */
    static void compute(double[] high, double[] low, int period, double[] highest, double[] lowest, double[] scratch) {
        if (high.length < period) {
            return;
        }
        slidingMax(high, period, highest, scratch);
        slidingMin(low, period, lowest, scratch);
    }

    /** {@code out[i] = max(x[i-period+1..i])} (truncated at 0), by doubling; {@code lag} is a work column. */
    private static void slidingMax(double[] x, int period, double[] out, double[] lag) {
        int n = x.length;
        System.arraycopy(x, 0, out, 0, n);
        // out covers `span` bars; each step widens it by `step` ≤ span. The previous values are copied into `lag`
        // first, so that the loop reads and writes one index (C2 does not vectorise a read of out[i - step]).
        for (int span = 1; span < period; ) {
            int step = Math.min(span, period - span);
            System.arraycopy(out, 0, lag, step, n - step);
            for (int i = step; i < n; i++) {
                out[i] = Math.max(out[i], lag[i]);
            }
            span += step;
        }
    }

    /** {@code out[i] = min(x[i-period+1..i])} (truncated at 0), as {@link #slidingMax}. */
    private static void slidingMin(double[] x, int period, double[] out, double[] lag) {
        int n = x.length;
        System.arraycopy(x, 0, out, 0, n);
        for (int span = 1; span < period; ) {
            int step = Math.min(span, period - span);
            System.arraycopy(out, 0, lag, step, n - step);
            for (int i = step; i < n; i++) {
                out[i] = Math.min(out[i], lag[i]);
            }
            span += step;
        }
    }
}
