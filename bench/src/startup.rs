//! App start-up (launch → first screen painted) and idle memory, for the real
//! app, an empty Tauri app and the same frontend in Chromium.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::procs;

/// A way to launch one contender.
#[derive(Clone)]
pub struct Contender {
    pub name: &'static str,
    pub program: PathBuf,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Where "painted" is reported: the contender's stdout, or the bench's web server.
    pub painted: Painted,
    /// Whether to measure idle memory too (once per program is enough).
    pub memory: bool,
}

/// One launch: time to the first paint, and the page's steps before it.
pub struct Start {
    pub ms: f64,
    /// (step, ms since the process started), in order.
    pub timeline: Vec<(String, f64)>,
}

/// The median time of each step over several launches, in the order of the
/// medians; steps seen in fewer than half the launches are left out.
pub fn median_timeline(launches: &[Vec<(String, f64)>]) -> Vec<(String, f64)> {
    let mut by_step: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    for launch in launches {
        for (step, ms) in launch {
            by_step.entry(step.as_str()).or_default().push(*ms);
        }
    }
    let mut out: Vec<(String, f64)> = by_step
        .into_iter()
        .filter(|(_, v)| v.len() * 2 >= launches.len().max(1))
        .map(|(step, mut v)| {
            v.sort_by(f64::total_cmp);
            (step.to_string(), v[v.len() / 2])
        })
        .collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1));
    out
}

#[derive(Clone)]
pub enum Painted {
    StdoutLine(&'static str),
    Http(std::sync::Arc<std::sync::Mutex<mpsc::Receiver<()>>>),
}

impl Contender {
    fn command(&self, extra_env: &[(&str, &str)]) -> Command {
        let mut c = Command::new(&self.program);
        c.args(&self.args).stdout(Stdio::piped()).stderr(Stdio::null());
        for (k, v) in &self.env {
            c.env(k, v);
        }
        for (k, v) in extra_env {
            c.env(k, v);
        }
        c
    }

    /// Milliseconds from spawn to the first painted frame.
    pub fn start_ms(&self) -> Result<f64, String> {
        self.start().map(|s| s.ms)
    }

    /// Milliseconds from spawn to the first painted frame, with the page's
    /// timeline where the contender prints one (the app's `TIMELINE` line:
    /// its steps in ms since the process started).
    pub fn start(&self) -> Result<Start, String> {
        let started = Instant::now();
        let mut child = self
            .command(&[("MUC_BENCH_FIRST_PAINT", "exit")])
            .spawn()
            .map_err(|e| format!("{}: {e}", self.program.display()))?;
        let result = match &self.painted {
            Painted::StdoutLine(marker) => {
                let stdout = child.stdout.take().ok_or("no stdout")?;
                let (tx, rx) = mpsc::channel();
                let marker = *marker;
                std::thread::spawn(move || {
                    let mut timeline = Vec::new();
                    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                        if let Some(json) = line.strip_prefix("TIMELINE ") {
                            timeline = serde_json::from_str(json).unwrap_or_default();
                        }
                        if line.starts_with(marker) {
                            let _ = tx.send((Instant::now(), timeline));
                            return;
                        }
                    }
                });
                rx.recv_timeout(Duration::from_secs(30)).map(|(t, timeline)| (t.duration_since(started), timeline))
            }
            Painted::Http(rx) => {
                let rx = rx.lock().map_err(|_| "lock")?;
                while rx.try_recv().is_ok() {}
                rx.recv_timeout(Duration::from_secs(30)).map(|()| (started.elapsed(), Vec::new()))
            }
        };
        procs::kill_tree(child.id());
        let _ = child.wait();
        result
            .map(|(d, timeline)| Start { ms: d.as_secs_f64() * 1000.0, timeline })
            .map_err(|_| format!("{}: no first paint within 30 s", self.name))
    }

    /// Summed PSS of the process tree `settle` after start, idle.
    pub fn idle_memory_mib(&self, settle: Duration) -> Result<(f64, usize), String> {
        let mut child = self
            .command(&[("MUC_BENCH_FIRST_PAINT", "print")])
            .spawn()
            .map_err(|e| format!("{}: {e}", self.program.display()))?;
        // Drain stdout so the child never blocks on a full pipe.
        if let Some(out) = child.stdout.take() {
            std::thread::spawn(move || for _ in BufReader::new(out).lines().map_while(Result::ok) {});
        }
        std::thread::sleep(settle);
        let alive = child.try_wait().map(|s| s.is_none()).unwrap_or(false);
        let m = procs::tree_pss_mib(child.id());
        procs::kill_tree(child.id());
        let _ = child.wait();
        if alive {
            Ok(m)
        } else {
            Err(format!("{} exited before it was measured", self.name))
        }
    }
}

/// Chromium showing the frontend as an app window (what a browser-engine
/// shell such as Electron would cost), from a fresh profile.
pub fn chromium(url: &str, profile: &Path, painted: Painted) -> Contender {
    Contender {
        name: "same frontend in Chromium",
        program: PathBuf::from("/usr/bin/chromium"),
        args: [
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--disable-default-apps",
            "--password-store=basic",
            "--disable-features=Translate",
            "--window-size=1024,768",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("--user-data-dir={}", profile.display()), format!("--app={url}")])
        .collect(),
        env: Vec::new(),
        painted,
        memory: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_timeline_orders_steps_by_their_median_and_drops_rare_ones() {
        let launch = |w: f64, r: f64| vec![("wasm ready".to_string(), w), ("first render".to_string(), r)];
        let mut launches = vec![launch(300.0, 350.0), launch(320.0, 340.0), launch(310.0, 330.0)];
        launches[0].push(("once".into(), 1.0));
        assert_eq!(
            median_timeline(&launches),
            vec![("wasm ready".to_string(), 310.0), ("first render".to_string(), 340.0)]
        );
    }
}
