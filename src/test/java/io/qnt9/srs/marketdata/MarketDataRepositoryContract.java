package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qnt9.srs.system.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The persistence behaviour of market data, run once on the embedded PostgreSQL and once on an external server
 * ({@link ExternalPostgresRepositoryTests}), so both deployment modes are held to the same contract.
 */
abstract class MarketDataRepositoryContract {

    @Autowired
    BarImporter importer;

    @Autowired
    MarketData marketData;

    @Autowired
    InstrumentRepository instruments;

    @Autowired
    JdbcClient jdbc;

    ImportResult importCsv(String symbol, ImportMode mode, String csv) {
        return importer.importBars(
                new BarImporter.Request(symbol, mode, "test", "tester", null),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    int bars(String symbol) {
        return jdbc.sql(
                        "SELECT count(*) FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id WHERE i.symbol = ?")
                .param(symbol)
                .query(Integer.class)
                .single();
    }

    @Test
    void theMigrationsCreateTheSchemaAndTheBundledDataIsLoaded() {
        assertThat(marketData.instruments())
                .extracting(l -> l.instrument().symbol())
                .contains("AAPL", "GOOG", "MSFT", "SPX");
        assertThat(bars("SPX"))
                .isEqualTo(io.qnt9.srs.ReferenceCsv.read("spx.csv").size());
    }

    @Test
    void anImportedSeriesReadsBackAsAscendingColumnsWithExactValues() {
        importCsv(
                "REPOA",
                ImportMode.REJECT,
                "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        + "2020-01-06,2.0,2.5,1.5,2.25,2.2,20\n" // out of order on purpose
                        + "2020-01-03,1.0,1.5,0.5,1.25,1.2,10\n");
        DailySeries s = marketData.series("REPOA").orElseThrow();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2020, 1, 3));
        assertThat(s.open()).containsExactly(1.0, 2.0);
        assertThat(s.high()).containsExactly(1.5, 2.5);
        assertThat(s.low()).containsExactly(0.5, 1.5);
        assertThat(s.close()).containsExactly(1.25, 2.25);
        assertThat(s.adjClose()).containsExactly(1.2, 2.2);
        assertThat(s.volume()).containsExactly(10L, 20L);
        InstrumentListing l = marketData.listing("repoa").orElseThrow();
        assertThat(l.firstDate()).isEqualTo(LocalDate.of(2020, 1, 3));
        assertThat(l.lastDate()).isEqualTo(LocalDate.of(2020, 1, 6));
        assertThat(l.bars()).isEqualTo(2);
    }

    @Test
    void overlappingDatesFollowTheRequestedMode() {
        importCsv("REPOB", ImportMode.REJECT, "date,close\n2020-01-02,1\n2020-01-03,2\n");
        assertThatThrownBy(() -> importCsv("REPOB", ImportMode.REJECT, "date,close\n2020-01-03,5\n2020-01-06,6\n"))
                .isInstanceOf(ApiException.class)
                .satisfies(e ->
                        assertThat(((ApiException) e).getStatusCode().value()).isEqualTo(409));
        assertThat(bars("REPOB")).isEqualTo(2);
        ImportResult appended = importCsv("REPOB", ImportMode.APPEND, "date,close\n2020-01-03,5\n2020-01-06,6\n");
        assertThat(appended.rowsInserted()).isEqualTo(1);
        assertThat(appended.rowsSkipped()).isEqualTo(1);
        assertThat(marketData.series("REPOB").orElseThrow().close()).containsExactly(1.0, 2.0, 6.0);
        ImportResult replaced = importCsv("REPOB", ImportMode.REPLACE, "date,close\n2020-01-03,5\n");
        assertThat(replaced.rowsUpdated()).isEqualTo(1);
        assertThat(marketData.series("REPOB").orElseThrow().close()).containsExactly(1.0, 5.0, 6.0);

        // Replacing with what is stored (a full refresh) rewrites only what changed: the same row version (xmin)
        // for an identical bar, counted as skipped.
        String unchangedVersion = rowVersion("REPOB", "2020-01-02");
        ImportResult refreshed =
                importCsv("REPOB", ImportMode.REPLACE, "date,close\n2020-01-02,1.0\n2020-01-03,5.5\n2020-01-07,7\n");
        assertThat(List.of(refreshed.rowsInserted(), refreshed.rowsUpdated(), refreshed.rowsSkipped()))
                .as("inserted, updated, skipped (identical)")
                .containsExactly(1, 1, 1);
        assertThat(rowVersion("REPOB", "2020-01-02")).isEqualTo(unchangedVersion);
        assertThat(marketData.series("REPOB").orElseThrow().close()).containsExactly(1.0, 5.5, 6.0, 7.0);
    }

    @Test
    void aCloseOnlyReplacementKeepsTheStoredVolumeAndAdjustmentFactor() {
        importCsv(
                "REPOK",
                ImportMode.REJECT,
                "date,open,high,low,close,adj close,volume\n"
                        + "2020-01-02,10,11,9,10,8,1000\n"
                        + "2020-01-03,10,12,10,11,8.8,2000\n");
        // A correction of one close, from a file with closes only.
        ImportResult r = importCsv("REPOK", ImportMode.REPLACE, "date,close\n2020-01-03,11.5\n");
        assertThat(r.rowsUpdated()).isEqualTo(1);
        DailySeries s = marketData.series("REPOK").orElseThrow();
        assertThat(s.close()).containsExactly(10.0, 11.5);
        assertThat(s.volume()).as("volume kept, not 0").containsExactly(1000L, 2000L);
        assertThat(s.adjClose()[1])
                .as("the factor 8.8 / 11 = 0.8 applied to the new close")
                .isCloseTo(11.5 * 0.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(List.of(s.open()[1], s.high()[1], s.low()[1]))
                .as("open, high and low: the close, as for a close-only bar")
                .containsExactly(11.5, 11.5, 11.5);
        // With the columns in the file, the file's values win.
        importCsv("REPOK", ImportMode.REPLACE, "date,close,adj close,volume\n2020-01-03,11.5,11.5,0\n");
        s = marketData.series("REPOK").orElseThrow();
        assertThat(s.volume()[1]).isZero();
        assertThat(s.adjClose()[1]).isEqualTo(11.5);
    }

    private String rowVersion(String symbol, String date) {
        return jdbc.sql("SELECT b.xmin::text FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id"
                        + " WHERE i.symbol = :symbol AND b.trade_date = CAST(:date AS date)")
                .param("symbol", symbol)
                .param("date", date)
                .query(String.class)
                .single();
    }

    @Test
    void aRejectedImportIsRecordedButWritesNoBars() {
        int runsBefore = jdbc.sql("SELECT count(*) FROM import_run WHERE outcome = 'REJECTED'")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> importCsv("REPOC", ImportMode.REJECT, "date,close\n2020-01-02,1\n2020-01-03,x\n"))
                .isInstanceOf(ApiException.class);
        assertThat(instruments.findBySymbol("REPOC")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM import_run WHERE outcome = 'REJECTED'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(runsBefore + 1);
    }

    @Test
    void aLargeFileStreamsThroughInOneTransaction() {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        LocalDate d = LocalDate.of(1850, 1, 1);
        for (int i = 0; i < 50_000; i++) {
            double c = 100 + (i % 97);
            csv.append(d.plusDays(i))
                    .append(',')
                    .append(c)
                    .append(',')
                    .append(c + 1)
                    .append(',')
                    .append(c - 1)
                    .append(',')
                    .append(c)
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        ImportResult r = importCsv("REPOD", ImportMode.REJECT, csv.toString());
        assertThat(r.rowsInserted()).isEqualTo(50_000);
        DailySeries s = marketData.series("REPOD").orElseThrow();
        assertThat(s.size()).isEqualTo(50_000);
        assertThat(s.close()[49_999]).isEqualTo(100 + (49_999 % 97));
        assertThat(s.volume()[12_345]).isEqualTo(12_345L);
    }

    @Test
    void concurrentImportsOfTheSameDatesDoNotBothSucceed() throws Exception {
        String csv = "date,close\n2020-02-03,1\n2020-02-04,2\n";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Integer> call = () -> {
                    try {
                        importCsv("REPOE", ImportMode.REJECT, csv);
                        return 200;
                    } catch (ApiException e) {
                        return e.getStatusCode().value();
                    }
                };
                results.add(pool.submit(call));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(bars("REPOE")).isEqualTo(2);
    }

    @Test
    void everyStoredBarBelongsToAStoredInstrument() {
        importCsv("REPOG", ImportMode.REJECT, "symbol,date,close\nREPOG,2020-03-02,1\n");
        assertThat(jdbc.sql("SELECT count(*) FROM daily_bar b"
                                + " WHERE NOT EXISTS (SELECT 1 FROM instrument i WHERE i.id = b.instrument_id)")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theDatabaseItselfRefusesInconsistentBars() {
        long id = instruments.insert(
                new Instrument("REPOF", "Repo F", null, "USD", null, null, null, InstrumentKind.STOCK));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO daily_bar VALUES (?, DATE '2020-01-02', 10, 9, 11, 10, 10, 1)")
                        .param(id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO instrument (symbol, name, kind) VALUES ('bad symbol', 'x', 'STOCK')")
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
