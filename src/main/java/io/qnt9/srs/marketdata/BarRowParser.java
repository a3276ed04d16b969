package io.qnt9.srs.marketdata;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Validates one data line of a bar CSV against its {@link BarCsvFormat} and, when it is valid, writes it to the
 * staging COPY stream as {@code symbol \t date \t open \t high \t low \t close \t adj_close \t volume}, copying the
 * validated original text of each number so the database reads exactly the value that was checked.
 *
 * <p>Rules: ISO date ({@code yyyy-MM-dd}, optionally followed by a midnight time: {@link #isMidnight}) between
 * {@value #MIN_YEAR}-01-01 and tomorrow (UTC); prices finite and positive;
 * {@code low ≤ min(open, close) ≤ max(open, close) ≤ high}; volume a non-negative whole number (a fraction of zeros
 * allowed); the symbol (when the file has a symbol column) a valid ticker.
 */
final class BarRowParser {

    static final int MIN_YEAR = 1800;
    private static final int DATE_LENGTH = "yyyy-MM-dd".length();

    private final BarCsvFormat format;
    private final String fixedSymbol;
    private final int maxEpochDay;
    private final int minEpochDay = (int) LocalDate.of(MIN_YEAR, 1, 1).toEpochDay();

    // The parsed row, valid after parse() returned true.
    String symbol;
    int epochDay;
    double close;
    private long volume;

    /**
     * @param fixedSymbol the symbol every row belongs to (per-instrument import), or null when the file's symbol
     *     column names it
     */
    BarRowParser(BarCsvFormat format, String fixedSymbol, LocalDate today) {
        this.format = format;
        this.fixedSymbol = fixedSymbol;
        this.maxEpochDay = (int) today.plusDays(1).toEpochDay();
    }

    /** Checks the line and returns true when it is valid; each problem goes to {@code errors}. */
    boolean parse(CsvLine f, long lineNo, ImportErrors errors) {
        int before = errors.count();
        if (f.count() != format.fieldCount) {
            errors.add(new RowError(
                    lineNo,
                    null,
                    abbreviate(f.line()),
                    "Expected " + format.fieldCount + " fields like the header, found " + f.count() + "."));
            return false;
        }
        String s = f.line();

        symbol = fixedSymbol;
        if (format.symbol != BarCsvFormat.ABSENT) {
            String raw = f.trimmed(format.symbol);
            String normalised = Symbols.normalise(raw);
            if (normalised == null) {
                errors.add(new RowError(lineNo, "symbol", raw, "Not a valid ticker symbol."));
            } else if (fixedSymbol != null && !fixedSymbol.equals(normalised)) {
                errors.add(new RowError(
                        lineNo,
                        "symbol",
                        raw,
                        "The row is for " + normalised + " but this import is for " + fixedSymbol + "."));
            } else {
                symbol = normalised;
            }
        }

        epochDay = parseDate(s, f.start(format.date), f.end(format.date), lineNo, errors);

        close = price(f, format.close, "close", lineNo, errors);
        double open = close;
        double high = close;
        double low = close;
        if (format.hasOhl()) {
            open = price(f, format.open, "open", lineNo, errors);
            high = price(f, format.high, "high", lineNo, errors);
            low = price(f, format.low, "low", lineNo, errors);
        }
        if (format.adjClose != BarCsvFormat.ABSENT) {
            price(f, format.adjClose, "adj close", lineNo, errors);
        }
        long volume = 0;
        if (format.volume != BarCsvFormat.ABSENT) {
            volume = Decimals.parseCount(s, f.start(format.volume), f.end(format.volume));
            if (volume < 0) {
                errors.add(new RowError(
                        lineNo, "volume", f.text(format.volume), "Volume must be a non-negative whole number."));
            }
        }
        if (format.hasOhl() && open > 0 && high > 0 && low > 0 && close > 0) {
            if (!(low <= Math.min(open, close) && Math.max(open, close) <= high)) {
                errors.add(new RowError(
                        lineNo,
                        "high/low",
                        null,
                        "Prices are inconsistent: need low ≤ min(open, close) ≤ max(open, close) ≤ high, got open "
                                + open + ", high " + high + ", low " + low + ", close " + close + "."));
            }
        }
        this.volume = volume;
        return errors.count() == before;
    }

    /** Appends the line just parsed (valid) to the COPY stream. */
    void write(CsvLine f, CopyBuffer copy) {
        String s = f.line();
        copy.append(symbol).tab();
        copy.append(s, f.start(format.date), f.start(format.date) + DATE_LENGTH).tab(); // without a midnight time
        if (format.hasOhl()) {
            copy.append(s, f.start(format.open), f.end(format.open)).tab();
            copy.append(s, f.start(format.high), f.end(format.high)).tab();
            copy.append(s, f.start(format.low), f.end(format.low)).tab();
        } else {
            for (int k = 0; k < 3; k++) {
                copy.append(s, f.start(format.close), f.end(format.close)).tab();
            }
        }
        copy.append(s, f.start(format.close), f.end(format.close)).tab();
        int adj = format.adjClose != BarCsvFormat.ABSENT ? format.adjClose : format.close;
        copy.append(s, f.start(adj), f.end(adj)).tab();
        copy.append(volume).newline();
    }

    private int parseDate(String s, int from, int to, long lineNo, ImportErrors errors) {
        int len = to - from;
        boolean timed =
                len > DATE_LENGTH && (s.charAt(from + DATE_LENGTH) == ' ' || s.charAt(from + DATE_LENGTH) == 'T');
        if (len < DATE_LENGTH
                || len > DATE_LENGTH && !timed
                || s.charAt(from + 4) != '-'
                || s.charAt(from + 7) != '-') {
            errors.add(new RowError(lineNo, "date", s.substring(from, to), "Dates must be ISO dates (yyyy-MM-dd)."));
            return Integer.MIN_VALUE;
        }
        if (timed && !isMidnight(s, from + DATE_LENGTH, to)) {
            errors.add(new RowError(
                    lineNo,
                    "date",
                    s.substring(from, to),
                    "Dates must be ISO dates (yyyy-MM-dd); a timestamp is accepted only at midnight "
                            + "(2024-01-02 00:00:00, with or without an offset) - other times are intraday data."));
            return Integer.MIN_VALUE;
        }
        int y = digits(s, from, 4);
        int m = digits(s, from + 5, 2);
        int d = digits(s, from + 8, 2);
        if (y < 0 || m < 0 || d < 0) {
            errors.add(new RowError(lineNo, "date", s.substring(from, to), "Dates must be ISO dates (yyyy-MM-dd)."));
            return Integer.MIN_VALUE;
        }
        int day;
        try {
            day = (int) LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
            errors.add(new RowError(lineNo, "date", s.substring(from, to), "Not a calendar date."));
            return Integer.MIN_VALUE;
        }
        if (day < minEpochDay || day > maxEpochDay) {
            errors.add(new RowError(
                    lineNo,
                    "date",
                    s.substring(from, to),
                    "The date must lie between " + MIN_YEAR + "-01-01 and today."));
            return Integer.MIN_VALUE;
        }
        return day;
    }

    /**
     * Whether {@code s[from, to)} is the midnight time a daily bar's date may carry, as pandas writes a date index
     * ({@code " 00:00:00"}, and yfinance's exchange-local {@code " 00:00:00-05:00"}) or ISO-8601 does
     * ({@code "T00:00Z"}): a space or {@code T}, {@code 00:00}, optional {@code :00} and a fraction of zeros, then
     * optionally {@code Z} or an offset {@code ±hh:mm} / {@code ±hhmm}. The bar's date is the date written before it,
     * the exchange's own, whatever the offset.
     */
    static boolean isMidnight(String s, int from, int to) {
        int i = from;
        if (i >= to || s.charAt(i) != ' ' && s.charAt(i) != 'T') {
            return false;
        }
        i++;
        if (i + 5 > to || !s.startsWith("00:00", i)) {
            return false;
        }
        i += 5;
        if (i < to && s.charAt(i) == ':') {
            if (i + 3 > to || !s.startsWith("00", i + 1)) {
                return false;
            }
            i += 3;
            if (i < to && s.charAt(i) == '.') {
                int zeros = 0;
                while (++i < to && s.charAt(i) == '0') {
                    zeros++;
                }
                if (zeros == 0) {
                    return false;
                }
            }
        }
        if (i == to) {
            return true;
        }
        char c = s.charAt(i);
        if (c == 'Z') {
            return i + 1 == to;
        }
        if (c != '+' && c != '-') {
            return false;
        }
        int rest = to - i - 1;
        return rest == 5 && s.charAt(i + 3) == ':' && digits(s, i + 1, 2) >= 0 && digits(s, i + 4, 2) >= 0
                || rest == 4 && digits(s, i + 1, 4) >= 0;
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static double price(CsvLine f, int field, String column, long lineNo, ImportErrors errors) {
        int from = f.start(field);
        int to = f.end(field);
        double v = Decimals.parse(f.line(), from, to);
        if (Double.isNaN(v) && to - from > 1 && f.line().charAt(from) == '-') {
            v = -Decimals.parse(f.line(), from + 1, to); // a negative number: say what is wrong with it
        }
        if (Double.isNaN(v)) {
            String text = f.text(field);
            String why = text.isBlank()
                    ? "A price is required."
                    : text.indexOf(',') >= 0
                            ? "Not a number: use '.' as the decimal separator and no thousands separators."
                            : "Not a number.";
            errors.add(new RowError(lineNo, column, text, why));
            return -1;
        }
        if (!(v > 0)) {
            errors.add(new RowError(lineNo, column, f.text(field), "Prices must be positive."));
            return -1;
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
