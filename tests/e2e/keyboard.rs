//! Keyboard only, as a person who cannot use a mouse: Tab, Enter, Space and
//! typing, in the real app. Finding a hotspot and sending a report.

use muc_e2e::{Driver, Portal, Result, ENTER, SPACE};

#[tokio::test(flavor = "multi_thread")]
async fn a_hotspot_and_a_report_by_keyboard_alone() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let portal = Portal::start(&tmp.path().join("portal.db"))?;
    let app = Driver::app_on(&portal.url, &tmp.path().join("app-data")).await?;
    app.text_until("h1", "greet", |t| t.contains("Willkommen")).await?;

    // The hotspot finder: the tile, the place, the nearest site.
    app.tab_to("the Wi-Fi tile", |t, _| t.contains("Freies WLAN")).await?;
    app.keys(ENTER).await?;
    app.text_until("#list-heading", "list the sites", |t| t.starts_with("138 Standorte")).await?;
    // The place form opens with focus in its field.
    app.tab_to("the place choice", |_, id| id == "place-choice-toggle").await?;
    app.keys(ENTER).await?;
    app.find("#place-input").await?;
    app.keys("Marienplatz").await?;
    app.tab_to("apply", |t, _| t == "Übernehmen").await?;
    app.keys(ENTER).await?;
    app.text_until("#list-heading", "sort from Marienplatz", |t| t.contains("ab Marienplatz")).await?;
    app.tab_to("the nearest site", |t, _| t.starts_with("Marienplatz West")).await?;
    app.keys(ENTER).await?;
    app.text_until("h1.page-title", "open the site", |t| t.contains("Marienplatz West")).await?;

    // A report: the area bar, a category, its form, the review, sent.
    app.tab_to("the report area", |t, _| t.contains("Anliegen melden")).await?;
    app.keys(ENTER).await?;
    app.tab_to("the graffiti category", |t, _| t.starts_with("Graffiti")).await?;
    app.keys(ENTER).await?;
    app.tab_to("the kind of surface", |_, id| id == "attr-flaeche").await?;
    // A select takes the first letters of an option.
    app.keys("Verteiler").await?;
    app.tab_to("the place", |_, id| id == "report-place").await?;
    app.keys("Marienplatz").await?;
    app.tab_to("the description", |_, id| id == "report-description").await?;
    app.keys("Tags am Stromkasten, von der Tastatur gemeldet.").await?;
    app.tab_to("continue", |t, _| t == "Weiter zur Übersicht").await?;
    app.keys(SPACE).await?;
    app.text_until("h1.page-title", "review", |t| t.contains("Ihre Meldung prüfen")).await?;
    app.tab_to("send", |t, _| t == "Meldung absenden").await?;
    app.keys(ENTER).await?;
    app.text_until("#my-reports", "show it sent", |t| t.contains("Graffiti") && t.contains("Eingegangen")).await?;
    muc_e2e::report_arrives(&portal.url, "von der Tastatur gemeldet", std::time::Duration::from_secs(30)).await?;
    app.close().await?;
    Ok(())
}
