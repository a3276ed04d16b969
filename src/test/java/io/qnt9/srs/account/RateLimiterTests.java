package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    private static RateLimitProperties limits(long perMinute, long burst, int maxTracked, String redisUrl) {
        RateLimitProperties.Limit l = new RateLimitProperties.Limit(perMinute, burst);
        return new RateLimitProperties(l, l, l, l, redisUrl, "test:", Duration.ofMillis(100), maxTracked);
    }

    @Test
    void aBucketHoldsTheBurstAndReportsWhenItIsFullAgain() {
        LocalRateLimiter limiter = new LocalRateLimiter(limits(60, 3, 100, null));
        RateLimiter.Decision first = limiter.consume(RatePlan.ANONYMOUS, "a");
        assertThat(first.allowed()).isTrue();
        assertThat(first.limit()).isEqualTo(3);
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.resetSeconds()).isEqualTo(1); // one token at 1 a second
        limiter.consume(RatePlan.ANONYMOUS, "a");
        limiter.consume(RatePlan.ANONYMOUS, "a");
        RateLimiter.Decision refused = limiter.consume(RatePlan.ANONYMOUS, "a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isBetween(2L, 3L);
        assertThat(limiter.consume(RatePlan.ANONYMOUS, "b").allowed()).isTrue();
        assertThat(limiter.consume(RatePlan.FREE, "a").allowed())
                .as("plans are separate")
                .isTrue();
    }

    @Test
    void fullBucketsAreSweptAndTheMapNeverOutgrowsItsBound() throws InterruptedException {
        LocalRateLimiter limiter = new LocalRateLimiter(limits(6_000_000, 1, 3, null));
        for (int i = 0; i < 3; i++) {
            limiter.consume(RatePlan.ANONYMOUS, "client-" + i);
        }
        assertThat(limiter.tracked(RatePlan.ANONYMOUS)).isEqualTo(3);
        // over the bound: new callers share the overflow bucket instead of growing the map
        limiter.consume(RatePlan.ANONYMOUS, "client-3");
        assertThat(limiter.tracked(RatePlan.ANONYMOUS)).isLessThanOrEqualTo(3);
        // at 100,000 tokens a second every bucket is full again within a millisecond: the sweep drops them
        Thread.sleep(5);
        limiter.sweep();
        assertThat(limiter.tracked(RatePlan.ANONYMOUS)).isZero();
    }

    @Test
    void limitsNeedAPositiveRateAndANonNegativeBurst() {
        assertThatThrownBy(() -> new RateLimitProperties.Limit(0, 5)).hasMessageContaining("at least 1 request");
        assertThatThrownBy(() -> new RateLimitProperties.Limit(5, -1)).hasMessageContaining("cannot be negative");
        assertThat(new RateLimitProperties.Limit(50, 0).burst())
                .as("0 = the per-minute figure")
                .isEqualTo(50);
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null, null, null, 10);
        assertThat(defaults.anonymous()).isEqualTo(new RateLimitProperties.Limit(120, 120));
        assertThat(defaults.free()).isEqualTo(new RateLimitProperties.Limit(300, 300));
        assertThat(defaults.paid()).isEqualTo(new RateLimitProperties.Limit(1200, 1200));
        assertThat(defaults.usesRedis()).isFalse();
        assertThat(limits(1, 1, 1, "redis://:secret@host:6379").toString()).doesNotContain("secret");
    }

    @Test
    void withRedisUnreachableTheLimiterFallsBackToMemoryAndStillLimits() {
        RateLimitProperties p = limits(60, 2, 100, "redis://127.0.0.1:1");
        try (RedisRateLimiter limiter = new RedisRateLimiter(p, new LocalRateLimiter(p), new SimpleMeterRegistry())) {
            assertThat(limiter.consume(RatePlan.ANONYMOUS, "x").allowed()).isTrue();
            assertThat(limiter.consume(RatePlan.ANONYMOUS, "x").allowed()).isTrue();
            assertThat(limiter.consume(RatePlan.ANONYMOUS, "x").allowed()).isFalse();
        }
    }

    @Test
    void probesDocsStaticFilesAndTheRootAreNotLimitedButTheApiAndEverythingElseIs() {
        for (String path : new String[] {
            "/",
            "/health",
            "/livez",
            "/readyz",
            "/actuator",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs.yaml",
            "/swagger-ui/index.html",
            "/swagger-ui.html",
            "/assets/app.js",
            "/webjars/echarts/5.5.0/echarts.esm.min.js",
            "/index.html",
            "/favicon.ico"
        }) {
            assertThat(RateLimitFilter.exempt("GET", path)).as(path).isTrue();
        }
        assertThat(RateLimitFilter.exempt("POST", "/")).isFalse();
        assertThat(RateLimitFilter.exempt("GET", "/api/stats")).isFalse();
        assertThat(RateLimitFilter.exempt("GET", "/api/v1/health")).isFalse();
        assertThat(RateLimitFilter.exempt("GET", "/nested/file.js")).isFalse();
        assertThat(RateLimitFilter.exempt("GET", "/no-such-route")).isFalse();
    }
}
