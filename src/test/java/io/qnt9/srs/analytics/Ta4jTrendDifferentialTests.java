package io.qnt9.srs.analytics;

import static io.qnt9.srs.analytics.Tolerance.assertSeriesClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanAIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanBIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendLowerBandIndicator;

/**
 * {@link Trend} against ta4j 0.17 ({@code DoubleNum}) and {@link TrendReference} on the four bundled real series, with
 * the tolerances of {@link Ta4jDifferentialTests}.
 *
 * <ul>
 *   <li>Aroon, ichimoku tenkan/kijun: same convention as ta4j, compared from our warm-up on (ta4j gives partial-window
 *       values before it).
 *   <li>Ichimoku senkou spans: ta4j and we both displace by {@code kijun − 1} = 25 bars (ta4j reads the lines at
 *       {@code i − offset + 1}), so they are compared at the same index from our warm-up on.
 *   <li>Keltner and SuperTrend: ta4j's EMA and ATR are seeded at bar 0 and converge geometrically to the TA-Lib
 *       seeding used here (factor 19/21 per bar for the EMA(20), 9/10 for the ATR(10): below 1e-14 by bar 400), so
 *       they are compared exactly with the naive references and with ta4j from bar {@value
 *       Ta4jDifferentialTests#CONVERGED} on. SuperTrend's direction state also converges: once the bands agree, both
 *       are on the same band after the next crossing.
 *   <li>Parabolic SAR: compared bit for bit with a transcription of TA-Lib's C code. ta4j follows other rules (below),
 *       so its path leaves TA-Lib's on some bars; the two rejoin after the next reversal that both make on the same bar
 *       from the same extreme point (the state is then identical: SAR = that extreme, factor reset, new extreme = the
 *       bar's own). The test checks that they agree on most bars and that every disagreement ends (on the first 1,300 bars of
 *       each series: ta4j's SAR costs O(n²)).
 * </ul>
 */
class Ta4jTrendDifferentialTests {

    static final double REL = Ta4jDifferentialTests.REL;
    static final double ABS = Ta4jDifferentialTests.ABS;
    static final int CONVERGED = Ta4jDifferentialTests.CONVERGED;
    static final int PSAR_BARS = 1_300;

    static Stream<String> files() {
        return BundledCsv.FILES.stream();
    }

    private static Ta4jDifferentialTests.Fixture fixture(String file) {
        return Ta4jDifferentialTests.fixture(file);
    }

    // ------------------------------------------------------------ Parabolic SAR

    @ParameterizedTest
    @MethodSource("files")
    void psarEqualsTheTaLibTranscriptionBitForBit(String file) {
        BarColumns b = fixture(file).bars();
        for (double[] factors : new double[][] {{0.02, 0.2}, {0.01, 0.1}, {0.05, 0.5}, {0.2, 0.2}}) {
            double[] ours = Trend.psar(b.high(), b.low(), factors[0], factors[1]);
            double[] reference = TrendReference.sar(b.high(), b.low(), factors[0], factors[1]);
            assertSeriesClose(file + " psar " + factors[0], ours, reference, Trend.psarWarmup(), 0, 0);
        }
    }

    /**
     * ta4j's {@code ParabolicSarIndicator}: initial trend up iff {@code close[1] > close[0]} (TA-Lib: by directional
     * movement); an up-trend reverses only when {@code low < sar} (TA-Lib: {@code ≤}); the new SAR is tested against
     * the bar before it is capped at the previous two bars' range (TA-Lib caps first, so its SAR is further away), and
     * a reversal's SAR is kept beyond the previous two bars (TA-Lib: the previous and the current bar). The paths
     * therefore differ for stretches, which end at a common reversal.
     */
    @ParameterizedTest
    @MethodSource("files")
    void psarAgreesWithTa4jOnMostBarsAndEveryDisagreementEnds(String file) {
        // ta4j recomputes its SAR from bar 0 for every bar (O(n²): 50 s for the 5,105 SPX bars), so the comparison
        // stops after PSAR_BARS bars.
        BarColumns all = fixture(file).bars();
        int n = Math.min(all.size(), PSAR_BARS);
        BarColumns b = new BarColumns(
                Arrays.copyOf(all.open(), n),
                Arrays.copyOf(all.high(), n),
                Arrays.copyOf(all.low(), n),
                Arrays.copyOf(all.close(), n),
                Arrays.copyOf(all.volume(), n));
        double[] ours = Trend.psar(b.high(), b.low(), 0.02, 0.2);
        double[] ta4j = Ta4jSeries.values(new ParabolicSarIndicator(Ta4jSeries.doubleSeries(b)), n);
        int agree = 0;
        int run = 0;
        int longestRun = 0;
        for (int i = 1; i < n; i++) {
            if (Tolerance.close(ours[i], ta4j[i], REL, ABS)) {
                agree++;
                run = 0;
            } else {
                run++;
                if (i < n - 1) {
                    longestRun = Math.max(longestRun, run);
                }
            }
        }
        // Measured on the bundled series (whole SPX included): 83–97 % agreement, disagreements of at most 38 bars.
        assertThat(agree).as("%s bars where ta4j agrees", file).isGreaterThan((int) (0.8 * (n - 1)));
        assertThat(longestRun).as("%s longest disagreement", file).isLessThanOrEqualTo(60);
    }

    // ------------------------------------------------------------ Aroon

    @ParameterizedTest
    @MethodSource("files")
    void aroonEqualsTa4jAndTheBruteForceWindowScan(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int period : new int[] {1, 14, 25}) {
            Aroon ours = Trend.aroon(b.high(), b.low(), period);
            int from = Trend.aroonWarmup(period);
            assertSeriesClose(
                    file + " up" + period, ours.up(), f.ta4j(new AroonUpIndicator(f.series(), period)), from, REL, ABS);
            assertSeriesClose(
                    file + " down" + period,
                    ours.down(),
                    f.ta4j(new AroonDownIndicator(f.series(), period)),
                    from,
                    REL,
                    ABS);
            assertSeriesClose(
                    file + " osc" + period,
                    ours.oscillator(),
                    f.ta4j(new AroonOscillatorIndicator(f.series(), period)),
                    from,
                    REL,
                    ABS);
            double[][] reference = TrendReference.aroon(b.high(), b.low(), period);
            assertSeriesClose(file + " up ref" + period, ours.up(), reference[0], from, 1e-12, 1e-12);
            assertSeriesClose(file + " down ref" + period, ours.down(), reference[1], from, 1e-12, 1e-12);
            assertSeriesClose(file + " osc ref" + period, ours.oscillator(), reference[2], from, 1e-12, 1e-12);
        }
    }

    // ------------------------------------------------------------ Keltner

    @ParameterizedTest
    @MethodSource("files")
    void keltnerMatchesTheTaLibEmaAndAtrExactlyAndTa4jOnTheCloseAfterConvergence(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        int[][] periods = {{20, 10}, {5, 30}, {1, 1}};
        for (int[] p : periods) {
            KeltnerChannel ours = Trend.keltner(b.high(), b.low(), b.close(), p[0], p[1], 2);
            double[][] reference = TrendReference.keltner(b.high(), b.low(), b.close(), p[0], p[1], 2);
            int from = Trend.keltnerWarmup(p[0], p[1]);
            String what = file + " keltner " + p[0] + "/" + p[1];
            assertSeriesClose(what + " upper", ours.upper(), reference[0], from, 1e-12, 1e-12);
            assertSeriesClose(what + " middle", ours.middle(), reference[1], from, 1e-12, 1e-12);
            assertSeriesClose(what + " lower", ours.lower(), reference[2], from, 1e-12, 1e-12);
            Tolerance.assertWarmup(what + " middle", ours.middle(), from);
        }
        if (f.longEnoughToConverge()) {
            // ta4j's default middle line is the EMA of the typical price; on the close it is this one.
            KeltnerChannel ours = Trend.keltner(b.high(), b.low(), b.close(), 20, 10, 2);
            KeltnerChannelMiddleIndicator middle = new KeltnerChannelMiddleIndicator(f.close(), 20);
            assertSeriesClose(file + " middle vs ta4j", ours.middle(), f.ta4j(middle), CONVERGED, REL, ABS);
            assertSeriesClose(
                    file + " upper vs ta4j",
                    ours.upper(),
                    f.ta4j(new KeltnerChannelUpperIndicator(middle, 2, 10)),
                    CONVERGED,
                    REL,
                    ABS);
            assertSeriesClose(
                    file + " lower vs ta4j",
                    ours.lower(),
                    f.ta4j(new KeltnerChannelLowerIndicator(middle, 2, 10)),
                    CONVERGED,
                    REL,
                    ABS);
        }
    }

    // ------------------------------------------------------------ SuperTrend

    @ParameterizedTest
    @MethodSource("files")
    void superTrendMatchesThePineTranscriptionExactlyAndTa4jAfterConvergence(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (double[] p : new double[][] {{10, 3}, {7, 2}, {1, 1}, {20, 0.5}}) {
            int period = (int) p[0];
            SuperTrend ours = Trend.superTrend(b.high(), b.low(), b.close(), period, p[1]);
            double[][] reference = TrendReference.superTrend(b.high(), b.low(), b.close(), period, p[1]);
            int from = Trend.superTrendWarmup(period);
            String what = file + " supertrend " + period + "/" + p[1];
            assertSeriesClose(what, ours.line(), reference[0], from, 1e-12, 1e-12);
            assertSeriesClose(what + " direction", ours.direction(), reference[1], from, 0, 0);
            Tolerance.assertWarmup(what, ours.line(), from);
        }
        if (f.longEnoughToConverge()) {
            SuperTrend ours = Trend.superTrend(b.high(), b.low(), b.close(), 10, 3);
            SuperTrendIndicator ta4j = new SuperTrendIndicator(f.series(), 10, 3.0);
            double[] line = f.ta4j(ta4j);
            double[] lowerBand = f.ta4j(new SuperTrendLowerBandIndicator(
                    f.series(), new org.ta4j.core.indicators.ATRIndicator(f.series(), 10), 3.0));
            double[] direction = new double[f.n()];
            for (int i = 0; i < direction.length; i++) {
                direction[i] = line[i] == lowerBand[i] ? 1 : -1;
            }
            assertSeriesClose(file + " supertrend vs ta4j", ours.line(), line, CONVERGED, REL, ABS);
            assertSeriesClose(file + " direction vs ta4j", ours.direction(), direction, CONVERGED, 0, 0);
        }
    }

    // ------------------------------------------------------------ Ichimoku

    @ParameterizedTest
    @MethodSource("files")
    void ichimokuLinesAndSpansEqualTa4jAtTheSameIndex(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        Ichimoku ours = Trend.ichimoku(b.high(), b.low(), 9, 26, 52);
        assertSeriesClose(
                file + " tenkan",
                ours.tenkan(),
                f.ta4j(new IchimokuTenkanSenIndicator(f.series(), 9)),
                Trend.tenkanWarmup(9),
                REL,
                ABS);
        assertSeriesClose(
                file + " kijun",
                ours.kijun(),
                f.ta4j(new IchimokuKijunSenIndicator(f.series(), 26)),
                Trend.tenkanWarmup(26),
                REL,
                ABS);
        double[] spanA = f.ta4j(new IchimokuSenkouSpanAIndicator(f.series(), 9, 26));
        double[] spanB = f.ta4j(new IchimokuSenkouSpanBIndicator(f.series(), 52, 26));
        assertSeriesClose(file + " senkou A", ours.senkouA(), spanA, Trend.senkouAWarmup(9, 26), REL, ABS);
        assertSeriesClose(file + " senkou B", ours.senkouB(), spanB, Trend.senkouBWarmup(26, 52), REL, ABS);
        for (int[] p : new int[][] {{9, 26, 52}, {26, 9, 5}, {1, 1, 1}, {20, 60, 120}}) {
            Ichimoku mine = Trend.ichimoku(b.high(), b.low(), p[0], p[1], p[2]);
            double[][] reference = TrendReference.ichimoku(b.high(), b.low(), p[0], p[1], p[2]);
            String what = file + " ichimoku " + p[0] + "/" + p[1] + "/" + p[2];
            assertSeriesClose(what + " tenkan", mine.tenkan(), reference[0], p[0] - 1, 0, 0);
            assertSeriesClose(what + " kijun", mine.kijun(), reference[1], p[1] - 1, 0, 0);
            assertSeriesClose(what + " senkou A", mine.senkouA(), reference[2], Trend.senkouAWarmup(p[0], p[1]), 0, 0);
            assertSeriesClose(what + " senkou B", mine.senkouB(), reference[3], Trend.senkouBWarmup(p[1], p[2]), 0, 0);
            Tolerance.assertWarmup(what + " senkou A", mine.senkouA(), Trend.senkouAWarmup(p[0], p[1]));
            Tolerance.assertWarmup(what + " senkou B", mine.senkouB(), Trend.senkouBWarmup(p[1], p[2]));
        }
    }
}
