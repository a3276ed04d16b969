package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes instrument reference data: the bundled catalogue on start, metadata CSV imports (all or nothing), and the
 * deletions that undo a mistaken import (an instrument with its bars, or a range of bars).
 */
@Service
class InstrumentCatalogue {

    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final InstrumentRepository instruments;
    private final DailyBarRepository bars;
    private final ImportRunRepository runs;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MarketDataNotifications notifications;
    private final Clock clock;

    InstrumentCatalogue(
            InstrumentRepository instruments,
            DailyBarRepository bars,
            ImportRunRepository runs,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            MarketDataNotifications notifications,
            Clock clock) {
        this.instruments = instruments;
        this.bars = bars;
        this.runs = runs;
        this.tx = tx;
        this.events = events;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Inserts the instruments whose symbol is not stored yet; leaves existing ones (and their edits) alone. */
    void insertMissing(List<Instrument> list) {
        Set<String> added = new LinkedHashSet<>();
        tx.executeWithoutResult(status -> {
            for (Instrument i : list) {
                if (instruments.findBySymbol(i.symbol()).isEmpty()) {
                    instruments.insert(i);
                    added.add(i.symbol());
                }
            }
            if (!added.isEmpty()) {
                notifications.announce(added);
            }
        });
        if (!added.isEmpty()) {
            events.publishEvent(new MarketDataChanged(added));
        }
    }

    /** {@code ignoredColumns}: columns of the file that are not instrument fields (as for a bar import). */
    record MetadataImportResult(long importId, int rows, List<String> symbols, List<String> ignoredColumns) {}

    /** Validates the whole file, then inserts or updates every instrument in one transaction. */
    MetadataImportResult importCsv(InputStream body, String source, String requestedBy) throws IOException {
        Instant started = clock.instant();
        byte[] bytes = new LimitedInputStream(body, MAX_BYTES).readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        Set<String> symbols = new LinkedHashSet<>();
        Set<String> ignored = new LinkedHashSet<>();
        try {
            long id = tx.execute(status -> {
                InstrumentCsv.parse(text, row -> {
                    Instrument instrument = row.instrument();
                    ignored.addAll(row.extraColumns().keySet());
                    try {
                        instruments.upsert(instrument, row.columns());
                    } catch (DuplicateKeyException e) {
                        throw new ApiException(
                                        HttpStatus.CONFLICT,
                                        "instrument-conflict",
                                        "Identifier already used",
                                        "The ISIN or WKN of " + instrument.symbol()
                                                + " belongs to another stored instrument. Nothing was imported.")
                                .with("symbol", instrument.symbol());
                    }
                    symbols.add(instrument.symbol());
                });
                notifications.announce(symbols);
                return runs.record(new ImportRunRepository.Run(
                        "INSTRUMENTS",
                        source,
                        requestedBy,
                        String.join(",", symbols),
                        null,
                        started,
                        clock.instant(),
                        symbols.size(),
                        symbols.size(),
                        0,
                        ImportRunRepository.Outcome.SUCCEEDED,
                        null,
                        null));
            });
            audit.info("event=instrument-import outcome=succeeded by={} rows={}", requestedBy, symbols.size());
            events.publishEvent(new MarketDataChanged(symbols));
            return new MetadataImportResult(id, symbols.size(), List.copyOf(symbols), List.copyOf(ignored));
        } catch (ApiException e) {
            runs.record(new ImportRunRepository.Run(
                    "INSTRUMENTS",
                    source,
                    requestedBy,
                    null,
                    null,
                    started,
                    clock.instant(),
                    0,
                    0,
                    0,
                    ImportRunRepository.Outcome.REJECTED,
                    e.getBody().getDetail(),
                    null));
            audit.info("event=instrument-import outcome=rejected by={}", requestedBy);
            throw e;
        }
    }

    record DeletedInstrument(String symbol, int barsDeleted) {}

    /**
     * Deletes an imported instrument and all its bars (a mistyped symbol, a test upload). A bundled instrument is
     * refused (409): the next start would insert it again, without its bars. Watchlist entries keep the symbol and
     * show it without data until their owner removes them.
     */
    DeletedInstrument deleteInstrument(String symbol, String requestedBy) {
        InstrumentRepository.Row row = stored(symbol);
        String s = row.instrument().symbol();
        if (BundledData.items().stream().anyMatch(i -> i.instrument().symbol().equals(s))) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "bundled-instrument",
                            "Bundled instrument",
                            s + " comes with the service's bundled data and would be restored, without its bars, at"
                                    + " the next start; it cannot be deleted. Delete a range of its bars instead.")
                    .with("parameter", "symbol");
        }
        int deleted = tx.execute(status -> {
            int n = bars.deleteRange(row.id(), null, null);
            instruments.delete(row.id());
            notifications.announce(Set.of(s));
            return n;
        });
        audit.info("event=instrument-delete by={} symbol={} bars={}", requestedBy, s, deleted);
        events.publishEvent(new MarketDataChanged(Set.of(s)));
        return new DeletedInstrument(s, deleted);
    }

    /**
     * Deletes the instrument's bars from {@code start} to {@code end}, inclusive; either may be null (open), not
     * both — the whole history goes with {@link #deleteInstrument}. Returns how many were deleted.
     */
    int deleteBars(String symbol, java.time.LocalDate start, java.time.LocalDate end, String requestedBy) {
        InstrumentRepository.Row row = stored(symbol);
        String s = row.instrument().symbol();
        int deleted = tx.execute(status -> {
            int n = bars.deleteRange(row.id(), start, end);
            if (n > 0) {
                notifications.announce(Set.of(s));
            }
            return n;
        });
        audit.info("event=bars-delete by={} symbol={} start={} end={} bars={}", requestedBy, s, start, end, deleted);
        if (deleted > 0) {
            events.publishEvent(new MarketDataChanged(Set.of(s)));
        }
        return deleted;
    }

    private InstrumentRepository.Row stored(String symbol) {
        return instruments.findBySymbol(symbol).orElseThrow(() -> new UnknownInstrumentException(symbol, "symbol"));
    }
}
