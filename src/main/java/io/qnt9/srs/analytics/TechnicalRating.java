package io.qnt9.srs.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A technical rating of the last bar, in the manner of TradingView's "Technical Ratings" (the gauges that {@code
 * tradingview-ta} reads from TradingView's servers), computed here from the catalogue's indicators with every rule
 * stated. Each of 25 components votes buy (+1), neutral (0) or sell (−1); a group's rating is the mean of its votes
 * ({@code (buy − sell) / voters}, in [−1, 1]); the overall rating is the mean of the two groups' ratings.
 *
 * <p><b>Moving averages</b> (15): EMA and SMA of 10, 20, 30, 50, 100 and 200 bars, VWMA(20) and Hull(9) — buy when
 * the average is below the close, sell when above; Ichimoku(9, 26, 52) — buy when close &gt; conversion line &gt;
 * base line &gt; leading span A &gt; leading span B (the cloud as plotted at the bar), sell in the reverse order.
 *
 * <p><b>Oscillators</b> (10), "rising" and "falling" against the previous bar: RSI(14) buy below 30 and rising, sell
 * above 70 and falling; fast Stochastic(14, 3) buy when %K and %D are below 20 and %K crosses above %D (below it on
 * the previous bar), sell when both are above 80 and %K crosses below; CCI(20) buy below −100 and rising, sell above
 * 100 and falling; ADX(14) buy when ADX &gt; 20 and +DI crosses above −DI, sell when it crosses below; Awesome
 * oscillator(5, 34) buy when it crosses above zero or makes a "saucer" above zero (positive, above the previous bar,
 * which was below the one before), sell in mirror image; Momentum(10) buy rising, sell falling; MACD(12, 26, 9) buy
 * when the line is above its signal, sell when below. These follow TradingView's published rules. Three are this
 * service's own (TradingView computes them on its servers without stating the rule): Stochastic RSI(14, 14, 3, 3) as
 * the Stochastic; Williams %R(14) buy below −80 and rising, sell above −20 and falling; Ultimate oscillator(7, 14,
 * 28) buy below 30 and rising, sell above 70 and falling. TradingView's eleventh oscillator, Bull Bear Power, is not in
 * the catalogue and not used.
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
    /** The 25 specs a rating reads, parsed once (parsing them on every rating cost a fifth of it). */
    private static final Map<String, IndicatorSpec> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    static final String MA_RULE = "Buy: the average below the close; sell: above it.";
    static final String CROSS_RULE =
            "Buy: %K and %D below 20 and %K crossing above %D; sell: both above 80 and %K" + " crossing below %D.";

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
        Inputs in = new Inputs(bars);
        List<Component> oscillators = List.of(
                in.level("RSI (14)", "rsi:14", 30, 70, "Buy: below 30 and rising; sell: above 70 and falling."),
                in.crossing("Stochastic %K (14, 3)", "stoch:14:3"),
                in.level("CCI (20)", "cci:20", -100, 100, "Buy: below −100 and rising; sell: above 100 and falling."),
                in.adx(),
                in.awesome(),
                in.momentum(),
                in.macd(),
                in.crossing("Stochastic RSI (14, 14, 3, 3)", "stochrsi:14:14:3:3"),
                in.level(
                        "Williams %R (14)",
                        "willr:14", -80, -20, "Buy: below −80 and rising; sell: above −20 and falling."),
                in.level(
                        "Ultimate oscillator (7, 14, 28)",
                        "ultosc:7:14:28",
                        30,
                        70,
                        "Buy: below 30 and rising; sell: above 70 and falling."));
        List<Component> averages = new ArrayList<>();
        for (int period : MA_PERIODS) {
            averages.add(in.average("EMA (" + period + ")", "ema:" + period));
            averages.add(in.average("SMA (" + period + ")", "sma:" + period));
        }
        averages.add(in.ichimoku());
        averages.add(in.average("VWMA (20)", "vwma:20"));
        averages.add(in.average("Hull MA (9)", "hma:9"));
        Group osc = Group.of(oscillators);
        Group ma = Group.of(averages);
        Double rating; // not a conditional expression: mixing Double and double there unboxes a null
        if (osc.rating() == null) {
            rating = ma.rating();
        } else if (ma.rating() == null) {
            rating = osc.rating();
        } else {
            rating = (osc.rating() + ma.rating()) / 2;
        }
        return new Rating(
                rating,
                rating == null ? null : Verdict.of(rating),
                osc.buy() + ma.buy(),
                osc.neutral() + ma.neutral(),
                osc.sell() + ma.sell(),
                osc,
                ma);
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

    /** Stochastic and Stochastic RSI: a crossing of %K over %D with both below 20, or under it with both above 80. */
    static Signal crossing(double k, double d, double previousK, double previousD) {
        return vote(
                below(k, 20) && below(d, 20) && above(k, d) && below(previousK, previousD),
                above(k, 80) && above(d, 80) && below(k, d) && above(previousK, previousD));
    }

    /** ADX above 20 and +DI crossing above −DI (buy) or below it (sell). */
    static Signal adx(double adx, double plusDi, double minusDi, double previousPlusDi, double previousMinusDi) {
        boolean trend = above(adx, 20);
        return vote(
                trend && below(previousPlusDi, previousMinusDi) && above(plusDi, minusDi),
                trend && above(previousPlusDi, previousMinusDi) && below(plusDi, minusDi));
    }

    /** Awesome oscillator: a zero-line cross, or a saucer on its side of zero. */
    static Signal awesome(double ao, double previous, double beforeThat) {
        boolean saucerUp = above(ao, 0) && above(previous, 0) && above(ao, previous) && above(beforeThat, previous);
        boolean saucerDown = below(ao, 0) && below(previous, 0) && below(ao, previous) && below(beforeThat, previous);
        return vote(
                (above(ao, 0) && below(previous, 0)) || saucerUp, (below(ao, 0) && above(previous, 0)) || saucerDown);
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

    /** The indicator values at the last bar and the bars before it, and the components built from them. */
    private static final class Inputs {

        private final BarColumns bars;
        private final int last;

        Inputs(BarColumns bars) {
            this.bars = bars;
            this.last = bars.size() - 1;
        }

        /** The columns of {@code spec}, in the catalogue's order. */
        private List<Map.Entry<String, double[]>> columns(String spec) {
            return List.copyOf(PARSED.computeIfAbsent(spec, IndicatorCatalog::parse)
                    .compute(bars)
                    .entrySet());
        }

        /** Records {@code column[last − back]} under its name (with {@code [back]}); NaN when out of range. */
        private static double read(Map<String, Double> inputs, Map.Entry<String, double[]> column, int back) {
            double[] values = column.getValue();
            int i = values.length - 1 - back;
            double v = i >= 0 ? values[i] : Double.NaN;
            inputs.put(column.getKey() + (back == 0 ? "" : "[" + back + "]"), Double.isFinite(v) ? v : null);
            return v;
        }

        private double close(Map<String, Double> inputs) {
            double c = bars.close()[last];
            inputs.put("close", c);
            return c;
        }

        private static Component component(
                String name, String spec, String rule, Map<String, Double> inputs, Signal signal) {
            boolean defined = !inputs.containsValue(null);
            return new Component(name, spec, rule, Collections.unmodifiableMap(inputs), defined ? signal : null);
        }

        Component average(String name, String spec) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            double average = read(inputs, columns(spec).get(0), 0);
            double close = close(inputs);
            return component(name, spec, MA_RULE, inputs, TechnicalRating.average(average, close));
        }

        Component level(String name, String spec, double low, double high, String rule) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            Map.Entry<String, double[]> column = columns(spec).get(0);
            double value = read(inputs, column, 0);
            double previous = read(inputs, column, 1);
            return component(name, spec, rule, inputs, TechnicalRating.level(value, previous, low, high));
        }

        Component crossing(String name, String spec) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            List<Map.Entry<String, double[]>> kd = columns(spec);
            double k = read(inputs, kd.get(0), 0);
            double d = read(inputs, kd.get(1), 0);
            double k1 = read(inputs, kd.get(0), 1);
            double d1 = read(inputs, kd.get(1), 1);
            return component(name, spec, CROSS_RULE, inputs, TechnicalRating.crossing(k, d, k1, d1));
        }

        Component adx() {
            Map<String, Double> inputs = new LinkedHashMap<>();
            List<Map.Entry<String, double[]>> c = columns("adx:14");
            double adx = read(inputs, c.get(0), 0);
            double plus = read(inputs, c.get(1), 0);
            double minus = read(inputs, c.get(2), 0);
            double plus1 = read(inputs, c.get(1), 1);
            double minus1 = read(inputs, c.get(2), 1);
            return component(
                    "ADX (14)",
                    "adx:14",
                    "Buy: ADX above 20 and +DI crossing above −DI; sell: ADX above 20 and +DI crossing below −DI.",
                    inputs,
                    TechnicalRating.adx(adx, plus, minus, plus1, minus1));
        }

        Component awesome() {
            Map<String, Double> inputs = new LinkedHashMap<>();
            Map.Entry<String, double[]> c = columns("ao:5:34").get(0);
            double ao = read(inputs, c, 0);
            double ao1 = read(inputs, c, 1);
            double ao2 = read(inputs, c, 2);
            return component(
                    "Awesome oscillator (5, 34)",
                    "ao:5:34",
                    "Buy: crossing above zero, or a saucer above zero (above the previous bar, which was below the one"
                            + " before); sell: crossing below zero, or a saucer below zero.",
                    inputs,
                    TechnicalRating.awesome(ao, ao1, ao2));
        }

        Component momentum() {
            Map<String, Double> inputs = new LinkedHashMap<>();
            Map.Entry<String, double[]> c = columns("mom:10").get(0);
            double mom = read(inputs, c, 0);
            double mom1 = read(inputs, c, 1);
            return component("Momentum (10)", "mom:10", "Buy: rising; sell: falling.", inputs, direction(mom, mom1));
        }

        Component macd() {
            Map<String, Double> inputs = new LinkedHashMap<>();
            List<Map.Entry<String, double[]>> c = columns("macd:12:26:9");
            double line = read(inputs, c.get(0), 0);
            double signal = read(inputs, c.get(1), 0);
            return component(
                    "MACD (12, 26, 9)",
                    "macd:12:26:9",
                    "Buy: the line above its signal; sell: below it.",
                    inputs,
                    direction(line, signal)); // "rising" from the signal to the line: the line above it
        }

        Component ichimoku() {
            Map<String, Double> inputs = new LinkedHashMap<>();
            double close = close(inputs);
            List<Map.Entry<String, double[]>> c = columns("ichimoku:9:26:52");
            double conversion = read(inputs, c.get(0), 0);
            double base = read(inputs, c.get(1), 0);
            double spanA = read(inputs, c.get(2), 0);
            double spanB = read(inputs, c.get(3), 0);
            return component(
                    "Ichimoku base line (9, 26, 52)",
                    "ichimoku:9:26:52",
                    "Buy: close above the conversion line, above the base line, above leading span A, above leading"
                            + " span B; sell: each below the next.",
                    inputs,
                    TechnicalRating.ichimoku(close, conversion, base, spanA, spanB));
        }
    }
}
