package io.qnt9.srs.analytics;

import io.qnt9.srs.bench.Synthetic;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole analytics engine over a SYNTHETIC universe: 5,000 instruments × 2,520 daily bars (10 years) of geometric
 * Brownian motion OHLCV with a fixed seed, generated in memory in {@link #generate()} — not market data — plus one
 * synthetic benchmark index.
 *
 * <p>One operation computes, for every instrument, in parallel on a pool with one thread per core
 * ({@code availableProcessors}, 2 on the reference machine):
 *
 * <ul>
 *   <li>the indicators with their default parameters — {@code scope=issue}: the 19 that tracker issue 5 names and
 *       its goal is about ({@link #ISSUE_INDICATORS}); {@code scope=all}: every indicator of
 *       {@link IndicatorCatalog#names()}, the later additions included — every output column (through
 *       {@link IndicatorSpec#computeInto}, as a universe scan would, into per-thread output columns; the input is
 *       wrapped in {@link BarColumns}, so validation is included);
 *   <li>every statistic of {@link ReturnStatistics}: simple and log returns, {@code summarize} (risk-free rate 0, the
 *       HTTP default), {@code relativeTo} the benchmark (beta, correlation), and the rolling volatility, Sharpe and
 *       beta with the HTTP default window of 63 trading days, over a {@link PriceSeries} built (and validated) per
 *       instrument.
 * </ul>
 *
 * The last value of every column and a few summary figures are folded into a checksum that JMH consumes, so nothing
 * is dead code. Goal (tracker issue 5): under 1 s per operation. The warm-up is long (6 × 4 s, about a dozen
 * operations): with both cores busy computing, the JIT compiles the few hundred methods involved slowly, and the
 * first passes take 2–6 s.
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="UniverseBenchmark"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
public class UniverseBenchmark {

    static final int INSTRUMENTS = 5_000;
    static final int BARS = 2_520;
    static final int WINDOW = 63;
    static final double RISK_FREE_RATE = 0;

    /** The indicators tracker issue 5 lists (ROC and momentum are one entry there), whose universe goal is < 1 s. */
    static final List<String> ISSUE_INDICATORS = List.of(
            "sma",
            "ema",
            "wma",
            "dema",
            "tema",
            "rsi",
            "macd",
            "bbands",
            "stoch",
            "atr",
            "adx",
            "obv",
            "vwap",
            "roc",
            "mom",
            "donchian",
            "hv",
            "willr",
            "cci");

    @Param({"issue", "all"})
    public String scope;

    int[] days;
    BarColumns[] universe;
    PriceSeries benchmark;
    List<IndicatorSpec> specs;
    ForkJoinPool pool;
    ThreadLocal<double[][][]> scratch;

    @Setup
    public void generate() {
        days = Synthetic.tradingDays(BARS);
        SplittableRandom seeds = new SplittableRandom(20_261_125L);
        universe = new BarColumns[INSTRUMENTS];
        for (int k = 0; k < INSTRUMENTS; k++) {
            universe[k] = gbm(seeds.split());
        }
        benchmark = new PriceSeries(days, gbm(seeds.split()).close());
        specs = (scope.equals("all") ? IndicatorCatalog.names() : ISSUE_INDICATORS)
                .stream().map(IndicatorCatalog::parse).toList();
        scratch = ThreadLocal.withInitial(() -> {
            double[][][] out = new double[specs.size()][][];
            for (int s = 0; s < out.length; s++) {
                out[s] = new double[specs.get(s).columns().size()][BARS];
            }
            return out;
        });
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown
    public void shutdown() {
        pool.shutdown();
    }

    /**
     * Daily GBM bars: drift 8 %/yr, volatility 15–45 %/yr per instrument; open = previous close, high/low beyond the
     * open/close by a half-normal 0.5 % of noise, volume uniform in 0.5–5.5 million shares.
     */
    static BarColumns gbm(SplittableRandom rnd) {
        double sigma = (0.15 + 0.30 * rnd.nextDouble()) / Math.sqrt(252);
        double mu = 0.08 / 252 - sigma * sigma / 2;
        double[] open = new double[BARS];
        double[] high = new double[BARS];
        double[] low = new double[BARS];
        double[] close = new double[BARS];
        long[] volume = new long[BARS];
        double level = 20 + 180 * rnd.nextDouble();
        for (int i = 0; i < BARS; i++) {
            double o = level;
            level *= Math.exp(mu + sigma * Synthetic.gaussian(rnd));
            open[i] = o;
            close[i] = level;
            high[i] = Math.max(o, level) * (1 + 0.005 * Math.abs(Synthetic.gaussian(rnd)));
            low[i] = Math.min(o, level) * (1 - 0.005 * Math.abs(Synthetic.gaussian(rnd)));
            volume[i] = 500_000L + rnd.nextLong(5_000_000L);
        }
        return new BarColumns(open, high, low, close, volume);
    }

    /** One pass over the whole universe: all indicators and all statistics of every instrument, on every core. */
    @Benchmark
    public double universe() throws InterruptedException, ExecutionException {
        return pool.submit(() -> IntStream.range(0, INSTRUMENTS)
                        .parallel()
                        .mapToDouble(this::instrument)
                        .sum())
                .get();
    }

    double instrument(int k) {
        BarColumns given = universe[k];
        BarColumns bars = new BarColumns(given.open(), given.high(), given.low(), given.close(), given.volume());
        double[][][] out = scratch.get();
        double checksum = 0;
        int last = BARS - 1;
        for (int s = 0; s < out.length; s++) {
            specs.get(s).computeInto(bars, out[s]);
            for (double[] column : out[s]) {
                checksum += column[last];
            }
        }
        PriceSeries prices = new PriceSeries(days, bars.close());
        checksum += ReturnStatistics.simpleReturns(prices.prices())[last];
        checksum += ReturnStatistics.logReturns(prices.prices())[last];
        PerformanceSummary summary = ReturnStatistics.summarize(prices, RISK_FREE_RATE);
        checksum += summary.sharpeRatio()
                + summary.maxDrawdown().depth()
                + summary.valueAtRisk().cvar95();
        BenchmarkRelation relation = ReturnStatistics.relativeTo(prices, benchmark);
        checksum += relation.beta() + relation.correlation();
        checksum += ReturnStatistics.rollingVolatility(prices, WINDOW).values()[last];
        checksum +=
                ReturnStatistics.rollingSharpe(prices, WINDOW, RISK_FREE_RATE).values()[last];
        checksum += ReturnStatistics.rollingBeta(prices, benchmark, WINDOW).values()[last];
        return checksum;
    }

    public static void main(String[] args) throws Exception {
        UniverseBenchmark b = new UniverseBenchmark();
        long t0 = System.nanoTime();
        b.generate();
        System.out.printf(
                "generated %d synthetic instruments x %d bars in %d ms%n",
                INSTRUMENTS, BARS, (System.nanoTime() - t0) / 1_000_000);
        for (int run = 1; run <= 8; run++) {
            long t = System.nanoTime();
            double sum = b.universe();
            System.out.printf("pass %d: %d ms (checksum %.6f)%n", run, (System.nanoTime() - t) / 1_000_000, sum);
        }
        b.shutdown();
    }
}
