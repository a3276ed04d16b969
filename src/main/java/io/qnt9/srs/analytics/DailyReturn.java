package io.qnt9.srs.analytics;

/**
 * One daily simple return and the date it was earned on (the later of the two prices).
 *
 * @param epochDay the date, days since 1970-01-01
 * @param value the return, e.g. 0.05 for +5 %
 */
public record DailyReturn(int epochDay, double value) {}
