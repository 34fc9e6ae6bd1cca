//! The portal under abuse and the cost of its guards, each beside a peer
//! measured in the same run: a burst of anonymous reports from one source
//! (with the default limits, and with the limits opened wide as before
//! they existed), photo bombs sent at once (beside ordinary photos), and
//! read throughput with every layer (request id, metrics, CORS, limits,
//! the hyper loop with its timeouts) beside the bare routers.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::{free_port, load, procs, spawn_sampler, wait_for_port};

fn start_portal(bin: &Path, dir: &Path, name: &str, env: &[(&str, &str)]) -> (Child, String) {
    let port = free_port();
    let mut cmd = Command::new(bin.join("muc-portal"));
    cmd.args(["--bind", &format!("127.0.0.1:{port}"), "--database-url"])
        .arg(format!("sqlite:{}?mode=rwc", dir.join(format!("{name}.db")).display()))
        .env("RUST_LOG", "error")
        .env("MUC_MEDIA_DIR", dir.join(format!("{name}-media")))
        // The proof of work is the app's to solve; here the limits alone are measured.
        .env("MUC_POW", "off")
        .stdout(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("start portal");
    wait_for_port(port, Duration::from_secs(30)).expect("portal up");
    (child, format!("http://127.0.0.1:{port}"))
}

const FIELDS: [(&str, &str); 5] = [
    ("api_key", "muenchen-app"),
    ("service_code", "graffiti"),
    ("lat", "48.1374"),
    ("long", "11.5755"),
    ("attribute[flaeche]", "kasten"),
];

/// Posts `n` reports from one source, 8 at a time; returns (accepted, refused with 429, seconds).
async fn burst_of(url: &str, n: usize) -> (usize, usize, f64) {
    let http = reqwest::Client::new();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut statuses = Vec::new();
    for i in 0..n {
        let (http, url) = (http.clone(), format!("{url}/open311/v2/requests.json"));
        tasks.spawn(async move {
            let mut form: Vec<(&str, String)> = FIELDS.iter().map(|(k, v)| (*k, v.to_string())).collect();
            form.push(("description", format!("Burst {i}")));
            http.post(url).form(&form).send().await.map(|r| r.status().as_u16()).unwrap_or(0)
        });
        if tasks.len() >= 8 {
            if let Some(Ok(s)) = tasks.join_next().await {
                statuses.push(s);
            }
        }
    }
    while let Some(Ok(s)) = tasks.join_next().await {
        statuses.push(s);
    }
    let secs = started.elapsed().as_secs_f64();
    (statuses.iter().filter(|s| **s == 201).count(), statuses.iter().filter(|s| **s == 429).count(), secs)
}

/// Sends `reports` reports at once, each with `photos` copies of `photo`;
/// returns the statuses, the seconds until all were answered, and the portal's peak PSS.
async fn photos_at_once(url: &str, pid: u32, photo: &Path, reports: usize, photos: usize) -> (Vec<u16>, f64, f64) {
    let bytes = std::fs::read(photo).expect("fixture");
    let name = photo.file_name().and_then(|n| n.to_str()).unwrap_or("photo").to_string();
    let mime = if name.ends_with(".png") { "image/png" } else { "image/jpeg" };
    let peak = Arc::new(Mutex::new(procs::tree_pss_mib(pid).0));
    let stop = spawn_sampler(pid, peak.clone());
    let http = reqwest::Client::builder().timeout(Duration::from_secs(120)).build().expect("client");
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..reports {
        let (http, url, bytes, name) =
            (http.clone(), format!("{url}/open311/v2/requests.json"), bytes.clone(), name.clone());
        tasks.spawn(async move {
            let mut form = reqwest::multipart::Form::new();
            for (k, v) in FIELDS {
                form = form.text(k, v);
            }
            for _ in 0..photos {
                let part = reqwest::multipart::Part::bytes(bytes.clone())
                    .file_name(name.clone())
                    .mime_str(mime)
                    .expect("mime");
                form = form.part("media", part);
            }
            http.post(url).multipart(form).send().await.map(|r| r.status().as_u16()).unwrap_or(0)
        });
    }
    let mut statuses = Vec::new();
    while let Some(Ok(s)) = tasks.join_next().await {
        statuses.push(s);
    }
    let secs = started.elapsed().as_secs_f64();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    // One more sample now that every answer is in, besides the sampler's.
    let peak = peak.lock().expect("peak").max(procs::tree_pss_mib(pid).0);
    statuses.sort_unstable();
    (statuses, secs, peak)
}

fn counted(statuses: &[u16]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut rest = statuses;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|s| *s == first).count();
        out.push(format!("{n}× {first}"));
        rest = &rest[n..];
    }
    out.join(", ")
}

/// The section's Markdown.
pub async fn measure(bin: &Path, dir: &Path, fixtures: &Path, load_secs: u32, load_runs: usize) -> String {
    let mut md = String::from("## Portal under abuse\n\n");

    // ---- a burst from one source ----
    let n = 400;
    let (mut limited, limited_url) = start_portal(bin, dir, "limited", &[]);
    let (mut open, open_url) = start_portal(bin, dir, "open", &[("MUC_LIMIT_REPORTS", "100000000/1")]);
    let (a, r, s) = burst_of(&limited_url, n).await;
    let (a2, r2, s2) = burst_of(&open_url, n).await;
    let _ = writeln!(
        md,
        "A burst of {n} anonymous reports from one source, 8 at a time (proof of work off, so the limit alone is measured):\n\n\
         | portal | accepted | refused (429) | seconds |\n|---|---|---|---|\n\
         | default limits (`MUC_LIMIT_REPORTS=10/60`) | {a} | {r} | {s:.2} |\n\
         | limits opened wide (as before the limits) | {a2} | {r2} | {s2:.2} |\n"
    );
    for p in [&mut limited, &mut open] {
        procs::kill_tree(p.id());
        let _ = p.wait();
    }

    // ---- photo bombs at once ----
    let wide = [("MUC_LIMIT_REPORTS", "100000000/1")];
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let _ = writeln!(
        md,
        "Four reports at once, three photos each; the portal's peak memory (PSS of its process, sampled every 200 ms). \
         A bomb is a 145 KiB PNG that decodes to 6200 × 6200 pixels (147 MiB as RGBA). The stated bound: \
         {cores} photo slots (one per core) × (10 MiB upload + 25 MP × 4 B decoded + the 2048 px re-encode) ≈ {} MiB above idle.\n\n\
         | photos | answers | seconds | peak PSS (MiB) |\n|---|---|---|---|",
        cores * (10 + 100 + 16)
    );
    for (label, file) in
        [("ordinary JPEG (street light, 1.3 MP)", "street-light.jpg"), ("decompression bomb PNG", "bomb-6200.png")]
    {
        let (mut p, url) = start_portal(bin, dir, &format!("photos-{file}"), &wide);
        let idle = procs::tree_pss_mib(p.id()).0;
        let (statuses, secs, peak) = photos_at_once(&url, p.id(), &fixtures.join(file), 4, 3).await;
        let _ = writeln!(md, "| {label} | {} | {secs:.2} | {peak:.1} (idle {idle:.1}) |", counted(&statuses));
        procs::kill_tree(p.id());
        let _ = p.wait();
    }
    md.push('\n');

    md.push_str(&layers_over_http(dir, load_secs, load_runs).await);
    md.push_str(&layer_costs(dir).await);
    md
}

/// Reads served over HTTP with every layer and the portal's server loop,
/// beside the same routers bare, under wrk.
pub async fn layers_over_http(dir: &Path, load_secs: u32, load_runs: usize) -> String {
    let mut md = String::new();
    let (st, bare) = state_and_bare_routers(dir, "layers.db").await;
    // Five servers: the layers and the hyper loop each on and off, to see
    // what each costs, and a second bare one (A/A). They run on one core of
    // their own and wrk on the others: sharing two cores, a server and wrk
    // took each other's time, and two equal servers measured up to 27 %
    // apart; pinned, 4 % (measured on this machine).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let servers: Vec<(bool, bool, axum::Router)> =
        [(true, true), (false, false), (true, false), (false, true), (false, false)]
            .into_iter()
            .map(|(layers, hyper_loop)| (layers, hyper_loop, if layers { muc_portal::app(st.clone()) } else { bare() }))
            .collect();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if cores >= 2 {
            let mut one = nix::sched::CpuSet::new();
            if one.set(cores - 1).is_ok() {
                let _ = nix::sched::sched_setaffinity(nix::unistd::Pid::from_raw(0), &one);
            }
        }
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        rt.block_on(async move {
            for (_, hyper_loop, router) in servers {
                let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.expect("bind");
                let _ = tx.send(listener.local_addr().expect("addr").port());
                tokio::spawn(async move {
                    if hyper_loop {
                        let limits = muc_portal::server::ServerLimits::default();
                        let _ = muc_portal::server::serve(listener, router, limits, std::future::pending()).await;
                    } else {
                        let app = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
                        let _ = axum::serve(listener, app).await;
                    }
                });
            }
            std::future::pending::<()>().await
        });
    });
    let ports: Vec<u16> = rx.iter().take(5).collect();
    let wrk_cpus = if cores >= 2 { format!("0-{}", cores - 2) } else { "0".into() };
    let (layered_port, bare_port) = (ports[0], ports[1]);
    let _ = writeln!(
        md,
        "Reads with every layer (request id, metrics, CORS, body and time limits, the hyper loop with its header timeout and \
         connection cap) beside the same routers bare (both serving the same kept answers of the read cache), in one process, the servers on one core of their own and wrk (32 connections) on the others, {load_secs} s × {}, the two taking turns (ABBA):\n\n\
         | endpoint | with layers req/s | bare req/s | with ÷ bare | portal CPU µs/request, with layers | bare | the layers' part of the portal's CPU (medians) |\n|---|---|---|---|---|---|---|",
        load_runs.max(5)
    );
    for (name, path) in [
        ("hotspot items (limit 10)", "/collections/hotspots/items?limit=10"),
        ("finder catalogue", "/finders"),
        ("Open311 services.json", "/open311/v2/services.json"),
    ] {
        // Interleaved: drift of the machine hits both alike.
        // Requests per second, and the CPU the portal (this process; wrk is
        // another) spent per request: throughput on two cores shared with
        // wrk swings by a tenth between equal runs, CPU per request far less.
        let measure = |port: u16| {
            let cpu = process_cpu_ns();
            let r = load::wrk_on(&wrk_cpus, &format!("http://127.0.0.1:{port}{path}"), load_secs, 32).ok()?;
            let used_us = (process_cpu_ns() - cpu) as f64 / 1e3;
            Some((r.rps, used_us / (r.rps * f64::from(load_secs)).max(1.0)))
        };
        let once = |port: u16| measure(port).map(|m| m.0);
        let (mut with, mut without, mut cpu_with, mut cpu_without) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let run = |port: u16, rps: &mut Vec<f64>, cpu: &mut Vec<f64>| {
            if let Some((r, c)) = measure(port) {
                rps.push(r);
                cpu.push(c);
            }
        };
        // In turns, and each pair in the other order than the last (ABBA…), so
        // neither side always runs first.
        for i in 0..load_runs.max(5) {
            if i % 2 == 0 {
                run(layered_port, &mut with, &mut cpu_with);
                run(bare_port, &mut without, &mut cpu_without);
            } else {
                run(bare_port, &mut without, &mut cpu_without);
                run(layered_port, &mut with, &mut cpu_with);
            }
        }
        if std::env::var("MUC_BENCH_ONLY").is_ok() {
            // The quick look also splits the cost: layers alone, hyper loop alone.
            // And bare against bare (an A/A run): how far apart two equal servers measure.
            let (mut l, mut h, mut a) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..load_runs.max(5) {
                l.extend(once(ports[2]));
                h.extend(once(ports[3]));
                a.extend(once(ports[4]));
            }
            let m = |v: &[f64]| crate::stats::summary(v).map_or(0.0, |s| s.median);
            eprintln!(
                "{name}: layers only {:.0}, hyper loop only {:.0}, bare again {:.0} (bare {:.0})",
                m(&l),
                m(&h),
                m(&a),
                m(&without)
            );
        }
        let (w, b) = (crate::stats::summary(&with), crate::stats::summary(&without));
        let ratio = match (&w, &b) {
            (Some(w), Some(b)) => format!("{:.2}", w.median / b.median),
            _ => "–".into(),
        };
        let show = |s: Option<crate::stats::Summary>| s.map(|s| s.show(|x| format!("{x:.0}"))).unwrap_or("–".into());
        let (cw, cb) = (crate::stats::summary(&cpu_with), crate::stats::summary(&cpu_without));
        let cpu =
            |s: &Option<crate::stats::Summary>| s.as_ref().map(|s| s.show(|x| format!("{x:.1}"))).unwrap_or("–".into());
        let share = match (&cw, &cb) {
            (Some(w), Some(b)) => {
                format!("{:.1} µs ({:.0} %)", w.median - b.median, (w.median - b.median) / w.median * 100.0)
            }
            _ => "–".into(),
        };
        let _ =
            writeln!(md, "| {name} | {} | {} | {ratio} | {} | {} | {share} |", show(w), show(b), cpu(&cw), cpu(&cb));
    }
    md.push('\n');
    md
}

/// The layers' own cost, without network, hyper or load generator: requests
/// handed straight to the router with every layer and to the same routers
/// bare, one at a time, taking turns; CPU time of the whole process per
/// request. (`MUC_BENCH_ONLY=layers` runs only this.)
pub async fn layer_costs(dir: &Path) -> String {
    let (st, bare) = state_and_bare_routers(dir, "layer-costs.db").await;
    let (n, rounds) = (30_000, 10);
    let mut md = format!(
        "The layers' own cost, without network and load generator: {n} requests handed one at a time to each \
         router (tower's `oneshot`), {rounds} rounds taking turns; CPU time of the process per request (all threads, \
         the database's workers included):\n\n\
         | endpoint | with layers, CPU µs/request | bare, CPU µs/request | layers cost (medians) |\n|---|---|---|---|\n"
    );
    for (name, path) in [
        ("hotspot items (limit 10)", "/collections/hotspots/items?limit=10"),
        ("finder catalogue", "/finders"),
        ("Open311 services.json", "/open311/v2/services.json"),
    ] {
        let (mut lw, mut lb) = (Vec::new(), Vec::new());
        for i in 0..rounds {
            let order = if i % 2 == 0 { [true, false] } else { [false, true] };
            for layered in order {
                let router = if layered { muc_portal::app(st.clone()) } else { bare() };
                let us = per_request_micros(router, path, n).await;
                if layered {
                    lw.push(us)
                } else {
                    lb.push(us)
                }
            }
        }
        let (w, b) = (crate::stats::summary(&lw).expect("rounds"), crate::stats::summary(&lb).expect("rounds"));
        let show = |s: &crate::stats::Summary| s.show(|x| format!("{x:.1}"));
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {:.1} µs ({:.1} %) |",
            show(&w),
            show(&b),
            w.median - b.median,
            (w.median - b.median) / b.median * 100.0
        );
    }
    md.push('\n');
    md
}

/// CPU time of this whole process so far, in nanoseconds: the sum over its
/// threads of the scheduler's on-CPU time (`/proc/self/task/*/schedstat`),
/// so the database's worker threads count too, at nanosecond resolution.
fn process_cpu_ns() -> u64 {
    std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// Microseconds of CPU per request (this process, all threads), `n`
/// requests handed to `router` one at a time.
async fn per_request_micros(router: axum::Router, path: &str, n: usize) -> f64 {
    use tower::ServiceExt;
    let peer = axum::extract::ConnectInfo(std::net::SocketAddr::from(([127, 0, 0, 1], 40000)));
    let start = process_cpu_ns();
    for _ in 0..n {
        let mut req = axum::http::Request::get(path).body(axum::body::Body::empty()).expect("request");
        req.extensions_mut().insert(peer);
        let resp = router.clone().oneshot(req).await.expect("answer");
        assert!(resp.status().is_success(), "{path}: {}", resp.status());
        axum::body::to_bytes(resp.into_body(), usize::MAX).await.expect("body");
    }
    (process_cpu_ns() - start) as f64 / 1e3 / n as f64
}

/// A portal state on a fresh SQLite file in `dir`, and its read routers
/// without any layer: the peer the layers are measured against.
async fn state_and_bare_routers(dir: &Path, db: &str) -> (muc_portal::AppState, impl Fn() -> axum::Router) {
    let url = format!("sqlite:{}?mode=rwc", dir.join(db).display());
    let config = muc_portal::config::Config::for_database(&url);
    let st = muc_portal::AppState::open(&config, "http://127.0.0.1").await.expect("state");
    let shared = st.clone();
    let bare = move || {
        let routes = axum::Router::new()
            .merge(muc_portal::ogc::router())
            .merge(muc_portal::hotspots::router())
            .merge(muc_portal::finders::router())
            .merge(muc_portal::open311::read_router());
        // The read path's own shape (answers kept as bytes, served before
        // routing, as `muc_portal::app` does) is not a layer under test: both
        // sides serve from the same kept answers.
        let routes = muc_portal::read_cache::keepable(routes).with_state(shared.clone());
        let kept = tower::ServiceBuilder::new()
            .layer(muc_portal::read_cache::ReadCacheLayer::new(shared.clone()))
            .service(routes);
        axum::Router::new().fallback_service(kept)
    };
    (st, bare)
}
