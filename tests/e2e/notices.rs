//! Notifications through the real app: an operator marks a report fixed on
//! the portal's command line; the portal writes a notification for the
//! device the report came from, its stream carries it to the running app,
//! the desktop's notification service gets it (watched on the session bus,
//! with dunst answering), clicking it (dunst's default action) opens the
//! report's screen, and the inbox lists it. Closed, the app misses nothing:
//! at its next start it catches up with one summary.

use std::process::{Command, Stdio};
use std::time::Duration;

use muc_e2e::{Driver, Portal, Proc, Result};

fn notify_log(log: &std::path::Path) -> String {
    std::fs::read_to_string(log).unwrap_or_default()
}

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
    let env = [("MUC_PORTAL_URL", portal.url.as_str()), ("MUC_DATA_DIR", data.to_str().ok_or("path")?)];
    let app = Driver::launch(&env).await?;
    app.press("Anliegen melden").await?;
    app.send_graffiti("Odeonsplatz", None).await?;
    let mine = app.text_until("#my-reports", "list it received", |t| t.contains("Eingegangen")).await?;
    let at = mine.find("MUC-").ok_or("a reference")?;
    let id: String = mine[at..].chars().take(14).collect();
    app.press("Startseite").await?;

    // No polling: the portal pushes (the command line's change is found by
    // the running portal within its 5 s look, then streamed at once).
    Portal::cli(&db, &["requests", "set-status", &id, "fixed", "--note", "Übermalt."])?;
    muc_e2e::poll_until("the desktop is told", Duration::from_secs(30), || notify_log(&log).contains("Erledigt"))
        .await?;
    let seen = notify_log(&log);
    assert!(seen.contains("Graffiti: Erledigt") && seen.contains(&format!("{id} – Übermalt.")), "{seen}");
    assert!(seen.contains("\"default\""), "a notification one can click: {seen}");

    // A click on it (dunst's default action) brings the report's screen.
    let clicked = Command::new("dunstctl").arg("action").status().map_err(|e| format!("dunstctl: {e}"))?;
    assert!(clicked.success(), "dunstctl action");
    app.text_until("#my-reports", "open the report's screen", |t| t.contains(&id)).await?;

    app.press("Startseite").await?;
    app.press("Benachrichtigungen").await?;
    let inbox = app.text_until("#notices", "list the notice", |t| t.contains("Erledigt")).await?;
    assert!(inbox.contains("Übermalt.") && inbox.contains(&id), "{inbox}");
    app.text_until("#notices-count", "count it as new", |t| t.starts_with("1 neue")).await?;
    app.screenshot("notices-01-fixed").await?;
    app.press("Alle als gelesen markieren").await?;
    app.text_until("#notices-count", "count none new", |t| t.starts_with("Keine neuen")).await?;
    app.close().await?;

    // Closed: two come meanwhile. At the next start, one summary.
    let device = std::fs::read_to_string(data.join("device-id"))?;
    Portal::cli(&db, &["requests", "set-status", &id, "closed", "--note", "Abgeschlossen."])?;
    Portal::cli(&db, &["notify", "--topic", "report_status", "--device", device.trim(), "Danke für Ihre Meldung"])?;
    let app = Driver::launch(&env).await?;
    muc_e2e::poll_until("one summary on the desktop", Duration::from_secs(30), || {
        notify_log(&log).contains("2 neue Benachrichtigungen")
    })
    .await?;
    let _ = monitor.0.kill();
    let seen = notify_log(&log);
    assert_eq!(seen.matches("member=Notify").count(), 2, "one at the change, one summary at the start: {seen}");
    app.press("Benachrichtigungen").await?;
    app.text_until("#notices-count", "count the two as new", |t| t.starts_with("2 neue")).await?;
    let inbox = app.text_until("#notices", "list all three", |t| t.contains("Danke für Ihre Meldung")).await?;
    assert!(inbox.contains("Abgeschlossen.") && inbox.contains("Übermalt."), "{inbox}");
    app.close().await?;
    Ok(())
}
