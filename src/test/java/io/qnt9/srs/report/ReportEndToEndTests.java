package io.qnt9.srs.report;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Indicators, statistics and the report over HTTP; expected values computed here from the bundled CSV files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportEndToEndTests {

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    /** Rows of data/aapl.csv: date, open, high, low, close, adj close, volume. */
    record Row(LocalDate date, double high, double low, double close, double adj) {}

    static final List<Row> AAPL = read("aapl.csv");

    static List<Row> read(String file) {
        try {
            return Files.readAllLines(Path.of("data", file)).stream()
                    .skip(1)
                    .map(l -> l.split(","))
                    .map(f -> new Row(
                            LocalDate.parse(f[0]),
                            Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]),
                            Double.parseDouble(f[5])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(LocalDate d) {
        for (int i = 0; i < AAPL.size(); i++) {
            if (AAPL.get(i).date().equals(d)) {
                return i;
            }
        }
        throw new AssertionError(d);
    }

    static double meanClose(int end, int n) {
        double sum = 0;
        for (int k = end - n + 1; k <= end; k++) {
            sum += AAPL.get(k).close();
        }
        return sum / n;
    }

    @Test
    void indicatorsAreWarmedUpFromEarlierHistorySoTheFirstRowIsValid() {
        JsonNode r = http.get("/api/v1/instruments/AAPL/indicators?names=sma:50,macd&start=2016-01-04&end=2016-01-29")
                .json();
        assertThat(r.get("start").asString()).isEqualTo("2016-01-04");
        assertThat(r.get("end").asString()).isEqualTo("2016-01-29");
        assertThat(r.get("specs").toString()).isEqualTo("[\"sma:50\",\"macd:12:26:9\"]");
        assertThat(r.get("columns").propertyNames())
                .containsExactly("sma_50", "macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9");
        int first = indexOf(LocalDate.of(2016, 1, 4));
        assertThat(r.at("/columns/sma_50/0").asDouble()).isCloseTo(meanClose(first, 50), within(1e-9));
        assertThat(r.at("/columns/macd_hist_12_26_9/0").isNumber()).isTrue();
        assertThat(r.get("count").asInt()).isEqualTo(r.get("dates").size()).isEqualTo(19);
        assertThat(r.get("notice").isNull()).isTrue();
    }

    @Test
    void withoutAStartRowsBeginWhereEveryIndicatorIsValid() {
        JsonNode r = http.get("/api/v1/instruments/AAPL/indicators?names=sma:200,rsi:14")
                .json();
        assertThat(r.at("/warmup/sma:200").asInt()).isEqualTo(199);
        assertThat(r.at("/dates/0").asString()).isEqualTo(AAPL.get(199).date().toString());
        assertThat(r.at("/columns/sma_200/0").asDouble()).isCloseTo(meanClose(199, 200), within(1e-9));
        assertThat(r.get("count").asInt()).isEqualTo(AAPL.size() - 199);
    }

    @Test
    void aStartBeforeTheAvailableWarmUpGivesNullsAndSaysSo() {
        JsonNode r = http.get("/api/v1/instruments/AAPL/indicators?names=sma:10&start=2013-01-01&end=2013-06-01")
                .json();
        assertThat(r.at("/columns/sma_10/0").isNull()).isTrue();
        assertThat(r.at("/columns/sma_10/9").asDouble()).isCloseTo(meanClose(9, 10), within(1e-9));
        assertThat(r.get("notice").asString()).contains("first 9 rows");
    }

    @Test
    void aWindowWithoutBarsIsEmptyAndSaysWhy() {
        String first = AAPL.get(0).date().toString();
        String last = AAPL.get(AAPL.size() - 1).date().toString();
        JsonNode r = http.get("/api/v1/instruments/AAPL/indicators?names=sma:5&start=2019-01-01")
                .json();
        assertThat(r.get("count").asInt()).isZero();
        assertThat(r.get("dates").size()).isZero();
        assertThat(r.at("/columns/sma_5").size()).isZero();
        assertThat(r.get("notice").asString())
                .isEqualTo("No rows: AAPL has no bars between 2019-01-01 and its last bar (stored: " + first + " to "
                        + last + ").");
    }

    @Test
    void indicatorsComeAsCsvOnRequest() {
        Response r = http.get(
                "/api/v1/instruments/AAPL/indicators?names=sma:5&start=2017-01-03&end=2017-01-05",
                "Accept",
                "text/csv");
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).isEqualTo("inline; filename=\"AAPL-indicators.csv\"");
        String[] lines = r.body().split("\n");
        assertThat(lines[0]).isEqualTo("date,sma_5");
        assertThat(lines).hasSize(4);
        assertThat(Double.parseDouble(lines[1].split(",")[1]))
                .isCloseTo(meanClose(indexOf(LocalDate.of(2017, 1, 3)), 5), within(1e-9));
    }

    @Test
    void adjustedPricesGiveTheIndicatorsTheReportAndTheRecommendationUse() {
        JsonNode report = http.get("/api/v1/instruments/AAPL/report").json();
        String last = report.get("asOf").asString();
        JsonNode adjusted = http.get("/api/v1/instruments/AAPL/indicators?names=sma:50,rsi:14,macd,donchian:20&start="
                        + last + "&prices=adjusted")
                .json();
        assertThat(adjusted.get("prices").asString()).isEqualTo("ADJUSTED");
        assertThat(adjusted.at("/columns/sma_50/0").asDouble())
                .isCloseTo(report.at("/indicators/sma50").asDouble(), within(1e-9));
        assertThat(adjusted.at("/columns/rsi_14/0").asDouble())
                .isCloseTo(report.at("/indicators/rsi14").asDouble(), within(1e-9));
        assertThat(adjusted.at("/columns/macd_hist_12_26_9/0").asDouble())
                .isCloseTo(report.at("/indicators/macdHistogram").asDouble(), within(1e-9));
        // High and low scaled by each bar's factor adjClose / close, computed here from the CSV.
        int end = AAPL.size() - 1;
        double upper = Double.NEGATIVE_INFINITY;
        for (int k = end - 19; k <= end; k++) {
            upper = Math.max(
                    upper, AAPL.get(k).high() * AAPL.get(k).adj() / AAPL.get(k).close());
        }
        assertThat(adjusted.at("/columns/donchian_upper_20/0").asDouble()).isCloseTo(upper, within(1e-9));

        JsonNode quoted = http.get("/api/v1/instruments/AAPL/indicators?names=sma:50&start=" + last)
                .json();
        assertThat(quoted.get("prices").asString()).as("the default").isEqualTo("QUOTED");
        assertThat(quoted.at("/columns/sma_50/0").asDouble()).isCloseTo(meanClose(end, 50), within(1e-9));
        assertThat(quoted.at("/columns/sma_50/0").asDouble())
                .as("AAPL paid dividends in those 50 days: the two differ")
                .isNotCloseTo(adjusted.at("/columns/sma_50/0").asDouble(), within(0.1));
        assertProblem(
                http.get("/api/v1/instruments/AAPL/indicators?names=sma:5&prices=total"), 400, "invalid-parameter");
    }

    @Test
    void weeklyIndicatorsAreComputedOnTheWeeksBuiltFromTheAdjustedDays() {
        // ISO weeks of the file up to Wednesday 2017-06-14: that week so far is the last bar, dated by its last day
        LocalDate end = LocalDate.of(2017, 6, 14);
        List<List<Row>> weeks = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (Row d : AAPL) {
            if (d.date().isAfter(end)) {
                break;
            }
            int week = d.date().get(IsoFields.WEEK_BASED_YEAR) * 100 + d.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (week != previous) {
                weeks.add(new ArrayList<>());
                previous = week;
            }
            weeks.get(weeks.size() - 1).add(d);
        }
        int n = weeks.size();
        JsonNode r = http.get("/api/v1/instruments/AAPL/indicators?names=sma:10,donchian:4&prices=adjusted"
                        + "&interval=weekly&start=2017-05-01&end=" + end)
                .json();
        assertThat(r.get("interval").asString()).isEqualTo("WEEKLY");
        assertThat(r.get("end").asString()).isEqualTo(end.toString());
        assertThat(r.get("start").asString())
                .as("the first week ending on or after start")
                .isEqualTo("2017-05-05");
        JsonNode dates = r.get("dates");
        assertThat(dates.get(dates.size() - 2).asString()).isEqualTo("2017-06-09");
        double sma = 0;
        double upper = Double.NEGATIVE_INFINITY;
        for (int w = n - 10; w < n; w++) {
            List<Row> days = weeks.get(w);
            sma += days.get(days.size() - 1).adj() / 10; // the week's adjusted close
            if (w >= n - 4) {
                for (Row d : days) {
                    upper = Math.max(upper, d.high() * d.adj() / d.close());
                }
            }
        }
        int last = dates.size() - 1;
        assertThat(r.at("/columns/sma_10/" + last).asDouble()).isCloseTo(sma, within(1e-9));
        assertThat(r.at("/columns/donchian_upper_4/" + last).asDouble()).isCloseTo(upper, within(1e-9));

        Response csv = http.get(
                "/api/v1/instruments/AAPL/indicators?names=sma:10&prices=adjusted&interval=weekly&start=2017-06-12&end="
                        + end,
                "Accept",
                "text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(end + ",");
        assertThat(Double.parseDouble(lines[1].substring(lines[1].indexOf(',') + 1)))
                .isCloseTo(sma, within(1e-9));
        assertThat(assertProblem(
                                http.get("/api/v1/instruments/AAPL/indicators?names=sma:300&interval=weekly"),
                                422,
                                "insufficient-data")
                        .get("detail")
                        .asString())
                .contains("needs at least 300 weekly bars");
    }

    @Test
    void badIndicatorRequestsSayWhatIsWrong() {
        JsonNode unknown = assertProblem(
                http.get("/api/v1/instruments/AAPL/indicators?names=sma:50,magic:3"), 400, "invalid-indicator");
        assertThat(unknown.get("detail").asString()).contains("magic");
        assertThat(unknown.get("validNames").toString()).contains("sma", "rsi", "macd", "bbands");
        assertThat(assertProblem(http.get("/api/v1/instruments/AAPL/indicators?names=sma:0"), 400, "invalid-indicator")
                        .get("detail")
                        .asString())
                .contains("period");
        assertProblem(http.get("/api/v1/instruments/AAPL/indicators?names=sma:5001"), 400, "invalid-indicator");
        assertProblem(http.get("/api/v1/instruments/AAPL/indicators?names=sma:abc"), 400, "invalid-indicator");
        assertProblem(http.get("/api/v1/instruments/AAPL/indicators?names=%20"), 400, "invalid-parameter");
        assertThat(assertProblem(http.get("/api/v1/instruments/AAPL/indicators?names=,"), 400, "invalid-parameter")
                        .get("detail")
                        .asString())
                .as("a lone comma names no indicator (it used to answer 200 with no columns)")
                .startsWith("Name at least one indicator");
        StringBuilder specs = new StringBuilder();
        for (int k = 1; k <= 21; k++) {
            specs.append(k == 1 ? "" : ",").append("sma:").append(k);
        }
        assertProblem(http.get("/api/v1/instruments/AAPL/indicators?names=" + specs), 400, "invalid-parameter");
        JsonNode tooFew =
                assertProblem(http.get("/api/v1/instruments/MSFT/indicators?names=sma:300"), 422, "insufficient-data");
        assertThat(tooFew.get("required").asInt()).isEqualTo(300);
        assertThat(tooFew.get("available").asInt()).isEqualTo(249);
    }

    @Test
    void theIndicatorCatalogListsEveryIndicatorWithItsDefaults() {
        JsonNode c = http.get("/api/v1/indicators").json();
        assertThat(c.size()).isGreaterThanOrEqualTo(18);
        assertThat(c.findValuesAsString("name")).contains("sma", "ema", "rsi", "macd", "bbands", "atr", "adx", "obv");
        JsonNode bbands = null;
        for (JsonNode d : c) {
            if (d.get("name").asString().equals("bbands")) {
                bbands = d;
            }
        }
        assertThat(bbands).isNotNull();
        assertThat(bbands.get("example").asString()).isEqualTo("bbands:20:2");
        List<String> outputs = new java.util.ArrayList<>();
        bbands.get("outputs")
                .forEach(o -> outputs.add(
                        o.get("prefix").asString() + ":" + o.get("scale").asString()));
        assertThat(outputs)
                .containsExactly(
                        "bb_upper:price", "bb_middle:price", "bb_lower:price", "bb_percent_b:own", "bb_bandwidth:own");
    }

    @Test
    void statisticsMatchFiguresComputedFromTheCsv() {
        JsonNode s = http.get("/api/v1/instruments/AAPL/statistics?start=2014-01-01&end=2014-12-31&riskFreeRate=0.02")
                .json();
        List<Row> year = AAPL.stream().filter(r -> r.date().getYear() == 2014).toList();
        double first = year.get(0).adj();
        double last = year.get(year.size() - 1).adj();
        assertThat(s.get("bars").asInt()).isEqualTo(year.size());
        assertThat(s.get("totalReturn").asDouble()).isCloseTo(last / first - 1, within(1e-12));
        double days = year.get(year.size() - 1).date().toEpochDay()
                - year.get(0).date().toEpochDay();
        assertThat(s.get("cagr").asDouble()).isCloseTo(Math.pow(last / first, 365.25 / days) - 1, within(1e-12));
        double[] r = new double[year.size() - 1];
        double mean = 0;
        for (int k = 1; k < year.size(); k++) {
            r[k - 1] = year.get(k).adj() / year.get(k - 1).adj() - 1;
            mean += r[k - 1];
        }
        mean /= r.length;
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(s.get("annualizedVolatility").asDouble())
                .isCloseTo(Math.sqrt(ss / (r.length - 1)) * Math.sqrt(252), within(1e-12));
        assertThat(s.at("/benchmark/symbol").asString()).isEqualTo("SPX");
        assertThat(s.at("/benchmark/beta").asDouble()).isBetween(0.3, 2.0);
        assertThat(s.at("/valueAtRisk/var95").asDouble()).isPositive();
        assertThat(s.at("/rolling/window").asInt()).isEqualTo(63);
        assertThat(s.at("/rolling/volatility/0").isNull()).isTrue();
        assertThat(s.get("returns").isNull()).isTrue();
        assertThat(s.get("notice").isNull()).isTrue();
    }

    /** The adjusted closes of the ISO weeks of {@code rows} up to {@code end}, dated by each week's last day. */
    static java.util.TreeMap<LocalDate, Double> weeklyAdjusted(List<Row> rows, LocalDate end) {
        java.util.TreeMap<Integer, Row> lastOfWeek = new java.util.TreeMap<>();
        for (Row d : rows) {
            if (!d.date().isAfter(end)) {
                lastOfWeek.put(
                        d.date().get(IsoFields.WEEK_BASED_YEAR) * 100 + d.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                        d);
            }
        }
        java.util.TreeMap<LocalDate, Double> out = new java.util.TreeMap<>();
        lastOfWeek.values().forEach(d -> out.put(d.date(), d.adj()));
        return out;
    }

    private static double sampleStd(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(
                java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
    }

    @Test
    void weeklyStatisticsAreOverTheWeeksOfTheCsv() {
        LocalDate start = LocalDate.of(2014, 1, 1);
        LocalDate end = LocalDate.of(2017, 6, 14); // a Wednesday: the last week is the one in progress
        JsonNode s = http.get(
                        "/api/v1/instruments/AAPL/statistics?interval=weekly&window=26&start=" + start + "&end=" + end)
                .json();
        var asset = weeklyAdjusted(AAPL, end).tailMap(start, true);
        var bench = weeklyAdjusted(read("spx.csv"), end).tailMap(start, true);
        double[] p = asset.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] r = new double[p.length - 1];
        for (int k = 1; k < p.length; k++) {
            r[k - 1] = p[k] / p[k - 1] - 1;
        }
        assertThat(s.get("interval").asString()).isEqualTo("WEEKLY");
        assertThat(s.get("bars").asInt()).isEqualTo(p.length);
        assertThat(s.get("end").asString()).isEqualTo(end.toString());
        assertThat(s.get("annualizedVolatility").asDouble()).isCloseTo(sampleStd(r) * Math.sqrt(52), within(1e-12));
        double[] last26 = java.util.Arrays.copyOfRange(r, r.length - 26, r.length);
        JsonNode rollingVolatility = s.at("/rolling/volatility");
        assertThat(rollingVolatility.get(rollingVolatility.size() - 1).asDouble())
                .isCloseTo(sampleStd(last26) * Math.sqrt(52), within(1e-12));
        // beta of the weekly returns on the weeks both have (the same weeks here: one calendar)
        assertThat(bench.keySet()).isEqualTo(asset.keySet());
        double[] b = bench.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] rb = new double[b.length - 1];
        for (int k = 1; k < b.length; k++) {
            rb[k - 1] = b[k] / b[k - 1] - 1;
        }
        double ma = java.util.Arrays.stream(r).average().orElseThrow();
        double mb = java.util.Arrays.stream(rb).average().orElseThrow();
        double cov = 0;
        double var = 0;
        for (int k = 0; k < r.length; k++) {
            cov += (r[k] - ma) * (rb[k] - mb);
            var += (rb[k] - mb) * (rb[k] - mb);
        }
        assertThat(s.at("/benchmark/beta").asDouble()).isCloseTo(cov / var, within(1e-9));
        assertThat(s.at("/benchmark/commonReturns").asInt()).isEqualTo(r.length);
        assertThat(assertProblem(
                                http.get("/api/v1/instruments/AAPL/statistics?interval=monthly&start=2017-01-01"),
                                422,
                                "insufficient-data")
                        .get("detail")
                        .asString())
                .contains("at least 20 monthly bars");
    }

    @Test
    void aRollingWindowLongerThanTheRangeSaysWhyTheSeriesIsEmpty() {
        // data/msft.csv has 249 rows: 248 daily returns; a window of 248 still gives one value, 249 none.
        JsonNode fits = http.get("/api/v1/instruments/MSFT/statistics?benchmark=none&window=248")
                .json();
        assertThat(fits.get("notice").isNull()).isTrue();
        assertThat(fits.at("/rolling/volatility/248").isNumber()).isTrue();
        JsonNode tooLong = http.get("/api/v1/instruments/MSFT/statistics?benchmark=none&window=249")
                .json();
        assertThat(tooLong.at("/rolling/volatility")).allMatch(JsonNode::isNull);
        assertThat(tooLong.get("notice").asString())
                .isEqualTo("window 249 is longer than the 248 daily returns in the range: the rolling series have no"
                        + " values.");
    }

    @Test
    void statisticsCanListDailyReturnsAndSkipTheBenchmark() {
        JsonNode s = http.get("/api/v1/instruments/MSFT/statistics?benchmark=none&includeReturns=true&window=20")
                .json();
        assertThat(s.get("benchmark").isNull()).isTrue();
        assertThat(s.at("/returns/simple").size()).isEqualTo(s.get("bars").asInt() - 1);
        List<Row> msft = read("msft.csv");
        assertThat(s.at("/returns/simple/0").asDouble())
                .isCloseTo(msft.get(1).close() / msft.get(0).close() - 1, within(1e-12));
        assertThat(s.at("/returns/log/0").asDouble())
                .isCloseTo(Math.log(msft.get(1).close() / msft.get(0).close()), within(1e-12));
    }

    @Test
    void badStatisticsRequestsAre4xx() {
        assertProblem(http.get("/api/v1/instruments/AAPL/statistics?benchmark=NOPE"), 404, "unknown-instrument");
        assertProblem(http.get("/api/v1/instruments/AAPL/statistics?riskFreeRate=1.5"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/statistics?window=1"), 400, "invalid-parameter");
        assertProblem(
                http.get("/api/v1/instruments/AAPL/statistics?start=2014-01-01&end=2014-01-10"),
                422,
                "insufficient-data");
        JsonNode noOverlap = http.get(
                        "/api/v1/instruments/GOOG/statistics?start=2005-01-01&end=2005-12-31&benchmark=AAPL")
                .json();
        assertThat(noOverlap.get("benchmark").isNull()).isTrue();
        assertThat(noOverlap.get("notice").asString()).contains("fewer than 3 dates in common");
    }

    @Test
    void theReportSummarisesTheLatestPictureFromTheData() {
        JsonNode r = http.get("/api/v1/instruments/AAPL/report").json();
        int last = AAPL.size() - 1;
        assertThat(r.get("asOf").asString()).isEqualTo("2018-05-11");
        assertThat(r.get("lastPrice").asDouble()).isEqualTo(AAPL.get(last).close());
        // 2018-05-11 is an ex-dividend day: the close fell 1.45, the holder (dividend included) lost half that.
        double dayReturn = AAPL.get(last).adj() / AAPL.get(last - 1).adj() - 1;
        assertThat(r.get("changePercent").asDouble()).isCloseTo(dayReturn * 100, within(1e-9));
        assertThat(r.get("change").asDouble())
                .isCloseTo(AAPL.get(last).close() * dayReturn / (1 + dayReturn), within(1e-9));
        LocalDate yearAgo = LocalDate.of(2017, 5, 11);
        double hi = AAPL.stream()
                .filter(x -> !x.date().isBefore(yearAgo))
                .mapToDouble(Row::high)
                .max()
                .orElseThrow();
        double lo = AAPL.stream()
                .filter(x -> !x.date().isBefore(yearAgo))
                .mapToDouble(Row::low)
                .min()
                .orElseThrow();
        assertThat(r.get("high52w").asDouble()).isEqualTo(hi);
        assertThat(r.get("low52w").asDouble()).isEqualTo(lo);
        assertThat(r.get("lastBars")).hasSize(7);
        assertThat(r.at("/lastBars/6/date").asString()).isEqualTo("2018-05-11");
        double sma50 = 0;
        for (int k = last - 49; k <= last; k++) {
            sma50 += AAPL.get(k).adj();
        }
        assertThat(r.at("/indicators/sma50").asDouble()).isCloseTo(sma50 / 50, within(1e-9));
        assertThat(r.at("/statistics/benchmark").asString()).isEqualTo("SPX");
        assertThat(r.at("/statistics/return1y").asDouble())
                .isCloseTo(AAPL.get(last).adj() / AAPL.get(indexOf(yearAgo)).adj() - 1, within(1e-12));
        assertThat(r.at("/statistics/beta1y").isNumber()).isTrue();
    }
}
