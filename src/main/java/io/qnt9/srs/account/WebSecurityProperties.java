package io.qnt9.srs.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP-level protection ({@code qnt9.security.*}).
 *
 * @param corsAllowedOrigins origins allowed to call the API from a browser ({@code CORS_ALLOWED_ORIGINS}, comma
 *     separated, e.g. {@code https://dashboard.example.com}); empty = same-origin only
 * @param trustedProxies CIDR ranges of reverse proxies whose {@code X-Forwarded-For}/{@code X-Forwarded-Proto} are
 *     believed ({@code TRUSTED_PROXIES}); empty = none, the TCP peer is the client
 * @param maxJsonBytes largest accepted request body other than a CSV import ({@code REQUEST_MAX_JSON_BYTES})
 */
@ConfigurationProperties("qnt9.security")
record WebSecurityProperties(
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("65536") int maxJsonBytes) {

    WebSecurityProperties {
        corsAllowedOrigins = clean(corsAllowedOrigins);
        trustedProxies = clean(trustedProxies);
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
