-- "Meine Meldungen" of a signed-in citizen (requests.json?account=me) looks
-- reports up by account, newest first: without an index, a scan of every report.
CREATE INDEX IF NOT EXISTS requests_account ON requests (account_id, requested_at);
