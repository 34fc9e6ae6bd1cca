//! The package as a citizen gets it: the `.deb` that `./x deb` builds
//! (`./x test e2e` builds one from the test build and names it in
//! MUC_E2E_DEB), unpacked into a scratch root and started the way an
//! installed app starts: no portal address from outside, an empty data folder.

use std::path::PathBuf;
use std::process::Command;

use muc_e2e::{Driver, Result};
use muc_wire::open_data::OpenData;

#[tokio::test(flavor = "multi_thread")]
async fn the_installed_app_works_on_its_first_start_without_a_portal() -> Result<()> {
    let deb = PathBuf::from(
        std::env::var_os("MUC_E2E_DEB").ok_or("MUC_E2E_DEB names the package to test: `./x test e2e` builds it")?,
    );
    // Beside it, what it is made of (CycloneDX), for the city's supply-chain checks.
    let sbom: serde_json::Value = serde_json::from_slice(&std::fs::read(deb.with_extension("cdx.json"))?)?;
    assert_eq!(sbom["bomFormat"], "CycloneDX");
    let parts = sbom["components"].as_array().ok_or("components")?;
    assert!(
        parts.iter().any(|c| c["name"] == "tauri") && parts.iter().any(|c| c["name"] == "keyring"),
        "the app's crates"
    );

    let tmp = tempfile::tempdir()?;
    let root = tmp.path().join("root");
    let unpacked = Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root).status()?;
    assert!(unpacked.success(), "dpkg-deb -x {}", deb.display());
    let app = root.join("usr/bin/muenchen-app");
    let packaged: OpenData =
        serde_json::from_slice(&std::fs::read(root.join("usr/share/muenchen-app/open-data.json"))?)?;
    // Its date as the app shows it (de-DE, medium): "02.12.2026".
    let date = muc_wire::time::rfc3339(packaged.made_at);
    let day = format!("{}.{}.{}", &date[8..10], &date[5..7], &date[0..4]);

    // The package's portal (set when it was built) does not answer here.
    let data = tmp.path().join("app-data");
    let app = Driver::launch_app(&app, &[("MUC_DATA_DIR", data.to_str().ok_or("path")?)]).await?;
    app.text_until("h1", "show the home screen", |t| t.contains("Willkommen")).await?;

    app.press("Freies WLAN").await?;
    app.text_until("#list-heading", "list the packaged sites", |t| {
        t.starts_with(&format!("{} Standorte", packaged.sites.len()))
    })
    .await?;
    let notice = app.text_until("#offline-notice", "say where the data is from", |t| t.contains("Offline")).await?;
    assert!(notice.contains(&format!("Sie sehen die Standorte vom {day}")), "dated: {notice}");
    app.find("#site-list[aria-busy=false]").await?;
    assert_eq!(app.texts("#site-list .site-name").await?.len(), packaged.sites.len());
    app.screenshot("package-01-hotspots").await?;

    app.press("Startseite").await?;
    app.press("Kapazitätsfinder").await?;
    let notice =
        app.text_until("#finders-offline", "say where the directory is from", |t| t.contains("Offline")).await?;
    assert!(notice.contains(&format!("Zuletzt aktualisiert: {day}")), "dated: {notice}");
    assert_eq!(app.texts("#finder-list li").await?.len(), packaged.finders.len());
    app.screenshot("package-02-finders").await?;
    app.close().await
}
