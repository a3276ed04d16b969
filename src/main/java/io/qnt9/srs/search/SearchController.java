package io.qnt9.srs.search;

import io.qnt9.srs.marketdata.Instrument;
import io.qnt9.srs.marketdata.InstrumentKind;
import io.qnt9.srs.marketdata.Isin;
import io.qnt9.srs.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search by symbol, ISIN, WKN or name, and autocomplete suggestions. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Find instruments by symbol, ISIN, WKN or name")
class SearchController {

    static final int MAX_QUERY = 100;
    static final int MAX_LIMIT = 50;
    static final int MAX_SUGGEST = 20;

    private final InstrumentSearch search;

    SearchController(InstrumentSearch search) {
        this.search = search;
    }

    record Match(
            String symbol,
            String name,
            String exchange,
            String isin,
            String wkn,
            String sector,
            InstrumentKind kind,
            int score,
            SearchIndex.MatchType matchType) {

        static Match of(SearchIndex.Hit h) {
            Instrument i = h.instrument();
            return new Match(
                    i.symbol(),
                    i.name(),
                    i.exchange(),
                    i.isin(),
                    i.wkn(),
                    i.sector(),
                    i.kind(),
                    h.score(),
                    h.matchType());
        }
    }

    record SearchResponse(
            String query,
            SearchIndex.QueryType queryType,
            boolean isinCheckDigitInvalid,
            String notice,
            int count,
            List<Match> results) {}

    @GetMapping
    @Operation(
            operationId = "searchInstruments",
            summary = "Ranked instrument search",
            description = "Detects ISINs (with a valid check digit), WKNs, tickers and name text; ranks exact symbol /"
                    + " ISIN / WKN > symbol prefix > symbol contains > name prefix > name word > name contains > one"
                    + " typo. Case- and accent-insensitive. An ISIN-shaped query with a wrong check digit is searched"
                    + " as text and flagged.")
    SearchResponse search(
            @Parameter(example = "apple") @RequestParam String query,
            @Parameter(description = "1 to 50") @RequestParam(defaultValue = "10") int limit) {
        String q = validQuery(query, "query");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT + "; got " + limit + ".");
        }
        return respond(q, search.search(q, limit));
    }

    record Suggestion(
            String symbol, String name, String exchange, InstrumentKind kind, SearchIndex.MatchType matchType) {}

    @GetMapping("/suggest")
    @Operation(
            operationId = "suggestInstruments",
            summary = "Autocomplete suggestions for a partly typed query (symbol and name)")
    List<Suggestion> suggest(
            @Parameter(example = "mic") @RequestParam String q,
            @Parameter(description = "1 to 20") @RequestParam(defaultValue = "8") int limit) {
        String query = validQuery(q, "q");
        if (limit < 1 || limit > MAX_SUGGEST) {
            throw invalid("limit", "limit must be between 1 and " + MAX_SUGGEST + "; got " + limit + ".");
        }
        return search.search(query, limit).hits().stream()
                .map(h -> new Suggestion(
                        h.instrument().symbol(),
                        h.instrument().name(),
                        h.instrument().exchange(),
                        h.instrument().kind(),
                        h.matchType()))
                .toList();
    }

    static SearchResponse respond(String q, SearchIndex.Result r) {
        String notice = null;
        if (r.isinCheckDigitInvalid()) {
            String upper = q.toUpperCase(Locale.ROOT);
            notice = "'" + upper + "' looks like an ISIN but its check digit is wrong (expected "
                    + Isin.checkDigit(upper.substring(0, 11)) + "); it was searched as text.";
        }
        List<Match> matches = r.hits().stream().map(Match::of).toList();
        return new SearchResponse(q, r.queryType(), r.isinCheckDigitInvalid(), notice, matches.size(), matches);
    }

    static String validQuery(String query, String parameter) {
        if (query == null || query.isBlank()) {
            throw invalid(parameter, "The search query must not be empty.");
        }
        String q = query.trim();
        if (q.length() > MAX_QUERY) {
            throw invalid(
                    parameter, "The search query is limited to " + MAX_QUERY + " characters; got " + q.length() + ".");
        }
        return q;
    }

    static ApiException invalid(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail)
                .with("parameter", parameter);
    }
}
