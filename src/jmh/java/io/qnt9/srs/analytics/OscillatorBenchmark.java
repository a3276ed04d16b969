package io.qnt9.srs.analytics;

import io.qnt9.srs.bench.Synthetic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.AwesomeOscillatorIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.MedianPriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.num.Num;

/**
 * The oscillators of {@link Oscillators} against ta4j 0.17, set up exactly as {@link AnalyticsBenchmark} (the same
 * synthetic series {@code syn10y} = 2,520 and {@code syn40y} = 10,080 bars, the ta4j series built once in {@link
 * #setUp()}, fresh ta4j indicator instances per invocation with every value consumed; QNT9 through the public API,
 * validation and output allocation included, the arrays returned to JMH).
 *
 * <ul>
 *   <li>Stochastic RSI: ta4j's {@code StochasticRSIIndicator(14)} is the unsmoothed value (as a fraction), so the QNT9
 *       row computes {@code stochrsi:14:14:1:1} (both of its columns; %D is then %K).
 *   <li>PPO: line, signal ({@code EMAIndicator(ppo, 9)}) and histogram on both sides, as MACD.
 *   <li>Ultimate oscillator and TRIX: ta4j 0.17 has neither; its side is the same formula composed from ta4j
 *       primitives (as a ta4j user would write it), see {@link #ultimate} and {@link #trix}.
 * </ul>
 *
 * {@link #setUp()} checks that each pair computes the same numbers (the last value, where ta4j's different EMA/RSI
 * seeding has converged).
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="OscillatorBenchmark -f 1"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// A fixed heap, every page touched at start (why: AnalyticsBenchmark).
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class OscillatorBenchmark {

    @Param({"syn10y", "syn40y"})
    public String series;

    int n;
    double[] high;
    double[] low;
    double[] close;
    long[] volume;

    BarSeries ta4j;
    BarSeries ta4jDecimal;

    @Setup
    public void setUp() {
        if (series.equals("syn10y")) {
            synthetic(2_520);
        } else if (series.equals("syn40y")) {
            synthetic(10_080);
        } else {
            throw new IllegalArgumentException("series must be syn10y or syn40y, got " + series);
        }
        n = close.length;
        BarColumns bars = new BarColumns(close.clone(), high, low, close, volume); // open is not read here
        ta4j = Ta4jSeries.doubleSeries(bars);
        ta4jDecimal = Ta4jSeries.decimalSeries(bars);
        verify();
    }

    /** {@link Synthetic#gbmBars}, the series of {@link AnalyticsBenchmark}. */
    private void synthetic(int length) {
        BarColumns bars = Synthetic.gbmBars(length);
        high = bars.high();
        low = bars.low();
        close = bars.close();
        volume = bars.volume();
    }

    // ------------------------------------------------------------ MFI(14)

    @Benchmark
    public double[] mfi14_qnt9() {
        return Oscillators.mfi(high, low, close, volume, 14);
    }

    @Benchmark
    public void mfi14_ta4j(Blackhole bh) {
        mfi14(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void mfi14_ta4jDecimal(Blackhole bh) {
        mfi14(bh, ta4jDecimal);
    }

    private void mfi14(Blackhole bh, BarSeries s) {
        consume(bh, new MoneyFlowIndexIndicator(s, 14));
    }

    // ------------------------------------------------------------ stochastic RSI(14, 14, 1, 1) = ta4j
    // StochasticRSIIndicator(14) × 100 (both our columns)

    @Benchmark
    public StochRsi stochrsi14_qnt9() {
        return Oscillators.stochRsi(close, 14, 14, 1, 1);
    }

    @Benchmark
    public void stochrsi14_ta4j(Blackhole bh) {
        stochrsi14(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void stochrsi14_ta4jDecimal(Blackhole bh) {
        stochrsi14(bh, ta4jDecimal);
    }

    private void stochrsi14(Blackhole bh, BarSeries s) {
        consume(bh, new StochasticRSIIndicator(new ClosePriceIndicator(s), 14));
    }

    // ------------------------------------------------------------ PPO(12, 26, 9): line, signal, histogram

    @Benchmark
    public Ppo ppo_qnt9() {
        return Oscillators.ppo(close, 12, 26, 9);
    }

    @Benchmark
    public void ppo_ta4j(Blackhole bh) {
        ppo(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void ppo_ta4jDecimal(Blackhole bh) {
        ppo(bh, ta4jDecimal);
    }

    private void ppo(Blackhole bh, BarSeries s) {
        PPOIndicator line = new PPOIndicator(new ClosePriceIndicator(s), 12, 26);
        EMAIndicator signal = new EMAIndicator(line, 9);
        consume(bh, line, signal, CombineIndicator.minus(line, signal));
    }

    // ------------------------------------------------------------ awesome oscillator(5, 34)

    @Benchmark
    public double[] ao_qnt9() {
        return Oscillators.awesomeOscillator(high, low, 5, 34);
    }

    @Benchmark
    public void ao_ta4j(Blackhole bh) {
        ao(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void ao_ta4jDecimal(Blackhole bh) {
        ao(bh, ta4jDecimal);
    }

    private void ao(Blackhole bh, BarSeries s) {
        consume(bh, new AwesomeOscillatorIndicator(new MedianPriceIndicator(s), 5, 34));
    }

    // ------------------------------------------------------------ CMO(14)

    @Benchmark
    public double[] cmo14_qnt9() {
        return Oscillators.cmo(close, 14);
    }

    @Benchmark
    public void cmo14_ta4j(Blackhole bh) {
        cmo14(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void cmo14_ta4jDecimal(Blackhole bh) {
        cmo14(bh, ta4jDecimal);
    }

    private void cmo14(Blackhole bh, BarSeries s) {
        consume(bh, new CMOIndicator(new ClosePriceIndicator(s), 14));
    }

    // ------------------------------------------------------------ ultimate oscillator(7, 14, 28); ta4j side composed
    // from primitives

    @Benchmark
    public double[] ultosc_qnt9() {
        return Oscillators.ultimateOscillator(high, low, close, 7, 14, 28);
    }

    @Benchmark
    public void ultosc_ta4j(Blackhole bh) {
        ultosc(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void ultosc_ta4jDecimal(Blackhole bh) {
        ultosc(bh, ta4jDecimal);
    }

    private void ultosc(Blackhole bh, BarSeries s) {
        consume(bh, ultimate(s));
    }

    // ------------------------------------------------------------ TRIX(30); ta4j side composed:
    // ROC(EMA(EMA(EMA(close))), 1)

    @Benchmark
    public double[] trix30_qnt9() {
        return Oscillators.trix(close, 30);
    }

    @Benchmark
    public void trix30_ta4j(Blackhole bh) {
        trix30(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void trix30_ta4jDecimal(Blackhole bh) {
        trix30(bh, ta4jDecimal);
    }

    private void trix30(Blackhole bh, BarSeries s) {
        consume(bh, trix(s));
    }

    // ------------------------------------------------------------ ta4j compositions

    /** {@code 100·(4·a7 + 2·a14 + a28)/7} with {@code a = SMA(bp)/SMA(tr)}, {@code bp = close − min(low, close[i−1])}. */
    static Indicator<Num> ultimate(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        // ta4j's PreviousValueIndicator is NaN at bar 0, which the running-total SMAs would keep; bar 0 uses its own
        // close.
        Indicator<Num> previousClose = new CachedIndicator<>(s) {
            @Override
            protected Num calculate(int index) {
                return close.getValue(Math.max(index - 1, 0));
            }

            @Override
            public int getUnstableBars() {
                return 1;
            }
        };
        Indicator<Num> pressure =
                CombineIndicator.minus(close, CombineIndicator.min(new LowPriceIndicator(s), previousClose));
        TRIndicator range = new TRIndicator(s);
        Indicator<Num> a1 = CombineIndicator.divide(new SMAIndicator(pressure, 7), new SMAIndicator(range, 7));
        Indicator<Num> a2 = CombineIndicator.divide(new SMAIndicator(pressure, 14), new SMAIndicator(range, 14));
        Indicator<Num> a3 = CombineIndicator.divide(new SMAIndicator(pressure, 28), new SMAIndicator(range, 28));
        Indicator<Num> weighted = CombineIndicator.plus(
                CombineIndicator.plus(TransformIndicator.multiply(a1, 4), TransformIndicator.multiply(a2, 2)), a3);
        return TransformIndicator.multiply(weighted, 100.0 / 7);
    }

    static Indicator<Num> trix(BarSeries s) {
        ClosePriceIndicator c = new ClosePriceIndicator(s);
        return new ROCIndicator(new EMAIndicator(new EMAIndicator(new EMAIndicator(c, 30), 30), 30), 1);
    }

    @SafeVarargs
    private void consume(Blackhole bh, Indicator<Num>... columns) {
        for (Indicator<Num> column : columns) {
            for (int i = 0; i < n; i++) {
                bh.consume(column.getValue(i));
            }
        }
    }

    /** Each pair must compute the same thing: compare the last values (ta4j's seeding has long converged there). */
    private void verify() {
        int last = n - 1;
        for (BarSeries s : new BarSeries[] {ta4j, ta4jDecimal}) {
            ClosePriceIndicator c = new ClosePriceIndicator(s);
            same(
                    "mfi",
                    Oscillators.mfi(high, low, close, volume, 14)[last],
                    new MoneyFlowIndexIndicator(s, 14).getValue(last));
            same(
                    "stochrsi",
                    Oscillators.stochRsi(close, 14, 14, 1, 1).k()[last],
                    new StochasticRSIIndicator(c, 14).getValue(last).doubleValue() * 100);
            PPOIndicator line = new PPOIndicator(c, 12, 26);
            Ppo ppo = Oscillators.ppo(close, 12, 26, 9);
            same("ppo", ppo.line()[last], line.getValue(last));
            same("ppo signal", ppo.signal()[last], new EMAIndicator(line, 9).getValue(last));
            same(
                    "ao",
                    Oscillators.awesomeOscillator(high, low, 5, 34)[last],
                    new AwesomeOscillatorIndicator(new MedianPriceIndicator(s), 5, 34).getValue(last));
            same("cmo", Oscillators.cmo(close, 14)[last], new CMOIndicator(c, 14).getValue(last));
            same(
                    "ultosc",
                    Oscillators.ultimateOscillator(high, low, close, 7, 14, 28)[last],
                    ultimate(s).getValue(last));
            same("trix", Oscillators.trix(close, 30)[last], trix(s).getValue(last));
        }
    }

    private static void same(String what, double ours, Num theirs) {
        same(what, ours, theirs.doubleValue());
    }

    private static void same(String what, double ours, double theirs) {
        if (!(Math.abs(ours - theirs) <= 1e-6 * Math.max(1, Math.abs(theirs)))) {
            throw new IllegalStateException(what + ": QNT9 " + ours + " but ta4j " + theirs);
        }
    }
}
