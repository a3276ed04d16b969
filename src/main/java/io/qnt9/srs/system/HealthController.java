package io.qnt9.srs.system;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the shape the Stock Statistics API and the pipeline's smoke tests expect —
 * {@code {"status":"healthy","timestamp":"…Z"}} — plus the state of each component; 503 and
 * {@code "unhealthy"} when the database does not answer. The database probe is memoised for one second so
 * that a load balancer hammering this endpoint cannot hammer the database.
 */
@RestController
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    private static final long PROBE_TTL_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private final Clock clock;
    private final String version;
    private final String environment;
    private volatile Probe last;

    HealthController(
            DataSource dataSource, SystemProperties system, ObjectProvider<BuildProperties> build, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        BuildProperties props = build.getIfAvailable();
        this.version = props == null ? "dev" : props.getVersion();
        this.environment = system.deploymentEnvironment().name().toLowerCase(java.util.Locale.ROOT);
    }

    record Probe(boolean up, long latencyMicros, long at) {}

    @GetMapping(value = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> health() {
        Probe db = database();
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", db.up() ? "up" : "down");
        database.put("latencyMs", Math.round(db.latencyMicros() / 10.0) / 100.0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db.up() ? "healthy" : "unhealthy");
        body.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("version", version);
        body.put("environment", environment);
        body.put("components", Map.of("database", database));
        return ResponseEntity.status(db.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private Probe database() {
        Probe p = last;
        long now = System.nanoTime();
        if (p != null && now - p.at() < PROBE_TTL_NANOS) {
            return p;
        }
        boolean up;
        try (Connection c = dataSource.getConnection()) {
            up = c.isValid(2);
        } catch (Exception e) {
            log.warn("Health probe: database unavailable: {}", e.getMessage());
            up = false;
        }
        long end = System.nanoTime();
        p = new Probe(up, (end - now) / 1000, end);
        last = p;
        return p;
    }
}
