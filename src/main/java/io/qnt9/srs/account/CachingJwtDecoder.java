package io.qnt9.srs.account;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens whose signature has been verified, so that a client sending the same token on every
 * request pays for parsing and the HMAC once, not per request (that was about a fifth of the CPU of a signed-in
 * {@code /api/v1/stats} call; docs/PERFORMANCE.md).
 *
 * <p>Keyed by the exact token text, so only a token that verified before can hit. A hit is validated again with the
 * same validator as a fresh decode (expiry with its skew, issuer, subject, roles — at the current clock), so an
 * expired token is refused at the same instant as without the cache. Refused tokens are never remembered. Bounded:
 * when {@code maxEntries} tokens are held, expired ones are dropped, and if that frees nothing the cache starts
 * over (tokens live 15 minutes; a full cache means many clients, each of which pays one decode again).
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.delegate = delegate;
        this.validator = validator;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return known;
            }
            verified.remove(token, known);
        }
        Jwt jwt = delegate.decode(token); // throws for a bad signature, a malformed or an expired token
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(j -> validator.validate(j).hasErrors());
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
        return jwt;
    }

    JwtDecoder delegate() {
        return delegate;
    }

    OAuth2TokenValidator<Jwt> validator() {
        return validator;
    }

    /** How many verified tokens are held (for tests). */
    int size() {
        return verified.size();
    }
}
