package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The headers every response carries in development: strict CSP (relaxed for Swagger UI), no HSTS, no CORS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersTests {

    static final String STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @Test
    void apiResponsesAndErrorsCarryTheSecurityHeaders() {
        HttpTestClient http = new HttpTestClient(port);
        for (Response r : new Response[] {
            http.get("/api/stats?ticker=AAPL"),
            http.get("/api/v1/auth/me"),
            http.get("/health"),
            http.get("/api/v1/instruments/NOPE")
        }) {
            assertThat(r.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(r.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
            assertThat(r.header("Strict-Transport-Security"))
                    .as("no HSTS in development")
                    .isNull();
        }
    }

    @Test
    void swaggerUiGetsAPolicyThatStillForbidsInlineScript() {
        Response ui = new HttpTestClient(port).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        String csp = ui.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';").contains("style-src 'self' 'unsafe-inline'");
        assertThat(csp).contains("frame-ancestors 'none'");
    }

    @Test
    void theApiDocsDeclareTheBearerToken() {
        var docs = new HttpTestClient(port).get("/v3/api-docs").json();
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.at("/components/securitySchemes/bearer/bearerFormat").asString())
                .isEqualTo("JWT");
        assertThat(docs.at("/paths/~1api~1v1~1auth~1signup/post/summary").asString())
                .isNotBlank();
        assertThat(docs.at("/paths/~1api~1v1~1watchlists~1{id}/get/summary").asString())
                .isNotBlank();
    }

    @Test
    void withoutAllowedOriginsCrossOriginCallsGetNoCorsHeaders() {
        HttpTestClient http = new HttpTestClient(port);
        Response r = http.get("/api/stats?ticker=AAPL", "Origin", "https://elsewhere.example");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        Response preflight = http.method(
                "OPTIONS",
                "/api/v1/watchlists",
                null,
                null,
                "Origin",
                "https://elsewhere.example",
                "Access-Control-Request-Method",
                "POST");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        // A plain OPTIONS is no way around the rules.
        assertThat(http.method("OPTIONS", "/api/v1/admin/users", null, null).status())
                .isEqualTo(401);
    }
}
