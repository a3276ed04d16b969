package io.qnt9.srs.report;

import io.qnt9.srs.analytics.BarColumns;
import io.qnt9.srs.analytics.IndicatorCatalog;
import io.qnt9.srs.analytics.IndicatorDefinition;
import io.qnt9.srs.analytics.IndicatorSpec;
import io.qnt9.srs.analytics.InvalidIndicatorSpecException;
import io.qnt9.srs.marketdata.DailySeries;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One screener condition, {@code left op right}: {@code rsi_14<30}, {@code close>sma_200}, {@code macd_hist_12_26_9>=0}.
 * An operand is a number, a field of the bar ({@code open high low close volume}) or an indicator column as the
 * indicator API names it ({@code prefix_params}, e.g. {@code bb_lower_20_2}; {@code obv}) or a technical rating
 * ({@link #RATINGS}: the overall, oscillator and moving-average ratings of {@code /technicals}, −1 … +1; the
 * catalogue's {@code techrating} columns are read as these); {@code op} is one of {@code < <= > >=}.
 */
record ScreenCondition(String text, Operand left, String op, Operand right) {

    static final List<String> FIELDS = List.of("open", "high", "low", "close", "volume");
    static final List<String> RATINGS = List.of("tech_rating", "tech_rating_oscillators", "tech_rating_ma");
    private static final Pattern SHAPE = Pattern.compile("\\s*([^<>=\\s]+)\\s*(<=|>=|<|>)\\s*([^<>=\\s]+)\\s*");
    /** {@code left crosses_above right}: left above right now, not above it at the bar before (and the mirror). */
    private static final Pattern CROSSING = Pattern.compile(
            "\\s*([^<>=\\s]+)\\s+(crosses_above|crosses_below)\\s+([^<>=\\s]+)\\s*", Pattern.CASE_INSENSITIVE);

    static final String CROSSES_ABOVE = "crosses_above";
    static final String CROSSES_BELOW = "crosses_below";
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]{1,15}(\\.[0-9]{1,15})?");

    /**
     * A number, a bar field, or an indicator column: {@code spec} computes it and {@code column} is its canonical name
     * (the name the indicator API answers, e.g. {@code bb_lower_20_2} for {@code bb_lower_20_2.0}).
     */
    record Operand(String column, double number, IndicatorSpec spec) {

        boolean isNumber() {
            return column == null;
        }
    }

    /** Thrown with a message for the API client. */
    static final class InvalidConditionException extends RuntimeException {
        InvalidConditionException(String message) {
            super(message);
        }
    }

    static ScreenCondition parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            m = CROSSING.matcher(text == null ? "" : text);
        }
        if (!m.matches()) {
            throw new InvalidConditionException("'" + text + "' is not a condition: write left<right, left<=right,"
                    + " left>right, left>=right, left crosses_above right or left crosses_below right, e.g. rsi_14<30,"
                    + " close>sma_200 or sma_50 crosses_above sma_200");
        }
        Operand left = operand(m.group(1));
        Operand right = operand(m.group(3));
        if (left.isNumber() && right.isNumber()) {
            throw new InvalidConditionException(
                    "'" + text + "' compares two numbers: one side must be a bar field or an indicator column");
        }
        return new ScreenCondition(text.strip(), left, m.group(2).toLowerCase(Locale.ROOT), right);
    }

    /**
     * Parses the conditions of a request parameter ({@code where}, {@code buy}, {@code sell}).
     *
     * @throws ApiException a 400 naming the parameter (and the condition at fault) when there are fewer than
     *     {@code min} or more than {@code max}, or one does not parse
     */
    static List<ScreenCondition> parseAll(List<String> raw, String parameter, int min, int max) {
        if (raw.size() < min || raw.size() > max) {
            throw IndicatorController.invalid(
                    parameter,
                    "Give " + min + " to " + max + " conditions in '" + parameter + "', got " + raw.size() + ".");
        }
        List<ScreenCondition> out = new java.util.ArrayList<>();
        for (String text : raw) {
            try {
                out.add(parse(text));
            } catch (InvalidConditionException e) {
                throw IndicatorController.invalid(parameter, e.getMessage() + ".")
                        .with("condition", text);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The columns conditions read, over all the bars: the bar fields (volume only when {@code volume}: a copy of every
     * volume as a double) and every column of {@code specs}.
     */
    static Map<String, double[]> columns(
            DailySeries s, BarColumns bars, Iterable<IndicatorSpec> specs, boolean volume) {
        Map<String, double[]> out = new java.util.HashMap<>();
        out.put("open", bars.open());
        out.put("high", bars.high());
        out.put("low", bars.low());
        out.put("close", bars.close());
        if (volume) {
            out.put(
                    "volume",
                    java.util.Arrays.stream(s.volume()).asDoubleStream().toArray());
        }
        for (IndicatorSpec spec : specs) {
            out.putAll(spec.compute(bars));
        }
        return out;
    }

    /** Whether the condition compares the bar with the one before ({@code crosses_above}, {@code crosses_below}). */
    boolean crossing() {
        return op.equals(CROSSES_ABOVE) || op.equals(CROSSES_BELOW);
    }

    /**
     * Whether the condition holds at a bar whose sides are {@code left} and {@code right}, and were {@code
     * previousLeft} and {@code previousRight} at the bar before (read only by a crossing: above now and not above
     * then, or the mirror; false when the bar before has no value).
     */
    boolean holds(double left, double right, double previousLeft, double previousRight) {
        return switch (op) {
            case CROSSES_ABOVE -> left > right && previousLeft <= previousRight;
            case CROSSES_BELOW -> left < right && previousLeft >= previousRight;
            default -> compare(left, right);
        };
    }

    private boolean compare(double left, double right) {
        return switch (op) {
            case "<" -> left < right;
            case "<=" -> left <= right;
            case ">" -> left > right;
            default -> left >= right;
        };
    }

    /** Whether a side is a technical rating, which costs a rating's 26 indicators to know. */
    boolean namesRating() {
        return isRating(left) || isRating(right);
    }

    private static boolean isRating(Operand o) {
        return !o.isNumber() && RATINGS.contains(o.column()); // List.of's contains(null) throws
    }

    /** The condition with canonical column names, e.g. {@code close>sma_200}, {@code sma_50 crosses_above sma_200}. */
    String canonical() {
        return crossing() ? name(left) + " " + op + " " + name(right) : name(left) + op + name(right);
    }

    private static String name(Operand o) {
        return o.isNumber()
                ? BigDecimal.valueOf(o.number()).stripTrailingZeros().toPlainString()
                : o.column();
    }

    /**
     * The column a name stands for: the catalogue's {@code techrating} columns are the ratings of {@link #RATINGS},
     * which the screener computes for the last bar only (the indicator is the rating at every bar, some hundred times
     * the work for one value).
     */
    static String column(String raw) {
        String token = raw.strip().toLowerCase(Locale.ROOT);
        return token.startsWith("techrating") ? "tech_rating" + token.substring("techrating".length()) : token;
    }

    static Operand operand(String raw) {
        String token = column(raw);
        if (NUMBER.matcher(token).matches()) {
            return new Operand(null, Double.parseDouble(token), null);
        }
        if (FIELDS.contains(token) || RATINGS.contains(token)) {
            return new Operand(token, Double.NaN, null);
        }
        String why = null;
        for (IndicatorDefinition d : IndicatorCatalog.definitions()) {
            for (IndicatorDefinition.Output output : d.outputs()) {
                String prefix = output.prefix();
                String spec;
                if (token.equals(prefix)) {
                    spec = d.name();
                } else if (token.startsWith(prefix + "_") && Character.isDigit(token.charAt(prefix.length() + 1))) {
                    spec = d.name() + ":" + token.substring(prefix.length() + 1).replace('_', ':');
                } else {
                    continue;
                }
                try {
                    IndicatorSpec parsed = IndicatorCatalog.parse(spec);
                    int index = d.outputs().indexOf(output);
                    return new Operand(parsed.columns().get(index), Double.NaN, parsed);
                } catch (InvalidIndicatorSpecException e) {
                    why = e.getMessage();
                }
            }
        }
        throw new InvalidConditionException("'" + raw + "' is not a number, a bar field (" + String.join(", ", FIELDS)
                + "), an indicator column such as rsi_14, sma_200, macd_hist_12_26_9, bb_lower_20_2"
                + (why == null ? "" : " (" + why + ")") + ", or a technical rating (" + String.join(", ", RATINGS)
                + ")");
    }
}
