package io.qnt9.srs.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A technical rating of the last bar, in the manner of TradingView's "Technical Ratings" (the gauges that {@code
 * tradingview-ta} reads from TradingView's servers), computed here with every rule stated. The rules are those of
 * TradingView's published Pine library {@code TechnicalRating} (v3, 2024-11-29, {@code calcRatingAll}), each over an
 * indicator of the catalogue. Each of 26 components votes buy (+1), neutral (0) or sell (−1); a group's rating is the
 * mean of its votes ({@code (buy − sell) / voters}, in [−1, 1]); the overall rating is the mean of the two groups'
 * ratings.
 *
 * <p><b>Moving averages</b> (15): EMA and SMA of 10, 20, 30, 50, 100 and 200 bars, VWMA(20) and Hull(9) — buy when
 * the average is below the close, sell when above; Ichimoku(9, 26, 52) — buy when close &gt; conversion line &gt;
 * base line &gt; leading span A &gt; leading span B, the spans as computed 26 bars earlier (the cloud drawn at the
 * bar), sell in the reverse order.
 *
 * <p><b>Oscillators</b> (11), "rising" and "falling" against the previous bar: RSI(14) buy below 30 and rising, sell
 * above 70 and falling; Stochastic(14, 3, 3) (the full, slow one) buy when %K and %D are below 20 and %K is above %D,
 * sell when both are above 80 and %K is below %D; CCI(20) of the close buy below −100 and rising, sell above 100 and
 * falling; ADX(14) buy when ADX is above 20 and rising and +DI is above −DI, sell when it is above 20 and rising and
 * +DI is below −DI; Awesome oscillator(5, 34) buy when it crosses above zero (from zero or below) or makes a "saucer"
 * above zero (positive, above the previous bar, which was below the one before), sell in mirror image; Momentum(10)
 * buy rising, sell falling; MACD(12, 26, 9) buy when the line is above its signal, sell when below; Stochastic RSI(14,
 * 14, 3, 3) buy in a downtrend (close below its EMA(50)) with %K and %D below 20 and %K above %D, sell in an uptrend
 * with both above 80 and %K below %D; Williams %R(14) buy below −80 and rising, sell above −20 and falling; Bull Bear
 * Power(13) buy in an uptrend (close above its EMA(50)) with bear power below zero and rising, sell in a downtrend
 * with bull power above zero and falling; Ultimate oscillator(7, 14, 28) buy above 70, sell below 30.
 *
 * <p>Values within 1e-9 of each other (relative; absolute below 1) count as equal, so that rounding noise does not
 * vote. A component whose inputs are not all defined at the last bar (too little history) does not vote and is counted
 * as unavailable. The verdict of a rating r: STRONG_SELL for r &lt; −0.5, SELL for −0.5 ≤ r &lt; −0.1, NEUTRAL for
 * −0.1 ≤ r ≤ 0.1, BUY for 0.1 &lt; r ≤ 0.5, STRONG_BUY for r &gt; 0.5.
 */
public final class TechnicalRating {

    private TechnicalRating() {}

    /** One component's vote. */
    public enum Signal {
        SELL,
        NEUTRAL,
        BUY;

        int vote() {
            return ordinal() - 1;
        }
    }

    /** The category of a rating, with TradingView's thresholds. */
    public enum Verdict {
        STRONG_SELL,
        SELL,
        NEUTRAL,
        BUY,
        STRONG_BUY;

        /** The category of {@code rating} (in [−1, 1]). */
        public static Verdict of(double rating) {
            if (rating < -0.5) {
                return STRONG_SELL;
            }
            if (rating < -0.1) {
                return SELL;
            }
            if (rating <= 0.1) {
                return NEUTRAL;
            }
            return rating <= 0.5 ? BUY : STRONG_BUY;
        }
    }

    /**
     * One component.
     *
     * @param name e.g. {@code RSI (14)}
     * @param spec the indicator spec in the catalogue's spelling ({@code rsi:14}), to chart it
     * @param rule when it votes buy and when sell
     * @param inputs the values the rule read, by the indicators API's column names ({@code close}, {@code rsi_14});
     *     {@code [1]} and {@code [2]} mark the values one and two bars earlier; null where undefined
     * @param signal the vote, or null when an input is undefined (too little history)
     */
    public record Component(String name, String spec, String rule, Map<String, Double> inputs, Signal signal) {}

    /**
     * A group's tally.
     *
     * @param rating the mean vote in [−1, 1], null when no component could vote
     * @param verdict the rating's category, null with it
     */
    public record Group(
            Double rating,
            Verdict verdict,
            int buy,
            int neutral,
            int sell,
            int unavailable,
            List<Component> components) {

        static Group of(List<Component> components) {
            int[] count = new int[3];
            int unavailable = 0;
            for (Component c : components) {
                if (c.signal() == null) {
                    unavailable++;
                } else {
                    count[c.signal().ordinal()]++;
                }
            }
            int voters = count[0] + count[1] + count[2];
            Double rating = voters == 0 ? null : (double) (count[2] - count[0]) / voters;
            return new Group(
                    rating,
                    rating == null ? null : Verdict.of(rating),
                    count[2],
                    count[1],
                    count[0],
                    unavailable,
                    List.copyOf(components));
        }
    }

    /**
     * The rating of the last bar.
     *
     * @param rating the mean of the groups' ratings (of the one that has a rating, if only one has), null when
     *     neither has
     * @param buy votes of both groups together; likewise {@code neutral} and {@code sell}
     */
    public record Rating(
            Double rating, Verdict verdict, int buy, int neutral, int sell, Group oscillators, Group movingAverages) {}

    private static final int[] MA_PERIODS = {10, 20, 30, 50, 100, 200};
    /** The specs a rating reads, parsed once (parsing them on every rating cost a fifth of it). */
    private static final Map<String, IndicatorSpec> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    static final String MA_RULE = "Buy: the average below the close; sell: above it.";

    /**
     * Rates the last of {@code bars}; every indicator reads only bars up to it.
     *
     * @throws IllegalArgumentException if {@code bars} is empty
     */
    public static Rating rate(BarColumns bars) {
        Arguments.notNull("bars", bars);
        if (bars.size() == 0) {
            throw new IllegalArgumentException("bars must not be empty");
        }
        return rate(new Columns(bars), bars.size() - 1);
    }

    private static Rating rate(Columns columns, int last) {
        Group osc = Group.of(
                OSCILLATORS.stream().map(d -> d.describe(columns, last)).toList());
        Group ma =
                Group.of(AVERAGES.stream().map(d -> d.describe(columns, last)).toList());
        Double rating = overall(osc.rating(), ma.rating());
        return new Rating(
                rating,
                rating == null ? null : Verdict.of(rating),
                osc.buy() + ma.buy(),
                osc.neutral() + ma.neutral(),
                osc.sell() + ma.sell(),
                osc,
                ma);
    }

    /**
     * The overall rating at every bar, {@code NaN} where no component votes: the same votes as {@link #rate}, each
     * indicator computed once over all the bars. Every indicator is causal (its value at a bar reads only that bar
     * and earlier ones), so the rating at bar {@code i} is {@link #rate} of the bars up to {@code i}: no look-ahead.
     */
    public static double[] history(BarColumns bars) {
        Arguments.notNull("bars", bars);
        double[] out = new double[bars.size()];
        computeHistory(new Columns(bars), out, new double[out.length], new double[out.length]);
        return out;
    }

    /** {@link #rate} and {@link #history} of the same bars, each indicator computed once for both. */
    public record RatedHistory(Rating last, double[] history) {}

    /**
     * {@link #rate} and {@link #history} together: what a rating with its track record needs, for half the work of
     * calling both (the 26 indicators are the cost of either).
     *
     * @throws IllegalArgumentException if {@code bars} is empty
     */
    public static RatedHistory rateWithHistory(BarColumns bars) {
        Arguments.notNull("bars", bars);
        if (bars.size() == 0) {
            throw new IllegalArgumentException("bars must not be empty");
        }
        Columns columns = new Columns(bars);
        double[] history = new double[bars.size()];
        computeHistory(columns, history, new double[history.length], new double[history.length]);
        return new RatedHistory(rate(columns, bars.size() - 1), history);
    }

    /**
     * The overall rating and the two groups' at every bar (the catalogue's {@code techrating}), {@code NaN} where no
     * component of the group votes; see {@link #history}.
     */
    static void computeHistory(BarColumns bars, double[] rating, double[] oscillators, double[] movingAverages) {
        computeHistory(new Columns(bars), rating, oscillators, movingAverages);
    }

    private static void computeHistory(
            Columns columns, double[] rating, double[] oscillators, double[] movingAverages) {
        double[] values = new double[Kind.MOST_READS];
        for (int i = 0; i < rating.length; i++) {
            Double osc = mean(OSCILLATORS, columns, i, values);
            Double ma = mean(AVERAGES, columns, i, values);
            Double r = overall(osc, ma);
            rating[i] = r == null ? Double.NaN : r;
            oscillators[i] = osc == null ? Double.NaN : osc;
            movingAverages[i] = ma == null ? Double.NaN : ma;
        }
    }

    /**
     * The first bar at which both groups can vote (and so every column of {@link #computeHistory} has a value): the
     * earliest bar at which some oscillator has all it reads, later than the first moving average's.
     */
    static int historyWarmup() {
        return Math.max(firstVote(OSCILLATORS), firstVote(AVERAGES));
    }

    /** The earliest bar at which a component of {@code group} has every value it reads. */
    private static int firstVote(List<Definition> group) {
        int first = Integer.MAX_VALUE;
        for (Definition d : group) {
            int warm = 0;
            for (String spec : d.spec().split(",")) {
                warm = Math.max(
                        warm,
                        PARSED.computeIfAbsent(spec, IndicatorCatalog::parse).warmup());
            }
            int lag = 0;
            for (int[] read : d.kind().reads) {
                lag = Math.max(lag, read[1]);
            }
            first = Math.min(first, warm + lag);
        }
        return first;
    }

    /** A group's mean vote at bar {@code at}, null when none votes; {@code values} is scratch space. */
    private static Double mean(List<Definition> group, Columns columns, int at, double[] values) {
        int sum = 0;
        int voters = 0;
        for (Definition d : group) {
            Signal s = d.vote(columns, at, values);
            if (s != null) {
                sum += s.vote();
                voters++;
            }
        }
        return voters == 0 ? null : (double) sum / voters;
    }

    /** The mean of the groups' ratings, or the one there is. */
    private static Double overall(Double oscillators, Double averages) {
        // not a conditional expression: mixing Double and double there unboxes a null
        if (oscillators == null) {
            return averages;
        }
        if (averages == null) {
            return oscillators;
        }
        return (oscillators + averages) / 2;
    }

    /**
     * The ratings as trading signals for {@link Backtest}: +1 for BUY and STRONG_BUY, −1 for SELL and STRONG_SELL, 0
     * for NEUTRAL and where there is no rating ({@code NaN}).
     */
    public static int[] signals(double[] ratings) {
        Arguments.notNull("ratings", ratings);
        int[] out = new int[ratings.length];
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(ratings[i])) {
                Verdict v = Verdict.of(ratings[i]);
                out[i] = v == Verdict.BUY || v == Verdict.STRONG_BUY
                        ? 1
                        : v == Verdict.SELL || v == Verdict.STRONG_SELL ? -1 : 0;
            }
        }
        return out;
    }

    /** The forward return after a verdict over {@code horizonBars} bars; average and median null without any. */
    public record Forward(int horizonBars, int count, Double average, Double median) {}

    /** How often a verdict was given, and what followed it. */
    public record CalibrationRow(Verdict verdict, int count, List<Forward> forward) {}

    /** The horizons of {@link #calibration}, in bars. */
    public static final int[] HORIZONS = {5, 20, 60};

    /**
     * Did STRONG_BUY really beat STRONG_SELL here? For each verdict: on how many bars the rating gave it, and the
     * average and median return {@code close[i + h] / close[i] − 1} over the next {@code h} bars ({@link #HORIZONS}),
     * counting only bars whose window ends at the last bar or before ({@link ForwardReturns}). {@code ratings} as
     * {@link #history} gives them.
     *
     * @throws IllegalArgumentException if the columns differ in length
     */
    public static List<CalibrationRow> calibration(double[] ratings, double[] close) {
        Arguments.notNull("ratings", ratings);
        Arguments.sameLength("ratings", ratings.length, "close", close.length);
        int[] verdicts = new int[ratings.length];
        for (int i = 0; i < ratings.length; i++) {
            verdicts[i] = Double.isNaN(ratings[i]) ? -1 : Verdict.of(ratings[i]).ordinal();
        }
        ForwardReturns.Table table =
                ForwardReturns.table(close, verdicts, Verdict.values().length, 0, close.length - 1, HORIZONS);
        List<CalibrationRow> rows = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            List<Forward> forward = new ArrayList<>();
            for (ForwardReturns.Summary f : table.summaries()[v.ordinal()]) {
                forward.add(new Forward(f.horizon(), f.count(), f.average(), f.median()));
            }
            rows.add(new CalibrationRow(v, table.counts()[v.ordinal()], List.copyOf(forward)));
        }
        return List.copyOf(rows);
    }

    // The rules, as functions of the values they read (NaN never reaches them: such a component does not vote).

    /**
     * Two values count as equal when they differ by at most 1e-9 of the larger (absolutely, below 1): rounding noise
     * must not vote. A stochastic RSI whose %K and %D are both 0 in exact arithmetic comes out as −1.87e−13 and
     * −1.55e−13, which would otherwise be a "crossing".
     */
    static final double TIE = 1e-9;

    static boolean above(double a, double b) {
        return a - b > TIE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    static boolean below(double a, double b) {
        return above(b, a);
    }

    private static Signal vote(boolean buy, boolean sell) {
        return buy ? Signal.BUY : sell ? Signal.SELL : Signal.NEUTRAL;
    }

    /** Moving averages: buy when the average is below the price, sell when above. */
    static Signal average(double average, double price) {
        return vote(below(average, price), above(average, price));
    }

    /** Buy below {@code low} and rising, sell above {@code high} and falling (RSI, CCI, Williams %R, Ultimate). */
    static Signal level(double value, double previous, double low, double high) {
        return vote(below(value, low) && above(value, previous), above(value, high) && below(value, previous));
    }

    /** Stochastic: %K above %D with both below 20 (buy), or below it with both above 80 (sell). */
    static Signal zone(double k, double d) {
        return vote(zoneBuy(k, d), zoneSell(k, d));
    }

    private static boolean zoneBuy(double k, double d) {
        return below(k, 20) && below(d, 20) && above(k, d);
    }

    private static boolean zoneSell(double k, double d) {
        return above(k, 80) && above(d, 80) && below(k, d);
    }

    /** Stochastic RSI: the stochastic's zones, a buy only in a downtrend (close below {@code trend}), a sell in an up. */
    static Signal againstTrend(double k, double d, double close, double trend) {
        return vote(below(close, trend) && zoneBuy(k, d), above(close, trend) && zoneSell(k, d));
    }

    /** ADX above 20 and rising, +DI above −DI (buy) or below it (sell). */
    static Signal adx(double adx, double previousAdx, double plusDi, double minusDi) {
        boolean trend = above(adx, 20) && above(adx, previousAdx);
        return vote(trend && above(plusDi, minusDi), trend && below(plusDi, minusDi));
    }

    /** Awesome oscillator: a zero-line cross (from zero or the other side), or a saucer on its side of zero. */
    static Signal awesome(double ao, double previous, double beforeThat) {
        boolean saucerUp = above(ao, 0) && above(previous, 0) && above(ao, previous) && above(beforeThat, previous);
        boolean saucerDown = below(ao, 0) && below(previous, 0) && below(ao, previous) && below(beforeThat, previous);
        return vote(
                (above(ao, 0) && !above(previous, 0)) || saucerUp, (below(ao, 0) && !below(previous, 0)) || saucerDown);
    }

    /**
     * Bull Bear Power: in an uptrend (close above {@code trend}) bear power below zero and rising buys; in a downtrend
     * bull power above zero and falling sells.
     */
    static Signal power(
            double bull, double previousBull, double bear, double previousBear, double close, double trend) {
        return vote(
                above(close, trend) && below(bear, 0) && above(bear, previousBear),
                below(close, trend) && above(bull, 0) && below(bull, previousBull));
    }

    /** Buy above {@code high}, sell below {@code low} (the ultimate oscillator's 70 and 30). */
    static Signal threshold(double value, double low, double high) {
        return vote(above(value, high), below(value, low));
    }

    /** Buy when rising, sell when falling (Momentum). */
    static Signal direction(double value, double previous) {
        return vote(above(value, previous), below(value, previous));
    }

    /** Ichimoku: everything in bullish order (close, conversion, base, span A, span B), or all in bearish order. */
    static Signal ichimoku(double close, double conversion, double base, double spanA, double spanB) {
        return vote(
                above(spanA, spanB) && above(base, spanA) && above(conversion, base) && above(close, conversion),
                below(spanA, spanB) && below(base, spanA) && below(conversion, base) && below(close, conversion));
    }

    /**
     * How a component reads its values and votes. {@code reads}: the values in the order the rule takes them, each a
     * column of the component's specs (their columns one after the other) or {@link #CLOSE}, and how many bars back.
     */
    private enum Kind {
        AVERAGE(new int[][] {{0, 0}, {CLOSE, 0}}),
        LEVEL(new int[][] {{0, 0}, {0, 1}}),
        ZONE(new int[][] {{0, 0}, {1, 0}}),
        AGAINST_TREND(new int[][] {{0, 0}, {1, 0}, {CLOSE, 0}, {2, 0}}),
        ADX(new int[][] {{0, 0}, {0, 1}, {1, 0}, {2, 0}}),
        AWESOME(new int[][] {{0, 0}, {0, 1}, {0, 2}}),
        DIRECTION(new int[][] {{0, 0}, {0, 1}}),
        LINE_OVER_SIGNAL(new int[][] {{0, 0}, {1, 0}}),
        POWER(new int[][] {{1, 0}, {1, 1}, {2, 0}, {2, 1}, {CLOSE, 0}, {3, 0}}),
        THRESHOLD(new int[][] {{0, 0}}),
        // the catalogue's spans are displaced by kijun − 1 = 25 bars; one bar back they are those of 26 bars earlier
        ICHIMOKU(new int[][] {{CLOSE, 0}, {0, 0}, {1, 0}, {2, 1}, {3, 1}});

        static final int MOST_READS = 6;
        final int[][] reads;

        Kind(int[][] reads) {
            this.reads = reads;
        }

        Signal vote(double[] v, double low, double high) {
            return switch (this) {
                case AVERAGE -> average(v[0], v[1]);
                case LEVEL -> level(v[0], v[1], low, high);
                case ZONE -> zone(v[0], v[1]);
                case AGAINST_TREND -> againstTrend(v[0], v[1], v[2], v[3]);
                case ADX -> adx(v[0], v[1], v[2], v[3]);
                case AWESOME -> awesome(v[0], v[1], v[2]);
                case DIRECTION -> direction(v[0], v[1]);
                case LINE_OVER_SIGNAL -> direction(v[0], v[1]); // "rising" from the signal to the line
                case POWER -> power(v[0], v[1], v[2], v[3], v[4], v[5]);
                case THRESHOLD -> threshold(v[0], low, high);
                case ICHIMOKU -> ichimoku(v[0], v[1], v[2], v[3], v[4]);
            };
        }
    }

    /** The column index that stands for the bar's close in {@link Kind#reads}. */
    private static final int CLOSE = -1;

    /** The trend filter of the stochastic RSI and Bull Bear Power: the close against its EMA(50). */
    private static final String TREND = "ema:50";

    /**
     * One component: its name, the specs whose columns it reads (as the indicators API takes them, comma-separated),
     * how it votes, its levels (for {@link Kind#LEVEL} and {@link Kind#THRESHOLD}) and its rule in words.
     */
    private record Definition(String name, String spec, Kind kind, double low, double high, String rule) {

        Definition(String name, String spec, Kind kind, String rule) {
            this(name, spec, kind, Double.NaN, Double.NaN, rule);
        }

        /** The vote at bar {@code at}, null when a value it reads is undefined; fills {@code values}. */
        Signal vote(Columns columns, int at, double[] values) {
            double[][] c = columns.of(spec);
            double[] close = columns.close();
            int[][] reads = kind.reads;
            for (int k = 0; k < reads.length; k++) {
                double v = read(c, close, reads[k], at);
                if (!Double.isFinite(v)) {
                    return null;
                }
                values[k] = v;
            }
            return kind.vote(values, low, high);
        }

        /** The value {@code read} names at bar {@code at}: a column of the specs or the close, some bars back. */
        private static double read(double[][] columns, double[] close, int[] read, int at) {
            int i = at - read[1];
            return i < 0 ? Double.NaN : read[0] == CLOSE ? close[i] : columns[read[0]][i];
        }

        /** The component at bar {@code at}, with the values it read by name. */
        Component describe(Columns columns, int at) {
            double[][] c = columns.of(spec);
            List<String> names = columns.names(spec);
            Map<String, Double> inputs = new LinkedHashMap<>();
            for (int[] read : kind.reads) {
                double v = read(c, columns.close(), read, at);
                String name = read[0] == CLOSE ? "close" : names.get(read[0]);
                inputs.put(name + (read[1] == 0 ? "" : "[" + read[1] + "]"), Double.isFinite(v) ? v : null);
            }
            return new Component(
                    name,
                    spec,
                    rule,
                    Collections.unmodifiableMap(inputs),
                    vote(columns, at, new double[Kind.MOST_READS]));
        }
    }

    private static final String ZONE_RULE =
            "Buy: %K and %D below 20 and %K above %D; sell: both above 80 and %K below %D.";

    private static final List<Definition> OSCILLATORS = List.of(
            new Definition(
                    "RSI (14)", "rsi:14", Kind.LEVEL, 30, 70, "Buy: below 30 and rising; sell: above 70 and falling."),
            new Definition("Stochastic %K (14, 3, 3)", "stochfull:14:3:3", Kind.ZONE, ZONE_RULE),
            new Definition(
                    "CCI (20) of the close",
                    "cci_close:20",
                    Kind.LEVEL,
                    -100,
                    100,
                    "Buy: below −100 and rising; sell: above 100 and falling."),
            new Definition(
                    "ADX (14)",
                    "adx:14",
                    Kind.ADX,
                    "Buy: ADX above 20 and rising, +DI above −DI; sell: ADX above 20 and rising, +DI below −DI."),
            new Definition(
                    "Awesome oscillator (5, 34)",
                    "ao:5:34",
                    Kind.AWESOME,
                    "Buy: crossing above zero (from zero or below), or a saucer above zero (above the previous bar,"
                            + " which was below the one before); sell: crossing below zero, or a saucer below zero."),
            new Definition("Momentum (10)", "mom:10", Kind.DIRECTION, "Buy: rising; sell: falling."),
            new Definition(
                    "MACD (12, 26, 9)",
                    "macd:12:26:9",
                    Kind.LINE_OVER_SIGNAL,
                    "Buy: the line above its signal; sell: below it."),
            new Definition(
                    "Stochastic RSI (14, 14, 3, 3)",
                    "stochrsi:14:14:3:3," + TREND,
                    Kind.AGAINST_TREND,
                    "Buy: a downtrend (the close below its EMA (50)), %K and %D below 20 and %K above %D; sell: an"
                            + " uptrend, both above 80 and %K below %D."),
            new Definition(
                    "Williams %R (14)",
                    "willr:14", Kind.LEVEL, -80, -20, "Buy: below −80 and rising; sell: above −20 and falling."),
            new Definition(
                    "Bull Bear Power (13)",
                    "bbpower:13," + TREND,
                    Kind.POWER,
                    "Buy: an uptrend (the close above its EMA (50)), bear power below zero and rising; sell: a"
                            + " downtrend, bull power above zero and falling."),
            new Definition(
                    "Ultimate oscillator (7, 14, 28)",
                    "ultosc:7:14:28",
                    Kind.THRESHOLD,
                    30,
                    70,
                    "Buy: above 70; sell: below 30."));

    private static final List<Definition> AVERAGES = averages();

    /** Every indicator spec a rating reads, each once, in the order the components first read them. */
    static List<String> specs() {
        return java.util.stream.Stream.concat(OSCILLATORS.stream(), AVERAGES.stream())
                .flatMap(d -> java.util.Arrays.stream(d.spec().split(",")))
                .distinct()
                .toList();
    }

    private static List<Definition> averages() {
        List<Definition> out = new ArrayList<>();
        for (int period : MA_PERIODS) {
            out.add(new Definition("EMA (" + period + ")", "ema:" + period, Kind.AVERAGE, MA_RULE));
            out.add(new Definition("SMA (" + period + ")", "sma:" + period, Kind.AVERAGE, MA_RULE));
        }
        out.add(new Definition(
                "Ichimoku base line (9, 26, 52)",
                "ichimoku:9:26:52",
                Kind.ICHIMOKU,
                "Buy: close above the conversion line, above the base line, above leading span A, above leading"
                        + " span B, the spans as computed 26 bars earlier (the cloud drawn at the bar); sell: each"
                        + " below the next."));
        out.add(new Definition("VWMA (20)", "vwma:20", Kind.AVERAGE, MA_RULE));
        out.add(new Definition("Hull MA (9)", "hma:9", Kind.AVERAGE, MA_RULE));
        return List.copyOf(out);
    }

    /** Every spec list's columns over the bars, each indicator computed once, on first use. */
    private static final class Columns {

        private final BarColumns bars;
        private final Map<String, double[][]> indicators = new java.util.HashMap<>();
        private final Map<String, double[][]> values = new java.util.HashMap<>();
        private final Map<String, List<String>> names = new java.util.HashMap<>();

        Columns(BarColumns bars) {
            this.bars = bars;
        }

        double[] close() {
            return bars.close();
        }

        /** The columns of {@code specs} (one spec or a comma-separated list), one spec's after the other's. */
        double[][] of(String specs) {
            double[][] c = values.get(specs);
            if (c == null) {
                List<double[]> columns = new ArrayList<>();
                List<String> columnNames = new ArrayList<>();
                for (String spec : specs.split(",")) {
                    IndicatorSpec parsed = PARSED.computeIfAbsent(spec, IndicatorCatalog::parse);
                    columns.addAll(List.of(indicators.computeIfAbsent(
                            spec, x -> parsed.compute(bars).values().toArray(new double[0][]))));
                    columnNames.addAll(parsed.columns());
                }
                c = columns.toArray(new double[0][]);
                values.put(specs, c);
                names.put(specs, List.copyOf(columnNames));
            }
            return c;
        }

        List<String> names(String specs) {
            of(specs);
            return names.get(specs);
        }
    }
}
