package io.qnt9.srs.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The adapter against a local stub serving Alpha Vantage's real response formats, including its error bodies. */
class AlphaVantageProviderTests {

    WireMockServer stub;

    @BeforeEach
    void start() {
        stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    static String body(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/alphavantage", name));
    }

    private AlphaVantageProvider provider(Duration readTimeout) {
        return new AlphaVantageProvider(
                new ProviderProperties(
                        URI.create(stub.baseUrl() + "/"),
                        "test-key-123",
                        Duration.ofSeconds(1),
                        readTimeout,
                        3,
                        Duration.ofMillis(10)),
                JsonMapper.builder().build());
    }

    private AlphaVantageProvider provider() {
        return provider(Duration.ofSeconds(2));
    }

    private void answer(String file) throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(body(file))));
    }

    @Test
    void turnsTheDailySeriesIntoAscendingCsvAndSendsTheRightQuery() throws IOException {
        answer("daily-ibm-compact.json");
        String csv = provider().dailyBarsCsv("IBM", false);
        assertThat(csv)
                .isEqualTo("date,open,high,low,close,volume\n"
                        + "2024-05-15,167.9400,168.3500,166.0000,168.2600,4468843\n"
                        + "2024-05-16,168.2600,169.6300,167.7900,168.9700,3492300\n"
                        + "2024-05-17,168.9700,169.6300,167.5000,169.0300,2956727\n");
        stub.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("outputsize", equalTo("compact"))
                .withQueryParam("apikey", equalTo("test-key-123")));
    }

    @Test
    void asksForTheFullHistoryWhenRequested() throws IOException {
        answer("daily-ibm-compact.json");
        provider().dailyBarsCsv("IBM", true);
        stub.verify(getRequestedFor(urlPathEqualTo("/query")).withQueryParam("outputsize", equalTo("full")));
    }

    @Test
    void anUnknownSymbolIsReportedAsSuch() throws IOException {
        answer("error-invalid-symbol.json");
        assertThatThrownBy(() -> provider().dailyBarsCsv("NOPE", false))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                });
    }

    @Test
    void aRejectedKeyIsReportedWithoutEverShowingTheKey() throws IOException {
        answer("error-invalid-key.json");
        assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_KEY);
                    assertThat(e.getStatusCode().value()).isEqualTo(502);
                    assertThat(e.getMessage()).doesNotContain("test-key-123");
                });
    }

    @Test
    void bothRateLimitBodiesBecomeA503WithRetryAfterAndAreNotRetried() throws IOException {
        for (String file : new String[] {"note-call-frequency.json", "information-daily-limit.json"}) {
            stub.resetAll();
            answer(file);
            assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                    .as(file)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                        assertThat(e.getStatusCode().value()).isEqualTo(503);
                        assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("60");
                    });
            stub.verify(1, getRequestedFor(urlPathEqualTo("/query")));
        }
    }

    @Test
    void aPremiumOnlyAnswerIsNotMistakenForARateLimit() throws IOException {
        answer("information-premium.json");
        assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_KEY));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilOneSucceeds() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("third"));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(okJson(body("daily-ibm-compact.json"))));
        assertThat(provider().dailyBarsCsv("IBM", false)).contains("2024-05-17");
        stub.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("after 3 attempts").contains("HTTP 502");
                });
        stub.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aSlowAnswerTimesOutAndCountsAsAFailedAttempt() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson(body("daily-ibm-compact.json")).withFixedDelay(1_500)));
        assertThatThrownBy(() -> provider(Duration.ofMillis(300)).dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("timed out"));
    }

    @Test
    void aClientErrorOrGarbageIsABadResponse() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(aResponse().withStatus(200).withBody("<html>oops")));
        assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("not JSON"));
        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("{\"Meta Data\":{}}")));
        assertThatThrownBy(() -> provider().dailyBarsCsv("IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("Time Series (Daily)"));
    }

    @Test
    void isOffWithoutAKey() {
        AlphaVantageProvider off = new AlphaVantageProvider(
                new ProviderProperties(
                        URI.create(stub.baseUrl()),
                        "",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        3,
                        Duration.ofMillis(10)),
                JsonMapper.builder().build());
        assertThatThrownBy(() -> off.dailyBarsCsv("IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.DISABLED);
            assertThat(e.getMessage()).contains("ALPHAVANTAGE_API_KEY");
        });
        assertThat(stub.getAllServeEvents()).isEmpty();
    }
}
