package io.qnt9.srs.marketdata;

import java.util.Set;

/**
 * Published after a commit that changed instruments or bars; caches built on market data (series, rankings,
 * search index) drop what they hold for these symbols.
 */
public record MarketDataChanged(Set<String> symbols) {}
