package io.qnt9.srs.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code app_user} table. */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, password_hash, role, tier, created_at, last_signin_at";
    private static final String FIND_BY_EMAIL = "SELECT " + COLUMNS + " FROM app_user WHERE email = :email";
    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM app_user WHERE id = :id";
    private static final String LOCK_BY_ID = FIND_BY_ID + " FOR UPDATE";
    private static final String INSERT = """
            INSERT INTO app_user (email, password_hash, role, tier, created_at, updated_at, password_changed_at)
            VALUES (:email, :hash, :role, :tier, :now, :now, :now)
            RETURNING\s""" + COLUMNS;
    private static final String RECORD_SIGNIN = "UPDATE app_user SET last_signin_at = :now WHERE id = :id";
    private static final String UPDATE_PASSWORD = """
            UPDATE app_user SET password_hash = :hash, password_changed_at = :now, updated_at = :now WHERE id = :id""";
    private static final String REHASH = "UPDATE app_user SET password_hash = :hash WHERE id = :id";
    private static final String UPDATE_ROLE_AND_TIER = """
            UPDATE app_user SET role = :role, tier = :tier, updated_at = :now WHERE id = :id""";
    private static final String PAGE = "SELECT " + COLUMNS + """
             FROM app_user WHERE (CAST(:filter AS text) IS NULL OR strpos(email, CAST(:filter AS text)) > 0)
            ORDER BY id LIMIT :limit OFFSET :offset""";
    private static final String COUNT = """
            SELECT count(*) FROM app_user WHERE (CAST(:filter AS text) IS NULL OR strpos(email, CAST(:filter AS text)) > 0)""";
    /** The user and, by ON DELETE CASCADE, their refresh tokens, API keys, watchlists and watchlist items. */
    private static final String DELETE = "DELETE FROM app_user WHERE id = :id";

    private static final String COUNT_ADMINS_LOCKED =
            "SELECT count(*) FROM (SELECT id FROM app_user WHERE role = 'ADMIN' FOR UPDATE) a";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserRow(
            long id, String email, String passwordHash, Role role, Tier tier, Instant createdAt, Instant lastSigninAt) {

        @Override
        public String toString() {
            return "UserRow[id=" + id + ", role=" + role + ", tier=" + tier + "]";
        }
    }

    @Transactional(readOnly = true)
    Optional<UserRow> findByEmail(String normalisedEmail) {
        return jdbc.sql(FIND_BY_EMAIL)
                .param("email", normalisedEmail)
                .query(UserRepository::row)
                .optional();
    }

    @Transactional(readOnly = true)
    Optional<UserRow> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(UserRepository::row).optional();
    }

    /** The row, locked until the surrounding transaction ends. */
    Optional<UserRow> lockById(long id) {
        return jdbc.sql(LOCK_BY_ID).param("id", id).query(UserRepository::row).optional();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the address is taken. */
    UserRow insert(String normalisedEmail, String passwordHash, Role role, Tier tier, Instant now) {
        return jdbc.sql(INSERT)
                .param("email", normalisedEmail)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("tier", tier.name())
                .param("now", Timestamp.from(now))
                .query(UserRepository::row)
                .single();
    }

    void recordSignin(long id, Instant now) {
        jdbc.sql(RECORD_SIGNIN)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql(UPDATE_PASSWORD)
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Same password, stronger hash: not a password change. */
    void rehash(long id, String passwordHash) {
        jdbc.sql(REHASH).param("id", id).param("hash", passwordHash).update();
    }

    void updateRoleAndTier(long id, Role role, Tier tier, Instant now) {
        jdbc.sql(UPDATE_ROLE_AND_TIER)
                .param("id", id)
                .param("role", role.name())
                .param("tier", tier.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Deletes the user with everything that is theirs; false when there was no such user. */
    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    /** Admins, with their rows locked so that two demotions cannot both see "another admin is left". */
    int countAdminsLocked() {
        return jdbc.sql(COUNT_ADMINS_LOCKED).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    List<UserRow> page(String emailContains, int offset, int limit) {
        return jdbc.sql(PAGE)
                .param("filter", emailContains)
                .param("limit", limit)
                .param("offset", offset)
                .query(UserRepository::row)
                .list();
    }

    @Transactional(readOnly = true)
    long count(String emailContains) {
        return jdbc.sql(COUNT).param("filter", emailContains).query(Long.class).single();
    }

    private static UserRow row(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_signin_at");
        return new UserRow(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                Tier.valueOf(rs.getString("tier")),
                rs.getTimestamp("created_at").toInstant(),
                last == null ? null : last.toInstant());
    }
}
