package io.qnt9.srs.marketdata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * The New York Stock Exchange's full-day closures 2000 onwards (rule 7.2 holidays plus the unscheduled closures),
 * written independently of the data to check the bundled files' gaps against.
 */
final class NyseCalendar {

    /** Unscheduled closures, each with its reason. */
    static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.ofEntries(
            Map.entry(LocalDate.of(2001, 9, 11), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 12), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 13), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 14), "September 11 attacks"),
            Map.entry(LocalDate.of(2004, 6, 11), "National day of mourning, President Reagan"),
            Map.entry(LocalDate.of(2007, 1, 2), "National day of mourning, President Ford"),
            Map.entry(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2018, 12, 5), "National day of mourning, President G. H. W. Bush"),
            Map.entry(LocalDate.of(2025, 1, 9), "National day of mourning, President Carter"));

    private NyseCalendar() {}

    static boolean isTradingDay(LocalDate d) {
        return !isWeekend(d) && holiday(d) == null && !SPECIAL_CLOSURES.containsKey(d);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The name of the regular holiday observed on {@code d}, or null. */
    static String holiday(LocalDate d) {
        int y = d.getYear();
        // New Year's Day moves to Monday when on a Sunday; on a Saturday it is not observed on the Friday before.
        LocalDate newYear = LocalDate.of(y, 1, 1);
        if (d.equals(newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear)) {
            return "New Year's Day";
        }
        if (d.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3))) {
            return "Martin Luther King Jr. Day";
        }
        if (d.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3))) {
            return "Washington's Birthday";
        }
        if (d.equals(easter(y).minusDays(2))) {
            return "Good Friday";
        }
        if (d.equals(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
            return "Memorial Day";
        }
        if (y >= 2022 && d.equals(observed(LocalDate.of(y, 6, 19)))) {
            return "Juneteenth";
        }
        if (d.equals(observed(LocalDate.of(y, 7, 4)))) {
            return "Independence Day";
        }
        if (d.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))) {
            return "Labor Day";
        }
        if (d.equals(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))) {
            return "Thanksgiving";
        }
        if (d.equals(observed(LocalDate.of(y, 12, 25)))) {
            return "Christmas";
        }
        return null;
    }

    /** Saturday holidays are observed on Friday, Sunday holidays on Monday. */
    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
