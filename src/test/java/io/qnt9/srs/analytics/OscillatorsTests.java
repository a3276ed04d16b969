package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked cases, divide-by-zero values, short series and catalog wiring of {@link Oscillators}. */
class OscillatorsTests {

    private static final double EPS = 1e-12;

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static long[] volumes(int n, long value) {
        long[] out = new long[n];
        Arrays.fill(out, value);
        return out;
    }

    // ------------------------------------------------------------ MFI

    @Test
    void mfiSplitsEachBarsMoneyFlowByTheDirectionOfTheTypicalPrice() {
        // high = low = close, so the typical price is the close.
        double[] p = {10, 11, 10, 10, 12};
        long[] volume = {100, 200, 300, 400, 500};
        // flows: bar 1 up 11·200 = 2200; bar 2 down 10·300 = 3000; bar 3 unchanged (4000 counts nowhere);
        // bar 4 up 12·500 = 6000.
        double[] mfi = Oscillators.mfi(p, p, p, volume, 2);
        assertThat(mfi[0]).isNaN();
        assertThat(mfi[1]).isNaN();
        assertThat(mfi[2]).isCloseTo(100.0 * 2200 / (2200 + 3000), within(EPS)); // bars 1, 2
        assertThat(mfi[3]).isZero(); // bars 2, 3: only negative flow
        assertThat(mfi[4]).isEqualTo(100); // bars 3, 4: only positive flow
        assertThat(Oscillators.mfiWarmup(2)).isEqualTo(2);
    }

    @Test
    void mfiUsesTheTypicalPriceOfHighLowAndClose() {
        double[] high = {10, 13, 12};
        double[] low = {10, 9, 6};
        double[] close = {10, 11, 9};
        long[] volume = {0, 10, 30};
        // tp = 10, 11, 9: bar 1 up 11·10 = 110, bar 2 down 9·30 = 270
        assertThat(Oscillators.mfi(high, low, close, volume, 2)[2]).isCloseTo(100.0 * 110 / 380, within(EPS));
    }

    @Test
    void mfiIsTheMidpointWithoutAnyMoneyFlowAndExactAfterFlowsLeaveTheWindow() {
        double[] flat = constant(30, 25.5);
        assertThat(Arrays.copyOfRange(Oscillators.mfi(flat, flat, flat, volumes(30, 1000), 14), 14, 30))
                .containsOnly(50);
        double[] p = {10, 11, 12, 13, 14, 15, 16};
        long[] volume = {5, 5, 5, 0, 0, 0, 0};
        // From index 6 the window (bars 4..6) holds only zero volumes: exactly 50, no residue of the earlier sums.
        double[] mfi = Oscillators.mfi(p, p, p, volume, 3);
        assertThat(mfi[3]).isEqualTo(100);
        assertThat(mfi[6]).isEqualTo(50);
    }

    // ------------------------------------------------------------ Stochastic RSI

    @Test
    void stochRsiIsTheSmoothedStochasticOfTheRsi() {
        // RSI(1) is 100 after a rise, 0 after a fall and 50 after an unchanged close: 100, 100, 0, 50, 100 (i = 1..5).
        double[] close = {1, 2, 3, 2, 2, 3};
        // raw over 2 RSI values from i = 2: {100,100} flat → 50; {100,0} → 0; {0,50} → 100; {50,100} → 100.
        // %K = SMA2(raw) from i = 3: 25, 50, 100; %D = SMA2(%K) from i = 4: 37.5, 75.
        StochRsi s = Oscillators.stochRsi(close, 1, 2, 2, 2);
        assertThat(Oscillators.stochRsiKWarmup(1, 2, 2)).isEqualTo(3);
        assertThat(Oscillators.stochRsiWarmup(1, 2, 2, 2)).isEqualTo(4);
        assertThat(Arrays.copyOf(s.k(), 3)).containsOnly(Double.NaN);
        assertThat(Arrays.copyOfRange(s.k(), 3, 6)).containsExactly(25, 50, 100);
        assertThat(Arrays.copyOf(s.d(), 4)).containsOnly(Double.NaN);
        assertThat(Arrays.copyOfRange(s.d(), 4, 6)).containsExactly(37.5, 75);
        assertThat(Oscillators.stochRsiWarmup(14, 14, 3, 3)).isEqualTo(31);
    }

    @Test
    void stochRsiOfAFlatRsiWindowIsTheMidpoint() {
        // Constant prices (RSI 50 throughout) and steady rises (RSI 100 throughout) both leave HH = LL.
        double[] rising = new double[40];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = 100 + i;
        }
        for (double[] close : new double[][] {constant(40, 25.5), rising}) {
            StochRsi s = Oscillators.stochRsi(close, 14, 14, 3, 3);
            assertThat(Arrays.copyOfRange(s.k(), 29, 40)).containsOnly(50);
            assertThat(Arrays.copyOfRange(s.d(), 31, 40)).containsOnly(50);
        }
    }

    // ------------------------------------------------------------ PPO

    @Test
    void ppoIsTheMacdLineInPercentOfTheSlowEmaWithTaLibSeeding() {
        double[] close = {10, 20, 15, 30};
        // slow EMA(2), α = 2/3, seeded at index 1 with (10 + 20)/2 = 15; fast EMA(1) seeded there with 20.
        // i=1: 100·(20 − 15)/15 = 33.33…; i=2: slow (15 − 15)·2/3 + 15 = 15, fast 15 → 0;
        // i=3: slow (30 − 15)·2/3 + 15 = 25, fast 30 → 100·5/25 = 20.
        Ppo one = Oscillators.ppo(close, 1, 2, 1);
        assertThat(one.line()[0]).isNaN();
        assertThat(one.line()[1]).isCloseTo(100.0 / 3, within(EPS));
        assertThat(one.line()[2]).isCloseTo(0, within(EPS));
        assertThat(one.line()[3]).isCloseTo(20, within(EPS));
        // Signal(2) seeded at index 2 with the mean of the first two line values, (33.33 + 0)/2 = 16.67; then
        // α = 2/3: (20 − 16.67)·2/3 + 16.67 = 18.89; histogram = line − signal.
        Ppo two = Oscillators.ppo(close, 1, 2, 2);
        assertThat(Oscillators.ppoWarmup(1, 2, 2)).isEqualTo(2);
        assertThat(two.signal()[1]).isNaN();
        assertThat(two.signal()[2]).isCloseTo(50.0 / 3, within(EPS));
        assertThat(two.histogram()[2]).isCloseTo(-50.0 / 3, within(EPS));
        assertThat(two.signal()[3]).isCloseTo((20 - 50.0 / 3) * 2 / 3 + 50.0 / 3, within(EPS));
        assertThat(two.histogram()[3]).isCloseTo(20 - ((20 - 50.0 / 3) * 2 / 3 + 50.0 / 3), within(EPS));
        assertThat(Oscillators.ppoWarmup(12, 26, 9)).isEqualTo(33);
    }

    @Test
    void ppoIsZeroWhenTheSlowAverageIsZero() {
        Ppo ppo = Oscillators.ppo(constant(40, 0), 12, 26, 9);
        assertThat(Arrays.copyOfRange(ppo.line(), 33, 40)).containsOnly(0);
        assertThat(Arrays.copyOfRange(ppo.histogram(), 33, 40)).containsOnly(0);
    }

    // ------------------------------------------------------------ Awesome oscillator

    @Test
    void awesomeOscillatorIsTheFastMinusTheSlowMeanOfTheMedianPrice() {
        double[] median = {10, 12, 14, 13};
        double[] high = new double[4];
        double[] low = new double[4];
        for (int i = 0; i < 4; i++) {
            high[i] = median[i] + 1;
            low[i] = median[i] - 1;
        }
        // fast 1, slow 2: m[i] − (m[i−1] + m[i])/2 = (m[i] − m[i−1])/2 → 1, 1, −0.5
        double[] ao = Oscillators.awesomeOscillator(high, low, 1, 2);
        assertThat(ao[0]).isNaN();
        assertThat(Arrays.copyOfRange(ao, 1, 4)).containsExactly(1, 1, -0.5);
        assertThat(Oscillators.awesomeOscillatorWarmup(5, 34)).isEqualTo(33);
        double[] flat = constant(40, 25.5);
        assertThat(Arrays.copyOfRange(Oscillators.awesomeOscillator(flat, flat, 5, 34), 33, 40))
                .containsOnly(0);
    }

    // ------------------------------------------------------------ CMO

    @Test
    void cmoComparesTheSumsOfGainsAndLossesOfTheWindow() {
        double[] close = {10, 11, 10, 10, 12};
        // changes +1, −1, 0, +2; windows of 2: (+1, −1) → 0; (−1, 0) → −100; (0, +2) → 100
        double[] cmo = Oscillators.cmo(close, 2);
        assertThat(cmo[0]).isNaN();
        assertThat(cmo[1]).isNaN();
        assertThat(Arrays.copyOfRange(cmo, 2, 5)).containsExactly(0, -100, 100);
        // +2, −1: 100·(2 − 1)/(2 + 1)
        assertThat(Oscillators.cmo(new double[] {10, 12, 11}, 2)[2]).isCloseTo(100.0 / 3, within(EPS));
    }

    @Test
    void cmoOfAWindowWithoutChangeIsZeroExactly() {
        double[] close = {10, 10.1, 10.3, 10.3, 10.3, 10.3};
        // From index 5 the window (changes at 4, 5) has no change: 0, with no residue of 0.1 and 0.2.
        double[] cmo = Oscillators.cmo(close, 2);
        assertThat(cmo[2]).isEqualTo(100);
        assertThat(cmo[4]).isEqualTo(0);
        assertThat(cmo[5]).isEqualTo(0);
        assertThat(Arrays.copyOfRange(Oscillators.cmo(constant(30, 7), 14), 14, 30))
                .containsOnly(0);
    }

    // ------------------------------------------------------------ Bull Bear Power

    @Test
    void bullBearPowerMeasuresTheHighAndTheLowFromTheEma() {
        // EMA(3): seeded with the mean of the first three closes, then α = 1/2
        double[] close = {10, 11, 12, 14, 13};
        double[] high = {10.5, 11.5, 12.5, 15, 14};
        double[] low = {9.5, 10, 11, 13, 12};
        double e2 = (10 + 11 + 12) / 3.0;
        double e3 = e2 + 0.5 * (14 - e2);
        double e4 = e3 + 0.5 * (13 - e3);
        BullBearPower out = Oscillators.bullBearPower(high, low, close, 3);
        assertThat(out.bull())
                .containsExactly(new double[] {Double.NaN, Double.NaN, 12.5 - e2, 15 - e3, 14 - e4}, within(1e-12));
        assertThat(out.bear())
                .containsExactly(new double[] {Double.NaN, Double.NaN, 11 - e2, 13 - e3, 12 - e4}, within(1e-12));
        assertThat(out.power())
                .containsExactly(
                        new double[] {Double.NaN, Double.NaN, 23.5 - 2 * e2, 28 - 2 * e3, 26 - 2 * e4}, within(1e-12));
        assertThat(Oscillators.bullBearPowerWarmup(13)).isEqualTo(12);
        assertThat(Oscillators.bullBearPower(high, low, close, 6).bull()).containsOnly(Double.NaN);
        assertThatThrownBy(() -> Oscillators.bullBearPower(high, low, close, 3, BullBearPower.allocate(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ Ultimate oscillator

    @Test
    void ultimateOscillatorWeighsTheThreeBuyingPressureRatios4To2To1() {
        double[] high = {10, 11, 12, 12, 10};
        double[] low = {8, 9, 10, 11, 9};
        double[] close = {9, 10, 12, 11, 10};
        // bar 1: bp = 10 − min(9, 9) = 1, tr = max(2, |11 − 9|, |9 − 9|) = 2
        // bar 2: bp = 12 − min(10, 10) = 2, tr = max(2, 2, 0) = 2
        // bar 3: bp = 11 − min(11, 12) = 0, tr = max(1, |12 − 12|, |11 − 12|) = 1
        // bar 4: bp = 10 − min(9, 11) = 1, tr = max(1, |10 − 11|, |9 − 11|) = 2
        // i=3: a1 = 0/1, a2 = 2/3, a3 = 3/5 → 100·(0 + 4/3 + 3/5)/7 = 100·29/105
        // i=4: a1 = 1/2, a2 = 1/3, a3 = 3/5 → 100·(2 + 2/3 + 3/5)/7 = 100·7/15
        double[] u = Oscillators.ultimateOscillator(high, low, close, 1, 2, 3);
        assertThat(Arrays.copyOf(u, 3)).containsOnly(Double.NaN);
        assertThat(u[3]).isCloseTo(100.0 * 29 / 105, within(EPS));
        assertThat(u[4]).isCloseTo(100.0 * 7 / 15, within(EPS));
        assertThat(Oscillators.ultimateOscillatorWarmup(7, 14, 28)).isEqualTo(28);
    }

    @Test
    void ultimateOscillatorCountsAWindowWithoutTrueRangeAsTheMidpoint() {
        double[] flat = constant(40, 25.5);
        assertThat(Arrays.copyOfRange(Oscillators.ultimateOscillator(flat, flat, flat, 7, 14, 28), 28, 40))
                .containsOnly(50);
        // The last bar repeats the previous close with no range: the 1-bar window is flat (0.5), the others are not.
        double[] high = {10, 11, 12, 12, 12};
        double[] low = {8, 9, 10, 11, 12};
        double[] close = {9, 10, 12, 12, 12};
        // bars 1..4: bp 1, 2, 1, 0; tr 2, 2, 1, 0. i=4: a1 = 0.5 (flat), a2 = (1 + 0)/(1 + 0) = 1,
        // a3 = (2 + 1 + 0)/(2 + 1 + 0) = 1 → 100·(2 + 2 + 1)/7
        assertThat(Oscillators.ultimateOscillator(high, low, close, 1, 2, 3)[4]).isCloseTo(100.0 * 5 / 7, within(EPS));
    }

    // ------------------------------------------------------------ TRIX

    @Test
    void trixIsTheOneBarRateOfChangeOfTheTripleEmaWithTaLibSeeding() {
        double[] close = {1, 2, 3, 4, 5, 6};
        // period 2, α = 2/3. e1 seeded at 1 with (1 + 2)/2 = 1.5; e1[2] = (3 − 1.5)·2/3 + 1.5 = 2.5;
        // e2 seeded at 2 with (1.5 + 2.5)/2 = 2; e1[3] = 3.5, e2[3] = (3.5 − 2)·2/3 + 2 = 3;
        // e3 seeded at 3 with (2 + 3)/2 = 2.5; e1[4] = 4.5, e2[4] = 4, e3[4] = (4 − 2.5)·2/3 + 2.5 = 3.5;
        // e1[5] = 5.5, e2[5] = 5, e3[5] = 4.5. TRIX[4] = 100·(3.5/2.5 − 1) = 40, TRIX[5] = 100·(4.5/3.5 − 1).
        double[] trix = Oscillators.trix(close, 2);
        assertThat(Oscillators.trixWarmup(2)).isEqualTo(4);
        assertThat(Arrays.copyOf(trix, 4)).containsOnly(Double.NaN);
        assertThat(trix[4]).isCloseTo(40, within(EPS));
        assertThat(trix[5]).isCloseTo(100 * (4.5 / 3.5 - 1), within(EPS));
        assertThat(Oscillators.trixWarmup(30)).isEqualTo(88);
        // Constant prices: 0; a zero triple EMA: 0, not NaN.
        assertThat(Arrays.copyOfRange(Oscillators.trix(constant(100, 25.5), 30), 88, 100))
                .containsOnly(0);
        assertThat(Arrays.copyOfRange(Oscillators.trix(constant(100, 0), 30), 88, 100))
                .containsOnly(0);
    }

    // ------------------------------------------------------------ edges and validation

    @Test
    void seriesShorterThanTheWarmUpAreAllNaNWithoutAnException() {
        double[] p = {1, 2, 3};
        long[] v = {1, 1, 1};
        assertThat(Oscillators.mfi(p, p, p, v, 3)).containsOnly(Double.NaN);
        assertThat(Oscillators.stochRsi(p, 2, 2, 1, 1).k()).containsOnly(Double.NaN);
        assertThat(Oscillators.ppo(p, 2, 3, 2).line()).containsOnly(Double.NaN);
        assertThat(Oscillators.awesomeOscillator(p, p, 1, 4)).containsOnly(Double.NaN);
        assertThat(Oscillators.cmo(p, 3)).containsOnly(Double.NaN);
        assertThat(Oscillators.ultimateOscillator(p, p, p, 1, 2, 3)).containsOnly(Double.NaN);
        assertThat(Oscillators.trix(p, 2)).containsOnly(Double.NaN);
        assertThat(Oscillators.trix(new double[0], 2)).isEmpty();
    }

    @Test
    void badArgumentsAreRejectedNamingTheArgument() {
        double[] p = {1, 2, 3};
        long[] v = {1, 1, 1};
        assertThatThrownBy(() -> Oscillators.mfi(p, p, p, new long[] {1, -1, 1}, 2))
                .hasMessage("volume[1] is -1: volumes must not be negative");
        assertThatThrownBy(() -> Oscillators.mfi(p, p, p, new long[2], 2))
                .hasMessage("close and volume must have the same length, got 3 and 2");
        assertThatThrownBy(() -> Oscillators.cmo(new double[] {1, Double.NaN}, 2))
                .hasMessageStartingWith("values[1] is NaN");
        assertThatThrownBy(() -> Oscillators.trix(p, 0)).hasMessage("period must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> Oscillators.ppo(p, 26, 12, 9)).hasMessage("fast (26) must be less than slow (12)");
        assertThatThrownBy(() -> Oscillators.awesomeOscillator(p, p, 5, 5))
                .hasMessage("fast (5) must be less than slow (5)");
        assertThatThrownBy(() -> Oscillators.ultimateOscillator(p, p, p, 14, 7, 28))
                .hasMessage("periods must ascend, got 14, 7, 28");
        assertThatThrownBy(() -> Oscillators.stochRsi(p, 14, 14, 0, 3))
                .hasMessage("kPeriod must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> Oscillators.mfi(p, p, p, v, 2, p)).hasMessage("out must not be the input array");
    }

    // ------------------------------------------------------------ catalog

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mfi          | mfi:14          | 14 | mfi_14",
                "stochrsi     | stochrsi:14:14:3:3 | 31 | stochrsi_k_14_14_3_3 stochrsi_d_14_14_3_3",
                "stochrsi:14:5:1:3 | stochrsi:14:5:1:3 | 20 | stochrsi_k_14_5_1_3 stochrsi_d_14_5_1_3",
                "ppo          | ppo:12:26:9     | 33 | ppo_12_26_9 ppo_signal_12_26_9 ppo_hist_12_26_9",
                "ao           | ao:5:34         | 33 | ao_5_34",
                "cmo          | cmo:14          | 14 | cmo_14",
                "ultosc       | ultosc:7:14:28  | 28 | ultosc_7_14_28",
                "ultosc:7:7:7 | ultosc:7:7:7    | 7  | ultosc_7_7_7",
                "TRIX         | trix:30         | 88 | trix_30",
            })
    void parsesTheOscillatorSpecsWithDefaultsWarmUpsAndColumns(
            String spec, String canonical, int warmup, String columns) {
        IndicatorSpec parsed = IndicatorCatalog.parse(spec);
        assertThat(parsed.canonical()).isEqualTo(canonical);
        assertThat(parsed.warmup()).isEqualTo(warmup);
        assertThat(parsed.columns()).containsExactly(columns.split(" "));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mfi:0          | period | mfi parameter 'period' must be an integer between 1 and 5000, got 0",
                "stochrsi:14:14:0 | k    | stochrsi parameter 'k' must be an integer between 1 and 5000, got 0",
                "ppo:26:12      | fast   | ppo parameter 'fast' (26) must be less than 'slow' (12)",
                "ppo:12:26:9:1  |        | ppo takes at most 3 parameters (fast, slow, signal), got 4 in 'ppo:12:26:9:1'",
                "ao:34:5        | fast   | ao parameter 'fast' (34) must be less than 'slow' (5)",
                "cmo:5001       | period | cmo parameter 'period' must be an integer between 1 and 5000, got 5001",
                "ultosc:14:7:28 | short  | ultosc parameter 'short' (14) must not exceed 'medium' (7)",
                "ultosc:7:28:14 | short  | ultosc parameter 'medium' (28) must not exceed 'long' (14)",
                "trix:1.5       | period | trix parameter 'period' must be an integer between 1 and 5000, got '1.5'",
            })
    void badOscillatorParametersAreRejectedWithAClearMessage(String spec, String parameter, String message) {
        assertThatThrownBy(() -> IndicatorCatalog.parse(spec))
                .isInstanceOfSatisfying(InvalidIndicatorSpecException.class, e -> {
                    if (parameter != null) {
                        assertThat(e.parameter()).isEqualTo(parameter);
                    }
                })
                .hasMessage(message);
    }

    @Test
    void theCatalogComputesTheSameColumnsAsTheFunctions() {
        BarColumns bars = BundledCsv.load("aapl.csv").bars();
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        Map<String, double[]> stochRsi = IndicatorCatalog.parse("stochrsi").compute(bars);
        StochRsi direct = Oscillators.stochRsi(c, 14, 14, 3, 3);
        assertThat(stochRsi.get("stochrsi_k_14_14_3_3")).containsExactly(direct.k());
        assertThat(stochRsi.get("stochrsi_d_14_14_3_3")).containsExactly(direct.d());
        Map<String, double[]> ppo = IndicatorCatalog.parse("ppo").compute(bars);
        Ppo ppoDirect = Oscillators.ppo(c, 12, 26, 9);
        assertThat(ppo.get("ppo_12_26_9")).containsExactly(ppoDirect.line());
        assertThat(ppo.get("ppo_signal_12_26_9")).containsExactly(ppoDirect.signal());
        assertThat(ppo.get("ppo_hist_12_26_9")).containsExactly(ppoDirect.histogram());
        assertThat(IndicatorCatalog.parse("mfi").compute(bars).get("mfi_14"))
                .containsExactly(Oscillators.mfi(h, l, c, bars.volume(), 14));
        assertThat(IndicatorCatalog.parse("ao").compute(bars).get("ao_5_34"))
                .containsExactly(Oscillators.awesomeOscillator(h, l, 5, 34));
        assertThat(IndicatorCatalog.parse("cmo").compute(bars).get("cmo_14")).containsExactly(Oscillators.cmo(c, 14));
        assertThat(IndicatorCatalog.parse("ultosc").compute(bars).get("ultosc_7_14_28"))
                .containsExactly(Oscillators.ultimateOscillator(h, l, c, 7, 14, 28));
        assertThat(IndicatorCatalog.parse("trix").compute(bars).get("trix_30"))
                .containsExactly(Oscillators.trix(c, 30));
    }

    @Test
    void valuesStayInTheirRangesOnRealSeries() {
        for (String file : BundledCsv.FILES) {
            BarColumns b = BundledCsv.load(file).bars();
            for (double[] column : new double[][] {
                Oscillators.mfi(b.high(), b.low(), b.close(), b.volume(), 14),
                Oscillators.stochRsi(b.close(), 14, 14, 3, 3).k(),
                Oscillators.stochRsi(b.close(), 14, 14, 3, 3).d(),
                Oscillators.ultimateOscillator(b.high(), b.low(), b.close(), 7, 14, 28)
            }) {
                assertThat(Arrays.stream(column).filter(v -> !Double.isNaN(v)))
                        .allSatisfy(v -> assertThat(v).isBetween(-1e-9, 100 + 1e-9));
            }
            assertThat(Arrays.stream(Oscillators.cmo(b.close(), 14)).filter(v -> !Double.isNaN(v)))
                    .allSatisfy(v -> assertThat(v).isBetween(-100.0, 100.0));
        }
    }
}
