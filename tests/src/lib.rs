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
        Self::start_with(db, port, &[])
    }

    /// With extra environment, e.g. `MUC_OIDC_ISSUER` for sign-in.
    pub fn start_with(db: &Path, port: u16, env: &[(&str, &str)]) -> Result<Portal> {
        let bin = bin_dir().join("muc-portal");
        let media = db.with_extension("media");
        let mut child = Command::new(&bin)
            .envs(env.iter().copied())
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
/// WebDriver's keys: Tab, Enter, Space.
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const SPACE: &str = "\u{E00D}";

pub struct Driver {
    _proc: Proc,
    pub client: Client,
    /// The app's data folder (MUC_DATA_DIR), to find its processes.
    data_dir: Option<PathBuf>,
}

impl Driver {
    pub async fn launch(env: &[(&str, &str)]) -> Result<Driver> {
        Driver::launch_app(&bin_dir().join("muenchen-app"), env).await
    }

    /// Starts the app binary at `app` (say, one unpacked from its package).
    pub async fn launch_app(app: &Path, env: &[(&str, &str)]) -> Result<Driver> {
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new(tauri_driver());
        cmd.args(["--port", &port.to_string(), "--native-port", &native.to_string()]);
        // The app starts in the system's language: the tests read German,
        // whatever the machine running them speaks (a test may say otherwise).
        cmd.env("LANGUAGE", "de");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let proc = Proc(cmd.spawn().map_err(|e| format!("cannot start tauri-driver: {e}"))?);
        wait_for_port(port, Duration::from_secs(20))?;
        // tauri-driver passes sessions on to WebKitWebDriver, which it starts
        // beside itself: a session asked for before that listens is cut off.
        wait_for_port(native, Duration::from_secs(20))?;
        let caps = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": app },
        });
        let caps = caps.as_object().cloned().ok_or("caps")?;
        // An app that exits at start (say, a second instance) must fail the
        // test, not leave WebKitWebDriver waiting for it for ever.
        let client = tokio::time::timeout(
            Duration::from_secs(90),
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}")),
        )
        .await
        .map_err(|_| "the app did not come up within 90 s")??;
        let data_dir = env.iter().find(|(k, _)| *k == "MUC_DATA_DIR").map(|(_, v)| PathBuf::from(v));
        Ok(Driver { _proc: proc, client, data_dir })
    }

    /// The app on a portal and a data folder, with map tiles from `tile_url`.
    pub async fn app_with_tiles(portal_url: &str, data: &Path, tile_url: &str) -> Result<Driver> {
        Driver::launch(&[
            ("MUC_PORTAL_URL", portal_url),
            ("MUC_DATA_DIR", data.to_str().ok_or("path")?),
            ("MUC_TILE_URL", tile_url),
        ])
        .await
    }

    /// The app on the data folder `data`, talking to the portal at `portal_url`.
    pub async fn app_on(portal_url: &str, data: &Path) -> Result<Driver> {
        Driver::launch(&[("MUC_PORTAL_URL", portal_url), ("MUC_DATA_DIR", data.to_str().ok_or("path")?)]).await
    }

    /// Closes the app's window and waits until its process has ended, so the
    /// next start on the same data folder is a fresh start (and not a second
    /// instance handing over to a first that is still shutting down).
    pub async fn close(self) -> Result<()> {
        self.client.clone().close().await?;
        if let Some(dir) = &self.data_dir {
            poll_until("the app has exited", Duration::from_secs(30), || app_pids(dir).is_ok_and(|p| p.is_empty()))
                .await?;
        }
        Ok(())
    }

    /// Sets the window's inner size to `width`×`height` CSS pixels (a
    /// phone's), and waits until the page has its new width.
    pub async fn resize(&self, width: u32, height: u32) -> Result<()> {
        self.client.set_window_size(width, height).await?;
        // The window's outer size includes no frame under Xvfb without a
        // window manager; whatever is left is corrected once.
        let inner: (f64, f64) = serde_json::from_value(
            self.client.execute("return [window.innerWidth, window.innerHeight];", vec![]).await?,
        )?;
        let (dw, dh) = (width as f64 - inner.0, height as f64 - inner.1);
        if dw != 0.0 || dh != 0.0 {
            self.client.set_window_size((width as f64 + dw) as u32, (height as f64 + dh) as u32).await?;
        }
        // The page's resize event says when it has the width (WebDriver's
        // script timeout is the deadline).
        const WIDTH: &str = "const [w, done] = [arguments[0], arguments[arguments.length - 1]];
            if (window.innerWidth === w) { done(w); } else {
              window.addEventListener('resize', function on() {
                if (window.innerWidth === w) { window.removeEventListener('resize', on); done(w); }
              });
            }";
        match self.client.execute_async(WIDTH, vec![serde_json::json!(width)]).await {
            Ok(_) => Ok(()),
            Err(e) => Err(self.failed(format!("the window never became {width} px wide: {e}")).await),
        }
    }

    /// What a phone-sized page must not have: anything wider than the
    /// window (horizontal scrolling, WCAG 1.4.10). Returns the offenders.
    pub async fn overflow(&self) -> Result<Vec<String>> {
        let found = self
            .client
            .execute(
                r#"const w = document.documentElement.clientWidth, out = [];
                   if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth + ' > ' + w);
                   for (const el of document.querySelectorAll('#app *')) {
                     const r = el.getBoundingClientRect();
                     if (r.width > 0 && r.right > w + 1 && !el.closest('.map-view')) { out.push(el.outerHTML.slice(0, 100)); break; }
                   }
                   return out;"#,
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(found)?)
    }

    /// axe-core (WCAG 2.0–2.2 A/AA) on the page as it is: the violations'
    /// ids and the first element of each.
    pub async fn axe(&self, source: &str) -> Result<Vec<String>> {
        self.client.execute(source, vec![]).await?;
        let found = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa'] }, resultTypes: ['violations'] })
                     .then(r => done(r.violations.map(v => v.id + ': ' + (v.nodes[0] ? v.nodes[0].html.slice(0, 120) : ''))))
                     .catch(e => done(['axe failed: ' + e]));"#,
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(found)?)
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
        match self.client.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css(css)).await {
            Ok(e) => Ok(e),
            Err(e) => Err(self.failed(format!("no element {css:?}: {e}")).await),
        }
    }

    /// Scrolls `el` to the middle of the window, as a person brings what
    /// they are about to use into view (on a phone the bar at the bottom
    /// would otherwise cover a control that WebDriver scrolled just into view).
    async fn bring_into_view(&self, el: &fantoccini::elements::Element) -> Result<()> {
        // Only when its middle is not on view or is covered: otherwise the
        // page stays as it is (a scroll moves what a click aims at).
        self.client
            .execute(
                "const el = arguments[0], r = el.getBoundingClientRect();
                 const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                 if (!(hit && (hit === el || el.contains(hit)))) el.scrollIntoView({ block: 'center', inline: 'nearest' });",
                vec![serde_json::to_value(el)?],
            )
            .await?;
        Ok(())
    }

    /// The first button on view whose text contains `text` (as a person
    /// sees it: the phone's bottom bar, hidden on a wide home screen, is
    /// in the page but not on view).
    pub async fn button(&self, text: &str) -> Result<fantoccini::elements::Element> {
        let xpath = format!("//button[contains(normalize-space(.), '{text}')]");
        // The page says when such a button is on view (a MutationObserver,
        // no polling; WebDriver's script timeout is the deadline), and which.
        const ON_VIEW: &str = "const [xpath, done] = [arguments[0], arguments[arguments.length - 1]];
            const first = () => {
              const r = document.evaluate(xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
              for (let i = 0; i < r.snapshotLength; i++) { if (r.snapshotItem(i).getClientRects().length > 0) return i; }
              return -1;
            };
            let i = first();
            if (i >= 0) { done(i); } else {
              const seen = new MutationObserver(() => { i = first(); if (i >= 0) { seen.disconnect(); done(i); } });
              seen.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            }";
        let at = match self.client.execute_async(ON_VIEW, vec![serde_json::json!(xpath)]).await {
            Ok(i) => i.as_u64().unwrap_or(0) as usize,
            Err(e) => return Err(self.failed(format!("no button {text:?} on view: {e}")).await),
        };
        let all = self.client.find_all(Locator::XPath(&xpath)).await?;
        match all.into_iter().nth(at) {
            Some(b) => Ok(b),
            None => Err(self.failed(format!("the button {text:?} went away")).await),
        }
    }

    /// An error that names what was missing, with the page's text to see why.
    async fn failed(&self, what: String) -> Box<dyn std::error::Error> {
        let _ = self.screenshot("failure").await;
        let page = match self.client.find(Locator::Css("main")).await {
            Ok(m) => m.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        format!("{what}; page: {page:?}").into()
    }

    /// Fills and sends a graffiti report (the category with the shortest
    /// form) from the category list: at `place`, with an optional description.
    pub async fn send_graffiti(&self, place: &str, description: Option<&str>) -> Result<()> {
        self.press("Graffiti").await?;
        self.select("#attr-flaeche", "kasten").await?;
        self.find("#report-place").await?.send_keys(place).await?;
        if let Some(d) = description {
            self.find("#report-description").await?.send_keys(d).await?;
        }
        self.press("Weiter zur Übersicht").await?;
        self.press("Meldung absenden").await?;
        Ok(())
    }

    /// Clicks the first button whose text contains `text`; if the page
    /// re-renders between finding and clicking, tries again (bounded).
    pub async fn press(&self, text: &str) -> Result<()> {
        self.fonts_loaded().await?;
        let mut last = String::new();
        for _ in 0..5 {
            let button = self.button(text).await?;
            self.bring_into_view(&button).await?;
            // As a person waits for the page to settle: a notice or list that
            // arrives a moment later moves the button, and a click at its old
            // place would land on what moved there.
            let mut at = button.rectangle().await.ok();
            for _ in 0..20 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                let now = button.rectangle().await.ok();
                if now == at {
                    break;
                }
                at = now;
            }
            match button.click().await {
                Ok(_) => return Ok(()),
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(self.failed(format!("could not press {text:?}: {last}")).await)
    }

    /// Clicks the element matching `css`, with the same retry as [`Driver::press`].
    pub async fn click(&self, css: &str) -> Result<()> {
        self.fonts_loaded().await?;
        let mut last = String::new();
        for _ in 0..5 {
            let el = self.find(css).await?;
            self.bring_into_view(&el).await?;
            match el.click().await {
                Ok(_) => return Ok(()),
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(self.failed(format!("could not click {css:?}: {last}")).await)
    }

    /// Replaces the text of the input `css` with `text` and checks it took:
    /// the page may re-render between finding the field and typing, so a
    /// stale field or a value the page reset is tried again (bounded).
    pub async fn fill(&self, css: &str, text: &str) -> Result<()> {
        let mut last = String::new();
        for _ in 0..5 {
            let attempt = async {
                let field = self.find(css).await?;
                self.bring_into_view(&field).await?;
                field.clear().await?;
                field.send_keys(text).await?;
                Ok::<_, Box<dyn std::error::Error>>(field.prop("value").await?.unwrap_or_default())
            };
            match attempt.await {
                Ok(v) if v == text => return Ok(()),
                Ok(v) => last = format!("value {v:?}"),
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(self.failed(format!("could not fill {css:?} with {text:?}: {last}")).await)
    }

    /// Chooses `value` in the select `css` and reads it back, so a choice
    /// that did not take fails here, naming the select, and not later at a
    /// button that never comes.
    pub async fn select(&self, css: &str, value: &str) -> Result<()> {
        let el = self.find(css).await?;
        self.bring_into_view(&el).await?;
        el.select_by_value(value).await?;
        let now = self.find(css).await?.prop("value").await?.unwrap_or_default();
        if now == value {
            Ok(())
        } else {
            Err(self.failed(format!("chose {value:?} in {css:?}, but it holds {now:?}")).await)
        }
    }

    /// Presses Tab (as a person at the keyboard) until the focused element
    /// satisfies `ok` (given its text and its id); at most 80 presses.
    pub async fn tab_to(&self, what: &str, ok: impl Fn(&str, &str) -> bool) -> Result<()> {
        let mut seen = Vec::new();
        for _ in 0..80 {
            let el = self.client.active_element().await?;
            let text = el.text().await.unwrap_or_default();
            let id = el.attr("id").await.ok().flatten().unwrap_or_default();
            // The page itself (nothing focused yet) is not a control.
            let control = !matches!(el.tag_name().await.unwrap_or_default().to_lowercase().as_str(), "body" | "html");
            if control && ok(&text, &id) {
                return Ok(());
            }
            seen.push(if id.is_empty() { text.chars().take(30).collect() } else { format!("#{id}") });
            // A key press of the keyboard itself (W3C actions), not keys sent
            // to an element: to a file field, sent keys would be a file name.
            self.keys(TAB).await?;
        }
        Err(self.failed(format!("Tab never reached {what}; focus went through {seen:?}")).await)
    }

    /// Waits until the page's web fonts are in: they arrive after the
    /// first paint (font-display: swap), and the text they reflow moves what
    /// is below it, as a person sees the page settle before pressing. The
    /// browser says when (`document.fonts.ready`); WebDriver's script
    /// timeout is the deadline.
    async fn fonts_loaded(&self) -> Result<()> {
        const READY: &str = "const done = arguments[arguments.length - 1];
            if (document.fonts) { document.fonts.ready.then(() => done(true)); } else { done(true); }";
        match self.client.execute_async(READY, vec![]).await {
            Ok(_) => Ok(()),
            Err(e) => Err(self.failed(format!("the page's fonts never finished loading: {e}")).await),
        }
    }

    /// Types into whatever has the focus (keys such as [`ENTER`] included),
    /// as key presses of the keyboard: no element is held, so a redraw of
    /// the focused one cannot make the typing fail.
    pub async fn keys(&self, keys: &str) -> Result<()> {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let actions = keys.chars().fold(KeyActions::new("keyboard".into()), |a, c| {
            a.then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c })
        });
        self.client.perform_actions(actions).await?;
        Ok(())
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
        Err(self.failed(format!("timed out waiting for {css} to {what}; last text: {last:?}")).await)
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

/// Waits until `ok` holds, asking every 100 ms, at most `within`; the error
/// says what was waited for. The one place tests wait on non-page conditions.
pub async fn poll_until(what: &str, within: Duration, mut ok: impl FnMut() -> bool) -> Result<()> {
    let deadline = Instant::now() + within;
    while !ok() {
        if Instant::now() > deadline {
            return Err(format!("timed out after {within:?} waiting until {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
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

/// A TCP relay in front of the portal that passes everything through until
/// the first POST, then swallows the portal's answer to it: the portal has
/// the report, the app never hears so. This is the moment a crash hurts most,
/// and the relay lets a test kill the app exactly there.
pub struct StallingRelay {
    pub url: String,
    answered: std::sync::Arc<tokio::sync::Notify>,
    _task: tokio::task::JoinHandle<()>,
}

impl StallingRelay {
    pub async fn start(upstream_port: u16) -> Result<StallingRelay> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let answered = std::sync::Arc::new(tokio::sync::Notify::new());
        let notify = answered.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let notify = notify.clone();
                tokio::spawn(async move {
                    let Ok(upstream) = tokio::net::TcpStream::connect(("127.0.0.1", upstream_port)).await else {
                        return;
                    };
                    let (mut cr, mut cw) = client.into_split();
                    let (mut ur, mut uw) = upstream.into_split();
                    let posted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
                    let seen = posted.clone();
                    tokio::spawn(async move {
                        let mut buf = vec![0u8; 64 * 1024];
                        while let Ok(n @ 1..) = cr.read(&mut buf).await {
                            if buf[..n].starts_with(b"POST ") {
                                seen.store(true, std::sync::atomic::Ordering::SeqCst);
                            }
                            if uw.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                        }
                    });
                    let mut buf = vec![0u8; 64 * 1024];
                    while let Ok(n @ 1..) = ur.read(&mut buf).await {
                        if posted.load(std::sync::atomic::Ordering::SeqCst) {
                            // The portal answered the POST: hold it back, keep the connection open.
                            notify.notify_one();
                            std::future::pending::<()>().await;
                        }
                        if cw.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        Ok(StallingRelay { url, answered, _task: task })
    }

    /// Waits until the portal has answered a POST that the app did not get.
    pub async fn until_post_answered(&self, within: Duration) -> Result<()> {
        tokio::time::timeout(within, self.answered.notified())
            .await
            .map_err(|_| format!("no POST reached the portal within {within:?}"))?;
        Ok(())
    }
}

/// The pids of app processes that run on `data_dir` (found through /proc,
/// by binary and environment).
pub fn app_pids(data_dir: &Path) -> Result<Vec<i32>> {
    let want = format!("MUC_DATA_DIR={}", data_dir.display());
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let Ok(entry) = entry else { continue };
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
        // A binary rebuilt while the app runs reads "muenchen-app (deleted)".
        if exe.file_name().and_then(|n| n.to_str()).is_none_or(|n| n.split(' ').next() != Some("muenchen-app")) {
            continue;
        }
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
        if environ.split(|b| *b == 0).any(|kv| kv == want.as_bytes()) {
            pids.push(pid);
        }
    }
    Ok(pids)
}

/// Kills (SIGKILL, no chance to clean up) every app process that runs on
/// `data_dir`; returns how many.
pub async fn kill_app(data_dir: &Path) -> Result<usize> {
    let mut killed = 0;
    for pid in app_pids(data_dir)? {
        let status = Command::new("kill").args(["-KILL", &pid.to_string()]).status()?;
        if status.success() {
            killed += 1;
        }
    }
    // `kill` returns before the process is gone; an app started meanwhile
    // would find the dying one's D-Bus name and end (single instance).
    poll_until("the killed app is gone", Duration::from_secs(20), || app_pids(data_dir).is_ok_and(|p| p.is_empty()))
        .await?;
    Ok(killed)
}

/// Posts a report to the portal as any anonymous GeoReport client would:
/// fetches the proof-of-work challenge, solves it, sends the form with it.
/// Returns the portal's answer.
pub async fn post_report(portal_url: &str, fields: &[(&str, &str)]) -> Result<serde_json::Value> {
    use base64::Engine;
    let c: altcha_lib_rs::Challenge =
        reqwest::get(format!("{portal_url}/open311/v2/challenge.json")).await?.json().await?;
    let number = altcha_lib_rs::solve_challenge(&c.challenge, &c.salt, Some(c.algorithm), Some(c.maxnumber), 0)
        .map_err(|e| e.to_string())?;
    let payload = altcha_lib_rs::Payload {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number,
        salt: c.salt,
        signature: c.signature,
        took: None,
    };
    let solution = base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload)?);
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    form.push(("altcha", &solution));
    Ok(reqwest::Client::new()
        .post(format!("{portal_url}/open311/v2/requests.json"))
        .form(&form)
        .send()
        .await?
        .json()
        .await?)
}

/// How many reports on the portal carry `text` in their description.
pub async fn reports_with(portal_url: &str, text: &str) -> Result<usize> {
    let all: Vec<serde_json::Value> =
        reqwest::get(format!("{portal_url}/open311/v2/requests.json?page_size=100")).await?.json().await?;
    Ok(all.iter().filter(|r| r["description"].as_str().is_some_and(|d| d.contains(text))).count())
}

/// Waits until the portal holds at least one report carrying `text` (asking
/// every 100 ms, at most `within`); returns how many it holds then.
pub async fn report_arrives(portal_url: &str, text: &str, within: Duration) -> Result<usize> {
    let deadline = Instant::now() + within;
    loop {
        let n = reports_with(portal_url, text).await?;
        if n > 0 {
            return Ok(n);
        }
        if Instant::now() > deadline {
            return Err(format!("no report with {text:?} arrived within {within:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every file under `dir`, as paths relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if let Ok(rel) = p.strip_prefix(base) {
                out.push(rel.to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Whether any file under `dir` contains `needle`.
pub fn files_contain(dir: &Path, needle: &[u8]) -> bool {
    files_under(dir)
        .iter()
        .any(|f| std::fs::read(dir.join(f)).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle)))
}

/// A map tile server on loopback: answers every `GET /{z}/{x}/{y}.png` with
/// the same small PNG and counts the requests (no internet needed).
pub struct TileServer {
    pub url_template: String,
    requests: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    _task: tokio::task::JoinHandle<()>,
}

impl TileServer {
    pub async fn start() -> Result<TileServer> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        const TILE: &[u8] = include_bytes!("../fixtures/tile.png");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url_template = format!("http://{}/{{z}}/{{x}}/{{y}}.png", listener.local_addr()?);
        let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = requests.clone();
        let task = tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                let count = count.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 8192];
                    // One request per connection: answer, then close.
                    if let Ok(n @ 1..) = s.read(&mut buf).await {
                        if buf[..n].starts_with(b"GET /") {
                            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            TILE.len()
                        );
                        let _ = s.write_all(head.as_bytes()).await;
                        let _ = s.write_all(TILE).await;
                    }
                });
            }
        });
        Ok(TileServer { url_template, requests, _task: task })
    }

    pub fn requests(&self) -> usize {
        self.requests.load(std::sync::atomic::Ordering::SeqCst)
    }
}
