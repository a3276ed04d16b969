package io.qnt9.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes the answers as they are: every GET operation it lists is called with the examples it
 * gives (its required parameters alone, then every parameter that has an example, flags on), and each JSON answer is
 * checked against the schema the document gives for it — every field of every object documented (a field the
 * document does not know, or an object documented as another type, is a defect: a generated client drops or
 * misreads it), every value of its documented type. A client generated from the document then reads what the service
 * sends. The writes are checked the same way, in an account's and an admin's order of business. Null values pass
 * (optional fields); {@code oneOf}/{@code anyOf} schemas are not checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiDocumentConformanceTests {

    @LocalServerPort
    int port;

    @Test
    void everyGetOperationAnswersWhatTheDocumentSays() {
        HttpTestClient http = TestAccounts.admin(port);
        Response created = http.post("/api/v1/watchlists", "application/json", "{\"name\":\"Conformance\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        http.post(
                "/api/v1/watchlists/" + created.json().get("id").asLong() + "/items",
                "application/json",
                "{\"symbol\":\"AAPL\"}");
        Map<String, String> pathValues = Map.of(
                "symbol", "AAPL",
                "id", created.json().get("id").asString(),
                "userId", "1");

        JsonNode document = http.get("/v3/api-docs").json();
        JsonNode schemas = document.at("/components/schemas");
        List<String> problems = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String template = path.getKey().replace("{userId}", "{id}");
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                template = template.replace("{" + v.getKey() + "}", v.getValue());
            }
            JsonNode schema = get.at("/responses/200/content/application~1json/schema");
            if (schema.isMissingNode()) {
                problems.add("GET " + path.getKey() + ": no JSON schema for its 200 answer");
                continue;
            }
            for (boolean everyExample : new boolean[] {false, true}) {
                String uri = template + query(get, everyExample);
                Response r = http.get(uri, "Accept", "application/json");
                if (r.status() != 200) {
                    problems.add("GET " + uri + ": " + r.status() + " " + r.body());
                    continue;
                }
                conform(schemas, schema, r.json(), "GET " + uri + " ", problems);
                checked.add(path.getKey());
            }
        }
        assertThat(checked)
                .as("the answers checked")
                .hasSizeGreaterThan(25)
                .contains(
                        "/api/v1/instruments/{symbol}/strategy",
                        "/api/v1/instruments/{symbol}/backtest",
                        "/api/v1/instruments/{symbol}/statistics",
                        "/api/v1/watchlists/{id}");
        assertThat(problems).as("answers that differ from the document").isEmpty();
    }

    /**
     * The writes, in an order that makes each possible: an account's life (sign-up, sign-in, refresh, a watchlist and
     * an item, an API key), the read-only POSTs, and an admin's imports, deletions and user changes — each answer
     * checked against the schema the document gives for its status.
     */
    @Test
    void everyWriteOperationAnswersWhatTheDocumentSays() {
        HttpTestClient anonymous = new HttpTestClient(port);
        Writes w = new Writes(anonymous.get("/v3/api-docs").json(), new ArrayList<>(), new LinkedHashSet<>());
        String email = "doc-" + java.util.UUID.randomUUID() + "@test.qnt9.io";
        String credentials = TestAccounts.credentials(email, TestAccounts.USER_PASSWORD);
        JsonNode tokens = w.send(anonymous, "POST", "/api/v1/auth/signup", JSON, credentials, 201);
        w.send(anonymous, "POST", "/api/v1/auth/signin", JSON, credentials, 200);
        String refresh = "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}";
        w.send(anonymous, "POST", "/api/v1/auth/refresh", JSON, refresh, 200);
        HttpTestClient user = anonymous.withBearer(tokens.get("accessToken").asString());
        long list = w.send(user, "POST", "/api/v1/watchlists", JSON, "{\"name\":\"Doc\"}", 201)
                .get("id")
                .asLong();
        String item = "{\"symbol\":\"AAPL\",\"note\":\"n\",\"targetPrice\":200}";
        w.send(user, "POST", "/api/v1/watchlists/" + list + "/items", JSON, item, 201);
        w.send(user, "PUT", "/api/v1/watchlists/" + list + "/items/AAPL", JSON, "{\"note\":\"m\"}", 200);
        w.send(user, "PUT", "/api/v1/watchlists/" + list, JSON, "{\"name\":\"Doc 2\"}", 200);
        w.send(user, "POST", "/api/v1/auth/me/api-keys", JSON, "{\"name\":\"doc\"}", 201);
        w.send(anonymous, "POST", "/api/v1/stock/search", JSON, "{\"query\":\"apple\"}", 200);
        String batch = "{\"tickers\":[\"AAPL\",\"MSFT\"]}";
        w.send(anonymous, "POST", "/api/v1/stats/batch", JSON, batch, 200);
        w.send(anonymous, "POST", "/api/stats/batch", JSON, batch, 200);

        HttpTestClient admin = TestAccounts.admin(port);
        String csv = "text/csv";
        w.send(admin, "POST", "/api/v1/instruments", csv, "symbol,name,sector\nDOCA,Document Corp,Utilities\n", 200);
        String bars = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10.5,11,10,10.8,120\n";
        w.send(admin, "POST", "/api/v1/instruments/DOCA/bars", csv, bars, 200);
        String manySymbols = "symbol,date,close\nDOCA,2020-01-06,11\nDOCB,2020-01-06,20\n";
        w.send(admin, "POST", "/api/v1/bars?mode=append", csv, manySymbols, 200);
        w.send(admin, "DELETE", "/api/v1/instruments/DOCA/bars?start=2020-01-06", null, null, 200);
        w.send(admin, "DELETE", "/api/v1/instruments/DOCB", null, null, 200);
        long id = tokens.at("/user/id").asLong();
        w.send(admin, "PATCH", "/api/v1/admin/users/" + id, JSON, "{\"tier\":\"PAID\"}", 200);
        w.send(admin, "DELETE", "/api/v1/admin/users/" + id + "/api-keys", null, null, 200);
        assertThat(w.checked()).hasSize(18);
        assertThat(w.problems()).as("answers that differ from the document").isEmpty();
    }

    private static final String JSON = "application/json";

    /** Writes checked against {@code document}: where they differ, and which operations were checked. */
    private record Writes(JsonNode document, List<String> problems, Set<String> checked) {

        /** Sends one write, requires {@code status}, and checks its body against the document's schema for it. */
        JsonNode send(HttpTestClient client, String method, String uri, String contentType, String body, int status) {
            Response r = client.method(method, uri, contentType, body);
            assertThat(r.status()).as(method + " " + uri + " → " + r.body()).isEqualTo(status);
            String path = uri.replaceAll("\\?.*", "")
                    .replaceAll("/watchlists/\\d+", "/watchlists/{id}")
                    .replaceAll("/users/\\d+", "/users/{id}")
                    .replaceAll("/instruments/DOC[AB]", "/instruments/{symbol}")
                    .replaceAll("/items/AAPL", "/items/{symbol}");
            JsonNode operation = document.at("/paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
            JsonNode schema = operation.at("/responses/" + status + "/content/application~1json/schema");
            if (schema.isMissingNode()) {
                problems.add(method + " " + path + ": no JSON schema for its " + status + " answer");
            } else {
                conform(document.at("/components/schemas"), schema, r.json(), method + " " + uri + " ", problems);
            }
            checked.add(method + " " + path);
            return r.json();
        }
    }

    @Test
    void aProblemAnswerIsTheDocumentedProblem() {
        HttpTestClient http = new HttpTestClient(port);
        JsonNode document = http.get("/v3/api-docs").json();
        JsonNode problem = document.at("/components/schemas/Problem");
        assertThat(problem.isMissingNode()).isFalse();
        List<String> problems = new ArrayList<>();
        for (String uri : List.of(
                "/api/v1/instruments/NOPE/statistics",
                "/api/v1/instruments/AAPL/indicators?names=nope:3",
                "/api/v1/instruments/AAPL/strategy?buy=close%3E",
                "/api/v1/technicals?symbols=AAPL,NOPE&interval=hourly")) {
            Response r = http.get(uri);
            assertThat(r.status()).as(uri).isBetween(400, 499);
            conform(document.at("/components/schemas"), problem, r.json(), "GET " + uri + " ", problems);
        }
        assertThat(problems).isEmpty();
    }

    /** {@code ?…}: the required parameters' examples, or with {@code everyExample} every example and every flag on. */
    private static String query(JsonNode operation, boolean everyExample) {
        StringBuilder q = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString())) {
                continue;
            }
            JsonNode example = parameter.get("example");
            String value = null;
            if (example != null && (everyExample || parameter.path("required").asBoolean())) {
                value = example.asString();
            } else if (everyExample
                    && "boolean".equals(parameter.at("/schema/type").asString())) {
                value = "true";
            }
            if (value != null) {
                q.append(q.isEmpty() ? '?' : '&')
                        .append(parameter.get("name").asString())
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    /** Adds to {@code problems} where {@code value} is not what {@code schema} describes. */
    private static void conform(
            JsonNode schemas, JsonNode schema, JsonNode value, String where, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            JsonNode target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null) {
                problems.add(where + ": " + ref + " is not in the document");
                return;
            }
            schema = target;
        }
        if (value.isNull() || schema.has("oneOf") || schema.has("anyOf")) {
            return;
        }
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type != null) {
            types.add(type.asString());
        } else if (schema.has("properties")) {
            types.add("object");
        }
        if (types.isEmpty()) {
            return; // any value
        }
        String actual = value.isObject()
                ? "object"
                : value.isArray()
                        ? "array"
                        : value.isString()
                                ? "string"
                                : value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer" : "number";
        boolean fits = types.contains(actual)
                || (actual.equals("integer") && types.contains("number"))
                // a double that is whole is written without a fraction (12 significant digits, no trailing zeros)
                || (actual.equals("number") && types.contains("integer") && value.asDouble() % 1 == 0);
        if (!fits) {
            problems.add(where + ": a " + actual + " where the document says " + types);
            return;
        }
        if (actual.equals("object")) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode fieldSchema = properties.get(field.getKey());
                if (fieldSchema == null && additional != null && additional.isObject()) {
                    fieldSchema = additional;
                }
                if (fieldSchema == null) {
                    if (additional == null || !additional.asBoolean(false)) {
                        problems.add(where + "." + field.getKey() + ": not in the document");
                    }
                    continue;
                }
                conform(schemas, fieldSchema, field.getValue(), where + "." + field.getKey(), problems);
            }
        } else if (actual.equals("array") && schema.has("items")) {
            for (int i = 0; i < Math.min(value.size(), 3); i++) {
                conform(schemas, schema.get("items"), value.get(i), where + "[" + i + "]", problems);
            }
        }
    }
}
