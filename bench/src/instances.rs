//! Several instances: one and two portal processes on one PostgreSQL behind
//! Debian's nginx as load balancer, configured as the city would run them
//! (photos and limits in the database). On this 2-core machine the point is
//! that nothing breaks and the overhead is known, not linear scaling.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Command};
use std::time::Duration;

use crate::{free_port, load, procs, stats, wait_for_port};

/// A portal process on `database_url`, as one of several instances.
fn start(bin: &Path, database_url: &str, media: &Path) -> (Child, u16) {
    let port = free_port();
    let child = load::portal_for_load(bin, port, database_url, media)
        .env("MUC_PHOTO_STORE", "database")
        .env("MUC_SHARED_LIMITS", "1")
        .env("MUC_TRUST_FORWARDED_FOR", "1")
        .env("MUC_POW_KEY", "bench-key-shared-by-every-instance")
        .spawn()
        .expect("start portal");
    wait_for_port(port, Duration::from_secs(30)).expect("portal up");
    (child, port)
}

/// A fresh database on the PostgreSQL server at `admin_url` (psql from Debian).
fn create_database(admin_url: &str, name: &str) -> Result<String, String> {
    let out = Command::new("psql")
        .args([admin_url, "-q", "-c", &format!("CREATE DATABASE {name}")])
        .output()
        .map_err(|e| format!("psql: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let (prefix, _) = admin_url.rsplit_once('/').ok_or("a URL with a database name")?;
    Ok(format!("{prefix}/{name}"))
}

pub async fn measure(bin: &Path, tmp: &Path, load_secs: u32, load_runs: usize) -> String {
    let mut md = String::from("## Several instances on one PostgreSQL\n\n");
    let Ok(admin) = std::env::var("MUC_BENCH_POSTGRES_URL") else {
        md.push_str("Not measured: no PostgreSQL (`./x bench` starts one and sets `MUC_BENCH_POSTGRES_URL`).\n\n");
        return md;
    };
    let url = match create_database(&admin, &format!("muc_bench_{}", std::process::id())) {
        Ok(u) => u,
        Err(e) => {
            let _ = writeln!(md, "Not measured: {e}\n");
            return md;
        }
    };
    let dir = tmp.join("instances");
    std::fs::create_dir_all(dir.join("wrk")).expect("dir");
    let (mut a, port_a) = start(bin, &url, &dir.join("media-a"));
    let (mut b, port_b) = start(bin, &url, &dir.join("media-b"));
    let (one_port, two_port) = (free_port(), free_port());
    let one = load::Nginx::balance(&dir.join("nginx-one"), one_port, &[port_a]);
    let two = load::Nginx::balance(&dir.join("nginx-two"), two_port, &[port_a, port_b]);
    let (one, two) = match (one, two) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(md, "Not measured: {e}\n");
            return md;
        }
    };
    let form = load::REPORT_FORM;
    let post = load::post_script(&dir.join("wrk"), "form", "application/x-www-form-urlencoded", form.as_bytes())
        .expect("script");
    let _ = writeln!(
        md,
        "Two `muc-portal` processes on one PostgreSQL 15 (`fsync=off`, as in the tests), photos and per-source limits in \
         the database (`MUC_PHOTO_STORE=database`, `MUC_SHARED_LIMITS=1`); Debian's nginx balancing round robin. wrk, \
         2 threads, 32 connections, {load_secs} s × {load_runs}, everything on the same {} cores: two instances cannot \
         be faster here than one, the table shows what the balancer and the second instance cost. req/s and p99 (ms).\n\n\
         | endpoint | one instance, direct | one behind nginx | two behind nginx | two ÷ one (both behind nginx) |\n|---|---|---|---|---|",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    let endpoints: [(&str, &str, Option<&Path>); 3] = [
        ("Open311 services.json", "/open311/v2/services.json", None),
        ("Open311 requests.json (50 newest)", "/open311/v2/requests.json", None),
        ("Open311 report POST, no photo", "/open311/v2/requests.json", Some(post.as_path())),
    ];
    for (name, path, script) in endpoints {
        let runs = |port: u16| -> (Vec<f64>, Vec<f64>) {
            let results: Vec<load::WrkResult> = (0..load_runs)
                .filter_map(|_| load::wrk(&format!("http://127.0.0.1:{port}{path}"), load_secs, 32, script).ok())
                // A run with errors (502s from a balancer without portals) measures nothing.
                .filter(|r| r.errors == 0)
                .collect();
            (results.iter().map(|r| r.rps).collect(), results.iter().map(|r| r.p99_ms).collect())
        };
        let cell = |(rps, p99): &(Vec<f64>, Vec<f64>)| match (stats::summary(rps), stats::summary(p99)) {
            (Some(r), Some(p)) => format!("{:.0} / {:.2}", r.median, p.median),
            _ => "–".into(),
        };
        let (direct, via_one, via_two) = (runs(port_a), runs(one_port), runs(two_port));
        let ratio = match (stats::summary(&via_two.0), stats::summary(&via_one.0)) {
            (Some(t), Some(o)) => format!("{:.2}", t.median / o.median),
            _ => "–".into(),
        };
        let _ = writeln!(md, "| {name} | {} | {} | {} | {ratio} |", cell(&direct), cell(&via_one), cell(&via_two));
    }
    md.push('\n');
    drop((one, two));
    for p in [&mut a, &mut b] {
        procs::kill_tree(p.id());
        let _ = p.wait();
    }
    md
}
