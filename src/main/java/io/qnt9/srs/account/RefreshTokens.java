package io.qnt9.srs.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating refresh tokens: 256 random bits, base64url, shown to the client once and stored only as their SHA-256.
 * Each refresh marks the presented token used and issues its successor in the same family (sign-in session).
 * Presenting a used token again means two parties hold it — the client and a thief — so the whole family is revoked
 * and both must sign in again.
 */
@Component
class RefreshTokens {

    /** 32 bytes in base64url without padding. */
    static final int LENGTH = 43;

    private final RefreshTokenRepository repository;
    private final TransactionTemplate tx;
    private final AccountProperties.Jwt settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(
            RefreshTokenRepository repository, TransactionTemplate tx, AccountProperties properties, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.settings = properties.jwt();
        this.clock = clock;
    }

    record Issued(String value, UUID family, Instant expiresAt) {

        @Override
        public String toString() {
            return "RefreshToken[family=" + family + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The outcome of a refresh: the new token, or why there is none. */
    sealed interface Rotation {
        record Rotated(long userId, Issued next) implements Rotation {}

        /** Unknown, malformed, expired or revoked. */
        record Rejected() implements Rotation {}

        /** Already used once: the family has just been revoked. */
        record Reused(long userId, UUID family, int revoked) implements Rotation {}
    }

    /** A new sign-in session for the user. */
    Issued start(long userId) {
        return issue(userId, UUID.randomUUID());
    }

    Rotation rotate(String presented) {
        if (!wellFormed(presented)) {
            return new Rotation.Rejected();
        }
        byte[] hash = hash(presented);
        return tx.execute(status -> {
            Instant now = clock.instant();
            var found = repository.lockByHash(hash);
            if (found.isEmpty()) {
                return new Rotation.Rejected();
            }
            var row = found.get();
            if (row.revokedAt() != null) {
                return new Rotation.Rejected();
            }
            if (row.usedAt() != null) {
                // Committed even though the caller is refused: the revocation is the point.
                int revoked = repository.revokeFamily(row.familyId(), now);
                return new Rotation.Reused(row.userId(), row.familyId(), revoked);
            }
            if (!row.expiresAt().isAfter(now)) {
                return new Rotation.Rejected();
            }
            repository.markUsed(row.id(), now);
            return new Rotation.Rotated(row.userId(), issue(row.userId(), row.familyId()));
        });
    }

    /** Ends the token's sign-in session; returns the user, or -1 when the token is unknown. */
    long revokeSession(String presented) {
        if (!wellFormed(presented)) {
            return -1;
        }
        byte[] hash = hash(presented);
        Long user = tx.execute(status -> repository
                .lockByHash(hash)
                .map(row -> {
                    repository.revokeFamily(row.familyId(), clock.instant());
                    return row.userId();
                })
                .orElse(-1L));
        return user == null ? -1 : user;
    }

    /** Ends every session of the user but {@code keep} (null: all of them). */
    int revokeAll(long userId, UUID keep) {
        return repository.revokeAllOfUser(userId, keep, clock.instant());
    }

    private Issued issue(long userId, UUID family) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.refreshTtl()).truncatedTo(ChronoUnit.SECONDS);
        repository.insert(userId, family, hash(value), now, expires);
        return new Issued(value, family, expires);
    }

    static boolean wellFormed(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = token.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
