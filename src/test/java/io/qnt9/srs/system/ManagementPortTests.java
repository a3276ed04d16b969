package io.qnt9.srs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * As deployed (Helm sets MANAGEMENT_PORT): the actuator answers only on its own port, which the ingress never
 * routes, while the kubelet's /livez and /readyz and the public /health stay on the main port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
class ManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void actuatorIsOnlyOnTheManagementPortAndProbesStayOnTheMainPort() {
        HttpTestClient main = new HttpTestClient(port);
        HttpTestClient management = new HttpTestClient(managementPort);
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(main.get("/actuator/prometheus").status()).isIn(401, 404);
        assertThat(main.get("/actuator/info").status()).isIn(401, 404);
        assertThat(management.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(main.get("/livez").status()).isEqualTo(200);
        assertThat(main.get("/readyz").status()).isEqualTo(200);
        assertThat(main.get("/health").status()).isEqualTo(200);
    }
}
