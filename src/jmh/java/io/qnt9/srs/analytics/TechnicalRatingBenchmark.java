package io.qnt9.srs.analytics;

import io.qnt9.srs.bench.Synthetic;
import java.util.List;
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

/**
 * What one technical rating costs ({@link TechnicalRating#rate}: the per-instrument price of {@code /technicals} on a
 * first ask and of a screener condition on {@code tech_rating}), against its floor in the same run: computing the same
 * 26 indicator specs through the catalogue and nothing else. SYNTHETIC bars ({@link Synthetic#gbmBars}: geometric
 * Brownian motion, fixed seed), 2,520 and 10,080 of them.
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="TechnicalRatingBenchmark"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed heap, every page touched at start (why: AnalyticsBenchmark).
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class TechnicalRatingBenchmark {

    /** The specs a rating reads, as {@link TechnicalRating#rate} asks for them. */
    static final List<String> SPECS = TechnicalRating.specs();

    @Param({"2520", "10080"})
    int bars;

    BarColumns series;
    List<IndicatorSpec> specs;

    @Setup
    public void setUp() {
        series = Synthetic.gbmBars(bars);
        specs = SPECS.stream().map(IndicatorCatalog::parse).toList();
        TechnicalRating.Rating r = TechnicalRating.rate(series);
        if (r.oscillators().unavailable() + r.movingAverages().unavailable() != 0) {
            throw new IllegalStateException("every component should vote on " + bars + " bars: " + r);
        }
    }

    @Benchmark
    public double rate() {
        return TechnicalRating.rate(series).rating();
    }

    /** The rating at every bar ({@code /technicals}' calibration table needs them all). */
    @Benchmark
    public double history() {
        double[] h = TechnicalRating.history(series);
        return h[h.length - 1];
    }

    /** What {@code /technicals} needed on a first ask before: the rating, then its history, each on its own. */
    @Benchmark
    public double rateThenHistory() {
        double[] h = TechnicalRating.history(series);
        return TechnicalRating.rate(series).rating() + h[h.length - 1];
    }

    /** What it needs now: both from one computation of the indicators. */
    @Benchmark
    public double rateWithHistory() {
        TechnicalRating.RatedHistory both = TechnicalRating.rateWithHistory(series);
        return both.last().rating() + both.history()[both.history().length - 1];
    }

    /** The floor: the same indicators, every column, and the last value of each summed. */
    @Benchmark
    public double indicatorsOnly() {
        double sum = 0;
        for (IndicatorSpec spec : specs) {
            for (double[] column : spec.compute(series).values()) {
                sum += column[column.length - 1];
            }
        }
        return sum;
    }
}
