-- Lists of reports are newest first with the id as tie-break
-- (ORDER BY requested_at DESC, id). With an index on requested_at alone,
-- every report of the same second went through a temporary sort before the
-- first page could be cut: 2 ms for a page at 1,000 reports a second
-- (measured with SQLite's timer); with this index the page is read in order
-- and the query stops after it (0.06 ms).
CREATE INDEX IF NOT EXISTS requests_newest ON requests (requested_at DESC, id);
