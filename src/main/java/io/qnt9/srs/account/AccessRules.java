package io.qnt9.srs.account;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

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
        "/api/v1/correlations",
        "/api/v1/portfolio",
        "/api/v1/instruments",
        "/api/v1/instruments/**",
        "/api/v1/indicators",
        "/api/v1/recommendations",
        "/api/v1/screener",
        "/api/v1/technicals",
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

    /**
     * The authority of a caller signed in with the password (an access token), which an API key does not carry. The
     * rules marked {@code passwordSignin} need it: managing API keys, changing the password, managing users — so a
     * leaked key cannot mint more keys, lock its owner out or hand out roles.
     */
    static final String PASSWORD_SIGNIN = "PASSWORD_SIGNIN";

    private static final String[] ROOT_STATIC_EXTENSIONS = {
        ".html", ".js", ".css", ".png", ".svg", ".ico", ".webmanifest", ".txt"
    };

    /**
     * One rule: requests with this method (null: any) on one of these path patterns need this role (null: anyone),
     * and when {@code passwordSignin}, an access token rather than an API key.
     */
    private record Rule(HttpMethod method, Role role, boolean passwordSignin, String... patterns) {

        Rule(HttpMethod method, Role role, String... patterns) {
            this(method, role, false, patterns);
        }

        boolean matches(String requestMethod, PathContainer path) {
            if (method != null && !method.matches(requestMethod)) {
                return false;
            }
            for (String pattern : patterns) {
                if (PathPatternParser.defaultInstance.parse(pattern).matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The rules in order, first match wins; what none matches needs ADMIN. */
    private static final List<Rule> RULES = List.of(
            // The hot path first: most requests are public market-data reads.
            new Rule(HttpMethod.GET, null, PUBLIC_READS),
            new Rule(HttpMethod.GET, null, STATIC),
            new Rule(HttpMethod.GET, null, OPERATIONS),
            new Rule(HttpMethod.GET, null, API_DOCS),
            new Rule(HttpMethod.HEAD, null, PUBLIC_READS),
            new Rule(HttpMethod.HEAD, null, STATIC),
            new Rule(HttpMethod.HEAD, null, OPERATIONS),
            new Rule(HttpMethod.HEAD, null, API_DOCS),
            new Rule(HttpMethod.POST, null, PUBLIC_READ_POSTS),
            new Rule(HttpMethod.POST, null, CREDENTIALS),
            // Error dispatches render the problem of a request that was already authorised (or refused).
            new Rule(null, null, "/error"),
            new Rule(
                    null,
                    Role.USER,
                    true,
                    "/api/v1/auth/me/password",
                    "/api/v1/auth/me/sessions",
                    "/api/v1/auth/me/api-keys",
                    "/api/v1/auth/me/api-keys/**"),
            new Rule(HttpMethod.DELETE, Role.USER, true, "/api/v1/auth/me"), // deleting the account, not by API key
            new Rule(null, Role.USER, "/api/v1/auth/me", "/api/v1/auth/me/**"),
            new Rule(null, Role.USER, "/api/v1/watchlists", "/api/v1/watchlists/**"),
            // Imports, deletions, provider refresh and user management; listed for the reader — the default says the
            // same.
            new Rule(HttpMethod.POST, Role.ADMIN, "/api/v1/instruments", "/api/v1/instruments/*/bars", "/api/v1/bars"),
            new Rule(HttpMethod.POST, Role.ADMIN, "/api/v1/instruments/*/refresh"),
            new Rule(HttpMethod.DELETE, Role.ADMIN, "/api/v1/instruments/*", "/api/v1/instruments/*/bars"),
            new Rule(null, Role.ADMIN, true, "/api/v1/admin/users", "/api/v1/admin/users/**"),
            new Rule(null, Role.ADMIN, "/api/v1/admin/**"));

    private AccessRules() {}

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        for (Rule rule : RULES) {
            var matched = rule.method() == null
                    ? rules.requestMatchers(rule.patterns())
                    : rules.requestMatchers(rule.method(), rule.patterns());
            if (rule.role() == null) {
                matched.permitAll();
            } else if (rule.passwordSignin()) {
                matched.access(AuthorizationManagers.allOf(
                        AuthorityAuthorizationManager.hasRole(rule.role().name()),
                        AuthorityAuthorizationManager.hasAuthority(PASSWORD_SIGNIN)));
            } else {
                matched.hasRole(rule.role().name());
            }
        }
        rules.anyRequest().hasRole(Role.ADMIN.name());
    }

    /**
     * The role a request needs by the rules above, or null when anyone may call it — for the API documentation (the
     * security filter chain applies the same list through {@link #apply}).
     */
    static Role required(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : RULES) {
            if (rule.matches(method, container)) {
                return rule.role();
            }
        }
        return Role.ADMIN;
    }

    /** Whether the request is one only a password sign-in may make (see {@link #PASSWORD_SIGNIN}). */
    static boolean needsPasswordSignin(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : RULES) {
            if (rule.matches(method, container)) {
                return rule.passwordSignin();
            }
        }
        return false;
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
