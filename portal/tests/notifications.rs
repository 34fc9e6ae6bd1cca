//! Notifications for devices and from operators: subscriptions to topics
//! and districts, the feed, expiry, bad input, throttled anonymous writes,
//! and the Server-Sent Events stream on a real loopback server, cut in the
//! middle of a burst and resumed from `Last-Event-ID`. Personal ones (a
//! report moving on) are in citizens.rs; several instances in instances.rs.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Answer, TestDb};
use muc_portal::auth::{create_token, Scope};
use muc_portal::notify::{self, Subscriber};
use muc_portal::AppState;
use muc_portal_client::notifications::Who;
use muc_portal_client::PortalClient;
use serde_json::{json, Value};

on_both_databases!(subscriptions_choose_topics_and_districts);
on_both_databases!(expired_notifications_go_and_no_id_is_given_twice);
on_both_databases!(the_stream_resumes_without_gap_or_duplicate);

const PHONE: &str = "phone-of-someone-0001";

async fn operator(st: &AppState, scope: Scope) -> String {
    create_token(&st.db, "Presseamt", &[scope], 1, "test").await.expect("token").token
}

async fn publish(st: &AppState, token: &str, body: Value) -> Answer {
    let req = Request::post("/operator/notifications").header(header::AUTHORIZATION, format!("Bearer {token}"));
    common::send_json(st, req, Some(body)).await
}

fn road_works(district: Option<u8>, title: &str) -> Value {
    json!({"audience": {"to": "subscribers"}, "topic": "road_works", "district": district,
           "severity": "warning", "title": title, "text": "Umleitung ist ausgeschildert.", "link": "screen:hotspots"})
}

async fn as_device(st: &AppState, method: &str, path: &str, device: &str, body: Option<Value>) -> Answer {
    let req = Request::builder().method(method).uri(path).header("x-device-id", device);
    common::send_json(st, req, body).await
}

/// A device subscribes to road works in Maxvorstadt (3) and Schwabing-West
/// (4): it gets those, city-wide road works, and nothing of other districts
/// or topics; no subscription, no public notification. What is wrong is
/// refused with a clear error: a personal topic, district 26, a short
/// device id, no device id, an operator without the scope or without a
/// token, a link out of the app.
async fn subscriptions_choose_topics_and_districts(db: TestDb) {
    let st = db.state().await;
    let press = operator(&st, Scope::Notifications).await;
    let subscribed = as_device(
        &st,
        "PUT",
        "/notifications/subscriptions",
        PHONE,
        Some(json!({"topics": ["road_works", "road_works"], "districts": [4, 3]})),
    )
    .await;
    assert_eq!(subscribed.status, StatusCode::OK, "{}", subscribed.json());
    assert_eq!(subscribed.json(), json!({"topics": ["road_works"], "districts": [3, 4]}));
    let read = as_device(&st, "GET", "/notifications/subscriptions", PHONE, None).await;
    assert_eq!(read.json(), subscribed.json());

    for body in [
        road_works(Some(3), "Maxvorstadt"),
        road_works(Some(9), "Neuhausen"),
        road_works(None, "Ganz München"),
        json!({"audience": {"to": "subscribers"}, "topic": "warnings", "district": 3, "title": "Unwetter", "text": ""}),
        json!({"audience": {"to": "device", "device_id": PHONE}, "topic": "buerger_lab", "title": "Für dieses Gerät", "text": ""}),
    ] {
        let a = publish(&st, &press, body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.json());
        assert!(a.json()["id"].as_i64().is_some_and(|id| id > 0));
    }
    let feed = as_device(&st, "GET", "/notifications", PHONE, None).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(titles_of(&feed), ["Maxvorstadt", "Ganz München", "Für dieses Gerät"]);
    let items = feed.json()["items"].clone();
    assert_eq!((items[0]["district"].as_u64(), items[0]["personal"].as_bool()), (Some(3), Some(false)));
    assert_eq!(items[2]["personal"].as_bool(), Some(true));
    let other = as_device(&st, "GET", "/notifications", "another-device-00001", None).await;
    assert_eq!(titles_of(&other), Vec::<String>::new(), "nothing without a subscription");

    // Unsubscribed: only what is addressed to the device.
    let gone = as_device(&st, "DELETE", "/notifications/subscriptions", PHONE, None).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(titles_of(&as_device(&st, "GET", "/notifications", PHONE, None).await), ["Für dieses Gerät"]);

    let requests_only = operator(&st, Scope::Requests).await;
    for (what, answer, status, code) in [
        (
            "a personal topic",
            as_device(&st, "PUT", "/notifications/subscriptions", PHONE, Some(json!({"topics": ["report_status"], "districts": []}))).await,
            StatusCode::BAD_REQUEST,
            "invalid_subscriptions",
        ),
        (
            "district 26",
            as_device(&st, "PUT", "/notifications/subscriptions", PHONE, Some(json!({"topics": ["warnings"], "districts": [26]}))).await,
            StatusCode::BAD_REQUEST,
            "invalid_subscriptions",
        ),
        ("a guessable device id", as_device(&st, "GET", "/notifications", "1234", None).await, StatusCode::BAD_REQUEST, "invalid_device_id"),
        (
            "no device id, no token",
            common::send(&st, Request::get("/notifications").body(Body::empty()).expect("r")).await,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        ),
        ("an operator without the scope", publish(&st, &requests_only, road_works(None, "x")).await, StatusCode::FORBIDDEN, "forbidden"),
        ("a forged operator token", publish(&st, "muc_op_forged", road_works(None, "x")).await, StatusCode::UNAUTHORIZED, "unauthorized"),
        (
            "a link out of the app",
            publish(&st, &press, json!({"audience": {"to": "subscribers"}, "topic": "warnings", "title": "x", "text": "", "link": "https://evil.example"})).await,
            StatusCode::BAD_REQUEST,
            "invalid_notification",
        ),
        (
            "a personal topic to subscribers",
            publish(&st, &press, json!({"audience": {"to": "subscribers"}, "topic": "report_status", "title": "x", "text": ""})).await,
            StatusCode::BAD_REQUEST,
            "invalid_notification",
        ),
    ] {
        assert_eq!(answer.status, status, "{what}: {}", String::from_utf8_lossy(&answer.body));
        assert_eq!(answer.json()["code"], code, "{what}");
        assert!(answer.json()["description"].as_str().is_some_and(|d| !d.is_empty()), "{what}");
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notifications").fetch_one(&st.db).await.expect("count");
    assert_eq!(count, 5, "nothing refused was stored");
}

/// Expired notifications are no longer listed and are deleted by the
/// cleaning; a notification published after the newest was deleted gets a
/// new id (a stream that saw the deleted one must not miss it).
async fn expired_notifications_go_and_no_id_is_given_twice(db: TestDb) {
    let st = db.state().await;
    let press = operator(&st, Scope::Notifications).await;
    as_device(
        &st,
        "PUT",
        "/notifications/subscriptions",
        PHONE,
        Some(json!({"topics": ["warnings"], "districts": []})),
    )
    .await;
    let soon = muc_portal::rfc3339(muc_portal::now() + 60);
    let mut ids = Vec::new();
    for (title, expires) in [("Bleibt", None), ("Läuft ab", Some(soon))] {
        let a = publish(
            &st,
            &press,
            json!({"audience": {"to": "subscribers"}, "topic": "warnings", "title": title, "text": "", "expires_at": expires}),
        )
        .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.json());
        ids.push(a.json()["id"].as_i64().expect("id"));
    }
    let who = Subscriber::device(PHONE);
    let in_two_minutes = muc_portal::now() + 120;
    let later = notify::page(&st.db, &who, 0, in_two_minutes).await.expect("page");
    assert_eq!(later.items.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(), ["Bleibt"], "expired: not listed");

    assert_eq!(notify::clean(&st.db, in_two_minutes).await.expect("clean"), 1);
    let left: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM notifications ORDER BY id").fetch_all(&st.db).await.expect("ids");
    assert_eq!(left, ids[..1], "the newest (expired) one is deleted");
    let a = publish(
        &st,
        &press,
        json!({"audience": {"to": "subscribers"}, "topic": "warnings", "title": "Neu", "text": ""}),
    )
    .await;
    assert_eq!(a.json()["id"].as_i64(), Some(ids[1] + 1), "a new id, not the deleted one's");
    let feed = as_device(&st, "GET", &format!("/notifications?after={}", ids[1]), PHONE, None).await;
    assert_eq!(titles_of(&feed), ["Neu"], "a client that saw the deleted one gets the new one");
}

/// Anonymous writes are limited per source like supports: a flood of
/// subscription changes from one address is answered 429 with Retry-After;
/// another address is not held up.
#[tokio::test]
async fn a_flood_of_device_writes_is_throttled() {
    let db = TestDb::sqlite().await;
    let st = db.state().await;
    let burst = st.limits.config.supports_burst;
    let put = |ip: &str, n: u32| {
        let mut req = Request::put("/notifications/subscriptions")
            .header("x-device-id", format!("flooding-device-{n:05}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"topics":["warnings"],"districts":[]}"#))
            .expect("request");
        let addr: std::net::SocketAddr = format!("{ip}:40000").parse().expect("addr");
        req.extensions_mut().insert(axum::extract::ConnectInfo(addr));
        common::send(&st, req)
    };
    for n in 0..burst {
        assert_eq!(put("10.1.1.1", n).await.status, StatusCode::OK, "write {n} within the burst");
    }
    let refused = put("10.1.1.1", burst).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers[header::RETRY_AFTER]
        .to_str()
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .is_some_and(|s| s >= 1));
    assert_eq!(refused.json()["code"], "too_many_requests");
    assert_eq!(put("10.2.2.2", burst + 1).await.status, StatusCode::OK, "another source");
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions").fetch_one(&st.db).await.expect("count");
    assert_eq!(stored, i64::from(burst) + 1);
}

/// Published over HTTP by an operator, as a burst from another task.
fn burst(base: &str, token: &str, n: usize) -> tokio::task::JoinHandle<Vec<i64>> {
    let (base, token) = (base.to_string(), token.to_string());
    tokio::spawn(async move {
        let http = reqwest::Client::new();
        let mut ids = Vec::new();
        for i in 0..n {
            let r = http
                .post(format!("{base}/operator/notifications"))
                .bearer_auth(&token)
                .json(&json!({"audience": {"to": "subscribers"}, "topic": "warnings", "district": 1 + i % 25,
                               "title": format!("Warnung {i}"), "text": "Bitte Fenster schließen."}))
                .send()
                .await
                .expect("publish");
            assert_eq!(r.status(), reqwest::StatusCode::CREATED);
            ids.push(r.json::<Value>().await.expect("json")["id"].as_i64().expect("id"));
        }
        ids
    })
}

fn titles_of(feed: &Answer) -> Vec<String> {
    common::titles(&feed.json())
}

/// Within a minute (a hang guard, not a timing assertion).
async fn within<T>(what: &str, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(std::time::Duration::from_secs(60), f)
        .await
        .unwrap_or_else(|_| panic!("{what}: nothing in a minute"))
}

/// A device follows warnings on the real server while an operator
/// publishes 60 in a burst; the device's connection is cut after 20 and
/// opened again with the last id it saw: it gets every one exactly once,
/// in order; a stream for another device gets none; when the portal stops,
/// the stream ends with an error the app can act on.
async fn the_stream_resumes_without_gap_or_duplicate(db: TestDb) {
    let (base, stop, task) = common::serve(&db).await;
    let st = db.state().await;
    let press = operator(&st, Scope::Notifications).await;
    let client = PortalClient::new(&base).expect("client");
    let me = Who::Device(PHONE);
    let warnings =
        muc_wire::notify::Subscriptions { topics: vec![muc_wire::notify::Topic::Warnings], districts: vec![] };
    client.put_subscriptions(me, &warnings).await.expect("subscribed");

    let mut stream = client.notification_stream(me, None).await.expect("stream");
    let mut other = client.notification_stream(Who::Device("another-device-00001"), None).await.expect("stream");
    let published = burst(&base, &press, 60);
    let mut seen = Vec::new();
    while seen.len() < 20 {
        let n = within("the first events", stream.next()).await.expect("open").expect("an event");
        seen.push(n.id);
    }
    drop(stream); // the connection is cut in the middle of the burst
    let mut stream = client.notification_stream(me, seen.last().copied()).await.expect("stream again");
    while seen.len() < 60 {
        let n = within("the rest", stream.next()).await.expect("open").expect("an event");
        assert!(n.title.starts_with("Warnung "), "{n:?}");
        seen.push(n.id);
    }
    let published = published.await.expect("published");
    assert_eq!(seen, published, "every one, once, in order");
    // The other device subscribed to nothing: the first thing its stream
    // carries is what is addressed to it, published after the whole burst.
    let mine = json!({"audience": {"to": "device", "device_id": "another-device-00001"}, "topic": "buerger_lab",
                      "title": "Nur für das andere Gerät", "text": ""});
    assert_eq!(publish(&st, &press, mine).await.status, StatusCode::CREATED);
    let first = within("the other device's own", other.next()).await.expect("open").expect("an event");
    assert_eq!(first.title, "Nur für das andere Gerät", "none of the warnings before it");

    // The feed agrees with the stream.
    let mut after = 0;
    let mut fed = Vec::new();
    loop {
        let page = client.notifications(me, after).await.expect("feed");
        fed.extend(page.items.iter().map(|n| n.id));
        after = page.next_after;
        if !page.more {
            break;
        }
    }
    assert_eq!(fed, published);

    stop.send(()).expect("stop");
    match within("the end of the stream", stream.next()).await {
        None | Some(Err(muc_portal_client::ClientError::Unreachable(_))) => {}
        other => panic!("the stream should end when the portal stops: {other:?}"),
    }
    within("the portal to stop", task).await.expect("stopped");
}
