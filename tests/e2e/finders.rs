//! The capacity-finder directory through the real app: search with a typo,
//! open a finder through the system opener (observed, not performed), keep a
//! favourite across a restart, and use the directory offline.

use std::time::Duration;

use muc_e2e::{wait_for_file, Driver, Portal, RecordingOpener, Result};

#[tokio::test(flavor = "multi_thread")]
async fn search_open_favourite_restart_offline() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let mut portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data_dir = tmp.path().join("app-data");
    let opened = tmp.path().join("opened-url");
    let xdg = RecordingOpener::install(tmp.path(), &opened)?;
    let env = |portal_url: &str| {
        vec![
            ("MUC_PORTAL_URL".to_string(), portal_url.to_string()),
            ("MUC_DATA_DIR".to_string(), data_dir.to_string_lossy().into_owned()),
            ("XDG_CONFIG_HOME".to_string(), xdg.config_home.clone()),
            ("XDG_DATA_HOME".to_string(), xdg.data_home.clone()),
        ]
    };

    let e = env(&portal.url);
    let app = Driver::launch(&e.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()).await?;
    app.press("Kapazitätsfinder").await?;
    app.text_until("#result-count", "list the finders", |t| t.ends_with("Treffer") && t != "0 Treffer").await?;
    app.screenshot("finders-01-directory").await?;

    // A typo still finds the midwife search.
    app.find("#finder-search").await?.send_keys("hebame").await?;
    app.text_until("#finder-list li:first-child h3", "find midwives", |t| t.starts_with("Hebammensuche")).await?;
    app.screenshot("finders-02-search-hebame").await?;

    // Open it: the system opener gets exactly the catalogue's https address.
    app.click("#finder-list li:first-child button").await?;
    let url = wait_for_file(&opened, Duration::from_secs(20))?;
    assert_eq!(url, "https://www.gkv-spitzenverband.de/service/hebammenliste/hebammenliste.jsp");

    // Mark it as a favourite.
    app.click("#finder-list li:first-child button[aria-pressed='false']").await?;
    app.text_until("#favourites", "show the favourite", |t| t.contains("Hebammensuche")).await?;
    app.close().await?;

    // Restart the app with the portal gone: the directory and the favourite are still there.
    portal.stop();
    let app = Driver::launch(&e.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()).await?;
    app.press("Kapazitätsfinder").await?;
    let notice = app.text_until("#finders-offline", "say offline", |t| t.contains("Offline")).await?;
    assert!(notice.contains("Zuletzt aktualisiert"), "{notice}");
    app.text_until("#favourites", "keep the favourite", |t| t.contains("Hebammensuche")).await?;
    app.screenshot("finders-03-offline-with-favourite").await?;
    // The personal area lists it too.
    app.press("Startseite").await?;
    app.press("Persönlicher Bereich").await?;
    app.text_until("#personal-favourites", "list the favourite", |t| t.contains("Hebammensuche")).await?;
    app.close().await?;
    Ok(())
}
