package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvLineTests {

    @Test
    void splitsOnTheDelimiterAndTrimsPadding() {
        CsvLine l = new CsvLine();
        assertThat(l.split("2014-01-02, 79.38 ,79.57", ',')).isEqualTo(3);
        assertThat(l.text(0)).isEqualTo("2014-01-02");
        assertThat(l.text(1)).isEqualTo("79.38");
        assertThat(l.text(2)).isEqualTo("79.57");
    }

    @Test
    void keepsEmptyFieldsIncludingATrailingOne() {
        CsvLine l = new CsvLine();
        assertThat(l.split("a,,b,", ',')).isEqualTo(4);
        assertThat(l.text(1)).isEmpty();
        assertThat(l.text(3)).isEmpty();
    }

    @Test
    void readsQuotedFieldsThatContainTheDelimiter() {
        CsvLine l = new CsvLine();
        assertThat(l.split("\"Apple, Inc.\",AAPL", ',')).isEqualTo(2);
        assertThat(l.text(0)).isEqualTo("Apple, Inc.");
        assertThat(CsvLine.fields("\"say \"\"hi\"\"\",x", ',')).containsExactly("say \"hi\"", "x");
    }

    @Test
    void growsBeyondSixteenFields() {
        CsvLine l = new CsvLine();
        String line = "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19";
        assertThat(l.split(line, ',')).isEqualTo(20);
        assertThat(l.text(19)).isEqualTo("19");
    }

    @Test
    void splitsOnSemicolonsAndTabs() {
        assertThat(CsvLine.fields("a;b;c", ';')).containsExactly("a", "b", "c");
        assertThat(CsvLine.fields("a\tb", '\t')).containsExactly("a", "b");
    }
}
