package io.qnt9.srs.system;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.SrsApplication;
import io.qnt9.srs.TestAccounts;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away under a running service: its own PostgreSQL (a real server, stopped half-way), the service
 * started against it through {@code qnt9.database.url} as a deployment would be. A request that needs the database
 * is then a 503 with {@code Retry-After} that says so — not a 500 "internal error" — and nothing is written.
 */
class DatabaseOutageTests {

    private final Path root =
            Path.of("target", "tmp", "outage-" + UUID.randomUUID()).toAbsolutePath();
    private EmbeddedPostgresServer database;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stopEverything() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.destroy();
        }
        FileSystemUtils.deleteRecursively(root.toFile());
    }

    @Test
    void requestsThatNeedTheDatabaseAre503WithRetryAfterWhileItIsDown() {
        database = EmbeddedPostgresInstance.server(root.resolve("pgdata"), true);
        JdbcTarget target = database.awaitRunning();
        service = new SpringApplicationBuilder(SrsApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--qnt9.database.url=" + target.jdbcUrl(),
                        "--qnt9.database.username=" + target.username(),
                        "--qnt9.database.password=",
                        // A short wait for a connection, so that the test does not sit out the default 5 s.
                        "--spring.datasource.hikari.connection-timeout=1000");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        HttpTestClient admin = TestAccounts.admin(port);
        assertThat(admin.post("/api/v1/instruments/DOWN1/bars", "text/csv", "date,close\n2020-01-02,10\n")
                        .status())
                .as("the database is up")
                .isEqualTo(200);
        Response key = admin.post("/api/v1/auth/me/api-keys", "application/json", "{\"name\":\"outage\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        HttpTestClient byKey =
                new HttpTestClient(port).withBearer(key.json().get("key").asString());

        database.destroy();

        // An API key is checked against the database at each request: that check fails the same way.
        assertProblem(byKey.get("/api/v1/instruments/AAPL"), 503, "database-unavailable");

        Response importWhileDown =
                admin.post("/api/v1/instruments/DOWN2/bars", "text/csv", "date,close\n2020-01-02,10\n");
        JsonNode problem = assertProblem(importWhileDown, 503, "database-unavailable");
        assertThat(problem.get("detail").asString()).contains("Retry in a few seconds");
        assertThat(importWhileDown.header("Retry-After")).isEqualTo("5");

        Response signIn = new HttpTestClient(port)
                .post(
                        "/api/v1/auth/signin",
                        "application/json",
                        "{\"email\":\"" + TestAccounts.ADMIN_EMAIL + "\",\"password\":\"" + TestAccounts.ADMIN_PASSWORD
                                + "\"}");
        assertProblem(signIn, 503, "database-unavailable");

        Response health = new HttpTestClient(port).get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().at("/components/database/status").asString()).isEqualTo("down");
    }
}
