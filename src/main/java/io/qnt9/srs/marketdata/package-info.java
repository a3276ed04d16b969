/**
 * Market data: instruments, daily bars (database as source of truth, columnar in-memory cache), CSV import,
 * the bundled real history, live-provider adapters, and the Stock Statistics API.
 *
 * <p>API: {@link io.qnt9.srs.marketdata.MarketData}, {@link io.qnt9.srs.marketdata.DailySeries},
 * {@link io.qnt9.srs.marketdata.Instrument}, {@link io.qnt9.srs.marketdata.MarketDataChanged}.
 */
@ApplicationModule(allowedDependencies = {"system"})
package io.qnt9.srs.marketdata;

import org.springframework.modulith.ApplicationModule;
