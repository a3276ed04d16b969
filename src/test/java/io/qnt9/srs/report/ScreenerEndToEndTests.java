package io.qnt9.srs.report;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The screener over HTTP, on two imported instruments whose values are worked out by hand: SCRUP closes at 1, 2, …, 30
 * (every day a gain: RSI 100; SMA 5 at the end = (26+…+30)/5 = 28) and SCRDN at 30, 29, …, 1 (RSI 0; SMA 5 = 3), on
 * the 30 weekdays from 2021-01-04.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenerEndToEndTests {

    @LocalServerPort
    int port;

    HttpTestClient http;
    final List<LocalDate> days = new ArrayList<>();

    @BeforeAll
    void instruments() {
        http = new HttpTestClient(port);
        for (LocalDate d = LocalDate.of(2021, 1, 4); days.size() < 30; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        StringBuilder up = new StringBuilder("Date,Close\n");
        StringBuilder down = new StringBuilder("Date,Close\n");
        for (int i = 0; i < 30; i++) {
            up.append(days.get(i)).append(',').append(i + 1).append('\n');
            down.append(days.get(i)).append(',').append(30 - i).append('\n');
        }
        HttpTestClient admin = TestAccounts.admin(port);
        for (String[] x : new String[][] {{"SCRUP", up.toString()}, {"SCRDN", down.toString()}}) {
            Response r =
                    admin.post("/api/v1/instruments/" + x[0] + "/bars?mode=replace&name=" + x[0], "text/csv", x[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    private Response screen(String... query) {
        StringBuilder q = new StringBuilder();
        for (String part : query) {
            int eq = part.indexOf('=');
            q.append(q.isEmpty() ? "?" : "&")
                    .append(part, 0, eq + 1)
                    .append(URLEncoder.encode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return http.get("/api/v1/screener" + q);
    }

    private static JsonNode item(JsonNode body, String symbol) {
        for (JsonNode i : body.get("items")) {
            if (i.get("symbol").asString().equals(symbol)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void anOscillatorThresholdFindsTheRisingSeriesWithItsValues() {
        Response r = screen("where=rsi_14>70");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("conditions").get(0).asString()).isEqualTo("rsi_14>70");
        JsonNode up = item(body, "SCRUP");
        assertThat(up).isNotNull();
        assertThat(up.at("/values/rsi_14").asDouble()).isEqualTo(100.0);
        assertThat(up.get("date").asString()).isEqualTo(days.get(29).toString());
        assertThat(item(body, "SCRDN")).isNull();
        assertThat(body.get("count").asInt()).isEqualTo(body.get("items").size());
    }

    @Test
    void conditionsBetweenColumnsAllHaveToHold() {
        JsonNode above = screen("where=close>sma_5").json();
        assertThat(item(above, "SCRUP").at("/values/sma_5").asDouble()).isCloseTo(28.0, within(1e-9));
        assertThat(item(above, "SCRUP").at("/values/close").asDouble()).isEqualTo(30.0);
        assertThat(item(above, "SCRDN")).isNull();

        JsonNode below = screen("where=close<=sma_5", "where=rsi_14<30").json();
        JsonNode down = item(below, "SCRDN");
        assertThat(down.at("/values/sma_5").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(down.at("/values/rsi_14").asDouble()).isEqualTo(0.0);
        assertThat(item(below, "SCRUP")).isNull();
    }

    @Test
    void tooShortAHistoryIsListedNotMatched() {
        JsonNode body = screen("where=sma_50>0", "kind=STOCK").json();
        assertThat(body.get("insufficientHistory").toString()).contains("SCRUP", "SCRDN");
        assertThat(item(body, "SCRUP")).isNull();
        assertThat(item(body, "AAPL")).isNotNull();
        assertThat(item(body, "SPX")).isNull(); // an index, filtered out by kind
    }

    @Test
    void asOfChecksTheBarOfThatDate() {
        // the 20th bar: SCRUP closed at 20, SCRDN at 11
        JsonNode body = screen("where=close>=20", "asOf=" + days.get(19)).json();
        JsonNode up = item(body, "SCRUP");
        assertThat(up.get("date").asString()).isEqualTo(days.get(19).toString());
        assertThat(up.at("/values/close").asDouble()).isEqualTo(20.0);
        assertThat(item(body, "SCRDN")).isNull();
    }

    @Test
    void onWeeklyBarsAValueIsTheLastOfTheWeeklyIndicatorApi() {
        // a Wednesday: the week in progress up to it is the last weekly bar
        JsonNode body = screen(
                        "where=rsi_14>0", "where=sma_10>0", "interval=weekly", "prices=adjusted", "asOf=2017-06-14")
                .json();
        assertThat(body.get("interval").asString()).isEqualTo("WEEKLY");
        JsonNode weekly = http.get("/api/v1/instruments/AAPL/indicators?names=rsi:14,sma:10&prices=adjusted"
                        + "&interval=weekly&start=2017-06-12&end=2017-06-14")
                .json();
        JsonNode aapl = item(body, "AAPL");
        assertThat(aapl.get("date").asString()).isEqualTo("2017-06-14");
        assertThat(aapl.at("/values/rsi_14").asDouble())
                .isEqualTo(weekly.at("/columns/rsi_14/0").asDouble());
        assertThat(aapl.at("/values/sma_10").asDouble())
                .isEqualTo(weekly.at("/columns/sma_10/0").asDouble());
        JsonNode daily =
                screen("where=rsi_14>0", "prices=adjusted", "asOf=2017-06-14").json();
        assertThat(item(daily, "AAPL").at("/values/rsi_14").asDouble())
                .as("the daily RSI is another number")
                .isNotCloseTo(aapl.at("/values/rsi_14").asDouble(), within(0.5));
    }

    @Test
    void aValueIsTheLastOfTheIndicatorApiAndSortingFollowsIt() {
        JsonNode body = screen("where=macd_hist_12_26_9>-1000000", "sort=macd_hist_12_26_9", "direction=desc")
                .json();
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode i : body.get("items")) {
            double v = i.at("/values/macd_hist_12_26_9").asDouble();
            assertThat(v).isLessThanOrEqualTo(previous);
            previous = v;
        }
        JsonNode aapl = item(body, "AAPL");
        JsonNode column = http.get("/api/v1/instruments/AAPL/indicators?names=macd")
                .json()
                .at("/columns/macd_hist_12_26_9");
        assertThat(aapl.at("/values/macd_hist_12_26_9").asDouble())
                .isEqualTo(column.get(column.size() - 1).asDouble());
    }

    @Test
    void technicalRatingsScreenLikeColumns() {
        // 30 bars: the 10-, 20- and 30-bar EMAs and SMAs, the VWMA (without volume: the SMA) and the Hull MA(9) vote.
        // On SCRUP's straight rising line the first seven lie below the close (buy) and the Hull MA, which follows a
        // straight line exactly, on it (neutral): (7 − 0) / 8. SCRDN mirrors it.
        Response upResponse = screen("where=tech_rating_ma>0.5", "where=close>=1");
        assertThat(upResponse.status()).as(upResponse.body()).isEqualTo(200);
        JsonNode up = upResponse.json();
        assertThat(item(up, "SCRUP").at("/values/tech_rating_ma").asDouble()).isEqualTo(0.875);
        assertThat(item(up, "SCRDN")).isNull();
        JsonNode down = screen("where=tech_rating_ma<-0.5").json();
        assertThat(item(down, "SCRDN").at("/values/tech_rating_ma").asDouble()).isEqualTo(-0.875);
        assertThat(item(down, "SCRDN")).isNotNull();
        assertThat(item(down, "SCRUP")).isNull();

        // the screener's rating is /technicals' on the same prices (quoted, the screener's default)
        JsonNode all = screen("where=tech_rating>=-1", "sort=tech_rating", "direction=desc")
                .json();
        JsonNode aapl = item(all, "AAPL");
        JsonNode technicals =
                http.get("/api/v1/instruments/AAPL/technicals?prices=quoted").json();
        assertThat(aapl.at("/values/tech_rating").asDouble())
                .isEqualTo(technicals.get("rating").asDouble());
        JsonNode items = all.get("items");
        for (int k = 1; k < items.size(); k++) {
            assertThat(items.get(k).at("/values/tech_rating").asDouble())
                    .isLessThanOrEqualTo(
                            items.get(k - 1).at("/values/tech_rating").asDouble());
        }
        // the catalogue's techrating columns are the same ratings, named as the indicator API names them
        JsonNode aliased = screen("where=TechRating>=-1", "sort=techrating", "direction=desc")
                .json();
        assertThat(aliased.get("conditions").toString()).contains("tech_rating>=-1");
        assertThat(item(aliased, "AAPL").at("/values/tech_rating").asDouble())
                .isEqualTo(technicals.get("rating").asDouble());
        assertThat(aliased.get("items"))
                .extracting(i -> i.get("symbol").asString())
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(items.spliterator(), false)
                        .map(i -> i.get("symbol").asString())
                        .toList());
        // the oscillators need 12 bars or more (momentum 10 against the bar before): an instrument with fewer is
        // listed apart, not matched
        JsonNode early = screen("where=tech_rating_oscillators>-2", "asOf=" + days.get(8))
                .json();
        assertThat(early.get("insufficientHistory").toString()).contains("SCRUP", "SCRDN");
    }

    /** "Crossed above its 50-day average today": AAPL on the first such day of 2015, worked out from the file. */
    @Test
    void aCrossingMatchesOnTheDayItHappens() {
        List<io.qnt9.srs.ReferenceCsv.Row> rows = io.qnt9.srs.ReferenceCsv.read("aapl.csv");
        double[] close =
                rows.stream().mapToDouble(io.qnt9.srs.ReferenceCsv.Row::close).toArray();
        java.util.function.IntToDoubleFunction sma =
                t -> java.util.Arrays.stream(close, t - 49, t + 1).sum() / 50;
        int t = 0;
        while (rows.get(t).date().getYear() < 2015
                || !(close[t] > sma.applyAsDouble(t) && close[t - 1] <= sma.applyAsDouble(t - 1))) {
            t++;
        }
        JsonNode on = screen(
                        "where=close crosses_above sma_50",
                        "asOf=" + rows.get(t).date())
                .json();
        assertThat(on.get("conditions").get(0).asString()).isEqualTo("close crosses_above sma_50");
        assertThat(item(on, "AAPL")).as("crossed on " + rows.get(t).date()).isNotNull();
        // with a rating that does not cross beside it: the rating of that day only, and the same match
        JsonNode mixed = screen(
                        "where=close crosses_above sma_50",
                        "where=tech_rating>=-1",
                        "asOf=" + rows.get(t).date())
                .json();
        assertThat(item(mixed, "AAPL")).isNotNull();
        JsonNode after = screen(
                        "where=close crosses_above sma_50",
                        "asOf=" + rows.get(t + 1).date())
                .json();
        boolean crossedAgain = close[t + 1] > sma.applyAsDouble(t + 1) && close[t] <= sma.applyAsDouble(t);
        assertThat(item(after, "AAPL") != null).as("the day after").isEqualTo(crossedAgain);
        // a rating's crossing: the first day of 2016 on which AAPL's moving-average rating (quoted prices, as the
        // screener's) rose above 0, read from the techrating indicator, is a match; the day before is not
        JsonNode history = http.get("/api/v1/instruments/AAPL/indicators?names=techrating&start=2016-01-04")
                .json();
        JsonNode ma = history.at("/columns/techrating_ma");
        int k = 1;
        while (!(ma.get(k).asDouble() > 0 && ma.get(k - 1).asDouble() <= 0)) {
            k++;
        }
        String day = history.get("dates").get(k).asString();
        JsonNode crossed =
                screen("where=tech_rating_ma crosses_above 0", "asOf=" + day).json();
        assertThat(item(crossed, "AAPL")).as("crossed on " + day).isNotNull();
        assertThat(item(crossed, "AAPL").at("/values/tech_rating_ma").asDouble())
                .isEqualTo(ma.get(k).asDouble());
        assertThat(k).as("the day before is a row known not to cross").isGreaterThan(1);
        JsonNode before = screen(
                        "where=tech_rating_ma crosses_above 0",
                        "asOf=" + history.get("dates").get(k - 1).asString())
                .json();
        assertThat(item(before, "AAPL")).isNull();
        // the bar before the first: an instrument with one bar cannot have crossed
        JsonNode early =
                screen("where=close crosses_above 1", "asOf=" + days.get(0)).json();
        assertThat(early.get("insufficientHistory").toString()).contains("SCRUP");
    }

    @Test
    void badConditionsAreProblemsThatSayWhatIsWrong() {
        JsonNode p = assertProblem(screen("where=rsi_14<<30"), 400, "invalid-parameter");
        assertThat(p.get("parameter").asString()).isEqualTo("where");
        assertThat(p.get("condition").asString()).isEqualTo("rsi_14<<30");
        assertThat(p.get("detail").asString()).contains("is not a condition");
        assertThat(assertProblem(screen("where=price>10"), 400, "invalid-parameter")
                        .get("detail")
                        .asString())
                .contains("'price' is not a number, a bar field")
                .contains("tech_rating");
        assertThat(assertProblem(screen("where=rsi_0<30"), 400, "invalid-parameter")
                        .get("detail")
                        .asString())
                .contains("rsi parameter 'period' must be");
        assertThat(assertProblem(screen("where=1<2"), 400, "invalid-parameter")
                        .get("detail")
                        .asString())
                .contains("compares two numbers");
        String[] eleven = new String[11];
        java.util.Arrays.fill(eleven, "where=close>0");
        assertProblem(screen(eleven), 400, "invalid-parameter");
        assertThat(assertProblem(screen("where=close>0", "sort=rsi_14"), 400, "invalid-parameter")
                        .get("parameter")
                        .asString())
                .isEqualTo("sort");
        assertProblem(screen("where=close>0", "direction=up"), 400, "invalid-parameter");
        assertThat(http.get("/api/v1/screener").status()).isEqualTo(400);
    }
}
