package io.qnt9.srs.recommendation;

import io.qnt9.srs.analytics.Backtest;
import io.qnt9.srs.analytics.EquityPerformance;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The backtest answer: the strategy side by side with buy-and-hold and the benchmark, its trades, its equity curves
 * and the calibration table.
 */
record BacktestReport(
        String symbol,
        LocalDate start,
        LocalDate end,
        String modelVersion,
        double costBps,
        Backtest.Mode mode,
        double riskFreeRate,
        EquityPerformance strategy,
        EquityPerformance buyAndHold,
        String benchmark,
        EquityPerformance benchmarkPerformance,
        int trades,
        int roundTrips,
        Double hitRate,
        double exposure,
        List<TradeView> tradeList,
        Curve equity,
        List<Calibration.Row> calibration) {

    /**
     * @param date the day of the trade, executed at that day's open
     * @param price that open (unadjusted, as quoted)
     * @param signal the band at the previous close that caused it
     */
    record TradeView(LocalDate date, String action, double price, int positionAfter, Band signal) {}

    /** Growth of 1 from the window's first close; {@code benchmark} is null when it does not cover the window. */
    @Schema(name = "BacktestCurve")
    record Curve(List<LocalDate> dates, double[] strategy, double[] buyAndHold, double[] benchmark) {}
}
