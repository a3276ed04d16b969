package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MovingAveragesTests {

    private static final double[] X = {1, 2, 3, 4, 3, 2, 5};
    private static final double EPS = 1e-12;

    @Test
    void smaAveragesTheTrailingWindowAndIsNaNDuringWarmUp() {
        double[] out = MovingAverages.sma(X, 3);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo((1 + 2 + 3) / 3.0, within(EPS));
        assertThat(out[3]).isCloseTo((2 + 3 + 4) / 3.0, within(EPS));
        assertThat(out[4]).isCloseTo((3 + 4 + 3) / 3.0, within(EPS));
        assertThat(out[5]).isCloseTo((4 + 3 + 2) / 3.0, within(EPS));
        assertThat(out[6]).isCloseTo((3 + 2 + 5) / 3.0, within(EPS));
    }

    @Test
    void emaIsSeededWithTheSmaOfTheFirstPeriodValuesThenSmoothsWithTwoOverPeriodPlusOne() {
        double[] out = MovingAverages.ema(X, 3);
        double k = 2.0 / (3 + 1);
        double e2 = (1 + 2 + 3) / 3.0;
        double e3 = e2 + k * (4 - e2);
        double e4 = e3 + k * (3 - e3);
        double e5 = e4 + k * (2 - e4);
        double e6 = e5 + k * (5 - e5);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo(e2, within(EPS));
        assertThat(out[3]).isCloseTo(e3, within(EPS));
        assertThat(out[4]).isCloseTo(e4, within(EPS));
        assertThat(out[5]).isCloseTo(e5, within(EPS));
        assertThat(out[6]).isCloseTo(e6, within(EPS));
        assertThat(e6).isEqualTo(3.75);
    }

    @Test
    void emaMatchesThePlainRecurrenceOnEveryBlockTailUpToRounding() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int period : new int[] {1, 2, 5, 20}) {
            for (int n = 1; n <= period + 40; n++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = rnd.nextDouble(50, 150);
                }
                double[] out = MovingAverages.ema(x, period);
                if (n < period) {
                    assertThat(out).containsOnly(Double.NaN);
                    continue;
                }
                double sum = 0;
                for (int i = 0; i < period; i++) {
                    sum += x[i];
                    if (i < period - 1) {
                        assertThat(out[i]).isNaN();
                    }
                }
                double ema = sum / period;
                assertThat(out[period - 1]).isEqualTo(ema);
                double k = 2.0 / (period + 1);
                for (int i = period; i < n; i++) {
                    ema = ema + k * (x[i] - ema);
                    assertThat(out[i]).isCloseTo(ema, within(1e-12 * ema));
                }
            }
        }
    }

    @Test
    void wmaWeightsTheNewestValueMost() {
        double[] out = MovingAverages.wma(X, 3);
        double divider = 1 + 2 + 3;
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo((1 * 1 + 2 * 2 + 3 * 3) / divider, within(EPS));
        assertThat(out[3]).isCloseTo((1 * 2 + 2 * 3 + 3 * 4) / divider, within(EPS));
        assertThat(out[4]).isCloseTo((1 * 3 + 2 * 4 + 3 * 3) / divider, within(EPS));
        assertThat(out[5]).isCloseTo((1 * 4 + 2 * 3 + 3 * 2) / divider, within(EPS));
        assertThat(out[6]).isCloseTo((1 * 3 + 2 * 2 + 3 * 5) / divider, within(EPS));
    }

    @Test
    void demaIsTwiceTheEmaMinusTheEmaOfTheEmaEachSeededWithItsOwnSma() {
        double[] out = MovingAverages.dema(X, 2);
        double k = 2.0 / 3;
        double e1at1 = (1 + 2) / 2.0;
        double e1at2 = e1at1 + k * (3 - e1at1);
        double e1at3 = e1at2 + k * (4 - e1at2);
        double e1at4 = e1at3 + k * (3 - e1at3);
        double e2at2 = (e1at1 + e1at2) / 2;
        double e2at3 = e2at2 + k * (e1at3 - e2at2);
        double e2at4 = e2at3 + k * (e1at4 - e2at3);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isCloseTo(2 * e1at2 - e2at2, within(EPS));
        assertThat(out[3]).isCloseTo(2 * e1at3 - e2at3, within(EPS));
        assertThat(out[4]).isCloseTo(2 * e1at4 - e2at4, within(EPS));
        assertThat(out[2]).isCloseTo(3, within(EPS));
    }

    @Test
    void temaCombinesThreeCascadedEmas() {
        double[] out = MovingAverages.tema(X, 2);
        double k = 2.0 / 3;
        double e1at1 = (1 + 2) / 2.0;
        double e1at2 = e1at1 + k * (3 - e1at1);
        double e1at3 = e1at2 + k * (4 - e1at2);
        double e1at4 = e1at3 + k * (3 - e1at3);
        double e2at2 = (e1at1 + e1at2) / 2;
        double e2at3 = e2at2 + k * (e1at3 - e2at2);
        double e2at4 = e2at3 + k * (e1at4 - e2at3);
        double e3at3 = (e2at2 + e2at3) / 2;
        double e3at4 = e3at3 + k * (e2at4 - e3at3);
        assertThat(out[2]).isNaN();
        assertThat(out[3]).isCloseTo(3 * e1at3 - 3 * e2at3 + e3at3, within(EPS));
        assertThat(out[4]).isCloseTo(3 * e1at4 - 3 * e2at4 + e3at4, within(EPS));
    }

    @Test
    void warmUpsComposeFromTheEmaWarmUp() {
        assertThat(MovingAverages.smaWarmup(50)).isEqualTo(49);
        assertThat(MovingAverages.emaWarmup(20)).isEqualTo(19);
        assertThat(MovingAverages.wmaWarmup(10)).isEqualTo(9);
        assertThat(MovingAverages.demaWarmup(10)).isEqualTo(2 * MovingAverages.emaWarmup(10));
        assertThat(MovingAverages.temaWarmup(10)).isEqualTo(3 * MovingAverages.emaWarmup(10));
    }

    // ------------------------------------------------------------ properties shared by all five

    static Stream<Arguments> averages() {
        return Stream.of(
                Arguments.of("sma", (BiFunction<double[], Integer, double[]>) MovingAverages::sma, 0),
                Arguments.of("ema", (BiFunction<double[], Integer, double[]>) MovingAverages::ema, 0),
                Arguments.of("wma", (BiFunction<double[], Integer, double[]>) MovingAverages::wma, 0),
                Arguments.of("dema", (BiFunction<double[], Integer, double[]>) MovingAverages::dema, 1),
                Arguments.of("tema", (BiFunction<double[], Integer, double[]>) MovingAverages::tema, 2));
    }

    private static int warmup(String name, int period) {
        switch (name) {
            case "dema":
                return MovingAverages.demaWarmup(period);
            case "tema":
                return MovingAverages.temaWarmup(period);
            default:
                return period - 1;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("averages")
    void periodOneIsTheIdentity(String name, BiFunction<double[], Integer, double[]> average, int unused) {
        double[] values = {3.5, -2, 7.25, 0, 1e6};
        assertThat(average.apply(values, 1)).containsExactly(values, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("averages")
    void constantInputGivesTheConstantAfterTheWarmUp(
            String name, BiFunction<double[], Integer, double[]> average, int unused) {
        double[] values = new double[60];
        java.util.Arrays.fill(values, 42.5);
        double[] out = average.apply(values, 7);
        Tolerance.assertWarmup(name, out, warmup(name, 7));
        for (int i = warmup(name, 7); i < out.length; i++) {
            assertThat(out[i]).isCloseTo(42.5, within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("averages")
    void seriesShorterThanTheWarmUpGiveAllNaNWithoutAnException(
            String name, BiFunction<double[], Integer, double[]> average, int unused) {
        double[] out = average.apply(new double[] {1, 2, 3}, 5);
        assertThat(out).hasSize(3).containsOnly(Double.NaN);
        assertThat(average.apply(new double[0], 5)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("averages")
    void lengthIsPreservedAndValuesAreFiniteExactlyFromTheWarmUp(
            String name, BiFunction<double[], Integer, double[]> average, int unused) {
        double[] close = BundledCsv.load("aapl.csv").close();
        double[] out = average.apply(close, 30);
        assertThat(out).hasSameSizeAs(close);
        Tolerance.assertWarmup(name, out, warmup(name, 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("averages")
    void rejectsNaNInputNamingTheIndex(String name, BiFunction<double[], Integer, double[]> average, int unused) {
        assertThatThrownBy(() -> average.apply(new double[] {1, 2, Double.NaN, 4}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[2] is NaN")
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> average.apply(new double[] {1, Double.POSITIVE_INFINITY}, 2))
                .hasMessageContaining("values[1] is Infinity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("averages")
    void rejectsPeriodsOutsideOneToFiveThousand(
            String name, BiFunction<double[], Integer, double[]> average, int unused) {
        assertThatThrownBy(() -> average.apply(new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> average.apply(new double[] {1, 2}, 5001))
                .hasMessage("period must be between 1 and 5000, got 5001");
        assertThatThrownBy(() -> average.apply(null, 3)).hasMessage("values must not be null");
    }

    @Test
    void outOverloadsWriteIntoTheGivenArrayAndCheckIt() {
        double[] out = new double[X.length];
        assertThat(MovingAverages.sma(X, 3, out)).isSameAs(out);
        assertThat(MovingAverages.ema(X, 3, new double[X.length])[6]).isEqualTo(3.75);
        assertThatThrownBy(() -> MovingAverages.wma(X, 3, new double[2])).hasMessage("out must have length 7, got 2");
        double[] same = X.clone();
        assertThatThrownBy(() -> MovingAverages.dema(same, 3, same)).hasMessage("out must not be the input array");
        assertThatThrownBy(() -> MovingAverages.tema(X, 3, null)).hasMessage("out must not be null");
    }
}
