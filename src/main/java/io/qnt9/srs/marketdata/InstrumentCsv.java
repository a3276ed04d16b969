package io.qnt9.srs.marketdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates an instrument metadata CSV ({@code symbol,name,exchange,currency,isin,wkn,sector,kind}; only
 * symbol and name are required, any order, extra columns passed through). All or nothing: the whole file is
 * checked first and any problem rejects it with a 422 that lists the first problems with line numbers. A column the
 * file lacks is not a blank: see {@link Row}.
 */
final class InstrumentCsv {

    private static final int MAX_ERRORS = 20;
    private static final Pattern WKN = Pattern.compile("[A-Z0-9]{6}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final List<String> KNOWN =
            List.of("symbol", "name", "exchange", "currency", "isin", "wkn", "sector", "kind");

    private InstrumentCsv() {}

    /**
     * One valid line: the instrument (defaults where the file has no column: currency USD, kind STOCK), the values of
     * the file's other columns, and which of the known columns the file has — a stored instrument keeps its values
     * of the columns the file lacks.
     */
    record Row(Instrument instrument, Map<String, String> extraColumns, Set<String> columns) {}

    interface Sink {
        void accept(Row row);
    }

    /** Validates every line, then hands each instrument to {@code sink}; throws a 422 problem if any line is bad. */
    static int parse(String text, Sink sink) {
        String[] lines = text.split("\r?\n", -1);
        ImportErrors errors = new ImportErrors(MAX_ERRORS);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw ImportErrors.rejection(
                    List.of(new RowError(
                            1, null, null, "The file is empty; expected a header with at least" + " symbol,name.")),
                    1);
        }
        String header = lines[0].charAt(0) == '\uFEFF' ? lines[0].substring(1) : lines[0];
        char delimiter = header.indexOf(',') >= 0 ? ',' : header.indexOf(';') >= 0 ? ';' : '\t';
        List<String> names = new ArrayList<>();
        for (String n : CsvLine.fields(header, delimiter)) {
            names.add(n.trim().toLowerCase(Locale.ROOT));
        }
        for (String required : List.of("symbol", "name")) {
            if (!names.contains(required)) {
                throw ImportErrors.rejection(
                        List.of(new RowError(
                                1,
                                required,
                                null,
                                "The header has no '" + required + "' column; found " + names + ".")),
                        1);
            }
        }
        Set<String> columns = new LinkedHashSet<>(names);
        columns.retainAll(KNOWN);
        Set<String> present = Set.copyOf(columns);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> seenSymbol = new HashMap<>();
        Map<String, Long> seenIsin = new HashMap<>();
        Map<String, Long> seenWkn = new HashMap<>();
        CsvLine f = new CsvLine();
        for (int i = 1; i < lines.length; i++) {
            long lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            int n = f.split(lines[i], delimiter);
            if (n != names.size()) {
                errors.add(new RowError(
                        lineNo,
                        null,
                        lines[i],
                        "Expected " + names.size() + " fields like the" + " header, found " + n + "."));
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>();
            Map<String, String> extra = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                String value = f.text(c).replace("\"\"", "\"").trim();
                (KNOWN.contains(names.get(c)) ? v : extra).put(names.get(c), value);
            }
            int before = errors.count();
            String symbol = Symbols.normalise(v.get("symbol"));
            if (symbol == null) {
                errors.add(new RowError(
                        lineNo,
                        "symbol",
                        v.get("symbol"),
                        "Not a valid ticker symbol (letters," + " digits and . - ^ =, at most 16)."));
            }
            String name = v.getOrDefault("name", "");
            if (name.isBlank() || name.length() > 200 || hasControl(name)) {
                errors.add(new RowError(lineNo, "name", name, "A name of 1 to 200 printable characters is required."));
            }
            String exchange = blankToNull(v.get("exchange"));
            if (exchange != null && (exchange.length() > 32 || hasControl(exchange))) {
                errors.add(new RowError(lineNo, "exchange", exchange, "At most 32 printable characters."));
            }
            String currency = upper(v.get("currency"));
            if (currency != null && !CURRENCY.matcher(currency).matches()) {
                errors.add(new RowError(lineNo, "currency", currency, "An ISO 4217 code such as USD or EUR."));
            }
            String isin = upper(v.get("isin"));
            if (isin != null && !Isin.isValid(isin)) {
                errors.add(new RowError(
                        lineNo,
                        "isin",
                        isin,
                        Isin.hasShape(isin)
                                ? "The ISIN's check digit is wrong (expected " + Isin.checkDigit(isin.substring(0, 11))
                                        + ")."
                                : "An ISIN has 2 letters, 9 letters or digits and a check digit."));
            }
            String wkn = upper(v.get("wkn"));
            if (wkn != null && !WKN.matcher(wkn).matches()) {
                errors.add(new RowError(lineNo, "wkn", wkn, "A WKN has 6 letters or digits."));
            }
            String sector = blankToNull(v.get("sector"));
            if (sector != null && (sector.length() > 64 || hasControl(sector))) {
                errors.add(new RowError(lineNo, "sector", sector, "At most 64 printable characters."));
            }
            InstrumentKind kind = InstrumentKind.STOCK;
            String kindText = upper(v.get("kind"));
            if (kindText != null) {
                try {
                    kind = InstrumentKind.valueOf(kindText);
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(lineNo, "kind", kindText, "One of STOCK, INDEX, ETF."));
                }
            }
            duplicate(seenSymbol, symbol, "symbol", lineNo, errors);
            duplicate(seenIsin, isin, "isin", lineNo, errors);
            duplicate(seenWkn, wkn, "wkn", lineNo, errors);
            if (errors.count() == before) {
                rows.add(new Row(
                        new Instrument(
                                symbol,
                                name.trim(),
                                exchange,
                                currency == null ? "USD" : currency,
                                isin,
                                wkn,
                                sector,
                                kind),
                        extra,
                        present));
            }
        }
        if (!errors.isEmpty()) {
            throw ImportErrors.rejection(errors.first(), errors.count());
        }
        if (rows.isEmpty()) {
            throw ImportErrors.rejection(
                    List.of(new RowError(2, null, null, "The file has a header but no data rows.")), 1);
        }
        rows.forEach(sink::accept);
        return rows.size();
    }

    private static void duplicate(Map<String, Long> seen, String key, String column, long line, ImportErrors errors) {
        if (key == null) {
            return;
        }
        Long first = seen.putIfAbsent(key, line);
        if (first != null) {
            errors.add(new RowError(line, column, key, "Duplicate " + column + ": already on line " + first + "."));
        }
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        String b = blankToNull(s);
        return b == null ? null : b.toUpperCase(Locale.ROOT);
    }
}
