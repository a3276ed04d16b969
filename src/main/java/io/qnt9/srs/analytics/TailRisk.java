package io.qnt9.srs.analytics;

/**
 * Historical one-day value at risk and conditional value at risk (expected shortfall), as positive loss fractions
 * (0.031 = a 3.1 % loss). With {@code q_p} the {@code p}-quantile of the daily simple returns (numpy's default
 * "linear" interpolation), {@code var95 = −q_0.05} and {@code cvar95 = −mean(r | r ≤ q_0.05)}; likewise for 99 % with
 * {@code q_0.01}. A negative value means even that tail was a gain.
 *
 * @param var95 95 % one-day VaR
 * @param cvar95 95 % one-day CVaR
 * @param var99 99 % one-day VaR
 * @param cvar99 99 % one-day CVaR
 */
public record TailRisk(double var95, double cvar95, double var99, double cvar99) {}
