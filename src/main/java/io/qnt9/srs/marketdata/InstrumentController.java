package io.qnt9.srs.marketdata;

import static io.qnt9.srs.marketdata.StatsController.checkRange;
import static io.qnt9.srs.marketdata.StatsController.invalid;
import static io.qnt9.srs.marketdata.StatsController.symbolParameter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instruments, their daily bars (JSON or CSV), CSV imports of bars and of instrument metadata, and the deletions that
 * undo a mistaken import.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Market data", description = "Instruments, daily bars and imports")
class InstrumentController {

    static final String TEXT_CSV = "text/csv";

    // The outcomes both bar imports document.
    private static final String OVERLAP_REJECTED =
            "The file has dates already stored and mode is reject; nothing was written (import-overlap)";
    private static final String ROWS_REJECTED = "A row is invalid or the header is unusable; nothing was written"
            + " (invalid-csv, with the first errors by line and column)";

    private final MarketData marketData;
    private final BarImporter importer;
    private final InstrumentCatalogue catalogue;
    private final ImportProperties importProperties;
    private final ProviderRefresh providerRefresh;

    InstrumentController(
            MarketData marketData,
            BarImporter importer,
            InstrumentCatalogue catalogue,
            ImportProperties importProperties,
            ProviderRefresh providerRefresh) {
        this.marketData = marketData;
        this.importer = importer;
        this.catalogue = catalogue;
        this.importProperties = importProperties;
        this.providerRefresh = providerRefresh;
    }

    record InstrumentResponse(
            String symbol,
            String name,
            String exchange,
            String currency,
            String isin,
            String wkn,
            String sector,
            InstrumentKind kind,
            LocalDate firstDate,
            LocalDate lastDate,
            int bars) {

        static InstrumentResponse of(InstrumentListing l) {
            Instrument i = l.instrument();
            return new InstrumentResponse(
                    i.symbol(),
                    i.name(),
                    i.exchange(),
                    i.currency(),
                    i.isin(),
                    i.wkn(),
                    i.sector(),
                    i.kind(),
                    l.firstDate(),
                    l.lastDate(),
                    l.bars());
        }
    }

    @GetMapping("/instruments")
    @Operation(operationId = "listInstruments", summary = "All instruments with the date coverage of their bars")
    List<InstrumentResponse> instruments(
            @Parameter(description = "Only this kind") @RequestParam(required = false) InstrumentKind kind) {
        List<InstrumentResponse> out = new ArrayList<>();
        for (InstrumentListing l : marketData.instruments()) {
            if (kind == null || l.instrument().kind() == kind) {
                out.add(InstrumentResponse.of(l));
            }
        }
        return out;
    }

    @GetMapping("/instruments/{symbol}")
    @Operation(operationId = "getInstrument", summary = "One instrument with its date coverage")
    InstrumentResponse instrument(@Parameter(example = "AAPL") @PathVariable String symbol) {
        return InstrumentResponse.of(marketData.requireListing(symbolParameter(symbol, "symbol"), "symbol"));
    }

    record Bar(LocalDate date, double open, double high, double low, double close, double adjClose, long volume) {}

    record BarsResponse(String symbol, BarInterval interval, int count, List<Bar> bars) {}

    private static final String INTERVAL = "daily (default), weekly (ISO weeks, Monday to Sunday) or monthly. A weekly"
            + " or monthly bar: first open, highest high, lowest low, last close and adjusted close, summed volume,"
            + " dated by its last trading day; built from the daily bars between start and end, so a period cut by"
            + " start or end holds only those days";

    @GetMapping(value = "/instruments/{symbol}/bars", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getBars",
            summary = "Daily, weekly or monthly bars in a date range (JSON; send Accept: text/csv for CSV)")
    BarsResponse bars(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(example = "2014-01-01") @RequestParam(required = false) LocalDate start,
            @Parameter(example = "2014-12-31") @RequestParam(required = false) LocalDate end,
            @Parameter(description = INTERVAL, example = "weekly") @RequestParam(defaultValue = "daily")
                    BarInterval interval) {
        DailySeries s = interval.aggregate(range(symbol, start, end));
        List<Bar> bars = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            bars.add(new Bar(
                    s.date(i), s.open()[i], s.high()[i], s.low()[i], s.close()[i], s.adjClose()[i], s.volume()[i]));
        }
        return new BarsResponse(s.symbol(), interval, bars.size(), bars);
    }

    @GetMapping(value = "/instruments/{symbol}/bars", produces = TEXT_CSV)
    ResponseEntity<String> barsCsv(
            @PathVariable String symbol,
            @RequestParam(required = false) LocalDate start,
            @RequestParam(required = false) LocalDate end,
            @RequestParam(defaultValue = "daily") BarInterval interval) {
        DailySeries s = interval.aggregate(range(symbol, start, end));
        StringBuilder csv = new StringBuilder(64 * (s.size() + 1));
        csv.append("date,open,high,low,close,adj_close,volume\n");
        for (int i = 0; i < s.size(); i++) {
            csv.append(s.date(i))
                    .append(',')
                    .append(s.open()[i])
                    .append(',')
                    .append(s.high()[i])
                    .append(',')
                    .append(s.low()[i])
                    .append(',')
                    .append(s.close()[i])
                    .append(',')
                    .append(s.adjClose()[i])
                    .append(',')
                    .append(s.volume()[i])
                    .append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + s.symbol() + ".csv\"")
                .body(csv.toString());
    }

    private DailySeries range(String symbol, LocalDate start, LocalDate end) {
        checkRange(start, end);
        DailySeries s = marketData.requireSeries(symbolParameter(symbol, "symbol"), "symbol");
        int from = start == null ? 0 : s.firstIndexOnOrAfter(start);
        int to = end == null ? s.size() : s.lastIndexOnOrBefore(end) + 1;
        return s.slice(from, Math.max(from, to));
    }

    @PostMapping(
            value = "/instruments/{symbol}/bars",
            consumes = {TEXT_CSV, "application/csv", "text/plain"})
    @Operation(
            operationId = "importBars",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description =
                                    "Daily bars; header row names the columns (Yahoo-style, lower-case, date,close only, any order)",
                            content =
                                    @Content(
                                            mediaType = TEXT_CSV,
                                            schema = @Schema(type = "string"),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "Date,Open,High,Low,Close,Adj Close,Volume\n2018-05-10,187.740005,190.369995,187.649994,190.039993,189.309998,27989300\n"))),
            summary = "Import daily bars of one instrument from CSV (admin)",
            description = "All or nothing: one bad row rejects the file (422 listing the first errors with line"
                    + " numbers). Dates already stored: mode=reject (default, 409), append (keep stored), replace"
                    + " (overwrite). An unknown symbol is created, named by the 'name' parameter.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Imported: rows written, dates covered"),
                @ApiResponse(responseCode = "409", description = OVERLAP_REJECTED),
                @ApiResponse(responseCode = "422", description = ROWS_REJECTED)
            })
    ImportResult importBars(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(description = "reject | append | replace") @RequestParam(required = false) String mode,
            @Parameter(description = "Name for a new instrument") @RequestParam(required = false) String name,
            HttpServletRequest request,
            Principal principal)
            throws IOException {
        String s = symbolParameter(symbol, "symbol");
        return importer.importBars(
                new BarImporter.Request(s, mode(mode), "upload", who(principal), name), bodyWithinLimit(request));
    }

    @PostMapping(
            value = "/bars",
            consumes = {TEXT_CSV, "application/csv", "text/plain"})
    @Operation(
            operationId = "importBarsOfManyInstruments",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description =
                                    "Daily bars of several instruments: the columns of the single import plus symbol",
                            content =
                                    @Content(
                                            mediaType = TEXT_CSV,
                                            schema = @Schema(type = "string"),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "symbol,date,open,high,low,close,volume\nAAPL,2018-05-10,187.740005,190.369995,187.649994,190.039993,27989300\n"))),
            summary = "Import daily bars of many instruments from one CSV with a symbol column (admin)",
            description = "Same rules as the single-instrument import; unknown symbols are created.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Imported: rows written per instrument"),
                @ApiResponse(responseCode = "409", description = OVERLAP_REJECTED),
                @ApiResponse(responseCode = "422", description = ROWS_REJECTED)
            })
    ImportResult importManyBars(
            @Parameter(description = "reject | append | replace") @RequestParam(required = false) String mode,
            HttpServletRequest request,
            Principal principal)
            throws IOException {
        return importer.importBars(
                new BarImporter.Request(null, mode(mode), "upload", who(principal), null), bodyWithinLimit(request));
    }

    @PostMapping(
            value = "/instruments",
            consumes = {TEXT_CSV, "application/csv", "text/plain"})
    @Operation(
            operationId = "importInstruments",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description =
                                    "Instrument metadata: symbol,name and optionally exchange,currency,isin,wkn,sector,kind",
                            content =
                                    @Content(
                                            mediaType = TEXT_CSV,
                                            schema = @Schema(type = "string"),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "symbol,name,exchange,currency,isin,wkn,sector,kind\nAAPL,Apple Inc.,NASDAQ,USD,US0378331005,865985,Information Technology,STOCK\n"))),
            summary = "Import instrument metadata from CSV (admin)",
            description = "Columns symbol,name and optionally exchange,currency,isin,wkn,sector,kind. Inserts new"
                    + " and updates existing instruments; all or nothing. A stored instrument keeps its values of"
                    + " the optional columns the file does not have (an empty cell in a column it has clears the"
                    + " value); a new one gets currency USD and kind STOCK where the file says nothing.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Imported: instruments inserted and updated"),
                @ApiResponse(
                        responseCode = "409",
                        description =
                                "An ISIN or WKN belongs to another instrument; nothing was written (instrument-conflict)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "A row is invalid or the header is unusable; nothing was written (invalid-csv)")
            })
    InstrumentCatalogue.MetadataImportResult importInstruments(HttpServletRequest request, Principal principal)
            throws IOException {
        return catalogue.importCsv(bodyWithinLimit(request), "upload", who(principal));
    }

    @PostMapping("/instruments/{symbol}/refresh")
    @Operation(
            operationId = "refreshFromProvider",
            summary = "Fetch the latest daily bars from the live provider and import them (admin)",
            description = "Off unless ALPHAVANTAGE_API_KEY is set (503). The provider's bars pass the same validation"
                    + " as an upload; by default only new dates are added (mode=append). The bars are adjusted for"
                    + " the splits the provider lists, and their adjusted close for its dividends; a split or a"
                    + " dividend after the last stored bar makes append and replace fetch the whole history and"
                    + " replace the stored bars (a warning in the result says so).",
            responses = {
                @ApiResponse(responseCode = "200", description = "Imported: rows written, dates covered"),
                @ApiResponse(
                        responseCode = "404",
                        description = "The provider does not know the symbol (provider-unknown-symbol)"),
                @ApiResponse(
                        responseCode = "409",
                        description =
                                "mode=reject and the provider sent dates already stored (import-overlap), or lists a"
                                        + " split or a dividend after the last stored bar (split-after-stored-bars,"
                                        + " dividend-after-stored-bars)"),
                @ApiResponse(
                        responseCode = "502",
                        description =
                                "The provider failed, rejected the key or answered something unusable (provider-unavailable, provider-auth-failed, provider-bad-response)"),
                @ApiResponse(
                        responseCode = "503",
                        description =
                                "No provider configured (provider-disabled), or its rate limit reached (provider-rate-limited)")
            })
    ImportResult refresh(
            @Parameter(example = "IBM") @PathVariable String symbol,
            @Parameter(
                            description = "Whole history (true) or the last ~100 days (false); by default the whole"
                                    + " history for an instrument without bars or whose last bar is older than"
                                    + " PROVIDER_REFRESH_FULL_AFTER (120 days), so that no gap is left")
                    @RequestParam(required = false)
                    Boolean full,
            @Parameter(description = "append (default) | replace | reject") @RequestParam(defaultValue = "append")
                    String mode,
            Principal principal) {
        return providerRefresh.refresh(symbolParameter(symbol, "symbol"), full, mode(mode), who(principal));
    }

    @DeleteMapping("/instruments/{symbol}")
    @Operation(
            operationId = "deleteInstrument",
            summary = "Delete an imported instrument with all its bars (admin)",
            description = "Undoes an import under a wrong symbol. Instruments bundled with the service cannot be"
                    + " deleted (they would come back at the next start); delete a range of their bars instead."
                    + " Watchlist entries keep the symbol, shown without data.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Deleted: the symbol and how many bars went"),
                @ApiResponse(responseCode = "404", description = "No such instrument (unknown-instrument)"),
                @ApiResponse(
                        responseCode = "409",
                        description = "The instrument is bundled with the service (bundled-instrument)")
            })
    InstrumentCatalogue.DeletedInstrument deleteInstrument(
            @Parameter(example = "APPL") @PathVariable String symbol, Principal principal) {
        return catalogue.deleteInstrument(symbolParameter(symbol, "symbol"), who(principal));
    }

    record DeletedBars(
            String symbol,
            LocalDate start,
            LocalDate end,
            int barsDeleted,
            LocalDate firstDate,
            LocalDate lastDate,
            int bars) {}

    @DeleteMapping("/instruments/{symbol}/bars")
    @Operation(
            operationId = "deleteBars",
            summary = "Delete an instrument's bars in a date range (admin)",
            description = "Removes bars an import should not have written (wrong dates, a weekend, another"
                    + " instrument's prices); start and end are inclusive and at least one is required. The answer"
                    + " has the number deleted and the coverage that remains.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Deleted (possibly none): count and what remains"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Neither start nor end, or start after end (invalid-parameter)"),
                @ApiResponse(responseCode = "404", description = "No such instrument (unknown-instrument)")
            })
    DeletedBars deleteBars(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(description = "First date to delete (inclusive)", example = "2018-05-12")
                    @RequestParam(required = false)
                    LocalDate start,
            @Parameter(description = "Last date to delete (inclusive)", example = "2018-05-13")
                    @RequestParam(required = false)
                    LocalDate end,
            Principal principal) {
        String s = symbolParameter(symbol, "symbol");
        if (start == null && end == null) {
            throw invalid(
                    "start",
                    "Give start, end or both: the dates whose bars to delete (inclusive). To remove the instrument"
                            + " with its whole history, DELETE /api/v1/instruments/" + s + ".");
        }
        checkRange(start, end);
        int deleted = catalogue.deleteBars(s, start, end, who(principal));
        InstrumentListing left = marketData.requireListing(s, "symbol");
        return new DeletedBars(
                left.instrument().symbol(), start, end, deleted, left.firstDate(), left.lastDate(), left.bars());
    }

    private java.io.InputStream bodyWithinLimit(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > importProperties.maxBytes()) {
            throw LimitedInputStream.tooLarge(importProperties.maxBytes());
        }
        return request.getInputStream();
    }

    private static ImportMode mode(String value) {
        ImportMode mode = ImportMode.parse(value);
        if (mode == null) {
            throw invalid("mode", "mode must be one of reject, append, replace; got '" + value + "'.");
        }
        return mode;
    }

    private static String who(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
