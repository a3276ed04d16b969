package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiException;
import io.qnt9.srs.system.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem+json from filters, which run before (or outside) Spring MVC and its problem handler: the same shape
 * and members ({@code instance}, {@code requestId}) as every other error.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String slug,
            String title,
            String detail)
            throws IOException {
        write(request, response, ApiException.problem(status, slug, title, detail));
    }

    /** @param request null when not at hand (then without {@code instance}; the request id comes from the MDC) */
    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        String instance = request == null ? null : request.getRequestURI();
        String id = request == null ? MDC.get(RequestIdFilter.MDC_KEY) : RequestIdFilter.currentId(request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(ApiException.body(problem, instance, id)));
        response.flushBuffer();
    }
}
