package io.qnt9.srs.search;

import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InstrumentKind;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.recommendation.Band;
import io.qnt9.srs.recommendation.Recommendations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search of the original stock-search service (and of the staging load-test plan): a JSON query in, matches
 * with a short report — last price, day change, current recommendation band — out.
 */
@RestController
@Tag(name = "Search")
class StockSearchController {

    private final InstrumentSearch search;
    private final MarketData marketData;
    private final Recommendations recommendations;

    StockSearchController(InstrumentSearch search, MarketData marketData, Recommendations recommendations) {
        this.search = search;
        this.marketData = marketData;
        this.recommendations = recommendations;
    }

    record StockSearchRequest(
            @Schema(example = "AAPL", description = "symbol, ISIN, WKN or name; 1 to 100 characters")
            String query,

            @Schema(example = "10", description = "1 to 50, default 10")
            Integer limit) {}

    record ShortReport(LocalDate asOf, Double lastPrice, Double change, Double changePercent, Band band) {}

    record StockMatch(
            String symbol,
            String name,
            String exchange,
            InstrumentKind kind,
            int score,
            SearchIndex.MatchType matchType,
            ShortReport report) {}

    record StockSearchResponse(
            String query, SearchIndex.QueryType queryType, String notice, int count, List<StockMatch> results) {}

    @PostMapping("/api/v1/stock/search")
    @Operation(
            operationId = "searchStocks",
            summary = "Search with a short report per match (last price, day change, recommendation band)")
    StockSearchResponse search(@RequestBody StockSearchRequest request) {
        String q = SearchController.validQuery(request.query(), "query");
        int limit = request.limit() == null ? 10 : request.limit();
        if (limit < 1 || limit > SearchController.MAX_LIMIT) {
            throw SearchController.invalid(
                    "limit", "limit must be between 1 and " + SearchController.MAX_LIMIT + "; got " + limit + ".");
        }
        SearchController.SearchResponse found = SearchController.respond(q, search.search(q, limit));
        List<StockMatch> matches = found.results().stream()
                .map(m -> new StockMatch(
                        m.symbol(), m.name(), m.exchange(), m.kind(), m.score(), m.matchType(), report(m.symbol())))
                .toList();
        return new StockSearchResponse(q, found.queryType(), found.notice(), matches.size(), matches);
    }

    private ShortReport report(String symbol) {
        DailySeries s = marketData.series(symbol).orElse(null);
        Band band = recommendations.currentBand(symbol).orElse(null);
        if (s == null || s.isEmpty()) {
            return new ShortReport(null, null, null, null, band);
        }
        int last = s.size() - 1;
        double price = s.close()[last];
        Double change = last > 0 ? s.dayChange(last) : null;
        Double pct = last > 0 ? s.dayReturn(last) * 100 : null;
        return new ShortReport(s.date(last), price, change, pct, band);
    }
}
