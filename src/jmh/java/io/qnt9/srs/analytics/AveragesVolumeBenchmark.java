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
 * {@link AdaptiveAverages} (HMA, KAMA, ZLEMA, VWMA) and {@link MoneyFlow} (AD, CMF, ADOSC) against ta4j 0.17, computing
 * every value of a whole series, in the manner of {@link AnalyticsBenchmark}: per indicator a {@code *_qnt9} (the
 * public API, validation and output allocation included, the array returned to JMH), a {@code *_ta4j} ({@code
 * DoubleNum}) and a {@code *_ta4jDecimal} ({@code DecimalNum}) method. The ta4j series are built once in
 * {@link #setUp()}; every invocation creates fresh indicator instances and consumes every value into the
 * {@link Blackhole}.
 *
 * <ul>
 *   <li>{@code series=syn10y} (2,520 bars) and {@code syn40y} (10,080 bars): the same synthetic geometric Brownian
 *       motion as {@link AnalyticsBenchmark} (same seed, highs, lows and volumes).
 *   <li>VWMA: ta4j has no such indicator; its side is {@code SMA(close·volume) / SMA(volume)} from ta4j primitives
 *       ({@code CombineIndicator}, {@code VolumeIndicator}), the same ratio.
 *   <li>AD: ta4j's line starts at 0 rather than the first bar's money flow (a constant offset; same work).
 * </ul>
 *
 * {@link #setUp()} checks that each pair computes the same last value (AD after adding ta4j's offset back).
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="AveragesVolumeBenchmark"</pre>
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
public class AveragesVolumeBenchmark {

    @Param({"syn10y", "syn40y"})
    public String series;

    int n;
    double[] open;
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
        BarColumns bars = new BarColumns(open, high, low, close, volume);
        ta4j = Ta4jSeries.doubleSeries(bars);
        ta4jDecimal = Ta4jSeries.decimalSeries(bars);
        verify();
    }

    /** {@link Synthetic#gbmBars}, the series of {@link AnalyticsBenchmark}. */
    private void synthetic(int length) {
        BarColumns bars = Synthetic.gbmBars(length);
        open = bars.open();
        high = bars.high();
        low = bars.low();
        close = bars.close();
        volume = bars.volume();
    }

    private void verify() {
        int last = n - 1;
        double firstFlow = MoneyFlow.moneyFlowVolume(high[0], low[0], close[0], volume[0]);
        for (BarSeries s : new BarSeries[] {ta4j, ta4jDecimal}) {
            ClosePriceIndicator c = new ClosePriceIndicator(s);
            same("hma", AdaptiveAverages.hma(close, 20)[last], new HMAIndicator(c, 20).getValue(last));
            same("kama", AdaptiveAverages.kama(close, 10)[last], new KAMAIndicator(c, 10, 2, 30).getValue(last));
            same("zlema", AdaptiveAverages.zlema(close, 20)[last], new ZLEMAIndicator(c, 20).getValue(last));
            same(
                    "vwma",
                    AdaptiveAverages.vwma(close, volume, 20)[last],
                    vwma(s, 20).getValue(last));
            same(
                    "ad",
                    MoneyFlow.ad(high, low, close, volume)[last],
                    new AccumulationDistributionIndicator(s).getValue(last).doubleValue() + firstFlow);
            same(
                    "cmf",
                    MoneyFlow.cmf(high, low, close, volume, 20)[last],
                    new ChaikinMoneyFlowIndicator(s, 20).getValue(last));
            same(
                    "adosc",
                    MoneyFlow.adosc(high, low, close, volume, 3, 10)[last],
                    new ChaikinOscillatorIndicator(s, 3, 10).getValue(last));
        }
    }

    private static Indicator<Num> vwma(BarSeries s, int period) {
        Indicator<Num> v = new VolumeIndicator(s);
        return CombineIndicator.divide(
                new SMAIndicator(CombineIndicator.multiply(new ClosePriceIndicator(s), v), period),
                new SMAIndicator(v, period));
    }

    private static void same(String what, double ours, Num theirs) {
        same(what, ours, theirs.doubleValue());
    }

    private static void same(String what, double ours, double theirs) {
        if (!(Math.abs(ours - theirs) <= 1e-6 * Math.max(1, Math.abs(theirs)))) {
            throw new IllegalStateException(what + ": QNT9 " + ours + " but ta4j " + theirs);
        }
    }

    // ------------------------------------------------------------ HMA(20)

    @Benchmark
    public double[] hma20_qnt9() {
        return AdaptiveAverages.hma(close, 20);
    }

    @Benchmark
    public void hma20_ta4j(Blackhole bh) {
        hma20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void hma20_ta4jDecimal(Blackhole bh) {
        hma20(bh, ta4jDecimal);
    }

    private void hma20(Blackhole bh, BarSeries s) {
        consume(bh, new HMAIndicator(new ClosePriceIndicator(s), 20));
    }

    // ------------------------------------------------------------ KAMA(10, 2, 30)

    @Benchmark
    public double[] kama10_qnt9() {
        return AdaptiveAverages.kama(close, 10);
    }

    @Benchmark
    public void kama10_ta4j(Blackhole bh) {
        kama10(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void kama10_ta4jDecimal(Blackhole bh) {
        kama10(bh, ta4jDecimal);
    }

    private void kama10(Blackhole bh, BarSeries s) {
        consume(bh, new KAMAIndicator(new ClosePriceIndicator(s), 10, 2, 30));
    }

    // ------------------------------------------------------------ ZLEMA(20)

    @Benchmark
    public double[] zlema20_qnt9() {
        return AdaptiveAverages.zlema(close, 20);
    }

    @Benchmark
    public void zlema20_ta4j(Blackhole bh) {
        zlema20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void zlema20_ta4jDecimal(Blackhole bh) {
        zlema20(bh, ta4jDecimal);
    }

    private void zlema20(Blackhole bh, BarSeries s) {
        consume(bh, new ZLEMAIndicator(new ClosePriceIndicator(s), 20));
    }

    // ------------------------------------------------------------ VWMA(20): ta4j has none; SMA(close·volume) /
    // SMA(volume)

    @Benchmark
    public double[] vwma20_qnt9() {
        return AdaptiveAverages.vwma(close, volume, 20);
    }

    @Benchmark
    public void vwma20_ta4j(Blackhole bh) {
        vwma20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void vwma20_ta4jDecimal(Blackhole bh) {
        vwma20(bh, ta4jDecimal);
    }

    private void vwma20(Blackhole bh, BarSeries s) {
        consume(bh, vwma(s, 20));
    }

    // ------------------------------------------------------------ AD

    @Benchmark
    public double[] ad_qnt9() {
        return MoneyFlow.ad(high, low, close, volume);
    }

    @Benchmark
    public void ad_ta4j(Blackhole bh) {
        ad(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void ad_ta4jDecimal(Blackhole bh) {
        ad(bh, ta4jDecimal);
    }

    private void ad(Blackhole bh, BarSeries s) {
        consume(bh, new AccumulationDistributionIndicator(s));
    }

    // ------------------------------------------------------------ CMF(20)

    @Benchmark
    public double[] cmf20_qnt9() {
        return MoneyFlow.cmf(high, low, close, volume, 20);
    }

    @Benchmark
    public void cmf20_ta4j(Blackhole bh) {
        cmf20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void cmf20_ta4jDecimal(Blackhole bh) {
        cmf20(bh, ta4jDecimal);
    }

    private void cmf20(Blackhole bh, BarSeries s) {
        consume(bh, new ChaikinMoneyFlowIndicator(s, 20));
    }

    // ------------------------------------------------------------ ADOSC(3, 10)

    @Benchmark
    public double[] adosc_qnt9() {
        return MoneyFlow.adosc(high, low, close, volume, 3, 10);
    }

    @Benchmark
    public void adosc_ta4j(Blackhole bh) {
        adosc(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void adosc_ta4jDecimal(Blackhole bh) {
        adosc(bh, ta4jDecimal);
    }

    private void adosc(Blackhole bh, BarSeries s) {
        consume(bh, new ChaikinOscillatorIndicator(s, 3, 10));
    }

    @SafeVarargs
    private void consume(Blackhole bh, Indicator<Num>... columns) {
        for (Indicator<Num> column : columns) {
            for (int i = 0; i < n; i++) {
                bh.consume(column.getValue(i));
            }
        }
    }
}
