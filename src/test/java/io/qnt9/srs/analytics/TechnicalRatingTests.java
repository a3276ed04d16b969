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
    void stochasticsVoteOnACrossingInTheirZone() {
        assertThat(TechnicalRating.crossing(15, 12, 10, 11)).isEqualTo(BUY);
        assertThat(TechnicalRating.crossing(15, 12, 12, 11))
                .as("%K was above %D already")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.crossing(21, 12, 10, 11))
                .as("%K not below 20")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.crossing(85, 88, 90, 89)).isEqualTo(SELL);
        assertThat(TechnicalRating.crossing(85, 88, 87, 89))
                .as("%K was below %D already")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.crossing(85, 79, 90, 78))
                .as("%D not above 80")
                .isEqualTo(NEUTRAL);
    }

    @Test
    void adxVotesOnADiCrossingInATrend() {
        assertThat(TechnicalRating.adx(25, 30, 20, 18, 22)).isEqualTo(BUY);
        assertThat(TechnicalRating.adx(15, 30, 20, 18, 22))
                .as("no trend: ADX 15")
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.adx(25, 20, 30, 22, 18)).isEqualTo(SELL);
        assertThat(TechnicalRating.adx(25, 30, 20, 28, 22))
                .as("+DI above −DI already")
                .isEqualTo(NEUTRAL);
    }

    @Test
    void theAwesomeOscillatorVotesOnZeroCrossingsAndSaucers() {
        assertThat(TechnicalRating.awesome(1, -1, 0)).as("crossing above zero").isEqualTo(BUY);
        assertThat(TechnicalRating.awesome(3, 1, 2)).as("saucer above zero").isEqualTo(BUY);
        assertThat(TechnicalRating.awesome(3, 1, 0.5)).as("rising, no dip").isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.awesome(-1, 1, 0)).as("crossing below zero").isEqualTo(SELL);
        assertThat(TechnicalRating.awesome(-3, -1, -2)).as("saucer below zero").isEqualTo(SELL);
        assertThat(TechnicalRating.awesome(0, 1, 2)).isEqualTo(NEUTRAL);
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
        // a stochastic RSI whose %K and %D were both 0 on the previous bar, as computed in doubles (AAPL, 750 bars)
        assertThat(TechnicalRating.crossing(4.44, 1.48, -1.8710958708349304E-13, -1.5477742544413154E-13))
                .isEqualTo(NEUTRAL);
        assertThat(TechnicalRating.crossing(4.44, 1.48, -1e-6, 0))
                .as("a real crossing")
                .isEqualTo(BUY);
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
        assertThat(r.oscillators().unavailable()).isEqualTo(10);
        assertThat(r.rating()).as("the one group with votes").isEqualTo(-1.0);
        assertThat(r.verdict()).isEqualTo(Verdict.STRONG_SELL);
        assertThat(r.sell()).isEqualTo(2);

        // with nine, nothing votes: no rating, no verdict, every component unavailable
        Rating none = TechnicalRating.rate(bars(Arrays.copyOf(close, 9)));
        assertThat(none.rating()).isNull();
        assertThat(none.verdict()).isNull();
        assertThat(none.oscillators().unavailable() + none.movingAverages().unavailable())
                .isEqualTo(25);

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
        assertThat(r.oscillators().components()).hasSize(10);
        assertThat(r.movingAverages().components()).hasSize(15);
        assertThat(r.rating())
                .isEqualTo((r.oscillators().rating() + r.movingAverages().rating()) / 2);
        assertThat(r.verdict()).isEqualTo(Verdict.of(r.rating()));
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
