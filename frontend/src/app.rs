//! The root component: the frame around the screens (header, language,
//! kiosk guard), which screen is shown, and the areas' stores it provides
//! (see `crate::areas`). What each screen loads and does lives in its area.
//! In a module without every area (the start module: home only; the Wi-Fi
//! module: home and the Wi-Fi area) it hands over to the whole frontend
//! when another area is opened (`crate::handover`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[cfg(feature = "areas")]
use crate::areas::notices::{self, Inbox};
use crate::areas::Frame;
use crate::i18n::{t, Lang};
use crate::ipc;
use crate::pages::home::Home;
use crate::route::Screen;
use muc_wire::ipc::cmd;

pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The screen to open on when a smaller module hands over to the whole
    /// frontend (the area the person opened); None at start.
    pub open: Option<Screen>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // The language the shell chose and sent the texts of; German without it.
    let lang = use_state(|| {
        let l = ipc::start_messages().and_then(crate::i18n::install_from_page).unwrap_or_default();
        crate::timeline::mark("texts read");
        l
    });
    // What the shell put into the page: the first screen is drawn from it at
    // once (see the start-up effect below).
    let injected = use_memo((), |()| ipc::start_info());
    let screen = use_state(|| {
        (props.open.clone()).or_else(|| injected.as_ref().as_ref().and_then(start_screen)).unwrap_or(Screen::Home)
    });
    // The number of unread notifications on the area bar. The whole
    // frontend keeps the inbox (the notices area draws it, and what is
    // marked there counts at once); the smaller modules ask for the number
    // only, not for the notices (reading those took 4 kB of the start
    // module's 120: BENCHMARKS.md, Sizes).
    #[cfg(feature = "areas")]
    let inbox = use_reducer(Inbox::default);
    #[cfg(feature = "areas")]
    let (refresh_unread, unread) = {
        let d = inbox.dispatcher();
        let unread = match &inbox.load {
            crate::load::Load::Ready(n) => n.notices.iter().filter(|x| !x.read).count() as u32,
            _ => 0,
        };
        (Callback::from(move |()| notices::refresh(&d)), unread)
    };
    #[cfg(not(feature = "areas"))]
    let (refresh_unread, unread) = {
        let count = use_state_eq(|| 0u32);
        let c = count.clone();
        let refresh = Callback::from(move |()| {
            let c = c.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(n) = ipc::ask::<cmd::UnreadNotices>().await {
                    c.set(n);
                }
            })
        });
        (refresh, *count)
    };
    // A hand-over is a navigation: focus goes to the area's heading.
    let first_render = use_mut_ref(|| props.open.is_none());
    use_effect_with((), |_| crate::timeline::mark("first render"));

    // After navigating, move focus to the new page's heading so screen
    // readers announce it and keyboard users start at the top.
    {
        let first_render = first_render.clone();
        use_effect_with((*screen).clone(), move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            if let Some(h) = gloo_document()
                .and_then(|d| d.query_selector("h1.page-title").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.focus();
            }
        });
    }
    // Start-up: the start information comes with the page (the shell injects
    // it when it makes the window), so the first screen is drawn without a
    // round trip to the shell; then the first screen painted with its data is
    // reported (two animation frames after it renders), so start-up time is
    // measured, not assumed. `app_info` is still asked: the injected copy is
    // fixed at window creation, and a kiosk's blocked state can change later
    // (a failed wipe, then a reload of the page).
    let known_at_once = injected.is_some();
    let start_known = use_state_eq(|| known_at_once);
    let tile_url = use_state_eq(|| injected.as_ref().as_ref().and_then(|i| i.tile_url.clone()));
    let kiosk = use_state_eq(|| injected.as_ref().as_ref().and_then(|i| i.kiosk_idle_secs));
    // Kiosk: what of the last session could not be removed (the screen stays blocked).
    let kiosk_problem = use_state_eq(|| injected.as_ref().as_ref().and_then(|i| i.kiosk_problem.clone()));
    {
        let (screen, start_known, tile_url) = (screen.clone(), start_known.clone(), tile_url.clone());
        let (kiosk, kiosk_problem) = (kiosk.clone(), kiosk_problem.clone());
        use_effect_with((), move |_| {
            if ipc::in_shell() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(info) = ipc::ask::<cmd::GetAppInfo>().await {
                        tile_url.set(info.tile_url.clone());
                        kiosk.set(info.kiosk_idle_secs);
                        kiosk_problem.set(info.kiosk_problem.clone());
                        // Only when the start screen was not drawn already:
                        // the person may have moved on meanwhile.
                        if !known_at_once {
                            if let Some(s) = start_screen(&info) {
                                screen.set(s);
                            }
                        }
                    }
                    start_known.set(true);
                });
            }
        });
    }
    // Home has its data at once; an area says when it has (`areas::screens`).
    let home = *start_known && *screen == Screen::Home;
    use_start_report(home, home);
    {
        use_effect_with(*lang, |l| {
            if let Some(root) = gloo_document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", l.html());
                let _ = root.set_attribute("dir", if l.rtl() { "rtl" } else { "ltr" });
            }
        });
    }

    // An area this module does not have: the whole frontend takes over (the
    // area shows as loading until then, an error if that failed).
    #[cfg(not(feature = "areas"))]
    let handover_failed = use_state_eq(|| false);
    let navigate = {
        let screen = screen.clone();
        #[cfg(not(feature = "areas"))]
        let handover_failed = handover_failed.clone();
        Callback::from(move |s: Screen| {
            #[cfg(not(feature = "areas"))]
            if !in_this_module(&s) {
                // Tried again, perhaps after a failure.
                handover_failed.set(false);
                let handover_failed = handover_failed.clone();
                let to = s.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if crate::handover::open_whole(&to).await.is_err() {
                        handover_failed.set(true);
                    }
                });
            }
            screen.set(s)
        })
    };
    {
        // The shell calls these (it has no event permission to use): the
        // inbox changed; a desktop notification was clicked (its link).
        let navigate = navigate.clone();
        use_effect_with((), move |_| {
            let window = js_sys::global();
            // At start too: the unread count is on the area bar.
            if ipc::in_shell() {
                refresh_unread.emit(());
            }
            let changed = Closure::<dyn Fn()>::new(move || refresh_unread.emit(()));
            let open = Closure::<dyn Fn(JsValue)>::new(move |link: JsValue| {
                let screen = link.as_string().and_then(|l| Screen::from_link(&l)).unwrap_or(Screen::Notices);
                navigate.emit(screen);
            });
            let _ = js_sys::Reflect::set(&window, &"__mucNotices".into(), changed.as_ref());
            let _ = js_sys::Reflect::set(&window, &"__mucOpen".into(), open.as_ref());
            // Registered once, for the page's life.
            changed.forget();
            open.forget();
        });
    }

    let l = *lang;
    let frame = Frame { lang: l, navigate: navigate.clone(), tile_url: (*tile_url).clone() };
    let page = match &*screen {
        Screen::Home => html! { <Home lang={l} on_navigate={navigate.clone()} /> },
        #[cfg(feature = "wifi")]
        other if in_this_module(other) => {
            html! { <crate::areas::screens::AreaPage screen={other.clone()} start_known={*start_known} /> }
        }
        #[cfg(not(feature = "areas"))]
        _ if *handover_failed => html! { <p role="alert" class="error">{ t(l, "the-app-could-not-do-this") }</p> },
        // Until the whole frontend takes over (never in the whole one).
        _ => html! { <p role="status" aria-busy="true">{ t(l, "loading") }</p> },
    };

    // Another language: its texts come from the shell (which remembers the
    // choice, except on a shared device), then the page is drawn in it.
    let choose_lang = {
        let lang = lang.clone();
        Callback::from(move |e: Event| {
            let Some(next) = crate::form::select_value(&e).and_then(|c| Lang::from_code(&c)) else { return };
            let lang = lang.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let args = muc_wire::ipc::SetLanguageArgs { lang: next.code().to_string() };
                // Left in the page, where the start language's texts are: read
                // as asked for, and found there by the whole frontend when
                // the start module hands over to it.
                match ipc::call_raw::<cmd::SetLanguage>(args).await {
                    Ok(texts) => {
                        if crate::i18n::install_from_page(texts.clone()).is_some() {
                            let _ = js_sys::Reflect::set(&js_sys::global(), &"__MUC_MESSAGES__".into(), &texts);
                        }
                    }
                    Err(e) => web_sys::console::error_1(&e.to_string().into()),
                }
                // Drawn in the chosen language if its texts arrived, else in German.
                lang.set(next);
            });
        })
    };
    let go_home = navigate.reform(|_: MouseEvent| Screen::Home);
    // Kiosk: the shell removes what the session left; the page starts afresh.
    // If anything could not be removed, the screen stays blocked for a helper.
    let end_session = {
        let kiosk_problem = kiosk_problem.clone();
        Callback::from(move |()| {
            let kiosk_problem = kiosk_problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::ask::<cmd::EndSession>().await {
                    Ok(()) => {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }
                    Err(e) => kiosk_problem.set(Some(e.detail)),
                }
            })
        })
    };
    let body = html! {
        <>
            <a class="skip-link" href="#main">{ t(l, "skip-to-content") }</a>
            <header class="app-header">
                <span class="brand">{ t(l, "munich-app") }</span>
                <nav aria-label={t(l, "main-navigation")}>
                    if kiosk.is_some() {
                        <button type="button" class="nav-button" id="end-session" onclick={end_session.reform(|_| ())}>{ t(l, "end-session") }</button>
                    }
                    if *screen != Screen::Home {
                        <button type="button" class="nav-button" onclick={go_home}>{ t(l, "start-page") }</button>
                    }
                    if let Some(code) = screen.pin_code() {
                        { pin_this_screen(code) }
                    }
                    <span class="lang-choice">
                        <label for="lang-choice">{ t(l, "language") }</label>
                        <select id="lang-choice" onchange={choose_lang}>
                            { for Lang::ALL.iter().map(|x| html! {
                                <option value={x.code()} lang={x.html()} selected={*x == l}>{ x.name() }</option>
                            }) }
                        </select>
                    </span>
                </nav>
            </header>
            // A way to every area from every screen: below the header on
            // wide screens (not on home, which lists them itself), a bar at
            // the bottom on phones (there on home too), with the number of
            // unread notifications.
            <nav class={classes!("area-bar", (*screen == Screen::Home).then_some("on-home"))} aria-label={t(l, "areas")}>
                <ul>{ for Screen::AREAS.iter().map(|a| {
                    let here = screen.area().as_ref() == Some(a);
                    let count = if *a == Screen::Notices { unread } else { 0 };
                    html! { <li><button type="button" class="area-button" aria-current={here.then_some("page")}
                        onclick={navigate.reform({ let a = a.clone(); move |_: MouseEvent| a.clone() })}>
                        { crate::icon::icon(a.icon()) }<span class="area-name">{ a.title(l) }</span><span class="area-short">{ a.short_title(l) }</span>
                        if count > 0 {
                            <span class="count-badge" aria-hidden="true">{ count }</span>
                            <span class="visually-hidden">{ crate::i18n::t_args(l, "unread-count", &[("n", count.into())]) }</span>
                        }
                    </button></li> }
                }) }</ul>
            </nav>
            <main id="main" tabindex="-1">{ page }</main>
            if let Some(idle) = *kiosk {
                <crate::kiosk::KioskGuard lang={l} idle_secs={idle} on_end={end_session.clone()} />
            }
            if let Some(problem) = (*kiosk_problem).clone() {
                <crate::kiosk::SessionBlocked lang={l} {problem} on_retry={end_session.clone()} />
            }
            <footer class="app-footer">
                <p>{ t(l, "open-source-software-of-the-city") }</p>
            </footer>
        </>
    };
    // The areas' stores sit above the screens, so they outlive navigation.
    // The start module has no area to provide them to.
    #[cfg(feature = "areas")]
    let body = html! { <ContextProvider<UseReducerHandle<Inbox>> context={inbox}>{ body }</ContextProvider<UseReducerHandle<Inbox>>> };
    #[cfg(feature = "wifi")]
    return html! { <crate::areas::screens::Stores {frame}>{ body }</crate::areas::screens::Stores> };
    #[cfg(not(feature = "wifi"))]
    {
        let _ = frame;
        body
    }
}

/// Whether this module draws `screen` (else it hands over to the whole
/// frontend, see `crate::handover`).
fn in_this_module(screen: &Screen) -> bool {
    cfg!(feature = "areas")
        || *screen == Screen::Home
        || (cfg!(feature = "wifi") && matches!(screen, Screen::Hotspots | Screen::HotspotDetail(_)))
}

/// The header's pin for a named screen (only areas have one).
fn pin_this_screen(code: &'static str) -> Html {
    #[cfg(feature = "wifi")]
    return html! { <crate::areas::screens::PinThisScreen {code} /> };
    #[cfg(not(feature = "wifi"))]
    {
        let _ = code;
        html! {}
    }
}

thread_local! {
    /// Whether the start was reported: painted, painted with the portal's
    /// answer. Once per page, whichever screen reports it.
    static REPORTED: std::cell::Cell<(bool, bool)> = const { std::cell::Cell::new((false, false)) };
}

/// The whole frontend that took over from the start module does not report
/// the start again.
pub(crate) fn start_reported_already() {
    REPORTED.with(|r| r.set((true, true)));
}

/// Reports the first screen painted with its data to the shell, two
/// animation frames after it renders, so start-up time is measured, not
/// assumed: painted (perhaps with the saved copy), and painted with the
/// portal's answer ("settled"), which may be the same.
#[hook]
pub(crate) fn use_start_report(painted: bool, settled: bool) {
    use_effect_with((painted, settled), move |&(painted, settled)| {
        let r = REPORTED.with(|r| r.get());
        let report = (painted && !r.0) || (settled && !r.1);
        if report {
            let first = !r.0;
            REPORTED.with(|x| x.set((r.0 || painted, r.1 || settled)));
            after_two_frames(move || {
                // The first report carries where the start went.
                let timeline = if first { crate::timeline::page_timeline() } else { Vec::new() };
                wasm_bindgen_futures::spawn_local(async move {
                    let args = muc_wire::ipc::FrontendReadyArgs { settled, timeline };
                    let _ = ipc::call::<cmd::FrontendReady>(args).await;
                })
            });
        }
    });
}

pub(crate) fn after_two_frames(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let inner = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(inner.unchecked_ref());
}

/// The screen the shell asks to open on (a kiosk or a desktop shortcut).
fn start_screen(info: &muc_wire::ipc::AppInfo) -> Option<Screen> {
    // The shell offers these three start screens (MUC_START_SCREEN).
    match info.start_screen.as_deref() {
        Some(code @ ("hotspots" | "finders" | "report")) => Screen::from_code(code),
        _ => None,
    }
}

fn gloo_document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The start module alone (`cargo test --no-default-features --lib`, run
/// by `./x test frontend`): opening an area asks `main.js` for the whole
/// frontend with the area's name; if that fails, the area says so instead
/// of loading for ever.
#[cfg(all(test, not(feature = "wifi")))]
mod start_module_tests {
    use std::time::Duration;

    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn text() -> String {
        gloo_document().and_then(|d| d.body()).and_then(|b| b.text_content()).unwrap_or_default()
    }

    async fn wait_until(what: &str, cond: impl Fn() -> bool) {
        for _ in 0..500 {
            if cond() {
                return;
            }
            gloo_timers::future::sleep(Duration::from_millis(10)).await;
        }
        panic!("timed out waiting until {what}; page: {}", text());
    }

    fn click(css: &str) {
        let el = gloo_document().and_then(|d| d.query_selector(css).ok().flatten()).expect(css);
        el.unchecked_into::<web_sys::HtmlElement>().click();
    }

    #[wasm_bindgen_test]
    async fn an_area_is_asked_of_the_whole_frontend_and_a_failure_is_said() {
        crate::i18n::install(&muc_messages::catalogue("de").expect("catalogue"));
        let doc = gloo_document().expect("document");
        let root = doc.create_element("div").expect("div");
        doc.body().expect("body").append_child(&root).expect("append");
        yew::Renderer::<App>::with_root(root).render();
        wait_until("home", || text().contains("Willkommen")).await;

        // No `main.js` here: the whole frontend cannot come.
        click(".tiles li:first-child button");
        wait_until("the failure said", || text().contains("App neu")).await;
        let alert = doc.query_selector("[role=alert]").ok().flatten().expect("an alert");
        assert!(alert.text_content().unwrap_or_default().contains("App neu"));

        // With a `main.js` that answers: asked for the report area by name.
        let asked = js_sys::Function::new_with_args("code", "window.__asked = code; return Promise.resolve();");
        js_sys::Reflect::set(&js_sys::global(), &"__mucOpenWhole".into(), &asked).expect("set");
        click(".nav-button");
        wait_until("home again", || text().contains("Willkommen")).await;
        click(".tiles li:nth-child(2) button");
        wait_until("asked", || {
            js_sys::Reflect::get(&js_sys::global(), &"__asked".into()).ok().and_then(|v| v.as_string()).is_some()
        })
        .await;
        let code = js_sys::Reflect::get(&js_sys::global(), &"__asked".into()).expect("asked").as_string();
        assert_eq!(code.as_deref(), Some("report"));
        let status =
            doc.query_selector("main [role=status]").ok().flatten().map(|e| e.text_content().unwrap_or_default());
        assert_eq!(status.as_deref(), Some("Wird geladen …"), "the area loads meanwhile");
    }
}
