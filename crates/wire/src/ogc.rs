//! OGC API – Features (Part 1: Core) and GeoJSON (RFC 7946) documents.

use serde::{Deserialize, Serialize};

pub const MEDIA_GEOJSON: &str = "application/geo+json";
pub const MEDIA_JSON: &str = "application/json";
pub const MEDIA_OPENAPI: &str = "application/vnd.oai.openapi+json;version=3.1";

/// Conformance classes the portal implements.
pub const CONFORMANCE: &[&str] = &[
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    pub href: String,
    pub rel: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none", default)]
    pub media_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
}

impl Link {
    pub fn new(href: impl Into<String>, rel: &str, media_type: &str, title: &str) -> Self {
        Self {
            href: href.into(),
            rel: rel.into(),
            media_type: Some(media_type.into()),
            title: (!title.is_empty()).then(|| title.into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LandingPage {
    pub title: String,
    pub description: String,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Conformance {
    pub conforms_to: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Collections {
    pub links: Vec<Link>,
    pub collections: Vec<Collection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Collection {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Required by the data licence wherever the data is shown.
    pub attribution: String,
    pub links: Vec<Link>,
    pub extent: Extent,
    #[serde(rename = "itemType")]
    pub item_type: String,
    pub crs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Extent {
    pub spatial: SpatialExtent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpatialExtent {
    pub bbox: Vec<[f64; 4]>,
    pub crs: String,
}

pub const CRS84: &str = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Point {
    #[serde(rename = "type")]
    pub kind: PointType,
    pub coordinates: [f64; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PointType {
    Point,
}

impl Point {
    pub fn new(lon: f64, lat: f64) -> Self {
        Self { kind: PointType::Point, coordinates: [lon, lat] }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Feature<P> {
    #[serde(rename = "type")]
    pub kind: FeatureType,
    pub id: String,
    pub geometry: Point,
    pub properties: P,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeatureType {
    Feature,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FeatureCollection<P> {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionType,
    pub features: Vec<Feature<P>>,
    pub number_matched: u64,
    pub number_returned: u64,
    /// Optional in OGC API – Features ("when the response was generated").
    /// The portal leaves it out: the same data then gives the same bytes
    /// at every second and on every instance, which strong ETags rely on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_stamp: Option<String>,
    pub links: Vec<Link>,
    /// Foreign member: the attribution the data licence requires.
    #[serde(default)]
    pub attribution: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeatureCollectionType {
    FeatureCollection,
}

impl<P> FeatureCollection<P> {
    /// The `next` link, if there is another page.
    pub fn next_link(&self) -> Option<&str> {
        self.links.iter().find(|l| l.rel == "next").map(|l| l.href.as_str())
    }
}
