package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Small series where the right trades and equity are worked out by hand. */
class BacktestTests {

    // day:             0      1      2      3      4
    static final double[] OPEN = {99, 101, 103, 100, 98};
    static final double[] CLOSE = {100, 102, 104, 99, 97};
    static final double COST = 0.001; // 10 bps
    static final int BUY = 1;
    static final int HOLD = 0;
    static final int SELL = -1;

    @Test
    void longFlatBuysAtTheNextOpenHoldsThroughHoldAndSellsAtTheOpenAfterSell() {
        int[] signals = {BUY, HOLD, SELL, HOLD, HOLD};
        Backtest.Result r = Backtest.run(OPEN, CLOSE, signals, 0, 4, 10, Backtest.Mode.LONG_FLAT);

        double day1 = (1 - COST) * (102.0 / 101); // bought at the open of day 1, paid 10 bps
        double day2 = day1 * (104.0 / 102); // held
        double day3 = day2 * (100.0 / 104) * (1 - COST); // sold at the open of day 3
        assertThat(r.equity()).containsExactly(new double[] {1, day1, day2, day3, day3}, within(1e-12));
        assertThat(r.trades())
                .extracting(Backtest.Trade::day, Backtest.Trade::action, Backtest.Trade::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "BUY", 101.0),
                        org.assertj.core.groups.Tuple.tuple(3, "SELL", 100.0));
        assertThat(r.roundTrips()).isEqualTo(1);
        assertThat(r.hitRate()).as("bought at 101, sold at 100 after costs").isZero();
        assertThat(r.exposure()).isEqualTo(2 / 4.0);
    }

    @Test
    void longShortTurnsTheSellIntoAShortThatEarnsTheFall() {
        int[] signals = {BUY, HOLD, SELL, HOLD, HOLD};
        Backtest.Result r = Backtest.run(OPEN, CLOSE, signals, 0, 4, 10, Backtest.Mode.LONG_SHORT);

        double day2 = (1 - COST) * (104.0 / 101);
        double exitLong = day2 * (100.0 / 104) * (1 - COST);
        double day3 = exitLong * (1 - COST) * (1 - (99.0 / 100 - 1)); // short from the open at 100 to the close at 99
        double day4 = day3 * (1 - (97.0 / 99 - 1));
        assertThat(r.equity()[3]).isCloseTo(day3, within(1e-12));
        assertThat(r.equity()[4]).isCloseTo(day4, within(1e-12));
        assertThat(r.trades().get(1).action()).isEqualTo("SELL_AND_SHORT");
        assertThat(r.trades().get(1).positionAfter()).isEqualTo(-1);
        assertThat(r.exposure()).isEqualTo(1.0);
    }

    @Test
    void withoutSignalsTheStrategyStaysFlat() {
        Backtest.Result r = Backtest.run(OPEN, CLOSE, new int[5], 0, 4, 10, Backtest.Mode.LONG_FLAT);
        assertThat(r.equity()).containsOnly(1.0);
        assertThat(r.trades()).isEmpty();
        assertThat(r.hitRate()).isNaN();
        assertThat(r.exposure()).isZero();
    }

    @Test
    void alwaysBuyWithoutCostsIsBuyingAtTheFirstOpenAndHolding() {
        int[] signals = {BUY, BUY, BUY, BUY, BUY};
        Backtest.Result r = Backtest.run(OPEN, CLOSE, signals, 0, 4, 0, Backtest.Mode.LONG_FLAT);
        assertThat(r.equity()[4]).isCloseTo(97.0 / 101, within(1e-12));
        assertThat(r.trades()).hasSize(1);
    }

    @Test
    void aWinningRoundTripCountsAsAHit() {
        int[] signals = {BUY, SELL, HOLD, HOLD, HOLD};
        Backtest.Result r = Backtest.run(OPEN, CLOSE, signals, 0, 4, 0, Backtest.Mode.LONG_FLAT);
        // bought at 101 (day 1 open), sold at 103 (day 2 open)
        assertThat(r.equity()[2]).isCloseTo(103.0 / 101, within(1e-12));
        assertThat(r.hitRate()).isEqualTo(1.0);
    }

    @Test
    void onlyTheRequestedWindowIsSimulated() {
        int[] signals = {BUY, BUY, HOLD, HOLD, HOLD};
        Backtest.Result r = Backtest.run(OPEN, CLOSE, signals, 2, 4, 0, Backtest.Mode.LONG_FLAT);
        assertThat(r.equity()).hasSize(3);
        // at day 2's close the model says HOLD: flat stays flat in the window
        assertThat(r.equity()).containsOnly(1.0);
        assertThatThrownBy(() -> Backtest.run(OPEN, CLOSE, signals, 3, 5, 0, Backtest.Mode.LONG_FLAT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backtest.run(OPEN, CLOSE, new int[4], 0, 3, 0, Backtest.Mode.LONG_FLAT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ stops

    // day:                          0      1      2      3     4
    static final double[] HIGH = {101, 103, 105, 101, 99};
    static final double[] LOW = {98, 100, 101, 96, 95};

    private static Backtest.Result withStops(int[] signals, Backtest.Mode mode, double stopLoss, double takeProfit) {
        return Backtest.run(OPEN, HIGH, LOW, CLOSE, signals, 0, 4, 10, mode, new Backtest.Stops(stopLoss, takeProfit));
    }

    @Test
    void aStopLossSellsInsideTheBarAtItsLevel() {
        // long from 101 (day 1's open); a 4 % stop is 96.96, which day 3 (low 96) reaches
        Backtest.Result r =
                withStops(new int[] {BUY, HOLD, HOLD, HOLD, HOLD}, Backtest.Mode.LONG_FLAT, 0.04, Double.NaN);
        double stop = 101 * 0.96;
        double day2 = (1 - COST) * (104.0 / 101);
        double day3 = day2 * (stop / 104) * (1 - COST);
        assertThat(r.equity())
                .containsExactly(new double[] {1, (1 - COST) * 102.0 / 101, day2, day3, day3}, within(1e-12));
        assertThat(r.trades())
                .extracting(Backtest.Trade::day, Backtest.Trade::action, Backtest.Trade::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "BUY", 101.0),
                        org.assertj.core.groups.Tuple.tuple(3, "STOP_LOSS", stop));
        assertThat(r.roundTrips()).isEqualTo(1);
        assertThat(r.exposure()).as("days 1, 2 and part of 3").isEqualTo(3 / 4.0);
    }

    @Test
    void afterAStopTheNextSignalReentersOrOnlyAFreshOneDoes() {
        // day:                 0    1    2    3   4   5   6
        double[] open = {99, 101, 103, 100, 98, 97, 99};
        double[] high = {101, 103, 105, 101, 99, 99, 102};
        double[] low = {98, 100, 101, 96, 95, 96, 98};
        double[] close = {100, 102, 104, 99, 97, 98, 101};
        // a buy state that holds through day 3, pauses at day 4 and is given again at day 5
        int[] signals = {BUY, BUY, BUY, BUY, HOLD, BUY, HOLD};
        double stop = 101 * 0.96; // 96.96, reached on day 3 (low 96)
        double afterStop = (1 - COST) * (1 - COST) * stop / 101;
        // the week above with a 4 % stop, 10 bps a trade
        WithStops run = (sig, mode, after) ->
                Backtest.run(open, high, low, close, sig, 0, 6, 10, mode, new Backtest.Stops(0.04, Double.NaN, after));

        // REENTER: the buy signal of day 3's close still holds, so day 4's open buys again (98; its 4 % stop, 94.08,
        // is never reached)
        Backtest.Result reenter = run.apply(signals, Backtest.Mode.LONG_FLAT, Backtest.AfterStop.REENTER);
        assertThat(reenter.trades())
                .extracting(Backtest.Trade::day, Backtest.Trade::action, Backtest.Trade::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "BUY", 101.0),
                        org.assertj.core.groups.Tuple.tuple(3, "STOP_LOSS", stop),
                        org.assertj.core.groups.Tuple.tuple(4, "BUY", 98.0));
        assertThat(reenter.equity()[6]).isCloseTo(afterStop * (1 - COST) * 101 / 98, within(1e-12));
        assertThat(new Backtest.Stops(0.04, Double.NaN).afterStop()).isEqualTo(Backtest.AfterStop.REENTER);

        // NEW_SIGNAL: day 3's buy is the signal that was stopped out; day 4's close gives none, so day 5's buy is a
        // fresh one and day 6's open (99) buys
        Backtest.Result fresh = run.apply(signals, Backtest.Mode.LONG_FLAT, Backtest.AfterStop.NEW_SIGNAL);
        assertThat(fresh.trades())
                .extracting(Backtest.Trade::day, Backtest.Trade::action, Backtest.Trade::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "BUY", 101.0),
                        org.assertj.core.groups.Tuple.tuple(3, "STOP_LOSS", stop),
                        org.assertj.core.groups.Tuple.tuple(6, "BUY", 99.0));
        assertThat(fresh.equity())
                .containsExactly(
                        new double[] {
                            1,
                            (1 - COST) * 102 / 101,
                            (1 - COST) * 104 / 101,
                            afterStop,
                            afterStop,
                            afterStop,
                            afterStop * (1 - COST) * 101 / 99
                        },
                        within(1e-12));
        assertThat(fresh.exposure()).as("days 1, 2, part of 3, and 6").isEqualTo(4 / 6.0);

        // a sell (long/short) is the other side: after a long is stopped out it opens a short at once (at 98, whose
        // 4 % stop, 101.92, day 6's high of 102 reaches)
        int[] turn = {BUY, BUY, BUY, SELL, HOLD, HOLD, HOLD};
        Backtest.Result shortNext = run.apply(turn, Backtest.Mode.LONG_SHORT, Backtest.AfterStop.NEW_SIGNAL);
        assertThat(shortNext.trades())
                .extracting(Backtest.Trade::day, Backtest.Trade::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "BUY"),
                        org.assertj.core.groups.Tuple.tuple(3, "STOP_LOSS"),
                        org.assertj.core.groups.Tuple.tuple(4, "SHORT"),
                        org.assertj.core.groups.Tuple.tuple(6, "STOP_LOSS"));
    }

    @Test
    void anOpenBeyondTheStopSellsAtTheOpen() {
        // the same 4 % stop, but day 3 opens at 95, below 96.96: the position is sold at the open
        double[] open = {99, 101, 103, 95, 98};
        double[] low = {98, 100, 101, 94, 95};
        Backtest.Result r = Backtest.run(
                open,
                HIGH,
                low,
                CLOSE,
                new int[] {BUY, HOLD, HOLD, HOLD, HOLD},
                0,
                4,
                10,
                Backtest.Mode.LONG_FLAT,
                new Backtest.Stops(0.04, Double.NaN));
        double day2 = (1 - COST) * (104.0 / 101);
        assertThat(r.equity()[3]).isCloseTo(day2 * (95.0 / 104) * (1 - COST), within(1e-12));
        assertThat(r.trades().get(1).price()).isEqualTo(95.0);
    }

    @Test
    void aTakeProfitSellsAtItsLevelAndTheStopComesFirstWhenABarReachesBoth() {
        // +2 % from 101 is 103.02: day 2 (open 103, high 105) reaches it
        Backtest.Result r =
                withStops(new int[] {BUY, HOLD, HOLD, HOLD, HOLD}, Backtest.Mode.LONG_FLAT, Double.NaN, 0.02);
        double target = 101 * 1.02;
        assertThat(r.equity()[2]).isCloseTo((1 - COST) * (102.0 / 101) * (target / 102) * (1 - COST), within(1e-12));
        assertThat(r.trades().get(1).action()).isEqualTo("TAKE_PROFIT");
        assertThat(r.hitRate()).isEqualTo(1.0);
        // a bar whose range reaches both the stop and the target: which came first is unknown, the stop is assumed
        Backtest.Result both = Backtest.run(
                new double[] {99, 100, 100},
                new double[] {101, 101, 103},
                new double[] {98, 99.5, 97},
                new double[] {100, 100, 100},
                new int[] {BUY, HOLD, HOLD},
                0,
                2,
                0,
                Backtest.Mode.LONG_FLAT,
                new Backtest.Stops(0.02, 0.02));
        // long from 100; day 2's range 97..103 reaches the stop (98) and the target (102): the stop is assumed first
        assertThat(both.trades().get(1).action()).isEqualTo("STOP_LOSS");
        assertThat(both.equity()[2]).isCloseTo(0.98, within(1e-12));
    }

    @Test
    void aShortIsStoppedWhenThePriceRisesAndTheRuleOpensAgainOnItsNextSignal() {
        // short from 101 (day 1's open) with a 2 % stop at 103.02: day 2's high (105) reaches it
        Backtest.Result r =
                withStops(new int[] {SELL, SELL, SELL, HOLD, HOLD}, Backtest.Mode.LONG_SHORT, 0.02, Double.NaN);
        double stop = 101 * 1.02;
        double day1 = (1 - COST) * (1 - (102.0 / 101 - 1));
        double day2 = day1 * (1 - (stop / 102 - 1)) * (1 - COST);
        assertThat(r.equity()[1]).isCloseTo(day1, within(1e-12));
        assertThat(r.equity()[2]).isCloseTo(day2, within(1e-12));
        // day 2's close still says sell: short again at day 3's open (100), held to day 4's close (97)
        double day3 = day2 * (1 - COST) * (1 - (99.0 / 100 - 1));
        assertThat(r.equity()[3]).isCloseTo(day3, within(1e-12));
        assertThat(r.equity()[4]).isCloseTo(day3 * (1 - (97.0 / 99 - 1)), within(1e-12));
        assertThat(r.trades()).extracting(Backtest.Trade::action).containsExactly("SHORT", "STOP_LOSS", "SHORT");
    }

    @Test
    void stopsAreFractionsAndNeedTheHighsAndLows() {
        assertThatThrownBy(() -> new Backtest.Stops(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backtest.Stops(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backtest.Stops(Double.NaN, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backtest.run(
                        OPEN,
                        null,
                        null,
                        CLOSE,
                        new int[5],
                        0,
                        4,
                        0,
                        Backtest.Mode.LONG_FLAT,
                        new Backtest.Stops(0.1, 0.1)))
                .isInstanceOf(IllegalArgumentException.class);
        // without stops the two forms are the same simulation
        int[] signals = {BUY, HOLD, SELL, BUY, HOLD};
        assertThat(Backtest.run(OPEN, HIGH, LOW, CLOSE, signals, 0, 4, 10, Backtest.Mode.LONG_FLAT, Backtest.Stops.NONE)
                        .equity())
                .containsExactly(Backtest.run(OPEN, CLOSE, signals, 0, 4, 10, Backtest.Mode.LONG_FLAT)
                        .equity());
    }

    @FunctionalInterface
    private interface WithStops {
        Backtest.Result apply(int[] signals, Backtest.Mode mode, Backtest.AfterStop afterStop);
    }
}
