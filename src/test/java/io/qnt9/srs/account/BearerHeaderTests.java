package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@link BearerHeader} against the resolver it replaces, Spring Security's {@code DefaultBearerTokenResolver}. */
class BearerHeaderTests {

    private static final DefaultBearerTokenResolver SPRING = new DefaultBearerTokenResolver();

    /** "token:…", "null" or "error:…" — what a resolver made of a header. */
    private static String outcome(String header, boolean spring) {
        try {
            String token;
            if (spring) {
                MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/stats");
                if (header != null) {
                    request.addHeader("Authorization", header);
                }
                token = SPRING.resolve(request);
            } else {
                token = BearerHeader.token(header);
            }
            return token == null ? "null" : "token:" + token;
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode() + ":" + e.getError().getDescription();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc",
                "bearer abc",
                "BEARER a.b-c_d~e+f/g==",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJl",
                "Bearer qnt9_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd",
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer abc=d",
                "Bearer =",
                "Bearer a\\nb",
                "Bearerabc",
                "Bearer\tabc",
                "Bearer ab,c",
                "Bearer äbc",
                "Basic dXNlcjpwYXNz",
                "Token abc",
                "",
                " Bearer abc",
                "bearer-ish abc"
            })
    void agreesWithSpringOnTheseHeaders(String header) {
        String h = header.replace("\\n", "\n");
        assertThat(outcome(h, false)).as(h).isEqualTo(outcome(h, true));
    }

    @Test
    void agreesWithSpringWithoutAHeader() {
        assertThat(BearerHeader.token(null)).isNull();
        assertThat(outcome(null, true)).isEqualTo("null");
    }

    @Test
    void agreesWithSpringOnRandomHeaders() {
        String[] prefixes = {"Bearer ", "bearer ", "BeArEr ", "Bearer", "Bearer  ", "Basic ", "", "bearer\u00a0"};
        String alphabet = "aZ09-._~+/= \t\n,;:\"'é\u017f\u212a%";
        SplittableRandom random = new SplittableRandom(20261207);
        int tokens = 0;
        int errors = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder h = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // Mostly token characters, so that valid tokens are common too.
                h.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : alphabet.charAt(random.nextInt(7)));
            }
            String ours = outcome(h.toString(), false);
            assertThat(ours).as("[%s]", h).isEqualTo(outcome(h.toString(), true));
            tokens += ours.startsWith("token:") ? 1 : 0;
            errors += ours.startsWith("error:") ? 1 : 0;
        }
        assertThat(tokens).as("valid tokens among the random headers").isGreaterThan(10_000);
        assertThat(errors).as("malformed ones").isGreaterThan(10_000);
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidTokenError() {
        assertThatThrownBy(() -> BearerHeader.token("Bearer a b"))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("Bearer token is malformed");
    }
}
