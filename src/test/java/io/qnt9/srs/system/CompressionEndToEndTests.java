package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.TestAccounts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code HTTP_COMPRESSION=true} (off by default: the ingress compresses), over HTTP with a client that does not
 * decompress by itself: large JSON and CSV responses come gzipped and inflate to exactly the uncompressed bytes;
 * responses under 2 KB, among them the token response of a sign-in, are left alone; without {@code Accept-Encoding}
 * nothing is compressed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "HTTP_COMPRESSION=true")
@ActiveProfiles("test")
class CompressionEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void largeResponsesAreGzippedForClientsThatAskAndSmallOnesAreLeftAlone() throws Exception {
        for (String accept : new String[] {"application/json", "text/csv"}) {
            String path = "/api/v1/instruments/AAPL/bars";
            HttpResponse<byte[]> plain = client.send(get(path, accept, null), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> zipped =
                    client.send(get(path, accept, "gzip"), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
            assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(String.join(",", zipped.headers().allValues("vary"))).contains("Accept-Encoding");
            byte[] inflated;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                inflated = in.readAllBytes();
            }
            assertThat(inflated).as(accept).isEqualTo(plain.body());
            assertThat(zipped.body().length).as(accept).isLessThan(plain.body().length / 2);
        }
        // Under 2 KB nothing is compressed: the statistics, and the token responses of sign-in.
        HttpResponse<byte[]> stats = client.send(
                get("/api/stats?ticker=AAPL&start=2014-01-01&end=2014-12-31", "application/json", "gzip"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.headers().firstValue("content-encoding")).isEmpty();
        assertThat(JSON.readTree(stats.body()).get("symbol").asString()).isEqualTo("AAPL");
        HttpResponse<byte[]> signIn = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/signin"))
                        .header("Content-Type", "application/json")
                        .header("Accept-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                TestAccounts.credentials(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("content-encoding")).isEmpty();
        assertThat(JSON.readTree(signIn.body()).get("accessToken").asString()).isNotBlank();
    }

    private HttpRequest get(String path, String accept, String acceptEncoding) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept);
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return b.build();
    }
}
