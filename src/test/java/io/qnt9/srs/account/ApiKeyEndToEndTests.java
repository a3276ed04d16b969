package io.qnt9.srs.account;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Personal API keys over HTTP against the real application: create, use, list, revoke, and what a key may not do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyEndToEndTests {

    private static final String JSON = "application/json";
    private static final String KEYS = "/api/v1/auth/me/api-keys";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new HttpTestClient(port);
    }

    /** Creates a key as {@code owner} (signed in with the password) and returns the 201 answer. */
    static JsonNode create(HttpTestClient owner, String name) {
        Response r = owner.post(KEYS, JSON, "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private int keysOf(long user) {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE user_id = ?")
                .param(user)
                .query(Integer.class)
                .single();
    }

    private static String sha256Hex(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aKeyIsShownOnceStoredAsItsHashAndActsAsItsOwnerUntilRevoked(CapturedOutput output) throws Exception {
        TestAccounts.SignedUp user = TestAccounts.newUser(anonymous);
        Response created = user.client().post(KEYS, JSON, "{\"name\":\"  nightly import  \",\"expiresInDays\":90}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        String key = c.get("key").asString();
        long id = c.get("id").asLong();
        assertThat(key).matches("qnt9_[A-Za-z0-9_-]{43}");
        assertThat(c.get("prefix").asString()).isEqualTo(key.substring(0, 11));
        assertThat(c.get("name").asString()).isEqualTo("nightly import");
        assertThat(java.time.Duration.between(
                                java.time.Instant.parse(c.get("createdAt").asString()),
                                java.time.Instant.parse(c.get("expiresAt").asString()))
                        .toDays())
                .isEqualTo(90);
        assertThat(created.header("Location")).isEqualTo(KEYS + "/" + id);
        assertThat(created.header("Cache-Control")).contains("no-store");

        // Only the SHA-256 is stored; no column holds the key.
        String stored = jdbc.sql("SELECT encode(key_hash, 'hex') FROM api_key WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(sha256Hex(key));
        assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE name = ? OR prefix = ? OR strpos(api_key::text, ?) > 0")
                        .param(key)
                        .param(key)
                        .param(key)
                        .query(Integer.class)
                        .single())
                .isZero();

        // Both headers authenticate as the owner, on signed-in routes too.
        for (String[] header :
                List.of(new String[] {"Authorization", "Bearer " + key}, new String[] {"X-API-Key", key})) {
            Response me = anonymous.get("/api/v1/auth/me", header);
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().get("id").asLong()).isEqualTo(user.id());
            assertThat(me.json().get("email").asString()).isEqualTo(user.email());
        }
        Response list = anonymous.post("/api/v1/watchlists", JSON, "{\"name\":\"from a script\"}", "X-API-Key", key);
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        assertThat(user.client().get("/api/v1/watchlists").body()).contains("from a script");

        // The listing never shows the key again, and records that it was used.
        Response listed = user.client().get(KEYS);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(key).doesNotContain(key.substring(11));
        JsonNode only = listed.json().get(0);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(only.get("id").asLong()).isEqualTo(id);
        assertThat(only.get("prefix").asString()).isEqualTo(key.substring(0, 11));
        assertThat(only.get("lastUsedAt").isNull()).isFalse();
        assertThat(only.has("key")).isFalse();

        // Revoked: the next request fails, and revoking again is a 404.
        assertThat(user.client().method("DELETE", KEYS + "/" + id, null, null).status())
                .isEqualTo(204);
        JsonNode p = assertProblem(anonymous.get("/api/v1/auth/me", "X-API-Key", key), 401, "invalid-api-key");
        assertThat(p.get("detail").asString()).contains("unknown, revoked or expired");
        assertProblem(anonymous.get("/api/v1/watchlists", "Authorization", "Bearer " + key), 401, "invalid-api-key");
        assertProblem(user.client().method("DELETE", KEYS + "/" + id, null, null), 404, "api-key-not-found");
        assertThat(keysOf(user.id())).isZero();

        assertThat(output.getAll())
                .contains("event=api-key-created user=" + user.id() + " key=" + id + " prefix=" + key.substring(0, 11))
                .contains("event=api-key-revoked user=" + user.id() + " key=" + id)
                .doesNotContain(key);
    }

    @Test
    void aKeyCannotManageKeysChangeThePasswordOrManageUsers() {
        TestAccounts.SignedUp user = TestAccounts.newUser(anonymous);
        String key = create(user.client(), "script").get("key").asString();
        HttpTestClient byKey = anonymous.withBearer(key);
        assertProblem(byKey.get(KEYS), 403, "signin-required");
        assertProblem(byKey.post(KEYS, JSON, "{\"name\":\"another\"}"), 403, "signin-required");
        assertProblem(
                byKey.method(
                        "DELETE",
                        KEYS + "/" + create(user.client(), "second").get("id").asLong(),
                        null,
                        null),
                403,
                "signin-required");
        assertProblem(
                byKey.method(
                        "PUT",
                        "/api/v1/auth/me/password",
                        JSON,
                        "{\"currentPassword\":\"" + TestAccounts.USER_PASSWORD
                                + "\",\"newPassword\":\"a-new-password-by-script\"}"),
                403,
                "signin-required");
        assertThat(keysOf(user.id())).isEqualTo(2);
        TestAccounts.signIn(anonymous, user.email(), TestAccounts.USER_PASSWORD); // password unchanged

        // An admin's key imports data, but does not manage users.
        HttpTestClient admin = TestAccounts.admin(port);
        JsonNode importer = create(admin, "importer");
        HttpTestClient adminKey = anonymous.withBearer(importer.get("key").asString());
        Response imported = adminKey.post("/api/v1/instruments/KEYCO/bars", "text/csv", "date,close\n2020-01-02,10\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT requested_by FROM import_run WHERE symbols = 'KEYCO' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo(TestAccounts.ADMIN_EMAIL);
        assertProblem(adminKey.get("/api/v1/admin/users"), 403, "signin-required");
        assertProblem(
                adminKey.method("PATCH", "/api/v1/admin/users/" + user.id(), JSON, "{\"role\":\"ADMIN\"}"),
                403,
                "signin-required");
        assertThat(adminKey.method("DELETE", "/api/v1/instruments/KEYCO", null, null)
                        .status())
                .isEqualTo(200);
        // (the admin is shared with other test classes, and keys per account are limited)
        assertThat(admin.method("DELETE", KEYS + "/" + importer.get("id").asLong(), null, null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aKeyCarriesItsOwnersRoleAsItIsNowAndOnlyItsOwnerSeesOrRevokesIt() {
        TestAccounts.SignedUp user = TestAccounts.newUser(anonymous);
        JsonNode created = create(user.client(), "mine");
        HttpTestClient byKey = anonymous.withBearer(created.get("key").asString());
        String csv = "date,close\n2020-01-02,10\n";
        assertProblem(byKey.post("/api/v1/instruments/ROLECO/bars", "text/csv", csv), 403, "forbidden");

        TestAccounts.SignedUp other = TestAccounts.newUser(anonymous);
        assertThat(other.client().get(KEYS).json().size()).isZero();
        assertProblem(
                other.client().method("DELETE", KEYS + "/" + created.get("id").asLong(), null, null),
                404,
                "api-key-not-found");
        assertThat(keysOf(user.id())).isEqualTo(1);

        // Promoted: the same key imports with the next request (no new key, no new sign-in).
        jdbc.sql("UPDATE app_user SET role = 'ADMIN' WHERE id = ?")
                .param(user.id())
                .update();
        try {
            assertThat(byKey.post("/api/v1/instruments/ROLECO/bars", "text/csv", csv)
                            .status())
                    .isEqualTo(200);
            assertThat(byKey.method("DELETE", "/api/v1/instruments/ROLECO", null, null)
                            .status())
                    .isEqualTo(200);
        } finally {
            jdbc.sql("UPDATE app_user SET role = 'USER' WHERE id = ?")
                    .param(user.id())
                    .update();
        }
        assertProblem(
                byKey.method("DELETE", "/api/v1/instruments/AAPL/bars?start=2018-01-01", null, null), 403, "forbidden");
    }

    @Test
    void badNamesExpiriesAndTheEleventhKeyAreRefusedAndStoreNothing() {
        TestAccounts.SignedUp user = TestAccounts.newUser(anonymous);
        HttpTestClient http = user.client();
        JsonNode p = assertProblem(http.post(KEYS, JSON, "{\"name\":\"   \"}"), 400, "invalid-request-body");
        assertThat(p.get("parameter").asString()).isEqualTo("name");
        assertThat(p.get("detail").asString()).contains("must not be empty");
        assertProblem(http.post(KEYS, JSON, "{}"), 400, "invalid-request-body");
        p = assertProblem(http.post(KEYS, JSON, "{\"name\":\"" + "x".repeat(61) + "\"}"), 400, "invalid-request-body");
        assertThat(p.get("detail").asString()).contains("at most 60 characters; got 61");
        assertProblem(http.post(KEYS, JSON, "{\"name\":\"a\\u0007b\"}"), 400, "invalid-request-body");
        for (String days : new String[] {"0", "-5", "3651"}) {
            p = assertProblem(
                    http.post(KEYS, JSON, "{\"name\":\"k\",\"expiresInDays\":" + days + "}"),
                    400,
                    "invalid-request-body");
            assertThat(p.get("parameter").asString()).isEqualTo("expiresInDays");
        }
        assertThat(http.post(KEYS, JSON, "{\"name\":\"k\",\"expiresInDays\":\"soon\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(KEYS, JSON, "{\"name\":").status()).isEqualTo(400);
        assertThat(http.post(KEYS, "text/plain", "name=k").status()).isEqualTo(415);
        assertThat(keysOf(user.id())).isZero();

        for (int i = 1; i <= 10; i++) {
            create(http, "key " + i);
        }
        p = assertProblem(http.post(KEYS, JSON, "{\"name\":\"one too many\"}"), 422, "too-many-api-keys");
        assertThat(p.get("limit").asInt()).isEqualTo(10);
        assertThat(keysOf(user.id())).isEqualTo(10);
        assertThat(http.get(KEYS).json().size()).isEqualTo(10);
    }

    @Test
    void anAdminSeesAUsersKeysAndRevokesThemAllAtOnce(CapturedOutput output) {
        TestAccounts.SignedUp user = TestAccounts.newUser(anonymous);
        String first = create(user.client(), "laptop").get("key").asString();
        String second = create(user.client(), "server").get("key").asString();
        HttpTestClient admin = TestAccounts.admin(port);

        Response listed = admin.get("/api/v1/admin/users/" + user.id() + "/api-keys");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(2);
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("laptop");
        assertThat(listed.json().get(1).get("prefix").asString()).isEqualTo(second.substring(0, 11));
        assertThat(listed.body()).doesNotContain(first).doesNotContain(second);

        Response revoked = admin.method("DELETE", "/api/v1/admin/users/" + user.id() + "/api-keys", null, null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(revoked.json().get("userId").asLong()).isEqualTo(user.id());
        assertProblem(anonymous.get("/api/v1/auth/me", "X-API-Key", first), 401, "invalid-api-key");
        assertProblem(anonymous.get("/api/v1/auth/me", "X-API-Key", second), 401, "invalid-api-key");
        assertThat(keysOf(user.id())).isZero();
        assertThat(user.client().get("/api/v1/auth/me").status())
                .as("the sign-in stays")
                .isEqualTo(200);
        assertThat(output.getAll())
                .contains(
                        "event=api-keys-revoked by=" + TestAccounts.ADMIN_EMAIL + " user=" + user.id() + " revoked=2");

        assertProblem(admin.get("/api/v1/admin/users/999999999/api-keys"), 404, "user-not-found");
        assertProblem(
                admin.method("DELETE", "/api/v1/admin/users/999999999/api-keys", null, null), 404, "user-not-found");
        assertProblem(user.client().get("/api/v1/admin/users/" + user.id() + "/api-keys"), 403, "forbidden");
    }

    /** The value of {@code qnt9_api_key_authentications_total{outcome=…}} on the Prometheus endpoint. */
    private double keyAuthentications(String outcome) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?m)^qnt9_api_key_authentications_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
                .matcher(anonymous.get("/actuator/prometheus").body());
        assertThat(m.find()).as("series for outcome " + outcome).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void keyAuthenticationsAreCountedByOutcome() {
        double accepted = keyAuthentications("accepted");
        double unknown = keyAuthentications("unknown");
        TestAccounts.SignedUp user = TestAccounts.newUser(anonymous);
        String key = create(user.client(), "counted").get("key").asString();
        anonymous.get("/api/v1/auth/me", "X-API-Key", key);
        anonymous.get("/api/v1/auth/me", "X-API-Key", key);
        anonymous.get("/api/v1/auth/me", "X-API-Key", "qnt9_" + "C".repeat(43));
        // other tests of this context may use keys meanwhile: at least what this one did
        assertThat(keyAuthentications("accepted") - accepted).isGreaterThanOrEqualTo(2);
        assertThat(keyAuthentications("unknown") - unknown).isGreaterThanOrEqualTo(1);
        // the other outcomes are registered from the start (the alert and the dashboard need the series) and, in
        // this context without throttling or outage, still zero
        assertThat(keyAuthentications("throttled")).isZero();
        assertThat(keyAuthentications("unavailable")).isZero();
    }

    @Test
    void malformedOrUnknownKeysAre401EvenOnPublicRoutes() {
        String unknown = "qnt9_" + "A".repeat(43);
        for (String[] header : List.of(
                new String[] {"X-API-Key", unknown},
                new String[] {"Authorization", "Bearer " + unknown},
                new String[] {"Authorization", "Bearer qnt9_short"},
                new String[] {"X-API-Key", "not-a-key"},
                new String[] {"X-API-Key", ""})) {
            Response r = anonymous.get("/api/v1/instruments/AAPL", header);
            JsonNode p = assertProblem(r, 401, "invalid-api-key");
            assertThat(r.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            assertThat(p.get("detail").asString()).doesNotContain(unknown);
        }
        // Without any credential the public route answers as usual.
        assertThat(anonymous.get("/api/v1/instruments/AAPL").status()).isEqualTo(200);
    }
}
