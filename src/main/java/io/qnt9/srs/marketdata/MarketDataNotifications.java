package io.qnt9.srs.marketdata;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory market data of every replica in step with the database. Each replica caches instruments and
 * columnar series ({@link MarketData}); an import on one replica used to refresh only that replica's cache, so the
 * others (the Helm chart runs two or more) kept answering with the old bars until restarted.
 *
 * <p>Now an import announces the symbols it changed with PostgreSQL {@code NOTIFY} inside its own transaction — so
 * the announcement goes out when, and only if, the import commits — and every replica {@code LISTEN}s on a
 * dedicated connection and drops what changed, as for its own imports. The channel is named after the schema, so
 * deployments sharing a database in different schemas do not hear each other. A replica ignores its own
 * announcements (it has already refreshed). When the listening connection breaks, the replica reconnects with
 * back-off and then drops everything it cached, since announcements made meanwhile are lost.
 */
@Component
class MarketDataNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketDataNotifications.class);

    /** PostgreSQL limits a payload to 8000 bytes; a longer list of symbols is announced as "everything". */
    static final int MAX_PAYLOAD = 7000;

    static final String EVERYTHING = "*";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final MarketData marketData;
    private final String origin = UUID.randomUUID().toString();
    private volatile String channel;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    MarketDataNotifications(
            DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events, MarketData marketData) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
        this.marketData = marketData;
    }

    /**
     * Announces to the other replicas that these symbols changed. Call it inside the transaction that changes them.
     */
    void announce(Set<String> symbols) {
        String list = String.join(",", symbols);
        String payload = origin + " " + (list.length() > MAX_PAYLOAD ? EVERYTHING : list);
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", channel())
                .param("payload", payload)
                .query()
                .singleRow();
    }

    /** This replica's id in its announcements. */
    String originForTests() {
        return origin;
    }

    /** Whether this replica currently listens on its notification connection. */
    boolean listening() {
        return listening;
    }

    private String channel() {
        String c = channel;
        if (c == null) {
            String schema =
                    jdbc.sql("SELECT current_schema()").query(String.class).single();
            c = "qnt9_market_data_" + schema;
            channel = c;
        }
        return c;
    }

    /**
     * Listens before the application serves anything: the first {@code LISTEN} happens here, on the starting thread,
     * so no announcement made after the caches could first be filled is missed. If the database does not answer
     * yet, the listening thread keeps trying and drops every cache once it listens.
     */
    @Override
    public void start() {
        channel();
        running = true;
        Connection first = null;
        try {
            first = listenOn(open());
        } catch (SQLException | RuntimeException e) {
            log.warn("Market-data notifications not listening yet ({}); retrying in the background", e.getMessage());
        }
        Connection initial = first;
        thread = new Thread(() -> listenLoop(initial), "market-data-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("closing the notification connection: {}", e.getMessage());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private Connection listenOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        connection = c;
        listening = true;
        return c;
    }

    private void listenLoop(Connection initial) {
        long backoffMillis = 500;
        Connection next = initial;
        while (running) {
            boolean reconnected = next == null;
            try (Connection c = next != null ? next : listenOn(open())) {
                next = null;
                if (reconnected) {
                    // Announcements made while no connection listened are lost: drop everything once.
                    log.info("Listening for market-data changes again; refreshing every cached series");
                    marketData.forgetEverything();
                }
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification n : received) {
                            handle(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                log.warn(
                        "Market-data notifications interrupted ({}); reconnecting in {} ms",
                        e.getMessage(),
                        backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(30_000, backoffMillis * 2);
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    void handle(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(origin)) {
            return; // malformed, or our own: already refreshed when the import committed here
        }
        String symbols = payload.substring(space + 1);
        if (symbols.equals(EVERYTHING)) {
            marketData.forgetEverything();
        } else {
            events.publishEvent(new MarketDataChanged(new LinkedHashSet<>(List.of(symbols.split(",")))));
        }
    }

    /** A connection of its own, outside the pool: it is held for as long as the application runs. */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource h && h.getJdbcUrl() != null) {
            return DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword());
        }
        return dataSource.getConnection();
    }
}
