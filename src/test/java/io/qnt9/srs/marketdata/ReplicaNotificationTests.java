package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.qnt9.srs.SrsApplication;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two replicas on one database, as the Helm chart runs them: this test's application (replica A, on its embedded
 * PostgreSQL) and a second application context started here against A's database (replica B, through
 * {@code DATABASE_URL} as a real replica would be). An import on either must reach the other's in-memory market data
 * — before {@link MarketDataNotifications}, B kept its cached instruments and bars until restarted — and so must a
 * deletion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class ReplicaNotificationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    MarketData marketDataA;

    @Autowired
    BarImporter importerA;

    @Autowired
    MarketDataNotifications notificationsA;

    @Autowired
    InstrumentCatalogue catalogueA;

    ConfigurableApplicationContext replicaB;

    @AfterEach
    void stopReplicaB() {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    private ConfigurableApplicationContext startReplicaB() {
        // Command-line arguments: they outrank the configuration files, as DATABASE_URL does in a deployment.
        return new SpringApplicationBuilder(SrsApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run(
                        "--qnt9.database.url=" + dataSource.getJdbcUrl(),
                        "--qnt9.database.username=" + dataSource.getUsername(),
                        "--qnt9.database.password="
                                + (dataSource.getPassword() == null ? "" : dataSource.getPassword()),
                        "--qnt9.account.admin.email=",
                        "--qnt9.account.admin.password=");
    }

    private static ImportResult importCsv(BarImporter importer, String symbol, ImportMode mode, String csv) {
        return importer.importBars(
                new BarImporter.Request(symbol, mode, "test", "test", null),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", PATIENCE, what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anImportOnOneReplicaReachesTheCachedMarketDataOfTheOther() throws Exception {
        replicaB = startReplicaB();
        assertThat(replicaB.getBean(HikariDataSource.class).getJdbcUrl())
                .as("B uses A's database")
                .isEqualTo(dataSource.getJdbcUrl());
        MarketData marketDataB = replicaB.getBean(MarketData.class);
        BarImporter importerB = replicaB.getBean(BarImporter.class);
        await(
                "both replicas listen",
                () -> notificationsA.listening()
                        && replicaB.getBean(MarketDataNotifications.class).listening());

        // B has read (and cached) the directory and REPLA's bars before A changes them.
        importCsv(importerA, "REPLA", ImportMode.REJECT, "date,close\n2020-01-02,10\n2020-01-03,11\n");
        await("B sees the new instrument", () -> marketDataB.series("REPLA").isPresent());
        assertThat(marketDataB.series("REPLA").orElseThrow().size()).isEqualTo(2);

        // An appended day on A: B's cached series grows.
        importCsv(importerA, "REPLA", ImportMode.APPEND, "date,close\n2020-01-06,12\n");
        // (A series read straight after A's commit may come from the database before B has handled the
        // announcement, so wait for the listing too: it is refreshed only by the announcement.)
        await(
                "B sees the appended day in the series and the listing",
                () -> marketDataB.series("REPLA").orElseThrow().size() == 3
                        && marketDataB.listing("REPLA").orElseThrow().bars() == 3);
        assertThat(marketDataB.series("REPLA").orElseThrow().lastDate()).contains(LocalDate.of(2020, 1, 6));
        assertThat(marketDataB.listing("REPLA").orElseThrow().lastDate()).isEqualTo(LocalDate.of(2020, 1, 6));

        // And the other way round: a replaced close on B reaches A's cached series.
        assertThat(marketDataA.series("REPLA").orElseThrow().close()[2]).isEqualTo(12.0);
        importCsv(importerB, "REPLA", ImportMode.REPLACE, "date,close\n2020-01-06,12.5\n");
        await(
                "A sees the replaced close",
                () -> marketDataA.series("REPLA").orElseThrow().close()[2] == 12.5);

        // Deletions too: a range of bars deleted on A leaves B's cache, then the instrument itself.
        assertThat(catalogueA.deleteBars("REPLA", LocalDate.of(2020, 1, 3), null, "test"))
                .isEqualTo(2);
        await(
                "B drops the deleted bars",
                () -> marketDataB.series("REPLA").orElseThrow().size() == 1
                        && marketDataB.listing("REPLA").orElseThrow().bars() == 1);
        assertThat(catalogueA.deleteInstrument("REPLA", "test").barsDeleted()).isEqualTo(1);
        await(
                "B forgets the deleted instrument",
                () -> marketDataB.listing("REPLA").isEmpty());
        assertThat(marketDataB.series("REPLA")).isEmpty();
    }

    @Test
    void anAnnouncementOfMoreSymbolsThanAPayloadHoldsDropsEverythingOnTheOtherReplica() throws Exception {
        replicaB = startReplicaB();
        MarketData marketDataB = replicaB.getBean(MarketData.class);
        await(
                "both replicas listen",
                () -> notificationsA.listening()
                        && replicaB.getBean(MarketDataNotifications.class).listening());
        assertThat(marketDataB.read("AAPL").series().size()).isPositive();
        assertThat(marketDataB.read("AAPL").cacheHit()).isTrue();
        long version = marketDataB.version();
        // 1,000 symbols of 8 characters and their commas: longer than a payload may be.
        java.util.Set<String> many = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add("SYM" + String.format("%05d", i));
        }
        assertThat(String.join(",", many).length()).isGreaterThan(MarketDataNotifications.MAX_PAYLOAD);
        notificationsA.announce(many); // outside a transaction: sent at once
        await("B drops everything", () -> marketDataB.version() > version);
        assertThat(marketDataB.read("AAPL").cacheHit()).as("AAPL read again").isFalse();
    }

    @Test
    void aReplicaIgnoresItsOwnAnnouncementsAndDropsEverythingOnAnAnnouncementTooLongToList() {
        MarketData.SeriesRead first = marketDataA.read("AAPL");
        assertThat(marketDataA.read("AAPL").cacheHit()).isTrue();
        long version = marketDataA.version();
        // its own announcement (origin = this replica): nothing to do, it refreshed when its import committed
        notificationsA.handle(notificationsA.originForTests() + " AAPL");
        assertThat(marketDataA.version()).isEqualTo(version);
        assertThat(marketDataA.read("AAPL").cacheHit()).isTrue();
        // another replica's "everything": every cached series is read again
        notificationsA.handle("another-replica " + MarketDataNotifications.EVERYTHING);
        assertThat(marketDataA.version()).isGreaterThan(version);
        assertThat(marketDataA.read("AAPL").cacheHit()).isFalse();
        assertThat(marketDataA.read("AAPL").series().size())
                .isEqualTo(first.series().size());
    }
}
