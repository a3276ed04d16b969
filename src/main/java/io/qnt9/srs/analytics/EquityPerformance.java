package io.qnt9.srs.analytics;

import java.time.LocalDate;

/**
 * How an equity curve did, as the backtests answer it (the rule backtest, the recommendation backtest, their
 * buy-and-hold and benchmark): the figures of {@link ReturnStatistics#summarize} that compare strategies, with the
 * drawdown's dates as dates.
 *
 * @param totalReturn growth over the window minus 1
 * @param cagr per year of 365.25 calendar days
 * @param volatility annualised (sample deviation of daily returns × √252; of weekly ones × √52, monthly × √12)
 * @param sharpe annualised, with the given risk-free rate
 * @param maxDrawdown deepest fall from a peak, a negative fraction (0 when the curve never fell)
 * @param maxDrawdownPeak the peak before that fall
 * @param maxDrawdownTrough the bottom of that fall
 * @param finalEquity the curve's last value (growth of 1 when it starts at 1)
 */
public record EquityPerformance(
        double totalReturn,
        double cagr,
        double volatility,
        double sharpe,
        double maxDrawdown,
        LocalDate maxDrawdownPeak,
        LocalDate maxDrawdownTrough,
        double finalEquity) {

    /**
     * The performance of {@code equity}, dated by {@code epochDays}.
     *
     * @throws IllegalArgumentException as {@link PriceSeries} and {@link ReturnStatistics#summarize} do (fewer than
     *     three points, dates not increasing, values not positive and finite)
     */
    public static EquityPerformance of(int[] epochDays, double[] equity, double riskFreeRate) {
        return of(epochDays, equity, riskFreeRate, ReturnStatistics.TRADING_DAYS_PER_YEAR);
    }

    /**
     * The performance of a curve of {@code periodsPerYear} points a year (52 weekly, 12 monthly): volatility and
     * Sharpe annualised by {@code √periodsPerYear} ({@link ReturnStatistics#summarize(PriceSeries, double, int)}).
     */
    public static EquityPerformance of(int[] epochDays, double[] equity, double riskFreeRate, int periodsPerYear) {
        PerformanceSummary p =
                ReturnStatistics.summarize(new PriceSeries(epochDays, equity), riskFreeRate, periodsPerYear);
        return new EquityPerformance(
                p.totalReturn(),
                p.cagr(),
                p.annualizedVolatility(),
                p.sharpeRatio(),
                p.maxDrawdown().depth(),
                LocalDate.ofEpochDay(p.maxDrawdown().peakEpochDay()),
                LocalDate.ofEpochDay(p.maxDrawdown().troughEpochDay()),
                equity[equity.length - 1]);
    }
}
