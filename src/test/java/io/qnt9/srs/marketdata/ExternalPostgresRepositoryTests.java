package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The repository suite on an external PostgreSQL — the server at 127.0.0.1:5432 (database {@code test}, trust
 * auth) that CI machines run — through {@code DATABASE_URL}, in a schema of its own that is dropped afterwards.
 * Skipped, with the reason in the report, where no such server answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@EnabledIf(
        value = "reachable",
        disabledReason = "No PostgreSQL answers at 127.0.0.1:5432 (database 'test'): the external-database run of the"
                + " repository suite is skipped; the embedded run still covers the same tests.")
class ExternalPostgresRepositoryTests extends MarketDataRepositoryContract {

    static final String URL = System.getProperty("qnt9.test.external-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("qnt9.test.external-user", "postgres");
    static final String SCHEMA =
            "qnt9_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static boolean reachable() {
        try (Connection c = DriverManager.getConnection(URL + "?connectTimeout=2", USER, "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("qnt9.database.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("qnt9.database.username", () -> USER);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    @Test
    void runsOnTheExternalServerInASchemaOfItsOwn() {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single())
                .isEqualTo(SCHEMA);
        assertThat(jdbc.sql("SELECT inet_server_port()").query(Integer.class).single())
                .isEqualTo(5432);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
