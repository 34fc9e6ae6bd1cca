//! The capacity-finder catalogue: ETag caching, operator API validation and
//! authorization, on SQLite and PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Answer, TestDb};
use muc_portal::AppState;
use serde_json::{json, Value};

async fn send(st: &AppState, method: &str, uri: &str, headers: &[(&str, &str)], body: Option<Value>) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    common::send_json(st, req, body).await
}

fn entry(id: &str, url: &str) -> Value {
    json!({
        "id": id,
        "name_de": "Testfinder",
        "name_en": "Test finder",
        "description_de": "Findet Testplätze.",
        "description_en": "Finds test places.",
        "operator": "Landeshauptstadt München",
        "url": url,
        "category": "childcare",
        "target_groups": ["families"],
        "languages": ["de"],
        "login_required": false,
        "keywords": ["Test"]
    })
}

on_both_databases!(
    catalogue_with_etag,
    operator_api_checks_tokens,
    operator_api_validates_and_changes,
    operator_routes_check_the_token_before_the_body
);

/// A body that must not be read: polling it fails the test.
struct Untouchable;

impl http_body::Body for Untouchable {
    type Data = bytes::Bytes;
    type Error = std::io::Error;
    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        panic!("the body was read before the operator token was checked");
    }
}

/// Found in review: operator routes read the whole body, then checked the
/// token. Now nobody without a token makes the portal read a byte of it.
async fn operator_routes_check_the_token_before_the_body(db: TestDb) {
    let st = db.state().await;
    for (method, uri) in [
        ("POST", "/operator/finders"),
        ("PUT", "/operator/finders/kita-finder-muenchen"),
        ("POST", "/operator/requests/MUC-0000000000/status"),
    ] {
        let req = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, "Bearer not-a-token")
            .body(Body::new(Untouchable))
            .expect("request");
        assert_eq!(common::send(&st, req).await.status, StatusCode::UNAUTHORIZED, "{method} {uri}");
    }
}

async fn catalogue_with_etag(db: TestDb) {
    let st = db.state().await;
    let first = send(&st, "GET", "/finders", &[], None).await;
    assert_eq!(first.status, StatusCode::OK);
    let finders = first.json["finders"].as_array().expect("finders");
    assert!(finders.len() >= 10);
    assert!(finders.iter().all(|f| f["url"].as_str().expect("url").starts_with("https://")));
    assert!(finders.iter().any(|f| f["id"] == "kita-finder-muenchen"));
    let etag = first.headers.get(header::ETAG).expect("ETag").to_str().expect("ascii").to_string();
    assert_eq!(first.headers.get(header::CACHE_CONTROL).map(|v| v.to_str().expect("a")), Some("no-cache"));

    let again = send(&st, "GET", "/finders", &[("if-none-match", &etag)], None).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert_eq!(again.json, Value::Null, "304 has no body");

    let one = send(&st, "GET", "/finders/pflegefinder-bayern", &[], None).await;
    assert_eq!(one.json["operator"], "Bayerisches Landesamt für Pflege");
    let none = send(&st, "GET", "/finders/nope", &[], None).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
}

async fn operator_api_checks_tokens(db: TestDb) {
    let st = db.state().await;
    let token = muc_portal::auth::create_token(&st.db, "Test-Team", &muc_portal::auth::Scope::ALL, 30, "test")
        .await
        .expect("token")
        .token;
    let body = entry("test-finder", "https://example.org/test");

    let anonymous = send(&st, "POST", "/operator/finders", &[], Some(body.clone())).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.headers.get(header::WWW_AUTHENTICATE).map(|v| v.to_str().expect("a")), Some("Bearer"));
    assert_eq!(anonymous.json["code"], "unauthorized");

    let wrong =
        send(&st, "POST", "/operator/finders", &[("authorization", "Bearer not-a-token")], Some(body.clone())).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    for (method, uri) in [
        ("PUT", "/operator/finders/kita-finder-muenchen"),
        ("DELETE", "/operator/finders/kita-finder-muenchen"),
        ("GET", "/operator/finders"),
    ] {
        let a = send(&st, method, uri, &[], Some(body.clone())).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{method} {uri}");
    }
    let bearer = format!("Bearer {token}");
    let ok = send(&st, "POST", "/operator/finders", &[("authorization", &bearer)], Some(body)).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.json);
    // Nothing about tokens is stored in the clear.
    let stored: String =
        sqlx::query_scalar("SELECT token_hash FROM operator_tokens").fetch_one(&st.db).await.expect("row");
    assert_ne!(stored, token);
}

async fn operator_api_validates_and_changes(db: TestDb) {
    let st = db.state().await;
    let token = muc_portal::auth::create_token(&st.db, "Test-Team", &muc_portal::auth::Scope::ALL, 30, "test")
        .await
        .expect("token")
        .token;
    let auth = format!("Bearer {token}");
    let h = [("authorization", auth.as_str())];
    let etag_before = send(&st, "GET", "/finders", &[], None).await.headers[header::ETAG].clone();

    for (mutate, code) in [
        (json!({"url": "http://example.org/x"}), "invalid_finder"),
        (json!({"url": "javascript:alert(1)"}), "invalid_finder"),
        (json!({"name_de": "  "}), "invalid_finder"),
        (json!({"id": "Not An Id"}), "invalid_finder"),
        (json!({"target_groups": []}), "invalid_finder"),
        (json!({"phone": "call me"}), "invalid_finder"),
        (json!({"category": "spaceflight"}), "invalid_json"),
    ] {
        let mut body = entry("new-finder", "https://example.org/new");
        for (k, v) in mutate.as_object().expect("object") {
            body[k] = v.clone();
        }
        let a = send(&st, "POST", "/operator/finders", &h, Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{mutate}: {}", a.json);
        assert_eq!(a.json["code"], code, "{mutate}");
    }
    let mut missing = entry("new-finder", "https://example.org/new");
    missing.as_object_mut().expect("o").remove("operator");
    assert_eq!(send(&st, "POST", "/operator/finders", &h, Some(missing)).await.status, StatusCode::BAD_REQUEST);

    // Duplicates: same id, or same address as an existing entry.
    let dup_id =
        send(&st, "POST", "/operator/finders", &h, Some(entry("kita-finder-muenchen", "https://example.org/a"))).await;
    assert_eq!(dup_id.status, StatusCode::CONFLICT);
    let dup_url =
        send(&st, "POST", "/operator/finders", &h, Some(entry("another", "https://www.pflegefinder.bayern.de/"))).await;
    assert_eq!(dup_url.status, StatusCode::CONFLICT);

    // Add, change, retire.
    let added = send(&st, "POST", "/operator/finders", &h, Some(entry("new-finder", "https://example.org/new"))).await;
    assert_eq!(added.status, StatusCode::CREATED);
    assert_eq!(added.headers[header::LOCATION], "http://portal.test/finders/new-finder");
    let mut changed = entry("new-finder", "https://example.org/new");
    changed["name_de"] = json!("Neuer Name");
    let put = send(&st, "PUT", "/operator/finders/new-finder", &h, Some(changed.clone())).await;
    assert_eq!(put.status, StatusCode::OK);
    let wrong_id = send(&st, "PUT", "/operator/finders/kita-finder-muenchen", &h, Some(changed)).await;
    assert_eq!(wrong_id.status, StatusCode::BAD_REQUEST);
    let public = send(&st, "GET", "/finders/new-finder", &[], None).await;
    assert_eq!(public.json["name_de"], "Neuer Name");

    let catalogue = send(&st, "GET", "/finders", &[("if-none-match", etag_before.to_str().expect("a"))], None).await;
    assert_eq!(catalogue.status, StatusCode::OK, "a change makes a new ETag");

    let del = send(&st, "DELETE", "/operator/finders/new-finder", &h, None).await;
    assert_eq!(del.status, StatusCode::NO_CONTENT);
    assert_eq!(send(&st, "GET", "/finders/new-finder", &[], None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&st, "DELETE", "/operator/finders/new-finder", &h, None).await.status, StatusCode::NOT_FOUND);
    let all = send(&st, "GET", "/operator/finders", &h, None).await;
    assert!(
        all.json.as_array().expect("list").iter().any(|f| f["id"] == "new-finder"),
        "operators still see retired entries"
    );

    // A body that is not JSON.
    let req = Request::builder()
        .method("POST")
        .uri("/operator/finders")
        .header("authorization", &auth)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("hello"))
        .expect("req");
    assert_eq!(common::send(&st, req).await.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}
