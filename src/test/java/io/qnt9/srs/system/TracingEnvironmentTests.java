package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingEnvironmentTests {

    private static Map<String, Object> settings(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        return TracingEnvironment.settings(environment);
    }

    @Test
    void withoutAnEndpointNothingIsTracedOrExported() {
        Map<String, Object> off = settings(Map.of());
        assertThat(off).containsEntry("management.tracing.export.enabled", false);
        assertThat(off.get("spring.autoconfigure.exclude").toString().split(","))
                .contains(TracingEnvironment.EXEMPLARS)
                .contains(
                        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
                        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration");
        assertThat(settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")))
                .containsEntry("management.tracing.export.enabled", false);
    }

    @Test
    void theBaseEndpointGetsTheOtlpHttpTracesPath() {
        assertThat(settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.monitoring:4318/")))
                .containsEntry("management.tracing.export.enabled", true)
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.endpoint",
                        "http://otel-collector.monitoring:4318/v1/traces")
                .containsEntry("management.tracing.sampling.probability", "0.1")
                .containsEntry("spring.autoconfigure.exclude", TracingEnvironment.EXEMPLARS);
    }

    @Test
    void theTracesEndpointIsUsedAsGivenAndTheSamplerArgumentSetsTheShare() {
        assertThat(settings(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4318",
                        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://collector.example/custom/traces",
                        "OTEL_TRACES_SAMPLER_ARG", "0.5")))
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.endpoint",
                        "https://collector.example/custom/traces")
                .containsEntry("management.tracing.sampling.probability", "0.5");
    }
}
