package io.qnt9.srs.search;

import io.qnt9.srs.marketdata.Instrument;
import io.qnt9.srs.marketdata.InstrumentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Search and suggest latency over a SYNTHETIC directory of 10,000 instruments (names built from a word list with a
 * fixed seed, plus the four real bundled ones). Sample-time mode reports the latency distribution (p50/p99/p99.9).
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="SearchBenchmark"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchBenchmark {

    private static final String[] WORDS = {
        "Global",
        "American",
        "United",
        "First",
        "National",
        "Pacific",
        "Atlantic",
        "Northern",
        "Southern",
        "Digital",
        "Energy",
        "Capital",
        "Holdings",
        "Systems",
        "Technologies",
        "Pharmaceuticals",
        "Industries",
        "Financial",
        "Bancorp",
        "Resources",
        "Networks",
        "Semiconductor",
        "Biotech",
        "Motors",
        "Foods",
        "Retail",
        "Insurance",
        "Logistics",
        "Materials",
        "Software",
        "Solutions",
        "Therapeutics",
        "Aerospace",
        "Minerals",
        "Communications",
        "Media",
        "Realty",
        "Trust",
        "Partners",
        "Group"
    };
    private static final String[] SUFFIXES = {"Inc.", "Corp.", "Ltd.", "plc", "AG", "SE", "S.A.", "N.V.", "Co."};

    @Param({"apple", "AAPL", "US0378331005", "micrsoft", "glob", "holdings capital", "zzzz"})
    public String query;

    private SearchIndex index;

    @Setup
    public void build() {
        Random rnd = new Random(20261124L);
        List<Instrument> list = new ArrayList<>();
        list.add(new Instrument(
                "AAPL",
                "Apple Inc.",
                "NASDAQ",
                "USD",
                "US0378331005",
                "865985",
                "Information Technology",
                InstrumentKind.STOCK));
        list.add(new Instrument(
                "MSFT",
                "Microsoft Corporation",
                "NASDAQ",
                "USD",
                "US5949181045",
                "870747",
                "Information Technology",
                InstrumentKind.STOCK));
        for (int i = list.size(); i < 10_000; i++) {
            String name = WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + " "
                    + SUFFIXES[rnd.nextInt(SUFFIXES.length)];
            StringBuilder sym = new StringBuilder();
            for (int k = 0; k < 3 + rnd.nextInt(2); k++) {
                sym.append((char) ('A' + rnd.nextInt(26)));
            }
            list.add(new Instrument(sym.toString() + i, name, "SYN", "USD", null, null, null, InstrumentKind.STOCK));
        }
        index = new SearchIndex(list, 1);
    }

    @Benchmark
    public SearchIndex.Result search() {
        return index.search(query, 10);
    }

    @Benchmark
    public SearchIndex.Result suggest() {
        return index.search(query, 8);
    }
}
