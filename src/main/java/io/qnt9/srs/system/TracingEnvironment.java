package io.qnt9.srs.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Distributed tracing is off unless an OTLP collector is named with the standard OpenTelemetry variables:
 *
 * <ul>
 *   <li>{@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} — the full traces URL, used as given, or
 *   <li>{@code OTEL_EXPORTER_OTLP_ENDPOINT} — the collector's base URL; {@code /v1/traces} is appended (OTLP/HTTP);
 *   <li>{@code OTEL_TRACES_SAMPLER_ARG} — the share of requests traced, 0–1 (default 0.1).
 * </ul>
 *
 * <p>Without an endpoint the tracing auto-configurations are excluded altogether: no tracer, no spans, no
 * OpenTelemetry SDK. Merely disabling export ({@code management.tracing.export.enabled=false}) still created a span
 * per request and cost a sixth of the throughput of {@code /api/stats} (docs/PERFORMANCE.md). Trace exemplars are
 * never added to {@code /actuator/prometheus}: the OpenMetrics output would carry them on {@code _count} lines, which
 * Prometheus 2.42 (Debian 12's, used by {@code .ci/run}) refuses, marking the whole target down.
 *
 * <p>The settings are added with the lowest precedence, so explicit {@code management.*} properties still win; an
 * explicit {@code spring.autoconfigure.exclude} replaces this list and must then name these classes itself.
 */
public class TracingEnvironment implements EnvironmentPostProcessor {

    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    static final String SAMPLER_ARG = "OTEL_TRACES_SAMPLER_ARG";

    static final String EXEMPLARS =
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration";

    /** Everything that would create a tracer or start the OpenTelemetry SDK. */
    static final List<String> TRACING = List.of(
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("qnt9-tracing", settings(environment)));
    }

    static Map<String, Object> settings(ConfigurableEnvironment environment) {
        Map<String, Object> settings = new HashMap<>();
        String endpoint = tracesEndpoint(environment.getProperty(TRACES_ENDPOINT), environment.getProperty(ENDPOINT));
        if (endpoint == null) {
            List<String> excluded = new ArrayList<>(TRACING);
            excluded.add(EXEMPLARS);
            settings.put("spring.autoconfigure.exclude", String.join(",", excluded));
            settings.put("management.tracing.export.enabled", false);
            return settings;
        }
        settings.put("spring.autoconfigure.exclude", EXEMPLARS);
        settings.put("management.tracing.export.enabled", true);
        settings.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint);
        settings.put("management.tracing.sampling.probability", environment.getProperty(SAMPLER_ARG, "0.1"));
        return settings;
    }

    /** The traces URL from the two OpenTelemetry variables, or {@code null} when neither is set. */
    static String tracesEndpoint(String tracesEndpoint, String baseEndpoint) {
        if (tracesEndpoint != null && !tracesEndpoint.isBlank()) {
            return tracesEndpoint.strip();
        }
        if (baseEndpoint == null || baseEndpoint.isBlank()) {
            return null;
        }
        String base = baseEndpoint.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
    }
}
