//! Harness for end-to-end tests: the real portal binary, tauri-driver with
//! WebKitWebDriver, and the real app binary, all on loopback.
//!
//! Run through `./x test`, which builds the binaries and provides Xvfb and a
//! D-Bus session. Every wait has a deadline and says what it waited for.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Where `./x test` put the debug binaries.
pub fn bin_dir() -> PathBuf {
    std::env::var_os("MUC_E2E_BIN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug"))
}

pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("MUC_E2E_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts"));
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

/// A child process killed when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The portal binary on a fresh SQLite file and a free loopback port.
pub struct Portal {
    pub url: String,
    proc: Option<Proc>,
}

impl Portal {
    pub fn start(db: &Path) -> Result<Portal> {
        Self::start_on(db, 0)
    }

    /// On a given port (0: any free one), e.g. to come back where the app expects it.
    pub fn start_on(db: &Path, port: u16) -> Result<Portal> {
        let bin = bin_dir().join("muc-portal");
        let media = db.with_extension("media");
        let mut child = Command::new(&bin)
            .env("MUC_MEDIA_DIR", &media)
            .args(["--bind", &format!("127.0.0.1:{port}"), "--database-url"])
            .arg(format!("sqlite:{}?mode=rwc", db.display()))
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let proc = Proc(child);
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let url = line
            .trim()
            .strip_prefix("muc-portal listening on ")
            .ok_or_else(|| format!("portal did not start: {line:?}"))?
            .to_string();
        Ok(Portal { url, proc: Some(proc) })
    }

    /// Runs the portal's command line on the same database.
    pub fn cli(db: &Path, args: &[&str]) -> Result<String> {
        let out = Command::new(bin_dir().join("muc-portal"))
            .arg("--database-url")
            .arg(format!("sqlite:{}?mode=rwc", db.display()))
            .args(args)
            .output()?;
        if !out.status.success() {
            return Err(format!("muc-portal {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    pub fn port(&self) -> u16 {
        self.url.rsplit(':').next().and_then(|p| p.parse().ok()).unwrap_or(0)
    }

    /// Stops the portal, as when the city's server goes away.
    pub fn stop(&mut self) {
        self.proc.take();
    }
}

/// tauri-driver in front of WebKitWebDriver, launching the real app binary
/// with the given environment.
pub struct Driver {
    _proc: Proc,
    pub client: Client,
}

impl Driver {
    pub async fn launch(env: &[(&str, &str)]) -> Result<Driver> {
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new(tauri_driver());
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let proc = Proc(cmd.spawn().map_err(|e| format!("cannot start tauri-driver: {e}"))?);
        wait_for_port(port, Duration::from_secs(20))?;
        let app = bin_dir().join("muenchen-app");
        let caps = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": app },
        });
        let caps = caps.as_object().cloned().ok_or("caps")?;
        let client = ClientBuilder::native().capabilities(caps).connect(&format!("http://127.0.0.1:{port}")).await?;
        Ok(Driver { _proc: proc, client })
    }

    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.client.screenshot().await?;
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Scrolls the element matching `css` to the top of the window (for screenshots).
    pub async fn scroll_to(&self, css: &str) -> Result<()> {
        let el = self.find(css).await?;
        self.client.execute("arguments[0].scrollIntoView({block: 'start'});", vec![serde_json::to_value(&el)?]).await?;
        Ok(())
    }

    /// Waits until an element matching `css` exists, then returns it.
    pub async fn find(&self, css: &str) -> Result<fantoccini::elements::Element> {
        Ok(self.client.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css(css)).await?)
    }

    /// The first button whose text contains `text`.
    pub async fn button(&self, text: &str) -> Result<fantoccini::elements::Element> {
        let xpath = format!("//button[contains(normalize-space(.), '{text}')]");
        Ok(self.client.wait().at_most(Duration::from_secs(20)).for_element(Locator::XPath(&xpath)).await?)
    }

    /// Waits until the text of `css` satisfies `ok`; returns it.
    pub async fn text_until(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                last = e.text().await.unwrap_or_default();
                if ok(&last) {
                    return Ok(last);
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("timed out waiting for {css} to {what}; last text: {last:?}").into())
    }

    /// Texts of all elements matching `css`.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for e in self.client.find_all(Locator::Css(css)).await? {
            out.push(e.text().await?);
        }
        Ok(out)
    }
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    let p = home.join("bin/tauri-driver");
    if p.exists() {
        p
    } else {
        PathBuf::from("tauri-driver")
    }
}

fn wait_for_port(port: u16, within: Duration) -> Result<()> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("nothing listens on port {port} after {within:?}").into())
}

/// Waits until `path` exists with content; returns the content.
pub fn wait_for_file(path: &Path, within: Duration) -> Result<String> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if let Ok(s) = std::fs::read_to_string(path) {
            if !s.trim().is_empty() {
                return Ok(s);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("{} was not written within {within:?}", path.display()).into())
}

/// A desktop default handler for http(s) links that writes the URL to a file
/// instead of opening a browser (freedesktop.org mimeapps.list + .desktop).
pub struct RecordingOpener {
    pub config_home: String,
    pub data_home: String,
}

impl RecordingOpener {
    pub fn install(dir: &Path, record_to: &Path) -> Result<RecordingOpener> {
        use std::os::unix::fs::PermissionsExt;
        let config = dir.join("xdg-config");
        let data = dir.join("xdg-data");
        std::fs::create_dir_all(&config)?;
        std::fs::create_dir_all(data.join("applications"))?;
        let script = dir.join("record-url.sh");
        std::fs::write(&script, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record_to.display()))?;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
        std::fs::write(
            config.join("mimeapps.list"),
            "[Default Applications]\nx-scheme-handler/https=record-url.desktop\nx-scheme-handler/http=record-url.desktop\n",
        )?;
        std::fs::write(
            data.join("applications/record-url.desktop"),
            format!(
                "[Desktop Entry]\nType=Application\nName=Record URL\nExec={} %u\nMimeType=x-scheme-handler/https;x-scheme-handler/http;\n",
                script.display()
            ),
        )?;
        Ok(RecordingOpener {
            config_home: config.to_string_lossy().into_owned(),
            data_home: data.to_string_lossy().into_owned(),
        })
    }
}
