package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Ticker symbols: upper-case letters, digits and {@code . - ^ =}, at most 16 characters (BRK.B, ^GSPC, SAP.DE). */
public final class Symbols {

    public static final String REGEX = "[A-Z0-9^][A-Z0-9.^=-]{0,15}";
    private static final Pattern VALID = Pattern.compile(REGEX);

    private Symbols() {}

    /** The canonical form of a user-typed symbol, or null when it can't be one. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().toUpperCase(Locale.ROOT);
        return VALID.matcher(s).matches() ? s : null;
    }

    /** The canonical symbol, or a 400 problem naming {@code parameter} when {@code raw} can't be a ticker. */
    public static String require(String raw, String parameter) {
        String s = normalise(raw);
        if (s == null) {
            String shown = raw == null ? "" : raw.length() > 20 ? raw.substring(0, 20) + "…" : raw;
            throw new ApiException(
                            HttpStatus.BAD_REQUEST,
                            "invalid-parameter",
                            "Invalid parameter",
                            "'" + shown + "' is not a ticker symbol (letters, digits and . - ^ =, at most 16"
                                    + " characters).")
                    .with("parameter", parameter);
        }
        return s;
    }

    /**
     * A comma-separated list of {@code min} to {@code max} symbols, canonical and in the order given; a 400 problem
     * naming {@code parameter} for a malformed symbol (an empty one included), one listed twice, or too few or many.
     */
    public static List<String> requireList(String raw, String parameter, int min, int max) {
        String[] parts = raw.split(",", -1);
        if (parts.length > max) {
            throw invalidCount(parameter, min, max, parts.length);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : parts) {
            String symbol = require(part, parameter);
            if (!names.add(symbol)) {
                throw invalid(parameter, symbol + " is listed twice.");
            }
        }
        if (names.size() < min) {
            throw invalidCount(parameter, min, max, names.size());
        }
        return List.copyOf(names);
    }

    private static ApiException invalidCount(String parameter, int min, int max, int got) {
        String range = min <= 1 ? "at most " + max : min + " to " + max;
        return invalid(parameter, "Give " + range + " comma-separated symbols; got " + got + ".");
    }

    private static ApiException invalid(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail)
                .with("parameter", parameter);
    }
}
