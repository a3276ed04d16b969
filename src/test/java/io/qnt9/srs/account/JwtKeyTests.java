package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qnt9.srs.system.DeploymentEnvironment;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtKeyTests {

    @Test
    void acceptsABase64KeyOfAtLeast32Bytes() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        assertThat(JwtKey.resolve(Base64.getEncoder().encodeToString(raw), DeploymentEnvironment.PRODUCTION)
                        .getEncoded())
                .isEqualTo(raw);
        assertThat(JwtKey.resolve(Base64.getUrlEncoder().encodeToString(new byte[48]), DeploymentEnvironment.DEV)
                        .getEncoded())
                .hasSize(48);
    }

    @Test
    void rejectsShortKeysAndNonBase64WithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-bytes!!!".getBytes());
        assertThatThrownBy(() -> JwtKey.resolve(shortKey, DeploymentEnvironment.DEV))
                .hasMessageContaining("JWT_SECRET is too short: 16 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> JwtKey.resolve("not base64 at all!*", DeploymentEnvironment.DEV))
                .hasMessageContaining("JWT_SECRET is not valid base64")
                .hasMessageNotContaining("not base64 at all");
    }

    @Test
    void withoutAKeyOnlyDevelopmentStarts() {
        assertThat(JwtKey.resolve("", DeploymentEnvironment.DEV).getEncoded()).hasSize(32);
        assertThat(JwtKey.resolve(null, DeploymentEnvironment.DEV).getEncoded())
                .isNotEqualTo(JwtKey.resolve(null, DeploymentEnvironment.DEV).getEncoded());
        assertThatThrownBy(() -> JwtKey.resolve(" ", DeploymentEnvironment.PRODUCTION))
                .hasMessageContaining("ENVIRONMENT=production needs JWT_SECRET");
    }
}
