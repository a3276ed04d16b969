package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * A database that earlier builds created upgrades to this one. Flyway refuses to start on a database that already has
 * a higher version than one of the migrations it finds (a {@code V12} added after {@code V20} once stopped the service
 * on every existing database), so a new migration must be numbered above all released ones. The test migrates a
 * schema with the released migrations only, then with all of them.
 */
@SpringBootTest
@ActiveProfiles("test")
class MigrationUpgradeTests {

    /**
     * The migrations that have shipped. Add a new migration's version here once it has landed; a migration numbered
     * below the highest of these fails the test.
     */
    static final Set<Integer> RELEASED = Set.of(1, 2, 10, 11, 20, 21);

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

    @Autowired
    DataSource dataSource;

    @Test
    void aDatabaseMigratedByEarlierReleasesUpgradesToThisBuild() throws IOException {
        String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        Path released = Files.createTempDirectory(Path.of("target"), "released-migrations");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> all = files.toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(RELEASED.size());
            for (Path file : all) {
                Matcher m = VERSION.matcher(file.getFileName().toString());
                assertThat(m.matches()).as("migration file name " + file).isTrue();
                if (RELEASED.contains(Integer.parseInt(m.group(1)))) {
                    Files.copy(file, released.resolve(file.getFileName()));
                }
            }
            flyway(schema, "filesystem:" + released.toAbsolutePath()).migrate();
            assertThatCode(() -> flyway(schema, "filesystem:" + MIGRATIONS.toAbsolutePath())
                            .migrate())
                    .as("Upgrading a released database. A new migration must be numbered above every released one"
                            + " (" + RELEASED + "), whatever its module.")
                    .doesNotThrowAnyException();
            int applied = JdbcClient.create(dataSource)
                    .sql("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success AND type = 'SQL'")
                    .query(Integer.class)
                    .single();
            assertThat(applied).isEqualTo(all.size());
        } finally {
            FileSystemUtils.deleteRecursively(released);
            JdbcClient.create(dataSource)
                    .sql("DROP SCHEMA " + schema + " CASCADE")
                    .update();
        }
    }

    private Flyway flyway(String schema, String location) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations(location)
                .load();
    }
}
