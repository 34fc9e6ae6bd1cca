//! Kiosk mode on a shared device, through the real app: the window fills the
//! screen, nothing opens outside the app, and a session nobody answers ends
//! with a warning first and takes what it left (a draft) with it.

use muc_e2e::{Driver, Portal, Result};

#[tokio::test(flavor = "multi_thread")]
async fn a_session_on_a_shared_device_ends_and_leaves_nothing() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data = tmp.path().join("app-data");
    let app = Driver::launch(&[
        ("MUC_PORTAL_URL", portal.url.as_str()),
        ("MUC_DATA_DIR", data.to_str().ok_or("path")?),
        ("MUC_KIOSK", "1"),
        ("MUC_KIOSK_IDLE", "8"),
    ])
    .await?;
    app.find("#end-session").await?;
    // The whole screen (Xvfb's is 1280 × 900), no window frame.
    app.text_until("h1", "show the home screen", |t| t.contains("Willkommen")).await?;
    let rect = app.client.get_window_rect().await?;
    assert!(rect.2 >= 1200 && rect.3 >= 850, "full screen: {rect:?}");

    // Nothing opens outside the app.
    app.press("Kapazitätsfinder").await?;
    app.click("#finder-list li:first-child button").await?;
    app.text_until("main", "say it is not for a shared device", |t| t.contains("öffentlichen Gerät")).await?;

    // A draft, then nobody answers.
    app.press("Startseite").await?;
    app.press("Anliegen melden").await?;
    app.press("Graffiti").await?;
    app.find("#report-place").await?.send_keys("Odeonsplatz").await?;
    app.find("#report-description").await?.send_keys("Im Bürger-Lab begonnen.").await?;
    app.press("Andere Kategorie").await?;
    app.text_until("#drafts", "keep the draft for now", |t| t.contains("Im Bürger-Lab begonnen.")).await?;
    assert!(data.join("drafts").exists());
    app.text_until("[role=alertdialog]", "warn first", |t| t.contains("Sind Sie noch da?")).await?;
    app.screenshot("kiosk-01-warning").await?;
    // The session ends; the app starts afresh on the home screen.
    app.text_until("h1", "start afresh", |t| t.contains("Willkommen")).await?;
    assert!(!data.join("drafts").exists(), "the draft left with the session");
    app.press("Anliegen melden").await?;
    app.button("Graffiti").await?;
    assert!(app.texts("#drafts li").await?.is_empty(), "the next person sees no draft");
    app.client.clone().close().await?;
    Ok(())
}
