//! The real app at a phone's size (360×800 CSS px) under Xvfb: the five
//! areas from the bar at the bottom, each with nothing wider than the
//! window and no axe-core violation; the report journey end to end; the
//! unread count on the bar when the city answers; the field being typed in
//! in view when the on-screen keyboard takes half the height. Screenshots
//! of each step in target/e2e-artifacts/ (phone-*.png).

use muc_e2e::{Driver, Portal, Result};

fn axe_source() -> Result<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../frontend/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (the frontend's npm packages: ./x setup)", path.display()).into())
}

/// Nothing wider than the window, no axe violation, and a screenshot.
async fn check(app: &Driver, axe: &str, name: &str) -> Result<()> {
    app.screenshot(name).await?;
    let wide = app.overflow().await?;
    assert!(wide.is_empty(), "{name}: wider than the phone: {wide:?}");
    let violations = app.axe(axe).await?;
    assert!(violations.is_empty(), "{name}: axe: {violations:?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_area_and_a_report_on_a_phone() -> Result<()> {
    let axe = axe_source()?;
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("portal.db");
    let portal = Portal::start(&db)?;
    let data = tmp.path().join("app-data");
    let app = Driver::app_on(&portal.url, &data).await?;
    app.resize(360, 800).await?;

    // Home: the areas as tiles, and the bar at the bottom.
    app.text_until("main", "show home", |t| t.contains("Anliegen melden")).await?;
    let bar = app
        .client
        .execute(
            "const b = document.querySelector('.area-bar'), r = b.getBoundingClientRect();
             const header = document.querySelector('.app-header').getBoundingClientRect();
             return [getComputedStyle(b).position, Math.round(r.bottom) === window.innerHeight, header.top];",
            vec![],
        )
        .await?;
    // (The header at the very top: the icon sprite once took 150 px above it.)
    assert_eq!(bar, serde_json::json!(["fixed", true, 0]), "the area bar at the bottom, the header at the top");
    check(&app, &axe, "phone-01-home").await?;

    // Each area from the bar.
    let areas =
        [(1, "hotspots", "#site-list"), (3, "finders", "main"), (4, "notices", "main"), (5, "personal", "main")];
    for (n, name, shown) in areas {
        app.click(&format!(".area-bar li:nth-child({n}) button")).await?;
        app.find(&format!(".area-bar li:nth-child({n}) button[aria-current=page]")).await?;
        app.find(shown).await?;
        app.text_until("main h1", "a heading", |t| !t.is_empty()).await?;
        check(&app, &axe, &format!("phone-0{}-{name}", n + 1)).await?;
    }

    // Reporting, step by step, at phone size.
    app.click(".area-bar li:nth-child(2) button").await?;
    app.press("Graffiti").await?;
    app.select("#attr-flaeche", "kasten").await?;
    app.fill("#report-place", "Marienplatz").await?;
    app.text_until("#report-place-found", "recognise the place", |t| t.contains("Marienplatz")).await?;
    app.fill("#report-description", "Vom Telefon gemeldet.").await?;
    check(&app, &axe, "phone-07-report-form").await?;

    // The on-screen keyboard: the page gets half the height; the bar steps
    // aside and the field being typed in is in view, not under it.
    app.resize(360, 400).await?;
    let typing = app
        .client
        .execute(
            "const f = document.getElementById('report-description'); f.focus();
             const r = f.getBoundingClientRect(), bar = document.querySelector('.area-bar');
             return [getComputedStyle(bar).position, r.top >= 0 && r.bottom <= window.innerHeight];",
            vec![],
        )
        .await?;
    assert_eq!(typing, serde_json::json!(["static", true]), "with the keyboard open the field is in view");
    app.screenshot("phone-08-keyboard-open").await?;
    app.resize(360, 800).await?;

    app.press("Weiter zur Übersicht").await?;
    app.text_until("#review", "show the review", |t| t.contains("Graffiti")).await?;
    check(&app, &axe, "phone-09-review").await?;
    app.press("Meldung absenden").await?;
    let mine = app.text_until("#my-reports", "list it received", |t| t.contains("Eingegangen")).await?;
    check(&app, &axe, "phone-10-sent").await?;
    let at = mine.find("MUC-").ok_or("a reference")?;
    let id: String = mine[at..].chars().take(14).collect();

    // The city answers: the bar counts the unread notification.
    Portal::cli(&db, &["requests", "set-status", &id, "fixed", "--note", "Entfernt."])?;
    let count = app.text_until(".area-bar .count-badge", "count the unread notice", |t| t == "1").await?;
    assert_eq!(count, "1");
    check(&app, &axe, "phone-11-unread").await?;
    app.close().await
}
