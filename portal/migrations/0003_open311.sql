-- Open311 GeoReport v2: services (report categories) and service requests (reports).
CREATE TABLE services (
    code           TEXT PRIMARY KEY,
    name_de        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_de TEXT NOT NULL,
    description_en TEXT NOT NULL,
    keywords       TEXT NOT NULL,
    grp            TEXT NOT NULL,
    agency         TEXT NOT NULL,
    -- The service definition's attributes, as GeoReport JSON.
    attributes     TEXT NOT NULL,
    sort           BIGINT NOT NULL
);

CREATE TABLE requests (
    id               TEXT PRIMARY KEY,
    token            TEXT NOT NULL UNIQUE,
    -- The client's Idempotency-Key: a retried POST returns the first answer.
    idempotency_key  TEXT UNIQUE,
    service_code     TEXT NOT NULL,
    description      TEXT,
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    address          TEXT,
    address_id       TEXT,
    zipcode          TEXT,
    email            TEXT,
    first_name       TEXT,
    last_name        TEXT,
    phone            TEXT,
    device_id        TEXT,
    account_id       TEXT,
    attributes       TEXT NOT NULL,
    media            TEXT,
    detailed_status  TEXT NOT NULL,
    status_notes     TEXT,
    requested_at     BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    expected_at      BIGINT
);
CREATE INDEX requests_requested_at ON requests (requested_at);
CREATE INDEX requests_updated_at ON requests (updated_at);
CREATE INDEX requests_service_code ON requests (service_code);

CREATE TABLE request_history (
    request_id TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    status     TEXT NOT NULL,
    note       TEXT,
    at         BIGINT NOT NULL,
    PRIMARY KEY (request_id, seq)
);
