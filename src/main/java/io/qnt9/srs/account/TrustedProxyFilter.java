package io.qnt9.srs.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind one of {@code TRUSTED_PROXIES}, presents the request as the client made it: remote address from
 * {@code X-Forwarded-For} (see {@link ClientAddresses}), scheme, port and {@code isSecure()} from
 * {@code X-Forwarded-Proto}/{@code X-Forwarded-Port}. From any other peer the headers are ignored. Registered only
 * when TRUSTED_PROXIES is set; replaces the container's own forwarded-header handling, which is switched off
 * ({@code server.forward-headers-strategy=none}) because it trusts every private address.
 */
final class TrustedProxyFilter extends OncePerRequestFilter {

    private final ClientAddresses addresses;

    TrustedProxyFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (!addresses.isTrusted(peer)) {
            chain.doFilter(request, response);
            return;
        }
        String client = addresses.resolve(peer, Collections.list(request.getHeaders("X-Forwarded-For")));
        String proto = last(request.getHeader("X-Forwarded-Proto"));
        String scheme = "https".equalsIgnoreCase(proto) ? "https" : "http".equalsIgnoreCase(proto) ? "http" : null;
        int port = port(last(request.getHeader("X-Forwarded-Port")), request, scheme);
        chain.doFilter(new Forwarded(request, client, scheme, port), response);
    }

    private static String last(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.lastIndexOf(',');
        return (comma < 0 ? header : header.substring(comma + 1)).trim().toLowerCase(Locale.ROOT);
    }

    private static int port(String forwardedPort, HttpServletRequest request, String scheme) {
        if (forwardedPort != null) {
            try {
                int p = Integer.parseInt(forwardedPort);
                if (p > 0 && p < 65536) {
                    return p;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        String host = request.getHeader("Host");
        if (host != null && !host.endsWith("]") && host.lastIndexOf(':') > 0) {
            return request.getServerPort(); // explicit port in Host
        }
        if (scheme != null) {
            return "https".equals(scheme) ? 443 : 80;
        }
        return request.getServerPort();
    }

    private static final class Forwarded extends HttpServletRequestWrapper {
        private final String client;
        private final String scheme;
        private final int port;

        Forwarded(HttpServletRequest request, String client, String scheme, int port) {
            super(request);
            this.client = client;
            this.scheme = scheme;
            this.port = port;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme == null ? super.getScheme() : scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme == null ? super.isSecure() : "https".equals(scheme);
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            boolean defaultPort =
                    ("https".equals(getScheme()) && port == 443) || ("http".equals(getScheme()) && port == 80);
            if (!defaultPort) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
