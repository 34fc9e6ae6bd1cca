//! Signing in through the real app with a real OpenID provider: the
//! provider's page opens in the system browser (recorded here, then played by
//! the test as a browser would), the tokens go to the real OS keyring (never
//! to a file), a report sent signed in belongs to the account and shows on a
//! "new device" after signing in there; signing out works.

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
    app.press("Persönlicher Bereich").await?;
    app.screenshot("login-01-signed-out").await?;
    sign_in_through_the_app(&app, &opened, "anna").await?;
    app.text_until("#session-name", "name who is signed in", |t| t.contains("Anna")).await?;
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

    // A new device: nothing on it, until Anna signs in.
    let laptop = tmp.path().join("laptop");
    let e = env(&laptop);
    let app = Driver::launch(&e.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()).await?;
    app.press("Persönlicher Bereich").await?;
    sign_in_through_the_app(&app, &opened, "anna").await?;
    app.press("Meine Meldungen").await?;
    let mine = app.text_until("#my-reports", "show the account's report", |t| t.contains("Aus Ihrem Konto")).await?;
    assert!(mine.contains("Eingegangen"), "{mine}");
    app.screenshot("login-03-reports-of-the-account").await?;
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    app.press("Abmelden").await?;
    app.button("Im Browser anmelden").await?;
    app.close().await?;
    Ok(())
}
