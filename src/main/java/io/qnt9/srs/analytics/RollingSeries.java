package io.qnt9.srs.analytics;

/**
 * A rolling statistic as a dated column: {@code values[i]} belongs to {@code epochDays[i]} and is {@code NaN} for
 * {@code i < warmup}, finite from there on.
 *
 * @param epochDays dates, ascending (the input's dates, or the common dates for two-series statistics)
 * @param values the statistic, as long as {@code epochDays}
 * @param warmup index of the first valid value (the window length in returns)
 */
public record RollingSeries(int[] epochDays, double[] values, int warmup) {}
