package io.qnt9.srs.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the API reports on purpose: rendered as RFC 9457 problem+json with a stable {@code type}
 * ({@value #TYPE_BASE}{@code <slug>}), a title, a human {@code detail}, and optional extra members such as the
 * offending {@code parameter}. Every slug is listed in {@code docs/PROBLEMS.md} (checked by a test).
 */
public class ApiException extends ErrorResponseException {

    public static final String TYPE_BASE = "https://qnt9.io/problems/";

    public ApiException(HttpStatusCode status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ApiException(HttpStatusCode status, String slug, String title, String detail, Throwable cause) {
        super(status, problem(status, slug, title, detail), cause);
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_BASE + slug));
        pd.setTitle(title);
        return pd;
    }

    /**
     * The members of a problem body for writers outside Spring MVC (filters, the web server's own error handler), in
     * the order and with the members every other error has: {@code type}, {@code title}, {@code status},
     * {@code detail}, then {@code instance} and {@code requestId} when known, then the problem's own members.
     */
    public static Map<String, Object> body(ProblemDetail problem, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        return body;
    }

    /** Adds a member to the problem body (e.g. {@code parameter}, {@code errors}); returns this for chaining. */
    public ApiException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
