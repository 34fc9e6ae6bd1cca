//! Notifications to many subscribers: the release portal on SQLite with
//! `MUC_BENCH_SUBSCRIBERS` (1000) devices, each subscribed to warnings and
//! holding the notification stream open, as the app does while it runs. An
//! operator publishes one warning at a time: how long until every stream
//! has it, and what the open streams cost in memory. Beside it, the peer
//! design: the same devices each asking the feed once (a round of polling,
//! which would have to be repeated every few minutes to be as current).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use muc_portal_client::notifications::Who;
use muc_portal_client::PortalClient;
use muc_wire::notify::{Subscriptions, Topic};

use crate::stats::summary;
use crate::{env_num, procs};

const PUBLICATIONS: usize = 20;

/// One run: `n` devices hold the stream open while `PUBLICATIONS` warnings
/// are published one after another.
struct FanOut {
    open: usize,
    /// Per warning: ms until every stream had it, and until half had it.
    last: Vec<f64>,
    median: Vec<f64>,
    missed: usize,
    /// Portal PSS (MiB) before the streams opened and with them open.
    idle: f64,
    streaming: f64,
}

async fn fan_out(client: &PortalClient, url: &str, token: &str, portal_pid: u32, devices: &[String]) -> FanOut {
    let n = devices.len();
    let idle = procs::tree_pss_mib(portal_pid).0;
    // Every stream reports (device, notification id, when) as it receives.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, i64, Instant)>();
    let (open_tx, mut open_rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let mut tasks = Vec::new();
    for (i, d) in devices.iter().enumerate() {
        let (client, d, tx, open_tx) = (client.clone(), d.clone(), tx.clone(), open_tx.clone());
        tasks.push(tokio::spawn(async move {
            let Ok(mut stream) = client.notification_stream(Who::Device(&d), None).await else { return };
            let _ = open_tx.send(());
            while let Some(Ok(note)) = stream.next().await {
                let _ = tx.send((i, note.id, Instant::now()));
            }
        }));
    }
    let mut open = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    while open < n && Instant::now() < deadline {
        if tokio::time::timeout(Duration::from_secs(1), open_rx.recv()).await.ok().flatten().is_some() {
            open += 1;
        }
    }
    // No settling needed: each stream's place in the sequence is fixed when
    // its request is answered.
    let streaming = procs::tree_pss_mib(portal_pid).0;
    let http = reqwest::Client::new();
    let (mut last, mut median, mut missed) = (Vec::new(), Vec::new(), 0usize);
    for k in 0..PUBLICATIONS {
        let t0 = Instant::now();
        let r = http
            .post(format!("{url}/operator/notifications"))
            .bearer_auth(token)
            .json(&serde_json::json!({"audience": {"to": "subscribers"}, "topic": "warnings",
                                      "title": format!("Warnung {k}"), "text": "Bench."}))
            .send()
            .await
            .expect("publish");
        let id = r.json::<serde_json::Value>().await.ok().and_then(|v| v["id"].as_i64()).unwrap_or(-1);
        let mut got = vec![None; n];
        let mut count = 0;
        let until = Instant::now() + Duration::from_secs(30);
        while count < open && Instant::now() < until {
            match tokio::time::timeout(Duration::from_secs(1), rx.recv()).await {
                Ok(Some((i, nid, at))) if nid == id && got[i].is_none() => {
                    got[i] = Some(at.duration_since(t0).as_secs_f64() * 1000.0);
                    count += 1;
                }
                _ => {}
            }
        }
        missed += open - count;
        let mut ms: Vec<f64> = got.into_iter().flatten().collect();
        ms.sort_by(f64::total_cmp);
        if let (Some(l), Some(m)) = (ms.last(), ms.get(ms.len() / 2)) {
            last.push(*l);
            median.push(*m);
        }
    }
    // The streams close: each held one of the portal's connections
    // (`MUC_MAX_CONNECTIONS`), which what comes next would otherwise queue for.
    for t in &tasks {
        t.abort();
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    FanOut { open, last, median, missed, idle, streaming }
}

pub async fn measure(bin: &Path, tmp: &Path) -> String {
    let n = env_num("MUC_BENCH_SUBSCRIBERS", 1000) as usize;
    let dir = tmp.join("notify");
    let (mut portal, url) = crate::start_portal(bin, &dir);
    let db = format!("sqlite:{}?mode=rwc", dir.join("portal.db").display());
    // The port opens before the portal has migrated its database: the
    // command line below would migrate it at the same time.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !reqwest::get(format!("{url}/health/ready")).await.is_ok_and(|r| r.status().is_success()) {
        assert!(Instant::now() < deadline, "the portal did not get ready");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let made = Command::new(bin.join("muc-portal"))
        .args(["--database-url", &db, "operator-token", "create", "bench", "--scope", "notifications", "--days", "1"])
        .output()
        .expect("muc-portal operator-token create");
    let token = String::from_utf8_lossy(&made.stdout).trim().to_string();
    assert!(made.status.success() && !token.is_empty(), "no token: {}", String::from_utf8_lossy(&made.stderr));
    let client = PortalClient::new(&url).expect("client");
    let devices: Vec<String> = (0..n).map(|i| format!("bench-device-{i:08}")).collect();
    let warnings = Subscriptions { topics: vec![Topic::Warnings], districts: Vec::new() };
    for d in &devices {
        client.put_subscriptions(Who::Device(d), &warnings).await.expect("subscribed");
    }
    let one = fan_out(&client, &url, &token, portal.id(), &devices[..1]).await;
    let all = fan_out(&client, &url, &token, portal.id(), &devices).await;

    // The peer design: one round of polling, every device asking the feed
    // once (64 at a time, as a city of phones would not all ask in the same ms).
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let t0 = Instant::now();
        let mut set = tokio::task::JoinSet::new();
        for chunk in devices.chunks(n.div_ceil(64).max(1)) {
            let (client, chunk) = (client.clone(), chunk.to_vec());
            set.spawn(async move {
                for d in &chunk {
                    let _ = client.notifications(Who::Device(d), 0).await;
                }
            });
        }
        while set.join_next().await.is_some() {}
        rounds.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    procs::kill_tree(portal.id());
    let _ = portal.wait();

    let show = |v: &[f64]| summary(v).map(|s| s.show(|x| format!("{x:.1}"))).unwrap_or("–".into());
    let per_stream = |f: &FanOut| (f.streaming - f.idle).max(0.0) * 1024.0 / f.open.max(1) as f64;
    let mut block = String::new();
    let _ = writeln!(
        block,
        "## Notifications to {n} subscribers\n\n\
         The release portal on SQLite; devices holding the notification stream open (Server-Sent Events), each \
         subscribed to warnings; an operator publishes {PUBLICATIONS} warnings one after another over the API, first \
         with one stream open, then with {n}. Client and portal share the machine's cores.\n\n\
         | figure | 1 subscriber | {n} subscribers |\n|---|---|---|\n\
         | streams open | {} | {} |\n\
         | every stream has it (ms after the publish request, per warning) | {} | {} |\n\
         | half the streams have it (ms) | {} | {} |\n\
         | deliveries missing | {} of {} | {} of {} |\n\
         | portal memory (PSS) with the streams open | {:.1} MiB | {:.1} MiB ({:.1} KiB per stream) |\n\n\
         Peer design, polling: one round in which each of the {n} devices asks the feed once: {} ms.\n",
        one.open,
        all.open,
        show(&one.last),
        show(&all.last),
        show(&one.median),
        show(&all.median),
        one.missed,
        one.open * PUBLICATIONS,
        all.missed,
        all.open * PUBLICATIONS,
        one.streaming,
        all.streaming,
        per_stream(&all),
        show(&rounds),
    );
    block
}
