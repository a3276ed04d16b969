-- marketdata: instruments, their daily bars, and the audit trail of every import.

CREATE TABLE instrument (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol      varchar(16)  NOT NULL UNIQUE CHECK (symbol ~ '^[A-Z0-9^][A-Z0-9.^=-]{0,15}$'),
    name        varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    exchange    varchar(32),
    currency    char(3)      NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    isin        char(12) UNIQUE CHECK (isin ~ '^[A-Z]{2}[A-Z0-9]{9}[0-9]$'),
    wkn         char(6)  UNIQUE CHECK (wkn ~ '^[A-Z0-9]{6}$'),
    sector      varchar(64),
    kind        varchar(8)   NOT NULL CHECK (kind IN ('STOCK', 'INDEX', 'ETF')),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

-- Prices are IEEE doubles, the type every analytic runs on; volume is a whole number of shares.
CREATE TABLE daily_bar (
    instrument_id bigint           NOT NULL REFERENCES instrument (id) ON DELETE CASCADE,
    trade_date    date             NOT NULL,
    open          double precision NOT NULL,
    high          double precision NOT NULL,
    low           double precision NOT NULL,
    close         double precision NOT NULL,
    adj_close     double precision NOT NULL,
    volume        bigint           NOT NULL DEFAULT 0,
    PRIMARY KEY (instrument_id, trade_date),
    CONSTRAINT daily_bar_prices_positive CHECK (low > 0 AND adj_close > 0),
    CONSTRAINT daily_bar_range CHECK (low <= LEAST(open, close) AND GREATEST(open, close) <= high),
    CONSTRAINT daily_bar_volume CHECK (volume >= 0)
);

CREATE TABLE import_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('BARS', 'INSTRUMENTS')),
    source        varchar(200) NOT NULL,
    requested_by  varchar(200) NOT NULL,
    symbols       varchar(400),
    mode          varchar(16),
    started_at    timestamptz  NOT NULL,
    finished_at   timestamptz  NOT NULL,
    rows_received integer      NOT NULL DEFAULT 0,
    rows_written  integer      NOT NULL DEFAULT 0,
    rows_skipped  integer      NOT NULL DEFAULT 0,
    outcome       varchar(16)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'REJECTED', 'FAILED')),
    message       varchar(2000),
    checksum      varchar(64)
);

CREATE INDEX import_run_source_idx ON import_run (source, outcome);
