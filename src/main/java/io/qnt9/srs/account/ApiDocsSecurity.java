package io.qnt9.srs.account;

import io.qnt9.srs.system.ApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the bearer token in the OpenAPI document, so Swagger UI offers "Authorize" and sends the access token, and
 * says per operation what the security filters make of it: which operations need a token (and which role), the 401
 * and 403 they answer, and the 429 of the rate limit — from {@link AccessRules} and {@link RateLimitFilter#exempt},
 * the same code the filters run, so the document cannot drift from what the service does.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String SCHEME = "bearer";
    static final String API_KEY_SCHEME = "apiKey";

    static {
        // A CurrentUser parameter comes from the access token (CurrentUserResolver), not from the request's query:
        // without this the document listed a required query parameter "user" of an object type on every
        // signed-in route, which generated clients would then try to send.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenApiCustomizer bearerTokenInApiDocs() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("Access token from POST /api/v1/auth/signin (15 minutes), or an"
                                            + " API key (qnt9_…) from POST /api/v1/auth/me/api-keys"))
                    .addSecuritySchemes(
                            API_KEY_SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name(ApiKeyAuthentication.HEADER)
                                    .description("API key (qnt9_…) from POST /api/v1/auth/me/api-keys: acts as its"
                                            + " owner until revoked or expired; not for managing keys, the password"
                                            + " or users"));
            // Empty alternative first: a route may be called without a token unless its operation says otherwise.
            api.addSecurityItem(new SecurityRequirement());
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            api.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
            describeAccess(api);
        };
    }

    private static void describeAccess(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((template, item) -> {
            // A concrete path the rules can match: {symbol} -> x.
            String path = template.replaceAll("\\{[^/}]+}", "x");
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.readOperationsMap().entrySet()) {
                String method = e.getKey().name();
                Operation op = e.getValue();
                Role role = AccessRules.required(method, path);
                boolean credentials =
                        java.util.Arrays.asList(AccessRules.CREDENTIALS).contains(path);
                if (role == null && !credentials) { // sign-up, sign-in, refresh, sign-out ignore the header
                    ApiDocs.addResponse(
                            op,
                            "401",
                            ApiDocs.problem("The access token sent is invalid or has expired (this operation"
                                    + " needs none: leave the Authorization header out)"));
                } else if (role != null) {
                    boolean passwordSignin = AccessRules.needsPasswordSignin(method, path);
                    op.setSecurity(
                            passwordSignin
                                    ? List.of(new SecurityRequirement().addList(SCHEME))
                                    : List.of(
                                            new SecurityRequirement().addList(SCHEME),
                                            new SecurityRequirement().addList(API_KEY_SCHEME)));
                    ApiDocs.addResponse(
                            op,
                            "401",
                            ApiDocs.problem("Sign-in required: no access token or API key, or it is invalid, revoked"
                                    + " or has expired"));
                    if (role == Role.ADMIN) {
                        ApiDocs.addResponse(
                                op,
                                "403",
                                ApiDocs.problem("Signed in, but without the ADMIN role"
                                        + (passwordSignin ? "; or called with an API key (signin-required)" : "")));
                    } else if (passwordSignin) {
                        ApiDocs.addResponse(
                                op,
                                "403",
                                ApiDocs.problem("Called with an API key: this needs a password sign-in"
                                        + " (signin-required)"));
                    }
                    String who = (role == Role.ADMIN ? "an administrator" : "a signed-in user")
                            + (passwordSignin ? ", signed in with the password (not an API key)" : "");
                    op.setDescription(
                            op.getDescription() == null
                                    ? "Needs " + who + "."
                                    : op.getDescription() + "\n\nNeeds " + who + ".");
                }
                if (!RateLimitFilter.exempt(method, path)) {
                    ApiDocs.addResponse(
                            op,
                            "429",
                            ApiDocs.problem("Rate limit of the caller's tier reached; retry after the"
                                            + " Retry-After seconds")
                                    .addHeaderObject(
                                            "Retry-After",
                                            new Header()
                                                    .description("Seconds until a request will be accepted")
                                                    .schema(new IntegerSchema())));
                }
            }
        });
    }
}
