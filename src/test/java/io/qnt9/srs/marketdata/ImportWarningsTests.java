package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ImportWarningsTests {

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    @Test
    void aCloseNinetyTimesTheDayBeforeIsNotedWithBothDatesInEitherFileOrder() {
        String expected = "TST: close 1000 on 2024-01-04 after 11 on 2024-01-03 (×90.9): a split not adjusted for,"
                + " or a data error?";
        ImportWarnings ascending = new ImportWarnings();
        ascending.row(0, "TST", day("2024-01-02"), 10);
        ascending.row(0, "TST", day("2024-01-03"), 11);
        ascending.row(0, "TST", day("2024-01-04"), 1000);
        assertThat(ascending.list()).containsExactly(expected);

        ImportWarnings descending = new ImportWarnings();
        descending.row(0, "TST", day("2024-01-04"), 1000);
        descending.row(0, "TST", day("2024-01-03"), 11);
        descending.row(0, "TST", day("2024-01-02"), 10);
        assertThat(descending.list()).containsExactly(expected);
    }

    @Test
    void splitsOfTwoForOneAndThreeForTwoShowButANormalBigDayDoesNot() {
        ImportWarnings w = new ImportWarnings();
        w.row(0, "A", day("2024-01-02"), 100);
        w.row(0, "A", day("2024-01-03"), 50); // 2:1 split, factor 0.5
        w.row(0, "A", day("2024-01-04"), 70); // +40 %: large, but a real day can do that
        w.row(0, "A", day("2024-01-05"), 46.66); // 3:2 split, factor 0.6666 <= 1/1.5
        assertThat(w.list())
                .containsExactly(
                        "A: close 50 on 2024-01-03 after 100 on 2024-01-02 (×0.5): a split not adjusted for, or a data"
                                + " error?",
                        "A: close 46.66 on 2024-01-05 after 70 on 2024-01-04 (×0.667): a split not adjusted for, or a"
                                + " data error?");
    }

    @Test
    void onlyNeighbouringBarsOfTheSameSymbolAreCompared() {
        ImportWarnings w = new ImportWarnings();
        w.row(0, "A", day("2024-01-02"), 100);
        w.row(1, "B", day("2024-01-02"), 5); // another symbol: not compared with A
        w.row(0, "A", day("2024-01-03"), 101);
        w.row(1, "B", day("2024-01-03"), 5.1);
        w.row(0, "A", day("2024-02-01"), 300); // a month later: not a neighbouring bar
        assertThat(w.list()).isEmpty();
    }

    @Test
    void weekendBarsAreCountedWithTheFirstOne() {
        ImportWarnings w = new ImportWarnings();
        w.row(0, "C", day("2024-01-05"), 10); // Friday
        w.row(0, "C", day("2024-01-06"), 10); // Saturday
        w.row(0, "C", day("2024-01-07"), 10); // Sunday
        w.row(0, "C", day("2024-01-08"), 10); // Monday
        assertThat(w.list())
                .containsExactly("2 bars fall on a Saturday or Sunday (first: C 2024-01-06): stock exchanges do not"
                        + " trade then.");
    }

    @Test
    void atMostTenMovesAreListedAndTheRestCounted() {
        ImportWarnings w = new ImportWarnings();
        LocalDate d = LocalDate.of(2024, 1, 1); // a Monday
        for (int i = 0; i < 15; i++) {
            w.row(0, "Z", (int) d.plusWeeks(i).toEpochDay(), i % 2 == 0 ? 10 : 20); // every week x2 or x0.5
        }
        assertThat(w.list()).hasSize(11).last().isEqualTo("4 more moves by a factor of 1.5 or more.");
    }
}
