package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real series shipped in {@code data/} pass the same validation as a user's import, ascend, have gaps only
 * where the NYSE was closed, and move plausibly from day to day.
 */
class BundledDataFilesTests {

    /**
     * Largest accepted close-to-close move. Single stocks can jump on earnings (GOOG +20.0 % on 2008-04-18,
     * MSFT +19.6 % on 2000-10-19, both real); an index moving more than 15 % in a day would be a data error (the
     * S&P 500's largest moves since 1987 are about 12 %). A split would show up as a far larger jump; none of
     * these series contains one unadjusted.
     */
    private static final Map<InstrumentKind, Double> MAX_DAILY_MOVE =
            Map.of(InstrumentKind.STOCK, 0.25, InstrumentKind.INDEX, 0.15);

    static Stream<BundledData.Item> items() throws IOException {
        List<BundledData.Item> items = new ArrayList<>();
        InstrumentCsv.parse(
                read("instruments.csv"),
                row -> items.add(new BundledData.Item(
                        row.instrument(), row.extraColumns().get("file"))));
        return items.stream();
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of("data", file), StandardCharsets.UTF_8);
    }

    private record Parsed(List<LocalDate> dates, List<Double> closes, List<RowError> errors, int rows) {}

    /** Runs the file through the importer's own header and row validation, without a database. */
    private static Parsed validate(BundledData.Item item) throws IOException {
        String[] lines = read(item.file()).split("\n");
        BarCsvFormat format = BarCsvFormat.parse(lines[0]);
        BarRowParser parser = new BarRowParser(format, item.instrument().symbol(), LocalDate.of(2026, 11, 24));
        ImportErrors errors = new ImportErrors(10);
        CsvLine f = new CsvLine();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            f.split(lines[i], format.delimiter);
            if (parser.parse(f, i + 1, errors)) {
                dates.add(LocalDate.ofEpochDay(parser.epochDay));
                closes.add(Double.parseDouble(f.text(format.close)));
            }
        }
        return new Parsed(dates, closes, errors.first(), dates.size());
    }

    @Test
    void theCatalogueListsFourRealInstrumentsWithValidIdentifiers() throws IOException {
        List<BundledData.Item> items = items().toList();
        assertThat(items).extracting(i -> i.instrument().symbol()).containsExactly("AAPL", "MSFT", "GOOG", "SPX");
        assertThat(items).allSatisfy(i -> {
            assertThat(Isin.isValid(i.instrument().isin()))
                    .as(i.instrument().isin())
                    .isTrue();
            assertThat(i.instrument().wkn()).hasSize(6);
            assertThat(Files.exists(Path.of("data", i.file()))).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void everyRowPassesImportValidation(BundledData.Item item) throws IOException {
        Parsed p = validate(item);
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).isGreaterThan(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void datesAscendStrictly(BundledData.Item item) throws IOException {
        List<LocalDate> d = validate(item).dates();
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.get(i)).as("row %d", i + 2).isAfter(d.get(i - 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void gapsAreExactlyTheDaysTheNyseWasClosed(BundledData.Item item) throws IOException {
        List<LocalDate> d = validate(item).dates();
        List<String> unexplainedHoles = new ArrayList<>();
        List<String> barsOnClosedDays = new ArrayList<>();
        for (LocalDate day : d) {
            if (!NyseCalendar.isTradingDay(day)) {
                barsOnClosedDays.add(day.toString());
            }
        }
        for (int i = 1; i < d.size(); i++) {
            for (LocalDate day = d.get(i - 1).plusDays(1); day.isBefore(d.get(i)); day = day.plusDays(1)) {
                if (NyseCalendar.isTradingDay(day)) {
                    unexplainedHoles.add(day.toString());
                }
            }
        }
        assertThat(barsOnClosedDays).as("bars on weekends or holidays").isEmpty();
        assertThat(unexplainedHoles).as("trading days without a bar").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void dayToDayMovesStayWithinThePlausibleBound(BundledData.Item item) throws IOException {
        Parsed p = validate(item);
        double bound = MAX_DAILY_MOVE.get(item.instrument().kind());
        for (int i = 1; i < p.closes().size(); i++) {
            double move = Math.abs(p.closes().get(i) / p.closes().get(i - 1) - 1);
            assertThat(move)
                    .as("%s %s", item.instrument().symbol(), p.dates().get(i))
                    .isLessThanOrEqualTo(bound);
        }
    }

    /**
     * Largest accepted day-to-day change of the adjustment factor (adjusted close / close). Between splits it moves
     * only on ex-dividend dates, by the dividend over the previous close: 0.4-0.7 % a quarter for AAPL. Yahoo!
     * Finance's AAPL file applied the four dividends paid before the 2014 split at their pre-split amounts, a 4-5 %
     * step each (corrected by scripts/correct_aapl_adjclose.py, see data/SOURCES.md); this bound catches that.
     */
    private static final double MAX_ADJUSTMENT_STEP = 0.015;

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void adjustedClosesMoveWithTheCloseExceptForPlausibleDividends(BundledData.Item item) throws IOException {
        String[] lines = read(item.file()).split("\n");
        List<String> header =
                List.of(lines[0].toLowerCase(java.util.Locale.ROOT).split(","));
        int close = header.indexOf("close");
        int adjusted = -1;
        for (String name : List.of("adj close", "adj_close", "adjclose")) {
            adjusted = Math.max(adjusted, header.indexOf(name));
        }
        if (adjusted < 0) {
            return; // no adjusted close in this file (MSFT): the import takes the close
        }
        double previous = Double.NaN;
        int steps = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            double factor = Double.parseDouble(f[adjusted]) / Double.parseDouble(f[close]);
            if (!Double.isNaN(previous)) {
                double step = Math.abs(factor / previous - 1);
                assertThat(step)
                        .as(
                                "%s %s: adjustment factor %s -> %s",
                                item.instrument().symbol(), f[0], previous, factor)
                        .isLessThanOrEqualTo(MAX_ADJUSTMENT_STEP);
                steps++;
            }
            previous = factor;
        }
        assertThat(steps).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void bundledFilesRaiseNoImportWarnings(BundledData.Item item) throws IOException {
        Parsed p = validate(item);
        ImportWarnings warnings = new ImportWarnings();
        for (int i = 0; i < p.closes().size(); i++) {
            warnings.row(
                    0,
                    item.instrument().symbol(),
                    (int) p.dates().get(i).toEpochDay(),
                    p.closes().get(i));
        }
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void theCalendarKnowsTheHolidaysItIsBuiltFrom() {
        assertThat(NyseCalendar.easter(2014)).isEqualTo(LocalDate.of(2014, 4, 20));
        assertThat(NyseCalendar.easter(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
        assertThat(NyseCalendar.holiday(LocalDate.of(2014, 4, 18))).isEqualTo("Good Friday");
        assertThat(NyseCalendar.holiday(LocalDate.of(2015, 7, 3))).isEqualTo("Independence Day");
        assertThat(NyseCalendar.holiday(LocalDate.of(2010, 12, 24))).isEqualTo("Christmas");
        assertThat(NyseCalendar.holiday(LocalDate.of(2012, 1, 2))).isEqualTo("New Year's Day");
        // New Year's Day 2011 fell on a Saturday: the NYSE traded on Friday 2010-12-31.
        assertThat(NyseCalendar.isTradingDay(LocalDate.of(2010, 12, 31))).isTrue();
        assertThat(NyseCalendar.holiday(LocalDate.of(2023, 6, 19))).isEqualTo("Juneteenth");
        assertThat(NyseCalendar.holiday(LocalDate.of(2014, 11, 27))).isEqualTo("Thanksgiving");
        assertThat(NyseCalendar.isTradingDay(LocalDate.of(2012, 10, 29))).isFalse();
    }
}
