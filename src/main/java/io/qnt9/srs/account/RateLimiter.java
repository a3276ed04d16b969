package io.qnt9.srs.account;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Takes one request from a caller's bucket. */
interface RateLimiter {

    /**
     * @param key the caller within the plan: a client address for ANONYMOUS and AUTH, a user id otherwise
     */
    Decision consume(RatePlan plan, String key);

    /**
     * @param limit the bucket's size ({@code X-RateLimit-Limit})
     * @param remaining requests left right now ({@code X-RateLimit-Remaining})
     * @param resetSeconds seconds until the bucket is full again ({@code X-RateLimit-Reset})
     * @param retryAfterSeconds when refused, seconds until the next request is allowed ({@code Retry-After})
     */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        static Decision of(ConsumptionProbe probe, long limit) {
            return new Decision(
                    probe.isConsumed(),
                    limit,
                    Math.max(0, probe.getRemainingTokens()),
                    ceilSeconds(probe.getNanosToWaitForReset()),
                    probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
        }

        private static long ceilSeconds(long nanos) {
            return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }

    /** A bucket of {@code burst} tokens refilled greedily at {@code perMinute} a minute. */
    static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(limit.burst()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .build();
    }
}
