package io.qnt9.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Every GET operation the OpenAPI document lists, each query parameter in turn given values a user could type by
 * mistake or an attacker on purpose (and each {@code {symbol}} a few that are no symbol): the answer is never a 5xx,
 * and a 4xx is problem+json without internals. The
 * operations come from the document itself, so a new endpoint is covered the day it is added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QueryFuzzTests {

    /** What goes into each query parameter, one at a time. */
    static final List<String> VALUES = List.of(
            "",
            " ",
            "x",
            "-1",
            "0",
            "1e309",
            "NaN",
            "-Infinity",
            "99999999999999999999",
            "2024-02-30",
            "9999-99-99",
            "AAPL,,MSFT",
            ",",
            "rsi_14<<30",
            "close>",
            "sma:0",
            "macd:26:12:9",
            "'; DROP TABLE daily_bar; --",
            "<script>alert(1)</script>",
            "%00",
            "\u0000",
            "Ä\u200bß",
            "x".repeat(5_000));

    /** Path variables: a real instrument, and a number where an id is asked for. */
    static final Map<String, String> PATH = Map.of("symbol", "AAPL", "id", "1", "listId", "1", "userId", "1");

    /** What goes into a {symbol} path variable instead of a real one. */
    static final List<String> SYMBOLS = List.of("NOPE", "a b", "..", "AAPL;DROP", "x".repeat(300), "Ä");

    @LocalServerPort
    int port;

    /** Never a 5xx; a 4xx is problem+json without a stack trace or SQL. */
    static void check(SoftAssertions soft, String uri, Response r) {
        soft.assertThat(r.status()).as("GET %s → %s", uri, r.body()).isLessThan(500);
        if (r.status() >= 400) {
            soft.assertThat(r.contentType()).as("GET %s", uri).startsWith("application/problem+json");
            soft.assertThat(r.body())
                    .as("GET %s", uri)
                    .doesNotContain("Exception")
                    .doesNotContain("at io.qnt9")
                    .doesNotContain("SQL");
        }
    }

    @Test
    void noQueryParameterValueMakesAnyGetOperationFail() {
        HttpTestClient http = new HttpTestClient(port);
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        SoftAssertions soft = new SoftAssertions();
        int requests = 0;
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String template = path.getKey();
            for (Map.Entry<String, String> p : PATH.entrySet()) {
                template = template.replace("{" + p.getKey() + "}", p.getValue());
            }
            if (template.contains("{")) {
                soft.fail("no value for a path variable of " + path.getKey());
                continue;
            }
            operations.add(path.getKey());
            if (path.getKey().contains("{symbol}")) {
                for (String symbol : SYMBOLS) {
                    String uri = path.getKey()
                            .replace("{symbol}", URLEncoder.encode(symbol, StandardCharsets.UTF_8))
                            .replace("{id}", "1");
                    requests++;
                    check(soft, uri, http.get(uri));
                }
            }
            List<String> queries = new ArrayList<>();
            for (JsonNode parameter : get.path("parameters")) {
                if ("query".equals(parameter.path("in").asString())) {
                    queries.add(parameter.get("name").asString());
                }
            }
            for (String name : queries) {
                for (String value : VALUES) {
                    String uri = template + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                    requests++;
                    check(soft, uri, http.get(uri));
                }
            }
        }
        assertThat(operations)
                .as("the document lists the analytics operations")
                .contains(
                        "/api/v1/instruments/{symbol}/strategy",
                        "/api/v1/technicals",
                        "/api/v1/screener",
                        "/api/v1/instruments/{symbol}/indicators");
        assertThat(requests).isGreaterThan(1_000);
        soft.assertAll();
    }
}
