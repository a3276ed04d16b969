package io.qnt9.srs.marketdata;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static io.qnt9.srs.ProblemAssertions.detailOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.ReferenceCsv;
import io.qnt9.srs.TestAccounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The real application on a random port with its real embedded PostgreSQL and the bundled data, called over HTTP.
 * Expected figures are computed in the test from the CSV files, not taken from the service.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qnt9.import.max-bytes=1048576")
@ActiveProfiles("test")
class MarketDataEndToEndTests {

    private static final String CSV = "text/csv";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Anonymous: market-data reads are public. */
    HttpTestClient http;

    /** Imports are for admins. */
    HttpTestClient admin;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        admin = TestAccounts.admin(port);
    }

    private int barCount(String symbol) {
        return jdbc.sql(
                        "SELECT count(*) FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id WHERE i.symbol = ?")
                .param(symbol)
                .query(Integer.class)
                .single();
    }

    private boolean instrumentExists(String symbol) {
        return jdbc.sql("SELECT count(*) FROM instrument WHERE symbol = ?")
                        .param(symbol)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    // ---- health ----

    @Test
    void healthAnswersInTheShapeTheSmokeTestsExpect() {
        Response r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("status").asString()).isEqualTo("healthy");
        String ts = body.get("timestamp").asString();
        assertThat(ts).endsWith("Z");
        assertThat(java.time.Instant.parse(ts))
                .isCloseTo(java.time.Instant.now(), within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(body.at("/components/database/status").asString()).isEqualTo("up");
    }

    // ---- /api/stats ----

    @Test
    void statsEqualTheFiguresComputedFromTheCsvForExactlyTheRequestedRange() {
        LocalDate start = LocalDate.of(2014, 1, 1);
        LocalDate end = LocalDate.of(2014, 12, 31);
        List<ReferenceCsv.Row> rows = ReferenceCsv.between(ReferenceCsv.read("aapl.csv"), start, end);
        double high = rows.stream().mapToDouble(ReferenceCsv.Row::high).max().orElseThrow();
        double low = rows.stream().mapToDouble(ReferenceCsv.Row::low).min().orElseThrow();
        double avg =
                rows.stream().mapToDouble(ReferenceCsv.Row::close).average().orElseThrow();
        double last = rows.get(rows.size() - 1).close();

        for (String path : List.of("/api/stats", "/api/v1/stats")) {
            Response r = http.get(path + "?ticker=AAPL&start=2014-01-01&end=2014-12-31");
            assertThat(r.status()).isEqualTo(200);
            JsonNode b = r.json();
            assertThat(b.get("symbol").asString()).isEqualTo("AAPL");
            assertThat(b.at("/period/start").asString()).isEqualTo("2014-01-01");
            assertThat(b.at("/period/end").asString()).isEqualTo("2014-12-31");
            assertThat(b.get("high").asDouble()).isCloseTo(high, within(1e-9));
            assertThat(b.get("low").asDouble()).isCloseTo(low, within(1e-9));
            assertThat(b.get("average_close").asDouble()).isCloseTo(avg, within(1e-9));
            assertThat(b.get("last_close").asDouble()).isCloseTo(last, within(1e-9));
            assertThat(b.get("trading_days").asInt()).isEqualTo(rows.size());
        }
        assertThat(http.get("/api/stats?ticker=aapl&start=2014-01-01&end=2014-12-31")
                        .json()
                        .get("cache_hit")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void statsReportACacheMissTheFirstTimeASeriesIsRead() {
        // Import a fresh series: the import evicts it, so the first read goes to the database.
        admin.post("/api/v1/instruments/CACHE1/bars", CSV, "date,close\n2015-01-02,10\n2015-01-05,11\n");
        assertThat(http.get("/api/stats?ticker=CACHE1").json().get("cache_hit").asBoolean())
                .isFalse();
        assertThat(http.get("/api/stats?ticker=CACHE1").json().get("cache_hit").asBoolean())
                .isTrue();
    }

    @Test
    void statsRejectMalformedImpossibleAndReversedDatesWith400() {
        Response impossible = http.get("/api/stats?ticker=AAPL&start=2024-02-30");
        assertProblem(impossible, 400, "invalid-parameter");
        assertThat(impossible.json().get("parameter").asString()).isEqualTo("start");
        assertThat(impossible.json().get("detail").asString())
                .contains("2024-02-30")
                .contains("yyyy-MM-dd");

        assertProblem(http.get("/api/stats?ticker=AAPL&end=14/01/2014"), 400, "invalid-parameter");
        // ISO dates only, strictly: no single-digit month or day, no time or offset.
        assertProblem(http.get("/api/stats?ticker=AAPL&start=2014-1-2"), 400, "invalid-parameter");
        assertProblem(http.get("/api/stats?ticker=AAPL&start=2014-01-02T00:00"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/statistics?end=2016-02-30"), 400, "invalid-parameter");
        assertThat(http.get("/api/stats?ticker=AAPL&start=2014-01-02&end=2014-01-03")
                        .status())
                .isEqualTo(200);
        Response reversed = http.get("/api/stats?ticker=AAPL&start=2015-01-01&end=2014-01-01");
        assertProblem(reversed, 400, "invalid-parameter");
        assertThat(reversed.json().get("detail").asString()).contains("must not be after");
        Response missing = http.get("/api/stats");
        assertProblem(missing, 400, "missing-parameter");
        assertThat(missing.json().get("parameter").asString()).isEqualTo("ticker");
        assertProblem(http.get("/api/stats?ticker=%27%3B%20DROP%20TABLE%20instrument"), 400, "invalid-parameter");
    }

    @Test
    void aSingleValueParameterGivenTwiceIsRefusedNotSilentlyTakenOnce() {
        Response dates = http.get("/api/stats?ticker=AAPL&start=2014-01-01&start=2015-01-01");
        JsonNode problem = assertProblem(dates, 400, "invalid-parameter");
        assertThat(problem.get("parameter").asString()).isEqualTo("start");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Parameter 'start' takes one value and was given 2: '2014-01-01', '2015-01-01'. Give it"
                        + " once.");
        Response numbers = http.get("/api/v1/recommendations?size=5&size=10");
        assertThat(assertProblem(numbers, 400, "invalid-parameter")
                        .get("parameter")
                        .asString())
                .isEqualTo("size");
        assertProblem(
                http.get("/api/v1/instruments/AAPL/statistics?riskFreeRate=0.01&riskFreeRate=0.02"),
                400,
                "invalid-parameter");
        // Text parameters keep the comma-joined reading that list parameters rely on.
        Response compare = http.get("/api/compare?tickers=AAPL&tickers=MSFT");
        assertThat(compare.status()).isEqualTo(200);
        assertThat(compare.json().get("items").propertyNames()).containsExactlyInAnyOrder("AAPL", "MSFT");
        // Once is fine, as before.
        assertThat(http.get("/api/stats?ticker=AAPL&start=2014-01-01").status()).isEqualTo(200);
    }

    @Test
    void aQueryParameterTheEndpointDoesNotTakeIsRefusedNotSilentlyIgnored() {
        // A typo would otherwise give the whole range and look like an answer.
        Response typo = http.get("/api/stats?ticker=AAPL&strat=2014-01-01");
        JsonNode problem = assertProblem(typo, 400, "unknown-parameter");
        assertThat(problem.get("parameter").asString()).isEqualTo("strat");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Unknown query parameter 'strat'. Did you mean 'start'? GET /api/stats takes: ticker, start,"
                        + " end.");
        assertThat(problem.get("accepted").values())
                .extracting(JsonNode::asString)
                .containsExactly("ticker", "start", "end");
        // Wrong case: the Sharpe ratio would silently use a risk-free rate of 0.
        Response wrongCase = http.get("/api/v1/instruments/AAPL/statistics?riskfreerate=0.02");
        assertThat(detailOf(wrongCase, 400, "unknown-parameter"))
                .startsWith("Unknown query parameter 'riskfreerate'. Did you mean 'riskFreeRate'?");
        // Nothing close: no suggestion, the list only.
        assertThat(detailOf(http.get("/api/v1/instruments/AAPL/bars?apikey=demo"), 400, "unknown-parameter"))
                .isEqualTo("Unknown query parameter 'apikey'. Credentials are not read from the URL: send an API key as"
                        + " the header 'X-API-Key: <key>' (or 'Authorization: Bearer <key>'), and an access token as"
                        + " 'Authorization: Bearer <token>'. GET /api/v1/instruments/AAPL/bars takes: start, end,"
                        + " interval.");
        assertThat(detailOf(http.get("/api/v1/instruments/AAPL/bars?strat=2014-01-01"), 400, "unknown-parameter"))
                .doesNotContain("Credentials");
        assertThat(detailOf(http.get("/api/v1/instruments?x=1"), 400, "unknown-parameter"))
                .contains("takes: kind");
        assertThat(detailOf(http.get("/health?verbose=1"), 400, "unknown-parameter"))
                .endsWith("GET /health takes no query parameters.");
        // POST endpoints check their query string too.
        assertProblem(
                http.post("/api/stats/batch?start=2014-01-01", "application/json", "{\"tickers\":[\"AAPL\"]}"),
                400,
                "unknown-parameter");
        // A JSON body likewise: an unknown field is named, not ignored.
        Response bodyTypo =
                http.post("/api/stats/batch", "application/json", "{\"tickers\":[\"AAPL\"],\"strat\":\"2014-01-01\"}");
        assertThat(detailOf(bodyTypo, 400, "invalid-request-body"))
                .startsWith("Unknown field 'strat' in the request body. Did you mean 'start'?");
        // What the endpoint takes still works, and pages that are not the API's own take anything.
        assertThat(http.get("/api/stats?ticker=AAPL&start=2014-01-01&end=2014-12-31")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/?utm_source=newsletter").status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs?x=1").status()).isEqualTo(200);
    }

    @Test
    void anEnumParameterMatchesIgnoringCaseAndAnUnknownValueListsTheChoices() {
        for (String kind : List.of("INDEX", "index", "Index")) {
            Response r = http.get("/api/v1/instruments?kind=" + kind);
            assertThat(r.status()).as(kind).isEqualTo(200);
            assertThat(r.json().values())
                    .extracting(i -> i.get("symbol").asString())
                    .contains("SPX");
            assertThat(r.json().values())
                    .extracting(i -> i.get("kind").asString())
                    .containsOnly("INDEX");
        }
        assertThat(detailOf(http.get("/api/v1/instruments?kind=bond"), 400, "invalid-parameter"))
                .isEqualTo("Parameter 'kind' must be one of [STOCK, INDEX, ETF]; got 'bond'.");
    }

    @Test
    void statsAnswer404ForAnUnknownTickerOrARangeWithoutData() {
        Response unknown = http.get("/api/stats?ticker=NOPE");
        assertProblem(unknown, 404, "unknown-instrument");
        assertThat(unknown.json().get("parameter").asString()).isEqualTo("ticker");
        Response empty = http.get("/api/stats?ticker=AAPL&start=2020-01-01&end=2020-12-31");
        assertProblem(empty, 404, "no-data-in-range");
        assertThat(empty.json().get("detail").asString()).contains("2013-05-13 to 2018-05-11");
    }

    @Test
    void batchAnswersPerTickerAndReportsFailuresWithoutFailingTheBatch() {
        Response r = http.post(
                "/api/stats/batch",
                "application/json",
                "{\"tickers\":[\"aapl\",\"NOPE\",\"MSFT\",\"AAPL\"],\"start\":\"2001-01-01\",\"end\":\"2014-12-31\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.json();
        assertThat(b.get("count").asInt()).isEqualTo(3);
        assertThat(b.get("items").propertyNames()).containsExactly("AAPL", "NOPE", "MSFT");
        assertThat(b.at("/items/NOPE/status").asInt()).isEqualTo(404);
        assertThat(b.at("/items/NOPE/error").asString()).contains("No instrument");
        double msftLast = ReferenceCsv.read("msft.csv").get(248).close();
        assertThat(b.at("/items/MSFT/last_close").asDouble()).isCloseTo(msftLast, within(1e-9));
        assertThat(b.at("/period/start").asString()).isEqualTo("2001-01-01");
    }

    @Test
    void batchRejectsNoTickersOrMoreThanTen() {
        assertProblem(http.post("/api/stats/batch", "application/json", "{\"tickers\":[]}"), 400, "invalid-parameter");
        assertProblem(http.post("/api/stats/batch", "application/json", "{}"), 400, "invalid-parameter");
        String eleven = "{\"tickers\":[\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\",\"H\",\"I\",\"J\",\"K\"]}";
        Response r = http.post("/api/v1/stats/batch", "application/json", eleven);
        assertProblem(r, 400, "invalid-parameter");
        assertThat(r.json().get("detail").asString()).contains("At most 10");
        assertProblem(
                http.post("/api/stats/batch", "application/json", "{\"tickers\":"), 400, "malformed-request-body");
        assertProblem(http.post("/api/stats/batch", "text/plain", "AAPL"), 415, "unsupported-media-type");
    }

    @Test
    void compareGivesRangePercentPerTickerAndTheWidestAsTop() {
        Response r = http.get("/api/compare?tickers=AAPL,GOOG,SPX&start=2014-01-01&end=2014-12-31");
        // GOOG has no bars in 2014 (the bundled history ends in 2008)
        assertProblem(r, 404, "no-data-in-range");

        r = http.get("/api/compare?tickers=AAPL,SPX&start=2014-01-01&end=2014-12-31");
        assertThat(r.status()).isEqualTo(200);
        double best = -1;
        String top = null;
        for (String s : List.of("AAPL", "SPX")) {
            List<ReferenceCsv.Row> rows = ReferenceCsv.between(
                    ReferenceCsv.read(s.toLowerCase() + ".csv"), LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31));
            double hi = rows.stream().mapToDouble(ReferenceCsv.Row::high).max().orElseThrow();
            double lo = rows.stream().mapToDouble(ReferenceCsv.Row::low).min().orElseThrow();
            double range = (hi - lo) / lo * 100;
            assertThat(r.json().at("/items/" + s + "/range_percent").asDouble()).isCloseTo(range, within(1e-9));
            if (range > best) {
                best = range;
                top = s;
            }
        }
        assertThat(r.json().get("top_symbol").asString()).isEqualTo(top);
        assertThat(r.json().get("notice").isNull())
                .as("both have every 2014 trading day")
                .isTrue();

        // Without a range each ticker covers its own history: said, since the figures then compare unlike periods.
        List<ReferenceCsv.Row> aapl = ReferenceCsv.read("aapl.csv");
        List<ReferenceCsv.Row> msft = ReferenceCsv.read("msft.csv");
        assertThat(http.get("/api/compare?tickers=AAPL,MSFT")
                        .json()
                        .get("notice")
                        .asString())
                .isEqualTo("The tickers' bars cover different periods (AAPL "
                        + aapl.get(0).date() + " to "
                        + aapl.get(aapl.size() - 1).date() + ", MSFT "
                        + msft.get(0).date() + " to "
                        + msft.get(msft.size() - 1).date() + "): their figures compare unlike periods; pass start and"
                        + " end within all of them to compare like for like.");
        assertProblem(http.get("/api/compare?tickers=A,B,C,D,E,F"), 400, "invalid-parameter");
        assertProblem(http.get("/api/compare?tickers=,,"), 400, "invalid-parameter");
    }

    // ---- instruments and bars ----

    @Test
    void instrumentsCarryRealMetadataAndTheirDateCoverage() {
        Response r = http.get("/api/v1/instruments");
        assertThat(r.status()).isEqualTo(200);
        JsonNode aapl = null;
        for (JsonNode n : r.json()) {
            if (n.get("symbol").asString().equals("AAPL")) {
                aapl = n;
            }
        }
        assertThat(aapl).isNotNull();
        assertThat(aapl.get("isin").asString()).isEqualTo("US0378331005");
        assertThat(aapl.get("firstDate").asString()).isEqualTo("2013-05-13");
        assertThat(aapl.get("lastDate").asString()).isEqualTo("2018-05-11");
        assertThat(aapl.get("bars").asInt())
                .isEqualTo(ReferenceCsv.read("aapl.csv").size());
        assertThat(http.get("/api/v1/instruments/spx").json().get("kind").asString())
                .isEqualTo("INDEX");
        assertProblem(http.get("/api/v1/instruments/NOPE"), 404, "unknown-instrument");
        assertThat(http.get("/api/v1/instruments?kind=INDEX").json()).hasSize(1);
    }

    @Test
    void barsComeAsJsonOrCsvForTheRequestedRange() {
        List<ReferenceCsv.Row> expected = ReferenceCsv.between(
                ReferenceCsv.read("msft.csv"), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31));
        JsonNode json = http.get("/api/v1/instruments/MSFT/bars?start=2001-01-01&end=2001-01-31")
                .json();
        assertThat(json.get("count").asInt()).isEqualTo(expected.size());
        JsonNode first = json.get("bars").get(0);
        assertThat(first.get("date").asString())
                .isEqualTo(expected.get(0).date().toString());
        assertThat(first.get("open").asDouble()).isEqualTo(expected.get(0).open());
        assertThat(first.get("volume").asLong()).isEqualTo(expected.get(0).volume());

        Response csv = http.get("/api/v1/instruments/MSFT/bars?start=2001-01-01&end=2001-01-31", "Accept", CSV);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith(CSV);
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).isEqualTo("date,open,high,low,close,adj_close,volume");
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines[1])
                .startsWith(expected.get(0).date() + "," + expected.get(0).open());
    }

    @Test
    void errorsAreProblemJsonEvenWhenCsvWasAskedFor() {
        Response r = http.get("/api/v1/instruments/NOPE/bars", "Accept", CSV);
        assertProblem(r, 404, "unknown-instrument");
    }

    @Test
    void weeklyAndMonthlyBarsAggregateTheBundledDailyBars() {
        LocalDate start = LocalDate.parse("2014-01-01");
        LocalDate end = LocalDate.parse("2014-06-30");
        List<ReferenceCsv.Row> days = ReferenceCsv.between(ReferenceCsv.read("aapl.csv"), start, end);
        JsonNode daily = http.get("/api/v1/instruments/AAPL/bars?start=2014-01-01&end=2014-06-30")
                .json();
        for (String interval : new String[] {"weekly", "monthly"}) {
            // Group the CSV rows by ISO week (week-based year and week) or by calendar month, here in the test.
            java.util.Map<String, List<ReferenceCsv.Row>> groups = new java.util.LinkedHashMap<>();
            for (ReferenceCsv.Row r : days) {
                String key = interval.equals("weekly")
                        ? r.date().get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                                + r.date().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                        : r.date().getYear() + "-" + r.date().getMonthValue();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            JsonNode answer = http.get(
                            "/api/v1/instruments/AAPL/bars?start=2014-01-01&end=2014-06-30&interval=" + interval)
                    .json();
            assertThat(answer.get("interval").asString()).isEqualTo(interval.toUpperCase());
            assertThat(answer.get("count").asInt()).isEqualTo(groups.size());
            int i = 0;
            for (List<ReferenceCsv.Row> g : groups.values()) {
                JsonNode bar = answer.get("bars").get(i++);
                ReferenceCsv.Row last = g.get(g.size() - 1);
                assertThat(bar.get("date").asString()).isEqualTo(last.date().toString());
                assertThat(bar.get("open").asDouble()).isEqualTo(g.get(0).open());
                assertThat(bar.get("high").asDouble())
                        .isEqualTo(g.stream()
                                .mapToDouble(ReferenceCsv.Row::high)
                                .max()
                                .orElseThrow());
                assertThat(bar.get("low").asDouble())
                        .isEqualTo(g.stream()
                                .mapToDouble(ReferenceCsv.Row::low)
                                .min()
                                .orElseThrow());
                assertThat(bar.get("close").asDouble()).isEqualTo(last.close());
                assertThat(bar.get("volume").asLong())
                        .isEqualTo(
                                g.stream().mapToLong(ReferenceCsv.Row::volume).sum());
                // the adjusted close of the period's last day, as the daily bars give it
                JsonNode lastDay = null;
                for (JsonNode d : daily.get("bars")) {
                    if (d.get("date").asString().equals(last.date().toString())) {
                        lastDay = d;
                    }
                }
                assertThat(bar.get("adjClose").asDouble())
                        .isEqualTo(lastDay.get("adjClose").asDouble());
            }
        }
        assertThat(http.get("/api/v1/instruments/AAPL/bars?start=2014-01-01&end=2014-06-30&interval=monthly")
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(6);
        Response csv = http.get(
                "/api/v1/instruments/AAPL/bars?start=2014-01-01&end=2014-03-31&interval=monthly", "Accept", CSV);
        assertThat(csv.body().lines().toList()).hasSize(4).element(1).asString().startsWith("2014-01-31,");
        JsonNode p = assertProblem(http.get("/api/v1/instruments/AAPL/bars?interval=hourly"), 400, "invalid-parameter");
        assertThat(p.get("parameter").asString()).isEqualTo("interval");
        assertThat(p.get("detail").asString()).contains("DAILY, WEEKLY, MONTHLY");
    }

    // ---- imports ----

    @Test
    void aValidImportThatLooksLikeAnUnadjustedSplitIsStoredWithAWarning() {
        String csv = "date,close\n2020-01-02,100\n2020-01-03,101\n2020-01-06,25.5\n2020-01-07,25.6\n";
        Response r = admin.post("/api/v1/instruments/SPLITCO/bars", CSV, csv);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("rowsInserted").asInt()).isEqualTo(4);
        assertThat(r.json().get("warnings").get(0).asString())
                .isEqualTo("SPLITCO: close 25.5 on 2020-01-06 after 101 on 2020-01-03 (×0.252): a split not adjusted"
                        + " for, or a data error?");
        assertThat(r.json().get("warnings").size()).isEqualTo(1);
    }

    @Test
    void aDayAppendedAfterAnUnadjustedSplitIsNotedAtTheSeamWithTheStoredHistory() {
        Response first =
                admin.post("/api/v1/instruments/SEAMCO/bars", CSV, "date,close\n2020-01-02,100\n2020-01-03,101\n");
        assertThat(first.json().get("warnings").size()).isZero();
        // The new day alone is a valid file; against the stored day before it, it fell to a quarter.
        Response appended = admin.post("/api/v1/instruments/SEAMCO/bars", CSV, "date,close\n2020-01-06,25.3\n");
        assertThat(appended.status()).isEqualTo(200);
        assertThat(appended.json().get("rowsInserted").asInt()).isEqualTo(1);
        assertThat(appended.json().get("warnings").get(0).asString())
                .isEqualTo("SEAMCO: close 25.3 on 2020-01-06 after 101 on 2020-01-03 (×0.25): a split not adjusted"
                        + " for, or a data error?");
        // Earlier history whose last day does not fit the stored first day: the seam after the file.
        Response prepended = admin.post("/api/v1/instruments/SEAMCO/bars", CSV, "date,close\n2019-12-31,400\n");
        assertThat(prepended.json().get("warnings").get(0).asString())
                .isEqualTo("SEAMCO: close 100 on 2020-01-02 after 400 on 2019-12-31 (×0.25): a split not adjusted"
                        + " for, or a data error?");
        // A fitting day raises nothing.
        Response fits = admin.post("/api/v1/instruments/SEAMCO/bars", CSV, "date,close\n2020-01-07,25.5\n");
        assertThat(fits.json().get("warnings").size()).isZero();
    }

    @Test
    void aValidImportCreatesTheInstrumentAndIsVisibleAtOnce() {
        String csv = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2020-01-02,10,11,9.5,10.5,10.4,1000\n"
                + "2020-01-03,10.5,12,10,11.5,11.4,2000\n"
                + "2020-01-06,11.5,11.6,10.9,11,10.9,1500\n";
        Response r = admin.post("/api/v1/instruments/NEWCO/bars?name=New%20Company%20Ltd", CSV, csv);
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.json();
        assertThat(b.get("rowsReceived").asInt()).isEqualTo(3);
        assertThat(b.get("rowsInserted").asInt()).isEqualTo(3);
        assertThat(b.get("createdInstruments").get(0).asString()).isEqualTo("NEWCO");
        assertThat(b.get("firstDate").asString()).isEqualTo("2020-01-02");
        assertThat(b.get("warnings").size()).as("nothing implausible").isZero();
        assertThat(http.get("/api/v1/instruments/NEWCO").json().get("name").asString())
                .isEqualTo("New Company Ltd");
        JsonNode stats = http.get("/api/stats?ticker=NEWCO").json();
        assertThat(stats.get("high").asDouble()).isEqualTo(12.0);
        assertThat(stats.get("low").asDouble()).isEqualTo(9.5);
        assertThat(stats.get("average_close").asDouble()).isCloseTo((10.5 + 11.5 + 11) / 3, within(1e-12));
        assertThat(barCount("NEWCO")).isEqualTo(3);
    }

    @Test
    void oneBadRowRejectsTheWholeFileWithLineNumbersAndWritesNothing() {
        int before = barCount("AAPL");
        String csv = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2019-01-02,154.89,158.85,154.23,157.92,157.92,37039700\n"
                + "2019-01-03,143.98,145.72,142.00,142.19,142.19,91312200\n"
                + "2019-01-04,144.53,148.55,143.80,148.26,148.26,not-a-number\n"
                + "2019-02-30,147.69,148.83,145.90,147.93,147.93,54777800\n";
        Response r = admin.post("/api/v1/instruments/AAPL/bars", CSV, csv);
        assertProblem(r, 422, "invalid-csv");
        JsonNode b = r.json();
        assertThat(b.get("errorCount").asInt()).isEqualTo(2);
        assertThat(b.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(b.get("errors").get(0).get("column").asString()).isEqualTo("volume");
        assertThat(b.get("errors").get(1).get("line").asInt()).isEqualTo(5);
        assertThat(b.get("errors").get(1).get("column").asString()).isEqualTo("date");
        assertThat(b.get("detail").asString()).contains("nothing was imported");
        assertThat(barCount("AAPL")).isEqualTo(before);

        Response newSymbol = admin.post("/api/v1/instruments/GHOST/bars", CSV, "date,close\n2019-01-02,abc\n");
        assertProblem(newSymbol, 422, "invalid-csv");
        assertThat(instrumentExists("GHOST"))
                .as("a rejected import creates no instrument")
                .isFalse();
    }

    @Test
    void duplicateDatesInTheFileAreRejected() {
        Response r = admin.post(
                "/api/v1/instruments/DUPE/bars", CSV, "date,close\n2019-01-02,1\n2019-01-03,1\n2019-01-02,2\n");
        assertProblem(r, 422, "invalid-csv");
        assertThat(r.json().at("/errors/0/message").asString()).isEqualTo("Duplicate date: already on line 2.");
        assertThat(instrumentExists("DUPE")).isFalse();
    }

    @Test
    void storedDatesAreRejectedByDefaultAndAppendedOrReplacedOnRequest() {
        assertThat(admin.post("/api/v1/instruments/OVLP/bars", CSV, "date,close\n2019-01-02,10\n2019-01-03,11\n")
                        .status())
                .isEqualTo(200);
        String next = "date,close\n2019-01-03,99\n2019-01-04,12\n";

        Response rejected = admin.post("/api/v1/instruments/OVLP/bars", CSV, next);
        assertProblem(rejected, 409, "import-overlap");
        assertThat(rejected.json().get("overlappingRows").asInt()).isEqualTo(1);
        assertThat(rejected.json().get("detail").asString())
                .contains("OVLP 2019-01-03")
                .contains("mode=append");
        assertThat(barCount("OVLP")).isEqualTo(2);

        JsonNode appended = admin.post("/api/v1/instruments/OVLP/bars?mode=append", CSV, next)
                .json();
        assertThat(appended.get("rowsInserted").asInt()).isEqualTo(1);
        assertThat(appended.get("rowsSkipped").asInt()).isEqualTo(1);
        assertThat(http.get("/api/stats?ticker=OVLP&start=2019-01-03&end=2019-01-03")
                        .json()
                        .get("last_close")
                        .asDouble())
                .isEqualTo(11.0);

        JsonNode replaced = admin.post(
                        "/api/v1/instruments/OVLP/bars?mode=REPLACE", CSV, "date,close\n2019-01-03,99\n2019-01-07,13\n")
                .json();
        assertThat(replaced.get("rowsUpdated").asInt()).isEqualTo(1);
        assertThat(replaced.get("rowsInserted").asInt()).isEqualTo(1);
        assertThat(http.get("/api/stats?ticker=OVLP&start=2019-01-03&end=2019-01-03")
                        .json()
                        .get("last_close")
                        .asDouble())
                .isEqualTo(99.0);
        assertThat(barCount("OVLP")).isEqualTo(4);

        assertProblem(admin.post("/api/v1/instruments/OVLP/bars?mode=merge", CSV, next), 400, "invalid-parameter");
    }

    @Test
    void aFileForManyInstrumentsNeedsASymbolColumnAndIsAllOrNothing() {
        String csv = "symbol,date,close\nMANYA,2019-01-02,1\nMANYB,2019-01-02,2\nmanya,2019-01-03,1.5\n";
        JsonNode ok = admin.post("/api/v1/bars", CSV, csv).json();
        assertThat(ok.get("rowsInserted").asInt()).isEqualTo(3);
        assertThat(ok.get("symbols").toString()).isEqualTo("[\"MANYA\",\"MANYB\"]");
        assertThat(barCount("MANYA")).isEqualTo(2);

        Response bad = admin.post("/api/v1/bars", CSV, "symbol,date,close\nMANYC,2019-01-02,1\nMANYD,2019-01-02,-2\n");
        assertProblem(bad, 422, "invalid-csv");
        assertThat(instrumentExists("MANYC")).isFalse();

        assertProblem(admin.post("/api/v1/bars", CSV, "date,close\n2019-01-02,1\n"), 422, "invalid-csv");
    }

    @Test
    void uploadsAboveTheSizeLimitAre413AndWriteNothing() {
        StringBuilder big = new StringBuilder("date,close\n");
        LocalDate d = LocalDate.of(1900, 1, 1);
        while (big.length() < 1_200_000) {
            big.append(d).append(",1.0\n");
            d = d.plusDays(1);
        }
        Response r = admin.post("/api/v1/instruments/BIGCO/bars", CSV, big.toString());
        assertProblem(r, 413, "payload-too-large");
        assertThat(instrumentExists("BIGCO")).isFalse();
    }

    @Test
    void importsNeedACsvContentType() {
        assertProblem(
                admin.post("/api/v1/instruments/AAPL/bars", "application/json", "{}"), 415, "unsupported-media-type");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRejected() {
        assertProblem(admin.post("/api/v1/instruments/EMPTY/bars", CSV, ""), 422, "invalid-csv");
        Response headerOnly = admin.post("/api/v1/instruments/EMPTY/bars", CSV, "date,close\n");
        assertProblem(headerOnly, 422, "invalid-csv");
        assertThat(headerOnly.json().get("detail").asString()).contains("no data rows");
    }

    @Test
    void metadataImportsValidateIsinCheckDigitsAndUpdateExistingInstruments() {
        Response bad = admin.post(
                "/api/v1/instruments",
                CSV,
                "symbol,name,isin\nMETA1,Meta One,US0378331006\nMETA2,Meta Two,US5949181045X\n");
        assertProblem(bad, 422, "invalid-csv");
        assertThat(bad.json().get("errorCount").asInt()).isEqualTo(2);
        assertThat(bad.json().at("/errors/0/message").asString())
                .contains("check digit")
                .contains("expected 5");
        assertThat(instrumentExists("META1")).isFalse();

        Response ok = admin.post(
                "/api/v1/instruments",
                CSV,
                "symbol,name,exchange,currency,isin,wkn,sector,kind\n"
                        + "SAP.DE,SAP SE,XETRA,EUR,DE0007164600,716460,Information Technology,STOCK\n");
        assertThat(ok.status()).isEqualTo(200);
        JsonNode sap = http.get("/api/v1/instruments/sap.de").json();
        assertThat(sap.get("currency").asString()).isEqualTo("EUR");
        assertThat(sap.get("wkn").asString()).isEqualTo("716460");
        assertThat(sap.get("bars").asInt()).isZero();
    }

    @Test
    void aMetadataUpdateChangesOnlyTheColumnsItsFileHas() {
        assertThat(admin.post(
                                "/api/v1/instruments",
                                CSV,
                                "symbol,name,exchange,currency,isin,wkn,sector,kind\n"
                                        + "DAX.X,iShares Core DAX,XETRA,EUR,DE0005933931,593393,,etf\n")
                        .status())
                .isEqualTo(200);

        Response rename = admin.post("/api/v1/instruments", CSV, "symbol,name,notes\nDAX.X,DAX 40,renamed\n");
        assertThat(rename.status()).isEqualTo(200);
        assertThat(rename.json().get("ignoredColumns").toString()).isEqualTo("[\"notes\"]");
        JsonNode dax = http.get("/api/v1/instruments/DAX.X").json();
        assertThat(dax.get("name").asString()).isEqualTo("DAX 40");
        assertThat(List.of(
                        dax.get("exchange").asString(),
                        dax.get("currency").asString(),
                        dax.get("isin").asString(),
                        dax.get("wkn").asString(),
                        dax.get("kind").asString()))
                .as(
                        "a file without these columns keeps them (it used to reset them to USD, STOCK and nulls; kind ETF, not INDEX, so the index count elsewhere holds)")
                .containsExactly("XETRA", "EUR", "DE0005933931", "593393", "ETF");

        assertThat(admin.post("/api/v1/instruments", CSV, "symbol,name,wkn,sector\nDAX.X,DAX 40,,Broad market\n")
                        .status())
                .isEqualTo(200);
        dax = http.get("/api/v1/instruments/DAX.X").json();
        assertThat(dax.get("wkn").isNull())
                .as("an empty cell in a column the file has clears it")
                .isTrue();
        assertThat(dax.get("sector").asString()).isEqualTo("Broad market");
        assertThat(dax.get("isin").asString()).isEqualTo("DE0005933931");

        admin.post("/api/v1/instruments", CSV, "symbol,name\nNEW.X,New One\n");
        JsonNode created = http.get("/api/v1/instruments/NEW.X").json();
        assertThat(List.of(
                        created.get("currency").asString(), created.get("kind").asString()))
                .as("a new instrument gets the defaults")
                .containsExactly("USD", "STOCK");
    }

    @Test
    void anAdminDeletesMistakenBarsAndAMistakenInstrument() {
        assertThat(admin.post(
                                "/api/v1/instruments/APPL.X/bars",
                                CSV,
                                "date,close\n2018-05-10,190.04\n2018-05-11,188.59\n2018-05-12,188.59\n")
                        .status())
                .isEqualTo(200);

        Response none = admin.method("DELETE", "/api/v1/instruments/APPL.X/bars", null, null);
        assertThat(detailOf(none, 400, "invalid-parameter"))
                .contains("Give start, end or both")
                .contains("DELETE /api/v1/instruments/APPL.X");
        assertProblem(
                admin.method("DELETE", "/api/v1/instruments/APPL.X/bars?start=2018-05-12&end=2018-05-11", null, null),
                400,
                "invalid-parameter");

        // The Saturday bar.
        Response weekend =
                admin.method("DELETE", "/api/v1/instruments/appl.x/bars?start=2018-05-12&end=2018-05-12", null, null);
        assertThat(weekend.status()).isEqualTo(200);
        assertThat(weekend.json().get("barsDeleted").asInt()).isEqualTo(1);
        assertThat(weekend.json().get("bars").asInt()).isEqualTo(2);
        assertThat(weekend.json().get("lastDate").asString()).isEqualTo("2018-05-11");
        assertThat(http.get("/api/v1/instruments/APPL.X/bars")
                        .json()
                        .get("count")
                        .asInt())
                .isEqualTo(2);
        assertThat(admin.method("DELETE", "/api/v1/instruments/APPL.X/bars?end=2000-01-01", null, null)
                        .json()
                        .get("barsDeleted")
                        .asInt())
                .as("nothing in range: nothing deleted")
                .isZero();

        Response gone = admin.method("DELETE", "/api/v1/instruments/APPL.X", null, null);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("symbol").asString()).isEqualTo("APPL.X");
        assertThat(gone.json().get("barsDeleted").asInt()).isEqualTo(2);
        assertProblem(http.get("/api/v1/instruments/APPL.X"), 404, "unknown-instrument");
        assertThat(jdbc.sql("SELECT count(*) FROM instrument WHERE symbol = 'APPL.X'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.get("/api/v1/search?query=APPL.X").json().get("results").toString())
                .doesNotContain("APPL.X");
        assertProblem(admin.method("DELETE", "/api/v1/instruments/APPL.X", null, null), 404, "unknown-instrument");

        Response bundled = admin.method("DELETE", "/api/v1/instruments/AAPL", null, null);
        assertProblem(bundled, 409, "bundled-instrument");
        assertThat(http.get("/api/v1/instruments/AAPL").json().get("bars").asInt())
                .isEqualTo(ReferenceCsv.read("aapl.csv").size());
    }

    @Test
    void largeMarketDataReadsAnswer304WhileTheDataIsUnchanged() {
        admin.post("/api/v1/instruments/ETAG1/bars", CSV, "date,close\n2020-01-02,10\n2020-01-03,11\n");
        Response first = http.get("/api/v1/instruments/ETAG1/bars");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        Response again = http.get("/api/v1/instruments/ETAG1/bars", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);

        admin.post("/api/v1/instruments/ETAG1/bars?mode=append", CSV, "date,close\n2020-01-06,12\n");
        Response changed = http.get("/api/v1/instruments/ETAG1/bars", "If-None-Match", etag);
        assertThat(changed.status()).as("new data, new answer").isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("count").asInt()).isEqualTo(3);

        Response report = http.get("/api/v1/instruments/AAPL/report");
        assertThat(http.get("/api/v1/instruments/AAPL/report", "If-None-Match", report.header("ETag"))
                        .status())
                .isEqualTo(304);
        // Small or changing answers keep the default: no ETag, not stored.
        Response stats = http.get("/api/stats?ticker=AAPL");
        assertThat(stats.header("ETag")).isNull();
        assertThat(stats.header("Cache-Control")).contains("no-store");
        assertThat(http.get("/api/v1/recommendations").header("ETag")).isNull();
    }

    // ---- errors and headers ----

    @Test
    void unknownRoutesAndWrongMethodsAreProblemJsonToo() {
        // Routes nobody opened need an admin (deny by default), so an admin sees what the route itself answers.
        Response nf = admin.get("/api/v1/nothing-here");
        assertProblem(nf, 404, "not-found");
        assertThat(nf.json().get("instance").asString()).isEqualTo("/api/v1/nothing-here");
        assertProblem(admin.method("DELETE", "/api/stats", null, null), 405, "method-not-allowed");
        assertProblem(http.get("/api/v1/nothing-here"), 401, "unauthorized");
    }

    @Test
    void importsAreRefusedToAnonymousCallersAndToUsersWhoAreNotAdmins() {
        String csv = "date,close\n2019-01-02,1\n";
        HttpTestClient user = TestAccounts.newUser(port);
        for (String path : List.of("/api/v1/instruments/NOPE1/bars", "/api/v1/bars", "/api/v1/instruments")) {
            Response anonymous = http.post(path, CSV, csv);
            assertProblem(anonymous, 401, "unauthorized");
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            assertProblem(user.post(path, CSV, csv), 403, "forbidden");
        }
        assertProblem(http.post("/api/v1/instruments/NOPE1/refresh", null, ""), 401, "unauthorized");
        assertProblem(user.post("/api/v1/instruments/NOPE1/refresh", null, ""), 403, "forbidden");
        assertThat(instrumentExists("NOPE1")).isFalse();
    }

    @Test
    void anImportRecordsTheAdminWhoRequestedIt() {
        assertThat(admin.post("/api/v1/instruments/WHOCO/bars", CSV, "date,close\n2019-01-02,1\n")
                        .status())
                .isEqualTo(200);
        String by = jdbc.sql("SELECT requested_by FROM import_run WHERE symbols = 'WHOCO'")
                .query(String.class)
                .single();
        assertThat(by).isEqualTo(TestAccounts.ADMIN_EMAIL);
    }

    @Test
    void everyResponseCarriesARequestIdThatCallersMayChoose() {
        Response r = http.get("/api/stats?ticker=NOPE", "X-Request-Id", "trace-me-42");
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-me-42");
        assertThat(r.json().get("requestId").asString()).isEqualTo("trace-me-42");
        Response hostile = http.get("/health", "X-Request-Id", "<script>alert(1)</script>");
        assertThat(hostile.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
