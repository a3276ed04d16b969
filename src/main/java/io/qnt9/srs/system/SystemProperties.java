package io.qnt9.srs.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Top-level service settings ({@code qnt9.*}). */
@ConfigurationProperties("qnt9")
public record SystemProperties(String environment) {

    public DeploymentEnvironment deploymentEnvironment() {
        return DeploymentEnvironment.parse(environment);
    }
}
