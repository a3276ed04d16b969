package io.qnt9.srs.account;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static io.qnt9.srs.ProblemAssertions.detailOf;
import static io.qnt9.srs.TestAccounts.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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

/** Accounts over HTTP against the real application: sign-up, sign-in, tokens, sessions, admin user management. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AccountEndToEndTests {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return HttpTestClient.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static String unique() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8) + "@test.qnt9.io";
    }

    private int users(String email) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private Response refresh(String token) {
        return http.post("/api/v1/auth/refresh", JSON, "{\"refreshToken\":\"" + token + "\"}");
    }

    @Test
    void signupReturnsBothTokensAndSetsTheRefreshTokenAsAStrictHttpOnlyCookie() {
        String email = unique();
        Response r = http.post("/api/v1/auth/signup", JSON, credentials(email, "a-long-enough-password"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode b = r.json();
        assertThat(b.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(b.get("expiresIn").asLong()).isBetween(890L, 900L);
        assertThat(b.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(b.at("/user/email").asString()).isEqualTo(email);
        assertThat(b.at("/user/tier").asString()).isEqualTo("FREE");
        assertThat(b.at("/user/roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(b.at("/user/rateLimit/perMinute").asLong()).isPositive();
        assertThat(r.header("Cache-Control")).contains("no-store");

        String cookie = r.header("Set-Cookie");
        assertThat(cookie)
                .startsWith("qnt9_refresh=" + b.get("refreshToken").asString() + ";")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/api/v1/auth")
                .doesNotContain("Secure"); // development: plain http
        assertThat(cookie).containsPattern("Max-Age=25919\\d\\d");

        JsonNode claims = claims(b.get("accessToken").asString());
        assertThat(claims.get("sub").asString()).isEqualTo(b.at("/user/id").asString());
        assertThat(claims.get("email").asString()).isEqualTo(email);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(claims.get("tier").asString()).isEqualTo("FREE");
        assertThat(claims.get("iss").asString()).isEqualTo("qnt9-srs");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.get("sid").asString()).hasSize(36);
    }

    @Test
    void emailsAreNormalisedAndATakenAddressIsA409() {
        String email = unique();
        Response first = http.post(
                "/api/v1/auth/signup", JSON, credentials("  " + email.toUpperCase() + " ", "a-long-enough-password"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().at("/user/email").asString()).isEqualTo(email);
        Response again = http.post("/api/v1/auth/signup", JSON, credentials(email, "another-long-password"));
        JsonNode p = assertProblem(again, 409, "email-taken");
        assertThat(p.get("detail").asString()).doesNotContain(email);
        assertThat(users(email)).isEqualTo(1);
        // and the original password still works
        TestAccounts.signIn(http, email.toUpperCase(), "a-long-enough-password");
    }

    @Test
    void passwordsMustBeTwelveToOneHundredTwentyEightCharactersAndNotTheEmail() {
        String email = unique();
        for (String bad : List.of("short", "x".repeat(129), email, email.substring(0, email.indexOf('@')) + "", "")) {
            Response r = http.post("/api/v1/auth/signup", JSON, credentials(email, bad));
            if (bad.length() >= 12 && bad.length() <= 128 && !bad.equals(email)) {
                // the local part alone is shorter than 12 here; covered by the length rule
                continue;
            }
            JsonNode p = assertProblem(r, 400, "invalid-request-body");
            assertThat(p.get("parameter").asString()).isEqualTo("password");
        }
        assertProblem(
                http.post("/api/v1/auth/signup", JSON, credentials(email, email.toUpperCase())),
                400,
                "invalid-request-body");
        assertThat(http.post("/api/v1/auth/signup", JSON, credentials("not-an-email", "a-long-enough-password"))
                        .json()
                        .get("parameter")
                        .asString())
                .isEqualTo("email");
        assertThat(users(email)).isZero();
        assertThat(http.post("/api/v1/auth/signup", JSON, credentials(email, "ünïcödé-pässwörd-✓"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void signinFailuresLookTheSameWhetherOrNotTheAccountExists() {
        var known = TestAccounts.newUser(http);
        Response wrongPassword =
                http.post("/api/v1/auth/signin", JSON, credentials(known.email(), "wrong-password-123"));
        Response unknownAccount = http.post("/api/v1/auth/signin", JSON, credentials(unique(), "wrong-password-123"));
        Response malformed = http.post("/api/v1/auth/signin", JSON, credentials("nobody", "x"));
        for (Response r : List.of(wrongPassword, unknownAccount, malformed)) {
            JsonNode p = assertProblem(r, 401, "signin-failed");
            assertThat(p.get("detail").asString()).isEqualTo("E-mail or password is wrong.");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
        JsonNode ok = TestAccounts.signIn(http, known.email(), TestAccounts.USER_PASSWORD);
        assertThat(ok.at("/user/lastSigninAt").isNull()).isFalse();
    }

    @Test
    void meDescribesTheCallerAndNeedsAValidToken() {
        var u = TestAccounts.newUser(http);
        Response me = u.client().get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(u.email());
        assertThat(me.json().get("role").asString()).isEqualTo("USER");
        assertThat(me.json().at("/rateLimit/tier").asString()).isEqualTo("FREE");

        Response none = http.get("/api/v1/auth/me");
        assertProblem(none, 401, "unauthorized");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"qnt9\"");

        String token = u.accessToken();
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(token)
                        .toString()
                        .replace("\"USER\"", "\"ADMIN\"")
                        .getBytes(StandardCharsets.UTF_8));
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + parts[1] + ".";
        for (String bad : List.of(
                "garbage",
                parts[0] + "." + forgedPayload + "." + parts[2],
                unsigned,
                token.substring(0, token.length() - 2))) {
            Response r = http.withBearer(bad).get("/api/v1/auth/me");
            assertProblem(r, 401, "invalid-token");
            assertThat(r.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            assertThat(r.body()).doesNotContain(bad);
        }
        assertProblem(
                http.withBearer(parts[0] + "." + forgedPayload + "." + parts[2]).get("/api/v1/admin/users"),
                401,
                "invalid-token");
    }

    @Test
    void aRefreshRotatesTheTokenAndReusingAnOldOneRevokesTheWholeSession(CapturedOutput output) {
        var u = TestAccounts.newUser(http);
        Response first = refresh(u.refreshToken());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String second = first.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(u.refreshToken());
        assertThat(claims(first.json().get("accessToken").asString()).get("sid").asString())
                .isEqualTo(claims(u.accessToken()).get("sid").asString());
        assertThat(first.header("Set-Cookie")).startsWith("qnt9_refresh=" + second);

        Response third = refresh(second);
        assertThat(third.status()).isEqualTo(200);
        String live = third.json().get("refreshToken").asString();

        // The first token again: someone else has it. Everyone in that session must sign in again.
        assertProblem(refresh(u.refreshToken()), 401, "invalid-refresh-token");
        assertProblem(refresh(live), 401, "invalid-refresh-token");
        assertThat(output.getOut())
                .containsPattern("event=refresh-token-reuse user=" + u.id() + " family=[0-9a-f-]{36} revoked=\\d+");
        // other sessions of the user are not affected
        JsonNode other = TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD);
        assertThat(refresh(other.get("refreshToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void unknownOrMalformedRefreshTokensAre401() {
        assertProblem(refresh("A".repeat(43)), 401, "invalid-refresh-token");
        assertProblem(refresh("'; DROP TABLE refresh_token; --"), 401, "invalid-refresh-token");
        assertProblem(http.post("/api/v1/auth/refresh", JSON, "{}"), 401, "invalid-refresh-token");
        assertProblem(http.post("/api/v1/auth/refresh", null, ""), 401, "invalid-refresh-token");
    }

    @Test
    void theCookieWorksFromThisSiteOrAnAllowedOriginOnly() {
        var u = TestAccounts.newUser(http);
        String cookie = "qnt9_refresh=" + u.refreshToken();
        Response foreign =
                http.post("/api/v1/auth/refresh", null, "", "Cookie", cookie, "Origin", "https://evil.example");
        assertProblem(foreign, 403, "origin-not-allowed");
        Response noOrigin = http.post("/api/v1/auth/refresh", null, "", "Cookie", cookie);
        assertProblem(noOrigin, 403, "origin-not-allowed");

        Response same =
                http.post("/api/v1/auth/refresh", null, "", "Cookie", cookie, "Origin", "http://localhost:" + port);
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        String next = same.json().get("refreshToken").asString();
        Response fetchMetadata = http.post(
                "/api/v1/auth/refresh", null, "", "Cookie", "qnt9_refresh=" + next, "Sec-Fetch-Site", "same-origin");
        assertThat(fetchMetadata.status()).isEqualTo(200);

        // An expired access token sent along does not get in the way of a refresh.
        Response withStaleBearer = http.withBearer("expired.or.garbage")
                .post(
                        "/api/v1/auth/refresh",
                        JSON,
                        "{\"refreshToken\":\""
                                + fetchMetadata.json().get("refreshToken").asString() + "\"}");
        assertThat(withStaleBearer.status()).isEqualTo(200);
    }

    @Test
    void signoutEndsTheSessionClearsTheCookieAndCanBeRepeated() {
        var u = TestAccounts.newUser(http);
        Response out = http.post("/api/v1/auth/signout", JSON, "{\"refreshToken\":\"" + u.refreshToken() + "\"}");
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith("qnt9_refresh=;").contains("Max-Age=0");
        assertProblem(refresh(u.refreshToken()), 401, "invalid-refresh-token");
        assertThat(http.post("/api/v1/auth/signout", JSON, "{\"refreshToken\":\"" + u.refreshToken() + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(http.post("/api/v1/auth/signout", null, "").status()).isEqualTo(204);
        assertProblem(
                http.post("/api/v1/auth/signout", null, "", "Cookie", "qnt9_refresh=" + u.refreshToken()),
                403,
                "origin-not-allowed");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEveryOtherSession(CapturedOutput output) {
        var u = TestAccounts.newUser(http);
        JsonNode otherSession = TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD);

        Response wrong = u.client()
                .method(
                        "PUT",
                        "/api/v1/auth/me/password",
                        JSON,
                        "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"brand-new-password-1\"}");
        assertProblem(wrong, 400, "wrong-password");
        Response weak = u.client()
                .method(
                        "PUT",
                        "/api/v1/auth/me/password",
                        JSON,
                        "{\"currentPassword\":\"" + TestAccounts.USER_PASSWORD + "\",\"newPassword\":\"short\"}");
        assertThat(assertProblem(weak, 400, "invalid-request-body")
                        .get("parameter")
                        .asString())
                .isEqualTo("newPassword");

        Response ok = u.client()
                .method(
                        "PUT",
                        "/api/v1/auth/me/password",
                        JSON,
                        "{\"currentPassword\":\"" + TestAccounts.USER_PASSWORD
                                + "\",\"newPassword\":\"brand-new-password-1\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);

        assertProblem(refresh(otherSession.get("refreshToken").asString()), 401, "invalid-refresh-token");
        assertThat(refresh(u.refreshToken()).status()).as("this session stays").isEqualTo(200);
        assertProblem(
                http.post("/api/v1/auth/signin", JSON, credentials(u.email(), TestAccounts.USER_PASSWORD)),
                401,
                "signin-failed");
        TestAccounts.signIn(http, u.email(), "brand-new-password-1");
        assertThat(output.getOut())
                .contains("event=password-change outcome=success user=" + u.id() + " other-sessions-revoked=1");
    }

    @Test
    void signingOutEverywhereEndsEverySessionButNotTheApiKeys(CapturedOutput output) {
        var u = TestAccounts.newUser(http); // one session
        JsonNode other = TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD); // and another
        String key = u.client()
                .post("/api/v1/auth/me/api-keys", JSON, "{\"name\":\"script\"}")
                .json()
                .get("key")
                .asString();

        assertThat(http.withBearer(key)
                        .method("DELETE", "/api/v1/auth/me/sessions", null, null)
                        .status())
                .as("not by API key")
                .isEqualTo(403);
        Response r = u.client().method("DELETE", "/api/v1/auth/me/sessions", null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(r.header("Set-Cookie")).contains("Max-Age=0");
        assertProblem(refresh(u.refreshToken()), 401, "invalid-refresh-token");
        assertProblem(refresh(other.get("refreshToken").asString()), 401, "invalid-refresh-token");
        assertThat(http.withBearer(key).get("/api/v1/auth/me").status())
                .as("API keys stay")
                .isEqualTo(200);
        assertThat(output.getOut()).contains("event=signout-everywhere user=" + u.id() + " sessions-revoked=2");
        TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD); // a new session starts as usual
    }

    private int rowsOf(long user) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM app_user WHERE id = :id)
                             + (SELECT count(*) FROM refresh_token WHERE user_id = :id)
                             + (SELECT count(*) FROM api_key WHERE user_id = :id)
                             + (SELECT count(*) FROM watchlist WHERE owner_id = :id)
                             + (SELECT count(*) FROM watchlist_item i JOIN watchlist w ON w.id = i.watchlist_id
                                WHERE w.owner_id = :id)""").param("id", user).query(Integer.class).single();
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndTakesEverythingThatIsTheirs(CapturedOutput output) {
        var u = TestAccounts.newUser(http);
        Response list = u.client().post("/api/v1/watchlists", JSON, "{\"name\":\"Mine\"}");
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        u.client()
                .post("/api/v1/watchlists/" + list.json().get("id").asLong() + "/items", JSON, "{\"symbol\":\"AAPL\"}");
        String key = u.client()
                .post("/api/v1/auth/me/api-keys", JSON, "{\"name\":\"script\"}")
                .json()
                .get("key")
                .asString();
        HttpTestClient script = http.withBearer(key);
        assertThat(rowsOf(u.id())).as("user, session, key, list, item").isEqualTo(5);

        // wrong or missing password, or by API key: nothing deleted
        assertThat(assertProblem(
                                u.client().method("DELETE", "/api/v1/auth/me", JSON, "{\"password\":\"not-it\"}"),
                                400,
                                "wrong-password")
                        .get("parameter")
                        .asString())
                .isEqualTo("password");
        assertProblem(u.client().method("DELETE", "/api/v1/auth/me", JSON, "{}"), 400, "invalid-request-body");
        assertThat(script.method(
                                "DELETE",
                                "/api/v1/auth/me",
                                JSON,
                                "{\"password\":\"" + TestAccounts.USER_PASSWORD + "\"}")
                        .status())
                .as("an API key cannot delete its owner")
                .isEqualTo(403);
        assertThat(rowsOf(u.id())).isEqualTo(5);

        Response deleted = u.client()
                .method("DELETE", "/api/v1/auth/me", JSON, "{\"password\":\"" + TestAccounts.USER_PASSWORD + "\"}");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(rowsOf(u.id())).isZero();
        assertThat(output.getOut()).contains("event=account-delete outcome=success user=" + u.id());

        // every credential is dead: password, refresh token, API key; the access token for anything of the account
        assertProblem(
                http.post("/api/v1/auth/signin", JSON, credentials(u.email(), TestAccounts.USER_PASSWORD)),
                401,
                "signin-failed");
        assertProblem(refresh(u.refreshToken()), 401, "invalid-refresh-token");
        assertThat(script.get("/api/v1/watchlists").status()).isEqualTo(401);
        assertProblem(u.client().get("/api/v1/auth/me"), 401, "invalid-token");
        assertProblem(u.client().post("/api/v1/watchlists", JSON, "{\"name\":\"Again\"}"), 401, "invalid-token");
        assertThat(u.client().get("/api/v1/watchlists").json()).isEmpty();
        assertThat(rowsOf(u.id())).isZero();
        // and the address is free again
        assertThat(http.post("/api/v1/auth/signup", JSON, credentials(u.email(), TestAccounts.USER_PASSWORD))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAdminsAccountIsNotDeletedByItself() {
        HttpTestClient admin = TestAccounts.admin(port);
        Response r = admin.method(
                "DELETE", "/api/v1/auth/me", JSON, "{\"password\":\"" + TestAccounts.ADMIN_PASSWORD + "\"}");
        assertProblem(r, 409, "admin-account");
        assertThat(users(TestAccounts.ADMIN_EMAIL)).isEqualTo(1);
    }

    @Test
    void adminsPageThroughUsersAndChangeTiersAndRoles(CapturedOutput output) {
        HttpTestClient admin = TestAccounts.admin(port);
        var u = TestAccounts.newUser(http);

        Response page = admin.get("/api/v1/admin/users?size=2&email=" + u.email());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(page.json().at("/items/0/id").asLong()).isEqualTo(u.id());
        assertThat(page.json().at("/items/0/tier").asString()).isEqualTo("FREE");
        JsonNode all = admin.get("/api/v1/admin/users?page=0&size=1").json();
        assertThat(all.get("items")).hasSize(1);
        assertThat(all.get("totalPages").asInt())
                .isEqualTo((int) all.get("total").asLong());
        assertProblem(admin.get("/api/v1/admin/users?size=1000"), 400, "invalid-parameter");
        assertProblem(admin.get("/api/v1/admin/users?page=-1"), 400, "invalid-parameter");

        Response paid = admin.method("PATCH", "/api/v1/admin/users/" + u.id(), JSON, "{\"tier\":\"PAID\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("tier").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("role").asString()).isEqualTo("USER");
        assertThat(output.getOut())
                .contains("event=user-update by=" + TestAccounts.ADMIN_EMAIL + " user=" + u.id()
                        + " role=USER->USER tier=FREE->PAID");
        // The next token carries the new tier.
        JsonNode refreshed = refresh(u.refreshToken()).json();
        assertThat(claims(refreshed.get("accessToken").asString()).get("tier").asString())
                .isEqualTo("PAID");
        assertThat(refreshed.at("/user/rateLimit/tier").asString()).isEqualTo("PAID");

        Response promoted = admin.method(
                "PATCH", "/api/v1/admin/users/" + u.id(), "application/merge-patch+json", "{\"role\":\"admin\"}");
        assertThat(promoted.json().get("roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
        JsonNode asAdmin = TestAccounts.signIn(http, u.email(), TestAccounts.USER_PASSWORD);
        assertThat(http.withBearer(asAdmin.get("accessToken").asString())
                        .get("/api/v1/admin/users")
                        .status())
                .isEqualTo(200);
        Response demoted = admin.method("PATCH", "/api/v1/admin/users/" + u.id(), JSON, "{\"role\":\"USER\"}");
        assertThat(demoted.status()).isEqualTo(200);
        assertProblem(refresh(asAdmin.get("refreshToken").asString()), 401, "invalid-refresh-token");

        // The choices offered are the ones an account can have (ANONYMOUS is the tier of callers without a token).
        for (String tier : List.of("GOLD", "ANONYMOUS")) {
            assertThat(detailOf(
                            admin.method("PATCH", "/api/v1/admin/users/" + u.id(), JSON, "{\"tier\":\"" + tier + "\"}"),
                            400,
                            "invalid-request-body"))
                    .isEqualTo("'tier' must be one of [FREE, PAID].");
        }
        assertProblem(admin.method("PATCH", "/api/v1/admin/users/" + u.id(), JSON, "{}"), 400, "invalid-request-body");
        assertProblem(
                admin.method("PATCH", "/api/v1/admin/users/987654321", JSON, "{\"tier\":\"PAID\"}"),
                404,
                "user-not-found");
        assertProblem(
                admin.method("PATCH", "/api/v1/admin/users/abc", JSON, "{\"tier\":\"PAID\"}"),
                400,
                "invalid-parameter");
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        jdbc.sql("UPDATE app_user SET role = 'USER' WHERE role = 'ADMIN' AND email <> ?")
                .param(TestAccounts.ADMIN_EMAIL)
                .update();
        HttpTestClient admin = TestAccounts.admin(port);
        long id = TestAccounts.signIn(http, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .at("/user/id")
                .asLong();
        assertProblem(
                admin.method("PATCH", "/api/v1/admin/users/" + id, JSON, "{\"role\":\"USER\"}"), 409, "last-admin");
        assertThat(admin.get("/api/v1/auth/me").json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theProvisionedAdminHoldsBothRolesAndThePaidTier() {
        JsonNode admin = TestAccounts.signIn(http, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        assertThat(admin.at("/user/roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
        assertThat(admin.at("/user/tier").asString()).isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?")
                        .param(TestAccounts.ADMIN_EMAIL)
                        .query(String.class)
                        .single())
                .startsWith("{argon2}$argon2id$");
        assertThat(claims(admin.get("accessToken").asString()).get("exp").asLong())
                .isCloseTo(java.time.Instant.now().getEpochSecond() + 900, within(60L));
    }
}
