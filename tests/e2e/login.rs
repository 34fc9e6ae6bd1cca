//! Signing in through the real app with a real OpenID provider: the
//! provider's page opens in the system browser (recorded here, then played by
//! the test as a browser would), the tokens go to the real OS keyring (never
//! to a file), a report sent signed in belongs to the account and shows on a
//! "new device" after signing in there, and so do the favourites marked on
//! either device before signing in; signing out works.

use std::time::Duration;

use muc_e2e::{files_contain, wait_for_file, Driver, Portal, RecordingOpener, Result};
use muc_test_op::{sign_in, TestOp};

async fn sign_in_through_the_app(app: &Driver, opened: &std::path::Path, user: &str) -> Result<()> {
    let _ = std::fs::remove_file(opened);
    app.press("Im Browser anmelden").await?;
    app.text_until("#signin-waiting", "wait for the browser", |t| t.contains("wartet")).await?;
    let url = wait_for_file(opened, Duration::from_secs(20))?;
    let back = sign_in(&url, user).await.map_err(|e| e.to_string())?;
    // The browser arrives at the app's loopback listener.
    let page = reqwest::get(&back).await?.text().await?;
    assert!(page.contains("Sie sind angemeldet"), "{page}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_report_for_the_account_and_sign_out() -> Result<()> {
    let op = TestOp::start(300).map_err(|e| e.to_string())?;
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start_with(&tmp.path().join("portal.db"), 0, &[("MUC_OIDC_ISSUER", op.issuer.as_str())])?;
    let opened = tmp.path().join("opened-url");
    let xdg = RecordingOpener::install(tmp.path(), &opened)?;
    let phone = tmp.path().join("phone");
    let env = |data: &std::path::Path| {
        vec![
            ("MUC_PORTAL_URL".to_string(), portal.url.clone()),
            ("MUC_DATA_DIR".to_string(), data.to_string_lossy().into_owned()),
            ("MUC_OIDC_ISSUER".to_string(), op.issuer.clone()),
            ("XDG_CONFIG_HOME".to_string(), xdg.config_home.clone()),
            ("XDG_DATA_HOME".to_string(), xdg.data_home.clone()),
        ]
    };
    let e = env(&phone);
    let app = Driver::launch(&e.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()).await?;
    // A favourite marked on the phone before signing in.
    app.press("Kapazitätsfinder").await?;
    let finder = app.text_until("#finder-list li:first-child h3", "list the finders", |t| !t.is_empty()).await?;
    app.click("#finder-list li:first-child button[aria-pressed='false']").await?;
    app.text_until("#favourites", "show the favourite", |t| t.contains(&finder)).await?;
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    app.text_until("#favourites-sync", "say where favourites are", |t| t.contains("Nur auf diesem Gerät")).await?;
    app.screenshot("login-01-signed-out").await?;
    sign_in_through_the_app(&app, &opened, "anna").await?;
    app.text_until("#session-name", "name who is signed in", |t| t.contains("Anna")).await?;
    app.text_until("#favourites-sync", "join the favourites", |t| t.contains("Mit Ihrem Konto abgeglichen")).await?;
    app.text_until("#personal-favourites", "keep the phone's favourite", |t| t.contains(&finder)).await?;
    app.screenshot("login-02-signed-in").await?;

    // A report written signed in.
    app.press("Startseite").await?;
    app.press("Anliegen melden").await?;
    app.send_graffiti("Odeonsplatz", Some("Angemeldet gemeldet.")).await?;
    app.text_until("#my-reports", "list it received", |t| t.contains("Eingegangen")).await?;
    // Tokens are in the keyring, not in the app's files (a JWT starts with "eyJ").
    assert!(!files_contain(&phone, b"eyJ"), "no token in the app's data folder");

    // Sign out.
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    app.press("Abmelden").await?;
    app.button("Im Browser anmelden").await?;
    app.close().await?;

    // A new device: nothing on it, until Anna signs in; a hotspot she
    // marks there first joins the favourites from the phone.
    let laptop = tmp.path().join("laptop");
    let e = env(&laptop);
    let app = Driver::launch(&e.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()).await?;
    app.press("Freies WLAN").await?;
    app.text_until("#list-heading", "list the sites", |t| t.starts_with("138 Standorte")).await?;
    app.click("#site-list li:first-child button").await?;
    let site = app.text_until("h1.page-title", "show the site", |t| !t.is_empty()).await?;
    app.click("#site-favourite").await?;
    app.text_until("#site-favourite", "mark the site", |t| t.contains("★ Favorit")).await?;
    // And pins a whole area from the header.
    app.press("Startseite").await?;
    app.press("Benachrichtigungen").await?;
    app.press("Bereich merken").await?;
    app.text_until("#pin-screen", "pin the area", |t| t.contains("★")).await?;
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    sign_in_through_the_app(&app, &opened, "anna").await?;
    let favourites = app
        .text_until("#personal-favourites", "join both devices' favourites", |t| {
            t.contains(&finder) && t.contains(&site) && t.contains("Bereich: Benachrichtigungen")
        })
        .await?;
    assert!(favourites.contains("WLAN-Standort") && favourites.contains("Kapazitätsfinder"), "{favourites}");
    app.text_until("#favourites-sync", "say they are the account's", |t| t.contains("abgeglichen")).await?;
    app.screenshot("login-03-favourites-of-the-account").await?;
    // The pinned area opens from there.
    app.click("#personal-favourites li:last-child button.link-button").await?;
    app.text_until("h1", "open the pinned area", |t| t.contains("Benachrichtigungen")).await?;
    app.text_until("#pin-screen", "show it pinned", |t| t.contains("★")).await?;
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    app.press("Meine Meldungen").await?;
    let mine = app.text_until("#my-reports", "show the account's report", |t| t.contains("Aus Ihrem Konto")).await?;
    assert!(mine.contains("Eingegangen"), "{mine}");
    app.screenshot("login-03-reports-of-the-account-too").await?;
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    app.press("Abmelden").await?;
    app.button("Im Browser anmelden").await?;
    app.close().await?;
    Ok(())
}

/// The personal area's trust levels, end to end: Bert signs in (level 1,
/// as the page says), asks for his data, is told it needs level 3 and offered
/// that sign-in; the provider's page opens asking for level 3, he signs in
/// with his ELSTER certificate (the test provider's bert reaches level 3), and
/// the file is saved in his downloads folder without pressing again. Then
/// he deletes his account, and the app is signed out.
#[tokio::test(flavor = "multi_thread")]
async fn a_higher_level_for_my_data_is_a_new_sign_in() -> Result<()> {
    let op = TestOp::start(300).map_err(|e| e.to_string())?;
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start_with(
        &tmp.path().join("portal.db"),
        0,
        &[
            ("MUC_OIDC_ISSUER", op.issuer.as_str()),
            ("MUC_OIDC_NAME", "BayernID"),
            ("MUC_OIDC_LEVELS", "level1,level3,level4"),
        ],
    )?;
    let opened = tmp.path().join("opened-url");
    let xdg = RecordingOpener::install(tmp.path(), &opened)?;
    let downloads = tmp.path().join("Downloads");
    std::fs::write(
        std::path::Path::new(&xdg.config_home).join("user-dirs.dirs"),
        format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display()),
    )?;
    let data = tmp.path().join("data");
    let env = [
        ("MUC_PORTAL_URL", portal.url.as_str()),
        ("MUC_DATA_DIR", data.to_str().unwrap_or_default()),
        ("MUC_OIDC_ISSUER", op.issuer.as_str()),
        ("XDG_CONFIG_HOME", xdg.config_home.as_str()),
        ("XDG_DATA_HOME", xdg.data_home.as_str()),
    ];
    let app = Driver::launch(&env).await?;
    app.press("Persönlicher Bereich").await?;
    app.text_until("#signin-levels", "name the provider's levels", |t| t.contains("BayernID") && t.contains("Stufe 4"))
        .await?;
    sign_in_through_the_app(&app, &opened, "bert").await?;
    app.text_until("#session-level", "show the level", |t| t.contains("Stufe 1: Benutzername und Passwort")).await?;
    // The profile loads after the sign-in and moves the page: pressed before
    // it is there, a click can land on what moved under the pointer.
    app.text_until("#profile-form", "show the profile form", |t| t.contains("Profil speichern")).await?;
    app.press("Meine Daten herunterladen").await?;
    app.text_until("#level-needed", "name the level needed", |t| t.contains("Stufe 3, substantiell")).await?;
    app.screenshot("login-04-level-needed").await?;
    assert!(!downloads.exists(), "nothing saved below the level");

    let _ = std::fs::remove_file(&opened);
    app.press("Erneut anmelden, höhere Stufe").await?;
    let url = wait_for_file(&opened, Duration::from_secs(20))?;
    let asked: Vec<(String, String)> = url::Url::parse(&url)?.query_pairs().into_owned().collect();
    let scope = asked.iter().find(|(k, _)| k == "scope").map(|(_, v)| v.clone()).unwrap_or_default();
    assert!(scope.split(' ').any(|s| s == "level3"), "asks for level 3: {scope}");
    assert!(asked.iter().any(|(k, v)| k == "prompt" && v == "login"), "a new sign-in: {url}");
    let back = sign_in(&url, "bert").await.map_err(|e| e.to_string())?;
    reqwest::get(&back).await?.text().await?;
    let done = app.text_until("#export-done", "save the file", |t| t.contains("meine-daten-muenchen-")).await?;
    app.text_until("#session-level", "show the new level", |t| t.contains("Stufe 3")).await?;
    app.screenshot("login-05-my-data-saved").await?;
    let saved: Vec<_> = std::fs::read_dir(&downloads)?.flatten().map(|e| e.path()).collect();
    assert_eq!(saved.len(), 1, "{done}: {saved:?}");
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved[0])?)?;
    assert_eq!(file["account_id"], "bert", "{file}");

    // Deleting the account (level 3 reached): asked once more, then done,
    // and this device is signed out.
    app.press("Konto löschen …").await?;
    app.press("Ja, Konto löschen").await?;
    app.text_until("#account-deleted", "say the account is gone", |t| t.contains("abgemeldet")).await?;
    app.button("Im Browser anmelden").await?;
    app.screenshot("login-06-account-deleted").await?;
    app.close().await?;
    Ok(())
}
