package io.qnt9.srs.recommendation;

import io.qnt9.srs.analytics.Macd;
import io.qnt9.srs.analytics.Momentum;
import io.qnt9.srs.analytics.MovingAverages;
import io.qnt9.srs.analytics.Volatility;
import io.qnt9.srs.marketdata.DailySeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The factor model over one instrument's adjusted closes. Every input is causal — the value at day {@code i} is
 * computed from days {@code ≤ i} only — so {@link #score(int)} at a day is exactly what the model would have said at
 * that day's close (proved by {@code NoLookAheadProperties}).
 *
 * <p>Factors and their contributions (each clamped to [−1, 1]; formulas in docs/RECOMMENDATIONS.md):
 *
 * <ul>
 *   <li>trend: x = price / SMA200 − 1, contribution x / 10 %
 *   <li>cross: g = SMA50 / SMA200 − 1, contribution g / 5 %; golden/death crosses of the last 20 days are named
 *   <li>rsi: between 30 and 70 mild momentum (RSI − 50) / 40; above 70 overbought, 0.5 − (RSI − 70) / 10; below 30
 *       oversold, −0.5 + (30 − RSI) / 10
 *   <li>macd: histogram / price, contribution h / 0.5 %; crosses of the last 5 days are named
 *   <li>momentum: mean of r63 / 15 %, r126 / 25 %, r252 / 40 % over those available
 *   <li>volatility: percentile p of today's 20-day volatility among the past year's, contribution 1 − 2p
 *   <li>drawdown: d = price / 252-day high − 1, contribution 1 − 2·min(1, −d / 20 %)
 *   <li>relative strength: 126-day return minus the benchmark's over the same dates, contribution diff / 15 %
 * </ul>
 */
final class FactorModel {

    static final int SMA_SHORT = 50;
    static final int SMA_LONG = 200;
    static final int RSI_PERIOD = 14;
    static final int VOL_PERIOD = 20;
    static final int YEAR = 252;
    static final int HALF_YEAR = 126;
    static final int QUARTER = 63;
    static final int CROSS_LOOKBACK = 20;
    static final int MACD_CROSS_LOOKBACK = 5;
    static final int MIN_VOL_HISTORY = 60;
    static final int MAX_BENCHMARK_STALENESS_DAYS = 7;

    private final ModelSettings settings;
    private final DailySeries series;
    private final DailySeries benchmark;
    private final double[] p;
    private final double[] sma50;
    private final double[] sma200;
    private final double[] rsi;
    private final Macd macd;
    private final double[] hv;
    private final double totalWeight;

    /**
     * @param benchmark the benchmark's series for relative strength; null (or the instrument itself) switches that
     *     factor off
     */
    FactorModel(ModelSettings settings, DailySeries series, DailySeries benchmark) {
        this(settings, series, benchmark, new Scratch());
    }

    /**
     * As above, writing the indicator columns into {@code scratch} instead of new arrays: the ranking pass scores
     * thousands of instruments per thread and reuses one scratch per thread. The model must not outlive the next use
     * of the same scratch.
     */
    FactorModel(ModelSettings settings, DailySeries series, DailySeries benchmark, Scratch scratch) {
        this.settings = settings;
        this.series = series;
        this.benchmark = benchmark == null || benchmark.symbol().equals(series.symbol()) ? null : benchmark;
        this.p = series.adjClose();
        int n = p.length;
        scratch.ensure(n);
        this.sma50 = n >= SMA_SHORT ? MovingAverages.sma(p, SMA_SHORT, scratch.sma50) : nan(scratch.sma50);
        this.sma200 = n >= SMA_LONG ? MovingAverages.sma(p, SMA_LONG, scratch.sma200) : nan(scratch.sma200);
        this.rsi = n > RSI_PERIOD ? Momentum.rsi(p, RSI_PERIOD, scratch.rsi) : nan(scratch.rsi);
        this.macd = n > Momentum.macdWarmup(Momentum.MACD_FAST, Momentum.MACD_SLOW, Momentum.MACD_SIGNAL)
                ? Momentum.macd(p, Momentum.MACD_FAST, Momentum.MACD_SLOW, Momentum.MACD_SIGNAL, scratch.macd)
                : new Macd(nan(scratch.macd.line()), nan(scratch.macd.signal()), nan(scratch.macd.histogram()));
        this.hv = n > VOL_PERIOD ? Volatility.historicalVolatility(p, VOL_PERIOD, scratch.hv) : nan(scratch.hv);
        double total = 0;
        for (Factor f : Factor.values()) {
            total += settings.weight(f);
        }
        this.totalWeight = total;
    }

    /** Reusable indicator columns, grown to the series length on demand. */
    static final class Scratch {
        private int n = -1;
        double[] sma50;
        double[] sma200;
        double[] rsi;
        double[] hv;
        Macd macd;

        void ensure(int length) {
            if (length != n) {
                n = length;
                sma50 = new double[length];
                sma200 = new double[length];
                rsi = new double[length];
                hv = new double[length];
                macd = Macd.allocate(length);
            }
        }
    }

    private static double[] nan(double[] a) {
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    int size() {
        return p.length;
    }

    DailySeries series() {
        return series;
    }

    /** Score, band and confidence at day {@code i}; null when there is not enough history ({@code minBars}). */
    Scored score(int i) {
        if (i + 1 < settings.minBars()) {
            return null;
        }
        double weighted = 0;
        double weightedAbs = 0;
        double available = 0;
        for (Factor f : Factor.values()) {
            double w = settings.weight(f);
            if (w == 0) {
                continue;
            }
            double c = contribution(f, i);
            if (Double.isNaN(c)) {
                continue;
            }
            weighted += w * c;
            weightedAbs += w * Math.abs(c);
            available += w;
        }
        if (available == 0) {
            return null;
        }
        double score = weighted / available;
        double agreement = weightedAbs == 0 ? 1 : Math.abs(weighted) / weightedAbs;
        double coverage = available / totalWeight;
        double history = Math.min(1.0, (i + 1) / (double) YEAR);
        double confidence = coverage * history * (0.5 + 0.5 * agreement);
        return new Scored(score, settings.band(score), confidence);
    }

    record Scored(double score, Band band, double confidence) {}

    /** The full verdict with one reason per available factor. */
    Recommendation recommend(int i) {
        Scored s = score(i);
        if (s == null) {
            return null;
        }
        List<Recommendation.Reason> reasons = new ArrayList<>();
        for (Factor f : Factor.values()) {
            double w = settings.weight(f);
            double c = contribution(f, i);
            if (w == 0 || Double.isNaN(c)) {
                continue;
            }
            reasons.add(new Recommendation.Reason(f.id, label(f), value(f, i), w, c, sentence(f, i, c)));
        }
        return new Recommendation(
                series.symbol(),
                series.date(i),
                s.band(),
                s.score(),
                s.confidence(),
                settings.version(),
                series.close()[i],
                i + 1,
                List.copyOf(reasons));
    }

    private String label(Factor f) {
        return f == Factor.RELATIVE_STRENGTH && benchmark != null ? "6-month return vs " + benchmark.symbol() : f.label;
    }

    // ---------------------------------------------------------------- factor values and contributions

    /** The factor's input at day i, NaN when it cannot be computed yet. */
    double value(Factor f, int i) {
        return switch (f) {
            case TREND -> valid(sma200[i]) ? p[i] / sma200[i] - 1 : Double.NaN;
            case CROSS -> valid(sma200[i]) && valid(sma50[i]) ? sma50[i] / sma200[i] - 1 : Double.NaN;
            case RSI -> rsi[i];
            case MACD -> valid(macd.histogram()[i]) ? macd.histogram()[i] / p[i] : Double.NaN;
            case MOMENTUM -> trailingReturn(i, QUARTER);
            case VOLATILITY -> volatilityPercentile(i);
            case DRAWDOWN -> i + 1 >= QUARTER ? p[i] / trailingHigh(i) - 1 : Double.NaN;
            case RELATIVE_STRENGTH -> relativeStrength(i);
        };
    }

    /** The factor's vote at day i in [−1, 1], NaN when unavailable. */
    double contribution(Factor f, int i) {
        double v = value(f, i);
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        return switch (f) {
            case TREND -> clamp(v / 0.10);
            case CROSS -> clamp(v / 0.05);
            case RSI -> rsiContribution(v);
            case MACD -> clamp(v / 0.005);
            case MOMENTUM -> momentumContribution(i);
            case VOLATILITY -> clamp(1 - 2 * v);
            case DRAWDOWN -> 1 - 2 * Math.min(1, -v / 0.20);
            case RELATIVE_STRENGTH -> clamp(v / 0.15);
        };
    }

    static double rsiContribution(double rsi) {
        if (rsi > 70) {
            return clamp(0.5 - (rsi - 70) / 10);
        }
        if (rsi < 30) {
            return clamp(-0.5 + (30 - rsi) / 10);
        }
        return (rsi - 50) / 40;
    }

    private double momentumContribution(int i) {
        double sum = 0;
        int n = 0;
        double r63 = trailingReturn(i, QUARTER);
        if (!Double.isNaN(r63)) {
            sum += clamp(r63 / 0.15);
            n++;
        }
        double r126 = trailingReturn(i, HALF_YEAR);
        if (!Double.isNaN(r126)) {
            sum += clamp(r126 / 0.25);
            n++;
        }
        double r252 = trailingReturn(i, YEAR);
        if (!Double.isNaN(r252)) {
            sum += clamp(r252 / 0.40);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    double trailingReturn(int i, int days) {
        return i >= days ? p[i] / p[i - days] - 1 : Double.NaN;
    }

    /** Share of the past year's 20-day volatilities below today's (ties count half); NaN with < 60 values. */
    double volatilityPercentile(int i) {
        if (!valid(hv[i])) {
            return Double.NaN;
        }
        int from = Math.max(0, i - YEAR + 1);
        int count = 0;
        double below = 0;
        for (int j = from; j <= i; j++) {
            if (valid(hv[j])) {
                count++;
                if (hv[j] < hv[i]) {
                    below += 1;
                } else if (hv[j] == hv[i] && j != i) {
                    below += 0.5;
                }
            }
        }
        return count < MIN_VOL_HISTORY ? Double.NaN : below / (count - 1);
    }

    private double trailingHigh(int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = Math.max(0, i - YEAR + 1); j <= i; j++) {
            max = Math.max(max, p[j]);
        }
        return max;
    }

    private double relativeStrength(int i) {
        if (benchmark == null || i < HALF_YEAR) {
            return Double.NaN;
        }
        LocalDate today = series.date(i);
        LocalDate then = series.date(i - HALF_YEAR);
        int b1 = benchmark.lastIndexOnOrBefore(today);
        int b0 = benchmark.lastIndexOnOrBefore(then);
        if (b0 < 0 || b1 <= b0) {
            return Double.NaN;
        }
        if (today.toEpochDay() - benchmark.epochDays()[b1] > MAX_BENCHMARK_STALENESS_DAYS
                || then.toEpochDay() - benchmark.epochDays()[b0] > MAX_BENCHMARK_STALENESS_DAYS) {
            return Double.NaN; // the benchmark does not cover these dates
        }
        double[] b = benchmark.adjClose();
        return trailingReturn(i, HALF_YEAR) - (b[b1] / b[b0] - 1);
    }

    /** Days since the last sign change of {@code a − b} within {@code lookback} days, or -1. */
    private static int lastCross(double[] a, double[] b, int i, int lookback, int[] direction) {
        for (int j = i; j > Math.max(0, i - lookback); j--) {
            if (!valid(a[j]) || !valid(a[j - 1]) || !valid(b[j]) || !valid(b[j - 1])) {
                return -1;
            }
            double now = a[j] - b[j];
            double before = a[j - 1] - b[j - 1];
            if (now > 0 && before <= 0 || now < 0 && before >= 0) {
                direction[0] = now > 0 ? 1 : -1;
                return i - j;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- sentences

    private String sentence(Factor f, int i, double c) {
        double v = value(f, i);
        return switch (f) {
            case TREND ->
                "Price " + pct(Math.abs(v)) + (v >= 0 ? " above" : " below") + " its 200-day average: "
                        + (v >= 0.02
                                ? "long-term uptrend."
                                : v <= -0.02 ? "long-term downtrend." : "no clear long-term trend.");
            case CROSS -> crossSentence(i, v);
            case RSI -> rsiSentence(v, c);
            case MACD -> macdSentence(i, v);
            case MOMENTUM -> momentumSentence(i, c);
            case VOLATILITY ->
                "20-day volatility " + pct(hv[i]) + " a year, " + volatilityRank(v) + ": "
                        + (v >= 0.8 ? "risk is elevated." : v <= 0.2 ? "unusually calm." : "normal.");
            case DRAWDOWN ->
                v > -0.005
                        ? "At its 1-year high."
                        : "Price " + pct(-v) + " below its 1-year high: "
                                + (v <= -0.20
                                        ? "deep drawdown."
                                        : v <= -0.10 ? "in a correction." : "a shallow pullback.");
            case RELATIVE_STRENGTH ->
                "6-month return " + signedPct(trailingReturn(i, HALF_YEAR)) + " vs "
                        + signedPct(trailingReturn(i, HALF_YEAR) - v) + " for " + benchmark.symbol() + ": "
                        + (v >= 0 ? "outperforming" : "underperforming") + " by " + points(Math.abs(v)) + ".";
        };
    }

    /** Where today's volatility ranks among the past year's: "the highest" rather than "higher than 100.0 %". */
    static String volatilityRank(double share) {
        if (share >= 1) {
            return "the highest of the past year";
        }
        if (share <= 0) {
            return "the lowest of the past year";
        }
        return "higher than " + pct(share) + " of the past year's readings";
    }

    /** A difference of two returns, in percentage points: -20.3 % vs -26.9 % differ by 6.6 points, not 6.6 %. */
    private static String points(double difference) {
        String n = String.format(Locale.ROOT, "%.1f", difference * 100);
        return n + (n.equals("1.0") ? " percentage point" : " percentage points");
    }

    /**
     * Says what the contribution does: just past 70 (or 30) the score still reads RSI as momentum, tapering to
     * against it at 75 (for it at 25), so "a pullback is more likely" is said only where the contribution is negative.
     */
    static String rsiSentence(double v, double c) {
        String zone;
        if (v > 70) {
            zone = c > 0
                    ? "overbought territory, still read as strong momentum (from 75 it counts against)."
                    : "overbought, a pullback is more likely than usual.";
        } else if (v < 30) {
            zone = c < 0
                    ? "oversold territory, still read as weak momentum (from 25 it counts for a rebound)."
                    : "oversold, a rebound is more likely than usual.";
        } else {
            zone = v >= 50 ? "positive momentum without excess." : "weak momentum without excess.";
        }
        return "RSI " + num(v) + ": " + zone;
    }

    private String crossSentence(int i, double gap) {
        int[] dir = new int[1];
        int ago = lastCross(sma50, sma200, i, CROSS_LOOKBACK, dir);
        String cross = ago < 0
                ? ""
                : " (" + (dir[0] > 0 ? "golden" : "death") + " cross "
                        + (ago == 0 ? "today" : ago + (ago == 1 ? " day" : " days") + " ago") + ")";
        return "50-day average " + pct(Math.abs(gap)) + (gap >= 0 ? " above" : " below") + " the 200-day" + cross + ": "
                + (gap >= 0 ? "medium-term trend up." : "medium-term trend down.");
    }

    private String macdSentence(int i, double h) {
        double[] zero = new double[macd.histogram().length];
        int[] dir = new int[1];
        int ago = lastCross(macd.histogram(), zero, i, MACD_CROSS_LOOKBACK, dir);
        String cross = ago < 0
                ? ""
                : (dir[0] > 0 ? "bullish" : "bearish") + " MACD cross "
                        + (ago == 0 ? "today" : ago + (ago == 1 ? " day" : " days") + " ago") + "; ";
        return "MACD histogram " + signedPct(h) + " of the price: " + cross
                + (h >= 0 ? "momentum building up." : "momentum fading.");
    }

    private String momentumSentence(int i, double c) {
        StringBuilder sb = new StringBuilder("Returns: 3 months ").append(signedPct(trailingReturn(i, QUARTER)));
        if (i >= HALF_YEAR) {
            sb.append(", 6 months ").append(signedPct(trailingReturn(i, HALF_YEAR)));
        }
        if (i >= YEAR) {
            sb.append(", 12 months ").append(signedPct(trailingReturn(i, YEAR)));
        }
        return sb.append(c >= 0.25 ? ": strong momentum." : c <= -0.25 ? ": weak momentum." : ": mixed momentum.")
                .toString();
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    static String signedPct(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private static boolean valid(double v) {
        return !Double.isNaN(v);
    }
}
