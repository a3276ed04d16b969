package io.qnt9.srs.analytics;

import java.util.Arrays;

/**
 * What followed a signal: for bars sorted into categories (the recommendation's bands, the technical rating's
 * verdicts), how many bars each category has and the count, average and median of the returns
 * {@code close[t + h] / close[t] − 1} over the next {@code h} bars, counting only bars whose forward window ends inside
 * the range. Both calibration tables of the service are this one computation. Pure: arrays in, records out.
 */
public final class ForwardReturns {

    private ForwardReturns() {}

    /** The returns over {@code horizon} bars that followed a category; average and median null without any. */
    public record Summary(int horizon, int count, Double average, Double median) {}

    /**
     * @param counts bars of each category in the range
     * @param summaries {@code summaries[c][k]}: category {@code c} over {@code horizons[k]}
     */
    public record Table(int[] counts, Summary[][] summaries) {}

    /**
     * The table over bars {@code from..to} (inclusive) of {@code close}; {@code categories[t]} is the category of bar
     * {@code t} in {@code 0..categoryCount − 1}, or −1 for none.
     *
     * @throws IllegalArgumentException if the columns differ in length, the range is outside them, or a category is
     *     out of range
     */
    public static Table table(double[] close, int[] categories, int categoryCount, int from, int to, int[] horizons) {
        Arguments.notNull("close", close);
        Arguments.sameLength("categories", categories.length, "close", close.length);
        if (from < 0 || to >= close.length || from > to + 1) {
            throw new IllegalArgumentException("bar range [" + from + ", " + to + "] outside the series");
        }
        int[] counts = new int[categoryCount];
        for (int t = from; t <= to; t++) {
            int c = categories[t];
            if (c < -1 || c >= categoryCount) {
                throw new IllegalArgumentException(
                        "category " + c + " at bar " + t + " outside 0.." + (categoryCount - 1));
            }
            if (c >= 0) {
                counts[c]++;
            }
        }
        Summary[][] summaries = new Summary[categoryCount][horizons.length];
        for (int c = 0; c < categoryCount; c++) {
            for (int k = 0; k < horizons.length; k++) {
                int h = horizons[k];
                double[] values = new double[counts[c]];
                int n = 0;
                for (int t = from; t + h <= to; t++) {
                    if (categories[t] == c) {
                        values[n++] = close[t + h] / close[t] - 1;
                    }
                }
                summaries[c][k] = summarize(h, Arrays.copyOf(values, n));
            }
        }
        return new Table(counts, summaries);
    }

    /** The count, average and median of {@code values}, the returns over {@code horizon} bars; null without any. */
    public static Summary summarize(int horizon, double[] values) {
        if (values.length == 0) {
            return new Summary(horizon, 0, null, null);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        return new Summary(horizon, values.length, sum / values.length, median);
    }
}
