package io.qnt9.srs.account;

import io.micrometer.core.instrument.MeterRegistry;
import io.qnt9.srs.system.DeploymentEnvironment;
import io.qnt9.srs.system.SystemProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP security of the whole service (web application only; the command-line import has none): stateless bearer-token authentication (HS256 JWTs or API keys), the authorization
 * rules of {@link AccessRules}, problem+json for 401/403, security headers, CORS, the request-size cap, client
 * addresses behind trusted proxies, and the rate-limit filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** A same-origin dashboard with no inline script or style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets inline styles; it still runs no inline script. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(),"
            + " magnetometer=(), microphone=(), payment=(), usb=()";

    /**
     * No Micrometer observation per security filter, authentication and authorization: they tripled the cost of the
     * security chain on the hot path (measured with JFR on /api/stats) and add nothing that http.server.requests and
     * the audit log do not already say.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Answers what the firewall refuses (see the class) instead of Spring's bare 400; picked up by WebSecurity. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, MeterRegistry meters) {
        LocalRateLimiter local = new LocalRateLimiter(properties);
        return properties.usesRedis() ? new RedisRateLimiter(properties, local, meters) : local;
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            RateLimiter rateLimiter,
            MeterRegistry meters,
            SystemProperties system,
            WebSecurityProperties web,
            ApiKeys apiKeys)
            throws Exception {
        RateLimitFilter rateLimits = new RateLimitFilter(rateLimiter, meters);
        ApiKeyMetrics keyMetrics = new ApiKeyMetrics(meters);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(rateLimits, keyMetrics);
        ApiKeyAuthentication bearers =
                new ApiKeyAuthentication(apiKeys, jwtDecoder, jwtAuthenticationConverter(), keyMetrics);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
        boolean dev = system.deploymentEnvironment() == DeploymentEnvironment.DEV;
        http.csrf(csrf -> csrf.disable()) // no cookie authenticates API calls; see docs/SECURITY.md
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .addFilterAfter(corsFilter(web), HeaderWriterFilter.class)
                .headers(h -> {
                    h.contentTypeOptions(o -> {});
                    h.frameOptions(f -> f.deny());
                    h.referrerPolicy(
                            r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
                    h.permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY));
                    h.crossOriginOpenerPolicy(
                            c -> c.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN));
                    RequestMatcher swagger = new OrRequestMatcher(
                            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
                    h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(swagger),
                            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
                    h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            swagger, new ContentSecurityPolicyHeaderWriter(SWAGGER_CONTENT_SECURITY_POLICY)));
                    if (dev) {
                        h.httpStrictTransportSecurity(hsts -> hsts.disable());
                    } else {
                        // Sent on every response (TLS ends at the ingress, so the request here looks like http);
                        // browsers ignore it over plain http anyway.
                        h.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .includeSubDomains(true)
                                .maxAgeInSeconds(31_536_000));
                    }
                })
                .oauth2ResourceServer(o -> o.bearerTokenResolver(bearerTokenResolver(rateLimits))
                        .authenticationManagerResolver(request -> bearers)
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(AccessRules::apply)
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Access tokens and API keys from the Authorization header ({@code Bearer}), API keys also from
     * {@code X-API-Key} — never from the query string, which ends up in logs. Authorization wins when both are sent.
     * The credential endpoints ignore both: a client that attaches its expired access token to a refresh must still
     * get through.
     */
    static BearerTokenResolver bearerTokenResolver(RateLimitFilter rateLimits) {
        List<String> ignored = List.of(AccessRules.CREDENTIALS);
        return (HttpServletRequest request) -> {
            if (ignored.contains(request.getRequestURI())) {
                return null;
            }
            String bearer = BearerHeader.token(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (bearer == null) {
                String key = request.getHeader(ApiKeyAuthentication.HEADER);
                if (key == null) {
                    return null;
                }
                bearer = key.strip();
                if (!ApiKeys.looksLikeKey(bearer)) {
                    throw new ApiKeyAuthentication.InvalidApiKeyException();
                }
            }
            if (ApiKeys.looksLikeKey(bearer)) {
                RateLimiter.Decision d = rateLimits.chargeKeyLookup(request);
                if (d != null && !d.allowed()) {
                    throw new ApiKeyAuthentication.KeyLookupRefusedException(d);
                }
            }
            return bearer;
        };
    }

    /**
     * Roles from the {@code roles} claim as {@code ROLE_…}, plus {@link AccessRules#PASSWORD_SIGNIN} for an access
     * token (not for the claims an API key stands for).
     */
    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(AccessTokens.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        GrantedAuthority passwordSignin = new SimpleGrantedAuthority(AccessRules.PASSWORD_SIGNIN);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> granted = roles.convert(jwt);
            if (jwt.hasClaim(AccessTokens.API_KEY)) {
                return granted;
            }
            List<GrantedAuthority> all = new ArrayList<>(granted);
            all.add(passwordSignin);
            return all;
        });
        // Principal#getName() is the e-mail address: what audit lines and import records show as "requested by".
        converter.setPrincipalClaimName(AccessTokens.EMAIL);
        return converter;
    }

    /** CORS for the allowed origins; a cross-origin request from any other origin is a 403 origin-not-allowed. */
    static CorsFilter corsFilter(WebSecurityProperties web) {
        CorsFilter filter = new CorsFilter(corsConfiguration(web));
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
                ProblemResponses.write(
                        null, servlet, AccountProblems.crossOriginNotAllowed().getBody());
            }
        });
        return filter;
    }

    static CorsConfigurationSource corsConfiguration(WebSecurityProperties web) {
        if (web.corsAllowedOrigins().isEmpty()) {
            return request -> null; // same-origin only
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(web.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", ApiKeyAuthentication.HEADER, "Content-Type", "X-Request-Id"));
        cors.setExposedHeaders(List.of(
                RateLimitFilter.LIMIT,
                RateLimitFilter.REMAINING,
                RateLimitFilter.RESET,
                "Retry-After",
                "X-Request-Id",
                "Location"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(600L);
        return request -> cors;
    }

    @Bean
    FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(WebSecurityProperties web) {
        ClientAddresses addresses = new ClientAddresses(web.trustedProxies());
        FilterRegistrationBean<TrustedProxyFilter> registration =
                new FilterRegistrationBean<>(new TrustedProxyFilter(addresses));
        // Right after the request id, before security and rate limits look at the address.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(addresses.hasTrustedProxies());
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSecurityProperties web) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(web.maxJsonBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserResolver());
            }
        };
    }
}
