-- M-WLAN sites: one row per site (place + kind), not per access point.
CREATE TABLE hotspot_sites (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    city          TEXT NOT NULL,
    access_points BIGINT NOT NULL CHECK (access_points > 0),
    lon           DOUBLE PRECISION NOT NULL,
    lat           DOUBLE PRECISION NOT NULL,
    -- The published rows (one per access point) this site was built from.
    source_ids    TEXT NOT NULL
);
CREATE INDEX hotspot_sites_kind ON hotspot_sites (kind);
CREATE INDEX hotspot_sites_lon_lat ON hotspot_sites (lon, lat);
