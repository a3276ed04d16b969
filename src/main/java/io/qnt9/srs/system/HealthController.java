package io.qnt9.srs.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the shape the Stock Statistics API and the pipeline's smoke tests expect —
 * {@code {"status":"healthy","timestamp":"…Z"}} — plus the state of each component; 503 and
 * {@code "unhealthy"} when the database does not answer. Healthy means ready to serve: while the application is
 * still starting (the web server is up but the bundled data is still being checked or loaded) it is 503
 * {@code "starting"}, and once shutdown has begun 503 {@code "stopping"}, so that a smoke test or load balancer
 * waiting for "healthy" never sends a request the service cannot answer yet. The database probe is memoised for
 * one second so that a load balancer hammering this endpoint cannot hammer the database.
 */
@RestController
@Tag(name = "Operations", description = "Health for load balancers and smoke tests")
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);
    private static final long PROBE_TTL_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private final ApplicationAvailability availability;
    private final Clock clock;
    private final String version;
    private final String environment;
    private volatile Probe last;
    private volatile boolean wasReady;

    HealthController(
            DataSource dataSource,
            ApplicationAvailability availability,
            SystemProperties system,
            ObjectProvider<BuildProperties> build,
            Clock clock) {
        this.dataSource = dataSource;
        this.availability = availability;
        this.clock = clock;
        BuildProperties props = build.getIfAvailable();
        this.version = props == null ? "dev" : props.getVersion();
        this.environment = system.deploymentEnvironment().name().toLowerCase(java.util.Locale.ROOT);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        wasReady = true;
    }

    record Probe(boolean up, long latencyMicros, long at) {}

    @GetMapping(value = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getHealth",
            summary = "Whether the service is ready to serve, with the state of its database",
            responses = {
                @ApiResponse(responseCode = "200", description = "status healthy: ready"),
                @ApiResponse(
                        responseCode = "503",
                        description = "status starting, stopping or unhealthy (the database does not answer); the"
                                + " same JSON shape")
            })
    ResponseEntity<Map<String, Object>> health() {
        Probe db = database();
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", db.up() ? "up" : "down");
        database.put("latencyMs", Math.round(db.latencyMicros() / 10.0) / 100.0);
        String status;
        if (!db.up()) {
            status = "unhealthy";
        } else if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            status = "healthy";
        } else {
            // Not ready yet (before ApplicationReadyEvent) or no longer (graceful shutdown has begun).
            status = wasReady ? "stopping" : "starting";
        }
        boolean healthy = status.equals("healthy");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("version", version);
        body.put("environment", environment);
        body.put("components", Map.of("database", database));
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
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
