package io.qnt9.srs.recommendation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model's configuration ({@code qnt9.recommendation.*}): changing weights or thresholds is a configuration change,
 * not a code change, and must come with a new {@code version} so that answers say which model produced them.
 *
 * @param version model version reported with every recommendation
 * @param benchmark symbol of the benchmark for relative strength (and for backtest comparison)
 * @param weights factor id → weight (≥ 0); factors with weight 0 are switched off
 * @param strongSell score at or below which the band is STRONG_SELL
 * @param sell score at or below which the band is SELL
 * @param buy score at or above which the band is BUY
 * @param strongBuy score at or above which the band is STRONG_BUY
 * @param minBars bars of history needed before a recommendation is given
 */
@ConfigurationProperties("qnt9.recommendation")
public record ModelSettings(
        @DefaultValue("qnt9-factors-1.0") String version,
        @DefaultValue("SPX") String benchmark,
        Map<String, Double> weights,
        @DefaultValue("-0.5") double strongSell,
        @DefaultValue("-0.15") double sell,
        @DefaultValue("0.15") double buy,
        @DefaultValue("0.5") double strongBuy,
        @DefaultValue("60") int minBars) {

    /** The default weights, summing to 1. */
    public static final Map<String, Double> DEFAULT_WEIGHTS;

    static {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(Factor.TREND.id, 0.20);
        w.put(Factor.CROSS.id, 0.10);
        w.put(Factor.RSI.id, 0.10);
        w.put(Factor.MACD.id, 0.10);
        w.put(Factor.MOMENTUM.id, 0.20);
        w.put(Factor.VOLATILITY.id, 0.10);
        w.put(Factor.DRAWDOWN.id, 0.10);
        w.put(Factor.RELATIVE_STRENGTH.id, 0.10);
        DEFAULT_WEIGHTS = java.util.Collections.unmodifiableMap(w);
    }

    public ModelSettings {
        Map<String, Double> merged = new LinkedHashMap<>(DEFAULT_WEIGHTS);
        if (weights != null) {
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                if (Factor.byId(e.getKey()) == null) {
                    throw new IllegalArgumentException("qnt9.recommendation.weights: unknown factor '" + e.getKey()
                            + "'; known: " + DEFAULT_WEIGHTS.keySet());
                }
                if (e.getValue() == null || e.getValue() < 0 || !Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException(
                            "qnt9.recommendation.weights." + e.getKey() + " must be a number ≥ 0");
                }
                merged.put(e.getKey(), e.getValue());
            }
        }
        if (merged.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("qnt9.recommendation.weights: at least one weight must be positive");
        }
        weights = java.util.Collections.unmodifiableMap(merged);
        if (!(strongSell < sell && sell < buy && buy < strongBuy) || strongSell < -1 || strongBuy > 1) {
            throw new IllegalArgumentException(
                    "qnt9.recommendation thresholds must satisfy" + " -1 ≤ strong-sell < sell < buy < strong-buy ≤ 1");
        }
        if (minBars < 30) {
            throw new IllegalArgumentException("qnt9.recommendation.min-bars must be at least 30");
        }
    }

    /** The defaults, as documented in docs/RECOMMENDATIONS.md. */
    public static ModelSettings defaults() {
        return new ModelSettings("qnt9-factors-1.0", "SPX", null, -0.5, -0.15, 0.15, 0.5, 60);
    }

    double weight(Factor f) {
        return weights.get(f.id);
    }

    Band band(double score) {
        if (score <= strongSell) {
            return Band.STRONG_SELL;
        }
        if (score <= sell) {
            return Band.SELL;
        }
        if (score >= strongBuy) {
            return Band.STRONG_BUY;
        }
        if (score >= buy) {
            return Band.BUY;
        }
        return Band.HOLD;
    }
}
