//! Small, exact-enough geodesy for a city: positions and great-circle distance.

use serde::{Deserialize, Serialize};

/// Mean Earth radius in metres (IUGG), as used by the haversine formula.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A WGS 84 position. Longitude first, as in GeoJSON.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// Valid WGS 84 coordinates (finite, lon in [-180, 180], lat in [-90, 90]).
    pub fn is_valid(&self) -> bool {
        self.lon.is_finite()
            && self.lat.is_finite()
            && (-180.0..=180.0).contains(&self.lon)
            && (-90.0..=90.0).contains(&self.lat)
    }

    /// Great-circle distance in metres (haversine).
    pub fn distance_m(&self, other: &LonLat) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().min(1.0).asin()
    }

    /// The point on the unit sphere. Euclidean (chord) distance between such
    /// points grows monotonically with great-circle distance, so a plain
    /// 3-D R-tree answers nearest-neighbour queries exactly.
    pub fn to_unit_sphere(&self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }

    /// Parses "lon,lat" (the order of GeoJSON and of `near=`).
    pub fn parse_lon_lat(s: &str) -> Option<LonLat> {
        let mut parts = s.split(',').map(|p| p.trim().parse::<f64>());
        let (Some(Ok(lon)), Some(Ok(lat)), None) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let p = LonLat::new(lon, lat);
        p.is_valid().then_some(p)
    }
}

/// Size of a map tile in CSS pixels (the slippy-map convention).
pub const TILE_PX: f64 = 256.0;

/// Web Mercator "world pixels" at `zoom`: where a position lies on the map
/// of tiles (x to the east, y to the south), as tile servers number them.
pub fn to_world_px(p: LonLat, zoom: u8) -> (f64, f64) {
    let size = TILE_PX * f64::from(1u32 << zoom);
    let lat = p.lat.clamp(-85.051_128_78, 85.051_128_78).to_radians();
    let x = (p.lon + 180.0) / 360.0 * size;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * size;
    (x, y)
}

/// The inverse of [`to_world_px`].
pub fn from_world_px(x: f64, y: f64, zoom: u8) -> LonLat {
    let size = TILE_PX * f64::from(1u32 << zoom);
    let lon = x / size * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y / size)).sinh().atan().to_degrees();
    LonLat::new(lon, lat)
}

/// Human distance: "350 m", "1,2 km" (German) or "1.2 km" (English).
pub fn format_distance(metres: f64, decimal_comma: bool) -> String {
    if metres < 1000.0 {
        // Round to 10 m: GPS and the data are not more precise than that.
        format!("{} m", ((metres / 10.0).round() * 10.0) as i64)
    } else {
        let km = format!("{:.1}", metres / 1000.0);
        let km = if decimal_comma { km.replace('.', ",") } else { km };
        format!("{km} km")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARIENPLATZ: LonLat = LonLat { lon: 11.575_49, lat: 48.137_31 };
    const ODEONSPLATZ: LonLat = LonLat { lon: 11.577_46, lat: 48.142_89 };

    #[test]
    fn distance_marienplatz_odeonsplatz_is_about_630_m() {
        let d = MARIENPLATZ.distance_m(&ODEONSPLATZ);
        assert!((600.0..660.0).contains(&d), "{d}");
        assert_eq!(d, ODEONSPLATZ.distance_m(&MARIENPLATZ));
        assert_eq!(MARIENPLATZ.distance_m(&MARIENPLATZ), 0.0);
    }

    #[test]
    fn distance_munich_berlin_is_about_504_km() {
        let berlin = LonLat::new(13.4050, 52.5200);
        let d = MARIENPLATZ.distance_m(&berlin) / 1000.0;
        assert!((500.0..510.0).contains(&d), "{d}");
    }

    #[test]
    fn chord_order_matches_great_circle_order() {
        let chord = |a: [f64; 3], b: [f64; 3]| (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>();
        let far = LonLat::new(11.40, 48.20);
        let m = MARIENPLATZ.to_unit_sphere();
        assert!(chord(m, ODEONSPLATZ.to_unit_sphere()) < chord(m, far.to_unit_sphere()));
        assert!(MARIENPLATZ.distance_m(&ODEONSPLATZ) < MARIENPLATZ.distance_m(&far));
    }

    #[test]
    fn parses_lon_lat_and_rejects_nonsense() {
        assert_eq!(LonLat::parse_lon_lat("11.5, 48.1"), Some(LonLat::new(11.5, 48.1)));
        for bad in ["", "11.5", "11.5,48.1,3", "a,b", "200,48", "11,95", "NaN,1", "inf,1"] {
            assert_eq!(LonLat::parse_lon_lat(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_distances_for_people() {
        assert_eq!(format_distance(0.0, true), "0 m");
        assert_eq!(format_distance(344.0, true), "340 m");
        assert_eq!(format_distance(1234.0, true), "1,2 km");
        assert_eq!(format_distance(1234.0, false), "1.2 km");
    }

    #[test]
    fn tiles_are_numbered_as_tile_servers_do() {
        let marienplatz = LonLat::new(11.5755, 48.1374);
        let (x, y) = to_world_px(marienplatz, 16);
        // The OpenStreetMap tile with Marienplatz at zoom 16 (OSM wiki formula, asinh form): 16/34875/22743.
        assert_eq!(((x / TILE_PX) as u32, (y / TILE_PX) as u32), (34875, 22743));
        let back = from_world_px(x, y, 16);
        assert!(back.distance_m(&marienplatz) < 0.01, "{back:?}");
    }
}
