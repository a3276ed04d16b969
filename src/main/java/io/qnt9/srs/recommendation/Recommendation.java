package io.qnt9.srs.recommendation;

import java.time.LocalDate;
import java.util.List;

/**
 * The model's verdict on one instrument as of one day's close, using only bars up to that day.
 *
 * @param score weighted mean of the available factors' contributions, in [−1, 1]
 * @param confidence in [0, 1]: factor coverage × history length × factor agreement (docs/RECOMMENDATIONS.md)
 * @param price the close on {@code asOf}
 * @param bars bars of history the verdict is based on
 */
public record Recommendation(
        String symbol,
        LocalDate asOf,
        Band band,
        double score,
        double confidence,
        String modelVersion,
        double price,
        int bars,
        List<Reason> reasons) {

    /**
     * One factor's part in the verdict.
     *
     * @param factor stable id (e.g. {@code trend})
     * @param label what it measures
     * @param value the input the factor read (a fraction such as 0.12 for 12 %, or an index level such as RSI 64)
     * @param weight the factor's weight in the model
     * @param contribution the factor's signed vote in [−1, 1]; the score is Σ weight × contribution / Σ weight
     * @param sentence the reading in plain language
     */
    public record Reason(
            String factor, String label, double value, double weight, double contribution, String sentence) {}
}
