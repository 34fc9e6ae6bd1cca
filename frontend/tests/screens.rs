//! Every screen rendered and driven in headless Chromium, each checked with
//! axe-core (WCAG 2.0–2.2 A/AA and best practices): 0 violations allowed.
//! (The whole frontend; the start module's own test is in `app.rs`.)
#![cfg(feature = "areas")]

use std::rc::Rc;
use std::time::Duration;

use muc_frontend::app::App;
use muc_frontend::i18n::Lang;
use muc_frontend::pages::finders::{FinderLoad, Finders};
use muc_frontend::pages::hotspot_detail::{HotspotDetail, HotspotDetailProps};
use muc_frontend::pages::hotspots::{draw_the_next_list_as_at_start, Hotspots, Load, Locate, FIRST_ROWS};
use muc_frontend::pages::my_reports::MyReports;
use muc_frontend::pages::report::{photo_problem, Report, Resumed};
use muc_frontend::places::Place;
use muc_wire::finders::Finder;
use muc_wire::geo::LonLat;
use muc_wire::hotspots::{Site, ATTRIBUTION};
use muc_wire::ipc::{AppError, DataSource, ErrorKind, FinderSnapshot, HotspotSnapshot, OpenVia};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const AXE: &str = include_str!("../node_modules/axe-core/axe.min.js");
/// The app's real stylesheet: contrast, target sizes and focus come from it.
const STYLE: &str = include_str!("../static/style.css");

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

/// A fresh host element, like index.html's #app. The previous test's host is
/// removed; the rest of the body belongs to the test runner and stays.
fn host() -> Element {
    // The shell hands the page its texts; here the test reads the files
    // (once: a language is installed for the page's life).
    thread_local!(static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !INSTALLED.with(|i| i.replace(true)) {
        for (code, _) in muc_messages::FILES {
            muc_frontend::i18n::install(&muc_messages::catalogue(code).expect("the message files read"));
        }
    }
    let doc = document();
    if let Some(old) = doc.get_element_by_id("app") {
        old.remove();
    }
    let _ = doc.document_element().expect("html").set_attribute("lang", "de");
    doc.set_title("München App (Test)");
    // As index.html: the page as wide as the device (the phone run emulates
    // one; without this a phone lays pages out 980 px wide).
    if doc.get_element_by_id("app-viewport").is_none() {
        let meta = doc.create_element("meta").expect("meta");
        meta.set_id("app-viewport");
        let _ = meta.set_attribute("name", "viewport");
        let _ = meta.set_attribute("content", "width=device-width, initial-scale=1");
        doc.head().expect("head").append_child(&meta).expect("append meta");
    }
    if doc.get_element_by_id("app-style").is_none() {
        let style = doc.create_element("style").expect("style");
        style.set_id("app-style");
        style.set_text_content(Some(STYLE));
        doc.head().expect("head").append_child(&style).expect("append style");
    }
    let el = doc.create_element("div").expect("div");
    el.set_id("app");
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

/// Wraps page components as App does: inside a <main> landmark.
#[derive(Properties, PartialEq)]
struct InMainProps {
    children: Html,
}

#[component]
fn InMain(props: &InMainProps) -> Html {
    html! { <main id="main">{ props.children.clone() }</main> }
}

async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        gloo_timers::future::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting until {what}; page: {}", body_text());
}

/// Lets Yew draw (it does so in microtasks) until `css` matches, without
/// letting animation frames or timers run: what is drawn "later" is not yet.
async fn until_drawn_in_microtasks(css: &str) {
    for _ in 0..50 {
        if !all(css).is_empty() {
            return;
        }
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await.expect("microtask");
    }
    panic!("{css} not drawn in microtasks");
}

fn body_text() -> String {
    document().get_element_by_id("app").and_then(|b| b.text_content()).unwrap_or_default()
}

fn all(css: &str) -> Vec<Element> {
    let list = document().query_selector_all(&format!("#app {css}")).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn texts(css: &str) -> Vec<String> {
    all(css).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

fn one(css: &str) -> Element {
    document()
        .query_selector(&format!("#app {css}"))
        .expect("selector")
        .unwrap_or_else(|| panic!("no {css} in: {}", body_text()))
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("html element").click();
}

fn button(text: &str) -> Element {
    all("button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no button {text:?} in: {}", body_text()))
}

fn fire(el: &Element, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(event, &init).expect("event");
    el.dispatch_event(&ev).expect("dispatch");
}

fn type_into(css: &str, text: &str) {
    let input: HtmlInputElement = one(css).dyn_into().expect("input");
    input.set_value(text);
    fire(&input, "input");
}

/// The hotspot finder's place form and district list (behind a button).
async fn open_place_choice() {
    click(&one("#place-choice-toggle"));
    wait_until("the place form", || all("#district-select").len() == 1).await;
}

fn choose(css: &str, value: &str) {
    let sel: HtmlSelectElement = one(css).dyn_into().expect("select");
    sel.set_value(value);
    fire(&sel, "change");
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = axe, js_name = run, catch)]
    async fn axe_run(context: JsValue, options: JsValue) -> Result<JsValue, JsValue>;
}

/// Runs axe-core over the whole document; fails with every violation listed.
async fn assert_accessible(screen: &str) {
    assert_fits(screen);
    let loaded = js_sys::Reflect::has(&js_sys::global(), &"axe".into()).unwrap_or(false);
    if !loaded {
        js_sys::eval(AXE).expect("load axe-core");
    }
    let options = js_sys::JSON::parse(
        r#"{"runOnly":{"type":"tag","values":["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa","best-practice"]},"resultTypes":["violations"]}"#,
    )
    .expect("options");
    // The app's host element: the runner's own output elsewhere on the page
    // is not ours to judge.
    let app = document().get_element_by_id("app").expect("#app");
    let result = axe_run(app.into(), options).await.expect("axe.run");
    let violations = js_sys::Reflect::get(&result, &"violations".into()).expect("violations");
    let violations: js_sys::Array = violations.dyn_into().expect("array");
    if violations.length() > 0 {
        let report = js_sys::JSON::stringify_with_replacer_and_space(&violations, &JsValue::NULL, &JsValue::from(1))
            .map(String::from)
            .unwrap_or_default();
        panic!("{screen}: {} axe violation(s):\n{}", violations.length(), &report[..report.len().min(6000)]);
    }
}

/// What a phone needs beside axe's rules, checked on every screen at the
/// width the suite runs at (the desktop run, and the phone run at 320 CSS
/// px: `x`'s `test_frontend`): nothing wider than the window (WCAG 1.4.10,
/// which 400 % zoom of a 1280 px window also is), and every control at
/// least 44×44 px to touch (a checkbox or radio with its label; links
/// inside running text are exempt, as in WCAG 2.5.8).
fn assert_fits(screen: &str) {
    const CHECK: &str = r#"
        const app = document.getElementById('app');
        const out = [];
        // A phone widens its layout to fit content that is too wide: there
        // the limit is the device's width, not the (widened) page's.
        const width = matchMedia('(pointer: coarse)').matches ? screen.width : document.documentElement.clientWidth;
        for (const el of app.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed' && !el.closest('.map-view')) {
                out.push('wider than the window (' + Math.round(r.right) + ' > ' + width + '): ' + el.outerHTML.slice(0, 160));
            }
        }
        const controls = app.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button]');
        for (const el of controls) {
            let r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (el.closest('.visually-hidden')) continue;
            if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
            if (el.type === 'checkbox' || el.type === 'radio') {
                const label = el.closest('label') || (el.id && app.querySelector('label[for="' + el.id + '"]'));
                const box = (label && label.parentElement === el.parentElement) ? el.parentElement : label;
                if (box) r = box.getBoundingClientRect();
            }
            if (r.width < 43.5 || r.height < 43.5) {
                out.push('smaller than 44×44 (' + Math.round(r.width) + '×' + Math.round(r.height) + '): ' + el.outerHTML.slice(0, 120));
            }
        }
        return out.join('\n');
    "#;
    let found = js_sys::Function::new_no_args(CHECK).call0(&JsValue::NULL).expect("layout check");
    let found = found.as_string().unwrap_or_default();
    let width = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(0.0);
    assert!(found.is_empty(), "{screen} at {width} px wide:\n{found}");
    // A browser that clamps its window (Chromium's is at least 500 px)
    // would test neither size: the phone run is device emulation at 320.
    assert!(width <= 320.0 || width >= 1000.0, "{screen}: the suite runs at 320 px or at desktop width, not {width}");
}

fn site(id: &str, name: &str, kind: &str, aps: u32, lon: f64, lat: f64) -> Site {
    Site {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        city: "München".into(),
        access_points: aps,
        position: LonLat::new(lon, lat),
    }
}

/// Real sites from the M-WLAN data.
fn sites() -> Vec<Site> {
    vec![
        site("limesstr-m002-m016-smarter-city", "Limesstr. M002-M016", "Smarter City", 11, 11.423231, 48.143741),
        site("marienplatz-ost-tos", "Marienplatz Ost", "TOS", 3, 11.575914, 48.137159),
        site("odeonsplatz-oeffentlicher-platz-tos", "Odeonsplatz", "Öffentlicher Platz / TOS", 3, 11.577805, 48.142641),
        site("pinakothek-tramlinie-linie-27", "Pinakothek", "Tramlinie Linie 27", 2, 11.571934, 48.149),
        site("marienplatz-west-tos", "Marienplatz West", "TOS", 2, 11.574966, 48.137376),
    ]
}

fn snapshot(source: DataSource, fetched_at: i64) -> Rc<HotspotSnapshot> {
    Rc::new(HotspotSnapshot { sites: sites(), fetched_at, source, attribution: ATTRIBUTION.into() })
}

/// Owns the finder's state the way App does, so the page can be driven.
#[derive(Properties, PartialEq)]
struct FinderProps {
    load: Load<HotspotSnapshot>,
    lang: Lang,
}

#[component]
fn HotspotFinder(props: &FinderProps) -> Html {
    let place = use_state(|| None::<Place>);
    let kind = use_state(|| None::<String>);
    let selected = use_state(|| None::<String>);
    let now = (js_sys::Date::now() / 1000.0) as i64;
    html! {
        <InMain>
            <Hotspots lang={props.lang} load={props.load.clone()} place={(*place).clone()} kind={(*kind).clone()}
                now={now} locate={Locate::Idle}
                on_place={{ let p = place.clone(); Callback::from(move |x| p.set(Some(x))) }}
                on_kind={{ let k = kind.clone(); Callback::from(move |x| k.set(x)) }}
                on_select={{ let s = selected.clone(); Callback::from(move |x| s.set(Some(x))) }}
                on_refresh={Callback::noop()} on_locate={Callback::noop()} />
            if let Some(id) = &*selected { <p id="selected">{ id }</p> }
        </InMain>
    }
}

/// The finder with its map, state kept as the area keeps it.
#[component]
fn FinderWithMap(_p: &FinderMapProps) -> Html {
    let open = use_state(|| false);
    let picked = use_state(|| None::<String>);
    let now = (js_sys::Date::now() / 1000.0) as i64;
    html! {
        <InMain>
            <Hotspots lang={Lang::De} load={Load::Ready(snapshot(DataSource::Live, now))} place={None::<Place>} kind={None::<String>}
                now={now} locate={Locate::Idle} on_place={Callback::noop()} on_kind={Callback::noop()}
                on_select={Callback::noop()} on_refresh={Callback::noop()} on_locate={Callback::noop()}
                // Nothing listens there: the tiles fail, as with the tile server away.
                tile_url={Some("http://127.0.0.1:9/{z}/{x}/{y}.png".to_string())}
                map_open={*open} on_map={{ let o = open.clone(); Callback::from(move |x| o.set(x)) }}
                picked={(*picked).clone()} on_pick={{ let p = picked.clone(); Callback::from(move |x| p.set(Some(x))) }} />
        </InMain>
    }
}

#[derive(Properties, PartialEq)]
struct FinderMapProps {}

/// The map opens on request beside the list; near sites share a marker that
/// zooms in; a site's marker shows it in the list, and a row focused in the
/// list marks its site on the map. The kinds read as words with what they mean.
#[wasm_bindgen_test]
async fn the_sites_are_on_a_map_beside_the_list() {
    yew::Renderer::<FinderWithMap>::with_root_and_props(host(), FinderMapProps {}).render();
    wait_until("the list", || all("#site-list li").len() == 5).await;
    assert!(all("#site-map").is_empty(), "the map loads only when asked for");
    let meta = texts("#site-list .site-meta").concat();
    assert!(meta.contains("Infosäule (TOS)") && meta.contains("Tramhaltestelle (Linie 27)"), "{meta}");
    click(&one("#site-map-toggle"));
    wait_until("the map", || all("#site-map .map-marker").len() >= 2).await;
    assert_eq!(one("#site-map-toggle").get_attribute("aria-expanded").as_deref(), Some("true"));
    // At the start zoom the two Marienplatz sites share one marker.
    let groups = all("#site-map .map-group");
    assert_eq!(groups.len(), 1, "{:?}", texts("#site-map .map-marker"));
    assert_eq!(groups[0].text_content().as_deref(), Some("2"));
    assert_eq!(groups[0].get_attribute("aria-label").as_deref(), Some("2 Standorte hier, hineinzoomen"));
    wait_until("the tiles fail and it says so", || body_text().contains("Die Liste zeigt alle Standorte")).await;
    assert_accessible("map, grouped").await;
    click(&groups[0]);
    wait_until("zoomed in: each its own marker", || {
        all("#site-map .map-marker[aria-label=\"Marienplatz Ost\"]").len() == 1
    })
    .await;
    click(&one("#site-map .map-marker[aria-label=\"Marienplatz Ost\"]"));
    wait_until("the list shows it", || all("#site-row-marienplatz-ost-tos.picked").len() == 1).await;
    assert_eq!(
        one("#site-map .map-marker[aria-label=\"Marienplatz Ost\"]").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    // The other way round: a row focused in the list marks its marker.
    one("#site-row-marienplatz-west-tos button").dyn_into::<HtmlElement>().expect("button").focus().expect("focus");
    wait_until("the marker follows the list", || {
        all("#site-map .map-marker.selected[aria-label=\"Marienplatz West\"]").len() == 1
    })
    .await;
    assert_accessible("map, a site picked").await;
}

#[wasm_bindgen_test]
async fn home_shows_five_areas_and_is_accessible() {
    yew::Renderer::<App>::with_root(host()).render();
    wait_until("the home screen shows", || body_text().contains("Willkommen")).await;
    assert_eq!(all(".tiles li").len(), 5);
    assert_eq!(texts(".badge").len(), 0, "every area is there");
    assert_accessible("home (de)").await;

    // The language is chosen on every screen, from a list naming each in itself.
    let names: Vec<String> = texts("#lang-choice option");
    assert_eq!(names, ["Deutsch", "Leichte Sprache", "English", "Türkçe", "Українська", "العربية"]);
    choose("#lang-choice", "en");
    wait_until("English text", || body_text().contains("Welcome to the Munich app")).await;
    assert_eq!(document().document_element().and_then(|e| e.get_attribute("lang")).as_deref(), Some("en"));
    assert_accessible("home (en)").await;
    // Every language, with axe: Arabic lays the page out right to left.
    for (code, html, dir, welcome) in [
        ("de-x-ls", "de", "ltr", "Willkommen in der München App"),
        ("tr", "tr", "ltr", "Münih uygulamasına hoş geldiniz"),
        ("uk", "uk", "ltr", "Ласкаво просимо"),
        ("ar", "ar", "rtl", "مرحباً بك في تطبيق ميونخ"),
    ] {
        choose("#lang-choice", code);
        wait_until(welcome, || body_text().contains(welcome)).await;
        let root = document().document_element().expect("html");
        assert_eq!(root.get_attribute("lang").as_deref(), Some(html), "{code}");
        assert_eq!(root.get_attribute("dir").as_deref(), Some(dir), "{code}");
        assert_accessible(&format!("home ({code})")).await;
    }
    choose("#lang-choice", "de");
    wait_until("German again", || body_text().contains("Willkommen")).await;
    assert_eq!(document().document_element().and_then(|e| e.get_attribute("dir")).as_deref(), Some("ltr"));
}

/// Every area, as App opens it from the area bar, in every language, with
/// axe and the layout checks (this suite runs at desktop width and at 320 px).
/// Without the shell each area shows what it shows when the shell cannot
/// answer; the areas' other states have their own tests above and below.
#[wasm_bindgen_test]
async fn every_area_in_every_language_is_accessible() {
    yew::Renderer::<App>::with_root(host()).render();
    wait_until("the home screen shows", || body_text().contains("Willkommen")).await;
    for code in ["de", "de-x-ls", "en", "tr", "uk", "ar"] {
        let before = body_text();
        choose("#lang-choice", code);
        if code != "de" {
            wait_until(code, || body_text() != before).await;
        }
        for n in 1..=5 {
            let area = format!(".area-bar li:nth-child({n}) button");
            one(&area).dyn_into::<HtmlElement>().expect("button").click();
            wait_until("the area opens", || all(&format!("{area}[aria-current=page]")).len() == 1).await;
            wait_until("its heading", || texts("main h1").concat().trim().len() > 1).await;
            assert_accessible(&format!("area {n} ({code}): {}", texts("main h1").concat())).await;
        }
    }
    choose("#lang-choice", "de");
}

/// Odeonsplatz's detail seen from Marienplatz, online, not a favourite; no
/// map opener on this machine.
fn odeonsplatz_from_marienplatz(lang: Lang) -> HotspotDetailProps {
    HotspotDetailProps {
        lang,
        site: sites()[2].clone(),
        place: Some(Place::new("Marienplatz", 11.5755, 48.1374)),
        attribution: ATTRIBUTION.into(),
        offline: false,
        map_error: Some(AppError::new(ErrorKind::OpenFailed, "no opener")),
        on_back: Callback::noop(),
        on_open_map: Callback::noop(),
        favourite: false,
        on_favourite: Callback::noop(),
    }
}

#[derive(Properties, PartialEq)]
struct DetailProps {
    inner: Rc<HotspotDetailProps>,
}

/// A site's detail in the page's main landmark, its star kept as App keeps
/// it: pressed, the site is a favourite.
#[component]
fn DetailInMain(p: &DetailProps) -> Html {
    let i = &p.inner;
    let fav = use_state(|| i.favourite);
    let on_favourite = {
        let fav = fav.clone();
        Callback::from(move |on| fav.set(on))
    };
    html! { <InMain><HotspotDetail lang={i.lang} site={i.site.clone()} place={i.place.clone()}
    attribution={i.attribution.clone()} offline={i.offline} map_error={i.map_error.clone()}
    favourite={*fav} on_favourite={on_favourite}
    on_back={i.on_back.clone()} on_open_map={i.on_open_map.clone()} /></InMain> }
}

/// A fresh host, the page's `lang` and `dir` set as App sets them.
fn host_in(lang: Lang) -> Element {
    let host = host();
    let root = document().document_element().expect("html");
    root.set_attribute("lang", lang.html()).expect("lang");
    root.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" }).expect("dir");
    host
}

/// The states below the areas, with data, in every language (the test
/// above sees each area as it opens, without data): the hotspot list sorted
/// from a district and the offline copy, a site's detail, the report's three
/// steps with problems named, the inbox. Axe and the layout checks, at both
/// widths; Arabic right to left.
#[wasm_bindgen_test]
async fn the_states_with_data_in_every_language_are_accessible() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    for lang in Lang::ALL {
        let code = lang.code();
        let load = Load::Ready(snapshot(DataSource::Live, now));
        yew::Renderer::<HotspotFinder>::with_root_and_props(host_in(lang), FinderProps { lang, load }).render();
        wait_until("the list", || all("#site-list li").len() == 5).await;
        open_place_choice().await;
        choose("#district-select", "Altstadt-Lehel");
        wait_until("sorted from the district", || texts("#current-place").concat().contains("Altstadt-Lehel")).await;
        assert_accessible(&format!("hotspot list, sorted ({code})")).await;

        let reason = AppError::new(ErrorKind::PortalUnreachable, "refused");
        let load = Load::Ready(snapshot(DataSource::Cache { reason }, now - 600));
        yew::Renderer::<HotspotFinder>::with_root_and_props(host_in(lang), FinderProps { lang, load }).render();
        wait_until("the offline notice", || all("#offline-notice").len() == 1).await;
        assert_accessible(&format!("hotspot list, offline copy ({code})")).await;

        let detail = HotspotDetailProps { offline: true, favourite: true, ..odeonsplatz_from_marienplatz(lang) };
        yew::Renderer::<DetailInMain>::with_root_and_props(host_in(lang), DetailProps { inner: Rc::new(detail) })
            .render();
        wait_until("the detail", || all("#site-address").len() == 1).await;
        assert_accessible(&format!("hotspot detail ({code})")).await;

        yew::Renderer::<ReportHarness>::with_root_and_props(host_in(lang), ReportHarnessProps { lang }).render();
        wait_until("categories", || all("#category-list li").len() == 2).await;
        assert_accessible(&format!("report, categories ({code})")).await;
        click(&all("#category-list button")[0]);
        wait_until("the form", || all("#report-place").len() == 1).await;
        click(&one("form button[type=submit]"));
        wait_until("problems listed", || !all("#form-problems li").is_empty()).await;
        assert_accessible(&format!("report, form with problems ({code})")).await;

        yew::Renderer::<NoticesHarness>::with_root_and_props(
            host_in(lang),
            NoticesHarnessProps { list: inbox(), lang },
        )
        .render();
        wait_until("the inbox", || all("#notices li").len() == 3).await;
        assert_accessible(&format!("notices ({code})")).await;
    }
    document().document_element().expect("html").set_attribute("dir", "ltr").expect("dir");
}

#[derive(Properties, PartialEq)]
struct NoticesHarnessProps {
    list: muc_wire::ipc::Notices,
    lang: Lang,
}

/// The notices page with the shell's answers made here: marks and settings
/// change the list, an opened link is shown in `#opened`.
#[component]
fn NoticesHarness(p: &NoticesHarnessProps) -> Html {
    use muc_frontend::pages::notices::{MarkOne, Notices};
    let list = use_state(|| p.list.clone());
    let opened = use_state(String::new);
    let on_read = {
        let l = list.clone();
        Callback::from(move |()| {
            let mut n = (*l).clone();
            n.notices.iter_mut().for_each(|x| x.read = true);
            l.set(n);
        })
    };
    let on_mark = {
        let l = list.clone();
        Callback::from(move |m: MarkOne| {
            let mut n = (*l).clone();
            if m.deleted {
                n.notices.retain(|x| x.key != m.key);
            }
            if let (Some(r), Some(x)) = (m.read, n.notices.iter_mut().find(|x| x.key == m.key)) {
                x.read = r;
            }
            l.set(n);
        })
    };
    let on_settings = {
        let l = list.clone();
        Callback::from(move |settings| l.set(muc_wire::ipc::Notices { settings, ..(*l).clone() }))
    };
    let on_open = {
        let o = opened.clone();
        Callback::from(move |link: String| o.set(link))
    };
    html! {
        <InMain>
            <Notices lang={p.lang} load={Load::Ready(Rc::new((*list).clone()))} {on_read} {on_mark} {on_settings} {on_open}
                on_my_reports={Callback::noop()} />
            <p id="opened">{ (*opened).clone() }</p>
            <p id="settings">{ format!("{:?}", list.settings) }</p>
        </InMain>
    }
}

/// Three notices, two new: a report's status, a warning, road works.
fn inbox() -> muc_wire::ipc::Notices {
    use muc_wire::ipc::{Notice, NoticeSettings, Notices};
    use muc_wire::notify::{Severity, Topic};
    let notice = |key: &str, topic, title: &str, link: Option<&str>, read| Notice {
        key: key.into(),
        topic,
        severity: Severity::Info,
        title: title.into(),
        text: "Leuchtmittel getauscht.".into(),
        link: link.map(str::to_string),
        at: 1_795_000_000,
        read,
    };
    Notices {
        notices: vec![
            notice("portal:3", Topic::ReportStatus, "MUC-2: Erledigt", Some("report:MUC-2"), false),
            notice("portal:2", Topic::Warnings, "Sturmwarnung", None, true),
            notice("portal:1", Topic::RoadWorks, "Sperrung Leopoldstraße", Some("screen:hotspots"), false),
        ],
        settings: NoticeSettings::default(),
        waiting: false,
    }
}

/// The inbox: new ones counted and marked, filtered by topic, opened (the
/// link goes to the shell, the notice counts as read), marked unread,
/// deleted; settings for topics, districts and quiet hours, each kept at
/// once; axe finds nothing at each step.
#[wasm_bindgen_test]
async fn notices_are_read_filtered_opened_and_deleted() {
    let list = inbox();
    yew::Renderer::<NoticesHarness>::with_root_and_props(host(), NoticesHarnessProps { list, lang: Lang::De }).render();
    wait_until("the inbox", || all("#notices li").len() == 3).await;
    assert_eq!(texts("#notices-count").concat(), "2 neue Benachrichtigungen.");
    let first = texts("#notices li").remove(0);
    assert!(first.contains("Neu") && first.contains("MUC-2: Erledigt") && first.contains("Meine Meldungen"), "{first}");
    assert_accessible("notices").await;

    choose("#notices-topic", "warnings");
    wait_until("only warnings", || all("#notices li").len() == 1).await;
    assert!(texts("#notices li")[0].contains("Sturmwarnung"));
    choose("#notices-topic", "");
    wait_until("all again", || all("#notices li").len() == 3).await;

    click(&one("button[aria-label=\"Öffnen: MUC-2: Erledigt\"]"));
    wait_until("opened", || texts("#opened").concat() == "report:MUC-2").await;
    wait_until("read when opened", || texts("#notices-count").concat() == "1 neue Benachrichtigung.").await;
    click(&one("button[aria-label=\"Als ungelesen markieren: MUC-2: Erledigt\"]"));
    wait_until("unread again", || texts("#notices-count").concat() == "2 neue Benachrichtigungen.").await;
    click(&one("button[aria-label=\"Löschen: Sturmwarnung\"]"));
    wait_until("deleted", || all("#notices li").len() == 2).await;
    click(&button("Alle als gelesen markieren"));
    wait_until("all read", || texts("#notices-count").concat() == "Keine neuen Benachrichtigungen.").await;

    click(&one("#desktop-notices"));
    wait_until("desktop off", || !one("#desktop-notices").dyn_into::<HtmlInputElement>().expect("box").checked()).await;
    click(&one("#topic-road_works"));
    wait_until("road works chosen", || texts("#settings").concat().contains("topics: [RoadWorks]")).await;
    click(&one("#district-9"));
    wait_until("district chosen", || texts("#settings").concat().contains("districts: [9]")).await;
    click(&one("#quiet-hours"));
    wait_until("quiet hours", || texts("#settings").concat().contains("quiet: Some((1320, 420))")).await;
    assert_eq!(one("#quiet-from").dyn_into::<HtmlInputElement>().expect("time").value(), "22:00");
    assert_accessible("notices, read, settings").await;
}

/// What the shell injects into the page (`window.__MUC_…__`), for one test:
/// removed again when it ends.
struct Injected(Vec<&'static str>);

impl Injected {
    fn start_on_hotspots() -> Self {
        let info = muc_wire::ipc::AppInfo {
            version: "0.1.0".into(),
            portal_url: "http://127.0.0.1:9".into(),
            start_screen: Some("hotspots".into()),
            tile_url: None,
            kiosk_idle_secs: None,
            kiosk_problem: None,
            phone: false,
        };
        Injected(Vec::new()).with("__MUC_APP_INFO__", &info)
    }

    fn with(mut self, name: &'static str, value: &impl serde::Serialize) -> Self {
        let value = serde_wasm_bindgen::to_value(value).expect("to JS");
        js_sys::Reflect::set(&js_sys::global(), &name.into(), &value).expect("set");
        self.0.push(name);
        self
    }
}

impl Drop for Injected {
    fn drop(&mut self) {
        for name in &self.0 {
            let _ =
                js_sys::Reflect::delete_property(js_sys::global().unchecked_ref::<js_sys::Object>(), &(*name).into());
        }
    }
}

/// The start information the shell injects (`window.__MUC_APP_INFO__`) is read
/// at once: the start screen is the first thing drawn, with no call to the
/// shell (there is none here).
#[wasm_bindgen_test]
async fn the_injected_start_screen_is_drawn_first() {
    let _injected = Injected::start_on_hotspots();
    yew::Renderer::<App>::with_root(host()).render();
    // The first render is the hotspot list, not the home screen.
    wait_until("a first screen", || !all("h1").is_empty()).await;
    assert!(!body_text().contains("Willkommen"), "home was drawn first: {}", body_text());
    wait_until("its error (no shell here)", || body_text().contains("konnten nicht geladen werden")).await;
    assert_accessible("hotspot list as start screen").await;
}

/// Opening on the hotspot list with sites saved on the device: they are
/// drawn with the first screen, before any answer; when no answer can come
/// (no shell here) they stay, marked offline with the reason, instead of
/// giving way to an error.
#[wasm_bindgen_test]
async fn the_saved_sites_are_drawn_first_and_kept_when_no_answer_comes() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let saved = snapshot(DataSource::Saved, now - 600);
    let _injected = Injected::start_on_hotspots().with("__MUC_SAVED_HOTSPOTS__", &*saved);
    yew::Renderer::<App>::with_root(host()).render();
    until_drawn_in_microtasks("#site-list li").await;
    wait_until("the offline notice", || all("#offline-notice").len() == 1).await;
    assert_eq!(all("#site-list li").len(), 5, "the saved sites stay");
    assert!(all("[role=alert]").is_empty(), "no error in place of the list: {}", body_text());
    assert!(texts("#offline-notice").concat().contains("vor 10 Minuten"));
    assert_accessible("saved sites, no answer").await;
}

/// Opening on the hotspot list with five sites saved ten minutes before
/// `now`, in a shell that notes every call in `window.__invoked` and
/// refuses it (there is no shell here).
fn opening_on_the_list_with_a_saved_copy(now: i64) -> Injected {
    js_sys::eval(
        "window.__invoked = []; window.__TAURI__ = { core: { invoke: (cmd) => { window.__invoked.push(cmd); \
            return Promise.reject({ kind: 'ipc', detail: 'no shell in this test' }); } } }",
    )
    .expect("the IPC stand-in");
    let mut page =
        Injected::start_on_hotspots().with("__MUC_SAVED_HOTSPOTS__", &*snapshot(DataSource::Saved, now - 600));
    page.0.extend(["__TAURI__", "__invoked"]);
    page
}

fn invoked() -> Vec<String> {
    let calls = js_sys::Reflect::get(&js_sys::global(), &"__invoked".into()).expect("calls");
    js_sys::Array::from(&calls).iter().filter_map(|c| c.as_string()).collect()
}

/// The page's early call for the sites as the shell's initialization script
/// makes it (src-tauri's `startup::ask_early`): `{ promise, answer }`, the
/// answer set when the promise fulfils; here the test settles it through
/// `window.__earlyOk` / `__earlyFail`.
fn an_early_call_under_way() -> Injected {
    js_sys::eval(
        "window.__MUC_EARLY_HOTSPOTS__ = (() => { const early = {}; \
            early.promise = new Promise((ok, fail) => { window.__earlyOk = ok; window.__earlyFail = fail; }) \
                .then((answer) => (early.answer = answer)); \
            early.promise.catch(() => {}); return early; })();",
    )
    .expect("the early call");
    Injected(vec!["__MUC_EARLY_HOTSPOTS__", "__earlyOk", "__earlyFail"])
}

fn settle_the_early_call(how: &str, with: &impl serde::Serialize) {
    let settle: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &how.into()).expect("settle").dyn_into().expect("a function");
    settle.call1(&JsValue::NULL, &serde_wasm_bindgen::to_value(with).expect("to JS")).expect("settled");
}

/// The live sites as the shell answers: four of the five saved ones.
fn four_live_sites(now: i64) -> HotspotSnapshot {
    let mut live = (*snapshot(DataSource::Live, now)).clone();
    live.sites.truncate(4);
    live
}

/// Opening on the hotspot list, the page asked for the sites as it loaded
/// and the answer came before the frontend ran (what happens on a good
/// connection): the first frame shows it, current, not the saved copy, and
/// the shell is not asked again.
#[wasm_bindgen_test]
async fn an_early_answer_is_the_first_frame_and_nothing_more_is_asked() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let _page = opening_on_the_list_with_a_saved_copy(now);
    let _early = an_early_call_under_way();
    settle_the_early_call("__earlyOk", &four_live_sites(now));
    // The answer is in the page once the promise's handlers ran.
    wait_until("the early answer", || {
        js_sys::eval("window.__MUC_EARLY_HOTSPOTS__.answer !== undefined").is_ok_and(|v| v.is_truthy())
    })
    .await;
    yew::Renderer::<App>::with_root(host()).render();
    until_drawn_in_microtasks("#site-list li").await;
    assert_eq!(all("#site-list li").len(), 4, "the answer, not the saved copy, is drawn first");
    assert!(all("#refreshing-notice").is_empty(), "not marked as being refreshed");
    assert!(texts(".status").concat().contains("Aktuelle Daten"), "{}", body_text());
    // Given time, nothing changes: no second call for the sites.
    gloo_timers::future::sleep(Duration::from_millis(200)).await;
    assert!(!invoked().iter().any(|c| c == "load_hotspots"), "asked again: {:?}", invoked());
    assert_eq!(all("#site-list li").len(), 4);
    assert!(all("[role=alert]").is_empty() && all("#offline-notice").is_empty(), "{}", body_text());
    assert_accessible("the early answer as the first frame").await;
}

/// The early call still under way when the frontend runs (a slow portal):
/// the saved copy first, being refreshed; the call's answer replaces it
/// when it comes, without a second call; a call that fails leaves the copy,
/// marked offline with the reason.
#[wasm_bindgen_test]
async fn an_early_call_under_way_is_awaited_not_repeated() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let _page = opening_on_the_list_with_a_saved_copy(now);
    {
        let _early = an_early_call_under_way();
        yew::Renderer::<App>::with_root(host()).render();
        until_drawn_in_microtasks("#site-list li").await;
        assert_eq!(all("#site-list li").len(), 5, "the saved copy first");
        assert_eq!(all("#refreshing-notice").len(), 1);
        settle_the_early_call("__earlyOk", &four_live_sites(now));
        wait_until("the answer drawn", || all("#site-list li").len() == 4).await;
        assert!(all("#refreshing-notice").is_empty() && all("#offline-notice").is_empty(), "{}", body_text());
        assert!(!invoked().iter().any(|c| c == "load_hotspots"), "asked again: {:?}", invoked());
    }
    let _early = an_early_call_under_way();
    yew::Renderer::<App>::with_root(host()).render();
    until_drawn_in_microtasks("#site-list li").await;
    let unreachable = AppError::new(ErrorKind::PortalUnreachable, "connection refused");
    settle_the_early_call("__earlyFail", &unreachable);
    wait_until("the offline notice", || all("#offline-notice").len() == 1).await;
    assert_eq!(all("#site-list li").len(), 5, "the saved sites stay");
    assert!(texts("#offline-notice").concat().contains("nicht erreichbar"), "{}", body_text());
    assert!(!invoked().iter().any(|c| c == "load_hotspots"), "asked again: {:?}", invoked());
    assert_accessible("early call failed: the saved copy, offline").await;
}

/// While the portal is asked, the saved copy says it is being updated, and
/// from when; it asks nothing of the person.
#[wasm_bindgen_test]
async fn saved_sites_being_refreshed_say_so() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    yew::Renderer::<HotspotFinder>::with_root_and_props(
        host(),
        FinderProps { lang: Lang::De, load: Load::Ready(snapshot(DataSource::Saved, now - 600)) },
    )
    .render();
    wait_until("the notice", || all("#refreshing-notice").len() == 1).await;
    let notice = one("#refreshing-notice");
    assert!(notice.text_content().unwrap_or_default().contains("werden aktualisiert"));
    assert_eq!(notice.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(all("#offline-notice").is_empty());
    assert!(notice.query_selector("button").expect("selector").is_none(), "nothing to press");
    assert_eq!(all("#site-list li").len(), 5);
    assert_accessible("saved sites, being refreshed").await;
}

#[wasm_bindgen_test]
async fn finder_without_the_shell_says_what_is_wrong() {
    // In a plain browser there is no Tauri shell: the app must explain, not go blank.
    yew::Renderer::<App>::with_root(host()).render();
    wait_until("home", || body_text().contains("Willkommen")).await;
    click(&button("Freies WLAN"));
    wait_until("an error message", || body_text().contains("konnten nicht geladen werden")).await;
    assert!(one("[role=alert]").text_content().unwrap_or_default().contains("App neu"));
    assert_accessible("finder, failed").await;
}

#[wasm_bindgen_test]
async fn finder_sorts_by_distance_filters_and_selects() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    yew::Renderer::<HotspotFinder>::with_root_and_props(
        host(),
        FinderProps { lang: Lang::De, load: Load::Ready(snapshot(DataSource::Live, now)) },
    )
    .render();
    wait_until("the list", || all("#site-list li").len() == 5).await;
    assert_eq!(texts("#site-list .site-name")[0], "Limesstr. M002-M016", "alphabetical without a place");
    assert_accessible("finder, no place").await;

    // The place form and the districts are behind a button, the sites in view.
    let toggle = one("#place-choice-toggle");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(all("#place-input").is_empty() && all("#district-select").is_empty(), "closed at first");
    open_place_choice().await;
    assert_eq!(one("#place-choice-toggle").get_attribute("aria-expanded").as_deref(), Some("true"));
    wait_until("focus in the place field", || document().active_element().is_some_and(|e| e.id() == "place-input"))
        .await;
    assert_accessible("finder, place choice open").await;

    type_into("#place-input", "marienplatz");
    click(&button("Übernehmen"));
    wait_until("sorted from Marienplatz", || texts("#list-heading").concat().contains("ab Marienplatz")).await;
    let names = texts("#site-list .site-name");
    assert_eq!(names, ["Marienplatz West", "Marienplatz Ost", "Odeonsplatz", "Pinakothek", "Limesstr. M002-M016"]);
    assert_eq!(texts("#site-list .site-distance")[0], "40 m");
    assert!(texts("#site-list .site-distance")[4].ends_with(" km"));
    assert_accessible("finder, sorted").await;

    choose("#kind-select", "TOS");
    wait_until("filtered to TOS", || all("#site-list li").len() == 2).await;
    assert!(texts("#site-list .site-meta").iter().all(|m| m.starts_with("Infosäule (TOS)")));

    type_into("#place-input", "Atlantis");
    click(&button("Übernehmen"));
    wait_until("an unknown place is explained", || all("#place-error").len() == 1).await;
    assert_eq!(one("#place-input").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(texts("#current-place").concat().contains("Marienplatz"), "the last place is kept");
    assert_accessible("finder, unknown place").await;

    choose("#district-select", "Pasing-Obermenzing");
    wait_until("sorted from Pasing", || texts("#list-heading").concat().contains("ab Pasing-Obermenzing")).await;

    click(&all("#site-list button")[0]);
    wait_until("a site selected", || all("#selected").len() == 1).await;
}

/// The first list after start draws its first rows with the first frame and
/// the rest right after (start-up time); it says it is still filling
/// (`aria-busy`) until it is whole. Any later list is whole at once.
#[wasm_bindgen_test]
async fn the_first_list_after_start_is_drawn_in_two_parts() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let many: Vec<Site> = (0..50)
        .map(|i| {
            site(&format!("site-{i:02}"), &format!("Standort {i:02}"), "TOS", 1, 11.5 + f64::from(i) / 1000.0, 48.1)
        })
        .collect();
    let load = || {
        Load::Ready(Rc::new(HotspotSnapshot {
            sites: many.clone(),
            fetched_at: now,
            source: DataSource::Live,
            attribution: ATTRIBUTION.into(),
        }))
    };
    draw_the_next_list_as_at_start();
    yew::Renderer::<HotspotFinder>::with_root_and_props(host(), FinderProps { lang: Lang::De, load: load() }).render();
    until_drawn_in_microtasks("#site-list li").await;
    assert_eq!(all("#site-list li").len(), FIRST_ROWS, "first rows only");
    assert_eq!(one("#site-list").get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(texts("#list-heading").concat().starts_with("50 Standorte"), "the heading counts all");
    assert_eq!(texts("#kind-select option"), ["Alle (50)"], "the kinds come with the rest");
    wait_until("the whole list", || all("#site-list li").len() == 50).await;
    assert_eq!(one("#site-list").get_attribute("aria-busy").as_deref(), Some("false"));
    assert_eq!(texts("#kind-select option").len(), 2, "all kinds, and each kind");
    assert_accessible("finder, whole list").await;

    yew::Renderer::<HotspotFinder>::with_root_and_props(host(), FinderProps { lang: Lang::De, load: load() }).render();
    until_drawn_in_microtasks("#site-list li").await;
    assert_eq!(all("#site-list li").len(), 50, "later lists are whole at once");
}

thread_local! {
    /// Hands the finder of `FedFinder` a new state, as the area does when the portal answers.
    static FEED: std::cell::RefCell<Option<Callback<Load<HotspotSnapshot>>>> = const { std::cell::RefCell::new(None) };
}

/// The finder whose sites change while it is on screen.
#[component]
fn FedFinder(props: &FinderProps) -> Html {
    let load = use_state(|| props.load.clone());
    let feed = load.setter();
    FEED.with(|f| *f.borrow_mut() = Some(Callback::from(move |l| feed.set(l))));
    html! { <HotspotFinder lang={props.lang} load={(*load).clone()} /> }
}

fn fifty_sites(source: DataSource, fetched_at: i64) -> Load<HotspotSnapshot> {
    let sites = (0..50)
        .map(|i| {
            site(&format!("site-{i:02}"), &format!("Standort {i:02}"), "TOS", 1, 11.5 + f64::from(i) / 1000.0, 48.1)
        })
        .collect();
    Load::Ready(Rc::new(HotspotSnapshot { sites, fetched_at, source, attribution: ATTRIBUTION.into() }))
}

/// The first list after start, from a saved copy of fifty sites; returns now (Unix seconds).
async fn open_with_fifty_saved_sites() -> i64 {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    draw_the_next_list_as_at_start();
    yew::Renderer::<FedFinder>::with_root_and_props(
        host(),
        FinderProps { lang: Lang::De, load: fifty_sites(DataSource::Saved, now - 600) },
    )
    .render();
    until_drawn_in_microtasks("#site-list li").await;
    now
}

/// Opened with the saved copy, the first list's rest waits for the
/// portal's answer (drawn once, from the answer); the answer's status line
/// comes first.
#[wasm_bindgen_test]
async fn the_saved_lists_rest_waits_for_the_portals_answer() {
    let now = open_with_fifty_saved_sites().await;
    assert_eq!(all("#refreshing-notice").len(), 1);
    // Well past the two frames after which a live list draws its rest.
    gloo_timers::future::sleep(Duration::from_millis(120)).await;
    assert_eq!(all("#site-list li").len(), FIRST_ROWS, "the rest waits for the answer");
    assert_eq!(one("#site-list").get_attribute("aria-busy").as_deref(), Some("true"));

    FEED.with(|f| f.borrow().clone()).expect("fed").emit(fifty_sites(DataSource::Live, now));
    wait_until("the answer's status", || texts(".status").concat().contains("Aktuelle Daten")).await;
    wait_until("the whole list", || all("#site-list li").len() == 50).await;
    assert!(all("#refreshing-notice").is_empty());
    assert_eq!(one("#site-list").get_attribute("aria-busy").as_deref(), Some("false"));
    assert_accessible("finder, answer after the saved copy").await;
}

/// An answer with other sites than the saved copy is drawn (the list
/// compares the sites, not where they came from).
#[wasm_bindgen_test]
async fn an_answer_with_other_sites_redraws_the_saved_list() {
    let now = open_with_fifty_saved_sites().await;
    assert_eq!(texts("#site-list .site-name")[0], "Standort 00");
    let Load::Ready(copy) = fifty_sites(DataSource::Live, now) else { unreachable!() };
    let mut sites = copy.sites.clone();
    sites[0].name = "Standort 00 (neu)".into();
    sites.pop();
    FEED.with(|f| f.borrow().clone())
        .expect("fed")
        .emit(Load::Ready(Rc::new(HotspotSnapshot { sites, ..(*copy).clone() })));
    wait_until("the answer's sites", || all("#site-list li").len() == 49).await;
    assert_eq!(texts("#site-list .site-name")[0], "Standort 00 (neu)");
    assert!(texts("#list-heading").concat().starts_with("49 Standorte"));
}

/// A portal that does not answer does not hold up the saved list's rest.
#[wasm_bindgen_test]
async fn the_saved_lists_rest_comes_without_an_answer() {
    open_with_fifty_saved_sites().await;
    assert_eq!(all("#site-list li").len(), FIRST_ROWS);
    wait_until("the whole saved list", || all("#site-list li").len() == 50).await;
    assert_eq!(all("#refreshing-notice").len(), 1, "still being refreshed");
    assert_eq!(one("#site-list").get_attribute("aria-busy").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn offline_copy_shows_its_age() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let reason = AppError::new(ErrorKind::PortalUnreachable, "connection refused");
    yew::Renderer::<HotspotFinder>::with_root_and_props(
        host(),
        FinderProps { lang: Lang::De, load: Load::Ready(snapshot(DataSource::Cache { reason }, now - 600)) },
    )
    .render();
    wait_until("the offline notice", || all("#offline-notice").len() == 1).await;
    let notice = one("#offline-notice").text_content().unwrap_or_default();
    assert!(notice.contains("Offline"), "{notice}");
    assert!(notice.contains("vor 10 Minuten"), "{notice}");
    assert!(notice.contains("nicht erreichbar"), "{notice}");
    assert_eq!(all("#site-list li").len(), 5, "the saved list is shown");
    assert_accessible("finder, offline").await;
}

#[wasm_bindgen_test]
async fn loading_and_failure_states_are_announced() {
    yew::Renderer::<HotspotFinder>::with_root_and_props(host(), FinderProps { lang: Lang::De, load: Load::Loading })
        .render();
    wait_until("loading", || body_text().contains("werden geladen")).await;
    assert_eq!(one(".status").get_attribute("role").as_deref(), Some("status"));
    assert_accessible("finder, loading").await;

    let err = AppError::new(ErrorKind::PortalUnreachable, "refused");
    yew::Renderer::<HotspotFinder>::with_root_and_props(
        host(),
        FinderProps { lang: Lang::De, load: Load::Failed(err) },
    )
    .render();
    wait_until("failure", || all("[role=alert]").len() == 1).await;
    assert!(body_text().contains("keine Standorte gespeichert"));
    assert_accessible("finder, failed").await;
}

#[wasm_bindgen_test]
async fn detail_shows_address_kind_access_points_distance() {
    let props = odeonsplatz_from_marienplatz(Lang::De);
    yew::Renderer::<DetailInMain>::with_root_and_props(host(), DetailProps { inner: Rc::new(props) }).render();
    wait_until("the detail", || all("#site-address").len() == 1).await;
    assert_eq!(one("#site-address").text_content().as_deref(), Some("Odeonsplatz, München"));
    let t = body_text();
    assert!(t.contains("3 Zugangspunkte"), "{t}");
    // The data's kind in words, with what it means.
    assert!(t.contains("Öffentlicher Platz mit Infosäule (TOS)"), "{t}");
    assert!(t.contains("M-WLAN im Freien auf einem Platz"), "{t}");
    assert!(t.contains("ab Marienplatz"), "{t}");
    assert!(t.contains("Datenquelle: Landeshauptstadt München"), "{t}");
    assert!(t.contains("Die Karte konnte nicht geöffnet werden"), "{t}");
    assert_accessible("detail").await;
    let star = one("#site-favourite");
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&star);
    wait_until("marked", || one("#site-favourite").get_attribute("aria-pressed").as_deref() == Some("true")).await;
    assert!(one("#site-favourite").text_content().unwrap_or_default().contains("★ Favorit"));
    assert_accessible("detail, a favourite").await;
}

/// The portal's real seed catalogue.
fn seed_finders() -> Vec<Finder> {
    #[derive(serde::Deserialize)]
    struct Seed {
        finders: Vec<Finder>,
    }
    let seed: Seed = serde_json::from_str(include_str!("../../portal/data/finders.json")).expect("seed");
    let mut finders = seed.finders;
    // An operator's accessibility note, as the catalogue may carry one.
    finders[0].accessibility_de = Some("Die Seite ist mit Screenreader bedienbar.".into());
    finders
}

/// Holds favourites and records what was opened, the way App and the shell do.
#[derive(Properties, PartialEq)]
struct DirectoryProps {
    source: DataSource,
    fetched_ago: i64,
}

#[component]
fn Directory(props: &DirectoryProps) -> Html {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let favourites = use_state(|| vec!["pflegefinder-bayern".to_string()]);
    let opened = use_state(|| None::<(String, OpenVia)>);
    let snapshot = Rc::new(FinderSnapshot {
        finders: seed_finders(),
        fetched_at: now - props.fetched_ago,
        source: props.source.clone(),
        favourites: (*favourites).clone(),
    });
    let on_favourite = {
        let favourites = favourites.clone();
        Callback::from(move |(id, on): (String, bool)| {
            let mut v: Vec<String> = (*favourites).iter().filter(|x| **x != id).cloned().collect();
            if on {
                v.push(id);
            }
            favourites.set(v);
        })
    };
    html! {
        <InMain>
            <Finders lang={Lang::De} load={FinderLoad::Ready(snapshot)} now={now} open_error={None::<AppError>}
                on_open={{ let o = opened.clone(); Callback::from(move |x| o.set(Some(x))) }}
                on_favourite={on_favourite} on_refresh={Callback::noop()} />
            if let Some((id, via)) = &*opened { <p id="opened">{ format!("{id} {via:?}") }</p> }
        </InMain>
    }
}

fn first_result() -> String {
    texts("#finder-list h3").first().cloned().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn directory_search_forgives_typos_and_filters() {
    yew::Renderer::<Directory>::with_root_and_props(
        host(),
        DirectoryProps { source: DataSource::Live, fetched_ago: 0 },
    )
    .render();
    wait_until("the directory", || all("#finder-list li").len() >= 10).await;
    assert_eq!(texts("#favourites h3"), ["PflegeFinder Bayern"]);
    assert!(texts(".finder-access").concat().contains("Screenreader"), "accessibility notes are shown");
    assert_accessible("directory").await;

    for (query, expected) in [
        ("hebame", "Hebammensuche (Hebammenliste der Krankenkassen)"),
        ("Pflege heim", "PflegeFinder Bayern"),
        ("kita", "Kita-Finder+ München"),
        ("Kinderbetreuung", "Kita-Finder+ München"),
        ("ARZTTERMIN", "Patientenservice 116117 (Bereitschaftsdienst und Terminservice)"),
    ] {
        type_into("#finder-search", query);
        wait_until(&format!("results for {query}"), || first_result() == expected).await;
    }
    type_into("#finder-search", "Raumfahrt");
    wait_until("no results", || all("#finder-list li").is_empty()).await;
    assert!(body_text().contains("Nichts gefunden"));
    assert_eq!(texts("#result-count"), ["0 Treffer"]);
    assert_accessible("directory, nothing found").await;

    type_into("#finder-search", "");
    choose("#category-select", "childcare");
    wait_until("childcare only", || all("#finder-list li").len() == 1).await;
    choose("#category-select", "");
    choose("#group-select", "pregnant_women");
    wait_until("for pregnant women", || texts("#finder-list h3").iter().any(|t| t.starts_with("Hebammensuche"))).await;
    assert!(texts("#finder-list h3").iter().all(|t| !t.starts_with("Kita")), "{:?}", texts("#finder-list h3"));
}

#[wasm_bindgen_test]
async fn directory_opens_by_id_and_keeps_favourites() {
    yew::Renderer::<Directory>::with_root_and_props(
        host(),
        DirectoryProps { source: DataSource::Live, fetched_ago: 0 },
    )
    .render();
    wait_until("the directory", || all("#finder-list li").len() >= 10).await;
    type_into("#finder-search", "116117");
    wait_until("116117 first", || first_result().starts_with("Patientenservice 116117")).await;
    click(&all("#finder-list li:first-child button")[0]);
    wait_until("opened the website", || texts("#opened").concat() == "patientenservice-116117 Web").await;
    click(&button("Anrufen: 116117"));
    wait_until("called", || texts("#opened").concat() == "patientenservice-116117 Phone").await;

    let fav = all("#finder-list li:first-child button")
        .into_iter()
        .find(|b| b.get_attribute("aria-pressed").is_some())
        .expect("favourite button");
    assert_eq!(fav.get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&fav);
    wait_until("two favourites", || all("#favourites li").len() == 2).await;
    assert_accessible("directory, two favourites").await;
}

#[wasm_bindgen_test]
async fn directory_offline_says_when_it_was_updated() {
    let reason = AppError::new(ErrorKind::PortalUnreachable, "refused");
    yew::Renderer::<Directory>::with_root_and_props(
        host(),
        DirectoryProps { source: DataSource::Cache { reason }, fetched_ago: 7200 },
    )
    .render();
    wait_until("the offline notice", || all("#finders-offline").len() == 1).await;
    let notice = one("#finders-offline").text_content().unwrap_or_default();
    assert!(notice.contains("vor 2 Stunden"), "{notice}");
    assert!(all("#finder-list li").len() >= 10, "the saved directory is usable");
    assert_accessible("directory, offline").await;
}

fn catalogue() -> Rc<muc_wire::ipc::ReportCatalogue> {
    use muc_wire::open311::{Attribute, AttributeValue, Datatype, Service, ServiceDefinition};
    let attr = |code: &str,
                datatype: Datatype,
                required: bool,
                variable: bool,
                order: u32,
                description: &str,
                values: &[(&str, &str)]| Attribute {
        variable,
        code: code.into(),
        datatype,
        required,
        datatype_description: None,
        order: Some(order),
        description: Some(description.into()),
        values: values.iter().map(|(k, n)| AttributeValue { key: k.to_string(), name: n.to_string() }).collect(),
    };
    let cat = |code: &str, name: &str, keywords: &str, attributes: Vec<Attribute>| muc_wire::ipc::ReportCategory {
        service: Service {
            service_code: code.into(),
            service_name: name.into(),
            description: Some(format!("{name} melden")),
            metadata: true,
            kind: "realtime".into(),
            keywords: Some(keywords.into()),
            group: None,
        },
        definition: ServiceDefinition { service_code: code.into(), attributes },
    };
    Rc::new(muc_wire::ipc::ReportCatalogue {
        categories: vec![
            cat(
                "strassenbeleuchtung",
                "Straßenbeleuchtung",
                "Laterne,Licht",
                vec![
                    attr("notfall", Datatype::Text, false, false, 0, "Bei Gefahr rufen Sie 112.", &[]),
                    attr(
                        "art",
                        Datatype::Singlevaluelist,
                        true,
                        true,
                        1,
                        "Was ist mit der Laterne?",
                        &[("dunkel", "Leuchtet nicht"), ("flackert", "Flackert")],
                    ),
                    attr("mastnummer", Datatype::String, false, true, 2, "Nummer am Mast", &[]),
                ],
            ),
            cat(
                "muell",
                "Müll und illegale Ablagerungen",
                "Sperrmüll",
                vec![
                    attr(
                        "art",
                        Datatype::Multivaluelist,
                        true,
                        true,
                        1,
                        "Was liegt dort?",
                        &[("sperrmuell", "Sperrmüll"), ("hausmuell", "Hausmüll")],
                    ),
                    attr("menge", Datatype::Number, false, true, 2, "Menge in Kubikmetern", &[]),
                    attr("bemerkt", Datatype::Datetime, false, true, 3, "Wann bemerkt?", &[]),
                    attr("hinweis", Datatype::Text, false, true, 4, "Weitere Hinweise", &[]),
                ],
            ),
        ],
        fetched_at: 0,
        source: DataSource::Live,
    })
}

/// An open street-light report already known nearby (the portal would answer this).
fn nearby_open(code: &str) -> Vec<muc_wire::open311::ServiceRequest> {
    if code != "strassenbeleuchtung" {
        return Vec::new();
    }
    vec![muc_wire::open311::ServiceRequest {
        description: Some("Laterne vor dem Rathaus dunkel".into()),
        lat: Some(48.1374),
        long: Some(11.5755),
        ..muc_wire::open311::ServiceRequest::new("MUC-0000000001", code, "open", "2026-11-27T18:00:00Z")
    }]
}

#[derive(Properties, PartialEq)]
struct ReportHarnessProps {
    lang: Lang,
}

/// Keeps drafts in memory the way the shell keeps them on disk.
#[component]
fn ReportHarness(p: &ReportHarnessProps) -> Html {
    use muc_wire::ipc::{Draft, DraftWithPhotos, SaveDraftArgs, SubmitReportArgs};
    let sent = use_state(|| None::<SubmitReportArgs>);
    let supported = use_state(|| None::<String>);
    let nearby = use_state(|| Load::Ready(Rc::new(Vec::new())));
    let store = use_mut_ref(std::collections::BTreeMap::<String, (Draft, Vec<Vec<u8>>)>::new);
    let drafts = use_state(|| Load::Ready(Rc::new(Vec::<Draft>::new())));
    let resumed = use_state(|| None::<Resumed>);
    let list = {
        let (store, drafts) = (store.clone(), drafts.clone());
        move || drafts.set(Load::Ready(Rc::new(store.borrow().values().map(|(d, _)| d.clone()).collect())))
    };
    let on_save_draft = {
        let (store, list) = (store.clone(), list.clone());
        Callback::from(move |a: SaveDraftArgs| {
            let mut st = store.borrow_mut();
            let photos = a.photos.or_else(|| st.get(&a.draft.id).map(|(_, p)| p.clone())).unwrap_or_default();
            let mut d = a.draft;
            d.updated_at = 1_764_000_000;
            st.insert(d.id.clone(), (d, photos));
            drop(st);
            list();
        })
    };
    let on_resume = {
        let (store, resumed) = (store.clone(), resumed.clone());
        Callback::from(move |id: String| {
            if let Some((draft, photos)) = store.borrow().get(&id).cloned() {
                let nonce = resumed.as_ref().map_or(0, |r| r.nonce + 1);
                resumed.set(Some(Resumed { nonce, draft: Rc::new(DraftWithPhotos { draft, photos }) }));
            }
        })
    };
    let on_delete_draft = {
        let (store, list) = (store.clone(), list.clone());
        Callback::from(move |id: String| {
            store.borrow_mut().remove(&id);
            list();
        })
    };
    let on_submit = {
        let s = sent.clone();
        Callback::from(move |a: SubmitReportArgs| s.set(Some(a)))
    };
    let favourite_categories = use_state(Vec::<String>::new);
    html! {
        <InMain>
            <Report lang={p.lang} catalogue={Load::Ready(catalogue())} sending={false} send_error={None::<AppError>}
                on_submit={on_submit} on_my_reports={Callback::noop()} nearby={(*nearby).clone()}
                on_review={{ let n = nearby.clone(); Callback::from(move |(code, _lat, _lon): (String, f64, f64)| n.set(Load::Ready(Rc::new(nearby_open(&code))))) }}
                drafts={(*drafts).clone()} on_save_draft={on_save_draft} on_resume={on_resume}
                resumed={(*resumed).clone()} on_delete_draft={on_delete_draft}
                favourite_categories={(*favourite_categories).clone()}
                profile_email={Some("anna@example.org".to_string())}
                on_favourite_category={{ let f = favourite_categories.clone(); Callback::from(move |(code, on): (String, bool)| {
                    let mut v: Vec<String> = (*f).iter().filter(|c| **c != code).cloned().collect();
                    if on { v.push(code); }
                    f.set(v);
                }) }}
                on_support={{ let s = supported.clone(); Callback::from(move |id| s.set(Some(id))) }} />
            if let Some(id) = &*supported { <p id="supported">{ id }</p> }
            if let Some(a) = &*sent { <p id="sent">{ format!("{} {:?} {:?} {:?} {} {:?}", a.report.service_code, a.report.attributes, a.report.address, a.report.email, a.photos.len(), a.draft_id.is_some()) }</p> }
        </InMain>
    }
}

#[wasm_bindgen_test]
async fn report_form_is_generated_checked_and_reviewed() {
    yew::Renderer::<ReportHarness>::with_root_and_props(host(), ReportHarnessProps { lang: Lang::De }).render();
    wait_until("categories", || all("#category-list li").len() == 2).await;
    assert_accessible("report, categories").await;
    type_into("#category-search", "Sperrmül");
    wait_until("a typo still finds litter", || {
        texts("#category-list .tile-title").concat() == "Müll und illegale Ablagerungen"
    })
    .await;
    type_into("#category-search", "laterne");
    wait_until("search narrows to street lighting", || {
        texts("#category-list .tile-title").concat() == "Straßenbeleuchtung"
    })
    .await;
    click(&all("#category-list button")[0]);
    wait_until("the form", || all("#attr-art").len() == 1).await;
    assert!(body_text().contains("Bei Gefahr rufen Sie 112."), "information-only attributes are shown");
    assert_accessible("report, form").await;

    // Sending with nothing filled in: every problem is named, nothing is lost.
    click(&button("Weiter zur Übersicht"));
    wait_until("problems listed", || all("#form-problems li").len() == 2).await;
    assert_eq!(one("#attr-art").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(one("#report-place").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_accessible("report, problems").await;

    choose("#attr-art", "dunkel");
    type_into("#report-place", "Marienplatz");
    wait_until("place found", || texts("#report-place-found").concat().contains("Erkannt: Marienplatz")).await;
    // Once only: the profile's address is offered, filled in on a press;
    // the consent to be contacted is still asked.
    click(&one("#report-email-from-profile"));
    wait_until("the profile's address", || {
        one("#report-email").dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).ok().as_deref()
            == Some("anna@example.org")
    })
    .await;
    assert!(all("#report-email-from-profile").is_empty(), "offered while it differs");
    assert!(!one("#report-consent").dyn_into::<web_sys::HtmlInputElement>().expect("checkbox").checked());
    type_into("#report-email", "anna@example.org");
    click(&button("Weiter zur Übersicht"));
    wait_until("review", || all("#review").len() == 1).await;
    let review = one("#review").text_content().unwrap_or_default();
    assert!(review.contains("Leuchtet nicht") && review.contains("Marienplatz"), "{review}");
    assert!(review.contains("keine (anonym)"), "no e-mail is sent without consent: {review}");
    wait_until("nearby reports shown", || texts("#nearby li").concat().contains("MUC-0000000001")).await;
    assert_accessible("report, review with nearby reports").await;
    click(&button("Ich bin auch betroffen"));
    wait_until("supported instead of sent", || texts("#supported").concat() == "MUC-0000000001").await;

    click(&button("Ändern"));
    wait_until("back in the form, values kept", || all("#report-consent").len() == 1).await;
    assert_eq!(one("#report-place").dyn_into::<HtmlInputElement>().expect("input").value(), "Marienplatz");
    click(&one("#report-consent"));
    click(&button("Weiter zur Übersicht"));
    wait_until("review", || all("#review").len() == 1).await;
    click(&button("Meldung absenden"));
    wait_until("handed over", || all("#sent").len() == 1).await;
    let sent = one("#sent").text_content().unwrap_or_default();
    assert!(sent.starts_with("strassenbeleuchtung"), "{sent}");
    assert!(
        sent.contains("\"art\": [\"dunkel\"]")
            && sent.contains("Some(\"anna@example.org\")")
            && sent.ends_with("0 true"),
        "{sent}"
    );
}

#[wasm_bindgen_test]
async fn every_datatype_gets_a_control() {
    yew::Renderer::<ReportHarness>::with_root_and_props(host(), ReportHarnessProps { lang: Lang::De }).render();
    wait_until("categories", || all("#category-list li").len() == 2).await;
    click(&button("Müll"));
    wait_until("the form", || all("#attr-art").len() == 1).await;
    assert_eq!(all("#attr-art input[type=checkbox]").len(), 2, "multivaluelist: checkboxes");
    assert_eq!(one("#attr-bemerkt").get_attribute("type").as_deref(), Some("datetime-local"));
    assert_eq!(one("#attr-hinweis").tag_name(), "TEXTAREA");
    assert_eq!(one("#attr-menge").get_attribute("inputmode").as_deref(), Some("decimal"));
    click(&one("#attr-art-sperrmuell"));
    type_into("#attr-menge", "viel");
    type_into("#report-place", "48.137, 11.575");
    click(&button("Weiter zur Übersicht"));
    wait_until("a number is asked for", || texts("#form-problems li").concat().contains("Zahl")).await;
    assert_accessible("report, every datatype").await;
}

/// Puts files into a file input as if the person chose them, and fires `change`.
fn choose_files(css: &str, files: &[(&str, &[u8])]) {
    let dt = web_sys::DataTransfer::new().expect("DataTransfer");
    for (name, bytes) in files {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(*bytes));
        let file = web_sys::File::new_with_u8_array_sequence(&parts, name).expect("file");
        dt.items().add_with_file(&file).expect("add file");
    }
    let input: HtmlInputElement = one(css).dyn_into().expect("input");
    input.set_files(dt.files().as_ref());
    fire(&input, "change");
}

#[wasm_bindgen_test]
async fn several_photos_and_drafts_kept_and_resumed() {
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000IHDR";
    yew::Renderer::<ReportHarness>::with_root_and_props(host(), ReportHarnessProps { lang: Lang::De }).render();
    wait_until("categories", || all("#category-list li").len() == 2).await;
    click(&button("Straßenbeleuchtung"));
    wait_until("the form", || all("#attr-art").len() == 1).await;
    choose("#attr-art", "dunkel");
    type_into("#report-place", "Marienplatz");
    choose_files("#report-photo", &[("laterne.jpg", JPEG), ("mast.png", PNG), ("brief.pdf", b"%PDF-1.4 x")]);
    wait_until("two photos kept, the PDF refused", || texts("#report-photos li").len() == 2).await;
    let errors = texts("#report-photo-errors li").concat();
    assert!(errors.contains("brief.pdf") && errors.contains("kein Foto"), "{errors}");
    assert_accessible("report, several photos").await;
    click(&all("#report-photos button")[0]);
    wait_until("one photo left", || texts("#report-photos li").concat().starts_with("mast.png")).await;
    // Six more would pass the limit of five.
    choose_files(
        "#report-photo",
        &[("1.jpg", JPEG), ("2.jpg", JPEG), ("3.jpg", JPEG), ("4.jpg", JPEG), ("5.jpg", JPEG)],
    );
    wait_until("five at most", || texts("#report-photos li").len() == 5).await;
    assert!(texts("#report-photo-errors li").concat().contains("5.jpg: Höchstens 5 Fotos"));

    // Stop here: leaving the form saves the draft at once.
    click(&button("Andere Kategorie"));
    wait_until("the draft listed", || texts("#drafts li").concat().contains("Marienplatz")).await;
    // A second draft, of another category.
    click(&button("Müll"));
    wait_until("the form", || all("#attr-art").len() == 1).await;
    type_into("#report-place", "Stachus");
    click(&button("Andere Kategorie"));
    wait_until("two drafts", || all("#drafts li").len() == 2).await;
    assert_accessible("report, drafts").await;

    // Delete one, after confirming.
    let delete = all("#drafts button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").is_some_and(|l| l.contains("Löschen") && l.contains("Müll")));
    click(&delete.expect("delete button of the litter draft"));
    wait_until("asked to confirm", || body_text().contains("Wirklich löschen?")).await;
    assert_accessible("report, confirm delete").await;
    click(&button("Ja, löschen"));
    wait_until("one draft left", || all("#drafts li").len() == 1).await;

    // Resume the other: everything is back, photos included.
    click(&button("Fortsetzen"));
    wait_until("the form again", || all("#report-place").len() == 1).await;
    assert_eq!(one("#report-place").dyn_into::<HtmlInputElement>().expect("input").value(), "Marienplatz");
    assert_eq!(one("#attr-art").dyn_into::<HtmlSelectElement>().expect("select").value(), "dunkel");
    assert_eq!(texts("#report-photos li").len(), 5);
    click(&button("Weiter zur Übersicht"));
    wait_until("review", || all("#review").len() == 1).await;
    assert!(one("#review").text_content().unwrap_or_default().contains("mast.png, 1.jpg"));
    click(&button("Meldung absenden"));
    wait_until("handed over with its photos and draft", || texts("#sent").concat().ends_with("5 true")).await;
}

/// Seen in the end-to-end tests: a choice in a list went back to "– bitte
/// wählen –". A change event that reaches the list from one of its options
/// (it bubbles) once answered "nothing chosen", and a photo still being read
/// put its list back over a change made meanwhile.
#[wasm_bindgen_test]
async fn what_is_chosen_meanwhile_is_kept() {
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    yew::Renderer::<ReportHarness>::with_root_and_props(host(), ReportHarnessProps { lang: Lang::De }).render();
    wait_until("categories", || all("#category-list li").len() == 2).await;
    click(&button("Straßenbeleuchtung"));
    wait_until("the form", || all("#attr-art").len() == 1).await;
    // The choice, with its change event fired at the option.
    let option = one("#attr-art option[value='dunkel']");
    option.dyn_ref::<web_sys::HtmlOptionElement>().expect("option").set_selected(true);
    fire(&option, "change");
    choose_files("#report-photo", &[("laterne.jpg", JPEG)]);
    wait_until("one photo", || texts("#report-photos li").len() == 1).await;
    // Two more photos chosen; while they are read, the first is removed and
    // the place typed.
    choose_files("#report-photo", &[("mast.jpg", JPEG), ("sockel.jpg", JPEG)]);
    click(&all("#report-photos button")[0]);
    type_into("#report-place", "Marienplatz");
    wait_until("the two new photos", || texts("#report-photos li").len() == 2).await;
    let photos = texts("#report-photos li").concat();
    assert!(!photos.contains("laterne.jpg") && photos.contains("mast.jpg"), "the removed one stays removed: {photos}");
    assert_eq!(one("#attr-art").dyn_into::<HtmlSelectElement>().expect("select").value(), "dunkel");
    click(&button("Weiter zur Übersicht"));
    wait_until("review", || all("#review").len() == 1).await;
    let review = one("#review").text_content().unwrap_or_default();
    assert!(review.contains("Marienplatz") && review.contains("mast.jpg, sockel.jpg"), "{review}");
    click(&button("Meldung absenden"));
    wait_until("sent with the choice and two photos", || {
        let sent = texts("#sent").concat();
        sent.contains("\"art\": [\"dunkel\"]") && sent.ends_with("2 true")
    })
    .await;
}

#[wasm_bindgen_test]
fn photos_are_checked_before_they_are_kept() {
    assert!(photo_problem(Lang::De, b"%PDF-1.4 ...").expect("pdf").contains("kein Foto"));
    let mut big = vec![0xFF, 0xD8, 0xFF];
    big.resize(11 * 1024 * 1024, 0);
    assert!(photo_problem(Lang::De, &big).expect("big").contains("10 MB"));
    assert_eq!(photo_problem(Lang::De, &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), None);
    let mut giant = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    giant.extend(20_000u32.to_be_bytes());
    giant.extend(20_000u32.to_be_bytes());
    let why = photo_problem(Lang::De, &giant).expect("giant");
    assert!(why.contains("20.000 × 20.000") && why.contains("40 Megapixel"), "{why}");
}

#[wasm_bindgen_test]
async fn my_reports_show_every_state() {
    use muc_wire::open311::{Delivery, DetailedStatus, Extended, OutgoingReport, ServiceRequest, StatusNote};
    let report = OutgoingReport {
        address: Some("Marienplatz".into()),
        ..OutgoingReport::new("strassenbeleuchtung").at(48.1, 11.5)
    };
    let remote = ServiceRequest {
        status_notes: Some("Leuchtmittel getauscht.".into()),
        extended_attributes: Some(Extended {
            detailed_status: DetailedStatus::Fixed,
            media_urls: Vec::new(),
            supporters: 3,
            status_history: vec![
                StatusNote { status: DetailedStatus::Received, note: None, datetime: "2026-11-28T08:00:00Z".into() },
                StatusNote {
                    status: DetailedStatus::Fixed,
                    note: Some("Leuchtmittel getauscht.".into()),
                    datetime: "2026-11-28T09:00:00Z".into(),
                },
            ],
        }),
        ..ServiceRequest::new("MUC-ABC", "strassenbeleuchtung", "closed", "2026-11-28T08:00:00Z")
    };
    let list = vec![
        muc_wire::ipc::MyReport {
            local_id: "a".into(),
            created_at: 1_795_000_000,
            report: report.clone(),
            delivery: Delivery::Waiting {
                attempts: 2,
                next_attempt_at: 0,
                last_error: Some("refused".into()),
                timeouts: 0,
            },
            remote: None,
            followed: false,
            from_account: false,
            elsewhere: false,
        },
        muc_wire::ipc::MyReport {
            local_id: "b".into(),
            created_at: 1_795_000_000,
            report: report.clone(),
            delivery: Delivery::Sent { service_request_id: "MUC-ABC".into(), token: None, sent_at: 0 },
            remote: Some(remote),
            followed: true,
            from_account: false,
            elsewhere: false,
        },
        muc_wire::ipc::MyReport {
            local_id: "c".into(),
            created_at: 1_795_000_000,
            report,
            delivery: Delivery::Refused { reason: "The attribute 'art' is required.".into() },
            remote: None,
            followed: false,
            from_account: false,
            elsewhere: false,
        },
    ];
    #[derive(Properties, PartialEq)]
    struct P {
        list: Rc<Vec<muc_wire::ipc::MyReport>>,
    }
    #[component]
    fn Mine(p: &P) -> Html {
        let revised = use_state(|| None::<String>);
        let on_revise = {
            let r = revised.clone();
            Callback::from(move |id| r.set(Some(id)))
        };
        html! { <InMain><MyReports lang={Lang::De} load={Load::Ready(p.list.clone())}
        names={vec![("strassenbeleuchtung".to_string(), "Straßenbeleuchtung".to_string())]}
        on_refresh={Callback::noop()} on_new={Callback::noop()} {on_revise} />
        if let Some(id) = &*revised { <p id="revised">{ id }</p> }</InMain> }
    }
    yew::Renderer::<Mine>::with_root_and_props(host(), P { list: Rc::new(list) }).render();
    wait_until("three reports", || all("#my-reports li").len() >= 3).await;
    let states = texts(".report-state");
    assert!(states[0].contains("Wartet auf Versand"), "{states:?}");
    assert!(states[1].contains("Erledigt"), "{states:?}");
    assert!(states[2].contains("Nicht angenommen") && states[2].contains("art"), "{states:?}");
    assert!(body_text().contains("MUC-ABC") && body_text().contains("Leuchtmittel getauscht."));
    assert!(
        body_text().contains("Von jemand anderem gemeldet") && body_text().contains("3 Personen sind auch betroffen")
    );
    assert_accessible("my reports").await;
    // Only the refused one can be corrected, and it is named by its local id.
    assert_eq!(all("#my-reports li button").len(), 1);
    click(&button("Korrigieren und erneut senden"));
    wait_until("asked to revise", || texts("#revised").concat() == "c").await;
}

#[derive(Properties, PartialEq)]
struct EndpointHarnessProps {
    error: Option<AppError>,
}

#[component]
fn EndpointHarness(p: &EndpointHarnessProps) -> Html {
    use muc_frontend::pages::report_endpoint::EndpointSettings;
    use muc_wire::ipc::{EndpointInfo, SetEndpointArgs};
    let asked = use_state(|| None::<SetEndpointArgs>);
    let info = EndpointInfo {
        url: "http://127.0.0.1:8080/open311/v2".into(),
        discovery_url: None,
        contact: None,
        is_default: true,
    };
    let on_set = {
        let asked = asked.clone();
        Callback::from(move |a| asked.set(Some(a)))
    };
    html! {
        <InMain>
            <h1>{ "Anliegen melden" }</h1>
            <EndpointSettings lang={Lang::De} endpoint={Load::Ready(Rc::new(info))} busy={false} error={p.error.clone()} {on_set} />
            if let Some(a) = &*asked { <p id="asked">{ format!("{:?} {:?} {:?}", a.discovery_url, a.api_key, a.jurisdiction_id) }</p> }
        </InMain>
    }
}

#[wasm_bindgen_test]
async fn another_reporting_server_by_discovery_address() {
    yew::Renderer::<EndpointHarness>::with_root_and_props(host(), EndpointHarnessProps { error: None }).render();
    wait_until("settings", || all("#endpoint").len() == 1).await;
    assert!(texts("#endpoint-current").concat().contains("Landeshauptstadt München (Standard)"));
    assert!(
        all("#endpoint button").iter().all(|b| !b.text_content().unwrap_or_default().contains("Zurück")),
        "no way back from the default"
    );
    click(&one("#endpoint-toggle"));
    wait_until("the form opens", || all("#endpoint-discovery").len() == 1).await;
    type_into("#endpoint-discovery", " https://open311.example.org/discovery.json ");
    type_into("#endpoint-key", "abc123");
    assert_accessible("report, reporting server").await;
    click(&button("Prüfen und übernehmen"));
    wait_until("asked the shell", || all("#asked").len() == 1).await;
    assert_eq!(texts("#asked").concat(), r#"Some("https://open311.example.org/discovery.json") Some("abc123") None"#);
}

#[wasm_bindgen_test]
async fn a_refused_reporting_server_says_why() {
    let error = AppError::new(ErrorKind::InsecureAddress, "http://open311.example.org/discovery.json");
    yew::Renderer::<EndpointHarness>::with_root_and_props(host(), EndpointHarnessProps { error: Some(error) }).render();
    wait_until("the reason", || texts("#endpoint-error").concat().contains("https://")).await;
    assert_accessible("report, reporting server refused").await;
}

#[derive(Properties, PartialEq)]
struct MapHarnessProps {}

#[component]
fn MapHarness(_p: &MapHarnessProps) -> Html {
    use muc_frontend::map::MapPicker;
    let picked = use_state(|| None::<LonLat>);
    let on_pick = {
        let p = picked.clone();
        Callback::from(move |l| p.set(Some(l)))
    };
    html! {
        <InMain>
            <h1>{ "Karte" }</h1>
            // Nothing listens on port 9: the tiles fail, as on a machine without internet.
            <MapPicker lang={Lang::De} tile_url="http://127.0.0.1:9/{z}/{x}/{y}.png" start={LonLat::new(11.5755, 48.1374)}
                {on_pick} on_close={Callback::noop()} />
            if let Some(p) = &*picked { <p id="picked">{ format!("{:.5} {:.5}", p.lat, p.lon) }</p> }
        </InMain>
    }
}

fn press(css: &str, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    one(css).dispatch_event(&ev).expect("dispatch");
}

/// A touch pointer event at (x, y) in the window, on the element at `css`.
fn pointer(css: &str, kind: &str, x: i32, y: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_pointer_id(7);
    init.set_pointer_type("touch");
    init.set_is_primary(true);
    let ev = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    one(css).dispatch_event(&ev).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_map_is_moved_by_keyboard_and_says_when_tiles_fail() {
    yew::Renderer::<MapHarness>::with_root_and_props(host(), MapHarnessProps {}).render();
    wait_until("tiles", || all(".map-tile").len() == 35).await;
    wait_until("the failure is said", || all("#map-unreachable").len() == 1).await;
    assert!(texts("#map-position").concat().contains("48.13740, 11.57550"), "{:?}", texts("#map-position"));
    assert_accessible("report, map").await;
    press(".map-view", "ArrowRight");
    press(".map-view", "ArrowRight");
    wait_until("moved east", || !texts("#map-position").concat().contains("11.57550")).await;
    let east: f64 =
        texts("#map-position").concat().split(", ").nth(1).and_then(|s| s.get(..8)?.parse().ok()).expect("lon");
    assert!(east > 11.5755 && east < 11.58, "two steps east at zoom 16: {east}");
    // A finger drags the map 100 px to the right: the view goes west, by
    // the drag and not by the tap that ends it.
    let lat_before = texts("#map-position").concat();
    pointer(".map-view", "pointerdown", 100, 100);
    pointer(".map-view", "pointermove", 150, 100);
    pointer(".map-view", "pointermove", 200, 100);
    pointer(".map-view", "pointerup", 200, 100);
    one(".map-view").dyn_into::<HtmlElement>().expect("element").click();
    wait_until("dragged west", || !texts("#map-position").concat().contains(&format!("{east:.5}"))).await;
    let west: f64 =
        texts("#map-position").concat().split(", ").nth(1).and_then(|s| s.get(..8)?.parse().ok()).expect("lon");
    // 100 px at zoom 16 is 0.00215° of longitude; the arrows moved 128 px.
    assert!((east - west - 0.00215).abs() < 0.0002, "dragged 100 px west at zoom 16: {east} → {west}");
    assert_eq!(lat_before.split(", ").next(), texts("#map-position").concat().split(", ").next(), "a level drag");
    click(&button("+"));
    wait_until("zoomed in", || texts("#map-position").concat().contains("Zoomstufe 17")).await;
    click(&button("Diesen Punkt übernehmen"));
    wait_until("picked", || all("#picked").len() == 1).await;
    assert!(texts("#picked").concat().starts_with("48.13740"), "{:?}", texts("#picked"));
}

#[wasm_bindgen_test]
async fn a_street_address_we_cannot_place_goes_as_text() {
    yew::Renderer::<ReportHarness>::with_root_and_props(host(), ReportHarnessProps { lang: Lang::De }).render();
    wait_until("categories", || all("#category-list li").len() == 2).await;
    click(&button("Straßenbeleuchtung"));
    wait_until("the form", || all("#attr-art").len() == 1).await;
    choose("#attr-art", "dunkel");
    type_into("#report-place", "Leopold");
    click(&button("Weiter zur Übersicht"));
    wait_until("a bare street name is not enough", || texts("#form-problems li").concat().contains("Hausnummer")).await;
    type_into("#report-place", "Leopoldstraße 12");
    wait_until("said how it is sent", || texts("#report-place-found").concat().contains("als Adresse")).await;
    click(&button("Weiter zur Übersicht"));
    wait_until("review", || all("#review").len() == 1).await;
    assert!(all("#nearby").is_empty(), "no nearby check without a position");
    click(&button("Meldung absenden"));
    wait_until("handed over", || all("#sent").len() == 1).await;
    assert!(texts("#sent").concat().contains("Some(\"Leopoldstraße 12\")"), "{:?}", texts("#sent"));
}

#[derive(Properties, PartialEq)]
struct PersonalHarnessProps {
    status: muc_wire::ipc::LoginStatus,
    signing_in: bool,
    error: Option<AppError>,
    #[prop_or_default]
    sync: Option<muc_wire::ipc::FavouriteSync>,
}

fn pinned() -> Vec<muc_frontend::pages::personal::Pinned> {
    use muc_wire::personal::{Favourite, FavouriteKind};
    vec![
        muc_frontend::pages::personal::Pinned {
            favourite: Favourite::new(FavouriteKind::Finder, "kita-finder-muenchen"),
            name: Some("Kita-Finder+ München".into()),
        },
        muc_frontend::pages::personal::Pinned {
            favourite: Favourite::new(FavouriteKind::Hotspot, "alter-hof"),
            name: None,
        },
        muc_frontend::pages::personal::Pinned {
            favourite: Favourite::new(FavouriteKind::Screen, "notices"),
            name: Some("Benachrichtigungen".into()),
        },
    ]
}

#[derive(Properties, PartialEq)]
struct PinHarnessProps {}

/// The pin toggle where App puts it: in the header's navigation, beside a
/// page; the harness keeps the state the shell would.
#[component]
fn PinHarness(_p: &PinHarnessProps) -> Html {
    let pinned = use_state(|| false);
    let asked = use_state(Vec::<bool>::new);
    let on_toggle = {
        let (pinned, asked) = (pinned.clone(), asked.clone());
        Callback::from(move |on: bool| {
            let mut a = (*asked).clone();
            a.push(on);
            asked.set(a);
            pinned.set(on);
        })
    };
    html! {
        <>
            <header class="app-header">
                <span class="brand">{ "München App" }</span>
                <nav aria-label="Hauptnavigation">
                    <muc_frontend::pages::personal::PinScreen lang={Lang::De} pinned={*pinned} {on_toggle} />
                </nav>
            </header>
            <InMain><h1>{ "Benachrichtigungen" }</h1><p id="asked">{ format!("{:?}", *asked) }</p></InMain>
        </>
    }
}

/// A screen is pinned and unpinned from the header: a toggle button whose
/// name stays "Bereich merken" (pressed or not, as a screen reader says),
/// reached by keyboard like every other button.
#[wasm_bindgen_test]
async fn a_screen_is_pinned_from_the_header() {
    yew::Renderer::<PinHarness>::with_root_and_props(host(), PinHarnessProps {}).render();
    wait_until("the pin button", || all("#pin-screen").len() == 1).await;
    let pin = one("#pin-screen");
    assert_eq!(pin.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(pin.tag_name(), "BUTTON", "focusable and pressed with Enter or Space as a button");
    assert_accessible("pin, not pinned").await;
    click(&pin);
    wait_until("pinned", || one("#pin-screen").get_attribute("aria-pressed").as_deref() == Some("true")).await;
    assert!(texts("#pin-screen").concat().contains("★ Bereich merken"), "{:?}", texts("#pin-screen"));
    assert_eq!(texts("#asked").concat(), "[true]");
    assert_accessible("pin, pinned").await;
    click(&one("#pin-screen"));
    wait_until("unpinned", || texts("#asked").concat() == "[true, false]").await;
    assert_eq!(one("#pin-screen").get_attribute("aria-pressed").as_deref(), Some("false"));
}

#[component]
fn PersonalHarness(p: &PersonalHarnessProps) -> Html {
    use muc_frontend::pages::personal::Personal;
    let asked = use_state(String::new);
    let ask = |what: &'static str| {
        let a = asked.clone();
        Callback::from(move |()| a.set(what.to_string()))
    };
    html! {
        <InMain>
            <Personal lang={Lang::De} status={Load::Ready(Rc::new(p.status.clone()))} signing_in={p.signing_in}
                favourites={pinned()} favourites_sync={p.sync.clone()}
                on_open_favourite={{ let a = asked.clone(); Callback::from(move |f: muc_wire::personal::Favourite| a.set(format!("open {}", f.id))) }}
                on_remove_favourite={{ let a = asked.clone(); Callback::from(move |f: muc_wire::personal::Favourite| a.set(format!("remove {}", f.id))) }}
                error={p.error.clone()}
                on_login={{ let a = asked.clone(); Callback::from(move |i: Option<String>| a.set(format!("login {}", i.unwrap_or_default()))) }}
                on_cancel={ask("cancel")} on_logout={ask("logout")}
                on_my_reports={ask("mine")} />
            <p id="asked">{ (*asked).clone() }</p>
        </InMain>
    }
}

#[wasm_bindgen_test]
async fn the_personal_area_signs_in_and_out_and_says_why_not() {
    use muc_wire::ipc::{LoginStatus, SessionView};
    let issuer = Some("https://login.muenchen.de".to_string());
    let cases = [
        (
            LoginStatus { configured: false, session: None, issuer: None, provider: None, more: Vec::new() },
            false,
            None,
            "nicht eingerichtet",
            "",
        ),
        (
            LoginStatus { configured: true, session: None, issuer: issuer.clone(), provider: None, more: Vec::new() },
            false,
            None,
            "login.muenchen.de",
            "Im Browser anmelden",
        ),
        (
            LoginStatus {
                configured: true,
                session: None,
                issuer: issuer.clone(),
                provider: Some(muc_wire::personal::Provider {
                    name: "BayernID".into(),
                    issuer: "https://login.muenchen.de".into(),
                    levels: vec![muc_wire::personal::TrustLevel::Level1, muc_wire::personal::TrustLevel::Level4],
                }),
                more: Vec::new(),
            },
            false,
            None,
            "BayernID bietet diese Anmeldestufen:Stufe 1: Benutzername und PasswortStufe 4, hoch",
            "Im Browser anmelden",
        ),
        (
            LoginStatus {
                configured: true,
                session: None,
                issuer: issuer.clone(),
                provider: None,
                more: vec![muc_wire::personal::Provider {
                    name: "M-Login".into(),
                    issuer: "https://login.swm.de".into(),
                    levels: Vec::new(),
                }],
            },
            false,
            None,
            "Mit M-Login anmelden",
            "Mit M-Login anmelden",
        ),
        (
            LoginStatus { configured: true, session: None, issuer: issuer.clone(), provider: None, more: Vec::new() },
            true,
            None,
            "Die App wartet",
            "Abbrechen",
        ),
        (
            LoginStatus { configured: true, session: None, issuer: issuer.clone(), provider: None, more: Vec::new() },
            false,
            Some(AppError::new(ErrorKind::Keyring, "no secret service")),
            "Schlüsselbund",
            "",
        ),
        (
            LoginStatus {
                configured: true,
                session: Some(SessionView {
                    account_id: "anna".into(),
                    name: Some("Anna".into()),
                    level: Some(muc_wire::personal::TrustLevel::Level4),
                    provider: None,
                }),
                issuer,
                provider: None,
                more: Vec::new(),
            },
            false,
            None,
            "Stufe 4, hoch: Online-Ausweis",
            "Abmelden",
        ),
    ];
    for (status, signing_in, error, says, button_text) in cases {
        yew::Renderer::<PersonalHarness>::with_root_and_props(
            host(),
            PersonalHarnessProps { status, signing_in, error, sync: None },
        )
        .render();
        wait_until(says, || body_text().contains(says)).await;
        assert!(texts("#personal-favourites li").concat().contains("Kita-Finder+ München"));
        assert_accessible(&format!("personal area: {says}")).await;
        if !button_text.is_empty() {
            click(&button(button_text));
            wait_until("the action asked for", || !texts("#asked").concat().is_empty()).await;
            if button_text == "Mit M-Login anmelden" {
                assert_eq!(
                    texts("#asked").concat(),
                    "login https://login.swm.de",
                    "at M-Login, not the first provider"
                );
            }
        }
    }
}

/// "Meine Daten" signed in at level 1: the shell's answer (here played by a
/// stand-in for the IPC; the real shell and portal are in the e2e test
/// `login.rs`) names level 3, and the section says so in words and offers
/// the sign-in at that level; a sign-in that fails says why.
#[wasm_bindgen_test]
async fn my_data_below_its_level_offers_the_sign_in_it_needs() {
    use muc_wire::ipc::{LoginStatus, SessionView};
    js_sys::eval(
        "window.__TAURI__ = { core: { invoke: (cmd) => Promise.reject(cmd === 'export_my_data' || cmd === 'delete_my_account' \
            ? { kind: { level_needed: 'level3' }, detail: 'needs a sign-in at level3' } \
            : { kind: 'login', detail: 'cancelled' }) } }",
    )
    .expect("the IPC stand-in");
    let _shell = Injected(vec!["__TAURI__"]);
    let session = SessionView {
        account_id: "bert".into(),
        name: Some("Bert".into()),
        level: Some(muc_wire::personal::TrustLevel::Level1),
        provider: None,
    };
    let status =
        LoginStatus { configured: true, session: Some(session), issuer: None, provider: None, more: Vec::new() };
    yew::Renderer::<PersonalHarness>::with_root_and_props(
        host(),
        PersonalHarnessProps { status, signing_in: false, error: None, sync: None },
    )
    .render();
    wait_until("the level shown", || texts("#session-level").concat().contains("Stufe 1: Benutzername und Passwort"))
        .await;
    click(&button("Meine Daten herunterladen"));
    wait_until("the level needed", || all("#level-needed").len() == 1).await;
    let said = texts("#level-needed").concat();
    assert!(said.contains("Stufe 3, substantiell") && said.contains("Sie sind angemeldet mit Stufe 1"), "{said}");
    assert_accessible("my data: a higher level needed").await;
    click(&button("Erneut anmelden, höhere Stufe"));
    wait_until("the failed sign-in said", || all("#export-error").len() == 1).await;
    assert_accessible("my data: the sign-in failed").await;
    // Deleting the account is asked once more, then needs the level too.
    click(&button("Konto löschen …"));
    wait_until("asked once more", || all("#confirm-delete").len() == 1).await;
    assert_accessible("my data: really delete?").await;
    click(&button("Nein, behalten"));
    wait_until("kept", || all("#confirm-delete").is_empty()).await;
    click(&button("Konto löschen …"));
    wait_until("asked again", || all("#confirm-delete").len() == 1).await;
    click(&button("Ja, Konto löschen"));
    wait_until("the level needed to delete", || texts("#level-needed").concat().contains("Zum Löschen Ihres Kontos"))
        .await;
}

#[derive(Properties, PartialEq)]
struct KioskHarnessProps {}

#[component]
fn KioskHarness(_p: &KioskHarnessProps) -> Html {
    let ended = use_state(|| false);
    let on_end = {
        let e = ended.clone();
        Callback::from(move |()| e.set(true))
    };
    html! {
        <InMain>
            <h1>{ "Kiosk" }</h1>
            <muc_frontend::kiosk::KioskGuard lang={Lang::De} idle_secs={3} {on_end} />
            if *ended { <p id="ended">{ "ended" }</p> }
        </InMain>
    }
}

#[wasm_bindgen_test]
async fn a_kiosk_session_warns_then_ends_when_nobody_answers() {
    yew::Renderer::<KioskHarness>::with_root_and_props(host(), KioskHarnessProps {}).render();
    wait_until("the warning", || all("[role=alertdialog]").len() == 1).await;
    let focused = document().active_element().and_then(|e| e.text_content()).unwrap_or_default();
    assert_eq!(focused, "Weiter benutzen", "focus is on the answer");
    assert_accessible("kiosk warning").await;
    click(&button("Weiter benutzen"));
    wait_until("the warning goes", || all("[role=alertdialog]").is_empty()).await;
    assert!(all("#ended").is_empty(), "answering keeps the session");
    wait_until("the session ends without an answer", || all("#ended").len() == 1).await;
}

#[derive(Properties, PartialEq)]
struct BlockedHarnessProps {}

#[component]
fn BlockedHarness(_p: &BlockedHarnessProps) -> Html {
    let retried = use_state(|| false);
    let on_retry = {
        let r = retried.clone();
        Callback::from(move |()| r.set(true))
    };
    html! {
        <InMain>
            <h1>{ "Kiosk" }</h1>
            <muc_frontend::kiosk::SessionBlocked lang={Lang::De} problem={"webview storage: not cleared".to_string()} {on_retry} />
            if *retried { <p id="retried">{ "retried" }</p> }
        </InMain>
    }
}

/// A wipe that failed keeps the device locked for the next person and tells
/// the helper what failed; the helper can try again.
#[wasm_bindgen_test]
async fn a_session_not_wiped_keeps_the_device_locked() {
    yew::Renderer::<BlockedHarness>::with_root_and_props(host(), BlockedHarnessProps {}).render();
    wait_until("the lock screen", || all("[role=alertdialog]").len() == 1).await;
    let text = body_text();
    assert!(text.contains("Gerät gesperrt") && text.contains("Bürger-Labs"), "{text}");
    assert!(text.contains("webview storage: not cleared"), "the helper sees what failed");
    let focused = document().active_element().and_then(|e| e.text_content()).unwrap_or_default();
    assert_eq!(focused, "Erneut löschen", "focus is on the one thing to do");
    assert_accessible("kiosk device locked").await;
    click(&button("Erneut löschen"));
    wait_until("the retry asked for", || all("#retried").len() == 1).await;
}

/// The favourites in the personal area: each with what it is and its name
/// (one no longer in the data says so and cannot be opened), opened or
/// removed by keyboard-reachable buttons named for the favourite, and where
/// they are kept in words: this device only, in step with the account, or
/// changes waiting for the portal (with the reason).
#[wasm_bindgen_test]
async fn favourites_say_what_they_are_and_where_they_are_kept() {
    use muc_wire::ipc::{FavouriteSync, LoginStatus};
    let status = LoginStatus { configured: true, session: None, issuer: None, provider: None, more: Vec::new() };
    let cases = [
        (FavouriteSync::DeviceOnly, "Nur auf diesem Gerät gespeichert"),
        (FavouriteSync::Synced { at: 1 }, "Mit Ihrem Konto abgeglichen"),
        (
            FavouriteSync::Waiting { waiting: 2, reason: Some(AppError::new(ErrorKind::PortalUnreachable, "down")) },
            "2 Änderungen werden an Ihr Konto übertragen, sobald das Portal erreichbar ist",
        ),
    ];
    for (sync, says) in cases {
        yew::Renderer::<PersonalHarness>::with_root_and_props(
            host(),
            PersonalHarnessProps { status: status.clone(), signing_in: false, error: None, sync: Some(sync) },
        )
        .render();
        wait_until(says, || texts("#favourites-sync").concat().contains(says)).await;
        let items = texts("#personal-favourites li");
        assert_eq!(items.len(), 3);
        assert!(items[0].starts_with("Kapazitätsfinder: Kita-Finder+ München"), "{items:?}");
        assert!(items[1].contains("WLAN-Standort: alter-hof (nicht mehr verfügbar)"), "{items:?}");
        assert!(items[2].starts_with("Bereich: Benachrichtigungen"), "{items:?}");
        assert_accessible(&format!("favourites: {says}")).await;
    }
    click(&button("Kita-Finder+ München"));
    wait_until("opened", || texts("#asked").concat() == "open kita-finder-muenchen").await;
    click(&button("Benachrichtigungen"));
    wait_until("the pinned screen opened", || texts("#asked").concat() == "open notices").await;
    let removes = all("#personal-favourites li button.secondary");
    assert_eq!(removes.len(), 3);
    assert_eq!(
        removes[1].get_attribute("aria-label").as_deref(),
        Some("alter-hof (nicht mehr verfügbar) aus den Favoriten entfernen")
    );
    click(&removes[1]);
    wait_until("removed", || texts("#asked").concat() == "remove alter-hof").await;
}

/// A report category marked with its star comes first in the list; the
/// star is a toggle button named for its category, 44 px, by keyboard.
#[wasm_bindgen_test]
async fn a_favourite_category_comes_first() {
    yew::Renderer::<ReportHarness>::with_root_and_props(host(), ReportHarnessProps { lang: Lang::De }).render();
    wait_until("categories", || all("#category-list li").len() == 2).await;
    let titles = texts("#category-list .tile-title");
    let stars = all("#category-list button.star");
    assert_eq!(stars.len(), 2);
    assert_eq!(stars[1].get_attribute("aria-label"), Some(format!("{}: Favorit", titles[1])));
    assert_eq!(stars[1].get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&stars[1]);
    wait_until("the favourite first", || texts("#category-list .tile-title").first() == titles.get(1)).await;
    assert_eq!(all("#category-list button.star")[0].get_attribute("aria-pressed").as_deref(), Some("true"));
    let r = all("#category-list button.star")[0].get_bounding_client_rect();
    assert!(r.width() >= 44.0 && r.height() >= 44.0, "a 44 px target: {} × {}", r.width(), r.height());
    assert_accessible("report, a favourite category").await;
}

#[derive(Properties, PartialEq)]
struct ProfileHarnessProps {
    kept: Option<muc_wire::personal::Profile>,
}

/// The profile section as App drives it: saving records what was asked.
#[component]
fn ProfileHarness(p: &ProfileHarnessProps) -> Html {
    use muc_wire::personal::{ConsentPurpose, ConsentRecord, ConsentText, MyProfile};
    let text = ConsentText {
        purpose: ConsentPurpose::Profile,
        version: 3,
        text_de: "Ich willige ein, dass mein Profil gespeichert wird.".into(),
        text_en: "I consent to my profile being kept.".into(),
    };
    let consent = p.kept.as_ref().map(|_| ConsentRecord {
        purpose: ConsentPurpose::Profile,
        version: 3,
        given_at: "2026-12-01T10:00:00Z".into(),
        revoked_at: None,
    });
    let m = MyProfile { profile: p.kept.clone(), consent, consent_text: text };
    let asked = use_state(String::new);
    let on_save = {
        let a = asked.clone();
        Callback::from(move |args: muc_wire::ipc::SaveProfileArgs| {
            a.set(format!(
                "{:?} {:?} {:?} {:?}",
                args.consent_version, args.profile.first_name, args.profile.language, args.profile.postal_address
            ))
        })
    };
    let on_revoke = {
        let a = asked.clone();
        Callback::from(move |()| a.set("revoke".into()))
    };
    html! {
        <InMain>
            <muc_frontend::pages::profile::ProfileSection lang={Lang::De} load={Load::Ready(Rc::new(m))} busy={false}
                error={None::<AppError>} on_save={on_save} on_revoke={on_revoke} />
            <p id="asked">{ (*asked).clone() }</p>
        </InMain>
    }
}

/// "Mein Profil": nothing can be saved before the person ticks the consent
/// (its text and version shown, the button saying why it waits); saved,
/// the consent goes with the version ticked. With a profile kept, its data
/// fill the form, the consent's day is shown, and it can be revoked.
#[wasm_bindgen_test]
async fn a_profile_is_saved_only_with_the_ticked_consent() {
    yew::Renderer::<ProfileHarness>::with_root_and_props(host(), ProfileHarnessProps { kept: None }).render();
    wait_until("the form", || all("#profile-form").len() == 1).await;
    assert!(texts("#profile-consent-text").concat().contains("(Textfassung 3)"));
    let save = button("Profil speichern");
    assert!(save.has_attribute("disabled"), "not before the consent is ticked");
    assert_eq!(save.get_attribute("aria-describedby").as_deref(), Some("profile-consent-text"));
    assert_accessible("profile, no consent").await;
    type_into("#profile-first", "Anna");
    choose("#profile-language", "en");
    let address: web_sys::HtmlTextAreaElement = one("#profile-address").dyn_into().expect("textarea");
    address.set_value("Marienplatz 8\n80331 München");
    fire(&address, "input");
    click(&one("#profile-consent"));
    wait_until("saving allowed", || !button("Profil speichern").has_attribute("disabled")).await;
    click(&button("Profil speichern"));
    wait_until("saved with the consent", || {
        texts("#asked").concat() == r#"Some(3) Some("Anna") Some("en") Some("Marienplatz 8\n80331 München")"#
    })
    .await;

    let kept = muc_wire::personal::Profile {
        first_name: Some("Anna".into()),
        email: Some("anna@example.org".into()),
        ..Default::default()
    };
    yew::Renderer::<ProfileHarness>::with_root_and_props(host(), ProfileHarnessProps { kept: Some(kept) }).render();
    wait_until("the kept profile", || {
        all("#profile-email")
            .pop()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|i| i.value() == "anna@example.org")
    })
    .await;
    assert!(texts("#profile-consent-given").concat().contains("Textfassung 3"));
    assert!(all("#profile-consent").is_empty(), "not asked again");
    assert_accessible("profile, kept").await;
    click(&button("Profil speichern"));
    wait_until("saved without a new consent", || texts("#asked").concat().starts_with("None ")).await;
    click(&one("#profile-revoke"));
    wait_until("revoked", || texts("#asked").concat() == "revoke").await;
}
