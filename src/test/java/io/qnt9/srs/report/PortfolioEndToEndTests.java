package io.qnt9.srs.report;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * A 60/40 portfolio of AAPL and the S&amp;P 500 over HTTP, against the closed forms computed straight from the bundled
 * CSV files: buy and hold {@code V = Σ w·p[T]/p[0]}, daily rebalancing {@code V = Π (1 + Σ w·r)}, monthly the product
 * over the months of the buy-and-hold growth within each. The service writes numbers to 12 significant digits, hence
 * the tolerance of 1e-11 on values near 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioEndToEndTests {

    static final LocalDate START = LocalDate.of(2014, 1, 1);
    static final LocalDate END = LocalDate.of(2017, 12, 31);
    static final double W_AAPL = 0.6;
    static final double W_SPX = 0.4;

    @LocalServerPort
    int port;

    HttpTestClient http;
    List<LocalDate> days;
    TreeMap<LocalDate, Double> aapl;
    TreeMap<LocalDate, Double> spx;

    @BeforeAll
    void read() throws IOException {
        http = new HttpTestClient(port);
        aapl = CorrelationEndToEndTests.adjustedCloses("aapl.csv", START, END);
        spx = CorrelationEndToEndTests.adjustedCloses("spx.csv", START, END);
        days = aapl.keySet().stream().filter(spx::containsKey).sorted().collect(Collectors.toList());
    }

    JsonNode portfolio(String query) {
        Response r = http.get("/api/v1/portfolio?" + query + "&start=" + START + "&end=" + END);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Buy-and-hold growth of the 60/40 mix from date index a to date index b. */
    double growth(int a, int b) {
        return W_AAPL * aapl.get(days.get(b)) / aapl.get(days.get(a))
                + W_SPX * spx.get(days.get(b)) / spx.get(days.get(a));
    }

    @Test
    void buyAndHoldEndsAtTheWeightedGrowthOfItsHoldings() {
        JsonNode body = portfolio("holdings=AAPL:60,spx:40");
        int last = days.size() - 1;
        double expected = growth(0, last);
        assertThat(body.at("/statistics/totalReturn").asDouble()).isEqualTo(expected - 1, within(1e-11));
        assertThat(body.at("/values/values/" + last).asDouble()).isEqualTo(expected, within(1e-11));
        assertThat(body.get("days").asInt()).isEqualTo(days.size());
        assertThat(body.get("start").asString()).isEqualTo(days.get(0).toString());
        assertThat(body.get("rebalance").asString()).isEqualTo("NONE");
        assertThat(body.get("rebalances").asInt()).isZero();
        // relative weights 60:40 are 0.6 and 0.4; each holding's own return; contributions add up to the total
        assertThat(body.at("/holdings/0/symbol").asString()).isEqualTo("AAPL");
        assertThat(body.at("/holdings/0/weight").asDouble()).isEqualTo(0.6, within(1e-15));
        assertThat(body.at("/holdings/1/weight").asDouble()).isEqualTo(0.4, within(1e-15));
        double aaplReturn = aapl.get(days.get(last)) / aapl.get(days.get(0)) - 1;
        assertThat(body.at("/holdings/0/totalReturn").asDouble()).isEqualTo(aaplReturn, within(1e-11));
        assertThat(body.at("/holdings/0/contribution").asDouble()).isEqualTo(W_AAPL * aaplReturn, within(1e-11));
        assertThat(body.at("/holdings/0/contribution").asDouble()
                        + body.at("/holdings/1/contribution").asDouble())
                .isEqualTo(expected - 1, within(1e-11));
        // the drift of buy and hold: AAPL (+~150 %) outgrew the index (+~45 %), so its share rose from 60 %
        assertThat(body.at("/holdings/0/finalWeight").asDouble())
                .isEqualTo(W_AAPL * (1 + aaplReturn) / expected, within(1e-11))
                .isGreaterThan(0.7);
    }

    @Test
    void monthlyRebalancingCompoundsTheMonthsBuyAndHoldGrowth() {
        JsonNode body = portfolio("holdings=AAPL:0.6,SPX:0.4&rebalance=monthly");
        double value = 1;
        int from = 0;
        int months = 0;
        for (int i = 1; i < days.size(); i++) {
            boolean monthEnds = i == days.size() - 1
                    || days.get(i).getMonthValue() != days.get(i + 1).getMonthValue();
            if (monthEnds) {
                value *= growth(from, i);
                from = i;
                months++;
            }
        }
        assertThat(body.at("/statistics/totalReturn").asDouble()).isEqualTo(value - 1, within(1e-11));
        assertThat(body.get("rebalances").asInt()).isEqualTo(months - 1).isEqualTo(47);
    }

    @Test
    void dailyRebalancingHasTheWeightedDailyReturnsAndTheirBetaAndVolatility() {
        JsonNode body = portfolio("holdings=AAPL:0.6,SPX:0.4&rebalance=daily&benchmark=SPX");
        int n = days.size() - 1;
        double[] r = new double[n];
        double[] m = new double[n];
        double value = 1;
        for (int i = 0; i < n; i++) {
            double ra = aapl.get(days.get(i + 1)) / aapl.get(days.get(i)) - 1;
            m[i] = spx.get(days.get(i + 1)) / spx.get(days.get(i)) - 1;
            r[i] = W_AAPL * ra + W_SPX * m[i];
            value *= 1 + r[i];
        }
        double meanR = IntStream.range(0, n).mapToDouble(i -> r[i]).sum() / n;
        double meanM = IntStream.range(0, n).mapToDouble(i -> m[i]).sum() / n;
        double cov = 0;
        double varR = 0;
        double varM = 0;
        for (int i = 0; i < n; i++) {
            cov += (r[i] - meanR) * (m[i] - meanM);
            varR += (r[i] - meanR) * (r[i] - meanR);
            varM += (m[i] - meanM) * (m[i] - meanM);
        }
        assertThat(body.at("/statistics/totalReturn").asDouble()).isEqualTo(value - 1, within(1e-11));
        assertThat(body.at("/statistics/annualizedVolatility").asDouble())
                .isEqualTo(Math.sqrt(varR / (n - 1)) * Math.sqrt(252), within(1e-11));
        assertThat(body.at("/benchmark/beta").asDouble()).isEqualTo(cov / varM, within(1e-9));
        assertThat(body.at("/benchmark/correlation").asDouble()).isEqualTo(cov / Math.sqrt(varR * varM), within(1e-9));
        assertThat(body.at("/benchmark/commonReturns").asInt()).isEqualTo(n);
        assertThat(body.at("/benchmark/totalReturn").asDouble())
                .isEqualTo(spx.get(days.get(n)) / spx.get(days.get(0)) - 1, within(1e-11));
        // the benchmark's growth on the portfolio's dates, for the chart
        assertThat(body.at("/values/benchmark/0").asDouble()).isEqualTo(1.0);
        assertThat(body.at("/values/benchmark/" + n).asDouble())
                .isEqualTo(spx.get(days.get(n)) / spx.get(days.get(0)), within(1e-11));
    }

    @Test
    void theValueByDateComesAsCsvForASpreadsheet() {
        Response r = http.get(
                "/api/v1/portfolio?holdings=AAPL:60,SPX:40&start=" + START + "&end=" + END, "Accept", "text/csv");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        String[] lines = r.body().split("\n");
        assertThat(lines[0]).isEqualTo("date,value,SPX");
        assertThat(lines).hasSize(days.size() + 1);
        assertThat(lines[1]).isEqualTo(days.get(0) + ",1.0,1.0");
        String[] last = lines[lines.length - 1].split(",");
        int end = days.size() - 1;
        assertThat(last[0]).isEqualTo(days.get(end).toString());
        assertThat(Double.parseDouble(last[1])).isEqualTo(growth(0, end), within(1e-11));
        assertThat(Double.parseDouble(last[2])).isEqualTo(spx.get(days.get(end)) / spx.get(days.get(0)), within(1e-11));
        Response alone = http.get(
                "/api/v1/portfolio?holdings=AAPL:60,SPX:40&benchmark=none&start=" + START + "&end=" + END,
                "Accept",
                "text/csv");
        assertThat(alone.body()).startsWith("date,value\n");
        // a bad request is still a problem, not a CSV
        Response bad = http.get("/api/v1/portfolio?holdings=AAPL:x", "Accept", "text/csv");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void equalWeightsWhenNoneAreGivenAndNoBenchmarkWhenAskedForNone() {
        Response r = http.get("/api/v1/portfolio?holdings=AAPL,SPX&benchmark=none");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/holdings/0/weight").asDouble()).isEqualTo(0.5);
        assertThat(r.json().at("/holdings/1/weight").asDouble()).isEqualTo(0.5);
        assertThat(r.json().get("benchmark").isNull()).isTrue();
        assertThat(r.json().at("/values/benchmark").isNull()).isTrue();
    }

    @Test
    void theApiDocsShowTheInstrumentStatisticsFlatAndThePortfoliosNested() {
        // one Performance record serves both: unwrapped into the statistics response, as its fields always were
        JsonNode schemas = http.get("/v3/api-docs").json().at("/components/schemas");
        JsonNode statistics = schemas.at("/StatisticsResponse/properties");
        assertThat(statistics.has("totalReturn")).isTrue();
        assertThat(statistics.has("maxDrawdown")).isTrue();
        assertThat(statistics.has("performance")).isFalse();
        assertThat(schemas.at("/PortfolioResponse/properties").has("statistics"))
                .isTrue();
        JsonNode body =
                http.get("/api/v1/instruments/SPX/statistics?benchmark=none").json();
        assertThat(body.has("performance")).isFalse();
        assertThat(body.get("sharpeRatio").isNumber()).isTrue();
    }

    @Test
    void badPortfoliosAreProblemsThatSayWhatIsWrong() {
        String base = "/api/v1/portfolio?holdings=";
        Response mixed = http.get(base + "AAPL:0.6,SPX");
        assertProblem(mixed, 400, "invalid-parameter");
        assertThat(mixed.json().get("detail").asString())
                .contains("for every holding")
                .contains("1 of 2");
        for (String bad : new String[] {
            "AAPL:-1,SPX:1", "AAPL:0,SPX:1", "AAPL:abc,SPX:1", "AAPL:NaN,SPX:1", "AAPL:0x1p1,SPX:1", "AAPL:1e999,SPX:1"
        }) {
            Response r = http.get(base + bad);
            assertProblem(r, 400, "invalid-parameter");
            assertThat(r.json().get("detail").asString()).as(bad).contains("must be a number greater than 0");
        }
        for (String malformed :
                new String[] {"AAPL:", ":5", "AAPL::1,SPX:1", "AAPL%3A1%3A2", "%3Cb%3E:1", "AAPL%20SPX"}) {
            Response r = http.get(base + malformed);
            assertProblem(r, 400, "invalid-parameter");
            assertThat(r.json().get("parameter").asString()).as(malformed).isEqualTo("holdings");
        }
        // weights that are numbers but would overflow their sum, or vanish beside the others: problems, not a 500
        Response huge = http.get(base + "AAPL:1e308,SPX:1e308");
        assertProblem(huge, 400, "invalid-parameter");
        assertThat(huge.json().get("detail").asString()).contains("too large to add up");
        Response tiny = http.get(base + "AAPL:1e-320,SPX:1");
        assertProblem(tiny, 400, "invalid-parameter");
        assertThat(tiny.json().get("detail").asString()).contains("less than a billionth of the total");
        Response twice = http.get(base + "AAPL,SPX,aapl");
        assertProblem(twice, 400, "invalid-parameter");
        assertThat(twice.json().get("detail").asString()).isEqualTo("AAPL is listed twice.");
        String many = IntStream.range(0, 21).mapToObj(i -> "S" + i).collect(Collectors.joining(","));
        assertProblem(http.get(base + many), 400, "invalid-parameter");
        Response weekly = http.get(base + "AAPL,SPX&rebalance=weekly");
        assertProblem(weekly, 400, "invalid-parameter");
        assertThat(weekly.json().get("parameter").asString()).isEqualTo("rebalance");
        assertThat(weekly.json().get("detail").asString()).contains("MONTHLY").contains("'weekly'");
        assertProblem(http.get(base + "AAPL,NOPE"), 404, "unknown-instrument");
        assertProblem(http.get(base + "AAPL,SPX&start=2015-01-01&end=2014-01-01"), 400, "invalid-parameter");
        assertProblem(http.get(base + "AAPL,SPX&riskFreeRate=0.5"), 400, "invalid-parameter");
        // GOOG's history (2004-2008) and AAPL's (2013-2018) share no date
        Response apart = http.get(base + "GOOG,AAPL");
        assertProblem(apart, 422, "insufficient-data");
        assertThat(apart.json().get("detail").asString()).contains("GOOG, AAPL share 0");
        assertProblem(http.get("/api/v1/portfolio"), 400, "missing-parameter");
    }
}
