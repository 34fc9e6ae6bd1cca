//! Nothing is lost, through the real app: a report written while the portal
//! is down survives closing the app and arrives once when both are back; a
//! report whose send is cut off by killing the app (after the portal stored
//! it, before the app heard so) is still stored exactly once.

use std::time::Duration;

use muc_e2e::{free_port, kill_app, poll_until, reports_with, Driver, Portal, Result, StallingRelay};

/// Whether a saved draft in the app's data folder contains `text`.
fn drafts_contain(data: &std::path::Path, text: &str) -> bool {
    std::fs::read_dir(data.join("drafts")).into_iter().flatten().flatten().any(|e| {
        e.file_name().to_string_lossy().ends_with(".json")
            && std::fs::read_to_string(e.path()).is_ok_and(|s| s.contains(text))
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn reports_survive_restarts_and_a_kill_mid_send() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("portal.db");
    let data = tmp.path().join("app-data");
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");

    // The categories are fetched once while the portal is up, then it goes away.
    let mut portal = Portal::start_on(&db, port)?;
    let app = Driver::app_on(&url, &data).await?;
    app.press("Anliegen melden").await?;
    app.button("Graffiti").await?;
    portal.stop();
    app.send_graffiti("Odeonsplatz", Some("Erste Meldung, offline geschrieben.")).await?;
    app.text_until("#my-reports", "show it waiting", |t| t.contains("Wartet auf Versand")).await?;
    app.close().await?;

    // Portal back, app started again: the report goes out, once.
    let _portal = Portal::start_on(&db, port)?;
    let app = Driver::app_on(&url, &data).await?;
    app.press("Anliegen melden").await?;
    app.press("Meine Meldungen").await?;
    let mine = app
        .text_until("#my-reports", "show it received", |t| t.contains("Eingegangen") && !t.contains("Wartet"))
        .await?;
    assert_eq!(mine.matches("MUC-").count(), 1, "{mine}");
    app.screenshot("outbox-01-sent-after-restart").await?;
    app.close().await?;
    assert_eq!(reports_with(&url, "Erste Meldung").await?, 1);

    // Now the send is cut off: the portal stores the report, its answer never
    // reaches the app, and the app is killed while it waits.
    let relay = StallingRelay::start(port).await?;
    let app = Driver::app_on(&relay.url, &data).await?;
    app.press("Anliegen melden").await?;
    app.send_graffiti("Sendlinger Tor", Some("Zweite Meldung, Senden abgebrochen.")).await?;
    relay.until_post_answered(Duration::from_secs(30)).await?;
    assert_eq!(reports_with(&url, "Zweite Meldung").await?, 1, "the portal has it");
    assert!(kill_app(&data).await? >= 1, "the app process was found and killed");
    drop(app);

    // Started again, the app sends it again with the same key: still one.
    let app = Driver::app_on(&url, &data).await?;
    app.press("Anliegen melden").await?;
    app.press("Meine Meldungen").await?;
    let mine = app
        .text_until("#my-reports", "show both received", |t| t.matches("MUC-").count() == 2 && !t.contains("Wartet"))
        .await?;
    app.screenshot("outbox-02-after-kill-mid-send").await?;
    assert_eq!(reports_with(&url, "Zweite Meldung").await?, 1, "exactly once after the kill: {mine}");
    assert_eq!(reports_with(&url, "Erste Meldung").await?, 1);

    // A draft survives a kill: begun, killed a moment later, resumed, sent.
    app.press("Neue Meldung").await?;
    app.press("Graffiti").await?;
    app.select("#attr-flaeche", "kasten").await?;
    app.find("#report-place").await?.send_keys("Odeonsplatz").await?;
    app.find("#report-description").await?.send_keys("Dritte Meldung, als Entwurf begonnen.").await?;
    // Killed as soon as the autosave (0.7 s after the last change) has written the draft.
    poll_until("the draft is saved", Duration::from_secs(20), || drafts_contain(&data, "Dritte Meldung")).await?;
    assert!(kill_app(&data).await? >= 1, "the app process was found and killed");
    drop(app);
    let app = Driver::app_on(&url, &data).await?;
    app.press("Anliegen melden").await?;
    app.text_until("#drafts", "list the draft", |t| t.contains("Graffiti") && t.contains("Dritte Meldung")).await?;
    app.screenshot("outbox-03-draft-after-kill").await?;
    app.press("Fortsetzen").await?;
    app.press("Weiter zur Übersicht").await?;
    let review = app.text_until("#review", "show the resumed draft", |t| t.contains("Dritte Meldung")).await?;
    assert!(review.contains("Odeonsplatz"), "{review}");
    app.press("Meldung absenden").await?;
    app.text_until("#my-reports", "show three received", |t| t.matches("MUC-").count() == 3 && !t.contains("Wartet"))
        .await?;
    assert_eq!(reports_with(&url, "Dritte Meldung").await?, 1);
    app.press("Neue Meldung").await?;
    app.button("Graffiti").await?;
    assert!(app.texts("#drafts li").await?.is_empty(), "the sent draft is gone");
    app.close().await?;
    Ok(())
}

/// Found in review: a second launch on the same data folder started a second
/// app with a second outbox sender. Now it hands over to the first and ends.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_on_the_same_data_hands_over_to_the_first() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data = tmp.path().join("app-data");
    let data_s = data.to_str().ok_or("path")?;
    let app = Driver::app_on(&portal.url, &data).await?;
    app.text_until("h1", "show the home screen", |t| t.contains("Willkommen")).await?;
    assert_eq!(muc_e2e::app_pids(&data)?.len(), 1);

    let mut second = muc_e2e::Proc(
        std::process::Command::new(muc_e2e::bin_dir().join("muenchen-app"))
            .env("MUC_PORTAL_URL", &portal.url)
            .env("MUC_DATA_DIR", data_s)
            .spawn()?,
    );
    let mut status = None;
    poll_until("the second launch ends by itself", Duration::from_secs(20), || {
        status = second.0.try_wait().ok().flatten();
        status.is_some()
    })
    .await?;
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
    assert_eq!(muc_e2e::app_pids(&data)?.len(), 1, "one app on this data folder");
    app.press("Anliegen melden").await?;
    app.button("Graffiti").await?;
    app.close().await?;
    Ok(())
}
