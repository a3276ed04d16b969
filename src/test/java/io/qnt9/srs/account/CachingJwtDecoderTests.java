package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The verified-token cache in front of the real HS256 decoder, as {@link TokenConfiguration} builds it (same
 * validators, a movable clock): a repeated token is verified once, and the cache never accepts what the decoder
 * alone would refuse.
 */
class CachingJwtDecoderTests {

    private static final String ISSUER = "https://qnt9.test";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final SetClock clock = new SetClock();
    private final SecretKey key = new SecretKeySpec(new byte[32], "HmacSHA256");
    private final JwtEncoder encoder =
            NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
    private final AtomicInteger verifications = new AtomicInteger();

    /** The decoder of {@link TokenConfiguration} with {@code maxEntries}, counting the decodes that reach Nimbus. */
    private CachingJwtDecoder decoder(int maxEntries) {
        clock.set(T0);
        var properties = new AccountProperties(
                new AccountProperties.Jwt(
                        "x".repeat(32), ISSUER, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(30)),
                null,
                null);
        JwtDecoder configured = new TokenConfiguration().jwtDecoder(key, properties, clock);
        assertThat(configured).isInstanceOf(CachingJwtDecoder.class);
        CachingJwtDecoder real = (CachingJwtDecoder) configured;
        // The configured Nimbus decoder behind the cache, counted.
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return real.delegate().decode(token);
        };
        return new CachingJwtDecoder(counting, real.validator(), maxEntries);
    }

    private String token(String subject, Instant issued, Duration ttl) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .issuedAt(issued)
                .expiresAt(issued.plus(ttl))
                .claim(AccessTokens.ROLES, List.of("USER"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    @Test
    void aRepeatedTokenIsVerifiedOnceAndGivesTheSameClaims() {
        CachingJwtDecoder decoder = decoder(10);
        String token = token("7", T0, Duration.ofMinutes(15));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("7");
        assertThat(second.getClaimAsStringList(AccessTokens.ROLES)).containsExactly("USER");
        assertThat(second).isSameAs(first);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresPlusTheSkewExactlyAsWithoutTheCache() {
        CachingJwtDecoder decoder = decoder(10);
        String token = token("7", T0, Duration.ofMinutes(15));
        decoder.decode(token);

        clock.set(T0.plus(Duration.ofMinutes(15)).plusSeconds(30)); // exp + 30 s skew: still valid
        assertThat(decoder.decode(token).getSubject()).isEqualTo("7");
        assertThat(verifications).hasValue(1);

        clock.set(T0.plus(Duration.ofMinutes(15)).plusSeconds(31));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTamperedTokenIsRefusedAndNotRemembered() {
        CachingJwtDecoder decoder = decoder(10);
        String token = token("7", T0, Duration.ofMinutes(15));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        // Same header and signature, claims of user 1: only a signature check can tell.
        String forged = parts[0] + "." + token("1", T0, Duration.ofMinutes(15)).split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndNeverHoldsMoreThanItsBound() {
        CachingJwtDecoder decoder = decoder(2);
        String shortLived = token("1", T0, Duration.ofMinutes(1));
        String a = token("2", T0, Duration.ofMinutes(15));
        decoder.decode(shortLived);
        decoder.decode(a);
        clock.set(T0.plus(Duration.ofMinutes(5)));

        decoder.decode(token("3", T0, Duration.ofMinutes(15)));
        assertThat(decoder.size()).isEqualTo(2);
        decoder.decode(a); // kept: the expired one made the room
        assertThat(verifications).hasValue(3);

        decoder.decode(token("4", T0, Duration.ofMinutes(15))); // nothing expired: starts over
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void theBoundMustBePositive() {
        assertThatThrownBy(() -> new CachingJwtDecoder(t -> null, j -> null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEntries");
    }

    /** A clock the test sets. */
    static final class SetClock extends Clock {
        private volatile Instant now = T0;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
