//! M-WLAN hotspot sites: what the portal serves and the app shows.

use serde::{Deserialize, Serialize};

use crate::geo::LonLat;
use crate::ogc::{Feature, FeatureCollection};

pub const COLLECTION_ID: &str = "hotspots";
pub const ATTRIBUTION: &str = "Datenquelle: Landeshauptstadt München – opengov-muenchen.de (dl-de/by-2-0)";
pub const LICENSE_URL: &str = "https://www.govdata.de/dl-de/by-2-0";

/// One M-WLAN site as a citizen sees it: a place with one or more access points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HotspotProperties {
    /// Place or street, as published ("Marienplatz Ost").
    pub name: String,
    /// Kind of site, as published ("Öffentlicher Platz", "Tramlinie Linie 27", …).
    pub kind: String,
    pub city: String,
    /// Number of access points at the site.
    pub access_points: u32,
    /// Distance from the `near` point in metres, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
}

pub type HotspotFeature = Feature<HotspotProperties>;
pub type HotspotCollection = FeatureCollection<HotspotProperties>;

/// A flat site record, used by the app and its offline cache.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Site {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub city: String,
    pub access_points: u32,
    pub position: LonLat,
}

impl From<HotspotFeature> for Site {
    fn from(f: HotspotFeature) -> Self {
        Site {
            id: f.id,
            name: f.properties.name,
            kind: f.properties.kind,
            city: f.properties.city,
            access_points: f.properties.access_points,
            position: LonLat::new(f.geometry.coordinates[0], f.geometry.coordinates[1]),
        }
    }
}

impl Site {
    /// An OpenStreetMap link that shows the site, for the system's opener.
    pub fn osm_url(&self) -> String {
        osm_url(self.position)
    }
}

/// OpenStreetMap link with a marker at `p` (zoom 18: street level).
pub fn osm_url(p: LonLat) -> String {
    format!(
        "https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=18/{lat:.6}/{lon:.6}",
        lat = p.lat,
        lon = p.lon
    )
}

/// Sites sorted by distance from `from`, nearest first; ties by name so the
/// order is stable.
pub fn sort_by_distance<'a>(sites: impl IntoIterator<Item = &'a Site>, from: LonLat) -> Vec<(f64, &'a Site)> {
    let mut v: Vec<(f64, &Site)> = sites.into_iter().map(|s| (from.distance_m(&s.position), s)).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    v
}

/// The kinds of site present, sorted, each with its count.
pub fn kinds(sites: &[Site]) -> Vec<(String, usize)> {
    let mut m = std::collections::BTreeMap::<&str, usize>::new();
    for s in sites {
        *m.entry(s.kind.as_str()).or_default() += 1;
    }
    m.into_iter().map(|(k, n)| (k.to_string(), n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(name: &str, kind: &str, lon: f64, lat: f64) -> Site {
        Site {
            id: name.to_lowercase(),
            name: name.into(),
            kind: kind.into(),
            city: "München".into(),
            access_points: 1,
            position: LonLat::new(lon, lat),
        }
    }

    #[test]
    fn sorts_nearest_first_with_stable_ties() {
        let sites = vec![
            site("Far", "A", 11.40, 48.20),
            site("B-near", "A", 11.5755, 48.1374),
            site("A-near", "B", 11.5755, 48.1374),
        ];
        let sorted = sort_by_distance(&sites, LonLat::new(11.5755, 48.1373));
        let names: Vec<_> = sorted.iter().map(|(_, s)| s.name.as_str()).collect();
        assert_eq!(names, ["A-near", "B-near", "Far"]);
        assert!(sorted[0].0 < 20.0);
    }

    #[test]
    fn counts_kinds() {
        let sites = vec![site("x", "TOS", 0.0, 0.0), site("y", "TOS", 0.0, 0.0), site("z", "Platz", 0.0, 0.0)];
        assert_eq!(kinds(&sites), vec![("Platz".into(), 1), ("TOS".into(), 2)]);
    }

    #[test]
    fn osm_url_points_at_the_site() {
        let url = osm_url(LonLat::new(11.5755, 48.1374));
        assert_eq!(url, "https://www.openstreetmap.org/?mlat=48.137400&mlon=11.575500#map=18/48.137400/11.575500");
    }
}
