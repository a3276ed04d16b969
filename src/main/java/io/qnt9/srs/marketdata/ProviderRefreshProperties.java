package io.qnt9.srs.marketdata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled refresh from the live provider ({@link ProviderRefresh}); off unless a cron expression and the
 * provider's key are both set.
 *
 * @param cron when to run, a Spring cron expression in UTC ({@code PROVIDER_REFRESH_CRON}, e.g. {@code 0 30 22 * * MON-FRI}
 *     after the US close); {@code -} (the default) is off
 * @param maxSymbols instruments refreshed per run at most, the stalest first ({@code PROVIDER_REFRESH_MAX_SYMBOLS})
 * @param maxRequests provider requests per run at most ({@code PROVIDER_REFRESH_MAX_REQUESTS}): Alpha Vantage's free
 *     key allows 25 a day, and a refresh sends three (bars, splits, dividends), so the default run refreshes eight
 *     instruments and leaves one request; raise it with a paid plan
 * @param pause wait between two instruments ({@code PROVIDER_REFRESH_PAUSE}; three calls each with splits and
 *     dividends, and the free key allows a few a minute)
 * @param fullHistoryAfter an instrument whose last bar is older than this gets the provider's whole history
 *     instead of its latest ~100 days, so that no gap is left ({@code PROVIDER_REFRESH_FULL_AFTER})
 */
@ConfigurationProperties("qnt9.provider.refresh")
record ProviderRefreshProperties(
        @DefaultValue("-") String cron,
        @DefaultValue("20") int maxSymbols,
        @DefaultValue("25") int maxRequests,
        @DefaultValue("30s") Duration pause,
        @DefaultValue("120d") Duration fullHistoryAfter) {

    /**
     * Whether a refresh should ask for the whole history: for an instrument without bars (the latest ~100 days would
     * be too few for a 200-day average), or whose last bar is older than {@link #fullHistoryAfter} (they would leave
     * a gap).
     */
    boolean wantsFullHistory(java.time.LocalDate lastDate, java.time.LocalDate today) {
        return lastDate == null || lastDate.isBefore(today.minusDays(fullHistoryAfter.toDays()));
    }
}
