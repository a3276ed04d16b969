package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Weekly and monthly bars from daily ones, worked out by hand. */
class BarIntervalTests {

    /**
     * Mon 2014-12-29 … Fri 2015-01-09, without the New Year holiday (Thu 2015-01-01): ISO week 1 of 2015 runs from
     * Monday 29 December to Sunday 4 January, so the first weekly bar crosses the year; the monthly bars split it.
     */
    private static DailySeries days() {
        return new DailySeries.Builder("X")
                .add((int) LocalDate.parse("2014-12-29").toEpochDay(), 10, 12, 9, 11, 5.5, 100)
                .add((int) LocalDate.parse("2014-12-30").toEpochDay(), 11, 15, 10, 14, 7, 200)
                .add((int) LocalDate.parse("2014-12-31").toEpochDay(), 14, 14, 8, 9, 4.5, 300)
                .add((int) LocalDate.parse("2015-01-02").toEpochDay(), 9, 10, 7, 8, 4, 400)
                .add((int) LocalDate.parse("2015-01-05").toEpochDay(), 8, 9, 6, 7, 3.5, 500)
                .add((int) LocalDate.parse("2015-01-09").toEpochDay(), 7, 20, 7, 19, 9.5, 600)
                .build();
    }

    private static void assertBar(
            DailySeries s, int i, String date, double o, double h, double l, double c, double a, long v) {
        assertThat(s.date(i)).isEqualTo(LocalDate.parse(date));
        assertThat(new double[] {s.open()[i], s.high()[i], s.low()[i], s.close()[i], s.adjClose()[i]})
                .containsExactly(o, h, l, c, a);
        assertThat(s.volume()[i]).isEqualTo(v);
    }

    @Test
    void weeklyBarsRunMondayToSundayAndAreDatedByTheirLastTradingDay() {
        DailySeries w = BarInterval.WEEKLY.aggregate(days());
        assertThat(w.size()).isEqualTo(2);
        // 29 Dec – 2 Jan: open of the 29th, high 15 (30th), low 7 (2nd), close and adjusted close of the 2nd
        assertBar(w, 0, "2015-01-02", 10, 15, 7, 8, 4, 1000);
        // 5 – 9 Jan: two trading days
        assertBar(w, 1, "2015-01-09", 8, 20, 6, 19, 9.5, 1100);
        assertThat(w.symbol()).isEqualTo("X");
    }

    @Test
    void monthlyBarsFollowTheCalendar() {
        DailySeries m = BarInterval.MONTHLY.aggregate(days());
        assertThat(m.size()).isEqualTo(2);
        assertBar(m, 0, "2014-12-31", 10, 15, 8, 9, 4.5, 600);
        assertBar(m, 1, "2015-01-09", 9, 20, 6, 19, 9.5, 1500);
    }

    @Test
    void dailyIsTheSeriesItselfAndAnEmptySeriesStaysEmpty() {
        DailySeries d = days();
        assertThat(BarInterval.DAILY.aggregate(d)).isSameAs(d);
        assertThat(BarInterval.WEEKLY.aggregate(DailySeries.empty("E")).size()).isZero();
        assertThat(BarInterval.MONTHLY.aggregate(d.slice(5, 6)).size()).isEqualTo(1);
    }

    @Test
    void weeksAreIsoWeeksAcrossTheEpochAndLeapDays() {
        // 1970-01-01 was a Thursday; Sunday 1970-01-04 and Monday 1970-01-05 are in different weeks.
        assertThat(BarInterval.WEEKLY.period((int) LocalDate.parse("1970-01-04").toEpochDay()))
                .isEqualTo(BarInterval.WEEKLY.period(
                        (int) LocalDate.parse("1969-12-29").toEpochDay()));
        assertThat(BarInterval.WEEKLY.period((int) LocalDate.parse("1970-01-05").toEpochDay()))
                .isEqualTo(BarInterval.WEEKLY.period(
                                (int) LocalDate.parse("1970-01-04").toEpochDay())
                        + 1);
        assertThat(BarInterval.MONTHLY.period(
                        (int) LocalDate.parse("2016-02-29").toEpochDay()))
                .isEqualTo(BarInterval.MONTHLY.period(
                        (int) LocalDate.parse("2016-02-01").toEpochDay()));
    }
}
