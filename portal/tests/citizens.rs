//! Signed-in citizens, with a real OpenID provider on loopback: a report sent
//! with an access token belongs to the account and is listed with
//! `account=me` from any device; a forged, expired or missing token is refused.

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestDb;
use muc_portal::AppState;
use muc_portal_client::oidc::{code_from_redirect, OidcClient};
use muc_test_op::{sign_in, TestOp};
use muc_wire::personal::TrustLevel;
use serde_json::Value;

on_both_databases!(reports_belong_to_the_signed_in_account);
on_both_databases!(each_route_needs_its_trust_level);
on_both_databases!(a_deleted_account_leaves_its_reports_without_the_person);
on_both_databases!(no_personal_route_reaches_another_persons_data);
on_both_databases!(favourites_are_the_accounts_on_every_device);
on_both_databases!(favourites_refuse_what_is_wrong_and_keep_what_was_there);
on_both_databases!(a_profile_is_kept_only_with_consent);
on_both_databases!(a_report_moving_on_notifies_its_reporter_and_supporters);
on_both_databases!(a_second_provider_has_accounts_of_its_own);

async fn access_token(op: &TestOp, user: &str) -> String {
    access_token_at(op, user, None).await
}

/// A sign-in asking for `level` (by scope, as BayernID is asked).
async fn access_token_at(op: &TestOp, user: &str, level: Option<TrustLevel>) -> String {
    let oidc = OidcClient::discover(&op.issuer, "muenchen-app").await.expect("discovery");
    // Nobody needs to listen here: the provider only redirects to it.
    let pending = oidc.start_at("http://127.0.0.1:4711/callback", level).expect("start");
    let back = sign_in(&pending.authorize_url, user).await.expect("signed in");
    let params = url::Url::parse(&back).expect("url").query_pairs().into_owned().collect();
    let code = code_from_redirect(&params, &pending.state).expect("code");
    oidc.finish(pending, &code).await.expect("tokens").0.access_token
}

async fn call(st: &AppState, req: Request<Body>) -> (StatusCode, Option<String>, Value) {
    let a = common::send(st, req).await;
    let challenge = a.headers.get(header::WWW_AUTHENTICATE).and_then(|v| v.to_str().ok()).map(str::to_string);
    (a.status, challenge, a.json)
}

fn post(token: Option<&str>, extra: &str) -> Request<Body> {
    let mut r =
        Request::post("/open311/v2/requests.json").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let body = format!(
        "api_key=muenchen-app&service_code=graffiti&lat=48.1427&long=11.5775&attribute%5Bflaeche%5D=kasten{extra}"
    );
    r.body(Body::from(body)).expect("request")
}

fn mine(token: Option<&str>) -> Request<Body> {
    get_with("/open311/v2/requests.json?account=me", token)
}

async fn reports_belong_to_the_signed_in_account(db: TestDb) {
    let op = TestOp::start(1).expect("the OpenID provider");
    let mut st = db.state().await;
    st.settings().oidc = Some(Arc::new(muc_portal::citizens::Oidc::new(&op.issuer, "muenchen-portal").with_leeway(0)));
    let anna = access_token(&op, "anna").await;

    // Signed in: the report is Anna's, whatever a form field claims.
    let (status, _, created) = call(&st, post(Some(&anna), "&account_id=bert&description=von+Anna")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (status, _, _) = call(&st, post(None, "&account_id=anna&description=anonym")).await;
    assert_eq!(status, StatusCode::CREATED, "anonymous reports stay possible");
    let (status, _, list) = call(&st, mine(Some(&anna))).await;
    assert_eq!(status, StatusCode::OK);
    let texts: Vec<&str> = list.as_array().expect("list").iter().filter_map(|r| r["description"].as_str()).collect();
    assert_eq!(texts, ["von Anna"], "only Anna's, and a form field cannot claim an account");

    // Bert sees none of Anna's.
    let bert = access_token(&op, "bert").await;
    let (_, _, list) = call(&st, mine(Some(&bert))).await;
    assert_eq!(list.as_array().map(Vec::len), Some(0));

    // No token, a forged one, an expired one: 401 with a Bearer challenge.
    let (status, challenge, _) = call(&st, mine(None)).await;
    assert_eq!((status, challenge.is_some()), (StatusCode::UNAUTHORIZED, true));
    let mut forged = anna.clone();
    forged.replace_range(forged.len() - 4.., "AAAA");
    let (status, challenge, body) = call(&st, post(Some(&forged), "")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(challenge.is_some_and(|c| c.contains("invalid_token")));
    assert!(body[0]["description"].as_str().is_some_and(|d| d.contains("erneut an")), "{body}");
    // Access tokens of this provider live one second: once it has run out,
    // the same token is refused (polled with a deadline, not slept for).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (status, _, _) = call(&st, mine(Some(&anna))).await;
        if status == StatusCode::UNAUTHORIZED {
            break;
        }
        assert_eq!(status, StatusCode::OK, "valid until it expires");
        assert!(std::time::Instant::now() < deadline, "an expired token is refused, not ignored");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let (status, _, _) = call(&st, post(Some(&anna), "")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "and cannot send a report");
}

on_both_databases!(forged_access_tokens_are_refused);

/// Found in review: tokens without `aud` or `iss`, or with `nbf` in the
/// future, were accepted (jsonwebtoken checks those only when present or
/// told). Each token here is a real one of the provider with one thing
/// changed, signed with the provider's own key unless the change is the key:
/// every one is a 401. The unchanged one, re-signed, is accepted, so each
/// refusal is for its change.
async fn forged_access_tokens_are_refused(db: TestDb) {
    use base64::Engine;
    let op = TestOp::start(300).expect("the OpenID provider");
    let mut st = db.state().await;
    st.settings().oidc = Some(Arc::new(muc_portal::citizens::Oidc::new(&op.issuer, "muenchen-portal")));
    let real = access_token(&op, "anna").await;
    let part = |n: usize| -> Value {
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(real.split('.').nth(n).expect("part"))
            .expect("b64");
        serde_json::from_slice(&b).expect("json")
    };
    let (header, claims) = (part(0), part(1));
    assert_eq!(header["typ"], "at+jwt", "{header}");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs() as i64;
    let with = |k: &str, v: Value| {
        let mut c = claims.clone();
        c[k] = v;
        c
    };
    let without = |k: &str| {
        let mut c = claims.clone();
        c.as_object_mut().expect("object").remove(k);
        c
    };
    let mut no_kid = header.clone();
    no_kid.as_object_mut().expect("object").remove("kid");
    let hs256 = serde_json::json!({ "alg": "HS256", "typ": "at+jwt", "kid": header["kid"] });
    let none = serde_json::json!({ "alg": "none", "typ": "at+jwt", "kid": header["kid"] });
    let logout = serde_json::json!({ "alg": "RS256", "typ": "logout+jwt", "kid": header["kid"] });

    let resigned = op.sign(&header, &claims, "provider").await.expect("signed");
    assert_eq!(call(&st, mine(Some(&resigned))).await.0, StatusCode::OK, "the unchanged claims, re-signed, pass");

    let cases: Vec<(&str, Value, Value, &str)> = vec![
        ("no aud", header.clone(), without("aud"), "provider"),
        ("another aud", header.clone(), with("aud", "another-api".into()), "provider"),
        ("no iss", header.clone(), without("iss"), "provider"),
        ("another iss", header.clone(), with("iss", "https://evil.example".into()), "provider"),
        ("expired", header.clone(), with("exp", (now - 3600).into()), "provider"),
        ("nbf in the future", header.clone(), with("nbf", (now + 3600).into()), "provider"),
        ("no sub", header.clone(), without("sub"), "provider"),
        ("no exp", header.clone(), without("exp"), "provider"),
        ("another client", header.clone(), with("azp", "another-app".into()), "provider"),
        ("not an access token", logout, claims.clone(), "provider"),
        ("another key, same kid", header.clone(), claims.clone(), "other"),
        ("no kid", no_kid, claims.clone(), "provider"),
        ("alg none", none, claims.clone(), "none"),
        ("HS256 keyed with the public key", hs256, claims.clone(), "hs256-public"),
    ];
    for (what, h, c, key) in cases {
        let token = op.sign(&h, &c, key).await.expect("signed");
        let (status, challenge, body) = call(&st, mine(Some(&token))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}: {body}");
        assert!(challenge.is_some_and(|c| c.contains("invalid_token")), "{what}");
    }
}

/// The test provider, and the portal taking its tokens with BayernID's levels.
async fn with_bayern_id(db: &TestDb) -> (TestOp, AppState) {
    use TrustLevel::*;
    let op = TestOp::start(300).expect("the OpenID provider");
    let mut st = db.state().await;
    st.settings().oidc = Some(Arc::new(
        muc_portal::citizens::Oidc::new(&op.issuer, "muenchen-portal")
            .with_levels("BayernID", vec![Level1, Level3, Level4]),
    ));
    (op, st)
}

fn get_with(path: &str, token: Option<&str>) -> Request<Body> {
    let mut r = Request::get(path);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::empty()).expect("request")
}

/// Trust levels as BayernID has them: the level a sign-in asked for and
/// reached comes in the token's `authlevel`; `/me` says it, `/me/export`
/// needs level 3 and refuses less with a 403 naming the level (RFC 9470),
/// and the portal's metadata (RFC 9728) says which route needs what.
/// The test provider's citizens: carl has a password only, bert an ELSTER
/// certificate (level 3), anna the eID card (level 4).
async fn each_route_needs_its_trust_level(db: TestDb) {
    use TrustLevel::*;
    let (op, st) = with_bayern_id(&db).await;

    let (status, _, meta) = call(&st, get_with("/.well-known/oauth-protected-resource", None)).await;
    assert_eq!(status, StatusCode::OK, "{meta}");
    assert_eq!(meta["authorization_servers"], serde_json::json!([op.issuer]));
    assert_eq!(meta["providers"][0]["name"], "BayernID");
    assert_eq!(meta["providers"][0]["levels"], serde_json::json!(["level1", "level3", "level4"]));
    let route = |r: &str| meta["personal_routes"].as_array().and_then(|a| a.iter().find(|x| x["route"] == r).cloned());
    assert_eq!(route("GET /me/export").map(|r| r["level"].clone()), Some("level3".into()), "{meta}");
    assert_eq!(route("GET /me").map(|r| r["level"].clone()), Some("level1".into()));

    // Anna reports with her e-mail at level 4; the export has it, Bert's not.
    let anna4 = access_token_at(&op, "anna", Some(Level4)).await;
    let (status, _, _) = call(&st, post(Some(&anna4), "&email=anna%40example.org&description=Annas+Meldung")).await;
    assert_eq!(status, StatusCode::CREATED);

    for (user, asked, reached) in [
        ("carl", None, Level1),
        ("anna", None, Level1),
        ("carl", Some(Level3), Level1),
        ("bert", Some(Level3), Level3),
        ("bert", Some(Level4), Level3),
        ("anna", Some(Level4), Level4),
    ] {
        let token = access_token_at(&op, user, asked).await;
        let case = format!("{user} asking for {asked:?}");
        let (status, _, me) = call(&st, get_with("/me", Some(&token))).await;
        assert_eq!(status, StatusCode::OK, "{case}: {me}");
        assert_eq!((me["account_id"].as_str(), me["level"].as_str()), (Some(user), Some(reached.code())), "{case}");
        let (status, challenge, body) = call(&st, get_with("/me/export", Some(&token))).await;
        if reached >= Level3 {
            assert_eq!(status, StatusCode::OK, "{case}: {body}");
            assert_eq!(body["account_id"], user);
            let texts: Vec<_> = body["reports"]
                .as_array()
                .expect("reports")
                .iter()
                .map(|r| r["report"]["description"].clone())
                .collect();
            if user == "anna" {
                assert_eq!(texts, [Value::from("Annas Meldung")], "{body}");
                assert_eq!(body["reports"][0]["email"], "anna@example.org");
            } else {
                assert!(texts.is_empty(), "nobody else's reports: {body}");
            }
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{case}: {body}");
            let challenge = challenge.expect("a challenge");
            assert!(
                challenge.contains("insufficient_user_authentication") && challenge.contains("acr_values=\"level3\""),
                "{challenge}"
            );
            assert!(challenge.contains("/.well-known/oauth-protected-resource"), "{challenge}");
            assert_eq!((body["needed"].as_str(), body["reached"].as_str()), (Some("level3"), Some(reached.code())));
            assert!(body["description"].as_str().is_some_and(|d| d.contains("substantiell")), "{body}");
        }
    }

    // The level is the provider's word: raised in a copy of a real token,
    // its signature no longer fits (401).
    let bert1 = access_token(&op, "bert").await;
    let raised = raise_level(&bert1);
    let (status, challenge, _) = call(&st, get_with("/me/export", Some(&raised))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(challenge.is_some_and(|c| c.contains("invalid_token")));
    // No token at all: 401 with a bare challenge (RFC 6750 §3).
    let (status, challenge, _) = call(&st, get_with("/me", None)).await;
    assert_eq!((status, challenge.as_deref()), (StatusCode::UNAUTHORIZED, Some("Bearer")));
}

/// The token with `authlevel` changed to level4 in its payload, signature kept.
fn raise_level(token: &str) -> String {
    with_claim(token, "authlevel", "level4")
}

fn delete_me(token: &str) -> Request<Body> {
    Request::delete("/me")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .expect("request")
}

/// "Konto löschen" (GDPR Art. 17): at level 3, the account's reports lose
/// account, contact data and device id, and stay for the city; someone
/// else's reports keep theirs; below level 3 nothing changes (403).
async fn a_deleted_account_leaves_its_reports_without_the_person(db: TestDb) {
    use TrustLevel::*;
    let (op, st) = with_bayern_id(&db).await;
    let anna = access_token_at(&op, "anna", Some(Level4)).await;
    let bert = access_token_at(&op, "bert", Some(Level3)).await;
    let (_, _, annas) =
        call(&st, post(Some(&anna), "&email=anna%40example.org&first_name=Anna&phone=089123&device_id=annas-phone"))
            .await;
    let (_, _, berts) = call(&st, post(Some(&bert), "&email=bert%40example.org")).await;
    let annas = annas[0]["service_request_id"].as_str().expect("id").to_string();

    let anna1 = access_token(&op, "anna").await;
    let (status, challenge, _) = call(&st, delete_me(&anna1)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "level 1 cannot delete");
    assert!(challenge.is_some_and(|c| c.contains("insufficient_user_authentication")));
    let (_, _, export) = call(&st, get_with("/me/export", Some(&anna))).await;
    assert_eq!(export["reports"].as_array().map(Vec::len), Some(1), "nothing changed: {export}");

    let (status, _, deleted) = call(&st, delete_me(&anna)).await;
    assert_eq!(status, StatusCode::OK, "{deleted}");
    assert_eq!(deleted["reports_kept"], 1);
    let (_, _, export) = call(&st, get_with("/me/export", Some(&anna))).await;
    assert_eq!(export["reports"].as_array().map(Vec::len), Some(0), "nothing left of Anna: {export}");
    // account_id, email, first_name, last_name, phone, device_id
    type Person = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
    let row: Person =
        sqlx::query_as("SELECT account_id, email, first_name, last_name, phone, device_id FROM requests WHERE id = $1")
            .bind(&annas)
            .fetch_one(&st.db)
            .await
            .expect("the report is still there");
    assert_eq!(row, (None, None, None, None, None, None), "without anything that leads to Anna");
    let (status, _, public) = call(&st, get_with(&format!("/open311/v2/requests/{annas}.json"), None)).await;
    assert_eq!(status, StatusCode::OK, "the city still has the report: {public}");
    let (_, _, export) = call(&st, get_with("/me/export", Some(&bert))).await;
    assert_eq!(export["reports"][0]["email"], "bert@example.org", "Bert's untouched: {export} {berts}");
}

/// The authorization matrix: every personal route the portal lists
/// (`personal::ROUTES`, so a route added later is tried too), called with
/// Anna's token, also with Bert's account named in every way a client could
/// try (query, path), never answers with Bert's data or changes it.
async fn no_personal_route_reaches_another_persons_data(db: TestDb) {
    let (op, st) = with_bayern_id(&db).await;
    let anna = access_token_at(&op, "anna", Some(TrustLevel::Level4)).await;
    let bert = access_token_at(&op, "bert", Some(TrustLevel::Level3)).await;
    let (_, _, created) = call(&st, post(Some(&bert), "&email=bert%40example.org&description=Berts+Meldung")).await;
    let berts_id = created[0]["service_request_id"].as_str().expect("id").to_string();
    let (status, _, _) =
        call(&st, changes(Some(&bert), r#"{"changes":[{"op":"add","kind":"finder","id":"berts-finder"}]}"#)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) =
        call(&st, json_to("POST", "/me/consents", &bert, r#"{"purpose":"profile","version":1,"given":true}"#)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = call(
        &st,
        json_to(
            "PUT",
            "/me/profile",
            &bert,
            r#"{"first_name":"Bert","last_name":"Beispiel","email":"bert@example.org"}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // Bert's inbox and subscriptions: his report moved on; he follows Bürger-Lab events in 17.
    let op_token = muc_portal::auth::create_token(&st.db, "Baureferat", &[muc_portal::auth::Scope::Requests], 1, "t")
        .await
        .expect("token")
        .token;
    let moved = Request::post(format!("/operator/requests/{berts_id}/status"))
        .header(header::AUTHORIZATION, format!("Bearer {op_token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"status":"in_progress","note":"Berts Notiz"}"#))
        .expect("request");
    assert_eq!(call(&st, moved).await.0, StatusCode::NO_CONTENT);
    let subscribe =
        json_to("PUT", "/notifications/subscriptions", &bert, r#"{"topics":["buerger_lab"],"districts":[17]}"#);
    assert_eq!(call(&st, subscribe).await.0, StatusCode::OK);
    let (_, _, berts_inbox) = call(&st, get_with("/notifications", Some(&bert))).await;
    let berts_notification = berts_inbox["items"][0]["id"].as_i64().expect("Bert has one");
    // Anna's own, published last: a stream read up to it has shown all it would.
    let press = muc_portal::auth::create_token(&st.db, "Presseamt", &[muc_portal::auth::Scope::Notifications], 1, "t")
        .await
        .expect("token")
        .token;
    let annas = Request::post("/operator/notifications")
        .header(header::AUTHORIZATION, format!("Bearer {press}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"audience":{"to":"account","account_id":"anna"},"topic":"buerger_lab","title":"Nur für Anna","text":""}"#))
        .expect("request");
    assert_eq!(call(&st, annas).await.0, StatusCode::CREATED);
    let (_, _, before) = call(&st, get_with("/me/export", Some(&bert))).await;
    for (route, _) in muc_portal::personal::ROUTES {
        let (method, path) = route.split_once(' ').expect("METHOD path");
        let path = path.replace("{format}", "json");
        let sep = if path.contains('?') { '&' } else { '?' };
        for tried in [
            path.clone(),
            format!("{path}{sep}account=bert"),
            format!("{path}{sep}account_id=bert&sub=bert"),
            format!("{}/bert", path.split('?').next().unwrap_or_default()),
        ] {
            // A write tries to change Bert's favourites, inbox or subscriptions, as if they were Anna's.
            let body = match route {
                "POST /notifications/marks" => {
                    format!(r#"{{"ids":[{berts_notification}],"read":true,"deleted":true}}"#)
                }
                "PUT /notifications/subscriptions" => r#"{"topics":["warnings"],"districts":[1]}"#.to_string(),
                _ if method == "POST" => {
                    r#"{"changes":[{"op":"remove","kind":"finder","id":"berts-finder"}]}"#.to_string()
                }
                _ => String::new(),
            };
            let req = Request::builder()
                .method(method)
                .uri(&tried)
                .header(header::AUTHORIZATION, format!("Bearer {anna}"))
                .header(header::CONTENT_TYPE, "application/json")
                // A stream from the very beginning.
                .header("last-event-id", "0")
                .body(Body::from(body))
                .expect("request");
            let (status, text) = if route.ends_with("/stream") {
                stream_until(&st, req, "Nur für Anna").await
            } else {
                let (status, _, body) = call(&st, req).await;
                (status, body.to_string())
            };
            assert!(
                !text.contains("bert@example.org")
                    && !text.contains(&berts_id)
                    && !text.contains("Berts Meldung")
                    && !text.contains("berts-finder")
                    && !text.contains("Beispiel")
                    && !text.contains("Berts Notiz"),
                "{method} {tried} ({status}) answered with Bert's data: {text}"
            );
        }
    }
    let (_, _, after) = call(&st, get_with("/me/export", Some(&bert))).await;
    assert_eq!(after["reports"], before["reports"], "Bert's reports unchanged by anything Anna did");
    assert_eq!(after["favourites"], before["favourites"], "Bert's favourites unchanged by anything Anna did");
    assert_eq!(before["favourites"][0]["id"], "berts-finder");
    assert_eq!(
        (&after["profile"], &after["consents"]),
        (&before["profile"], &before["consents"]),
        "Bert's profile unchanged"
    );
    assert_eq!(before["profile"]["last_name"], "Beispiel");
    assert_eq!(after["subscriptions"], serde_json::json!({"topics": ["buerger_lab"], "districts": [17]}));
    let (_, _, inbox) = call(&st, get_with("/notifications", Some(&bert))).await;
    assert_eq!(inbox["items"][0]["id"].as_i64(), Some(berts_notification), "not deleted by Anna: {inbox}");
    // The stream read as above does carry events: Bert's own has his, not Anna's.
    let mut own = get_with("/notifications/stream", Some(&bert));
    own.headers_mut().insert("last-event-id", "0".parse().expect("header"));
    let (status, text) = stream_until(&st, own, "Berts Notiz").await;
    assert!(status == StatusCode::OK && !text.contains("Nur für Anna"), "{status}: {text}");
    assert_eq!(inbox["items"][0]["read"], false, "not read by Anna");
}

/// An answer's text up to `last` (a stream, which does not end), or whole
/// (any other answer); a stream that never sends `last` fails the test
/// after 20 s (a hang guard).
async fn stream_until(st: &AppState, req: Request<Body>, last: &str) -> (StatusCode, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let resp = muc_portal::app(st.clone()).oneshot(req).await.expect("infallible");
    let status = resp.status();
    let mut body = resp.into_body();
    let mut text = Vec::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while !String::from_utf8_lossy(&text).contains(last) {
        match tokio::time::timeout_at(deadline, body.frame()).await {
            Ok(Some(Ok(frame))) => text.extend_from_slice(&frame.into_data().unwrap_or_default()),
            Ok(_) => break,
            Err(_) => panic!("{last:?} not sent within 20 s: {}", String::from_utf8_lossy(&text)),
        }
    }
    (status, String::from_utf8_lossy(&text).into_owned())
}

fn changes(token: Option<&str>, body: &str) -> Request<Body> {
    let mut r = Request::post("/me/favourites/changes").header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_string())).expect("request")
}

fn ids(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|f| format!("{}:{}", f["kind"].as_str().unwrap_or("?"), f["id"].as_str().unwrap_or("?")))
        .collect()
}

/// Favourites belong to the account, not the device: two devices (two
/// sign-ins of Anna) see one list; changes apply in order, the last change
/// of a favourite wins, a batch sent twice changes nothing more; two
/// devices writing at once lose nothing; the export has them and deleting
/// the account deletes them, Bert's untouched.
async fn favourites_are_the_accounts_on_every_device(db: TestDb) {
    use TrustLevel::*;
    let (op, st) = with_bayern_id(&db).await;
    let phone = access_token(&op, "anna").await;
    let laptop = access_token(&op, "anna").await;
    let bert = access_token(&op, "bert").await;

    let (status, _, empty) = call(&st, get_with("/me/favourites", Some(&phone))).await;
    assert_eq!(status, StatusCode::OK, "{empty}");
    assert_eq!(ids(&empty), Vec::<String>::new());

    let batch = r#"{"changes":[
        {"op":"add","kind":"hotspot","id":"marienplatz"},
        {"op":"add","kind":"finder","id":"kita-finder-muenchen"},
        {"op":"add","kind":"category","id":"graffiti"},
        {"op":"remove","kind":"hotspot","id":"marienplatz"},
        {"op":"add","kind":"screen","id":"wifi"},
        {"op":"add","kind":"hotspot","id":"marienplatz"}]}"#;
    let (status, _, after) = call(&st, changes(Some(&phone), batch)).await;
    assert_eq!(status, StatusCode::OK, "{after}");
    let expected = ["finder:kita-finder-muenchen", "category:graffiti", "screen:wifi", "hotspot:marienplatz"];
    assert_eq!(ids(&after), expected, "in the order added, the last change of each winning");
    let (_, _, again) = call(&st, changes(Some(&phone), batch)).await;
    assert_eq!(ids(&again), expected, "the same batch twice (its answer lost) changes nothing");
    let (_, _, seen) = call(&st, get_with("/me/favourites", Some(&laptop))).await;
    assert_eq!(ids(&seen), expected, "the other device sees the same list");
    assert!(seen["items"][0]["added_at"].as_str().is_some_and(|t| t.ends_with('Z')), "{seen}");

    // Bert has his own.
    let (_, _, berts) =
        call(&st, changes(Some(&bert), r#"{"changes":[{"op":"add","kind":"finder","id":"berts-finder"}]}"#)).await;
    assert_eq!(ids(&berts), ["finder:berts-finder"]);

    // Two devices at once, 20 adds each: nothing lost.
    let one = (0..20).map(|i| format!(r#"{{"op":"add","kind":"hotspot","id":"phone-{i}"}}"#)).collect::<Vec<_>>();
    let two = (0..20).map(|i| format!(r#"{{"op":"add","kind":"hotspot","id":"laptop-{i}"}}"#)).collect::<Vec<_>>();
    let (a, b) = tokio::join!(
        call(&st, changes(Some(&phone), &format!(r#"{{"changes":[{}]}}"#, one.join(",")))),
        call(&st, changes(Some(&laptop), &format!(r#"{{"changes":[{}]}}"#, two.join(",")))),
    );
    assert_eq!((a.0, b.0), (StatusCode::OK, StatusCode::OK), "{} {}", a.2, b.2);
    let (_, _, both) = call(&st, get_with("/me/favourites", Some(&laptop))).await;
    assert_eq!(ids(&both).len(), 4 + 40, "{both}");

    // In the export (level 3), and gone with the account.
    let anna3 = access_token_at(&op, "anna", Some(Level3)).await;
    let (_, _, export) = call(&st, get_with("/me/export", Some(&anna3))).await;
    assert_eq!(ids(&serde_json::json!({ "items": export["favourites"] })).len(), 44, "{export}");
    let (status, _, deleted) = call(&st, delete_me(&anna3)).await;
    assert_eq!(status, StatusCode::OK, "{deleted}");
    assert_eq!(deleted["favourites_deleted"], 44);
    let (_, _, left) = call(&st, get_with("/me/favourites", Some(&phone))).await;
    assert_eq!(ids(&left), Vec::<String>::new(), "nothing of Anna's left");
    let (_, _, berts) = call(&st, get_with("/me/favourites", Some(&bert))).await;
    assert_eq!(ids(&berts), ["finder:berts-finder"], "Bert's untouched");
}

/// What is wrong is refused with a clear error, and the whole batch with
/// it (nothing half applied): no token (refused before the body is read,
/// so a huge body without one is a 401, not a 413), not JSON, another media
/// type, an unknown kind, a control character or an empty id, too many
/// changes, a body over the limit, more favourites than an account keeps.
async fn favourites_refuse_what_is_wrong_and_keep_what_was_there(db: TestDb) {
    let (op, st) = with_bayern_id(&db).await;
    let anna = access_token(&op, "anna").await;
    let (_, _, before) =
        call(&st, changes(Some(&anna), r#"{"changes":[{"op":"add","kind":"finder","id":"hebammen"}]}"#)).await;
    assert_eq!(ids(&before), ["finder:hebammen"]);

    let huge = format!(r#"{{"changes":[{{"op":"add","kind":"finder","id":"{}"}}]}}"#, "x".repeat(1 << 20));
    let (status, challenge, _) = call(&st, changes(None, &huge)).await;
    assert_eq!((status, challenge.as_deref()), (StatusCode::UNAUTHORIZED, Some("Bearer")));
    let (status, _, body) = call(&st, changes(Some(&anna), &huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    let wrong_type = Request::post("/me/favourites/changes")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::AUTHORIZATION, format!("Bearer {anna}"))
        .body(Body::from("op=add"))
        .expect("request");
    assert_eq!(call(&st, wrong_type).await.0, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let too_many = format!(
        r#"{{"changes":[{}]}}"#,
        (0..301).map(|i| format!(r#"{{"op":"add","kind":"hotspot","id":"h{i}"}}"#)).collect::<Vec<_>>().join(",")
    );
    for (bad, code) in [
        ("{not json", "invalid_json"),
        (r#"{"changes":[{"op":"add","kind":"pizza","id":"x"}]}"#, "invalid_json"),
        (
            r#"{"changes":[{"op":"add","kind":"finder","id":"ok"},{"op":"add","kind":"finder","id":"a\u0007b"}]}"#,
            "invalid_favourite",
        ),
        (r#"{"changes":[{"op":"add","kind":"finder","id":""}]}"#, "invalid_favourite"),
        (too_many.as_str(), "too_many_changes"),
    ] {
        let (status, _, body) = call(&st, changes(Some(&anna), bad)).await;
        assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some(code)), "{bad:.80}: {body}");
        assert!(body["description"].as_str().is_some_and(|d| d.len() > 10), "{body}");
    }
    // 300 fit; one more refuses the batch whole.
    for chunk in 0..2 {
        let adds = (0..150)
            .map(|i| format!(r#"{{"op":"add","kind":"hotspot","id":"h{chunk}-{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let (status, _, body) = call(&st, changes(Some(&anna), &format!(r#"{{"changes":[{adds}]}}"#))).await;
        if chunk == 0 {
            assert_eq!(status, StatusCode::OK, "{body}");
        } else {
            assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("too_many_favourites")));
        }
    }
    let (_, _, after) = call(&st, get_with("/me/favourites", Some(&anna))).await;
    let after = ids(&after);
    assert_eq!(after.len(), 151, "the refused batch left nothing behind");
    assert_eq!(after[0], "finder:hebammen", "what was there is still there");
}

fn json_to(method: &str, path: &str, token: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(body.to_string()))
        .expect("request")
}

/// Data given once, with consent: no profile is kept without the consent to
/// the current text (409, nothing stored); a consent to an older text is
/// refused; each consent is recorded (what, which text, when) once, and
/// revoking it deletes the profile in the same step; fields are checked;
/// the export has profile and consents; deleting the account deletes both.
async fn a_profile_is_kept_only_with_consent(db: TestDb) {
    let (op, st) = with_bayern_id(&db).await;
    let anna = access_token(&op, "anna").await;
    let bert = access_token(&op, "bert").await;
    let profile = r#"{"first_name":"Anna","last_name":"Muster","email":"anna@example.org","postal_address":"Marienplatz 8\n80331 München","language":"de"}"#;

    let (status, _, mine) = call(&st, get_with("/me/profile", Some(&anna))).await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!((mine["profile"].is_null(), mine["consent"].is_null()), (true, true), "{mine}");
    assert_eq!(mine["consent_text"]["version"], 1);
    assert!(mine["consent_text"]["text_de"].as_str().is_some_and(|t| t.contains("widerrufen")), "{mine}");

    let (status, _, body) = call(&st, json_to("PUT", "/me/profile", &anna, profile)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("consent_needed")), "{body}");
    let (_, _, mine) = call(&st, get_with("/me/profile", Some(&anna))).await;
    assert!(mine["profile"].is_null(), "nothing kept without consent: {mine}");
    let old = r#"{"purpose":"profile","version":0,"given":true}"#;
    let (status, _, body) = call(&st, json_to("POST", "/me/consents", &anna, old)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("consent_text_changed")), "{body}");

    let give = r#"{"purpose":"profile","version":1,"given":true}"#;
    let (status, _, consents) = call(&st, json_to("POST", "/me/consents", &anna, give)).await;
    assert_eq!(status, StatusCode::OK, "{consents}");
    let (_, _, consents) = call(&st, json_to("POST", "/me/consents", &anna, give)).await;
    let records = consents["records"].as_array().expect("records").clone();
    assert_eq!(records.len(), 1, "given twice to one text: one record: {consents}");
    assert_eq!((records[0]["purpose"].as_str(), records[0]["version"].as_u64()), (Some("profile"), Some(1)));
    assert!(records[0]["given_at"].as_str().is_some() && records[0]["revoked_at"].is_null());

    for (bad, why) in [
        (r#"{"email":"not-an-address"}"#, "ungültig"),
        (r#"{"first_name":"An\u0007na"}"#, "Steuerzeichen"),
        (r#"{"language":"fr"}"#, "de oder en"),
        (
            r#"{"first_name":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#,
            "höchstens 100",
        ),
        (r#"{"first_name": 3}"#, "not a valid"),
    ] {
        let (status, _, body) = call(&st, json_to("PUT", "/me/profile", &anna, bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["description"].as_str().is_some_and(|d| d.contains(why)), "{bad}: {body}");
    }
    let (status, _, mine) = call(&st, json_to("PUT", "/me/profile", &anna, profile)).await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["profile"]["postal_address"], "Marienplatz 8\n80331 München");
    assert_eq!(mine["consent"]["version"], 1);
    let (_, _, berts) = call(&st, get_with("/me/profile", Some(&bert))).await;
    assert!(berts["profile"].is_null(), "Bert sees no profile: {berts}");

    let anna3 = access_token_at(&op, "anna", Some(TrustLevel::Level3)).await;
    let (_, _, export) = call(&st, get_with("/me/export", Some(&anna3))).await;
    assert_eq!(export["profile"]["email"], "anna@example.org", "{export}");
    assert_eq!(export["consents"].as_array().map(Vec::len), Some(1));

    // Revoked: the profile goes with it; the record stays, with when.
    let revoke = r#"{"purpose":"profile","version":1,"given":false}"#;
    let (status, _, consents) = call(&st, json_to("POST", "/me/consents", &anna, revoke)).await;
    assert_eq!(status, StatusCode::OK, "{consents}");
    assert!(consents["records"][0]["revoked_at"].as_str().is_some(), "{consents}");
    let (_, _, mine) = call(&st, get_with("/me/profile", Some(&anna))).await;
    assert_eq!(
        (mine["profile"].is_null(), mine["consent"].is_null()),
        (true, true),
        "deleted with the consent: {mine}"
    );
    let (status, _, _) = call(&st, json_to("PUT", "/me/profile", &anna, profile)).await;
    assert_eq!(status, StatusCode::CONFLICT, "revoked: nothing kept");

    // Given again (a second record), kept again; then the account deleted.
    call(&st, json_to("POST", "/me/consents", &anna, give)).await;
    let (status, _, _) = call(&st, json_to("PUT", "/me/profile", &anna, profile)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, consents) = call(&st, get_with("/me/consents", Some(&anna))).await;
    assert_eq!(consents["records"].as_array().map(Vec::len), Some(2), "{consents}");
    let (status, _, _) = call(&st, delete_me(&anna3)).await;
    assert_eq!(status, StatusCode::OK);
    let left: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM profiles WHERE account_id = $1) + (SELECT COUNT(*) FROM consents WHERE account_id = $1)",
    )
    .bind("anna")
    .fetch_one(&st.db)
    .await
    .expect("count");
    assert_eq!(left, 0, "profile and consents deleted with the account");
}

fn as_device(path: &str, device: &str) -> Request<Body> {
    Request::get(path).header("x-device-id", device).body(Body::empty()).expect("request")
}

/// A report's status change is a notification, written by the portal in
/// the change's transaction: for the account it was sent with (on every
/// device signed in) and for each device that supports it; nobody else's
/// feed has it. Read and deleted marks are the subscriber's own; deleting
/// the account deletes its notifications.
async fn a_report_moving_on_notifies_its_reporter_and_supporters(db: TestDb) {
    let (op, st) = with_bayern_id(&db).await;
    let anna = access_token_at(&op, "anna", Some(TrustLevel::Level4)).await;
    let carl = access_token(&op, "carl").await;
    let (bert_phone, stranger) = ("bert-phone-0000000001", "stranger-000000000001");
    let (_, _, created) = call(&st, post(Some(&anna), "&device_id=annas-phone-000000001")).await;
    let id = created[0]["service_request_id"].as_str().expect("id").to_string();
    let support = Request::post(format!("/open311/v2/requests/{id}/support.json"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("idempotency-key", bert_phone)
        .body(Body::from("api_key=muenchen-app"))
        .expect("request");
    assert_eq!(call(&st, support).await.0, StatusCode::OK);
    let (_, _, carls) = call(&st, post(Some(&carl), "")).await;
    assert!(carls[0]["service_request_id"].is_string());

    let op_token = muc_portal::auth::create_token(&st.db, "Baureferat", &[muc_portal::auth::Scope::Requests], 1, "t")
        .await
        .expect("token")
        .token;
    let moved = Request::post(format!("/operator/requests/{id}/status"))
        .header(header::AUTHORIZATION, format!("Bearer {op_token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"status":"fixed","note":"Lampe getauscht."}"#))
        .expect("request");
    let (status, _, body) = call(&st, moved).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    let (status, _, annas) = call(&st, get_with("/notifications", Some(&anna))).await;
    assert_eq!(status, StatusCode::OK, "{annas}");
    assert_eq!(common::titles(&annas), ["Graffiti: Erledigt"], "{annas}");
    let n = &annas["items"][0];
    assert_eq!((n["topic"].as_str(), n["severity"].as_str()), (Some("report_status"), Some("success")));
    assert_eq!((n["personal"].as_bool(), n["read"].as_bool()), (Some(true), Some(false)));
    assert_eq!(n["link"], format!("report:{id}"));
    assert_eq!(n["text"], format!("{id} – Lampe getauscht."), "{n}");
    let (_, _, berts) = call(&st, as_device("/notifications", bert_phone)).await;
    assert_eq!(common::titles(&berts), ["Graffiti: Erledigt"], "a supporter hears of it: {berts}");
    for (who, feed) in [
        ("carl", call(&st, get_with("/notifications", Some(&carl))).await.2),
        ("a stranger's device", call(&st, as_device("/notifications", stranger)).await.2),
        (
            "the device Anna reported from, signed out",
            call(&st, as_device("/notifications", "annas-phone-000000001")).await.2,
        ),
    ] {
        assert_eq!(common::titles(&feed), Vec::<String>::new(), "{who}: {feed}");
    }
    // The cursor: nothing after what was read.
    let after = annas["next_after"].as_i64().expect("cursor");
    let (_, _, later) = call(&st, get_with(&format!("/notifications?after={after}"), Some(&anna))).await;
    assert_eq!(common::titles(&later), Vec::<String>::new());

    // Marks are Anna's own; Bert's copy stays unread.
    let nid = n["id"].as_i64().expect("id");
    for (marks, read, listed) in [
        (format!(r#"{{"ids":[{nid}],"read":true}}"#), true, 1),
        (format!(r#"{{"ids":[{nid}],"deleted":true}}"#), true, 0),
    ] {
        let (status, _, body) = call(&st, json_to("POST", "/notifications/marks", &anna, &marks)).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
        let (_, _, feed) = call(&st, get_with("/notifications", Some(&anna))).await;
        assert_eq!(feed["items"].as_array().map(Vec::len), Some(listed), "{feed}");
        if listed == 1 {
            assert_eq!(feed["items"][0]["read"].as_bool(), Some(read));
        }
    }
    let (_, _, berts) = call(&st, as_device("/notifications", bert_phone)).await;
    assert_eq!(berts["items"][0]["read"].as_bool(), Some(false), "{berts}");

    // In the export, with what Anna subscribed to.
    let (status, _, _) =
        call(&st, json_to("PUT", "/notifications/subscriptions", &anna, r#"{"topics":["warnings"],"districts":[2]}"#))
            .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, export) = call(&st, get_with("/me/export", Some(&anna))).await;
    assert_eq!(export["notifications"][0]["text"], format!("{id} – Lampe getauscht."), "{export}");
    assert_eq!(export["subscriptions"], serde_json::json!({"topics": ["warnings"], "districts": [2]}));

    let (status, _, _) = call(&st, delete_me(&anna)).await;
    assert_eq!(status, StatusCode::OK);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE recipient = 'account:anna'")
        .fetch_one(&st.db)
        .await
        .expect("count");
    assert_eq!(left, 0, "Anna's notifications went with her account");
    let subscribed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions WHERE subscriber = 'account:anna'")
        .fetch_one(&st.db)
        .await
        .expect("count");
    assert_eq!(subscribed, 0, "and her subscriptions");
    let (_, _, berts) = call(&st, as_device("/notifications", bert_phone)).await;
    assert_eq!(common::titles(&berts).len(), 1, "Bert's stays");
}

/// M-Login beside BayernID (`--oidc-more M-Login=…`): both are described in
/// the metadata; the same user name at each is two accounts (the second's
/// ids are `m-login:<sub>`), each seeing only its own reports; M-Login's
/// sign-ins count as level 1 (no levels), so the export asks for BayernID's
/// level 3; a token of a provider not configured, or one whose `iss` was
/// changed to the other provider's, is refused.
async fn a_second_provider_has_accounts_of_its_own(db: TestDb) {
    let (bayern, mut st) = with_bayern_id(&db).await;
    let mlogin = TestOp::start(300).expect("a second OpenID provider");
    let stranger = TestOp::start(300).expect("a third, not configured");
    st.settings().more_oidc = vec![Arc::new(
        muc_portal::citizens::Oidc::new(&mlogin.issuer, "muenchen-portal")
            .with_levels("M-Login", Vec::new())
            .beside_the_first("m-login"),
    )];
    let (_, _, meta) = call(&st, get_with("/.well-known/oauth-protected-resource", None)).await;
    assert_eq!(meta["authorization_servers"], serde_json::json!([bayern.issuer, mlogin.issuer]), "{meta}");
    assert_eq!(
        (meta["providers"][1]["name"].as_str(), &meta["providers"][1]["levels"]),
        (Some("M-Login"), &serde_json::json!([]))
    );

    let anna_bayern = access_token_at(&bayern, "anna", Some(TrustLevel::Level4)).await;
    let anna_mlogin = access_token(&mlogin, "anna").await;
    for (token, account, level, issuer) in
        [(&anna_bayern, "anna", "level4", &bayern.issuer), (&anna_mlogin, "m-login:anna", "level1", &mlogin.issuer)]
    {
        let (status, _, me) = call(&st, get_with("/me", Some(token))).await;
        assert_eq!(status, StatusCode::OK, "{me}");
        assert_eq!(
            (me["account_id"].as_str(), me["level"].as_str(), me["issuer"].as_str()),
            (Some(account), Some(level), Some(issuer.as_str()))
        );
    }
    let (status, _, created) = call(&st, post(Some(&anna_mlogin), "&description=Mit+M-Login")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let listed = |v: &Value| v.as_array().map(|a| a.iter().filter(|r| r["description"] == "Mit M-Login").count());
    assert_eq!(listed(&call(&st, mine(Some(&anna_mlogin))).await.2), Some(1), "M-Login's Anna sees hers");
    assert_eq!(listed(&call(&st, mine(Some(&anna_bayern))).await.2), Some(0), "BayernID's Anna is someone else");
    let (status, _, body) = call(&st, get_with("/me/export", Some(&anna_mlogin))).await;
    assert_eq!((status, body["needed"].as_str()), (StatusCode::FORBIDDEN, Some("level3")), "{body}");

    let foreign = access_token(&stranger, "anna").await;
    let (status, challenge, _) = call(&st, get_with("/me", Some(&foreign))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(challenge.is_some_and(|c| c.contains("invalid_token")));
    let disguised = with_claim(&anna_mlogin, "iss", &bayern.issuer);
    let (status, _, _) = call(&st, get_with("/me", Some(&disguised))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "M-Login's token dressed as BayernID's");
}

/// The token with one claim changed in its payload, signature kept.
fn with_claim(token: &str, claim: &str, value: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims: Value = serde_json::from_slice(&b64.decode(parts[1]).expect("b64")).expect("json");
    claims[claim] = value.into();
    format!("{}.{}.{}", parts[0], b64.encode(serde_json::to_vec(&claims).expect("json")), parts[2])
}
