package io.qnt9.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.HttpTestClient.Response;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * How end-to-end tests authenticate: as the admin the test profile provisions ({@code application-test.yml}), or as a
 * fresh user signed up for the test. Each returns an {@link HttpTestClient} that sends the access token.
 */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@test.qnt9.io";
    public static final String ADMIN_PASSWORD = "test-admin-password-0f9e";
    public static final String USER_PASSWORD = "a-user-password-for-tests";

    private TestAccounts() {}

    /** Signed in as the provisioned admin. */
    public static HttpTestClient admin(int port) {
        HttpTestClient http = new HttpTestClient(port);
        return http.withBearer(
                signIn(http, ADMIN_EMAIL, ADMIN_PASSWORD).get("accessToken").asString());
    }

    /** A new FREE user with a random address, signed in. */
    public static HttpTestClient newUser(int port) {
        return newUser(new HttpTestClient(port)).client();
    }

    /** A signed-up user: its address, the token response, and a client sending its access token. */
    public record SignedUp(String email, JsonNode tokens, HttpTestClient client) {

        public long id() {
            return tokens.at("/user/id").asLong();
        }

        public String accessToken() {
            return tokens.get("accessToken").asString();
        }

        public String refreshToken() {
            return tokens.get("refreshToken").asString();
        }
    }

    public static SignedUp newUser(HttpTestClient anonymous) {
        String email = "user-" + UUID.randomUUID() + "@test.qnt9.io";
        Response r = anonymous.post("/api/v1/auth/signup", "application/json", credentials(email, USER_PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode tokens = r.json();
        return new SignedUp(
                email, tokens, anonymous.withBearer(tokens.get("accessToken").asString()));
    }

    /** The token response of a successful sign-in. */
    public static JsonNode signIn(HttpTestClient http, String email, String password) {
        Response r = http.post("/api/v1/auth/signin", "application/json", credentials(email, password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    public static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
