package io.qnt9.srs.marketdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The market-data API other modules use: the instrument directory and each instrument's daily series, served
 * from memory. The database is the source of truth; the directory is an immutable snapshot swapped on change,
 * and each series is loaded once into columns and dropped when an import changes it
 * ({@link MarketDataChanged}).
 */
@Service
public class MarketData {

    private final InstrumentRepository instruments;
    private final DailyBarRepository bars;
    private final Map<String, SeriesSlot> series = new ConcurrentHashMap<>();
    private volatile Map<String, Entry> directory;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    MarketData(InstrumentRepository instruments, DailyBarRepository bars) {
        this.instruments = instruments;
        this.bars = bars;
    }

    record Entry(long id, InstrumentListing listing) {}

    /** A series read, and whether it came from memory without touching the database. */
    record SeriesRead(DailySeries series, boolean cacheHit) {}

    /**
     * Changes whenever instruments or bars change (after the change is visible through this class). Caches derived
     * from market data — search index, rankings — compare it to know when to rebuild, without listening to events
     * themselves and racing this class's own refresh.
     */
    public long version() {
        return version.get();
    }

    /** Every instrument, ordered by symbol. */
    public List<InstrumentListing> instruments() {
        List<InstrumentListing> out = new ArrayList<>(directory().size());
        directory().values().forEach(e -> out.add(e.listing()));
        return Collections.unmodifiableList(out);
    }

    public Optional<InstrumentListing> listing(String symbol) {
        Entry e = entry(symbol);
        return e == null ? Optional.empty() : Optional.of(e.listing());
    }

    public Optional<Instrument> instrument(String symbol) {
        return listing(symbol).map(InstrumentListing::instrument);
    }

    /** The instrument's bars, ascending; empty when the symbol is unknown. */
    public Optional<DailySeries> series(String symbol) {
        SeriesRead read = read(symbol);
        return read == null ? Optional.empty() : Optional.of(read.series());
    }

    /** Like {@link #series} but a 404 problem for an unknown symbol; {@code parameter} names the request field. */
    public DailySeries requireSeries(String symbol, String parameter) {
        return series(symbol).orElseThrow(() -> new UnknownInstrumentException(symbol, parameter));
    }

    public InstrumentListing requireListing(String symbol, String parameter) {
        return listing(symbol).orElseThrow(() -> new UnknownInstrumentException(symbol, parameter));
    }

    SeriesRead read(String symbol) {
        Entry e = entry(symbol);
        if (e == null) {
            return null;
        }
        String key = e.listing().instrument().symbol();
        SeriesSlot slot = series.computeIfAbsent(key, k -> new SeriesSlot());
        return slot.get(() -> bars.load(e.id(), key, Math.max(16, e.listing().bars())));
    }

    private Entry entry(String symbol) {
        String s = Symbols.normalise(symbol);
        return s == null ? null : directory().get(s);
    }

    long idOf(String symbol) {
        Entry e = entry(symbol);
        if (e == null) {
            throw new UnknownInstrumentException(symbol, "symbol");
        }
        return e.id();
    }

    private Map<String, Entry> directory() {
        Map<String, Entry> d = directory;
        if (d == null) {
            synchronized (this) {
                d = directory;
                if (d == null) {
                    d = loadDirectory();
                    directory = d;
                }
            }
        }
        return d;
    }

    private Map<String, Entry> loadDirectory() {
        Map<Long, InstrumentRepository.Coverage> coverage = instruments.coverageOfAll();
        TreeMap<String, Entry> d = new TreeMap<>();
        for (InstrumentRepository.Row row : instruments.findAll()) {
            InstrumentRepository.Coverage c = coverage.getOrDefault(row.id(), InstrumentRepository.Coverage.NONE);
            d.put(row.instrument().symbol(), entry(row, c));
        }
        return Collections.unmodifiableMap(d);
    }

    private static Entry entry(InstrumentRepository.Row row, InstrumentRepository.Coverage c) {
        return new Entry(row.id(), new InstrumentListing(row.instrument(), c.firstDate(), c.lastDate(), c.bars()));
    }

    /**
     * Drops what changed once the change is committed. Listeners registered later (rankings, search) see the
     * new data when they read through this class.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MarketDataChanged change) {
        synchronized (this) {
            Map<String, Entry> d = directory;
            if (d != null) {
                TreeMap<String, Entry> next = new TreeMap<>(d);
                for (String symbol : change.symbols()) {
                    instruments
                            .findBySymbol(symbol)
                            .ifPresentOrElse(
                                    row -> next.put(symbol, entry(row, instruments.coverageOf(row.id()))),
                                    () -> next.remove(symbol));
                }
                directory = Collections.unmodifiableMap(next);
            }
        }
        change.symbols().forEach(series::remove);
        version.incrementAndGet();
    }

    /**
     * Drops every cached instrument and series, to be read again from the database — when changes may have been
     * missed (see {@link MarketDataNotifications}).
     */
    void forgetEverything() {
        synchronized (this) {
            directory = null;
        }
        series.clear();
        version.incrementAndGet();
    }

    /** Loads a series at most once per slot; a slot removed on change is simply never read again. */
    private static final class SeriesSlot {
        private volatile DailySeries value;

        SeriesRead get(java.util.function.Supplier<DailySeries> loader) {
            DailySeries v = value;
            if (v != null) {
                return new SeriesRead(v, true);
            }
            synchronized (this) {
                if (value != null) {
                    return new SeriesRead(value, true);
                }
                value = loader.get();
                return new SeriesRead(value, false);
            }
        }
    }
}
