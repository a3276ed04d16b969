-- account: personal API keys, for scripts and programs that call the API without signing in every 15 minutes.
--
-- Like refresh tokens, only the SHA-256 of a key is stored (a key is 256 random bits, so a plain hash is enough);
-- the prefix is its first characters, kept so the owner can tell keys apart. A key acts as its owner with the
-- owner's current role and tier (read from app_user at each use), and cannot manage keys or change the password.
CREATE TABLE api_key (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         varchar(60)  NOT NULL CHECK (length(btrim(name)) > 0),
    prefix       varchar(16)  NOT NULL,
    key_hash     bytea        NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    CHECK (expires_at IS NULL OR expires_at > created_at)
);

CREATE INDEX api_key_user_idx ON api_key (user_id);
