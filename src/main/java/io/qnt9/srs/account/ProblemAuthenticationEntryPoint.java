package io.qnt9.srs.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json with an RFC 6750 challenge: {@code unauthorized} when no token came with a request that needs
 * one, {@code invalid-token} when the token is malformed, forged or expired (the client should refresh it). The
 * challenge never echoes the decoder's message.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (ex instanceof InvalidBearerTokenException
                || (ex instanceof OAuth2AuthenticationException o
                        && "invalid_token".equals(o.getError().getErrorCode()))) {
            response.setHeader(
                    "WWW-Authenticate",
                    AccountProblems.BEARER_CHALLENGE
                            + ", error=\"invalid_token\", error_description=\"The access token is invalid or has"
                            + " expired\"");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "invalid-token",
                    "Invalid token",
                    "The access token is invalid or has expired. Refresh it (POST /api/v1/auth/refresh) or sign in"
                            + " again.");
            return;
        }
        response.setHeader("WWW-Authenticate", AccountProblems.BEARER_CHALLENGE);
        ProblemResponses.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "This needs a signed-in user: send 'Authorization: Bearer <access token>' (POST /api/v1/auth/signin).");
    }
}
