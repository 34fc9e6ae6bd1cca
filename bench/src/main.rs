//! `./x bench`: builds release artefacts (the script does), then measures and
//! prints sizes, start-up, memory, portal latency and throughput, and
//! nearest-site queries, each beside a peer measured in the same run, and
//! writes the table to BENCHMARKS.md. It prints; it never fails on a figure.

mod abuse;
mod instances;
mod load;
mod nearest;
mod notify;
mod procs;
mod startup;
mod stats;
mod writes;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use startup::{Contender, Painted};
use stats::summary;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(name).unwrap_or_else(|| panic!("{name} is not set; run ./x bench")))
}

pub(crate) fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn wait_for_port(port: u16, within: Duration) -> Result<(), String> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err(format!("nothing listens on port {port}"))
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("port")
}

fn compressed(path: &Path, tool: &[&str]) -> Option<u64> {
    let out = Command::new(tool[0]).args(&tool[1..]).arg(path).stderr(Stdio::null()).output().ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn sh(cmd: &str) -> String {
    Command::new("sh")
        .args(["-c", cmd])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

#[tokio::main]
async fn main() {
    // The portal's own logging, written nowhere: what the layers cost in the
    // benchmark includes what their spans and events cost in operation.
    muc_portal::init_logs(muc_portal::config::LogFormat::Text, std::io::sink);
    let bin = env_path("MUC_BENCH_BIN_DIR");
    let dist = env_path("MUC_BENCH_DIST");
    let deb = env_path("MUC_BENCH_DEB");
    let out_file = env_path("MUC_BENCH_OUT");
    // Launches of each start-up contender. 21: on this machine three passes
    // of 9 on the same build gave the hotspot list at 1.25–1.42× the empty
    // app; the swing between passes was as large as what is measured.
    let runs = env_num("MUC_BENCH_RUNS", 21) as usize;
    let settle = Duration::from_secs(env_num("MUC_BENCH_SETTLE", 30));
    let load_secs = env_num("MUC_BENCH_LOAD_SECONDS", 5) as u32;
    let load_runs = env_num("MUC_BENCH_LOAD_RUNS", 3) as usize;
    let tmp = tempfile::tempdir().expect("tempdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../portal/tests/fixtures");
    // `MUC_BENCH_ONLY=abuse`: only the portal-under-abuse section, printed
    // (a quick look while working on the guards; BENCHMARKS.md is untouched).
    if std::env::var("MUC_BENCH_ONLY").as_deref() == Ok("abuse") {
        print!("{}", abuse::measure(&bin, tmp.path(), &fixtures, load_secs, load_runs).await);
        return;
    }
    // `MUC_BENCH_ONLY=layers`: only the layers' cost, over HTTP and in-process (a few minutes);
    // `layer-costs`: only in-process (a minute, for trying a change).
    let only = std::env::var("MUC_BENCH_ONLY");
    if matches!(only.as_deref(), Ok("layers" | "layer-costs")) {
        if only.as_deref() == Ok("layers") {
            print!("{}", abuse::layers_over_http(tmp.path(), load_secs, load_runs).await);
        }
        print!("{}", abuse::layer_costs(tmp.path()).await);
        return;
    }
    // `MUC_BENCH_ONLY=instances`: only one and two instances behind nginx on PostgreSQL.
    if std::env::var("MUC_BENCH_ONLY").as_deref() == Ok("instances") {
        print!("{}", instances::measure(&bin, tmp.path(), load_secs, load_runs).await);
        return;
    }
    // `MUC_BENCH_ONLY=notify`: only notifications to many open streams.
    if std::env::var("MUC_BENCH_ONLY").as_deref() == Ok("notify") {
        print!("{}", notify::measure(&bin, tmp.path()).await);
        return;
    }
    // `MUC_BENCH_ONLY=writes`: only report POSTs beside the bare-insert floor.
    if std::env::var("MUC_BENCH_ONLY").as_deref() == Ok("writes") {
        print!("{}", writes::measure(tmp.path(), load_secs, load_runs).await);
        return;
    }
    // `MUC_BENCH_ONLY=startup`: only the app's start-up and memory beside its peers.
    if std::env::var("MUC_BENCH_ONLY").as_deref() == Ok("startup") {
        print!("{}", startup_section(&bin, &dist, tmp.path(), runs, settle).await);
        return;
    }
    // `MUC_BENCH_ONLY=portal`: only the portal on loopback beside nginx.
    if std::env::var("MUC_BENCH_ONLY").as_deref() == Ok("portal") {
        print!("{}", portal_on_loopback(&bin, tmp.path(), load_secs, load_runs).await);
        return;
    }
    let mut md = String::new();

    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(
        md,
        "Machine: {} cores, {}, {} RAM. Date: {}. Commit: {}. Made by `./x bench`; every figure is \
         median (min–max, n runs) unless it says otherwise.\n",
        sh("nproc"),
        sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'"),
        sh("free -h | awk '/Mem:/ {print $2}'"),
        sh("date -u +%Y-%m-%dT%H:%MZ"),
        sh("git rev-parse --short HEAD; git diff --quiet || echo '(with uncommitted changes)'").replace('\n', " "),
    );

    // ---- sizes ----
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let _ = writeln!(md, "## Sizes\n\n| artefact | raw | gzip -9 | brotli -q 11 | peer |\n|---|---|---|---|---|");
    // The frontend's modules (ARCHITECTURE.md, "The frontend's modules"): the
    // app opens on home with the start module, on the hotspot list with the
    // Wi-Fi module; the whole one comes when another area is opened.
    let mut first_screen = 0;
    for (module, what) in [
        ("muc_start", "start module"),
        ("muc_wifi", "Wi-Fi module (opening on the list)"),
        ("muc_frontend", "whole frontend"),
    ] {
        for (file, kind) in [(format!("{module}_bg.wasm"), "wasm"), (format!("{module}.js"), "JS glue")] {
            let p = dist.join(file);
            let brotli = compressed(&p, &["brotli", "-q", "11", "-c"]);
            if module == "muc_start" {
                first_screen += brotli.unwrap_or(0);
            }
            let _ = writeln!(
                md,
                "| {what}: {kind} | {} | {} | {} | |",
                kib(size(&p)),
                compressed(&p, &["gzip", "-9", "-c"]).map(kib).unwrap_or("–".into()),
                brotli.map(kib).unwrap_or("–".into()),
            );
        }
    }
    let _ = writeln!(
        md,
        "| home screen's download (start module, wasm + JS) | | | {} ({:.1} kB) | issue 13's target: 120 kB |",
        kib(first_screen),
        first_screen as f64 / 1000.0
    );
    let app_bin = bin.join("muenchen-app");
    let floor_bin = bin.join("muc-floor-app");
    let _ = writeln!(
        md,
        "| app binary (release, stripped) | {} | {} | | empty Tauri app: {} |",
        kib(size(&app_bin)),
        compressed(&app_bin, &["gzip", "-9", "-c"]).map(kib).unwrap_or("–".into()),
        kib(size(&floor_bin)),
    );
    let _ = writeln!(md, "| .deb bundle | {} | | | |", kib(size(&deb)));
    let _ = writeln!(md, "| portal binary (release) | {} | | | |\n", kib(size(&bin.join("muc-portal"))));
    print!("{md}");

    // ---- start-up and memory ----
    let block = startup_section(&bin, &dist, tmp.path(), runs, settle).await;
    print!("{block}");
    md.push_str(&block);

    // ---- portal load ----
    let block = portal_on_loopback(&bin, tmp.path(), load_secs, load_runs).await;
    print!("{block}");
    md.push_str(&block);

    // ---- writes beside their floor ----
    let block = writes::measure(tmp.path(), load_secs, load_runs).await;
    print!("{block}");
    md.push_str(&block);

    // ---- several instances ----
    let block = instances::measure(&bin, tmp.path(), load_secs, load_runs).await;
    print!("{block}");
    md.push_str(&block);

    // ---- notifications to many subscribers ----
    let block = notify::measure(&bin, tmp.path()).await;
    print!("{block}");
    md.push_str(&block);

    // ---- abuse ----
    let block = abuse::measure(&bin, tmp.path(), &fixtures, load_secs, load_runs).await;
    print!("{block}");
    md.push_str(&block);

    // ---- nearest ----
    let mut block = String::from(
        "## Nearest-site query (10 nearest)\n\nIn-process, µs per query, 5 rounds; synthetic sites spread over Munich.\n\n\
         | sites | R-tree (µs) | linear scan (µs) | speed-up |\n|---|---|---|---|\n",
    );
    for n in [171usize, 10_000, 100_000] {
        let (tree, scan) = nearest::measure(n, 2000, 5);
        let (t, s) = (summary(&tree).expect("tree"), summary(&scan).expect("scan"));
        let _ = writeln!(
            block,
            "| {n} | {} | {} | {:.0}× |",
            t.show(|x| format!("{x:.1}")),
            s.show(|x| format!("{x:.1}")),
            s.median / t.median
        );
    }
    print!("{block}");
    md.push_str(&block);
    std::fs::write(&out_file, md).expect("write BENCHMARKS.md");
    eprintln!("written to {}", out_file.display());
}

/// Samples the portal's PSS every 200 ms into `peak` until the flag is set.
pub(crate) fn spawn_sampler(pid: u32, peak: Arc<Mutex<f64>>) -> Arc<std::sync::atomic::AtomicBool> {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let s = stop.clone();
    std::thread::spawn(move || {
        while !s.load(std::sync::atomic::Ordering::Relaxed) {
            let m = procs::tree_pss_mib(pid).0;
            if let Ok(mut p) = peak.lock() {
                *p = p.max(m);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    stop
}

/// Serves the built frontend for Chromium, with a main.js that reports the
/// first painted frame to `/painted` (Chromium has no Tauri IPC).
/// The app's start-up (home screen, hotspot list) and idle memory beside an
/// empty Tauri app and the same frontend in Chromium, with a portal on
/// SQLite for the app's data.
async fn startup_section(bin: &Path, dist: &Path, tmp: &Path, runs: usize, settle: Duration) -> String {
    let app_bin = bin.join("muenchen-app");
    let floor_bin = bin.join("muc-floor-app");
    let (mut portal, portal_url) = start_portal(bin, tmp);
    let (tx, rx) = mpsc::channel();
    let web_port = free_port();
    serve_frontend(dist.to_path_buf(), web_port, tx).await;
    let painted_http = Painted::Http(Arc::new(Mutex::new(rx)));
    let data = tmp.join("app-data");
    let app_env = vec![
        ("MUC_PORTAL_URL".to_string(), portal_url.clone()),
        ("MUC_DATA_DIR".to_string(), data.to_string_lossy().into_owned()),
        ("RUST_LOG".to_string(), "warn".to_string()),
    ];
    let mut with_data = app_env.clone();
    with_data.push(("MUC_START_SCREEN".into(), "hotspots".into()));
    // A portal that takes the connection and never answers (a dead proxy, a
    // lost mobile link): what the saved copy is for.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let silent_url = format!("http://{}", silent.local_addr().expect("addr"));
    std::thread::spawn(move || {
        let held: Vec<_> = silent.incoming().map_while(Result::ok).collect();
        drop(held);
    });
    let mut silent_portal = with_data.clone();
    silent_portal.retain(|(k, _)| k != "MUC_PORTAL_URL");
    silent_portal.push(("MUC_PORTAL_URL".into(), silent_url));
    // Without a GPU the app asks WebKit to paint on the CPU (src-tauri's
    // webview.rs); the empty app does not. Its row with the same choice shows
    // what that choice alone is worth.
    let no_gpu = !std::fs::read_dir("/dev/dri")
        .map(|d| d.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false);
    let mut contenders = vec![
        Contender {
            name: "München app",
            program: app_bin.clone(),
            args: vec![],
            env: app_env,
            painted: Painted::StdoutLine("FIRST_PAINT"),
            memory: true,
        },
        Contender {
            name: "München app, opening on the hotspot list: its first frame with all 138 sites (the portal's answer when the page's early call has it before the frontend runs, else the copy saved on the device)",
            program: app_bin.clone(),
            args: vec![],
            env: with_data.clone(),
            painted: Painted::StdoutLine("FIRST_PAINT"),
            memory: false,
        },
        Contender {
            name: "München app, opening on the hotspot list: all 138 sites as the portal answered now (the same frame when the answer came first)",
            program: app_bin,
            args: vec![],
            env: with_data,
            painted: Painted::StdoutLine("SETTLED_PAINT"),
            memory: false,
        },
        Contender {
            name: "München app, opening on the hotspot list with a portal that never answers: the saved sites",
            program: bin.join("muenchen-app"),
            args: vec![],
            env: silent_portal,
            painted: Painted::StdoutLine("FIRST_PAINT"),
            memory: false,
        },
        Contender {
            name: "empty Tauri v2 app (floor)",
            program: floor_bin.clone(),
            args: vec![],
            env: vec![],
            painted: Painted::StdoutLine("FIRST_PAINT"),
            memory: true,
        },
    ];
    if no_gpu {
        contenders.push(Contender {
            name: "empty Tauri v2 app, painting on the CPU as the app chooses here",
            program: floor_bin,
            args: vec![],
            env: vec![("WEBKIT_SKIA_ENABLE_CPU_RENDERING".into(), "1".into())],
            painted: Painted::StdoutLine("FIRST_PAINT"),
            memory: true,
        });
    }
    contenders.push(startup::chromium(
        &format!("http://127.0.0.1:{web_port}/index.html"),
        &tmp.join("chromium-profile"),
        painted_http,
    ));
    let mut block = String::new();
    let _ = writeln!(block, "## App start-up and memory\n\nStart-up: launch → first screen painted with its data (two animation frames after it renders; for the home screen that is its own content; for the hotspot list, the first frame with sites and the frame with the portal's answer: the shell asks the portal on loopback as it starts and the page asks the shell for that answer as it loads, so when the answer is there before the frontend runs the first frame shows it, else the sites saved on the device by the run before, which the shell puts into the page, then the answer; and with a portal that takes the connection and never answers, the saved sites). Under Xvfb. The empty app and Chromium paint a screen without portal data; each peer's row gives the app's rows as multiples of it. \
        Memory: summed PSS of the whole process tree (web processes included), {} s after start, idle, one run each.\n", settle.as_secs());
    if no_gpu {
        let _ = writeln!(block, "This machine has no GPU render node, so the app asks WebKit to paint on the CPU (`WEBKIT_SKIA_ENABLE_CPU_RENDERING`; with the GPU emulated in software every new kind of drawing first compiles a shader, about 100 ms each on the first frame). The empty app paints only a line of text and so hardly pays that; its second row has the same setting.\n");
    }
    let _ = writeln!(block, "| contender | start-up (ms) | memory (MiB PSS) | processes |\n|---|---|---|---|");
    let (mut home, mut list, mut live) = (None, None, None);
    // The app's steps (home, the list's first frame), from the page's timeline.
    let mut steps: Vec<Vec<(String, f64)>> = Vec::new();
    // One warm-up launch each, so every contender starts with warm file
    // caches; then the contenders take turns, run by run: this machine's
    // speed drifts over minutes (the empty app measured 371 and 443 ms in
    // two runs a few minutes apart), and in turns a drift touches every
    // contender alike instead of whichever ran during it.
    for c in &contenders {
        let _ = c.start_ms();
    }
    let mut all: Vec<Vec<startup::Start>> = contenders.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs {
        for (c, launches) in contenders.iter().zip(all.iter_mut()) {
            launches.extend(c.start().map_err(|e| eprintln!("{e}")).ok());
        }
    }
    for (i, (c, launches)) in contenders.iter().zip(all).enumerate() {
        let times: Vec<f64> = launches.iter().map(|l| l.ms).collect();
        if i < 2 {
            steps.push(startup::median_timeline(&launches.into_iter().map(|l| l.timeline).collect::<Vec<_>>()));
        }
        let start = summary(&times);
        let mem = if c.memory { c.idle_memory_mib(settle).map_err(|e| eprintln!("{e}")).ok() } else { None };
        match i {
            0 => home = start.map(|s| s.median),
            1 => list = start.map(|s| s.median),
            2 => live = start.map(|s| s.median),
            _ => {}
        }
        let ratio = match (i, home, list, start) {
            (4.., Some(h), Some(l), Some(s)) => format!(
                " (home = {:.2}×, list's first frame = {:.2}×, list from the portal = {})",
                h / s.median,
                l / s.median,
                live.map_or("–".into(), |v| format!("{:.2}×", v / s.median))
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            block,
            "| {} | {}{ratio} | {} | {} |",
            c.name,
            start.map(|s| s.show(|x| format!("{x:.0}"))).unwrap_or("failed".into()),
            mem.map(|m| format!("{:.1}", m.0)).unwrap_or(if c.memory { "failed".into() } else { "(as above)".into() }),
            mem.map(|m| m.1.to_string()).unwrap_or_default(),
        );
    }
    block.push('\n');
    if let [home_steps, list_steps] = &steps[..] {
        let _ = writeln!(block, "Where the app's start goes: the page's own timeline (Navigation and Resource Timing, paint entries, and marks set by `main.js` and the frontend), in ms since the process started, median of the runs above; \"reported\" is when the page, two frames after drawing, tells the shell, which prints the time the bench reads.\n");
        let _ = writeln!(block, "| step | home (ms) | hotspot list, first frame (ms) |\n|---|---|---|");
        let at = |v: &[(String, f64)], step: &str| {
            v.iter().find(|(s, _)| s == step).map_or("–".into(), |(_, ms)| format!("{ms:.0}"))
        };
        let mut names: Vec<&str> = home_steps.iter().map(|(s, _)| s.as_str()).collect();
        names.extend(list_steps.iter().map(|(s, _)| s.as_str()).filter(|s| !home_steps.iter().any(|(h, _)| h == s)));
        for step in names {
            let _ = writeln!(block, "| {step} | {} | {} |", at(home_steps, step), at(list_steps, step));
        }
        block.push('\n');
    }
    procs::kill_tree(portal.id());
    let _ = portal.wait();
    block
}

async fn serve_frontend(dist: PathBuf, port: u16, painted: mpsc::Sender<()>) {
    // The home screen is drawn by the start module, as in the app.
    const MAIN_JS: &str = "import init, { run_app } from './muc_start.js';\n\
        init().then(() => run_app()).then(() => requestAnimationFrame(() => requestAnimationFrame(() => fetch('/painted'))));\n";
    let painted = Arc::new(Mutex::new(painted));
    let app = axum::Router::new()
        .route("/main.js", axum::routing::get(|| async { ([("content-type", "text/javascript")], MAIN_JS) }))
        .route(
            "/painted",
            axum::routing::get(move || {
                let p = painted.clone();
                async move {
                    if let Ok(tx) = p.lock() {
                        let _ = tx.send(());
                    }
                    "ok"
                }
            }),
        )
        .fallback_service(tower_http::services::ServeDir::new(dist));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
}

/// The portal on loopback under wrk beside nginx serving the same bytes:
/// reads as they come (identity) and compressed, report POSTs. A portal of
/// its own on a fresh SQLite database. (`MUC_BENCH_ONLY=portal` runs only this.)
async fn portal_on_loopback(bin: &Path, tmp: &Path, load_secs: u32, load_runs: usize) -> String {
    let tmp = &tmp.join("load");
    let (mut portal, portal_url) = start_portal(bin, tmp);
    let www = tmp.join("nginx/www");
    std::fs::create_dir_all(&www).expect("www");
    // Reports: a form POST, and a multipart POST with a 640 × 480 photo
    // carrying EXIF/GPS (the portal's test fixture); nginx answers the same POSTs.
    let scripts = tmp.join("wrk");
    std::fs::create_dir_all(&scripts).expect("dir");
    let form = load::REPORT_FORM;
    let form_script =
        load::post_script(&scripts, "form", "application/x-www-form-urlencoded", form.as_bytes()).expect("script");
    let boundary = "muc-bench";
    let mut multipart = Vec::new();
    for pair in form.split('&') {
        let (k, v) = pair.split_once('=').expect("pair");
        let k = k.replace("%5B", "[").replace("%5D", "]");
        let v = v.replace('+', " ");
        multipart
            .extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    multipart.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes());
    multipart.extend(include_bytes!("../../portal/tests/fixtures/street-light.jpg"));
    multipart.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let photo_script =
        load::post_script(&scripts, "photo", &format!("multipart/form-data; boundary={boundary}"), &multipart)
            .expect("script");

    // (name, portal path, nginx path, wrk script)
    let endpoints: Vec<(&str, &str, String, Option<PathBuf>)> = vec![
        ("hotspot items (limit 10)", "/collections/hotspots/items?limit=10", "/items.json".into(), None),
        (
            "nearest hotspots (10)",
            "/collections/hotspots/items?near=11.5755,48.1374&limit=10",
            "/near.json".into(),
            None,
        ),
        ("finder catalogue", "/finders", "/finders.json".into(), None),
        ("Open311 services.json", "/open311/v2/services.json", "/services.json".into(), None),
        ("Open311 report POST, no photo", "/open311/v2/requests.json", "/post-form".into(), Some(form_script)),
        ("Open311 report POST, with photo", "/open311/v2/requests.json", "/post-photo".into(), Some(photo_script)),
        ("Open311 requests.json (GET, 50 newest)", "/open311/v2/requests.json", "/requests.json".into(), None),
    ];
    let http = reqwest::Client::new();
    for (_, path, file, script) in &endpoints {
        if script.is_none() && !path.starts_with("/open311/v2/requests") {
            let body = http.get(format!("{portal_url}{path}")).send().await.expect("GET").bytes().await.expect("body");
            std::fs::write(www.join(file.trim_start_matches('/')), &body).expect("write");
        }
    }
    let nginx_port = free_port();
    let nginx = load::Nginx::start(&tmp.join("nginx"), nginx_port).map_err(|e| eprintln!("{e}")).ok();
    let idle_portal = procs::tree_pss_mib(portal.id()).0;
    let peak = Arc::new(Mutex::new(idle_portal));
    let mut block = format!(
        "## Portal on loopback\n\nwrk, 2 threads, 32 connections, {load_secs} s per run, {load_runs} runs; the portal on SQLite beside \
         nginx serving the same response bytes as static files (this machine's HTTP limit). wrk, the server and \
         nginx share the same {} cores.\n\n| endpoint | portal req/s | portal p50 / p99 (ms) | nginx req/s | nginx p50 / p99 (ms) | portal ÷ nginx |\n|---|---|---|---|---|---|\n",
        sh("nproc")
    );
    for (name, path, file, script) in &endpoints {
        if path.starts_with("/open311/v2/requests") && script.is_none() {
            // After the POST runs there are reports to list: serve nginx the same bytes.
            let body = http.get(format!("{portal_url}{path}")).send().await.expect("GET").bytes().await.expect("body");
            std::fs::write(www.join(file.trim_start_matches('/')), &body).expect("write");
        }
        let script = script.as_deref();
        let sampler = spawn_sampler(portal.id(), peak.clone());
        let p: Vec<load::WrkResult> = (0..load_runs)
            .filter_map(|_| {
                load::wrk(&format!("{portal_url}{path}"), load_secs, 32, script).map_err(|e| eprintln!("{e}")).ok()
            })
            .collect();
        sampler.store(true, std::sync::atomic::Ordering::Relaxed);
        let n: Vec<load::WrkResult> = if nginx.is_some() {
            (0..load_runs)
                .filter_map(|_| {
                    load::wrk(&format!("http://127.0.0.1:{nginx_port}{file}"), load_secs, 32, script)
                        .map_err(|e| eprintln!("{e}"))
                        .ok()
                })
                .collect()
        } else {
            Vec::new()
        };
        let rps = |v: &[load::WrkResult]| summary(&v.iter().map(|r| r.rps).collect::<Vec<_>>());
        let lat = |v: &[load::WrkResult]| match (
            summary(&v.iter().map(|r| r.p50_ms).collect::<Vec<_>>()),
            summary(&v.iter().map(|r| r.p99_ms).collect::<Vec<_>>()),
        ) {
            (Some(a), Some(b)) => format!("{:.2} / {:.2}", a.median, b.median),
            _ => "–".into(),
        };
        let errors: u64 = p.iter().map(|r| r.errors).sum();
        let ratio = match (rps(&p), rps(&n)) {
            (Some(a), Some(b)) => format!("{:.2}", a.median / b.median),
            _ => "–".into(),
        };
        let _ = writeln!(
            block,
            "| {name}{} | {} | {} | {} | {} | {ratio} |",
            if errors > 0 { format!(" ({errors} errors)") } else { String::new() },
            rps(&p).map(|s| s.show(|x| format!("{x:.0}"))).unwrap_or("–".into()),
            lat(&p),
            rps(&n).map(|s| s.show(|x| format!("{x:.0}"))).unwrap_or("–".into()),
            lat(&n),
        );
    }
    let peak = *peak.lock().expect("peak");
    let _ = writeln!(
        block,
        "\nPortal memory (PSS): {idle_portal:.1} MiB idle after start, {peak:.1} MiB at the highest sample under load (sampled every 200 ms).\n\
         Report POSTs are real: each stores a report (and a cleaned photo) in SQLite; nginx only answers them.\n"
    );
    block.push_str(&compression(&portal_url, load_secs, load_runs).await);
    drop(nginx);
    procs::kill_tree(portal.id());
    let _ = portal.wait();
    block
}

/// The release portal on a free loopback port with a fresh SQLite database
/// in `dir`, its limits opened for load from one source.
pub(crate) fn start_portal(bin: &Path, dir: &Path) -> (std::process::Child, String) {
    std::fs::create_dir_all(dir).expect("portal dir");
    let port = free_port();
    let database_url = format!("sqlite:{}?mode=rwc", dir.join("portal.db").display());
    let portal = load::portal_for_load(bin, port, &database_url, &dir.join("media")).spawn().expect("start portal");
    wait_for_port(port, Duration::from_secs(30)).expect("portal up");
    (portal, format!("http://127.0.0.1:{port}"))
}

/// What compression saves (bytes on the wire) and costs (throughput served
/// from memory; the time of an answer made afresh, which pays for the
/// compression once per kept answer).
async fn compression(portal_url: &str, load_secs: u32, load_runs: usize) -> String {
    let mut block = String::from(
        "Compression when the client asks (`Accept-Encoding`), same portal: bytes per answer; requests/s under wrk \
         (answers kept in memory, so compressed once); and an answer made afresh (after a write drops the kept \
         ones; median of 9), which pays for compressing it.\n\n\
         | endpoint | bytes: none / br / gzip | req/s: none / br / gzip | made afresh (ms): none / br / gzip |\n|---|---|---|---|\n",
    );
    let http = reqwest::Client::new();
    let form =
        "api_key=muenchen-app&service_code=strassenbeleuchtung&lat=48.137154&long=11.576124&attribute%5Bart%5D=dunkel";
    for (name, path) in [
        ("all hotspot sites (limit 1000)", "/collections/hotspots/items?limit=1000"),
        ("finder catalogue", "/finders"),
        ("Open311 services.json", "/open311/v2/services.json"),
        ("Open311 requests.json (50 newest)", "/open311/v2/requests.json"),
    ] {
        let url = format!("{portal_url}{path}");
        let (mut bytes, mut rps, mut fresh) = (Vec::new(), Vec::new(), Vec::new());
        for enc in ["identity", "br", "gzip"] {
            let body =
                http.get(&url).header("accept-encoding", enc).send().await.expect("GET").bytes().await.expect("body");
            bytes.push(body.len().to_string());
            let runs: Vec<f64> = (0..load_runs)
                .filter_map(|_| load::wrk_with(&url, load_secs, 32, None, &[format!("Accept-Encoding: {enc}")]).ok())
                .map(|r| r.rps)
                .collect();
            rps.push(summary(&runs).map_or("–".into(), |s| format!("{:.0}", s.median)));
            let mut times = Vec::new();
            for _ in 0..9 {
                // A write drops every kept answer; the next read makes it anew.
                let _ = http
                    .post(format!("{portal_url}/open311/v2/requests.json"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(form)
                    .send()
                    .await;
                let t = std::time::Instant::now();
                let _ = http.get(&url).header("accept-encoding", enc).send().await.expect("GET").bytes().await;
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            fresh.push(summary(&times).map_or("–".into(), |s| format!("{:.2}", s.median)));
        }
        let _ = writeln!(block, "| {name} | {} | {} | {} |", bytes.join(" / "), rps.join(" / "), fresh.join(" / "));
    }
    block.push('\n');
    block
}
