package io.qnt9.srs.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits per tier ({@code qnt9.rate-limit.*}; {@code RATE_LIMIT_<TIER>_PER_MINUTE} and
 * {@code RATE_LIMIT_<TIER>_BURST}). Each caller has a token bucket that holds {@code burst} requests and refills
 * at {@code perMinute} per minute: an idle caller can make {@code burst} requests at once, then {@code perMinute}
 * a minute.
 *
 * @param anonymous callers without a token, per client IP address (IPv6: per /64)
 * @param free signed-in FREE users, per user
 * @param paid signed-in PAID users, per user
 * @param auth sign-up and sign-in attempts per client IP address, on top of the tier's limit
 * @param redisUrl {@code REDIS_URL}: when set, buckets live in Redis and hold across replicas
 * @param redisKeyPrefix prefix of the bucket keys in Redis
 * @param redisTimeout how long a request waits for Redis before the in-memory limiter decides instead
 * @param maxTrackedClients in-memory buckets kept at most; idle (full) buckets are dropped first
 */
@ConfigurationProperties("qnt9.rate-limit")
record RateLimitProperties(
        Limit anonymous,
        Limit free,
        Limit paid,
        Limit auth,
        String redisUrl,
        @DefaultValue("qnt9:rate-limit:") String redisKeyPrefix,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("100000") int maxTrackedClients) {

    static final Limit DEFAULT_ANONYMOUS = new Limit(120, 120);
    static final Limit DEFAULT_FREE = new Limit(300, 300);
    static final Limit DEFAULT_PAID = new Limit(1200, 1200);
    static final Limit DEFAULT_AUTH = new Limit(20, 10);

    RateLimitProperties {
        anonymous = anonymous == null ? DEFAULT_ANONYMOUS : anonymous;
        free = free == null ? DEFAULT_FREE : free;
        paid = paid == null ? DEFAULT_PAID : paid;
        auth = auth == null ? DEFAULT_AUTH : auth;
        if (redisKeyPrefix == null) {
            redisKeyPrefix = "qnt9:rate-limit:";
        }
        if (redisTimeout == null) {
            redisTimeout = Duration.ofMillis(250);
        }
    }

    /**
     * @param perMinute sustained requests per minute
     * @param burst requests that can be made at once (the bucket's size); 0 = same as {@code perMinute}
     */
    record Limit(long perMinute, long burst) {

        Limit {
            if (perMinute < 1) {
                throw new IllegalArgumentException(
                        "A rate limit needs at least 1 request per minute; got " + perMinute);
            }
            if (burst < 0) {
                throw new IllegalArgumentException("A rate-limit burst cannot be negative; got " + burst);
            }
            burst = burst == 0 ? perMinute : burst;
        }
    }

    Limit of(Tier tier) {
        return switch (tier) {
            case ANONYMOUS -> anonymous;
            case FREE -> free;
            case PAID -> paid;
        };
    }

    boolean usesRedis() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    @Override
    public String toString() {
        // REDIS_URL may carry a password.
        return "RateLimitProperties[anonymous=" + anonymous + ", free=" + free + ", paid=" + paid + ", auth=" + auth
                + ", redis=" + (usesRedis() ? "<set>" : "<unset>") + "]";
    }
}
