package io.qnt9.srs.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code DATABASE_URL} (JDBC or {@code postgres://user:pass@host:port/db} form), {@code DATABASE_USER},
 * {@code DATABASE_PASSWORD}. With no URL the service runs its own embedded PostgreSQL.
 */
@ConfigurationProperties("qnt9.database")
record DatabaseProperties(String url, String username, String password, Embedded embedded) {

    /**
     * The embedded default.
     *
     * @param dataDir where the cluster lives; kept between runs so imported data survives a restart
     * @param port 0 picks a free port
     * @param durable fsync and synchronous commit on (off only for throw-away test databases)
     * @param deleteOnExit remove the data directory, and its lock file beside it, when the service stops (tests)
     */
    record Embedded(
            Path dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("true") boolean durable,
            @DefaultValue("false") boolean deleteOnExit) {}

    boolean usesEmbedded() {
        return url == null || url.isBlank();
    }
}
