package io.qnt9.srs.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies other than CSV imports (which stream and have their own limit, {@code IMPORT_MAX_BYTES}) at
 * {@code REQUEST_MAX_JSON_BYTES}: 413 problem+json before any handler reads a byte. A declared length over the cap is
 * refused outright; a chunked body is read up to the cap and refused the moment it passes it.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;

    BodySizeLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request) || isCsv(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // Chunked: buffer at most maxBytes + 1 to decide.
        InputStream in = request.getInputStream();
        byte[] buffer = in.readNBytes(maxBytes + 1);
        if (buffer.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new Buffered(request, buffer), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var problem = io.qnt9.srs.system.ApiException.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "Request bodies are limited to " + maxBytes + " bytes (CSV imports have their own limit).");
        problem.setProperty("limitBytes", maxBytes);
        // The connection is closed afterwards, not kept for another request; a small remainder of the body is read
        // first (system/RefusedUploadDrainFilter) so that the client, still sending, gets this answer.
        response.setHeader("Connection", "close");
        ProblemResponses.write(request, response, problem);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }
        return request.getContentLengthLong() != 0;
    }

    static boolean isCsv(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/csv") || t.startsWith("application/csv") || t.startsWith("text/plain");
    }

    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
