package io.qnt9.srs.marketdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.qnt9.srs.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Stock Statistics API, contract-compatible with the service this one replaces: high, low, average and last
 * close of a ticker over exactly the requested date range, single, batched and compared. Served from the
 * in-memory columnar series; {@code cache_hit} says whether the series was already in memory.
 */
@RestController
@Tag(name = "Stock statistics", description = "High/low/average/last close over a date range (legacy contract)")
class StatsController {

    static final int MAX_BATCH = 10;
    static final int MAX_COMPARE = 5;

    private final MarketData marketData;

    StatsController(MarketData marketData) {
        this.marketData = marketData;
    }

    @Schema(description = "Requested period; a bound left out is the first/last stored bar")
    record Period(LocalDate start, LocalDate end) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stats(
            String symbol,
            Period period,

            @Schema(description = "Highest daily high in the period", example = "119.75")
            double high,

            @Schema(description = "Lowest daily low in the period", example = "70.507141")
            double low,

            @JsonProperty("average_close") @Schema(example = "92.264531")
            double averageClose,

            @JsonProperty("last_close") @Schema(example = "110.379997")
            double lastClose,

            @JsonProperty("first_close") double firstClose,

            @JsonProperty("change_percent") @Schema(description = "last_close / first_close − 1, in %")
            double changePercent,

            @JsonProperty("trading_days") int tradingDays,

            @JsonProperty("cache_hit") @Schema(description = "true when the series was served from memory")
            boolean cacheHit,

            @JsonProperty("range_percent") @Schema(description = "(high − low) / low, in % (compare only)")
            Double rangePercent) {}

    @GetMapping({"/api/stats", "/api/v1/stats"})
    @Operation(
            operationId = "getStats",
            summary = "Statistics of one ticker over a date range",
            description = "400 for a malformed or impossible date or start after end; 404 for an unknown ticker or"
                    + " no data in the range.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The statistics over the range"),
                @ApiResponse(
                        responseCode = "404",
                        description =
                                "No instrument with this ticker (unknown-instrument), or no bars in the range (no-data-in-range)")
            })
    Stats stats(
            @Parameter(example = "AAPL") @RequestParam String ticker,
            @Parameter(example = "2014-01-01") @RequestParam(required = false) LocalDate start,
            @Parameter(example = "2014-12-31") @RequestParam(required = false) LocalDate end) {
        checkRange(start, end);
        return compute(symbolParameter(ticker, "ticker"), "ticker", start, end, false)
                .stats();
    }

    record BatchRequest(
            @Schema(example = "[\"AAPL\", \"MSFT\"]") List<String> tickers,
            @Schema(example = "2014-01-01") LocalDate start,
            @Schema(example = "2014-12-31") LocalDate end) {}

    record BatchResponse(Map<String, Object> items, int count, Period period) {}

    @PostMapping({"/api/stats/batch", "/api/v1/stats/batch"})
    @Operation(
            operationId = "getStatsBatch",
            summary = "Statistics of up to 10 tickers",
            description = "One result per ticker (upper-cased, duplicates merged); a ticker that fails gets an"
                    + " 'error' and 'status' instead of failing the batch.")
    BatchResponse batch(@RequestBody BatchRequest request) {
        if (request.tickers() == null || request.tickers().isEmpty()) {
            throw invalid("tickers", "Give at least one ticker in 'tickers'.");
        }
        if (request.tickers().size() > MAX_BATCH) {
            throw invalid(
                    "tickers",
                    "At most " + MAX_BATCH + " tickers per batch; got "
                            + request.tickers().size() + ".");
        }
        checkRange(request.start(), request.end());
        Map<String, Object> items = new LinkedHashMap<>();
        for (String raw : request.tickers()) {
            String key = raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT);
            if (items.containsKey(key)) {
                continue;
            }
            try {
                items.put(
                        key,
                        compute(symbolParameter(raw, "tickers"), "tickers", request.start(), request.end(), false)
                                .stats());
            } catch (ApiException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("symbol", key);
                error.put("status", e.getStatusCode().value());
                error.put("error", e.getBody().getDetail());
                items.put(key, error);
            }
        }
        return new BatchResponse(items, items.size(), new Period(request.start(), request.end()));
    }

    record CompareResponse(
            Period period,
            Map<String, Stats> items,

            @JsonProperty("top_symbol") @Schema(description = "The ticker with the widest range_percent")
            String topSymbol,

            @JsonProperty("top_by") String topBy,

            @Schema(
                    description = "Set when the tickers' bars cover different periods, which their figures then"
                            + " compare; null otherwise")
            String notice) {}

    @GetMapping({"/api/compare", "/api/v1/compare"})
    @Operation(
            operationId = "compareStocks",
            summary = "Compare up to 5 tickers over a date range",
            description = "Per-ticker statistics plus range_percent ((high − low) / low × 100); top_symbol is the"
                    + " ticker with the widest range.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Each ticker's statistics and the top one"),
                @ApiResponse(
                        responseCode = "404",
                        description =
                                "One of the tickers is not a known instrument (unknown-instrument), or has no bars in the range (no-data-in-range)")
            })
    CompareResponse compare(
            @Parameter(example = "AAPL,MSFT") @RequestParam String tickers,
            @RequestParam(required = false) LocalDate start,
            @RequestParam(required = false) LocalDate end) {
        checkRange(start, end);
        Set<String> symbols = new LinkedHashSet<>();
        for (String raw : tickers.split(",")) {
            if (!raw.isBlank()) {
                symbols.add(symbolParameter(raw, "tickers"));
            }
        }
        if (symbols.isEmpty()) {
            throw invalid("tickers", "Give one to " + MAX_COMPARE + " comma-separated tickers.");
        }
        if (symbols.size() > MAX_COMPARE) {
            throw invalid(
                    "tickers", "At most " + MAX_COMPARE + " tickers can be compared; got " + symbols.size() + ".");
        }
        Map<String, Stats> items = new LinkedHashMap<>();
        Set<String> periods = new LinkedHashSet<>();
        StringBuilder coverage = new StringBuilder();
        String top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (String s : symbols) {
            Computed c = compute(s, "tickers", start, end, true);
            items.put(s, c.stats());
            String period = c.first() + " to " + c.last();
            periods.add(period);
            coverage.append(coverage.isEmpty() ? "" : ", ")
                    .append(s)
                    .append(' ')
                    .append(period);
            if (c.stats().rangePercent() > best) {
                best = c.stats().rangePercent();
                top = s;
            }
        }
        String notice = periods.size() < 2
                ? null
                : "The tickers' bars cover different periods (" + coverage + "): their figures compare unlike"
                        + " periods; pass start and end within all of them to compare like for like.";
        return new CompareResponse(new Period(start, end), items, top, "range_percent", notice);
    }

    /** A ticker's statistics and the dates of the first and last bar they were computed from. */
    private record Computed(Stats stats, LocalDate first, LocalDate last) {}

    private Computed compute(String symbol, String parameter, LocalDate start, LocalDate end, boolean withRange) {
        MarketData.SeriesRead read = marketData.read(symbol);
        if (read == null) {
            throw new UnknownInstrumentException(symbol, parameter);
        }
        DailySeries s = read.series();
        int from = start == null ? 0 : s.firstIndexOnOrAfter(start);
        int to = end == null ? s.size() - 1 : s.lastIndexOnOrBefore(end);
        if (s.isEmpty() || from > to) {
            throw new ApiException(
                            HttpStatus.NOT_FOUND,
                            "no-data-in-range",
                            "No data in range",
                            symbol + " has no bars between " + (start == null ? "its first bar" : start) + " and "
                                    + (end == null ? "its last bar" : end) + "; stored: " + s.coverage() + ".")
                    .with("parameter", start != null ? "start" : parameter);
        }
        double[] high = s.high();
        double[] low = s.low();
        double[] close = s.close();
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int i = from; i <= to; i++) {
            hi = Math.max(hi, high[i]);
            lo = Math.min(lo, low[i]);
            sum += close[i];
        }
        int n = to - from + 1;
        Stats stats = new Stats(
                s.symbol(),
                new Period(start == null ? s.date(from) : start, end == null ? s.date(to) : end),
                hi,
                lo,
                sum / n,
                close[to],
                close[from],
                (close[to] / close[from] - 1) * 100,
                n,
                read.cacheHit(),
                withRange ? (hi - lo) / lo * 100 : null);
        return new Computed(stats, s.date(from), s.date(to));
    }

    static String symbolParameter(String raw, String parameter) {
        return Symbols.require(raw, parameter);
    }

    static void checkRange(LocalDate start, LocalDate end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("start", "start (" + start + ") must not be after end (" + end + ").");
        }
    }

    static ApiException invalid(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail)
                .with("parameter", parameter);
    }
}
