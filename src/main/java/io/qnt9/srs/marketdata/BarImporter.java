package io.qnt9.srs.marketdata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qnt9.srs.system.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a bar CSV into PostgreSQL, all or nothing.
 *
 * <p>Each line is validated as it is read and, while no error has been seen, written to a COPY stream into a
 * transaction-local staging table; nothing is buffered beyond one 256 KiB chunk, whatever the file size. At the end
 * of the file: any invalid line → the transaction is rolled back and a 422 lists the first errors with line numbers;
 * a date already stored under {@link ImportMode#REJECT} → rolled back with a 409; otherwise the staged rows are
 * merged into {@code daily_bar} in one statement and the import is recorded in {@code import_run}. Imports run one
 * at a time (advisory lock); readers are never blocked.
 */
@Service
class BarImporter {

    private static final Logger log = LoggerFactory.getLogger(BarImporter.class);
    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final long IMPORT_LOCK = 7_190_001L;

    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")";
    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE import_staging (
                symbol varchar(16) NOT NULL, trade_date date NOT NULL, open float8 NOT NULL, high float8 NOT NULL,
                low float8 NOT NULL, close float8 NOT NULL, adj_close float8 NOT NULL, volume bigint NOT NULL
            ) ON COMMIT DROP""";
    private static final String COPY = "COPY import_staging FROM STDIN";
    private static final String CREATE_MISSING_INSTRUMENTS = """
            INSERT INTO instrument (symbol, name, kind)
            SELECT DISTINCT s.symbol, coalesce(CAST(:name AS varchar), s.symbol), 'STOCK' FROM import_staging s
            WHERE NOT EXISTS (SELECT 1 FROM instrument i WHERE i.symbol = s.symbol)
            RETURNING symbol""";
    private static final String OVERLAP = """
            SELECT s.symbol, s.trade_date FROM import_staging s
            JOIN instrument i ON i.symbol = s.symbol
            JOIN daily_bar b ON b.instrument_id = i.id AND b.trade_date = s.trade_date""";
    private static final String OVERLAP_COUNT = "SELECT count(*) FROM (" + OVERLAP + ") o";
    private static final String OVERLAP_SAMPLE = OVERLAP + " ORDER BY 1, 2 LIMIT 10";
    private static final String INSERT = """
            INSERT INTO daily_bar (instrument_id, trade_date, open, high, low, close, adj_close, volume)
            SELECT i.id, s.trade_date, s.open, s.high, s.low, s.close, s.adj_close, s.volume
            FROM import_staging s JOIN instrument i ON i.symbol = s.symbol""";
    // ON CONFLICT costs a speculative insertion per row (+50 % measured), so it is used only when rows overlap.
    private static final String MERGE = INSERT + "\nON CONFLICT (instrument_id, trade_date) DO ";
    private static final String MERGE_KEEP = MERGE + "NOTHING";
    // A stored bar equal to the imported one is left alone: no new row version (a nightly full-history refresh
    // would otherwise rewrite, and bloat, the whole table), and the answer counts it as skipped, not updated.
    private static final String MERGE_REPLACE = MERGE + """
            UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume
            WHERE (daily_bar.open, daily_bar.high, daily_bar.low, daily_bar.close, daily_bar.adj_close,
                    daily_bar.volume)
                IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.adj_close,
                    EXCLUDED.volume)""";
    /**
     * mode=replace with a file that lacks the volume or the adjusted-close column (a {@code date,close} correction):
     * a stored bar keeps its volume — the file says nothing about it, and 0 would erase it — and its adjustment
     * factor {@code adj_close / close}, applied to the new close, so that a corrected close keeps the bar's split and
     * dividend adjustment instead of becoming unadjusted. (Open, high and low, when absent, are the close, as for a
     * new bar: a stored range could not be kept consistent with a new close.)
     */
    private static final String KEEP_STORED = """
            UPDATE import_staging s SET
                volume = CASE WHEN :keepVolume THEN b.volume ELSE s.volume END,
                adj_close = CASE WHEN NOT :keepFactor THEN s.adj_close
                                 WHEN s.close = b.close THEN b.adj_close
                                 ELSE s.close * (b.adj_close / b.close) END
            FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id
            WHERE i.symbol = s.symbol AND b.trade_date = s.trade_date""";

    private static final String ANALYZE = "ANALYZE import_staging";
    private static final String STORED_RANGES = """
            SELECT i.symbol,
                (SELECT min(trade_date) FROM daily_bar b WHERE b.instrument_id = i.id) - DATE '1970-01-01',
                (SELECT max(trade_date) FROM daily_bar b WHERE b.instrument_id = i.id) - DATE '1970-01-01'
            FROM instrument i WHERE i.symbol = ANY(string_to_array(:symbols, ','))""";
    // For each symbol: the stored bar before the file's first date and the bar at that date, the bar at the file's
    // last date and the stored bar after it (epoch days and closes; index lookups on the primary key).
    private static final String SEAMS = """
            SELECT r.symbol,
                p.trade_date - DATE '1970-01-01', p.close, c.trade_date - DATE '1970-01-01', c.close,
                l.trade_date - DATE '1970-01-01', l.close, x.trade_date - DATE '1970-01-01', x.close
            FROM unnest(string_to_array(:symbols, ','), CAST(string_to_array(:firsts, ',') AS int[]),
                    CAST(string_to_array(:lasts, ',') AS int[])) AS r(symbol, first_day, last_day)
            JOIN instrument i ON i.symbol = r.symbol
            LEFT JOIN LATERAL (SELECT trade_date, close FROM daily_bar b WHERE b.instrument_id = i.id
                AND b.trade_date < DATE '1970-01-01' + r.first_day ORDER BY b.trade_date DESC LIMIT 1) p ON true
            LEFT JOIN LATERAL (SELECT trade_date, close FROM daily_bar b WHERE b.instrument_id = i.id
                AND b.trade_date = DATE '1970-01-01' + r.first_day) c ON true
            LEFT JOIN LATERAL (SELECT trade_date, close FROM daily_bar b WHERE b.instrument_id = i.id
                AND b.trade_date = DATE '1970-01-01' + r.last_day) l ON true
            LEFT JOIN LATERAL (SELECT trade_date, close FROM daily_bar b WHERE b.instrument_id = i.id
                AND b.trade_date > DATE '1970-01-01' + r.last_day ORDER BY b.trade_date LIMIT 1) x ON true""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ImportRunRepository runs;
    private final ApplicationEventPublisher events;
    private final MarketDataNotifications notifications;
    private final ImportProperties properties;
    private final Clock clock;
    private final Counter rowsWritten;
    private final Counter rowsRejected;

    BarImporter(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionTemplate tx,
            ImportRunRepository runs,
            ApplicationEventPublisher events,
            MarketDataNotifications notifications,
            ImportProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.runs = runs;
        this.events = events;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        this.rowsWritten = Counter.builder("qnt9.import.rows")
                .description("Bar rows handled by CSV imports")
                .tag("outcome", "written")
                .register(meters);
        this.rowsRejected = Counter.builder("qnt9.import.rows")
                .description("Bar rows handled by CSV imports")
                .tag("outcome", "rejected")
                .register(meters);
    }

    /**
     * @param symbol the instrument all rows belong to, or null for a multi-instrument file with a symbol column
     * @param newInstrumentName name for the instrument when it does not exist yet (defaults to the symbol)
     */
    record Request(String symbol, ImportMode mode, String source, String requestedBy, String newInstrumentName) {}

    ImportResult importBars(Request request, InputStream body) {
        return importBars(request, body, null);
    }

    /** @param checksum recorded with the run (bundled files use it to skip what was already loaded) */
    ImportResult importBars(Request request, InputStream body, String checksum) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Staged[] staged = new Staged[1];
        try {
            ImportResult result = tx.execute(status -> {
                staged[0] = stage(request, body);
                ImportResult merged = merge(request, staged[0], started, t0, checksum);
                notifications.announce(new java.util.LinkedHashSet<>(merged.symbols())); // sent on commit
                return merged;
            });
            rowsWritten.increment(result.rowsInserted() + result.rowsUpdated());
            audit.info(
                    "event=import outcome=succeeded source={} by={} symbols={} mode={} rows={} inserted={} updated={}"
                            + " skipped={} ms={}",
                    request.source(),
                    request.requestedBy(),
                    abbreviate(String.join(",", result.symbols())),
                    result.mode(),
                    result.rowsReceived(),
                    result.rowsInserted(),
                    result.rowsUpdated(),
                    result.rowsSkipped(),
                    result.durationMs());
            events.publishEvent(new MarketDataChanged(new java.util.LinkedHashSet<>(result.symbols())));
            return result;
        } catch (ApiException e) {
            int received = staged[0] == null ? 0 : staged[0].rows;
            rowsRejected.increment(received);
            recordRejection(request, started, received, e);
            throw e;
        }
    }

    /**
     * What streaming the file established: row count and, per symbol, the first and last epoch day; whether the file
     * has a volume and an adjusted-close column (see {@link #KEEP_STORED}).
     */
    private record Staged(
            int rows,
            List<String> ignoredColumns,
            Map<String, int[]> ranges,
            ImportWarnings warnings,
            boolean hasVolume,
            boolean hasAdjClose) {

        List<String> symbols() {
            return new ArrayList<>(new java.util.TreeSet<>(ranges.keySet()));
        }

        LocalDate firstDate() {
            return LocalDate.ofEpochDay(
                    ranges.values().stream().mapToInt(r -> r[0]).min().orElseThrow());
        }

        LocalDate lastDate() {
            return LocalDate.ofEpochDay(
                    ranges.values().stream().mapToInt(r -> r[1]).max().orElseThrow());
        }
    }

    private Staged stage(Request request, InputStream body) {
        jdbc.sql(LOCK).query().singleRow();
        jdbc.sql(CREATE_STAGING).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyBuffer copy;
        try {
            copy = CopyBuffer.to(
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a COPY stream: " + e.getMessage(), e);
        }
        try {
            return readInto(request, body, copy);
        } catch (RuntimeException e) {
            copy.cancel();
            throw e;
        }
    }

    private Staged readInto(Request request, InputStream body, CopyBuffer copy) {
        ImportErrors errors = new ImportErrors(properties.maxReportedErrors());
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(new LimitedInputStream(body, properties.maxBytes()), StandardCharsets.UTF_8),
                1 << 16);
        try {
            String header = reader.readLine();
            if (header != null && !header.isEmpty() && header.charAt(0) == '\uFEFF') {
                header = header.substring(1);
            }
            BarCsvFormat format;
            try {
                format = BarCsvFormat.parse(header);
            } catch (CsvProblem p) {
                throw ImportErrors.rejection(List.of(p.error()), 1);
            }
            if (request.symbol() == null && format.symbol == BarCsvFormat.ABSENT) {
                throw ImportErrors.rejection(
                        List.of(new RowError(
                                1,
                                "symbol",
                                null,
                                "A file for several instruments needs a 'symbol' column; to import one instrument,"
                                        + " POST to /api/v1/instruments/{symbol}/bars.")),
                        1);
            }
            BarRowParser parser = new BarRowParser(format, request.symbol(), LocalDate.now(clock));
            CsvLine fields = new CsvLine();
            Map<String, Integer> symbolIds = new HashMap<>();
            Map<String, int[]> ranges = new HashMap<>();
            LongIntMap seen = new LongIntMap(4096);
            ImportWarnings warnings = new ImportWarnings();
            long lineNo = 1;
            int rows = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                fields.split(line, format.delimiter);
                if (!parser.parse(fields, lineNo, errors)) {
                    continue;
                }
                Integer sid = symbolIds.computeIfAbsent(parser.symbol, k -> symbolIds.size());
                long key = ((long) sid << 32) | (parser.epochDay & 0xFFFF_FFFFL);
                int firstLine = seen.putIfAbsent(key, (int) Math.min(lineNo, Integer.MAX_VALUE));
                if (firstLine >= 0) {
                    errors.add(new RowError(
                            lineNo,
                            "date",
                            fields.trimmed(format.date),
                            "Duplicate date" + (symbolIds.size() > 1 ? " for " + parser.symbol : "")
                                    + ": already on line " + firstLine + "."));
                    continue;
                }
                rows++;
                int[] range =
                        ranges.computeIfAbsent(parser.symbol, k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
                range[0] = Math.min(range[0], parser.epochDay);
                range[1] = Math.max(range[1], parser.epochDay);
                if (errors.isEmpty()) {
                    parser.write(fields, copy);
                    warnings.row(sid, parser.symbol, parser.epochDay, parser.close);
                }
            }
            if (!errors.isEmpty()) {
                throw ImportErrors.rejection(errors.first(), errors.count());
            }
            if (rows == 0) {
                throw ImportErrors.rejection(
                        List.of(new RowError(2, null, null, "The file has a header but no data rows.")), 1);
            }
            copy.finish();
            return new Staged(
                    rows,
                    format.ignoredColumns,
                    ranges,
                    warnings,
                    format.volume != BarCsvFormat.ABSENT,
                    format.adjClose != BarCsvFormat.ABSENT);
        } catch (IOException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "unreadable-upload",
                    "Unreadable upload",
                    "The upload could not be read to the end (" + e.getMessage() + "). Nothing was imported.",
                    e);
        }
    }

    private ImportResult merge(Request request, Staged staged, Instant started, long t0, String checksum) {
        long tMerge = System.nanoTime();
        log.debug("import phase stage (parse, validate, COPY) took {} ms", (tMerge - t0) / 1_000_000);
        List<String> created = jdbc.sql(CREATE_MISSING_INSTRUMENTS)
                .param("name", blankToNull(request.newInstrumentName()))
                .query(String.class)
                .list();
        long tOverlap = System.nanoTime();
        Map<String, int[]> stored = storedRanges(staged);
        int overlap = mayOverlap(staged, stored) ? countOverlap() : 0;
        log.debug(
                "import phase instruments {} ms, overlap check {} ms",
                (tOverlap - tMerge) / 1_000_000,
                (System.nanoTime() - tOverlap) / 1_000_000);
        if (overlap > 0 && request.mode() == ImportMode.REJECT) {
            List<String> sample = jdbc.sql(OVERLAP_SAMPLE)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getDate(2).toLocalDate())
                    .list();
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "import-overlap",
                            "Dates already stored",
                            overlap + " of " + staged.rows() + " rows are for dates already stored (" + sample.get(0)
                                    + (overlap > 1 ? " …" : "") + "). Nothing was imported. Use mode=append to add"
                                    + " only new dates, or mode=replace to overwrite the stored bars.")
                    .with("overlappingRows", overlap)
                    .with("overlapping", sample);
        }
        if (overlap > 0 && request.mode() == ImportMode.REPLACE && !(staged.hasVolume() && staged.hasAdjClose())) {
            jdbc.sql(KEEP_STORED)
                    .param("keepVolume", !staged.hasVolume())
                    .param("keepFactor", !staged.hasAdjClose())
                    .update();
        }
        long tInsert = System.nanoTime();
        String statement = overlap == 0 ? INSERT : request.mode() == ImportMode.REPLACE ? MERGE_REPLACE : MERGE_KEEP;
        int affected = jdbc.sql(statement).update();
        log.debug("import phase merge into daily_bar {} ms", (System.nanoTime() - tInsert) / 1_000_000);
        checkSeams(staged, stored);
        List<String> warnings = staged.warnings().list();
        int inserted;
        int updated;
        int skipped;
        if (request.mode() == ImportMode.REPLACE) {
            inserted = staged.rows() - overlap;
            updated = affected - inserted;
            skipped = overlap - updated; // identical to the stored bar
        } else {
            inserted = affected;
            updated = 0;
            skipped = staged.rows() - affected;
        }
        List<String> symbols = staged.symbols();
        Instant finished = clock.instant();
        long id = runs.record(new ImportRunRepository.Run(
                "BARS",
                request.source(),
                request.requestedBy(),
                String.join(",", symbols),
                request.mode().name(),
                started,
                finished,
                staged.rows(),
                inserted + updated,
                skipped,
                ImportRunRepository.Outcome.SUCCEEDED,
                created.isEmpty() ? null : "created instruments " + String.join(",", new TreeSet<>(created)),
                checksum));
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        log.info(
                "Imported {} rows for {} ({} new, {} updated, {} skipped) in {} ms{}",
                staged.rows(),
                abbreviate(String.join(",", symbols)),
                inserted,
                updated,
                skipped,
                ms,
                warnings.isEmpty() ? "" : "; " + warnings.size() + " warnings");
        return new ImportResult(
                id,
                symbols,
                request.mode(),
                staged.rows(),
                inserted,
                updated,
                skipped,
                staged.firstDate(),
                staged.lastDate(),
                created,
                staged.ignoredColumns(),
                warnings,
                ms);
    }

    /** The symbols of the file that have stored bars (read from the primary-key index), with their stored range. */
    private Map<String, int[]> storedRanges(Staged staged) {
        Map<String, int[]> stored = new HashMap<>();
        jdbc.sql(STORED_RANGES)
                .param("symbols", String.join(",", staged.ranges().keySet())) // symbols never contain commas
                .query(rs -> {
                    int first = rs.getInt(2);
                    if (!rs.wasNull()) {
                        stored.put(rs.getString(1), new int[] {first, rs.getInt(3)});
                    }
                });
        return stored;
    }

    /**
     * Whether any staged row can hit a stored date: only when, for some symbol, the stored date range intersects the
     * file's. Appending new days, or loading new instruments, skips the join.
     */
    private static boolean mayOverlap(Staged staged, Map<String, int[]> stored) {
        for (Map.Entry<String, int[]> e : stored.entrySet()) {
            int[] file = staged.ranges().get(e.getKey());
            if (file[0] <= e.getValue()[1] && e.getValue()[0] <= file[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the merge: compares, for each symbol that had stored bars, the file's first bar with the stored bar
     * before it and the file's last bar with the stored bar after it — where an appended day after an unadjusted
     * split would show.
     */
    private void checkSeams(Staged staged, Map<String, int[]> stored) {
        if (stored.isEmpty()) {
            return;
        }
        List<String> symbols = new ArrayList<>(stored.keySet());
        StringBuilder firsts = new StringBuilder();
        StringBuilder lasts = new StringBuilder();
        for (String symbol : symbols) {
            int[] file = staged.ranges().get(symbol);
            firsts.append(firsts.isEmpty() ? "" : ",").append(file[0]);
            lasts.append(lasts.isEmpty() ? "" : ",").append(file[1]);
        }
        jdbc.sql(SEAMS)
                .param("symbols", String.join(",", symbols))
                .param("firsts", firsts.toString())
                .param("lasts", lasts.toString())
                .query(rs -> {
                    String symbol = rs.getString(1);
                    seam(staged.warnings(), symbol, rs, 2, 4);
                    seam(staged.warnings(), symbol, rs, 6, 8);
                });
    }

    private static void seam(ImportWarnings warnings, String symbol, java.sql.ResultSet rs, int a, int b)
            throws SQLException {
        int dayA = rs.getInt(a);
        boolean missing = rs.wasNull();
        int dayB = rs.getInt(b);
        if (!missing && !rs.wasNull()) {
            warnings.compare(symbol, dayA, rs.getDouble(a + 1), dayB, rs.getDouble(b + 1));
        }
    }

    private int countOverlap() {
        jdbc.sql(ANALYZE).update();
        return jdbc.sql(OVERLAP_COUNT).query(Integer.class).single();
    }

    private void recordRejection(Request request, Instant started, int received, ApiException e) {
        try {
            runs.record(new ImportRunRepository.Run(
                    "BARS",
                    request.source(),
                    request.requestedBy(),
                    request.symbol(),
                    request.mode().name(),
                    started,
                    clock.instant(),
                    received,
                    0,
                    0,
                    ImportRunRepository.Outcome.REJECTED,
                    e.getBody().getDetail(),
                    null));
            audit.info(
                    "event=import outcome=rejected source={} by={} symbol={} status={}",
                    request.source(),
                    request.requestedBy(),
                    request.symbol(),
                    e.getStatusCode().value());
        } catch (RuntimeException recordFailure) {
            log.warn("Could not record the rejected import: {}", recordFailure.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
