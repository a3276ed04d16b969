package io.qnt9.srs.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter the endpoint does not take is a 400 {@code unknown-parameter} that names it, suggests the
 * parameter it most likely meant, and lists the ones the endpoint takes: {@code ?strat=2014-01-01} or
 * {@code ?riskfreerate=0.02} would otherwise be ignored without a word, and the caller would get the whole range or a
 * risk-free rate of 0 and believe the numbers. Applies to this service's own endpoints (not the actuator, the API
 * docs or static files); the parameters an endpoint takes are its {@code @RequestParam}s. A form-encoded body is left
 * to the endpoint (its parameters would mix with the query's; no endpoint here takes one, so it answers 415).
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer {

    private static final String OWN_PACKAGE = "io.qnt9.srs.";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check());
    }

    static final class Check implements HandlerInterceptor {

        /** Per handler method: the parameter names it takes (or that it takes any). */
        private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)
                    || request.getDispatcherType() != DispatcherType.REQUEST
                    || request.getQueryString() == null
                    || isForm(request.getContentType())) {
                return true;
            }
            Accepted names = accepted.computeIfAbsent(method.getMethod(), m -> Accepted.of(method));
            if (names.any()) {
                return true;
            }
            for (String name : request.getParameterMap().keySet()) {
                if (!names.names().contains(name)) {
                    throw unknown(request.getMethod(), request.getRequestURI(), name, names.names());
                }
            }
            return true;
        }

        private static boolean isForm(String contentType) {
            return contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }
    }

    /** The query parameters of one handler method: {@code any} when it takes a map of them, or is not ours. */
    record Accepted(boolean any, Set<String> names) {

        static Accepted of(HandlerMethod method) {
            if (!method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
                return new Accepted(true, Set.of());
            }
            Set<String> names = new LinkedHashSet<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return new Accepted(true, Set.of());
                }
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                if (name == null) {
                    return new Accepted(true, Set.of()); // compiled without -parameters: cannot tell, so no check
                }
                names.add(name);
            }
            return new Accepted(false, Collections.unmodifiableSet(names));
        }
    }

    /** Query parameters in which other APIs take credentials. */
    private static final Set<String> CREDENTIAL_PARAMETERS =
            Set.of("apikey", "api_key", "api-key", "key", "token", "access_token", "accesstoken");

    static ApiException unknown(String method, String path, String name, Set<String> accepted) {
        String shown = ProblemHandler.abbreviate(name);
        StringBuilder detail =
                new StringBuilder("Unknown query parameter '").append(shown).append("'.");
        String meant = closest(name, accepted);
        if (meant != null) {
            detail.append(" Did you mean '").append(meant).append("'?");
        }
        if (CREDENTIAL_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            // Alpha Vantage and others take the key in the URL; here it would end up in access logs and histories.
            detail.append(" Credentials are not read from the URL: send an API key as the header 'X-API-Key: <key>'"
                    + " (or 'Authorization: Bearer <key>'), and an access token as 'Authorization: Bearer <token>'.");
        }
        if (accepted.isEmpty()) {
            detail.append(' ').append(method).append(' ').append(path).append(" takes no query parameters.");
        } else {
            detail.append(' ')
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" takes: ")
                    .append(String.join(", ", accepted))
                    .append('.');
        }
        return new ApiException(HttpStatus.BAD_REQUEST, "unknown-parameter", "Unknown parameter", detail.toString())
                .with("parameter", shown)
                .with("accepted", new ArrayList<>(accepted));
    }

    /** The accepted name the given one most likely meant: the same ignoring case, else at most two edits away. */
    static String closest(String name, Set<String> accepted) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : accepted) {
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT), 2);
            if (d < bestDistance && d < candidate.length()) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 ? best : null;
    }

    /** Optimal-string-alignment distance (a swap of neighbours is one edit), or {@code limit + 1} when larger. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
