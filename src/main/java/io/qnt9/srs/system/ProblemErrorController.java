package io.qnt9.srs.system;

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
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String slug = switch (status) {
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case BAD_REQUEST -> "bad-request";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> status.is5xxServerError() ? "internal-error" : "client-error";
        };
        String detail = status.is5xxServerError()
                ? "The service failed to handle this request. Quote the request id when reporting it."
                : status.getReasonPhrase() + ".";
        ProblemDetail problem = ApiException.problem(status, slug, status.getReasonPhrase(), detail);
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
}
