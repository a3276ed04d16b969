package io.qnt9.srs.marketdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The layout of a bar CSV, read from its header. Accepts the common layouts: Yahoo-style
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}, lower-case or snake_case headers, Alpha Vantage's
 * {@code timestamp,…,adjusted_close}, {@code date,close} only, any column order, comma, semicolon or tab as
 * delimiter, and an optional {@code symbol}/{@code ticker} column. Columns it does not know (dividends, splits…)
 * are ignored and reported back.
 */
final class BarCsvFormat {

    static final int ABSENT = -1;

    final char delimiter;
    final int fieldCount;
    final int date;
    final int open;
    final int high;
    final int low;
    final int close;
    final int adjClose;
    final int volume;
    final int symbol;
    final List<String> ignoredColumns;

    private BarCsvFormat(char delimiter, int fieldCount, int[] idx, List<String> ignoredColumns) {
        this.delimiter = delimiter;
        this.fieldCount = fieldCount;
        this.date = idx[0];
        this.open = idx[1];
        this.high = idx[2];
        this.low = idx[3];
        this.close = idx[4];
        this.adjClose = idx[5];
        this.volume = idx[6];
        this.symbol = idx[7];
        this.ignoredColumns = Collections.unmodifiableList(ignoredColumns);
    }

    private static final String[] ROLES = {"date", "open", "high", "low", "close", "adj close", "volume", "symbol"};

    /**
     * @param header the first line, BOM already removed
     * @throws CsvProblem when the header is unusable; its message says why
     */
    static BarCsvFormat parse(String header) {
        if (header == null || header.isBlank()) {
            throw new CsvProblem(
                    1,
                    null,
                    null,
                    "The file is empty; expected a header line such as Date,Open,High,Low,Close,Volume.");
        }
        char delimiter = detectDelimiter(header);
        List<String> names = CsvLine.fields(header, delimiter);
        int[] idx = new int[ROLES.length];
        java.util.Arrays.fill(idx, ABSENT);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i).trim();
            int role = role(normalise(raw));
            if (role < 0) {
                if (!raw.isEmpty()) {
                    ignored.add(raw);
                }
                continue;
            }
            if (idx[role] != ABSENT) {
                throw new CsvProblem(1, raw, null, "Column '" + ROLES[role] + "' appears twice in the header.");
            }
            idx[role] = i;
        }
        if (idx[0] == ABSENT) {
            throw new CsvProblem(
                    1,
                    null,
                    null,
                    "The header has no date column (expected 'Date' or 'timestamp'); found " + names + ".");
        }
        if (idx[4] == ABSENT) {
            throw new CsvProblem(
                    1, null, null, "The header has no close column (expected 'Close'); found " + names + ".");
        }
        int ohl = (idx[1] == ABSENT ? 0 : 1) + (idx[2] == ABSENT ? 0 : 1) + (idx[3] == ABSENT ? 0 : 1);
        if (ohl != 0 && ohl != 3) {
            throw new CsvProblem(
                    1,
                    null,
                    null,
                    "Open, High and Low must be given together (or all left out, when only"
                            + " closing prices are known); found " + names + ".");
        }
        return new BarCsvFormat(delimiter, names.size(), idx, ignored);
    }

    boolean hasOhl() {
        return open != ABSENT;
    }

    private static char detectDelimiter(String header) {
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return ',';
    }

    /** "Adj. Close*" → "adjclose", "adjusted_close" → "adjustedclose", "\"Date\"" → "date". */
    static String normalise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static int role(String n) {
        return switch (n) {
            case "date", "datetime", "timestamp", "day", "tradedate" -> 0;
            case "open" -> 1;
            case "high" -> 2;
            case "low" -> 3;
            case "close", "price", "last" -> 4;
            case "adjclose", "adjustedclose", "adjclosing" -> 5;
            case "volume", "vol" -> 6;
            case "symbol", "ticker" -> 7;
            default -> -1;
        };
    }
}
