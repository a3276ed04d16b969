package io.qnt9.srs.analytics;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Return statistics over daily prices: returns, total return, CAGR, volatility, Sharpe, Sortino, maximum drawdown,
 * Calmar, historical VaR/CVaR, best/worst day, positive-day share, beta/correlation against a benchmark, and rolling
 * volatility, Sharpe and beta.
 *
 * <p>Conventions (also in {@code docs/ANALYTICS.md}):
 *
 * <ul>
 *   <li>Daily simple returns {@code r[i] = p[i] / p[i-1] − 1} between consecutive prices of the series (whatever the
 *       calendar gap), log returns {@code ln(p[i] / p[i-1])}.
 *   <li>Annualisation: deviations ×√252; CAGR over calendar days / 365.25.
 *   <li>Risk-free rate: annual {@code rf}, daily {@code rf_d = (1 + rf)^(1/252) − 1}, subtracted from every daily
 *       return.
 *   <li>Standard deviations are sample ones (divide by {@code n − 1}), computed in two passes (mean, then squared deviations) by {@link #summarize} and {@link #relativeTo};
 *       the rolling versions update running sums in one pass.
 *   <li>A ratio whose denominator is 0 (no variability, no downside, no drawdown) is reported as 0, never NaN or ∞;
 *       the denominators are in the result so callers can tell.
 * </ul>
 */
public final class ReturnStatistics {

    /** Trading days per year used to annualise. */
    public static final int TRADING_DAYS_PER_YEAR = 252;

    /** Average calendar days per year used by the CAGR. */
    public static final double DAYS_PER_YEAR = 365.25;

    /**
     * The fewest daily bars the API annualises over (statistics, backtests): below it the figures mislead — nine
     * trading days of +7.6 % read as a CAGR of 1,345 % and a Sharpe ratio of 11. The engine itself needs only 3.
     */
    public static final int MIN_ANNUALISED_BARS = 20;

    private static final double ANNUALISE = Math.sqrt(TRADING_DAYS_PER_YEAR);

    private ReturnStatistics() {}

    // ---------------------------------------------------------------- returns

    /**
     * Daily simple returns as a column as long as the prices: {@code out[0] = NaN}, {@code out[i] = prices[i] /
     * prices[i-1] − 1}.
     *
     * @throws IllegalArgumentException if a price is not a finite positive number
     */
    public static double[] simpleReturns(double[] prices) {
        Arguments.notNull("prices", prices);
        int n = prices.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        // The previous prices first, then a same-index loop, which C2 vectorises (prices[i] / prices[i - 1] it does
        // not). Same operations, same bits. The division bounds the loop, so the check of the prices rides along (as
        // in Arguments.positive; the output is our own, and nobody sees it if the check then fails).
        System.arraycopy(prices, 0, out, 1, n - 1);
        double p0 = prices[0];
        long all = Arguments.positiveMask(p0);
        for (int i = 1; i < n; i++) {
            double v = prices[i];
            out[i] = v / out[i] - 1;
            all &= Arguments.positiveMask(v);
        }
        if (all != -1) {
            Arguments.positive("prices", prices);
        }
        out[0] = Double.NaN;
        return out;
    }

    /**
     * Daily log returns as a column as long as the prices: {@code out[0] = NaN}, {@code out[i] = ln(prices[i] /
     * prices[i-1])}.
     *
     * @throws IllegalArgumentException if a price is not a finite positive number
     */
    public static double[] logReturns(double[] prices) {
        Arguments.positive("prices", prices);
        double[] out = new double[prices.length];
        if (prices.length > 0) {
            out[0] = Double.NaN;
        }
        for (int i = 1; i < prices.length; i++) {
            out[i] = Math.log(prices[i] / prices[i - 1]);
        }
        return out;
    }

    /**
     * The daily equivalent of an annual rate: {@code (1 + annual)^(1/252) − 1}.
     *
     * @throws IllegalArgumentException unless {@code annual} is finite and greater than −1
     */
    public static double dailyRiskFreeRate(double annual) {
        return periodRiskFreeRate(annual, TRADING_DAYS_PER_YEAR);
    }

    /** The equivalent of an annual rate over one of {@code periodsPerYear} periods: {@code (1 + annual)^(1/p) − 1}. */
    static double periodRiskFreeRate(double annual, int periodsPerYear) {
        if (!Double.isFinite(annual) || annual <= -1) {
            throw new IllegalArgumentException(
                    "riskFreeRate must be a finite annual rate greater than -1 (0.02 = 2 %), got " + annual);
        }
        return Math.pow(1 + annual, 1.0 / periodsPerYear) - 1;
    }

    // ---------------------------------------------------------------- summary

    /**
     * All single-series statistics in a few passes, O(n): the VaR/CVaR quantiles are selected among the returns below
     * the mean minus 1.4 deviations (a bounded heap, O(n log m), is the fallback when fewer than needed lie there). With {@code n} prices {@code p}, dates {@code d}, {@code N = n − 1} daily simple returns {@code r} and
     * excess returns {@code e = r − rf_d}:
     *
     * <ul>
     *   <li>{@code totalReturn = p[n-1] / p[0] − 1};
     *   <li>{@code cagr = (p[n-1] / p[0])^(365.25 / (d[n-1] − d[0])) − 1};
     *   <li>{@code annualizedVolatility = std(r) · √252} (sample std);
     *   <li>{@code sharpeRatio = mean(e) / std(e) · √252}, where {@code std(e) = std(r)} because {@code rf_d} is a
     *       constant (one deviation serves both);
     *   <li>{@code annualizedDownsideDeviation = sqrt(Σ min(0, e)² / N) · √252} (all days in the denominator, target =
     *       the risk-free rate) and {@code sortinoRatio = mean(e) · 252 / annualizedDownsideDeviation} (annualised
     *       like Sharpe: {@code mean(e) / dailyDownsideDeviation · √252});
     *   <li>maximum drawdown: the minimum over {@code i} of {@code p[i] / max(p[0..i]) − 1}, see {@link Drawdown};
     *   <li>{@code calmarRatio = cagr / |maxDrawdown.depth|};
     *   <li>VaR/CVaR: see {@link TailRisk};
     *   <li>best/worst day: the largest/smallest {@code r} (the first one on ties) with its date {@code d[i]};
     *   <li>{@code positiveDayShare = count(r > 0) / N}.
     * </ul>
     *
     * @param riskFreeRate annual risk-free rate, e.g. 0.02
     * @throws IllegalArgumentException if the series has fewer than 3 prices (a sample deviation needs 2 returns) or
     *     the rate is not finite and greater than −1
     */
    public static PerformanceSummary summarize(PriceSeries series, double riskFreeRate) {
        return summarize(series, riskFreeRate, TRADING_DAYS_PER_YEAR);
    }

    /**
     * {@link #summarize(PriceSeries, double)} of a series of {@code periodsPerYear} bars a year instead of 252 daily
     * ones (52 for weekly bars, 12 for monthly): the deviations are annualised by {@code √periodsPerYear}, the
     * Sortino ratio's mean by {@code periodsPerYear}, and the risk-free rate is converted to one period, {@code (1 +
     * rf)^(1/periodsPerYear) − 1}; "day" in the names of the result (best/worst day, positive days, 1-day VaR) then
     * means one bar. The CAGR counts calendar days whatever the bars. 252 gives exactly the figures of the daily
     * method.
     *
     * @throws IllegalArgumentException as the daily method does, or if {@code periodsPerYear} is not 1..366
     */
    public static PerformanceSummary summarize(PriceSeries series, double riskFreeRate, int periodsPerYear) {
        Arguments.notNull("series", series);
        double annualise = annualiser(periodsPerYear);
        double rfDaily = periodRiskFreeRate(riskFreeRate, periodsPerYear);
        double[] p = series.prices();
        int[] days = series.epochDays();
        int n = p.length;
        if (n < 3) {
            throw new IllegalArgumentException("statistics need at least 3 prices (2 returns), got " + n);
        }
        int count = n - 1;
        // Returns in their own loop (independent divisions, vectorised over a copy of the previous prices, as in
        // simpleReturns), then the reductions.
        double[] r = Arrays.copyOf(p, count);
        // The division bounds this vectorised loop, so counting the positive days here is free: signum(v) + 1 is 2
        // for v > 0 and 0 or 1 otherwise, halved (>> 1) to 1 or 0.
        long positive = 0;
        for (int i = 0; i < count; i++) {
            double v = p[i + 1] / r[i] - 1;
            r[i] = v;
            positive += (long) (Math.signum(v) + 1.0) >> 1;
        }
        // Four partial sums break the loop-carried add chain (the sums then differ from a sequential sum by rounding
        // only). The maximum drawdown rides along: its branches and the sums' adds use different units.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        DrawdownScan drawdown = new DrawdownScan(p[0]);
        int i = 0;
        for (; i + 3 < count; i += 4) {
            s0 += r[i];
            s1 += r[i + 1];
            s2 += r[i + 2];
            s3 += r[i + 3];
            drawdown.next(p, i + 1);
            drawdown.next(p, i + 2);
            drawdown.next(p, i + 3);
            drawdown.next(p, i + 4);
        }
        for (; i < count; i++) {
            s0 += r[i];
            drawdown.next(p, i + 1);
        }
        double sum = (s0 + s1) + (s2 + s3);
        double mean = sum / count;
        double excessMean = mean - rfDaily;
        // Second pass, four interleaved accumulators per sum. Downside: with e = v − rf_d, e − |e| is exactly
        // 2·min(e, 0) (2e for a losing day, 0 otherwise), so Σ min(e, 0)² = Σ (e − |e|)² / 4 — branch-free (whether a
        // day is below the risk-free rate is a coin toss the predictor cannot learn) and without Math.min's NaN/−0
        // handling; scaling by 4 is exact. The squares are accumulated with fused multiply-adds (one rounding each
        // instead of two).
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        double w0 = 0;
        double w1 = 0;
        double w2 = 0;
        double w3 = 0;
        // Best/worst ride along (integer and branch work beside the floating-point sums): a new extreme is rare after
        // the first bars, so these branches are predictable; the strict comparisons keep the first index on ties.
        int best = 0;
        int worst = 0;
        double bestValue = r[0];
        double worstValue = r[0];
        int j = 0;
        for (; j + 3 < count; j += 4) {
            double v0 = r[j];
            double v1 = r[j + 1];
            double v2 = r[j + 2];
            double v3 = r[j + 3];
            if (v0 > bestValue) {
                best = j;
                bestValue = v0;
            }
            if (v1 > bestValue) {
                best = j + 1;
                bestValue = v1;
            }
            if (v2 > bestValue) {
                best = j + 2;
                bestValue = v2;
            }
            if (v3 > bestValue) {
                best = j + 3;
                bestValue = v3;
            }
            if (v0 < worstValue) {
                worst = j;
                worstValue = v0;
            }
            if (v1 < worstValue) {
                worst = j + 1;
                worstValue = v1;
            }
            if (v2 < worstValue) {
                worst = j + 2;
                worstValue = v2;
            }
            if (v3 < worstValue) {
                worst = j + 3;
                worstValue = v3;
            }
            double d0 = v0 - mean;
            double d1 = v1 - mean;
            double d2 = v2 - mean;
            double d3 = v3 - mean;
            double e0 = v0 - rfDaily;
            double e1 = v1 - rfDaily;
            double e2 = v2 - rfDaily;
            double e3 = v3 - rfDaily;
            double l0 = e0 - Math.abs(e0);
            double l1 = e1 - Math.abs(e1);
            double l2 = e2 - Math.abs(e2);
            double l3 = e3 - Math.abs(e3);
            q0 = Math.fma(d0, d0, q0);
            q1 = Math.fma(d1, d1, q1);
            q2 = Math.fma(d2, d2, q2);
            q3 = Math.fma(d3, d3, q3);
            w0 = Math.fma(l0, l0, w0);
            w1 = Math.fma(l1, l1, w1);
            w2 = Math.fma(l2, l2, w2);
            w3 = Math.fma(l3, l3, w3);
        }
        for (; j < count; j++) {
            double v = r[j];
            if (v > bestValue) {
                best = j;
                bestValue = v;
            }
            if (v < worstValue) {
                worst = j;
                worstValue = v;
            }
            double d = v - mean;
            double e = v - rfDaily;
            double l = e - Math.abs(e);
            q0 = Math.fma(d, d, q0);
            w0 = Math.fma(l, l, w0);
        }
        double squares = (q0 + q1) + (q2 + q3);
        double downsideSquares = ((w0 + w1) + (w2 + w3)) * 0.25;
        double deviation = Math.sqrt(squares / (count - 1));
        double volatility = deviation * annualise;
        double sharpe = deviation == 0 ? 0 : excessMean / deviation * annualise;
        double downside = Math.sqrt(downsideSquares / count) * annualise;
        // Annualised like Sharpe: the mean excess return × 252 over the annualised downside deviation (it used to be
        // × √252, i.e. the daily ratio, √252 ≈ 15.9 times too small beside the annualised Sharpe).
        double sortino = downside == 0 ? 0 : excessMean * periodsPerYear / downside;

        double growth = p[n - 1] / p[0];
        double cagr = Math.pow(growth, DAYS_PER_YEAR / (days[n - 1] - days[0])) - 1;
        Drawdown maxDrawdown = drawdown.result(p, days);
        double calmar = maxDrawdown.depth() == 0 ? 0 : cagr / Math.abs(maxDrawdown.depth());

        return new PerformanceSummary(
                days[0],
                days[n - 1],
                count,
                growth - 1,
                cagr,
                volatility,
                riskFreeRate,
                sharpe,
                sortino,
                downside,
                maxDrawdown,
                calmar,
                tailRisk(r, mean - 1.4 * deviation),
                new DailyReturn(days[best + 1], r[best]),
                new DailyReturn(days[worst + 1], r[worst]),
                (double) positive / count);
    }

    /**
     * Annualised volatility and Sharpe ratio of a column of daily simple returns as {@link #simpleReturns} returns it
     * ({@code returns[0]}, NaN, is not a return and is skipped): {@code {std(r) · √252, (mean(r) − rf_d) / std(r) ·
     * √252}} with the sample deviation, Sharpe 0 when the deviation is 0 — {@link #summarize}'s definitions, computed
     * with the same passes in the same order of operations (four partial sums, then four fused-multiply-add sums of
     * squared deviations), hence the same bits. For callers that hold the returns column and need no more than these
     * two figures (the like-for-like benchmark against ta4j). The column is trusted: {@link #simpleReturns} validated
     * the prices it came from.
     *
     * @param riskFreeRate annual risk-free rate, e.g. 0.02
     * @throws IllegalArgumentException if the column holds fewer than 2 returns or the rate is not finite and greater
     *     than −1
     */
    static double[] volatilityAndSharpe(double[] returns, double riskFreeRate) {
        Arguments.notNull("returns", returns);
        double rfDaily = dailyRiskFreeRate(riskFreeRate);
        int count = returns.length - 1;
        if (count < 2) {
            throw new IllegalArgumentException("statistics need at least 3 prices (2 returns), got " + returns.length);
        }
        // returns[1 + k] is summarize's r[k]: the same blocks of four from the same start, the remainder into s0/q0.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < count; k += 4) {
            s0 += returns[k + 1];
            s1 += returns[k + 2];
            s2 += returns[k + 3];
            s3 += returns[k + 4];
        }
        for (; k < count; k++) {
            s0 += returns[k + 1];
        }
        double mean = ((s0 + s1) + (s2 + s3)) / count;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        int j = 0;
        for (; j + 3 < count; j += 4) {
            double d0 = returns[j + 1] - mean;
            double d1 = returns[j + 2] - mean;
            double d2 = returns[j + 3] - mean;
            double d3 = returns[j + 4] - mean;
            q0 = Math.fma(d0, d0, q0);
            q1 = Math.fma(d1, d1, q1);
            q2 = Math.fma(d2, d2, q2);
            q3 = Math.fma(d3, d3, q3);
        }
        for (; j < count; j++) {
            double d = returns[j + 1] - mean;
            q0 = Math.fma(d, d, q0);
        }
        double deviation = Math.sqrt(((q0 + q1) + (q2 + q3)) / (count - 1));
        double sharpe = deviation == 0 ? 0 : (mean - rfDaily) / deviation * ANNUALISE;
        return new double[] {deviation * ANNUALISE, sharpe};
    }

    static Drawdown maxDrawdown(double[] p, int[] days) {
        DrawdownScan scan = new DrawdownScan(p[0]);
        for (int i = 1; i < p.length; i++) {
            scan.next(p, i);
        }
        return scan.result(p, days);
    }

    /**
     * The running state of the maximum-drawdown scan, fed one price at a time (C2 keeps it in registers: the object
     * does not escape). A bar can only deepen the drawdown if {@code p[i] / peak < 1 + depth}; the exact division and
     * comparison run only below that level (widened by 1e-12 of the peak, far more than any rounding), so the result
     * is the same as dividing every bar.
     */
    private static final class DrawdownScan {
        private int peak;
        private int worstPeak;
        private int trough;
        private double depth;
        private double peakValue;
        private double candidate;

        DrawdownScan(double first) {
            peakValue = first;
            candidate = peakValue * ((1 + depth) + 1e-12);
        }

        void next(double[] p, int i) {
            double v = p[i];
            if (v > peakValue) {
                peak = i;
                peakValue = v;
                candidate = peakValue * ((1 + depth) + 1e-12);
            } else if (v <= candidate) {
                double dd = v / peakValue - 1;
                if (dd < depth) {
                    depth = dd;
                    worstPeak = peak;
                    trough = i;
                    candidate = peakValue * ((1 + depth) + 1e-12);
                }
            }
        }

        Drawdown result(double[] p, int[] days) {
            if (depth == 0) {
                return new Drawdown(0, days[0], days[0], OptionalInt.empty());
            }
            OptionalInt recovery = OptionalInt.empty();
            for (int i = trough + 1; i < p.length; i++) {
                if (p[i] >= p[worstPeak]) {
                    recovery = OptionalInt.of(days[i]);
                    break;
                }
            }
            return new Drawdown(depth, days[worstPeak], days[trough], recovery);
        }
    }

    // ---------------------------------------------------------------- tail risk

    static TailRisk tailRisk(double[] returns) {
        return tailRisk(returns, Double.NEGATIVE_INFINITY);
    }

    /**
     * VaR/CVaR at 95 % and 99 %. {@code guess} is a level expected to lie a little above the 5 % quantile (e.g. the
     * mean minus 1.4 deviations); when at least as many returns as the quantiles need lie at or below it (and not too
     * many), only those are kept — in their original order — and the order statistics are selected among them, which
     * is far cheaper than a bounded heap over all returns. They include every order statistic the quantiles use and
     * every return the CVaR averages, so the results are the same bits either way; any other guess falls back to the
     * heap.
     */
    static TailRisk tailRisk(double[] returns, double guess) {
        int n = returns.length;
        double h95 = (n - 1) * 0.05;
        double h99 = (n - 1) * 0.01;
        // The order statistics up to floor(h95) + 1 are all the quantiles need: keep only that many smallest returns.
        int needed = Math.min(n, (int) Math.floor(h95) + 2);
        double[] tail = atOrBelow(returns, guess, needed);
        double q95;
        double q99;
        if (tail == null) {
            tail = returns;
            double[] smallest = smallest(returns, needed);
            q95 = interpolate(smallest, h95, n);
            q99 = interpolate(smallest, h99, n);
        } else {
            // Only the four order statistics are needed: Hoare's selection on a copy (the tail keeps its order for
            // the sums below) instead of a sort.
            double[] a = tail.clone();
            int lo95 = (int) Math.floor(h95);
            int hi95 = Math.min(lo95 + 1, n - 1);
            int lo99 = (int) Math.floor(h99);
            int hi99 = Math.min(lo99 + 1, n - 1);
            select(a, 0, a.length, hi95);
            double b95 = a[hi95];
            double a95 = lo95 == hi95 ? b95 : max(a, hi95);
            double a99 = a95;
            double b99 = b95;
            if (hi99 < hi95) {
                select(a, 0, hi95, hi99);
                b99 = a[hi99];
                a99 = lo99 == hi99 ? b99 : max(a, hi99);
            }
            q95 = interpolate(a95, b95, h95);
            q99 = interpolate(a99, b99, h99);
        }
        double sum95 = 0;
        double sum99 = 0;
        int count95 = 0;
        int count99 = 0;
        for (double v : tail) {
            if (v <= q95) {
                sum95 += v;
                count95++;
                if (v <= q99) {
                    sum99 += v;
                    count99++;
                }
            }
        }
        // 0.0 − x rather than −x, so that a zero quantile reports 0.0 and not −0.0.
        return new TailRisk(0.0 - q95, 0.0 - sum95 / count95, 0.0 - q99, 0.0 - sum99 / count99);
    }

    /**
     * The returns {@code <= level} in their original order if there are at least {@code needed} and at most about
     * twice as many, otherwise null. With at least {@code needed} of them, the {@code needed} smallest returns are
     * all among them.
     */
    static double[] atOrBelow(double[] returns, double level, int needed) {
        double[] kept = new double[2 * needed + 16];
        int count = 0;
        for (double v : returns) {
            if (v <= level) {
                if (count == kept.length) {
                    return null;
                }
                kept[count++] = v;
            }
        }
        return count < needed ? null : Arrays.copyOf(kept, count);
    }

    /**
     * numpy's {@code quantile(method="linear")}: {@code h = (n − 1)·p}, between the order statistics {@code ⌊h⌋} and
     * {@code ⌊h⌋ + 1} with numpy's own lerp (which interpolates from the upper neighbour when the fraction is ≥ 0.5),
     * so the result matches numpy bit for bit.
     */
    static double interpolate(double[] sorted, double h, int n) {
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return interpolate(sorted[lo], sorted[hi], h);
    }

    /** The same between the order statistics {@code a} (rank ⌊h⌋) and {@code b} (the next one). */
    static double interpolate(double a, double b, double h) {
        double t = h - Math.floor(h);
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /**
     * Rearranges {@code a[from..to)} so that {@code a[k]} holds the value it would hold if that range were sorted,
     * with no larger value before it and no smaller one after it (Hoare's FIND, median-of-three pivot; expected
     * linear time, duplicates included). No NaN.
     */
    static void select(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double x = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < x) {
                    i++;
                }
                while (a[j] > x) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            }
            // a[lo..j] <= x <= a[i..hi], and everything strictly between j and i equals x.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** The largest of {@code a[0..to)}. */
    private static double max(double[] a, int to) {
        double max = a[0];
        for (int i = 1; i < to; i++) {
            max = Math.max(max, a[i]);
        }
        return max;
    }

    /** The {@code m} smallest values in ascending order, via a bounded max-heap: O(n log m) and no full sort. */
    static double[] smallest(double[] values, int m) {
        double[] heap = new double[m];
        int size = 0;
        for (double v : values) {
            if (size < m) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (heap[parent] >= v) {
                        break;
                    }
                    heap[i] = heap[parent];
                    i = parent;
                }
                heap[i] = v;
            } else if (v < heap[0]) {
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= m) {
                        break;
                    }
                    if (child + 1 < m && heap[child + 1] > heap[child]) {
                        child++;
                    }
                    if (heap[child] <= v) {
                        break;
                    }
                    heap[i] = heap[child];
                    i = child;
                }
                heap[i] = v;
            }
        }
        Arrays.sort(heap, 0, size);
        return heap;
    }

    // ---------------------------------------------------------------- benchmark

    /**
     * Beta and correlation against a benchmark over their common dates only: both series are reduced to the dates
     * they share, simple returns are taken between consecutive common dates, and {@code beta = cov(a, b) / var(b)},
     * {@code correlation = cov(a, b) / (std(a)·std(b))} (sample moments; the {@code n − 1} cancels). Both are 0 when
     * the denominator is 0.
     *
     * @throws IllegalArgumentException if the series share fewer than 3 dates
     */
    public static BenchmarkRelation relativeTo(PriceSeries asset, PriceSeries benchmark) {
        Arguments.notNull("asset", asset);
        Arguments.notNull("benchmark", benchmark);
        Aligned aligned = Aligned.of(asset, benchmark);
        int count = aligned.size() - 1;
        if (count < 2) {
            throw new IllegalArgumentException(
                    "beta needs at least 3 common dates (2 returns), the series share " + aligned.size());
        }
        double[] a = returnsAfter(aligned.asset, count);
        double[] b = returnsAfter(aligned.benchmark, count);
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < count; i++) {
            sumA += a[i];
            sumB += b[i];
        }
        double meanA = sumA / count;
        double meanB = sumB / count;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < count; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        double beta = varB == 0 ? 0 : cov / varB;
        double correlation = varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
        return new BenchmarkRelation(count, beta, correlation);
    }

    /**
     * {@code r[i] = p[i + 1] / p[i] − 1} for {@code i < count}: the returns after each price, in a loop that C2
     * vectorises (over a copy of the earlier prices, as in {@link #simpleReturns}).
     */
    private static double[] returnsAfter(double[] p, int count) {
        double[] r = Arrays.copyOf(p, count);
        for (int i = 0; i < count; i++) {
            r[i] = p[i + 1] / r[i] - 1;
        }
        return r;
    }

    /**
     * Two price series reduced to their common dates (a merge of the two ascending date columns). When both have the
     * same dates (the usual case: a universe priced on one calendar), the series' own columns are used as they are.
     */
    static final class Aligned {
        final int[] days;
        final double[] asset;
        final double[] benchmark;
        private final int size;

        private Aligned(int[] days, double[] asset, double[] benchmark, int size) {
            this.days = days;
            this.asset = asset;
            this.benchmark = benchmark;
            this.size = size;
        }

        static Aligned of(PriceSeries a, PriceSeries b) {
            int[] da = a.epochDays();
            int[] db = b.epochDays();
            if (Arrays.equals(da, db)) {
                return new Aligned(da, a.prices(), b.prices(), da.length);
            }
            int capacity = Math.min(da.length, db.length);
            int[] days = new int[capacity];
            double[] pa = new double[capacity];
            double[] pb = new double[capacity];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < da.length && j < db.length) {
                if (da[i] < db[j]) {
                    i++;
                } else if (da[i] > db[j]) {
                    j++;
                } else {
                    days[k] = da[i];
                    pa[k] = a.prices()[i++];
                    pb[k++] = b.prices()[j++];
                }
            }
            return new Aligned(days, pa, pb, k);
        }

        int size() {
            return size;
        }
    }

    // ---------------------------------------------------------------- rolling

    /**
     * Rolling annualised volatility: {@code values[i] = std(r[i-window+1..i]) · √252} over the {@code window} simple
     * returns ending at price {@code i} (sample std; 0 for a window of identical returns). Warm-up: {@code window}.
     *
     * @throws IllegalArgumentException if {@code window} is outside 2..5000
     */
    public static RollingSeries rollingVolatility(PriceSeries series, int window) {
        return rollingVolatility(series, window, TRADING_DAYS_PER_YEAR);
    }

    /**
     * {@link #rollingVolatility(PriceSeries, int)} of bars {@code periodsPerYear} a year: annualised by {@code
     * √periodsPerYear} (52 weekly, 12 monthly).
     *
     * @throws IllegalArgumentException also if {@code periodsPerYear} is not 1..366
     */
    public static RollingSeries rollingVolatility(PriceSeries series, int window, int periodsPerYear) {
        Arguments.notNull("series", series);
        Arguments.period("window", window, 2);
        double[] values = rollingMoments(series.prices(), window, 0, false, annualiser(periodsPerYear));
        return new RollingSeries(series.epochDays(), values, window);
    }

    /** {@code √periodsPerYear}; exactly the daily constant for 252. */
    private static double annualiser(int periodsPerYear) {
        if (periodsPerYear < 1 || periodsPerYear > 366) {
            throw new IllegalArgumentException("periodsPerYear must be 1 to 366, got " + periodsPerYear);
        }
        return periodsPerYear == TRADING_DAYS_PER_YEAR ? ANNUALISE : Math.sqrt(periodsPerYear);
    }

    /**
     * Rolling annualised Sharpe ratio: over the {@code window} daily excess returns {@code e = r − rf_d} ending at price
     * {@code i}, {@code mean(e) / std(e) · √252} (0 when the window's deviation is 0). Warm-up: {@code window}.
     *
     * @throws IllegalArgumentException if {@code window} is outside 2..5000 or the rate is not finite and greater than
     *     −1
     */
    public static RollingSeries rollingSharpe(PriceSeries series, int window, double riskFreeRate) {
        return rollingSharpe(series, window, riskFreeRate, TRADING_DAYS_PER_YEAR);
    }

    /**
     * {@link #rollingSharpe(PriceSeries, int, double)} of bars {@code periodsPerYear} a year: the risk-free rate per
     * bar {@code (1 + rf)^(1/periodsPerYear) − 1}, annualised by {@code √periodsPerYear}.
     *
     * @throws IllegalArgumentException also if {@code periodsPerYear} is not 1..366
     */
    public static RollingSeries rollingSharpe(PriceSeries series, int window, double riskFreeRate, int periodsPerYear) {
        Arguments.notNull("series", series);
        Arguments.period("window", window, 2);
        double annualise = annualiser(periodsPerYear);
        double rfDaily = periodRiskFreeRate(riskFreeRate, periodsPerYear);
        double[] values = rollingMoments(series.prices(), window, rfDaily, true, annualise);
        return new RollingSeries(series.epochDays(), values, window);
    }

    /** Sliding-window Welford over simple returns minus {@code shift}: volatility or Sharpe, as requested. */
    private static double[] rollingMoments(double[] p, int window, double shift, boolean sharpe, double annualise) {
        int n = p.length;
        double[] out = new double[n];
        if (n <= window) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] ring = new double[window];
        double inv = 1.0 / window;
        double invSample = 1.0 / (window - 1);
        double mean = 0;
        double m2 = 0;
        int run = 0;
        double previous = Double.NaN;
        int slot = 0;
        // The excess returns first, into out (vectorised over a copy of the previous prices: the divisions leave the
        // loop below); out[i] is read before it is overwritten.
        System.arraycopy(p, 0, out, 1, n - 1);
        for (int i = 1; i < n; i++) {
            out[i] = p[i] / out[i] - 1 - shift;
        }
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            double e = out[i];
            run = e == previous ? run + 1 : 1;
            previous = e;
            if (i <= window) {
                ring[i - 1] = e;
                double delta = e - mean;
                mean += delta / i;
                m2 += delta * (e - mean);
            } else {
                double old = ring[slot];
                ring[slot] = e;
                slot = slot + 1 == window ? 0 : slot + 1;
                double next = mean + (e - old) * inv;
                m2 += (e - old) * (e - next + old - mean);
                mean = next;
            }
            if (i < window) {
                out[i] = Double.NaN;
                continue;
            }
            double deviation = run >= window ? 0 : Math.sqrt(Math.max(m2, 0) * invSample);
            if (sharpe) {
                out[i] = deviation == 0 ? 0 : mean / deviation * annualise;
            } else {
                out[i] = deviation * annualise;
            }
        }
        return out;
    }

    /**
     * Rolling beta against a benchmark on their common dates: over the {@code window} paired simple returns ending at
     * common date {@code i}, {@code cov(a, b) / var(b)} (0 when the benchmark's returns are identical over the window).
     * The result is dated by the common dates. Warm-up: {@code window}.
     *
     * @throws IllegalArgumentException if {@code window} is outside 2..5000
     */
    public static RollingSeries rollingBeta(PriceSeries asset, PriceSeries benchmark, int window) {
        Arguments.notNull("asset", asset);
        Arguments.notNull("benchmark", benchmark);
        Arguments.period("window", window, 2);
        Aligned aligned = Aligned.of(asset, benchmark);
        int n = aligned.size();
        double[] out = new double[n];
        int[] days = aligned.days.length == n ? aligned.days : Arrays.copyOf(aligned.days, n);
        if (n <= window) {
            Arrays.fill(out, Double.NaN);
            return new RollingSeries(days, out, window);
        }
        double[] pa = aligned.asset;
        double[] pb = aligned.benchmark;
        // The returns first, vectorised as in rollingMoments: the asset's into out (each read before it is
        // overwritten), the benchmark's into a column of their own.
        double[] returnsB = new double[n];
        System.arraycopy(pa, 0, out, 1, n - 1);
        System.arraycopy(pb, 0, returnsB, 1, n - 1);
        for (int i = 1; i < n; i++) {
            out[i] = pa[i] / out[i] - 1;
            returnsB[i] = pb[i] / returnsB[i] - 1;
        }
        double[] ringA = new double[window];
        double[] ringB = new double[window];
        double inv = 1.0 / window;
        double meanA = 0;
        double meanB = 0;
        double co = 0;
        double m2b = 0;
        int run = 0;
        double previous = Double.NaN;
        int slot = 0;
        out[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            double a = out[i];
            double b = returnsB[i];
            run = b == previous ? run + 1 : 1;
            previous = b;
            if (i <= window) {
                ringA[i - 1] = a;
                ringB[i - 1] = b;
                double da = a - meanA;
                double db = b - meanB;
                meanA += da / i;
                meanB += db / i;
                co += da * (b - meanB);
                m2b += db * (b - meanB);
            } else {
                double oldA = ringA[slot];
                double oldB = ringB[slot];
                ringA[slot] = a;
                ringB[slot] = b;
                slot = slot + 1 == window ? 0 : slot + 1;
                double dA = a - oldA;
                double dB = b - oldB;
                double nextA = meanA + dA * inv;
                double nextB = meanB + dB * inv;
                co += 0.5 * (dA * (b - nextB + oldB - meanB) + dB * (a - nextA + oldA - meanA));
                m2b += dB * (b - nextB + oldB - meanB);
                meanA = nextA;
                meanB = nextB;
            }
            if (i < window) {
                out[i] = Double.NaN;
            } else {
                out[i] = run >= window || m2b <= 0 ? 0 : co / m2b;
            }
        }
        return new RollingSeries(days, out, window);
    }
}
