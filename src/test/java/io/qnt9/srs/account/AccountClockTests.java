package io.qnt9.srs.account;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static io.qnt9.srs.TestAccounts.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** What happens as time passes: token expiry, refresh-token lifetime, the sign-in lockout and its end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AccountClockTests.Clocks.class)
@ExtendWith(OutputCaptureExtension.class)
class AccountClockTests {

    /** The real clock plus an offset the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration d) {
            offset.updateAndGet(o -> o.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    private Response signin(String email, String password) {
        return http.post("/api/v1/auth/signin", "application/json", credentials(email, password));
    }

    @Test
    void anAccessTokenWorksForFifteenMinutesAndThenNeedsARefresh() {
        var u = TestAccounts.newUser(http);
        clock.advance(Duration.ofMinutes(14));
        assertThat(u.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1).plusSeconds(31)); // past expiry and the 30 s clock-skew allowance
        Response expired = u.client().get("/api/v1/auth/me");
        assertProblem(expired, 401, "invalid-token");
        assertThat(expired.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        // Public routes do not accept an expired token either: the client learns it must refresh.
        assertProblem(u.client().get("/api/stats?ticker=AAPL"), 401, "invalid-token");

        Response refreshed = http.post(
                "/api/v1/auth/refresh", "application/json", "{\"refreshToken\":\"" + u.refreshToken() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(http.withBearer(refreshed.json().get("accessToken").asString())
                        .get("/api/v1/auth/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRefreshTokenLastsThirtyDaysFromItsLastUse() {
        var u = TestAccounts.newUser(http);
        var unused = TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD);
        clock.advance(Duration.ofDays(29));
        Response kept = http.post(
                "/api/v1/auth/refresh", "application/json", "{\"refreshToken\":\"" + u.refreshToken() + "\"}");
        assertThat(kept.status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertProblem(
                http.post(
                        "/api/v1/auth/refresh",
                        "application/json",
                        "{\"refreshToken\":\"" + unused.get("refreshToken").asString() + "\"}"),
                401,
                "invalid-refresh-token");
        Response rotated = http.post(
                "/api/v1/auth/refresh",
                "application/json",
                "{\"refreshToken\":\"" + kept.json().get("refreshToken").asString() + "\"}");
        assertThat(rotated.status()).as("used on day 29, valid until day 59").isEqualTo(200);
    }

    @Test
    void fiveFailedSigninsLockTheAddressForFifteenMinutesWhetherOrNotItHasAnAccount(CapturedOutput output) {
        var u = TestAccounts.newUser(http);
        String nobody = "nobody-" + UUID.randomUUID() + "@test.qnt9.io";
        for (String email : new String[] {u.email(), nobody}) {
            for (int i = 1; i <= 4; i++) {
                assertProblem(signin(email, "wrong-password-" + i), 401, "signin-failed");
            }
            Response fifth = signin(email, "wrong-password-5");
            JsonNode p = assertProblem(fifth, 429, "signin-locked");
            long retry = Long.parseLong(fifth.header("Retry-After"));
            assertThat(retry).isBetween(890L, 900L);
            assertThat(p.get("detail").asString()).doesNotContain(email);
        }
        // Locked: even the right password is refused, without being checked.
        Response locked = signin(u.email(), TestAccounts.USER_PASSWORD);
        assertProblem(locked, 429, "signin-locked");
        assertThat(output.getOut())
                .contains("event=signin-lockout user=" + u.id())
                .containsPattern("event=signin-lockout account=[0-9a-f]{16} ")
                .doesNotContain(nobody);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Response after = signin(u.email(), TestAccounts.USER_PASSWORD);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        // The count starts again after the lock.
        assertProblem(signin(nobody, "wrong-again-1"), 401, "signin-failed");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        var u = TestAccounts.newUser(http);
        for (int i = 1; i <= 4; i++) {
            assertProblem(signin(u.email(), "wrong-password-" + i), 401, "signin-failed");
        }
        clock.advance(Duration.ofMinutes(16));
        assertProblem(signin(u.email(), "wrong-password-5"), 401, "signin-failed");
        assertThat(signin(u.email(), TestAccounts.USER_PASSWORD).status()).isEqualTo(200);
    }

    @Autowired
    AccountMaintenance maintenance;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anApiKeyWorksUntilItExpiresIsListedAsExpiredAndIsRemovedThirtyDaysLater() {
        var u = TestAccounts.newUser(http);
        Response created = u.client()
                .post("/api/v1/auth/me/api-keys", "application/json", "{\"name\":\"a week\",\"expiresInDays\":7}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        HttpTestClient byKey = http.withBearer(created.json().get("key").asString());
        Instant firstUse = clock.instant();
        assertThat(byKey.get("/api/v1/auth/me").status()).isEqualTo(200);

        // The last use is recorded to the minute: a second use within it writes nothing, one after it does.
        clock.advance(Duration.ofSeconds(30));
        assertThat(byKey.get("/api/v1/auth/me").status()).isEqualTo(200);
        Instant recorded = lastUsed(id);
        assertThat(recorded).isBetween(firstUse.minusSeconds(1), firstUse.plusSeconds(1));
        clock.advance(Duration.ofMinutes(2));
        assertThat(byKey.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(Duration.between(recorded, lastUsed(id)).toSeconds()).isBetween(149L, 152L);

        clock.advance(Duration.ofDays(7).minusMinutes(10));
        assertThat(byKey.get("/api/v1/instruments/AAPL").status())
                .as("just before expiry")
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        assertProblem(byKey.get("/api/v1/instruments/AAPL"), 401, "invalid-api-key");
        // (the access tokens ran out meanwhile: the owner signs in again to look)
        JsonNode listed = keysOf(u).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(Instant.parse(listed.get(0).get("expiresAt").asString())).isBefore(clock.instant());

        clock.advance(Duration.ofDays(29));
        maintenance.cleanUp();
        assertThat(keysOf(u).json().size()).as("kept 30 days after expiry").isEqualTo(1);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        maintenance.cleanUp();
        assertThat(keysOf(u).json().size()).isZero();
    }

    private Response keysOf(TestAccounts.SignedUp u) {
        String token = TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD)
                .get("accessToken")
                .asString();
        return http.withBearer(token).get("/api/v1/auth/me/api-keys");
    }

    private Instant lastUsed(long keyId) {
        return jdbc.sql("SELECT last_used_at FROM api_key WHERE id = ?")
                .param(keyId)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }
}
