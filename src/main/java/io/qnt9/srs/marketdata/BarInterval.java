package io.qnt9.srs.marketdata;

import java.time.LocalDate;

/**
 * The length of one bar: a trading day, an ISO week (Monday to Sunday), or a calendar month. A weekly or monthly bar
 * is built from the daily bars of its period: the first open, the highest high, the lowest low, the last close and
 * adjusted close, the summed volume, dated by its last trading day (as Alpha Vantage's weekly and monthly series).
 */
public enum BarInterval {
    DAILY,
    WEEKLY,
    MONTHLY;

    /** Bars of this interval in a year, to annualise by: 252 trading days, 52 weeks, 12 months. */
    public int periodsPerYear() {
        return switch (this) {
            case DAILY -> 252;
            case WEEKLY -> 52;
            case MONTHLY -> 12;
        };
    }

    /** The period a day belongs to, as a number that grows with time; days of one period share it. */
    int period(int epochDay) {
        return switch (this) {
            case DAILY -> epochDay;
            // 1970-01-01 was a Thursday: shifting by 3 makes Monday the first day of each group of 7.
            case WEEKLY -> Math.floorDiv(epochDay + 3, 7);
            case MONTHLY -> {
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                yield d.getYear() * 12 + d.getMonthValue() - 1;
            }
        };
    }

    /** The bars of {@code daily} aggregated to this interval (the series itself for DAILY). */
    public DailySeries aggregate(DailySeries daily) {
        if (this == DAILY || daily.isEmpty()) {
            return daily;
        }
        int[] days = daily.epochDays();
        double[] open = daily.open();
        double[] high = daily.high();
        double[] low = daily.low();
        double[] close = daily.close();
        double[] adj = daily.adjClose();
        long[] volume = daily.volume();
        DailySeries.Builder out = new DailySeries.Builder(daily.symbol(), days.length / (this == WEEKLY ? 4 : 18) + 2);
        int first = 0;
        while (first < days.length) {
            int period = period(days[first]);
            int last = first;
            double hi = high[first];
            double lo = low[first];
            long vol = volume[first];
            while (last + 1 < days.length && period(days[last + 1]) == period) {
                last++;
                hi = Math.max(hi, high[last]);
                lo = Math.min(lo, low[last]);
                vol += volume[last];
            }
            out.add(days[last], open[first], hi, lo, close[last], adj[last], vol);
            first = last + 1;
        }
        return out.build();
    }
}
