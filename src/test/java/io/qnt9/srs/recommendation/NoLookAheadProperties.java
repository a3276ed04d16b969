package io.qnt9.srs.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.ReferenceCsv;
import io.qnt9.srs.marketdata.DailySeries;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A recommendation as of day D uses only bars up to D: whatever happens after D — here every later bar of the stock
 * and of the benchmark is replaced by a random walk — the recommendation at D, every reason included, is identical.
 * Run on the bundled real AAPL series against the real S&P 500.
 */
class NoLookAheadProperties {

    static final DailySeries AAPL = load("AAPL", "aapl.csv");
    static final DailySeries SPX = load("SPX", "spx.csv");

    static DailySeries load(String symbol, String file) {
        List<ReferenceCsv.Row> rows = ReferenceCsv.read(file);
        DailySeries.Builder b = new DailySeries.Builder(symbol, rows.size());
        for (ReferenceCsv.Row r : rows) {
            b.add(r.date(), r.open(), r.high(), r.low(), r.close(), r.volume());
        }
        return b.build();
    }

    /** The same dates, identical up to and including {@code day}, a random walk afterwards. */
    static DailySeries rewriteAfter(DailySeries s, java.time.LocalDate day, long seed) {
        Random rnd = new Random(seed);
        DailySeries.Builder b = new DailySeries.Builder(s.symbol(), s.size());
        double level = 1;
        for (int i = 0; i < s.size(); i++) {
            if (!s.date(i).isAfter(day)) {
                b.add(
                        s.epochDays()[i],
                        s.open()[i],
                        s.high()[i],
                        s.low()[i],
                        s.close()[i],
                        s.adjClose()[i],
                        s.volume()[i]);
            } else {
                level *= Math.exp(rnd.nextGaussian() * 0.2); // wild moves: ±20 % a day
                double c = s.close()[i] * level;
                b.add(s.epochDays()[i], c, c * 1.01, c * 0.99, c, c, rnd.nextInt(1_000_000));
            }
        }
        return b.build();
    }

    @Property(tries = 150)
    void theRecommendationAtADayIgnoresEveryLaterBar(
            @ForAll @IntRange(min = 59, max = 1258) int day, @ForAll long seed) {
        java.time.LocalDate d = AAPL.date(day);
        DailySeries aaplChanged = rewriteAfter(AAPL, d, seed);
        DailySeries spxChanged = rewriteAfter(SPX, d, seed + 1);
        ModelSettings settings = ModelSettings.defaults();

        Recommendation original = new FactorModel(settings, AAPL, SPX).recommend(day);
        Recommendation changed = new FactorModel(settings, aaplChanged, spxChanged).recommend(day);

        assertThat(changed).isEqualTo(original);
        assertThat(aaplChanged.close()[AAPL.size() - 1]).isNotEqualTo(AAPL.close()[AAPL.size() - 1]);
    }
}
