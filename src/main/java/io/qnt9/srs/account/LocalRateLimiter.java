package io.qnt9.srs.account;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in this JVM's memory: a map per plan, bounded. Every 30 s one request sweeps out the buckets that are
 * full again — an idle caller's bucket is indistinguishable from a new one, so dropping it loses nothing. If more than
 * {@code maxTrackedClients} callers are active at once (an address-spraying flood), new callers share one overflow
 * bucket per plan instead of growing the map.
 */
final class LocalRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LocalRateLimiter.class);
    private static final long SWEEP_EVERY_NANOS = 30_000_000_000L;

    private final Map<RatePlan, Plan> plans = new EnumMap<>(RatePlan.class);
    private final int maxTracked;
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_EVERY_NANOS);

    LocalRateLimiter(RateLimitProperties properties) {
        for (RatePlan plan : RatePlan.values()) {
            plans.put(plan, new Plan(plan.limit(properties)));
        }
        this.maxTracked = Math.max(1, properties.maxTrackedClients());
    }

    private static final class Plan {
        final long capacity;
        final BucketConfiguration configuration;
        final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        final Bucket overflow;

        Plan(RateLimitProperties.Limit limit) {
            this.capacity = limit.burst();
            this.configuration = RateLimiter.configuration(limit);
            this.overflow = newBucket();
        }

        Bucket newBucket() {
            return Bucket.builder()
                    .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
                    .withMillisecondPrecision()
                    .addLimit(configuration.getBandwidths()[0])
                    .build();
        }
    }

    @Override
    public Decision consume(RatePlan planName, String key) {
        Plan plan = plans.get(planName);
        Bucket bucket = plan.buckets.get(key);
        if (bucket == null) {
            bucket = plan.buckets.size() >= maxTracked && sweepNow()
                    ? plan.overflow
                    : plan.buckets.computeIfAbsent(key, k -> plan.newBucket());
        }
        Decision decision = Decision.of(bucket.tryConsumeAndReturnRemaining(1), plan.capacity);
        long now = System.nanoTime();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            sweep();
        }
        return decision;
    }

    /** Sweeps (at most once a second when called for a full map); true when the map is still full afterwards. */
    private boolean sweepNow() {
        long now = System.nanoTime();
        long due = nextSweep.get();
        if (due - now > SWEEP_EVERY_NANOS - 1_000_000_000L) {
            return true; // swept less than a second ago
        }
        if (nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            sweep();
        }
        int total = 0;
        for (Plan p : plans.values()) {
            total = Math.max(total, p.buckets.size());
        }
        if (total >= maxTracked) {
            log.warn(
                    "Rate limiter tracks {} active clients (QNT9 maximum {}): new clients share an overflow bucket",
                    total,
                    maxTracked);
            return true;
        }
        return false;
    }

    void sweep() {
        for (Plan plan : plans.values()) {
            plan.buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= plan.capacity);
        }
    }

    int tracked(RatePlan plan) {
        return plans.get(plan).buckets.size();
    }
}
