package io.qnt9.srs.recommendation;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.ReferenceCsv;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecommendationEndToEndTests {

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void aRecommendationExplainsItselfFactorByFactor() {
        JsonNode r = http.get("/api/v1/instruments/AAPL/recommendation").json();
        assertThat(r.get("asOf").asString()).isEqualTo("2018-05-11");
        assertThat(r.get("band").asString()).isIn("STRONG_SELL", "SELL", "HOLD", "BUY", "STRONG_BUY");
        assertThat(r.get("score").asDouble()).isBetween(-1.0, 1.0);
        assertThat(r.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("modelVersion").asString()).isEqualTo("qnt9-factors-1.0");
        assertThat(r.get("bars").asInt()).isEqualTo(1260);
        assertThat(r.get("reasons")).hasSize(8);
        double weighted = 0;
        double weights = 0;
        for (JsonNode reason : r.get("reasons")) {
            assertThat(reason.get("sentence").asString()).isNotBlank();
            weighted +=
                    reason.get("weight").asDouble() * reason.get("contribution").asDouble();
            weights += reason.get("weight").asDouble();
        }
        assertThat(r.get("score").asDouble()).isCloseTo(weighted / weights, within(1e-9));
        // the trend reason reads the real price against its 200-day average, computed here from the CSV
        List<ReferenceCsv.Row> rows = ReferenceCsv.read("aapl.csv");
        List<String> lines = adjCloses();
        double sum = 0;
        for (int k = lines.size() - 200; k < lines.size(); k++) {
            sum += Double.parseDouble(lines.get(k));
        }
        double expectedTrend = Double.parseDouble(lines.get(lines.size() - 1)) / (sum / 200) - 1;
        assertThat(r.at("/reasons/0/factor").asString()).isEqualTo("trend");
        assertThat(r.at("/reasons/0/value").asDouble()).isCloseTo(expectedTrend, within(1e-9));
        assertThat(r.get("price").asDouble())
                .isEqualTo(rows.get(rows.size() - 1).close());
    }

    private static List<String> adjCloses() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("data", "aapl.csv")).stream()
                    .skip(1)
                    .map(l -> l.split(",")[5])
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void asOfUsesTheLastBarOnOrBeforeTheDay() {
        JsonNode r = http.get("/api/v1/instruments/AAPL/recommendation?asOf=2016-07-03")
                .json();
        assertThat(r.get("asOf").asString()).isEqualTo("2016-07-01"); // a Sunday asks for the Friday before
        assertThat(r.get("bars").asInt()).isEqualTo((int) ReferenceCsv.read("aapl.csv").stream()
                .filter(x -> !x.date().isAfter(LocalDate.of(2016, 7, 1)))
                .count());
    }

    @Test
    void tooLittleHistoryIs422AndBadInputIs400() {
        assertProblem(http.get("/api/v1/instruments/AAPL/recommendation?asOf=2013-06-01"), 422, "insufficient-data");
        assertProblem(http.get("/api/v1/instruments/AAPL/recommendation?asOf=2013-13-01"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/NOPE/recommendation"), 404, "unknown-instrument");
    }

    @Test
    void theBacktestComparesWithBuyAndHoldAndTheBenchmarkComputedFromTheData() {
        JsonNode b = http.get("/api/v1/instruments/AAPL/backtest?start=2014-01-01&end=2017-12-31&costBps=10")
                .json();
        assertThat(b.get("start").asString()).isEqualTo("2014-01-02");
        assertThat(b.get("end").asString()).isEqualTo("2017-12-29");
        List<String> lines = adjClosesWithDates("aapl.csv", 0, 5);
        double first = value(lines, "2014-01-02");
        double last = value(lines, "2017-12-29");
        assertThat(b.at("/buyAndHold/totalReturn").asDouble()).isCloseTo(last / first - 1, within(1e-9));
        List<String> spx = adjClosesWithDates("spx.csv", 0, 5);
        assertThat(b.at("/benchmarkPerformance/totalReturn").asDouble())
                .isCloseTo(value(spx, "2017-12-29") / value(spx, "2014-01-02") - 1, within(1e-9));
        assertThat(b.get("benchmark").asString()).isEqualTo("SPX");
        JsonNode curve = b.get("equity");
        assertThat(curve.get("dates").size()).isEqualTo(curve.get("strategy").size());
        assertThat(curve.get("strategy").get(0).asDouble()).isEqualTo(1.0);
        assertThat(curve.get("strategy").get(curve.get("strategy").size() - 1).asDouble())
                .isCloseTo(b.at("/strategy/finalEquity").asDouble(), within(1e-12));
        assertThat(b.get("trades").asInt()).isEqualTo(b.get("tradeList").size());
        assertThat(b.get("calibration")).hasSize(5);
        int counted = 0;
        for (JsonNode row : b.get("calibration")) {
            counted += row.get("count").asInt();
            assertThat(row.get("forward")).hasSize(3);
        }
        assertThat(counted).isEqualTo(curve.get("dates").size());
    }

    private static List<String> adjClosesWithDates(String file, int dateCol, int adjCol) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("data", file)).stream()
                    .skip(1)
                    .map(l -> l.split(",")[dateCol] + "," + l.split(",")[adjCol])
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double value(List<String> lines, String date) {
        return lines.stream()
                .filter(l -> l.startsWith(date + ","))
                .map(l -> Double.parseDouble(l.split(",")[1]))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void higherCostsNeverImproveTheStrategy() {
        double cheap = http.get("/api/v1/instruments/AAPL/backtest?costBps=0")
                .json()
                .at("/strategy/finalEquity")
                .asDouble();
        double dear = http.get("/api/v1/instruments/AAPL/backtest?costBps=100")
                .json()
                .at("/strategy/finalEquity")
                .asDouble();
        assertThat(dear).isLessThan(cheap);
        JsonNode ls =
                http.get("/api/v1/instruments/AAPL/backtest?mode=long_short").json();
        assertThat(ls.get("mode").asString()).isEqualTo("LONG_SHORT");
    }

    @Test
    void backtestParametersAreValidated() {
        assertProblem(http.get("/api/v1/instruments/AAPL/backtest?costBps=-1"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/backtest?costBps=5000"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/backtest?mode=yolo"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/backtest?riskFreeRate=2"), 400, "invalid-parameter");
        assertProblem(
                http.get("/api/v1/instruments/AAPL/backtest?start=2017-01-01&end=2016-01-01"),
                400,
                "invalid-parameter");
        // Too little history before the end to score any day: data/aapl.csv has 14 rows up to 2013-06-01.
        JsonNode early =
                assertProblem(http.get("/api/v1/instruments/AAPL/backtest?end=2013-06-01"), 422, "insufficient-data");
        assertThat(early.get("detail").asString())
                .isEqualTo("A backtest needs at least 61 daily bars up to its end; AAPL has 14 up to 2013-06-01.");
        assertThat(early.get("available").asInt()).isEqualTo(14);
        // A window after the last bar: none in it (it said "AAPL has 1260 up to its last bar", true and beside the
        // point).
        JsonNode after =
                assertProblem(http.get("/api/v1/instruments/AAPL/backtest?start=2019-01-01"), 422, "insufficient-data");
        assertThat(after.get("available").asInt()).isZero();
        assertThat(after.get("detail").asString())
                .isEqualTo("A backtest needs at least 20 daily bars in its window to report annualised figures; AAPL"
                        + " has none between 2019-01-01 and its last bar (stored: 2013-05-13 to 2018-05-11). Start"
                        + " earlier or end later.");
        // A window too short to annualise. AAPL's last bars, counted in data/aapl.csv: 2018-05-01 to 2018-05-11 is
        // 9 trading days, from 2018-04-17 19, from 2018-04-16 20 (the least allowed).
        JsonNode week =
                assertProblem(http.get("/api/v1/instruments/AAPL/backtest?start=2018-05-01"), 422, "insufficient-data");
        assertThat(week.get("required").asInt()).isEqualTo(20);
        assertThat(week.get("available").asInt()).isEqualTo(9);
        assertThat(week.get("detail").asString())
                .isEqualTo("A backtest needs at least 20 daily bars in its window to report annualised figures; AAPL"
                        + " has 9 from 2018-05-01 to 2018-05-11. Start earlier or end later.");
        assertThat(assertProblem(
                                http.get("/api/v1/instruments/AAPL/backtest?start=2018-04-17"),
                                422,
                                "insufficient-data")
                        .get("available")
                        .asInt())
                .isEqualTo(19);
        JsonNode twenty =
                http.get("/api/v1/instruments/AAPL/backtest?start=2018-04-16").json();
        assertThat(twenty.get("start").asString()).isEqualTo("2018-04-16");
        assertThat(twenty.get("equity").get("dates").size()).isEqualTo(20);
    }

    @Test
    void theRankingListsEveryRatedInstrumentBestFirstWithFiltersAndPages() {
        JsonNode all = http.get("/api/v1/recommendations").json();
        assertThat(all.get("total").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode items = all.get("items");
        for (int k = 1; k < items.size(); k++) {
            assertThat(items.get(k).get("score").asDouble())
                    .isLessThanOrEqualTo(items.get(k - 1).get("score").asDouble());
        }
        JsonNode aapl = http.get("/api/v1/instruments/AAPL/recommendation").json();
        JsonNode ranked = http.get("/api/v1/recommendations?sector=information%20technology&size=50")
                .json()
                .get("items");
        assertThat(ranked)
                .allSatisfy(i -> assertThat(i.get("sector").asString()).isEqualTo("Information Technology"));
        JsonNode aaplRanked = null;
        for (JsonNode i : ranked) {
            if (i.get("symbol").asString().equals("AAPL")) {
                aaplRanked = i;
            }
        }
        assertThat(aaplRanked.get("score").asDouble())
                .isEqualTo(aapl.get("score").asDouble());
        assertThat(aaplRanked.get("band").asString()).isEqualTo(aapl.get("band").asString());

        JsonNode page =
                http.get("/api/v1/recommendations?sort=symbol&size=1&page=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("totalPages").asInt()).isEqualTo(page.get("total").asInt());
        // sort by the 1-day change, ascending, named as in docs (change) or as the items' field (change1d)
        for (String sort : List.of("change", "change1d")) {
            JsonNode byChange = http.get("/api/v1/recommendations?direction=asc&sort=" + sort)
                    .json()
                    .get("items");
            for (int k = 1; k < byChange.size(); k++) {
                assertThat(byChange.get(k).get("change1d").asDouble())
                        .as(sort)
                        .isGreaterThanOrEqualTo(
                                byChange.get(k - 1).get("change1d").asDouble());
            }
        }
        String band = aapl.get("band").asString();
        assertThat(http.get("/api/v1/recommendations?band=" + band.toLowerCase())
                        .json()
                        .get("items"))
                .allSatisfy(i -> assertThat(i.get("band").asString()).isEqualTo(band));
        assertThat(http.get("/api/v1/recommendations?minConfidence=1")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http.get("/api/v1/recommendations?kind=INDEX")
                        .json()
                        .get("items")
                        .get(0)
                        .get("symbol")
                        .asString())
                .isEqualTo("SPX");
    }

    @Test
    void theRankingCanBeLimitedToNamedInstruments() {
        JsonNode all = http.get("/api/v1/recommendations?size=200").json().get("items");
        JsonNode named = http.get("/api/v1/recommendations?symbols=spx,%20AAPL&sort=symbol")
                .json();
        assertThat(named.get("total").asInt()).isEqualTo(2);
        assertThat(named.get("items"))
                .extracting(i -> i.get("symbol").asString())
                .containsExactly("AAPL", "SPX");
        // the same figures as in the whole ranking
        for (JsonNode item : named.get("items")) {
            JsonNode same = null;
            for (JsonNode i : all) {
                if (i.get("symbol").equals(item.get("symbol"))) {
                    same = i;
                }
            }
            assertThat(item).isEqualTo(same);
        }
        // the other filters still apply
        assertThat(http.get("/api/v1/recommendations?symbols=AAPL,SPX&kind=INDEX")
                        .json()
                        .get("items"))
                .extracting(i -> i.get("symbol").asString())
                .containsExactly("SPX");

        assertProblem(http.get("/api/v1/recommendations?symbols=AAPL,NOSUCH"), 404, "unknown-instrument");
        assertProblem(http.get("/api/v1/recommendations?symbols=AAPL,aapl"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?symbols=AAPL,,SPX"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?symbols=" + "A,".repeat(200) + "B"), 400, "invalid-parameter");
    }

    @Test
    void rankingParametersAreValidated() {
        assertProblem(http.get("/api/v1/recommendations?band=MEGA_BUY"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?minConfidence=2"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?size=0"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?size=201"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?page=-1"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?sort=mood"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/recommendations?direction=up"), 400, "invalid-parameter");
    }
}
