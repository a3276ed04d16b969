package io.qnt9.srs.watchlist;

import io.qnt9.srs.system.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a watchlist accepts from a user. Names are plain words: letters, digits, spaces and everyday punctuation —
 * nothing that reads as markup or as a statement separator. Notes are free text but no control characters and
 * nothing that starts an HTML tag. Stored data therefore never carries a script, whatever the page showing it does.
 */
final class WatchlistText {

    static final int MAX_NAME = 100;
    static final int MAX_NOTE = 500;
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999");

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} _.,&'()/+#:!?%@$€£¥-]+");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^][A-Za-z0-9.^=-]{0,15}");
    private static final Pattern TAG_START = Pattern.compile("<[\\p{L}/!?]");

    private WatchlistText() {}

    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw invalid("name", "must not be empty");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw invalid("name", "must be at most " + MAX_NAME + " characters long");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid("name", "may contain letters, digits, spaces and . , & ' ( ) / + # : ! ? % @ $ - only");
        }
        return name;
    }

    /** The note, or null when absent or blank. */
    static String note(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String note = raw.strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw invalid("note", "must be at most " + MAX_NOTE + " characters long");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw invalid("note", "must not contain control characters");
            }
        }
        if (TAG_START.matcher(note).find()) {
            throw invalid("note", "must not contain HTML tags");
        }
        return note;
    }

    static String symbol(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            throw invalid("symbol", "must not be empty");
        }
        if (!SYMBOL.matcher(s).matches()) {
            throw invalid("symbol", "must be a ticker symbol (letters, digits and . - ^ =, at most 16 characters)");
        }
        return s.toUpperCase(Locale.ROOT);
    }

    /** The target price rounded to 6 decimals, or null; must be positive. */
    static BigDecimal targetPrice(BigDecimal raw) {
        if (raw == null) {
            return null;
        }
        if (raw.signum() <= 0) {
            throw invalid("targetPrice", "must be greater than 0");
        }
        if (raw.compareTo(MAX_PRICE) > 0) {
            throw invalid("targetPrice", "must be at most " + MAX_PRICE.toPlainString());
        }
        BigDecimal p = raw.setScale(6, RoundingMode.HALF_UP);
        if (p.signum() <= 0) {
            // Positive but below half of the sixth decimal: "must be greater than 0" would be wrong.
            throw invalid(
                    "targetPrice", "rounds to 0 at the 6 decimals prices are kept to; the smallest target is 0.000001");
        }
        return p.stripTrailingZeros();
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request-body",
                        "Invalid request body",
                        "'" + field + "' " + message + ".")
                .with("parameter", field)
                .with("errors", List.of(Map.of("name", field, "message", message)));
    }
}
