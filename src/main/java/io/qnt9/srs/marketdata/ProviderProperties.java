package io.qnt9.srs.marketdata;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live provider ({@code ALPHAVANTAGE_API_KEY}, {@code ALPHAVANTAGE_BASE_URL}, …). Off unless a key is set: this
 * service downloads data only when an admin asks for a refresh, or on the schedule {@link ProviderRefresh} runs when
 * {@code PROVIDER_REFRESH_CRON} is set too. {@code splits} ({@code ALPHAVANTAGE_SPLITS}): fetch the split list with
 * the bars and adjust them for it (a second request per refresh). {@code dividends} ({@code ALPHAVANTAGE_DIVIDENDS}):
 * fetch the dividend list too and give the bars an adjusted close for it (a third request per refresh; off, the
 * adjusted close is the close).
 */
@ConfigurationProperties("qnt9.provider.alphavantage")
record ProviderProperties(
        @DefaultValue("https://www.alphavantage.co") URI baseUrl,
        String apiKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("true") boolean splits,
        @DefaultValue("true") boolean dividends) {

    boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }
}
