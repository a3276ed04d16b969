package io.qnt9.srs.analytics;

/**
 * An indicator spec that cannot be parsed: unknown name, too many parameters, or a parameter that is not a number in its
 * allowed range. The message is written for the API client; {@link #parameter()} names the offending parameter (empty
 * when the name itself is wrong).
 */
public final class InvalidIndicatorSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String spec;
    private final String parameter;

    InvalidIndicatorSpecException(String spec, String parameter, String message) {
        super(message);
        this.spec = spec;
        this.parameter = parameter == null ? "" : parameter;
    }

    /** The spec as given, e.g. {@code "sma:0"}. */
    public String spec() {
        return spec;
    }

    /** The name of the offending parameter, e.g. {@code "period"}, or empty when the indicator name is wrong. */
    public String parameter() {
        return parameter;
    }
}
