/**
 * The HTTP face of the analytics engine: technical indicators, risk/return statistics and the one-page instrument
 * report, computed from market data on request. All arithmetic lives in {@code analytics}; this module selects the
 * bars, handles warm-up history, and speaks JSON/CSV.
 */
@ApplicationModule(allowedDependencies = {"marketdata", "analytics", "system"})
package io.qnt9.srs.report;

import org.springframework.modulith.ApplicationModule;
