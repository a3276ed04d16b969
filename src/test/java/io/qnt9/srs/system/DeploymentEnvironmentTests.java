package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeploymentEnvironmentTests {

    @Test
    void acceptsThePipelinesNames() {
        assertThat(DeploymentEnvironment.parse("dev")).isEqualTo(DeploymentEnvironment.DEV);
        assertThat(DeploymentEnvironment.parse(null)).isEqualTo(DeploymentEnvironment.DEV);
        assertThat(DeploymentEnvironment.parse("Staging")).isEqualTo(DeploymentEnvironment.STAGING);
        assertThat(DeploymentEnvironment.parse("prd")).isEqualTo(DeploymentEnvironment.PRODUCTION);
        assertThat(DeploymentEnvironment.parse("production").isProductionLike()).isTrue();
        assertThat(DeploymentEnvironment.DEV.isProductionLike()).isFalse();
    }

    @Test
    void refusesAnUnknownEnvironment() {
        assertThatThrownBy(() -> DeploymentEnvironment.parse("qa"))
                .hasMessageContaining("ENVIRONMENT must be one of dev, staging, production");
    }
}
