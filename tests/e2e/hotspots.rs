//! The hotspot finder through the real app: real portal, real webview,
//! real disk cache. Screenshots of every step go to target/e2e-artifacts/.

use std::time::Duration;

use muc_e2e::{wait_for_file, Driver, Portal, Result};

/// Parses "340 m" / "1,2 km" back into metres.
fn metres(s: &str) -> f64 {
    let s = s.trim().replace(',', ".");
    if let Some(km) = s.strip_suffix(" km") {
        km.parse::<f64>().expect("km") * 1000.0
    } else {
        s.strip_suffix(" m").expect("unit").parse().expect("m")
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn find_a_hotspot_near_marienplatz_then_go_offline() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let mut portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data_dir = tmp.path().join("app-data");

    // The system opener (xdg-open) asks the desktop's default handler for
    // https links; make that a recorder, so the test sees the call without
    // starting a browser or reaching the internet.
    let opened = tmp.path().join("opened-url");
    let xdg = muc_e2e::RecordingOpener::install(tmp.path(), &opened)?;
    let app = Driver::launch(&[
        ("MUC_PORTAL_URL", portal.url.as_str()),
        ("MUC_DATA_DIR", data_dir.to_str().ok_or("path")?),
        ("XDG_CONFIG_HOME", xdg.config_home.as_str()),
        ("XDG_DATA_HOME", xdg.data_home.as_str()),
    ])
    .await?;

    // Home: the five areas.
    app.text_until("h1", "welcome", |t| t.contains("Willkommen")).await?;
    assert_eq!(app.texts(".tiles li").await?.len(), 5);
    app.screenshot("01-home").await?;

    // Open the hotspot finder: all 138 sites arrive from the portal.
    app.press("Freies WLAN").await?;
    app.text_until("#list-heading", "list 138 sites", |t| t.starts_with("138 Standorte")).await?;
    app.screenshot("02-finder").await?;

    // Set the position: Marienplatz. The list is sorted by distance.
    app.press("Ort oder Stadtbezirk eingeben").await?;
    app.find("#place-input").await?.send_keys("Marienplatz").await?;
    app.press("Übernehmen").await?;
    app.text_until("#list-heading", "sort from Marienplatz", |t| t.contains("ab Marienplatz")).await?;
    app.find("#site-list[aria-busy=false]").await?;
    let names = app.texts("#site-list .site-name").await?;
    let dists: Vec<f64> = app.texts("#site-list .site-distance").await?.iter().map(|d| metres(d)).collect();
    assert_eq!(names.len(), 138);
    assert!(names[0].starts_with("Marienplatz"), "nearest first: {:?}", &names[..3]);
    assert!(dists.windows(2).all(|w| w[0] <= w[1]), "sorted by distance: {:?}", &dists[..10]);
    assert!(dists[0] <= 100.0, "{dists:?}");
    app.scroll_to("#list-heading").await?;
    app.screenshot("03-sorted-from-marienplatz").await?;

    // Open the nearest site: its address and kind.
    let first = names[0].clone();
    app.click("#site-list li:first-child button").await?;
    let address = app.text_until("#site-address", "show the address", |t| !t.is_empty()).await?;
    assert_eq!(address, format!("{first}, München"));
    assert_eq!(app.find("h1").await?.text().await?, first);
    app.screenshot("04-detail").await?;

    // "Open in map" goes to the system opener with an OpenStreetMap link.
    app.press("In Karte öffnen").await?;
    let url = wait_for_file(&opened, Duration::from_secs(20))?;
    assert!(url.starts_with("https://www.openstreetmap.org/?mlat=48.13"), "{url}");

    // The city's server goes away. Reloading shows the saved list and its age.
    portal.stop();
    app.press("Zurück zur Liste").await?;
    app.press("Aktualisieren").await?;
    let notice = app.text_until("#offline-notice", "say offline", |t| t.contains("Offline")).await?;
    assert!(notice.contains("Sie sehen die Standorte vom"), "{notice}");
    assert!(notice.contains("gerade eben") || notice.contains("vor 1 Minute"), "{notice}");
    app.find("#site-list[aria-busy=false]").await?;
    assert_eq!(app.texts("#site-list .site-name").await?.len(), 138, "cached list is complete");
    app.screenshot("05-offline-cached").await?;
    app.scroll_to("#list-heading").await?;
    app.screenshot("05b-offline-cached-list").await?;

    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_portal_and_no_cache_says_what_is_wrong() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let port = muc_e2e::free_port();
    let app = Driver::launch(&[
        ("MUC_PORTAL_URL", format!("http://127.0.0.1:{port}").as_str()),
        ("MUC_DATA_DIR", tmp.path().to_str().ok_or("path")?),
    ])
    .await?;
    app.press("Freies WLAN").await?;
    let alert = app.text_until("[role=alert]", "explain the failure", |t| t.contains("nicht erreichbar")).await?;
    assert!(alert.contains("Auf diesem Gerät sind noch keine Standorte gespeichert"), "{alert}");
    app.screenshot("06-no-portal-no-cache").await?;
    app.close().await?;
    Ok(())
}

/// Opening on the hotspot list (a Wi-Fi kiosk, a desktop shortcut): the shell
/// asks the portal while the window starts and the page shows that answer
/// without a click. An answer asked for while the portal was away is not
/// kept: "Erneut laden" asks again and gets the live list. The list is drawn
/// by the Wi-Fi module, which hands over to the whole frontend for another area.
#[tokio::test(flavor = "multi_thread")]
async fn opens_on_the_hotspot_list_with_the_answer_asked_for_at_start() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let port = muc_e2e::free_port();
    let url = format!("http://127.0.0.1:{port}");
    let data_dir = tmp.path().join("app-data");
    let env = [
        ("MUC_PORTAL_URL", url.as_str()),
        ("MUC_DATA_DIR", data_dir.to_str().ok_or("path")?),
        ("MUC_START_SCREEN", "hotspots"),
    ];

    // The portal is away at start: the list says so at once.
    let app = Driver::launch(&env).await?;
    let alert = app.text_until("[role=alert]", "explain the failure", |t| t.contains("nicht erreichbar")).await?;
    assert!(alert.contains("Die Standorte konnten nicht geladen werden"), "{alert}");
    app.screenshot("07-start-on-list-no-portal").await?;

    // The portal comes: asking again reaches it (the start's answer is used once).
    let portal = Portal::start_on(&tmp.path().join("portal.db"), port)?;
    app.press("Erneut laden").await?;
    app.text_until("#list-heading", "list 138 sites", |t| t.starts_with("138 Standorte")).await?;
    assert!(app.texts("#offline-notice").await?.is_empty(), "live data, no offline notice");
    app.close().await?;

    // A new start with the portal there: the live list without a click
    // (the sites saved by the last run first, "werden aktualisiert", if the
    // portal's answer is not in the page before the frontend runs).
    let app = Driver::launch(&env).await?;
    app.text_until("#list-heading", "list 138 sites at start", |t| t.starts_with("138 Standorte")).await?;
    app.text_until(".status", "say the data is current", |t| t.contains("Aktuelle Daten")).await?;
    assert!(app.texts("#offline-notice").await?.is_empty(), "live data, no offline notice");
    // The page asked the shell for the sites as it loaded (the window's
    // initialization script, under the app's CSP and capability), and the
    // shell answered with what it asked the portal at start.
    let early = app
        .client
        .execute(
            "const e = window.__MUC_EARLY_HOTSPOTS__; return e && e.answer ? e.answer.sites.length : null;",
            vec![],
        )
        .await?;
    assert_eq!(early.as_u64(), Some(138), "the page's early call answered: {early:?}");
    app.screenshot("08-start-on-list").await?;

    // Drawn by the Wi-Fi module (home and this area: ARCHITECTURE.md, "The
    // frontend's modules"); a site's detail is in it too. Another area is
    // not: the whole frontend takes over, on that area, focus on its heading.
    assert_eq!(drawn_by(&app).await?.as_deref(), Some("wifi"));
    // The worker that makes the start language's `Intl` formats while the
    // wasm compiles ran (the policy lets it; main.js says).
    app.find("html[data-intl-warm=done]").await?;
    app.click("#site-list li:first-child button").await?;
    app.text_until("main", "a site's detail", |t| t.contains("WLAN-Zugangspunkte")).await?;
    assert_eq!(drawn_by(&app).await?.as_deref(), Some("wifi"));
    app.press("Kapazitätsfinder").await?;
    app.text_until("h1", "the finders' directory", |t| t.contains("Kapazitätsfinder")).await?;
    assert_eq!(drawn_by(&app).await?.as_deref(), Some("whole"));
    let focused = app.client.execute("return document.activeElement.className;", vec![]).await?;
    assert_eq!(focused.as_str(), Some("page-title"), "focus on the heading after the hand-over");
    app.close().await?;
    drop(portal);
    Ok(())
}

/// Which of the frontend's modules draws the page (`main.js` says).
async fn drawn_by(app: &Driver) -> Result<Option<String>> {
    Ok(app.find("html").await?.attr("data-frontend").await?)
}

/// The sites on a map beside the list, in the real app with a tile server on
/// loopback: no tile is asked for until the person opens the map; a site's
/// marker shows that site in the list; near sites share a marker that zooms
/// in until they are apart.
#[tokio::test(flavor = "multi_thread")]
async fn the_sites_are_on_a_map_beside_the_list() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let tiles = muc_e2e::TileServer::start().await?;
    let data = tmp.path().join("app-data");
    let app = Driver::app_with_tiles(&portal.url, &data, &tiles.url_template).await?;
    app.press("Freies WLAN").await?;
    app.text_until("#list-heading", "list the sites", |t| t.starts_with("138 Standorte")).await?;
    assert_eq!(tiles.requests(), 0, "no tile before the person opens the map");
    app.press("Auf der Karte zeigen").await?;
    muc_e2e::poll_until("the map's tiles", Duration::from_secs(20), || tiles.requests() >= 35).await?;
    let groups = app.texts("#site-map .map-group").await?;
    assert!(!groups.is_empty(), "the city centre's sites share markers at the start");
    // A group pressed zooms in; then a site's own marker shows it in the list.
    app.click("#site-map .map-group").await?;
    app.click("#site-map .map-marker:not(.map-group)").await?;
    let picked = app.text_until("#site-list li.picked", "show the picked site in the list", |t| !t.is_empty()).await?;
    let name = app.find("#site-map .map-marker.selected").await?.attr("aria-label").await?.unwrap_or_default();
    assert!(picked.contains(&name), "the list shows the site picked on the map: {picked:?} / {name:?}");
    app.scroll_to("#site-map").await?;
    app.screenshot("09-map-of-the-sites").await?;
    app.close().await?;
    Ok(())
}
