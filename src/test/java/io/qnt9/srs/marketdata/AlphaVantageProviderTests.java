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

    private AlphaVantageProvider provider(Duration readTimeout, boolean splits) {
        return new AlphaVantageProvider(
                new ProviderProperties(
                        URI.create(stub.baseUrl() + "/"),
                        "test-key-123",
                        Duration.ofSeconds(1),
                        readTimeout,
                        3,
                        Duration.ofMillis(10),
                        splits),
                JsonMapper.builder().build());
    }

    private AlphaVantageProvider provider(Duration readTimeout) {
        return provider(readTimeout, true);
    }

    private AlphaVantageProvider provider() {
        return provider(Duration.ofSeconds(2));
    }

    /** The daily series answers with {@code file}, the split list with {@code splitsFile}. */
    private void answer(String file, String splitsFile) throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson(body(file))));
        answerSplits(splitsFile);
    }

    private void answerSplits(String splitsFile) throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .willReturn(okJson(body(splitsFile))));
    }

    private void answer(String file) throws IOException {
        answer(file, "splits-none.json");
    }

    /** A refresh's calls: the split list first, then the bars adjusted for it. */
    private static String fetch(AlphaVantageProvider provider, String symbol, boolean full) {
        return provider.dailyBars(symbol, full, provider.splits(symbol));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder daily() {
        return getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("TIME_SERIES_DAILY"));
    }

    @Test
    void turnsTheDailySeriesIntoAscendingCsvAndSendsTheRightQuery() throws IOException {
        answer("daily-ibm-compact.json");
        String csv = fetch(provider(), "IBM", false);
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
        stub.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("apikey", equalTo("test-key-123")));
    }

    @Test
    void barsBeforeASplitAreDividedByItsFactorAndTheirVolumeMultiplied() throws IOException {
        // as traded: a 4-for-1 split effective 2024-06-06 and a 10-for-1 effective 2024-06-10 (listed newest first)
        answer("daily-splt-as-traded.json", "splits-splt.json");
        AlphaVantageProvider provider = provider();
        java.util.List<MarketDataProvider.Split> splits = provider.splits("SPLT");
        assertThat(splits)
                .extracting(s ->
                        s.effective() + " x" + s.factor().stripTrailingZeros().toPlainString())
                .containsExactly("2024-06-06 x4", "2024-06-10 x10");
        assertThat(provider.dailyBars("SPLT", false, splits))
                .isEqualTo("date,open,high,low,close,volume\n"
                        // before both: ÷ 40, volume × 40 (4800 / 40 = 120, 1,000,000 × 40 = 40,000,000)
                        + "2024-06-04,120,121,119,120.5,40000000\n"
                        + "2024-06-05,120.5,122.5,120,122,50000000\n"
                        // between them: ÷ 10 (1225.3 / 10 = 122.53), volume × 10
                        + "2024-06-06,122,123.25,121.5,122.53,50000010\n"
                        + "2024-06-07,122.53,124,121.07,123.333,43219870\n"
                        // from the last split on: as the provider sent them
                        + "2024-06-10,123.5000,125.0000,122.1000,124.4000,45000000\n"
                        + "2024-06-11,124.4000,126.0000,123.9000,125.7500,38000000\n");
    }

    @Test
    void fractionalAndReverseSplitsAreAppliedInDecimalsAndVolumesRoundedToAShare() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson("""
                        {"Meta Data": {"2. Symbol": "FRAC"}, "Time Series (Daily)": {
                          "2020-01-06": {"1. open": "102.0000", "2. high": "103.0000", "3. low": "101.0000",
                                         "4. close": "102.5000", "5. volume": "100"},
                          "2020-01-03": {"1. open": "10.0000", "2. high": "10.5000", "3. low": "9.9000",
                                         "4. close": "10.2000", "5. volume": "1000"},
                          "2020-01-02": {"1. open": "15.2000", "2. high": "15.5000", "3. low": "15.1000",
                                         "4. close": "15.3000", "5. volume": "1001"}}}""")));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .willReturn(okJson("""
                        {"symbol": "FRAC", "data": [
                          {"effective_date": "2020-01-03", "split_factor": "1.5000"},
                          {"effective_date": "2020-01-06", "split_factor": "0.1000"}]}""")));
        assertThat(fetch(provider(), "FRAC", true))
                .isEqualTo("date,open,high,low,close,volume\n"
                        // 3-for-2 then 1-for-10: ÷ 0.15; 15.2 / 0.15 = 101.333… to 16 digits; 1001 × 0.15 = 150.15
                        + "2020-01-02,101.3333333333333,103.3333333333333,100.6666666666667,102,150\n"
                        // 1-for-10 only: ÷ 0.1, volume × 0.1
                        + "2020-01-03,100,105,99,102,100\n"
                        + "2020-01-06,102.0000,103.0000,101.0000,102.5000,100\n");
    }

    @Test
    void aMissingOrUnusableSplitListIsABadResponseNeverNoSplits() throws IOException {
        answer("daily-ibm-compact.json");
        for (String splits : new String[] {
            "{\"symbol\": \"IBM\"}",
            "{\"symbol\": \"IBM\", \"data\": {\"2024-01-02\": \"2.0\"}}",
            "{\"symbol\": \"IBM\", \"data\": [{\"effective_date\": \"2024-01-02\", \"split_factor\": \"0.0000\"}]}",
            "{\"symbol\": \"IBM\", \"data\": [{\"effective_date\": \"soon\", \"split_factor\": \"2.0000\"}]}",
            "{\"symbol\": \"IBM\", \"data\": [{\"effective_date\": \"2024-01-02\", \"split_factor\": \"2\"},"
                    + " {\"effective_date\": \"2024-01-02\", \"split_factor\": \"2\"}]}"
        }) {
            stub.stubFor(get(urlPathEqualTo("/query"))
                    .withQueryParam("function", equalTo("SPLITS"))
                    .willReturn(okJson(splits)));
            assertThatThrownBy(() -> provider().splits("IBM"))
                    .as(splits)
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        }
    }

    @Test
    void theSplitListsRateLimitIsTheProvidersRateLimit() throws IOException {
        answer("daily-ibm-compact.json", "note-call-frequency.json");
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED));
        stub.verify(0, daily()); // asked first, it ends the refresh before the bars are fetched
    }

    @Test
    void withSplitsOffOneRequestIsMadeAndTheBarsStayAsTraded() throws IOException {
        answer("daily-splt-as-traded.json", "splits-splt.json");
        AlphaVantageProvider provider = provider(Duration.ofSeconds(2), false);
        assertThat(provider.splits("SPLT")).isEmpty();
        assertThat(fetch(provider, "SPLT", false))
                .contains("2024-06-04,4800.0000,4840.0000,4760.0000,4820.0000,1000000\n");
        stub.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("SPLITS")));
    }

    @Test
    void asksForTheFullHistoryWhenRequested() throws IOException {
        answer("daily-ibm-compact.json");
        fetch(provider(), "IBM", true);
        stub.verify(getRequestedFor(urlPathEqualTo("/query")).withQueryParam("outputsize", equalTo("full")));
    }

    @Test
    void anUnknownSymbolIsReportedAsSuch() throws IOException {
        answer("error-invalid-symbol.json");
        assertThatThrownBy(() -> fetch(provider(), "NOPE", false))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                });
    }

    @Test
    void aRejectedKeyIsReportedWithoutEverShowingTheKey() throws IOException {
        answer("error-invalid-key.json");
        assertThatThrownBy(() -> fetch(provider(), "IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
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
            assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                    .as(file)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                        assertThat(e.getStatusCode().value()).isEqualTo(503);
                        assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("60");
                    });
            stub.verify(1, daily());
        }
    }

    @Test
    void aPremiumOnlyAnswerIsNotMistakenForARateLimit() throws IOException {
        answer("information-premium.json");
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_KEY));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilOneSucceeds() throws IOException {
        answerSplits("splits-none.json");
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("third"));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(okJson(body("daily-ibm-compact.json"))));
        assertThat(fetch(provider(), "IBM", false)).contains("2024-05-17");
        stub.verify(3, daily());
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("after 3 attempts").contains("HTTP 502");
        });
        stub.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aSlowAnswerTimesOutAndCountsAsAFailedAttempt() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson(body("daily-ibm-compact.json")).withFixedDelay(1_500)));
        assertThatThrownBy(() -> fetch(provider(Duration.ofMillis(300)), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("timed out"));
    }

    @Test
    void aClientErrorOrGarbageIsABadResponse() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(aResponse().withStatus(200).withBody("<html>oops")));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("not JSON"));
        stub.resetAll();
        answerSplits("splits-none.json");
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson("{\"Meta Data\":{}}")));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
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
                        Duration.ofMillis(10),
                        true),
                JsonMapper.builder().build());
        assertThatThrownBy(() -> fetch(off, "IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.DISABLED);
            assertThat(e.getMessage()).contains("ALPHAVANTAGE_API_KEY");
        });
        assertThatThrownBy(() -> off.dailyBars("IBM", true, java.util.List.of()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.DISABLED));
        assertThat(stub.getAllServeEvents()).isEmpty();
    }
}
