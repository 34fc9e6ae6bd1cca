//! The personal area: who is signed in and how surely (`GET /me`), my data
//! (`GET /me/export`, `DELETE /me`), favourites (`favourites.rs`), profile
//! and consents (`profile.rs`), and where and how to sign in: the portal's metadata
//! as an OAuth protected resource (RFC 9728), naming the providers with the
//! trust levels they offer and the level each personal route needs.
//!
//! A route's level is checked after the token: a valid token at a lower
//! level is a 403 with RFC 9470's challenge (`insufficient_user_authentication`)
//! naming the level needed; the app then offers a new sign-in at that level.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use muc_wire::personal::{AccountDeleted, Me, MyData, MyReport, PersonalRoute, ResourceMetadata, TrustLevel};

use crate::citizens::{Citizen, TokenError};
use crate::error::Error;
use crate::AppState;

pub const METADATA_PATH: &str = "/.well-known/oauth-protected-resource";

/// Each personal route and the level it needs: the check and the metadata
/// both read this list, so what the portal says is what it does.
pub const ROUTES: [(&str, TrustLevel); 16] = [
    ("GET /me", TrustLevel::Level1),
    ("GET /me/favourites", TrustLevel::Level1),
    ("POST /me/favourites/changes", TrustLevel::Level1),
    // What the person typed in themselves, to fill a form: the same level
    // as sending a report with contact data (the export, everything at
    // once and the reports' contact data, needs level 3).
    ("GET /me/consents", TrustLevel::Level1),
    ("POST /me/consents", TrustLevel::Level1),
    ("GET /me/profile", TrustLevel::Level1),
    ("PUT /me/profile", TrustLevel::Level1),
    // Notifications with a token (a device without one gets its own).
    ("GET /notifications", TrustLevel::Level1),
    ("GET /notifications/stream", TrustLevel::Level1),
    ("POST /notifications/marks", TrustLevel::Level1),
    ("GET /notifications/subscriptions", TrustLevel::Level1),
    ("PUT /notifications/subscriptions", TrustLevel::Level1),
    ("DELETE /notifications/subscriptions", TrustLevel::Level1),
    // Contact data of every report: at least "substantiell" (ELSTER, Authega).
    ("GET /me/export", TrustLevel::Level3),
    // Cannot be undone: the same level as seeing everything.
    ("DELETE /me", TrustLevel::Level3),
    ("GET /open311/v2/requests.{format}?account=me", TrustLevel::Level1),
];

/// The level `route` needs. A route missing from [`ROUTES`] needs the
/// highest: forgetting to list one must not open it.
pub fn needed(route: &str) -> TrustLevel {
    ROUTES.iter().find(|(r, _)| *r == route).map_or(TrustLevel::Level4, |(_, l)| *l)
}

/// The personal routes (no CORS, never kept: see `app()`).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me", get(me).delete(delete_account))
        .route("/me/export", get(export))
        .route("/me/favourites", get(crate::favourites::list))
        .route("/me/favourites/changes", axum::routing::post(crate::favourites::change))
        .route("/me/consents", get(crate::profile::consents).post(crate::profile::change_consent))
        .route("/me/profile", get(crate::profile::profile).put(crate::profile::put_profile))
        .route("/notifications", get(crate::notify::feed))
        .route("/notifications/marks", axum::routing::post(crate::notify::marks))
        .route(
            "/notifications/subscriptions",
            get(crate::notify::get_subscriptions)
                .put(crate::notify::put_subscriptions)
                .delete(crate::notify::delete_subscriptions),
        )
}

/// The notification stream: open for as long as the subscriber listens.
pub fn stream_router() -> Router<AppState> {
    Router::new().route("/notifications/stream", get(crate::notify::stream))
}

/// The public description of sign-in, with the other public reads.
pub fn metadata_router() -> Router<AppState> {
    Router::new().route(METADATA_PATH, get(metadata))
}

async fn metadata(State(st): State<AppState>) -> Response {
    let providers: Vec<_> = st.providers().into_iter().map(|o| o.provider()).collect();
    let mut scopes = vec!["openid".to_string(), "profile".into(), "offline_access".into()];
    for p in &providers {
        for l in &p.levels {
            if !scopes.iter().any(|s| s == l.code()) {
                scopes.push(l.code().into());
            }
        }
    }
    let doc = ResourceMetadata {
        resource: st.base_url.clone(),
        authorization_servers: providers.iter().map(|p| p.issuer.clone()).collect(),
        bearer_methods_supported: vec!["header".into()],
        scopes_supported: scopes,
        resource_name: "München Portal".into(),
        providers,
        personal_routes: ROUTES.iter().map(|(r, l)| PersonalRoute { route: (*r).into(), level: *l }).collect(),
    };
    Json(doc).into_response()
}

/// The citizen of the request's access token, signed in at `needed` or
/// higher. No token, an invalid one, or sign-in not set up: 401; a lower
/// level: 403 naming the level needed.
pub async fn citizen(st: &AppState, headers: &HeaderMap, needed: TrustLevel) -> Result<Citizen, Error> {
    let unauthorized = |why: &str| Error::Unauthorized(why.into());
    let token = crate::auth::bearer(headers)
        .ok_or_else(|| unauthorized("This needs the citizen's access token (Authorization: Bearer)."))?;
    let verified = crate::citizens::verify(&st.providers(), token).await;
    let citizen = match verified.ok_or_else(|| unauthorized("Sign-in is not set up on this server."))? {
        Ok(c) => c,
        Err(TokenError::Invalid(why)) => {
            tracing::info!(%why, "access token refused");
            return Err(Error::InvalidToken("Your sign-in has expired or is invalid. Please sign in again.".into()));
        }
        Err(TokenError::Unavailable(why)) => return Err(Error::Unavailable(format!("identity provider: {why}"))),
    };
    if citizen.level < needed {
        tracing::info!(reached = citizen.level.code(), needed = needed.code(), "trust level too low");
        return Err(Error::LevelTooLow {
            needed,
            reached: citizen.level,
            metadata_url: format!("{}{METADATA_PATH}", st.base_url),
        });
    }
    Ok(citizen)
}

async fn me(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let c = citizen(&st, &headers, needed("GET /me")).await?;
    Ok(Json(Me { account_id: c.sub, level: c.level, issuer: c.issuer }).into_response())
}

async fn export(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let c = citizen(&st, &headers, needed("GET /me/export")).await?;
    let filter = crate::open311::store::Filter {
        ids: Vec::new(),
        service_codes: Vec::new(),
        statuses: Vec::new(),
        start: 0,
        end: i64::MAX,
        updated_after: None,
        bbox: None,
        page: None,
        account: Some(c.sub.clone()),
    };
    let rows = crate::open311::store::find(&st.db, &filter).await?;
    // The export is in the city's own language, German.
    let german = crate::service_texts::Texts::of(crate::says::Lang::default());
    let reports = crate::open311::as_wire(&st, rows, german).await?;
    let mut contacts = crate::open311::store::contacts_of_account(&st.db, &c.sub).await?;
    let reports = reports
        .into_iter()
        .map(|report| {
            let contact =
                contacts.iter().position(|k| k.id == report.service_request_id).map(|i| contacts.swap_remove(i));
            let (email, first_name, last_name, phone) =
                contact.map(|k| (k.email, k.first_name, k.last_name, k.phone)).unwrap_or_default();
            MyReport { report, email, first_name, last_name, phone }
        })
        .collect();
    let favourites = crate::favourites::of_account(&st.db, &c.sub).await?.items;
    let profile = crate::profile::of_account(&st.db, &c.sub).await?;
    let consents = crate::profile::records(&st.db, &c.sub).await?;
    let who = crate::notify::Subscriber::account(&c.sub);
    let subscriptions = crate::notify::subscriptions_of(&st.db, &who).await?;
    let notifications = crate::notify::addressed_to(&st.db, &who).await?;
    let data = MyData {
        account_id: c.sub,
        made_at: crate::rfc3339(crate::now()),
        reports,
        favourites,
        profile,
        consents,
        subscriptions,
        notifications,
    };
    Ok((
        [
            (header::CONTENT_DISPOSITION, "attachment; filename=\"meine-daten.json\""),
            // Personal: never kept by a cache on the way.
            (header::CACHE_CONTROL, "no-store"),
        ],
        Json(data),
    )
        .into_response())
}

/// Deletes the account (GDPR Art. 17): the portal keeps nothing that leads
/// to the person. Their reports stay for the city (a street light is still
/// broken), without account, contact data and device id; favourites,
/// profile and consents are deleted; all in one transaction.
async fn delete_account(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let c = citizen(&st, &headers, needed("DELETE /me")).await?;
    let mut tx = crate::db::begin_write(&st.db).await?;
    let reports_kept = crate::open311::store::forget_account(&mut tx, &c.sub).await?;
    let favourites_deleted = crate::favourites::forget(&mut tx, &c.sub).await?;
    crate::profile::forget(&mut tx, &c.sub).await?;
    crate::notify::forget(&mut tx, &c.sub).await?;
    tx.commit().await?;
    tracing::info!(reports_kept, favourites_deleted, "an account was deleted");
    Ok(Json(AccountDeleted { reports_kept, favourites_deleted }).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_not_listed_needs_the_highest_level() {
        assert_eq!(needed("GET /me"), TrustLevel::Level1);
        assert_eq!(needed("GET /me/export"), TrustLevel::Level3);
        assert_eq!(needed("GET /me/forgotten"), TrustLevel::Level4);
    }
}
