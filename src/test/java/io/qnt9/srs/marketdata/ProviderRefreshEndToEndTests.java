package io.qnt9.srs.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An admin refresh through the real application, with the provider played by a local WireMock stub. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProviderRefreshEndToEndTests {

    static final WireMockServer STUB =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        STUB.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("qnt9.provider.alphavantage.base-url", STUB::baseUrl);
        registry.add("qnt9.provider.alphavantage.api-key", () -> "e2e-key");
        registry.add("qnt9.provider.alphavantage.initial-backoff", () -> "10ms");
        registry.add("qnt9.provider.refresh.pause", () -> "0s");
    }

    @Autowired
    ProviderRefresh scheduledRefresh;

    @Autowired
    BarImporter importer;

    @Autowired
    MarketData marketData;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @AfterAll
    static void stop() {
        STUB.stop();
    }

    @LocalServerPort
    int port;

    private void answer(String symbol, String file) throws Exception {
        answer(symbol, file, "splits-none.json");
    }

    /** The daily series of {@code symbol} answers with {@code file}, its split list with {@code splitsFile}. */
    private void answer(String symbol, String file, String splitsFile) throws Exception {
        answer(symbol, file, splitsFile, AlphaVantageProviderTests.body("dividends-none.json"));
    }

    /** … and its dividend list with {@code dividendsJson}. */
    private void answer(String symbol, String file, String splitsFile, String dividendsJson) throws Exception {
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo(symbol))
                .willReturn(okJson(AlphaVantageProviderTests.body(file))));
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .withQueryParam("symbol", equalTo(symbol))
                .willReturn(okJson(AlphaVantageProviderTests.body(splitsFile))));
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("DIVIDENDS"))
                .withQueryParam("symbol", equalTo(symbol))
                .willReturn(okJson(dividendsJson)));
    }

    @Test
    void aRefreshStoresTheProvidersBarsThroughTheImporter() throws Exception {
        answer("IBM", "daily-ibm-compact.json");
        HttpTestClient http = TestAccounts.admin(port);
        Response r = http.post("/api/v1/instruments/IBM/refresh", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(3);
        assertThat(r.json().get("createdInstruments").get(0).asString()).isEqualTo("IBM");
        var bars = http.get("/api/v1/instruments/IBM/bars").json().get("bars");
        assertThat(bars.get(2).get("close").asDouble()).isEqualTo(169.03);
        assertThat(bars.get(2).get("volume").asLong()).isEqualTo(2_956_727L);

        STUB.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("outputsize", equalTo("full"))); // a new instrument: 100 days would be too few

        Response again = http.post("/api/v1/instruments/IBM/refresh?full=false", null, "");
        assertThat(again.json().get("rowsSkipped").asInt())
                .as("append mode keeps stored dates")
                .isEqualTo(3);
    }

    @Test
    void providerDataThatFailsValidationIsRejectedLikeAnUpload() throws Exception {
        answer("BADP", "daily-inconsistent-bar.json");
        Response r = TestAccounts.admin(port).post("/api/v1/instruments/BADP/refresh", null, "");
        assertProblem(r, 422, "invalid-csv");
        assertThat(new HttpTestClient(port).get("/api/v1/instruments/BADP").status())
                .isEqualTo(404);
    }

    @Test
    void theProvidersRateLimitReachesTheCallerAsA503WithRetryAfter() throws Exception {
        answer("LIMITED", "note-call-frequency.json");
        Response r = TestAccounts.admin(port).post("/api/v1/instruments/LIMITED/refresh", null, "");
        assertProblem(r, 503, "provider-rate-limited");
        assertThat(r.header("Retry-After")).isEqualTo("60");
    }

    private void importCloses(String symbol, String csv) {
        importer.importBars(
                new BarImporter.Request(symbol, ImportMode.REJECT, "test", "test", null),
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** Stores two bars of {@code symbol} as traded before the splits of splits-splt.json (an earlier refresh). */
    private void storeAsTradedBeforeTheSplits(String symbol) throws Exception {
        importer.importBars(
                new BarImporter.Request(symbol, ImportMode.REJECT, "test", "test", null),
                new java.io.ByteArrayInputStream(
                        "date,open,high,low,close,volume\n2024-06-04,4800,4840,4760,4820,1000000\n2024-06-05,4820,4900,4800,4880,1250000\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        // the provider now lists a 4-for-1 split on 2024-06-06 and a 10-for-1 on 2024-06-10, after them
        answer(symbol, "daily-splt-as-traded.json", "splits-splt.json");
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder asked(
            String function, String symbol) {
        return getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo(function))
                .withQueryParam("symbol", equalTo(symbol));
    }

    @Test
    void aSplitListedAheadOfItsDayAdjustsNothingYet() throws Exception {
        // The provider may list a split before it takes effect; until that day every bar is in today's shares.
        String announced =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString();
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .withQueryParam("symbol", equalTo("AHEAD"))
                .willReturn(okJson("{\"symbol\":\"AHEAD\",\"data\":[{\"effective_date\":\"" + announced
                        + "\",\"split_factor\":\"2.0000\"}]}")));
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo("AHEAD"))
                .willReturn(okJson(AlphaVantageProviderTests.body("daily-ibm-compact.json"))));
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("DIVIDENDS"))
                .withQueryParam("symbol", equalTo("AHEAD"))
                .willReturn(okJson(AlphaVantageProviderTests.body("dividends-none.json"))));
        HttpTestClient http = TestAccounts.admin(port);

        Response r = http.post("/api/v1/instruments/AHEAD/refresh", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(3);
        assertThat(r.json().at("/warnings/0").asString())
                .contains("a split (factor 2) takes effect on " + announced)
                .contains("not adjusted for it yet");
        // as traded, as IBM's file has it: not halved
        var bars = http.get("/api/v1/instruments/AHEAD/bars").json().get("bars");
        assertThat(bars.get(2).get("close").asDouble()).isEqualTo(169.03);
        assertThat(bars.get(2).get("volume").asLong()).isEqualTo(2_956_727L);

        // the next refresh appends: the split is not "after the last stored bar" until it has happened
        Response again = http.post("/api/v1/instruments/AHEAD/refresh?full=false", null, "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("mode").asString()).isEqualTo("APPEND");
        assertThat(again.json().get("rowsSkipped").asInt()).isEqualTo(3);
    }

    @Test
    void aSplitAfterTheStoredBarsRefreshesTheWholeHistoryAdjustedForIt() throws Exception {
        storeAsTradedBeforeTheSplits("SPLT");
        HttpTestClient http = TestAccounts.admin(port);

        // mode=reject: refused, with what to do, and nothing written; the split list alone was asked for
        Response refused = http.post("/api/v1/instruments/SPLT/refresh?full=false&mode=reject", null, "");
        assertProblem(refused, 409, "split-after-stored-bars");
        assertThat(refused.json().get("detail").asString())
                .contains("2024-06-06")
                .contains("full=true&mode=replace");
        assertThat(http.get("/api/v1/instruments/SPLT/bars")
                        .json()
                        .at("/bars/0/close")
                        .asDouble())
                .isEqualTo(4820.0);
        STUB.verify(1, asked("SPLITS", "SPLT"));
        STUB.verify(0, asked("TIME_SERIES_DAILY", "SPLT"));

        // mode=append (the default): the whole history, replacing the stored bars, and a warning that says so
        Response r = http.post("/api/v1/instruments/SPLT/refresh?full=false", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("mode").asString()).isEqualTo("REPLACE");
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(4);
        assertThat(r.json().get("rowsUpdated").asInt()).isEqualTo(2);
        assertThat(r.json().at("/warnings/0").asString())
                .contains("took effect on 2024-06-06")
                .contains("replaced the stored bars");
        // two requests for the refresh: the split list, then the whole history once (never the latest days first)
        STUB.verify(2, asked("SPLITS", "SPLT"));
        STUB.verify(1, asked("TIME_SERIES_DAILY", "SPLT"));
        STUB.verify(1, asked("TIME_SERIES_DAILY", "SPLT").withQueryParam("outputsize", equalTo("full")));

        // in today's shares: 4820 / (4 × 10) = 120.5, 1,000,000 × 40 shares; no jump left across the splits
        var bars = http.get("/api/v1/instruments/SPLT/bars").json().get("bars");
        assertThat(bars.size()).isEqualTo(6);
        assertThat(bars.get(0).get("close").asDouble()).isEqualTo(120.5);
        assertThat(bars.get(0).get("adjClose").asDouble()).isEqualTo(120.5);
        assertThat(bars.get(0).get("volume").asLong()).isEqualTo(40_000_000L);
        for (int i = 1; i < bars.size(); i++) {
            double move = bars.get(i).get("close").asDouble()
                    / bars.get(i - 1).get("close").asDouble();
            assertThat(move).as(bars.get(i).get("date").asString()).isBetween(0.95, 1.05);
        }
    }

    @Test
    void aReplaceOfTheLatestDaysAfterASplitTakesTheWholeHistoryToo() throws Exception {
        // the latest ~100 days alone would leave stored bars older than them in the shares before the split
        storeAsTradedBeforeTheSplits("SPLR");
        HttpTestClient http = TestAccounts.admin(port);
        Response r = http.post("/api/v1/instruments/SPLR/refresh?full=false&mode=replace", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("mode").asString()).isEqualTo("REPLACE");
        assertThat(r.json().at("/warnings/0").asString()).contains("the whole history was fetched");
        STUB.verify(1, asked("TIME_SERIES_DAILY", "SPLR").withQueryParam("outputsize", equalTo("full")));
        STUB.verify(0, asked("TIME_SERIES_DAILY", "SPLR").withQueryParam("outputsize", equalTo("compact")));
        assertThat(http.get("/api/v1/instruments/SPLR/bars")
                        .json()
                        .at("/bars/0/close")
                        .asDouble())
                .isEqualTo(120.5);
    }

    /** Stores the first two bars of daily-divd-as-traded.json (an earlier refresh, before its dividends went ex). */
    private void storeBeforeTheDividends(String symbol) throws Exception {
        importCloses(
                symbol,
                "date,open,high,low,close,volume\n2024-09-09,59.8,60.2,59.5,60,900000\n"
                        + "2024-09-10,60.1,60.7,60,60.5,1000000\n");
    }

    @Test
    void aDividendAfterTheStoredBarsRefreshesTheWholeHistoryWithItsAdjustedCloses() throws Exception {
        storeBeforeTheDividends("DIVD");
        // the provider now lists dividends going ex on 2024-09-11 and 2024-09-13, after the last stored bar
        answer(
                "DIVD",
                "daily-divd-as-traded.json",
                "splits-none.json",
                AlphaVantageProviderTests.body("dividends-divd.json"));
        HttpTestClient http = TestAccounts.admin(port);

        // mode=reject: refused, with what to do, and nothing written; the bars were not fetched
        Response refused = http.post("/api/v1/instruments/DIVD/refresh?full=false&mode=reject", null, "");
        assertProblem(refused, 409, "dividend-after-stored-bars");
        assertThat(refused.json().get("detail").asString())
                .contains("a dividend of 0.484 per share went ex on 2024-09-11")
                .contains("full=true&mode=replace");
        assertThat(refused.json().get("exDividendDate").asString()).isEqualTo("2024-09-11");
        assertThat(refused.json().get("lastStored").asString()).isEqualTo("2024-09-10");
        STUB.verify(1, asked("DIVIDENDS", "DIVD"));
        STUB.verify(0, asked("TIME_SERIES_DAILY", "DIVD"));

        // mode=append (the default): the whole history, replacing the stored bars, and a warning naming the dividend
        Response r = http.post("/api/v1/instruments/DIVD/refresh?full=false", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("mode").asString()).isEqualTo("REPLACE");
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(3);
        assertThat(r.json().get("rowsUpdated").asInt()).isEqualTo(2);
        assertThat(r.json().at("/warnings/0").asString())
                .contains("a dividend of 0.484 per share went ex on 2024-09-11")
                .contains("after the last stored bar of DIVD (2024-09-10)")
                .contains("replaced the stored bars");
        STUB.verify(2, asked("SPLITS", "DIVD"));
        STUB.verify(2, asked("DIVIDENDS", "DIVD"));
        STUB.verify(1, asked("TIME_SERIES_DAILY", "DIVD"));
        STUB.verify(1, asked("TIME_SERIES_DAILY", "DIVD").withQueryParam("outputsize", equalTo("full")));

        // the stored bars now carry the dividends (by hand in AlphaVantageProviderTests: × 0.992 before 09-11,
        // × 0.995 before 09-13); the closes stay as traded
        var bars = http.get("/api/v1/instruments/DIVD/bars").json().get("bars");
        assertThat(bars.size()).isEqualTo(5);
        double[] adjusted = {59.2224, 59.71592, 59.501, 59.7995, 60.2};
        double[] closes = {60.0, 60.5, 59.8, 60.1, 60.2};
        for (int i = 0; i < 5; i++) {
            assertThat(bars.get(i).get("adjClose").asDouble())
                    .as(bars.get(i).get("date").asString())
                    .isEqualTo(adjusted[i]);
            assertThat(bars.get(i).get("close").asDouble()).isEqualTo(closes[i]);
        }

        // the fixture also lists a dividend going ex on 2024-12-12, gone ex by the calendar but after the provider's
        // last bar (2024-09-13): the next refresh takes the whole history again and says it cannot adjust for it yet
        Response again = http.post("/api/v1/instruments/DIVD/refresh?full=false", null, "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("mode").asString()).isEqualTo("REPLACE");
        assertThat(again.json().at("/warnings/0").asString())
                .contains("a dividend of 0.5 per share went ex on 2024-12-12")
                .contains("no bar from 2024-12-12 on yet");
        assertThat(http.get("/api/v1/instruments/DIVD/bars")
                        .json()
                        .at("/bars/0/adjClose")
                        .asDouble())
                .isEqualTo(59.2224);
    }

    @Test
    void aDividendDeclaredAheadOfItsExDateChangesNothingYet() throws Exception {
        storeBeforeTheDividends("DIVF");
        String exDate =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        answer(
                "DIVF",
                "daily-divd-as-traded.json",
                "splits-none.json",
                "{\"symbol\": \"DIVF\", \"data\": [{\"ex_dividend_date\": \"" + exDate + "\","
                        + " \"declaration_date\": \"None\", \"record_date\": \"None\", \"payment_date\": \"None\","
                        + " \"amount\": \"0.5\"}]}");
        HttpTestClient http = TestAccounts.admin(port);
        Response r = http.post("/api/v1/instruments/DIVF/refresh?full=false", null, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("mode").asString()).isEqualTo("APPEND");
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(3);
        STUB.verify(1, asked("TIME_SERIES_DAILY", "DIVF").withQueryParam("outputsize", equalTo("compact")));
        var bars = http.get("/api/v1/instruments/DIVF/bars").json().get("bars");
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i).get("adjClose").asDouble())
                    .isEqualTo(bars.get(i).get("close").asDouble());
        }
    }

    @Test
    void theScheduledRefreshTakesTheStalestFirstAndStopsAtTheRateLimit() throws Exception {
        // Three instruments, stalest first: SCHED1 is refreshed, SCHED2 meets the rate limit, SCHED3 is not asked.
        importCloses("SCHED1", "date,close\n2024-05-10,160\n");
        importCloses("SCHED2", "date,close\n2024-05-13,1\n");
        importCloses("SCHED3", "date,close\n2024-05-14,1\n");
        STUB.stubFor(get(urlPathEqualTo("/query"))
                .atPriority(10)
                .willReturn(okJson(AlphaVantageProviderTests.body("error-invalid-symbol.json"))));
        answer("SCHED1", "daily-ibm-compact.json");
        answer("SCHED2", "note-call-frequency.json");

        double rateLimitedBefore = meters.counter("qnt9.provider.refresh.runs", "outcome", "rate_limited")
                .count();
        ProviderRefresh.Summary summary = scheduledRefresh.refreshAll();
        assertThat(meters.counter("qnt9.provider.refresh.runs", "outcome", "rate_limited")
                        .count())
                .isEqualTo(rateLimitedBefore + 1);

        assertThat(summary.ran()).isTrue();
        assertThat(summary.refreshed()).containsExactly("SCHED1 +3");
        assertThat(marketData.series("SCHED1").orElseThrow().lastDate()).contains(java.time.LocalDate.of(2024, 5, 17));
        assertThat(summary.stoppedBy()).contains("rate limit");
        assertThat(summary.skipped())
                .as("the bundled stocks, older still, are unknown to the stub; the index SPX is not asked")
                .anySatisfy(x -> assertThat(x).startsWith("MSFT ("))
                .noneSatisfy(x -> assertThat(x).startsWith("SPX"));
        STUB.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("symbol", equalTo("SCHED3")));
        STUB.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("symbol", equalTo("SPX")));
        // SCHED1's last bar was more than 120 days old: the whole history, so that no gap is left.
        STUB.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("symbol", equalTo("SCHED1"))
                .withQueryParam("outputsize", equalTo("full")));
    }

    @Autowired
    MarketDataProvider provider;

    @Autowired
    ProviderProperties providerProperties;

    @Autowired
    java.time.Clock clock;

    @Test
    void aScheduledRunSendsNoMoreRequestsThanItsBudget() throws Exception {
        // The stalest three (1990): a budget of 6 requests is two refreshes of three (splits, dividends, bars).
        importCloses("BUDG1", "date,close\n1990-01-02,10\n");
        importCloses("BUDG2", "date,close\n1990-01-03,10\n");
        importCloses("BUDG3", "date,close\n1990-01-04,10\n");
        answer("BUDG1", "daily-ibm-compact.json");
        answer("BUDG2", "daily-ibm-compact.json"); // BUDG3 is not answered: it must not be asked
        var runMeters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var budgeted = new ProviderRefresh(
                provider,
                providerProperties,
                new ProviderRefreshProperties("-", 20, 6, java.time.Duration.ZERO, java.time.Duration.ofDays(120)),
                importer,
                marketData,
                dataSource,
                clock,
                runMeters);
        long sentBefore = provider.requestsSent();

        ProviderRefresh.Summary summary = budgeted.refreshAll();

        assertThat(summary.refreshed()).containsExactly("BUDG1 +3", "BUDG2 +3");
        assertThat(summary.stoppedBy())
                .startsWith("the run's request budget (PROVIDER_REFRESH_MAX_REQUESTS=6, 3 per instrument) is spent;");
        assertThat(provider.requestsSent() - sentBefore).isEqualTo(6);
        assertThat(runMeters.get("qnt9.provider.requests").functionCounter().count())
                .as("the quota's meter, every request since start")
                .isEqualTo(provider.requestsSent());
        STUB.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("symbol", equalTo("BUDG3")));
        assertThat(runMeters
                        .counter("qnt9.provider.refresh.runs", "outcome", "completed")
                        .count())
                .as("a spent budget is how a run is meant to end, not a failure")
                .isEqualTo(1);
        assertThat(runMeters
                        .counter("qnt9.provider.refresh.runs", "outcome", "failed")
                        .count())
                .isZero();
    }

    @Autowired
    org.springframework.scheduling.TaskScheduler taskScheduler;

    @Test
    void aLongRefreshDoesNotHoldUpTheOtherScheduledTasks() {
        // Java 17: a pool (of 2); with virtual threads (21+) Spring starts a thread per run instead.
        if (taskScheduler instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler pool) {
            assertThat(pool.getScheduledThreadPoolExecutor().getCorePoolSize()).isEqualTo(2);
        } else {
            assertThat(taskScheduler)
                    .isInstanceOf(org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler.class);
        }
    }

    @Test
    void onlyOneReplicaRunsTheScheduledRefreshAtATime() throws Exception {
        try (java.sql.Connection other = dataSource.getConnection();
                java.sql.Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(7190002)"); // another replica's run
            assertThat(scheduledRefresh.refreshAll().ran()).isFalse();
            s.execute("SELECT pg_advisory_unlock(7190002)");
        }
    }
}
