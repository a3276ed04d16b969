/**
 * Finding instruments: query-type detection (ISIN with check digit, WKN, ticker, name text), relevance ranking,
 * accent-insensitive matching tolerant of one typo, over an in-memory index rebuilt when market data changes.
 *
 * <p>API: {@link io.qnt9.srs.search.InstrumentSearch}.
 */
@ApplicationModule(allowedDependencies = {"marketdata", "recommendation", "system"})
package io.qnt9.srs.search;

import org.springframework.modulith.ApplicationModule;
