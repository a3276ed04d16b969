package io.qnt9.srs.analytics;

import static io.qnt9.srs.analytics.Tolerance.assertSeriesClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.AwesomeOscillatorIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.MedianPriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.num.Num;

/**
 * The oscillators of {@link Oscillators} against ta4j 0.17 ({@code DoubleNum}) and against {@link OscillatorReference}
 * on the four bundled real series, in the manner of {@link Ta4jDifferentialTests} (its fixtures and tolerances).
 *
 * <ul>
 *   <li>Same convention as ta4j, compared exactly (1e-9 relative) from our warm-up on: MFI ({@code
 *       MoneyFlowIndexIndicator}), CMO ({@code CMOIndicator}, Chande's sums), awesome oscillator ({@code
 *       AwesomeOscillatorIndicator} over {@code MedianPriceIndicator}), and the ultimate oscillator against the same
 *       formula composed from ta4j primitives (ta4j has no ultimate oscillator; from our warm-up on, its windows never
 *       reach bar 0, which has no previous close).
 *   <li>Different seeding — ta4j's EMAs start from {@code close[0]} at bar 0 and its RSI from bar 0: stochastic RSI
 *       ({@code StochasticRSIIndicator} = our raw value / 100 for {@code rsi = stoch}, unsmoothed), PPO ({@code PPOIndicator}, signal {@code EMAIndicator}) and TRIX (composed:
 *       {@code ROCIndicator(EMA(EMA(EMA(close))), 1)}; ta4j has no TRIX) are compared after convergence, and exactly
 *       (1e-12) against {@link OscillatorReference}, a naive transcription of the published algorithm.
 * </ul>
 */
class Ta4jOscillatorDifferentialTests {

    static final double REL = Ta4jDifferentialTests.REL;
    static final double ABS = Ta4jDifferentialTests.ABS;
    static final double REFERENCE = Ta4jDifferentialTests.REFERENCE;
    static final int CONVERGED = Ta4jDifferentialTests.CONVERGED;
    static final double CONVERGED_TOLERANCE = Ta4jDifferentialTests.CONVERGED_TOLERANCE;

    static java.util.stream.Stream<String> files() {
        return Ta4jDifferentialTests.files();
    }

    private static Ta4jDifferentialTests.Fixture fixture(String file) {
        return Ta4jDifferentialTests.fixture(file);
    }

    private static double[] times(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    // ------------------------------------------------------------ same convention: exact

    @ParameterizedTest
    @MethodSource("files")
    void mfiEqualsTa4jMoneyFlowIndex(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int period : new int[] {5, 14}) {
            double[] ours = Oscillators.mfi(b.high(), b.low(), b.close(), b.volume(), period);
            int from = Oscillators.mfiWarmup(period);
            // ta4j clamps each sum to at least 1 before dividing (100 − 100/(1 + max(pos, 1)/max(neg, 1))): the same
            // value whenever both sums are ≥ 1, as they are wherever a window of these series has flows on both sides.
            // Where one side is empty ta4j is off by 100/(1 + flow) ≈ 1e-8, hence the absolute floor of 1e-7.
            assertSeriesClose(
                    file + " mfi" + period,
                    ours,
                    f.ta4j(new MoneyFlowIndexIndicator(f.series(), period)),
                    from,
                    REL,
                    1e-7);
            assertSeriesClose(
                    file + " mfi" + period + " vs reference",
                    ours,
                    OscillatorReference.mfi(b.high(), b.low(), b.close(), b.volume(), period),
                    from,
                    REFERENCE,
                    1e-10);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void cmoEqualsTa4jChandeMomentumOscillator(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int period : new int[] {1, 9, 14}) {
            double[] ours = Oscillators.cmo(close, period);
            int from = Oscillators.cmoWarmup(period);
            double[] ta4j = f.ta4j(new CMOIndicator(f.close(), period));
            // A window without any change (an unchanged close, for period 1) is 0/0 in ta4j, NaN; ours is 0.
            for (int i = from; i < ta4j.length; i++) {
                if (Double.isNaN(ta4j[i])) {
                    assertThat(ours[i])
                            .as("%s cmo%d[%d] without change", file, period, i)
                            .isZero();
                    assertThat(close[i - period]).isEqualTo(close[i]);
                    ta4j[i] = 0;
                }
            }
            assertSeriesClose(file + " cmo" + period, ours, ta4j, from, REL, ABS);
            assertSeriesClose(
                    file + " cmo" + period + " vs reference",
                    ours,
                    OscillatorReference.cmo(close, period),
                    from,
                    REFERENCE,
                    1e-10);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void awesomeOscillatorEqualsTa4j(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        double[] ours = Oscillators.awesomeOscillator(b.high(), b.low(), 5, 34);
        int from = Oscillators.awesomeOscillatorWarmup(5, 34);
        // AO crosses zero: the absolute floor is scaled to the price level, as for MACD.
        double floor = 1e-9 * b.close()[b.size() - 1];
        assertSeriesClose(
                file + " ao",
                ours,
                f.ta4j(new AwesomeOscillatorIndicator(new MedianPriceIndicator(f.series()), 5, 34)),
                from,
                REL,
                floor);
        assertSeriesClose(
                file + " ao vs reference",
                ours,
                OscillatorReference.awesomeOscillator(b.high(), b.low(), 5, 34),
                from,
                REFERENCE,
                floor * 1e-3);
    }

    @ParameterizedTest
    @MethodSource("files")
    void ultimateOscillatorMatchesTaLibAndTheSameFormulaComposedFromTa4jPrimitives(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int[] p : new int[][] {{7, 14, 28}, {1, 2, 3}, {5, 5, 10}}) {
            double[] ours = Oscillators.ultimateOscillator(b.high(), b.low(), b.close(), p[0], p[1], p[2]);
            int from = Oscillators.ultimateOscillatorWarmup(p[0], p[1], p[2]);
            String what = file + " ultosc" + p[0] + "/" + p[1] + "/" + p[2];
            assertSeriesClose(
                    what + " vs TA-Lib transcription",
                    ours,
                    OscillatorReference.ultimateOscillator(b.high(), b.low(), b.close(), p[0], p[1], p[2]),
                    from,
                    REFERENCE,
                    1e-10);
            assertSeriesClose(what + " vs ta4j composition", ours, f.ta4j(ta4jUltimate(f.series(), p)), from, REL, ABS);
        }
    }

    /** {@code 100·(4·a1 + 2·a2 + a3)/7} with {@code a = SMA(bp)/SMA(tr)} (the ratio of means is the ratio of sums). */
    static Indicator<Num> ta4jUltimate(BarSeries series, int[] p) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        // ta4j's PreviousValueIndicator is NaN at bar 0, which its running-total SMAs would carry forever; bar 0's term
        // is never inside a window we compare, so its previous close is taken as its own close there.
        Indicator<Num> previousClose = new CachedIndicator<>(series) {
            @Override
            protected Num calculate(int index) {
                return close.getValue(Math.max(index - 1, 0));
            }

            @Override
            public int getUnstableBars() {
                return 1;
            }
        };
        Indicator<Num> trueLow = CombineIndicator.min(new LowPriceIndicator(series), previousClose);
        Indicator<Num> pressure = CombineIndicator.minus(close, trueLow);
        TRIndicator range = new TRIndicator(series);
        Indicator<Num> a1 = CombineIndicator.divide(new SMAIndicator(pressure, p[0]), new SMAIndicator(range, p[0]));
        Indicator<Num> a2 = CombineIndicator.divide(new SMAIndicator(pressure, p[1]), new SMAIndicator(range, p[1]));
        Indicator<Num> a3 = CombineIndicator.divide(new SMAIndicator(pressure, p[2]), new SMAIndicator(range, p[2]));
        Indicator<Num> weighted = CombineIndicator.plus(
                CombineIndicator.plus(TransformIndicator.multiply(a1, 4), TransformIndicator.multiply(a2, 2)), a3);
        return TransformIndicator.multiply(weighted, 100.0 / 7);
    }

    // ------------------------------------------------------------ different seeding: reference + convergence

    @ParameterizedTest
    @MethodSource("files")
    void stochRsiMatchesTheReferenceExactlyAndTa4jAfterConvergence(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int[] p : new int[][] {{14, 14, 3, 3}, {14, 14, 1, 1}, {14, 5, 1, 3}, {2, 1, 1, 1}}) {
            StochRsi ours = Oscillators.stochRsi(close, p[0], p[1], p[2], p[3]);
            double[][] reference = OscillatorReference.stochRsi(close, p[0], p[1], p[2], p[3]);
            String what = file + " stochrsi" + p[0] + "/" + p[1] + "/" + p[2] + "/" + p[3];
            assertSeriesClose(
                    what + " %K",
                    ours.k(),
                    reference[0],
                    Oscillators.stochRsiKWarmup(p[0], p[1], p[2]),
                    REFERENCE,
                    1e-10);
            assertSeriesClose(
                    what + " %D",
                    ours.d(),
                    reference[1],
                    Oscillators.stochRsiWarmup(p[0], p[1], p[2], p[3]),
                    REFERENCE,
                    1e-10);
        }
        if (!f.longEnoughToConverge()) {
            return;
        }
        // ta4j's StochasticRSIIndicator(close, 14) is the unsmoothed value as a fraction, over ta4j's RSI (Wilder from
        // bar 0): stochrsi:14:14:1:1 / 100 once the RSI seeding has decayed. (Its %K/%D smoothing cannot be composed
        // with SMAIndicator: ta4j's value is 0/0 = NaN in the first, flat window and a running-total SMA keeps that NaN
        // forever. The smoothing is checked against the reference above.)
        Indicator<Num> ta4jRaw = TransformIndicator.multiply(new StochasticRSIIndicator(f.close(), 14), 100);
        assertSeriesClose(
                file + " stochrsi raw vs ta4j",
                Oscillators.stochRsi(close, 14, 14, 1, 1).k(),
                f.ta4j(ta4jRaw),
                CONVERGED,
                1e-9,
                1e-8);
    }

    @ParameterizedTest
    @MethodSource("files")
    void ppoMatchesTaLibExactlyAndTa4jAfterConvergence(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int[] p : new int[][] {{12, 26, 9}, {1, 2, 1}, {5, 35, 5}}) {
            Ppo ours = Oscillators.ppo(close, p[0], p[1], p[2]);
            double[][] reference = OscillatorReference.ppo(close, p[0], p[1], p[2]);
            int from = Oscillators.ppoWarmup(p[0], p[1], p[2]);
            String what = file + " ppo" + p[0] + "/" + p[1] + "/" + p[2];
            assertSeriesClose(what + " line", ours.line(), reference[0], from, REFERENCE, 1e-12);
            assertSeriesClose(what + " signal", ours.signal(), reference[1], from, REFERENCE, 1e-12);
            assertSeriesClose(what + " histogram", ours.histogram(), reference[2], from, REFERENCE, 1e-12);
        }
        if (!f.longEnoughToConverge()) {
            return;
        }
        Ppo ours = Oscillators.ppo(close, 12, 26, 9);
        PPOIndicator line = new PPOIndicator(f.close(), 12, 26);
        EMAIndicator signal = new EMAIndicator(line, 9);
        double[] ta4jLine = f.ta4j(line);
        double[] ta4jSignal = f.ta4j(signal);
        double[] ta4jHist = new double[f.n()];
        for (int i = 0; i < ta4jHist.length; i++) {
            ta4jHist[i] = ta4jLine[i] - ta4jSignal[i];
        }
        // PPO crosses zero; in percent of the price, so a fixed absolute floor fits every series.
        assertSeriesClose(file + " ppo vs ta4j", ours.line(), ta4jLine, CONVERGED, 1e-9, 1e-9);
        assertSeriesClose(file + " ppo signal vs ta4j", ours.signal(), ta4jSignal, CONVERGED, 1e-9, 1e-9);
        assertSeriesClose(file + " ppo hist vs ta4j", ours.histogram(), ta4jHist, CONVERGED, 1e-9, 1e-9);
    }

    @ParameterizedTest
    @MethodSource("files")
    void trixMatchesTaLibExactlyAndComposedTa4jAfterConvergence(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int period : new int[] {1, 2, 10, 30}) {
            assertSeriesClose(
                    file + " trix" + period,
                    Oscillators.trix(close, period),
                    OscillatorReference.trix(close, period),
                    Oscillators.trixWarmup(period),
                    REFERENCE,
                    1e-12);
        }
        // Three cascaded EMAs forget their seed more slowly than one (a factor growing with i² in front of the
        // geometric decay), so period 30 is compared from bar 1000 on (where the series has it) and 10 from 400.
        for (int[] p : new int[][] {{10, CONVERGED}, {30, 1000}}) {
            if (f.n() > p[1] + 50) {
                Indicator<Num> e3 = new EMAIndicator(new EMAIndicator(new EMAIndicator(f.close(), p[0]), p[0]), p[0]);
                assertSeriesClose(
                        file + " trix" + p[0] + " vs ta4j",
                        Oscillators.trix(close, p[0]),
                        f.ta4j(new ROCIndicator(e3, 1)),
                        p[1],
                        1e-9,
                        1e-9);
            }
        }
        assertThat(f.n()).isGreaterThan(Oscillators.trixWarmup(30));
    }

    // ------------------------------------------------------------ the technical rating's own readings

    @ParameterizedTest
    @MethodSource("files")
    void fullStochasticIsTa4jsFastKSmoothedTwiceBySmas(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int[] p : new int[][] {{14, 3, 3}, {5, 1, 3}, {9, 4, 2}}) {
            Stochastic ours = Momentum.stochasticFull(b.high(), b.low(), b.close(), p[0], p[1], p[2]);
            Indicator<Num> k = new SMAIndicator(new StochasticOscillatorKIndicator(f.series(), p[0]), p[1]);
            String what = file + " stochfull" + p[0] + "/" + p[1] + "/" + p[2];
            // ta4j's %K uses partial windows during its warm-up; from ours on, every window is full in both
            assertSeriesClose(what + " %K", ours.k(), f.ta4j(k), Momentum.stochasticFullKWarmup(p[0], p[1]), REL, ABS);
            assertSeriesClose(
                    what + " %D",
                    ours.d(),
                    f.ta4j(new SMAIndicator(k, p[2])),
                    Momentum.stochasticFullWarmup(p[0], p[1], p[2]),
                    REL,
                    ABS);
        }
        // smoothing 1 is the fast stochastic
        Stochastic fast = Momentum.stochastic(b.high(), b.low(), b.close(), 14, 3);
        Stochastic full = Momentum.stochasticFull(b.high(), b.low(), b.close(), 14, 1, 3);
        assertThat(full.k()).containsExactly(fast.k());
        assertThat(full.d()).containsExactly(fast.d());
    }

    @ParameterizedTest
    @MethodSource("files")
    void cciOfTheCloseIsTa4jsCciOverBarsWhoseTypicalPriceIsTheClose(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        double[] close = f.bars().close();
        // bars with high = low = close have (h + l + c) / 3 = close up to one rounding of 3c / 3
        BarSeries closes = Ta4jSeries.doubleSeries(
                new BarColumns(close, close, close, close, f.bars().volume()));
        for (int period : new int[] {5, 20}) {
            assertSeriesClose(
                    file + " cci_close" + period,
                    Momentum.cci(close, period),
                    Ta4jSeries.values(new CCIIndicator(closes, period), close.length),
                    Momentum.cciWarmup(period),
                    REL,
                    1e-7);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void bullBearPowerIsHighAndLowMinusTheEmaAndEqualsTa4jAfterConvergence(String file) {
        Ta4jDifferentialTests.Fixture f = fixture(file);
        BarColumns b = f.bars();
        BullBearPower ours = Oscillators.bullBearPower(b.high(), b.low(), b.close(), 13);
        // exactly, against an SMA-seeded EMA written out here
        double[] ema = new double[b.size()];
        java.util.Arrays.fill(ema, Double.NaN);
        double seed = 0;
        for (int i = 0; i < 13; i++) {
            seed += b.close()[i];
        }
        ema[12] = seed / 13;
        for (int i = 13; i < ema.length; i++) {
            ema[i] = ema[i - 1] + 2.0 / 14 * (b.close()[i] - ema[i - 1]);
        }
        double[] bull = new double[ema.length];
        double[] bear = new double[ema.length];
        double[] sum = new double[ema.length];
        for (int i = 0; i < ema.length; i++) {
            bull[i] = b.high()[i] - ema[i];
            bear[i] = b.low()[i] - ema[i];
            sum[i] = b.high()[i] + b.low()[i] - 2 * ema[i];
        }
        int from = Oscillators.bullBearPowerWarmup(13);
        // the powers cross zero: an absolute floor scaled to the price level, as for the awesome oscillator
        double floor = 1e-9 * b.close()[b.size() - 1];
        assertSeriesClose(file + " bull power", ours.bull(), bull, from, REFERENCE, floor);
        assertSeriesClose(file + " bear power", ours.bear(), bear, from, REFERENCE, floor);
        assertSeriesClose(file + " bull bear power", ours.power(), sum, from, REFERENCE, floor);
        if (f.longEnoughToConverge()) {
            Indicator<Num> ta4jEma = new EMAIndicator(f.close(), 13);
            assertSeriesClose(
                    file + " bull power vs ta4j",
                    ours.bull(),
                    f.ta4j(CombineIndicator.minus(new HighPriceIndicator(f.series()), ta4jEma)),
                    CONVERGED,
                    CONVERGED_TOLERANCE,
                    floor);
            assertSeriesClose(
                    file + " bear power vs ta4j",
                    ours.bear(),
                    f.ta4j(CombineIndicator.minus(new LowPriceIndicator(f.series()), ta4jEma)),
                    CONVERGED,
                    CONVERGED_TOLERANCE,
                    floor);
        }
    }
}
