package io.qnt9.srs.account;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis ({@code REDIS_URL}), so every replica draws from the same bucket: Bucket4j's compare-and-swap
 * buckets over one Lettuce connection, keys {@code <prefix><plan>:<caller>} expiring once the bucket would be full.
 * Redis is not allowed to take the API down: while it is unreachable or slow (over {@code redisTimeout}) each
 * replica limits on its own, in memory, and reconnects in the background.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    /** After Redis fails, requests skip it for this long instead of each waiting for the timeout. */
    private static final long BACK_OFF_NANOS = 5_000_000_000L;

    private final RateLimitProperties properties;
    private final LocalRateLimiter fallback;
    private final Map<RatePlan, BucketConfiguration> configurations = new EnumMap<>(RatePlan.class);
    private final Map<RatePlan, Long> capacities = new EnumMap<>(RatePlan.class);
    private final RedisClient client;
    private final ScheduledExecutorService reconnector;
    private final Counter fallbacks;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long skipRedisUntil = System.nanoTime();

    RedisRateLimiter(RateLimitProperties properties, LocalRateLimiter fallback, MeterRegistry meters) {
        this.properties = properties;
        this.fallback = fallback;
        for (RatePlan plan : RatePlan.values()) {
            RateLimitProperties.Limit limit = plan.limit(properties);
            configurations.put(plan, RateLimiter.configuration(limit));
            capacities.put(plan, limit.burst());
        }
        RedisURI uri = RedisURI.create(properties.redisUrl().trim());
        uri.setTimeout(properties.redisTimeout());
        this.client = RedisClient.create(uri);
        // Fail fast while disconnected (Lettuce would otherwise queue commands until the timeout).
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.fallbacks = Counter.builder("qnt9.ratelimit.redis.fallbacks")
                .description("Requests limited in memory because Redis did not answer")
                .register(meters);
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rate-limit-redis-connect");
            t.setDaemon(true);
            return t;
        });
        if (!connect()) {
            reconnector.scheduleWithFixedDelay(
                    () -> {
                        if (buckets == null && connect()) {
                            reconnector.shutdown();
                        }
                    },
                    5,
                    5,
                    TimeUnit.SECONDS);
        } else {
            reconnector.shutdown();
        }
    }

    private synchronized boolean connect() {
        try {
            StatefulRedisConnection<String, byte[]> c =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            c.setTimeout(properties.redisTimeout());
            ProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(c)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .requestTimeout(properties.redisTimeout())
                    .build();
            this.connection = c;
            this.buckets = proxies;
            log.info("Rate limits are shared through Redis (key prefix {})", properties.redisKeyPrefix());
            return true;
        } catch (RuntimeException e) {
            log.warn(
                    "Redis for rate limits is not reachable ({}); limiting in memory per replica until it is",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public Decision consume(RatePlan plan, String key) {
        ProxyManager<String> proxies = buckets;
        if (proxies != null && System.nanoTime() - skipRedisUntil >= 0) {
            try {
                return Decision.of(
                        proxies.getProxy(
                                        properties.redisKeyPrefix() + plan.name() + ":" + key,
                                        () -> configurations.get(plan))
                                .tryConsumeAndReturnRemaining(1),
                        capacities.get(plan));
            } catch (RuntimeException e) {
                fallbacks.increment();
                long now = System.nanoTime();
                skipRedisUntil = now + BACK_OFF_NANOS;
                long last = lastWarning.get();
                if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                    log.warn(
                            "Redis did not answer a rate-limit request ({}); limiting in memory meanwhile",
                            e.getClass().getSimpleName());
                }
            }
        } else {
            fallbacks.increment();
        }
        return fallback.consume(plan, key);
    }

    @Override
    public void close() {
        reconnector.shutdownNow();
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
