package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /health} is "healthy" only when the service can answer: the database answers and the application is
 * ready. Checked with the real application's DataSource (embedded PostgreSQL) and with a real PostgreSQL driver
 * pointed at a port nobody listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HealthControllerTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SystemProperties system;

    @Autowired
    ObjectProvider<BuildProperties> build;

    @Autowired
    ApplicationContext context;

    private HealthController controller(DataSource ds, ApplicationAvailabilityBean availability) {
        return new HealthController(ds, availability, system, build, Clock.systemUTC());
    }

    private static ApplicationAvailabilityBean availability(ReadinessState state) {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(new Object(), state));
        return availability;
    }

    private static Object status(ResponseEntity<Map<String, Object>> r) {
        return r.getBody().get("status");
    }

    @Test
    void startingThenHealthyThenStoppingFollowsTheApplicationsReadiness() {
        // Before ApplicationReadyEvent (the bundled data is still being checked): reachable but not ready.
        HealthController health = controller(dataSource, availability(ReadinessState.REFUSING_TRAFFIC));
        ResponseEntity<Map<String, Object>> starting = health.health();
        assertThat(starting.getStatusCode().value()).isEqualTo(503);
        assertThat(status(starting)).isEqualTo("starting");

        ApplicationAvailabilityBean ready = availability(ReadinessState.ACCEPTING_TRAFFIC);
        health = controller(dataSource, ready);
        health.ready();
        assertThat(health.health().getStatusCode().value()).isEqualTo(200);
        assertThat(status(health.health())).isEqualTo("healthy");

        // Graceful shutdown publishes REFUSING_TRAFFIC: a load balancer must stop sending requests.
        ready.onApplicationEvent(new AvailabilityChangeEvent<>(new Object(), ReadinessState.REFUSING_TRAFFIC));
        ResponseEntity<Map<String, Object>> stopping = health.health();
        assertThat(stopping.getStatusCode().value()).isEqualTo(503);
        assertThat(status(stopping)).isEqualTo("stopping");
    }

    @Test
    void anUnreachableDatabaseIsA503Unhealthy() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] {"127.0.0.1"});
        unreachable.setPortNumbers(new int[] {closedPort});
        unreachable.setDatabaseName("postgres");
        unreachable.setConnectTimeout(2);
        ResponseEntity<Map<String, Object>> r = controller(unreachable, availability(ReadinessState.ACCEPTING_TRAFFIC))
                .health();
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(status(r)).isEqualTo("unhealthy");
        assertThat(r.getBody().get("components").toString()).contains("status=down");
    }

    @Test
    void theRunningApplicationIsHealthyAndTurnsUnavailableWhenItStopsAcceptingTraffic() {
        HttpTestClient http = new HttpTestClient(port);
        assertThat(http.get("/health").status()).isEqualTo(200);
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            HttpTestClient.Response r = http.get("/health");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().get("status").asString()).isEqualTo("stopping");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http.get("/health").status()).isEqualTo(200);
    }
}
