package io.qnt9.srs.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error map for failures that never reach a controller (the container rejected
 * the request, a filter threw): the caller still gets problem+json, never a stack trace.
 */
@Hidden // the container's error page, not an endpoint of the API
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = errorStatus(code instanceof Integer i ? i : 500);
        ProblemDetail problem = problem(status, null);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String s) {
            // null when the request line itself was malformed (e.g. "/api/%%%"): reported without an instance
            problem.setInstance(ProblemHandler.instance(s));
        }
        String id = RequestIdFilter.currentId(request);
        if (id != null) {
            problem.setProperty("requestId", id);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The error status for a code the web server or a filter set; 500 for an unknown or non-error code. */
    static HttpStatus errorStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /**
     * The problem for an error status that no controller produced: raised by the web server or a filter, before or
     * outside routing.
     *
     * @param reason what the web server said was wrong (e.g. "Ambiguous URI empty segment"), or null
     */
    static ProblemDetail problem(HttpStatus status, String reason) {
        String slug = switch (status) {
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case BAD_REQUEST -> "bad-request";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case URI_TOO_LONG -> "uri-too-long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "header-too-large";
            case HTTP_VERSION_NOT_SUPPORTED -> "http-version-not-supported";
            default -> status.is5xxServerError() ? "internal-error" : "client-error";
        };
        String detail;
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) { // a 5xx by the RFC, but the client's doing
            detail = "The request line names an HTTP version this service does not speak: send HTTP/1.1 (or 1.0).";
        } else if (status.is5xxServerError()) {
            detail = "The service failed to handle this request. Quote the request id when reporting it.";
        } else if (reason == null || reason.isBlank() || reason.equalsIgnoreCase(status.getReasonPhrase())) {
            detail = status == HttpStatus.BAD_REQUEST // e.g. "%00" in the path: Jetty gives no reason
                    ? "Bad Request: the request line, the URL or a header is malformed."
                    : status.getReasonPhrase() + ".";
        } else {
            detail = status.getReasonPhrase() + ": " + reason + ".";
        }
        return ApiException.problem(status, slug, status.getReasonPhrase(), detail);
    }
}
