package io.qnt9.srs.analytics;

/**
 * How an asset moved with a benchmark, over their common dates only; see
 * {@link ReturnStatistics#relativeTo(PriceSeries, PriceSeries)}.
 *
 * @param returnCount number of paired returns (common dates − 1)
 * @param beta cov(asset, benchmark) / var(benchmark) of simple returns (0 when the benchmark did not move)
 * @param correlation Pearson correlation of the same returns (0 when either did not move)
 */
public record BenchmarkRelation(int returnCount, double beta, double correlation) {}
