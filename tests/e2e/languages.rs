//! The app speaks the system's language, lets the person choose another in
//! the header (the choice holds when the start module hands over to the
//! whole frontend), and remembers the choice across restarts. Screenshots of the
//! home screen in Arabic (right to left), Leichte Sprache and German.

use muc_e2e::{Driver, Portal, Result};

async fn dir(app: &Driver) -> Result<String> {
    Ok(app.find("html").await?.attr("dir").await?.unwrap_or_default())
}

/// Which of the frontend's two modules draws the page (`main.js` says).
async fn frontend(app: &Driver) -> Result<String> {
    Ok(app.find("html").await?.attr("data-frontend").await?.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_system_language_is_followed_and_a_choice_is_remembered() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data_dir = tmp.path().join("app-data");
    let env = [
        ("MUC_PORTAL_URL", portal.url.as_str()),
        ("MUC_DATA_DIR", data_dir.to_str().ok_or("path")?),
        // A desktop set to Arabic first, then German.
        ("LANGUAGE", "ar:de"),
    ];

    let app = Driver::launch(&env).await?;
    app.text_until("h1", "greet in Arabic", |t| t.contains("مرحباً بك في تطبيق ميونخ")).await?;
    assert_eq!(dir(&app).await?, "rtl");
    app.screenshot("languages-01-home-arabic").await?;

    // Home is drawn by the start module; opening an area hands over to the
    // whole frontend, which keeps the language chosen on home and, as any
    // navigation, puts focus on the area's heading.
    assert_eq!(frontend(&app).await?, "start");
    app.select("#lang-choice", "en").await?;
    app.text_until("h1", "greet in English", |t| t.contains("Welcome to the Munich app")).await?;
    app.click(".tiles li:first-child button").await?;
    app.text_until("h1", "open the Wi-Fi area in English", |t| t == "Find free Wi-Fi").await?;
    assert_eq!(frontend(&app).await?, "whole");
    let focused = app.client.execute("return document.activeElement.className;", vec![]).await?;
    assert_eq!(focused.as_str(), Some("page-title"), "focus on the heading after the hand-over");
    assert_eq!(dir(&app).await?, "ltr");

    // Leichte Sprache, chosen on another screen than home.
    app.select("#lang-choice", "de-x-ls").await?;
    app.text_until("main", "speak Leichte Sprache", |t| {
        t.contains("Hier finden Sie freies Internet") || t.contains("M-WLAN ist freies Internet")
    })
    .await?;
    assert_eq!(dir(&app).await?, "ltr");
    app.press("Start·seite").await?;
    app.text_until("main", "show home in Leichte Sprache", |t| {
        t.contains("Hier finden Sie Angebote von der Stadt München")
    })
    .await?;
    app.screenshot("languages-02-home-leichte-sprache").await?;
    app.close().await?;

    // Started again, on a desktop still set to Arabic: the choice holds.
    let app = Driver::launch(&env).await?;
    app.text_until("main", "remember Leichte Sprache", |t| {
        t.contains("Hier finden Sie Angebote von der Stadt München")
    })
    .await?;
    app.select("#lang-choice", "de").await?;
    app.text_until("main", "speak German", |t| t.contains("Dienste der Landeshauptstadt München")).await?;
    app.screenshot("languages-03-home-german").await?;
    app.close().await?;
    Ok(())
}
