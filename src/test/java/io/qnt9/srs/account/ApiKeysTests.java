package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The key format and the rules of {@link ApiKeys#authenticate} that need no database. */
class ApiKeysTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String KEY = "qnt9_" + "a".repeat(43);

    /** A repository that finds one key and fails to record its use, as a database turned read-only would. */
    static final class OneKey extends ApiKeyRepository {
        private final ApiKeyRepository.Holder holder;
        int touches;

        OneKey(Instant expiresAt, Instant lastUsedAt) {
            super(null);
            holder = new ApiKeyRepository.Holder(7, 3, expiresAt, lastUsedAt, "a@b.io", Role.USER, Tier.PAID);
        }

        @Override
        Optional<Holder> findByHash(byte[] hash) {
            return java.util.Arrays.equals(hash, RefreshTokens.hash(KEY)) ? Optional.of(holder) : Optional.empty();
        }

        @Override
        void touch(long keyId, Instant now) {
            touches++;
            throw new DataAccessResourceFailureException("cannot execute UPDATE in a read-only transaction");
        }
    }

    private static ApiKeys keys(ApiKeyRepository repository) {
        return new ApiKeys(repository, null, null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aFailedUseRecordDoesNotFailTheRequest() {
        OneKey repository = new OneKey(null, null);
        assertThat(keys(repository).authenticate(KEY))
                .map(ApiKeyRepository.Holder::userId)
                .contains(3L);
        assertThat(repository.touches).isEqualTo(1);
    }

    @Test
    void aUseWithinAMinuteOfTheLastIsNotRecordedAgain() {
        OneKey recent = new OneKey(null, NOW.minusSeconds(59));
        assertThat(keys(recent).authenticate(KEY)).isPresent();
        assertThat(recent.touches).isZero();
        OneKey older = new OneKey(null, NOW.minusSeconds(61));
        assertThat(keys(older).authenticate(KEY)).isPresent();
        assertThat(older.touches).isEqualTo(1);
    }

    @Test
    void expiryIsExclusiveAndMalformedOrUnknownKeysAreRefusedWithoutALookup() {
        assertThat(keys(new OneKey(NOW, null)).authenticate(KEY)).isEmpty();
        assertThat(keys(new OneKey(NOW.plusSeconds(1), null)).authenticate(KEY)).isPresent();
        ApiKeys any = keys(new OneKey(null, null));
        assertThat(any.authenticate("qnt9_" + "b".repeat(43))).isEmpty();
        assertThat(any.authenticate("qnt9_short")).isEmpty();
        assertThat(any.authenticate("qnt9_" + "a".repeat(42) + "!")).isEmpty();
        assertThat(any.authenticate(null)).isEmpty();
        assertThat(ApiKeys.wellFormed(KEY)).isTrue();
        assertThat(ApiKeys.looksLikeKey("eyJhbGciOi.x.y")).isFalse();
    }
}
