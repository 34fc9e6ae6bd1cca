//! Operators: tokens with a name, scope and expiry that can be revoked,
//! failed attempts logged with their source, and an audit log of every change.

mod common;

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestDb;
use muc_portal::auth::{self, Scope};
use muc_portal::AppState;
use serde_json::{json, Value};

async fn call(st: &AppState, method: &str, uri: &str, token: Option<&str>, body: Option<Value>) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    // A peer address, as the real server sets it: failed attempts name it.
    req = req.extension(axum::extract::ConnectInfo(std::net::SocketAddr::from(([203, 0, 113, 7], 40000))));
    let a = common::send_json(st, req, body).await;
    (a.status, a.json)
}

fn finder(id: &str) -> Value {
    json!({
        "id": id, "name_de": "Testfinder", "name_en": "Test finder",
        "description_de": "Findet Testplätze.", "description_en": "Finds test places.",
        "operator": "Landeshauptstadt München", "url": format!("https://example.org/{id}"),
        "category": "childcare", "target_groups": ["families"], "languages": ["de"],
        "login_required": false, "keywords": []
    })
}

async fn a_report(st: &AppState) -> String {
    let body = "api_key=muenchen-app&service_code=graffiti&lat=48.1374&long=11.5755&attribute%5Bflaeche%5D=kasten";
    let req = Request::post("/open311/v2/requests.json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .expect("request");
    let a = common::send(st, req).await;
    assert_eq!(a.status, StatusCode::CREATED);
    a.json()[0]["service_request_id"].as_str().expect("id").to_string()
}

on_both_databases!(
    a_token_does_only_what_its_scope_says,
    expired_and_revoked_tokens_are_refused,
    every_change_is_in_the_audit_log
);

async fn a_token_does_only_what_its_scope_says(db: TestDb) {
    let st = db.state().await;
    let finders_only = auth::create_token(&st.db, "Sozialreferat", &[Scope::Finders], 30, "test").await.expect("t");
    let requests_only = auth::create_token(&st.db, "Baureferat", &[Scope::Requests], 30, "test").await.expect("t");
    let report = a_report(&st).await;
    let status = format!("/operator/requests/{report}/status");

    let (s, _) = call(&st, "POST", "/operator/finders", Some(&finders_only.token), Some(finder("scoped"))).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, body) = call(&st, "POST", &status, Some(&finders_only.token), Some(json!({"status": "fixed"}))).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a finders token cannot move reports");
    assert_eq!(body["code"], "forbidden");
    assert!(body["description"].as_str().expect("d").contains("requests"), "{body}");

    let (s, _) = call(&st, "POST", &status, Some(&requests_only.token), Some(json!({"status": "fixed"}))).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = call(&st, "DELETE", "/operator/finders/scoped", Some(&requests_only.token), None).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a requests token cannot change finders");
    let (s, _) = call(&st, "GET", "/operator/audit", Some(&requests_only.token), None).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "reading the audit log needs its own scope");

    // Bad tokens are refused, whatever they ask for.
    for bad in [None, Some(""), Some("0000"), Some(&finders_only.id[..])] {
        let (s, _) = call(&st, "GET", "/operator/finders", bad, None).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{bad:?}");
    }
    assert!(auth::create_token(&st.db, "x", &[], 30, "test").await.is_err(), "no scope");
    assert!(auth::create_token(&st.db, "x", &[Scope::Audit], 0, "test").await.is_err(), "no validity");
    assert!(auth::create_token(&st.db, "x", &[Scope::Audit], 367, "test").await.is_err(), "over a year");
    assert!(auth::create_token(&st.db, " \n", &[Scope::Audit], 3, "test").await.is_err(), "no name");
}

async fn expired_and_revoked_tokens_are_refused(db: TestDb) {
    let st = db.state().await;
    let t = auth::create_token(&st.db, "Team Online", &Scope::ALL, 30, "test").await.expect("t");
    let (s, _) = call(&st, "GET", "/operator/finders", Some(&t.token), None).await;
    assert_eq!(s, StatusCode::OK);

    // A token whose time is up.
    sqlx::query("UPDATE operator_tokens SET expires_at = $1 WHERE id = $2")
        .bind(muc_portal::now() - 1)
        .bind(&t.id)
        .execute(&st.db)
        .await
        .expect("age it");
    let (s, body) = call(&st, "GET", "/operator/finders", Some(&t.token), None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(body["description"].as_str().expect("d").contains("expired"), "{body}");

    // A revoked one.
    let u = auth::create_token(&st.db, "Team Online 2", &Scope::ALL, 30, "test").await.expect("t");
    auth::revoke_token(&st.db, &u.id, "test").await.expect("revoke");
    let (s, body) = call(&st, "GET", "/operator/finders", Some(&u.token), None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(body["description"].as_str().expect("d").contains("revoked"), "{body}");
    assert!(auth::revoke_token(&st.db, &u.id, "test").await.is_err(), "revoking twice is an error");
    assert!(auth::revoke_token(&st.db, "nope", "test").await.is_err());

    // The list shows ids, names, scopes and use; never a token or its hash.
    let list = auth::list_tokens(&st.db).await.expect("list");
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|i| i.scopes == "finders,requests,audit,notifications"));
    assert!(list.iter().find(|i| i.id == u.id).is_some_and(|i| i.revoked_at.is_some()));
    assert!(list.iter().find(|i| i.id == t.id).is_some_and(|i| i.last_used_at.is_some()), "last use is kept");
    let shown = format!("{list:?}");
    assert!(!shown.contains(&t.token) && !shown.contains(&u.token));
}

async fn every_change_is_in_the_audit_log(db: TestDb) {
    let st = db.state().await;
    let t = auth::create_token(&st.db, "Sozialreferat", &Scope::ALL, 30, "command line (root)").await.expect("t");
    let report = a_report(&st).await;
    let tok = Some(t.token.as_str());
    assert_eq!(call(&st, "POST", "/operator/finders", tok, Some(finder("audited"))).await.0, StatusCode::CREATED);
    assert_eq!(call(&st, "PUT", "/operator/finders/audited", tok, Some(finder("audited"))).await.0, StatusCode::OK);
    assert_eq!(call(&st, "DELETE", "/operator/finders/audited", tok, None).await.0, StatusCode::NO_CONTENT);
    let status = format!("/operator/requests/{report}/status");
    assert_eq!(call(&st, "POST", &status, tok, Some(json!({"status": "in_progress"}))).await.0, StatusCode::NO_CONTENT);
    // A refused change leaves no entry.
    assert_eq!(call(&st, "POST", "/operator/finders", tok, Some(finder("Bad Id"))).await.0, StatusCode::BAD_REQUEST);

    let (s, log) = call(&st, "GET", "/operator/audit", tok, None).await;
    assert_eq!(s, StatusCode::OK);
    let actions: Vec<(&str, &str)> = log
        .as_array()
        .expect("list")
        .iter()
        .map(|e| (e["action"].as_str().expect("a"), e["target"].as_str().expect("t")))
        .collect();
    assert_eq!(
        actions,
        vec![
            ("request.status", report.as_str()),
            ("finder.retire", "audited"),
            ("finder.change", "audited"),
            ("finder.add", "audited"),
            ("token.create", t.id.as_str()),
        ],
        "newest first, one entry per change"
    );
    let who = format!("Sozialreferat (token {})", t.id);
    assert!(log.as_array().expect("l")[..4].iter().all(|e| e["operator"] == who.as_str()), "{log}");
    assert_eq!(log[4]["operator"], "command line (root)");
    assert!(log
        .as_array()
        .expect("l")
        .iter()
        .all(|e| muc_portal::parse_rfc3339(e["at"].as_str().expect("at")).is_some()));

    let (_, only) = call(&st, "GET", &format!("/operator/audit?target={report}"), tok, None).await;
    assert_eq!(only.as_array().expect("l").len(), 1);
    assert_eq!(only[0]["detail"], "in_progress");
    let (s, _) = call(&st, "GET", "/operator/audit?limit=0", tok, None).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

/// A writer that keeps what the portal logs, to read it back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn failed_operator_authentication_is_logged_with_its_source() {
    let logs = Captured::default();
    let writer = logs.clone();
    // Global, not per thread: tracing caches per call site whether anyone
    // listens, and other tests of this binary run on other threads.
    let subscriber = tracing_subscriber::fmt().with_ansi(false).with_writer(move || writer.clone()).finish();
    tracing::subscriber::set_global_default(subscriber).expect("the only test here that sets one");
    let db = TestDb::sqlite().await;
    let st = db.state().await;
    let (s, _) = call(&st, "GET", "/operator/finders", Some("guessed-token"), None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let text = String::from_utf8(logs.0.lock().expect("lock").clone()).expect("utf-8");
    let line = text.lines().find(|l| l.contains("operator authentication failed")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("203.0.113.7"), "the source is named: {line}");
    assert!(!line.contains("guessed-token"), "the token is not: {line}");
    // And it is counted, for alerting.
    let (_, _) = call(&st, "GET", "/operator/finders", None, None).await;
    let metrics = common::send(&st, Request::get("/metrics").body(Body::empty()).expect("r")).await;
    let text = String::from_utf8(metrics.body).expect("utf-8");
    assert!(text.lines().any(|l| l.starts_with("muc_portal_refused_total{kind=\"operator_auth\"} 2")), "{text}");
}
