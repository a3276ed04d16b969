-- account: users and their rotating refresh tokens.

CREATE TABLE app_user (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Normalised by the service (trimmed, lower-case) before it gets here; the check keeps it that way.
    email               varchar(254) NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND position('@' IN email) > 1),
    -- DelegatingPasswordEncoder format: {argon2}$argon2id$… (the id prefix lets the algorithm change later).
    password_hash       varchar(255) NOT NULL CHECK (password_hash LIKE '{%}%'),
    role                varchar(8)   NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'ADMIN')),
    tier                varchar(16)  NOT NULL DEFAULT 'FREE' CHECK (tier IN ('FREE', 'PAID')),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    password_changed_at timestamptz  NOT NULL,
    last_signin_at      timestamptz
);

-- Only the SHA-256 of a refresh token is stored: a copy of this table does not let anyone sign in.
-- A family is one sign-in session; every refresh rotates the token within its family. Presenting a token that was
-- already rotated (used_at set) is treated as theft and revokes the whole family.
CREATE TABLE refresh_token (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    CHECK (expires_at > issued_at)
);

CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_expiry_idx ON refresh_token (expires_at);
