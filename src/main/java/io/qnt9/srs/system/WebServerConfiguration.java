package io.qnt9.srs.system;

import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded web server (Jetty; docs/DESIGN.md says why not Tomcat): its own error responses are problem+json
 * too, and optional compression leaves token responses alone. Connection limits, timeouts and compression are plain
 * {@code server.*} settings in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    /** Responses that carry access and refresh tokens. */
    static final String AUTH_PATHS = "/api/v1/auth/*";

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> problemJsonFromTheWebServer() {
        return factory -> factory.addServerCustomizers(server -> server.setErrorHandler(new ContainerErrorHandler()));
    }

    /**
     * With {@code HTTP_COMPRESSION} on: never the responses of {@code /api/v1/auth}, which carry tokens (BREACH).
     * The 2 KB minimum does not keep them out: Jetty applies it only to responses whose length is known up front.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> noCompressionOfTokens() {
        return factory -> factory.addServerCustomizers(server -> {
            CompressionHandler compression = server.getDescendant(CompressionHandler.class);
            if (compression != null) {
                compression.putConfiguration(
                        AUTH_PATHS,
                        CompressionConfig.builder()
                                .defaults()
                                .compressExcludePath(AUTH_PATHS)
                                .build());
            }
        });
    }
}
