package io.qnt9.srs.analytics;

import java.util.OptionalInt;

/**
 * The maximum drawdown of a price series.
 *
 * @param depth trough / peak − 1, so 0 or negative (−0.35 = a 35 % fall); 0 when the price never fell
 * @param peakEpochDay date of the peak before the trough (the first date that peak price was reached)
 * @param troughEpochDay date of the trough (the first date of the deepest fall)
 * @param recoveryEpochDay first date after the trough on which the price was back at or above the peak; empty if it
 *     never was (or if {@code depth} is 0)
 */
public record Drawdown(double depth, int peakEpochDay, int troughEpochDay, OptionalInt recoveryEpochDay) {}
