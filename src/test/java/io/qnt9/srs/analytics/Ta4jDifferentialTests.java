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
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.LWMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceRatioIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/**
 * Our indicators against ta4j 0.17 ({@code DoubleNum}) on the four bundled real series.
 *
 * <p>Where ta4j follows the same convention the comparison is exact: 1e-9 relative with a 1e-9 absolute floor, from our
 * warm-up index on. (ta4j returns partial-window values during the warm-up — SMA, stochastic, VWAP, Donchian, ROC —
 * or zeros — LWMA; those indices are ours to leave NaN and are not compared.)
 *
 * <p>Where ta4j's seeding differs — EMA, DEMA, TEMA and MACD seed with {@code close[0]} at index 0 instead of an SMA at
 * {@code period − 1}; RSI, ATR and ADX/±DI start Wilder smoothing at bar 0 (with {@code TR[0] = high − low} and
 * {@code gain[0] = loss[0] = 0}) instead of simple averages — the two converge geometrically. Those indicators are
 * checked twice: exactly (1e-12 relative) against {@link TaLibReference}, a naive transcription of TA-Lib's C code; and
 * against ta4j from bar {@value #CONVERGED} on, where the seeding difference has decayed by at least
 * {@code (25/27)^360 ≈ 1e-12}, to {@value #CONVERGED_TOLERANCE} relative. MSFT (249 bars) is too short for the
 * second check.
 */
class Ta4jDifferentialTests {

    static final double REL = 1e-9;
    static final double ABS = 1e-9;
    static final int CONVERGED = 400;
    static final double CONVERGED_TOLERANCE = 1e-9;
    static final double REFERENCE = 1e-12;

    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    record Fixture(BundledCsv csv, BarColumns bars, BarSeries series, ClosePriceIndicator close) {
        int n() {
            return bars.size();
        }

        double[] ta4j(Indicator<Num> indicator) {
            return Ta4jSeries.values(indicator, n());
        }

        boolean longEnoughToConverge() {
            return n() > CONVERGED + 50;
        }
    }

    static Stream<String> files() {
        return BundledCsv.FILES.stream();
    }

    static Fixture fixture(String file) {
        return FIXTURES.computeIfAbsent(file, f -> {
            BundledCsv csv = BundledCsv.load(f);
            BarColumns bars = csv.bars();
            BarSeries series = Ta4jSeries.doubleSeries(bars);
            return new Fixture(csv, bars, series, new ClosePriceIndicator(series));
        });
    }

    private static void converged(Fixture f, String what, double[] ours, double[] ta4j) {
        if (f.longEnoughToConverge()) {
            assertSeriesClose(what + " vs ta4j after convergence", ours, ta4j, CONVERGED, CONVERGED_TOLERANCE, ABS);
        }
    }

    // ------------------------------------------------------------ same convention: exact

    @ParameterizedTest
    @MethodSource("files")
    void smaEqualsTa4jFromTheFirstFullWindow(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {1, 5, 20, 50, 200}) {
            double[] ours = MovingAverages.sma(f.bars().close(), period);
            assertSeriesClose(
                    file + " sma" + period,
                    ours,
                    f.ta4j(new SMAIndicator(f.close(), period)),
                    MovingAverages.smaWarmup(period),
                    REL,
                    ABS);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void wmaEqualsTa4jLinearlyWeightedAverageFromTheFirstFullWindow(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {1, 10, 30}) {
            assertSeriesClose(
                    file + " wma" + period,
                    MovingAverages.wma(f.bars().close(), period),
                    f.ta4j(new LWMAIndicator(f.close(), period)),
                    MovingAverages.wmaWarmup(period),
                    REL,
                    ABS);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void bollingerBandsEqualTa4jWithPopulationDeviationAndBandwidthAsAFraction(String file) {
        Fixture f = fixture(file);
        int period = 20;
        double k = 2;
        BollingerBands ours = Volatility.bollinger(f.bars().close(), period, k);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(f.close(), period));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(f.close(), period);
        Num kNum = f.series().numOf(k);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, kNum);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, kNum);
        int from = Volatility.bollingerWarmup(period);
        assertSeriesClose(file + " upper", ours.upper(), f.ta4j(upper), from, REL, ABS);
        assertSeriesClose(file + " middle", ours.middle(), f.ta4j(middle), from, REL, ABS);
        assertSeriesClose(file + " lower", ours.lower(), f.ta4j(lower), from, REL, ABS);
        assertSeriesClose(
                file + " %B", ours.percentB(), f.ta4j(new PercentBIndicator(f.close(), period, k)), from, REL, ABS);
        // ta4j's BollingerBandWidthIndicator is in percent; ours is the plain fraction.
        double[] width = f.ta4j(new BollingerBandWidthIndicator(upper, middle, lower));
        for (int i = 0; i < width.length; i++) {
            width[i] /= 100;
        }
        assertSeriesClose(file + " bandwidth", ours.bandwidth(), width, from, REL, ABS);
    }

    @ParameterizedTest
    @MethodSource("files")
    void stochasticKAndDEqualTa4jFromTheirWarmUps(String file) {
        Fixture f = fixture(file);
        int kPeriod = 14;
        int dPeriod = 3;
        Stochastic ours =
                Momentum.stochastic(f.bars().high(), f.bars().low(), f.bars().close(), kPeriod, dPeriod);
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(f.series(), kPeriod);
        assertSeriesClose(file + " %K", ours.k(), f.ta4j(k), Momentum.stochasticKWarmup(kPeriod), REL, ABS);
        // ta4j's %D is a 3-bar SMA of %K, the same as ours.
        assertSeriesClose(
                file + " %D",
                ours.d(),
                f.ta4j(new StochasticOscillatorDIndicator(k)),
                Momentum.stochasticDWarmup(kPeriod, dPeriod),
                REL,
                ABS);
    }

    @ParameterizedTest
    @MethodSource("files")
    void williamsREqualsTa4j(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {1, 14}) {
            assertSeriesClose(
                    file + " willr" + period,
                    Momentum.williamsR(f.bars().high(), f.bars().low(), f.bars().close(), period),
                    f.ta4j(new WilliamsRIndicator(f.series(), period)),
                    Momentum.williamsRWarmup(period),
                    REL,
                    ABS);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void cciEqualsTa4j(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {5, 20}) {
            assertSeriesClose(
                    file + " cci" + period,
                    Momentum.cci(f.bars().high(), f.bars().low(), f.bars().close(), period),
                    f.ta4j(new CCIIndicator(f.series(), period)),
                    Momentum.cciWarmup(period),
                    REL,
                    1e-7);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void rocEqualsTa4jAndMomentumEqualsCloseMinusPreviousClose(String file) {
        Fixture f = fixture(file);
        int period = 10;
        assertSeriesClose(
                file + " roc",
                Momentum.roc(f.bars().close(), period),
                f.ta4j(new ROCIndicator(f.close(), period)),
                Momentum.rocWarmup(period),
                REL,
                ABS);
        Indicator<Num> momentum = CombineIndicator.minus(f.close(), new PreviousValueIndicator(f.close(), period));
        assertSeriesClose(
                file + " mom",
                Momentum.momentum(f.bars().close(), period),
                f.ta4j(momentum),
                Momentum.momentumWarmup(period),
                REL,
                ABS);
    }

    @ParameterizedTest
    @MethodSource("files")
    void donchianChannelEqualsTa4j(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {1, 7, 20, 55}) {
            DonchianChannel ours = Volatility.donchian(f.bars().high(), f.bars().low(), period);
            int from = Volatility.donchianWarmup(period);
            assertSeriesClose(
                    file + " upper" + period,
                    ours.upper(),
                    f.ta4j(new DonchianChannelUpperIndicator(f.series(), period)),
                    from,
                    0,
                    0);
            assertSeriesClose(
                    file + " lower" + period,
                    ours.lower(),
                    f.ta4j(new DonchianChannelLowerIndicator(f.series(), period)),
                    from,
                    0,
                    0);
            assertSeriesClose(
                    file + " middle" + period,
                    ours.middle(),
                    f.ta4j(new DonchianChannelMiddleIndicator(f.series(), period)),
                    from,
                    REL,
                    ABS);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void obvEqualsTa4jPlusTheFirstVolumeBecauseTaLibStartsThere(String file) {
        Fixture f = fixture(file);
        double[] ta4j = f.ta4j(new OnBalanceVolumeIndicator(f.series()));
        for (int i = 0; i < ta4j.length; i++) {
            ta4j[i] += f.bars().volume()[0];
        }
        assertSeriesClose(
                file + " obv", VolumeIndicators.obv(f.bars().close(), f.bars().volume()), ta4j, 0, REL, 1);
    }

    @ParameterizedTest
    @MethodSource("files")
    void vwapEqualsTa4jFromTheFirstFullWindow(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {1, 20}) {
            BarColumns b = f.bars();
            assertSeriesClose(
                    file + " vwap" + period,
                    VolumeIndicators.vwap(b.high(), b.low(), b.close(), b.volume(), period),
                    f.ta4j(new VWAPIndicator(f.series(), period)),
                    VolumeIndicators.vwapWarmup(period),
                    REL,
                    ABS);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void historicalVolatilityEqualsTa4jDeviationOfLogReturnsRescaledToSampleAndAnnualised(String file) {
        Fixture f = fixture(file);
        int period = 20;
        Indicator<Num> logReturns = TransformIndicator.log(new ClosePriceRatioIndicator(f.series()));
        double[] population = f.ta4j(new StandardDeviationIndicator(logReturns, period));
        double scale = Math.sqrt(period / (period - 1.0)) * Math.sqrt(252);
        for (int i = 0; i < population.length; i++) {
            population[i] *= scale;
        }
        assertSeriesClose(
                file + " hv",
                Volatility.historicalVolatility(f.bars().close(), period),
                population,
                Volatility.historicalVolatilityWarmup(period),
                1e-8,
                1e-10);
    }

    // ------------------------------------------------------------ different seeding: reference + convergence

    @ParameterizedTest
    @MethodSource("files")
    void emaMatchesTaLibExactlyAndTa4jAfterConvergence(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {1, 10, 26}) {
            double[] ours = MovingAverages.ema(f.bars().close(), period);
            assertSeriesClose(
                    file + " ema" + period,
                    ours,
                    TaLibReference.ema(f.bars().close(), period),
                    MovingAverages.emaWarmup(period),
                    REFERENCE,
                    0);
            converged(f, file + " ema" + period, ours, f.ta4j(new EMAIndicator(f.close(), period)));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void demaAndTemaMatchTaLibExactlyAndTa4jAfterConvergence(String file) {
        Fixture f = fixture(file);
        double[] close = f.bars().close();
        for (int period : new int[] {1, 10}) {
            double[] dema = MovingAverages.dema(close, period);
            double[] tema = MovingAverages.tema(close, period);
            assertSeriesClose(
                    file + " dema" + period,
                    dema,
                    TaLibReference.dema(close, period),
                    MovingAverages.demaWarmup(period),
                    REFERENCE,
                    0);
            assertSeriesClose(
                    file + " tema" + period,
                    tema,
                    TaLibReference.tema(close, period),
                    MovingAverages.temaWarmup(period),
                    REFERENCE,
                    0);
            converged(f, file + " dema" + period, dema, f.ta4j(new DoubleEMAIndicator(f.close(), period)));
            converged(f, file + " tema" + period, tema, f.ta4j(new TripleEMAIndicator(f.close(), period)));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void macdMatchesTaLibExactlyAndTa4jAfterConvergence(String file) {
        Fixture f = fixture(file);
        double[] close = f.bars().close();
        Macd ours = Momentum.macd(close);
        double[][] reference = TaLibReference.macd(close, 12, 26, 9);
        int from = Momentum.macdWarmup(12, 26, 9);
        assertSeriesClose(file + " macd", ours.line(), reference[0], from, REFERENCE, 1e-12);
        assertSeriesClose(file + " signal", ours.signal(), reference[1], from, REFERENCE, 1e-12);
        assertSeriesClose(file + " hist", ours.histogram(), reference[2], from, REFERENCE, 1e-12);

        MACDIndicator line = new MACDIndicator(f.close(), 12, 26);
        EMAIndicator signal = new EMAIndicator(line, 9);
        double[] ta4jLine = f.ta4j(line);
        double[] ta4jSignal = f.ta4j(signal);
        double[] ta4jHist = new double[f.n()];
        for (int i = 0; i < ta4jHist.length; i++) {
            ta4jHist[i] = ta4jLine[i] - ta4jSignal[i];
        }
        // MACD values cross zero, so the absolute floor is scaled to the price level.
        if (f.longEnoughToConverge()) {
            double floor = 1e-9 * close[close.length - 1];
            assertSeriesClose(file + " macd vs ta4j", ours.line(), ta4jLine, CONVERGED, CONVERGED_TOLERANCE, floor);
            assertSeriesClose(
                    file + " signal vs ta4j", ours.signal(), ta4jSignal, CONVERGED, CONVERGED_TOLERANCE, floor);
            assertSeriesClose(
                    file + " hist vs ta4j", ours.histogram(), ta4jHist, CONVERGED, CONVERGED_TOLERANCE, floor);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void rsiMatchesTaLibExactlyAndTa4jAfterConvergence(String file) {
        Fixture f = fixture(file);
        for (int period : new int[] {2, 14}) {
            double[] ours = Momentum.rsi(f.bars().close(), period);
            assertSeriesClose(
                    file + " rsi" + period,
                    ours,
                    TaLibReference.rsi(f.bars().close(), period),
                    Momentum.rsiWarmup(period),
                    REFERENCE,
                    1e-12);
            converged(f, file + " rsi" + period, ours, f.ta4j(new RSIIndicator(f.close(), period)));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void atrMatchesTaLibExactlyAndTa4jAfterConvergence(String file) {
        Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int period : new int[] {1, 14}) {
            double[] ours = Volatility.atr(b.high(), b.low(), b.close(), period);
            assertSeriesClose(
                    file + " atr" + period,
                    ours,
                    TaLibReference.atr(b.high(), b.low(), b.close(), period),
                    Volatility.atrWarmup(period),
                    REFERENCE,
                    0);
            converged(f, file + " atr" + period, ours, f.ta4j(new ATRIndicator(f.series(), period)));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void adxAndDirectionalIndicatorsMatchTaLibExactlyAndTa4jAfterConvergence(String file) {
        Fixture f = fixture(file);
        BarColumns b = f.bars();
        for (int period : new int[] {1, 5, 14}) {
            DirectionalIndex ours = DirectionalMovement.adx(b.high(), b.low(), b.close(), period);
            double[][] reference = TaLibReference.adx(b.high(), b.low(), b.close(), period);
            int adxFrom = DirectionalMovement.adxWarmup(period);
            int diFrom = DirectionalMovement.diWarmup(period);
            assertSeriesClose(file + " adx" + period, ours.adx(), reference[0], adxFrom, REFERENCE, 1e-12);
            assertSeriesClose(file + " +di" + period, ours.plusDi(), reference[1], diFrom, REFERENCE, 1e-12);
            assertSeriesClose(file + " -di" + period, ours.minusDi(), reference[2], diFrom, REFERENCE, 1e-12);
            if (period > 1) {
                converged(f, file + " adx" + period, ours.adx(), f.ta4j(new ADXIndicator(f.series(), period)));
                converged(f, file + " +di" + period, ours.plusDi(), f.ta4j(new PlusDIIndicator(f.series(), period)));
                converged(f, file + " -di" + period, ours.minusDi(), f.ta4j(new MinusDIIndicator(f.series(), period)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyBundledSeriesIsLongEnoughForTheExactChecks(String file) {
        assertThat(fixture(file).n()).isGreaterThan(200);
    }
}
