//! The root component: which screen is shown, the language, the loaded data.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::ipc;
use crate::load::loader;
use crate::pages::finders::{FinderLoad, Finders};
use crate::pages::home::Home;
use crate::pages::hotspot_detail::HotspotDetail;
use crate::pages::hotspots::{Hotspots, Load, Locate};
use crate::pages::my_reports::MyReports;
use crate::pages::report::Report;
use crate::places::Place;
use crate::route::Screen;
use muc_wire::ipc::{
    cmd, DraftIdArgs, MarkNoticeArgs, NearbyArgs, OpenFinderArgs, OpenInMapArgs, SetFavouriteArgs, SupportArgs,
};
use muc_wire::personal::{Favourite, FavouriteKind};

pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[component]
pub fn App() -> Html {
    let lang = use_state(Lang::default);
    // What the shell put into the page: the first screen is drawn from it at
    // once (see the start-up effect below).
    let injected = use_memo((), |()| ipc::start_info());
    let screen = use_state(|| injected.as_ref().as_ref().and_then(start_screen).unwrap_or(Screen::Home));
    // Opening on the hotspot list, the sites saved on this device come with
    // the page: drawn at once, marked as being refreshed.
    let saved = use_memo((), |()| ipc::saved_hotspots());
    let load = use_state(|| saved.as_ref().clone().map_or(Load::Loading, |copy| Load::Ready(Rc::new(copy))));
    let fetched = use_state(|| false);
    let place = use_state(|| None::<Place>);
    let kind = use_state(|| None::<String>);
    let locate = use_state(|| Locate::Idle);
    let map_error = use_state(|| None);
    let finder_load = use_state(|| FinderLoad::Loading);
    let finders_fetched = use_state(|| false);
    let open_error = use_state(|| None);
    let catalogue = use_state(|| crate::load::Load::Loading);
    let catalogue_fetched = use_state(|| false);
    let mine = use_state(|| crate::load::Load::Loading);
    let sending = use_state(|| false);
    let send_error = use_state(|| None);
    let nearby = use_state(|| crate::load::Load::Ready(Rc::new(Vec::new())));
    let drafts = use_state(|| crate::load::Load::Loading);
    let endpoint = use_state(|| crate::load::Load::Loading);
    let login_status = use_state(|| crate::load::Load::Loading);
    let notices = use_state(|| crate::load::Load::Loading);
    let signing_in = use_state(|| false);
    let login_error = use_state(|| None::<muc_wire::ipc::AppError>);
    let account_deleted = use_state(|| None::<u64>);
    let favs = use_state(|| crate::load::Load::<muc_wire::ipc::FavouriteView>::Loading);
    let profile = use_state(|| crate::load::Load::<muc_wire::ipc::MyProfile>::Loading);
    let profile_busy = use_state(|| false);
    let profile_error = use_state(|| None::<muc_wire::ipc::AppError>);
    let profile_done = use_state(|| None::<&'static str>);
    let endpoint_busy = use_state(|| false);
    let endpoint_error = use_state(|| None::<muc_wire::ipc::AppError>);
    let resumed = use_state(|| None::<crate::pages::report::Resumed>);
    let first_render = use_mut_ref(|| true);

    let reload = loader(load.clone(), ipc::ask::<cmd::LoadHotspots>);
    // The saved copy stays on screen until the portal answers; if the shell
    // cannot answer at all, it stays, marked as offline with the reason.
    let refresh_saved = {
        let (load, saved) = (load.clone(), saved.clone());
        Callback::from(move |()| {
            let (load, saved) = (load.clone(), saved.clone());
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match (ipc::ask::<cmd::LoadHotspots>().await, saved.as_ref()) {
                    (Ok(snap), _) => Load::Ready(Rc::new(snap)),
                    (Err(reason), Some(copy)) => Load::Ready(Rc::new(muc_wire::ipc::HotspotSnapshot {
                        source: muc_wire::ipc::DataSource::Cache { reason },
                        ..copy.clone()
                    })),
                    (Err(e), None) => Load::Failed(e),
                });
            });
        })
    };
    let showing_saved = matches!(&*load, Load::Ready(snap) if snap.source == muc_wire::ipc::DataSource::Saved);
    let reload_finders = loader(finder_load.clone(), ipc::ask::<cmd::LoadFinders>);
    let reload_catalogue = loader(catalogue.clone(), ipc::ask::<cmd::ReportCategories>);
    let reload_mine = loader(mine.clone(), ipc::ask::<cmd::MyReports>);
    let reload_drafts = loader(drafts.clone(), ipc::ask::<cmd::ListDrafts>);
    let reload_endpoint = loader(endpoint.clone(), ipc::ask::<cmd::Open311Endpoint>);
    let reload_login = loader(login_status.clone(), ipc::ask::<cmd::GetLoginStatus>);
    // After a step-up sign-in on the personal page: the page stays as it is
    // (its "saved" message with it) while the new level is fetched.
    let refresh_login = crate::load::refresher(login_status.clone(), ipc::ask::<cmd::GetLoginStatus>);
    let reload_notices = loader(notices.clone(), ipc::ask::<cmd::GetNotices>);
    // Synced with the account on each visit: another device's changes show.
    let refresh_favs = crate::load::refresher(favs.clone(), ipc::ask::<cmd::LoadFavourites>);
    // Asked only when signed in (see below): signed out there is none.
    let reload_profile = loader(profile.clone(), ipc::ask::<cmd::LoadProfile>);
    let signed_in = matches!(&*login_status, crate::load::Load::Ready(s) if s.session.is_some());
    {
        // The profile for the personal area and the report form, once the
        // sign-in is known, and again after a new one.
        let (reload_profile, profile_done) = (reload_profile.clone(), profile_done.clone());
        let account = match &*login_status {
            crate::load::Load::Ready(s) => s.session.as_ref().map(|s| s.account_id.clone()),
            _ => None,
        };
        use_effect_with(account, move |a| {
            profile_done.set(None);
            if a.is_some() {
                reload_profile.emit(());
            }
        });
    }

    // Load each area's data the first time it is opened.
    {
        let (fetched, reload, refresh_saved) = (fetched.clone(), reload.clone(), refresh_saved.clone());
        let (finders_fetched, reload_finders) = (finders_fetched.clone(), reload_finders.clone());
        let (catalogue_fetched, reload_catalogue, reload_mine) =
            (catalogue_fetched.clone(), reload_catalogue.clone(), reload_mine.clone());
        let (reload_drafts, reload_endpoint) = (reload_drafts.clone(), reload_endpoint.clone());
        let (reload_login, reload_notices) = (reload_login.clone(), reload_notices.clone());
        let refresh_favs = refresh_favs.clone();
        use_effect_with((*screen).clone(), move |s| {
            // Pinnable screens show whether they are pinned.
            if matches!(s, Screen::Personal | Screen::HotspotDetail(_)) || s.pin_code().is_some() {
                refresh_favs.emit(());
            }
            if *s == Screen::Notices {
                reload_notices.emit(());
            }
            if matches!(s, Screen::Personal | Screen::MyReports | Screen::Report) {
                reload_login.emit(());
            }
            if *s == Screen::Report {
                reload_drafts.emit(());
                reload_endpoint.emit(());
            }
            if matches!(s, Screen::Report | Screen::MyReports) && !*catalogue_fetched {
                catalogue_fetched.set(true);
                reload_catalogue.emit(());
            }
            // Statuses change on the city's side: ask again each time.
            if *s == Screen::MyReports {
                reload_mine.emit(());
            }
            if matches!(s, Screen::Hotspots | Screen::HotspotDetail(_)) && !*fetched {
                fetched.set(true);
                if showing_saved {
                    refresh_saved.emit(());
                } else {
                    reload.emit(());
                }
            }
            if matches!(s, Screen::Finders | Screen::Personal) && !*finders_fetched {
                finders_fetched.set(true);
                reload_finders.emit(());
            }
        });
    }
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
    let start_known = use_state(|| known_at_once);
    let tile_url = use_state(|| injected.as_ref().as_ref().and_then(|i| i.tile_url.clone()));
    let kiosk = use_state(|| injected.as_ref().as_ref().and_then(|i| i.kiosk_idle_secs));
    // Kiosk: what of the last session could not be removed (the screen stays blocked).
    let kiosk_problem = use_state(|| injected.as_ref().as_ref().and_then(|i| i.kiosk_problem.clone()));
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
                Screen::Hotspots => matches!(&*load, Load::Ready(_) | Load::Failed(_)),
                Screen::Finders => matches!(&*finder_load, Load::Ready(_) | Load::Failed(_)),
                Screen::Report => matches!(&*catalogue, crate::load::Load::Ready(_) | crate::load::Load::Failed(_)),
                _ => true,
            };
        let settled = painted && !(*screen == Screen::Hotspots && showing_saved);
        use_effect_with((painted, settled), move |&(painted, settled)| {
            let mut r = reported.borrow_mut();
            let report = (painted && !r.0) || (settled && !r.1);
            if report {
                *r = (r.0 || painted, r.1 || settled);
                after_two_frames(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = ipc::call::<cmd::FrontendReady>(muc_wire::ipc::FrontendReadyArgs { settled }).await;
                    })
                });
            }
        });
    }
    {
        use_effect_with(*lang, |l| {
            if let Some(root) = gloo_document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", l.code());
            }
        });
    }

    let navigate = {
        let (screen, map_error, open_error) = (screen.clone(), map_error.clone(), open_error.clone());
        let (resumed, send_error) = (resumed.clone(), send_error.clone());
        Callback::from(move |s: Screen| {
            map_error.set(None);
            open_error.set(None);
            send_error.set(None);
            // A draft is resumed when asked for, not whenever the report screen opens.
            resumed.set(None);
            screen.set(s);
        })
    };
    let on_open_finder = {
        let open_error = open_error.clone();
        Callback::from(move |(id, via): (String, muc_wire::ipc::OpenVia)| {
            let open_error = open_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                open_error.set(ipc::call::<cmd::OpenFinder>(OpenFinderArgs { finder_id: id, via }).await.err());
            });
        })
    };
    // Marks or unmarks any favourite; the finder list shows its own from the answer.
    let set_favourite = {
        let (finder_load, open_error, favs) = (finder_load.clone(), open_error.clone(), favs.clone());
        Callback::from(move |(favourite, on): (Favourite, bool)| {
            let (finder_load, open_error, favs) = (finder_load.clone(), open_error.clone(), favs.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::call::<cmd::SetFavourite>(SetFavouriteArgs { favourite, on }).await {
                    Ok(view) => {
                        if let FinderLoad::Ready(s) = &*finder_load {
                            let mut next = (**s).clone();
                            next.favourites = view.ids(FavouriteKind::Finder);
                            finder_load.set(FinderLoad::Ready(Rc::new(next)));
                        }
                        favs.set(crate::load::Load::Ready(Rc::new(view)));
                    }
                    Err(e) => open_error.set(Some(e)),
                }
            });
        })
    };
    let on_favourite = set_favourite.reform(|(id, on): (String, bool)| (Favourite::new(FavouriteKind::Finder, id), on));
    let is_favourite = |kind: FavouriteKind, id: &str| matches!(&*favs, crate::load::Load::Ready(v) if v.has(kind, id));
    let on_locate = {
        let (locate, place) = (locate.clone(), place.clone());
        Callback::from(move |()| request_location(locate.clone(), place.clone()))
    };
    let on_open_map = {
        let map_error = map_error.clone();
        Callback::from(move |id: String| {
            let map_error = map_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                map_error.set(ipc::call::<cmd::OpenInMap>(OpenInMapArgs { site_id: id }).await.err());
            });
        })
    };

    let l = *lang;
    let page = match &*screen {
        Screen::Home => html! { <Home lang={l} on_navigate={navigate.clone()} /> },
        Screen::Hotspots => html! {
            <Hotspots lang={l} load={(*load).clone()} place={(*place).clone()} kind={(*kind).clone()}
                now={now_secs()} locate={*locate}
                on_place={{ let place = place.clone(); Callback::from(move |p| place.set(Some(p))) }}
                on_kind={{ let kind = kind.clone(); Callback::from(move |k| kind.set(k)) }}
                on_select={navigate.reform(Screen::HotspotDetail)}
                on_refresh={reload.clone()} on_locate={on_locate} />
        },
        Screen::HotspotDetail(id) => match &*load {
            Load::Ready(snap) if snap.sites.iter().any(|s| &s.id == id) => {
                let site = snap.sites.iter().find(|s| &s.id == id).cloned();
                html! {
                    if let Some(site) = site {
                        <HotspotDetail lang={l} site={site} place={(*place).clone()}
                            attribution={snap.attribution.clone()}
                            offline={matches!(snap.source, muc_wire::ipc::DataSource::Cache { .. })}
                            map_error={(*map_error).clone()}
                            favourite={is_favourite(FavouriteKind::Hotspot, id)}
                            on_favourite={set_favourite.reform({ let id = id.clone();
                                move |on| (Favourite::new(FavouriteKind::Hotspot, id.clone()), on) })}
                            on_back={navigate.reform(|()| Screen::Hotspots)} on_open_map={on_open_map} />
                    }
                }
            }
            // Opened from a favourite before the sites were loaded.
            Load::Loading => html! { <p role="status">{ tr(l, "Wird geladen …", "Loading …") }</p> },
            _ => html! {
                <Home lang={l} on_navigate={navigate.clone()} />
            },
        },
        Screen::Finders => html! {
            <Finders lang={l} load={(*finder_load).clone()} now={now_secs()} open_error={(*open_error).clone()}
                on_open={on_open_finder} on_favourite={on_favourite} on_refresh={reload_finders.clone()} />
        },
        Screen::Report => {
            let on_submit = {
                let (sending, send_error, screen) = (sending.clone(), send_error.clone(), screen.clone());
                Callback::from(move |args| {
                    let (sending, send_error, screen) = (sending.clone(), send_error.clone(), screen.clone());
                    sending.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::SubmitReport>(args).await {
                            Ok(_) => {
                                send_error.set(None);
                                screen.set(Screen::MyReports);
                            }
                            Err(e) => send_error.set(Some(e)),
                        }
                        sending.set(false);
                    });
                })
            };
            let on_review = {
                let nearby = nearby.clone();
                Callback::from(move |(code, lat, lon): (String, f64, f64)| {
                    let nearby = nearby.clone();
                    nearby.set(crate::load::Load::Loading);
                    wasm_bindgen_futures::spawn_local(async move {
                        // Offline the check is skipped: sending must never depend on it.
                        let list = ipc::call::<cmd::NearbyReports>(NearbyArgs { service_code: code, lat, lon })
                            .await
                            .unwrap_or_default();
                        nearby.set(crate::load::Load::Ready(Rc::new(list)));
                    });
                })
            };
            let on_save_draft = {
                let (reload_drafts, send_error) = (reload_drafts.clone(), send_error.clone());
                Callback::from(move |args| {
                    let (reload_drafts, send_error) = (reload_drafts.clone(), send_error.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::SaveDraft>(args).await {
                            Ok(_) => reload_drafts.emit(()),
                            // Shown where the person will look next: before sending.
                            Err(e) => send_error.set(Some(e)),
                        }
                    });
                })
            };
            let on_resume = {
                let (resumed, send_error) = (resumed.clone(), send_error.clone());
                Callback::from(move |id| {
                    let (resumed, send_error) = (resumed.clone(), send_error.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::LoadDraft>(DraftIdArgs { id }).await {
                            Ok(d) => resume(&resumed, d),
                            Err(e) => send_error.set(Some(e)),
                        }
                    });
                })
            };
            let on_delete_draft = {
                let reload_drafts = reload_drafts.clone();
                Callback::from(move |id| {
                    let reload_drafts = reload_drafts.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Err(e) = ipc::call::<cmd::DeleteDraft>(DraftIdArgs { id }).await {
                            web_sys::console::error_1(&e.to_string().into());
                        }
                        reload_drafts.emit(());
                    });
                })
            };
            let on_set_endpoint = {
                let (endpoint, busy, error, reload_catalogue) =
                    (endpoint.clone(), endpoint_busy.clone(), endpoint_error.clone(), reload_catalogue.clone());
                Callback::from(move |args| {
                    let (endpoint, busy, error, reload_catalogue) =
                        (endpoint.clone(), busy.clone(), error.clone(), reload_catalogue.clone());
                    busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::SetOpen311Endpoint>(args).await {
                            Ok(info) => {
                                endpoint.set(crate::load::Load::Ready(Rc::new(info)));
                                error.set(None);
                                // Another server has other categories.
                                reload_catalogue.emit(());
                            }
                            Err(e) => error.set(Some(e)),
                        }
                        busy.set(false);
                    });
                })
            };
            let settings = html! {
                <crate::pages::report_endpoint::EndpointSettings lang={l} endpoint={(*endpoint).clone()}
                    busy={*endpoint_busy} error={(*endpoint_error).clone()} on_set={on_set_endpoint} />
            };
            let on_support = {
                let (sending, send_error, screen) = (sending.clone(), send_error.clone(), screen.clone());
                Callback::from(move |id| {
                    let (sending, send_error, screen) = (sending.clone(), send_error.clone(), screen.clone());
                    sending.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::SupportReport>(SupportArgs { service_request_id: id }).await {
                            Ok(()) => {
                                send_error.set(None);
                                screen.set(Screen::MyReports);
                            }
                            Err(e) => send_error.set(Some(e)),
                        }
                        sending.set(false);
                    });
                })
            };
            html! {
                <Report lang={l} on_support={on_support} catalogue={(*catalogue).clone()} sending={*sending} send_error={(*send_error).clone()} settings={settings} tile_url={(*tile_url).clone()}
                    on_submit={on_submit} on_my_reports={navigate.reform(|()| Screen::MyReports)}
                    nearby={(*nearby).clone()} on_review={on_review}
                    drafts={(*drafts).clone()} on_save_draft={on_save_draft} on_resume={on_resume}
                    resumed={(*resumed).clone()} on_delete_draft={on_delete_draft}
                    profile_email={match (&*profile, signed_in) {
                        (crate::load::Load::Ready(m), true) => m.profile.as_ref().and_then(|p| p.email.clone()),
                        _ => None,
                    }}
                    favourite_categories={match &*favs { crate::load::Load::Ready(v) => v.ids(FavouriteKind::Category), _ => Vec::new() }}
                    on_favourite_category={set_favourite.reform(|(code, on): (String, bool)| (Favourite::new(FavouriteKind::Category, code), on))} />
            }
        }
        Screen::MyReports => {
            let names: Vec<(String, String)> = match &*catalogue {
                crate::load::Load::Ready(c) => c
                    .categories
                    .iter()
                    .map(|c| (c.service.service_code.clone(), c.service.service_name.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            let on_revise = {
                let (resumed, screen, send_error, reload_mine) =
                    (resumed.clone(), screen.clone(), send_error.clone(), reload_mine.clone());
                Callback::from(move |id| {
                    let (resumed, screen, send_error, reload_mine) =
                        (resumed.clone(), screen.clone(), send_error.clone(), reload_mine.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::ReviseReport>(DraftIdArgs { id }).await {
                            Ok(d) => {
                                resume(&resumed, d);
                                send_error.set(None);
                                screen.set(Screen::Report);
                            }
                            Err(e) => {
                                web_sys::console::error_1(&e.to_string().into());
                                reload_mine.emit(());
                            }
                        }
                    });
                })
            };
            html! {
                <MyReports lang={l} load={(*mine).clone()} names={names} on_revise={on_revise}
                    on_refresh={reload_mine.clone()} on_new={navigate.reform(|()| Screen::Report)} />
            }
        }
        Screen::Notices => {
            let set = |r: Result<muc_wire::ipc::Notices, muc_wire::ipc::AppError>,
                       st: &UseStateHandle<crate::load::Load<muc_wire::ipc::Notices>>| {
                st.set(match r {
                    Ok(n) => crate::load::Load::Ready(Rc::new(n)),
                    Err(e) => crate::load::Load::Failed(e),
                })
            };
            let on_read = {
                let notices = notices.clone();
                Callback::from(move |()| {
                    let notices = notices.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        set(ipc::ask::<cmd::MarkNoticesRead>().await, &notices)
                    });
                })
            };
            let on_mark = {
                let notices = notices.clone();
                Callback::from(move |m: crate::pages::notices::MarkOne| {
                    let notices = notices.clone();
                    let args = MarkNoticeArgs { key: m.key, read: m.read, deleted: m.deleted };
                    wasm_bindgen_futures::spawn_local(async move {
                        set(ipc::call::<cmd::MarkNotice>(args).await, &notices)
                    });
                })
            };
            let on_settings = {
                let notices = notices.clone();
                Callback::from(move |settings: muc_wire::ipc::NoticeSettings| {
                    let notices = notices.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        set(ipc::call::<cmd::SetNoticeSettings>(settings).await, &notices)
                    });
                })
            };
            let on_open = navigate.reform(|link: String| Screen::from_link(&link).unwrap_or(Screen::Notices));
            html! {
                <crate::pages::notices::Notices lang={l} load={(*notices).clone()} on_read={on_read} on_mark={on_mark}
                    on_settings={on_settings} on_open={on_open}
                    on_my_reports={navigate.reform(|()| Screen::MyReports)} />
            }
        }
        Screen::Personal => {
            let on_login = {
                let (signing_in, login_error, reload_login, account_deleted) =
                    (signing_in.clone(), login_error.clone(), reload_login.clone(), account_deleted.clone());
                let refresh_favs = refresh_favs.clone();
                Callback::from(move |issuer: Option<String>| {
                    account_deleted.set(None);
                    let (signing_in, login_error, reload_login) =
                        (signing_in.clone(), login_error.clone(), reload_login.clone());
                    let refresh_favs = refresh_favs.clone();
                    signing_in.set(true);
                    login_error.set(None);
                    wasm_bindgen_futures::spawn_local(async move {
                        let args = muc_wire::ipc::LoginArgs { level: None, issuer };
                        if let Err(e) = ipc::call::<cmd::Login>(args).await {
                            login_error.set(Some(e));
                        }
                        signing_in.set(false);
                        reload_login.emit(());
                        refresh_favs.emit(());
                    });
                })
            };
            let on_cancel = Callback::from(|()| {
                wasm_bindgen_futures::spawn_local(async {
                    let _ = ipc::ask::<cmd::CancelLogin>().await;
                })
            });
            let on_logout = {
                let (login_error, reload_login, refresh_favs) =
                    (login_error.clone(), reload_login.clone(), refresh_favs.clone());
                Callback::from(move |()| {
                    let (login_error, reload_login, refresh_favs) =
                        (login_error.clone(), reload_login.clone(), refresh_favs.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Err(e) = ipc::ask::<cmd::Logout>().await {
                            login_error.set(Some(e));
                        }
                        reload_login.emit(());
                        refresh_favs.emit(());
                    });
                })
            };
            let on_deleted = {
                let (account_deleted, reload_login, refresh_favs) =
                    (account_deleted.clone(), reload_login.clone(), refresh_favs.clone());
                Callback::from(move |kept: u64| {
                    account_deleted.set(Some(kept));
                    reload_login.emit(());
                    refresh_favs.emit(());
                })
            };
            let en = l == crate::i18n::Lang::En;
            let name_of = |f: &Favourite| -> Option<String> {
                match f.kind {
                    FavouriteKind::Finder => match &*finder_load {
                        FinderLoad::Ready(s) => s.finders.iter().find(|x| x.id == f.id).map(|x| x.name(en).to_string()),
                        _ => None,
                    },
                    FavouriteKind::Hotspot => match &*load {
                        Load::Ready(s) => s.sites.iter().find(|x| x.id == f.id).map(|x| x.name.clone()),
                        // Named once the sites are loaded; it opens meanwhile.
                        _ => Some(f.id.clone()),
                    },
                    FavouriteKind::Category => match &*catalogue {
                        crate::load::Load::Ready(c) => c
                            .categories
                            .iter()
                            .find(|c| c.service.service_code == f.id)
                            .map(|c| c.service.service_name.clone()),
                        _ => Some(f.id.clone()),
                    },
                    FavouriteKind::Screen => Screen::from_code(&f.id).map(|s| s.title(l).to_string()),
                }
            };
            let (favourites, favourites_sync) = match &*favs {
                crate::load::Load::Ready(v) => (
                    v.items
                        .iter()
                        .map(|f| crate::pages::personal::Pinned { favourite: f.clone(), name: name_of(f) })
                        .collect(),
                    Some(v.sync.clone()),
                ),
                _ => (Vec::new(), None),
            };
            let on_open_favourite = {
                let (navigate, resumed) = (navigate.clone(), resumed.clone());
                Callback::from(move |f: Favourite| match f.kind {
                    FavouriteKind::Hotspot => navigate.emit(Screen::HotspotDetail(f.id)),
                    FavouriteKind::Finder => navigate.emit(Screen::Finders),
                    // A new report in that category, at its form.
                    FavouriteKind::Category => {
                        navigate.emit(Screen::Report);
                        let draft = muc_wire::ipc::Draft {
                            id: crate::pages::report::new_draft_id(),
                            service_code: f.id,
                            ..Default::default()
                        };
                        resume(&resumed, muc_wire::ipc::DraftWithPhotos { draft, photos: Vec::new() });
                    }
                    FavouriteKind::Screen => navigate.emit(Screen::from_code(&f.id).unwrap_or(Screen::Home)),
                })
            };
            let on_remove_favourite = set_favourite.reform(|f: Favourite| (f, false));
            let on_save_profile = {
                let (profile, busy, error, done) =
                    (profile.clone(), profile_busy.clone(), profile_error.clone(), profile_done.clone());
                Callback::from(move |args| {
                    let (profile, busy, error, done) = (profile.clone(), busy.clone(), error.clone(), done.clone());
                    busy.set(true);
                    done.set(None);
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::call::<cmd::SaveProfile>(args).await {
                            Ok(m) => {
                                profile.set(crate::load::Load::Ready(Rc::new(m)));
                                error.set(None);
                                done.set(Some("saved"));
                            }
                            Err(e) => error.set(Some(e)),
                        }
                        busy.set(false);
                    });
                })
            };
            let on_revoke_profile = {
                let (profile, busy, error, done) =
                    (profile.clone(), profile_busy.clone(), profile_error.clone(), profile_done.clone());
                Callback::from(move |()| {
                    let (profile, busy, error, done) = (profile.clone(), busy.clone(), error.clone(), done.clone());
                    busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match ipc::ask::<cmd::RevokeProfile>().await {
                            Ok(m) => {
                                profile.set(crate::load::Load::Ready(Rc::new(m)));
                                error.set(None);
                                done.set(Some("revoked"));
                            }
                            Err(e) => error.set(Some(e)),
                        }
                        busy.set(false);
                    });
                })
            };
            let profile_section = html! {
                <crate::pages::profile::ProfileSection lang={l} load={(*profile).clone()} busy={*profile_busy}
                    error={(*profile_error).clone()} done={*profile_done}
                    on_save={on_save_profile} on_revoke={on_revoke_profile} />
            };
            html! {
                <crate::pages::personal::Personal lang={l} favourites={favourites} favourites_sync={favourites_sync}
                    profile={profile_section}
                    on_open_favourite={on_open_favourite} on_remove_favourite={on_remove_favourite}
                    on_finders={navigate.reform(|()| Screen::Finders)} status={(*login_status).clone()} signing_in={*signing_in}
                    error={(*login_error).clone()} on_login={on_login} on_cancel={on_cancel} on_logout={on_logout}
                    on_my_reports={navigate.reform(|()| Screen::MyReports)} on_signed_in={refresh_login.clone()}
                    deleted={*account_deleted} on_deleted={on_deleted} />
            }
        }
    };

    let toggle_lang = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    {
        // The shell calls these (it has no event permission to use): the
        // inbox changed; a desktop notification was clicked (its link).
        let refresh_notices = crate::load::refresher(notices.clone(), ipc::ask::<cmd::GetNotices>);
        let navigate = navigate.clone();
        use_effect_with((), move |_| {
            let window = js_sys::global();
            let changed = Closure::<dyn Fn()>::new(move || refresh_notices.emit(()));
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
        <>
            <a class="skip-link" href="#main">{ tr(l, "Zum Inhalt springen", "Skip to content") }</a>
            <header class="app-header">
                <span class="brand">{ tr(l, "München App", "Munich app") }</span>
                <nav aria-label={tr(l, "Hauptnavigation", "Main navigation")}>
                    if kiosk.is_some() {
                        <button type="button" class="nav-button" id="end-session" onclick={end_session.reform(|_| ())}>{ tr(l, "Sitzung beenden", "End session") }</button>
                    }
                    if *screen != Screen::Home {
                        <button type="button" class="nav-button" onclick={go_home}>{ tr(l, "Startseite", "Start page") }</button>
                    }
                    if let (Some(code), crate::load::Load::Ready(v)) = (screen.pin_code(), &*favs) {
                        <crate::pages::personal::PinScreen lang={l} pinned={v.has(FavouriteKind::Screen, code)}
                            on_toggle={set_favourite.reform(move |on| (Favourite::new(FavouriteKind::Screen, code), on))} />
                    }
                    <button type="button" class="nav-button" onclick={toggle_lang}
                        lang={l.other().code()}>
                        { match l { Lang::De => "English", Lang::En => "Deutsch" } }
                    </button>
                </nav>
            </header>
            <main id="main" tabindex="-1">{ page }</main>
            if let Some(idle) = *kiosk {
                <crate::kiosk::KioskGuard lang={l} idle_secs={idle} on_end={end_session.clone()} />
            }
            if let Some(problem) = (*kiosk_problem).clone() {
                <crate::kiosk::SessionBlocked lang={l} {problem} on_retry={end_session.clone()} />
            }
            <footer class="app-footer">
                <p>{ tr(l, "Offene Software der Landeshauptstadt München.", "Open-source software of the City of Munich.") }</p>
            </footer>
        </>
    }
}

/// Hands a draft to the report form (a new nonce, so the same draft twice still counts).
fn resume(resumed: &UseStateHandle<Option<crate::pages::report::Resumed>>, d: muc_wire::ipc::DraftWithPhotos) {
    let nonce = resumed.as_ref().map_or(0, |r| r.nonce.wrapping_add(1));
    resumed.set(Some(crate::pages::report::Resumed { nonce, draft: Rc::new(d) }));
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

/// The finder's "use my location": where the platform has no position (most
/// desktops) or the person declines, the finder says so and offers the place picker.
fn request_location(locate: UseStateHandle<Locate>, place: UseStateHandle<Option<Place>>) {
    locate.set(Locate::Busy);
    crate::location::request(Callback::from(move |pos: Option<(f64, f64)>| match pos {
        Some((lat, lon)) => {
            place.set(Some(Place::new(format!("{lat:.5}, {lon:.5}"), lon, lat)));
            locate.set(Locate::Idle);
        }
        None => locate.set(Locate::Failed),
    }));
}
