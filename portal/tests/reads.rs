//! Public reads as ready-made bytes (`read_cache`): strong ETags and 304s,
//! br and gzip when asked, a write seen at once, personal and single-use
//! answers never kept, memory bounded. On SQLite and PostgreSQL.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Answer, TestDb};
use muc_portal::read_cache::ReadCache;
use muc_portal::AppState;

const ITEMS: &str = "/collections/hotspots/items?limit=50";

async fn get(st: &AppState, uri: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    common::send(st, req.body(Body::empty()).expect("request")).await
}

/// The state with reads kept for `lifetime` in at most `mib` MiB.
async fn state(db: &TestDb, lifetime: Duration, mib: u64) -> (AppState, tempfile::TempDir) {
    let media = tempfile::tempdir().expect("tempdir");
    let mut st = db.state().await;
    st.settings().media_dir = media.path().to_path_buf();
    st.settings().read_cache = ReadCache::new(lifetime, mib * 1024 * 1024);
    (st, media)
}

fn etag(a: &Answer) -> String {
    a.headers.get(header::ETAG).expect("ETag").to_str().expect("ascii").to_string()
}

fn figure(metrics: &str, name: &str) -> u64 {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.trim().parse().ok()))
        .unwrap_or_else(|| panic!("{name} not in:\n{metrics}"))
}

on_both_databases!(
    reads_carry_strong_etags_and_answer_304,
    compressed_when_asked_and_only_when_it_pays,
    a_write_is_seen_at_once,
    changes_this_portal_did_not_make_are_seen_within_the_lifetime,
    personal_single_use_and_health_answers_are_never_kept,
    the_same_reads_at_once_run_the_handler_once,
    memory_stays_within_its_bound
);

async fn reads_carry_strong_etags_and_answer_304(db: TestDb) {
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let first = get(&st, ITEMS, &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    let tag = etag(&first);
    assert!(tag.starts_with('"') && tag.len() == 34, "strong, 128 bits: {tag}");
    assert_eq!(first.headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(first.headers[header::VARY], "Accept, Accept-Language, Accept-Encoding");
    assert_eq!(first.content_type, "application/geo+json");

    // The same bytes again, from memory.
    let again = get(&st, ITEMS, &[]).await;
    assert_eq!(again.body, first.body);
    assert_eq!(etag(&again), tag);
    let metrics = String::from_utf8(get(&st, "/metrics", &[]).await.body).expect("text");
    assert_eq!(figure(&metrics, "muc_portal_read_cache_hits_total"), 1);

    for sent in [tag.clone(), format!("W/{tag}"), format!("\"other\", {tag}")] {
        let not_modified = get(&st, ITEMS, &[(header::IF_NONE_MATCH, &sent)]).await;
        assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED, "{sent}");
        assert!(not_modified.body.is_empty());
        assert_eq!(etag(&not_modified), tag);
    }
    let changed = get(&st, ITEMS, &[(header::IF_NONE_MATCH, "\"0123\"")]).await;
    assert_eq!(changed.status, StatusCode::OK);

    // Another representation is another entry with its own tag.
    let other = get(&st, "/collections/hotspots/items?limit=49", &[]).await;
    assert_ne!(etag(&other), tag);
    // Without anything kept (lifetime 0) the tags and 304s still work.
    let (bare, _m2) = state(&db, Duration::ZERO, 64).await;
    let a = get(&bare, "/finders", &[]).await;
    let b = get(&bare, "/finders", &[(header::IF_NONE_MATCH, &etag(&a))]).await;
    assert_eq!(b.status, StatusCode::NOT_MODIFIED);
    assert_eq!(bare.read_cache.weight(), 0);
}

async fn compressed_when_asked_and_only_when_it_pays(db: TestDb) {
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let plain = get(&st, ITEMS, &[]).await;
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());

    let br = get(&st, ITEMS, &[(header::ACCEPT_ENCODING, "gzip, deflate, br")]).await;
    assert_eq!(br.headers[header::CONTENT_ENCODING], "br");
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut &br.body[..], &mut unpacked).expect("brotli");
    assert_eq!(unpacked, plain.body);
    assert!(br.body.len() * 4 < plain.body.len(), "{} of {} bytes", br.body.len(), plain.body.len());
    assert_ne!(etag(&br), etag(&plain), "other bytes, other strong tag");
    let again = get(&st, ITEMS, &[(header::ACCEPT_ENCODING, "br"), (header::IF_NONE_MATCH, &etag(&br))]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);

    let gz = get(&st, ITEMS, &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(gz.headers[header::CONTENT_ENCODING], "gzip");
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz.body[..]), &mut unpacked).expect("gzip");
    assert_eq!(unpacked, plain.body);

    // A small answer is not worth it.
    let small = get(&st, "/conformance", &[(header::ACCEPT_ENCODING, "br")]).await;
    assert!(small.body.len() < muc_portal::read_cache::COMPRESS_FROM, "{}", small.body.len());
    assert!(small.headers.get(header::CONTENT_ENCODING).is_none());
}

/// Kept for an hour, yet a report posted or a finder changed through this
/// portal is in the very next read.
async fn a_write_is_seen_at_once(db: TestDb) {
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let list = "/open311/v2/requests.json?status=open";
    let before = get(&st, list, &[]).await.json().as_array().expect("list").len();
    let form = "api_key=muenchen-app&service_code=strassenbeleuchtung&lat=48.137154&long=11.576124\
                &attribute%5Bart%5D=dunkel&description=Seit+Tagen+dunkel.";
    let req = Request::post("/open311/v2/requests.json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    assert_eq!(common::send(&st, req).await.status, StatusCode::CREATED);
    let after = get(&st, list, &[]).await.json().as_array().expect("list").len();
    assert_eq!(after, before + 1);

    let finders = get(&st, "/finders", &[]).await;
    let token = muc_portal::auth::create_token(&st.db, "Test-Team", &[muc_portal::auth::Scope::Finders], 1, "test")
        .await
        .expect("token")
        .token;
    let mut changed = finders.json["finders"][0].clone();
    changed["name_de"] = "Umbenannt".into();
    let id = changed["id"].as_str().expect("id").to_string();
    let put = Request::put(format!("/operator/finders/{id}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(changed.to_string()))
        .expect("request");
    assert_eq!(common::send(&st, put).await.status, StatusCode::OK);
    let now = get(&st, "/finders", &[(header::IF_NONE_MATCH, &etag(&finders))]).await;
    assert_eq!(now.status, StatusCode::OK, "the old tag no longer matches");
    assert!(now.json["finders"].as_array().expect("list").iter().any(|f| f["name_de"] == "Umbenannt"));
}

/// What another instance or `muc-portal finder …` writes is not seen at
/// once (that is what keeping means) but after the lifetime, without any
/// write here.
async fn changes_this_portal_did_not_make_are_seen_within_the_lifetime(db: TestDb) {
    let (kept_long, _m) = state(&db, Duration::from_secs(3600), 64).await;
    // A lifetime no answer outlives: every read finds its kept answer too old.
    let (kept_not_at_all, _m2) = state(&db, Duration::from_nanos(1), 64).await;
    let first = get(&kept_long, "/finders", &[]).await;
    assert_eq!(get(&kept_not_at_all, "/finders", &[]).await.body, first.body);
    let id = first.json["finders"][0]["id"].as_str().expect("id").to_string();
    let listed = |a: &Answer| a.json()["finders"].as_array().expect("list").iter().any(|f| f["id"] == id.as_str());
    // As the command line does it: straight into the database.
    muc_portal::finders::retire_entry(&kept_long.db, &id, muc_portal::now(), "command line (test)")
        .await
        .expect("retire");
    // Kept for an hour: still listed…
    assert!(listed(&get(&kept_long, "/finders", &[]).await));
    // …unless the client asks for the answer of now, which then replaces what was kept.
    assert!(!listed(&get(&kept_long, "/finders", &[(header::CACHE_CONTROL, "no-cache")]).await));
    assert!(!listed(&get(&kept_long, "/finders", &[]).await));
    // Past its lifetime a kept answer is not served, without any write here.
    assert!(!listed(&get(&kept_not_at_all, "/finders", &[]).await));
}

async fn personal_single_use_and_health_answers_are_never_kept(db: TestDb) {
    let (mut st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    // Proof of work on: each challenge is single-use and must differ.
    st.settings().pow = muc_portal::pow::Pow::from_config(&db.config()).map(std::sync::Arc::new);
    let a = get(&st, "/open311/v2/challenge.json", &[]).await;
    let b = get(&st, "/open311/v2/challenge.json", &[]).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_ne!(a.json["challenge"], b.json["challenge"]);
    assert!(st.read_cache.weight() < 1024, "only a note to run it: {}", st.read_cache.weight());
    let kept = st.read_cache.weight();

    // Anything that carries a token or a cookie is someone's own.
    for (name, value) in [(header::AUTHORIZATION, "Bearer abc"), (header::COOKIE, "s=1")] {
        let r = get(&st, ITEMS, &[(name, value)]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.headers.get(header::ETAG).is_none());
    }
    assert_eq!(st.read_cache.weight(), kept, "nothing more kept");

    // Health is about now: 200, then the database goes, then 503.
    assert_eq!(get(&st, "/health", &[]).await.status, StatusCode::OK);
    st.db.close().await;
    assert_eq!(get(&st, "/health", &[]).await.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(get(&st, "/health/ready", &[]).await.status, StatusCode::SERVICE_UNAVAILABLE);
}

/// Ever new query strings cannot grow the portal's memory past the bound.
async fn memory_stays_within_its_bound(db: TestDb) {
    let (st, _m) = state(&db, Duration::from_secs(3600), 1).await;
    for i in 0..600 {
        let uri = format!("/collections/hotspots/items?limit=20&near=11.5{i:03},48.13");
        assert_eq!(get(&st, &uri, &[]).await.status, StatusCode::OK);
    }
    let kept = st.read_cache.weight();
    assert!(kept > 512 * 1024, "it does keep answers: {kept} bytes");
    assert!(kept <= 1024 * 1024, "at most 1 MiB: {kept} bytes");
}

/// A list that is asked for by many at once (after a write, or when it
/// expires) is made once; the others wait for it.
async fn the_same_reads_at_once_run_the_handler_once(db: TestDb) {
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let mut reads = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let st = st.clone();
        reads.spawn(async move { get(&st, "/open311/v2/requests.json", &[]).await });
    }
    let answers = reads.join_all().await;
    assert!(answers.iter().all(|a| a.status == StatusCode::OK && a.body == answers[0].body));
    let metrics = String::from_utf8(get(&st, "/metrics", &[]).await.body).expect("text");
    assert_eq!(figure(&metrics, "muc_portal_read_cache_misses_total"), 1, "made once");
    assert_eq!(figure(&metrics, "muc_portal_read_cache_hits_total"), 31);
}

/// A HEAD is answered from what a GET keeps, and never keeps the empty body
/// axum gives a HEAD in place of the GET's answer.
#[tokio::test]
async fn a_head_never_empties_the_kept_answer() {
    let db = TestDb::sqlite().await;
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let head = common::send(&st, Request::head(ITEMS).body(Body::empty()).expect("request")).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
    let get = get(&st, ITEMS, &[]).await;
    assert!(get.json()["features"].as_array().is_some_and(|f| f.len() == 50), "a whole answer after a HEAD");
    let head_again = common::send(&st, Request::head(ITEMS).body(Body::empty()).expect("request")).await;
    assert_eq!(head_again.status, StatusCode::OK);
    assert_eq!(head_again.headers.get(header::ETAG), get.headers.get(header::ETAG));
}

/// A kept read is answered before routing, yet counted under its route as
/// if the router had answered it; `/metrics` itself is never kept.
#[tokio::test]
async fn answers_from_memory_are_counted_under_their_route() {
    let db = TestDb::sqlite().await;
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let first = get(&st, ITEMS, &[]).await;
    let again = get(&st, ITEMS, &[]).await;
    let not_modified = get(&st, ITEMS, &[(header::IF_NONE_MATCH, &etag(&first))]).await;
    assert_eq!((again.status, not_modified.status), (StatusCode::OK, StatusCode::NOT_MODIFIED));
    let head = common::send(&st, Request::head(ITEMS).body(Body::empty()).expect("request")).await;
    assert_eq!(head.headers[header::CONTENT_LENGTH], first.body.len().to_string().as_str(), "the length of the GET");
    let metrics = get(&st, "/metrics", &[]).await;
    assert_eq!(metrics.headers[header::CACHE_CONTROL], "no-store");
    let text = String::from_utf8(metrics.body).expect("text");
    let route = r#"route="/collections/hotspots/items""#;
    let count = |method: &str, status: u16| {
        figure(&text, &format!(r#"muc_portal_http_requests_total{{method="{method}",{route},status="{status}"}}"#))
    };
    assert_eq!(count("GET", 200), 2, "{text}");
    assert_eq!(count("GET", 304), 1);
    assert_eq!(count("HEAD", 200), 1);
    assert_eq!(figure(&text, "muc_portal_read_cache_hits_total"), 3);
    let later = String::from_utf8(get(&st, "/metrics", &[]).await.body).expect("text");
    assert_ne!(later, text, "figures of now, not kept");
}

/// A kept read skips the router and the request's span, not the layers in
/// front of them: it has its own request id (or the proxy's), `nosniff`, and
/// for a page on another origin the CORS answer.
#[tokio::test]
async fn answers_from_memory_carry_what_every_answer_carries() {
    let db = TestDb::sqlite().await;
    let (st, _m) = state(&db, Duration::from_secs(3600), 64).await;
    let first = get(&st, ITEMS, &[]).await;
    let kept = get(&st, ITEMS, &[(header::ORIGIN, "https://stadtplan.example")]).await;
    let proxied = get(&st, ITEMS, &[(header::HeaderName::from_static("x-request-id"), "from-the-proxy-2")]).await;
    let metrics = String::from_utf8(get(&st, "/metrics", &[]).await.body).expect("text");
    assert_eq!(figure(&metrics, "muc_portal_read_cache_hits_total"), 2, "both from memory");
    assert_eq!(kept.body, first.body);
    let id = |a: &Answer| a.headers.get("x-request-id").map(|v| v.to_str().expect("ascii").to_string());
    assert_eq!(id(&kept).map(|i| i.len()), Some(36), "a UUID of its own");
    assert_ne!(id(&kept), id(&first));
    assert_eq!(id(&proxied).as_deref(), Some("from-the-proxy-2"));
    assert_eq!(kept.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(kept.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "https://stadtplan.example");
    assert_eq!(kept.headers[header::ACCESS_CONTROL_EXPOSE_HEADERS], "etag");
    assert!(first.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none(), "no Origin, no CORS answer");
}
