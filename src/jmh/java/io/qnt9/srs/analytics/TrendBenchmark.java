package io.qnt9.srs.analytics;

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
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanAIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanBIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.num.Num;

/**
 * The trend indicators ({@link Trend}) against ta4j 0.17, every value of a whole series, set up as {@link
 * AnalyticsBenchmark} (same synthetic series {@code syn10y} = 2,520 bars and {@code syn40y} = 10,080 bars, series built
 * once, fresh ta4j indicators per invocation, every value of every column consumed; QNT9 through the public allocating
 * API, validation included).
 *
 * <ul>
 *   <li>Same outputs on both sides: Aroon = up, down and oscillator (three ta4j indicators); Keltner(20, 10, 2) =
 *       upper, middle, lower on the close; SuperTrend(10, 3) = the line, plus ta4j's lower band from which its
 *       direction is read (ta4j has no direction column); Ichimoku(9, 26, 52) = tenkan, kijun, senkou A and B (both
 *       displaced by kijun − 1 = 25 bars).
 *   <li>Parabolic SAR: ta4j's {@code ParabolicSarIndicator} recomputes the whole path from bar 0 for every bar, so
 *       reading all values costs O(n²) — about 50 s for 5,000 bars. Its rows are therefore {@code SingleShotTime} (one
 *       invocation per iteration) and only with {@code DoubleNum}; run them apart (see the command below) with one
 *       warm-up and one measured shot. There is no {@code DecimalNum} row for it.
 * </ul>
 *
 * {@link #setUp()} checks that each pair computes the same numbers on the last bar (where ta4j's seeding has
 * converged), and that ta4j's SAR and ours agree on most bars (their rules differ, see {@code Ta4jTrendDifferentialTests}).
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec \
 *     -Djmh.args="TrendBenchmark -e psar_ta4j -wi 2 -i 3 -w 1 -r 1 -f 1"
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec \
 *     -Djmh.args="TrendBenchmark.psar_ta4j -wi 1 -i 1 -f 1"
 * </pre>
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
public class TrendBenchmark {

    @Param({"syn10y", "syn40y"})
    public String series;

    int n;
    double[] high;
    double[] low;
    double[] close;

    BarSeries ta4j;
    BarSeries ta4jDecimal;

    @Setup
    public void setUp() {
        AnalyticsBenchmark source = new AnalyticsBenchmark();
        source.series = series;
        source.setUp();
        n = source.n;
        high = source.high;
        low = source.low;
        close = source.close;
        ta4j = source.ta4j;
        ta4jDecimal = source.ta4jDecimal;
        verify();
    }

    // ------------------------------------------------------------ Parabolic SAR(0.02, 0.2)

    @Benchmark
    public double[] psar_qnt9() {
        return Trend.psar(high, low, 0.02, 0.2);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 1)
    public void psar_ta4j(Blackhole bh) {
        consume(bh, new ParabolicSarIndicator(ta4j));
    }

    // ------------------------------------------------------------ Aroon(14)

    @Benchmark
    public Aroon aroon14_qnt9() {
        return Trend.aroon(high, low, 14);
    }

    @Benchmark
    public void aroon14_ta4j(Blackhole bh) {
        aroon14(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void aroon14_ta4jDecimal(Blackhole bh) {
        aroon14(bh, ta4jDecimal);
    }

    private void aroon14(Blackhole bh, BarSeries s) {
        consume(bh, new AroonUpIndicator(s, 14), new AroonDownIndicator(s, 14), new AroonOscillatorIndicator(s, 14));
    }

    // ------------------------------------------------------------ Keltner(20, 10, 2)

    @Benchmark
    public KeltnerChannel keltner_qnt9() {
        return Trend.keltner(high, low, close, 20, 10, 2);
    }

    @Benchmark
    public void keltner_ta4j(Blackhole bh) {
        keltner(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void keltner_ta4jDecimal(Blackhole bh) {
        keltner(bh, ta4jDecimal);
    }

    private void keltner(Blackhole bh, BarSeries s) {
        KeltnerChannelMiddleIndicator middle = new KeltnerChannelMiddleIndicator(new ClosePriceIndicator(s), 20);
        ATRIndicator atr = new ATRIndicator(s, 10);
        consume(
                bh,
                new KeltnerChannelUpperIndicator(middle, atr, 2),
                middle,
                new KeltnerChannelLowerIndicator(middle, atr, 2));
    }

    // ------------------------------------------------------------ SuperTrend(10, 3)

    @Benchmark
    public SuperTrend supertrend_qnt9() {
        return Trend.superTrend(high, low, close, 10, 3);
    }

    @Benchmark
    public void supertrend_ta4j(Blackhole bh) {
        supertrend(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void supertrend_ta4jDecimal(Blackhole bh) {
        supertrend(bh, ta4jDecimal);
    }

    private void supertrend(Blackhole bh, BarSeries s) {
        SuperTrendIndicator line = new SuperTrendIndicator(s, 10, 3.0);
        consume(bh, line, line.getSuperTrendLowerBandIndicator());
    }

    // ------------------------------------------------------------ Ichimoku(9, 26, 52)

    @Benchmark
    public Ichimoku ichimoku_qnt9() {
        return Trend.ichimoku(high, low, 9, 26, 52);
    }

    @Benchmark
    public void ichimoku_ta4j(Blackhole bh) {
        ichimoku(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void ichimoku_ta4jDecimal(Blackhole bh) {
        ichimoku(bh, ta4jDecimal);
    }

    private void ichimoku(Blackhole bh, BarSeries s) {
        IchimokuTenkanSenIndicator tenkan = new IchimokuTenkanSenIndicator(s, 9);
        IchimokuKijunSenIndicator kijun = new IchimokuKijunSenIndicator(s, 26);
        consume(
                bh,
                tenkan,
                kijun,
                new IchimokuSenkouSpanAIndicator(s, tenkan, kijun, 26),
                new IchimokuSenkouSpanBIndicator(s, 52, 26));
    }

    // ------------------------------------------------------------ helpers

    @SafeVarargs
    private void consume(Blackhole bh, Indicator<Num>... columns) {
        for (Indicator<Num> column : columns) {
            for (int i = 0; i < n; i++) {
                bh.consume(column.getValue(i));
            }
        }
    }

    private void verify() {
        int last = n - 1;
        for (BarSeries s : new BarSeries[] {ta4j, ta4jDecimal}) {
            ClosePriceIndicator c = new ClosePriceIndicator(s);
            same("aroon osc", Trend.aroon(high, low, 14).oscillator()[last], new AroonOscillatorIndicator(s, 14));
            KeltnerChannelMiddleIndicator middle = new KeltnerChannelMiddleIndicator(c, 20);
            same(
                    "keltner upper",
                    Trend.keltner(high, low, close, 20, 10, 2).upper()[last],
                    new KeltnerChannelUpperIndicator(middle, 2, 10));
            same(
                    "supertrend",
                    Trend.superTrend(high, low, close, 10, 3).line()[last],
                    new SuperTrendIndicator(s, 10, 3.0));
            Ichimoku cloud = Trend.ichimoku(high, low, 9, 26, 52);
            same("tenkan", cloud.tenkan()[last], new IchimokuTenkanSenIndicator(s, 9));
            same("senkou A", cloud.senkouA()[last], new IchimokuSenkouSpanAIndicator(s, 9, 26));
            same("senkou B", cloud.senkouB()[last], new IchimokuSenkouSpanBIndicator(s, 52, 26));
        }
        double[] ours = Trend.psar(high, low, 0.02, 0.2);
        ParabolicSarIndicator sar = new ParabolicSarIndicator(ta4j);
        int agree = 0;
        int checked = Math.min(n, 1_000); // O(n²) in ta4j: a prefix is enough to tell the same work
        for (int i = 1; i < checked; i++) {
            double theirs = sar.getValue(i).doubleValue();
            agree += Math.abs(ours[i] - theirs) <= 1e-6 * Math.abs(theirs) ? 1 : 0;
        }
        if (agree < 0.7 * (checked - 1)) {
            throw new IllegalStateException("psar: ta4j agrees on only " + agree + " of " + (checked - 1) + " bars");
        }
    }

    private void same(String what, double ours, Indicator<Num> theirs) {
        same(what, ours, theirs, n - 1);
    }

    private static void same(String what, double ours, Indicator<Num> theirs, int index) {
        double value = theirs.getValue(index).doubleValue();
        if (!(Math.abs(ours - value) <= 1e-6 * Math.max(1, Math.abs(value)))) {
            throw new IllegalStateException(what + ": QNT9 " + ours + " but ta4j " + value);
        }
    }
}
