-- Who supported a report, as a salted hash of the source (never the address):
-- one source may add only a few supports to one report.
ALTER TABLE request_support ADD COLUMN source TEXT;
