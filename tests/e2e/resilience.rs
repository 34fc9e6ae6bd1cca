//! The page's process dies under the app (a crash in WebKit or GLib, the
//! out-of-memory killer): the app loads the page again, and what the person
//! kept in the shell is still there.

use std::process::Command;
use std::time::Duration;

use muc_e2e::{app_pids, poll_until, Driver, Portal, Result};

/// The WebKit web processes whose parent is `pid` (from /proc).
fn web_processes_of(pid: i32) -> Vec<i32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(child) = entry.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
        let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).unwrap_or_default();
        // "PID (COMM) STATE PPID …"; COMM is cut to 15 bytes.
        let Some((comm, rest)) = stat.split_once(") ").map(|(a, b)| (a.split_once(" (").map_or("", |x| x.1), b)) else {
            continue;
        };
        let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse::<i32>().ok());
        if comm.starts_with("WebKitWebProces") && ppid == Some(pid) && !rest.starts_with('Z') {
            out.push(child);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_whose_process_dies_is_loaded_again() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data = tmp.path().join("app-data");
    let app = Driver::app_on(&portal.url, &data).await?;
    app.text_until("h1", "show the home screen", |t| t.contains("Willkommen")).await?;
    // Something the person keeps: a favourite capacity finder.
    app.press("Kapazitätsfinder").await?;
    app.click("#finder-list li:first-child button[aria-pressed='false']").await?;
    app.text_until("#favourites", "show the favourite", |t| t.contains("Hebammensuche")).await?;

    let pids = app_pids(&data)?;
    let app_pid = *pids.first().ok_or("the app's process")?;
    let before = web_processes_of(app_pid);
    assert!(!before.is_empty(), "the app runs its page in a web process of its own");
    for pid in &before {
        Command::new("kill").args(["-KILL", &pid.to_string()]).status()?;
    }
    // A new page process, and the page in it.
    poll_until("a new web process", Duration::from_secs(20), || {
        web_processes_of(app_pid).iter().any(|p| !before.contains(p))
    })
    .await?;
    // WebDriver ends its session when the page crashes (as the standard says),
    // so the screen itself is looked at: a blank window is one colour.
    poll_until("the page on screen again", Duration::from_secs(30), || screen_variation().is_some_and(|v| v > 0.05))
        .await?;
    assert!(data.join("favourites.json").exists(), "what the person kept is still there");
    // The WebDriver session is gone with the crash: end the app by hand.
    drop(app);
    muc_e2e::kill_app(&data).await?;
    Ok(())
}

/// How much the pixels in the middle of the screen vary (ImageMagick's standard deviation,
/// 0 for one colour); None if no screenshot could be taken.
fn screen_variation() -> Option<f64> {
    let shot = Command::new("import").args(["-window", "root", "png:-"]).output().ok()?;
    let mut convert = Command::new("convert")
        // A region inside the 1024 × 768 window wherever it is placed on the
        // 1280 × 900 screen: the page, not the border around the window.
        .args(["png:-", "-crop", "500x300+250+200", "+repage", "-colorspace", "Gray"])
        .args(["-format", "%[fx:standard_deviation]", "info:"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    std::io::Write::write_all(&mut convert.stdin.take()?, &shot.stdout).ok()?;
    String::from_utf8(convert.wait_with_output().ok()?.stdout).ok()?.trim().parse().ok()
}
