package io.qnt9.srs.recommendation;

/** The model's factors; each turns the history up to a day into a contribution in [−1, 1]. */
enum Factor {
    TREND("trend", "Price vs 200-day average"),
    CROSS("cross", "50-day vs 200-day average"),
    RSI("rsi", "RSI (14)"),
    MACD("macd", "MACD histogram (12/26/9)"),
    MOMENTUM("momentum", "3-, 6- and 12-month returns"),
    VOLATILITY("volatility", "Volatility vs its past year"),
    DRAWDOWN("drawdown", "Distance from the 1-year high"),
    RELATIVE_STRENGTH("relativeStrength", "6-month return vs the benchmark");

    final String id;
    final String label;

    Factor(String id, String label) {
        this.id = id;
        this.label = label;
    }

    static Factor byId(String id) {
        for (Factor f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }
}
