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

/**
 * Behind a trusted proxy (here: the test itself, from 127.0.0.1) the client address comes from X-Forwarded-For —
 * but only the part our proxy appended: whatever the client wrote further left is ignored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "qnt9.security.trusted-proxies=127.0.0.1/32, ::1",
            "qnt9.rate-limit.anonymous.per-minute=3",
            "qnt9.rate-limit.anonymous.burst=3"
        })
@ActiveProfiles("test")
class TrustedProxyEndToEndTests {

    @LocalServerPort
    int port;

    private Response from(String forwardedFor) {
        return new HttpTestClient(port).get("/api/stats?ticker=MSFT", "X-Forwarded-For", forwardedFor);
    }

    @Test
    void eachClientBehindTheProxyHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            assertThat(from("203.0.113.10").status()).isEqualTo(200);
        }
        assertProblem(from("203.0.113.10"), 429, "rate-limited");
        assertThat(from("203.0.113.11").status()).isEqualTo(200);
    }

    @Test
    void aForgedAddressInFrontOfTheProxysEntryDoesNotHelp() {
        for (int i = 0; i < 3; i++) {
            assertThat(from("203.0.113.20").status()).isEqualTo(200);
        }
        // The client sent "X-Forwarded-For: 198.51.100.7"; our proxy appended the real address.
        assertProblem(from("198.51.100.7, 203.0.113.20"), 429, "rate-limited");
        assertProblem(from("garbage, 203.0.113.20"), 429, "rate-limited");
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() {
        for (int i = 0; i < 3; i++) {
            assertThat(from("2001:db8:7:1::" + (i + 1)).status()).isEqualTo(200);
        }
        assertProblem(from("2001:db8:7:1:ffff:ffff:ffff:ffff"), 429, "rate-limited");
        assertThat(from("2001:db8:7:2::1").status()).isEqualTo(200);
    }

    @Test
    void theForwardedSchemeAndAddressReachTheApplication() {
        var u = TestAccounts.newUser(new HttpTestClient(port).withBearer("ignored-on-signup"));
        Response r = new HttpTestClient(port)
                .post(
                        "/api/v1/auth/refresh",
                        null,
                        "",
                        "Cookie",
                        "qnt9_refresh=" + u.refreshToken(),
                        "X-Forwarded-For",
                        "203.0.113.30",
                        "X-Forwarded-Proto",
                        "https",
                        "Origin",
                        "https://localhost:" + port);
        assertThat(r.status())
                .as("Origin matches the forwarded https origin: " + r.body())
                .isEqualTo(200);
    }
}
