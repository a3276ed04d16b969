package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BarCsvFormatTests {

    @Test
    void readsTheYahooLayout() {
        BarCsvFormat f = BarCsvFormat.parse("Date,Open,High,Low,Close,Adj Close,Volume");
        assertThat(f.delimiter).isEqualTo(',');
        assertThat(new int[] {f.date, f.open, f.high, f.low, f.close, f.adjClose, f.volume})
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(f.symbol).isEqualTo(BarCsvFormat.ABSENT);
        assertThat(f.ignoredColumns).isEmpty();
    }

    @Test
    void readsLowerCaseSnakeCaseAndOtherOrders() {
        BarCsvFormat f = BarCsvFormat.parse("volume,close,low,high,open,adj_close,date");
        assertThat(new int[] {f.date, f.open, f.high, f.low, f.close, f.adjClose, f.volume})
                .containsExactly(6, 4, 3, 2, 1, 5, 0);
    }

    @Test
    void readsAlphaVantageAndStooqStyleNames() {
        BarCsvFormat av = BarCsvFormat.parse("timestamp,open,high,low,close,adjusted_close,volume");
        assertThat(av.date).isZero();
        assertThat(av.adjClose).isEqualTo(5);
        BarCsvFormat stooq = BarCsvFormat.parse("Date;Open;High;Low;Close;Vol");
        assertThat(stooq.delimiter).isEqualTo(';');
        assertThat(stooq.volume).isEqualTo(5);
    }

    @Test
    void readsPandasDatetimeIndexName() {
        BarCsvFormat f = BarCsvFormat.parse("Datetime,Open,High,Low,Close,Volume,Dividends,Stock Splits");
        assertThat(f.date).isZero();
        assertThat(f.volume).isEqualTo(5);
    }

    @Test
    void acceptsDateAndCloseOnly() {
        BarCsvFormat f = BarCsvFormat.parse("date,close");
        assertThat(f.hasOhl()).isFalse();
        assertThat(f.volume).isEqualTo(BarCsvFormat.ABSENT);
    }

    @Test
    void reportsColumnsItIgnores() {
        BarCsvFormat f = BarCsvFormat.parse("Date,Close,Dividends,Stock Splits,Symbol");
        assertThat(f.ignoredColumns).containsExactly("Dividends", "Stock Splits");
        assertThat(f.symbol).isEqualTo(4);
    }

    @Test
    void rejectsAHeaderWithoutDateOrClose() {
        assertThatThrownBy(() -> BarCsvFormat.parse("Open,High,Low,Close"))
                .isInstanceOf(CsvProblem.class)
                .hasMessageContaining("no date column");
        assertThatThrownBy(() -> BarCsvFormat.parse("Date,Open,High,Low")).hasMessageContaining("no close column");
    }

    @Test
    void rejectsPartialOhlAndDuplicateColumns() {
        assertThatThrownBy(() -> BarCsvFormat.parse("Date,Open,Close"))
                .hasMessageContaining("Open, High and Low must be given together");
        assertThatThrownBy(() -> BarCsvFormat.parse("Date,Close,close")).hasMessageContaining("appears twice");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> BarCsvFormat.parse(null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> BarCsvFormat.parse("  ")).hasMessageContaining("empty");
    }
}
