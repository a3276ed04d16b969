package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every catalog indicator must have, checked for all of them at once through the catalog. */
class IndicatorPropertiesTests {

    static Stream<String> specs() {
        return IndicatorCatalog.names().stream();
    }

    private static BarColumns constantBars(int n, double price, long volume) {
        double[] p = new double[n];
        Arrays.fill(p, price);
        long[] v = new long[n];
        Arrays.fill(v, volume);
        return new BarColumns(p, p, p, p, v);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void realSeriesGiveColumnsAsLongAsTheInputNaNExactlyUntilTheWarmUp(String name) {
        IndicatorSpec spec = IndicatorCatalog.parse(name);
        for (String file : BundledCsv.FILES) {
            BarColumns bars = BundledCsv.load(file).bars();
            Map<String, double[]> columns = spec.compute(bars);
            assertThat(columns.keySet()).containsExactlyElementsOf(spec.columns());
            int latestStart = 0;
            for (Map.Entry<String, double[]> column : columns.entrySet()) {
                double[] values = column.getValue();
                assertThat(values).hasSize(bars.size());
                int start = 0;
                while (start < values.length && Double.isNaN(values[start])) {
                    start++;
                }
                Tolerance.assertWarmup(file + " " + column.getKey(), values, start);
                latestStart = Math.max(latestStart, start);
            }
            assertThat(latestStart)
                    .as("%s %s: warm-up is where the last column starts", file, spec)
                    .isEqualTo(spec.warmup());
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void constantPricesGiveDefinedValuesAfterTheWarmUp(String name) {
        IndicatorSpec spec = IndicatorCatalog.parse(name);
        for (long volume : new long[] {0, 1000}) {
            BarColumns bars = constantBars(80, 25.5, volume);
            for (Map.Entry<String, double[]> column : spec.compute(bars).entrySet()) {
                double[] values = column.getValue();
                for (int i = spec.warmup(); i < values.length; i++) {
                    assertThat(Double.isFinite(values[i]))
                            .as("%s[%d] with volume %d", column.getKey(), i, volume)
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void seriesShorterThanTheWarmUpAreAllNaNWithoutAnException(String name) {
        IndicatorSpec spec = IndicatorCatalog.parse(name);
        int n = spec.warmup();
        if (n == 0) {
            assertThat(spec.compute(constantBars(0, 1, 1)).values())
                    .allSatisfy(v -> assertThat(v).isEmpty());
            return;
        }
        BarColumns bars = BundledCsv.load("msft.csv").bars();
        BarColumns head = new BarColumns(
                Arrays.copyOf(bars.open(), n),
                Arrays.copyOf(bars.high(), n),
                Arrays.copyOf(bars.low(), n),
                Arrays.copyOf(bars.close(), n),
                Arrays.copyOf(bars.volume(), n));
        Map<String, double[]> columns = spec.compute(head);
        // The spec's warm-up is where its LAST column starts; earlier columns (%K before %D, ±DI before ADX) may start
        // sooner, but at least one column must still be all NaN, and single-column specs entirely.
        long allNaN = columns.values().stream()
                .filter(values -> Arrays.stream(values).allMatch(Double::isNaN))
                .count();
        assertThat(allNaN).isPositive();
        if (columns.size() == 1) {
            assertThat(allNaN).isEqualTo(1);
        }
        columns.values().forEach(values -> assertThat(values).hasSize(n));
    }

    /**
     * The catalog's {@code scale}: a column drawn over the candles must be a price LEVEL — adding a constant to every
     * price adds it to the column (moving averages, bands, channels) — and a column with a scale of its own must not be
     * (oscillators, differences such as ATR or MACD, volumes and percentages).
     */
    @ParameterizedTest
    @MethodSource("specs")
    void priceScaleColumnsAreExactlyThoseThatMoveWithAShiftOfEveryPrice(String name) {
        IndicatorSpec spec = IndicatorCatalog.parse(name);
        IndicatorDefinition definition = IndicatorCatalog.definitions().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
        BarColumns bars = BundledCsv.load("msft.csv").bars();
        double shift = 100;
        BarColumns shifted = new BarColumns(
                plus(bars.open(), shift),
                plus(bars.high(), shift),
                plus(bars.low(), shift),
                plus(bars.close(), shift),
                bars.volume());
        Map<String, double[]> before = spec.compute(bars);
        Map<String, double[]> after = spec.compute(shifted);
        assertThat(definition.outputs()).hasSize(spec.columns().size());
        for (int c = 0; c < spec.columns().size(); c++) {
            String column = spec.columns().get(c);
            IndicatorDefinition.Output output = definition.outputs().get(c);
            assertThat(column)
                    .isEqualTo(output.prefix()
                            + spec.canonical().substring(name.length()).replace(':', '_'));
            double[] x = before.get(column);
            double[] y = after.get(column);
            boolean moves = true;
            for (int i = spec.warmup(); i < x.length && moves; i++) {
                moves = Math.abs(y[i] - (x[i] + shift)) <= 1e-7 * Math.max(1, Math.abs(y[i]));
            }
            assertThat(moves)
                    .as("%s (scale %s) moves with the prices", column, output.scale())
                    .isEqualTo(output.scale().equals("price"));
        }
    }

    private static double[] plus(double[] values, double shift) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] + shift;
        }
        return out;
    }
}
