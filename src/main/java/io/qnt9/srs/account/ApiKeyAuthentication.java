package io.qnt9.srs.account;

import io.qnt9.srs.system.DatabaseFailures;
import java.time.Instant;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Authenticates a bearer value: an API key ({@code qnt9_…}) by {@link ApiKeys}, anything else as an access token
 * (JWT). A key's owner becomes the same kind of authentication an access token gives — claims {@code sub},
 * {@code email}, {@code roles}, {@code tier}, plus {@link AccessTokens#API_KEY} — built from the database at each
 * request and never signed or sent anywhere, so authorization rules, rate limits and {@link CurrentUser} treat both
 * alike.
 */
final class ApiKeyAuthentication implements AuthenticationManager {

    /** The header a key may come in instead of {@code Authorization: Bearer}. */
    static final String HEADER = "X-API-Key";

    /** An unknown, revoked, expired or malformed API key: answered as 401 invalid-api-key. */
    static final class InvalidApiKeyException extends InvalidBearerTokenException {

        InvalidApiKeyException() {
            super("The API key is unknown, revoked or expired");
        }
    }

    /** The key could not be checked: the database is unreachable. Answered as 503 database-unavailable. */
    static final class KeyCheckUnavailableException extends OAuth2AuthenticationException {

        KeyCheckUnavailableException(RuntimeException cause) {
            super(new OAuth2Error("temporarily_unavailable"), DatabaseFailures.rootMessage(cause), cause);
        }
    }

    /** The address has presented unknown keys and its anonymous bucket is empty: 429 without a lookup. */
    static final class KeyLookupRefusedException extends OAuth2AuthenticationException {

        private final transient RateLimiter.Decision decision;

        KeyLookupRefusedException(RateLimiter.Decision decision) {
            super(new OAuth2Error("rate_limited"), "Too many unknown API keys from this address");
            this.decision = decision;
        }

        RateLimiter.Decision decision() {
            return decision;
        }
    }

    private final ApiKeys keys;
    private final JwtAuthenticationProvider jwt;
    private final Converter<Jwt, AbstractAuthenticationToken> converter;
    private final ApiKeyMetrics metrics;

    ApiKeyAuthentication(
            ApiKeys keys,
            JwtDecoder decoder,
            Converter<Jwt, AbstractAuthenticationToken> converter,
            ApiKeyMetrics metrics) {
        this.keys = keys;
        this.metrics = metrics;
        this.converter = converter;
        this.jwt = new JwtAuthenticationProvider(decoder);
        this.jwt.setJwtAuthenticationConverter(converter);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)
                || !ApiKeys.looksLikeKey(bearer.getToken())) {
            return jwt.authenticate(authentication);
        }
        ApiKeyRepository.Holder holder;
        try {
            holder = keys.authenticate(bearer.getToken()).orElseThrow(InvalidApiKeyException::new);
        } catch (RuntimeException e) {
            if (DatabaseFailures.unreachable(e)) {
                throw new KeyCheckUnavailableException(e);
            }
            throw e;
        }
        Jwt claims = Jwt.withTokenValue("api-key:" + holder.keyId())
                .header("alg", "none")
                .subject(Long.toString(holder.userId()))
                .issuedAt(Instant.now())
                .claim(AccessTokens.EMAIL, holder.email())
                .claim(
                        AccessTokens.ROLES,
                        holder.role().granted().stream().map(Enum::name).toList())
                .claim(AccessTokens.TIER, holder.tier().name())
                .claim(AccessTokens.API_KEY, holder.keyId())
                .build();
        AbstractAuthenticationToken result = converter.convert(claims);
        if (result == null) {
            throw new InvalidApiKeyException();
        }
        metrics.accepted.increment();
        result.setDetails(bearer.getDetails());
        return result;
    }
}
