package io.qnt9.srs.account;

import io.qnt9.srs.system.SystemProperties;
import java.time.Clock;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The access-token key, encoder and decoder (HS256; issuer, expiry with 30 s skew, subject and roles checked;
 * verified tokens remembered by {@link CachingJwtDecoder}), and
 * the scheduling of account housekeeping. Present in every kind of run, web or command line.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TokenConfiguration {

    /** Verified access tokens remembered (about 2 KB each): one per client signed in within the last 15 minutes. */
    static final int VERIFIED_TOKENS_HELD = 10_000;

    @Bean
    SecretKey jwtSigningKey(AccountProperties properties, SystemProperties system) {
        return JwtKey.resolve(properties.jwt().secret(), system.deploymentEnvironment());
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey)
                .algorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, AccountProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator time = new JwtTimestampValidator(properties.jwt().clockSkew());
        time.setClock(clock);
        time.setAllowEmptyExpiryClaim(false);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                time,
                new JwtIssuerValidator(properties.jwt().issuer()),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<Object>(AccessTokens.ROLES, Objects::nonNull));
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, validator, VERIFIED_TOKENS_HELD);
    }
}
