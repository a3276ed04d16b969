package io.qnt9.srs.system;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The owner of an embedded PostgreSQL in a child JVM, for tests that need that JVM to die while its server runs.
 * Arguments: the data directory, and {@code server} (an {@link EmbeddedPostgresServer}, as the service runs it) or
 * {@code earlier-version} (io.zonky alone, as QNT9 ran it before the data-directory lock). It writes a row into table
 * {@code kept}, prints {@code POSTGRES_PID=<pid>} and waits. It exits when its standard input closes, so it ends with
 * the test JVM even if that one is killed.
 */
final class EmbeddedPostgresInstance {

    static final String PID_LINE = "POSTGRES_PID=";
    static final String ROW = "written before the owner was killed";

    private EmbeddedPostgresInstance() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        Path dataDir = Path.of(args[0]);
        String jdbcUrl = switch (args[1]) {
            case "server" -> server(dataDir, false).awaitRunning().jdbcUrl();
            case "earlier-version" ->
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(120))
                        .start()
                        .getJdbcUrl("postgres", "postgres");
            default -> throw new IllegalArgumentException("unknown mode " + args[1]);
        };
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                Statement s = c.createStatement()) {
            // The server runs as tests run it, with synchronous_commit off: a commit returns before its WAL is on
            // disk, and a server killed within the next few hundred milliseconds may lose it. The row must be
            // durable, so that the tests' "the data is kept" is about the recovery, not about that race.
            s.execute("SET synchronous_commit TO on");
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('" + ROW + "')");
        }
        System.out.println(PID_LINE + postmasterPid(dataDir));
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing to read: the test only closes it, or kills this JVM
        }
        System.exit(0);
    }

    /** A server as the service configures it, from {@code qnt9.database.embedded.*} properties. */
    static EmbeddedPostgresServer server(Path dataDir, boolean deleteOnExit) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "qnt9.database.embedded.data-dir",
                                        dataDir.toAbsolutePath().toString(),
                                "qnt9.database.embedded.durable", "false",
                                "qnt9.database.embedded.delete-on-exit", String.valueOf(deleteOnExit))));
        return new EmbeddedPostgresServer(environment);
    }

    /** The PID of the postmaster running in the directory, from the first line of its {@code postmaster.pid}. */
    static long postmasterPid(Path dataDir) throws java.io.IOException {
        String content = Files.readString(dataDir.resolve("postmaster.pid"), StandardCharsets.ISO_8859_1);
        return Long.parseLong(content.lines().findFirst().orElseThrow().strip());
    }
}
