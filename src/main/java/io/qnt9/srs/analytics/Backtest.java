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

    /** A trade at the open of bar {@code day}; {@code action} BUY, SELL, SHORT, COVER, COVER_AND_BUY or SELL_AND_SHORT. */
    public record Trade(int day, String action, double price, int positionAfter) {}

    /**
     * @param equity equity at each close of {@code [from, to]}, starting at 1
     * @param hitRate share of closed round trips that made money; NaN when none was closed
     * @param exposure share of days (after the first) spent in a position
     */
    public record Result(double[] equity, List<Trade> trades, int roundTrips, double hitRate, double exposure) {}

    private Backtest() {}

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
        Arguments.notNull("open", open);
        Arguments.notNull("close", close);
        Arguments.notNull("signals", signals);
        Arguments.sameLength("open", open.length, "close", close.length);
        Arguments.sameLength("signals", signals.length, "close", close.length);
        if (from < 0 || to >= close.length || from > to) {
            throw new IllegalArgumentException("day range [" + from + ", " + to + "] outside the series");
        }
        double cost = costBps / 10_000.0;
        double[] equity = new double[to - from + 1];
        List<Trade> trades = new ArrayList<>();
        double eq = 1;
        int pos = 0;
        double entryEquity = 0;
        int roundTrips = 0;
        int wins = 0;
        int daysInvested = 0;
        equity[0] = eq;
        for (int t = from + 1; t <= to; t++) {
            int target = target(signals[t - 1], pos, mode);
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
                eq *= 1 + pos * (close[t] / open[t] - 1);
            } else {
                eq *= 1 + pos * (close[t] / close[t - 1] - 1);
            }
            if (pos != 0) {
                daysInvested++;
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
