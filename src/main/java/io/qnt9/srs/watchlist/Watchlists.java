package io.qnt9.srs.watchlist;

import io.qnt9.srs.account.CurrentUser;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.Instrument;
import io.qnt9.srs.marketdata.InstrumentListing;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.UnknownInstrumentException;
import io.qnt9.srs.recommendation.Band;
import io.qnt9.srs.recommendation.Recommendations;
import io.qnt9.srs.system.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The watchlists of the calling user: create, rename, delete, add and remove items, list with prices. */
@Service
class Watchlists {

    private final WatchlistRepository repository;
    private final Recommendations recommendations;
    private final MarketData marketData;
    private final WatchlistProperties limits;
    private final TransactionTemplate tx;
    private final Clock clock;

    Watchlists(
            WatchlistRepository repository,
            MarketData marketData,
            WatchlistProperties limits,
            TransactionTemplate tx,
            Clock clock,
            Recommendations recommendations) {
        this.recommendations = recommendations;
        this.repository = repository;
        this.marketData = marketData;
        this.limits = limits;
        this.tx = tx;
        this.clock = clock;
    }

    /** One item with its latest price, as the dashboard shows it. */
    record PricedItem(WatchlistRepository.ItemRow item, Instrument instrument, Quote quote, Band band) {}

    /**
     * The latest close and the change since the close before it (split- and dividend-adjusted, so a split day shows
     * no fake crash); null fields when the instrument has too few bars.
     */
    record Quote(LocalDate lastDate, Double lastPrice, Double change, Double changePercent) {

        static final Quote NONE = new Quote(null, null, null, null);

        static Quote of(DailySeries s) {
            int n = s.size();
            if (n == 0) {
                return NONE;
            }
            double last = s.close()[n - 1];
            if (n == 1) {
                return new Quote(s.date(n - 1), last, null, null);
            }
            return new Quote(s.date(n - 1), last, s.dayChange(n - 1), s.dayReturn(n - 1) * 100);
        }
    }

    List<WatchlistRepository.ListRow> all(CurrentUser user) {
        return repository.summaries(user.id());
    }

    WatchlistRepository.ListRow create(CurrentUser user, String rawName) {
        String name = WatchlistText.name(rawName);
        try {
            return tx.execute(status -> {
                repository.lockOwner(user.id());
                int count = repository.countLists(user.id());
                if (count >= limits.maxListsPerUser()) {
                    throw limitReached(
                            "You have " + count + " watchlists, the most allowed (" + limits.maxListsPerUser()
                                    + "). Delete one first.",
                            limits.maxListsPerUser());
                }
                return repository.insertList(user.id(), name, clock.instant());
            });
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        } catch (DataIntegrityViolationException e) {
            throw user.gone(); // the owner's account was deleted while this access token was still valid
        }
    }

    WatchlistRepository.ListRow get(CurrentUser user, long id) {
        return repository.find(user.id(), id).orElseThrow(() -> notFound(id));
    }

    List<PricedItem> items(long listId) {
        List<PricedItem> out = new ArrayList<>();
        for (WatchlistRepository.ItemRow item : repository.items(listId)) {
            out.add(priced(item));
        }
        return out;
    }

    WatchlistRepository.ListRow rename(CurrentUser user, long id, String rawName) {
        String name = WatchlistText.name(rawName);
        try {
            if (!repository.rename(user.id(), id, name, clock.instant())) {
                throw notFound(id);
            }
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return get(user, id);
    }

    void delete(CurrentUser user, long id) {
        if (!repository.delete(user.id(), id)) {
            throw notFound(id);
        }
    }

    PricedItem add(CurrentUser user, long id, String rawSymbol, String rawNote, BigDecimal rawTarget) {
        String symbol = WatchlistText.symbol(rawSymbol);
        String note = WatchlistText.note(rawNote);
        BigDecimal target = WatchlistText.targetPrice(rawTarget);
        try {
            return tx.execute(status -> {
                repository.lock(user.id(), id).orElseThrow(() -> notFound(id));
                InstrumentListing listing =
                        marketData.listing(symbol).orElseThrow(() -> new UnknownInstrumentException(symbol, "symbol"));
                String canonical = listing.instrument().symbol();
                if (repository.item(id, canonical).isPresent()) {
                    throw itemExists(canonical);
                }
                int count = repository.countItems(id);
                if (count >= limits.maxItemsPerList()) {
                    throw limitReached(
                            "This watchlist has " + count + " items, the most allowed (" + limits.maxItemsPerList()
                                    + "). Remove one first.",
                            limits.maxItemsPerList());
                }
                Instant now = clock.instant();
                repository.insertItem(id, canonical, note, target, now);
                repository.touch(id, now);
                return priced(repository.item(id, canonical).orElseThrow());
            });
        } catch (DuplicateKeyException e) {
            throw itemExists(symbol);
        }
    }

    PricedItem update(CurrentUser user, long id, String rawSymbol, String rawNote, BigDecimal rawTarget) {
        String symbol = WatchlistText.symbol(rawSymbol);
        String note = WatchlistText.note(rawNote);
        BigDecimal target = WatchlistText.targetPrice(rawTarget);
        return tx.execute(status -> {
            repository.lock(user.id(), id).orElseThrow(() -> notFound(id));
            if (!repository.updateItem(id, symbol, note, target)) {
                throw itemNotFound(symbol);
            }
            repository.touch(id, clock.instant());
            return priced(repository.item(id, symbol).orElseThrow());
        });
    }

    void remove(CurrentUser user, long id, String rawSymbol) {
        String symbol = WatchlistText.symbol(rawSymbol);
        tx.executeWithoutResult(status -> {
            repository.lock(user.id(), id).orElseThrow(() -> notFound(id));
            if (!repository.deleteItem(id, symbol)) {
                throw itemNotFound(symbol);
            }
            repository.touch(id, clock.instant());
        });
    }

    private PricedItem priced(WatchlistRepository.ItemRow item) {
        Optional<InstrumentListing> listing = marketData.listing(item.symbol());
        Instrument instrument = listing.map(InstrumentListing::instrument).orElse(null);
        Quote quote = marketData.series(item.symbol()).map(Quote::of).orElse(Quote.NONE);
        Band band = recommendations.currentBand(item.symbol()).orElse(null);
        return new PricedItem(item, instrument, quote, band);
    }

    private static ApiException notFound(long id) {
        return new ApiException(
                        HttpStatus.NOT_FOUND,
                        "watchlist-not-found",
                        "Watchlist not found",
                        "You have no watchlist with id " + id + ".")
                .with("parameter", "id");
    }

    private static ApiException itemNotFound(String symbol) {
        return new ApiException(
                        HttpStatus.NOT_FOUND,
                        "watchlist-item-not-found",
                        "Not on the watchlist",
                        symbol + " is not on this watchlist.")
                .with("parameter", "symbol");
    }

    private static ApiException itemExists(String symbol) {
        return new ApiException(
                        HttpStatus.CONFLICT,
                        "watchlist-item-exists",
                        "Already on the watchlist",
                        symbol + " is already on this watchlist; change its note or target with PUT.")
                .with("parameter", "symbol");
    }

    private static ApiException nameTaken(String name) {
        return new ApiException(
                        HttpStatus.CONFLICT,
                        "watchlist-name-taken",
                        "Watchlist name taken",
                        "You already have a watchlist named '" + name + "' (names are compared ignoring case).")
                .with("parameter", "name");
    }

    private static ApiException limitReached(String detail, int limit) {
        return new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "watchlist-limit-reached", "Watchlist limit reached", detail)
                .with("limit", limit);
    }
}
