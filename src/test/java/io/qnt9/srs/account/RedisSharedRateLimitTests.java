package io.qnt9.srs.account;

import static io.qnt9.srs.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.SrsApplication;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the service (two application contexts on two ports, each with its own database) sharing one Redis:
 * a caller's requests to either replica draw from the same bucket. Needs a Redis at {@code REDIS_TEST_URL} (default
 * {@code redis://127.0.0.1:6379}); skipped otherwise. Keys get a prefix unique to the run and are removed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(
        value = "redisAnswers",
        disabledReason = "no Redis answers at REDIS_TEST_URL (default redis://127.0.0.1:6379): start one"
                + " (redis-server --port 6379) to run the shared-limit test")
class RedisSharedRateLimitTests {

    static final String REDIS_URL = System.getenv().getOrDefault("REDIS_TEST_URL", "redis://127.0.0.1:6379");

    private final String prefix = "qnt9-test:" + UUID.randomUUID() + ":";
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    static boolean redisAnswers() {
        java.net.URI uri = java.net.URI.create(REDIS_URL);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 500);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n = in.read(buf);
            String answer = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
        } catch (Exception e) {
            return false;
        }
    }

    @BeforeAll
    void startTwoReplicas() {
        for (int i = 0; i < 2; i++) {
            replicas.add(new SpringApplicationBuilder(SrsApplication.class)
                    .profiles("test")
                    .run(
                            "--server.port=0",
                            "--qnt9.rate-limit.redis-url=" + REDIS_URL,
                            "--qnt9.rate-limit.redis-key-prefix=" + prefix,
                            "--qnt9.rate-limit.anonymous.per-minute=4",
                            "--qnt9.rate-limit.anonymous.burst=4"));
        }
    }

    @AfterAll
    void stopAndCleanUp() {
        replicas.forEach(ConfigurableApplicationContext::close);
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    private HttpTestClient replica(int i) {
        return new HttpTestClient(
                Integer.parseInt(replicas.get(i).getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void bothReplicasDrawFromTheSameBucket() {
        HttpTestClient a = replica(0);
        HttpTestClient b = replica(1);
        assertThat(a.port()).isNotEqualTo(b.port());

        Response a1 = a.get("/api/stats?ticker=AAPL");
        Response b1 = b.get("/api/stats?ticker=AAPL");
        Response a2 = a.get("/api/stats?ticker=AAPL");
        Response b2 = b.get("/api/stats?ticker=AAPL");
        for (Response r : List.of(a1, b1, a2, b2)) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo("4");
        }
        assertThat(List.of(a1, b1, a2, b2).stream()
                        .map(r -> r.header("X-RateLimit-Remaining"))
                        .toList())
                .containsExactly("3", "2", "1", "0");
        // each replica alone would still allow two more
        assertProblem(a.get("/api/stats?ticker=AAPL"), 429, "rate-limited");
        assertProblem(b.get("/api/stats?ticker=AAPL"), 429, "rate-limited");

        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys(prefix + "*");
            assertThat(keys).contains(prefix + "ANONYMOUS:127.0.0.1");
            assertThat(c.sync().ttl(prefix + "ANONYMOUS:127.0.0.1")).isPositive();
        } finally {
            client.shutdown();
        }
    }
}
