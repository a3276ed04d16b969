package io.qnt9.srs.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code qnt9_api_key_authentications_total{outcome}}: requests that came with an API key — {@code accepted},
 * {@code unknown} (malformed, unknown, revoked or expired), {@code throttled} (not looked up: the address presented
 * unknown keys and its anonymous bucket is empty), {@code unavailable} (the database could not be asked). Alert
 * {@code Qnt9UnknownApiKeys} watches {@code unknown}.
 */
final class ApiKeyMetrics {

    final Counter accepted;
    final Counter unknown;
    final Counter throttled;
    final Counter unavailable;

    ApiKeyMetrics(MeterRegistry meters) {
        accepted = counter(meters, "accepted");
        unknown = counter(meters, "unknown");
        throttled = counter(meters, "throttled");
        unavailable = counter(meters, "unavailable");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("qnt9.api.key.authentications")
                .description("Requests that came with an API key, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
