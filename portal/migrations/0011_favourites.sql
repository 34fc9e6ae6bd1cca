-- The personal area's favourites: one row per account and favourite.
-- `added_at` in milliseconds orders the list as the person built it.
CREATE TABLE IF NOT EXISTS favourites (
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    item TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, kind, item)
);
