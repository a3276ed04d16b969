package io.qnt9.srs.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.marketdata.DailySeries;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class FactorModelTests {

    static final ModelSettings DEFAULTS = ModelSettings.defaults();

    /** Consecutive calendar days from 2020-01-01 with open = high = low = close = adj close. */
    static DailySeries series(String symbol, int n, IntToDoubleFunction price) {
        DailySeries.Builder b = new DailySeries.Builder(symbol, n);
        LocalDate d = LocalDate.of(2020, 1, 1);
        for (int t = 0; t < n; t++) {
            double p = price.applyAsDouble(t);
            b.add(d.plusDays(t), p, p, p, p, 1000);
        }
        return b.build();
    }

    @Test
    void readsTheTrendCrossMomentumAndDrawdownOfASteadyRiseByHand() {
        FactorModel m = new FactorModel(DEFAULTS, series("UP", 300, t -> 100 + t), null);
        int i = 299; // price 399
        double sma200 = 100 + (100 + 299) / 2.0; // mean of 200..399
        double sma50 = 100 + (250 + 299) / 2.0; // mean of 350..399
        assertThat(m.value(Factor.TREND, i)).isCloseTo(399 / sma200 - 1, within(1e-12));
        assertThat(m.value(Factor.CROSS, i)).isCloseTo(sma50 / sma200 - 1, within(1e-12));
        assertThat(m.trailingReturn(i, 63)).isCloseTo(399.0 / 336 - 1, within(1e-12));
        assertThat(m.trailingReturn(i, 252)).isCloseTo(399.0 / 147 - 1, within(1e-12));
        assertThat(m.contribution(Factor.TREND, i)).isEqualTo(1.0); // 33 % above: clamped
        assertThat(m.contribution(Factor.MOMENTUM, i)).isEqualTo(1.0); // every horizon beyond its scale
        assertThat(m.value(Factor.DRAWDOWN, i)).isZero();
        assertThat(m.contribution(Factor.DRAWDOWN, i)).isEqualTo(1.0);
        assertThat(m.value(Factor.RSI, i)).isEqualTo(100.0); // only gains
        assertThat(m.contribution(Factor.RSI, i)).isEqualTo(-1.0); // extremely overbought
        assertThat(m.value(Factor.VOLATILITY, i))
                .as("volatility keeps falling: lowest of the year")
                .isZero();
        assertThat(m.value(Factor.RELATIVE_STRENGTH, i)).as("no benchmark").isNaN();
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheAvailableContributionsAndConfidenceFollowsItsFormula() {
        FactorModel m = new FactorModel(DEFAULTS, series("UP", 300, t -> 100 + t), null);
        int i = 299;
        double weighted = 0;
        double weightedAbs = 0;
        double available = 0;
        for (Factor f : Factor.values()) {
            double c = m.contribution(f, i);
            if (!Double.isNaN(c)) {
                weighted += DEFAULTS.weight(f) * c;
                weightedAbs += DEFAULTS.weight(f) * Math.abs(c);
                available += DEFAULTS.weight(f);
            }
        }
        assertThat(available).isCloseTo(0.9, within(1e-12)); // relative strength is missing
        FactorModel.Scored s = m.score(i);
        assertThat(s.score()).isCloseTo(weighted / available, within(1e-12));
        assertThat(s.confidence()).isCloseTo(0.9 * 1.0 * (0.5 + 0.5 * Math.abs(weighted) / weightedAbs), within(1e-12));
        assertThat(s.band()).isEqualTo(DEFAULTS.band(s.score()));
        assertThat(m.recommend(i).reasons()).hasSize(7);
    }

    @Test
    void relativeStrengthIsTheExcessSixMonthReturnOverTheSameDates() {
        DailySeries bench = series("BENCH", 300, t -> 100 * Math.pow(1.001, t));
        DailySeries asset = series("ASSET", 300, t -> 50 * Math.pow(1.002, t));
        FactorModel m = new FactorModel(DEFAULTS, asset, bench);
        assertThat(m.value(Factor.RELATIVE_STRENGTH, 299))
                .isCloseTo((Math.pow(1.002, 126) - 1) - (Math.pow(1.001, 126) - 1), within(1e-12));
        assertThat(m.recommend(299).reasons())
                .filteredOn(r -> r.factor().equals("relativeStrength"))
                .singleElement()
                .satisfies(r -> assertThat(r.sentence())
                        .as("returns of 28.6 %% and 13.4 %% differ by points, not by per cent")
                        .isEqualTo("6-month return +28.6 % vs +13.4 % for BENCH: outperforming by 15.2 "
                                + "percentage points."));
    }

    @Test
    void volatilityRankSaysHighestAndLowestInWords() {
        assertThat(FactorModel.volatilityRank(1.0)).isEqualTo("the highest of the past year");
        assertThat(FactorModel.volatilityRank(0.0)).isEqualTo("the lowest of the past year");
        assertThat(FactorModel.volatilityRank(0.625)).isEqualTo("higher than 62.5 % of the past year's readings");
    }

    @Test
    void aBenchmarkThatStopsEarlyIsNotUsed() {
        DailySeries bench = series("BENCH", 200, t -> 100);
        FactorModel m = new FactorModel(DEFAULTS, series("ASSET", 300, t -> 100 + t), bench);
        assertThat(m.value(Factor.RELATIVE_STRENGTH, 299)).isNaN();
        assertThat(new FactorModel(DEFAULTS, bench, bench).value(Factor.RELATIVE_STRENGTH, 199))
                .as("an instrument is not compared with itself")
                .isNaN();
    }

    @Test
    void rsiZonesMapContinuouslyToContributions() {
        assertThat(FactorModel.rsiContribution(50)).isZero();
        assertThat(FactorModel.rsiContribution(70)).isEqualTo(0.5);
        assertThat(FactorModel.rsiContribution(80)).isEqualTo(-0.5);
        assertThat(FactorModel.rsiContribution(90)).isEqualTo(-1.0);
        assertThat(FactorModel.rsiContribution(30)).isEqualTo(-0.5);
        assertThat(FactorModel.rsiContribution(20)).isEqualTo(0.5);
        assertThat(FactorModel.rsiContribution(10)).isEqualTo(1.0);
    }

    @Test
    void theRsiSentenceAgreesWithTheSignOfItsContribution() {
        // 72: contribution 0.5 - 2/10 = +0.3, bullish, so not "a pullback is more likely".
        assertThat(FactorModel.rsiContribution(72)).isCloseTo(0.3, within(1e-12));
        assertThat(FactorModel.rsiSentence(72, FactorModel.rsiContribution(72)))
                .isEqualTo("RSI 72.0: overbought territory, still read as strong momentum (from 75 it counts"
                        + " against).");
        assertThat(FactorModel.rsiSentence(78, FactorModel.rsiContribution(78)))
                .isEqualTo("RSI 78.0: overbought, a pullback is more likely than usual.");
        // 28: contribution -0.5 + 2/10 = -0.3, still bearish.
        assertThat(FactorModel.rsiSentence(28, FactorModel.rsiContribution(28)))
                .isEqualTo("RSI 28.0: oversold territory, still read as weak momentum (from 25 it counts for a"
                        + " rebound).");
        assertThat(FactorModel.rsiSentence(22, FactorModel.rsiContribution(22)))
                .isEqualTo("RSI 22.0: oversold, a rebound is more likely than usual.");
        assertThat(FactorModel.rsiSentence(55, FactorModel.rsiContribution(55)))
                .isEqualTo("RSI 55.0: positive momentum without excess.");
    }

    @Test
    void namesAGoldenCrossAndHowLongAgoItHappened() {
        // falls for 250 days, then rises steeply: the 50-day average crosses above the 200-day at some day c
        DailySeries s = series("X", 400, t -> t < 250 ? 300 - 0.5 * t : 175 + 2.0 * (t - 250));
        double[] p = s.adjClose();
        int cross = -1;
        for (int t = 200; t < 400 && cross < 0; t++) {
            if (mean(p, t, 50) > mean(p, t, 200) && mean(p, t - 1, 50) <= mean(p, t - 1, 200)) {
                cross = t;
            }
        }
        assertThat(cross).isPositive();
        FactorModel m = new FactorModel(DEFAULTS, s, null);
        assertThat(m.recommend(cross + 3).reasons())
                .filteredOn(r -> r.factor().equals("cross"))
                .singleElement()
                .satisfies(r -> assertThat(r.sentence()).contains("golden cross 3 days ago"));
    }

    private static double mean(double[] p, int end, int n) {
        double sum = 0;
        for (int k = end - n + 1; k <= end; k++) {
            sum += p[k];
        }
        return sum / n;
    }

    @Test
    void givesNoScoreBeforeTheMinimumHistoryAndNamesWhatIsMissingAfter() {
        FactorModel m = new FactorModel(DEFAULTS, series("SHORT", 100, t -> 100 + Math.sin(t / 5.0)), null);
        assertThat(m.score(58)).isNull();
        assertThat(m.score(59)).isNotNull();
        assertThat(m.value(Factor.TREND, 99)).as("no 200-day average yet").isNaN();
        assertThat(m.recommend(99).reasons())
                .extracting(Recommendation.Reason::factor)
                .doesNotContain("trend", "cross", "relativeStrength");
    }

    @Test
    void bandsFollowTheConfiguredThresholds() {
        assertThat(DEFAULTS.band(-0.8)).isEqualTo(Band.STRONG_SELL);
        assertThat(DEFAULTS.band(-0.5)).isEqualTo(Band.STRONG_SELL);
        assertThat(DEFAULTS.band(-0.3)).isEqualTo(Band.SELL);
        assertThat(DEFAULTS.band(0)).isEqualTo(Band.HOLD);
        assertThat(DEFAULTS.band(0.15)).isEqualTo(Band.BUY);
        assertThat(DEFAULTS.band(0.5)).isEqualTo(Band.STRONG_BUY);
        ModelSettings tight = new ModelSettings("v2", "SPX", Map.of("rsi", 0.0), -0.9, -0.8, 0.8, 0.9, 60);
        assertThat(tight.band(0.6)).isEqualTo(Band.HOLD);
        assertThat(tight.weight(Factor.RSI)).isZero();
    }

    @Test
    void refusesInconsistentConfiguration() {
        assertThatThrownBy(() -> new ModelSettings("v", "SPX", Map.of("astrology", 0.5), -0.5, -0.15, 0.15, 0.5, 60))
                .hasMessageContaining("unknown factor 'astrology'");
        assertThatThrownBy(() -> new ModelSettings("v", "SPX", null, -0.5, 0.2, 0.15, 0.5, 60))
                .hasMessageContaining("thresholds");
        assertThatThrownBy(() -> new ModelSettings("v", "SPX", Map.of("trend", -1.0), -0.5, -0.15, 0.15, 0.5, 60))
                .hasMessageContaining("≥ 0");
    }
}
