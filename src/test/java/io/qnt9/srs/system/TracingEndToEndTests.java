package io.qnt9.srs.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.qnt9.srs.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, requests are traced and the spans reach the collector over OTLP/HTTP.
 * The collector is a local WireMock stub; the variable is given as a system property (which the environment reads
 * like an environment variable) before the context starts, and removed afterwards so no other test sees it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
@ActiveProfiles("test")
class TracingEndToEndTests {

    static final WireMockServer COLLECTOR =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        COLLECTOR.start();
        COLLECTOR.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        System.setProperty(TracingEnvironment.ENDPOINT, COLLECTOR.baseUrl() + "/");
        System.setProperty(TracingEnvironment.SAMPLER_ARG, "1.0");
    }

    @AfterAll
    static void stop() {
        System.clearProperty(TracingEnvironment.ENDPOINT);
        System.clearProperty(TracingEnvironment.SAMPLER_ARG);
        COLLECTOR.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aRequestIsExportedAsASpanOfTheService() {
        HttpTestClient http = new HttpTestClient(port);
        assertThat(http.get("/api/v1/instruments/AAPL").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<LoggedRequest> exports = COLLECTOR.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
            assertThat(exports).isNotEmpty();
            String payloads = exports.stream()
                    .map(r -> new String(r.getBody(), StandardCharsets.ISO_8859_1))
                    .reduce("", String::concat);
            // OTLP protobuf carries strings as raw UTF-8: the resource's service name and the request's route.
            assertThat(payloads).contains("qnt9-srs").contains("/api/v1/instruments/{symbol}");
        });
        assertThat(COLLECTOR
                        .findAll(postRequestedFor(urlEqualTo("/v1/traces")))
                        .get(0)
                        .getHeader("Content-Type"))
                .isEqualTo("application/x-protobuf");
    }

    @Test
    void metricsCarryNoExemplarsThatPrometheusWouldRefuse() {
        HttpTestClient http = new HttpTestClient(port);
        assertThat(http.get("/api/v1/instruments/AAPL").status()).isEqualTo(200);
        // What Prometheus asks for; an exemplar is written as `value # {trace_id="…"} …` after a sample.
        String metrics = http.get(
                        "/actuator/prometheus",
                        "Accept",
                        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                .body();
        assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain("# {");
    }
}
