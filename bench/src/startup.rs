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
                    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                        if line.starts_with(marker) {
                            let _ = tx.send(Instant::now());
                            return;
                        }
                    }
                });
                rx.recv_timeout(Duration::from_secs(30)).map(|t| t.duration_since(started))
            }
            Painted::Http(rx) => {
                let rx = rx.lock().map_err(|_| "lock")?;
                while rx.try_recv().is_ok() {}
                rx.recv_timeout(Duration::from_secs(30)).map(|()| started.elapsed())
            }
        };
        procs::kill_tree(child.id());
        let _ = child.wait();
        result.map(|d| d.as_secs_f64() * 1000.0).map_err(|_| format!("{}: no first paint within 30 s", self.name))
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
