package io.qnt9.srs.analytics;

import java.util.List;

/**
 * A catalog entry, for listing what the API accepts.
 *
 * @param name spec name, e.g. {@code "macd"}
 * @param description what it computes
 * @param parameters positional parameters, in spec order
 * @param example the spec with all defaults, e.g. {@code "macd:12:26:9"}
 * @param outputs the output columns, in order: a column's name is its prefix followed by the parameters, each after
 *     an underscore ({@code macd_signal} of {@code macd:12:26:9} is {@code macd_signal_12_26_9}; {@code obv}, which
 *     takes none, is {@code obv})
 */
public record IndicatorDefinition(
        String name, String description, List<ParameterDefinition> parameters, String example, List<Output> outputs) {

    /**
     * One output column.
     *
     * @param prefix the column name before the parameters
     * @param scale {@code "price"} when the values are in price units (drawn over the candles), {@code "own"} when
     *     they need an axis of their own (oscillators, volumes, percentages)
     */
    public record Output(String prefix, String scale) {}
}
