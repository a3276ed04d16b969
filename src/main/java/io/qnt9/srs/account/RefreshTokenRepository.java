package io.qnt9.srs.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_token} table: hashes only, never a token. */
@Repository
class RefreshTokenRepository {

    private static final String INSERT = """
            INSERT INTO refresh_token (user_id, family_id, token_hash, issued_at, expires_at)
            VALUES (:user, :family, :hash, :issued, :expires)""";
    private static final String LOCK_BY_HASH = """
            SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_token
            WHERE token_hash = :hash FOR UPDATE""";
    private static final String MARK_USED = "UPDATE refresh_token SET used_at = :now WHERE id = :id";
    private static final String REVOKE_FAMILY = """
            UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL""";
    private static final String REVOKE_USER = """
            UPDATE refresh_token SET revoked_at = :now
            WHERE user_id = :user AND revoked_at IS NULL AND family_id IS DISTINCT FROM :keep""";
    private static final String DELETE_EXPIRED = "DELETE FROM refresh_token WHERE expires_at < :before";

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TokenRow(long id, long userId, UUID familyId, Instant expiresAt, Instant usedAt, Instant revokedAt) {}

    void insert(long userId, UUID family, byte[] hash, Instant issued, Instant expires) {
        jdbc.sql(INSERT)
                .param("user", userId)
                .param("family", family)
                .param("hash", hash)
                .param("issued", Timestamp.from(issued))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    /** The token's row, locked until the surrounding transaction ends (two refreshes of one token serialise). */
    Optional<TokenRow> lockByHash(byte[] hash) {
        return jdbc.sql(LOCK_BY_HASH)
                .param("hash", hash)
                .query((rs, n) -> new TokenRow(
                        rs.getLong("id"),
                        rs.getLong("user_id"),
                        rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    void markUsed(long id, Instant now) {
        jdbc.sql(MARK_USED).param("id", id).param("now", Timestamp.from(now)).update();
    }

    int revokeFamily(UUID family, Instant now) {
        return jdbc.sql(REVOKE_FAMILY)
                .param("family", family)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Revokes every live token of the user except those of family {@code keep} (null: all). */
    int revokeAllOfUser(long userId, UUID keep, Instant now) {
        return jdbc.sql(REVOKE_USER)
                .param("user", userId)
                .param("keep", keep, java.sql.Types.OTHER)
                .param("now", Timestamp.from(now))
                .update();
    }

    int deleteExpired(Instant before) {
        return jdbc.sql(DELETE_EXPIRED).param("before", Timestamp.from(before)).update();
    }

    /** A nullable timestamp column as an instant (also for the other account tables). */
    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
