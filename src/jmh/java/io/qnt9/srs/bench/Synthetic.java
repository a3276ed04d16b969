package io.qnt9.srs.bench;

import io.qnt9.srs.analytics.BarColumns;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** Building blocks of the benchmarks' SYNTHETIC series (fixed seeds, generated in memory, never market data). */
public final class Synthetic {

    private Synthetic() {}

    /** A standard normal draw (Box–Muller; SplittableRandom has no nextGaussian on Java 17). */
    public static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** {@code n} weekdays from 2010-01-04 on, as epoch days (holidays are not modelled). */
    public static int[] tradingDays(int n) {
        int[] days = new int[n];
        LocalDate d = LocalDate.of(2010, 1, 4);
        for (int i = 0; i < n; ) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days[i++] = (int) d.toEpochDay();
            }
            d = d.plusDays(1);
        }
        return days;
    }

    /**
     * Daily bars of geometric Brownian motion, the indicator benchmarks' series: 8 % drift and 20 % volatility a year,
     * starting at 100; open = the previous close; high and low beyond the open and close by a half-normal 0.5 %;
     * volume uniform in 1–5 million shares. Fixed seed, so every benchmark that asks for a length gets the same bars.
     */
    public static BarColumns gbmBars(int length) {
        SplittableRandom rnd = new SplittableRandom(20_261_125L);
        double[] open = new double[length];
        double[] high = new double[length];
        double[] low = new double[length];
        double[] close = new double[length];
        long[] volume = new long[length];
        double price = 100;
        double dt = 1.0 / 252;
        for (int i = 0; i < length; i++) {
            double o = price;
            price *= Math.exp((0.08 - 0.02) * dt + 0.2 * Math.sqrt(dt) * gaussian(rnd));
            open[i] = o;
            close[i] = price;
            high[i] = Math.max(o, price) * (1 + 0.005 * Math.abs(gaussian(rnd)));
            low[i] = Math.min(o, price) * (1 - 0.005 * Math.abs(gaussian(rnd)));
            volume[i] = 1_000_000L + rnd.nextLong(4_000_000L);
        }
        return new BarColumns(open, high, low, close, volume);
    }
}
