-- Operator tokens get a public id (to list and revoke them by), a scope, an
-- expiry and a revocation time. Tokens made before this get every scope and
-- 90 days from their creation, as new ones do.
ALTER TABLE operator_tokens ADD COLUMN id TEXT;
ALTER TABLE operator_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'finders,requests,audit';
ALTER TABLE operator_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE operator_tokens ADD COLUMN revoked_at BIGINT;
ALTER TABLE operator_tokens ADD COLUMN last_used_at BIGINT;
UPDATE operator_tokens SET id = substr(token_hash, 1, 12), expires_at = created_at + 7776000;
CREATE UNIQUE INDEX IF NOT EXISTS operator_tokens_id ON operator_tokens (id);

-- Who changed what, and when: one row per change an operator made (by token
-- or on the command line), written in the same transaction as the change.
-- Ids are UUIDv7, so they sort by time on every backend.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
