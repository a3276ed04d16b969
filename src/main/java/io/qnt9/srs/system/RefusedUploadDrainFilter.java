package io.qnt9.srs.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an error answer — a 413 (a body over {@code REQUEST_MAX_JSON_BYTES} or {@code IMPORT_MAX_BYTES}), or any
 * other refusal before the body was read (a query parameter the endpoint does not take, a missing sign-in) — reads
 * and discards what is left of the request body, up to {@value #MAX_DRAIN_BYTES} bytes. Without this the web server
 * closed the connection with unread request data: for a 413 the client's kernel got a reset while the client was
 * still sending (measured with the JDK HTTP client: 9 in 100 such requests broke off), and after a small refused POST
 * the client's next request on the kept-alive connection broke off now and then ("header parser received no bytes").
 * A larger remainder is not read: the connection is closed at once rather than tens of megabytes accepted only to be
 * thrown away. A body the handler already read drains as nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusedUploadDrainFilter extends OncePerRequestFilter {

    static final int MAX_DRAIN_BYTES = 2 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() >= 400) {
            drain(request);
        }
    }

    /** @return the bytes read and discarded */
    static long drain(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > MAX_DRAIN_BYTES) {
            return 0; // at most MAX_DRAIN_BYTES of it is left only if the handler read the rest; not worth guessing
        }
        long discarded = 0;
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while (discarded < MAX_DRAIN_BYTES
                    && (n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_DRAIN_BYTES - discarded))) > 0) {
                discarded += n;
            }
        } catch (IOException | IllegalStateException ignored) {
            // The body was taken as a reader, or the client went away: the connection closes either way.
        }
        return discarded;
    }
}
