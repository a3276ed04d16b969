package io.qnt9.srs.system;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ownership of an embedded PostgreSQL data directory: an exclusive OS file lock on {@code <dataDir>.lock}, held
 * while the server runs. PostgreSQL is a separate process and outlives a JVM that ends without stopping it (kill -9,
 * the OOM killer, an IDE's force stop, {@code Runtime.halt}); the lock does not, the OS releases it with the process.
 * So whoever holds the lock owns the directory, and a PostgreSQL still running in it once the lock is ours was left
 * behind by an instance that is gone, and can be stopped.
 *
 * <p>The file lies beside the directory, not in it, because initdb needs an empty directory for a new cluster. It
 * holds the owner's PID, so that a refusal can name the other instance.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    private static final long STOP_SECONDS = 15;

    /**
     * Lock files held in this JVM. The OS does not refuse a second lock to the same process, and closing any other
     * descriptor of the file in this JVM would silently release the lock (POSIX record locks belong to the process),
     * so a second server in this JVM is refused here, before the file is opened; and nothing else may open the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final Path file;
    private final FileChannel channel;
    private final boolean deleteOnClose;
    private final ProcessHandle orphan;

    private DataDirectoryLock(
            Path dataDir, Path file, FileChannel channel, boolean deleteOnClose, ProcessHandle orphan) {
        this.dataDir = dataDir;
        this.file = file;
        this.channel = channel;
        this.deleteOnClose = deleteOnClose;
        this.orphan = orphan;
    }

    /**
     * Takes the directory (creating it if needed) or fails at once, touching no PostgreSQL, when another instance
     * owns it.
     *
     * @param deleteOnClose remove the lock file on {@link #close()} (with a data directory that is deleted too)
     */
    static DataDirectoryLock acquire(Path dataDir, boolean deleteOnClose) throws IOException {
        Files.createDirectories(dataDir);
        Path real = dataDir.toRealPath();
        Path file = real.resolveSibling(real.getFileName() + ".lock");
        long self = ProcessHandle.current().pid();
        if (!HELD.add(file)) {
            throw inUse(dataDir, "another embedded PostgreSQL server in this JVM (PID " + self + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, CREATE, READ, WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // the same file under another name; HELD catches the rest
                throw inUse(dataDir, "another embedded PostgreSQL server in this JVM (PID " + self + ")");
            }
            if (lock == null) {
                throw inUse(dataDir, "another QNT9 instance (" + holder(channel) + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(US_ASCII)), 0);
            return new DataDirectoryLock(dataDir, file, channel, deleteOnClose, leftoverServer(dataDir));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(file);
            throw e;
        }
    }

    /**
     * The PostgreSQL server still running in the directory although its lock was free, or null. A QNT9 version from
     * before this lock does not take it, but io.zonky's own lock in the directory ({@code epg-lock}, held by the JVM
     * that runs the server) shows whether such an instance is alive: then the directory is in use, not abandoned.
     */
    private static ProcessHandle leftoverServer(Path dataDir) throws IOException {
        ProcessHandle server =
                postmaster(dataDir).filter(p -> isServerFor(p, dataDir)).orElse(null);
        if (server != null && heldByALiveJvm(dataDir.resolve("epg-lock"))) {
            throw inUse(
                    dataDir,
                    "a running QNT9 instance of an earlier version, which does not take " + dataDir.getFileName()
                            + ".lock (its PostgreSQL has PID " + server.pid() + ")");
        }
        return server;
    }

    /** The process named by the first line of {@code postmaster.pid}, if it exists. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        String pid;
        try {
            pid = Files.readString(dataDir.resolve("postmaster.pid"), ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("")
                    .strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return pid.matches("[0-9]{1,10}") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
    }

    /**
     * Whether the process is a PostgreSQL server ({@code postgres -D dir ...}) for this data directory. A stale
     * {@code postmaster.pid} may name a PID that now belongs to anything else: such a process is never touched.
     */
    static boolean isServerFor(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        List<String> args = info.arguments().map(List::of).orElse(List.of());
        int d = args.indexOf("-D");
        return postgres && d >= 0 && d + 1 < args.size() && sameFile(Path.of(args.get(d + 1)), dataDir);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean heldByALiveJvm(Path lockFile) throws IOException {
        try (FileChannel c = FileChannel.open(lockFile, WRITE);
                FileLock lock = c.tryLock()) {
            return lock == null;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), US_ASCII).strip();
        return pid.matches("[0-9]{1,10}") ? "PID " + pid : "PID unknown";
    }

    private static IllegalStateException inUse(Path dataDir, String holder) {
        return new IllegalStateException("The embedded PostgreSQL data directory " + dataDir + " is in use by "
                + holder + ". Stop that instance, or set DATA_DIR to another directory, or set DATABASE_URL to use"
                + " an external database.");
    }

    /**
     * Stops the server left running in the directory, if any, with PostgreSQL's fast shutdown (SIGINT): open
     * transactions are rolled back, connections closed, a checkpoint written — the data is kept. Not SIGTERM, the
     * smart shutdown, which waits for every client to disconnect: a client still connected to the left-over server
     * (a psql session, say) would hold the start up. If the server has not ended after {@value #STOP_SECONDS} s, it
     * and its processes are killed (PostgreSQL then recovers from its WAL on the next start; {@link ProcessHandle}
     * checks a process's start time, so a PID reused meanwhile is not hit); if SIGINT cannot be sent, SIGTERM.
     */
    void stopLeftoverServer() throws InterruptedException {
        if (orphan == null) {
            return;
        }
        log.warn(
                "The embedded PostgreSQL in {} (PID {}) is still running, left by a QNT9 instance that ended without"
                        + " stopping it (killed, or crashed). Stopping it and starting again; the data is kept.",
                dataDir,
                orphan.pid());
        List<ProcessHandle> processes = orphan.descendants().toList(); // before they lose their parent
        if (!fastShutdown(orphan)) {
            orphan.destroy();
        }
        if (!exited(orphan)) {
            log.warn(
                    "The embedded PostgreSQL (PID {}) did not stop within {} s: killing it and its processes",
                    orphan.pid(),
                    STOP_SECONDS);
            orphan.destroyForcibly();
            processes.forEach(ProcessHandle::destroyForcibly);
            if (!exited(orphan)) {
                throw new IllegalStateException(
                        "Could not stop the embedded PostgreSQL (PID " + orphan.pid() + ") left running in " + dataDir);
            }
        }
    }

    /**
     * Sends the server SIGINT, which Java cannot send itself, through the shell's {@code kill} (not {@code pg_ctl
     * kill}, which refuses to run as root where the embedded server itself does); false if that could not be done.
     */
    private static boolean fastShutdown(ProcessHandle server) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s INT \"$1\"", "sh", String.valueOf(server.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                log.warn("kill did not signal the PostgreSQL (PID {}) within {} s", server.pid(), STOP_SECONDS);
                return false;
            }
            if (kill.exitValue() == 0) {
                return true;
            }
            String output = new String(kill.getInputStream().readAllBytes(), ISO_8859_1).strip(); // a line or two
            log.warn("kill could not signal the PostgreSQL (PID {}): {}", server.pid(), output);
        } catch (IOException e) {
            log.warn("kill could not signal the PostgreSQL (PID {}): {}", server.pid(), e.toString());
        }
        return false;
    }

    private static boolean exited(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) { // onExit() never completes exceptionally
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Releases the directory; call it once its server has stopped. */
    @Override
    public void close() {
        try {
            if (deleteOnClose) {
                Files.deleteIfExists(file); // before the release, so that nobody locks a file that is going away
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            HELD.remove(file);
        }
    }
}
