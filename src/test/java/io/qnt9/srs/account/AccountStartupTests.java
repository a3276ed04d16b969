package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.SrsApplication;
import io.qnt9.srs.TestAccounts;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up: the JWT key rules per environment, and provisioning of the first admin. Each test starts the app. */
@ExtendWith(OutputCaptureExtension.class)
class AccountStartupTests {

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--logging.level.io.qnt9=INFO"), Stream.of(extra))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SrsApplication.class)
                .profiles("test")
                .run(args);
    }

    @Test
    void developmentWithoutAKeyWarnsAndTheAdminIsProvisionedWithoutLoggingThePassword(CapturedOutput output) {
        String password = "boss-password-never-logged";
        try (ConfigurableApplicationContext app = start(
                "--qnt9.account.jwt.secret=",
                "--qnt9.account.admin.email=Boss@Test.QNT9.io",
                "--qnt9.account.admin.password=" + password)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var tokens = TestAccounts.signIn(new HttpTestClient(port), "boss@test.qnt9.io", password);
            assertThat(tokens.at("/user/roles").toString()).contains("ADMIN");
        }
        assertThat(output.getAll())
                .contains("JWT_SECRET is not set: signing access tokens with an ephemeral random key")
                .contains("Provisioned admin account boss@test.qnt9.io")
                .contains("event=admin-provisioned")
                .doesNotContain(password);
    }

    @Test
    void stagingRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> start("--qnt9.environment=staging", "--qnt9.account.jwt.secret=")
                        .close())
                .hasStackTraceContaining("ENVIRONMENT=staging needs JWT_SECRET");
    }

    @Test
    void aWeakAdminPasswordStopsStartUpWithoutEchoingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                                "--qnt9.account.admin.email=weak@test.qnt9.io", "--qnt9.account.admin.password=short1")
                        .close())
                .hasStackTraceContaining("ADMIN_PASSWORD must be at least 12 characters long");
        assertThat(output.getAll()).doesNotContain("short1");
    }
}
