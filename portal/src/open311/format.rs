//! GeoReport's two formats: JSON and XML (XML is mandatory in the spec), and
//! its error shape `[{code, description}]` in both.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use muc_wire::open311::Open311Error;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

/// "services.json" → ("services", Json).
pub fn split(file: &str) -> Result<(&str, Format), Error> {
    if let Some(stem) = file.strip_suffix(".json") {
        Ok((stem, Format::Json))
    } else if let Some(stem) = file.strip_suffix(".xml") {
        Ok((stem, Format::Xml))
    } else {
        Err(Error::new(StatusCode::BAD_REQUEST, Format::Json, "Add the format to the path: .json or .xml."))
    }
}

/// A GeoReport error, in the request's format. Internal details are logged, never sent.
#[derive(Debug)]
pub struct Error {
    pub status: StatusCode,
    pub format: Format,
    pub description: String,
    /// Seconds, for a 429 (`Retry-After`).
    pub retry_after: Option<u64>,
}

impl Error {
    pub fn new(status: StatusCode, format: Format, description: impl Into<String>) -> Self {
        Error { status, format, description: description.into(), retry_after: None }
    }

    /// Too many writes from one source: try again in `secs`.
    pub fn too_many(format: Format, secs: u64, lang: crate::says::Lang) -> Self {
        let description = crate::says::say(lang, "too-many-requests", &[("secs", secs.into())]);
        Self::retry_later(StatusCode::TOO_MANY_REQUESTS, format, secs, description)
    }

    /// Refused for now: `status` with `Retry-After: secs`.
    pub fn retry_later(status: StatusCode, format: Format, secs: u64, description: impl Into<String>) -> Self {
        Error { retry_after: Some(secs), ..Self::new(status, format, description) }
    }

    pub fn bad(format: Format, description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, format, description)
    }

    pub fn internal(format: Format, detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "open311 internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, format, "Internal server error. It has been logged.")
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let body = vec![Open311Error { code: self.status.as_u16(), description: self.description }];
        let mut r = render(self.format, "errors", &serde_json::to_value(body).unwrap_or(Value::Null));
        *r.status_mut() = self.status;
        if let Some(secs) = self.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(secs));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer error=\"invalid_token\""));
        }
        r
    }
}

/// Renders `value` as JSON, or as XML under `root` (GeoReport's element names).
pub fn render(format: Format, root: &str, value: &Value) -> Response {
    match format {
        Format::Json => {
            ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], value.to_string()).into_response()
        }
        Format::Xml => {
            let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            element(&mut out, root, value);
            ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], out).into_response()
        }
    }
}

/// The element name of one item of a list, as GeoReport's XML spells it.
fn item_name(list: &str) -> &'static str {
    match list {
        "services" => "service",
        "service_requests" => "request",
        "errors" => "error",
        "attributes" => "attribute",
        "values" => "value",
        "endpoints" => "endpoint",
        "formats" => "format",
        "status_history" => "note",
        "media_urls" => "media_url",
        _ => "item",
    }
}

fn element(out: &mut String, name: &str, v: &Value) {
    match v {
        Value::Null => {} // absent, as in the JSON's null
        Value::Array(items) => {
            out.push_str(&format!("<{name}>"));
            for i in items {
                element(out, item_name(name), i);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::Object(map) => {
            out.push_str(&format!("<{name}>"));
            for (k, v) in map {
                element(out, k, v);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", escape(s))),
        other => out.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_uses_georeport_names_and_escapes() {
        let v = serde_json::json!([{"service_code": "a&b", "metadata": true, "group": null,
            "attributes": [{"values": [{"key": "k", "name": "<n>"}]}]}]);
        let mut out = String::new();
        element(&mut out, "services", &v);
        assert_eq!(
            out,
            "<services><service><attributes><attribute><values><value><key>k</key><name>&lt;n&gt;</name></value></values></attribute></attributes><metadata>true</metadata><service_code>a&amp;b</service_code></service></services>"
        );
    }

    #[test]
    fn formats_from_the_path() {
        assert_eq!(split("services.json").ok().map(|x| x.1), Some(Format::Json));
        assert_eq!(split("requests.xml").ok().map(|x| x.0), Some("requests"));
        assert!(split("services.html").is_err());
    }
}
