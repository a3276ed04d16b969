/**
 * Explained recommendations: a transparent factor model (trend, momentum, risk, relative strength) that turns a
 * stock's history up to a day into a score in [−1, 1], a band from STRONG_SELL to STRONG_BUY, a confidence and one
 * plain-language reason per factor; the walk-forward backtest of that model with its calibration table; and the
 * ranking of the whole universe.
 *
 * <p>API: {@link io.qnt9.srs.recommendation.Recommendations}, {@link io.qnt9.srs.recommendation.Band}.
 */
@ApplicationModule(allowedDependencies = {"marketdata", "analytics", "system"})
package io.qnt9.srs.recommendation;

import org.springframework.modulith.ApplicationModule;
