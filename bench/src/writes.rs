//! Report POSTs beside their floor: the same insert (`store::insert`, one
//! transaction with the first history entry) done by a bare handler on the
//! same database in the same process. What the portal adds on top is the
//! form parsing, validation against the service definition, the api_key,
//! limits and the write's own task; the floor is what SQLite allows.

use std::fmt::Write as _;
use std::path::Path;

use axum::routing::post;

use crate::{load, stats};

pub async fn measure(dir: &Path, load_secs: u32, load_runs: usize) -> String {
    let dir = dir.join("writes");
    std::fs::create_dir_all(dir.join("wrk")).expect("dir");
    let url = format!("sqlite:{}?mode=rwc", dir.join("writes.db").display());
    let mut config = muc_portal::config::Config::for_database(&url);
    config.pow = false;
    config.media_dir = Some(dir.join("media"));
    let mut st = muc_portal::AppState::open(&config, "http://127.0.0.1").await.expect("state");
    st.settings().limits = std::sync::Arc::new(muc_portal::limits::Limits::new(
        muc_portal::limits::LimitConfig { reports_burst: 100_000_000, ..Default::default() },
        None,
    ));
    let form = load::REPORT_FORM;
    let script = load::post_script(&dir.join("wrk"), "form", "application/x-www-form-urlencoded", form.as_bytes())
        .expect("script");

    // The floor: the body read, the same report inserted, a small JSON answer.
    let db = st.db.clone();
    let floor = axum::Router::new().route(
        "/floor",
        post(move |body: axum::body::Bytes| {
            let db = db.clone();
            async move {
                let _ = body;
                let r = muc_portal::open311::validate::NewRequest {
                    service_code: "strassenbeleuchtung".into(),
                    lat: Some(48.137154),
                    lon: Some(11.576124),
                    address: None,
                    address_id: None,
                    zipcode: None,
                    description: Some("Laterne dunkel".into()),
                    email: None,
                    first_name: None,
                    last_name: None,
                    phone: None,
                    device_id: None,
                    account_id: None,
                    attributes: [("art".to_string(), vec!["dunkel".to_string()])].into(),
                };
                let json = [(axum::http::header::CONTENT_TYPE, "application/json")];
                match muc_portal::open311::store::insert(&db, &r, &[], None, muc_portal::now()).await {
                    Ok((id, token)) => (
                        axum::http::StatusCode::CREATED,
                        json,
                        format!(r#"[{{"service_request_id":"{id}","token":"{token}"}}]"#),
                    ),
                    Err(e) => (axum::http::StatusCode::INTERNAL_SERVER_ERROR, json, format!("{e:?}")),
                }
            }
        }),
    );
    let mut ports = Vec::new();
    for router in [muc_portal::app(st.clone()), floor] {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.expect("bind");
        ports.push(listener.local_addr().expect("addr").port());
        tokio::spawn(async move {
            let limits = muc_portal::server::ServerLimits::default();
            let _ = muc_portal::server::serve(listener, router, limits, std::future::pending()).await;
        });
    }
    let (portal, floor) = (
        format!("http://127.0.0.1:{}/open311/v2/requests.json", ports[0]),
        format!("http://127.0.0.1:{}/floor", ports[1]),
    );
    let (mut p, mut f) = (Vec::new(), Vec::new());
    // In turns (ABBA…): the database grows alike for both.
    for i in 0..load_runs.max(4) {
        let run = |url: &str, into: &mut Vec<load::WrkResult>| {
            into.extend(load::wrk(url, load_secs, 32, Some(&script)).ok().filter(|r| r.errors == 0));
        };
        if i % 2 == 0 {
            run(&portal, &mut p);
            run(&floor, &mut f);
        } else {
            run(&floor, &mut f);
            run(&portal, &mut p);
        }
    }
    let cell = |v: &[load::WrkResult]| {
        let (rps, p99): (Vec<f64>, Vec<f64>) = v.iter().map(|r| (r.rps, r.p99_ms)).unzip();
        match (stats::summary(&rps), stats::summary(&p99)) {
            (Some(r), Some(q)) => (r.median, format!("{} / {:.2}", r.show(|x| format!("{x:.0}")), q.median)),
            _ => (0.0, "–".into()),
        }
    };
    let ((pm, pc), (fm, fc)) = (cell(&p), cell(&f));
    let mut md = String::new();
    let _ = writeln!(
        md,
        "Report POSTs (form, no photo) beside their floor: the same insert by a bare handler on the same SQLite database in \
         the same process, behind the same hyper loop; wrk 32 connections, {load_secs} s per run, in turns. req/s and p99 (ms).\n\n\
         | | portal | floor (bare insert) | portal ÷ floor |\n|---|---|---|---|\n\
         | report POST, no photo | {pc} | {fc} | {} |\n",
        if fm > 0.0 { format!("{:.2}", pm / fm) } else { "–".into() }
    );
    md
}
