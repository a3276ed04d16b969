package io.qnt9.srs.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table: hashes and prefixes only, never a key. */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS = "id, user_id, name, prefix, created_at, expires_at, last_used_at";
    private static final String INSERT = """
            INSERT INTO api_key (user_id, name, prefix, key_hash, created_at, expires_at)
            VALUES (:user, :name, :prefix, :hash, :created, :expires)
            RETURNING\s""" + COLUMNS;
    private static final String LIST = "SELECT " + COLUMNS + " FROM api_key WHERE user_id = :user ORDER BY id";
    private static final String COUNT = "SELECT count(*) FROM api_key WHERE user_id = :user";
    private static final String DELETE = "DELETE FROM api_key WHERE id = :id AND user_id = :user";
    private static final String DELETE_ALL_OF_USER = "DELETE FROM api_key WHERE user_id = :user";
    /** The key with its owner as the owner is now: role and tier changes apply to the next request. */
    private static final String FIND_BY_HASH = """
            SELECT k.id, k.user_id, k.expires_at, k.last_used_at, u.email, u.role, u.tier
            FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE k.key_hash = :hash""";

    private static final String DELETE_EXPIRED = "DELETE FROM api_key WHERE expires_at < :before";
    private static final String TOUCH = """
            UPDATE api_key SET last_used_at = :now
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :now)""";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as its owner sees it in a listing. */
    record KeyRow(
            long id,
            long userId,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt) {}

    /** A key found by its hash, with its owner's current e-mail address, role and tier. */
    record Holder(long keyId, long userId, Instant expiresAt, Instant lastUsedAt, String email, Role role, Tier tier) {

        @Override
        public String toString() {
            return "ApiKeyHolder[key=" + keyId + ", user=" + userId + ", role=" + role + ", tier=" + tier + "]";
        }
    }

    KeyRow insert(long userId, String name, String prefix, byte[] hash, Instant created, Instant expires) {
        return jdbc.sql(INSERT)
                .param("user", userId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("created", Timestamp.from(created))
                .param("expires", expires == null ? null : Timestamp.from(expires), java.sql.Types.TIMESTAMP)
                .query(ApiKeyRepository::row)
                .single();
    }

    List<KeyRow> list(long userId) {
        return jdbc.sql(LIST).param("user", userId).query(ApiKeyRepository::row).list();
    }

    /** The user's number of keys. */
    int count(long userId) {
        return jdbc.sql(COUNT).param("user", userId).query(Integer.class).single();
    }

    /** Deletes the key if it belongs to the user; false when there is no such key of theirs. */
    boolean delete(long userId, long keyId) {
        return jdbc.sql(DELETE).param("id", keyId).param("user", userId).update() == 1;
    }

    int deleteAllOf(long userId) {
        return jdbc.sql(DELETE_ALL_OF_USER).param("user", userId).update();
    }

    Optional<Holder> findByHash(byte[] hash) {
        return jdbc.sql(FIND_BY_HASH)
                .param("hash", hash)
                .query((rs, n) -> new Holder(
                        rs.getLong("id"),
                        rs.getLong("user_id"),
                        RefreshTokenRepository.instant(rs.getTimestamp("expires_at")),
                        RefreshTokenRepository.instant(rs.getTimestamp("last_used_at")),
                        rs.getString("email"),
                        Role.valueOf(rs.getString("role")),
                        Tier.valueOf(rs.getString("tier"))))
                .optional();
    }

    int deleteExpired(Instant before) {
        return jdbc.sql(DELETE_EXPIRED).param("before", Timestamp.from(before)).update();
    }

    void touch(long keyId, Instant now) {
        jdbc.sql(TOUCH).param("id", keyId).param("now", Timestamp.from(now)).update();
    }

    private static KeyRow row(ResultSet rs, int n) throws SQLException {
        return new KeyRow(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(),
                RefreshTokenRepository.instant(rs.getTimestamp("expires_at")),
                RefreshTokenRepository.instant(rs.getTimestamp("last_used_at")));
    }
}
