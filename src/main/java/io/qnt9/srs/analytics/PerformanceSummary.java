package io.qnt9.srs.analytics;

/**
 * Return statistics of one price series; see {@link ReturnStatistics#summarize(PriceSeries, double)} for every
 * formula. Ratios are plain fractions (0.12 = 12 %); "annualised" means ×√252 for deviations.
 *
 * @param firstEpochDay date of the first price
 * @param lastEpochDay date of the last price
 * @param returnCount number of daily returns (prices − 1)
 * @param totalReturn last / first − 1
 * @param cagr compound annual growth rate over calendar days / 365.25
 * @param annualizedVolatility sample standard deviation of daily simple returns × √252
 * @param riskFreeRate the annual risk-free rate the ratios were computed with
 * @param sharpeRatio annualised Sharpe ratio of daily excess returns (0 when their deviation is 0)
 * @param sortinoRatio annualised Sortino ratio (0 when the downside deviation is 0)
 * @param annualizedDownsideDeviation sqrt(mean(min(0, r − rf_daily)²)) over all days × √252
 * @param maxDrawdown the deepest peak-to-trough fall of the price
 * @param calmarRatio cagr / |maxDrawdown.depth| (0 when there was no drawdown)
 * @param valueAtRisk historical 1-day VaR and CVaR at 95 % and 99 %, as positive losses
 * @param bestDay the highest daily simple return and its date
 * @param worstDay the lowest daily simple return and its date
 * @param positiveDayShare share of days with a return above 0
 */
public record PerformanceSummary(
        int firstEpochDay,
        int lastEpochDay,
        int returnCount,
        double totalReturn,
        double cagr,
        double annualizedVolatility,
        double riskFreeRate,
        double sharpeRatio,
        double sortinoRatio,
        double annualizedDownsideDeviation,
        Drawdown maxDrawdown,
        double calmarRatio,
        TailRisk valueAtRisk,
        DailyReturn bestDay,
        DailyReturn worstDay,
        double positiveDayShare) {}
