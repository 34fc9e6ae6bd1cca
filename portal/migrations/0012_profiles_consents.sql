-- The personal area's profile: kept only while the person's consent to the
-- current text is in force (portal/src/profile.rs), deleted when revoked.
CREATE TABLE IF NOT EXISTS profiles (
    account_id TEXT PRIMARY KEY,
    first_name TEXT,
    last_name TEXT,
    email TEXT,
    postal_address TEXT,
    language TEXT,
    updated_at BIGINT NOT NULL
);

-- Every consent given: what for, to which version of the text, when; and
-- when it was revoked. Rows are never changed but to set `revoked_at`.
-- Times in milliseconds (two consents a second apart stay two rows).
CREATE TABLE IF NOT EXISTS consents (
    account_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    version BIGINT NOT NULL,
    given_at BIGINT NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (account_id, purpose, given_at)
);
