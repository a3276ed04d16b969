package io.qnt9.srs.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The embedded default: a real PostgreSQL 17 cluster (io.zonky binaries) in a data directory that persists
 * between runs. It is started on a background thread as soon as the bean factory exists, so its start-up
 * (0.3 s with an existing cluster, 2–3 s for initdb) overlaps with the rest of the context; the DataSource
 * waits for it.
 *
 * <p>The server is a separate process. The data directory is owned through a {@link DataDirectoryLock} for as long as
 * it runs: a second instance on the same directory is refused at once, and a server left running by an instance that
 * was killed is stopped before this one starts.
 */
final class EmbeddedPostgresServer implements BeanFactoryPostProcessor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Environment environment;
    private volatile DatabaseProperties.Embedded settings;
    private volatile CompletableFuture<EmbeddedPostgres> running;
    private volatile DataDirectoryLock lock;

    EmbeddedPostgresServer(Environment environment) {
        this.environment = environment;
    }

    /**
     * Starts the server unless {@code DATABASE_URL} names an external one — decided here, at run time, and not by a
     * condition on the bean, so that the same bean definitions serve both (Spring AOT fixes conditions at build time:
     * {@link SpringAotStartup}). Nothing is started, and no setting is read, during the build's AOT processing.
     */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!AotShapeRecorder.processing() && database().usesEmbedded()) {
            start();
        }
    }

    private DatabaseProperties database() {
        return Binder.get(environment)
                .bind("qnt9.database", DatabaseProperties.class)
                .orElseThrow(() -> new IllegalStateException("qnt9.database is not configured"));
    }

    private synchronized CompletableFuture<EmbeddedPostgres> start() {
        if (running == null) {
            settings = database().embedded();
            Path dataDir = settings.dataDir().toAbsolutePath();
            // On the caller's thread: a directory in use stops start-up at once, with its own message.
            DataDirectoryLock owned;
            try {
                owned = DataDirectoryLock.acquire(dataDir, settings.deleteOnExit());
            } catch (IOException e) {
                throw cannotStart(dataDir, e);
            }
            lock = owned;
            running = CompletableFuture.supplyAsync(() -> startBlocking(dataDir, owned), runnable -> {
                Thread t = new Thread(runnable, "embedded-postgres-start");
                t.setDaemon(true);
                t.start();
            });
        }
        return running;
    }

    private EmbeddedPostgres startBlocking(Path dataDir, DataDirectoryLock owned) {
        long started = System.nanoTime();
        try {
            owned.stopLeftoverServer();
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.deleteOnExit())
                    .setPort(settings.port())
                    .setPGStartupWait(START_TIMEOUT)
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8");
            // io.zonky starts postgres with -F (fsync off) and synchronous_commit=off, which suits throw-away
            // test clusters; a cluster that keeps the user's data must survive a crash.
            String durable = settings.durable() ? "on" : "off";
            builder.setServerConfig("fsync", durable).setServerConfig("synchronous_commit", durable);
            EmbeddedPostgres pg = builder.start();
            log.info(
                    "Embedded PostgreSQL ready on port {} with data in {} ({}, {} ms)",
                    pg.getPort(),
                    dataDir,
                    fresh ? "new cluster" : "existing cluster",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return pg;
        } catch (IOException | RuntimeException e) {
            throw cannotStart(dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded PostgreSQL", e);
        }
    }

    private static IllegalStateException cannotStart(Path dataDir, Exception e) {
        return new IllegalStateException(
                "Could not start the embedded PostgreSQL in " + dataDir
                        + ". If another QNT9 instance uses this directory, stop it or set DATA_DIR to another"
                        + " directory; to use an external database set DATABASE_URL. Cause: " + e.getMessage(),
                e);
    }

    /** Blocks until the cluster accepts connections; fails with the start-up error otherwise. */
    JdbcTarget awaitRunning() {
        try {
            EmbeddedPostgres pg = start().get(START_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return new JdbcTarget(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded PostgreSQL", e);
        }
    }

    /** Stops the server (after its start, if that is still running) and then releases the data directory. */
    @Override
    public synchronized void destroy() {
        CompletableFuture<EmbeddedPostgres> r = running;
        try {
            EmbeddedPostgres pg = r == null ? null : startedOrNull(r);
            if (pg != null) {
                pg.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataDirectoryLock l = lock;
            lock = null;
            if (l != null) {
                l.close();
            }
        }
    }

    /**
     * Waits for a start in progress: a context that fails early (the production guard, another bean) would otherwise
     * leave a server starting in the background that nobody stops.
     */
    private static EmbeddedPostgres startedOrNull(CompletableFuture<EmbeddedPostgres> start) {
        try {
            return start.handle((pg, failure) -> pg).get(START_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The embedded PostgreSQL did not finish starting; not stopping it: {}", e.toString());
            return null;
        }
    }
}
