//! Reporting a dark street light through the real app: category, generated
//! form, place, photo, review, send; "Meine Meldungen" shows it; an operator
//! marks it fixed and the app shows that. Then, with the portal gone, a second
//! report waits on disk and arrives exactly once when the portal is back.

use muc_e2e::{Driver, Portal, Result};

#[tokio::test(flavor = "multi_thread")]
async fn report_a_dark_street_light_and_follow_it() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("portal.db");
    let mut portal = Portal::start(&db)?;
    let port = portal.port();
    let data = tmp.path().join("app-data");
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../portal/tests/fixtures/street-light.jpg")
        .canonicalize()?;
    // A second photo of the same light, under another name.
    let second = tmp.path().join("mast.jpg");
    std::fs::copy(&photo, &second)?;
    let app = Driver::app_on(&portal.url, &data).await?;

    app.press("Anliegen melden").await?;
    app.find("#category-search").await?.send_keys("Laterne").await?;
    app.press("Straßenbeleuchtung").await?;
    app.select("#attr-art", "dunkel").await?;
    app.find("#report-place").await?.send_keys("Marienplatz").await?;
    app.text_until("#report-place-found", "recognise the place", |t| t.contains("Marienplatz")).await?;
    // Two files chosen at once (WebDriver: paths separated by a newline).
    let both = format!("{}\n{}", photo.display(), second.display());
    app.find("#report-photo").await?.send_keys(&both).await?;
    app.text_until("#report-photos", "list both photos", |t| t.contains("mast.jpg")).await?;
    app.find("#report-description").await?.send_keys("Seit drei Tagen dunkel.").await?;
    app.screenshot("report-01-form").await?;
    app.press("Weiter zur Übersicht").await?;
    let review = app.text_until("#review", "show the review", |t| t.contains("Leuchtet nicht")).await?;
    assert!(review.contains("street-light.jpg, mast.jpg"), "{review}");
    app.screenshot("report-02-review").await?;
    app.press("Meldung absenden").await?;

    let mine = app.text_until("#my-reports", "list the report as received", |t| t.contains("Eingegangen")).await?;
    // "MUC-" and 10 hex digits.
    let at = mine.find("MUC-").ok_or_else(|| format!("no reference in {mine:?}"))?;
    let id: String = mine[at..].chars().take(14).collect();
    app.screenshot("report-03-my-reports").await?;

    // The portal has the photo, cleaned of its GPS position and camera data.
    let report: serde_json::Value =
        reqwest::get(format!("{}/open311/v2/requests/{id}.json", portal.url)).await?.json().await?;
    let urls = report[0]["extended_attributes"]["media_urls"].as_array().ok_or("the report has photos")?;
    assert_eq!(urls.len(), 2, "{report}");
    for url in urls {
        let stored = reqwest::get(url.as_str().ok_or("url")?).await?.bytes().await?;
        assert!(stored.starts_with(&[0xFF, 0xD8, 0xFF]), "a JPEG");
        assert!(!stored.windows(4).any(|w| w == b"Exif"), "no EXIF left in the stored photo");
    }

    // Someone else wants to report the same light: the app shows it is known.
    app.press("Neue Meldung").await?;
    app.press("Straßenbeleuchtung").await?;
    app.select("#attr-art", "dunkel").await?;
    app.find("#report-place").await?.send_keys("Marienplatz").await?;
    app.press("Weiter zur Übersicht").await?;
    app.text_until("#nearby", "show the open report nearby", |t| t.contains(&id)).await?;
    app.screenshot("report-03b-already-reported").await?;
    app.press("Ich bin auch betroffen").await?;
    let mine = app.text_until("#my-reports", "list one report", |t| t.contains(&id)).await?;
    assert_eq!(mine.matches("MUC-").count(), 1, "nothing sent twice: {mine}");
    let supported: serde_json::Value =
        reqwest::get(format!("{}/open311/v2/requests/{id}.json", portal.url)).await?.json().await?;
    assert_eq!(supported[0]["extended_attributes"]["supporters"], 1, "supported instead of sent again");

    // The city fixes it.
    Portal::cli(&db, &["requests", "set-status", &id, "fixed", "--note", "Leuchtmittel getauscht."])?;
    app.press("Aktualisieren").await?;
    app.text_until("#my-reports", "show fixed", |t| t.contains("Erledigt") && t.contains("Leuchtmittel getauscht."))
        .await?;
    app.screenshot("report-04-fixed").await?;
    // The stored photo has no location data.
    let listing = Portal::cli(&db, &["requests", "list"])?;
    assert!(listing.contains(&id), "{listing}");

    // The portal goes away; the next report waits on this device.
    portal.stop();
    app.press("Neue Meldung").await?;
    app.send_graffiti("Odeonsplatz", None).await?;
    app.text_until("#my-reports", "show it waiting", |t| t.contains("Wartet auf Versand")).await?;
    app.screenshot("report-05-waiting-offline").await?;

    // The portal is back: the report goes out, once.
    let _portal = Portal::start_on(&db, port)?;
    app.press("Aktualisieren").await?;
    app.text_until("#my-reports", "show both received", |t| {
        !t.contains("Wartet auf Versand") && t.matches("MUC-").count() == 2
    })
    .await?;
    app.press("Aktualisieren").await?;
    let listing = Portal::cli(&db, &["requests", "list"])?;
    assert_eq!(listing.lines().filter(|l| l.contains("graffiti")).count(), 1, "exactly once: {listing}");
    app.close().await?;
    Ok(())
}

/// The app pointed at another GeoReport v2 server by its discovery address:
/// categories and reports go there; an insecure address is refused with the
/// reason; and back to the default.
#[tokio::test(flavor = "multi_thread")]
async fn report_to_another_open311_server_by_discovery() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let city = Portal::start(&tmp.path().join("city.db"))?;
    let other = Portal::start(&tmp.path().join("other.db"))?;
    let data = tmp.path().join("app-data");
    let app = Driver::launch(&[("MUC_PORTAL_URL", city.url.as_str()), ("MUC_DATA_DIR", data.to_str().ok_or("path")?)])
        .await?;
    app.press("Anliegen melden").await?;
    app.text_until("#endpoint-current", "show the default", |t| t.contains("(Standard)")).await?;
    app.click("#endpoint-toggle").await?;
    app.fill("#endpoint-discovery", "http://open311.example.org/discovery.json").await?;
    app.press("Prüfen und übernehmen").await?;
    app.text_until("#endpoint-error", "refuse http to another machine", |t| t.contains("https://")).await?;
    app.screenshot("report-06-insecure-server-refused").await?;

    let discovery = format!("{}/open311/v2/discovery.json", other.url);
    app.fill("#endpoint-discovery", &discovery).await?;
    app.press("Prüfen und übernehmen").await?;
    app.text_until("#endpoint-current", "show the other server", |t| t.contains(&other.url)).await?;
    app.screenshot("report-07-other-server").await?;

    app.send_graffiti("Odeonsplatz", Some("An den anderen Server.")).await?;
    app.text_until("#my-reports", "list it as received", |t| t.contains("Eingegangen")).await?;
    let count = |url: String| async move {
        let v: Vec<serde_json::Value> = reqwest::get(format!("{url}/open311/v2/requests.json")).await?.json().await?;
        Ok::<usize, Box<dyn std::error::Error>>(v.len())
    };
    assert_eq!((count(other.url.clone()).await?, count(city.url.clone()).await?), (1, 0));

    app.press("Neue Meldung").await?;
    app.press("Zurück zur Stadt München").await?;
    app.text_until("#endpoint-current", "show the default again", |t| t.contains("(Standard)")).await?;
    app.close().await?;
    Ok(())
}

/// A report the portal refuses (a place outside Munich) is kept with the
/// reason; the person corrects it and it is sent, once.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_report_is_corrected_and_sent() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let data = tmp.path().join("app-data");
    let app = Driver::app_on(&portal.url, &data).await?;
    app.press("Anliegen melden").await?;
    app.send_graffiti("52.5200, 13.4050", Some("Am Kasten an der Ecke.")).await?;
    let mine = app.text_until("#my-reports", "say it was not accepted", |t| t.contains("Nicht angenommen")).await?;
    assert!(mine.contains("außerhalb Münchens"), "the reason, in German: {mine}");
    app.screenshot("report-08-refused").await?;

    app.press("Korrigieren und erneut senden").await?;
    let place = app.find("#report-place").await?;
    assert_eq!(place.prop("value").await?.as_deref(), Some("52.52000, 13.40500"));
    app.fill("#report-place", "Marienplatz").await?;
    app.text_until("#report-place-found", "recognise the place", |t| t.contains("Erkannt: Marienplatz")).await?;
    app.press("Weiter zur Übersicht").await?;
    let review = app.text_until("#review", "keep the description", |t| t.contains("Am Kasten an der Ecke.")).await?;
    assert!(review.contains("Marienplatz"), "{review}");
    app.press("Meldung absenden").await?;
    let mine = app.text_until("#my-reports", "list it received", |t| t.contains("Eingegangen")).await?;
    assert!(!mine.contains("Nicht angenommen"), "the refused copy is gone: {mine}");
    let all: Vec<serde_json::Value> =
        reqwest::get(format!("{}/open311/v2/requests.json", portal.url)).await?.json().await?;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["description"], "Am Kasten an der Ecke.");
    app.close().await?;
    Ok(())
}

/// Picking the place on a map, with tiles from a tile server on loopback:
/// the map loads only when asked, moves by keyboard, and the report carries
/// the point under the crosshair.
#[tokio::test(flavor = "multi_thread")]
async fn pick_the_place_on_the_map() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let tiles = muc_e2e::TileServer::start().await?;
    let data = tmp.path().join("app-data");
    let app = Driver::app_with_tiles(&portal.url, &data, &tiles.url_template).await?;
    app.press("Anliegen melden").await?;
    app.press("Straßenbeleuchtung").await?;
    app.select("#attr-art", "dunkel").await?;
    assert_eq!(tiles.requests(), 0, "no tile is fetched before the person opens the map");
    app.press("Auf der Karte wählen").await?;
    let view = app.find(".map-view").await?;
    let window = std::time::Duration::from_secs(20);
    muc_e2e::poll_until("the map's 7 x 5 tiles are loaded", window, || tiles.requests() >= 35).await?;
    assert!(app.texts("#map-unreachable").await?.is_empty(), "tiles load, so no failure is shown");
    // Four steps east by keyboard: 4 × 64 px = one 256 px tile = 360°/2^16 ≈ 0.00549° of longitude.
    view.send_keys("\u{E014}\u{E014}\u{E014}\u{E014}").await?;
    app.text_until("#map-position", "move east", |t| !t.contains("11.57550")).await?;
    app.scroll_to("#map-picker").await?;
    app.screenshot("report-09-map").await?;
    app.press("Diesen Punkt übernehmen").await?;
    let place = app.find("#report-place").await?.prop("value").await?.unwrap_or_default();
    let (lat, lon) = place.split_once(", ").ok_or_else(|| format!("coordinates in the field: {place:?}"))?;
    let (lat, lon): (f64, f64) = (lat.parse()?, lon.parse()?);
    assert!((lat - 48.1374).abs() < 1e-4 && (lon - 11.5755 - 360.0 / 65536.0).abs() < 2e-5, "{place}");
    app.press("Weiter zur Übersicht").await?;
    app.press("Meldung absenden").await?;
    app.text_until("#my-reports", "list it received", |t| t.contains("Eingegangen")).await?;
    let all: Vec<serde_json::Value> =
        reqwest::get(format!("{}/open311/v2/requests.json", portal.url)).await?.json().await?;
    let stored_lon = all[0]["long"].as_f64().ok_or("long")?;
    assert!((stored_lon - lon).abs() < 1e-6, "the report carries the picked point: {stored_lon} vs {lon}");
    app.close().await?;
    Ok(())
}
