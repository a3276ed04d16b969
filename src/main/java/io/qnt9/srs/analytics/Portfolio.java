package io.qnt9.srs.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio of instruments with target weights, simulated over the dates every holding has a price, starting with
 * a value of 1.
 *
 * <p>On the first common date the value is split by the target weights: holding {@code i} buys {@code units[i] =
 * w[i] · V / p[i]}. Every later date {@code V[t] = Σ units[i] · p[i][t]} (no costs, fractional units). At the close of
 * each rebalancing date — every date ({@link Rebalance#DAILY}), or the last common date of each calendar month,
 * quarter or year — the units are reset to the target weights of that day's value; {@link Rebalance#NONE} buys and
 * holds. A holding's contribution is {@code Σ units[i] · (p[i][t] − p[i][t−1])} over the days, so the contributions
 * add up to {@code V[last] − 1}, the total return.
 *
 * <p>Equivalent closed forms, which the tests use: buy and hold, {@code V[T] = Σ w[i] · p[i][T] / p[i][0]}; daily
 * rebalancing, {@code V[T] = Π_t (1 + Σ w[i] · r[i][t])}; periodic, the product over the periods of the buy-and-hold
 * growth within each.
 */
public final class Portfolio {

    private Portfolio() {}

    /** When the holdings are reset to their target weights. */
    public enum Rebalance {
        NONE,
        DAILY,
        MONTHLY,
        QUARTERLY,
        YEARLY
    }

    /**
     * A simulated portfolio.
     *
     * @param epochDays the dates every holding has a price, ascending
     * @param values the portfolio's value on those dates, 1 on the first
     * @param contributions per holding, its share of the total return ({@code Σ = values[last] − 1})
     * @param holdingReturns per holding, {@code p[last] / p[first] − 1} over the same dates
     * @param finalWeights per holding, its share of the value on the last date
     * @param rebalances how many times the units were reset to the target weights
     */
    public record Result(
            int[] epochDays,
            double[] values,
            double[] contributions,
            double[] holdingReturns,
            double[] finalWeights,
            int rebalances) {

        /** The values as a price series, for {@link ReturnStatistics}. */
        public PriceSeries series() {
            return new PriceSeries(epochDays, values);
        }
    }

    /**
     * Simulates the portfolio.
     *
     * @param holdings the price history of each holding (e.g. adjusted closes)
     * @param weights the target weight of each holding: finite, greater than 0, adding up to 1 (within 1e-9)
     * @throws IllegalArgumentException if there are no holdings, the weights do not match them or do not add up to 1,
     *     or the holdings share fewer than 2 dates
     */
    public static Result simulate(List<PriceSeries> holdings, double[] weights, Rebalance rebalance) {
        Arguments.notNull("holdings", holdings);
        Arguments.notNull("weights", weights);
        Arguments.notNull("rebalance", rebalance);
        int n = holdings.size();
        if (n == 0) {
            throw new IllegalArgumentException("a portfolio needs at least one holding");
        }
        Arguments.sameLength("holdings", n, "weights", weights.length);
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and greater than 0, got " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must add up to 1, got " + sum);
        }
        int[] days = commonDays(holdings);
        int t = days.length;
        if (t < 2) {
            throw new IllegalArgumentException("the holdings share " + t + " dates; a portfolio needs at least 2");
        }
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = pricesOn(holdings.get(i), days);
        }
        double[] units = new double[n];
        double[] contributions = new double[n];
        double[] values = new double[t];
        values[0] = 1;
        for (int i = 0; i < n; i++) {
            units[i] = weights[i] / p[i][0];
        }
        int rebalances = 0;
        for (int d = 1; d < t; d++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += units[i] * p[i][d];
                contributions[i] += units[i] * (p[i][d] - p[i][d - 1]);
            }
            values[d] = v;
            if (d < t - 1 && rebalancesAt(rebalance, days[d], days[d + 1])) {
                for (int i = 0; i < n; i++) {
                    units[i] = weights[i] * v / p[i][d];
                }
                rebalances++;
            }
        }
        double[] holdingReturns = new double[n];
        double[] finalWeights = new double[n];
        for (int i = 0; i < n; i++) {
            holdingReturns[i] = p[i][t - 1] / p[i][0] - 1;
            finalWeights[i] = units[i] * p[i][t - 1] / values[t - 1];
        }
        return new Result(days, values, contributions, holdingReturns, finalWeights, rebalances);
    }

    /** Whether the close of {@code day} ends a rebalancing period, {@code next} being the next common date. */
    static boolean rebalancesAt(Rebalance rebalance, int day, int next) {
        if (rebalance == Rebalance.NONE) {
            return false;
        }
        if (rebalance == Rebalance.DAILY) {
            return true;
        }
        return period(rebalance, LocalDate.ofEpochDay(day)) != period(rebalance, LocalDate.ofEpochDay(next));
    }

    private static int period(Rebalance rebalance, LocalDate date) {
        return switch (rebalance) {
            case MONTHLY -> date.getYear() * 12 + date.getMonthValue();
            case QUARTERLY -> date.getYear() * 4 + (date.getMonthValue() - 1) / 3;
            default -> date.getYear();
        };
    }

    /** The dates every series has, ascending (an n-way merge of the ascending date columns). */
    public static int[] commonDays(List<PriceSeries> series) {
        int[] common = series.get(0).epochDays().clone();
        int size = common.length;
        for (int s = 1; s < series.size(); s++) {
            int[] other = series.get(s).epochDays();
            int kept = 0;
            int j = 0;
            for (int i = 0; i < size; i++) {
                while (j < other.length && other[j] < common[i]) {
                    j++;
                }
                if (j < other.length && other[j] == common[i]) {
                    common[kept++] = common[i];
                }
            }
            size = kept;
        }
        return java.util.Arrays.copyOf(common, size);
    }

    /** The prices of {@code series} on {@code days}, every one of which it has. */
    private static double[] pricesOn(PriceSeries series, int[] days) {
        double[] out = new double[days.length];
        int[] own = series.epochDays();
        int j = 0;
        for (int d = 0; d < days.length; d++) {
            while (own[j] != days[d]) {
                j++;
            }
            out[d] = series.prices()[j];
        }
        return out;
    }
}
