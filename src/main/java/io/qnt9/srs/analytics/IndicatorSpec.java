package io.qnt9.srs.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed indicator spec such as {@code macd:12:26:9}: knows its warm-up, its output column names and how to compute
 * them from {@link BarColumns}. Immutable; equal when the canonical spec is equal. Obtain one from
 * {@link IndicatorCatalog#parse(String)}.
 */
public final class IndicatorSpec {

    private final IndicatorKind kind;
    private final double[] parameters;
    private final String canonical;
    private final List<String> columns;

    IndicatorSpec(IndicatorKind kind, double[] parameters) {
        this.kind = kind;
        this.parameters = parameters.clone();
        StringBuilder spec = new StringBuilder(kind.specName());
        StringBuilder suffix = new StringBuilder();
        for (double p : parameters) {
            spec.append(':').append(format(p));
            suffix.append('_').append(format(p));
        }
        this.canonical = spec.toString();
        List<String> names = new ArrayList<>();
        for (String prefix : kind.columnPrefixes()) {
            names.add(prefix + suffix);
        }
        this.columns = Collections.unmodifiableList(names);
    }

    /** The indicator name, e.g. {@code "macd"}. */
    public String name() {
        return kind.specName();
    }

    /** All parameters, defaults filled in, in spec order (e.g. {@code [12, 26, 9]}). */
    public double[] parameters() {
        return parameters.clone();
    }

    /** The spec with every parameter spelled out, e.g. {@code "macd:12:26:9"} for {@code "macd"}. */
    public String canonical() {
        return canonical;
    }

    /**
     * Bars needed before the first index at which every column is valid (e.g. 49 for {@code sma:50}, 33 for
     * {@code macd}); a caller that wants values from {@code start} on loads this many extra bars before it.
     */
    public int warmup() {
        return kind.warmup(parameters);
    }

    /** Output column names, e.g. {@code [macd_12_26_9, macd_signal_12_26_9, macd_hist_12_26_9]}. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Computes every column over the bars; each array is as long as the bars, {@code NaN} before its warm-up.
     *
     * @return column name → values, in {@link #columns()} order
     * @throws IllegalArgumentException if {@code hv} is asked for over non-positive closes
     */
    public Map<String, double[]> compute(BarColumns bars) {
        Arguments.notNull("bars", bars);
        double[][] out = new double[columns.size()][bars.size()];
        kind.compute(bars, parameters, out);
        Map<String, double[]> result = new LinkedHashMap<>();
        for (int c = 0; c < out.length; c++) {
            result.put(columns.get(c), out[c]);
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Allocation-free variant of {@link #compute(BarColumns)}: writes column {@code c} of {@link #columns()} into
     * {@code out[c]}, which must be as long as the bars.
     */
    public void computeInto(BarColumns bars, double[][] out) {
        Arguments.notNull("bars", bars);
        Arguments.notNull("out", out);
        if (out.length != columns.size()) {
            throw new IllegalArgumentException(
                    canonical + " has " + columns.size() + " columns, got " + out.length + " output arrays");
        }
        for (double[] column : out) {
            Arguments.output("out column", column, bars.close(), bars.size());
        }
        kind.compute(bars, parameters, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorSpec && ((IndicatorSpec) other).canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }

    /** Whole numbers without a decimal point ({@code 2}), others in plain notation without trailing zeros. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
