package io.qnt9.srs.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become RFC 9457 problem+json. Framework errors get stable types and a detail
 * written for the caller (which parameter, what was expected); anything unexpected is a 500 whose body says
 * nothing about internals and whose log line carries the request id.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String name = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            errors.add(error(name, v.getMessage()));
        });
        return problem(
                HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", summary(errors), errors, request);
    }

    /**
     * The web server refused part of the request only when the application read it: Jetty decodes the query string
     * (and a form body) on the first parameter lookup, so a bad escape such as {@code ?ticker=%zz} surfaces here, as
     * the 4xx Jetty chose, not as an unexpected error.
     */
    @ExceptionHandler({HttpException.RuntimeException.class, HttpException.IllegalArgumentException.class})
    ResponseEntity<Object> webServerRefused(Exception ex, WebRequest request) {
        int code = ((HttpException) ex).getCode();
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.is4xxClientError()) {
            return unexpected(ex, request);
        }
        String reason = ((HttpException) ex).getReason();
        ProblemDetail body = ProblemErrorController.problem(status, reason);
        if ("Bad query".equals(reason)) {
            body.setDetail("The query string is not valid percent-encoding: a '%' must be followed by two hexadecimal"
                    + " digits (write a literal % as %25), and the escapes must form UTF-8.");
        }
        return handleExceptionInternal(ex, body, new HttpHeaders(), status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (DatabaseFailures.unreachable(ex)) {
            return databaseUnavailable(ex, request);
        }
        log.error("Unhandled error on {}", describe(request), ex);
        ProblemDetail body = ApiException.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The service failed to handle this request. Quote the request id when reporting it.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * The database could not be reached or stopped answering (connection refused, no connection within the pool's
     * timeout, a connection lost half-way, the server shutting down, a deadlock): a 503 the client may retry, with
     * {@code Retry-After}, not a 500. A write's transaction did not commit (an import writes nothing).
     */
    private ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        // One line per request, no stack trace: an outage fails every request the same way, and a trace each would
        // bury the log; /health and the alerts say the rest.
        log.warn(
                "Database unavailable on {}: {} ({})",
                describe(request),
                DatabaseFailures.rootMessage(ex),
                ex.getClass().getName());
        ProblemDetail body = DatabaseFailures.problem();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS));
        return handleExceptionInternal(ex, body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : describeType(ex.getRequiredType());
        String detail = ex.getValue() instanceof String[] values && values.length > 1 // SingleValueParameters
                ? "Parameter '" + name + "' takes one value and was given " + values.length + ": "
                        + Arrays.stream(values)
                                .limit(5)
                                .map(v -> "'" + abbreviate(v) + "'")
                                .collect(Collectors.joining(", "))
                        + (values.length > 5 ? ", …" : "") + ". Give it once."
                : "Parameter '" + name + "' must be " + expected + "; got '" + abbreviate(ex.getValue()) + "'.";
        ProblemDetail body = ApiException.problem(status, "invalid-parameter", "Invalid parameter", detail);
        body.setProperty("parameter", name);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail body = ApiException.problem(
                status,
                "missing-parameter",
                "Missing parameter",
                "Required parameter '" + ex.getParameterName() + "' is missing.");
        body.setProperty("parameter", ex.getParameterName());
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(error(name, error.getDefaultMessage()));
            }
        });
        return problem(status, "invalid-parameter", "Invalid parameter", summary(errors), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(error(fe.getField(), fe.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(error("body", ge.getDefaultMessage())));
        return problem(status, "invalid-request-body", "Invalid request body", summary(errors), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, unreadableBody(ex, status), headers, status, request);
    }

    /**
     * A body that is JSON but does not fit names the field: one the endpoint does not take (with the nearest it does,
     * as for query parameters) or one of the wrong type ({@code "start":"2014-13-01"}, {@code "targetPrice":"abc"}).
     * Anything else (not JSON, cut short, an array for an object) is {@code malformed-request-body}.
     */
    static ProblemDetail unreadableBody(Throwable ex, HttpStatusCode status) {
        Throwable cause = ex;
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            Set<String> known = new LinkedHashSet<>();
            if (unknown.getKnownPropertyIds() != null) {
                unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            String meant = KnownParameters.closest(unknown.getPropertyName(), known);
            String detail = "Unknown field '" + field + "' in the request body."
                    + (meant == null ? "" : " Did you mean '" + meant + "'?")
                    + (known.isEmpty() ? "" : " It takes: " + String.join(", ", known) + ".");
            return fieldProblem(status, field, "unknown field", detail);
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected =
                    mismatch.getTargetType() == null ? "a valid value" : describeType(mismatch.getTargetType());
            String got = mismatch instanceof InvalidFormatException invalid
                    ? "; got '" + abbreviate(invalid.getValue()) + "'"
                    : "";
            return fieldProblem(
                    status, field, "must be " + expected, "Field '" + field + "' must be " + expected + got + ".");
        }
        return ApiException.problem(
                status,
                "malformed-request-body",
                "Malformed request body",
                "The request body could not be read as the expected JSON document.");
    }

    private static ProblemDetail fieldProblem(HttpStatusCode status, String field, String message, String detail) {
        ProblemDetail body = ApiException.problem(status, "invalid-request-body", "Invalid request body", detail);
        body.setProperty("parameter", field);
        body.setProperty("errors", List.of(error(field, message)));
        return body;
    }

    /** {@code items[0].note}: where in the body the failure is, abbreviated (field names come from the caller). */
    private static String path(DatabindException ex) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return abbreviate(out);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ApiException.problem(
                status,
                "method-not-allowed",
                "Method not allowed",
                "Method " + ex.getMethod() + " is not supported here; use " + ex.getSupportedHttpMethods() + ".");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ApiException.problem(
                status,
                "unsupported-media-type",
                "Unsupported media type",
                "Content type '" + ex.getContentType() + "' is not supported; use one of " + ex.getSupportedMediaTypes()
                        + ".");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ApiException.problem(
                status,
                "not-acceptable",
                "Not acceptable",
                "This resource can be returned as " + ex.getSupportedMediaTypes() + ".");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return notFound(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return notFound(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ApiException.problem(
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", "The upload is too large.");
        return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    private ResponseEntity<Object> notFound(
            Exception ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ApiException.problem(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "No resource at " + describe(request) + ".");
        return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
    }

    /** Every problem leaves here: gets its instance and request id, and always goes out as problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail pd
                ? pd
                : ex instanceof ErrorResponse er ? er.getBody() : ProblemDetail.forStatus(status);
        decorate(problem, request);
        if (status.is5xxServerError() && !(ex instanceof ApiException)) {
            // The detail of an unexpected failure may carry internals; the log line has it, the client does not.
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(ApiException.TYPE_BASE + "internal-error"));
            }
        } else if (status.is4xxClientError()) {
            log.debug("{} -> {} {}", describe(request), status.value(), problem.getDetail());
        }
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(out).body(problem);
    }

    private ResponseEntity<Object> problem(
            HttpStatusCode status,
            String slug,
            String title,
            String detail,
            List<Map<String, String>> errors,
            WebRequest request) {
        ProblemDetail body = ApiException.problem(status, slug, title, detail);
        if (!errors.isEmpty()) {
            body.setProperty("parameter", errors.get(0).get("name"));
            body.setProperty("errors", errors);
        }
        return handleExceptionInternal(null, body, new HttpHeaders(), status, request);
    }

    static void decorate(ProblemDetail problem, WebRequest request) {
        if (request instanceof NativeWebRequest nwr && nwr.getNativeRequest() instanceof HttpServletRequest http) {
            if (problem.getInstance() == null) {
                problem.setInstance(instance(http.getRequestURI()));
            }
            String id = RequestIdFilter.currentId(http);
            if (id != null) {
                problem.setProperty("requestId", id);
            }
        }
    }

    /** The request path as the problem's instance; null when the path is not a valid URI reference. */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static Map<String, String> error(String name, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("message", message);
        return m;
    }

    private static String summary(List<Map<String, String>> errors) {
        if (errors.isEmpty()) {
            return "The request is invalid.";
        }
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append('\'').append(e.get("name")).append("' ").append(e.get("message"));
        }
        return sb.append('.').toString();
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest swr) {
            return swr.getRequest().getMethod() + " " + swr.getRequest().getRequestURI();
        }
        return request.getDescription(false);
    }

    private static String describeType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a valid date in ISO format (yyyy-MM-dd)";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "double", "Double", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "text";
            default ->
                type.isEnum()
                        ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                        : java.util.Collection.class.isAssignableFrom(type) || type.isArray()
                                ? "a list"
                                : type.isRecord() ? "an object" : "a valid value";
        };
    }

    /** A caller's value as quoted in a detail: at most 40 characters. */
    static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
