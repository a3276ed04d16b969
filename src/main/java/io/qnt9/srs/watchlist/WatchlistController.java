package io.qnt9.srs.watchlist;

import io.qnt9.srs.account.CurrentUser;
import io.qnt9.srs.recommendation.Band;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's watchlists. Another user's list answers 404, exactly like one that does not exist. */
@RestController
@RequestMapping(value = "/api/v1/watchlists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Watchlists", description = "The signed-in user's lists of instruments")
class WatchlistController {

    private final Watchlists watchlists;

    WatchlistController(Watchlists watchlists) {
        this.watchlists = watchlists;
    }

    record WatchlistRequest(
            @Schema(example = "Tech", maxLength = 100) String name) {}

    record ItemRequest(
            @Schema(example = "AAPL") String symbol,

            @Schema(example = "Wait for the earnings call", maxLength = 500)
            String note,

            @Schema(example = "150.0", description = "Optional, > 0")
            BigDecimal targetPrice) {}

    record ItemUpdate(String note, BigDecimal targetPrice) {}

    record WatchlistSummary(long id, String name, int itemCount, Instant createdAt, Instant updatedAt) {

        static WatchlistSummary of(WatchlistRepository.ListRow row) {
            return new WatchlistSummary(row.id(), row.name(), row.items(), row.createdAt(), row.updatedAt());
        }
    }

    /** One instrument on a list, with its latest price, day change and current recommendation band. */
    record ItemResponse(
            String symbol,

            @Schema(
                    description = "False when the instrument has been deleted since it was added: the item, its note"
                            + " and target stay (name, prices and band are then null) until the user removes it or"
                            + " an admin imports the instrument again")
            boolean listed,

            String name,
            String currency,
            String note,
            Double targetPrice,
            Instant addedAt,
            @Schema(description = "Date of the latest bar") LocalDate lastDate,
            @Schema(description = "Latest close") Double lastPrice,

            @Schema(description = "Change since the previous close (adjusted for splits and dividends)")
            Double change,

            @Schema(description = "Change since the previous close in %")
            Double changePercent,

            @Schema(description = "Current recommendation band; null when the instrument has too little history")
            Band band,

            @Schema(
                    description = "How far the latest close is from the target price, in % of the close:"
                            + " target / lastPrice − 1 (+6.1 means the price must rise 6.1 % to reach it);"
                            + " null without a target or a price")
            Double targetDistancePercent) {

        static ItemResponse of(Watchlists.PricedItem p) {
            var i = p.item();
            var q = p.quote();
            return new ItemResponse(
                    i.symbol(),
                    p.instrument() != null,
                    p.instrument() == null ? null : p.instrument().name(),
                    p.instrument() == null ? null : p.instrument().currency(),
                    i.note(),
                    i.targetPrice() == null ? null : i.targetPrice().doubleValue(),
                    i.addedAt(),
                    q.lastDate(),
                    q.lastPrice(),
                    q.change(),
                    q.changePercent(),
                    p.band(),
                    i.targetPrice() == null || q.lastPrice() == null
                            ? null
                            : (i.targetPrice().doubleValue() / q.lastPrice() - 1) * 100);
        }
    }

    record WatchlistResponse(
            long id, String name, Instant createdAt, Instant updatedAt, int itemCount, List<ItemResponse> items) {}

    @GetMapping
    @Operation(operationId = "listWatchlists", summary = "The caller's watchlists (without items), by name")
    List<WatchlistSummary> all(CurrentUser user) {
        return watchlists.all(user).stream().map(WatchlistSummary::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createWatchlist",
            summary = "Create a watchlist",
            description = "Name 1–100 characters, unique per user ignoring case (409). At most 20 lists (422).",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created; Location names the new watchlist"),
                @ApiResponse(
                        responseCode = "409",
                        description = "The caller already has a watchlist of this name (watchlist-name-taken)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "The caller has the most watchlists allowed (watchlist-limit-reached)")
            })
    ResponseEntity<WatchlistResponse> create(@RequestBody WatchlistRequest body, CurrentUser user) {
        var row = watchlists.create(user, body.name());
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + row.id()))
                .body(response(row));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getWatchlist",
            summary = "One watchlist with its items, each with the latest price and 1-day change")
    WatchlistResponse get(@PathVariable long id, CurrentUser user) {
        return response(watchlists.get(user, id));
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "renameWatchlist",
            summary = "Rename a watchlist",
            responses = {
                @ApiResponse(responseCode = "200", description = "The renamed watchlist"),
                @ApiResponse(
                        responseCode = "409",
                        description = "The caller already has a watchlist of this name (watchlist-name-taken)")
            })
    WatchlistResponse rename(@PathVariable long id, @RequestBody WatchlistRequest body, CurrentUser user) {
        return response(watchlists.rename(user, id, body.name()));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteWatchlist",
            summary = "Delete a watchlist and its items",
            responses = {@ApiResponse(responseCode = "204", description = "Deleted, with its items")})
    ResponseEntity<Void> delete(@PathVariable long id, CurrentUser user) {
        watchlists.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "addWatchlistItem",
            summary = "Add an instrument",
            description = "The symbol must exist in market data (404 unknown-instrument). Note ≤ 500 characters,"
                    + " target price > 0. 409 when already on the list; at most 100 items (422).",
            responses = {
                @ApiResponse(responseCode = "201", description = "Added; Location names the item"),
                @ApiResponse(
                        responseCode = "404",
                        description =
                                "No watchlist of the caller with this id (watchlist-not-found), or no instrument with this symbol (unknown-instrument)"),
                @ApiResponse(
                        responseCode = "409",
                        description = "The symbol is already on this watchlist (watchlist-item-exists)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "The list has the most items allowed (watchlist-limit-reached)")
            })
    ResponseEntity<ItemResponse> add(@PathVariable long id, @RequestBody ItemRequest body, CurrentUser user) {
        var item = watchlists.add(user, id, body.symbol(), body.note(), body.targetPrice());
        return ResponseEntity.created(URI.create(
                        "/api/v1/watchlists/" + id + "/items/" + item.item().symbol()))
                .body(ItemResponse.of(item));
    }

    @PutMapping(value = "/{id}/items/{symbol}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateWatchlistItem",
            summary = "Replace an item's note and target price",
            description = "Both are replaced: a field left out (or null) is cleared.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The item as stored"),
                @ApiResponse(
                        responseCode = "404",
                        description =
                                "No watchlist of the caller with this id (watchlist-not-found), or the symbol is not on it (watchlist-item-not-found)")
            })
    ItemResponse update(
            @PathVariable long id, @PathVariable String symbol, @RequestBody ItemUpdate body, CurrentUser user) {
        return ItemResponse.of(watchlists.update(user, id, symbol, body.note(), body.targetPrice()));
    }

    @DeleteMapping("/{id}/items/{symbol}")
    @Operation(
            operationId = "removeWatchlistItem",
            summary = "Remove an instrument from the watchlist",
            responses = {
                @ApiResponse(responseCode = "204", description = "Removed"),
                @ApiResponse(
                        responseCode = "404",
                        description =
                                "No watchlist of the caller with this id (watchlist-not-found), or the symbol is not on it (watchlist-item-not-found)")
            })
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable String symbol, CurrentUser user) {
        watchlists.remove(user, id, symbol);
        return ResponseEntity.noContent().build();
    }

    private WatchlistResponse response(WatchlistRepository.ListRow row) {
        List<ItemResponse> items =
                watchlists.items(row.id()).stream().map(ItemResponse::of).toList();
        return new WatchlistResponse(row.id(), row.name(), row.createdAt(), row.updatedAt(), items.size(), items);
    }
}
