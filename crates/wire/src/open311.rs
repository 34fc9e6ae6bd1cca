//! Open311 GeoReport v2 wire format (JSON; the portal also writes XML), with
//! the common extensions: a detailed status and a status history.

use serde::{Deserialize, Serialize};

/// One kind of report ("service" in GeoReport).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub service_code: String,
    pub service_name: String,
    pub description: Option<String>,
    /// true: fetch the service definition for extra form fields.
    pub metadata: bool,
    #[serde(rename = "type")]
    pub kind: String,
    pub keywords: Option<String>,
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceDefinition {
    pub service_code: String,
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Datatype {
    String,
    Number,
    Datetime,
    Text,
    Singlevaluelist,
    Multivaluelist,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attribute {
    /// false: information only, no input.
    pub variable: bool,
    pub code: String,
    pub datatype: Datatype,
    pub required: bool,
    pub datatype_description: Option<String>,
    pub order: Option<u32>,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<AttributeValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttributeValue {
    pub key: String,
    pub name: String,
}

/// The city's lifecycle of a report, beyond GeoReport's open/closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DetailedStatus {
    Received,
    InProgress,
    Scheduled,
    Fixed,
    Closed,
    Duplicate,
    NotResponsible,
}

impl DetailedStatus {
    pub const ALL: [DetailedStatus; 7] = [
        DetailedStatus::Received,
        DetailedStatus::InProgress,
        DetailedStatus::Scheduled,
        DetailedStatus::Fixed,
        DetailedStatus::Closed,
        DetailedStatus::Duplicate,
        DetailedStatus::NotResponsible,
    ];

    /// GeoReport's status.
    pub fn open311(self) -> &'static str {
        match self {
            DetailedStatus::Received | DetailedStatus::InProgress | DetailedStatus::Scheduled => "open",
            _ => "closed",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DetailedStatus::Received => "received",
            DetailedStatus::InProgress => "in_progress",
            DetailedStatus::Scheduled => "scheduled",
            DetailedStatus::Fixed => "fixed",
            DetailedStatus::Closed => "closed",
            DetailedStatus::Duplicate => "duplicate",
            DetailedStatus::NotResponsible => "not_responsible",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == s)
    }

    /// (German, English) label a citizen understands.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            DetailedStatus::Received => ("Eingegangen", "Received"),
            DetailedStatus::InProgress => ("In Bearbeitung", "In progress"),
            DetailedStatus::Scheduled => ("Eingeplant", "Scheduled"),
            DetailedStatus::Fixed => ("Erledigt", "Fixed"),
            DetailedStatus::Closed => ("Abgeschlossen", "Closed"),
            DetailedStatus::Duplicate => ("Bereits gemeldet", "Already reported"),
            DetailedStatus::NotResponsible => ("Nicht Sache der Stadt", "Not the city's responsibility"),
        }
    }
}

/// One step in a report's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusNote {
    pub status: DetailedStatus,
    pub note: Option<String>,
    pub datetime: String,
}

/// A report as GeoReport v2 `GET requests` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRequest {
    pub service_request_id: String,
    pub status: String,
    pub status_notes: Option<String>,
    pub service_name: Option<String>,
    pub service_code: String,
    pub description: Option<String>,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested_datetime: String,
    pub updated_datetime: Option<String>,
    pub expected_datetime: Option<String>,
    pub address: Option<String>,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub media_url: Option<String>,
    /// Extension: the detailed status and its history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_attributes: Option<Extended>,
}

impl ServiceRequest {
    /// A report with only what GeoReport requires; the rest empty.
    pub fn new(id: &str, service_code: &str, status: &str, requested_datetime: &str) -> Self {
        Self {
            service_request_id: id.into(),
            status: status.into(),
            status_notes: None,
            service_name: None,
            service_code: service_code.into(),
            description: None,
            agency_responsible: None,
            service_notice: None,
            requested_datetime: requested_datetime.into(),
            updated_datetime: None,
            expected_datetime: None,
            address: None,
            address_id: None,
            zipcode: None,
            lat: None,
            long: None,
            media_url: None,
            extended_attributes: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Extended {
    pub detailed_status: DetailedStatus,
    pub status_history: Vec<StatusNote>,
    /// Every photo of the report (GeoReport's `media_url` is the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media_urls: Vec<String>,
    /// How many people said they are affected too ("me too").
    #[serde(default, skip_serializing_if = "is_zero")]
    pub supporters: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The answer to `POST requests`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    pub service_notice: Option<String>,
    pub account_id: Option<String>,
}

/// The answer to `GET tokens/{token}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenAnswer {
    pub service_request_id: Option<String>,
    pub token: String,
}

/// GeoReport's error: `[{code, description}]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
}

/// A report as the person wrote it, in GeoReport terms, before it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutgoingReport {
    pub service_code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: Option<String>,
    pub description: Option<String>,
    /// Only with the person's consent to be contacted about this report.
    pub email: Option<String>,
    pub attributes: std::collections::BTreeMap<String, Vec<String>>,
    /// Photo files in the outbox folder, in order (set by the shell).
    #[serde(default)]
    pub photos: Vec<String>,
}

impl OutgoingReport {
    /// A report of one category with nothing else filled in.
    pub fn new(service_code: &str) -> Self {
        Self {
            service_code: service_code.into(),
            lat: None,
            lon: None,
            address: None,
            description: None,
            email: None,
            attributes: Default::default(),
            photos: Vec::new(),
        }
    }

    /// The same, at a point.
    pub fn at(self, lat: f64, lon: f64) -> Self {
        Self { lat: Some(lat), lon: Some(lon), ..self }
    }

    /// The same, with one answer to a form field of the category.
    pub fn answer(mut self, code: &str, value: &str) -> Self {
        self.attributes.entry(code.into()).or_default().push(value.into());
        self
    }

    /// The same, with a description.
    pub fn describe(self, text: &str) -> Self {
        Self { description: Some(text.into()), ..self }
    }
}

/// Where a report written on this device is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    /// Waiting to be sent (offline, portal down, or not tried yet).
    Waiting {
        attempts: u32,
        next_attempt_at: i64,
        last_error: Option<String>,
        /// Sends in a row that ran out of time (a report too big for the link).
        #[serde(default)]
        timeouts: u32,
    },
    /// The portal has it.
    Sent { service_request_id: String, token: Option<String>, sent_at: i64 },
    /// The portal refused it (e.g. a required field); kept for the person to fix.
    Refused { reason: String },
}

/// GeoReport v2 service discovery (`discovery.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Discovery {
    #[serde(default)]
    pub changeset: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub key_service: Option<String>,
    pub endpoints: Vec<DiscoveryEndpoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiscoveryEndpoint {
    pub specification: String,
    pub url: String,
    #[serde(default)]
    pub changeset: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub formats: Vec<String>,
}

impl Discovery {
    /// The endpoint an app should use: GeoReport v2 with JSON, production
    /// before test (servers list both).
    pub fn georeport_v2(&self) -> Option<&DiscoveryEndpoint> {
        let usable = |e: &&DiscoveryEndpoint| {
            e.specification.contains("GeoReport_v2") && e.formats.iter().any(|f| f.contains("json"))
        };
        let production = |e: &&DiscoveryEndpoint| e.kind.as_deref().unwrap_or("production") == "production";
        self.endpoints.iter().filter(usable).find(production).or_else(|| self.endpoints.iter().find(usable))
    }
}

/// The longest a report upload may take, on both sides: the app's client
/// gives a large report this long on a slow link, and the portal does not
/// cut an upload off sooner (10 min: about 19 MB at 256 kbit/s; five photos
/// cleaned to 2560 px are well under that).
pub const UPLOAD_TIMEOUT_SECS: u64 = 600;

/// Where the app sends reports: a GeoReport v2 endpoint, found by discovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Endpoint {
    /// The endpoint's base URL; `services.json` etc. are below it.
    pub url: String,
    #[serde(default)]
    pub jurisdiction_id: Option<String>,
    /// The key this app sends with reports to this endpoint.
    pub api_key: String,
    /// Where it was found; None for the built-in default.
    #[serde(default)]
    pub discovery_url: Option<String>,
    /// The operator's contact line from the discovery document.
    #[serde(default)]
    pub contact: Option<String>,
}

/// Whether a server address is acceptable: https, or http only on this
/// machine (a local portal). Reports carry places and photos: never in clear
/// over a network. Parsed as the HTTP client will parse it (WHATWG URL), so
/// tricks such as `http://evil.example\@127.0.0.1/` are seen for what they
/// are; addresses with user names or passwords are refused.
pub fn acceptable_url(address: &str) -> bool {
    let Ok(u) = url::Url::parse(address.trim()) else { return false };
    if !u.username().is_empty() || u.password().is_some() {
        return false;
    }
    match (u.scheme(), u.host()) {
        ("https", Some(_)) => true,
        ("http", Some(url::Host::Domain(d))) => d.eq_ignore_ascii_case("localhost"),
        ("http", Some(url::Host::Ipv4(ip))) => ip.is_loopback(),
        ("http", Some(url::Host::Ipv6(ip))) => ip.is_loopback(),
        _ => false,
    }
}

/// Whether two addresses share scheme, host and port (RFC 6454 origin),
/// compared after parsing. A bearer token goes only to its portal's origin.
pub fn same_origin(a: &str, b: &str) -> bool {
    match (url::Url::parse(a), url::Url::parse(b)) {
        (Ok(a), Ok(b)) => a.origin().is_tuple() && a.origin() == b.origin(),
        _ => false,
    }
}

#[cfg(test)]
mod discovery_tests {
    use super::*;

    #[test]
    fn picks_production_georeport_json() {
        let ep = |spec: &str, url: &str, kind: &str, formats: &[&str]| DiscoveryEndpoint {
            specification: spec.into(),
            url: url.into(),
            changeset: None,
            kind: Some(kind.into()),
            formats: formats.iter().map(|f| f.to_string()).collect(),
        };
        let d = Discovery {
            changeset: None,
            contact: None,
            key_service: None,
            endpoints: vec![
                ep("http://wiki.open311.org/GeoReport_v2", "https://test.example/v2", "test", &["application/json"]),
                ep("http://wiki.open311.org/GeoReport_v2", "https://xml.example/v2", "production", &["text/xml"]),
                ep(
                    "http://wiki.open311.org/GeoReport_v2",
                    "https://prod.example/v2",
                    "production",
                    &["application/json"],
                ),
            ],
        };
        assert_eq!(d.georeport_v2().map(|e| e.url.as_str()), Some("https://prod.example/v2"));
        let only_test = Discovery { endpoints: d.endpoints[..2].to_vec(), ..d.clone() };
        assert_eq!(only_test.georeport_v2().map(|e| e.url.as_str()), Some("https://test.example/v2"));
        let none = Discovery { endpoints: d.endpoints[1..2].to_vec(), ..d };
        assert!(none.georeport_v2().is_none(), "XML only is not usable by the app");
    }

    #[test]
    fn only_https_or_this_machine() {
        for ok in [
            "https://open311.muenchen.de/discovery.json",
            "http://127.0.0.1:8080/open311/v2",
            "http://localhost/x",
            "http://[::1]:9/x",
        ] {
            assert!(acceptable_url(ok), "{ok}");
        }
        for bad in [
            "http://open311.example/discovery.json",
            "ftp://x",
            "javascript:alert(1)",
            "https://",
            "http://127.0.0.1.evil.example/",
            "http://localhost@evil.example/",
            "file:///etc/passwd",
            // Found in review: the HTTP client connects to evil.example here.
            "http://evil.example\\@127.0.0.1/",
            "http://evil.example\\@localhost:8080/open311/v2",
            "https://user:pw@open311.example/",
            "http://127.0.0.1@evil.example/",
            "http:/\\evil.example/",
        ] {
            assert!(!acceptable_url(bad), "{bad}");
        }
    }

    #[test]
    fn origins_are_compared_parsed() {
        assert!(same_origin("http://127.0.0.1:8080/open311/v2", "http://127.0.0.1:8080"));
        assert!(same_origin("https://portal.muenchen.de/x", "https://PORTAL.muenchen.de:443/"));
        assert!(!same_origin("http://127.0.0.1:8081/", "http://127.0.0.1:8080/"));
        assert!(!same_origin("http://evil.example\\@127.0.0.1:8080/", "http://127.0.0.1:8080/"));
        assert!(!same_origin("https://127.0.0.1:8080/", "http://127.0.0.1:8080/"));
        assert!(!same_origin("not a url", "not a url"));
    }

    proptest::proptest! {
        /// A GeoReport answer from any server: bytes that are not one are an
        /// error, never a panic; a report survives the trip through JSON.
        #[test]
        fn georeport_answers_parse_without_panic(body in "\\PC{0,200}") {
            let _ = serde_json::from_str::<Vec<ServiceRequest>>(&body);
            let _ = serde_json::from_str::<Discovery>(&body);
            let _ = serde_json::from_str::<Vec<Open311Error>>(&body);
        }

        #[test]
        fn reports_round_trip(
            id in "\\PC{1,20}", code in "[a-z_]{1,12}", text in proptest::option::of("\\PC{0,80}"),
            lat in proptest::option::of(-90f64..90.0), lon in proptest::option::of(-180f64..180.0),
        ) {
            let r = ServiceRequest { description: text, lat, long: lon, ..ServiceRequest::new(&id, &code, "open", "2026-12-02T07:00:00Z") };
            let json = serde_json::to_string(&vec![r.clone()]).expect("serialise");
            let mut back: Vec<ServiceRequest> = serde_json::from_str(&json).expect("parse");
            // serde_json's default float parsing may differ in the last bit
            // (far below a millimetre); everything else comes back exactly.
            let b = back.pop().expect("one");
            let close = |x: Option<f64>, y: Option<f64>| match (x, y) { (Some(x), Some(y)) => (x - y).abs() < 1e-9, (x, y) => x == y };
            proptest::prop_assert!(close(b.lat, r.lat) && close(b.long, r.long));
            proptest::prop_assert_eq!(ServiceRequest { lat: r.lat, long: r.long, ..b }, r);
        }

        #[test]
        fn any_address_is_judged_without_panic(s in "\\PC{0,60}") {
            let ok = acceptable_url(&s);
            if ok {
                let u = url::Url::parse(s.trim()).expect("accepted addresses parse");
                proptest::prop_assert!(u.scheme() == "https" || u.scheme() == "http");
            }
        }

        #[test]
        fn http_is_only_for_this_machine(host in "[a-z0-9.@\\\\:]{1,30}", path in "[/a-z@\\\\]{0,10}") {
            let s = format!("http://{host}{path}");
            if acceptable_url(&s) {
                let u = url::Url::parse(&s).expect("parses");
                let local = match u.host() {
                    Some(url::Host::Domain(d)) => d == "localhost",
                    Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                    Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                    None => false,
                };
                proptest::prop_assert!(local, "{} accepted", s);
            }
        }
    }
}
