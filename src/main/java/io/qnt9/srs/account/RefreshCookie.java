package io.qnt9.srs.account;

import io.qnt9.srs.system.DeploymentEnvironment;
import io.qnt9.srs.system.SystemProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The refresh token as a cookie, for browsers: {@code HttpOnly} (no script can read it), {@code SameSite=Strict}
 * (never sent on a request another site starts), {@code Path=/api/v1/auth} (sent to nothing else), {@code Secure}
 * outside development. A call that relies on the cookie must also carry an {@code Origin} of this site or of an
 * allowed origin — a second, independent CSRF defence in case a browser does not honour SameSite.
 */
@Component
class RefreshCookie {

    static final String NAME = "qnt9_refresh";
    static final String PATH = "/api/v1/auth";

    private final boolean secure;
    private final List<String> allowedOrigins;

    RefreshCookie(SystemProperties system, WebSecurityProperties web) {
        this.secure = system.deploymentEnvironment() != DeploymentEnvironment.DEV;
        this.allowedOrigins = web.corsAllowedOrigins().stream()
                .map(o -> o.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .toList();
    }

    String set(RefreshTokens.Issued token, java.time.Instant now) {
        return cookie(token.value(), Duration.between(now, token.expiresAt()));
    }

    String clear() {
        return cookie("", Duration.ZERO);
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path(PATH)
                .maxAge(maxAge)
                .build()
                .toString();
    }

    /**
     * Whether a cookie-authenticated request comes from a page we trust: its {@code Origin} is this service's own
     * origin or in {@code CORS_ALLOWED_ORIGINS}; without an Origin, only {@code Sec-Fetch-Site: same-origin} will do.
     */
    boolean trustedOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(o)) {
            return true;
        }
        try {
            URI uri = URI.create(o);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
            return uri.getScheme().equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
