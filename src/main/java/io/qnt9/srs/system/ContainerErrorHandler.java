package io.qnt9.srs.system;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web server's own error responses as problem+json, like every other error, instead of Jetty's HTML page: a
 * request Jetty rejects before the application sees it (a malformed request line or header, an ambiguous or badly
 * escaped path, a missing {@code Host}, a request line or headers over the limits, a {@code Content-Length} beside
 * {@code Transfer-Encoding}). The detail carries Jetty's reason ("Ambiguous URI empty segment"); never a stack trace.
 */
final class ContainerErrorHandler extends ErrorHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every method gets a body, not only GET, POST and HEAD (Jetty's default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Errors with a parsed request (e.g. an ambiguous path). */
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Errors of the HTTP parser, before there is a request (e.g. a malformed request line, headers too large). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int code, String reason) {
        ProblemDetail problem = ProblemErrorController.problem(ProblemErrorController.errorStatus(code), reason);
        return JSON.writeValueAsBytes(ApiException.body(problem, null, null));
    }
}
