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
}
