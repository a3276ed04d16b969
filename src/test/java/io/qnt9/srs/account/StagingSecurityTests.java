package io.qnt9.srs.account;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Outside development: HSTS, Secure cookies, and CORS for the allowed origins only. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "qnt9.environment=staging",
            "qnt9.security.cors-allowed-origins=https://dash.example.com, https://ops.example.com/"
        })
@ActiveProfiles("test")
class StagingSecurityTests {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesHstsAndTheRefreshCookieIsSecure() {
        HttpTestClient http = new HttpTestClient(port);
        assertThat(http.get("/api/stats?ticker=AAPL").header("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        Response signup = http.post(
                "/api/v1/auth/signup",
                "application/json",
                TestAccounts.credentials("staging-" + System.nanoTime() + "@test.qnt9.io", "a-long-enough-password"));
        assertThat(signup.header("Set-Cookie"))
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    @Test
    void allowedOriginsGetCorsWithCredentialsAndTheRateLimitHeadersExposed() {
        HttpTestClient http = new HttpTestClient(port);
        Response preflight = http.method(
                "OPTIONS",
                "/api/v1/watchlists",
                null,
                null,
                "Origin",
                "https://dash.example.com",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://dash.example.com");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Response get = http.get("/api/stats?ticker=AAPL", "Origin", "https://ops.example.com");
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.com");
        assertThat(get.header("Access-Control-Expose-Headers"))
                .contains("X-RateLimit-Remaining")
                .contains("Retry-After");

        Response foreign = http.method(
                "OPTIONS",
                "/api/v1/watchlists",
                null,
                null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST");
        assertProblem(foreign, 403, "origin-not-allowed");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertProblem(http.get("/api/stats?ticker=AAPL", "Origin", "https://evil.example"), 403, "origin-not-allowed");
    }

    @Test
    void theCookieIsAcceptedFromAnAllowedOriginAndNotFromOthers() {
        var u = TestAccounts.newUser(new HttpTestClient(port));
        HttpTestClient http = new HttpTestClient(port);
        String cookie = "qnt9_refresh=" + u.refreshToken();
        assertProblem(
                http.post("/api/v1/auth/refresh", null, "", "Cookie", cookie, "Origin", "https://evil.example"),
                403,
                "origin-not-allowed");
        Response allowed =
                http.post("/api/v1/auth/refresh", null, "", "Cookie", cookie, "Origin", "https://dash.example.com");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    }
}
