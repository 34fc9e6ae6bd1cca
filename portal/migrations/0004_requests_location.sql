-- The radius filter of GET requests narrows to a box on these first.
CREATE INDEX requests_lat_lon ON requests (lat, lon);
