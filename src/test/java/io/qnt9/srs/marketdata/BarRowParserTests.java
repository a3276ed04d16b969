package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarRowParserTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** Parses data lines under a header; returns the errors and the COPY text written for valid rows. */
    private record Outcome(List<RowError> errors, String copy) {}

    private static Outcome run(String header, String symbol, String... lines) {
        BarCsvFormat format = BarCsvFormat.parse(header);
        BarRowParser parser = new BarRowParser(format, symbol, TODAY);
        ImportErrors errors = new ImportErrors(50);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyBuffer copy = new CopyBuffer(new CopyBuffer.Target() {
            @Override
            public void write(byte[] bytes, int length) {
                out.write(bytes, 0, length);
            }

            @Override
            public long end() {
                return 0;
            }

            @Override
            public void cancel() {}
        });
        CsvLine f = new CsvLine();
        long lineNo = 1;
        for (String line : lines) {
            lineNo++;
            f.split(line, format.delimiter);
            if (parser.parse(f, lineNo, errors)) {
                parser.write(f, copy);
            }
        }
        copy.finish();
        return new Outcome(errors.first(), out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writesAValidYahooRowAsCopyTextWithTheOriginalNumbers() {
        Outcome o = run(
                "Date,Open,High,Low,Close,Adj Close,Volume",
                "AAPL",
                "2013-05-13,64.501427,65.414284,64.500000,64.962860,50.961628,79237200");
        assertThat(o.errors()).isEmpty();
        assertThat(o.copy())
                .isEqualTo("AAPL\t2013-05-13\t64.501427\t65.414284\t64.500000\t64.962860\t50.961628\t79237200\n");
    }

    @Test
    void fillsOpenHighLowAdjCloseFromCloseAndVolumeWithZeroForDateCloseFiles() {
        Outcome o = run("date,close", "SPX", "2020-04-17,2874.56");
        assertThat(o.copy()).isEqualTo("SPX\t2020-04-17\t2874.56\t2874.56\t2874.56\t2874.56\t2874.56\t0\n");
    }

    @Test
    void readsTheSymbolColumnOfAMultiInstrumentFile() {
        Outcome o = run("symbol,date,close", null, "msft,2001-01-02,43.375");
        assertThat(o.copy()).startsWith("MSFT\t2001-01-02\t");
    }

    @Test
    void rejectsMalformedAndImpossibleDatesWithLineAndColumn() {
        Outcome o =
                run("date,close", "X", "2024-02-30,1", "02/01/2014,1", "2014-1-2,1", "1799-12-31,1", "2026-11-26,1");
        assertThat(o.errors())
                .extracting(RowError::line, RowError::column, RowError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "date", "Not a calendar date."),
                        org.assertj.core.groups.Tuple.tuple(3L, "date", "Dates must be ISO dates (yyyy-MM-dd)."),
                        org.assertj.core.groups.Tuple.tuple(4L, "date", "Dates must be ISO dates (yyyy-MM-dd)."),
                        org.assertj.core.groups.Tuple.tuple(
                                5L, "date", "The date must lie between 1800-01-01 and today."),
                        org.assertj.core.groups.Tuple.tuple(
                                6L, "date", "The date must lie between 1800-01-01 and today."));
        assertThat(o.copy()).isEmpty();
    }

    @Test
    void acceptsADateWithAMidnightTimeAsPandasAndYfinanceWriteIt() {
        Outcome o = run(
                "Date,Close",
                "X",
                "2014-01-02 00:00:00-05:00,1",
                "2014-01-03 00:00:00,1",
                "2014-01-06T00:00Z,1",
                "2014-01-07T00:00:00.000+0100,1");
        assertThat(o.errors()).isEmpty();
        assertThat(o.copy())
                .as("the date as written, without the time")
                .isEqualTo("X\t2014-01-02\t1\t1\t1\t1\t1\t0\n"
                        + "X\t2014-01-03\t1\t1\t1\t1\t1\t0\n"
                        + "X\t2014-01-06\t1\t1\t1\t1\t1\t0\n"
                        + "X\t2014-01-07\t1\t1\t1\t1\t1\t0\n");
    }

    @Test
    void rejectsATimeOtherThanMidnightAsIntradayAndOtherTailsAsNotADate() {
        Outcome o = run(
                "date,close",
                "X",
                "2014-01-02 16:00:00,1",
                "2014-01-03 00:00:01,1",
                "2014-01-06 00:00:00+5,1",
                "2014-01-07 00:00:00.,1",
                "2014-01-08T00:0,1",
                "2014-01-091,1");
        assertThat(o.errors())
                .extracting(RowError::line, RowError::message)
                .allSatisfy(t -> assertThat(t.toList().get(1).toString()).startsWith("Dates must be ISO dates"))
                .extracting(t -> t.toList().get(0))
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(o.errors().get(0).message()).contains("only at midnight").contains("intraday");
        assertThat(o.errors().get(5).message()).isEqualTo("Dates must be ISO dates (yyyy-MM-dd).");
        assertThat(o.copy()).isEmpty();
    }

    @Test
    void acceptsTomorrowBecauseSomeMarketsAreAheadOfUtc() {
        assertThat(run("date,close", "X", "2026-11-25,1").errors()).isEmpty();
    }

    @Test
    void rejectsNonPositiveNonNumericAndNonFinitePrices() {
        Outcome o = run(
                "date,close",
                "X",
                "2014-01-02,0",
                "2014-01-03,-5",
                "2014-01-06,abc",
                "2014-01-07,NaN",
                "2014-01-08,",
                "2014-01-09,1e999");
        assertThat(o.errors())
                .extracting(RowError::message)
                .containsExactly(
                        "Prices must be positive.",
                        "Prices must be positive.",
                        "Not a number.",
                        "Not a number.",
                        "A price is required.",
                        "Not a number.");
    }

    @Test
    void explainsADecimalComma() {
        Outcome o = run("Date;Close", "X", "2014-01-02;12,5");
        assertThat(o.errors().get(0).message()).contains("use '.' as the decimal separator");
    }

    @Test
    void rejectsBarsWhoseHighAndLowDoNotEncloseOpenAndClose() {
        Outcome o = run(
                "date,open,high,low,close",
                "X",
                "2014-01-02,10,12,9,11", // fine
                "2014-01-03,10,10.5,9,11", // close above high
                "2014-01-06,8.5,12,9,11", // open below low
                "2014-01-07,10,9,11,10"); // low above high
        assertThat(o.errors()).extracting(RowError::line).containsExactly(3L, 4L, 5L);
        assertThat(o.errors()).allSatisfy(e -> assertThat(e.column()).isEqualTo("high/low"));
    }

    @Test
    void acceptsOpenOrCloseExactlyOnTheHighOrLow() {
        assertThat(run("date,open,high,low,close", "X", "2014-01-02,9,11,9,11").errors())
                .isEmpty();
    }

    @Test
    void rejectsFractionalOrNegativeVolumes() {
        Outcome o = run("date,close,volume", "X", "2014-01-02,1,1.5", "2014-01-03,1,-2", "2014-01-06,1,");
        assertThat(o.errors()).hasSize(3).allSatisfy(e -> assertThat(e.column()).isEqualTo("volume"));
    }

    @Test
    void writesAPandasFloatVolumeAsTheWholeNumberItIs() {
        Outcome o = run("Date,Close,Volume", "X", "2014-01-02,10.5,33594600.0");
        assertThat(o.errors()).isEmpty();
        assertThat(o.copy()).isEqualTo("X\t2014-01-02\t10.5\t10.5\t10.5\t10.5\t10.5\t33594600\n");
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFields() {
        Outcome o = run("date,close", "X", "2014-01-02,1,2", "2014-01-03");
        assertThat(o.errors())
                .extracting(RowError::message)
                .containsExactly(
                        "Expected 2 fields like the header, found 3.", "Expected 2 fields like the header, found 1.");
    }

    @Test
    void rejectsASymbolColumnThatContradictsThePath() {
        Outcome o = run("symbol,date,close", "AAPL", "MSFT,2014-01-02,1", "bad symbol!,2014-01-03,1");
        assertThat(o.errors())
                .extracting(RowError::message)
                .containsExactly("The row is for MSFT but this import is for AAPL.", "Not a valid ticker symbol.");
    }

    @Test
    void reportsEveryProblemOfOneRow() {
        Outcome o = run("date,open,high,low,close,volume", "X", "2014-13-01,x,1,1,-1,z");
        assertThat(o.errors()).extracting(RowError::column).containsExactly("date", "close", "open", "volume");
    }
}
