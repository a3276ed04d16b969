/**
 * Analytics: technical indicators and return statistics as pure functions over primitive columns.
 *
 * <p>No Spring, no I/O and no dependency on any other module: arrays in, arrays (or small records) out. Every
 * formula, warm-up and convention is written once, in the Javadoc of the function that implements it, and collected
 * in {@code docs/ANALYTICS.md}.
 *
 * <p>API:
 *
 * <ul>
 *   <li>indicators: {@link io.qnt9.srs.analytics.MovingAverages}, {@link io.qnt9.srs.analytics.Momentum},
 *       {@link io.qnt9.srs.analytics.Volatility}, {@link io.qnt9.srs.analytics.DirectionalMovement},
 *       {@link io.qnt9.srs.analytics.VolumeIndicators}, over {@link io.qnt9.srs.analytics.BarColumns};
 *   <li>the spec catalog for the HTTP layer: {@link io.qnt9.srs.analytics.IndicatorCatalog} and
 *       {@link io.qnt9.srs.analytics.IndicatorSpec};
 *   <li>statistics: {@link io.qnt9.srs.analytics.ReturnStatistics} over {@link io.qnt9.srs.analytics.PriceSeries};
 *   <li>the technical rating of a bar from the catalogue's indicators: {@link io.qnt9.srs.analytics.TechnicalRating}.
 * </ul>
 *
 * <p>One NaN policy everywhere: an indicator output is {@code NaN} before its warm-up index and finite from it on (for
 * finite input); non-finite input is rejected with an {@link java.lang.IllegalArgumentException}.
 */
@ApplicationModule(allowedDependencies = {})
package io.qnt9.srs.analytics;

import org.springframework.modulith.ApplicationModule;
