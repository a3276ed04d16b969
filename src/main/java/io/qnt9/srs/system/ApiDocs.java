package io.qnt9.srs.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Comparator;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Conventions of the OpenAPI document that no annotation states once for all operations.
 *
 * <p>Operation ids are stable: each handler names its own ({@code @Operation(operationId = …)}); springdoc's
 * "_1" suffixes for a handler mapped to two paths (the unversioned Stock Statistics API paths beside {@code
 * /api/v1}) depend on scanning order, so the unversioned path's operation becomes {@code <id>Unversioned} instead.
 *
 * <p>Errors: every error response of the API is RFC 9457 problem+json (the
 * {@value #SCHEMA} schema), and the errors any operation of a kind can answer are listed on it — 400 on every operation
 * (a malformed parameter, or one it does not take), 404 where the path names something, 413 and 415 where there is a
 * request body. Errors particular to one operation are declared on its handler ({@code @ApiResponse}); the security
 * filters' 401, 403 and 429 come from the account module.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    /** The media type of every error response. */
    static final String MEDIA_TYPE = "application/problem+json";

    /** The name of the problem schema in the document's components. */
    static final String SCHEMA = "Problem";

    /** An error response with this description and the problem+json body. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    /**
     * Adds a response to the operation unless it already declares that status (a handler's own {@code @ApiResponse}
     * wins), keeping the responses in status order.
     */
    public static void addResponse(Operation op, String status, ApiResponse response) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        if (responses.containsKey(status)) {
            op.setResponses(responses);
            return;
        }
        ApiResponses sorted = new ApiResponses();
        sorted.setExtensions(responses.getExtensions());
        responses.put(status, response);
        responses.keySet().stream()
                .sorted(Comparator.comparing((String code) -> code.equals("default"))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(code -> sorted.addApiResponse(code, responses.get(code)));
        op.setResponses(sorted);
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }

    @Bean
    OpenApiCustomizer conventionsOfApiDocs() {
        return ApiDocs::applyConventions;
    }

    static void applyConventions(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(SCHEMA, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.readOperationsMap().entrySet()) {
                Operation op = e.getValue();
                if (op.getOperationId() != null) {
                    op.setOperationId(stableOperationId(op.getOperationId(), path));
                }
                if (path.startsWith("/api/")) {
                    addResponse(
                            op,
                            "400",
                            problem("A parameter or body field is malformed or out of range, or the operation does"
                                    + " not take it (invalid-parameter, unknown-parameter, missing-parameter,"
                                    + " invalid-request-body, …)"));
                    if (path.contains("{")) {
                        addResponse(
                                op,
                                "404",
                                problem("What the path names does not exist (unknown-instrument,"
                                        + " watchlist-not-found, …)"));
                    }
                    if (op.getRequestBody() != null) {
                        addResponse(op, "413", problem("The request body is larger than allowed"));
                        addResponse(op, "415", problem("The Content-Type is not one the operation takes"));
                    }
                }
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                // Whatever a handler's annotations or springdoc put there, the API's errors are problem+json
                // (not /health's 503, which keeps its own shape for load balancers).
                responses.forEach((status, response) -> {
                    if (path.startsWith("/api/") && (status.startsWith("4") || status.startsWith("5"))) {
                        response.setContent(problemContent());
                    }
                });
            }
        });
    }

    /** {@code getStats_1} on {@code /api/stats} -> {@code getStatsUnversioned}; on {@code /api/v1/stats} -> {@code getStats}. */
    static String stableOperationId(String id, String path) {
        String base = id.replaceFirst("_\\d+$", "");
        return path.startsWith("/api/") && !path.startsWith("/api/v1/") ? base + "Unversioned" : base;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. 'type' is stable and listed in docs/PROBLEMS.md with the"
                        + " extension members each type adds.")
                .addProperty(
                        "type", new StringSchema().format("uri").example("https://qnt9.io/problems/unknown-instrument"))
                .addProperty("title", new StringSchema().example("Unknown instrument"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("No instrument with symbol 'NOPE'."))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").example("/api/v1/instruments/NOPE"))
                .addProperty(
                        "parameter",
                        new StringSchema().description("The query parameter, path variable or body field at fault"))
                .addProperty(
                        "requestId", new StringSchema().description("Quote it when reporting a problem (X-Request-Id)"))
                .additionalProperties(true)
                .addRequiredItem("type")
                .addRequiredItem("title")
                .addRequiredItem("status");
    }
}
