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

/** 403 as problem+json for a signed-in caller without the role; each one is an audit line. */
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
        ProblemResponses.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your account does not have the role this needs.");
    }
}
