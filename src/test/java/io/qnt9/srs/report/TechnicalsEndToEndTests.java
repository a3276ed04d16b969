package io.qnt9.srs.report;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static io.qnt9.srs.report.ReportEndToEndTests.AAPL;
import static io.qnt9.srs.report.ReportEndToEndTests.indexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The technical rating over HTTP; the values its rules read checked against figures computed from the CSV here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TechnicalsEndToEndTests {

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    /** The mean of the {@code n} adjusted closes ending at row {@code end} of data/aapl.csv. */
    static double meanAdjusted(int end, int n) {
        double sum = 0;
        for (int k = end - n + 1; k <= end; k++) {
            sum += AAPL.get(k).adj();
        }
        return sum / n;
    }

    static JsonNode component(JsonNode group, String name) {
        for (JsonNode c : group.get("components")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name + " not in " + group);
    }

    @Test
    void theLastBarIsRatedByAllTwentySixComponentsOnAdjustedPrices() {
        JsonNode t = http.get("/api/v1/instruments/AAPL/technicals").json();
        int last = AAPL.size() - 1;
        assertThat(t.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(t.get("date").asString()).isEqualTo(AAPL.get(last).date().toString());
        assertThat(t.get("prices").asString()).isEqualTo("ADJUSTED");
        JsonNode osc = t.get("oscillators");
        JsonNode ma = t.get("movingAverages");
        assertThat(osc.get("components")).hasSize(11);
        assertThat(ma.get("components")).hasSize(15);
        assertThat(t.get("buy").asInt()
                        + t.get("neutral").asInt()
                        + t.get("sell").asInt())
                .isEqualTo(26);
        for (JsonNode g : new JsonNode[] {osc, ma}) {
            int voters = g.get("buy").asInt()
                    + g.get("neutral").asInt()
                    + g.get("sell").asInt();
            assertThat(g.get("rating").asDouble())
                    .isCloseTo((g.get("buy").asDouble() - g.get("sell").asDouble()) / voters, within(1e-11));
        }
        double rating = (osc.get("rating").asDouble() + ma.get("rating").asDouble()) / 2;
        assertThat(t.get("rating").asDouble()).isCloseTo(rating, within(1e-11));
        String verdict = rating < -0.5
                ? "STRONG_SELL"
                : rating < -0.1 ? "SELL" : rating <= 0.1 ? "NEUTRAL" : rating <= 0.5 ? "BUY" : "STRONG_BUY";
        assertThat(t.get("verdict").asString()).isEqualTo(verdict);

        // the track record: every bar from the 10th on (the first with a vote) has a verdict; 5 verdicts × 3 horizons
        JsonNode calibration = t.get("calibration");
        assertThat(calibration).hasSize(5);
        int rated = 0;
        for (JsonNode row : calibration) {
            rated += row.get("count").asInt();
            assertThat(row.get("forward"))
                    .extracting(f -> f.get("horizonBars").asInt())
                    .containsExactly(5, 20, 60);
            for (JsonNode f : row.get("forward")) {
                assertThat(f.get("count").asInt())
                        .isLessThanOrEqualTo(row.get("count").asInt());
            }
        }
        assertThat(rated).isEqualTo(AAPL.size() - 9);

        // trading on it, from the first rated bar (the 10th) to the last, against holding AAPL over the same bars
        JsonNode backtest = t.get("backtest");
        assertThat(backtest.get("start").asString())
                .isEqualTo(AAPL.get(9).date().toString());
        assertThat(backtest.get("end").asString())
                .isEqualTo(AAPL.get(last).date().toString());
        assertThat(backtest.get("costBps").asDouble()).isEqualTo(5);
        double peak = 0;
        double drawdown = 0;
        for (int k = 9; k <= last; k++) {
            peak = Math.max(peak, AAPL.get(k).adj());
            drawdown = Math.min(drawdown, AAPL.get(k).adj() / peak - 1);
        }
        assertThat(backtest.at("/buyAndHold/totalReturn").asDouble())
                .isCloseTo(AAPL.get(last).adj() / AAPL.get(9).adj() - 1, within(1e-11));
        assertThat(backtest.at("/buyAndHold/maxDrawdown").asDouble()).isCloseTo(drawdown, within(1e-11));
        double years = (AAPL.get(last).date().toEpochDay() - AAPL.get(9).date().toEpochDay()) / 365.25;
        assertThat(backtest.at("/buyAndHold/cagr").asDouble())
                .isCloseTo(Math.pow(AAPL.get(last).adj() / AAPL.get(9).adj(), 1 / years) - 1, within(1e-11));
        assertThat(backtest.get("trades").asInt()).isGreaterThan(20);
        assertThat(backtest.get("roundTrips").asInt())
                .isBetween(
                        backtest.get("trades").asInt() / 2 - 1,
                        backtest.get("trades").asInt() / 2);
        assertThat(backtest.get("exposure").asDouble()).isBetween(0.0, 1.0);
        assertThat(backtest.at("/strategy/maxDrawdown").asDouble()).isBetween(-1.0, 0.0);

        // SMA 200 of the adjusted closes, worked out from the file, and its vote
        JsonNode sma200 = component(ma, "SMA (200)");
        double mean = meanAdjusted(last, 200);
        double close = AAPL.get(last).adj();
        assertThat(sma200.get("spec").asString()).isEqualTo("sma:200");
        assertThat(sma200.at("/inputs/sma_200").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(sma200.at("/inputs/close").asDouble()).isCloseTo(close, within(1e-9));
        assertThat(sma200.get("signal").asString()).isEqualTo(mean < close ? "BUY" : "SELL");
        assertThat(sma200.get("rule").asString()).contains("below the close");

        // the RSI it read is the report's (adjusted closes) and the indicator API's with prices=adjusted
        double rsi = component(osc, "RSI (14)").at("/inputs/rsi_14").asDouble();
        assertThat(rsi)
                .isEqualTo(http.get("/api/v1/instruments/AAPL/report")
                        .json()
                        .at("/indicators/rsi14")
                        .asDouble());
        JsonNode api = http.get("/api/v1/instruments/AAPL/indicators?names=rsi:14&prices=adjusted&start="
                        + AAPL.get(last - 1).date())
                .json();
        assertThat(api.at("/columns/rsi_14/1").asDouble()).isEqualTo(rsi);
        assertThat(component(osc, "RSI (14)").at("/inputs/rsi_14[1]").asDouble())
                .isEqualTo(api.at("/columns/rsi_14/0").asDouble());

        // the rating at every bar is an indicator too: its last value is this answer's
        JsonNode history = http.get("/api/v1/instruments/AAPL/indicators?names=techrating&prices=adjusted&start="
                        + AAPL.get(last).date())
                .json();
        assertThat(history.at("/columns/techrating/0").asDouble())
                .isEqualTo(t.get("rating").asDouble());
        assertThat(history.at("/columns/techrating_oscillators/0").asDouble())
                .isEqualTo(osc.get("rating").asDouble());
        assertThat(history.at("/columns/techrating_ma/0").asDouble())
                .isEqualTo(ma.get("rating").asDouble());

        // a component over two indicators names both in its spec, which the indicator API charts as they were read
        JsonNode power = component(osc, "Bull Bear Power (13)");
        assertThat(power.get("spec").asString()).isEqualTo("bbpower:13,ema:50");
        JsonNode charted = http.get("/api/v1/instruments/AAPL/indicators?names="
                        + power.get("spec").asString() + "&prices=adjusted&start="
                        + AAPL.get(last).date())
                .json();
        for (String column : new String[] {"bull_power_13", "bear_power_13", "ema_50"}) {
            assertThat(charted.at("/columns/" + column + "/0").asDouble())
                    .as(column)
                    .isEqualTo(power.at("/inputs/" + column).asDouble());
        }
    }

    @Test
    void asOfRatesAnEarlierBarWithTheBarsUpToIt() {
        JsonNode t =
                http.get("/api/v1/instruments/AAPL/technicals?asOf=2016-07-03").json();
        int at = indexOf(LocalDate.of(2016, 7, 1)); // Friday; Monday the 4th was a holiday
        assertThat(t.get("date").asString()).isEqualTo("2016-07-01");
        assertThat(component(t.get("movingAverages"), "SMA (50)")
                        .at("/inputs/sma_50")
                        .asDouble())
                .isCloseTo(meanAdjusted(at, 50), within(1e-9));
    }

    @Test
    void quotedPricesAreTheBarsAsStored() {
        // before the dividend of 2014-02-06 the adjusted close is below the quoted one
        JsonNode quoted = http.get("/api/v1/instruments/AAPL/technicals?asOf=2014-01-02&prices=quoted")
                .json();
        JsonNode adjusted =
                http.get("/api/v1/instruments/AAPL/technicals?asOf=2014-01-02").json();
        int at = indexOf(LocalDate.of(2014, 1, 2));
        assertThat(quoted.get("prices").asString()).isEqualTo("QUOTED");
        assertThat(component(quoted.get("movingAverages"), "SMA (10)")
                        .at("/inputs/close")
                        .asDouble())
                .isEqualTo(AAPL.get(at).close());
        assertThat(component(adjusted.get("movingAverages"), "SMA (10)")
                        .at("/inputs/close")
                        .asDouble())
                .isCloseTo(AAPL.get(at).adj(), within(1e-9))
                .isLessThan(AAPL.get(at).close());
    }

    @Test
    void anImportIsRatedAtOnceDespiteTheKeptAnswer() {
        // 30 falling closes, then the same instrument with 30 more, rising: the second answer rates the new last bar
        StringBuilder falling = new StringBuilder("Date,Close\n");
        StringBuilder rising = new StringBuilder("Date,Close\n");
        LocalDate d = LocalDate.of(2021, 1, 4);
        for (int i = 0; i < 60; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                (i < 30
                                ? falling.append(d).append(',').append(100 - i)
                                : rising.append(d).append(',').append(40 + i))
                        .append('\n');
                i++;
            }
        }
        HttpTestClient admin = io.qnt9.srs.TestAccounts.admin(port);
        assertThat(admin.post("/api/v1/instruments/TECHX/bars?name=TECHX", "text/csv", falling.toString())
                        .status())
                .isEqualTo(200);
        JsonNode before = http.get("/api/v1/instruments/TECHX/technicals").json();
        assertThat(before.at("/movingAverages/sell").asInt()).isPositive();
        assertThat(http.get("/api/v1/instruments/TECHX/technicals").json()).isEqualTo(before);
        assertThat(admin.post("/api/v1/instruments/TECHX/bars?mode=append", "text/csv", rising.toString())
                        .status())
                .isEqualTo(200);
        JsonNode after = http.get("/api/v1/instruments/TECHX/technicals").json();
        assertThat(after.get("date").asString()).isEqualTo(d.minusDays(1).toString());
        assertThat(after.at("/movingAverages/sell").asInt()).isZero();
        assertThat(after.at("/movingAverages/buy").asInt()).isPositive();
    }

    @Test
    void weeklyAndMonthlyRatingsReadBarsBuiltFromTheDailyOnes() {
        JsonNode t =
                http.get("/api/v1/instruments/AAPL/technicals?interval=weekly").json();
        assertThat(t.get("interval").asString()).isEqualTo("WEEKLY");
        assertThat(t.get("date").asString())
                .isEqualTo(AAPL.get(AAPL.size() - 1).date().toString());
        // the adjusted close of each ISO week's last trading day, worked out from the file: SMA 10 of the last ten
        java.util.List<Double> weekly = new java.util.ArrayList<>();
        for (int i = 0; i < AAPL.size(); i++) {
            boolean lastOfWeek = i + 1 == AAPL.size()
                    || !AAPL.get(i + 1)
                            .date()
                            .with(java.time.DayOfWeek.MONDAY)
                            .equals(AAPL.get(i).date().with(java.time.DayOfWeek.MONDAY));
            if (lastOfWeek) {
                weekly.add(AAPL.get(i).adj());
            }
        }
        double mean = weekly.subList(weekly.size() - 10, weekly.size()).stream()
                        .mapToDouble(Double::doubleValue)
                        .sum()
                / 10;
        assertThat(component(t.get("movingAverages"), "SMA (10)")
                        .at("/inputs/sma_10")
                        .asDouble())
                .isCloseTo(mean, within(1e-9));
        assertThat(t.at("/movingAverages/unavailable").asInt())
                .as("261 weeks: every average has its history")
                .isZero();

        // May to December 2013: eight monthly bars
        JsonNode months = assertProblem(
                http.get("/api/v1/instruments/AAPL/technicals?interval=monthly&asOf=2013-12-31"),
                422,
                "insufficient-data");
        assertThat(months.get("available").asInt()).isEqualTo(8);
        assertThat(months.get("detail").asString()).contains("10 monthly bars");
    }

    @Test
    void aWeekWithASplitIsBuiltFromAdjustedDays() {
        // 12 weeks of a stock quoted at 700 until a 7-for-1 split on a Wednesday, 100 after; adjusted close 100 all
        // along. Adjusting the days first, no weekly high exceeds 101; a week built first and scaled by its last
        // day's factor (1) would keep the pre-split high of 701.
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        LocalDate d = LocalDate.of(2021, 1, 4);
        for (int i = 0; i < 60; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                int c = i < 32 ? 700 : 100;
                csv.append(d)
                        .append(',')
                        .append(c)
                        .append(',')
                        .append(c + 1)
                        .append(',')
                        .append(c - 1);
                csv.append(',').append(c).append(",100,1000\n");
                i++;
            }
        }
        assertThat(io.qnt9.srs.TestAccounts.admin(port)
                        .post("/api/v1/instruments/SPLWK/bars?name=SPLWK", "text/csv", csv.toString())
                        .status())
                .isEqualTo(200);
        JsonNode ichimoku = component(
                http.get("/api/v1/instruments/SPLWK/technicals?interval=weekly")
                        .json()
                        .get("movingAverages"),
                "Ichimoku base line (9, 26, 52)");
        // conversion line over the last 9 weeks (3 before the split, its week, 5 after): (highest high + lowest low)
        // / 2 = (101 + 99) / 2, the pre-split days adjusted to 701 / 7 = 100.14 and 699 / 7 = 99.86 falling between
        // (weeks built first would give (701 + 99) / 2 = 400)
        assertThat(ichimoku.at("/inputs/ichimoku_tenkan_9_26_52").asDouble()).isCloseTo(100, within(1e-9));
    }

    @Test
    void tooLittleHistoryAndBadInputAreProblems() {
        // AAPL's file starts on 2013-05-13: six bars up to 2013-05-20
        JsonNode few = assertProblem(
                http.get("/api/v1/instruments/AAPL/technicals?asOf=2013-05-20"), 422, "insufficient-data");
        assertThat(few.get("required").asInt()).isEqualTo(10);
        assertThat(few.get("available").asInt()).isEqualTo(6);
        assertThat(few.get("detail").asString()).contains("10 daily bars");
        assertProblem(http.get("/api/v1/instruments/NOSUCH/technicals"), 404, "unknown-instrument");
        assertProblem(http.get("/api/v1/instruments/AAPL/technicals?prices=raw"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/technicals?interval=hourly"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/instruments/AAPL/technicals?asOf=2016-02-30"), 400, "invalid-parameter");
    }

    @Test
    void manySymbolsAreRatedInOneCallAsEachAloneAndTheUnratedAreListedWithTheirProblems() {
        JsonNode many = http.get("/api/v1/technicals?symbols=msft,AAPL,NOPE,SPX&interval=weekly")
                .json();
        assertThat(many.get("interval").asString()).isEqualTo("WEEKLY");
        assertThat(many.get("count").asInt()).isEqualTo(3);
        assertThat(many.get("items"))
                .extracting(i -> i.get("symbol").asString())
                .containsExactly("MSFT", "AAPL", "SPX");
        for (JsonNode item : many.get("items")) {
            JsonNode alone = http.get(
                            "/api/v1/instruments/" + item.get("symbol").asString() + "/technicals?interval=weekly")
                    .json();
            assertThat(item.get("date").asString()).isEqualTo(alone.get("date").asString());
            assertThat(item.get("rating").asDouble())
                    .isEqualTo(alone.get("rating").asDouble());
            assertThat(item.get("verdict").asString())
                    .isEqualTo(alone.get("verdict").asString());
            assertThat(item.get("buy").asInt()).isEqualTo(alone.get("buy").asInt());
            assertThat(item.at("/oscillators/rating").asDouble())
                    .isEqualTo(alone.at("/oscillators/rating").asDouble());
            assertThat(item.at("/movingAverages/sell").asInt())
                    .isEqualTo(alone.at("/movingAverages/sell").asInt());
            assertThat(item.has("calibration")).as("the summary only").isFalse();
        }
        JsonNode nope = many.get("errors").get(0);
        assertThat(nope.get("symbol").asString()).isEqualTo("NOPE");
        assertThat(nope.get("status").asInt()).isEqualTo(404);
        assertThat(nope.get("detail").asString()).contains("NOPE");

        // too little history: MSFT has 249 daily bars, so fewer than 10 monthly ones up to 2001-03
        JsonNode short_ = http.get("/api/v1/technicals?symbols=AAPL,MSFT&interval=monthly&asOf=2001-03-30")
                .json();
        assertThat(short_.get("count").asInt())
                .as("AAPL has no bar before 2013")
                .isZero();
        assertThat(short_.get("errors"))
                .extracting(
                        e -> e.get("symbol").asString() + " " + e.get("status").asInt())
                .containsExactly("AAPL 422", "MSFT 422");

        // a malformed list is the caller's mistake: 400 for the whole call, naming the parameter
        for (String bad : new String[] {"AAPL,,MSFT", "AAPL,AAPL", "A,".repeat(50) + "B"}) {
            assertThat(assertProblem(http.get("/api/v1/technicals?symbols=" + bad), 400, "invalid-parameter")
                            .get("parameter")
                            .asString())
                    .isEqualTo("symbols");
        }
        assertThat(assertProblem(http.get("/api/v1/technicals"), 400, "missing-parameter")
                        .get("parameter")
                        .asString())
                .isEqualTo("symbols");
    }
}
