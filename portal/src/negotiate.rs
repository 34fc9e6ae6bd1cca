//! Content negotiation and query-parameter checks shared by the OGC routes.

use std::collections::HashMap;

use axum::http::{header, HeaderMap};

use crate::error::Error;

/// The portal serves JSON only. Accept `f=json` and Accept headers that allow
/// JSON (or GeoJSON, or anything); refuse the rest with 406/400 instead of
/// silently answering in a format the client did not ask for.
pub fn require_json(headers: &HeaderMap, params: &HashMap<String, String>) -> Result<(), Error> {
    if let Some(f) = params.get("f") {
        if f != "json" {
            return Err(Error::bad_request("unsupported_format", format!("Format f={f} is not offered; use f=json.")));
        }
    }
    let Some(accept) = headers.get(header::ACCEPT) else { return Ok(()) };
    let accept = accept.to_str().unwrap_or("");
    let ok = accepted(accept).any(|media| {
        matches!(
            media.as_str(),
            "*/*" | "application/*" | "application/json" | "application/geo+json" | "application/vnd.oai.openapi+json"
        )
    });
    if ok || accept.trim().is_empty() {
        Ok(())
    } else {
        Err(Error::NotAcceptable(format!(
            "Cannot answer with {accept}. This resource is available as application/json \
             (GeoJSON: application/geo+json)."
        )))
    }
}

/// The items of an `Accept`-style list (`a, b;q=0.5, c;q=0`: media types,
/// encodings) that are not refused with `q=0`, lower-cased. Hand-parsed: the
/// list syntax is small (RFC 9110 §12.4.2), and no maintained crate parses it
/// without bringing a framework of its own.
pub fn accepted(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split(',').filter_map(|item| {
        let mut parts = item.split(';');
        let token = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        // "q=0" means "not this one".
        let refused = parts.any(|p| {
            let p = p.trim();
            let q = p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="));
            q.and_then(|q| q.trim().parse::<f32>().ok()) == Some(0.0)
        });
        (!refused && !token.is_empty()).then_some(token)
    })
}

/// OGC API – Features asks for 400 on query parameters the API does not define.
pub fn only_params(params: &HashMap<String, String>, allowed: &[&str]) -> Result<(), Error> {
    let mut unknown: Vec<&str> = params.keys().map(String::as_str).filter(|k| !allowed.contains(k)).collect();
    if unknown.is_empty() {
        return Ok(());
    }
    unknown.sort_unstable();
    Err(Error::bad_request(
        "unknown_parameter",
        format!("Unknown query parameter(s): {}. Allowed: {}.", unknown.join(", "), allowed.join(", ")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, HeaderValue::from_str(v).expect("header"));
        h
    }

    #[test]
    fn accepts_json_and_wildcards() {
        let none = HashMap::new();
        for ok in ["application/json", "application/geo+json", "*/*", "text/html, */*;q=0.8", ""] {
            assert!(require_json(&accept(ok), &none).is_ok(), "{ok}");
        }
        assert!(require_json(&HeaderMap::new(), &none).is_ok());
    }

    #[test]
    fn refuses_other_formats() {
        let none = HashMap::new();
        for bad in ["text/html", "application/xml", "application/json;q=0"] {
            assert!(matches!(require_json(&accept(bad), &none), Err(Error::NotAcceptable(_))), "{bad}");
        }
        let f = HashMap::from([("f".to_string(), "html".to_string())]);
        assert!(matches!(require_json(&HeaderMap::new(), &f), Err(Error::BadRequest { .. })));
    }
}
