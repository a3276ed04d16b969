package io.qnt9.srs.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens: HS256-signed JWTs with {@code iss}, {@code sub} (user id), {@code email}, {@code roles},
 * {@code tier}, {@code sid} (the sign-in session, i.e. the refresh-token family), {@code iat} and {@code exp}.
 * Roles and tier are copied at issue time: a change by an admin reaches the user at the next refresh.
 */
@Component
class AccessTokens {

    static final String EMAIL = "email";
    static final String ROLES = "roles";
    static final String TIER = "tier";
    static final String SESSION = "sid";
    /**
     * Present only in the claims {@link ApiKeyAuthentication} builds for a request made with an API key (never in a
     * signed token): the key's id.
     */
    static final String API_KEY = "api_key";

    private final JwtEncoder encoder;
    private final AccountProperties.Jwt settings;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, AccountProperties properties, Clock clock) {
        this.encoder = encoder;
        this.settings = properties.jwt();
        this.clock = clock;
    }

    record Issued(String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    Issued issue(UserRepository.UserRow user, UUID session) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.accessTtl());
        List<String> roles = user.role().granted().stream().map(Enum::name).toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(Long.toString(user.id()))
                .issuedAt(now)
                .expiresAt(expires)
                .claim(EMAIL, user.email())
                .claim(ROLES, roles)
                .claim(TIER, user.tier().name())
                .claim(SESSION, session.toString())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, expires);
    }
}
