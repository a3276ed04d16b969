package io.qnt9.srs.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-tier rate limits. Runs inside the security filter chain right after the bearer token is checked, so a
 * signed-in caller is limited per user id at its tier, anyone else per client address at the anonymous tier.
 * Sign-up and sign-in also draw from a stricter per-address bucket. Probes, actuator, API docs, static assets and
 * {@code /} are not limited. Every limited response carries {@code X-RateLimit-Limit} (bucket size),
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (seconds until the bucket is full again); a refused one
 * is a 429 {@code rate-limited} with {@code Retry-After}.
 *
 * <p>Hot path (anonymous, in memory): a string check of the path, one map lookup, one bucket update, three headers;
 * no database and no network.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    /** How long an address that presented an unknown API key pays for each key lookup from its anonymous bucket. */
    static final long BAD_KEY_MARK_NANOS = 60_000_000_000L;

    private static final int MAX_MARKED_ADDRESSES = 100_000;

    private final RateLimiter limiter;
    private final Map<RatePlan, Counter> refused = new EnumMap<>(RatePlan.class);
    /** Client key → System.nanoTime() of its last unknown API key. */
    private final Map<String, Long> badKeyAddresses = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimiter limiter, MeterRegistry meters) {
        this.limiter = limiter;
        for (RatePlan plan : RatePlan.values()) {
            refused.put(
                    plan,
                    Counter.builder("qnt9.ratelimit.refused")
                            .description("Requests refused with 429 by the rate limiter")
                            .tag("plan", plan.name().toLowerCase(java.util.Locale.ROOT))
                            .register(meters));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (exempt(method, path)) {
            chain.doFilter(request, response);
            return;
        }
        if ("POST".equals(method) && isCredentialEndpoint(path)) {
            RateLimiter.Decision auth = limiter.consume(RatePlan.AUTH, clientKey(request));
            if (!auth.allowed()) {
                refuse(request, response, RatePlan.AUTH, auth);
                return;
            }
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        RatePlan plan;
        String key;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Tier tier = Tier.parse(jwt.getToken().getClaimAsString(AccessTokens.TIER));
            plan = RatePlan.of(tier == null || tier == Tier.ANONYMOUS ? Tier.FREE : tier);
            key = jwt.getToken().getSubject();
        } else {
            plan = RatePlan.ANONYMOUS;
            key = clientKey(request);
        }
        RateLimiter.Decision d = limiter.consume(plan, key);
        if (!d.allowed()) {
            refuse(request, response, plan, d);
            return;
        }
        headers(response, d);
        chain.doFilter(request, response);
    }

    /**
     * Charges a request whose access token or API key was refused to its address's anonymous bucket: authentication
     * fails before this filter runs, so without this a client could send requests without limit by attaching any
     * bad credential. Writes the 429 and answers true when the bucket is empty; otherwise sets the limit headers and
     * answers false (the caller then writes the 401).
     */
    boolean refuseFailedAuthentication(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RateLimiter.Decision d = limiter.consume(RatePlan.ANONYMOUS, clientKey(request));
        if (!d.allowed()) {
            refuse(request, response, RatePlan.ANONYMOUS, d);
            return true;
        }
        headers(response, d);
        return false;
    }

    /**
     * Before an API key is looked up in the database: an address that presented an unknown key within the last minute
     * pays for the lookup from its anonymous bucket, so a flood of made-up keys from one address costs at most the
     * anonymous rate in lookups. Null when the address is not marked (the usual case: no charge), else the decision.
     */
    RateLimiter.Decision chargeKeyLookup(HttpServletRequest request) {
        String address = clientKey(request);
        Long marked = badKeyAddresses.get(address);
        if (marked == null) {
            return null;
        }
        if (System.nanoTime() - marked > BAD_KEY_MARK_NANOS) {
            badKeyAddresses.remove(address, marked);
            return null;
        }
        return limiter.consume(RatePlan.ANONYMOUS, address);
    }

    /** Remembers that the request's address presented an unknown, revoked or expired API key. */
    void markBadKey(HttpServletRequest request) {
        long now = System.nanoTime();
        if (badKeyAddresses.size() >= MAX_MARKED_ADDRESSES) {
            badKeyAddresses.values().removeIf(t -> now - t > BAD_KEY_MARK_NANOS);
            if (badKeyAddresses.size() >= MAX_MARKED_ADDRESSES) {
                badKeyAddresses.clear(); // bounded memory beats remembering every address of a distributed flood
            }
        }
        badKeyAddresses.put(clientKey(request), now);
    }

    /** The 429 of a refused {@link #chargeKeyLookup}. */
    void refuseKeyLookup(HttpServletRequest request, HttpServletResponse response, RateLimiter.Decision d)
            throws IOException {
        refuse(request, response, RatePlan.ANONYMOUS, d);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RatePlan plan, RateLimiter.Decision d)
            throws IOException {
        refused.get(plan).increment();
        headers(response, d);
        response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
        var problem = io.qnt9.srs.system.ApiException.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                plan == RatePlan.AUTH
                        ? "Too many sign-up or sign-in attempts from this address. Retry after " + d.retryAfterSeconds()
                                + " s."
                        : "Rate limit of the " + plan.name().toLowerCase(java.util.Locale.ROOT) + " tier reached ("
                                + d.limit() + " requests at once). Retry after " + d.retryAfterSeconds()
                                + " s; signing in (or a paid plan) raises the limit.");
        problem.setProperty("retryAfterSeconds", d.retryAfterSeconds());
        problem.setProperty("tier", plan.name());
        ProblemResponses.write(request, response, problem);
    }

    private static void headers(HttpServletResponse response, RateLimiter.Decision d) {
        response.setHeader(LIMIT, Long.toString(d.limit()));
        response.setHeader(REMAINING, Long.toString(d.remaining()));
        response.setHeader(RESET, Long.toString(d.resetSeconds()));
    }

    /**
     * The limiter's key for a client address: the address itself for IPv4, its /64 network for IPv6 (one subscriber
     * usually gets a whole /64, so per-address keys would let one host rotate through 2^64 buckets).
     */
    static String clientKey(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        int colons = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == ':' && ++colons == 4) {
                return address.substring(0, i) + "::/64";
            }
            if (c == '%') {
                break;
            }
        }
        return ClientAddresses.expandIpv6Prefix(address);
    }

    static boolean isCredentialEndpoint(String path) {
        return path.equals("/api/v1/auth/signin") || path.equals("/api/v1/auth/signup");
    }

    /** Not limited: GET/HEAD of probes, actuator, API docs, static assets and {@code /}. Everything else is. */
    static boolean exempt(String method, String path) {
        if (path.startsWith("/api/") || !("GET".equals(method) || "HEAD".equals(method))) {
            return false;
        }
        return path.equals("/")
                || path.equals("/health")
                || path.equals("/livez")
                || path.equals("/readyz")
                || path.equals("/actuator")
                || path.startsWith("/actuator/")
                || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui/")
                || path.equals("/swagger-ui.html")
                || path.startsWith("/assets/")
                || path.startsWith("/webjars/")
                || AccessRules.isRootStaticFile(path);
    }
}
