package io.qnt9.srs.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signin_throttle} table: failed sign-ins per e-mail hash. */
@Repository
class SigninThrottleRepository {

    private static final String LOCKED_UNTIL = """
            SELECT locked_until FROM signin_throttle WHERE email_hash = :hash AND locked_until > :now""";
    // One statement, so that concurrent failures all count: failures older than the window, or from before a lock
    // that has ended, start the count again; the failure that reaches the maximum sets the lock.
    private static final String RECORD_FAILURE = """
            INSERT INTO signin_throttle AS t (email_hash, failures, last_failure_at, locked_until)
            VALUES (:hash, 1, :now, CASE WHEN 1 >= :max THEN CAST(:lockUntil AS timestamptz) END)
            ON CONFLICT (email_hash) DO UPDATE SET
                failures = CASE WHEN t.last_failure_at < :windowStart OR t.locked_until <= :now THEN 1
                                ELSE t.failures + 1 END,
                last_failure_at = :now,
                locked_until = CASE
                    WHEN (CASE WHEN t.last_failure_at < :windowStart OR t.locked_until <= :now THEN 1
                               ELSE t.failures + 1 END) >= :max THEN CAST(:lockUntil AS timestamptz)
                    WHEN t.locked_until > :now THEN t.locked_until
                    ELSE NULL END
            RETURNING failures, locked_until""";
    private static final String CLEAR = "DELETE FROM signin_throttle WHERE email_hash = :hash";
    private static final String DELETE_STALE = """
            DELETE FROM signin_throttle WHERE last_failure_at < :before AND (locked_until IS NULL OR locked_until < :now)""";

    private final JdbcClient jdbc;

    SigninThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param lockedUntil null while the address is not locked */
    record Failures(int count, Instant lockedUntil) {}

    Optional<Instant> lockedUntil(byte[] emailHash, Instant now) {
        return jdbc.sql(LOCKED_UNTIL)
                .param("hash", emailHash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    Failures recordFailure(byte[] emailHash, Instant now, Instant windowStart, int max, Instant lockUntil) {
        return jdbc.sql(RECORD_FAILURE)
                .param("hash", emailHash)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(windowStart))
                .param("max", max)
                .param("lockUntil", Timestamp.from(lockUntil))
                .query((rs, n) -> {
                    Timestamp locked = rs.getTimestamp(2);
                    return new Failures(rs.getInt(1), locked == null ? null : locked.toInstant());
                })
                .single();
    }

    void clear(byte[] emailHash) {
        jdbc.sql(CLEAR).param("hash", emailHash).update();
    }

    int deleteStale(Instant before, Instant now) {
        return jdbc.sql(DELETE_STALE)
                .param("before", Timestamp.from(before))
                .param("now", Timestamp.from(now))
                .update();
    }
}
