//! Turns the published M-WLAN rows (one per access point) into sites (one per
//! place and kind) and seeds the database with them on first start.

use std::collections::BTreeMap;

use serde::Deserialize;
use sqlx::AnyPool;

use crate::db::SiteRow;
use crate::BoxError;

/// The dataset as published, embedded so a fresh install needs no download.
pub const MWLAN_GEOJSON: &str = include_str!("../data/m-wlan-standorte.geojson");

#[derive(Deserialize)]
struct RawCollection {
    features: Vec<RawFeature>,
}

#[derive(Deserialize)]
struct RawFeature {
    id: String,
    geometry: RawPoint,
    properties: RawProps,
}

#[derive(Deserialize)]
struct RawPoint {
    coordinates: [f64; 2],
}

#[derive(Deserialize)]
struct RawProps {
    typ: String,
    ort: String,
    adresse: String,
}

/// Groups access-point rows into sites.
///
/// Rows are one site when they share address and kind: "Hohenzollernplatz"
/// is both a public square and a tram stop, which a citizen sees as two
/// places. The published `anzahl` is not used: it disagrees with the rows
/// (e.g. 0 for a site with two rows), so a site's access points are its rows.
/// The position is the mean of its rows, which lie metres apart.
pub fn sites_from_geojson(geojson: &str) -> Result<Vec<SiteRow>, serde_json::Error> {
    let raw: RawCollection = serde_json::from_str(geojson)?;
    let mut groups: BTreeMap<(String, String), Vec<RawFeature>> = BTreeMap::new();
    for f in raw.features {
        let key = (f.properties.adresse.trim().to_string(), f.properties.typ.trim().to_string());
        groups.entry(key).or_default().push(f);
    }
    let mut sites: Vec<SiteRow> = groups
        .into_iter()
        .map(|((name, kind), rows)| {
            let n = rows.len() as f64;
            let lon = rows.iter().map(|r| r.geometry.coordinates[0]).sum::<f64>() / n;
            let lat = rows.iter().map(|r| r.geometry.coordinates[1]).sum::<f64>() / n;
            SiteRow {
                id: slug(&format!("{name} {kind}")),
                city: rows[0].properties.ort.trim().to_string(),
                access_points: rows.len() as i64,
                lon: round6(lon),
                lat: round6(lat),
                source_ids: rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(","),
                name,
                kind,
            }
        })
        .collect();
    sites.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(sites)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A readable, URL-safe, stable id: "Marienplatz Ost" + "TOS" → "marienplatz-ost-tos".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let rep = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(rep);
    }
    let mut collapsed = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !collapsed.is_empty() {
            collapsed.push('-');
        }
        collapsed.push_str(part);
    }
    collapsed
}

/// Seeds the hotspot table from the embedded data if it is empty. Runs in one
/// transaction, so a crash mid-seed leaves an empty table that the next start
/// seeds again, never half a dataset.
pub async fn seed_if_empty(pool: &AnyPool) -> Result<usize, BoxError> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM hotspot_sites").fetch_one(pool).await?;
    if count > 0 {
        return Ok(0);
    }
    let sites = sites_from_geojson(MWLAN_GEOJSON)?;
    let mut tx = pool.begin().await?;
    for s in &sites {
        sqlx::query(
            "INSERT INTO hotspot_sites (id, name, kind, city, access_points, lon, lat, source_ids) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&s.id)
        .bind(&s.name)
        .bind(&s.kind)
        .bind(&s.city)
        .bind(s.access_points)
        .bind(s.lon)
        .bind(s.lat)
        .bind(&s.source_ids)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(sites.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_url_safe() {
        assert_eq!(slug("Marienplatz Ost TOS"), "marienplatz-ost-tos");
        assert_eq!(slug("Öffentlicher Platz / TOS"), "oeffentlicher-platz-tos");
        assert_eq!(slug("Bodenseestr. M173-192 Smarter City"), "bodenseestr-m173-192-smarter-city");
        assert_eq!(slug("Straße"), "strasse");
    }

    #[test]
    fn groups_the_real_data_into_sites() {
        let sites = sites_from_geojson(MWLAN_GEOJSON).expect("embedded data parses");
        // 171 access points at 133 addresses; Hohenzollernplatz, Karlsplatz Stachus,
        // Königsplatz, Marienhof and Viktualienmarkt are each two kinds of site.
        assert_eq!(sites.iter().map(|s| s.access_points).sum::<i64>(), 171);
        assert_eq!(sites.len(), 138);
        let ids: std::collections::HashSet<_> = sites.iter().map(|s| &s.id).collect();
        assert_eq!(ids.len(), sites.len(), "ids are unique");

        let limes = sites.iter().find(|s| s.name == "Limesstr. M002-M016").expect("Limesstr.");
        assert_eq!(limes.access_points, 11);
        assert_eq!(limes.kind, "Smarter City");

        let hz: Vec<_> = sites.iter().filter(|s| s.name == "Hohenzollernplatz").collect();
        assert_eq!(hz.len(), 2);
        assert!(sites.iter().all(|s| (11.3..11.8).contains(&s.lon) && (48.0..48.3).contains(&s.lat)));
    }
}
