//! OGC API – Features landing page, conformance, collections; the OpenAPI
//! description; health.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use muc_wire::ogc::{Collections, Conformance, LandingPage, Link, CONFORMANCE, MEDIA_JSON, MEDIA_OPENAPI};

use crate::error::Result;
use crate::hotspots::{collection_doc, json};
use crate::negotiate::{only_params, require_json};
use crate::AppState;

/// The portal's own API description, generated from the code once (see `openapi.rs`).
fn openapi() -> &'static str {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOC.get_or_init(crate::openapi::document)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(landing))
        .route("/conformance", get(conformance))
        .route("/collections", get(collections))
        .route("/api", get(api))
        .route("/health", get(health))
        .route("/health/ready", get(health))
        .route("/health/live", get(live))
}

async fn landing(
    State(st): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response> {
    require_json(&headers, &params)?;
    only_params(&params, &["f"])?;
    let b = &st.base_url;
    Ok(json(
        MEDIA_JSON,
        &LandingPage {
            title: "Portal der Landeshauptstadt München".into(),
            description: "Offene Schnittstellen für die München-App: M-WLAN-Hotspots \
                          (OGC API – Features)."
                .into(),
            links: vec![
                Link::new(format!("{b}/"), "self", MEDIA_JSON, "This document"),
                Link::new(format!("{b}/api"), "service-desc", MEDIA_OPENAPI, "The API definition"),
                Link::new(format!("{b}/conformance"), "conformance", MEDIA_JSON, "Conformance classes"),
                Link::new(format!("{b}/collections"), "data", MEDIA_JSON, "Collections"),
            ],
        },
    ))
}

async fn conformance(headers: HeaderMap, Query(params): Query<HashMap<String, String>>) -> Result<Response> {
    require_json(&headers, &params)?;
    only_params(&params, &["f"])?;
    Ok(json(MEDIA_JSON, &Conformance { conforms_to: CONFORMANCE.iter().map(|s| s.to_string()).collect() }))
}

async fn collections(
    State(st): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response> {
    require_json(&headers, &params)?;
    only_params(&params, &["f"])?;
    let b = &st.base_url;
    Ok(json(
        MEDIA_JSON,
        &Collections {
            links: vec![Link::new(format!("{b}/collections"), "self", MEDIA_JSON, "")],
            collections: vec![collection_doc(b)],
        },
    ))
}

async fn api(headers: HeaderMap, Query(params): Query<HashMap<String, String>>) -> Result<Response> {
    require_json(&headers, &params)?;
    only_params(&params, &["f"])?;
    Ok(([(header::CONTENT_TYPE, MEDIA_OPENAPI)], openapi()).into_response())
}

/// Liveness and readiness in one: 200 when the database answers, else 503.
/// Liveness: the process answers (a load balancer or orchestrator restarts
/// it when not). Says nothing of the database; that is readiness.
async fn live() -> Response {
    let body = serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") });
    ([(header::CONTENT_TYPE, MEDIA_JSON), NOW_ONLY], body.to_string()).into_response()
}

/// Readiness (`/health/ready`, and `/health` as before): 200 when the
/// database answers, 503 otherwise (take it out of the load balancer).
async fn health(State(st): State<AppState>) -> Response {
    let db_ok = sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(&st.db).await.is_ok();
    let (status, db) = if db_ok { (StatusCode::OK, "ok") } else { (StatusCode::SERVICE_UNAVAILABLE, "unavailable") };
    if !db_ok {
        tracing::error!("health check: database unavailable");
    }
    let body = serde_json::json!({
        "status": if db_ok { "ok" } else { "degraded" },
        "database": db,
        "hotspot_sites": st.index().len(),
        "version": env!("CARGO_PKG_VERSION"),
    });
    (status, [(header::CONTENT_TYPE, MEDIA_JSON), NOW_ONLY], body.to_string()).into_response()
}

/// Health is about this moment: never kept (the read cache included).
const NOW_ONLY: (header::HeaderName, &str) = (header::CACHE_CONTROL, "no-store");
