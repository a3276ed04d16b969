package io.qnt9.srs.recommendation;

import io.qnt9.srs.bench.Synthetic;
import io.qnt9.srs.marketdata.DailySeries;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The universe ranking's compute pass: the latest recommendation of every instrument of a SYNTHETIC universe —
 * 5,000 instruments × 2,520 daily bars (10 years) of geometric Brownian motion with a fixed seed, generated in
 * memory, never presented as real data — plus a synthetic benchmark for relative strength, scored on all cores.
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="RankingBenchmark"</pre>
 *
 * or, without JMH, {@code main} prints the wall time of a few passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
public class RankingBenchmark {

    static final int INSTRUMENTS = 5_000;
    static final int BARS = 2_520;

    private static final ThreadLocal<FactorModel.Scratch> SCRATCH = ThreadLocal.withInitial(FactorModel.Scratch::new);

    DailySeries[] universe;
    DailySeries benchmark;
    ModelSettings settings = ModelSettings.defaults();

    @Setup
    public void generate() {
        int[] days = Synthetic.tradingDays(BARS);
        long[] volume = new long[BARS];
        Arrays.fill(volume, 1_000_000L);
        SplittableRandom seeds = new SplittableRandom(20_261_124L);
        universe = new DailySeries[INSTRUMENTS];
        for (int k = 0; k < INSTRUMENTS; k++) {
            universe[k] = gbm("SYN" + k, days, volume, seeds.split());
        }
        benchmark = gbm("SYNIDX", days, volume, seeds.split());
    }

    /** Daily GBM closes (drift 8 %/yr, volatility 15–45 %/yr); one price column serves as OHLC and adjusted close. */
    static DailySeries gbm(String symbol, int[] days, long[] volume, SplittableRandom rnd) {
        double sigma = (0.15 + 0.30 * rnd.nextDouble()) / Math.sqrt(252);
        double mu = 0.08 / 252 - sigma * sigma / 2;
        double[] p = new double[days.length];
        double level = 20 + 180 * rnd.nextDouble();
        for (int i = 0; i < p.length; i++) {
            level *= Math.exp(mu + sigma * Synthetic.gaussian(rnd));
            p[i] = level;
        }
        return DailySeries.of(symbol, days, p, p, p, p, p, volume);
    }

    /** One ranking pass: every instrument's latest score, in parallel, as the service's ranking does. */
    @Benchmark
    public double rankUniverse() {
        return IntStream.range(0, INSTRUMENTS)
                .parallel()
                .mapToDouble(k -> {
                    FactorModel.Scored s =
                            new FactorModel(settings, universe[k], benchmark, SCRATCH.get()).score(BARS - 1);
                    return s == null ? 0 : s.score();
                })
                .sum();
    }

    public static void main(String[] args) {
        RankingBenchmark b = new RankingBenchmark();
        long t0 = System.nanoTime();
        b.generate();
        System.out.printf(
                "generated %d synthetic instruments x %d bars in %d ms%n",
                INSTRUMENTS, BARS, (System.nanoTime() - t0) / 1_000_000);
        for (int run = 1; run <= 8; run++) {
            long t = System.nanoTime();
            double sum = b.rankUniverse();
            System.out.printf("pass %d: %d ms (checksum %.6f)%n", run, (System.nanoTime() - t) / 1_000_000, sum);
        }
    }
}
