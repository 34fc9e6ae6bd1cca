//! Open311 GeoReport v2 under `/open311/v2/`: discovery, services, service
//! definitions, requests (GET and POST, with photos), tokens; JSON and XML.
//! Extensions: paging, `updated_after`, a radius around a point, the
//! `Idempotency-Key` header, a detailed status with its history.

mod format;
pub mod media;
pub mod store;
pub mod validate;

use std::collections::HashMap;

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};

use crate::limits::{Source, Write};
use crate::service_texts::Texts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use muc_wire::geo::LonLat;
use muc_wire::open311::{CreatedRequest, DetailedStatus, ServiceRequest, TokenAnswer};
use serde_json::json;

use self::format::{render, split, Error, Format};
use crate::says::Lang;
use crate::AppState;

pub const JURISDICTION: &str = "muenchen.de";
/// GeoReport: a date range may span at most 90 days.
const MAX_RANGE_SECS: i64 = 90 * 86_400;
const MAX_PAGE_SIZE: usize = 200;
/// Pages beyond this are refused: deep paging is what `start_date` and
/// `updated_after` are for, and `(page - 1) * page_size` stays far from overflow.
const MAX_PAGE: usize = 1000;
/// At most this many ids or codes in one list parameter.
const MAX_LIST: usize = 200;
/// At most this many reports are read from the box around a radius query
/// before the exact circle and paging (the newest first).
const MAX_NEAR_ROWS: usize = 5000;

/// GeoReport's reads: open to web clients of any origin (CORS).
pub fn read_router() -> Router<AppState> {
    Router::new()
        .route("/open311/v2/{file}", get(top))
        .route("/open311/v2/services/{file}", get(definition))
        .route("/open311/v2/requests/{file}", get(one))
        .route("/open311/v2/tokens/{file}", get(token))
        .route("/media/{name}", get(media::serve))
        .layer(crate::request_timeout())
}

/// GeoReport's writes and the operators' status changes: no CORS.
pub fn write_router() -> Router<AppState> {
    // A new report may carry five photos over a slow mobile link: its upload
    // gets as long as the app's client gives it; everything else the usual.
    let upload = tower_http::timeout::TimeoutLayer::with_status_code(
        StatusCode::REQUEST_TIMEOUT,
        std::time::Duration::from_secs(muc_wire::open311::UPLOAD_TIMEOUT_SECS),
    );
    Router::new()
        .route("/open311/v2/{file}", post(create).layer(upload))
        .merge(
            Router::new()
                .route("/open311/v2/requests/{id}/{file}", post(support))
                .route("/operator/requests/{id}/status", post(operator_status))
                .layer(crate::request_timeout()),
        )
        .layer(DefaultBodyLimit::max(media::MAX_BODY))
}

type Params = HashMap<String, String>;

/// The request's language: its `locale` field, else its Accept-Language.
fn language(params: &Params, headers: &HeaderMap) -> Lang {
    Lang::of(
        params.get("locale").map(String::as_str),
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    )
}

/// What is wrong with a photo, in the sender's language.
fn photo_problem(e: &media::MediaError, lang: Lang) -> String {
    use media::MediaError as E;
    let r = match e {
        E::TooLarge => validate::Refusal::new("photo-too-large").with("mb", media::MAX_PHOTO_BYTES / 1024 / 1024),
        E::NotAPhoto => validate::Refusal::new("photo-not-a-photo"),
        E::TooManyPixels { width, height, max } => validate::Refusal::new("photo-too-many-pixels")
            .with("width", u64::from(*width))
            .with("height", u64::from(*height))
            .with("mp", *max / 1_000_000),
        E::Unreadable => validate::Refusal::new("photo-unreadable"),
    };
    r.text(lang)
}

/// The city's data (names, questions) in the request's language.
fn texts(params: &Params, headers: &HeaderMap) -> Texts {
    Texts::of(language(params, headers))
}

fn check_jurisdiction(params: &Params, f: Format) -> Result<(), Error> {
    match params.get("jurisdiction_id") {
        Some(j) if j != JURISDICTION => Err(Error::new(
            StatusCode::NOT_FOUND,
            f,
            format!("jurisdiction_id '{j}' is not served here; use {JURISDICTION}."),
        )),
        _ => Ok(()),
    }
}

fn db_err(f: Format) -> impl Fn(sqlx::Error) -> Error {
    move |e| Error::internal(f, e)
}

async fn top(
    State(st): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Params>,
    Source(source): Source,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let (resource, f) = split(&file)?;
    check_jurisdiction(&params, f)?;
    let texts = texts(&params, &headers);
    match resource {
        // Extension: an ALTCHA challenge for anonymous reports (see pow.rs).
        "challenge" => {
            let pow = st
                .pow
                .as_ref()
                .ok_or_else(|| Error::new(StatusCode::NOT_FOUND, f, "No proof of work is asked here."))?;
            let hash = source.map(|ip| st.limits.source_hash(ip));
            let c = pow.challenge(hash.as_deref()).map_err(|e| Error::internal(f, e))?;
            let mut r = render(f, "challenge", &json!(c));
            r.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
            Ok(r)
        }
        "discovery" => Ok(render(
            f,
            "discovery",
            &json!({
                "changeset": "2026-11-28T00:00:00Z",
                "contact": "Landeshauptstadt München, Anliegenmanagement",
                "key_service": "API keys for POST requests are issued by the city's IT department.",
                "endpoints": [{
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": format!("{}/open311/v2", st.base_url),
                    "changeset": "2026-11-28T00:00:00Z",
                    "type": "production",
                    "formats": ["application/json", "text/xml"],
                }],
                // Extension: what an anonymous report needs besides the api_key.
                "proof_of_work": st.pow.as_ref().map(|_| json!({
                    "scheme": "ALTCHA",
                    "algorithm": "SHA-256",
                    "challenge": format!("{}/open311/v2/challenge.json", st.base_url),
                    "field": "altcha",
                    "description": "Anonymous POST requests carry a solved ALTCHA challenge (base64 JSON) in the field 'altcha'; requests with a citizen's access token do not.",
                })),
            }),
        )),
        "services" => {
            let list: Vec<_> =
                store::services(&st.db).await.map_err(db_err(f))?.iter().map(|s| s.service(texts)).collect();
            Ok(render(f, "services", &json!(list)))
        }
        "requests" => list_requests(&st, &params, &headers, f, texts).await,
        _ => Err(Error::new(StatusCode::NOT_FOUND, f, "No such resource. See discovery.json.")),
    }
}

async fn definition(
    State(st): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let (code, f) = split(&file)?;
    check_jurisdiction(&params, f)?;
    let s = store::service(&st.db, code)
        .await
        .map_err(db_err(f))?
        .ok_or_else(|| Error::new(StatusCode::NOT_FOUND, f, format!("No service with code '{code}'.")))?;
    Ok(render(f, "service_definition", &json!(s.definition(texts(&params, &headers)))))
}

fn parse_time(params: &Params, key: &str, f: Format) -> Result<Option<i64>, Error> {
    params
        .get(key)
        .map(|v| {
            crate::parse_rfc3339(v).ok_or_else(|| {
                Error::bad(f, format!("{key} must be a date and time in W3C format, e.g. 2026-11-28T09:00:00Z."))
            })
        })
        .transpose()
}

fn list(params: &Params, key: &str) -> Vec<String> {
    params
        .get(key)
        .map(|v| v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
        .unwrap_or_default()
}

async fn list_requests(
    st: &AppState,
    params: &Params,
    headers: &HeaderMap,
    f: Format,
    texts: Texts,
) -> Result<Response, Error> {
    let now = crate::now();
    // Extension: `account=me` with the citizen's access token lists their
    // own reports, from any device and of any age.
    let account = match params.get("account").map(String::as_str) {
        None => None,
        Some("me") => {
            let citizen = signed_in(st, headers, f, language(params, headers)).await?.ok_or_else(|| {
                Error::new(StatusCode::UNAUTHORIZED, f, "account=me needs the citizen's access token (Bearer).")
            })?;
            // The level `personal::ROUTES` names for this, as for every personal route.
            let needed = crate::personal::needed("GET /open311/v2/requests.{format}?account=me");
            if citizen.level < needed {
                let why = format!("account=me needs a sign-in at {}.", needed.code());
                return Err(Error::new(StatusCode::FORBIDDEN, f, why));
            }
            Some(citizen.sub)
        }
        Some(_) => return Err(Error::bad(f, "account takes only the value 'me'.")),
    };
    let start = parse_time(params, "start_date", f)?;
    let end = parse_time(params, "end_date", f)?;
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (Some(s), None) => (s, (s + MAX_RANGE_SECS).min(now)),
        (None, Some(e)) => (e - MAX_RANGE_SECS, e),
        (None, None) if account.is_some() => (0, now),
        (None, None) => (now - MAX_RANGE_SECS, now),
    };
    if end < start {
        return Err(Error::bad(f, "end_date is before start_date."));
    }
    if end - start > MAX_RANGE_SECS && account.is_none() {
        return Err(Error::bad(f, "start_date and end_date may be at most 90 days apart."));
    }
    let statuses = list(params, "status");
    if let Some(bad) = statuses.iter().find(|s| *s != "open" && *s != "closed") {
        return Err(Error::bad(f, format!("status must be open or closed, not '{bad}'.")));
    }
    let page: usize = params
        .get("page")
        .map_or(Ok(1), |v| v.parse().ok().filter(|p| (1..=MAX_PAGE).contains(p)).ok_or(()))
        .map_err(|_| Error::bad(f, format!("page must be a whole number from 1 to {MAX_PAGE}.")))?;
    let page_size: usize = params
        .get("page_size")
        .map_or(Ok(50), |v| v.parse().ok().filter(|p| (1..=MAX_PAGE_SIZE).contains(p)).ok_or(()))
        .map_err(|_| Error::bad(f, format!("page_size must be from 1 to {MAX_PAGE_SIZE}.")))?;
    let near = match (params.get("lat"), params.get("long"), params.get("radius")) {
        (None, None, None) => None,
        (Some(lat), Some(lon), r) => {
            let p = LonLat::new(lon.parse().unwrap_or(f64::NAN), lat.parse().unwrap_or(f64::NAN));
            let r: f64 = r
                .map_or(Ok(500.0), |r| r.parse().map_err(|_| ()))
                .map_err(|_| Error::bad(f, "radius must be metres."))?;
            if !p.is_valid() || !(1.0..=5000.0).contains(&r) {
                return Err(Error::bad(f, "lat/long must be WGS 84 degrees and radius 1 to 5000 metres."));
            }
            Some((p, r))
        }
        _ => return Err(Error::bad(f, "Send lat and long together (radius is optional).")),
    };
    // With a radius, SQL narrows to the enclosing box and the exact circle
    // and paging follow here; without one, SQL pages.
    let bbox = near.map(|(p, r)| {
        let dlat = r / 111_320.0;
        let dlon = r / (111_320.0 * p.lat.to_radians().cos().max(0.01));
        [p.lon - dlon, p.lat - dlat, p.lon + dlon, p.lat + dlat]
    });
    let offset = (page - 1) * page_size;
    let ids = list(params, "service_request_id");
    let service_codes = list(params, "service_code");
    if ids.len() > MAX_LIST || service_codes.len() > MAX_LIST {
        return Err(Error::bad(f, format!("At most {MAX_LIST} values in service_request_id or service_code.")));
    }
    let filter = store::Filter {
        ids,
        service_codes,
        statuses,
        start,
        end,
        updated_after: parse_time(params, "updated_after", f)?,
        bbox,
        page: Some(if near.is_none() { (page_size, offset) } else { (MAX_NEAR_ROWS, 0) }),
        account,
    };
    let rows = store::find(&st.db, &filter).await.map_err(db_err(f))?;
    let rows: Vec<_> = match near {
        None => rows,
        Some((p, radius)) => rows
            .into_iter()
            .filter(|r| r.lat.zip(r.lon).is_some_and(|(lat, lon)| p.distance_m(&LonLat::new(lon, lat)) <= radius))
            .skip(offset)
            .take(page_size)
            .collect(),
    };
    let out = as_wire(st, rows, texts).await.map_err(db_err(f))?;
    Ok(render(f, "service_requests", &json!(out)))
}

/// Stored reports as GeoReport shows them, with their histories.
pub(crate) async fn as_wire(
    st: &AppState,
    rows: Vec<store::RequestRow>,
    texts: Texts,
) -> Result<Vec<ServiceRequest>, sqlx::Error> {
    let services = store::services(&st.db).await?;
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut histories = store::histories(&st.db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let history = histories.remove(&r.id).unwrap_or_default();
            let svc = services.iter().find(|s| s.code == r.service_code);
            store::to_wire(r, svc, texts, &st.base_url, history)
        })
        .collect())
}

async fn one(
    State(st): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let (id, f) = split(&file)?;
    check_jurisdiction(&params, f)?;
    let filter = store::Filter { ids: vec![id.to_string()], ..Default::default() };
    let row = store::find(&st.db, &filter)
        .await
        .map_err(db_err(f))?
        .into_iter()
        .next()
        .ok_or_else(|| Error::new(StatusCode::NOT_FOUND, f, format!("No service request '{id}'.")))?;
    let svc = store::service(&st.db, &row.service_code).await.map_err(db_err(f))?;
    let history = store::histories(&st.db, &[id.to_string()]).await.map_err(db_err(f))?.remove(id).unwrap_or_default();
    let r = store::to_wire(row, svc.as_ref(), texts(&params, &headers), &st.base_url, history);
    Ok(render(f, "service_requests", &json!([r])))
}

/// Per-source limits on anonymous writes: a 429 with `Retry-After` in
/// GeoReport's error format; a database that cannot count is a 503.
async fn throttle(
    st: &AppState,
    what: Write,
    source: Option<std::net::IpAddr>,
    f: Format,
    headers: &HeaderMap,
) -> Result<(), Error> {
    match st.limits.check(&st.db, what, source).await {
        Ok(()) => Ok(()),
        Err(crate::limits::Denied::Wait(secs)) => {
            st.metrics.refuse("rate_limit");
            Err(Error::too_many(f, secs, language(&Params::new(), headers)))
        }
        Err(crate::limits::Denied::Database(e)) => Err(Error::internal(f, e)),
    }
}

/// `POST requests/{id}/support.{json,xml}` (extension): "I am affected too".
/// Form field `api_key` as for new reports; the `Idempotency-Key` header
/// names the supporter (a random id per device), so each counts once.
/// Answers with the report, its `extended_attributes.supporters` counted.
async fn support(
    State(st): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    Source(source): Source,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, Error> {
    let (action, f) = split(&file)?;
    if action != "support" {
        return Err(Error::new(StatusCode::NOT_FOUND, f, "No such resource. See discovery.json."));
    }
    throttle(&st, Write::Support, source, f, &headers).await?;
    let fields: Params = url::form_urlencoded::parse(&body).into_owned().collect();
    if !fields.get("api_key").is_some_and(|k| st.api_keys.iter().any(|x| x == k)) {
        return Err(Error::new(StatusCode::FORBIDDEN, f, "A valid api_key is required."));
    }
    check_jurisdiction(&fields, f)?;
    let lang = language(&fields, &headers);
    let supporter = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .ok_or_else(|| Error::bad(f, "An Idempotency-Key header naming the supporter is required."))?;
    let hash = source.map(|ip| st.limits.source_hash(ip));
    let source = hash.as_deref().map(|h| (h, st.limits.config.supports_per_report));
    match store::support(&st.db, &id, supporter, source, crate::now()).await.map_err(db_err(f))? {
        Ok(n) => tracing::info!(%id, supporters = n, "report supported"),
        Err(store::SupportRefused::NoSuchReport) => {
            return Err(Error::new(StatusCode::NOT_FOUND, f, format!("No service request '{id}'.")))
        }
        Err(store::SupportRefused::TooManyFromSource) => {
            st.metrics.refuse("support_cap");
            let said = validate::Refusal::new("support-already");
            return Err(Error::retry_later(StatusCode::TOO_MANY_REQUESTS, f, 86_400, said.text(lang)));
        }
        Err(store::SupportRefused::Closed) => {
            let said = validate::Refusal::new("report-closed");
            return Err(Error::new(StatusCode::CONFLICT, f, said.text(lang)));
        }
    }
    let mut params = Params::new();
    // The report is answered in the supporter's language.
    params.insert("locale".into(), lang.0.code.into());
    one(State(st), Path(format!("{id}.{}", if f == Format::Json { "json" } else { "xml" })), Query(params), headers)
        .await
}

/// The signed-in citizen's account id, if the request carries an access
/// token; an invalid or expired token is refused (401), not ignored.
async fn signed_in(
    st: &AppState,
    headers: &HeaderMap,
    f: Format,
    lang: Lang,
) -> Result<Option<crate::citizens::Citizen>, Error> {
    let Some(auth) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else { return Ok(None) };
    let token = auth
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::new(StatusCode::UNAUTHORIZED, f, "Authorization must be 'Bearer <access token>'."))?;
    let verified = crate::citizens::verify(&st.providers(), token).await;
    match verified.ok_or_else(|| Error::new(StatusCode::UNAUTHORIZED, f, "Sign-in is not set up on this server."))? {
        Ok(citizen) => Ok(Some(citizen)),
        Err(crate::citizens::TokenError::Invalid(why)) => {
            tracing::info!(%why, "access token refused");
            let said = validate::Refusal::new("sign-in-expired");
            Err(Error::new(StatusCode::UNAUTHORIZED, f, said.text(lang)))
        }
        Err(crate::citizens::TokenError::Unavailable(why)) => {
            tracing::error!(%why, "identity provider unreachable");
            Err(Error::new(StatusCode::SERVICE_UNAVAILABLE, f, "Sign-in cannot be checked right now. Try again later."))
        }
    }
}

async fn token(State(st): State<AppState>, Path(file): Path<String>) -> Result<Response, Error> {
    let (token, f) = split(&file)?;
    let id = store::by_token(&st.db, token)
        .await
        .map_err(db_err(f))?
        .ok_or_else(|| Error::new(StatusCode::NOT_FOUND, f, "No such token."))?;
    Ok(render(f, "service_requests", &json!([TokenAnswer { service_request_id: Some(id), token: token.into() }])))
}

/// `POST requests.{json,xml}`: form-urlencoded as the spec says, or multipart
/// with a `media` photo (the common extension).
async fn create(
    State(st): State<AppState>,
    Path(file): Path<String>,
    Source(source): Source,
    headers: HeaderMap,
    req: Request,
) -> Result<Response, Error> {
    let (resource, f) = split(&file)?;
    if resource != "requests" {
        return Err(Error::new(StatusCode::METHOD_NOT_ALLOWED, f, "Only requests can be posted."));
    }
    // Throttled per source before the body is read.
    throttle(&st, Write::Report, source, f, &headers).await?;
    // Refusals a citizen may read come in the request's language (its
    // header now; a `locale` form field once the fields are read).
    let mut lang = language(&Params::new(), &headers);
    let too_big = || Error::new(StatusCode::PAYLOAD_TOO_LARGE, f, photo_problem(&media::MediaError::TooLarge, lang));
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut photos: Vec<Vec<u8>> = Vec::new();
    if ct.starts_with("multipart/form-data") {
        let mut mp = Multipart::from_request(req, &st)
            .await
            .map_err(|e| Error::bad(f, format!("Cannot read the form: {}", e.body_text())))?;
        loop {
            let field = match mp.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
                Err(e) => return Err(Error::bad(f, format!("Cannot read the form: {}", e.body_text()))),
            };
            let name = field.name().unwrap_or("").to_string();
            if name == "media" {
                let bytes = field.bytes().await.map_err(|e| {
                    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        too_big()
                    } else {
                        Error::bad(f, e.body_text())
                    }
                })?;
                if photos.len() == media::MAX_PHOTOS {
                    let n = media::MAX_PHOTOS;
                    let said = validate::Refusal::new("too-many-photos").with("n", n);
                    return Err(Error::bad(f, said.text(lang)));
                }
                if !bytes.is_empty() {
                    photos.push(bytes.to_vec());
                }
            } else {
                let text = field.text().await.map_err(|e| Error::bad(f, e.body_text()))?;
                fields.push((name, text));
            }
        }
    } else if ct.starts_with("application/x-www-form-urlencoded") {
        let body = axum::body::to_bytes(req.into_body(), media::MAX_BODY).await.map_err(|_| too_big())?;
        fields = url::form_urlencoded::parse(&body).into_owned().collect();
    } else {
        return Err(Error::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            f,
            "Send the report as application/x-www-form-urlencoded or multipart/form-data.",
        ));
    }
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    // GeoReport: an unknown or missing API key is 403.
    match get("api_key") {
        Some(k) if st.api_keys.iter().any(|x| x == &k) => {}
        _ => return Err(Error::new(StatusCode::FORBIDDEN, f, "A valid api_key is required to post a report.")),
    }
    if let Some(j) = get("jurisdiction_id") {
        if j != JURISDICTION {
            return Err(Error::new(StatusCode::NOT_FOUND, f, format!("jurisdiction_id '{j}' is not served here.")));
        }
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .map(str::to_string);
    if let Some(k) = &key {
        if let Some((id, token)) = store::by_idempotency_key(&st.db, k).await.map_err(db_err(f))? {
            // A retry of a report that already arrived: the same answer, nothing new stored.
            return Ok(created(f, id, token, StatusCode::OK));
        }
    }
    if let Some(l) = fields.iter().find(|(k, _)| k == "locale") {
        lang = Lang::of(Some(&l.1), None);
    }
    // The account comes from a verified access token only, never from a form field.
    // A report sent signed in belongs to the account, at any level.
    let account = signed_in(&st, &headers, f, lang).await?.map(|c| c.sub);
    // Anonymous reports carry a solved proof of work; signed-in citizens skip it.
    if let (Some(pow), None) = (&st.pow, &account) {
        let field = fields.iter().find(|(k, _)| k == "altcha").map(|(_, v)| v.as_str());
        if let Err(why) = pow.redeem(&st.db, field).await {
            if let crate::pow::Refused::Unavailable(e) = why {
                return Err(Error::internal(f, e));
            }
            st.metrics.refuse("proof_of_work");
            let said = match why {
                crate::pow::Refused::Missing => validate::Refusal::new("pow-missing"),
                crate::pow::Refused::Expired => validate::Refusal::new("pow-expired"),
                crate::pow::Refused::Used => validate::Refusal::new("pow-used"),
                crate::pow::Refused::Unreadable | crate::pow::Refused::Wrong | crate::pow::Refused::Unavailable(_) => {
                    validate::Refusal::new("pow-wrong")
                }
            };
            return Err(Error::new(StatusCode::PRECONDITION_REQUIRED, f, said.text(lang)));
        }
    }
    let mut new = validate::parse(&fields).map_err(|e| Error::bad(f, e.text(lang)))?;
    new.account_id = account;
    let svc = store::service(&st.db, &new.service_code).await.map_err(db_err(f))?.ok_or_else(|| {
        Error::bad(f, format!("service_code '{}' does not exist. See services.json.", new.service_code))
    })?;
    validate::check_attributes(&new, &svc.stored_attributes(), lang).map_err(|e| Error::bad(f, e.text(lang)))?;
    // Every photo is checked before any is stored: one bad photo refuses the
    // report, and the message says which one.
    let several = photos.len() > 1;
    let mut cleaned = Vec::with_capacity(photos.len());
    for (n, bytes) in photos.into_iter().enumerate() {
        // One photo per core at a time, whatever the load: memory stays bounded.
        let slot = st.photo_slots.clone().acquire_owned().await.map_err(|e| Error::internal(f, e))?;
        let clean = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            media::process(&bytes)
        })
        .await
        .map_err(|e| Error::internal(f, e))?;
        cleaned.push(clean.map_err(|e| {
            let status =
                if e == media::MediaError::TooLarge { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::BAD_REQUEST };
            let problem = photo_problem(&e, lang);
            let said = if several {
                crate::says::say(lang, "photo-numbered", &[("n", (n + 1).into()), ("problem", problem.into())])
            } else {
                problem
            };
            Error::new(status, f, said)
        })?);
    }
    let mut media_names = Vec::with_capacity(cleaned.len());
    for jpeg in cleaned {
        match media::store(&st, jpeg).await {
            Ok(name) => media_names.push(name),
            Err(e) => {
                // The photo store (a folder, the database or an object store)
                // is unreachable or full: logged, and the sender told to send
                // again later; nothing of the report is kept half.
                tracing::error!(error = %e, "storing a photo");
                media::remove(&st, &media_names).await;
                let said = validate::Refusal::new("photos-unavailable");
                return Err(Error::retry_later(StatusCode::SERVICE_UNAVAILABLE, f, 120, said.text(lang)));
            }
        }
    }
    let now = crate::now();
    let inserted = store::insert(&st.db, &new, &media_names, key.as_deref(), now).await;
    if inserted.is_err() {
        // No report holds these photos: they go (a retry stores its own).
        media::remove(&st, &media_names).await;
    }
    let (id, token) = match inserted {
        Ok(x) => x,
        // Two copies of one retry raced: the other one stored it; answer with that.
        Err(sqlx::Error::Database(d)) if d.is_unique_violation() && key.is_some() => {
            store::by_idempotency_key(&st.db, key.as_deref().unwrap_or_default())
                .await
                .map_err(db_err(f))?
                .ok_or_else(|| Error::internal(f, "idempotency race without a row"))?
        }
        Err(e) => return Err(Error::internal(f, e)),
    };
    tracing::info!(%id, service = %new.service_code, photos = media_names.len(), "report received");
    st.metrics.reports.inc();
    st.metrics.photos.inc_by(media_names.len() as u64);
    Ok(created(f, id, token, StatusCode::CREATED))
}

fn created(f: Format, id: String, token: String, status: StatusCode) -> Response {
    let body = vec![CreatedRequest {
        service_request_id: Some(id),
        token: Some(token),
        service_notice: Some(
            "Vielen Dank. Ihre Meldung ist eingegangen. / Thank you, your report has been received.".into(),
        ),
        account_id: None,
    }];
    let mut r = render(f, "service_requests", &json!(body));
    *r.status_mut() = status;
    r
}

#[derive(serde::Deserialize)]
struct StatusChange {
    status: String,
    note: Option<String>,
    expected_datetime: Option<String>,
}

/// `POST /operator/requests/{id}/status`: moves a report through the lifecycle.
async fn operator_status(
    State(st): State<AppState>,
    Path(id): Path<String>,
    crate::auth::OperatorWith(op, _): crate::auth::OperatorWith<crate::auth::Requests>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, crate::error::Error> {
    use crate::error::Error as E;
    let change: StatusChange = crate::finders::json_body(&headers, &body)?;
    let status = DetailedStatus::from_code(&change.status).ok_or_else(|| {
        let all: Vec<&str> = DetailedStatus::ALL.iter().map(|d| d.code()).collect();
        E::bad_request("invalid_status", format!("status must be one of {}.", all.join(", ")))
    })?;
    let expected = change
        .expected_datetime
        .as_deref()
        .map(|d| {
            crate::parse_rfc3339(d)
                .ok_or_else(|| E::bad_request("invalid_datetime", "expected_datetime must be RFC 3339."))
        })
        .transpose()?;
    let note = change.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 2000) {
        return Err(E::bad_request("invalid_note", "note is longer than 2000 characters."));
    }
    // Notes go into every GeoReport answer, XML included: plain text only.
    if note.is_some_and(|n| n.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')) {
        return Err(E::bad_request("invalid_note", "note contains a control character; send plain text only."));
    }
    if !store::set_status(&st.db, &id, status, note, expected, crate::now(), &op.who()).await? {
        return Err(E::NotFound(format!("No service request '{id}'.")));
    }
    st.hub.wake();
    tracing::info!(%id, status = status.code(), operator = %op.who(), "status changed");
    Ok(StatusCode::NO_CONTENT.into_response())
}
