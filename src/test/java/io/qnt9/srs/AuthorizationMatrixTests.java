package io.qnt9.srs;

import static io.qnt9.srs.AuthorizationMatrixTests.Access.ADMIN;
import static io.qnt9.srs.AuthorizationMatrixTests.Access.PUBLIC;
import static io.qnt9.srs.AuthorizationMatrixTests.Access.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, for every route the application maps — including routes added after this test was written. The
 * routes come from the application's {@link RequestMappingHandlerMapping}; each must have a row in {@link #ROUTES},
 * or the test fails and names it. Each route is then called over HTTP, against the running application, by an
 * anonymous caller, a signed-in USER and an ADMIN.
 *
 * <p>To add a route: add one {@code row(method, path, access)} below (path as mapped; variable names do not matter)
 * and, unless it needs ADMIN, open it in {@code account/AccessRules} — everything not opened there needs ADMIN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthorizationMatrixTests {

    /** PUBLIC: anyone. USER: any signed-in user (anonymous → 401). ADMIN: admins (anonymous → 401, user → 403). */
    enum Access {
        PUBLIC,
        USER,
        ADMIN
    }

    /**
     * One route. {@code apiKeys}: whether an API key may call it as its owner could; false for what needs a password
     * sign-in (a key with the role gets 403 signin-required).
     */
    record Row(String method, String path, Access access, boolean apiKeys) {}

    static Row row(String method, String path, Access access) {
        return new Row(method, path, access, true);
    }

    static Row passwordSignin(String method, String path, Access access) {
        return new Row(method, path, access, false);
    }

    // @formatter:off
    /** THE table: method ("ANY" for a mapping without one), path pattern, who may call it. */
    static final List<Row> ROUTES = List.of(
            // operations and API docs
            row("GET", "/health", PUBLIC),
            row("ANY", "/error", PUBLIC),
            row("GET", "/v3/api-docs", PUBLIC),
            row("GET", "/v3/api-docs.yaml", PUBLIC),
            row("GET", "/v3/api-docs/swagger-config", PUBLIC),
            row("GET", "/swagger-ui.html", PUBLIC),

            // stock statistics (legacy contract) — read-only, POST batch included
            row("GET", "/api/stats", PUBLIC),
            row("GET", "/api/v1/stats", PUBLIC),
            row("POST", "/api/stats/batch", PUBLIC),
            row("POST", "/api/v1/stats/batch", PUBLIC),
            row("GET", "/api/compare", PUBLIC),
            row("GET", "/api/v1/compare", PUBLIC),

            // market data: reads public, imports and provider refresh for admins
            row("GET", "/api/v1/instruments", PUBLIC),
            row("GET", "/api/v1/instruments/{}", PUBLIC),
            row("GET", "/api/v1/instruments/{}/bars", PUBLIC),
            row("POST", "/api/v1/instruments/{}/bars", ADMIN),
            row("POST", "/api/v1/bars", ADMIN),
            row("POST", "/api/v1/instruments", ADMIN),
            row("POST", "/api/v1/instruments/{}/refresh", ADMIN),
            row("DELETE", "/api/v1/instruments/{}", ADMIN),
            row("DELETE", "/api/v1/instruments/{}/bars", ADMIN),

            // analytics, reports, recommendations, search
            row("GET", "/api/v1/instruments/{}/indicators", PUBLIC),
            row("GET", "/api/v1/instruments/{}/statistics", PUBLIC),
            row("GET", "/api/v1/instruments/{}/report", PUBLIC),
            row("GET", "/api/v1/instruments/{}/technicals", PUBLIC),
            row("GET", "/api/v1/instruments/{}/recommendation", PUBLIC),
            row("GET", "/api/v1/instruments/{}/backtest", PUBLIC),
            row("GET", "/api/v1/instruments/{}/strategy", PUBLIC),
            row("GET", "/api/v1/indicators", PUBLIC),
            row("GET", "/api/v1/recommendations", PUBLIC),
            row("GET", "/api/v1/screener", PUBLIC),
            row("GET", "/api/v1/technicals", PUBLIC),
            row("GET", "/api/v1/correlations", PUBLIC),
            row("GET", "/api/v1/portfolio", PUBLIC),
            row("GET", "/api/v1/search", PUBLIC),
            row("GET", "/api/v1/search/suggest", PUBLIC),
            row("POST", "/api/v1/stock/search", PUBLIC),

            // accounts
            row("POST", "/api/v1/auth/signup", PUBLIC),
            row("POST", "/api/v1/auth/signin", PUBLIC),
            row("POST", "/api/v1/auth/refresh", PUBLIC),
            row("POST", "/api/v1/auth/signout", PUBLIC),
            row("GET", "/api/v1/auth/me", USER),
            passwordSignin("PUT", "/api/v1/auth/me/password", USER),
            passwordSignin("DELETE", "/api/v1/auth/me", USER),
            passwordSignin("DELETE", "/api/v1/auth/me/sessions", USER),
            passwordSignin("GET", "/api/v1/auth/me/api-keys", USER),
            passwordSignin("POST", "/api/v1/auth/me/api-keys", USER),
            passwordSignin("DELETE", "/api/v1/auth/me/api-keys/{}", USER),
            passwordSignin("GET", "/api/v1/admin/users", ADMIN),
            passwordSignin("PATCH", "/api/v1/admin/users/{}", ADMIN),
            passwordSignin("GET", "/api/v1/admin/users/{}/api-keys", ADMIN),
            passwordSignin("DELETE", "/api/v1/admin/users/{}/api-keys", ADMIN),

            // watchlists
            row("GET", "/api/v1/watchlists", USER),
            row("POST", "/api/v1/watchlists", USER),
            row("GET", "/api/v1/watchlists/{}", USER),
            row("PUT", "/api/v1/watchlists/{}", USER),
            row("DELETE", "/api/v1/watchlists/{}", USER),
            row("POST", "/api/v1/watchlists/{}/items", USER),
            row("PUT", "/api/v1/watchlists/{}/items/{}", USER),
            row("DELETE", "/api/v1/watchlists/{}/items/{}", USER));
    // @formatter:on

    /** Paths served outside the handler mapping (actuator, static files), checked the same way. */
    static final List<Row> OTHER_PATHS = List.of(
            row("GET", "/actuator", PUBLIC),
            row("GET", "/actuator/health", PUBLIC),
            row("GET", "/actuator/health/readiness", PUBLIC),
            row("GET", "/livez", PUBLIC),
            row("GET", "/readyz", PUBLIC),
            row("GET", "/actuator/info", PUBLIC),
            row("GET", "/actuator/prometheus", PUBLIC),
            row("GET", "/actuator/env", ADMIN),
            row("GET", "/swagger-ui/index.html", PUBLIC),
            row("GET", "/", PUBLIC),
            row("GET", "/favicon.ico", PUBLIC),
            row("GET", "/assets/app.js", PUBLIC),
            row("GET", "/assets/js/main.js", PUBLIC),
            row("GET", "/webjars/echarts/5.5.0/echarts.esm.min.js", PUBLIC),
            row("GET", "/no-such-route", ADMIN),
            row("DELETE", "/api/stats", ADMIN));

    /** Values for path variables, by name; anything else gets "x". */
    private static final Map<String, String> SAMPLES = Map.of("symbol", "AAPL", "ticker", "AAPL", "id", "999999999");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @LocalServerPort
    int port;

    HttpTestClient anonymous;
    HttpTestClient user;
    HttpTestClient admin;
    HttpTestClient userKey;
    HttpTestClient adminKey;
    private String adminKeyId;

    @BeforeEach
    void callers() {
        anonymous = new HttpTestClient(port);
        user = TestAccounts.newUser(port);
        admin = TestAccounts.admin(port);
        userKey = anonymous.withBearer(newKey(user).get("key").asString());
        JsonNode created = newKey(admin);
        adminKey = anonymous.withBearer(created.get("key").asString());
        adminKeyId = created.get("id").asString();
    }

    @AfterEach
    void revokeTheAdminsKey() { // the admin is shared by every test class of this context, and keys are limited
        assertThat(admin.method("DELETE", "/api/v1/auth/me/api-keys/" + adminKeyId, null, null)
                        .status())
                .isEqualTo(204);
    }

    private static JsonNode newKey(HttpTestClient owner) {
        Response r = owner.post("/api/v1/auth/me/api-keys", "application/json", "{\"name\":\"matrix\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Every mapped (method, path) pair, path as mapped with its variable names. */
    List<String[]> mappedRoutes() {
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String path : e.getKey().getPatternValues()) {
                for (String method : methods.isEmpty()
                        ? List.of("ANY")
                        : methods.stream().map(Enum::name).toList()) {
                    if (seen.add(method + " " + path)) {
                        out.add(new String[] {method, path});
                    }
                }
            }
        }
        return out;
    }

    static String normalise(String path) {
        return VARIABLE.matcher(path).replaceAll("{}");
    }

    static Row lookUp(String method, String path) {
        String p = normalise(path);
        return ROUTES.stream()
                .filter(r -> r.method().equals(method) && normalise(r.path()).equals(p))
                .findFirst()
                .orElse(null);
    }

    @Test
    void everyMappedRouteHasARowInTheTable() {
        List<String> missing = new ArrayList<>();
        for (String[] route : mappedRoutes()) {
            if (lookUp(route[0], route[1]) == null) {
                missing.add(route[0] + " " + route[1]);
            }
        }
        assertThat(missing)
                .as("Routes without a row in AuthorizationMatrixTests.ROUTES — add one per route (and open it in"
                        + " account/AccessRules unless only admins may call it)")
                .isEmpty();
    }

    @Test
    void everyMappedRouteAnswersEachCallerAsTheTableSays() {
        SoftAssertions soft = new SoftAssertions();
        List<String[]> routes = mappedRoutes();
        assertThat(routes).hasSizeGreaterThan(20);
        for (String[] route : routes) {
            Row row = lookUp(route[0], route[1]);
            if (row == null) {
                continue; // reported by the test above
            }
            check(soft, route[0].equals("ANY") ? "GET" : route[0], concrete(route[1]), row);
        }
        soft.assertAll();
    }

    @Test
    void pathsOutsideTheHandlerMappingAnswerEachCallerAsTheTableSays() {
        SoftAssertions soft = new SoftAssertions();
        for (Row row : OTHER_PATHS) {
            check(soft, row.method(), row.path(), row);
        }
        soft.assertAll();
    }

    /**
     * The OpenAPI document says the same as the table: a route that needs a sign-in requires the bearer token and
     * documents the 401, an admin route also the 403; a public one leaves the token optional. (The document derives
     * this from account/AccessRules; this checks it against what the service answers, through the table.)
     */
    @Test
    void theApiDocsSayWhoMayCallWhatAsTheTableDoes() {
        JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");
        SoftAssertions soft = new SoftAssertions();
        int operations = 0;
        for (String template : paths.propertyNames()) {
            for (String method : paths.get(template).propertyNames()) {
                JsonNode op = paths.get(template).get(method);
                Row row = lookUp(method.toUpperCase(java.util.Locale.ROOT), template);
                String what = method.toUpperCase(java.util.Locale.ROOT) + " " + template;
                soft.assertThat(row)
                        .as(what + " is documented but has no row in the table")
                        .isNotNull();
                if (row == null) {
                    continue;
                }
                operations++;
                String security = op.has("security") ? op.get("security").toString() : "(optional, document-wide)";
                String description =
                        op.has("description") ? op.get("description").asString() : "";
                if (row.access() == PUBLIC) {
                    soft.assertThat(security).as(what).isEqualTo("(optional, document-wide)");
                    soft.assertThat(description).as(what).doesNotContain("Needs a");
                } else {
                    soft.assertThat(security)
                            .as(what)
                            .isEqualTo(row.apiKeys() ? "[{\"bearer\":[]},{\"apiKey\":[]}]" : "[{\"bearer\":[]}]");
                    soft.assertThat(op.at("/responses/401/description").asString())
                            .as(what)
                            .startsWith("Sign-in required");
                }
                if (row.access() == ADMIN) {
                    soft.assertThat(op.at("/responses/403/description").asString())
                            .as(what)
                            .startsWith("Signed in, but without the ADMIN role");
                    soft.assertThat(description)
                            .as(what)
                            .endsWith(
                                    row.apiKeys()
                                            ? "Needs an administrator."
                                            : "Needs an administrator, signed in with the password (not an API key).");
                }
                if (row.access() == USER) {
                    soft.assertThat(description)
                            .as(what)
                            .endsWith(
                                    row.apiKeys()
                                            ? "Needs a signed-in user."
                                            : "Needs a signed-in user, signed in with the password (not an API key).");
                }
            }
        }
        soft.assertAll();
        assertThat(operations).isGreaterThan(35);
    }

    private void check(SoftAssertions soft, String method, String path, Row row) {
        Access access = row.access();
        String what = method + " " + path;
        Response anon = call(anonymous, method, path);
        Response asUser = call(user, method, path);
        Response asAdmin = call(admin, method, path);
        if (access == PUBLIC) {
            soft.assertThat(refused(anon))
                    .as(what + " anonymous: " + anon.body())
                    .isFalse();
        } else {
            soft.assertThat(anon.status()).as(what + " anonymous").isEqualTo(401);
            soft.assertThat(type(anon)).as(what + " anonymous").isEqualTo("unauthorized");
            soft.assertThat(anon.header("WWW-Authenticate"))
                    .as(what + " anonymous")
                    .startsWith("Bearer");
        }
        if (access == ADMIN) {
            soft.assertThat(asUser.status()).as(what + " user").isEqualTo(403);
            soft.assertThat(type(asUser)).as(what + " user").isEqualTo("forbidden");
        } else {
            soft.assertThat(refused(asUser))
                    .as(what + " user: " + asUser.body())
                    .isFalse();
        }
        soft.assertThat(refused(asAdmin)).as(what + " admin: " + asAdmin.body()).isFalse();

        // The same callers with an API key instead of the access token.
        Response byUserKey = call(userKey, method, path);
        Response byAdminKey = call(adminKey, method, path);
        if (access == ADMIN) {
            soft.assertThat(type(byUserKey)).as(what + " user's key").isEqualTo("forbidden");
        } else if (access == USER && !row.apiKeys()) {
            soft.assertThat(byUserKey.status()).as(what + " user's key").isEqualTo(403);
            soft.assertThat(type(byUserKey)).as(what + " user's key").isEqualTo("signin-required");
        } else {
            soft.assertThat(refused(byUserKey))
                    .as(what + " user's key: " + byUserKey.body())
                    .isFalse();
        }
        if (access != PUBLIC && !row.apiKeys()) {
            soft.assertThat(byAdminKey.status()).as(what + " admin's key").isEqualTo(403);
            soft.assertThat(type(byAdminKey)).as(what + " admin's key").isEqualTo("signin-required");
        } else {
            soft.assertThat(refused(byAdminKey))
                    .as(what + " admin's key: " + byAdminKey.body())
                    .isFalse();
        }
    }

    private static Response call(HttpTestClient client, String method, String path) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return client.method(method, path, body ? "application/json" : null, body ? "{}" : null);
    }

    /** Refused by the security layer (not by the route itself, e.g. a wrong password on sign-in). */
    private static boolean refused(Response r) {
        return (r.status() == 401 || r.status() == 403)
                && Set.of("unauthorized", "forbidden", "invalid-token", "invalid-api-key", "signin-required")
                        .contains(type(r));
    }

    private static String type(Response r) {
        try {
            String t = r.json().get("type").asString();
            return t.substring(t.lastIndexOf('/') + 1);
        } catch (RuntimeException e) {
            return "(no problem body)";
        }
    }

    static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, SAMPLES.getOrDefault(m.group(1), "x"));
        }
        m.appendTail(sb);
        return sb.toString().replace("/**", "/x").replace("/*", "/x");
    }
}
