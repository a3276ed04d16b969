package io.qnt9.srs.analytics;

import static io.qnt9.srs.analytics.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics against fixtures computed independently with numpy by {@code scripts/reference_stats.py} from the same
 * bundled CSVs (adjusted close where present): 1e-9 relative, with a 1e-12 absolute floor for values near zero.
 */
class ReferenceStatisticsTests {

    private static final double REL = 1e-9;
    private static final double ABS = 1e-12;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> symbols() {
        return Stream.of("aapl", "spx", "goog", "msft");
    }

    private static JsonNode fixture(String symbol) {
        String resource = "/analytics/reference/" + symbol + ".json";
        try (InputStream in = ReferenceStatisticsTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PriceSeries series(JsonNode fixture) {
        BundledCsv csv = BundledCsv.load(fixture.get("source").asString().replace("data/", ""));
        assertThat(csv.size()).isEqualTo(fixture.get("prices").intValue());
        assertThat(csv.hasAdjClose())
                .isEqualTo(!fixture.get("priceColumn").asString().equalsIgnoreCase("close"));
        return csv.returnsSeries();
    }

    private static void close(String what, double actual, JsonNode expected) {
        assertClose(what, actual, expected.doubleValue(), REL, ABS);
    }

    @ParameterizedTest
    @MethodSource("symbols")
    void summaryMatchesNumpy(String symbol) {
        JsonNode fixture = fixture(symbol);
        PriceSeries series = series(fixture);
        assertThat(fixture.get("summaries").size()).isEqualTo(2);
        for (JsonNode expected : fixture.get("summaries")) {
            double rf = expected.get("riskFreeRate").doubleValue();
            PerformanceSummary actual = ReturnStatistics.summarize(series, rf);
            String at = symbol + " rf=" + rf + " ";
            assertThat(actual.firstEpochDay())
                    .isEqualTo(expected.get("firstEpochDay").intValue());
            assertThat(actual.lastEpochDay())
                    .isEqualTo(expected.get("lastEpochDay").intValue());
            assertThat(actual.returnCount())
                    .isEqualTo(expected.get("returnCount").intValue());
            assertThat(actual.riskFreeRate()).isEqualTo(rf);
            close(at + "totalReturn", actual.totalReturn(), expected.get("totalReturn"));
            close(at + "cagr", actual.cagr(), expected.get("cagr"));
            close(at + "volatility", actual.annualizedVolatility(), expected.get("annualizedVolatility"));
            close(at + "sharpe", actual.sharpeRatio(), expected.get("sharpeRatio"));
            close(at + "sortino", actual.sortinoRatio(), expected.get("sortinoRatio"));
            close(at + "downside", actual.annualizedDownsideDeviation(), expected.get("annualizedDownsideDeviation"));
            close(at + "calmar", actual.calmarRatio(), expected.get("calmarRatio"));
            close(at + "var95", actual.valueAtRisk().var95(), expected.get("var95"));
            close(at + "cvar95", actual.valueAtRisk().cvar95(), expected.get("cvar95"));
            close(at + "var99", actual.valueAtRisk().var99(), expected.get("var99"));
            close(at + "cvar99", actual.valueAtRisk().cvar99(), expected.get("cvar99"));
            close(at + "positive share", actual.positiveDayShare(), expected.get("positiveDayShare"));

            JsonNode drawdown = expected.get("maxDrawdown");
            close(at + "drawdown", actual.maxDrawdown().depth(), drawdown.get("depth"));
            assertThat(actual.maxDrawdown().peakEpochDay())
                    .isEqualTo(drawdown.get("peakEpochDay").intValue());
            assertThat(actual.maxDrawdown().troughEpochDay())
                    .isEqualTo(drawdown.get("troughEpochDay").intValue());
            JsonNode recovery = drawdown.get("recoveryEpochDay");
            if (recovery.isNull()) {
                assertThat(actual.maxDrawdown().recoveryEpochDay()).isEmpty();
            } else {
                assertThat(actual.maxDrawdown().recoveryEpochDay()).hasValue(recovery.intValue());
            }

            assertThat(actual.bestDay().epochDay())
                    .isEqualTo(expected.get("bestDay").get("epochDay").intValue());
            close(at + "best", actual.bestDay().value(), expected.get("bestDay").get("value"));
            assertThat(actual.worstDay().epochDay())
                    .isEqualTo(expected.get("worstDay").get("epochDay").intValue());
            close(
                    at + "worst",
                    actual.worstDay().value(),
                    expected.get("worstDay").get("value"));
        }
    }

    /** The like-for-like benchmark row's path: returns column, then volatility/Sharpe and the drawdown on their own. */
    @ParameterizedTest
    @MethodSource("symbols")
    void volatilitySharpeAndDrawdownFromTheReturnsColumnMatchNumpy(String symbol) {
        JsonNode fixture = fixture(symbol);
        PriceSeries series = series(fixture);
        double[] returns = ReturnStatistics.simpleReturns(series.prices());
        for (JsonNode expected : fixture.get("summaries")) {
            double rf = expected.get("riskFreeRate").doubleValue();
            double[] actual = ReturnStatistics.volatilityAndSharpe(returns, rf);
            String at = symbol + " rf=" + rf + " ";
            close(at + "volatility", actual[0], expected.get("annualizedVolatility"));
            close(at + "sharpe", actual[1], expected.get("sharpeRatio"));
            Drawdown drawdown = ReturnStatistics.maxDrawdown(series.prices(), series.epochDays());
            close(at + "drawdown", drawdown.depth(), expected.get("maxDrawdown").get("depth"));
            assertThat(drawdown.troughEpochDay())
                    .isEqualTo(expected.get("maxDrawdown").get("troughEpochDay").intValue());
        }
    }

    @ParameterizedTest
    @MethodSource("symbols")
    void rollingVolatilityAndSharpeMatchNumpyAtTheRecordedPoints(String symbol) {
        JsonNode fixture = fixture(symbol);
        PriceSeries series = series(fixture);
        JsonNode rolling = fixture.get("rolling");
        int window = rolling.get("window").intValue();
        double rf = rolling.get("riskFreeRate").doubleValue();
        RollingSeries volatility = ReturnStatistics.rollingVolatility(series, window);
        RollingSeries sharpe = ReturnStatistics.rollingSharpe(series, window, rf);
        assertThat(volatility.warmup()).isEqualTo(window);
        assertThat(volatility.values()[window - 1]).isNaN();
        assertThat(rolling.get("volatility").size()).isGreaterThan(10);
        for (JsonNode point : rolling.get("volatility")) {
            int i = point.get(0).intValue();
            assertThat(volatility.epochDays()[i]).isEqualTo(point.get(1).intValue());
            close(symbol + " rolling vol[" + i + "]", volatility.values()[i], point.get(2));
        }
        for (JsonNode point : rolling.get("sharpe")) {
            int i = point.get(0).intValue();
            assertThat(sharpe.epochDays()[i]).isEqualTo(point.get(1).intValue());
            close(symbol + " rolling sharpe[" + i + "]", sharpe.values()[i], point.get(2));
        }
    }

    @ParameterizedTest
    @MethodSource("symbols")
    void betaCorrelationAndRollingBetaAgainstTheIndexMatchNumpy(String symbol) {
        JsonNode fixture = fixture(symbol);
        JsonNode benchmark = fixture.get("benchmark");
        if (benchmark == null) {
            assertThat(symbol).isEqualTo("spx"); // the benchmark itself
            return;
        }
        PriceSeries asset = series(fixture);
        PriceSeries index = series(fixture(benchmark.get("against").asString()));
        BenchmarkRelation relation = ReturnStatistics.relativeTo(asset, index);
        assertThat(relation.returnCount())
                .isEqualTo(benchmark.get("returnCount").intValue());
        close(symbol + " beta", relation.beta(), benchmark.get("beta"));
        close(symbol + " correlation", relation.correlation(), benchmark.get("correlation"));

        int window = benchmark.get("rollingBeta").get("window").intValue();
        RollingSeries rolling = ReturnStatistics.rollingBeta(asset, index, window);
        assertThat(rolling.epochDays()).hasSize(benchmark.get("commonDates").intValue());
        for (JsonNode point : benchmark.get("rollingBeta").get("points")) {
            int i = point.get(0).intValue();
            assertThat(rolling.epochDays()[i]).isEqualTo(point.get(1).intValue());
            close(symbol + " rolling beta[" + i + "]", rolling.values()[i], point.get(2));
        }
    }

    @ParameterizedTest
    @MethodSource("symbols")
    void fixturesRecordTheirGeneratorAndBothRiskFreeRates(String symbol) {
        JsonNode fixture = fixture(symbol);
        assertThat(fixture.get("generator").asString()).startsWith("scripts/reference_stats.py with numpy");
        List<Double> rates = fixture.get("summaries")
                .valueStream()
                .map(s -> s.get("riskFreeRate").doubleValue())
                .toList();
        assertThat(rates).containsExactly(0.0, 0.02);
    }
}
