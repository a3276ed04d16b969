-- watchlist: per-user lists of instruments.

CREATE TABLE watchlist (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id   bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name       varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);

-- Names are unique per owner regardless of case: "Tech" and "tech" side by side would only confuse.
CREATE UNIQUE INDEX watchlist_owner_name_idx ON watchlist (owner_id, lower(name));

CREATE TABLE watchlist_item (
    watchlist_id bigint         NOT NULL REFERENCES watchlist (id) ON DELETE CASCADE,
    -- The instrument's symbol (marketdata's key for it; instruments are never deleted).
    symbol       varchar(16)    NOT NULL,
    note         varchar(500),
    target_price numeric(18, 6) CHECK (target_price > 0),
    added_at     timestamptz    NOT NULL,
    PRIMARY KEY (watchlist_id, symbol)
);
