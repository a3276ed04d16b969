package io.qnt9.srs.report;

import io.qnt9.srs.analytics.BarColumns;
import io.qnt9.srs.analytics.IndicatorCatalog;
import io.qnt9.srs.analytics.IndicatorDefinition;
import io.qnt9.srs.analytics.IndicatorSpec;
import io.qnt9.srs.analytics.InvalidIndicatorSpecException;
import io.qnt9.srs.marketdata.BarInterval;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InsufficientDataException;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.Symbols;
import io.qnt9.srs.system.ApiException;
import io.qnt9.srs.system.Significant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Technical indicators of an instrument. Every indicator is computed over the whole stored history up to {@code end},
 * and the rows from {@code start} are returned: earlier bars serve as warm-up, so the first returned value is already
 * valid whenever enough history exists, and a value never depends on the {@code start} asked for.
 */
@RestController
@Tag(name = "Indicators", description = "Technical indicators (TA-Lib conventions)")
class IndicatorController {

    static final int MAX_SPECS = 20;

    private final MarketData marketData;

    IndicatorController(MarketData marketData) {
        this.marketData = marketData;
    }

    @GetMapping("/api/v1/indicators")
    @Operation(
            operationId = "listIndicators",
            summary = "The indicators the API computes, with parameters, defaults and ranges")
    List<IndicatorDefinition> catalog() {
        return IndicatorCatalog.definitions();
    }

    /**
     * Which prices the indicators read. QUOTED: open, high, low and close as stored (split-adjusted in the usual
     * sources, not dividend-adjusted), as TA-Lib and the usual charts see them. ADJUSTED: each bar's open, high, low
     * and close multiplied by its adjustment factor {@code adjClose / close} (the source's adjustment for dividends and
     * splits, where it has one: provider bars are split-adjusted in their close and their adjusted close is their
     * close), the prices the
     * statistics, the report's key indicators and the recommendation use; volume as stored.
     */
    enum Prices {
        QUOTED,
        ADJUSTED
    }

    record IndicatorResponse(
            String symbol,
            LocalDate start,
            LocalDate end,
            int count,
            Prices prices,

            @Schema(
                    description = "The bars the indicators were computed on; weekly and monthly ones are dated by their"
                            + " last trading day")
            BarInterval interval,

            List<String> specs,
            Map<String, Integer> warmup,
            String notice,
            List<LocalDate> dates,
            Map<String, List<Double>> columns) {}

    private static final String INTERVAL = "daily (default), or weekly or monthly bars built from the daily ones";

    /** "daily", "weekly" or "monthly", for messages. */
    static String unit(BarInterval interval) {
        return interval.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final String PRICES = "quoted (default): the bars as stored, as TA-Lib and most charts read them;"
            + " adjusted: open, high, low and close scaled by adjClose / close (the source's adjustment for dividends"
            + " and splits, where it has one), as the"
            + " report's key indicators and the recommendation";

    /** The computed table, before it is written as JSON or CSV. */
    private record Table(
            String symbol,
            Prices prices,
            BarInterval interval,
            List<String> specs,
            Map<String, Integer> warmup,
            String notice,
            int[] epochDays,
            int from,
            int to,
            Map<String, double[]> columns) {}

    @GetMapping(value = "/api/v1/instruments/{symbol}/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getIndicators",
            summary = "Indicator columns over a date range (JSON; Accept: text/csv for CSV)",
            description = "names: comma-separated specs such as sma:50,ema:20,rsi:14,macd:12:26:9,bbands:20:2 (see"
                    + " /api/v1/indicators). Without start, rows begin where every requested indicator is valid."
                    + " prices=quoted (default) reads the bars as stored, prices=adjusted the prices scaled by"
                    + " adjClose / close that the report and the recommendation use. interval=weekly or monthly"
                    + " computes them on bars built from the daily ones (ISO weeks, calendar months; dated by their"
                    + " last trading day; on adjusted prices from adjusted days), periods counted in those bars"
                    + " (rsi:14 on weekly bars: 14 weeks).",
            responses = {
                @ApiResponse(
                        responseCode = "422",
                        description = "Too little history for an indicator (insufficient-data)")
            })
    IndicatorResponse indicators(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(example = "sma:50,ema:20,rsi:14,macd:12:26:9,bbands:20:2") @RequestParam String names,
            @Parameter(example = "2017-01-01") @RequestParam(required = false) LocalDate start,
            @Parameter(example = "2017-12-31") @RequestParam(required = false) LocalDate end,
            @Parameter(description = PRICES) @RequestParam(defaultValue = "quoted") Prices prices,
            @Parameter(description = INTERVAL) @RequestParam(defaultValue = "daily") BarInterval interval) {
        Table t = compute(symbol, names, start, end, prices, interval);
        List<LocalDate> dates = new ArrayList<>(t.to() - t.from());
        for (int i = t.from(); i < t.to(); i++) {
            dates.add(LocalDate.ofEpochDay(t.epochDays()[i]));
        }
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        t.columns().forEach((name, values) -> cols.put(name, Columns.nullable(values, t.from(), t.to())));
        return new IndicatorResponse(
                t.symbol(),
                dates.isEmpty() ? null : dates.get(0),
                dates.isEmpty() ? null : dates.get(dates.size() - 1),
                dates.size(),
                t.prices(),
                t.interval(),
                t.specs(),
                t.warmup(),
                t.notice(),
                dates,
                cols);
    }

    @GetMapping(value = "/api/v1/instruments/{symbol}/indicators", produces = "text/csv")
    ResponseEntity<String> indicatorsCsv(
            @PathVariable String symbol,
            @RequestParam String names,
            @RequestParam(required = false) LocalDate start,
            @RequestParam(required = false) LocalDate end,
            @RequestParam(defaultValue = "quoted") Prices prices,
            @RequestParam(defaultValue = "daily") BarInterval interval) {
        Table t = compute(symbol, names, start, end, prices, interval);
        StringBuilder csv = new StringBuilder("date");
        t.columns().keySet().forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (int i = t.from(); i < t.to(); i++) {
            csv.append(LocalDate.ofEpochDay(t.epochDays()[i]));
            for (double[] col : t.columns().values()) {
                csv.append(',');
                if (Double.isFinite(col[i])) {
                    csv.append(Significant.round(col[i]));
                }
            }
            csv.append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + t.symbol() + "-indicators.csv\"")
                .body(csv.toString());
    }

    private Table compute(
            String symbol, String names, LocalDate start, LocalDate end, Prices prices, BarInterval interval) {
        checkRange(start, end);
        List<IndicatorSpec> specs = parse(names);
        DailySeries daily = marketData.requireSeries(Symbols.require(symbol, "symbol"), "symbol");
        DailySeries s = inIntervalUpTo(daily, prices, interval, end);
        int to = end == null ? s.size() : s.lastIndexOnOrBefore(end) + 1;
        int warm = specs.stream().mapToInt(IndicatorSpec::warmup).max().orElse(0);
        if (to <= warm) {
            IndicatorSpec hungriest = specs.stream()
                    .max(java.util.Comparator.comparingInt(IndicatorSpec::warmup))
                    .orElseThrow();
            throw new InsufficientDataException(
                    hungriest.canonical() + " needs at least " + (warm + 1) + " " + unit(interval) + " bars; "
                            + s.symbol() + " has "
                            + Math.max(0, to) + (end == null ? "" : " up to " + end) + ".",
                    warm + 1,
                    Math.max(0, to));
        }
        int from = start == null ? warm : s.firstIndexOnOrAfter(start);
        from = Math.min(from, to);
        String notice;
        if (from == to) {
            notice = "No rows: " + s.symbol() + " has no bars between " + start + " and "
                    + (end == null ? "its last bar" : end) + " (stored: " + s.coverage() + ").";
        } else if (start != null && from < warm) {
            notice = "The first " + (warm - from) + " rows have no value for every indicator: " + s.symbol()
                    + " has no earlier history to warm them up.";
        } else {
            notice = null;
        }
        DailySeries known = to == s.size() ? s : s.slice(0, to);
        BarColumns bars = bars(known, prices, interval);
        Map<String, double[]> columns = new LinkedHashMap<>();
        Map<String, Integer> warmup = new LinkedHashMap<>();
        List<String> canonical = new ArrayList<>();
        for (IndicatorSpec spec : specs) {
            columns.putAll(spec.compute(bars));
            warmup.put(spec.canonical(), spec.warmup());
            canonical.add(spec.canonical());
        }
        return new Table(s.symbol(), prices, interval, canonical, warmup, notice, known.epochDays(), from, to, columns);
    }

    /**
     * The bars of {@code interval} built from the daily ones on {@code prices}: for weekly or monthly bars on adjusted
     * prices, the adjusted daily bars are aggregated (so a week's high over a split or ex-dividend day is not a
     * pre-split high scaled by the post-split factor), and the result's prices are the adjusted ones — read it with
     * {@link Prices#QUOTED} ({@link #bars(DailySeries, Prices, BarInterval)}).
     */
    static DailySeries inInterval(DailySeries s, Prices prices, BarInterval interval) {
        return interval == BarInterval.DAILY || prices == Prices.QUOTED
                ? interval.aggregate(s)
                : interval.aggregate(adjustedSeries(s));
    }

    /**
     * {@link #inInterval} of the days up to {@code end} (all of them when null), so that a weekly or monthly last bar
     * is the week or month in progress at {@code end}; the daily series itself, whole, for DAILY (callers cut daily
     * bars at {@code end} themselves).
     */
    static DailySeries inIntervalUpTo(DailySeries s, Prices prices, BarInterval interval, LocalDate end) {
        return interval == BarInterval.DAILY ? s : inInterval(end == null ? s : s.asOf(end), prices, interval);
    }

    /** The price columns of bars {@link #inInterval} built: weekly and monthly ones carry their prices already. */
    static BarColumns bars(DailySeries s, Prices prices, BarInterval interval) {
        return bars(s, interval == BarInterval.DAILY ? prices : Prices.QUOTED);
    }

    /** The bars of a series as the indicators read them with {@code prices}. */
    static BarColumns bars(DailySeries s, Prices prices) {
        return prices == Prices.ADJUSTED
                ? adjusted(s)
                : new BarColumns(s.open(), s.high(), s.low(), s.close(), s.volume());
    }

    /**
     * The daily bars on adjusted prices, as a series of their own: a weekly or monthly bar is then built from bars on
     * one footing (its high over a split or ex-dividend day is not a pre-split high scaled by the post-split factor).
     */
    private static DailySeries adjustedSeries(DailySeries s) {
        BarColumns b = bars(s, Prices.ADJUSTED);
        int[] days = s.epochDays();
        double[] open = b.open();
        double[] high = b.high();
        double[] low = b.low();
        double[] close = b.close();
        long[] volume = b.volume();
        DailySeries.Builder out = new DailySeries.Builder(s.symbol(), days.length);
        for (int i = 0; i < days.length; i++) {
            out.add(days[i], open[i], high[i], low[i], close[i], close[i], volume[i]);
        }
        return out.build();
    }

    /** Open, high, low and close times each bar's adjustment factor; the close becomes the adjusted close. */
    private static BarColumns adjusted(DailySeries s) {
        int n = s.size();
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] adj = s.adjClose();
        for (int i = 0; i < n; i++) {
            double f = adj[i] / s.close()[i];
            open[i] = s.open()[i] * f;
            high[i] = s.high()[i] * f;
            low[i] = s.low()[i] * f;
        }
        return new BarColumns(open, high, low, adj, s.volume());
    }

    static List<IndicatorSpec> parse(String names) {
        if (names == null || names.isBlank()) {
            throw noIndicator();
        }
        LinkedHashSet<IndicatorSpec> specs = new LinkedHashSet<>();
        for (String part : names.split(",")) {
            try {
                specs.add(IndicatorCatalog.parse(part));
            } catch (InvalidIndicatorSpecException e) {
                throw new ApiException(
                                HttpStatus.BAD_REQUEST,
                                "invalid-indicator",
                                "Invalid indicator",
                                "'" + e.spec() + "': " + e.getMessage() + ".")
                        .with("parameter", "names")
                        .with("spec", e.spec())
                        .with("validNames", IndicatorCatalog.names());
            }
        }
        if (specs.isEmpty()) {
            throw noIndicator(); // "," alone: split() drops trailing empty strings
        }
        if (specs.size() > MAX_SPECS) {
            throw invalid("names", "At most " + MAX_SPECS + " indicators per request; got " + specs.size() + ".");
        }
        return List.copyOf(specs);
    }

    private static ApiException noIndicator() {
        return invalid(
                "names",
                "Name at least one indicator, e.g. names=sma:50,rsi:14; valid names: " + IndicatorCatalog.names()
                        + ".");
    }

    /** 400 when both bounds are given and {@code start} is after {@code end}. */
    static void checkRange(LocalDate start, LocalDate end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("start", "start (" + start + ") must not be after end (" + end + ").");
        }
    }

    /** 400 unless the annual risk-free rate is between −5 % and 20 %. */
    static void checkRiskFreeRate(double riskFreeRate) {
        if (!(riskFreeRate >= -0.05 && riskFreeRate <= 0.20)) {
            throw invalid(
                    "riskFreeRate",
                    "riskFreeRate is an annual fraction between -0.05 and 0.20 (0.02 = 2 %); got " + riskFreeRate
                            + ".");
        }
    }

    static ApiException invalid(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail)
                .with("parameter", parameter);
    }
}
