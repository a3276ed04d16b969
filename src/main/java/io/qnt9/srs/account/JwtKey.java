package io.qnt9.srs.account;

import io.qnt9.srs.system.DeploymentEnvironment;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA256 key that signs access tokens, from {@code JWT_SECRET} (base64, at least 32 bytes). Without it a
 * development instance makes up a random key (tokens then die with the process and differ between replicas);
 * staging and production refuse to start.
 */
final class JwtKey {

    static final int MIN_BYTES = 32;
    static final String ALGORITHM = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(JwtKey.class);

    private JwtKey() {}

    static SecretKey resolve(String secret, DeploymentEnvironment environment) {
        if (secret == null || secret.isBlank()) {
            if (environment.isProductionLike()) {
                throw new IllegalStateException(
                        "ENVIRONMENT=" + environment.name().toLowerCase(java.util.Locale.ROOT)
                                + " needs JWT_SECRET, the base64 key that signs access tokens (at least " + MIN_BYTES
                                + " random bytes; generate one with `openssl rand -base64 48`). Every replica must use the"
                                + " same value.");
            }
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            log.warn(
                    "JWT_SECRET is not set: signing access tokens with an ephemeral random key. Tokens stop working"
                            + " when the service restarts and are not accepted by other replicas. Set JWT_SECRET (base64, at"
                            + " least {} bytes) outside development.",
                    MIN_BYTES);
            return new SecretKeySpec(random, ALGORITHM);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            try {
                key = Base64.getUrlDecoder().decode(secret.trim());
            } catch (IllegalArgumentException e2) {
                // The message must not echo the value.
                throw new IllegalStateException(
                        "JWT_SECRET is not valid base64. Generate one with `openssl rand -base64 48`.");
            }
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("JWT_SECRET is too short: " + key.length + " bytes after base64 decoding,"
                    + " HMAC-SHA256 needs at least " + MIN_BYTES + ". Generate one with `openssl rand -base64 48`.");
        }
        return new SecretKeySpec(key, ALGORITHM);
    }
}
