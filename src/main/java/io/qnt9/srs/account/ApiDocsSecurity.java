package io.qnt9.srs.account;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the bearer token in the OpenAPI document, so Swagger UI offers "Authorize" and sends the access token. The
 * token is optional for public routes; which routes need which role is in docs/SECURITY.md.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String SCHEME = "bearer";

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
                                    .description("Access token from POST /api/v1/auth/signin (15 minutes)"));
            // Empty alternative first: every route may be called without a token; those that need one say so in
            // their 401.
            api.addSecurityItem(new SecurityRequirement());
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
