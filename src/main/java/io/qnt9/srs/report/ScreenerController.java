package io.qnt9.srs.report;

import io.qnt9.srs.analytics.BarColumns;
import io.qnt9.srs.analytics.IndicatorSpec;
import io.qnt9.srs.analytics.TechnicalRating;
import io.qnt9.srs.marketdata.BarInterval;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InstrumentKind;
import io.qnt9.srs.marketdata.InstrumentListing;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.report.IndicatorController.Prices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The screener: which instruments meet every condition at their last bar (or at {@code asOf}) — e.g.
 * {@code where=rsi_14<30&where=close>sma_200}. Each instrument's indicators are computed over its whole history up
 * to that bar, exactly as {@code /api/v1/instruments/{symbol}/indicators} computes them, so a value here is the last
 * value there; a technical rating ({@code tech_rating>0.5}) is {@code /technicals}' rating of that bar on the
 * screener's prices and interval (weekly or monthly bars as {@code /indicators?interval=} builds them). A rating is
 * computed only for an instrument that meets every other condition.
 */
@RestController
@Tag(name = "Indicators", description = "Technical indicators (TA-Lib conventions)")
class ScreenerController {

    static final int MAX_CONDITIONS = 10;

    private final MarketData marketData;

    ScreenerController(MarketData marketData) {
        this.marketData = marketData;
    }

    @Schema(name = "ScreenerMatch")
    record Match(
            String symbol,
            String name,
            InstrumentKind kind,
            String sector,

            @Schema(description = "The bar the conditions were checked on")
            LocalDate date,

            @Schema(description = "Every column the conditions name, at that bar")
            Map<String, Double> values) {}

    record ScreenResponse(
            @Schema(description = "The conditions, with canonical column names")
            List<String> conditions,

            Prices prices,

            @Schema(description = "The bars the conditions were checked on; weekly and monthly ones end at asOf")
            BarInterval interval,

            LocalDate asOf,

            @Schema(description = "Instruments checked (after the kind and sector filters)")
            int screened,

            int count,
            List<Match> items,

            @Schema(description = "Instruments left out because they have too little history for a column")
            List<String> insufficientHistory) {}

    @GetMapping("/api/v1/screener")
    @Operation(
            operationId = "screen",
            summary = "Instruments that meet every condition at their last bar",
            description = "where (repeat up to 10 times): left<right, <=, > or >=, or left crosses_above right / left"
                    + " crosses_below right (on that bar and not the one before), where each side is a number, a bar"
                    + " field (open, high, low, close, volume) or an indicator column as the indicator API names it"
                    + " (rsi_14, sma_200, macd_hist_12_26_9, bb_lower_20_2, obv; see /api/v1/indicators), or a"
                    + " technical rating, −1 … +1, as /technicals rates the bar on these prices: tech_rating,"
                    + " tech_rating_oscillators, tech_rating_ma (tech_rating>0.5: a strong buy). asOf:"
                    + " check each instrument's last bar on or before that date instead. sort: a column the"
                    + " conditions name, or symbol (default).")
    ScreenResponse screen(
            @Parameter(description = "A condition, e.g. rsi_14<30 or close>sma_200", example = "rsi_14<70")
                    @RequestParam
                    List<String> where,
            @RequestParam(required = false) InstrumentKind kind,
            @RequestParam(required = false) String sector,
            @Parameter(example = "2016-06-30") @RequestParam(required = false) LocalDate asOf,
            @RequestParam(defaultValue = "quoted") Prices prices,
            @Parameter(
                            description = "daily (default), or weekly or monthly bars built from the daily ones (on"
                                    + " adjusted prices from adjusted days): rsi_14<30 on weekly bars is the weekly"
                                    + " RSI; the last bar is the week or month in progress up to asOf")
                    @RequestParam(defaultValue = "daily")
                    BarInterval interval,
            @Parameter(example = "rsi_14") @RequestParam(defaultValue = "symbol") String sort,
            @Parameter(description = "asc | desc") @RequestParam(defaultValue = "asc") String direction) {
        List<ScreenCondition> conditions = ScreenCondition.parseAll(where, "where", 1, MAX_CONDITIONS);
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        LinkedHashSet<IndicatorSpec> specs = new LinkedHashSet<>();
        for (ScreenCondition c : conditions) {
            for (ScreenCondition.Operand o : List.of(c.left(), c.right())) {
                if (!o.isNumber()) {
                    columns.add(o.column());
                }
                if (o.spec() != null) {
                    specs.add(o.spec());
                }
            }
        }
        String sortKey = ScreenCondition.column(sort);
        if (!sortKey.equals("symbol") && !columns.contains(sortKey)) {
            throw IndicatorController.invalid(
                    "sort",
                    "sort must be symbol or a column the conditions name (" + String.join(", ", columns) + "), got '"
                            + sort + "'.");
        }
        boolean descending = switch (direction.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default ->
                throw IndicatorController.invalid(
                        "direction", "direction must be asc or desc, got '" + direction + "'.");
        };
        List<String> plain = new ArrayList<>(columns);
        plain.removeAll(ScreenCondition.RATINGS);
        List<String> rated = new ArrayList<>(columns);
        rated.retainAll(ScreenCondition.RATINGS);
        boolean crossing = conditions.stream().anyMatch(ScreenCondition::crossing);
        // the rating of the bar before is one more rating: only a crossing of a rating reads it
        boolean crossingRating = conditions.stream().anyMatch(c -> c.crossing() && c.namesRating());
        int screened = 0;
        List<Match> items = new ArrayList<>();
        List<String> insufficient = new ArrayList<>();
        for (InstrumentListing listing : marketData.instruments()) {
            var instrument = listing.instrument();
            if ((kind != null && kind != instrument.kind())
                    || (sector != null && !sector.isBlank() && !sector.strip().equalsIgnoreCase(instrument.sector()))) {
                continue;
            }
            DailySeries s = marketData.series(instrument.symbol()).orElse(null);
            if (s != null && asOf != null) {
                s = s.asOf(asOf);
            }
            if (s == null || s.isEmpty()) {
                continue;
            }
            s = IndicatorController.inInterval(s, prices, interval);
            screened++;
            BarColumns bars = IndicatorController.bars(s, prices, interval);
            int last = s.size() - 1;
            Map<String, double[]> computed = computed(s, bars, specs, plain.contains("volume"));
            Map<String, Double> values = valuesAt(computed, plain, last);
            // a crossing compares with the bar before: without a value there, the instrument cannot be judged
            Map<String, Double> previous = crossing ? valuesAt(computed, plain, last - 1) : values;
            if (previous == null) {
                values = null;
            }
            if (values != null && !rated.isEmpty()) {
                // the other conditions first: a rating costs 26 indicators over the whole history
                if (!holds(conditions, values, previous, false)) {
                    continue;
                }
                values = withRatings(values, TechnicalRating.rate(bars), columns);
                if (!crossing) {
                    previous = values;
                } else if (crossingRating && values != null) {
                    previous = withRatings(previous, TechnicalRating.rate(head(bars, last)), columns);
                }
                if (previous == null) {
                    values = null;
                }
            }
            if (values == null) {
                insufficient.add(instrument.symbol());
                continue;
            }
            if (holds(conditions, values, previous, true)) {
                items.add(new Match(
                        instrument.symbol(),
                        instrument.name(),
                        instrument.kind(),
                        instrument.sector(),
                        s.lastDate().orElseThrow(),
                        values));
            }
        }
        Comparator<Match> order = sortKey.equals("symbol")
                ? Comparator.comparing(Match::symbol)
                : Comparator.comparingDouble((Match m) -> m.values().get(sortKey))
                        .thenComparing(Match::symbol);
        items.sort(descending ? order.reversed() : order);
        return new ScreenResponse(
                conditions.stream().map(ScreenCondition::canonical).toList(),
                prices,
                interval,
                asOf,
                screened,
                items.size(),
                items,
                insufficient);
    }

    /**
     * Whether every condition holds at the last bar ({@code values}; a crossing also reads {@code previous}, the bar
     * before); without {@code withRatings}, every condition that names no rating.
     */
    private static boolean holds(
            List<ScreenCondition> conditions,
            Map<String, Double> values,
            Map<String, Double> previous,
            boolean withRatings) {
        for (ScreenCondition c : conditions) {
            // only a crossing reads the bar before (whose ratings are known only when a crossing names one)
            if ((withRatings || !c.namesRating())
                    && !c.holds(
                            value(c.left(), values),
                            value(c.right(), values),
                            c.crossing() ? value(c.left(), previous) : Double.NaN,
                            c.crossing() ? value(c.right(), previous) : Double.NaN)) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code n} bars. */
    private static BarColumns head(BarColumns b, int n) {
        return new BarColumns(
                java.util.Arrays.copyOf(b.open(), n),
                java.util.Arrays.copyOf(b.high(), n),
                java.util.Arrays.copyOf(b.low(), n),
                java.util.Arrays.copyOf(b.close(), n),
                java.util.Arrays.copyOf(b.volume(), n));
    }

    /**
     * The values with the named ratings added, in the order the conditions name the columns; null when a named rating
     * has no value (too little history for any of its components).
     */
    private static Map<String, Double> withRatings(
            Map<String, Double> values, TechnicalRating.Rating r, Iterable<String> columns) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String column : columns) {
            Double v = switch (column) {
                case "tech_rating" -> r.rating();
                case "tech_rating_oscillators" -> r.oscillators().rating();
                case "tech_rating_ma" -> r.movingAverages().rating();
                default -> values.get(column);
            };
            if (v == null) {
                return null;
            }
            out.put(column, v);
        }
        return out;
    }

    private static double value(ScreenCondition.Operand o, Map<String, Double> values) {
        return o.isNumber() ? o.number() : values.get(o.column());
    }

    /** Every column the conditions can name over all the bars; null when an indicator has no value at the last bar. */
    private static Map<String, double[]> computed(
            DailySeries s, BarColumns bars, Iterable<IndicatorSpec> specs, boolean volume) {
        for (IndicatorSpec spec : specs) {
            if (spec.warmup() > s.size() - 1) {
                return null;
            }
        }
        return ScreenCondition.columns(s, bars, specs, volume);
    }

    /** The named columns at bar {@code at}; null when one of them has no value there (too little history). */
    private static Map<String, Double> valuesAt(Map<String, double[]> computed, Iterable<String> columns, int at) {
        if (computed == null || at < 0) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String column : columns) {
            double v = computed.get(column)[at];
            if (!Double.isFinite(v)) {
                return null;
            }
            out.put(column, v);
        }
        return out;
    }
}
