package io.qnt9.srs.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Spring Security's firewall refuses before any security filter runs (a {@code ;} or an encoded {@code /}
 * in the path, a path that is not normalised, a control character in a header, an HTTP method outside the usual
 * set) as problem+json that says what was refused. Spring's default answered a bare 400 whose detail read only "Bad
 * Request.". A method the service never uses (TRACE, PROPFIND, ...) is a 405 naming those it does use.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    /** The methods the firewall lets through (its default set), for the {@code Allow} header of a 405. */
    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private static final Set<String> ALLOWED = Set.of(METHODS.split(", "));

    /** The firewall's reason may quote the offending header value; a sentence is enough to see what was wrong. */
    private static final int MAX_REASON = 300;

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Request rejected by the firewall: {}", rejected.getMessage());
        if (!ALLOWED.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, METHODS);
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method-not-allowed",
                    "Method not allowed",
                    "Method " + request.getMethod() + " is not supported by this service; it uses " + METHODS + ".");
            return;
        }
        String reason = String.valueOf(rejected.getMessage()).strip();
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        } else if (reason.endsWith(".")) {
            reason = reason.substring(0, reason.length() - 1);
        }
        ProblemResponses.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "bad-request",
                "Bad Request",
                "Bad Request: " + reason + ".");
    }
}
