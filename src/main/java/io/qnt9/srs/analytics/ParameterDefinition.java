package io.qnt9.srs.analytics;

/**
 * One parameter of a catalog indicator.
 *
 * @param name e.g. {@code "period"}
 * @param defaultValue used when the spec omits the parameter
 * @param min smallest allowed value (inclusive)
 * @param max largest allowed value (inclusive)
 * @param integer whether only whole numbers are allowed
 */
public record ParameterDefinition(String name, double defaultValue, double min, double max, boolean integer) {

    static ParameterDefinition period(String name, int defaultValue) {
        return new ParameterDefinition(name, defaultValue, 1, Arguments.MAX_PERIOD, true);
    }

    static ParameterDefinition period(String name, int defaultValue, int min) {
        return new ParameterDefinition(name, defaultValue, min, Arguments.MAX_PERIOD, true);
    }

    /** The allowed range as text, e.g. {@code "an integer between 1 and 5000"}. */
    public String range() {
        return integer
                ? "an integer between " + (long) min + " and " + (long) max
                : "a number between " + IndicatorSpec.format(min) + " and " + IndicatorSpec.format(max);
    }
}
