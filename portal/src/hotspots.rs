//! `/collections/hotspots` and its items (OGC API – Features, GeoJSON).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use muc_wire::geo::LonLat;
use muc_wire::hotspots::{
    HotspotCollection, HotspotFeature, HotspotProperties, ATTRIBUTION, COLLECTION_ID, LICENSE_URL,
};
use muc_wire::ogc::{
    Collection, Extent, FeatureCollectionType, FeatureType, Link, Point, SpatialExtent, CRS84, MEDIA_GEOJSON,
    MEDIA_JSON,
};

use crate::db::{SiteRow, SITE_COLUMNS};
use crate::error::{Error, Result};
use crate::negotiate::{only_params, require_json};
use crate::AppState;

pub const DEFAULT_LIMIT: u64 = 10;
pub const MAX_LIMIT: u64 = 1000;
const ITEM_PARAMS: &[&str] = &["limit", "offset", "bbox", "near", "kind", "f"];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/collections/hotspots", get(collection))
        .route("/collections/hotspots/items", get(items))
        .route("/collections/hotspots/items/{id}", get(item))
}

pub fn collection_doc(base: &str) -> Collection {
    let coll = format!("{base}/collections/{COLLECTION_ID}");
    Collection {
        id: COLLECTION_ID.into(),
        title: "M-WLAN-Hotspots".into(),
        description: "Standorte des kostenlosen öffentlichen WLANs der Landeshauptstadt München \
                      (M-WLAN), je Ort mit der Zahl der Zugangspunkte."
            .into(),
        attribution: ATTRIBUTION.into(),
        links: vec![
            Link::new(coll.clone(), "self", MEDIA_JSON, "This collection"),
            Link::new(format!("{coll}/items"), "items", MEDIA_GEOJSON, "Hotspot sites"),
            Link::new(LICENSE_URL, "license", "text/html", "dl-de/by-2-0"),
        ],
        extent: Extent {
            // Munich's city limits, generously rounded.
            spatial: SpatialExtent { bbox: vec![[11.36, 48.06, 11.73, 48.25]], crs: CRS84.into() },
        },
        item_type: "feature".into(),
        crs: vec![CRS84.into()],
    }
}

async fn collection(
    State(st): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response> {
    require_json(&headers, &params)?;
    only_params(&params, &["f"])?;
    Ok(json(MEDIA_JSON, &collection_doc(&st.base_url)))
}

/// Parsed and validated `items` parameters.
#[derive(Debug, Default)]
struct ItemQuery {
    limit: u64,
    offset: u64,
    bbox: Option<[f64; 4]>,
    near: Option<LonLat>,
    kind: Option<String>,
}

fn parse_items_query(p: &HashMap<String, String>) -> Result<ItemQuery> {
    only_params(p, ITEM_PARAMS)?;
    let limit = match p.get("limit") {
        None => DEFAULT_LIMIT,
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => {
                return Err(Error::bad_request(
                    "invalid_limit",
                    format!("limit must be a whole number from 1 to {MAX_LIMIT}, got '{s}'."),
                ))
            }
        },
    };
    let offset = match p.get("offset") {
        None => 0,
        Some(s) => s.parse::<u64>().map_err(|_| {
            Error::bad_request("invalid_offset", format!("offset must be a whole number ≥ 0, got '{s}'."))
        })?,
    };
    let bbox = p.get("bbox").map(|s| parse_bbox(s)).transpose()?;
    let near = p
        .get("near")
        .map(|s| {
            LonLat::parse_lon_lat(s).ok_or_else(|| {
                Error::bad_request(
                    "invalid_near",
                    format!("near must be 'lon,lat' in WGS 84 degrees, e.g. near=11.5755,48.1374; got '{s}'."),
                )
            })
        })
        .transpose()?;
    if near.is_some() && bbox.is_some() {
        return Err(Error::bad_request("invalid_combination", "Use either near or bbox, not both."));
    }
    let kind = p.get("kind").cloned();
    Ok(ItemQuery { limit, offset, bbox, near, kind })
}

/// `minLon,minLat,maxLon,maxLat` in WGS 84 (CRS84).
fn parse_bbox(s: &str) -> Result<[f64; 4]> {
    let bad = |why: &str| {
        Error::bad_request(
            "invalid_bbox",
            format!("bbox must be minLon,minLat,maxLon,maxLat in WGS 84 degrees ({why}); got '{s}'."),
        )
    };
    let nums: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| bad("not numbers"))?;
    let [a, b, c, d]: [f64; 4] = nums.try_into().map_err(|_| bad("need exactly 4 numbers"))?;
    if ![a, b, c, d].iter().all(|x| x.is_finite()) {
        return Err(bad("not finite"));
    }
    if !(LonLat::new(a, b).is_valid() && LonLat::new(c, d).is_valid()) {
        return Err(bad("out of range"));
    }
    if a > c || b > d {
        return Err(bad("min greater than max"));
    }
    Ok([a, b, c, d])
}

async fn items(
    State(st): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response> {
    require_json(&headers, &params)?;
    let q = parse_items_query(&params)?;
    let (rows, matched): (Vec<(Option<f64>, SiteRow)>, u64) = match q.near {
        Some(p) => {
            let idx = st.index();
            let kind = q.kind.clone();
            let keep = move |s: &SiteRow| kind.as_deref().is_none_or(|k| s.kind == k);
            let matched = idx.count(&keep) as u64;
            let rows = idx
                .nearest(p, keep)
                .skip(q.offset as usize)
                .take(q.limit as usize)
                .map(|(d, s)| (Some((d * 10.0).round() / 10.0), s.clone()))
                .collect();
            (rows, matched)
        }
        None => {
            let (rows, matched) = query_rows(&st, &q).await?;
            (rows.into_iter().map(|r| (None, r)).collect(), matched)
        }
    };
    let base = &st.base_url;
    let returned = rows.len() as u64;
    let mut links = vec![Link::new(page_url(base, &params, q.offset), "self", MEDIA_GEOJSON, "This page")];
    if q.offset + returned < matched {
        links.push(Link::new(page_url(base, &params, q.offset + returned), "next", MEDIA_GEOJSON, "Next page"));
    }
    if q.offset > 0 {
        links.push(Link::new(
            page_url(base, &params, q.offset.saturating_sub(q.limit)),
            "prev",
            MEDIA_GEOJSON,
            "Previous page",
        ));
    }
    links.push(Link::new(format!("{base}/collections/{COLLECTION_ID}"), "collection", MEDIA_JSON, ""));
    links.push(Link::new(LICENSE_URL, "license", "text/html", "dl-de/by-2-0"));
    let fc = HotspotCollection {
        kind: FeatureCollectionType::FeatureCollection,
        features: rows.into_iter().map(|(d, r)| feature(base, r, d)).collect(),
        number_matched: matched,
        number_returned: returned,
        time_stamp: None,
        links,
        attribution: ATTRIBUTION.into(),
    };
    Ok(json(MEDIA_GEOJSON, &fc))
}

/// Items from the database, filtered and paged in SQL.
async fn query_rows(st: &AppState, q: &ItemQuery) -> Result<(Vec<SiteRow>, u64)> {
    let mut conds: Vec<String> = Vec::new();
    let mut n = 0;
    let mut ph = || {
        n += 1;
        format!("${n}")
    };
    if q.kind.is_some() {
        conds.push(format!("kind = {}", ph()));
    }
    if q.bbox.is_some() {
        let (a, b, c, d) = (ph(), ph(), ph(), ph());
        conds.push(format!("lon >= {a} AND lat >= {b} AND lon <= {c} AND lat <= {d}"));
    }
    let where_ = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };

    let count_sql = format!("SELECT COUNT(*) FROM hotspot_sites{where_}");
    let page_sql =
        format!("SELECT {SITE_COLUMNS} FROM hotspot_sites{where_} ORDER BY id LIMIT {} OFFSET {}", q.limit, q.offset);
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    let mut page = sqlx::query_as::<_, SiteRow>(&page_sql);
    if let Some(k) = &q.kind {
        count = count.bind(k.clone());
        page = page.bind(k.clone());
    }
    if let Some(b) = q.bbox {
        for v in b {
            count = count.bind(v);
            page = page.bind(v);
        }
    }
    let matched = count.fetch_one(&st.db).await? as u64;
    let rows = page.fetch_all(&st.db).await?;
    Ok((rows, matched))
}

async fn item(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response> {
    require_json(&headers, &params)?;
    only_params(&params, &["f"])?;
    let row: Option<SiteRow> = sqlx::query_as(&format!("SELECT {SITE_COLUMNS} FROM hotspot_sites WHERE id = $1"))
        .bind(&id)
        .fetch_optional(&st.db)
        .await?;
    let row = row.ok_or_else(|| Error::NotFound(format!("No hotspot site with id '{id}'.")))?;
    Ok(json(MEDIA_GEOJSON, &feature(&st.base_url, row, None)))
}

fn feature(base: &str, r: SiteRow, distance_m: Option<f64>) -> HotspotFeature {
    let coll = format!("{base}/collections/{COLLECTION_ID}");
    HotspotFeature {
        kind: FeatureType::Feature,
        links: vec![
            Link::new(format!("{coll}/items/{}", r.id), "self", MEDIA_GEOJSON, ""),
            Link::new(coll, "collection", MEDIA_JSON, ""),
        ],
        geometry: Point::new(r.lon, r.lat),
        properties: HotspotProperties {
            name: r.name,
            kind: r.kind,
            city: r.city,
            access_points: u32::try_from(r.access_points).unwrap_or(u32::MAX),
            distance_m,
        },
        id: r.id,
    }
}

/// The items URL for another page: same parameters, another offset.
fn page_url(base: &str, params: &HashMap<String, String>, offset: u64) -> String {
    let mut pairs: Vec<(&str, String)> =
        params.iter().filter(|(k, _)| k.as_str() != "offset").map(|(k, v)| (k.as_str(), v.clone())).collect();
    pairs.sort();
    if offset > 0 {
        pairs.push(("offset", offset.to_string()));
    }
    let qs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    let mut url = format!("{base}/collections/{COLLECTION_ID}/items");
    if !qs.is_empty() {
        url.push('?');
        url.push_str(&qs.join("&"));
    }
    url
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay; commas too, for bbox).
fn encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn json<T: serde::Serialize>(media: &'static str, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => ([(header::CONTENT_TYPE, media)], bytes).into_response(),
        Err(e) => Error::Internal(format!("serialise: {e}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_parsing() {
        assert_eq!(parse_bbox("11.5,48.1,11.6,48.2").ok(), Some([11.5, 48.1, 11.6, 48.2]));
        for bad in ["", "1,2,3", "1,2,3,4,5", "a,b,c,d", "11.6,48.1,11.5,48.2", "0,0,0,91", "NaN,0,1,1"] {
            assert!(parse_bbox(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn page_urls_keep_filters_and_encode_values() {
        let p = HashMap::from([
            ("kind".to_string(), "Öffentlicher Platz".to_string()),
            ("limit".to_string(), "5".to_string()),
            ("offset".to_string(), "5".to_string()),
        ]);
        assert_eq!(
            page_url("http://x", &p, 10),
            "http://x/collections/hotspots/items?kind=%C3%96ffentlicher%20Platz&limit=5&offset=10"
        );
        assert_eq!(
            page_url("http://x", &p, 0),
            "http://x/collections/hotspots/items?kind=%C3%96ffentlicher%20Platz&limit=5"
        );
    }

    proptest::proptest! {
        /// Query strings from anyone: an answer or a clear error, never a panic.
        #[test]
        fn any_items_query_without_panic(
            limit in proptest::option::of("\\PC{0,12}"),
            offset in proptest::option::of("[0-9a-z-]{0,24}"),
            bbox in proptest::option::of("[0-9.,eE+-]{0,40}|\\PC{0,20}"),
            near in proptest::option::of("[0-9.,eE+-]{0,30}|\\PC{0,20}"),
        ) {
            let mut p = HashMap::new();
            for (k, v) in [("limit", limit), ("offset", offset), ("bbox", bbox), ("near", near)] {
                if let Some(v) = v {
                    p.insert(k.to_string(), v);
                }
            }
            if let Ok(q) = parse_items_query(&p) {
                proptest::prop_assert!((1..=MAX_LIMIT).contains(&q.limit));
                if let Some(n) = q.near {
                    proptest::prop_assert!(n.is_valid());
                }
            }
        }
    }
}
