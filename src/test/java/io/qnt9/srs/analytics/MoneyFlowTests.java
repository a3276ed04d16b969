package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyFlowTests {

    private static final double NaN = Double.NaN;

    // Four bars: CLV = ((c − l) − (h − c)) / (h − l)
    //   bar 0: h 10, l 8,  c 9.5 → (1.5 − 0.5)/2 = 0.5 → money flow  0.5·100 =   50
    //   bar 1: h 12, l 10, c 10  → (0 − 2)/2    = −1  → money flow −1·200   = −200
    //   bar 2: h 11, l 9,  c 11  → (2 − 0)/2    = 1   → money flow  1·300   =  300
    //   bar 3: h 11, l 11, c 11  → no range: CLV 0    → money flow              0
    private static final double[] HIGH = {10, 12, 11, 11};
    private static final double[] LOW = {8, 10, 9, 11};
    private static final double[] CLOSE = {9.5, 10, 11, 11};
    private static final long[] VOLUME = {100, 200, 300, 400};

    @Test
    void adIsTheRunningSumOfMoneyFlowVolumeFromTheFirstBar() {
        assertThat(MoneyFlow.ad(HIGH, LOW, CLOSE, VOLUME)).containsExactly(50, 50 - 200, 50 - 200 + 300, 150);
        assertThat(MoneyFlow.adWarmup()).isZero();
        assertThat(MoneyFlow.ad(new double[0], new double[0], new double[0], new long[0]))
                .isEmpty();
    }

    @Test
    void cmfDividesTheWindowsMoneyFlowByItsVolume() {
        assertThat(MoneyFlow.cmf(HIGH, LOW, CLOSE, VOLUME, 2))
                .containsExactly(
                        new double[] {
                            NaN,
                            (50 - 200) / 300.0, // −0.5
                            (-200 + 300) / 500.0, // 0.2
                            (300 + 0) / 700.0 // 3/7
                        },
                        within(1e-15));
        // Period 1 is the close location value itself.
        assertThat(MoneyFlow.cmf(HIGH, LOW, CLOSE, VOLUME, 1)).containsExactly(0.5, -1, 1, 0);
        assertThat(MoneyFlow.cmfWarmup(20)).isEqualTo(19);
    }

    @Test
    void cmfOfAWindowWithoutVolumeIsZero() {
        long[] volume = {100, 0, 0, 0};
        assertThat(MoneyFlow.cmf(HIGH, LOW, CLOSE, volume, 2)).containsExactly(NaN, 50 / 100.0, 0, 0);
    }

    @Test
    void adoscIsTheDifferenceOfTwoEmasOfTheAdLineBothSeededWithItsFirstValue() {
        // AD = 50, −150, 150, 150. fast 1: α = 1, the EMA is AD itself. slow 2: α = 2/3, seeded with AD[0] = 50.
        double s1 = 2.0 / 3 * -150 + 1.0 / 3 * 50; // −250/3
        double s2 = 2.0 / 3 * 150 + 1.0 / 3 * s1; // 650/9
        double s3 = 2.0 / 3 * 150 + 1.0 / 3 * s2; // 3350/27
        assertThat(MoneyFlow.adosc(HIGH, LOW, CLOSE, VOLUME, 1, 2))
                .containsExactly(new double[] {NaN, -150 - s1, 150 - s2, 150 - s3}, within(1e-12));
        assertThat(new double[] {-150 - s1, 150 - s2, 150 - s3})
                .containsExactly(new double[] {-200.0 / 3, 700.0 / 9, 700.0 / 27}, within(1e-12));
        // fast 2 (α 2/3) and slow 3 (α 1/2), reported from max(2, 3) − 1 = 2.
        double f1 = 2.0 / 3 * -150 + 1.0 / 3 * 50;
        double f2 = 2.0 / 3 * 150 + 1.0 / 3 * f1;
        double f3 = 2.0 / 3 * 150 + 1.0 / 3 * f2;
        double t1 = 0.5 * -150 + 0.5 * 50; // −50
        double t2 = 0.5 * 150 + 0.5 * t1; // 50
        double t3 = 0.5 * 150 + 0.5 * t2; // 100
        assertThat(MoneyFlow.adosc(HIGH, LOW, CLOSE, VOLUME, 2, 3))
                .containsExactly(new double[] {NaN, NaN, f2 - t2, f3 - t3}, within(1e-12));
        assertThat(MoneyFlow.adoscWarmup(3, 10)).isEqualTo(9);
    }

    @Test
    void constantPricesAndZeroVolumeGiveZeroMoneyFlow() {
        double[] p = new double[30];
        Arrays.fill(p, 7.5);
        long[] volume = new long[30];
        Arrays.fill(volume, 1_000);
        assertThat(MoneyFlow.ad(p, p, p, volume)).containsOnly(0);
        assertThat(Arrays.copyOfRange(MoneyFlow.cmf(p, p, p, volume, 20), 19, 30))
                .containsOnly(0);
        assertThat(Arrays.copyOfRange(MoneyFlow.adosc(p, p, p, volume), 9, 30)).containsOnly(0);
        double[] high = {11, 12, 13};
        double[] low = {9, 10, 11};
        double[] close = {10.5, 11, 11.5};
        long[] none = new long[3];
        assertThat(MoneyFlow.ad(high, low, close, none)).containsOnly(0);
        assertThat(MoneyFlow.cmf(high, low, close, none, 2)).containsExactly(NaN, 0, 0);
    }

    @Test
    void seriesShorterThanTheWarmUpGiveAllNaN() {
        assertThat(MoneyFlow.cmf(HIGH, LOW, CLOSE, VOLUME, 5)).containsOnly(NaN);
        assertThat(MoneyFlow.adosc(HIGH, LOW, CLOSE, VOLUME)).containsOnly(NaN); // warm-up 9
        assertThat(MoneyFlow.adosc(HIGH, LOW, CLOSE, VOLUME, 2, 5)).containsOnly(NaN); // warm-up 4
    }

    @Test
    void badArgumentsAreRejectedWithTheUsualMessages() {
        assertThatThrownBy(() -> MoneyFlow.adosc(HIGH, LOW, CLOSE, VOLUME, 10, 3))
                .hasMessage("fast (10) must be less than slow (3)");
        assertThatThrownBy(() -> MoneyFlow.adosc(HIGH, LOW, CLOSE, VOLUME, 0, 3))
                .hasMessage("fast must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> MoneyFlow.cmf(HIGH, LOW, CLOSE, VOLUME, 5001))
                .hasMessage("period must be between 1 and 5000, got 5001");
        assertThatThrownBy(() -> MoneyFlow.ad(HIGH, LOW, CLOSE, new long[] {1, 2, -3, 4}))
                .hasMessage("volume[2] is -3: volumes must not be negative");
        assertThatThrownBy(() -> MoneyFlow.ad(HIGH, LOW, new double[] {1, 2, 3}, VOLUME))
                .hasMessage("high and close must have the same length, got 4 and 3");
        assertThatThrownBy(() -> MoneyFlow.ad(HIGH, new double[] {1, Double.POSITIVE_INFINITY, 1, 1}, CLOSE, VOLUME))
                .hasMessageStartingWith("low[1] is Infinity");
        double[] out = new double[4];
        assertThat(MoneyFlow.ad(HIGH, LOW, CLOSE, VOLUME, out)).isSameAs(out);
        assertThatThrownBy(() -> MoneyFlow.ad(HIGH, LOW, CLOSE, VOLUME, CLOSE))
                .hasMessage("out must not be the input array");
    }

    // ------------------------------------------------------------ through the catalog

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hma        | hma:20      | 22 | hma_20",
                "HMA:2      | hma:2       | 1  | hma_2",
                "kama       | kama:10     | 10 | kama_10",
                "zlema      | zlema:20    | 19 | zlema_20",
                "vwma:10    | vwma:10     | 9  | vwma_10",
                "ad         | ad          | 0  | ad",
                "cmf        | cmf:20      | 19 | cmf_20",
                "adosc      | adosc:3:10  | 9  | adosc_3_10",
                "adosc:2    | adosc:2:10  | 9  | adosc_2_10",
            })
    void theCatalogKnowsTheNewIndicatorsWithTheirDefaults(String spec, String canonical, int warmup, String column) {
        IndicatorSpec parsed = IndicatorCatalog.parse(spec);
        assertThat(parsed.canonical()).isEqualTo(canonical);
        assertThat(parsed.warmup()).isEqualTo(warmup);
        assertThat(parsed.columns()).containsExactly(column);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hma:1       | period | hma parameter 'period' must be an integer between 2 and 5000, got 1",
                "kama:0      | period | kama parameter 'period' must be an integer between 1 and 5000, got 0",
                "zlema:5001  | period | zlema parameter 'period' must be an integer between 1 and 5000, got 5001",
                "vwma:2.5    | period | vwma parameter 'period' must be an integer between 1 and 5000, got '2.5'",
                "cmf:        | period | cmf parameter 'period' must be an integer between 1 and 5000, got nothing",
                "adosc:10:3  | fast   | adosc parameter 'fast' (10) must be less than 'slow' (3)",
                "adosc:3:3   | fast   | adosc parameter 'fast' (3) must be less than 'slow' (3)",
                "adosc:3:0   | slow   | adosc parameter 'slow' must be an integer between 1 and 5000, got 0",
            })
    void theCatalogRejectsBadParametersNamingTheParameter(String spec, String parameter, String message) {
        assertThatThrownBy(() -> IndicatorCatalog.parse(spec))
                .isInstanceOfSatisfying(
                        InvalidIndicatorSpecException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessage(message);
    }

    @Test
    void theAdLineTakesNoParameters() {
        assertThatThrownBy(() -> IndicatorCatalog.parse("ad:3"))
                .isInstanceOf(InvalidIndicatorSpecException.class)
                .hasMessage("ad takes at most 0 parameters, got 1 in 'ad:3'");
    }

    @Test
    void theCatalogComputesTheSameColumnsAsTheFunctions() {
        BarColumns bars = BundledCsv.load("goog.csv").bars();
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        long[] v = bars.volume();
        Map<String, double[]> columns = IndicatorCatalog.parse("adosc").compute(bars);
        assertThat(columns.get("adosc_3_10")).containsExactly(MoneyFlow.adosc(h, l, c, v, 3, 10));
        assertThat(IndicatorCatalog.parse("ad").compute(bars).get("ad")).containsExactly(MoneyFlow.ad(h, l, c, v));
        assertThat(IndicatorCatalog.parse("cmf:21").compute(bars).get("cmf_21"))
                .containsExactly(MoneyFlow.cmf(h, l, c, v, 21));
        assertThat(IndicatorCatalog.parse("hma").compute(bars).get("hma_20"))
                .containsExactly(AdaptiveAverages.hma(c, 20));
        assertThat(IndicatorCatalog.parse("kama").compute(bars).get("kama_10"))
                .containsExactly(AdaptiveAverages.kama(c, 10));
        assertThat(IndicatorCatalog.parse("zlema:7").compute(bars).get("zlema_7"))
                .containsExactly(AdaptiveAverages.zlema(c, 7));
        assertThat(IndicatorCatalog.parse("vwma").compute(bars).get("vwma_20"))
                .containsExactly(AdaptiveAverages.vwma(c, v, 20));
    }
}
