//! News of a report, through the real app: an operator marks it fixed, the
//! app's background check notices, the desktop's notification service gets a
//! notification (watched on the session bus, with dunst answering), and the
//! app's inbox lists it.

use std::process::{Command, Stdio};
use std::time::Duration;

use muc_e2e::{Driver, Portal, Proc, Result};

#[tokio::test(flavor = "multi_thread")]
async fn a_fixed_report_is_notified() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("portal.db");
    let portal = Portal::start(&db)?;
    let data = tmp.path().join("app-data");
    // Every Notify call on this session bus, as text.
    let log = tmp.path().join("notify.log");
    let mut monitor = Proc(
        Command::new("dbus-monitor")
            .args(["--session", "interface='org.freedesktop.Notifications',member='Notify'"])
            .stdout(std::fs::File::create(&log)?)
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("dbus-monitor: {e}"))?,
    );
    let app = Driver::launch(&[
        ("MUC_PORTAL_URL", portal.url.as_str()),
        ("MUC_DATA_DIR", data.to_str().ok_or("path")?),
        ("MUC_NOTICE_INTERVAL", "1"),
    ])
    .await?;
    app.press("Anliegen melden").await?;
    app.send_graffiti("Odeonsplatz", None).await?;
    let mine = app.text_until("#my-reports", "list it received", |t| t.contains("Eingegangen")).await?;
    let at = mine.find("MUC-").ok_or("a reference")?;
    let id: String = mine[at..].chars().take(14).collect();

    Portal::cli(&db, &["requests", "set-status", &id, "fixed", "--note", "Übermalt."])?;
    let notified = || std::fs::read_to_string(&log).is_ok_and(|s| s.contains("Erledigt"));
    muc_e2e::poll_until("the desktop is told", Duration::from_secs(20), notified).await?;
    let seen = std::fs::read_to_string(&log)?;
    assert!(seen.contains("Graffiti: Erledigt") && seen.contains(&id), "the desktop was told: {seen}");
    let _ = monitor.0.kill();

    app.press("Startseite").await?;
    app.press("Benachrichtigungen").await?;
    let inbox = app.text_until("#notices", "list the notice", |t| t.contains("Erledigt")).await?;
    assert!(inbox.contains("Übermalt.") && inbox.contains(&id), "{inbox}");
    app.text_until("#notices-count", "count it as new", |t| t.starts_with("1 neue")).await?;
    app.screenshot("notices-01-fixed").await?;
    app.press("Alle als gelesen markieren").await?;
    app.text_until("#notices-count", "count none new", |t| t.starts_with("Keine neuen")).await?;
    app.close().await?;
    Ok(())
}
