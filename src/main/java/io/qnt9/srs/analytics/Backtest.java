package io.qnt9.srs.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward simulation of trading on a signal (the recommendation's bands, the technical rating's verdicts): the
 * signal at bar t's close sets the target position, which is traded at bar t+1's open, paying {@code costBps} per unit
 * of position traded. Signals: +1 buy, −1 sell, 0 none (hold: keep the position). Long/flat: a buy → long, a sell →
 * flat. Long/short: a sell → short instead of flat.
 *
 * <p>Equity starts at 1 on the first day and is marked at each close:
 *
 * <pre>
 * no trade at t:  E_t = E_{t−1} · (1 + pos · (C_t / C_{t−1} − 1))
 * trade at t:     E_t = E_{t−1} · (1 + pos_old · (O_t / C_{t−1} − 1)) · (1 − cost)^[pos_old ≠ 0]
 *                                · (1 − cost)^[pos_new ≠ 0] · (1 + pos_new · (C_t / O_t − 1))
 * </pre>
 *
 * i.e. the cost is paid on the position closed and on the position opened (a flip from long to short pays twice).
 * A round trip runs from the equity just before its opening cost to the equity just after its closing cost. A short
 * position earns the negative of the day's return (rebalanced daily). Prices are the caller's (the service
 * passes dividend- and split-adjusted opens and closes); "day" stands for any bar (a week, a month). Pure: arrays in,
 * result out.
 */
public final class Backtest {

    /** Whether a sell signal goes flat or short. */
    public enum Mode {
        LONG_FLAT,
        LONG_SHORT
    }

    /**
     * A trade at the open of bar {@code day} ({@code action} BUY, SELL, SHORT, COVER, COVER_AND_BUY or
     * SELL_AND_SHORT), or during it at {@code price} (STOP_LOSS, TAKE_PROFIT).
     */
    public record Trade(int day, String action, double price, int positionAfter) {}

    /**
     * @param equity equity at each close of {@code [from, to]}, starting at 1
     * @param hitRate share of closed round trips that made money; NaN when none was closed
     * @param exposure share of days (after the first) spent in a position
     */
    public record Result(double[] equity, List<Trade> trades, int roundTrips, double hitRate, double exposure) {}

    private Backtest() {}

    /** What opens a position again after a stop loss or take profit closed one ({@link Stops}). */
    public enum AfterStop {
        /** The next signal for that side, even one that has held all along. */
        REENTER,
        /** Only a signal for that side given after the signal has left it once. */
        NEW_SIGNAL
    }

    /**
     * Exits inside a bar, relative to the price a position was opened at: a long position is sold when the price falls
     * {@code stopLoss} below it or rises {@code takeProfit} above it (a short one, mirrored), at that level — or at
     * the bar's open when the open is already beyond it (a gap). A level the open is beyond is taken first; then,
     * inside the bar, the stop before the target (when a bar's range reaches both, which came first is unknown, and
     * the stop is the cautious guess). After such an exit the position is flat until a signal opens one again: with
     * {@link AfterStop#REENTER} the next one, even the same signal that still holds (a rule whose buy condition is
     * a state, such as close above its average, buys again at the next open); with {@link AfterStop#NEW_SIGNAL} only
     * a signal given after the signal has left that side once (a close without a buy signal, after a long was
     * stopped out), as a trader waits for a fresh entry after being stopped out.
     *
     * @param stopLoss a fraction in (0, 1), or NaN for none
     * @param takeProfit a fraction in (0, 10], or NaN for none
     */
    public record Stops(double stopLoss, double takeProfit, AfterStop afterStop) {

        /** No stops: {@link #run} trades on the signals only. */
        public static final Stops NONE = new Stops(Double.NaN, Double.NaN);

        /** Stops after which the next signal re-enters ({@link AfterStop#REENTER}). */
        public Stops(double stopLoss, double takeProfit) {
            this(stopLoss, takeProfit, AfterStop.REENTER);
        }

        public Stops {
            Arguments.notNull("afterStop", afterStop);
            if (!Double.isNaN(stopLoss) && !(stopLoss > 0 && stopLoss < 1)) {
                throw new IllegalArgumentException("stopLoss must be between 0 and 1 (exclusive), got " + stopLoss);
            }
            if (!Double.isNaN(takeProfit) && !(takeProfit > 0 && takeProfit <= 10)) {
                throw new IllegalArgumentException("takeProfit must be above 0 and at most 10, got " + takeProfit);
            }
        }

        boolean any() {
            return !Double.isNaN(stopLoss) || !Double.isNaN(takeProfit);
        }

        /**
         * The price at which the position {@code pos} (±1) opened at {@code entry} leaves in a bar of {@code open},
         * {@code high}, {@code low}, or NaN when it stays; {@code kind[0]} is set to 1 for a stop, 2 for a target.
         */
        double exit(int pos, double entry, double open, double high, double low, int[] kind) {
            double stop = Double.isNaN(stopLoss) ? Double.NaN : entry * (1 - pos * stopLoss);
            double target = Double.isNaN(takeProfit) ? Double.NaN : entry * (1 + pos * takeProfit);
            // "beyond" in the position's adverse (stop) or favourable (target) direction
            boolean stopAtOpen = !Double.isNaN(stop) && (pos > 0 ? open <= stop : open >= stop);
            boolean targetAtOpen = !Double.isNaN(target) && (pos > 0 ? open >= target : open <= target);
            if (stopAtOpen || targetAtOpen) {
                kind[0] = stopAtOpen ? 1 : 2;
                return open;
            }
            if (!Double.isNaN(stop) && (pos > 0 ? low <= stop : high >= stop)) {
                kind[0] = 1;
                return stop;
            }
            if (!Double.isNaN(target) && (pos > 0 ? high >= target : low <= target)) {
                kind[0] = 2;
                return target;
            }
            return Double.NaN;
        }
    }

    /**
     * @param open adjusted opens
     * @param close adjusted closes
     * @param signals the signal at each close: +1 buy, −1 sell, 0 none
     * @param from first day (equity 1, flat)
     * @param to last day, inclusive
     * @throws IllegalArgumentException if the columns differ in length or the range is outside them
     */
    public static Result run(
            double[] open, double[] close, int[] signals, int from, int to, double costBps, Mode mode) {
        return run(open, null, null, close, signals, from, to, costBps, mode, Stops.NONE);
    }

    /**
     * As {@link #run(double[], double[], int[], int, int, double, Mode)}, with {@code stops} checked inside every bar
     * a position is held (from the bar it opens in) against its {@code high} and {@code low}; an exit by a stop is a
     * trade {@code STOP_LOSS} or {@code TAKE_PROFIT} at its price, paying the cost as any exit.
     *
     * @param high the bars' highs, null without stops
     * @param low the bars' lows, null without stops
     * @throws IllegalArgumentException if the columns differ in length, the range is outside them, or there are stops
     *     but no highs and lows
     */
    public static Result run(
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            int[] signals,
            int from,
            int to,
            double costBps,
            Mode mode,
            Stops stops) {
        Arguments.notNull("open", open);
        Arguments.notNull("close", close);
        Arguments.notNull("signals", signals);
        Arguments.notNull("stops", stops);
        Arguments.sameLength("open", open.length, "close", close.length);
        Arguments.sameLength("signals", signals.length, "close", close.length);
        if (stops.any()) {
            Arguments.notNull("high", high);
            Arguments.notNull("low", low);
            Arguments.sameLength("high", high.length, "close", close.length);
            Arguments.sameLength("low", low.length, "close", close.length);
        }
        if (from < 0 || to >= close.length || from > to) {
            throw new IllegalArgumentException("day range [" + from + ", " + to + "] outside the series");
        }
        double cost = costBps / 10_000.0;
        double[] equity = new double[to - from + 1];
        List<Trade> trades = new ArrayList<>();
        double eq = 1;
        int pos = 0;
        double entryEquity = 0;
        double entryPrice = Double.NaN;
        int roundTrips = 0;
        int wins = 0;
        int daysInvested = 0;
        int[] kind = new int[1];
        int waiting = 0; // NEW_SIGNAL: the side a stop closed, whose signals are ignored until the signal leaves it
        equity[0] = eq;
        for (int t = from + 1; t <= to; t++) {
            int signal = Integer.signum(signals[t - 1]);
            if (waiting != 0) {
                if (signal == waiting) {
                    signal = 0;
                } else {
                    waiting = 0;
                }
            }
            int target = target(signal, pos, mode);
            double reference; // the price today's return of the position is measured from
            if (target != pos) {
                eq *= 1 + pos * (open[t] / close[t - 1] - 1);
                if (pos != 0) {
                    eq *= 1 - cost; // closing the old position
                    roundTrips++;
                    if (eq > entryEquity) {
                        wins++;
                    }
                }
                entryEquity = eq;
                if (target != 0) {
                    eq *= 1 - cost; // opening the new one
                }
                trades.add(new Trade(t, action(pos, target), open[t], target));
                pos = target;
                entryPrice = open[t];
                reference = open[t];
            } else {
                reference = close[t - 1];
            }
            double exit =
                    pos != 0 && stops.any() ? stops.exit(pos, entryPrice, open[t], high[t], low[t], kind) : Double.NaN;
            if (!Double.isNaN(exit)) {
                eq *= 1 + pos * (exit / reference - 1);
                eq *= 1 - cost;
                roundTrips++;
                if (eq > entryEquity) {
                    wins++;
                }
                trades.add(new Trade(t, kind[0] == 1 ? "STOP_LOSS" : "TAKE_PROFIT", exit, 0));
                if (stops.afterStop() == AfterStop.NEW_SIGNAL) {
                    waiting = pos;
                }
                pos = 0;
                daysInvested++; // held for part of the day
            } else {
                eq *= 1 + pos * (close[t] / reference - 1);
                if (pos != 0) {
                    daysInvested++;
                }
            }
            equity[t - from] = eq;
        }
        double hitRate = roundTrips == 0 ? Double.NaN : wins / (double) roundTrips;
        double exposure = to == from ? 0 : daysInvested / (double) (to - from);
        return new Result(equity, List.copyOf(trades), roundTrips, hitRate, exposure);
    }

    static int target(int signal, int current, Mode mode) {
        if (signal > 0) {
            return 1;
        }
        if (signal < 0) {
            return mode == Mode.LONG_SHORT ? -1 : 0;
        }
        return current;
    }

    private static String action(int from, int to) {
        if (to > from) {
            return from < 0 ? (to > 0 ? "COVER_AND_BUY" : "COVER") : "BUY";
        }
        return from > 0 ? (to < 0 ? "SELL_AND_SHORT" : "SELL") : "SHORT";
    }
}
