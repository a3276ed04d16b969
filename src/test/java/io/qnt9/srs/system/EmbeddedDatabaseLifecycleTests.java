package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qnt9.srs.SrsApplication;
import io.qnt9.srs.TestAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default across restarts, and the production guard. Each test starts the real application. */
class EmbeddedDatabaseLifecycleTests {

    private final Path dataDir = Path.of("target", "tmp", "lifecycle-" + UUID.randomUUID());

    @AfterEach
    void removeDataDir() throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".lock"));
    }

    private ConfigurableApplicationContext start(String... extra) {
        // Command-line arguments, so they win over the test profile's throw-away data directory.
        String[] args = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--qnt9.database.embedded.data-dir=" + dataDir.toAbsolutePath(),
                                "--qnt9.database.embedded.delete-on-exit=false"),
                        Stream.of(extra).map(a -> "--" + a))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SrsApplication.class)
                .profiles("test")
                .run(args);
    }

    private static int count(ConfigurableApplicationContext ctx, String sql) {
        return ctx.getBean(JdbcClient.class).sql(sql).query(Integer.class).single();
    }

    @Test
    void importedDataSurvivesARestartAndTheBundledDataIsNotLoadedTwice() {
        int runsAfterFirstStart;
        int aaplBars;
        try (ConfigurableApplicationContext first = start()) {
            int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
            var r = TestAccounts.admin(port)
                    .post("/api/v1/instruments/KEEP/bars", "text/csv", "date,close\n2021-03-01,5\n2021-03-02,6\n");
            assertThat(r.status()).isEqualTo(200);
            runsAfterFirstStart = count(first, "SELECT count(*) FROM import_run");
            aaplBars = count(
                    first,
                    "SELECT count(*) FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id"
                            + " WHERE i.symbol = 'AAPL'");
            assertThat(count(first, "SELECT count(*) FROM import_run WHERE source LIKE 'bundled:%'"))
                    .isEqualTo(4);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(count(
                            second,
                            "SELECT count(*) FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id"
                                    + " WHERE i.symbol = 'KEEP'"))
                    .isEqualTo(2);
            assertThat(count(second, "SELECT count(*) FROM import_run")).isEqualTo(runsAfterFirstStart);
            assertThat(count(
                            second,
                            "SELECT count(*) FROM daily_bar b JOIN instrument i ON i.id = b.instrument_id"
                                    + " WHERE i.symbol = 'AAPL'"))
                    .isEqualTo(aaplBars);
        }
    }

    @Test
    void productionRefusesToStartOnTheEmbeddedDatabase() {
        assertThatThrownBy(() -> start("qnt9.environment=production").close())
                .hasStackTraceContaining("ENVIRONMENT=production needs an external database: set DATABASE_URL");
    }

    @Test
    void anUnknownEnvironmentStopsStartUpWithAClearMessage() {
        assertThatThrownBy(() -> start("qnt9.environment=qa").close())
                .hasStackTraceContaining("ENVIRONMENT must be one of dev, staging, production");
    }
}
