package io.qnt9.srs.analytics;

import java.util.List;

/**
 * A catalog entry, for listing what the API accepts.
 *
 * @param name spec name, e.g. {@code "macd"}
 * @param description what it computes
 * @param parameters positional parameters, in spec order
 * @param example the spec with all defaults, e.g. {@code "macd:12:26:9"}
 */
public record IndicatorDefinition(
        String name, String description, List<ParameterDefinition> parameters, String example) {}
