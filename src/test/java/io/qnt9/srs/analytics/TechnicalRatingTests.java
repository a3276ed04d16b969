package io.qnt9.srs.analytics;

import static io.qnt9.srs.analytics.TechnicalRating.Signal.BUY;
import static io.qnt9.srs.analytics.TechnicalRating.Signal.NEUTRAL;
import static io.qnt9.srs.analytics.TechnicalRating.Signal.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qnt9.srs.analytics.TechnicalRating.Component;
import io.qnt9.srs.analytics.TechnicalRating.Group;
import io.qnt9.srs.analytics.TechnicalRating.Rating;
import io.qnt9.srs.analytics.TechnicalRating.Signal;
import io.qnt9.srs.analytics.TechnicalRating.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TechnicalRatingTests {

    @Test
    void movingAveragesVoteByWhereTheCloseIs() {
        assertThat(TechnicalRating.average(9, 10)).isEqualTo(BUY);
        assertThat(TechnicalRating.average(11, 10)).isEqualTo(SELL);
        assertThat(TechnicalRating.average(10, 10)).isEqualTo(NEUTRAL);
    }

    @Test
    void levelRulesNeedTheZoneAndTheTurn() {
        // RSI's 30/70: below 30 and rising buys, above 70 and falling sells, anything else is neutral
        assertThat(TechnicalRating.level(25, 24, 30, 70)).isEqualTo(BUY);
        assertThat(TechnicalRating.level(25, 26, 30, 70))
                .as("oversold but still falling")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.level(30, 29, 30, 70))
                .as("30 is not below 30")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.level(75, 76, 30, 70)).isEqualTo(SELL);
        assertThat(TechnicalRating.level(75, 74, 30, 70))
                .as("overbought but still rising")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.level(70, 71, 30, 70)).isEqualTo(NEUTRAL);
        // Williams %R's −80/−20
        assertThat(TechnicalRating.level(-85, -90, -80, -20)).isEqualTo(BUY);
        assertThat(TechnicalRating.level(-10, -5, -80, -20)).isEqualTo(SELL);
        assertThat(TechnicalRating.level(-50, -60, -80, -20)).isEqualTo(NEUTRAL);
    }

    @Test
    void theStochasticVotesOnWhereKIsInItsZone() {
        assertThat(TechnicalRating.zone(15, 12)).isEqualTo(BUY);
        assertThat(TechnicalRating.zone(12, 15)).as("%K under %D").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.zone(21, 12)).as("%K not below 20").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.zone(85, 88)).isEqualTo(SELL);
        assertThat(TechnicalRating.zone(88, 85)).as("%K over %D").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.zone(75, 79)).as("not above 80").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.zone(50, 40)).isEqualTo(NEUTRAL);
    }

    @Test
    void theStochasticRsiBuysOnlyAgainstADowntrendAndSellsOnlyInAnUptrend() {
        assertThat(TechnicalRating.againstTrend(15, 12, 95, 100))
                .as("close under its EMA")
                .isEqualTo(BUY);
        assertThat(TechnicalRating.againstTrend(15, 12, 105, 100))
                .as("the same zone in an uptrend")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.againstTrend(85, 88, 105, 100)).isEqualTo(SELL);
        assertThat(TechnicalRating.againstTrend(85, 88, 95, 100))
                .as("overbought in a downtrend")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.againstTrend(15, 12, 100, 100))
                .as("close on its EMA: no trend")
                .isEqualTo(NEUTRAL);
    }

    @Test
    void adxVotesOnTheDiOrderWhileARisingTrendIsStrong() {
        assertThat(TechnicalRating.adx(25, 24, 30, 20)).isEqualTo(BUY);
        assertThat(TechnicalRating.adx(25, 26, 30, 20)).as("ADX falling").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.adx(15, 14, 30, 20)).as("no trend: ADX 15").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.adx(25, 24, 20, 30)).isEqualTo(SELL);
        assertThat(TechnicalRating.adx(25, 24, 20, 20)).as("+DI equal to −DI").isEqualTo(NEUTRAL);
    }

    @Test
    void theAwesomeOscillatorVotesOnZeroCrossingsAndSaucers() {
        assertThat(TechnicalRating.awesome(1, -1, 0)).as("crossing above zero").isEqualTo(BUY);
        assertThat(TechnicalRating.awesome(1, 0, -1))
                .as("crossing above zero from zero (Pine's crossover: ao[1] <= 0)")
                .isEqualTo(BUY);
        assertThat(TechnicalRating.awesome(3, 1, 2)).as("saucer above zero").isEqualTo(BUY);
        assertThat(TechnicalRating.awesome(3, 1, 0.5)).as("rising, no dip").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.awesome(-1, 1, 0)).as("crossing below zero").isEqualTo(SELL);
        assertThat(TechnicalRating.awesome(-1, 0, 1))
                .as("crossing below zero from zero")
                .isEqualTo(SELL);
        assertThat(TechnicalRating.awesome(-3, -1, -2)).as("saucer below zero").isEqualTo(SELL);
        assertThat(TechnicalRating.awesome(0, 1, 2)).isEqualTo(NEUTRAL);
    }

    @Test
    void bullBearPowerBuysARisingBearPowerInAnUptrendAndSellsAFallingBullPowerInADowntrend() {
        // power(bull, bull[1], bear, bear[1], close, EMA(50))
        assertThat(TechnicalRating.power(2, 3, -1, -2, 105, 100)).isEqualTo(BUY);
        assertThat(TechnicalRating.power(2, 3, -3, -2, 105, 100))
                .as("bear power falling")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.power(2, 3, 0.5, 0.2, 105, 100))
                .as("bear power above zero")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.power(2, 3, -1, -2, 95, 100))
                .as("a downtrend: bull power above zero and falling sells (the rising bear power does not buy)")
                .isEqualTo(SELL);
        assertThat(TechnicalRating.power(3, 2, -1, -2, 95, 100))
                .as("bull power rising")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.power(-1, 0, -3, -2, 95, 100))
                .as("bull power below zero")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.power(2, 3, -1, -2, 100, 100))
                .as("close on its EMA: no trend")
                .isEqualTo(NEUTRAL);
    }

    @Test
    void theUltimateOscillatorBuysAbove70AndSellsBelow30() {
        assertThat(TechnicalRating.threshold(75, 30, 70)).isEqualTo(BUY);
        assertThat(TechnicalRating.threshold(25, 30, 70)).isEqualTo(SELL);
        assertThat(TechnicalRating.threshold(70, 30, 70)).isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.threshold(30, 30, 70)).isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.threshold(50, 30, 70)).isEqualTo(NEUTRAL);
    }

    @Test
    void momentumAndMacdVoteOnDirection() {
        assertThat(TechnicalRating.direction(2, 1)).isEqualTo(BUY);
        assertThat(TechnicalRating.direction(1, 2)).isEqualTo(SELL);
        assertThat(TechnicalRating.direction(1, 1)).isEqualTo(NEUTRAL);
    }

    @Test
    void ichimokuNeedsEveryLineInOrder() {
        assertThat(TechnicalRating.ichimoku(10, 9, 8, 7, 6)).isEqualTo(BUY);
        assertThat(TechnicalRating.ichimoku(10, 9, 8, 7, 7.5))
                .as("span A under span B")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.ichimoku(8.5, 9, 8, 7, 6))
                .as("close under the conversion line")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.ichimoku(6, 7, 8, 9, 10)).isEqualTo(SELL);
    }

    @Test
    void roundingNoiseIsATieNotAVote() {
        // the two values AAPL's stochastic RSI had as %K and %D on its 749th bar, both 0 in exact arithmetic, taken
        // in the order in which a plain comparison would call %K above %D (below 20: a buy)
        assertThat(TechnicalRating.zone(-1.5477742544413154E-13, -1.8710958708349304E-13))
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.zone(1e-6, 0)).as("a real difference").isEqualTo(BUY);
        assertThat(TechnicalRating.average(188.59 * (1 + 1e-12), 188.59)).isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.average(188.59 * (1 + 1e-8), 188.59)).isEqualTo(SELL);
    }

    @Test
    void verdictsUseTradingViewsThresholds() {
        assertThat(Verdict.of(-1)).isEqualTo(Verdict.STRONG_SELL);
        assertThat(Verdict.of(-0.500001)).isEqualTo(Verdict.STRONG_SELL);
        assertThat(Verdict.of(-0.5)).isEqualTo(Verdict.SELL);
        assertThat(Verdict.of(-0.100001)).isEqualTo(Verdict.SELL);
        assertThat(Verdict.of(-0.1)).isEqualTo(Verdict.NEUTRAL);
        assertThat(Verdict.of(0)).isEqualTo(Verdict.NEUTRAL);
        assertThat(Verdict.of(0.1)).isEqualTo(Verdict.NEUTRAL);
        assertThat(Verdict.of(0.100001)).isEqualTo(Verdict.BUY);
        assertThat(Verdict.of(0.5)).isEqualTo(Verdict.BUY);
        assertThat(Verdict.of(0.500001)).isEqualTo(Verdict.STRONG_BUY);
        assertThat(Verdict.of(1)).isEqualTo(Verdict.STRONG_BUY);
    }

    @Test
    void withTenBarsOnlyTheTenBarAveragesVote() {
        // a falling series: both 10-bar averages lie above the last close (mean 104.5 against 100)
        int n = 10;
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            close[i] = 109 - i;
        }
        Rating r = TechnicalRating.rate(bars(close));
        assertThat(voters(r.movingAverages())).extracting(Component::name).containsExactly("EMA (10)", "SMA (10)");
        assertThat(r.movingAverages().components().get(1).inputs())
                .containsEntry("sma_10", 104.5)
                .containsEntry("close", 100.0);
        assertThat(r.movingAverages().sell()).isEqualTo(2);
        assertThat(r.movingAverages().unavailable()).isEqualTo(13);
        assertThat(r.movingAverages().rating()).isEqualTo(-1.0);
        assertThat(r.oscillators().rating())
                .as("no oscillator has enough history")
                .isNull();
        assertThat(r.oscillators().unavailable()).isEqualTo(11);
        assertThat(r.rating()).as("the one group with votes").isEqualTo(-1.0);
        assertThat(r.verdict()).isEqualTo(Verdict.STRONG_SELL);
        assertThat(r.sell()).isEqualTo(2);

        // with nine, nothing votes: no rating, no verdict, every component unavailable
        Rating none = TechnicalRating.rate(bars(Arrays.copyOf(close, 9)));
        assertThat(none.rating()).isNull();
        assertThat(none.verdict()).isNull();
        assertThat(none.oscillators().unavailable() + none.movingAverages().unavailable())
                .isEqualTo(26);

        assertThatThrownBy(() -> TechnicalRating.rate(bars(new double[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSimpleAveragesVotesAndTheTallyMatchAHandComputation() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        Rating r = TechnicalRating.rate(aapl.bars());
        double[] c = aapl.close();
        double last = c[c.length - 1];
        for (Component comp : r.movingAverages().components()) {
            if (comp.name().startsWith("SMA (")) {
                int period = Integer.parseInt(comp.name().replaceAll("\\D", ""));
                double mean = Arrays.stream(c, c.length - period, c.length).sum() / period;
                Tolerance.assertClose(comp.name(), comp.inputs().get("sma_" + period), mean, 1e-12, 0);
                assertThat(comp.signal()).as(comp.name()).isEqualTo(mean < last ? BUY : SELL);
            }
        }
        for (Group g : List.of(r.oscillators(), r.movingAverages())) {
            assertThat(g.unavailable())
                    .as("1,260 bars are enough for every component")
                    .isZero();
            long buy = g.components().stream().filter(x -> x.signal() == BUY).count();
            long sell = g.components().stream().filter(x -> x.signal() == SELL).count();
            assertThat(g.buy()).isEqualTo(buy);
            assertThat(g.sell()).isEqualTo(sell);
            assertThat(g.buy() + g.neutral() + g.sell())
                    .isEqualTo(g.components().size());
            assertThat(g.rating())
                    .isEqualTo((double) (buy - sell) / g.components().size());
        }
        assertThat(r.oscillators().components()).hasSize(11);
        assertThat(r.movingAverages().components()).hasSize(15);
        assertThat(TechnicalRating.specs())
                .as("26 indicators; the EMA 50 also serves as the trend of two oscillators")
                .hasSize(26)
                .contains("stochfull:14:3:3", "cci_close:20", "bbpower:13", "ema:50");
        assertThat(r.rating())
                .isEqualTo((r.oscillators().rating() + r.movingAverages().rating()) / 2);
        assertThat(r.verdict()).isEqualTo(Verdict.of(r.rating()));
    }

    /**
     * The oscillators TradingView's library adds over the classic ones read what it reads, recomputed here from the
     * CSV by plain loops (full stochastic, CCI of the close, Bull Bear Power, the EMA(50) trend), and every oscillator
     * votes as its rule, written out again here, says on the values it reports. Ties closer than 1e-6 are left out
     * (the service counts values within 1e-9 as equal; a plain comparison would vote on the noise).
     */
    @Test
    void theOscillatorsReadTradingViewsIndicatorsAndVoteByItsRules() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        int checked = 0;
        int[] nonNeutral = new int[1];
        for (int end = 120; end <= aapl.close().length; end += 7) {
            BarColumns bars = slice(aapl.bars(), end);
            double[] h = bars.high();
            double[] l = bars.low();
            double[] c = bars.close();
            java.util.Map<String, Component> byName = new java.util.HashMap<>();
            TechnicalRating.rate(bars).oscillators().components().forEach(x -> byName.put(x.name(), x));
            int last = end - 1;
            double ema50 = ema(c, 50)[last];

            Component stoch = byName.get("Stochastic %K (14, 3, 3)");
            double k = (fastK(h, l, c, last) + fastK(h, l, c, last - 1) + fastK(h, l, c, last - 2)) / 3;
            double d = 0;
            for (int j = last - 2; j <= last; j++) {
                d += (fastK(h, l, c, j) + fastK(h, l, c, j - 1) + fastK(h, l, c, j - 2)) / 9;
            }
            Tolerance.assertClose("%K at " + end, stoch.inputs().get("stochfull_k_14_3_3"), k, 1e-9, 1e-9);
            Tolerance.assertClose("%D at " + end, stoch.inputs().get("stochfull_d_14_3_3"), d, 1e-9, 1e-9);
            checkVote(stoch, new Rule(k, d).zone(), nonNeutral);

            Component cci = byName.get("CCI (20) of the close");
            double now = cciOfClose(c, last);
            double before = cciOfClose(c, last - 1);
            Tolerance.assertClose("CCI at " + end, cci.inputs().get("cci_close_20"), now, 1e-9, 1e-7);
            Tolerance.assertClose("CCI[1] at " + end, cci.inputs().get("cci_close_20[1]"), before, 1e-9, 1e-7);
            Rule r = new Rule(now, before, -100.0, 100.0);
            checkVote(cci, r.lt(0, 2) && r.gt(0, 1) ? BUY : r.gt(0, 3) && r.lt(0, 1) ? SELL : NEUTRAL, r, nonNeutral);

            Component bbp = byName.get("Bull Bear Power (13)");
            double[] e13 = ema(c, 13);
            double bull = h[last] - e13[last];
            double bull1 = h[last - 1] - e13[last - 1];
            double bear = l[last] - e13[last];
            double bear1 = l[last - 1] - e13[last - 1];
            Tolerance.assertClose("bull at " + end, bbp.inputs().get("bull_power_13"), bull, 1e-9, 1e-9);
            Tolerance.assertClose("bull[1] at " + end, bbp.inputs().get("bull_power_13[1]"), bull1, 1e-9, 1e-9);
            Tolerance.assertClose("bear at " + end, bbp.inputs().get("bear_power_13"), bear, 1e-9, 1e-9);
            Tolerance.assertClose("bear[1] at " + end, bbp.inputs().get("bear_power_13[1]"), bear1, 1e-9, 1e-9);
            Tolerance.assertClose("EMA(50) at " + end, bbp.inputs().get("ema_50"), ema50, 1e-12, 0);
            r = new Rule(c[last], ema50, bull, bull1, bear, bear1, 0.0);
            checkVote(
                    bbp,
                    r.gt(0, 1) && r.lt(4, 6) && r.gt(4, 5)
                            ? BUY
                            : r.lt(0, 1) && r.gt(2, 6) && r.lt(2, 3) ? SELL : NEUTRAL,
                    r,
                    nonNeutral);

            Component stochRsi = byName.get("Stochastic RSI (14, 14, 3, 3)");
            Tolerance.assertClose("its trend at " + end, stochRsi.inputs().get("ema_50"), ema50, 1e-12, 0);
            double sk = stochRsi.inputs().get("stochrsi_k_14_14_3_3");
            double sd = stochRsi.inputs().get("stochrsi_d_14_14_3_3");
            r = new Rule(c[last], ema50, sk, sd, 20.0, 80.0);
            checkVote(
                    stochRsi,
                    r.lt(0, 1) && r.lt(2, 4) && r.lt(3, 4) && r.gt(2, 3)
                            ? BUY
                            : r.gt(0, 1) && r.gt(2, 5) && r.gt(3, 5) && r.lt(2, 3) ? SELL : NEUTRAL,
                    r,
                    nonNeutral);

            Component adx = byName.get("ADX (14)");
            r = new Rule(
                    adx.inputs().get("adx_14"),
                    adx.inputs().get("adx_14[1]"),
                    adx.inputs().get("plus_di_14"),
                    adx.inputs().get("minus_di_14"),
                    20.0);
            boolean trend = r.gt(0, 4) && r.gt(0, 1);
            checkVote(adx, trend && r.gt(2, 3) ? BUY : trend && r.lt(2, 3) ? SELL : NEUTRAL, r, nonNeutral);

            Component uo = byName.get("Ultimate oscillator (7, 14, 28)");
            r = new Rule(uo.inputs().get("ultosc_7_14_28"), 30.0, 70.0);
            checkVote(uo, r.gt(0, 2) ? BUY : r.lt(0, 1) ? SELL : NEUTRAL, r, nonNeutral);
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(nonNeutral[0])
                .as("the rules were checked on real buys and sells, not only neutrals")
                .isGreaterThan(100);
    }

    /** Values a rule compares; {@code clear} is false once two of them were compared within 1e-6 of each other. */
    private static final class Rule {
        private final double[] v;
        boolean clear = true;

        Rule(double... v) {
            this.v = v;
        }

        private int compare(int a, int b) {
            double x = v[a];
            double y = v[b];
            if (Math.abs(x - y) <= 1e-6 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
                clear = false;
            }
            return Double.compare(x, y);
        }

        boolean gt(int a, int b) {
            return compare(a, b) > 0;
        }

        boolean lt(int a, int b) {
            return compare(a, b) < 0;
        }

        /** The full stochastic's rule on (%K, %D). */
        Signal zone() {
            double[] saved = v.clone();
            Rule z = new Rule(saved[0], saved[1], 20.0, 80.0);
            Signal s = z.lt(0, 2) && z.lt(1, 2) && z.gt(0, 1)
                    ? BUY
                    : z.gt(0, 3) && z.gt(1, 3) && z.lt(0, 1) ? SELL : NEUTRAL;
            clear = z.clear;
            return s;
        }
    }

    private static void checkVote(Component c, Signal expected, int[] nonNeutral) {
        checkVote(c, expected, null, nonNeutral);
    }

    private static void checkVote(Component c, Signal expected, Rule rule, int[] nonNeutral) {
        if (rule != null && !rule.clear) {
            return;
        }
        assertThat(c.signal()).as(c.name() + " " + c.inputs()).isEqualTo(expected);
        nonNeutral[0] += expected == NEUTRAL ? 0 : 1;
    }

    /** The fast stochastic %K(14) at bar {@code i}: where the close is in the range of the 14 bars ending there. */
    private static double fastK(double[] h, double[] l, double[] c, int i) {
        double hh = Double.NEGATIVE_INFINITY;
        double ll = Double.POSITIVE_INFINITY;
        for (int j = i - 13; j <= i; j++) {
            hh = Math.max(hh, h[j]);
            ll = Math.min(ll, l[j]);
        }
        return 100 * (c[i] - ll) / (hh - ll);
    }

    /** CCI(20) of the close at bar {@code i}: (x − mean) / (0.015 · mean absolute deviation) over the window. */
    private static double cciOfClose(double[] c, int i) {
        double mean = Arrays.stream(c, i - 19, i + 1).sum() / 20;
        double deviation =
                Arrays.stream(c, i - 19, i + 1).map(x -> Math.abs(x - mean)).sum() / 20;
        return (c[i] - mean) / (0.015 * deviation);
    }

    /** The EMA seeded with the mean of the first {@code n} values, α = 2 / (n + 1). */
    private static double[] ema(double[] x, int n) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        out[n - 1] = Arrays.stream(x, 0, n).sum() / n;
        for (int i = n; i < x.length; i++) {
            out[i] = out[i - 1] + 2.0 / (n + 1) * (x[i] - out[i - 1]);
        }
        return out;
    }

    @Test
    void theHistoryIsTheRatingOfEachPrefixWithoutLookingAhead() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        double[] history = TechnicalRating.history(aapl.bars());
        assertThat(history).hasSize(aapl.close().length);
        for (int i = 0; i < history.length; i += 97) {
            Double r = TechnicalRating.rate(slice(aapl.bars(), i + 1)).rating();
            if (r == null) {
                assertThat(history[i]).as("bar " + i).isNaN();
            } else {
                assertThat(history[i]).as("bar " + i).isEqualTo(r.doubleValue());
            }
        }
        assertThat(history[8]).as("nothing votes on 9 bars").isNaN();
        assertThat(history[history.length - 1])
                .isEqualTo(TechnicalRating.rate(aapl.bars()).rating());
    }

    @Test
    void aRatingWithItsHistoryIsBothFromOneComputation() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        TechnicalRating.RatedHistory both = TechnicalRating.rateWithHistory(aapl.bars());
        assertThat(both.history()).containsExactly(TechnicalRating.history(aapl.bars()));
        assertThat(both.last()).isEqualTo(TechnicalRating.rate(aapl.bars()));
        assertThatThrownBy(() -> TechnicalRating.rateWithHistory(bars(new double[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCataloguesTechratingIsTheRatingOfEachPrefixWithItsGroups() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        IndicatorSpec spec = IndicatorCatalog.parse("techrating");
        java.util.Map<String, double[]> columns = spec.compute(aapl.bars());
        assertThat(columns.keySet()).containsExactly("techrating", "techrating_oscillators", "techrating_ma");
        assertThat(columns.get("techrating")).containsExactly(TechnicalRating.history(aapl.bars()));
        for (int end : new int[] {10, 11, 12, 40, 300, 1260}) {
            Rating r = TechnicalRating.rate(slice(aapl.bars(), end));
            Double oscillators = r.oscillators().rating();
            if (oscillators == null) {
                assertThat(columns.get("techrating_oscillators")[end - 1])
                        .as("no oscillator votes at bar " + (end - 1))
                        .isNaN();
            } else {
                assertThat(columns.get("techrating_oscillators")[end - 1])
                        .as("oscillators at bar " + (end - 1))
                        .isEqualTo(oscillators);
            }
            assertThat(columns.get("techrating_ma")[end - 1])
                    .as("moving averages at bar " + (end - 1))
                    .isEqualTo(r.movingAverages().rating());
        }
        assertThat(spec.warmup()).as("momentum (10) votes from bar 11").isEqualTo(11);
        assertThat(columns.get("techrating_oscillators")[10]).isNaN();
        assertThat(columns.get("techrating_oscillators")[11]).isNotNaN();
    }

    @Test
    void verdictsBecomeSignalsForTheBacktest() {
        assertThat(TechnicalRating.signals(new double[] {0.6, 0.3, 0.1, 0, -0.1, -0.3, -0.6, Double.NaN}))
                .containsExactly(1, 1, 0, 0, 0, -1, -1, 0);
    }

    /**
     * Trading AAPL on the rating through {@link Backtest} equals a long/flat simulation written out here: the verdict
     * at a close sets the position from the next open, 5 bps paid on every entry and every exit.
     */
    @Test
    void tradingOnTheRatingIsALongFlatSimulationFromTheNextOpen() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        BarColumns bars = aapl.bars();
        double[] history = TechnicalRating.history(bars);
        double[] open = bars.open();
        double[] close = bars.close();
        int from = 9; // the first rated bar
        assertThat(history[from]).isNotNaN();
        assertThat(history[from - 1]).isNaN();
        int to = close.length - 1;
        double cost = 5 / 10_000.0;
        double equity = 1;
        boolean long_ = false;
        int trades = 0;
        for (int t = from + 1; t <= to; t++) {
            double r = history[t - 1];
            boolean want = r > 0.1 ? true : r < -0.1 ? false : long_;
            if (want != long_) {
                trades++;
                if (long_) {
                    equity *= open[t] / close[t - 1] * (1 - cost);
                } else {
                    equity *= (1 - cost) * close[t] / open[t];
                }
                long_ = want;
            } else if (long_) {
                equity *= close[t] / close[t - 1];
            }
        }
        Backtest.Result result =
                Backtest.run(open, close, TechnicalRating.signals(history), from, to, 5, Backtest.Mode.LONG_FLAT);
        assertThat(trades).as("a real record").isGreaterThan(20);
        assertThat(result.trades()).hasSize(trades);
        Tolerance.assertClose("final equity", result.equity()[to - from], equity, 1e-12, 0);
    }

    @Test
    void calibrationAveragesWhatFollowedEachVerdict() {
        double[] ratings = {0.6, 0.6, -0.6, Double.NaN, 0, 0.3, -0.3, 0.6};
        double[] close = {100, 110, 121, 100, 100, 120, 130, 140};
        var rows = TechnicalRating.calibration(ratings, close);
        assertThat(rows).extracting(TechnicalRating.CalibrationRow::verdict).containsExactly(Verdict.values());
        var strongBuy = rows.get(4);
        assertThat(strongBuy.count()).isEqualTo(3);
        // bars 0 and 1 have a 5-bar window: 120 / 100 − 1 and 130 / 110 − 1; bar 7 has none
        var five = strongBuy.forward().get(0);
        assertThat(five.horizonBars()).isEqualTo(5);
        assertThat(five.count()).isEqualTo(2);
        Tolerance.assertClose("average", five.average(), (0.2 + 130.0 / 110 - 1) / 2, 1e-15, 0);
        Tolerance.assertClose("median of two", five.median(), (0.2 + 130.0 / 110 - 1) / 2, 1e-15, 0);
        assertThat(strongBuy.forward().get(1).count())
                .as("no 20-bar window in 8 bars")
                .isZero();
        assertThat(strongBuy.forward().get(1).average()).isNull();
        var strongSell = rows.get(0);
        assertThat(strongSell.count()).isEqualTo(1);
        Tolerance.assertClose("bar 2", strongSell.forward().get(0).average(), 140.0 / 121 - 1, 1e-15, 0);
        assertThat(rows.get(2).count())
                .as("NEUTRAL: bar 4; the NaN is no verdict")
                .isEqualTo(1);
        assertThat(rows.get(2).forward().get(0).count()).isZero();
        assertThatThrownBy(() -> TechnicalRating.calibration(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Every rule is symmetric: mirror the prices (p → C − p, so highs become lows) and every indicator mirrors with
     * them (averages, MACD, CCI, momentum and the awesome oscillator change sign about C or 0; RSI, the stochastics
     * and the ultimate oscillator become 100 − x, Williams %R −100 − x; +DI and −DI swap), so each buy becomes a sell
     * and the reverse, and every rating changes sign.
     */
    @Test
    void mirroredPricesTurnEveryBuyIntoASellAndTheRatingIntoItsNegative() {
        BundledCsv aapl = BundledCsv.load("aapl.csv");
        double mirror = 1000;
        int votesSeen = 0;
        for (int end = 240; end <= aapl.close().length; end += 51) {
            BarColumns bars = slice(aapl.bars(), end);
            BarColumns mirrored = new BarColumns(
                    minus(mirror, bars.open()),
                    minus(mirror, bars.low()),
                    minus(mirror, bars.high()),
                    minus(mirror, bars.close()),
                    bars.volume());
            Rating r = TechnicalRating.rate(bars);
            Rating m = TechnicalRating.rate(mirrored);
            List<Component> original = new ArrayList<>(r.oscillators().components());
            original.addAll(r.movingAverages().components());
            List<Component> reflected = new ArrayList<>(m.oscillators().components());
            reflected.addAll(m.movingAverages().components());
            for (int k = 0; k < original.size(); k++) {
                Signal s = original.get(k).signal();
                assertThat(reflected.get(k).signal())
                        .as(original.get(k).name() + " on " + end + " bars")
                        .isEqualTo(s == BUY ? SELL : s == SELL ? BUY : NEUTRAL);
                votesSeen += s == NEUTRAL ? 0 : 1;
            }
            assertThat(m.rating()).isEqualTo(-r.rating());
            assertThat(m.buy()).isEqualTo(r.sell());
        }
        assertThat(votesSeen)
                .as("the property was tested on real votes, not only neutrals")
                .isGreaterThan(100);
    }

    private static List<Component> voters(Group g) {
        return g.components().stream().filter(c -> c.signal() != null).toList();
    }

    private static BarColumns bars(double[] close) {
        double[] high = new double[close.length];
        double[] low = new double[close.length];
        long[] volume = new long[close.length];
        for (int i = 0; i < close.length; i++) {
            high[i] = close[i] + 1;
            low[i] = close[i] - 1;
            volume[i] = 1_000;
        }
        return new BarColumns(close.clone(), high, low, close.clone(), volume);
    }

    private static BarColumns slice(BarColumns b, int end) {
        return new BarColumns(
                Arrays.copyOf(b.open(), end),
                Arrays.copyOf(b.high(), end),
                Arrays.copyOf(b.low(), end),
                Arrays.copyOf(b.close(), end),
                Arrays.copyOf(b.volume(), end));
    }

    private static double[] minus(double c, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = c - values[i];
        }
        return out;
    }
}
