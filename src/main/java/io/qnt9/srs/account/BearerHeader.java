package io.qnt9.srs.account;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * The token of an {@code Authorization: Bearer …} header, with the rules of Spring Security's
 * {@code DefaultBearerTokenResolver} (RFC 6750 {@code b64token}: {@code Bearer} in any case, one space, one or more of
 * {@code A–Z a–z 0–9 - . _ ~ + /}, then any number of {@code =}) — by a loop over the characters instead of its
 * regular expression, which took about 7 % of the CPU of a signed-in request (docs/PERFORMANCE.md).
 * {@code BearerHeaderTests} checks the two agree on valid, malformed and random headers.
 */
final class BearerHeader {

    private static final String SCHEME = "bearer";

    private BearerHeader() {}

    /**
     * The token, or null when the header is absent or names another scheme (it does not start with "bearer").
     *
     * @throws OAuth2AuthenticationException (invalid_token, "Bearer token is malformed") when it starts with "bearer"
     *     but is not {@code Bearer <b64token>}
     */
    static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int n = header.length();
        int start = SCHEME.length() + 1;
        if (n <= start || header.charAt(SCHEME.length()) != ' ') {
            throw malformed();
        }
        int i = start;
        while (i < n && tokenChar(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw malformed();
        }
        while (i < n && header.charAt(i) == '=') {
            i++;
        }
        if (i != n) {
            throw malformed();
        }
        return header.substring(start);
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
