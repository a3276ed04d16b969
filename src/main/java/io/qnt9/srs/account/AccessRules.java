package io.qnt9.srs.account;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what — the one list of authorization rules, first match wins, and anything not listed needs ADMIN,
 * so a new route is closed until someone opens it here (the authorization-matrix test then asks for its row).
 */
final class AccessRules {

    /** Read-only market data and everything announced under it: public (rate-limited). */
    static final String[] PUBLIC_READS = {
        "/api/stats",
        "/api/v1/stats",
        "/api/compare",
        "/api/v1/compare",
        "/api/v1/instruments",
        "/api/v1/instruments/**",
        "/api/v1/indicators",
        "/api/v1/recommendations",
        "/api/v1/search",
        "/api/v1/search/suggest",
    };

    /** POSTs that only read (a body is more practical than a query string for them). */
    static final String[] PUBLIC_READ_POSTS = {"/api/stats/batch", "/api/v1/stats/batch", "/api/v1/stock/search"};

    /** The dashboard's page and its static files. */
    static final String[] STATIC = {
        "/",
        "/assets/**",
        "/webjars/**",
        "/favicon.ico",
        "/robots.txt",
        "/*.html",
        "/*.js",
        "/*.css",
        "/*.png",
        "/*.svg",
        "/*.ico",
        "/*.webmanifest",
    };

    /** Probes and the actuator endpoints that are exposed (everything else of the actuator is not even mapped). */
    static final String[] OPERATIONS = {
        "/health",
        "/livez",
        "/readyz",
        "/actuator",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        // Public on purpose: scraped from inside the cluster; the ingress does not route /actuator and a
        // NetworkPolicy admits only the monitoring namespace (docs/SECURITY.md).
        "/actuator/prometheus",
    };

    static final String[] API_DOCS = {
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html"
    };

    /** Unauthenticated by nature: they are how one gets a token (or drops it). */
    static final String[] CREDENTIALS = {
        "/api/v1/auth/signup", "/api/v1/auth/signin", "/api/v1/auth/refresh", "/api/v1/auth/signout"
    };

    private static final String[] ROOT_STATIC_EXTENSIONS = {
        ".html", ".js", ".css", ".png", ".svg", ".ico", ".webmanifest", ".txt"
    };

    private AccessRules() {}

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        for (HttpMethod read : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            // The hot path first: most requests are public market-data reads.
            rules.requestMatchers(read, PUBLIC_READS).permitAll();
            rules.requestMatchers(read, STATIC).permitAll();
            rules.requestMatchers(read, OPERATIONS).permitAll();
            rules.requestMatchers(read, API_DOCS).permitAll();
        }
        rules.requestMatchers(HttpMethod.POST, PUBLIC_READ_POSTS).permitAll();
        rules.requestMatchers(HttpMethod.POST, CREDENTIALS).permitAll();
        // Error dispatches render the problem of a request that was already authorised (or refused).
        rules.requestMatchers("/error").permitAll();

        rules.requestMatchers("/api/v1/auth/me", "/api/v1/auth/me/**").hasRole(Role.USER.name());
        rules.requestMatchers("/api/v1/watchlists", "/api/v1/watchlists/**").hasRole(Role.USER.name());

        // Imports, provider refresh and user management; listed for the reader — the default below says the same.
        rules.requestMatchers(HttpMethod.POST, "/api/v1/instruments", "/api/v1/instruments/*/bars", "/api/v1/bars")
                .hasRole(Role.ADMIN.name());
        rules.requestMatchers(HttpMethod.POST, "/api/v1/instruments/*/refresh").hasRole(Role.ADMIN.name());
        rules.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());

        rules.anyRequest().hasRole(Role.ADMIN.name());
    }

    /** {@code /name.ext} with a static-file extension (one path segment): the dashboard's root files. */
    static boolean isRootStaticFile(String path) {
        if (path.length() < 3 || path.indexOf('/', 1) >= 0) {
            return false;
        }
        for (String ext : ROOT_STATIC_EXTENSIONS) {
            if (path.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }
}
