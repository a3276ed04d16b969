package io.qnt9.srs.system;

import static io.qnt9.srs.system.EmbeddedPostgresInstance.postmasterPid;
import static io.qnt9.srs.system.EmbeddedPostgresInstance.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Ownership of the embedded data directory, with real PostgreSQL servers: the lock beside the directory, refusal of a
 * second instance, and recovery of a server left running by an instance that was killed (a child JVM, killed with
 * SIGKILL). Every process a test starts is stopped afterwards, also when the test fails.
 */
class EmbeddedPostgresOwnershipTests {

    /** Generous: the machine may be busy (two cores, other builds); a wait ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private static final long SELF = ProcessHandle.current().pid();

    private final Path root =
            Path.of("target", "tmp", "ownership-" + UUID.randomUUID()).toAbsolutePath();
    private final Path dataDir = root.resolve("pgdata");
    private final Path lockFile = root.resolve("pgdata.lock");
    private final List<EmbeddedPostgresServer> servers = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private final List<ProcessHandle> postgres = new ArrayList<>();
    private final List<ProcessHandle> frozen = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stopEverythingTheTestStarted() throws Exception {
        ((Logger) LoggerFactory.getLogger(DataDirectoryLock.class)).detachAppender(logged);
        frozen.forEach(ProcessHandle::destroyForcibly); // what a test froze and its code did not end
        for (EmbeddedPostgresServer s : servers) {
            try {
                s.destroy();
            } catch (RuntimeException e) {
                // keep cleaning up; the test's own assertions report what went wrong
            }
        }
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        // Servers whose PID a test never learned (a child that died half-way) are found through postmaster.pid.
        readPostmasterPid().flatMap(ProcessHandle::of).ifPresent(postgres::add);
        for (ProcessHandle p : postgres) {
            if (p.isAlive() && DataDirectoryLock.isServerFor(p, dataDir)) {
                p.destroy();
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    p.destroyForcibly();
                }
            }
        }
        FileSystemUtils.deleteRecursively(root);
    }

    @Test
    void aServerLeftRunningByAKilledInstanceIsStoppedAndTheNextStartKeepsItsData() throws Exception {
        Process owner = startChild("server");
        ProcessHandle orphan = awaitPostgresOf(owner, "server");

        // While its owner lives, the directory is refused at once, naming the owner; its server is left alone.
        assertThatThrownBy(track(server(dataDir, false))::awaitRunning)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The embedded PostgreSQL data directory " + dataDir)
                .hasMessageContaining("is in use by another QNT9 instance (PID " + owner.pid() + ")")
                .hasMessageContaining("Stop that instance, or set DATA_DIR to another directory, or set DATABASE_URL");
        assertThat(orphan.isAlive()).isTrue();

        owner.destroyForcibly(); // SIGKILL, as kill -9 or the OOM killer: no shutdown hook runs
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(orphan.isAlive())
                .as("the killed instance's PostgreSQL is still running (the defect this recovers from)")
                .isTrue();

        captureLog();
        JdbcTarget target = track(server(dataDir, false)).awaitRunning();

        assertThat(orphan.isAlive()).as("the leftover server was stopped").isFalse();
        assertThat(postmasterPid(dataDir)).isNotEqualTo(orphan.pid());
        assertThat(queryString(target, "SELECT note FROM kept")).isEqualTo(EmbeddedPostgresInstance.ROW);
        assertThat(logged.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage())
                    .contains("(PID " + orphan.pid() + ") is still running, left by a QNT9 instance that ended"
                            + " without stopping it");
        });
    }

    @Test
    void aLeftoverServerWithAClientStillConnectedIsStoppedAtOnceAndItsOpenTransactionRolledBack() throws Exception {
        Process owner = startChild("server");
        ProcessHandle orphan = awaitPostgresOf(owner, "server");
        // A client of the server that outlives its owner (a psql session, say), in the middle of a transaction.
        try (Connection client = connectTo(dataDir);
                Statement s = client.createStatement()) {
            client.setAutoCommit(false);
            s.execute("INSERT INTO kept VALUES ('never committed')");
            owner.destroyForcibly();
            assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();

            captureLog();
            JdbcTarget target = track(server(dataDir, false)).awaitRunning();

            // Fast shutdown: the server did not wait for the client (SIGTERM, a smart shutdown, would have waited
            // until the 15 s ran out and the server was killed), closed its connection and rolled its work back.
            assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains("did not stop within"));
            assertThat(orphan.isAlive()).isFalse();
            assertThat(client.isValid(10)).isFalse();
            assertThat(queryString(target, "SELECT string_agg(note, '|') FROM kept"))
                    .isEqualTo(EmbeddedPostgresInstance.ROW);
        }
    }

    @Test
    void aLeftoverServerThatDoesNotStopIsKilledWithItsProcessesAndTheNextStartRecoversItsData() throws Exception {
        Process owner = startChild("server");
        ProcessHandle orphan = awaitPostgresOf(owner, "server");
        List<ProcessHandle> workers = orphan.descendants().toList(); // checkpointer, WAL writer, ...
        assertThat(workers).isNotEmpty();
        owner.destroyForcibly();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // A server that ignores every request to stop: SIGSTOP freezes it (SIGKILL still ends a stopped process), and
        // its workers too, which would otherwise end on their own once they saw their postmaster gone.
        List<String> freezeCommand = new ArrayList<>(List.of("kill", "-s", "STOP", String.valueOf(orphan.pid())));
        workers.forEach(w -> freezeCommand.add(String.valueOf(w.pid())));
        frozen.add(orphan);
        frozen.addAll(workers);
        Process freeze = new ProcessBuilder(freezeCommand).start();
        assertThat(freeze.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(freeze.exitValue()).isZero();

        captureLog();
        JdbcTarget target = track(server(dataDir, false)).awaitRunning();

        assertThat(logged.list)
                .anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .isEqualTo("The embedded PostgreSQL (PID " + orphan.pid()
                                + ") did not stop within 15 s: killing it and its processes"));
        assertThat(orphan.isAlive()).isFalse();
        await().atMost(PATIENCE).until(() -> workers.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(queryString(target, "SELECT note FROM kept")).isEqualTo(EmbeddedPostgresInstance.ROW);
    }

    @Test
    void aSecondServerInTheSameJvmIsRefusedAndTheFirstKeepsItsLockAndAnswers() throws Exception {
        JdbcTarget first = track(server(dataDir, false)).awaitRunning();
        EmbeddedPostgresServer second = track(server(dataDir, false));

        assertThatThrownBy(second::awaitRunning)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The embedded PostgreSQL data directory " + dataDir)
                .hasMessageContaining("in use by another embedded PostgreSQL server in this JVM (PID " + SELF + ")");
        second.destroy(); // as Spring does with the failed context: must not release the first server's lock

        assertThat(queryString(first, "SELECT 'still answering'")).isEqualTo("still answering");
        assertThat(osLockHolders(lockFile)).containsExactly(SELF);
    }

    @Test
    void theLockFileBesideTheDirectoryNamesItsOwnerAndIsReleasedOnceTheServerHasStopped() throws Exception {
        EmbeddedPostgresServer server = track(server(dataDir, false));
        server.awaitRunning();
        ProcessHandle pg = ProcessHandle.of(postmasterPid(dataDir)).orElseThrow();

        assertThat(readFromAnotherProcess(lockFile).strip()).isEqualTo(String.valueOf(SELF));
        assertThat(osLockHolders(lockFile)).containsExactly(SELF);
        assertThat(dataDir)
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".lock"));

        server.destroy();

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist(); // PostgreSQL removes it last, on its way out
        await().atMost(PATIENCE).until(() -> !pg.isAlive());
        assertThat(lockFile).exists();
        assertThat(osLockHolders(lockFile)).isEmpty();
        // The directory can be owned again, and nothing is mistaken for a leftover server.
        captureLog();
        assertThat(queryString(track(server(dataDir, false)).awaitRunning(), "SELECT 'again'"))
                .isEqualTo("again");
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.WARN);
    }

    @Test
    void deleteOnExitRemovesTheLockFileWithTheDataDirectory() {
        EmbeddedPostgresServer server = track(server(dataDir, true));
        server.awaitRunning();
        assertThat(lockFile).exists();

        server.destroy();

        assertThat(dataDir).doesNotExist();
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void aRunningInstanceOfAnEarlierVersionIsRefusedAndNotMistakenForALeftoverServer() throws Exception {
        Process earlier = startChild("earlier-version"); // io.zonky alone: no lock beside the directory
        ProcessHandle pg = awaitPostgresOf(earlier, "earlier-version");

        assertThatThrownBy(track(server(dataDir, false))::awaitRunning)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by a running QNT9 instance of an earlier version")
                .hasMessageContaining("its PostgreSQL has PID " + pg.pid());

        assertThat(pg.isAlive()).isTrue();
        assertThat(osLockHolders(lockFile)).isEmpty();
    }

    @Test
    void aPostmasterPidNamingAnythingButThisDirectorysServerIsLeftAlone() throws Exception {
        EmbeddedPostgresServer first = track(server(dataDir, false));
        first.awaitRunning();
        ProcessHandle pg = ProcessHandle.of(postmasterPid(dataDir)).orElseThrow();
        Process bystander = track(new ProcessBuilder("sleep", "600").start());

        assertThat(DataDirectoryLock.isServerFor(pg, dataDir)).isTrue();
        assertThat(DataDirectoryLock.isServerFor(pg, root)).isFalse();
        assertThat(DataDirectoryLock.isServerFor(ProcessHandle.current(), dataDir))
                .isFalse();
        assertThat(DataDirectoryLock.isServerFor(bystander.toHandle(), dataDir)).isFalse();

        // A stale postmaster.pid (its process is gone) is PostgreSQL's to handle: the next start simply works.
        String pidFile = Files.readString(dataDir.resolve("postmaster.pid"), StandardCharsets.ISO_8859_1);
        first.destroy();
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(
                dataDir.resolve("postmaster.pid"),
                gone.pid() + pidFile.substring(pidFile.indexOf('\n')),
                StandardCharsets.ISO_8859_1);
        captureLog();

        assertThat(queryString(track(server(dataDir, false)).awaitRunning(), "SELECT 'started'"))
                .isEqualTo("started");
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.WARN);
        assertThat(bystander.isAlive()).isTrue();
    }

    private EmbeddedPostgresServer track(EmbeddedPostgresServer server) {
        servers.add(server);
        return server;
    }

    private Process track(Process process) {
        children.add(process);
        return process;
    }

    private void captureLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(DataDirectoryLock.class)).addAppender(logged);
    }

    /** A JVM running {@link EmbeddedPostgresInstance} on this test's data directory. */
    private Process startChild(String mode) throws IOException {
        Files.createDirectories(root);
        return track(new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresInstance.class.getName(),
                        dataDir.toString(),
                        mode)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve(mode + ".log").toFile())
                .start());
    }

    /** Waits until the child has started its server and written its row; the server's process. */
    private ProcessHandle awaitPostgresOf(Process child, String mode) throws IOException {
        Path log = root.resolve(mode + ".log");
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> pidLine(log).isPresent() || !child.isAlive());
        Optional<Long> pid = pidLine(log);
        if (pid.isEmpty()) {
            throw new AssertionError("the child JVM ended before its PostgreSQL was ready:\n" + Files.readString(log));
        }
        ProcessHandle pg = ProcessHandle.of(pid.get()).orElseThrow();
        postgres.add(pg);
        return pg;
    }

    private static Optional<Long> pidLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        return Files.readAllLines(log).stream()
                .filter(l -> l.startsWith(EmbeddedPostgresInstance.PID_LINE))
                .map(l -> Long.parseLong(l.substring(EmbeddedPostgresInstance.PID_LINE.length())))
                .findFirst();
    }

    /**
     * The file's content, read by {@code cat}: closing a descriptor of the lock file in this JVM would release this
     * JVM's lock on it (POSIX record locks belong to the process, not to the descriptor).
     */
    private static String readFromAnotherProcess(Path file) throws IOException, InterruptedException {
        Process cat = new ProcessBuilder("cat", file.toString()).start();
        String content = new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(cat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return content;
    }

    private Optional<Long> readPostmasterPid() {
        try {
            return Optional.of(postmasterPid(dataDir));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A connection to the server running in the directory, on the port its {@code postmaster.pid} names. */
    private static Connection connectTo(Path dataDir) throws IOException, SQLException {
        String port = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.ISO_8859_1)
                .get(3)
                .strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static String queryString(JdbcTarget target, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /**
     * The processes holding an OS (POSIX record) lock on the file, from {@code /proc/locks} (waiters, marked "->", are
     * not holders): what another process trying to lock it runs into, whatever this JVM's own bookkeeping says.
     */
    private static List<Long> osLockHolders(Path file) throws IOException {
        String inode = ":" + Files.getAttribute(file, "unix:ino");
        List<Long> holders = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
            String[] f = line.trim().split("\\s+");
            int kind = List.of(f).indexOf("POSIX");
            if (kind > 0 && !line.contains("->") && f.length > kind + 4 && f[kind + 4].endsWith(inode)) {
                holders.add(Long.parseLong(f[kind + 3]));
            }
        }
        return holders;
    }
}
