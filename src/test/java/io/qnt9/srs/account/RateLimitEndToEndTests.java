package io.qnt9.srs.account;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits as shipped (profile {@code default-rate-limits} switches off the test profile's raised limits):
 * every request of this class comes from 127.0.0.1, so the tests run in order and share that address's buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "default-rate-limits"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitEndToEndTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient anonymous;
    TestAccounts.SignedUp user;

    @BeforeAll
    void setUp() {
        anonymous = new HttpTestClient(port);
        user = TestAccounts.newUser(anonymous);
    }

    @Test
    @Order(1)
    void theDefaultsAreThoseDocumented() {
        JsonNode me = user.client().get("/api/v1/auth/me").json();
        assertThat(me.at("/rateLimit/perMinute").asLong()).isEqualTo(300);
        assertThat(me.at("/rateLimit/burst").asLong()).isEqualTo(300);
        Response r = anonymous.get("/api/stats?ticker=AAPL");
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("120");
    }

    @Test
    @Order(2)
    void signUpAndSignInAttemptsHaveTheirOwnStricterLimitPerAddress() {
        int refusedAt = -1;
        for (int i = 1; i <= 12 && refusedAt < 0; i++) {
            Response r = anonymous.post(
                    "/api/v1/auth/signin",
                    "application/json",
                    TestAccounts.credentials("nobody-" + i + "@test.qnt9.io", "wrong-password-xyz"));
            if (r.status() == 429) {
                refusedAt = i;
                JsonNode p = assertProblem(r, 429, "rate-limited");
                assertThat(p.get("tier").asString()).isEqualTo("AUTH");
                assertThat(r.header("Retry-After")).isNotNull();
            } else {
                assertThat(r.status()).isEqualTo(401);
            }
        }
        // 10 at once (the sign-up in setUp took one), plus the one every 3 s that refills while Argon2 works
        assertThat(refusedAt).isBetween(10, 12);
    }

    @Test
    @Order(3)
    void anAnonymousCallerGets120RequestsAtOnceThenA429WithRetryAfterAndTheBucketRefills() throws Exception {
        int allowed = 0;
        Response last = null;
        long previousRemaining = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            // A forged X-Forwarded-For changes nothing: no proxy is trusted by default.
            last = anonymous.get("/api/v1/stats?ticker=AAPL", "X-Forwarded-For", "203.0.113." + (i % 250));
            if (last.status() != 200) {
                break;
            }
            allowed++;
            long remaining = Long.parseLong(last.header("X-RateLimit-Remaining"));
            assertThat(remaining).isLessThanOrEqualTo(previousRemaining); // refills 2 a second meanwhile
            previousRemaining = remaining;
            assertThat(last.header("X-RateLimit-Limit")).isEqualTo("120");
            assertThat(Long.parseLong(last.header("X-RateLimit-Reset"))).isBetween(1L, 60L);
        }
        // 120 minus what earlier tests of this class spent, plus what refilled meanwhile (2 a second)
        assertThat(allowed).isBetween(90, 125);
        JsonNode p = assertProblem(last, 429, "rate-limited");
        assertThat(p.get("tier").asString()).isEqualTo("ANONYMOUS");
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(last.header("Retry-After")).isEqualTo("1");
        assertThat(Long.parseLong(last.header("X-RateLimit-Reset"))).isBetween(55L, 60L);

        // While this address is throttled: probes, docs and static files still answer, without limit headers.
        for (String path : new String[] {"/health", "/actuator/health", "/livez", "/v3/api-docs", "/"}) {
            Response exempt = anonymous.get(path);
            assertThat(exempt.status()).as(path).isNotEqualTo(429);
            assertThat(exempt.header("X-RateLimit-Limit")).as(path).isNull();
        }
        // A signed-in user is limited on their own account, not by the address.
        Response signedIn = user.client().get("/api/v1/stats?ticker=AAPL");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("X-RateLimit-Limit")).isEqualTo("300");

        Thread.sleep(1100);
        assertThat(anonymous.get("/api/v1/stats?ticker=AAPL").status())
                .as("refilled at 2 a second")
                .isEqualTo(200);
    }

    @Test
    @Order(4)
    void anApiKeyDrawsFromItsOwnersBucketAtTheOwnersTierAsItIsNow() {
        Response created = user.client().post("/api/v1/auth/me/api-keys", "application/json", "{\"name\":\"limits\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        HttpTestClient byKey = anonymous.withBearer(created.json().get("key").asString());

        Response viaKey = byKey.get("/api/v1/stats?ticker=AAPL");
        assertThat(viaKey.status()).isEqualTo(200);
        assertThat(viaKey.header("X-RateLimit-Limit")).isEqualTo("300");
        long afterKey = Long.parseLong(viaKey.header("X-RateLimit-Remaining"));
        Response viaToken = user.client().get("/api/v1/stats?ticker=AAPL");
        long afterToken = Long.parseLong(viaToken.header("X-RateLimit-Remaining"));
        // One bucket per user, whichever credential: the token's request took one more (refill: 5 a second).
        assertThat(afterToken).isBetween(afterKey - 1, afterKey + 5);
        assertThat(afterKey).isLessThan(300);

        // An admin grants PAID: the key has the new limit with its next request (an access token only after a refresh).
        jdbc.sql("UPDATE app_user SET tier = 'PAID' WHERE id = ?")
                .param(user.id())
                .update();
        assertThat(byKey.get("/api/v1/stats?ticker=AAPL").header("X-RateLimit-Limit"))
                .isEqualTo("1200");
        assertThat(user.client().get("/api/v1/stats?ticker=AAPL").header("X-RateLimit-Limit"))
                .isEqualTo("300");
    }

    @Test
    @Order(5)
    void requestsWithABadKeyOrTokenCountAgainstTheAddressesAnonymousLimit() {
        // Authentication fails before the rate limit is applied; without charging the failures, any bad credential
        // would let a client send requests (and make the service look keys up) without limit.
        String unknownKey = "qnt9_" + "B".repeat(43);
        int unauthorized = 0;
        Response last = null;
        for (int i = 0; i < 200; i++) {
            last = i % 2 == 0
                    ? anonymous.get("/api/v1/stats?ticker=AAPL", "X-API-Key", unknownKey)
                    : anonymous.get("/api/v1/stats?ticker=AAPL", "Authorization", "Bearer not.a.jwt");
            if (last.status() != 401) {
                break;
            }
            unauthorized++;
            assertThat(last.header("X-RateLimit-Limit")).isEqualTo("120");
        }
        // what the address has left of 120 after the earlier tests, plus the refill (2 a second)
        assertThat(unauthorized).isLessThan(125);
        JsonNode p = assertProblem(last, 429, "rate-limited");
        assertThat(p.get("tier").asString()).isEqualTo("ANONYMOUS");
        assertThat(last.header("Retry-After")).isNotNull();
        // While the address is marked for unknown keys and its bucket is empty, a key is not even looked up: a valid
        // one from the same address waits too (its owner's access token does not).
        Response created = user.client().post("/api/v1/auth/me/api-keys", "application/json", "{\"name\":\"marked\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // The bucket refills 2 a second, and creating the key took a while: empty it again right before the valid
        // key's request. A refill can still land in between (a few milliseconds against 500): up to three tries; a
        // valid key that is looked up and let through would pass every time.
        Response validKey = null;
        for (int attempt = 0; attempt < 3 && (validKey == null || validKey.status() != 429); attempt++) {
            int spent = 0; // what refilled; the refill is 2 a second, so a handful at most
            while (anonymous
                            .get("/api/v1/stats?ticker=AAPL", "X-API-Key", unknownKey)
                            .status()
                    != 429) {
                assertThat(++spent)
                        .as("requests before the bucket was empty again")
                        .isLessThan(50);
            }
            validKey = anonymous.get(
                    "/api/v1/stats?ticker=AAPL",
                    "X-API-Key",
                    created.json().get("key").asString());
        }
        assertThat(assertProblem(validKey, 429, "rate-limited").get("tier").asString())
                .isEqualTo("ANONYMOUS");
        assertThat(user.client().get("/api/v1/stats?ticker=AAPL").status()).isEqualTo(200);
    }
}
