package io.qnt9.srs.system;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded web server (Jetty; docs/DESIGN.md says why not Tomcat): its own error responses are problem+json
 * too. Connection limits and timeouts are plain {@code server.*} settings in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> problemJsonFromTheWebServer() {
        return factory -> factory.addServerCustomizers(server -> server.setErrorHandler(new ContainerErrorHandler()));
    }
}
