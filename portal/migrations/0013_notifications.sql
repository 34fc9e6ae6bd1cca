-- Notifications (portal/src/notify.rs). Ids are given by the portal in
-- commit order from one counter (its row is locked until the publishing
-- transaction commits): the stream's event ids, never used twice even when
-- the newest notification is deleted.
CREATE TABLE IF NOT EXISTS notification_counter (
    only_row BIGINT PRIMARY KEY,
    last_id BIGINT NOT NULL
);
INSERT INTO notification_counter (only_row, last_id) VALUES (1, 0) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS notifications (
    id BIGINT PRIMARY KEY,
    topic TEXT NOT NULL,
    district BIGINT,
    severity TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    -- NULL: for the topic's subscribers; else 'account:<sub>' or 'device:<id>'.
    recipient TEXT
);
CREATE INDEX IF NOT EXISTS notifications_recipient ON notifications (recipient, id);
CREATE INDEX IF NOT EXISTS notifications_expiry ON notifications (expires_at);

-- What a subscriber ('account:<sub>' or 'device:<id>') wants besides what is
-- addressed to them: topic codes and district numbers, comma-separated
-- (no districts: every district).
CREATE TABLE IF NOT EXISTS subscriptions (
    subscriber TEXT PRIMARY KEY,
    topics TEXT NOT NULL,
    districts TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The inbox on every device: read and deleted, per subscriber.
CREATE TABLE IF NOT EXISTS notification_marks (
    subscriber TEXT NOT NULL,
    notification_id BIGINT NOT NULL,
    read_at BIGINT,
    deleted_at BIGINT,
    PRIMARY KEY (subscriber, notification_id)
);
