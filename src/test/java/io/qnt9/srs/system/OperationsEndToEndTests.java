package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** What operators see: actuator exposure, probes, metrics, and structured logs carrying the request id. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=ecs", "logging.level.io.qnt9=INFO"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndToEndTests {

    @LocalServerPort
    int port;

    HttpTestClient http;

    @Autowired
    ApplicationContext context;

    /**
     * Logback keeps the format of the first context that configured it in this JVM (Spring Boot does not configure an
     * already initialised logger context again), so after another test class's context with the test profile's plain
     * format this class's {@code ecs} would silently not apply, depending on the order the classes run in. Marking it
     * uninitialised lets this class's context, started next, configure logging from its own properties.
     */
    @BeforeAll
    static void letThisContextConfigureLogging() {
        LoggingSystem.get(OperationsEndToEndTests.class.getClassLoader()).cleanUp();
    }

    @Test
    void withoutAnOtlpEndpointThereIsNoTracerAtAll() {
        // Not merely "not exported": a tracer that records spans nobody reads costs throughput on every request.
        assertThat(context.getBeansOfType(io.micrometer.tracing.Tracer.class).values())
                .allMatch(tracer -> tracer == io.micrometer.tracing.Tracer.NOOP);
        assertThat(context.getBeanNamesForType(io.opentelemetry.api.OpenTelemetry.class))
                .isEmpty();
    }

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void actuatorExposesOnlyHealthInfoAndPrometheus() {
        HttpTestClient admin = TestAccounts.admin(port);
        for (String hidden :
                new String[] {"env", "beans", "heapdump", "configprops", "mappings", "loggers", "threaddump"}) {
            // Not exposed at all: even an admin finds nothing; anyone else is turned away before that.
            assertThat(admin.get("/actuator/" + hidden).status()).as(hidden).isEqualTo(404);
            assertThat(http.get("/actuator/" + hidden).status()).as(hidden).isEqualTo(401);
        }
        JsonNode index = http.get("/actuator").json().get("_links");
        assertThat(index.propertyNames())
                .allMatch(name -> name.equals("self")
                        || name.startsWith("health")
                        || name.equals("info")
                        || name.equals("prometheus"));
    }

    @Test
    void readinessIncludesTheDatabaseAndBothProbesHaveShortPaths() {
        Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").propertyNames()).contains("db", "readinessState");
        assertThat(http.get("/actuator/health/liveness")
                        .json()
                        .get("components")
                        .propertyNames())
                .containsExactly("livenessState");
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        assertThat(http.get("/livez").status()).isEqualTo(200);
    }

    @Test
    void infoShowsVersionAndCommitButNotWhoBuiltItWhere() {
        Response r = http.get("/actuator/info");
        assertThat(r.status()).isEqualTo(200);
        JsonNode info = r.json();
        assertThat(info.at("/build/version").asString()).isNotBlank();
        assertThat(info.at("/git/commit/id").asString()).matches("[0-9a-f]{7,40}");
        assertThat(r.body())
                .doesNotContain("\"user\"")
                .doesNotContain("\"host\"")
                .doesNotContain("@");
    }

    @Test
    void prometheusExportsLatencyHistogramsPerRoutePoolAndBusinessMetrics() {
        http.get("/api/stats?ticker=AAPL");
        TestAccounts.admin(port).post("/api/v1/instruments/METRIC/bars", "text/csv", "date,close\n2019-01-02,1\n");
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("# TYPE http_server_requests_seconds histogram")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/stats\",le=\"0\\.5\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.1\"")
                .contains("hikaricp_connections_active")
                .contains("hikaricp_connections_pending")
                .contains("qnt9_import_rows_total{")
                .contains("jvm_memory_used_bytes")
                // No long-task timers (management.metrics.observations.ignored-meters): nothing reads them, and they
                // cost a second set of tags per request.
                .doesNotContain("http_server_requests_active_seconds");
    }

    @Test
    void logLinesAreJsonAndCarryTheRequestId(CapturedOutput output) {
        TestAccounts.admin(port)
                .post(
                        "/api/v1/instruments/LOGCO/bars",
                        "text/csv",
                        "date,close\n2019-01-02,1\n",
                        "X-Request-Id",
                        "log-check-7");
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("event=import") && l.contains("LOGCO"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit line for the import in:\n" + output.getOut()));
        JsonNode json = HttpTestClient.parse(line);
        assertThat(json.at("/http/request/id").asString()).isEqualTo("log-check-7");
        assertThat(json.at("/log/logger").asString()).isEqualTo("audit");
        assertThat(json.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(json.get("@timestamp").asString()).isNotBlank();
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/stats",
                        "/api/v1/stats",
                        "/api/stats/batch",
                        "/api/compare",
                        "/api/v1/instruments",
                        "/api/v1/instruments/{symbol}/bars",
                        "/health");
        assertThat(paths.at("/~1api~1stats/get/parameters/0/example").asString())
                .isEqualTo("AAPL");
        Response ui = http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    /** What a client generated from the document would get wrong if these did not hold. */
    @Test
    void theOpenApiDocumentIsFitForGeneratingAClient() {
        JsonNode docs = http.get("/v3/api-docs").json();
        JsonNode paths = docs.get("paths");
        // The container's error page is not an operation; the signed-in user comes from the token, not the query.
        assertThat(paths.propertyNames()).noneMatch(p -> p.startsWith("/error"));
        assertThat(docs.at("/components/schemas").propertyNames()).doesNotContain("CurrentUser");
        List<String> ids = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode op = paths.get(path).get(method);
                String what = method + " " + path;
                ids.add(op.get("operationId").asString());
                for (JsonNode parameter : op.path("parameters")) {
                    soft.assertThat(parameter.get("schema").has("$ref"))
                            .as(what + " parameter " + parameter.get("name"))
                            .isFalse();
                }
                JsonNode responses = op.get("responses");
                soft.assertThat(responses.propertyNames())
                        .as(what + ": a success status")
                        .anyMatch(status -> status.startsWith("2"));
                for (String status : responses.propertyNames()) {
                    if (path.startsWith("/api/") && (status.startsWith("4") || status.startsWith("5"))) {
                        soft.assertThat(responses
                                        .get(status)
                                        .at("/content/application~1problem+json/schema/$ref")
                                        .asString())
                                .as(what + " " + status)
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
                if (path.startsWith("/api/")) {
                    // Every operation rejects a parameter it does not take; every one is rate-limited.
                    soft.assertThat(responses.propertyNames()).as(what).contains("400", "429");
                }
            }
        }
        soft.assertAll();
        // Stable, unique operation ids: no order-dependent "_1" suffixes for the unversioned paths.
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"));
        assertThat(paths.at("/~1api~1stats/get/operationId").asString()).isEqualTo("getStatsUnversioned");
        assertThat(paths.at("/~1api~1v1~1stats/get/operationId").asString()).isEqualTo("getStats");
        // The statuses the handlers really answer, not springdoc's default 200.
        JsonNode watchlists = paths.get("/api/v1/watchlists");
        assertThat(watchlists.at("/post/responses").propertyNames())
                .contains("201", "409", "422")
                .doesNotContain("200");
        assertThat(paths.at("/~1api~1v1~1watchlists~1{id}/delete/responses").propertyNames())
                .contains("204")
                .doesNotContain("200");
        assertThat(paths.at("/~1api~1v1~1auth~1signup/post/responses").propertyNames())
                .contains("201", "409", "429")
                .as("sign-up ignores the Authorization header: no 401")
                .doesNotContain("401");
        assertThat(paths.at("/~1api~1v1~1instruments/get/responses/401/description")
                        .asString())
                .startsWith("The access token sent is invalid");
        // The CSV imports take a text/csv body (Swagger UI can send one), and answer 413/415/422.
        JsonNode importBars = paths.at("/~1api~1v1~1instruments~1{symbol}~1bars/post");
        assertThat(importBars.at("/requestBody/content").propertyNames()).contains("text/csv");
        assertThat(importBars.get("responses").propertyNames()).contains("200", "409", "413", "415", "422");
        JsonNode problem = docs.at("/components/schemas/Problem");
        assertThat(problem.get("required").toString()).contains("type", "title", "status");
    }
}
