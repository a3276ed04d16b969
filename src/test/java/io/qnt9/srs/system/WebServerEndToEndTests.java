package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.ProblemAssertions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the web server itself answers, over a raw socket (an HTTP client library refuses to send most of these):
 * requests it rejects before routing are problem+json like every other error, never its HTML page; a bad escape in
 * the query string is a 400, not a 500; no {@code Server} header; connections idle longer than the ingress keeps them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebServerEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "Host: localhost\r\nConnection: close\r\n";

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    record RawResponse(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String raw = all.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head: %s", raw).isPositive();
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            Arrays.stream(head)
                    .skip(1)
                    .forEach(line -> headers.put(
                            line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT),
                            line.substring(line.indexOf(':') + 1).strip()));
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }

    private JsonNode assertProblem(RawResponse r, int status, String slug) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(r.headers()).doesNotContainKey("server");
        assertThat(r.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("at org.");
        JsonNode body = r.json();
        assertThat(body.get("type").asString()).isEqualTo(ProblemAssertions.TYPE_BASE + slug);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        ProblemAssertions.assertDocumented(slug);
        return body;
    }

    @Test
    void requestsTheServerRejectsBeforeRoutingAreProblemJsonWithTheServersReason() throws IOException {
        assertThat(assertProblem(send("GET //api/stats?ticker=AAPL HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request")
                        .get("detail")
                        .asString())
                .isEqualTo("Bad Request: Ambiguous URI empty segment.");
        assertThat(assertProblem(send("GET /api/stats HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "bad-request")
                        .get("detail")
                        .asString())
                .isEqualTo("Bad Request: No Host.");
        assertThat(assertProblem(
                                send("POST /api/stats/batch HTTP/1.1\r\n" + HOST
                                        + "Content-Type: application/json\r\nContent-Length: 5\r\n"
                                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                                400,
                                "bad-request")
                        .get("detail")
                        .asString())
                .as("a request that could smuggle a second one is refused")
                .contains("Transfer-Encoding and Content-Length");
        assertProblem(send("HELLO\r\n\r\n"), 400, "bad-request");
        assertProblem(send("GET /api/%zz HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request");
        assertProblem(send("GET /api/v1/instruments/AA%2FPL HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request");
        assertProblem(send("GET /api/v1/%2e%2e/actuator/env HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request");
    }

    @Test
    void requestsTheSecurityFirewallRefusesSayWhy() throws IOException {
        JsonNode semicolon = assertProblem(
                send("GET /api/v1/instruments/AAPL;jsessionid=1 HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request");
        assertThat(semicolon.get("detail").asString())
                .isEqualTo("Bad Request: The request was rejected because the URL contained a potentially malicious"
                        + " String \";\".");
        assertThat(semicolon.get("requestId").asString()).isNotBlank();
        assertThat(assertProblem(
                                send("GET /swagger-ui/../actuator/env HTTP/1.1\r\n" + HOST + "\r\n"),
                                400,
                                "bad-request")
                        .get("detail")
                        .asString())
                .isEqualTo("Bad Request: The request was rejected because the URL was not normalized.");
        for (String method : new String[] {"TRACE", "PROPFIND"}) {
            RawResponse r = send(method + " /api/stats HTTP/1.1\r\n" + HOST + "\r\n");
            assertThat(assertProblem(r, 405, "method-not-allowed").get("detail").asString())
                    .isEqualTo("Method " + method + " is not supported by this service; it uses GET, HEAD, POST, PUT,"
                            + " PATCH, DELETE, OPTIONS.");
            assertThat(r.headers().get("allow")).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
    }

    @Test
    void anUnknownHttpVersionIsA505ThatNamesTheVersionsSpoken() throws IOException {
        for (String version : new String[] {"HTTP/1.2", "HTTP/0.9"}) {
            JsonNode problem = assertProblem(
                    send("GET /health " + version + "\r\n" + HOST + "\r\n"), 505, "http-version-not-supported");
            assertThat(problem.get("detail").asString()).contains("send HTTP/1.1");
        }
    }

    @Test
    void aMalformedRequestWithoutAReasonFromTheServerStillSaysWhatKindOfThingIsWrong() throws IOException {
        assertThat(assertProblem(
                                send("GET /api/v1/instruments/%00/bars HTTP/1.1\r\n" + HOST + "\r\n"),
                                400,
                                "bad-request")
                        .get("detail")
                        .asString())
                .isEqualTo("Bad Request: the request line, the URL or a header is malformed.");
    }

    @Test
    void headersAndRequestLinesOverTheLimitAre431And414() throws IOException {
        assertProblem(
                send("GET /health HTTP/1.1\r\n" + HOST + "X-Padding: " + "a".repeat(20_000) + "\r\n\r\n"),
                431,
                "header-too-large");
        assertProblem(
                send("GET /api/stats?ticker=" + "A".repeat(20_000) + " HTTP/1.1\r\n" + HOST + "\r\n"),
                414,
                "uri-too-long");
    }

    @Test
    void aBadEscapeInTheQueryStringIsA400ThatSaysHowToWriteIt() throws IOException {
        JsonNode problem =
                assertProblem(send("GET /api/stats?ticker=%zz HTTP/1.1\r\n" + HOST + "\r\n"), 400, "bad-request");
        assertThat(problem.get("detail").asString())
                .contains("percent-encoding")
                .contains("%25");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/stats");
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void aClientStillSendingItsBodyGetsThe413NotAResetConnection() throws Exception {
        // Without the drain, 9 in 100 of these broke off with a reset ("header parser received no bytes").
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/watchlists/1"))
                            .header("Content-Type", "application/json")
                            .method(i % 2 == 0 ? "PUT" : "POST", HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).get("type").asString())
                    .isEqualTo(ProblemAssertions.TYPE_BASE + "payload-too-large");
        }
    }

    @Test
    void aRequestRefusedBeforeItsBodyWasReadLeavesTheConnectionUsable() throws Exception {
        // A POST refused before its body is read (here: a query parameter the endpoint does not take) used to leave
        // the body unread; the server then closed the kept-alive connection, and the client's next request on it
        // broke off now and then ("header parser received no bytes": 1 run in 300 pairs failed before the drain
        // covered every error answer). The JDK client's default version, as the other tests' client.
        HttpClient client = HttpClient.newBuilder().build();
        String body = "{\"tickers\":[\"AAPL\"],\"start\":\"2014-01-01\",\"end\":\"2014-12-31\"}";
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> refused = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stats/batch?strat=x"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            HttpResponse<String> next = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stats/batch"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode())
                    .as("request %d after a refused one", i)
                    .isEqualTo(200);
        }
    }

    @Test
    void aHeadRequestTheServerRejectsHasNoBody() throws IOException {
        RawResponse r = send("HEAD //api/stats HTTP/1.1\r\n" + HOST + "\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void normalResponsesCarryNoServerHeader() throws IOException {
        RawResponse r = send("GET /health HTTP/1.1\r\n" + HOST + "\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers()).doesNotContainKey("server").containsKey("date");
    }

    @Test
    void idleConnectionsAreKeptLongerThanTheIngressKeepsItsUpstreamOnes() {
        ServerConnector connector = (ServerConnector)
                ((JettyWebServer) context.getWebServer()).getServer().getConnectors()[0];
        assertThat(connector.getIdleTimeout())
                .as("HTTP_IDLE_TIMEOUT default, above ingress-nginx's upstream keep-alive of 60 s")
                .isEqualTo(75_000);
    }
}
