package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailySeriesTests {

    @Test
    void coverageNamesTheFirstAndLastDateOrNone() {
        DailySeries s = new DailySeries.Builder("COV")
                .add(LocalDate.of(2020, 1, 2), 10, 11, 9, 10.5, 100)
                .add(LocalDate.of(2020, 1, 3), 10.5, 11, 10, 10.8, 200)
                .build();
        assertThat(s.coverage()).isEqualTo("2020-01-02 to 2020-01-03");
        assertThat(DailySeries.empty("NONE").coverage()).isEqualTo("none");
    }
}
