-- The capacity-finder catalogue. Lists are JSON arrays in TEXT (portable).
CREATE TABLE finders (
    id               TEXT PRIMARY KEY,
    name_de          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    description_de   TEXT NOT NULL,
    description_en   TEXT NOT NULL,
    operator         TEXT NOT NULL,
    url              TEXT NOT NULL,
    phone            TEXT,
    category         TEXT NOT NULL,
    target_groups    TEXT NOT NULL,
    languages        TEXT NOT NULL,
    accessibility_de TEXT,
    login_required   BIGINT NOT NULL,
    keywords         TEXT NOT NULL,
    last_checked     TEXT,
    -- Unix seconds; NULL while the entry is active.
    retired_at       BIGINT,
    updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX finders_url ON finders (url);

-- Operator API tokens, stored as SHA-256 hashes only.
CREATE TABLE operator_tokens (
    token_hash TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
