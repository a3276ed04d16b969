package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked cases, warm-ups, flat prices and argument checks for {@link Trend}. */
class TrendTests {

    private static final double EPS = 1e-10;
    private static final double NaN = Double.NaN;

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    // ------------------------------------------------------------ Parabolic SAR

    @Test
    void psarFollowsWilderStepByStepThroughAReversalEachWay() {
        // acceleration 0.1, maximum 0.2 keep the arithmetic short.
        double[] high = {10, 11, 12, 13, 12, 11, 12.5};
        double[] low = {8, 9, 10, 11, 9.5, 9, 11};
        // Bars 0-1: +DM = 11 - 10 = 1, -DM = 8 - 9 < 0, so long; SAR[1] = low[0] = 8, ep = high[1] = 11, af = 0.1.
        // Bar 1: low 9 > 8, no new high; next SAR = 8 + 0.1·(11 − 8) = 8.3 (below lows 9, 9).
        // Bar 2: low 10 > 8.3; new high 12: ep = 12, af = 0.2; next = 8.3 + 0.2·(12 − 8.3) = 9.04, capped at the
        //        lows of bars 1 and 2 → 9.
        // Bar 3: low 11 > 9; new high 13: ep = 13, af = min(0.4, 0.2); next = 9 + 0.2·(13 − 9) = 9.8 (lows 10, 11).
        // Bar 4: low 9.5 ≤ 9.8 → short. SAR[4] = old ep 13 (not below the highs 13, 12); af = 0.1, ep = 9.5;
        //        next = 13 + 0.1·(9.5 − 13) = 12.65, floored at the highs of bars 3 and 4 → 13.
        // Bar 5: high 11 < 13, SAR[5] = 13; new low 9: ep = 9, af = 0.2; next = 13 + 0.2·(9 − 13) = 12.2 (highs
        //        12, 11).
        // Bar 6: high 12.5 ≥ 12.2 → long. SAR[6] = old ep 9 (not above the lows 9, 11).
        double[] out = Trend.psar(high, low, 0.1, 0.2);
        assertThat(out).containsExactly(new double[] {NaN, 8, 8.3, 9, 13, 13, 9}, within(EPS));
    }

    @Test
    void psarStartsShortWhenTheDownMoveOfTheFirstTwoBarsIsTheLargerOne() {
        // +DM = 9.5 − 10 < 0, −DM = 8 − 7 = 1 → short, SAR[1] = high[0] = 10 (high[1] 9.5 does not reach it).
        assertThat(Trend.psar(new double[] {10, 9.5}, new double[] {8, 7}, 0.02, 0.2))
                .containsExactly(NaN, 10);
        // +DM = −DM = 1: TA-Lib starts long only when −DM is not the larger one, so long with SAR low[0] = 8; bar 1's
        // low 7 already touches it, so bar 1 reverses at once to the old extreme point high[1] = 11.
        assertThat(Trend.psar(new double[] {10, 11}, new double[] {8, 7}, 0.02, 0.2))
                .containsExactly(NaN, 11);
    }

    @Test
    void psarOfConstantPricesIsThePriceAndShortSeriesAreNaN() {
        // Flat bars: long start with SAR = low[0] = 5, touched by every low, so it flips each bar at the price.
        double[] flat = constant(10, 5);
        double[] out = Trend.psar(flat, flat, 0.02, 0.2);
        Tolerance.assertWarmup("psar", out, 1);
        assertThat(Arrays.copyOfRange(out, 1, 10)).containsOnly(5);
        assertThat(Trend.psar(new double[] {3}, new double[] {2}, 0.02, 0.2)).containsExactly(NaN);
        assertThat(Trend.psar(new double[0], new double[0], 0.02, 0.2)).isEmpty();
    }

    @Test
    void psarChecksItsArguments() {
        double[] h = {2, 3};
        double[] l = {1, 2};
        assertThatThrownBy(() -> Trend.psar(h, l, 0, 0.2))
                .hasMessage("acceleration must be a finite number greater than 0, got 0.0");
        assertThatThrownBy(() -> Trend.psar(h, l, 0.3, 0.2))
                .hasMessage("maximum must be a finite number at least acceleration (0.3), got 0.2");
        assertThatThrownBy(() -> Trend.psar(h, l, 0.02, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trend.psar(h, new double[] {1}, 0.02, 0.2))
                .hasMessage("high and low must have the same length, got 2 and 1");
        assertThatThrownBy(() -> Trend.psar(h, new double[] {1, NaN}, 0.02, 0.2))
                .hasMessageStartingWith("low[1] is NaN");
        assertThatThrownBy(() -> Trend.psar(h, l, 0.02, 0.2, h)).hasMessage("out must not be the input array");
    }

    // ------------------------------------------------------------ Aroon

    @Test
    void aroonCountsBarsSinceTheExtremesOfThePeriodPlusOneWindowTakingTheLatestOnTies() {
        double[] high = {1, 3, 2, 3, 1, 0};
        double[] low = {5, 4, 6, 4.5, 3, 7};
        Aroon out = Trend.aroon(high, low, 3);
        // Bar 3, window 0..3: highs 1 3 2 3 → the latest 3 is bar 3 (0 bars ago): up = 100·(3 − 0)/3 = 100;
        //        lows 5 4 6 4.5 → 4 at bar 1 (2 bars ago): down = 100·(3 − 2)/3.
        // Bar 4, window 1..4: highest 3 at bar 3 (1 ago): up = 100·2/3; lowest 3 at bar 4: down = 100.
        // Bar 5, window 2..5: highest 3 at bar 3 (2 ago): up = 100/3; lowest 3 at bar 4 (1 ago): down = 100·2/3.
        assertThat(out.up()).containsExactly(new double[] {NaN, NaN, NaN, 100, 200 / 3.0, 100 / 3.0}, within(EPS));
        assertThat(out.down()).containsExactly(new double[] {NaN, NaN, NaN, 100 / 3.0, 100, 200 / 3.0}, within(EPS));
        assertThat(out.oscillator())
                .containsExactly(new double[] {NaN, NaN, NaN, 200 / 3.0, -100 / 3.0, -100 / 3.0}, within(EPS));
    }

    @Test
    void aroonRescansWhenTheExtremeLeavesTheWindow() {
        // Falling highs: the highest high is always the oldest bar of the window, which leaves it on the next bar.
        double[] high = {10, 9, 8, 7, 6};
        double[] low = {1, 1, 1, 1, 1};
        Aroon out = Trend.aroon(high, low, 2);
        // Each window i−2..i has its highest high 2 bars ago: up = 0; the flat lows tie, the latest wins: down = 100.
        assertThat(Arrays.copyOfRange(out.up(), 2, 5)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out.down(), 2, 5)).containsOnly(100);
        assertThat(Arrays.copyOfRange(out.oscillator(), 2, 5)).containsOnly(-100);
    }

    @Test
    void aroonOfConstantPricesIsHundredBothWaysAndShortSeriesAreNaN() {
        double[] flat = constant(20, 4);
        Aroon out = Trend.aroon(flat, flat, 14);
        Tolerance.assertWarmup("aroon up", out.up(), 14);
        assertThat(Arrays.copyOfRange(out.up(), 14, 20)).containsOnly(100);
        assertThat(Arrays.copyOfRange(out.down(), 14, 20)).containsOnly(100);
        assertThat(Arrays.copyOfRange(out.oscillator(), 14, 20)).containsOnly(0);
        Aroon shortSeries = Trend.aroon(constant(14, 4), constant(14, 4), 14);
        assertThat(shortSeries.up()).containsOnly(NaN);
        assertThat(shortSeries.oscillator()).containsOnly(NaN);
        assertThatThrownBy(() -> Trend.aroon(flat, flat, 0)).hasMessage("period must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> Trend.aroon(flat, flat, 2, Aroon.allocate(3)))
                .hasMessage("out column must have length 20, got 3");
    }

    // ------------------------------------------------------------ Keltner

    @Test
    void keltnerBandsAreTheEmaOfTheCloseAndMultiplesOfTheWilderAtr() {
        double[] high = {11, 12, 13, 12};
        double[] low = {9, 10, 11, 9};
        double[] close = {10, 11, 12, 11};
        KeltnerChannel out = Trend.keltner(high, low, close, 2, 2, 2);
        // EMA(2), α = 2/3: seed at bar 1 = (10 + 11)/2 = 10.5; bar 2: 10.5 + 2/3·(12 − 10.5) = 11.5;
        //        bar 3: 11.5 + 2/3·(11 − 11.5) = 11.5 − 1/3.
        // TR: bar 1 max(2, |12 − 10|, |10 − 10|) = 2; bar 2 max(2, 2, 0) = 2; bar 3 max(3, 0, |9 − 12|) = 3.
        // ATR(2): bar 2 = (2 + 2)/2 = 2; bar 3 = (2·1 + 3)/2 = 2.5. Warm-up max(1, 2) = 2.
        double m3 = 11.5 - 1 / 3.0;
        assertThat(out.middle()).containsExactly(new double[] {NaN, NaN, 11.5, m3}, within(EPS));
        assertThat(out.upper()).containsExactly(new double[] {NaN, NaN, 11.5 + 4, m3 + 5}, within(EPS));
        assertThat(out.lower()).containsExactly(new double[] {NaN, NaN, 11.5 - 4, m3 - 5}, within(EPS));
        assertThat(Trend.keltnerWarmup(20, 10)).isEqualTo(19);
        assertThat(Trend.keltnerWarmup(5, 10)).isEqualTo(10);
    }

    @Test
    void keltnerOfConstantPricesCollapsesToThePriceAndShortSeriesAreNaN() {
        double[] flat = constant(30, 8.25);
        KeltnerChannel out = Trend.keltner(flat, flat, flat, 20, 10, 2);
        Tolerance.assertWarmup("keltner upper", out.upper(), 19);
        Tolerance.assertWarmup("keltner middle", out.middle(), 19);
        assertThat(Arrays.copyOfRange(out.upper(), 19, 30)).containsOnly(8.25);
        assertThat(Arrays.copyOfRange(out.lower(), 19, 30)).containsOnly(8.25);
        KeltnerChannel shortSeries = Trend.keltner(constant(19, 1), constant(19, 1), constant(19, 1), 20, 10, 2);
        assertThat(shortSeries.middle()).containsOnly(NaN);
        assertThatThrownBy(() -> Trend.keltner(flat, flat, flat, 20, 10, 0))
                .hasMessage("multiplier must be a finite number greater than 0, got 0.0");
        assertThatThrownBy(() -> Trend.keltner(flat, flat, flat, 20, 0, 2))
                .hasMessage("atrPeriod must be between 1 and 5000, got 0");
    }

    // ------------------------------------------------------------ SuperTrend

    @Test
    void superTrendCarriesTheFinalBandsAndFlipsWhenTheCloseCrossesThem() {
        // Period 1 (ATR = true range), multiplier 1.
        double[] high = {10, 11, 12, 13.5, 13, 11.5};
        double[] low = {9, 10, 11, 12, 11, 10};
        double[] close = {9.5, 10.5, 11.8, 13.2, 11.2, 10.2};
        SuperTrend out = Trend.superTrend(high, low, close, 1, 1);
        // Bar 1: TR = max(1, |11 − 9.5|, |10 − 9.5|) = 1.5, hl2 10.5 → bands 12 / 9; first bar: down-trend, line 12.
        // Bar 2: TR 1.5, hl2 11.5 → basic 13 / 10. Upper: 13 is not below 12 and the previous close 10.5 is not
        //        above 12 → keeps 12. Lower: 10 > 9 → 10. On the upper band, close 11.8 ≤ 12 → still down, line 12.
        // Bar 3: TR = max(1.5, |13.5 − 11.8|, |12 − 11.8|) = 1.7, hl2 12.75 → basic 14.45 / 11.05; upper keeps 12,
        //        lower 11.05 > 10 → 11.05. Close 13.2 > 12 → up-trend, line = lower = 11.05.
        // Bar 4: TR = max(2, 0.2, |11 − 13.2|) = 2.2, hl2 12 → basic 14.2 / 9.8. Upper: previous close 13.2 > 12 →
        //        resets to 14.2. Lower: 9.8 is not above 11.05, previous close not below it → keeps 11.05. On the lower
        //        band, close 11.2 ≥ 11.05 → still up, line 11.05.
        // Bar 5: TR = max(1.5, 0.3, 1.2) = 1.5, hl2 10.75 → basic 12.25 / 9.25. Upper: 12.25 < 14.2 → 12.25; lower
        //        keeps 11.05. Close 10.2 < 11.05 → down-trend, line = upper = 12.25.
        assertThat(out.line()).containsExactly(new double[] {NaN, 12, 12, 11.05, 11.05, 12.25}, within(EPS));
        assertThat(out.direction()).containsExactly(NaN, -1, -1, 1, 1, -1);
    }

    @Test
    void superTrendOfConstantPricesIsADownTrendAtThePriceAndShortSeriesAreNaN() {
        double[] flat = constant(30, 2.5);
        SuperTrend out = Trend.superTrend(flat, flat, flat, 10, 3);
        Tolerance.assertWarmup("supertrend", out.line(), 10);
        Tolerance.assertWarmup("direction", out.direction(), 10);
        assertThat(Arrays.copyOfRange(out.line(), 10, 30)).containsOnly(2.5);
        assertThat(Arrays.copyOfRange(out.direction(), 10, 30)).containsOnly(-1);
        SuperTrend shortSeries = Trend.superTrend(constant(10, 1), constant(10, 1), constant(10, 1), 10, 3);
        assertThat(shortSeries.line()).containsOnly(NaN);
        assertThat(shortSeries.direction()).containsOnly(NaN);
        assertThatThrownBy(() -> Trend.superTrend(flat, flat, flat, 10, Double.NaN))
                .hasMessage("multiplier must be a finite number greater than 0, got NaN");
        assertThatThrownBy(() -> Trend.superTrend(flat, flat, flat, 10, 3, new SuperTrend(flat, new double[30])))
                .hasMessage("out column must not be the input array");
    }

    // ------------------------------------------------------------ Ichimoku

    @Test
    void ichimokuLinesAreWindowMidpointsAndTheSpansAreShiftedForwardByKijunMinusOne() {
        double[] high = {15, 12, 11, 14, 13, 15, 16, 14};
        double[] low = {8, 9, 7, 10, 11, 12, 13, 12};
        Ichimoku out = Trend.ichimoku(high, low, 2, 3, 4);
        // tenkan (2 bars): bar 1 (15 + 8)/2 = 11.5; bar 2 (12 + 7)/2 = 9.5; bar 3 (14 + 7)/2 = 10.5; bar 4 (14 + 10)/2
        //        = 12; bar 5 (15 + 11)/2 = 13; bar 6 (16 + 12)/2 = 14; bar 7 (16 + 12)/2 = 14.
        assertThat(out.tenkan()).containsExactly(new double[] {NaN, 11.5, 9.5, 10.5, 12, 13, 14, 14}, within(EPS));
        // kijun (3 bars): bar 2 (15 + 7)/2 = 11; bar 3 (14 + 7)/2 = 10.5; bar 4 (14 + 7)/2 = 10.5; bar 5 (15 + 10)/2
        //        = 12.5; bar 6 (16 + 11)/2 = 13.5; bar 7 (16 + 12)/2 = 14.
        assertThat(out.kijun()).containsExactly(new double[] {NaN, NaN, 11, 10.5, 10.5, 12.5, 13.5, 14}, within(EPS));
        // Displacement kijun − 1 = 2 bars. Span A as computed: bar 2 (9.5 + 11)/2 = 10.25, bar 3 (10.5 + 10.5)/2 =
        // 10.5, bar 4 (12 + 10.5)/2 = 11.25, bar 5 (13 + 12.5)/2 = 12.75; shown 2 bars later, at bars 4, 5, 6, 7.
        assertThat(out.senkouA())
                .containsExactly(new double[] {NaN, NaN, NaN, NaN, 10.25, 10.5, 11.25, 12.75}, within(EPS));
        // Span B (4 bars) as computed: bar 3 (max 15,12,11,14 = 15; min 8,9,7,10 = 7) → 11; bar 4 (max 12,11,14,13 =
        // 14; min 9,7,10,11 = 7) → 10.5; bar 5 (max 11,14,13,15 = 15; min 7,10,11,12 = 7) → 11; shown at bars 5, 6, 7.
        assertThat(out.senkouB()).containsExactly(new double[] {NaN, NaN, NaN, NaN, NaN, 11, 10.5, 11}, within(EPS));
        // Warm-ups: A = max(2, 3) − 1 + (3 − 1) = 4; B = 4 − 1 + (3 − 1) = 5; defaults A = 26 − 1 + 25 = 50,
        // B = 52 − 1 + 25 = 76.
        assertThat(Trend.senkouAWarmup(2, 3)).isEqualTo(4);
        assertThat(Trend.senkouBWarmup(3, 4)).isEqualTo(5);
        assertThat(Trend.ichimokuWarmup(2, 3, 4)).isEqualTo(5);
        assertThat(Trend.ichimokuWarmup(9, 26, 52)).isEqualTo(76);
        assertThat(Trend.senkouAWarmup(9, 26)).isEqualTo(50);
        assertThat(Trend.senkouBWarmup(26, 52)).isEqualTo(76);
    }

    @Test
    void ichimokuWithKijunOneHasNoDisplacement() {
        double[] high = {15, 12, 11, 14};
        double[] low = {8, 9, 7, 10};
        Ichimoku out = Trend.ichimoku(high, low, 1, 1, 2);
        // tenkan = kijun = (high + low)/2 of the bar itself: (15 + 8)/2 = 11.5, (12 + 9)/2 = 10.5, (11 + 7)/2 = 9,
        // (14 + 10)/2 = 12; span A = (tenkan + kijun)/2 of the same bar, displaced by 1 − 1 = 0 bars.
        assertThat(out.tenkan()).containsExactly(new double[] {11.5, 10.5, 9, 12}, within(EPS));
        assertThat(out.senkouA()).containsExactly(new double[] {11.5, 10.5, 9, 12}, within(EPS));
        // Span B (2 bars), not displaced: bar 1 (max 15,12 = 15; min 8,9 = 8) → 11.5; bar 2 (12; 7) → 9.5;
        // bar 3 (14; 7) → 10.5.
        assertThat(out.senkouB()).containsExactly(new double[] {NaN, 11.5, 9.5, 10.5}, within(EPS));
        // Warm-ups: A = max(1, 1) − 1 + 0 = 0; B = 2 − 1 + 0 = 1.
        assertThat(Trend.senkouAWarmup(1, 1)).isZero();
        assertThat(Trend.ichimokuWarmup(1, 1, 2)).isEqualTo(1);
    }

    @Test
    void ichimokuOfConstantPricesIsThePriceAndShortSeriesAreNaN() {
        double[] flat = constant(90, 7);
        Ichimoku out = Trend.ichimoku(flat, flat, 9, 26, 52);
        Tolerance.assertWarmup("tenkan", out.tenkan(), 8);
        Tolerance.assertWarmup("kijun", out.kijun(), 25);
        Tolerance.assertWarmup("senkou A", out.senkouA(), 50);
        Tolerance.assertWarmup("senkou B", out.senkouB(), 76);
        assertThat(Arrays.copyOfRange(out.senkouA(), 50, 90)).containsOnly(7);
        assertThat(Arrays.copyOfRange(out.senkouB(), 76, 90)).containsOnly(7);
        Ichimoku shortSeries = Trend.ichimoku(constant(76, 1), constant(76, 1), 9, 26, 52);
        assertThat(shortSeries.senkouB()).containsOnly(NaN);
        Tolerance.assertWarmup("short tenkan", shortSeries.tenkan(), 8);
        Ichimoku tiny = Trend.ichimoku(new double[] {2}, new double[] {1}, 9, 26, 52);
        assertThat(tiny.tenkan()).containsExactly(NaN);
        assertThat(tiny.senkouA()).containsExactly(NaN);
        assertThatThrownBy(() -> Trend.ichimoku(flat, flat, 9, 0, 52))
                .hasMessage("kijun must be between 1 and 5000, got 0");
    }

    // ------------------------------------------------------------ catalog

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "psar           | psar:0.02:0.2      | 1  | psar_0.02_0.2",
                "psar:0.01:0.1  | psar:0.01:0.1      | 1  | psar_0.01_0.1",
                "aroon          | aroon:14           | 14 | aroon_up_14 aroon_down_14 aroon_osc_14",
                "keltner        | keltner:20:10:2    | 19 | keltner_upper_20_10_2 keltner_middle_20_10_2 keltner_lower_20_10_2",
                "keltner:5:10:1.5 | keltner:5:10:1.5 | 10 | keltner_upper_5_10_1.5 keltner_middle_5_10_1.5 keltner_lower_5_10_1.5",
                "supertrend     | supertrend:10:3    | 10 | supertrend_10_3 supertrend_direction_10_3",
                "ichimoku       | ichimoku:9:26:52   | 76 | ichimoku_tenkan_9_26_52 ichimoku_kijun_9_26_52 ichimoku_senkou_a_9_26_52 ichimoku_senkou_b_9_26_52",
            })
    void catalogParsesTheTrendSpecsWithTheirDefaultsWarmUpsAndColumns(
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
                "psar:0.3:0.2     | acceleration | psar parameter 'acceleration' (0.3) must not exceed 'maximum' (0.2)",
                "psar:0:0.2       | acceleration | psar parameter 'acceleration' must be a number between 0.001 and 1, got 0",
                "psar:0.02:2      | maximum      | psar parameter 'maximum' must be a number between 0.001 and 1, got 2",
                "aroon:0          | period       | aroon parameter 'period' must be an integer between 1 and 5000, got 0",
                "keltner:20:10:0  | multiplier   | keltner parameter 'multiplier' must be a number between 0.1 and 10, got 0",
                "keltner:20:0     | atr          | keltner parameter 'atr' must be an integer between 1 and 5000, got 0",
                "supertrend:10:11 | multiplier   | supertrend parameter 'multiplier' must be a number between 0.1 and 10, got 11",
                "ichimoku:9:26:x  | senkou       | ichimoku parameter 'senkou' must be an integer between 1 and 5000, got 'x'",
            })
    void catalogRejectsBadTrendParametersNamingTheParameter(String spec, String parameter, String message) {
        assertThatThrownBy(() -> IndicatorCatalog.parse(spec))
                .isInstanceOfSatisfying(
                        InvalidIndicatorSpecException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessage(message);
    }

    @Test
    void catalogComputesTheDocumentedFunctionsAndIgnoresVolume() {
        BundledCsv csv = BundledCsv.load("goog.csv");
        BarColumns bars = csv.bars();
        BarColumns noVolume = new BarColumns(bars.open(), bars.high(), bars.low(), bars.close(), new long[bars.size()]);
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        for (BarColumns b : new BarColumns[] {bars, noVolume}) {
            assertThat(IndicatorCatalog.parse("psar").compute(b).get("psar_0.02_0.2"))
                    .containsExactly(Trend.psar(h, l, 0.02, 0.2));
            Map<String, double[]> aroon = IndicatorCatalog.parse("aroon:25").compute(b);
            assertThat(aroon.get("aroon_osc_25"))
                    .containsExactly(Trend.aroon(h, l, 25).oscillator());
            Map<String, double[]> keltner = IndicatorCatalog.parse("keltner").compute(b);
            assertThat(keltner.get("keltner_lower_20_10_2"))
                    .containsExactly(Trend.keltner(h, l, c, 20, 10, 2).lower());
            Map<String, double[]> st = IndicatorCatalog.parse("supertrend").compute(b);
            SuperTrend direct = Trend.superTrend(h, l, c, 10, 3);
            assertThat(st.get("supertrend_10_3")).containsExactly(direct.line());
            assertThat(st.get("supertrend_direction_10_3")).containsExactly(direct.direction());
            Map<String, double[]> ichimoku = IndicatorCatalog.parse("ichimoku").compute(b);
            Ichimoku cloud = Trend.ichimoku(h, l, 9, 26, 52);
            assertThat(ichimoku.get("ichimoku_senkou_a_9_26_52")).containsExactly(cloud.senkouA());
            assertThat(ichimoku.get("ichimoku_senkou_b_9_26_52")).containsExactly(cloud.senkouB());
        }
    }
}
