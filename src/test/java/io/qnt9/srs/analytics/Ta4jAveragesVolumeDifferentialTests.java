package io.qnt9.srs.analytics;

import static io.qnt9.srs.analytics.Tolerance.assertSeriesClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.HMAIndicator;
import org.ta4j.core.indicators.KAMAIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.ZLEMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinMoneyFlowIndicator;
import org.ta4j.core.indicators.volume.ChaikinOscillatorIndicator;
import org.ta4j.core.num.Num;

/**
 * {@link AdaptiveAverages} and {@link MoneyFlow} against ta4j 0.17 ({@code DoubleNum}) and against the naive
 * transcriptions of {@link AveragesVolumeReference}, on the four bundled real series.
 *
 * <p>ta4j uses the same convention for every one of them from our warm-up index on, so the comparison is 1e-9 relative
 * with a 1e-9 absolute floor there ({@value #REL}, {@value #ABS}); before it ta4j returns partial-window values (HMA's
 * WMAs, CMF, ZLEMA's partial SMAs) or the price itself (KAMA), which are ours to leave NaN. Two offsets are applied
 * first, and said where: ta4j's AD line starts at 0 instead of {@code CLV[0]·volume[0]}; ADOSC needs no correction (an
 * EMA shifts with a constant offset of its input, so the difference of two does not). The AD line and ADOSC are sums
 * of volumes (10⁸–10¹¹ here) that cross zero, so their absolute floor against ta4j is 1e-12 of the largest |AD| of
 * the series (against TA-Lib's code 1e-14: a few units in the last place of the running sum) instead of 1e-9. (ta4j's
 * KAMA divides 0 by 0 in a flat window and stays NaN after it; it is compared up to the first one.)
 *
 * <p>The reference transcriptions are compared to {@value #REFERENCE} relative: TA-Lib's own code for KAMA, AD and
 * ADOSC, fresh window sums for HMA, VWMA and CMF, ta4j's recursion written out for ZLEMA. VWMA has no ta4j indicator;
 * it is also compared with a ta4j composition, {@code SMA(close·volume) / SMA(volume)}.
 */
class Ta4jAveragesVolumeDifferentialTests {

    static final double REL = 1e-9;
    static final double ABS = 1e-9;
    static final double REFERENCE = 1e-12;
    /**
     * CMF is in −1..1 and is a running money-flow sum (10⁸–10¹⁰ here) over a volume sum: the sum keeps a rounding
     * residue of a few ulps of its largest values, i.e. ~1e-14 absolute in CMF (seen up to 1.3e-14 for period 1, whose
     * exact value is the bar's CLV).
     */
    static final double CMF_FLOOR = 1e-13;

    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    record Fixture(BarColumns bars, BarSeries series, ClosePriceIndicator close) {
        int n() {
            return bars.size();
        }

        double[] ta4j(Indicator<Num> indicator) {
            return Ta4jSeries.values(indicator, n());
        }

        /** 1e-12 of the largest |AD| of the series: the absolute floor for AD and ADOSC against ta4j. */
        double volumeFloor() {
            double max = 0;
            for (double v : MoneyFlow.ad(bars.high(), bars.low(), bars.close(), bars.volume())) {
                max = Math.max(max, Math.abs(v));
            }
            return 1e-12 * max;
        }
    }

    static Stream<String> files() {
        return BundledCsv.FILES.stream();
    }

    static Fixture fixture(String file) {
        return FIXTURES.computeIfAbsent(file, f -> {
            BarColumns bars = BundledCsv.load(f).bars();
            BarSeries series = Ta4jSeries.doubleSeries(bars);
            return new Fixture(bars, series, new ClosePriceIndicator(series));
        });
    }

    @ParameterizedTest
    @MethodSource("files")
    void hmaEqualsTa4jWithIntegerHalfAndSquareRootPeriods(String file) {
        Fixture f = fixture(file);
        double[] close = f.bars().close();
        // 2 and 3: half period 1; 16 and 20 around a perfect square (sqrt 4); 55: odd, sqrt 7.4 → 7.
        for (int period : new int[] {2, 3, 9, 16, 20, 55}) {
            double[] ours = AdaptiveAverages.hma(close, period);
            int from = AdaptiveAverages.hmaWarmup(period);
            assertSeriesClose(
                    file + " hma" + period, ours, f.ta4j(new HMAIndicator(f.close(), period)), from, REL, ABS);
            assertSeriesClose(
                    file + " hma" + period + " vs reference",
                    ours,
                    AveragesVolumeReference.hma(close, period),
                    from,
                    REFERENCE,
                    0);
            // The reference's NaN layout is the warm-up: it has no partial windows at all.
            Tolerance.assertWarmup(file + " hma reference", AveragesVolumeReference.hma(close, period), from);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void kamaMatchesTaLibAndEqualsTa4jWhoseSeedIsTheSame(String file) {
        Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int period : new int[] {1, 2, 10, 30}) {
            double[] ours = AdaptiveAverages.kama(close, period);
            int from = AdaptiveAverages.kamaWarmup(period);
            assertSeriesClose(
                    file + " kama" + period + " vs TA-Lib",
                    ours,
                    AveragesVolumeReference.kama(close, period),
                    from,
                    REFERENCE,
                    0);
            // ta4j returns close[i] for i < period, so its KAMA[period − 1] is TA-Lib's seed: equal from `from` on,
            // up to the first flat window, where ta4j divides 0 by 0 and stays NaN (its recursion carries the NaN).
            double[] ta4j = f.ta4j(new KAMAIndicator(f.close(), period, 2, 30));
            int flat = firstFlatWindow(close, period);
            assertSeriesClose(
                    file + " kama" + period + " vs ta4j",
                    java.util.Arrays.copyOf(ours, flat),
                    java.util.Arrays.copyOf(ta4j, flat),
                    from,
                    REL,
                    ABS);
            if (flat < close.length) {
                assertThat(ta4j[flat]).as("ta4j at the first flat window").isNaN();
                assertThat(ours[flat]).as("ours at the first flat window").isFinite();
            }
        }
    }

    /** The first index ≥ period whose `period` price changes are all 0, or the length if there is none. */
    private static int firstFlatWindow(double[] close, int period) {
        int run = 0;
        for (int i = 1; i < close.length; i++) {
            run = close[i] == close[i - 1] ? run + 1 : 0;
            if (i >= period && run >= period) {
                return i;
            }
        }
        return close.length;
    }

    @ParameterizedTest
    @MethodSource("files")
    void zlemaEqualsTa4jIncludingItsPartialSmaSeed(String file) {
        Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int period : new int[] {1, 2, 5, 20, 50}) {
            double[] ours = AdaptiveAverages.zlema(close, period);
            int from = AdaptiveAverages.zlemaWarmup(period);
            assertSeriesClose(
                    file + " zlema" + period, ours, f.ta4j(new ZLEMAIndicator(f.close(), period)), from, REL, ABS);
            assertSeriesClose(
                    file + " zlema" + period + " vs reference",
                    ours,
                    AveragesVolumeReference.zlema(close, period),
                    from,
                    REFERENCE,
                    0);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void vwmaEqualsFreshWindowSumsAndTheTa4jComposition(String file) {
        Fixture f = fixture(file);
        BarColumns b = f.bars();
        Indicator<Num> volume = new VolumeIndicator(f.series());
        for (int period : new int[] {1, 5, 20}) {
            double[] ours = AdaptiveAverages.vwma(b.close(), b.volume(), period);
            int from = AdaptiveAverages.vwmaWarmup(period);
            assertSeriesClose(
                    file + " vwma" + period,
                    ours,
                    AveragesVolumeReference.vwma(b.close(), b.volume(), period),
                    from,
                    REFERENCE,
                    0);
            // ta4j has no VWMA; SMA(close·volume) / SMA(volume) is the same ratio (the 1/period cancels).
            Indicator<Num> composed = CombineIndicator.divide(
                    new SMAIndicator(CombineIndicator.multiply(f.close(), volume), period),
                    new SMAIndicator(volume, period));
            assertSeriesClose(file + " vwma" + period + " vs ta4j", ours, f.ta4j(composed), from, REL, ABS);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void adMatchesTaLibAndEqualsTa4jPlusTheFirstBarsMoneyFlow(String file) {
        Fixture f = fixture(file);
        BarColumns b = f.bars();
        double[] ours = MoneyFlow.ad(b.high(), b.low(), b.close(), b.volume());
        // Same formula and order of operations, summed bar by bar: bit for bit.
        assertThat(ours).containsExactly(AveragesVolumeReference.ad(b.high(), b.low(), b.close(), b.volume()));
        // ta4j's AD[0] is 0 (bar 0 adds nothing), so every ta4j value is ours minus CLV[0]·volume[0].
        double first = AveragesVolumeReference.moneyFlowVolume(b.high()[0], b.low()[0], b.close()[0], b.volume()[0]);
        assertThat(first).isNotZero();
        double[] ta4j = f.ta4j(new AccumulationDistributionIndicator(f.series()));
        for (int i = 0; i < ta4j.length; i++) {
            ta4j[i] += first;
        }
        assertSeriesClose(file + " ad vs ta4j", ours, ta4j, 0, REL, f.volumeFloor());
    }

    @ParameterizedTest
    @MethodSource("files")
    void cmfEqualsTa4jAndFreshWindowSums(String file) {
        Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int period : new int[] {1, 20, 21}) {
            double[] ours = MoneyFlow.cmf(b.high(), b.low(), b.close(), b.volume(), period);
            int from = MoneyFlow.cmfWarmup(period);
            assertSeriesClose(
                    file + " cmf" + period,
                    ours,
                    f.ta4j(new ChaikinMoneyFlowIndicator(f.series(), period)),
                    from,
                    REL,
                    ABS);
            assertSeriesClose(
                    file + " cmf" + period + " vs reference",
                    ours,
                    AveragesVolumeReference.cmf(b.high(), b.low(), b.close(), b.volume(), period),
                    from,
                    REFERENCE,
                    CMF_FLOOR);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void adoscMatchesTaLibAndEqualsTa4jWhoseEmasAreSeededAlikeAtBarZero(String file) {
        Fixture f = fixture(file);
        BarColumns b = f.bars();
        double floor = f.volumeFloor();
        for (int[] periods : new int[][] {{3, 10}, {1, 2}, {5, 34}}) {
            int fast = periods[0];
            int slow = periods[1];
            double[] ours = MoneyFlow.adosc(b.high(), b.low(), b.close(), b.volume(), fast, slow);
            int from = MoneyFlow.adoscWarmup(fast, slow);
            String what = file + " adosc" + fast + "/" + slow;
            assertSeriesClose(
                    what + " vs TA-Lib",
                    ours,
                    AveragesVolumeReference.adosc(b.high(), b.low(), b.close(), b.volume(), fast, slow),
                    from,
                    REFERENCE,
                    floor / 100); // 1e-14 of the largest |AD|: TA-Lib's own operations, in another order
            // ta4j: EMA(AD, fast) − EMA(AD, slow), both EMAs seeded with their input at index 0, over an AD line offset
            // by −CLV[0]·volume[0]; the offset cancels in the difference. No correction needed.
            assertSeriesClose(
                    what + " vs ta4j",
                    ours,
                    f.ta4j(new ChaikinOscillatorIndicator(f.series(), fast, slow)),
                    from,
                    REL,
                    floor);
        }
    }
}
