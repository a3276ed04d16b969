package io.qnt9.srs.account;

import io.qnt9.srs.system.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json with an RFC 6750 challenge: {@code unauthorized} when no token came with a request that needs
 * one, {@code invalid-token} when the token is malformed, forged or expired (the client should refresh it),
 * {@code invalid-api-key} when an API key is unknown, revoked or expired; 503 {@code database-unavailable} when an API
 * key could not be checked. A refused credential counts against the address's anonymous rate limit (429 once it is
 * used up). The challenge never echoes the decoder's message.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final RateLimitFilter rateLimits;
    private final ApiKeyMetrics keyMetrics;

    ProblemAuthenticationEntryPoint(RateLimitFilter rateLimits, ApiKeyMetrics keyMetrics) {
        this.rateLimits = rateLimits;
        this.keyMetrics = keyMetrics;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (ex instanceof ApiKeyAuthentication.KeyCheckUnavailableException) {
            keyMetrics.unavailable.increment();
            LOG.warn(
                    "Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
            response.setHeader("Retry-After", Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
            ProblemResponses.write(request, response, DatabaseFailures.problem());
            return;
        }
        if (ex instanceof ApiKeyAuthentication.KeyLookupRefusedException refusedLookup) {
            keyMetrics.throttled.increment();
            rateLimits.refuseKeyLookup(request, response, refusedLookup.decision());
            return;
        }
        boolean badKey = ex instanceof ApiKeyAuthentication.InvalidApiKeyException;
        if (badKey) {
            keyMetrics.unknown.increment();
            rateLimits.markBadKey(request);
        }
        boolean badCredential = badKey
                || ex instanceof InvalidBearerTokenException
                || (ex instanceof OAuth2AuthenticationException o
                        && "invalid_token".equals(o.getError().getErrorCode()));
        if (badCredential) {
            if (rateLimits.refuseFailedAuthentication(request, response)) {
                return;
            }
            String what = badKey
                    ? "The API key is unknown, revoked or expired"
                    : "The access token is invalid or has expired";
            response.setHeader(
                    "WWW-Authenticate",
                    AccountProblems.BEARER_CHALLENGE + ", error=\"invalid_token\", error_description=\"" + what + "\"");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    badKey ? "invalid-api-key" : "invalid-token",
                    badKey ? "Invalid API key" : "Invalid token",
                    what
                            + (badKey
                                    ? ". Create a new one on the account page or with POST /api/v1/auth/me/api-keys"
                                            + " (signed in with your password)."
                                    : ". Refresh it (POST /api/v1/auth/refresh) or sign in again."));
            return;
        }
        response.setHeader("WWW-Authenticate", AccountProblems.BEARER_CHALLENGE);
        ProblemResponses.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "This needs a signed-in user: send 'Authorization: Bearer <access token>' (POST /api/v1/auth/signin)"
                        + " or an API key.");
    }
}
