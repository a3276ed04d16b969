package io.qnt9.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient.Response;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every write endpoint of accounts and watchlists fed hostile input — SQL, markup, over-long fields, malformed JSON,
 * wrong content types, huge bodies — answers a 4xx problem+json without internals, and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileInputTests {

    private static final String JSON = "application/json";
    private static final String[] SQL = {
        "'; DROP TABLE app_user; --", "' OR '1'='1", "1; DELETE FROM watchlist", "Robert'); DROP TABLE watchlist;--"
    };
    private static final String[] MARKUP = {
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "</textarea><b>x"
    };
    private static final String HUGE = "{\"name\":\"" + "x".repeat(70_000) + "\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient anonymous;
    TestAccounts.SignedUp user;
    HttpTestClient admin;
    long list;

    @BeforeEach
    void setUp() {
        anonymous = new HttpTestClient(port);
        user = TestAccounts.newUser(anonymous);
        admin = TestAccounts.admin(port);
        Response r = user.client().post("/api/v1/watchlists", JSON, "{\"name\":\"Target\"}");
        list = r.json().get("id").asLong();
        assertThat(user.client()
                        .post("/api/v1/watchlists/" + list + "/items", JSON, "{\"symbol\":\"AAPL\"}")
                        .status())
                .isEqualTo(201);
    }

    record Attempt(HttpTestClient who, String method, String path, String contentType, String body) {}

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private List<Attempt> attempts() {
        HttpTestClient u = user.client();
        String items = "/api/v1/watchlists/" + list + "/items";
        String item = items + "/AAPL";
        String watchlist = "/api/v1/watchlists/" + list;
        List<Attempt> out = new ArrayList<>();
        List<String> hostileStrings = new ArrayList<>(List.of(SQL));
        hostileStrings.addAll(List.of(MARKUP));
        hostileStrings.add("x".repeat(101));
        hostileStrings.add("tab\tand\u0000null");
        hostileStrings.add("   ");
        for (String s : hostileStrings) {
            out.add(new Attempt(
                    anonymous,
                    "POST",
                    "/api/v1/auth/signup",
                    JSON,
                    "{\"email\":" + json(s + "@x.io") + ",\"password\":\"a-long-enough-password\"}"));
            out.add(new Attempt(
                    anonymous,
                    "POST",
                    "/api/v1/auth/signup",
                    JSON,
                    "{\"email\":" + json(s) + ",\"password\":\"a-long-enough-password\"}"));
            out.add(new Attempt(
                    anonymous,
                    "POST",
                    "/api/v1/auth/signin",
                    JSON,
                    "{\"email\":" + json(s) + ",\"password\":" + json(s) + "}"));
            out.add(new Attempt(anonymous, "POST", "/api/v1/auth/refresh", JSON, "{\"refreshToken\":" + json(s) + "}"));
            out.add(new Attempt(
                    admin,
                    "PATCH",
                    "/api/v1/admin/users/" + user.id(),
                    JSON,
                    "{\"tier\":" + json(s) + ",\"role\":" + json(s) + "}"));
            out.add(new Attempt(u, "POST", "/api/v1/watchlists", JSON, "{\"name\":" + json(s) + "}"));
            out.add(new Attempt(u, "PUT", watchlist, JSON, "{\"name\":" + json(s) + "}"));
            out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":" + json(s) + "}"));
        }
        for (String s : MARKUP) {
            out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":\"MSFT\",\"note\":" + json(s) + "}"));
            out.add(new Attempt(u, "PUT", item, JSON, "{\"note\":" + json(s) + "}"));
        }
        out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":\"MSFT\",\"note\":" + json("n".repeat(501)) + "}"));
        out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":\"MSFT\",\"note\":\"bell\\u0007\"}"));
        out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":\"MSFT\",\"targetPrice\":\"abc\"}"));
        out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":\"MSFT\",\"targetPrice\":1e400}"));
        out.add(new Attempt(u, "POST", items, JSON, "{\"symbol\":\"MSFT\",\"targetPrice\":NaN}"));
        out.add(new Attempt(u, "PUT", item, JSON, "{\"targetPrice\":-1}"));
        out.add(new Attempt(
                u,
                "PUT",
                "/api/v1/auth/me/password",
                JSON,
                "{\"currentPassword\":" + json(SQL[0]) + ",\"newPassword\":" + json("p".repeat(129)) + "}"));

        // malformed JSON, wrong shapes, wrong content types and huge bodies, on every write endpoint
        List<Attempt> endpoints = List.of(
                new Attempt(anonymous, "POST", "/api/v1/auth/signup", null, "email"),
                new Attempt(anonymous, "POST", "/api/v1/auth/signin", null, "email"),
                new Attempt(anonymous, "POST", "/api/v1/auth/refresh", null, "refreshToken"),
                new Attempt(anonymous, "POST", "/api/v1/auth/signout", null, "refreshToken"),
                new Attempt(u, "PUT", "/api/v1/auth/me/password", null, "currentPassword"),
                new Attempt(admin, "PATCH", "/api/v1/admin/users/" + user.id(), null, "tier"),
                new Attempt(u, "POST", "/api/v1/watchlists", null, "name"),
                new Attempt(u, "PUT", watchlist, null, "name"),
                new Attempt(u, "POST", items, null, "symbol"),
                new Attempt(u, "PUT", item, null, "note"),
                new Attempt(anonymous, "POST", "/api/stats/batch", null, "tickers"));
        for (Attempt e : endpoints) {
            String field = e.body(); // the endpoint's own field, so that a wrong shape cannot pass as "ignored"
            out.add(new Attempt(e.who(), e.method(), e.path(), JSON, "{\"" + field + "\":"));
            out.add(new Attempt(e.who(), e.method(), e.path(), JSON, "[1,2,3]"));
            out.add(new Attempt(e.who(), e.method(), e.path(), JSON, "{\"" + field + "\":{\"$gt\":\"\"}}"));
            out.add(new Attempt(
                    e.who(), e.method(), e.path(), "application/x-www-form-urlencoded", field + "=x&email=y"));
            out.add(new Attempt(e.who(), e.method(), e.path(), "text/xml", "<" + field + ">x</" + field + ">"));
            out.add(new Attempt(e.who(), e.method(), e.path(), JSON, HUGE));
        }
        out.add(new Attempt(
                admin, "POST", "/api/v1/instruments/AAPL';--/bars", "text/csv", "date,close\n2019-01-02,1\n"));
        return out;
    }

    @Test
    void everyHostileRequestIsAProblemJson4xxAndStoresNothing() {
        long users = count("SELECT count(*) FROM app_user");
        long lists = count("SELECT count(*) FROM watchlist");
        long items = count("SELECT count(*) FROM watchlist_item");
        String itemBefore = jdbc.sql("SELECT coalesce(note, '') || '|' || coalesce(CAST(target_price AS text), '')"
                        + " FROM watchlist_item WHERE watchlist_id = ?")
                .param(list)
                .query(String.class)
                .single();
        SoftAssertions soft = new SoftAssertions();
        List<Attempt> attempts = attempts();
        for (Attempt a : attempts) {
            String what = a.method() + " " + a.path() + " " + abbreviate(a.body());
            Response r;
            try {
                r = a.who().method(a.method(), a.path(), a.contentType(), a.body());
            } catch (UncheckedIOException e) { // name the request that broke the connection, and go on
                soft.fail(what + " (" + a.contentType() + ") → no response: " + e.getMessage());
                continue;
            }
            soft.assertThat(r.status()).as(what + " → " + r.body()).isBetween(400, 499);
            soft.assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            soft.assertThat(r.body())
                    .as(what)
                    .doesNotContain("Exception")
                    .doesNotContain("at io.qnt9")
                    .doesNotContain("at org.")
                    .doesNotContain("SQL")
                    .doesNotContain("<script>")
                    .doesNotContain("onerror=");
        }
        soft.assertAll();
        assertThat(attempts).hasSizeGreaterThan(150);
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);
        assertThat(count("SELECT count(*) FROM watchlist")).isEqualTo(lists);
        assertThat(count("SELECT count(*) FROM watchlist_item")).isEqualTo(items);
        assertThat(jdbc.sql("SELECT name FROM watchlist WHERE id = ?")
                        .param(list)
                        .query(String.class)
                        .single())
                .isEqualTo("Target");
        assertThat(jdbc.sql("SELECT coalesce(note, '') || '|' || coalesce(CAST(target_price AS text), '')"
                                + " FROM watchlist_item WHERE watchlist_id = ?")
                        .param(list)
                        .query(String.class)
                        .single())
                .isEqualTo(itemBefore);
        assertThat(jdbc.sql("SELECT tier FROM app_user WHERE id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .isEqualTo("FREE");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/auth/signin"))
                .header("Content-Type", JSON)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(HUGE.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Response r = anonymous.send(b);
        ProblemAssertions.assertProblem(r, 413, "payload-too-large");
        assertThat(r.json().get("limitBytes").asInt()).isEqualTo(65536);

        java.net.http.HttpRequest.Builder small = java.net.http.HttpRequest.newBuilder(
                        anonymous.uri("/api/stats/batch"))
                .header("Content-Type", JSON)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"tickers\":[\"AAPL\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(anonymous.send(small).status())
                .as("a small chunked body still gets through")
                .isEqualTo(200);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
