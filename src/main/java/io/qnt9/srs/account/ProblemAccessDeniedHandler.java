package io.qnt9.srs.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 403 as problem+json for a signed-in caller without the role ({@code forbidden}), or with it but by API key where a
 * password sign-in is needed ({@code signin-required}); each one is an audit line.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String user =
                auth instanceof JwtAuthenticationToken jwt ? jwt.getToken().getSubject() : "-";
        Audit.LOG.info(
                "event=access-denied user={} method={} path={} ip={}",
                Audit.clean(user),
                Audit.clean(request.getMethod()),
                Audit.clean(request.getRequestURI()),
                request.getRemoteAddr());
        if (auth instanceof JwtAuthenticationToken jwt
                && jwt.getToken().hasClaim(AccessTokens.API_KEY)
                && AccessRules.needsPasswordSignin(request.getMethod(), request.getRequestURI())
                && hasRole(auth, AccessRules.required(request.getMethod(), request.getRequestURI()))) {
            ProblemResponses.write(
                    request, response, AccountProblems.signinRequired().getBody());
            return;
        }
        ProblemResponses.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your account does not have the role this needs.");
    }

    private static boolean hasRole(Authentication auth, Role role) {
        String needed = "ROLE_" + (role == null ? Role.USER : role).name();
        return auth.getAuthorities().stream().anyMatch(a -> needed.equals(a.getAuthority()));
    }
}
