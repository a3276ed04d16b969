package io.qnt9.srs.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses indicator specs — {@code name[:param[:param…]]}, e.g. {@code sma:50}, {@code macd:12:26:9},
 * {@code bbands:20:2.5}, {@code obv} — into {@link IndicatorSpec}s. Names are case-insensitive; omitted trailing
 * parameters take their defaults ({@code macd} = {@code macd:12:26:9}); periods are integers in 1..5000 ({@code hv}:
 * 2..5000); Bollinger's {@code k} is a plain decimal in 0.1..10.
 *
 * <p>Every failure is an {@link InvalidIndicatorSpecException} with a message for the API client: an unknown name
 * lists the valid ones; a bad parameter names the parameter and its allowed range.
 */
public final class IndicatorCatalog {

    private static final Map<String, IndicatorKind> BY_NAME = new LinkedHashMap<>();
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

    static {
        for (IndicatorKind kind : IndicatorKind.values()) {
            BY_NAME.put(kind.specName(), kind);
        }
    }

    private IndicatorCatalog() {}

    /** The valid indicator names, in catalog order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Every indicator with its parameters, defaults and ranges, for an API listing. */
    public static List<IndicatorDefinition> definitions() {
        List<IndicatorDefinition> out = new ArrayList<>();
        for (IndicatorKind kind : BY_NAME.values()) {
            List<IndicatorDefinition.Output> outputs = kind.columnPrefixes().stream()
                    .map(prefix -> new IndicatorDefinition.Output(prefix, kind.onPriceScale(prefix) ? "price" : "own"))
                    .toList();
            out.add(new IndicatorDefinition(
                    kind.specName(),
                    kind.description(),
                    kind.parameters(),
                    defaults(kind).canonical(),
                    outputs));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Parses one spec.
     *
     * @throws InvalidIndicatorSpecException if the name is unknown, there are too many parameters, or a parameter is
     *     empty, not a number of the right kind, or outside its range (or, for MACD, fast ≥ slow)
     */
    public static IndicatorSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidIndicatorSpecException(
                    String.valueOf(spec), null, "indicator spec must not be empty; valid names: " + validNames());
        }
        String[] parts = spec.trim().split(":", -1);
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        IndicatorKind kind = BY_NAME.get(name);
        if (kind == null) {
            throw new InvalidIndicatorSpecException(
                    spec, null, "unknown indicator '" + parts[0].trim() + "'; valid names: " + validNames());
        }
        List<ParameterDefinition> definitions = kind.parameters();
        int given = parts.length - 1;
        if (given > definitions.size()) {
            throw new InvalidIndicatorSpecException(
                    spec,
                    null,
                    name + " takes at most " + definitions.size() + " parameter" + (definitions.size() == 1 ? "" : "s")
                            + parameterList(definitions) + ", got " + given + " in '" + spec.trim() + "'");
        }
        double[] values = new double[definitions.size()];
        for (int i = 0; i < values.length; i++) {
            ParameterDefinition definition = definitions.get(i);
            values[i] = i < given ? parameter(spec, name, definition, parts[i + 1].trim()) : definition.defaultValue();
        }
        String invalid = kind.validate(values);
        if (invalid != null) {
            throw new InvalidIndicatorSpecException(spec, definitions.get(0).name(), invalid);
        }
        return new IndicatorSpec(kind, values);
    }

    /**
     * Parses a comma-separated list such as {@code "sma:50, ema:20,rsi"}, keeping the order and dropping duplicates
     * after defaults and case are applied ({@code rsi} and {@code RSI:14} are one series).
     *
     * @throws InvalidIndicatorSpecException on the first invalid spec, or if the list is empty
     */
    public static List<IndicatorSpec> parseAll(String specs) {
        if (specs == null || specs.isBlank()) {
            throw new InvalidIndicatorSpecException(
                    String.valueOf(specs), null, "indicator list must not be empty; valid names: " + validNames());
        }
        return List.copyOf(java.util.Arrays.stream(specs.split(","))
                .map(IndicatorCatalog::parse)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    private static double parameter(String spec, String name, ParameterDefinition definition, String text) {
        String problem = name + " parameter '" + definition.name() + "' must be " + definition.range() + ", got ";
        if (text.isEmpty()) {
            throw new InvalidIndicatorSpecException(spec, definition.name(), problem + "nothing");
        }
        Pattern syntax = definition.integer() ? INTEGER : DECIMAL;
        if (!syntax.matcher(text).matches()) {
            throw new InvalidIndicatorSpecException(spec, definition.name(), problem + "'" + text + "'");
        }
        double value = Double.parseDouble(text);
        if (value < definition.min() || value > definition.max()) {
            throw new InvalidIndicatorSpecException(spec, definition.name(), problem + text);
        }
        return value;
    }

    private static IndicatorSpec defaults(IndicatorKind kind) {
        double[] values = kind.parameters().stream()
                .mapToDouble(ParameterDefinition::defaultValue)
                .toArray();
        return new IndicatorSpec(kind, values);
    }

    private static String parameterList(List<ParameterDefinition> definitions) {
        if (definitions.isEmpty()) {
            return "";
        }
        return definitions.stream().map(ParameterDefinition::name).collect(Collectors.joining(", ", " (", ")"));
    }

    private static String validNames() {
        return String.join(", ", BY_NAME.keySet());
    }
}
