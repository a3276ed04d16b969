/**
 * Watchlists: each user's named lists of instruments, with a note and an optional target price per item, listed with
 * the latest price and 1-day change from market data. A user only ever sees their own lists (others' are 404).
 *
 * <p>No public API: only HTTP.
 */
@ApplicationModule(allowedDependencies = {"system", "marketdata", "account", "recommendation"})
package io.qnt9.srs.watchlist;

import org.springframework.modulith.ApplicationModule;
