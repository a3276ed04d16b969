package io.qnt9.srs.recommendation;

import io.qnt9.srs.analytics.Backtest;
import io.qnt9.srs.marketdata.InstrumentKind;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.Symbols;
import io.qnt9.srs.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recommendation of one instrument, its backtested track record, and the ranked universe. */
@RestController
@Tag(name = "Recommendations", description = "Explained BUY/SELL recommendations with a backtested track record")
class RecommendationController {

    static final int MAX_PAGE_SIZE = 200;

    private final Recommendations recommendations;
    private final MarketData marketData;

    RecommendationController(Recommendations recommendations, MarketData marketData) {
        this.recommendations = recommendations;
        this.marketData = marketData;
    }

    @GetMapping("/api/v1/instruments/{symbol}/recommendation")
    @Operation(
            operationId = "getRecommendation",
            summary = "The recommendation for an instrument, with one reason per factor",
            description = "Uses only bars up to asOf (default: the latest bar). 422 when there is too little history.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The recommendation with its reasons"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Too little history up to asOf to score (insufficient-data)")
            })
    Recommendation recommendation(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(example = "2016-06-30") @RequestParam(required = false) LocalDate asOf) {
        return recommendations.recommend(Symbols.require(symbol, "symbol"), asOf);
    }

    @GetMapping("/api/v1/instruments/{symbol}/backtest")
    @Operation(
            operationId = "runBacktest",
            summary = "Walk-forward backtest of the recommendation, with its calibration table",
            description = "Signal at each close, trade at the next open, costBps per unit traded; compared with"
                    + " buy-and-hold and the benchmark. mode: long_flat (default) or long_short.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The backtest report"),
                @ApiResponse(
                        responseCode = "422",
                        description =
                                "Too little history before the end, or too few bars in the window (insufficient-data)")
            })
    BacktestReport backtest(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @RequestParam(required = false) LocalDate start,
            @RequestParam(required = false) LocalDate end,
            @Parameter(description = "0 to 1000 basis points per unit of position traded")
                    @RequestParam(defaultValue = "5")
                    double costBps,
            @Parameter(description = "long_flat | long_short") @RequestParam(defaultValue = "long_flat") String mode,
            @Parameter(description = "annual, -0.05 to 0.20") @RequestParam(defaultValue = "0") double riskFreeRate) {
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("start", "start (" + start + ") must not be after end (" + end + ").");
        }
        if (!(costBps >= 0 && costBps <= 1000)) {
            throw invalid("costBps", "costBps must be between 0 and 1000; got " + costBps + ".");
        }
        if (!(riskFreeRate >= -0.05 && riskFreeRate <= 0.20)) {
            throw invalid(
                    "riskFreeRate",
                    "riskFreeRate is an annual fraction between -0.05 and 0.20 (0.02 = 2 %);" + " got " + riskFreeRate
                            + ".");
        }
        Backtest.Mode m;
        try {
            m = Backtest.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", "mode must be long_flat or long_short; got '" + mode + "'.");
        }
        return recommendations.backtest(new Recommendations.BacktestRequest(
                Symbols.require(symbol, "symbol"), start, end, costBps, m, riskFreeRate));
    }

    record RankingPage(
            String modelVersion,
            int page,
            int size,
            int total,
            int totalPages,
            int unrated,
            long computeMs,
            List<Ranking.Item> items) {}

    @GetMapping("/api/v1/recommendations")
    @Operation(
            operationId = "listRecommendations",
            summary = "Every instrument's latest recommendation, ranked and paginated",
            description = "Filters: symbols (comma-separated, up to " + MAX_PAGE_SIZE + "; e.g. a watchlist's),"
                    + " band (comma-separated), sector, kind, minConfidence. sort: score (default), confidence,"
                    + " change, symbol; direction desc (default; asc for symbol) or asc. An instrument with too little"
                    + " history to score is not ranked (counted in unrated), also when it is named in symbols.",
            responses = {
                @ApiResponse(responseCode = "200", description = "A page of the ranking"),
                @ApiResponse(
                        responseCode = "400",
                        description = "A filter, the sort, the page or its size is not valid (invalid-parameter)"),
                @ApiResponse(
                        responseCode = "404",
                        description = "No instrument with one of the symbols (unknown-instrument)")
            })
    RankingPage ranking(
            @Parameter(example = "AAPL,MSFT,SPX") @RequestParam(required = false) String symbols,
            @Parameter(example = "BUY,STRONG_BUY") @RequestParam(required = false) String band,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) InstrumentKind kind,
            @RequestParam(defaultValue = "0") double minConfidence,
            @RequestParam(defaultValue = "score") String sort,
            @RequestParam(required = false) String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Set<String> named = parseSymbols(symbols);
        Set<Band> bands = parseBands(band);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw invalid("minConfidence", "minConfidence must be between 0 and 1; got " + minConfidence + ".");
        }
        if (page < 0) {
            throw invalid("page", "page starts at 0; got " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "size must be between 1 and " + MAX_PAGE_SIZE + "; got " + size + ".");
        }
        Comparator<Ranking.Item> order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "score" -> Comparator.comparingDouble(Ranking.Item::score);
            case "confidence" -> Comparator.comparingDouble(Ranking.Item::confidence);
            case "change", "change1d" -> // the item's field is change1d
                Comparator.comparingDouble(i -> i.change1d() == null ? Double.NEGATIVE_INFINITY : i.change1d());
            case "symbol" -> Comparator.comparing(Ranking.Item::symbol);
            default ->
                throw invalid(
                        "sort",
                        "sort must be one of score, confidence, change (or change1d), symbol; got '" + sort + "'.");
        };
        boolean ascending = direction == null ? sort.equalsIgnoreCase("symbol") : parseDirection(direction);
        if (!ascending) {
            order = order.reversed();
        }
        order = order.thenComparing(Ranking.Item::symbol);

        Ranking ranking = recommendations.ranking();
        List<Ranking.Item> filtered = new ArrayList<>();
        for (Ranking.Item it : ranking.items()) {
            if ((named.isEmpty() || named.contains(it.symbol()))
                    && (bands.isEmpty() || bands.contains(it.band()))
                    && (sector == null || sector.isBlank() || sector.trim().equalsIgnoreCase(it.sector()))
                    && (kind == null || kind == it.kind())
                    && it.confidence() >= minConfidence) {
                filtered.add(it);
            }
        }
        filtered.sort(order);
        int from = (int) Math.min((long) page * size, filtered.size());
        int to = Math.min(from + size, filtered.size());
        List<Ranking.Item> items = List.copyOf(filtered.subList(from, to));
        recommendations.countServed(items.size());
        return new RankingPage(
                recommendations.settings().version(),
                page,
                size,
                filtered.size(),
                (filtered.size() + size - 1) / size,
                ranking.unrated(),
                ranking.computeMs(),
                items);
    }

    /** The named instruments (none: every one); 400 for a malformed or repeated symbol or too many, 404 unknown. */
    private Set<String> parseSymbols(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        List<String> named = Symbols.requireList(value, "symbols", 1, MAX_PAGE_SIZE);
        named.forEach(symbol -> marketData.requireListing(symbol, "symbols"));
        return new LinkedHashSet<>(named);
    }

    private static Set<Band> parseBands(String value) {
        Set<Band> bands = EnumSet.noneOf(Band.class);
        if (value == null || value.isBlank()) {
            return bands;
        }
        for (String part : value.split(",")) {
            try {
                bands.add(Band.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid(
                        "band",
                        "band must be among STRONG_SELL, SELL, HOLD, BUY, STRONG_BUY; got '" + part.trim() + "'.");
            }
        }
        return bands;
    }

    private static boolean parseDirection(String d) {
        return switch (d.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw invalid("direction", "direction must be asc or desc; got '" + d + "'.");
        };
    }

    static ApiException invalid(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail)
                .with("parameter", parameter);
    }
}
