//! The root component: the frame around the screens (header, language,
//! kiosk guard), which screen is shown, and the areas' stores it provides
//! (see `crate::areas`). What each screen loads and does lives in its area.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::areas::account::{self, Account};
use crate::areas::favourites::{use_set_favourite, Favourites};
use crate::areas::finders::{Finders, FindersArea};
use crate::areas::hotspots::{HotspotDetailArea, Hotspots, HotspotsArea};
use crate::areas::notices::{self, Inbox, NoticesArea};
use crate::areas::personal::PersonalArea;
use crate::areas::reports::{MyReportsArea, ReportArea, Reports};
use crate::areas::Frame;
use crate::i18n::{t, Lang};
use crate::ipc;
use crate::load::Load;
use crate::pages::home::Home;
use crate::route::Screen;
use muc_wire::ipc::cmd;
use muc_wire::personal::{Favourite, FavouriteKind};

pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[component]
pub fn App() -> Html {
    // The language the shell chose and sent the texts of; German without it.
    let lang = use_state(|| {
        let l = ipc::start_messages().and_then(crate::i18n::install_from_page).unwrap_or_default();
        crate::timeline::mark("texts read");
        l
    });
    // What the shell put into the page: the first screen is drawn from it at
    // once (see the start-up effect below).
    let injected = use_memo((), |()| ipc::start_info());
    let screen = use_state(|| injected.as_ref().as_ref().and_then(start_screen).unwrap_or(Screen::Home));
    let hotspots = use_reducer(|| {
        let saved = ipc::saved_hotspots();
        crate::timeline::mark("saved sites read");
        Hotspots::new(saved)
    });
    let finders = use_reducer(Finders::default);
    let reports = use_reducer(Reports::default);
    let inbox = use_reducer(Inbox::default);
    let account = use_reducer(Account::default);
    let favs = use_reducer(Favourites::default);
    let first_render = use_mut_ref(|| true);
    use_effect_with((), |_| crate::timeline::mark("first render"));
    account::use_profile_follows_sign_in(&account);

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
    {
        // Reported twice at most: painted (perhaps with the saved copy), and
        // painted with the portal's answer ("settled"), which may be the same.
        let reported = use_mut_ref(|| (false, false));
        let painted = *start_known
            && match &*screen {
                Screen::Home => true,
                Screen::Hotspots => hotspots.load.is_done(),
                Screen::Finders => finders.load.is_done(),
                Screen::Report => reports.catalogue.is_done(),
                _ => true,
            };
        let settled = painted && !(*screen == Screen::Hotspots && hotspots.showing_saved());
        use_effect_with((painted, settled), move |&(painted, settled)| {
            let mut r = reported.borrow_mut();
            let report = (painted && !r.0) || (settled && !r.1);
            if report {
                let first = !r.0;
                *r = (r.0 || painted, r.1 || settled);
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
    {
        use_effect_with(*lang, |l| {
            if let Some(root) = gloo_document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", l.html());
                let _ = root.set_attribute("dir", if l.rtl() { "rtl" } else { "ltr" });
            }
        });
    }

    let navigate = {
        let screen = screen.clone();
        Callback::from(move |s: Screen| screen.set(s))
    };
    {
        // The shell calls these (it has no event permission to use): the
        // inbox changed; a desktop notification was clicked (its link).
        let inbox = inbox.dispatcher();
        let navigate = navigate.clone();
        use_effect_with((), move |_| {
            let window = js_sys::global();
            // The inbox at start too: its unread count is on the area bar.
            if ipc::in_shell() {
                notices::refresh(&inbox);
            }
            let changed = Closure::<dyn Fn()>::new(move || notices::refresh(&inbox));
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
    let unread = match &inbox.load {
        crate::load::Load::Ready(n) => n.notices.iter().filter(|x| !x.read).count(),
        _ => 0,
    };
    let frame = Frame { lang: l, navigate: navigate.clone(), tile_url: (*tile_url).clone() };
    let page = match &*screen {
        Screen::Home => html! { <Home lang={l} on_navigate={navigate.clone()} /> },
        Screen::Hotspots => html! { <HotspotsArea /> },
        Screen::HotspotDetail(id) => html! { <HotspotDetailArea id={id.clone()} /> },
        Screen::Finders => html! { <FindersArea /> },
        Screen::Report => html! { <ReportArea /> },
        Screen::MyReports => html! { <MyReportsArea /> },
        Screen::Notices => html! { <NoticesArea /> },
        Screen::Personal => html! { <PersonalArea /> },
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
                match ipc::call::<cmd::SetLanguage>(args).await {
                    Ok(c) => crate::i18n::install(c),
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
    html! {
        <ContextProvider<Frame> context={frame}>
        <ContextProvider<UseReducerHandle<Favourites>> context={favs.clone()}>
        <ContextProvider<UseReducerHandle<Account>> context={account}>
        <ContextProvider<UseReducerHandle<Hotspots>> context={hotspots}>
        <ContextProvider<UseReducerHandle<Finders>> context={finders}>
        <ContextProvider<UseReducerHandle<Reports>> context={reports}>
        <ContextProvider<UseReducerHandle<Inbox>> context={inbox}>
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
                        <PinThisScreen {code} />
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
                        <crate::icon::Icon name={a.icon()} /><span class="area-name">{ a.title(l) }</span><span class="area-short">{ a.short_title(l) }</span>
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
        </ContextProvider<UseReducerHandle<Inbox>>>
        </ContextProvider<UseReducerHandle<Reports>>>
        </ContextProvider<UseReducerHandle<Finders>>>
        </ContextProvider<UseReducerHandle<Hotspots>>>
        </ContextProvider<UseReducerHandle<Account>>>
        </ContextProvider<UseReducerHandle<Favourites>>>
        </ContextProvider<Frame>>
    }
}

#[derive(Properties, PartialEq)]
struct PinThisScreenProps {
    code: &'static str,
}

/// The header's pin for a screen, once the favourites are known (asked
/// here if no screen has asked yet; the areas that show favourites ask on
/// each visit, to show another device's changes).
#[component]
fn PinThisScreen(props: &PinThisScreenProps) -> Html {
    let frame = crate::areas::use_frame();
    let favs = crate::areas::use_store::<Favourites>();
    let set_favourite = use_set_favourite();
    {
        let (known, d) = (favs.view.is_done(), favs.dispatcher());
        crate::areas::use_on_open(move || {
            if !known {
                crate::areas::favourites::refresh(&d);
            }
        });
    }
    let favourite = Favourite::new(FavouriteKind::Screen, props.code);
    match &favs.view {
        Load::Ready(_) => html! {
            <crate::pages::personal::PinScreen lang={frame.lang} pinned={favs.has(&favourite)}
                on_toggle={set_favourite.reform(move |on| (favourite.clone(), on))} />
        },
        _ => html! {},
    }
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
