package io.qnt9.srs.bench;

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
}
