-- account: failed sign-ins per e-mail address, for the temporary lockout.
--
-- Keyed by the SHA-256 of the normalised e-mail, whether or not an account exists for it: unknown addresses are
-- counted and locked exactly like known ones, so the lockout says nothing about which accounts exist, and the table
-- holds no address in clear text.
CREATE TABLE signin_throttle (
    email_hash      bytea       PRIMARY KEY CHECK (length(email_hash) = 32),
    failures        integer     NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

CREATE INDEX signin_throttle_last_failure_idx ON signin_throttle (last_failure_at);
