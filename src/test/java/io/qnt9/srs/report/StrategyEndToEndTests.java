package io.qnt9.srs.report;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.ReferenceCsv;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** A rule backtested over HTTP, checked against the same rule simulated here from the CSV. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StrategyEndToEndTests {

    static final List<ReferenceCsv.Row> AAPL = ReferenceCsv.read("aapl.csv");

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    /** A GET with the conditions' comparison signs escaped, as a client must send them in a query. */
    HttpTestClient.Response get(String pathAndQuery) {
        return http.get(pathAndQuery.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20"));
    }

    /**
     * Long while the close is above its 50-day average (no sell rule: out as soon as it is not), quoted prices, 5 bps
     * on every entry and exit, traded at the next open: simulated here bar by bar from the file.
     */
    @Test
    void longAboveTheFiftyDayAverageIsTheSimulationOfTheFile() {
        JsonNode r = get("/api/v1/instruments/AAPL/strategy?buy=close>sma_50&prices=quoted"
                        + "&start=2014-01-02&end=2017-12-29&costBps=5")
                .json();
        int n = AAPL.size();
        double[] close = AAPL.stream().mapToDouble(ReferenceCsv.Row::close).toArray();
        double[] open = AAPL.stream().mapToDouble(ReferenceCsv.Row::open).toArray();
        int from = 0;
        while (AAPL.get(from).date().isBefore(LocalDate.of(2014, 1, 2))) {
            from++;
        }
        int to = n - 1;
        while (AAPL.get(to).date().isAfter(LocalDate.of(2017, 12, 29))) {
            to--;
        }
        double cost = 5 / 10_000.0;
        double equity = 1;
        boolean long_ = false;
        int trades = 0;
        int daysLong = 0;
        for (int t = from + 1; t <= to; t++) {
            double mean = 0;
            for (int k = t - 50; k < t; k++) {
                mean += close[k] / 50; // the average of the 50 closes ending at t − 1
            }
            boolean want = close[t - 1] > mean;
            if (want != long_) {
                trades++;
                equity *= long_ ? open[t] / close[t - 1] * (1 - cost) : (1 - cost) * close[t] / open[t];
                long_ = want;
            } else if (long_) {
                equity *= close[t] / close[t - 1];
            }
            daysLong += long_ ? 1 : 0;
        }
        assertThat(r.get("start").asString()).isEqualTo(AAPL.get(from).date().toString());
        assertThat(r.get("end").asString()).isEqualTo(AAPL.get(to).date().toString());
        assertThat(r.get("buy")).extracting(JsonNode::asString).containsExactly("close>sma_50");
        assertThat(r.get("sell")).isEmpty();
        assertThat(trades).as("a real record").isGreaterThan(20);
        assertThat(r.get("trades").asInt()).isEqualTo(trades);
        assertThat(r.at("/strategy/totalReturn").asDouble()).isCloseTo(equity - 1, within(1e-9));
        assertThat(r.at("/buyAndHold/totalReturn").asDouble()).isCloseTo(close[to] / close[from] - 1, within(1e-11));
        assertThat(r.get("exposure").asDouble()).isCloseTo((double) daysLong / (to - from), within(1e-11));
        assertThat(r.get("tradeList").get(0).get("action").asString()).isEqualTo("BUY");
        assertThat(r.at("/equity/strategy")).hasSize(to - from + 1);
        assertThat(r.at("/equity/strategy/" + (to - from)).asDouble()).isCloseTo(equity, within(1e-9));

        // Buy and hold's deepest fall, found in the file: the highest close so far (its first day) against each close.
        int peak = from;
        int bestPeak = from;
        int trough = from;
        double depth = 0;
        for (int t = from; t <= to; t++) {
            if (close[t] > close[peak]) {
                peak = t;
            }
            double fall = close[t] / close[peak] - 1;
            if (fall < depth) {
                depth = fall;
                bestPeak = peak;
                trough = t;
            }
        }
        assertThat(depth).as("a real fall").isLessThan(-0.2);
        assertThat(r.at("/buyAndHold/maxDrawdown").asDouble()).isCloseTo(depth, within(1e-11));
        assertThat(r.at("/buyAndHold/maxDrawdownPeak").asString())
                .isEqualTo(AAPL.get(bestPeak).date().toString());
        assertThat(r.at("/buyAndHold/maxDrawdownTrough").asString())
                .isEqualTo(AAPL.get(trough).date().toString());
    }

    /** The file's days grouped into ISO weeks (Monday to Sunday), oldest first: each week's days. */
    static List<List<ReferenceCsv.Row>> isoWeeks(List<ReferenceCsv.Row> days) {
        List<List<ReferenceCsv.Row>> weeks = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (ReferenceCsv.Row d : days) {
            int week = d.date().get(IsoFields.WEEK_BASED_YEAR) * 100 + d.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (week != previous) {
                weeks.add(new ArrayList<>());
                previous = week;
            }
            weeks.get(weeks.size() - 1).add(d);
        }
        return weeks;
    }

    /**
     * Weekly bars: long while the week's close is above the average of the last 10 weekly closes, traded at the next
     * week's first open, simulated here from the file's days grouped into ISO weeks; volatility and Sharpe annualised
     * by √52 from the simulated weekly equity.
     */
    @Test
    void onWeeklyBarsTheRuleIsTheSimulationOfTheFilesWeeks() {
        JsonNode r = get("/api/v1/instruments/AAPL/strategy?buy=close>sma_10&prices=quoted&costBps=5&interval=weekly")
                .json();
        List<List<ReferenceCsv.Row>> weeks = isoWeeks(AAPL);
        int n = weeks.size();
        double[] open = weeks.stream().mapToDouble(w -> w.get(0).open()).toArray();
        double[] close =
                weeks.stream().mapToDouble(w -> w.get(w.size() - 1).close()).toArray();
        double cost = 5 / 10_000.0;
        double[] equity = new double[n];
        equity[0] = 1;
        boolean long_ = false;
        int trades = 0;
        for (int t = 1; t < n; t++) {
            boolean want = false;
            if (t - 1 >= 9) {
                double mean = 0;
                for (int k = t - 10; k < t; k++) {
                    mean += close[k] / 10;
                }
                want = close[t - 1] > mean;
            }
            double e = equity[t - 1];
            if (want != long_) {
                trades++;
                e *= long_ ? open[t] / close[t - 1] * (1 - cost) : (1 - cost) * close[t] / open[t];
                long_ = want;
            } else if (long_) {
                e *= close[t] / close[t - 1];
            }
            equity[t] = e;
        }
        double[] returns = new double[n - 1];
        double mean = 0;
        for (int t = 1; t < n; t++) {
            returns[t - 1] = equity[t] / equity[t - 1] - 1;
            mean += returns[t - 1] / (n - 1);
        }
        double squares = 0;
        for (double x : returns) {
            squares += (x - mean) * (x - mean);
        }
        double deviation = Math.sqrt(squares / (n - 2));

        assertThat(r.get("interval").asString()).isEqualTo("WEEKLY");
        // bars are dated by their last trading day
        assertThat(r.get("start").asString())
                .isEqualTo(weeks.get(0).get(weeks.get(0).size() - 1).date().toString());
        assertThat(r.get("end").asString())
                .isEqualTo(
                        weeks.get(n - 1).get(weeks.get(n - 1).size() - 1).date().toString());
        assertThat(trades).as("a real record").isGreaterThan(10);
        assertThat(r.get("trades").asInt()).isEqualTo(trades);
        assertThat(r.at("/equity/strategy")).hasSize(n);
        assertThat(r.at("/strategy/totalReturn").asDouble()).isCloseTo(equity[n - 1] - 1, within(1e-9));
        assertThat(r.at("/strategy/volatility").asDouble()).isCloseTo(deviation * Math.sqrt(52), within(1e-9));
        assertThat(r.at("/strategy/sharpe").asDouble()).isCloseTo(mean / deviation * Math.sqrt(52), within(1e-9));
        assertThat(r.at("/buyAndHold/totalReturn").asDouble()).isCloseTo(close[n - 1] / close[0] - 1, within(1e-11));

        // On adjusted prices, a trade at a week's open is reported at the quoted open of the week's first day.
        JsonNode adjusted = get("/api/v1/instruments/AAPL/strategy?buy=close>sma_10&interval=weekly")
                .json();
        int checked = 0;
        for (JsonNode trade : adjusted.get("tradeList")) {
            LocalDate date = LocalDate.parse(trade.get("date").asString());
            List<ReferenceCsv.Row> week = weeks.stream()
                    .filter(w -> w.get(w.size() - 1).date().equals(date))
                    .findFirst()
                    .orElseThrow();
            assertThat(trade.get("price").asDouble())
                    .as("%s %s", trade.get("action").asString(), date)
                    .isCloseTo(week.get(0).open(), within(week.get(0).open() * 1e-9));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);

        // monthly bars: annualised by √12; a bad interval is a 400 that lists the good ones
        JsonNode monthly = get("/api/v1/instruments/SPX/strategy?buy=close>sma_10&interval=monthly")
                .json();
        assertThat(monthly.get("interval").asString()).isEqualTo("MONTHLY");
        assertThat(monthly.at("/equity/strategy").size()).isBetween(240, 250);
        assertProblem(
                get("/api/v1/instruments/AAPL/strategy?buy=close>sma_10&interval=hourly"), 400, "invalid-parameter");
        assertProblem(
                get("/api/v1/instruments/AAPL/strategy?buy=close>sma_10&interval=monthly&start=2017-01-01"),
                422,
                "insufficient-data");
    }

    @Test
    void theDocumentDescribesTheAnswerAsItIs() {
        // The rule backtest's performance and curve have schemas of their own, not the statistics endpoint's
        // Performance or the recommendation backtest's Curve (one schema per name: OpenApiSchemaNamesTests).
        JsonNode schemas = http.get("/v3/api-docs").json().at("/components/schemas");
        JsonNode report = schemas.at("/StrategyReport/properties");
        assertThat(report.at("/strategy/$ref").asString()).isEqualTo("#/components/schemas/EquityPerformance");
        assertThat(report.at("/equity/$ref").asString()).isEqualTo("#/components/schemas/StrategyCurve");
        JsonNode answer = get("/api/v1/instruments/AAPL/strategy?buy=close>sma_50&start=2014-01-02&end=2017-12-29")
                .json();
        assertThat(schemas.at("/EquityPerformance/properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(answer.get("strategy").propertyNames());
        assertThat(schemas.at("/StrategyCurve/properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(answer.get("equity").propertyNames());
    }

    /** A golden cross: buy when the close crosses above its 50-day average, sell when it crosses below. */
    @Test
    void crossingsTradeOnTheDayTheyHappenOnly() {
        JsonNode r = get("/api/v1/instruments/AAPL/strategy?buy=close crosses_above sma_50"
                        + "&sell=close crosses_below sma_50&prices=quoted&start=2014-01-02&end=2017-12-29&costBps=0")
                .json();
        assertThat(r.get("buy")).extracting(JsonNode::asString).containsExactly("close crosses_above sma_50");
        double[] close = AAPL.stream().mapToDouble(ReferenceCsv.Row::close).toArray();
        double[] open = AAPL.stream().mapToDouble(ReferenceCsv.Row::open).toArray();
        double[] sma = new double[close.length];
        for (int t = 49; t < close.length; t++) {
            for (int k = t - 49; k <= t; k++) {
                sma[t] += close[k] / 50;
            }
        }
        int from = 0;
        while (AAPL.get(from).date().isBefore(LocalDate.of(2014, 1, 2))) {
            from++;
        }
        int to = close.length - 1;
        while (AAPL.get(to).date().isAfter(LocalDate.of(2017, 12, 29))) {
            to--;
        }
        double equity = 1;
        boolean long_ = false;
        int trades = 0;
        int buys = 0;
        for (int t = from; t <= to; t++) {
            boolean up = close[t] > sma[t] && close[t - 1] <= sma[t - 1];
            buys += up ? 1 : 0;
            if (t == from) {
                continue;
            }
            boolean upBefore = close[t - 1] > sma[t - 1] && close[t - 2] <= sma[t - 2];
            boolean downBefore = close[t - 1] < sma[t - 1] && close[t - 2] >= sma[t - 2];
            boolean want = upBefore ? true : downBefore ? false : long_;
            if (want != long_) {
                trades++;
                equity *= long_ ? open[t] / close[t - 1] : close[t] / open[t];
                long_ = want;
            } else if (long_) {
                equity *= close[t] / close[t - 1];
            }
        }
        assertThat(r.get("buySignals").asInt()).isEqualTo(buys);
        assertThat(trades).as("a real record").isGreaterThan(10);
        assertThat(r.get("trades").asInt()).isEqualTo(trades);
        assertThat(r.at("/strategy/totalReturn").asDouble()).isCloseTo(equity - 1, within(1e-9));
    }

    /**
     * The rule "buy above 0.1, sell below −0.1" on the technical rating is what /technicals' track record trades:
     * the same figures by two paths (the rating's verdicts there, conditions on the rating at every bar here).
     */
    @Test
    void aRuleOnTheTechnicalRatingTradesAsTheRatingsOwnTrackRecord() {
        JsonNode technicals = get("/api/v1/instruments/AAPL/technicals").json();
        JsonNode record = technicals.get("backtest");
        JsonNode r = get("/api/v1/instruments/AAPL/strategy?buy=tech_rating>0.1&sell=techrating<-0.1&start="
                        + record.get("start").asString() + "&costBps=5")
                .json();
        assertThat(r.get("sell")).extracting(JsonNode::asString).containsExactly("tech_rating<-0.1");
        assertThat(r.get("trades").asInt()).isEqualTo(record.get("trades").asInt());
        assertThat(r.at("/strategy/totalReturn").asDouble())
                .isCloseTo(record.at("/strategy/totalReturn").asDouble(), within(1e-11));
        assertThat(r.at("/strategy/maxDrawdown").asDouble())
                .isCloseTo(record.at("/strategy/maxDrawdown").asDouble(), within(1e-11));
        assertThat(r.get("exposure").asDouble())
                .isCloseTo(record.get("exposure").asDouble(), within(1e-11));
    }

    @Test
    void longShortTurnsTheSellsIntoShorts() {
        JsonNode r = get("/api/v1/instruments/SPX/strategy?buy=rsi_14<30&sell=rsi_14>70&mode=long_short"
                        + "&start=2005-01-01&end=2012-12-31")
                .json();
        assertThat(r.get("mode").asString()).isEqualTo("LONG_SHORT");
        assertThat(r.get("buySignals").asInt()).isPositive();
        assertThat(r.get("sellSignals").asInt()).isPositive();
        for (JsonNode t : r.get("tradeList")) {
            assertThat(t.get("positionAfter").asInt()).isIn(-1, 1);
        }
        assertThat(r.get("exposure").asDouble()).isGreaterThan(0.5); // once in, always long or short
    }

    /** A 3 % stop under each entry: every STOP_LOSS is at the level, or at the open of a day that opened below it. */
    @Test
    void aStopLossEndsEachPositionAtItsLevelOrAtALowerOpen() {
        JsonNode r = get("/api/v1/instruments/AAPL/strategy?buy=close>sma_50&prices=quoted&stopLoss=0.03&costBps=0")
                .json();
        assertThat(r.get("stopLoss").asDouble()).isEqualTo(0.03);
        assertThat(r.get("takeProfit").isNull()).isTrue();
        JsonNode trades = r.get("tradeList");
        int stops = 0;
        for (int k = 1; k < trades.size(); k++) {
            JsonNode trade = trades.get(k);
            if (!trade.get("action").asString().equals("STOP_LOSS")) {
                continue;
            }
            stops++;
            JsonNode entry = trades.get(k - 1);
            assertThat(entry.get("action").asString()).isEqualTo("BUY");
            double level = entry.get("price").asDouble() * 0.97;
            ReferenceCsv.Row day = AAPL.stream()
                    .filter(row ->
                            row.date().toString().equals(trade.get("date").asString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(day.low()).as("the day reached the stop").isLessThanOrEqualTo(level + 1e-9);
            assertThat(trade.get("price").asDouble())
                    .as(trade.toString())
                    .isCloseTo(day.open() <= level ? day.open() : level, within(1e-9));
            assertThat(trade.get("positionAfter").asInt()).isZero();
        }
        assertThat(stops).as("stops were hit on AAPL's falls").isPositive();
    }

    /**
     * close>sma_50 is a state that often still holds the day after a 3 % stop: reenter buys again at the next open,
     * new_signal only after a close at or below the average (computed here from the file) has given no buy signal.
     */
    @Test
    void afterAStopANewSignalWaitsForTheRuleToLetGoOnce() {
        String rule = "/api/v1/instruments/AAPL/strategy?buy=close>sma_50&prices=quoted&stopLoss=0.03&costBps=0";
        JsonNode reenter = get(rule).json();
        JsonNode fresh = get(rule + "&afterStop=new_signal").json();
        assertThat(reenter.get("afterStop").asString()).isEqualTo("REENTER");
        assertThat(fresh.get("afterStop").asString()).isEqualTo("NEW_SIGNAL");

        List<ReferenceCsv.Row> rows = AAPL;
        Map<String, Integer> index = new HashMap<>();
        double[] sma = new double[rows.size()];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).date().toString(), i);
            sum += rows.get(i).close();
            if (i >= 50) {
                sum -= rows.get(i - 50).close();
            }
            sma[i] = i >= 49 ? sum / 50 : Double.NaN;
        }
        java.util.function.IntPredicate buySignal = d -> rows.get(d).close() > sma[d];

        int immediate = 0;
        for (JsonNode trades : new JsonNode[] {reenter.get("tradeList"), fresh.get("tradeList")}) {
            boolean waits = trades == fresh.get("tradeList");
            for (int k = 1; k < trades.size(); k++) {
                if (!trades.get(k - 1).get("action").asString().equals("STOP_LOSS")) {
                    continue;
                }
                int stopDay = index.get(trades.get(k - 1).get("date").asString());
                int buyDay = index.get(trades.get(k).get("date").asString());
                assertThat(buySignal.test(buyDay - 1))
                        .as("a buy signal at the close before the buy")
                        .isTrue();
                boolean letGo = false;
                for (int d = stopDay; d <= buyDay - 2; d++) {
                    letGo |= !buySignal.test(d);
                }
                if (waits) {
                    assertThat(letGo)
                            .as("new_signal: a close without a buy signal between the stop on day " + stopDay
                                    + " and the buy on day " + buyDay)
                            .isTrue();
                } else if (buyDay == stopDay + 1) {
                    immediate++;
                }
            }
        }
        assertThat(immediate)
                .as("reenter bought again the day after some stops")
                .isPositive();
        assertThat(fresh.get("trades").asInt()).isLessThan(reenter.get("trades").asInt());
        assertProblem(get(rule + "&afterStop=later"), 400, "invalid-parameter");
    }

    @Test
    void badRulesAndRangesAreProblemsThatSayWhatIsWrong() {
        JsonNode p =
                assertProblem(get("/api/v1/instruments/AAPL/strategy?buy=close>>sma_50"), 400, "invalid-parameter");
        assertThat(p.get("parameter").asString()).isEqualTo("buy");
        assertThat(p.get("condition").asString()).isEqualTo("close>>sma_50");
        p = assertProblem(
                get("/api/v1/instruments/AAPL/strategy?buy=close>sma_50&sell=nonsense_3<1"), 400, "invalid-parameter");
        assertThat(p.get("parameter").asString()).isEqualTo("sell");
        assertThat(assertProblem(get("/api/v1/instruments/AAPL/strategy"), 400, "missing-parameter")
                        .get("parameter")
                        .asString())
                .isEqualTo("buy");
        assertProblem(get("/api/v1/instruments/AAPL/strategy?buy=close>1&costBps=2000"), 400, "invalid-parameter");
        assertProblem(get("/api/v1/instruments/AAPL/strategy?buy=close>1&mode=sideways"), 400, "invalid-parameter");
        assertProblem(
                get("/api/v1/instruments/AAPL/strategy?buy=close>1&start=2016-01-01&end=2015-01-01"),
                400,
                "invalid-parameter");
        assertThat(assertProblem(
                                get("/api/v1/instruments/AAPL/strategy?buy=close>1&start=2018-05-01"),
                                422,
                                "insufficient-data")
                        .get("detail")
                        .asString())
                .contains("at least 20 daily bars");
        for (String stops :
                new String[] {"stopLoss=1", "stopLoss=0", "stopLoss=-0.1", "takeProfit=0", "takeProfit=11"}) {
            assertProblem(get("/api/v1/instruments/AAPL/strategy?buy=close>1&" + stops), 400, "invalid-parameter");
        }
        assertProblem(get("/api/v1/instruments/NOPE/strategy?buy=close>1"), 404, "unknown-instrument");
    }
}
