//! Open311 GeoReport v2 contract tests: every endpoint in JSON and XML, checked
//! against the community's JSON Schemas, on SQLite and PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{post_photos, Answer, TestDb, KEY, LIGHT};
use muc_portal::open311::store;
use muc_portal::AppState;
use muc_wire::open311::DetailedStatus;
use serde_json::Value;
use tower::ServiceExt;

const GPS_PHOTO: &[u8] = include_bytes!("fixtures/street-light.jpg");
const PDF_AS_JPG: &[u8] = include_bytes!("fixtures/not-a-photo.jpg");

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("{}/tests/schemas/{name}", env!("CARGO_MANIFEST_DIR"))).expect("schema");
    jsonschema::validator_for(&serde_json::from_str(&text).expect("json")).expect("valid schema")
}

/// The list schemas refer to their item schema by a relative name; check the
/// list shape here and each item against the item schema.
fn assert_valid_list(item_schema: &str, v: &Value) {
    let items = v.as_array().unwrap_or_else(|| panic!("a list: {v}"));
    for item in items {
        assert_valid(item_schema, item);
    }
}

fn assert_valid(schema_name: &str, v: &Value) {
    let s = schema(schema_name);
    let errors: Vec<String> = s.iter_errors(v).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{schema_name}: {errors:?}\n{v}");
}

async fn send(st: &AppState, req: Request<Body>) -> Answer {
    common::send(st, req).await
}

async fn get(st: &AppState, uri: &str) -> Answer {
    send(st, Request::get(uri).body(Body::empty()).expect("req")).await
}

async fn post_form(st: &AppState, fields: &[(&str, &str)], idempotency_key: Option<&str>) -> Answer {
    let body: String = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
    let mut req =
        Request::post("/open311/v2/requests.json").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(k) = idempotency_key {
        req = req.header("idempotency-key", k);
    }
    send(st, req.body(Body::from(body)).expect("req")).await
}

async fn post_multipart(st: &AppState, fields: &[(&str, &str)], photo: &[u8]) -> Answer {
    post_photos(st, fields, &[photo]).await
}

fn assert_error(a: &Answer, status: StatusCode) {
    assert_eq!(a.status, status, "{}", String::from_utf8_lossy(&a.body));
    let v = a.json();
    let e = &v.as_array().expect("errors are a list")[0];
    assert_eq!(e["code"].as_u64(), Some(u64::from(status.as_u16())));
    assert!(!e["description"].as_str().expect("description").is_empty());
}

async fn state(db: &TestDb) -> (AppState, tempfile::TempDir) {
    let media = tempfile::tempdir().expect("tempdir");
    let mut st = db.state().await;
    st.settings().media_dir = media.path().to_path_buf();
    (st, media)
}

on_both_databases!(
    services_and_definitions,
    post_then_read_back,
    idempotent_retries,
    bad_reports_get_spec_errors,
    filters_and_paging,
    photos_are_cleaned,
    operator_moves_a_report,
    supporting_a_report,
    abusive_queries_and_text_get_spec_errors,
    many_supporters_at_once,
    photos_of_a_report_not_stored_are_removed,
    anonymous_writes_are_throttled_per_source,
    cors_only_on_public_reads,
    contact_data_goes_after_the_retention_period,
    proof_of_work_for_anonymous_reports,
    figures_for_monitoring
);

/// `GET /metrics` (Prometheus text): requests by route and status, reports
/// received, photos processed, refusals by kind.
async fn figures_for_monitoring(db: TestDb) {
    let (st, _m) = state(&db).await;
    assert_eq!(post_multipart(&st, LIGHT, GPS_PHOTO).await.status, StatusCode::CREATED);
    get(&st, "/open311/v2/requests/MUC-0000000001.json").await;
    let text = String::from_utf8(get(&st, "/metrics").await.body).expect("utf-8");
    for line in [
        "muc_portal_reports_received_total 1",
        "muc_portal_photos_processed_total 1",
        r#"muc_portal_http_requests_total{method="POST",route="/open311/v2/{file}",status="201"} 1"#,
        r#"muc_portal_http_requests_total{method="GET",route="/open311/v2/requests/{file}",status="404"} 1"#,
    ] {
        assert!(text.lines().any(|l| l == line), "{line} not in:\n{text}");
    }
    assert!(text.contains("muc_portal_http_request_seconds_bucket"), "latencies");
}

/// Bot protection as the city does it: an anonymous report needs a solved
/// challenge, each solution counts once, expired or forged ones are refused
/// with a 428 that says what to do; the discovery document tells clients.
async fn proof_of_work_for_anonymous_reports(db: TestDb) {
    let (mut st, _m) = state(&db).await;
    let pow = std::sync::Arc::new(muc_portal::pow::Pow::new("a-key-of-the-test-0123456789".into()));
    st.settings().pow = Some(pow.clone());
    let disco = get(&st, "/open311/v2/discovery.json").await.json();
    assert_eq!(disco["proof_of_work"]["field"], "altcha", "{disco}");

    let without = post_form(&st, LIGHT, None).await;
    assert_error(&without, StatusCode::PRECONDITION_REQUIRED);
    assert!(without.json()[0]["description"].as_str().is_some_and(|d| d.contains("challenge.json")));

    let challenge: altcha_lib_rs::Challenge =
        serde_json::from_value(get(&st, "/open311/v2/challenge.json").await.json()).expect("a challenge");
    let solution = common::solved(&challenge);
    let mut with = LIGHT.to_vec();
    with.push(("altcha", &solution));
    assert_eq!(post_form(&st, &with, None).await.status, StatusCode::CREATED);
    assert_error(&post_form(&st, &with, None).await, StatusCode::PRECONDITION_REQUIRED);

    let old = pow.challenge_expiring(1000, chrono::Utc::now() - chrono::Duration::seconds(5)).expect("c");
    let expired = common::solved(&old);
    let mut late = LIGHT.to_vec();
    late.push(("altcha", &expired));
    let answer = post_form(&st, &late, None).await;
    assert_error(&answer, StatusCode::PRECONDITION_REQUIRED);
    assert!(answer.json()[0]["description"].as_str().is_some_and(|d| d.contains("abgelaufen")));

    let other = muc_portal::pow::Pow::new("somebody-elses-key-0123456789".into());
    let forged = common::solved(&other.challenge(None).expect("c"));
    let mut fake = LIGHT.to_vec();
    fake.push(("altcha", &forged));
    assert_error(&post_form(&st, &fake, None).await, StatusCode::PRECONDITION_REQUIRED);
    let mut junk = LIGHT.to_vec();
    junk.push(("altcha", "bm90IGpzb24="));
    assert_error(&post_form(&st, &junk, None).await, StatusCode::PRECONDITION_REQUIRED);
}

/// Contact data (e-mail, name, phone, device id) of a closed report goes
/// after the retention period; the report stays; open reports keep theirs.
async fn contact_data_goes_after_the_retention_period(db: TestDb) {
    use muc_portal::open311::store;
    let (st, _m) = state(&db).await;
    let mut with_contact = LIGHT.to_vec();
    with_contact.extend([("email", "anna@example.org"), ("first_name", "Anna"), ("phone", "+49 89 1234")]);
    let id = |a: Answer| a.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let (old, recent, open) = (
        id(post_form(&st, &with_contact, None).await),
        id(post_form(&st, &with_contact, None).await),
        id(post_form(&st, &with_contact, None).await),
    );
    let day = 86_400;
    let now = 2_000_000_000;
    let closed = muc_wire::open311::DetailedStatus::Fixed;
    store::set_status(&st.db, &old, closed, None, None, now - 200 * day, "test").await.expect("closed long ago");
    store::set_status(&st.db, &recent, closed, None, None, now - 10 * day, "test").await.expect("closed lately");
    assert_eq!(store::purge_contacts(&st.db, now, 180 * day).await.expect("purged"), 1);
    let contact = |id: String| {
        let db = st.db.clone();
        async move {
            sqlx::query_as::<_, (Option<String>, Option<String>, Option<String>)>(
                "SELECT email, first_name, phone FROM requests WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&db)
            .await
            .expect("row")
        }
    };
    assert_eq!(contact(old.clone()).await, (None, None, None), "gone after 180 days");
    assert_eq!(contact(recent).await.0.as_deref(), Some("anna@example.org"), "kept within the period");
    assert_eq!(contact(open).await.0.as_deref(), Some("anna@example.org"), "kept while open");
    assert_eq!(get(&st, &format!("/open311/v2/requests/{old}.json")).await.status, StatusCode::OK, "the report stays");
    assert_eq!(store::purge_contacts(&st.db, now, 180 * day).await.expect("again"), 0, "nothing twice");
}

/// CORS through tower-http's CorsLayer: public reads for any origin (with
/// preflights answered), no Authorization header across origins, and no
/// CORS at all on writes and the operator API.
async fn cors_only_on_public_reads(db: TestDb) {
    let (st, _m) = state(&db).await;
    let call = |req: Request<Body>| {
        let st = st.clone();
        async move { muc_portal::app(st).oneshot(req).await.expect("response") }
    };
    let acao = |r: &axum::response::Response| r.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).cloned();
    let origin = "https://stadtplan.example";
    let preflight = |path: &str, headers: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri(path)
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, headers)
            .body(Body::empty())
            .expect("req")
    };
    for path in ["/collections/hotspots/items", "/open311/v2/services.json", "/finders"] {
        let r = call(Request::get(path).header(header::ORIGIN, origin).body(Body::empty()).expect("req")).await;
        assert_eq!(acao(&r).as_ref().map(|v| v.as_bytes()), Some(origin.as_bytes()), "{path}");
        let p = call(preflight(path, "accept")).await;
        assert!(p.status().is_success() && acao(&p).is_some(), "preflight {path}: {}", p.status());
    }
    let p = call(preflight("/open311/v2/requests.json", "authorization")).await;
    let allowed =
        p.headers().get(header::ACCESS_CONTROL_ALLOW_HEADERS).map(|v| v.to_str().unwrap_or("").to_ascii_lowercase());
    assert!(!allowed.unwrap_or_default().contains("authorization"), "no tokens across origins");
    for (method, path) in [
        ("GET", "/operator/finders"),
        ("OPTIONS", "/operator/finders"),
        ("POST", "/open311/v2/requests.json"),
        ("GET", "/me"),
        ("OPTIONS", "/me/export"),
    ] {
        let r = call(
            Request::builder()
                .method(method)
                .uri(path)
                .header(header::ORIGIN, origin)
                .body(Body::empty())
                .expect("req"),
        )
        .await;
        assert_eq!(acao(&r), None, "{method} {path}");
    }
    // Without Origin (the app, GeoReport clients) the CORS layer is not run,
    // but public reads still vary by Origin for shared caches; writes do not.
    let varies = |r: &axum::response::Response| {
        r.headers()
            .get_all(header::VARY)
            .iter()
            .any(|v| v.to_str().unwrap_or("").to_ascii_lowercase().contains("origin"))
    };
    for path in ["/collections/hotspots/items", "/open311/v2/services.json", "/does-not-exist"] {
        let r = call(Request::get(path).body(Body::empty()).expect("req")).await;
        assert!(acao(&r).is_none() && varies(&r), "{path}: {:?}", r.headers());
    }
    let post = call(form("/open311/v2/requests.json").body(Body::from("service_code=x")).expect("req")).await;
    assert!(!varies(&post), "{:?}", post.headers());
}

/// A request as the real server sees it: from a peer address.
fn from(mut req: Request<Body>, ip: &str) -> Request<Body> {
    let addr: std::net::SocketAddr = format!("{ip}:40000").parse().expect("addr");
    req.extensions_mut().insert(axum::extract::ConnectInfo(addr));
    req
}

fn form(path: &str) -> axum::http::request::Builder {
    Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
}

/// Found in review: 400 anonymous reports from one client were all accepted
/// in under 2 seconds. Now each source has a burst, then waits: a 429 with
/// Retry-After in GeoReport's format; other sources are not affected; a
/// report takes only a few supports from one source.
async fn anonymous_writes_are_throttled_per_source(db: TestDb) {
    use muc_portal::limits::{LimitConfig, Limits};
    let (mut st, _m) = state(&db).await;
    st.settings().limits = std::sync::Arc::new(Limits::new(
        LimitConfig {
            reports_burst: 3,
            report_every: std::time::Duration::from_secs(3600),
            supports_burst: 10,
            support_every: std::time::Duration::from_secs(3600),
            supports_per_report: 2,
            trust_forwarded_for: true,
            shared: false,
        },
        None,
    ));
    let body = || Body::from(url::form_urlencoded::Serializer::new(String::new()).extend_pairs(LIGHT).finish());
    let post = |ip: &str, path: &str| from(form(path).body(body()).expect("req"), ip);
    for n in 0..3 {
        let a = send(&st, post("10.0.0.1", "/open311/v2/requests.json")).await;
        assert_eq!(a.status, StatusCode::CREATED, "report {n}");
    }
    let limited = send(&st, post("10.0.0.1", "/open311/v2/requests.json")).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.headers[header::RETRY_AFTER].to_str().expect("s").parse().expect("seconds");
    assert!((1..=3600).contains(&wait), "{wait}");
    assert_error(&limited, StatusCode::TOO_MANY_REQUESTS);
    let xml = send(&st, post("10.0.0.1", "/open311/v2/requests.xml")).await;
    assert_eq!(xml.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(xml.xml().root_element().tag_name().name(), "errors");
    assert_eq!(
        send(&st, post("10.0.0.2", "/open311/v2/requests.json")).await.status,
        StatusCode::CREATED,
        "others go on"
    );
    // Behind the city's proxy: the address it appended is the source.
    let mut proxied = post("127.0.0.1", "/open311/v2/requests.json");
    proxied.headers_mut().insert("x-forwarded-for", "10.0.0.1".parse().expect("h"));
    assert_eq!(send(&st, proxied).await.status, StatusCode::TOO_MANY_REQUESTS);

    // Supports: two per report from one source, however many supporter ids it invents.
    let id = post_form(&st, LIGHT, None).await.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let support = |ip: &str, who: &str| {
        let req = form(&format!("/open311/v2/requests/{id}/support.json"))
            .header("idempotency-key", who)
            .body(Body::from(format!("api_key={KEY}")))
            .expect("req");
        from(req, ip)
    };
    assert_eq!(send(&st, support("10.0.0.3", "a")).await.status, StatusCode::OK);
    assert_eq!(send(&st, support("10.0.0.3", "b")).await.status, StatusCode::OK);
    let third = send(&st, support("10.0.0.3", "c")).await;
    assert_error(&third, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(send(&st, support("10.0.0.3", "a")).await.status, StatusCode::OK, "a repeat still answers");
    assert_eq!(send(&st, support("10.0.0.4", "d")).await.status, StatusCode::OK);
    let r = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_eq!(r[0]["extended_attributes"]["supporters"], 3);
}

/// Found in review: photos were written before the report's insert and
/// stayed when the insert failed. Here the database fails mid-insert (its
/// history table is gone): a 500 that leaks nothing, and no photo left.
async fn photos_of_a_report_not_stored_are_removed(db: TestDb) {
    let (st, media) = state(&db).await;
    sqlx::query("DROP TABLE request_history").execute(&st.db).await.expect("drop");
    let answer = post_multipart(&st, LIGHT, GPS_PHOTO).await;
    assert_error(&answer, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!String::from_utf8_lossy(&answer.body).contains("request_history"), "nothing internal leaks");
    let left: Vec<_> =
        std::fs::read_dir(media.path()).map(|d| d.flatten().map(|e| e.file_name()).collect()).unwrap_or_default();
    assert!(left.is_empty(), "photos left behind: {left:?}");
}

/// Found in review: on SQLite, supports at the same moment failed with
/// BUSY (a transaction read, another wrote, the first could not write).
async fn many_supporters_at_once(db: TestDb) {
    let (st, _m) = state(&db).await;
    let id = post_form(&st, LIGHT, None).await.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let tasks: Vec<_> = (0..24)
        .map(|n| {
            let (st, id) = (st.clone(), id.clone());
            tokio::spawn(
                async move { post_support(&st, &id, "json", KEY, Some(&format!("supporter-{n:02}"))).await.status },
            )
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.expect("joined"), StatusCode::OK);
    }
    let r = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_eq!(r[0]["extended_attributes"]["supporters"], 24);
}

/// Found in review: a huge page number overflowed `(page - 1) * page_size`
/// into a 500, id lists were unbounded, and one report with a control
/// character made `requests.xml` ill-formed for every consumer.
async fn abusive_queries_and_text_get_spec_errors(db: TestDb) {
    let (st, _m) = state(&db).await;
    for uri in [
        "/open311/v2/requests.json?page=18446744073709551615",
        "/open311/v2/requests.json?page=1001&page_size=200",
        "/open311/v2/requests.json?page=-1",
    ] {
        assert_error(&get(&st, uri).await, StatusCode::BAD_REQUEST);
    }
    let many: Vec<String> = (0..201).map(|n| format!("MUC-{n:010}")).collect();
    let uri = format!("/open311/v2/requests.json?service_request_id={}", many.join(","));
    assert_error(&get(&st, &uri).await, StatusCode::BAD_REQUEST);
    let near = get(&st, "/open311/v2/requests.json?lat=48.1374&long=11.5755&radius=5000&page=1000&page_size=200").await;
    assert_eq!(near.status, StatusCode::OK, "a deep page of a radius query is empty, not an error");

    let mut bell = LIGHT.to_vec();
    bell.retain(|(k, _)| *k != "description");
    bell.push(("description", "Laterne\u{7} aus"));
    assert_error(&post_form(&st, &bell, None).await, StatusCode::BAD_REQUEST);
    let xml = get(&st, "/open311/v2/requests.xml").await;
    xml.xml();
}

async fn post_support(st: &AppState, id: &str, format: &str, api_key: &str, supporter: Option<&str>) -> Answer {
    let mut req = Request::post(format!("/open311/v2/requests/{id}/support.{format}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(k) = supporter {
        req = req.header("idempotency-key", k);
    }
    send(st, req.body(Body::from(format!("api_key={api_key}"))).expect("req")).await
}

/// "Me too" on an open report: counted once per supporter, refused when closed.
async fn supporting_a_report(db: TestDb) {
    let (st, _m) = state(&db).await;
    let created = post_form(&st, LIGHT, None).await;
    let id = created.json()[0]["service_request_id"].as_str().expect("id").to_string();

    let first = post_support(&st, &id, "json", KEY, Some("device-a")).await;
    assert_eq!(first.status, StatusCode::OK, "{}", String::from_utf8_lossy(&first.body));
    assert_valid_list("request.json", &first.json());
    assert_eq!(first.json()[0]["extended_attributes"]["supporters"], 1);
    let again = post_support(&st, &id, "json", KEY, Some("device-a")).await;
    assert_eq!(again.json()[0]["extended_attributes"]["supporters"], 1, "the same device counts once");
    let other = post_support(&st, &id, "xml", KEY, Some("device-b")).await;
    assert_eq!(other.status, StatusCode::OK);
    let count =
        other.xml().descendants().find(|n| n.has_tag_name("supporters")).and_then(|n| n.text()).map(str::to_string);
    assert_eq!(count.as_deref(), Some("2"));
    let listed = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_eq!(listed[0]["extended_attributes"]["supporters"], 2);

    assert_error(&post_support(&st, &id, "json", "wrong-key", Some("device-c")).await, StatusCode::FORBIDDEN);
    assert_error(&post_support(&st, &id, "json", KEY, None).await, StatusCode::BAD_REQUEST);
    assert_error(&post_support(&st, "MUC-0000000000", "json", KEY, Some("device-c")).await, StatusCode::NOT_FOUND);
    store::set_status(&st.db, &id, DetailedStatus::Fixed, None, None, 1, "test").await.expect("fixed");
    let closed = post_support(&st, &id, "json", KEY, Some("device-c")).await;
    assert_error(&closed, StatusCode::CONFLICT);
    assert!(closed.json()[0]["description"].as_str().is_some_and(|d| d.contains("abgeschlossen")));
}

async fn services_and_definitions(db: TestDb) {
    let (st, _m) = state(&db).await;
    let services = get(&st, "/open311/v2/services.json").await;
    assert_eq!(services.status, StatusCode::OK);
    let v = services.json();
    assert_valid_list("service.json", &v);
    let codes: Vec<&str> = v.as_array().expect("l").iter().map(|s| s["service_code"].as_str().expect("c")).collect();
    for c in [
        "strassen-gehwege",
        "strassenbeleuchtung",
        "muell",
        "graffiti",
        "spielplaetze",
        "gruenflaechen",
        "radwege",
        "verkehrszeichen",
    ] {
        assert!(codes.contains(&c), "{c}");
        let d = get(&st, &format!("/open311/v2/services/{c}.json")).await;
        assert_eq!(d.status, StatusCode::OK);
        assert_valid("service-definition.json", &d.json());
        let x = get(&st, &format!("/open311/v2/services/{c}.xml")).await;
        assert_eq!(x.xml().root_element().tag_name().name(), "service_definition");
    }
    // Every GeoReport datatype is used by some definition.
    let mut types = std::collections::BTreeSet::new();
    for c in &codes {
        for a in get(&st, &format!("/open311/v2/services/{c}.json")).await.json()["attributes"].as_array().expect("a") {
            types.insert(a["datatype"].as_str().expect("t").to_string());
        }
    }
    assert_eq!(types.len(), 6, "{types:?}");

    // The schemas do reject what GeoReport forbids.
    assert!(schema("request.json").iter_errors(&serde_json::json!({"status": "pending"})).next().is_some());
    let en = get(&st, "/open311/v2/services.json?locale=en").await.json();
    assert!(en.as_array().expect("l").iter().any(|s| s["service_name"] == "Street lighting"));
    // The categories in the app's other languages (data/services.*.ftl),
    // the questions and answers of a form too.
    for (locale, name) in [
        ("tr", "Sokak aydınlatması"),
        ("uk", "Вуличне освітлення"),
        ("ar", "إنارة الشوارع"),
        ("de-x-ls", "Straßen·lampen"),
    ] {
        let list = get(&st, &format!("/open311/v2/services.json?locale={locale}")).await.json();
        assert!(list.as_array().expect("l").iter().any(|s| s["service_name"] == name), "{locale}: {list}");
    }
    let form = get(&st, "/open311/v2/services/strassenbeleuchtung.json?locale=uk").await.json();
    let art = form["attributes"].as_array().expect("a").iter().find(|a| a["code"] == "art").expect("art").clone();
    assert_eq!(art["description"], "Що з ліхтарем?");
    assert!(
        art["values"].as_array().expect("v").iter().any(|v| v["key"] == "dunkel" && v["name"] == "Не світить"),
        "{art}"
    );
    let xml = get(&st, "/open311/v2/services.xml").await;
    let doc = xml.xml();
    assert_eq!(doc.root_element().tag_name().name(), "services");
    assert_eq!(doc.root_element().children().filter(|n| n.has_tag_name("service")).count(), codes.len());

    let disco = get(&st, "/open311/v2/discovery.json").await.json();
    assert_eq!(disco["endpoints"][0]["url"], "http://portal.test/open311/v2");
    assert_eq!(get(&st, "/open311/v2/discovery.xml").await.xml().root_element().tag_name().name(), "discovery");
    assert_error(&get(&st, "/open311/v2/services/nope.json").await, StatusCode::NOT_FOUND);
    assert_error(&get(&st, "/open311/v2/services.json?jurisdiction_id=berlin.de").await, StatusCode::NOT_FOUND);
    assert_error(&get(&st, "/open311/v2/services.html").await, StatusCode::BAD_REQUEST);
}

async fn post_then_read_back(db: TestDb) {
    let (st, _m) = state(&db).await;
    let created = post_form(&st, LIGHT, None).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&created.body));
    let c = created.json();
    let id = c[0]["service_request_id"].as_str().expect("id").to_string();
    let token = c[0]["token"].as_str().expect("token").to_string();
    assert!(id.starts_with("MUC-"));

    let one = get(&st, &format!("/open311/v2/requests/{id}.json")).await;
    let v = one.json();
    assert_valid_list("request.json", &v);
    assert_eq!(v[0]["status"], "open");
    assert_eq!(v[0]["service_name"], "Straßenbeleuchtung");
    assert_eq!(v[0]["extended_attributes"]["detailed_status"], "received");
    assert_eq!(v[0]["lat"].as_f64(), Some(48.137154));

    let by_token = get(&st, &format!("/open311/v2/tokens/{token}.json")).await.json();
    assert_eq!(by_token[0]["service_request_id"], id.as_str());

    let all = get(&st, "/open311/v2/requests.json").await.json();
    assert_valid_list("request.json", &all);
    assert_eq!(all.as_array().expect("l").len(), 1);

    let xml = get(&st, &format!("/open311/v2/requests/{id}.xml")).await;
    let doc = xml.xml();
    let req = doc.root_element().first_element_child().expect("request");
    assert_eq!(req.tag_name().name(), "request");
    let sid = req.children().find(|n| n.has_tag_name("service_request_id")).and_then(|n| n.text());
    assert_eq!(sid, Some(id.as_str()));

    // POST answering in XML.
    let body: String = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(LIGHT).finish();
    let x = send(
        &st,
        Request::post("/open311/v2/requests.xml")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("r"),
    )
    .await;
    assert_eq!(x.status, StatusCode::CREATED);
    assert_eq!(x.xml().root_element().tag_name().name(), "service_requests");

    // A street address without coordinates: the city's staff place it.
    let address_only: Vec<(&str, &str)> = LIGHT
        .iter()
        .copied()
        .filter(|(k, _)| *k != "lat" && *k != "long")
        .chain([("address_string", "Leopoldstraße 12, 80802 München")])
        .collect();
    let a = post_form(&st, &address_only, None).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&a.body));
    let id = a.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let r = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_valid_list("request.json", &r);
    assert_eq!(r[0]["address"], "Leopoldstraße 12, 80802 München");
    assert!(r[0]["lat"].is_null());
}

async fn idempotent_retries(db: TestDb) {
    let (st, _m) = state(&db).await;
    let first = post_form(&st, LIGHT, Some("device-1-report-7")).await;
    let again = post_form(&st, LIGHT, Some("device-1-report-7")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(again.status, StatusCode::OK, "a retry is answered, not stored again");
    assert_eq!(first.json()[0]["service_request_id"], again.json()[0]["service_request_id"]);
    let other = post_form(&st, LIGHT, Some("device-1-report-8")).await;
    assert_ne!(first.json()[0]["service_request_id"], other.json()[0]["service_request_id"]);
    assert_eq!(get(&st, "/open311/v2/requests.json").await.json().as_array().expect("l").len(), 2);
}

fn with(
    base: &[(&'static str, &'static str)],
    changes: &[(&'static str, Option<&'static str>)],
) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<_> = base.iter().filter(|(k, _)| !changes.iter().any(|(c, _)| c == k)).copied().collect();
    v.extend(changes.iter().filter_map(|(k, val)| val.map(|x| (*k, x))));
    v
}

async fn bad_reports_get_spec_errors(db: TestDb) {
    let (st, _m) = state(&db).await;
    for (changes, status) in [
        (vec![("api_key", None)], StatusCode::FORBIDDEN),
        (vec![("api_key", Some("stolen"))], StatusCode::FORBIDDEN),
        (vec![("service_code", Some("ufo-sighting"))], StatusCode::BAD_REQUEST),
        (vec![("attribute[art]", None)], StatusCode::BAD_REQUEST),
        (vec![("attribute[art]", Some("kaputt"))], StatusCode::BAD_REQUEST),
        (vec![("attribute[farbe]", Some("rot"))], StatusCode::BAD_REQUEST),
        (vec![("lat", Some("52.520008")), ("long", Some("13.404954"))], StatusCode::BAD_REQUEST),
        (vec![("lat", None), ("long", None)], StatusCode::BAD_REQUEST),
        (vec![("lat", Some("north"))], StatusCode::BAD_REQUEST),
        (vec![("jurisdiction_id", Some("berlin.de"))], StatusCode::NOT_FOUND),
    ] {
        let a = post_form(&st, &with(LIGHT, &changes), None).await;
        assert_error(&a, status);
    }
    let bad_number = [
        ("api_key", KEY),
        ("service_code", "muell"),
        ("lat", "48.13"),
        ("long", "11.57"),
        ("attribute[art][]", "sperrmuell"),
        ("attribute[menge]", "viel"),
    ];
    assert_error(&post_form(&st, &bad_number, None).await, StatusCode::BAD_REQUEST);
    let good_multi = [
        ("api_key", KEY),
        ("service_code", "muell"),
        ("lat", "48.13"),
        ("long", "11.57"),
        ("attribute[art][]", "sperrmuell"),
        ("attribute[art][]", "hausmuell"),
        ("attribute[menge]", "1,5"),
    ];
    assert_eq!(post_form(&st, &good_multi, None).await.status, StatusCode::CREATED);
    let bad_date = [
        ("api_key", KEY),
        ("service_code", "verkehrszeichen"),
        ("lat", "48.13"),
        ("long", "11.57"),
        ("attribute[art]", "fehlt"),
        ("attribute[bemerkt_am]", "gestern"),
    ];
    assert_error(&post_form(&st, &bad_date, None).await, StatusCode::BAD_REQUEST);

    // XML errors have the spec's shape too.
    let x = send(
        &st,
        Request::post("/open311/v2/requests.xml")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("service_code=x"))
            .expect("r"),
    )
    .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN);
    let doc = x.xml();
    assert_eq!(doc.root_element().tag_name().name(), "errors");
    assert_eq!(doc.descendants().find(|n| n.has_tag_name("code")).and_then(|n| n.text()), Some("403"));

    let json = send(
        &st,
        Request::post("/open311/v2/requests.json")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .expect("r"),
    )
    .await;
    assert_error(&json, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    for q in [
        "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        "start_date=yesterday",
        "status=maybe",
        "page=0",
        "page_size=1000",
        "lat=48.1",
        "lat=48.1&long=11.5&radius=99999",
    ] {
        assert_error(&get(&st, &format!("/open311/v2/requests.json?{q}")).await, StatusCode::BAD_REQUEST);
    }
    assert_error(&get(&st, "/open311/v2/requests/MUC-NOPE.json").await, StatusCode::NOT_FOUND);
    assert_error(&get(&st, "/open311/v2/tokens/nope.json").await, StatusCode::NOT_FOUND);
}

async fn filters_and_paging(db: TestDb) {
    let (st, _m) = state(&db).await;
    let light = post_form(&st, LIGHT, None).await.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let far = with(LIGHT, &[("lat", Some("48.2")), ("long", Some("11.45"))]);
    let far_id = post_form(&st, &far, None).await.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let graffiti = [
        ("api_key", KEY),
        ("service_code", "graffiti"),
        ("lat", "48.1372"),
        ("long", "11.5762"),
        ("attribute[flaeche]", "kasten"),
    ];
    let g = post_form(&st, &graffiti, None).await.json()[0]["service_request_id"].as_str().expect("id").to_string();

    let ids = |v: Value| -> Vec<String> {
        v.as_array().expect("l").iter().map(|r| r["service_request_id"].as_str().expect("id").to_string()).collect()
    };
    assert_eq!(ids(get(&st, "/open311/v2/requests.json?service_code=graffiti").await.json()), [g.as_str()]);
    let mut both = ids(get(&st, &format!("/open311/v2/requests.json?service_request_id={light},{g}")).await.json());
    both.sort();
    let mut expect = vec![light.clone(), g.clone()];
    expect.sort();
    assert_eq!(both, expect);
    // Nearby reports of the same category, to support instead of duplicating.
    let near = ids(get(
        &st,
        "/open311/v2/requests.json?lat=48.13716&long=11.57613&radius=200&service_code=strassenbeleuchtung",
    )
    .await
    .json());
    assert_eq!(near, [light.as_str()]);
    assert!(!near.contains(&far_id));
    assert_eq!(get(&st, "/open311/v2/requests.json?status=closed").await.json().as_array().expect("l").len(), 0);
    assert_eq!(get(&st, "/open311/v2/requests.json?status=open").await.json().as_array().expect("l").len(), 3);
    let p1 = ids(get(&st, "/open311/v2/requests.json?page_size=2&page=1").await.json());
    let p2 = ids(get(&st, "/open311/v2/requests.json?page_size=2&page=2").await.json());
    assert_eq!((p1.len(), p2.len()), (2, 1));
    assert!(p2.iter().all(|i| !p1.contains(i)));
    assert_eq!(
        get(&st, "/open311/v2/requests.json?updated_after=2099-01-01T00:00:00Z")
            .await
            .json()
            .as_array()
            .expect("l")
            .len(),
        0
    );
}

async fn photos_are_cleaned(db: TestDb) {
    let (st, media) = state(&db).await;
    let a = post_multipart(&st, LIGHT, GPS_PHOTO).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&a.body));
    let id = a.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let r = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    let url = r[0]["media_url"].as_str().expect("media_url").to_string();
    assert_valid("request.json", &r[0]);
    let path = url.strip_prefix("http://portal.test").expect("ours");
    let photo = get(&st, path).await;
    assert_eq!(photo.status, StatusCode::OK);
    assert_eq!(photo.content_type, "image/jpeg");
    // No EXIF, XMP or GPS survives; the photo stands upright.
    let stored = &photo.body;
    assert!(!stored.windows(4).any(|w| w == b"Exif"), "EXIF segment left");
    assert!(!stored.windows(4).any(|w| w == b"GPS\0") && !stored.windows(13).any(|w| w == b"Max Mustermann"));
    assert!(!stored.windows(9).any(|w| w == b"http://ns"), "XMP left");
    assert!(GPS_PHOTO.windows(4).any(|w| w == b"Exif"), "the fixture does carry EXIF");
    let img = image::load_from_memory(stored).expect("a JPEG");
    assert_eq!((img.width(), img.height()), (480, 640), "EXIF orientation applied before stripping");
    let files: Vec<_> = std::fs::read_dir(media.path()).expect("dir").collect();
    assert_eq!(files.len(), 1);

    assert_error(&post_multipart(&st, LIGHT, PDF_AS_JPG).await, StatusCode::BAD_REQUEST);
    let mut huge = GPS_PHOTO.to_vec();
    huge.resize(11 * 1024 * 1024, 0);
    assert_error(&post_multipart(&st, LIGHT, &huge).await, StatusCode::PAYLOAD_TOO_LARGE);
    let giant = post_multipart(&st, LIGHT, &png_header(20_000, 20_000)).await;
    assert_error(&giant, StatusCode::BAD_REQUEST);
    let why = giant.json()[0]["description"].as_str().expect("d").to_string();
    assert!(why.contains("20000 × 20000"), "{why}");
    // Found in review: 145 KiB that decode to 6200 × 6200 RGBA (38 MP, under
    // the old 40 MP cap) drove the portal past 1.2 GiB. Now the header says no.
    let bomb = post_multipart(&st, LIGHT, include_bytes!("fixtures/bomb-6200.png")).await;
    assert_error(&bomb, StatusCode::BAD_REQUEST);
    let why = bomb.json()[0]["description"].as_str().expect("d").to_string();
    assert!(why.contains("6200 × 6200") && why.contains("25 Megapixel"), "{why}");
    let mut sixty = GPS_PHOTO.to_vec();
    sixty.resize(60 * 1024 * 1024, 0);
    assert_error(&post_multipart(&st, LIGHT, &sixty).await, StatusCode::PAYLOAD_TOO_LARGE);
    // Nothing was stored for the refused photos.
    assert_eq!(std::fs::read_dir(media.path()).expect("dir").count(), 1);

    // Several photos: all cleaned and listed, GeoReport's media_url is the first.
    let three = post_photos(&st, LIGHT, &[GPS_PHOTO, GPS_PHOTO, GPS_PHOTO]).await;
    assert_eq!(three.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&three.body));
    let id = three.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let r = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_valid("request.json", &r[0]);
    let urls: Vec<&str> =
        r[0]["extended_attributes"]["media_urls"].as_array().expect("list").iter().filter_map(Value::as_str).collect();
    assert_eq!(urls.len(), 3);
    assert_eq!(r[0]["media_url"].as_str(), Some(urls[0]));
    for u in &urls {
        let p = get(&st, u.strip_prefix("http://portal.test").expect("ours")).await;
        assert_eq!(p.status, StatusCode::OK);
        assert!(!p.body.windows(4).any(|w| w == b"Exif"), "EXIF left in {u}");
    }
    let xml = get(&st, &format!("/open311/v2/requests/{id}.xml")).await;
    let doc = xml.xml();
    let listed = doc.descendants().filter(|n| n.has_tag_name("media_url")).count();
    assert_eq!(listed, 4, "media_url plus three under media_urls");
    assert_eq!(std::fs::read_dir(media.path()).expect("dir").count(), 4);
    // One bad photo among good ones: refused, named, and nothing stored.
    let mixed = post_photos(&st, LIGHT, &[GPS_PHOTO, PDF_AS_JPG]).await;
    assert_error(&mixed, StatusCode::BAD_REQUEST);
    let why = mixed.json()[0]["description"].as_str().expect("d").to_string();
    assert!(why.starts_with("Foto 2:") && why.contains("kein Foto"), "German by default: {why}");
    let english: Vec<(&str, &str)> = LIGHT.iter().copied().chain([("locale", "en")]).collect();
    let mixed = post_photos(&st, &english, &[GPS_PHOTO, PDF_AS_JPG]).await;
    let why = mixed.json()[0]["description"].as_str().expect("d").to_string();
    assert!(why.starts_with("Photo 2:") && why.contains("not a photo"), "English when asked: {why}");
    // And in each of the app's other languages.
    for (locale, start, says) in [
        ("tr", "Fotoğraf 2:", "fotoğraf değil"),
        ("uk", "Фото 2:", "не є фото"),
        ("ar", "الصورة 2:", "ليس صورة"),
        ("de-x-ls", "Foto 2:", "Das ist kein Foto"),
    ] {
        let fields: Vec<(&str, &str)> = LIGHT.iter().copied().chain([("locale", locale)]).collect();
        let refused = post_photos(&st, &fields, &[GPS_PHOTO, PDF_AS_JPG]).await;
        let why = refused.json()[0]["description"].as_str().expect("d").to_string();
        assert!(why.starts_with(start) && why.contains(says), "{locale}: {why}");
    }
    // A question left out is named as the person's form asked it.
    let without: Vec<(&str, &str)> =
        LIGHT.iter().copied().filter(|(k, _)| *k != "attribute[art]").chain([("locale", "ar")]).collect();
    let refused = post_form(&st, &without, None).await;
    assert_error(&refused, StatusCode::BAD_REQUEST);
    let why = refused.json()[0]["description"].as_str().expect("d").to_string();
    assert!(why.contains("ما مشكلة المصباح؟"), "the question in Arabic: {why}");
    let six = post_photos(&st, LIGHT, &[GPS_PHOTO; 6]).await;
    assert_error(&six, StatusCode::BAD_REQUEST);
    assert_eq!(std::fs::read_dir(media.path()).expect("dir").count(), 4);
    assert_eq!(get(&st, "/media/../../etc/passwd").await.status, StatusCode::NOT_FOUND);
}

/// A PNG that claims 20,000 × 20,000 pixels: a header is all it takes.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for b in data {
            c ^= u32::from(*b);
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc(&ihdr).to_be_bytes());
    // The start of an image-data chunk (the pixels never come).
    let idat = b"IDAT\x78\x9c\x00\x00".to_vec();
    png.extend(4u32.to_be_bytes());
    png.extend(&idat);
    png.extend(crc(&idat).to_be_bytes());
    png.extend([0, 0, 0, 0]);
    png.extend(b"IEND");
    png.extend(crc(b"IEND").to_be_bytes());
    png
}

async fn operator_moves_a_report(db: TestDb) {
    let (st, _m) = state(&db).await;
    let id = post_form(&st, LIGHT, None).await.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let token = muc_portal::auth::create_token(&st.db, "Baureferat", &muc_portal::auth::Scope::ALL, 30, "test")
        .await
        .expect("token")
        .token;
    let change = |status: &str, note: &str, auth: Option<&str>| {
        let mut r =
            Request::post(format!("/operator/requests/{id}/status")).header(header::CONTENT_TYPE, "application/json");
        if let Some(a) = auth {
            r = r.header(header::AUTHORIZATION, format!("Bearer {a}"));
        }
        r.body(Body::from(serde_json::json!({"status": status, "note": note}).to_string())).expect("r")
    };
    assert_eq!(send(&st, change("fixed", "", None)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&st, change("teleported", "", Some(&token))).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        send(&st, change("in_progress", "Ein Team ist unterwegs.", Some(&token))).await.status,
        StatusCode::NO_CONTENT
    );
    let v = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_eq!(v[0]["status"], "open");
    assert_eq!(v[0]["status_notes"], "Ein Team ist unterwegs.");
    assert_eq!(
        send(&st, change("fixed", "Leuchtmittel getauscht.", Some(&token))).await.status,
        StatusCode::NO_CONTENT
    );
    let v = get(&st, &format!("/open311/v2/requests/{id}.json")).await.json();
    assert_valid("request.json", &v[0]);
    assert_eq!(v[0]["status"], "closed");
    assert_eq!(v[0]["extended_attributes"]["detailed_status"], "fixed");
    let history: Vec<&str> = v[0]["extended_attributes"]["status_history"]
        .as_array()
        .expect("h")
        .iter()
        .map(|h| h["status"].as_str().expect("s"))
        .collect();
    assert_eq!(history, ["received", "in_progress", "fixed"]);
    let missing = Request::post("/operator/requests/MUC-NOPE/status")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(r#"{"status":"fixed"}"#))
        .expect("r");
    assert_eq!(send(&st, missing).await.status, StatusCode::NOT_FOUND);
}
