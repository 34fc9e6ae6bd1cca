-- What several instances on one database share: photos, taken proofs of work, limits.

-- Report photos in the database (`--photo-store database`): every instance
-- on one PostgreSQL serves every photo. BYTEA is PostgreSQL's type; SQLite
-- keeps a blob as it is in a column of any declared type.
CREATE TABLE IF NOT EXISTS photos (
    name TEXT PRIMARY KEY,
    jpeg BYTEA NOT NULL,
    stored_at BIGINT NOT NULL
);

-- Proofs of work taken: single use across all instances on one database
-- (the primary key refuses a second taker). Forgotten after expiry.
CREATE TABLE IF NOT EXISTS pow_spent (
    challenge TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);

-- Per-source limits counted over all instances (`--shared-limits`): the
-- GCRA's theoretical arrival time in milliseconds per salted source hash
-- and kind. A row whose time has passed is a full allowance: tidied hourly.
CREATE TABLE IF NOT EXISTS write_limits (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
