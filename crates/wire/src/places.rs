//! Places a person can pick instead of device location: Munich's 25 city
//! districts, well-known landmarks, the hotspot sites themselves, or typed
//! coordinates. Pure logic, shared by the frontend; kept here so its parser
//! of what people type is property-tested on the host.

use crate::geo::LonLat;
use crate::hotspots::Site;

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub label: String,
    pub position: LonLat,
}

impl Place {
    pub fn new(label: impl Into<String>, lon: f64, lat: f64) -> Self {
        Self { label: label.into(), position: LonLat::new(lon, lat) }
    }
}

/// The 25 Stadtbezirke with a central point of each (rounded; good enough to
/// sort hotspots by distance, not for navigation).
pub const DISTRICTS: &[(&str, f64, f64)] = &[
    ("Altstadt-Lehel", 11.5810, 48.1385),
    ("Ludwigsvorstadt-Isarvorstadt", 11.5590, 48.1310),
    ("Maxvorstadt", 11.5680, 48.1500),
    ("Schwabing-West", 11.5700, 48.1640),
    ("Au-Haidhausen", 11.5950, 48.1280),
    ("Sendling", 11.5440, 48.1190),
    ("Sendling-Westpark", 11.5200, 48.1190),
    ("Schwanthalerhöhe", 11.5380, 48.1350),
    ("Neuhausen-Nymphenburg", 11.5250, 48.1560),
    ("Moosach", 11.5100, 48.1800),
    ("Milbertshofen-Am Hart", 11.5700, 48.1880),
    ("Schwabing-Freimann", 11.6050, 48.1800),
    ("Bogenhausen", 11.6200, 48.1530),
    ("Berg am Laim", 11.6330, 48.1240),
    ("Trudering-Riem", 11.6800, 48.1250),
    ("Ramersdorf-Perlach", 11.6400, 48.0980),
    ("Obergiesing-Fasangarten", 11.5950, 48.1050),
    ("Untergiesing-Harlaching", 11.5750, 48.0950),
    ("Thalkirchen-Obersendling-Forstenried-Fürstenried-Solln", 11.5100, 48.0850),
    ("Hadern", 11.4800, 48.1150),
    ("Pasing-Obermenzing", 11.4600, 48.1500),
    ("Aubing-Lochhausen-Langwied", 11.4100, 48.1550),
    ("Allach-Untermenzing", 11.4600, 48.1950),
    ("Feldmoching-Hasenbergl", 11.5400, 48.2150),
    ("Laim", 11.5030, 48.1400),
];

/// Landmarks people name when asked where they are.
pub const LANDMARKS: &[(&str, f64, f64)] = &[
    ("Marienplatz", 11.5755, 48.1374),
    ("Hauptbahnhof", 11.5583, 48.1402),
    ("Stachus (Karlsplatz)", 11.5656, 48.1390),
    ("Odeonsplatz", 11.5775, 48.1427),
    ("Sendlinger Tor", 11.5671, 48.1340),
    ("Ostbahnhof", 11.6050, 48.1273),
    ("Olympiapark", 11.5519, 48.1731),
    ("Theresienwiese", 11.5498, 48.1315),
    ("Münchner Freiheit", 11.5866, 48.1616),
    ("Rathaus (Neues Rathaus)", 11.5758, 48.1376),
];

/// Folds case, umlauts and ß so "muenchner freiheit" finds "Münchner Freiheit".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            '-' | '.' | '(' | ')' | ',' | '/' => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "48.137, 11.575" (latitude first, as maps show it) or "11.575,48.137"
/// (GeoJSON order): Munich's latitude (~48) and longitude (~11) tell them apart.
pub fn parse_coordinates(q: &str) -> Option<LonLat> {
    let nums: Vec<f64> = q
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    let [a, b]: [f64; 2] = nums.try_into().ok()?;
    let p = if a.abs() > b.abs() { LonLat::new(b, a) } else { LonLat::new(a, b) };
    p.is_valid().then_some(p)
}

/// Resolves what a person typed: coordinates, a landmark, a district or a
/// hotspot site's address. Exact names win over prefixes over substrings.
pub fn resolve(query: &str, sites: &[Site]) -> Option<Place> {
    if let Some(p) = parse_coordinates(query) {
        return Some(Place { label: format!("{:.5}, {:.5}", p.lat, p.lon), position: p });
    }
    let q = fold(query);
    if q.is_empty() {
        return None;
    }
    let named = LANDMARKS
        .iter()
        .chain(DISTRICTS)
        .map(|&(n, lon, lat)| (n.to_string(), LonLat::new(lon, lat)))
        .chain(sites.iter().map(|s| (s.name.clone(), s.position)));
    let mut best: Option<(u8, Place)> = None;
    for (name, pos) in named {
        let f = fold(&name);
        let rank = if f == q {
            3
        } else if f.starts_with(&q) {
            2
        } else if f.contains(&q) {
            1
        } else {
            continue;
        };
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            best = Some((rank, Place { label: name, position: pos }));
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_umlauts_and_punctuation() {
        assert_eq!(fold("  Münchner   Freiheit "), "muenchner freiheit");
        assert_eq!(fold("Schwanthalerhöhe"), "schwanthalerhoehe");
        assert_eq!(fold("Stachus (Karlsplatz)"), "stachus karlsplatz");
    }

    #[test]
    fn reads_coordinates_in_either_order() {
        assert_eq!(parse_coordinates("48.137, 11.575"), Some(LonLat::new(11.575, 48.137)));
        assert_eq!(parse_coordinates("11.575,48.137"), Some(LonLat::new(11.575, 48.137)));
        assert_eq!(parse_coordinates("48.137"), None);
        assert_eq!(parse_coordinates("Marienplatz"), None);
    }

    #[test]
    fn resolves_landmarks_districts_and_sites() {
        assert_eq!(resolve("marienplatz", &[]).map(|p| p.label), Some("Marienplatz".into()));
        assert_eq!(resolve("muenchner freiheit", &[]).map(|p| p.label), Some("Münchner Freiheit".into()));
        assert_eq!(resolve("Pasing", &[]).map(|p| p.label), Some("Pasing-Obermenzing".into()));
        let site = Site {
            id: "x".into(),
            name: "Limesstr. M002-M016".into(),
            kind: "Smarter City".into(),
            city: "München".into(),
            access_points: 11,
            position: LonLat::new(11.4235, 48.1432),
        };
        assert_eq!(resolve("limesstr", &[site]).map(|p| p.label), Some("Limesstr. M002-M016".into()));
        assert_eq!(resolve("Atlantis", &[]), None);
        assert_eq!(resolve("   ", &[]), None);
    }

    #[test]
    fn every_district_is_in_munich() {
        assert_eq!(DISTRICTS.len(), 25);
        for (n, lon, lat) in DISTRICTS.iter().chain(LANDMARKS) {
            assert!((11.35..11.75).contains(lon) && (48.05..48.25).contains(lat), "{n}");
        }
    }

    proptest::proptest! {
        /// Whatever a person types: no panic, and a place found is valid.
        #[test]
        fn any_input_resolves_without_panic(q in "\\PC{0,40}") {
            if let Some(p) = resolve(&q, &[]) {
                proptest::prop_assert!(p.position.is_valid());
            }
            let _ = fold(&q);
        }

        /// Coordinates written as a map shows them come back as typed.
        #[test]
        fn coordinates_round_trip(lat in 48.0f64..48.3, lon in 11.3f64..11.8) {
            let typed = format!("{lat:.5}, {lon:.5}");
            let p = parse_coordinates(&typed).expect("parsed");
            proptest::prop_assert!((p.lat - lat).abs() < 1e-5 && (p.lon - lon).abs() < 1e-5);
            let geojson_order = format!("{lon},{lat}");
            proptest::prop_assert_eq!(parse_coordinates(&geojson_order), Some(LonLat::new(lon, lat)));
        }

        /// Numbers that are no place on Earth are refused.
        #[test]
        fn impossible_coordinates_are_refused(a in proptest::num::f64::ANY, b in proptest::num::f64::ANY) {
            if let Some(p) = parse_coordinates(&format!("{a}, {b}")) {
                proptest::prop_assert!(p.is_valid());
            }
        }
    }
}
