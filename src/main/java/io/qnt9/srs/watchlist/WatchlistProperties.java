package io.qnt9.srs.watchlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxListsPerUser watchlists one user may have ({@code WATCHLIST_MAX_LISTS})
 * @param maxItemsPerList instruments on one watchlist ({@code WATCHLIST_MAX_ITEMS})
 */
@ConfigurationProperties("qnt9.watchlist")
record WatchlistProperties(
        @DefaultValue("20") int maxListsPerUser,
        @DefaultValue("100") int maxItemsPerList) {}
