package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolsTests {

    @Test
    void normalisesCaseAndBlanks() {
        assertThat(Symbols.normalise(" aapl ")).isEqualTo("AAPL");
        assertThat(Symbols.normalise("brk.b")).isEqualTo("BRK.B");
        assertThat(Symbols.normalise("^gspc")).isEqualTo("^GSPC");
        assertThat(Symbols.normalise("eurusd=x")).isEqualTo("EURUSD=X");
    }

    @Test
    void rejectsWhatCannotBeATicker() {
        assertThat(Symbols.normalise(null)).isNull();
        assertThat(Symbols.normalise("")).isNull();
        assertThat(Symbols.normalise("AA PL")).isNull();
        assertThat(Symbols.normalise("'; DROP TABLE instrument;--")).isNull();
        assertThat(Symbols.normalise("<script>")).isNull();
        assertThat(Symbols.normalise("ABCDEFGHIJKLMNOPQ")).isNull();
        assertThat(Symbols.normalise(".AAPL")).isNull();
    }
}
