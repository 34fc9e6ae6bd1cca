-- "Me too": people who support an open report instead of sending it again.
-- One row per report and supporter (a random id per device), so a retry or a
-- second tap counts once; the count on the report is kept in step with it.
ALTER TABLE requests ADD COLUMN supporters BIGINT NOT NULL DEFAULT 0;

CREATE TABLE request_support (
    request_id TEXT NOT NULL REFERENCES requests (id),
    supporter TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (request_id, supporter)
);
