//! The portal's HTTP API, called in-process through the router, on SQLite
//! and on PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Answer, TestDb, BASE};

async fn call(db: &TestDb, method: &str, uri: &str, accept: Option<&str>) -> Answer {
    let app = muc_portal::app(db.state().await);
    call_app(app, method, uri, accept).await
}

/// A GET with `headers`.
async fn call_with(db: &TestDb, uri: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    common::send_to(muc_portal::app(db.state().await), req.body(Body::empty()).expect("request")).await
}

async fn call_app(app: axum::Router, method: &str, uri: &str, accept: Option<&str>) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(a) = accept {
        req = req.header(header::ACCEPT, a);
    }
    let a = common::send_to(app, req.body(Body::empty()).expect("request")).await;
    // Metrics and photos are not JSON; every other answer must be.
    let plain = a.content_type.starts_with("text/plain") || a.content_type.starts_with("image/");
    if !a.body.is_empty() && !plain {
        a.json();
    }
    a
}

async fn get(db: &TestDb, uri: &str) -> Answer {
    call(db, "GET", uri, None).await
}

fn assert_error(a: &Answer, status: StatusCode, code: &str) {
    assert_eq!(a.status, status, "{}", a.json);
    assert_eq!(a.content_type, "application/json");
    assert_eq!(a.json["code"], code, "{}", a.json);
    let d = a.json["description"].as_str().expect("description");
    assert!(!d.is_empty());
    for leak in ["sqlx", "SELECT", "panicked", "/src/", "sqlite", "postgres"] {
        assert!(!d.contains(leak), "error leaks internals: {d}");
    }
}

on_both_databases!(
    landing_conformance_collections,
    items_first_page_and_paging,
    items_filters,
    nearest_from_marienplatz,
    single_item,
    malformed_requests,
    openapi_describes_every_path,
    seeding_is_idempotent,
);

async fn landing_conformance_collections(db: TestDb) {
    let landing = get(&db, "/").await;
    assert_eq!(landing.status, StatusCode::OK);
    assert_eq!(landing.content_type, "application/json");
    let rels: Vec<&str> =
        landing.json["links"].as_array().expect("links").iter().filter_map(|l| l["rel"].as_str()).collect();
    for rel in ["self", "service-desc", "conformance", "data"] {
        assert!(rels.contains(&rel), "landing page lacks rel={rel}: {rels:?}");
    }

    let conf = get(&db, "/conformance").await;
    let classes = conf.json["conformsTo"].as_array().expect("conformsTo");
    assert!(classes.iter().any(|c| c.as_str().is_some_and(|s| s.ends_with("/conf/geojson"))));

    let colls = get(&db, "/collections").await;
    assert_eq!(colls.json["collections"][0]["id"], "hotspots");

    let coll = get(&db, "/collections/hotspots?f=json").await;
    assert_eq!(coll.status, StatusCode::OK);
    assert_eq!(coll.json["attribution"], "Datenquelle: Landeshauptstadt München – opengov-muenchen.de (dl-de/by-2-0)");
    assert_eq!(coll.json["links"][1]["href"], format!("{BASE}/collections/hotspots/items"));
}

async fn items_first_page_and_paging(db: TestDb) {
    let first = get(&db, "/collections/hotspots/items").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.content_type, "application/geo+json");
    assert_eq!(first.json["type"], "FeatureCollection");
    assert_eq!(first.json["numberMatched"], 138);
    assert_eq!(first.json["numberReturned"], 10);
    assert!(first.json["attribution"].as_str().expect("attribution").contains("dl-de/by-2-0"));

    // Follow `next` links to the end: every site exactly once.
    let state = db.state().await;
    let mut seen = std::collections::BTreeSet::new();
    let mut uri = "/collections/hotspots/items?limit=50".to_string();
    let mut pages = 0;
    loop {
        let page = call_app(muc_portal::app(state.clone()), "GET", &uri, Some("application/geo+json")).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        pages += 1;
        for f in page.json["features"].as_array().expect("features") {
            assert!(seen.insert(f["id"].as_str().expect("id").to_string()), "duplicate {}", f["id"]);
        }
        let next = page.json["links"]
            .as_array()
            .expect("links")
            .iter()
            .find(|l| l["rel"] == "next")
            .map(|l| l["href"].as_str().expect("href").to_string());
        match next {
            Some(href) => uri = href.strip_prefix(BASE).expect("absolute link").to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 138);
}

async fn items_filters(db: TestDb) {
    // Around Marienplatz and Marienhof.
    let bbox = get(&db, "/collections/hotspots/items?bbox=11.570,48.135,11.580,48.140&limit=100").await;
    assert_eq!(bbox.status, StatusCode::OK);
    let names: Vec<&str> = bbox.json["features"]
        .as_array()
        .expect("f")
        .iter()
        .map(|f| f["properties"]["name"].as_str().expect("name"))
        .collect();
    assert!(names.contains(&"Marienplatz Ost"), "{names:?}");
    assert!(!names.contains(&"Limesstr. M002-M016"), "{names:?}");
    for f in bbox.json["features"].as_array().expect("f") {
        let c = &f["geometry"]["coordinates"];
        let (lon, lat) = (c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat"));
        assert!((11.570..=11.580).contains(&lon) && (48.135..=48.140).contains(&lat));
    }
    assert_eq!(bbox.json["numberMatched"].as_u64(), Some(names.len() as u64));

    let kind = get(&db, "/collections/hotspots/items?kind=Smarter%20City&limit=100").await;
    let feats = kind.json["features"].as_array().expect("f");
    assert!(!feats.is_empty());
    assert!(feats.iter().all(|f| f["properties"]["kind"] == "Smarter City"));
    let total_aps: u64 = feats.iter().map(|f| f["properties"]["access_points"].as_u64().expect("n")).sum();
    assert_eq!(total_aps, 20, "the data lists 20 Smarter City access points");

    let none = get(&db, "/collections/hotspots/items?kind=Mars").await;
    assert_eq!(none.json["numberMatched"], 0);
    assert_eq!(none.json["features"].as_array().expect("f").len(), 0);
}

async fn nearest_from_marienplatz(db: TestDb) {
    let near = get(&db, "/collections/hotspots/items?near=11.5755,48.1374&limit=5").await;
    assert_eq!(near.status, StatusCode::OK);
    let feats = near.json["features"].as_array().expect("features");
    assert_eq!(feats.len(), 5);
    let d: Vec<f64> = feats.iter().map(|f| f["properties"]["distance_m"].as_f64().expect("distance")).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "sorted by distance: {d:?}");
    assert!(d[0] < 60.0, "a Marienplatz site is within 60 m: {d:?}");
    assert!(feats[0]["properties"]["name"].as_str().expect("name").starts_with("Marienplatz"));
    assert_eq!(near.json["numberMatched"], 138);

    // The next page continues where this one ended.
    let next = near.json["links"].as_array().expect("links").iter().find(|l| l["rel"] == "next").expect("next");
    let href = next["href"].as_str().expect("href").strip_prefix(BASE).expect("abs").to_string();
    let page2 = get(&db, &href).await;
    let d2 = page2.json["features"][0]["properties"]["distance_m"].as_f64().expect("d");
    assert!(d2 >= d[4]);

    // The same from the index as from a full scan over the stored rows.
    let state = db.state().await;
    let idx = state.index();
    let p = muc_wire::geo::LonLat::new(11.5755, 48.1374);
    let linear: Vec<String> = idx.nearest_linear(p, 5).into_iter().map(|(_, s)| s.id.clone()).collect();
    let api: Vec<String> = feats.iter().map(|f| f["id"].as_str().expect("id").to_string()).collect();
    assert_eq!(api, linear);

    let trams = get(&db, "/collections/hotspots/items?near=11.5755,48.1374&limit=3&kind=Tramlinie%20Linie%2019").await;
    assert!(trams.json["features"]
        .as_array()
        .expect("f")
        .iter()
        .all(|f| f["properties"]["kind"] == "Tramlinie Linie 19"));
    assert_eq!(trams.json["numberReturned"], 3);
}

async fn single_item(db: TestDb) {
    let one = get(&db, "/collections/hotspots/items/limesstr-m002-m016-smarter-city").await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.content_type, "application/geo+json");
    assert_eq!(one.json["type"], "Feature");
    assert_eq!(one.json["properties"]["access_points"], 11);
    assert_eq!(one.json["geometry"]["type"], "Point");

    let missing = get(&db, "/collections/hotspots/items/nowhere").await;
    assert_error(&missing, StatusCode::NOT_FOUND, "not_found");
}

async fn malformed_requests(db: TestDb) {
    let items = "/collections/hotspots/items";
    for (query, code) in [
        ("bbox=1,2,3", "invalid_bbox"),
        ("bbox=a,b,c,d", "invalid_bbox"),
        ("bbox=11.6,48.1,11.5,48.2", "invalid_bbox"),
        ("bbox=0,0,0,95", "invalid_bbox"),
        ("limit=0", "invalid_limit"),
        ("limit=1001", "invalid_limit"),
        ("limit=-1", "invalid_limit"),
        ("limit=ten", "invalid_limit"),
        ("offset=-5", "invalid_offset"),
        ("near=11.5", "invalid_near"),
        ("near=500,48", "invalid_near"),
        ("near=11.5,48.1&bbox=11,48,12,49", "invalid_combination"),
        ("colour=blue", "unknown_parameter"),
        ("f=xml", "unsupported_format"),
    ] {
        let a = get(&db, &format!("{items}?{query}")).await;
        assert_error(&a, StatusCode::BAD_REQUEST, code);
    }
    let html = call(&db, "GET", items, Some("text/html")).await;
    assert_error(&html, StatusCode::NOT_ACCEPTABLE, "not_acceptable");
    let post = call(&db, "POST", items, None).await;
    assert_error(&post, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let nowhere = get(&db, "/no/such/path").await;
    assert_error(&nowhere, StatusCode::NOT_FOUND, "not_found");
}

async fn openapi_describes_every_path(db: TestDb) {
    let api = call(&db, "GET", "/api", Some("application/vnd.oai.openapi+json")).await;
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.content_type, "application/vnd.oai.openapi+json;version=3.1");
    assert!(api.json["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", api.json["openapi"]);
    let paths = api.json["paths"].as_object().expect("paths");
    assert!(paths.len() >= 26, "{}", paths.len());
    // Every documented operation answers with one of its documented statuses
    // (anonymous calls to the operator API: 401; unknown ids: 404).
    let (mut ok_gets, mut etags) = (0, 0);
    for (path, ops) in paths {
        let id = if path.starts_with("/collections") { "marienplatz-ost-tos" } else { "kita-finder-muenchen" };
        let uri = path
            .replace("{id}", id)
            .replace("{format}", "json")
            .replace("{service_code}", "graffiti")
            .replace("{service_request_id}", "MUC-0000000000")
            .replace("{token}", "no-such-token")
            .replace("{name}", "no-such-photo.jpg");
        assert!(!uri.contains('{'), "a parameter this test does not fill: {uri}");
        for (method, op) in ops.as_object().expect("operations") {
            let a = call(&db, &method.to_uppercase(), &uri, None).await;
            let documented = op["responses"].as_object().expect("responses");
            assert!(
                documented.contains_key(a.status.as_str()),
                "{method} {uri} answered {} which the description does not list",
                a.status
            );
            ok_gets += usize::from(method == "get" && a.status == StatusCode::OK);
            // A read with an ETag answers 304 to it, and says so.
            if let (true, Some(etag)) = (method == "get", a.headers.get(header::ETAG)) {
                let again = call_with(&db, &uri, &[(header::IF_NONE_MATCH, etag.to_str().expect("ascii"))]).await;
                assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
                assert!(documented.contains_key("304"), "GET {uri} answers 304, which the description does not list");
                etags += 1;
            }
        }
    }
    assert!(ok_gets >= 17, "{ok_gets}");
    assert!(etags >= 13, "public reads with an ETag: {etags}");
    // What GeoReport clients need to know is in it: the form's fields, the
    // proof of work and the limits.
    let create = &api.json["paths"]["/open311/v2/requests.{format}"]["post"];
    for status in ["201", "400", "413", "415", "428", "429"] {
        assert!(create["responses"][status].is_object(), "POST requests lists {status}");
    }
    let form = &api.json["components"]["schemas"]["ReportForm"];
    let required: Vec<&str> =
        form["required"].as_array().expect("required").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(required, ["api_key", "service_code"], "{form}");
    assert!(form["properties"]["altcha"].is_object());
    assert!(api.json["components"]["securitySchemes"]["operator_token"].is_object());
    let health = get(&db, "/health").await;
    assert_eq!(health.json["database"], "ok");
    // Every answer carries a request id, the one of the log lines.
    let st = db.state().await;
    let resp = common::send(&st, Request::get("/health").body(Body::empty()).expect("req")).await;
    let id = resp.headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(id.len(), 36, "a UUID: {id:?}");
    let with_id = Request::get("/health").header("x-request-id", "from-the-proxy-1").body(Body::empty()).expect("req");
    let given = common::send(&st, with_id).await;
    assert_eq!(given.headers["x-request-id"], "from-the-proxy-1", "a proxy's id is kept");

    assert_eq!(health.json["hotspot_sites"], 138);
}

async fn seeding_is_idempotent(db: TestDb) {
    let first = db.state().await;
    let again = db.state().await;
    assert_eq!(first.index().len(), 138);
    assert_eq!(again.index().len(), 138);
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM hotspot_sites").fetch_one(&again.db).await.expect("count");
    assert_eq!(count, 138);
}

#[tokio::test]
async fn broken_database_gives_a_clean_500_and_a_503_health() {
    let db = TestDb::sqlite().await;
    let state = db.state().await;
    sqlx::query("DROP TABLE hotspot_sites").execute(&state.db).await.expect("drop");
    let a = call_app(muc_portal::app(state.clone()), "GET", "/collections/hotspots/items", None).await;
    assert_error(&a, StatusCode::INTERNAL_SERVER_ERROR, "internal");
    state.db.close().await;
    let h = call_app(muc_portal::app(state.clone()), "GET", "/health", None).await;
    assert_eq!(h.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(h.json["status"], "degraded");
    // Not ready, but alive: taken out of the load balancer, not restarted.
    let ready = call_app(muc_portal::app(state.clone()), "GET", "/health/ready", None).await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    let live = call_app(muc_portal::app(state), "GET", "/health/live", None).await;
    assert_eq!(live.status, StatusCode::OK);
}

/// Every route the router serves is in the description: a route added
/// without its description fails here. The routes are read from the source
/// (axum cannot list them); GeoReport's `{file}` segments stand for the
/// documented `NAME.{format}` resources.
#[tokio::test]
async fn every_route_is_described() {
    let db = TestDb::sqlite().await;
    let api = call(&db, "GET", "/api", None).await;
    let documented: Vec<(String, String)> = api.json["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(p, ops)| ops.as_object().expect("ops").keys().map(move |m| (m.clone(), p.clone())))
        .collect();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut routes = Vec::new();
    for file in ["lib.rs", "ogc.rs", "hotspots.rs", "finders.rs", "audit.rs", "open311/mod.rs"] {
        let text = std::fs::read_to_string(src.join(file)).expect("source");
        for chunk in text.split(".route(\"").skip(1) {
            let (path, rest) = chunk.split_once('"').expect("route path");
            let handlers = rest.split("\n").next().unwrap_or_default();
            for method in ["get", "post", "put", "delete"] {
                if handlers.contains(&format!("{method}(")) {
                    routes.push((method.to_string(), path.to_string()));
                }
            }
        }
    }
    // GeoReport's `/open311/v2/{file}` serves one resource per match arm of
    // its handler: each is a route of its own.
    let open311 = std::fs::read_to_string(src.join("open311/mod.rs")).expect("source");
    let top = open311.split("async fn top(").nth(1).and_then(|t| t.split("\nasync fn ").next()).expect("fn top");
    for line in top.lines() {
        if let Some(name) = line.trim().strip_prefix('"').and_then(|l| l.split_once("\" =>")).map(|(n, _)| n) {
            routes.push(("get".into(), format!("/open311/v2/{name}.{{format}}")));
        }
    }
    assert!(routes.len() >= 26, "routes found in the source: {routes:?}");
    for (method, route) in &routes {
        assert!(
            documented.iter().any(|(m, p)| m == method && same_route(route, p)),
            "{} {route} is served but not in the OpenAPI description",
            method.to_uppercase()
        );
    }
}

/// Whether an axum route and a documented path name the same resource.
fn same_route(route: &str, documented: &str) -> bool {
    let (r, d): (Vec<&str>, Vec<&str>) = (route.split('/').collect(), documented.split('/').collect());
    r.len() == d.len()
        && r.iter().zip(&d).all(|(a, b)| match (*a, *b) {
            ("{file}", b) => b.ends_with(".{format}"),
            (a, b) if a.ends_with(".{format}") => a == b,
            (a, b) if a.starts_with('{') => b.starts_with('{'),
            (a, b) => a == b,
        })
}
