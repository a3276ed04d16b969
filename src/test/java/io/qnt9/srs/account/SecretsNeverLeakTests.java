package io.qnt9.srs.account;

import static io.qnt9.srs.TestAccounts.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient;
import io.qnt9.srs.HttpTestClient.Response;
import io.qnt9.srs.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Runs every account flow — good and bad — and then searches all responses and everything logged meanwhile for the
 * JWT key, passwords, tokens and stack traces. The audit log must still record the events, as key=value lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTests {

    private static final String JSON = "application/json";
    private static final String JWT_SECRET_BASE64 = "dGVzdC1vbmx5LWp3dC1zZWNyZXQtZm9yLXFudDktdGVzdHMtbm90LWZvci1wcm9k";

    @LocalServerPort
    int port;

    @Test
    void noSecretTokenOrStackTraceReachesAResponseOrALogLine(CapturedOutput output) {
        HttpTestClient http = new HttpTestClient(port);
        List<String> secrets = new ArrayList<>(List.of(
                JWT_SECRET_BASE64,
                new String(Base64.getDecoder().decode(JWT_SECRET_BASE64), StandardCharsets.UTF_8),
                TestAccounts.ADMIN_PASSWORD,
                TestAccounts.USER_PASSWORD));
        List<Response> responses = new ArrayList<>();

        String email = "leak-" + UUID.randomUUID() + "@test.qnt9.io";
        String password = "leak-check-password-1";
        String newPassword = "leak-check-password-2";
        secrets.add(password);
        secrets.add(newPassword);

        Response signup = http.post("/api/v1/auth/signup", JSON, credentials(email, password));
        responses.add(signup);
        JsonNode tokens = signup.json();
        secrets.add(tokens.get("refreshToken").asString());
        HttpTestClient user = http.withBearer(tokens.get("accessToken").asString());

        responses.add(http.post("/api/v1/auth/signin", JSON, credentials(email, "wrong-" + password)));
        secrets.add("wrong-" + password);
        Response signin = http.post("/api/v1/auth/signin", JSON, credentials(email, password));
        responses.add(signin);
        secrets.add(signin.json().get("refreshToken").asString());

        Response refreshed = http.post(
                "/api/v1/auth/refresh",
                JSON,
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
        responses.add(refreshed);
        secrets.add(refreshed.json().get("refreshToken").asString());
        // reuse of the rotated token, through the cookie and with a foreign origin too
        responses.add(http.post(
                "/api/v1/auth/refresh",
                JSON,
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}"));
        responses.add(http.post(
                "/api/v1/auth/refresh",
                null,
                "",
                "Cookie",
                "qnt9_refresh=" + tokens.get("refreshToken").asString(),
                "Origin",
                "https://evil.example event=forged"));

        responses.add(user.get("/api/v1/auth/me"));
        responses.add(user.method(
                "PUT",
                "/api/v1/auth/me/password",
                JSON,
                "{\"currentPassword\":\"not-" + password + "\",\"newPassword\":\"" + newPassword + "\"}"));
        responses.add(user.method(
                "PUT",
                "/api/v1/auth/me/password",
                JSON,
                "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + newPassword + "\"}"));
        for (int i = 0; i < 5; i++) {
            responses.add(http.post("/api/v1/auth/signin", JSON, credentials(email, "guess-" + i + "-" + password)));
        }
        String forged = tokens.get("accessToken").asString() + "x";
        responses.add(http.withBearer(forged).get("/api/v1/auth/me"));
        responses.add(http.post("/api/v1/auth/signup", JSON, credentials("bad address", password)));
        responses.add(http.post("/api/v1/auth/signup", JSON, credentials(email, email)));

        HttpTestClient admin = TestAccounts.admin(port);
        responses.add(admin.method(
                "PATCH", "/api/v1/admin/users/" + tokens.at("/user/id").asLong(), JSON, "{\"tier\":\"PAID\"}"));
        responses.add(admin.post("/api/v1/instruments/LEAKCO/bars", "text/csv", "date,close\n2019-01-02,1\n"));
        responses.add(user.get("/api/v1/admin/users"));
        responses.add(http.post(
                "/api/v1/auth/signout",
                JSON,
                "{\"refreshToken\":\"" + signin.json().get("refreshToken").asString() + "\"}"));
        secrets.add(tokens.get("accessToken").asString());
        secrets.add(signin.json().get("accessToken").asString());

        String log = output.getAll();
        for (Response r : responses) {
            String all = r.body() + " " + r.headers().map();
            for (String s : secrets) {
                if (!r.body().contains("\"refreshToken\"") && !r.body().contains("\"accessToken\"")) {
                    assertThat(all).as("response must not contain a secret").doesNotContain(s);
                }
            }
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        for (String s : secrets) {
            assertThat(log)
                    .as("log must not contain a secret, token or password")
                    .doesNotContain(s);
        }
        assertThat(log).as("no stack traces").doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(log)
                .as("a caller cannot add keys to an audit line")
                .contains("origin=https://evil.example_event=forged")
                .doesNotContain(" event=forged");

        long id = tokens.at("/user/id").asLong();
        assertThat(log)
                .contains("event=signup outcome=success user=" + id)
                .contains("event=signin outcome=failure user=" + id)
                .contains("event=signin outcome=success user=" + id)
                .contains("event=refresh-token-reuse user=" + id)
                .contains("event=origin-rejected")
                .contains("event=password-change outcome=failure user=" + id)
                .contains("event=password-change outcome=success user=" + id)
                .contains("event=signin-lockout user=" + id)
                .contains("event=user-update by=" + TestAccounts.ADMIN_EMAIL + " user=" + id)
                .contains("event=access-denied user=" + id + " method=GET path=/api/v1/admin/users")
                .containsPattern("event=import outcome=succeeded .*by=" + TestAccounts.ADMIN_EMAIL)
                .contains("event=signout user=")
                .doesNotContain(email);
    }
}
