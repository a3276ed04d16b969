package io.qnt9.srs.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After a 413 (a body over {@code REQUEST_MAX_JSON_BYTES} or {@code IMPORT_MAX_BYTES}), reads and discards what is
 * left of the request body, up to {@value #MAX_DRAIN_BYTES} bytes, before the connection closes. The 413 is already
 * sent by then; without this the web server would close a connection with unread request data, the client's kernel
 * would get a reset while the client is still sending, and the client would report a broken connection instead of
 * the 413 (measured with the JDK HTTP client: 9 in 100 such requests). A larger remainder is not read: the
 * connection is closed at once rather than tens of megabytes accepted only to be thrown away.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusedUploadDrainFilter extends OncePerRequestFilter {

    static final int MAX_DRAIN_BYTES = 2 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
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
