//! Reporting an issue (Anliegenmanagement) and "Meine Meldungen": the
//! categories are shared, so are drafts handed from one to the other.

use muc_wire::ipc::{
    cmd, AppError, Draft, DraftIdArgs, DraftWithPhotos, EndpointInfo, MyReport, NearbyArgs, ReportCatalogue,
    SupportArgs,
};
use muc_wire::open311::ServiceRequest;
use muc_wire::personal::{Favourite, FavouriteKind};
use yew::prelude::*;

use super::account::{self, Account};
use super::favourites::{self, use_set_favourite, Favourites};
use super::{ask_then, reducer, use_frame, use_on_open, use_store};
use crate::ipc;
use crate::load::Load;
use crate::pages::my_reports::MyReports;
use crate::pages::report::{Report, Resumed};
use crate::route::Screen;

#[derive(Clone, PartialEq)]
pub struct Reports {
    pub catalogue: Load<ReportCatalogue>,
    catalogue_fetched: super::Asked,
    pub sending: bool,
    pub send_error: Option<AppError>,
    /// Open reports of the chosen category near the chosen place.
    pub nearby: Load<Vec<ServiceRequest>>,
    pub drafts: Load<Vec<Draft>>,
    pub endpoint: Load<EndpointInfo>,
    pub endpoint_busy: bool,
    pub endpoint_error: Option<AppError>,
    /// A draft handed to the form; resumed when asked for, not whenever
    /// the report screen opens.
    pub resumed: Option<Resumed>,
    pub mine: Load<Vec<MyReport>>,
}

impl Default for Reports {
    fn default() -> Self {
        Reports {
            catalogue: Load::Loading,
            catalogue_fetched: Default::default(),
            sending: false,
            send_error: None,
            nearby: Load::Ready(Vec::new().into()),
            drafts: Load::Loading,
            endpoint: Load::Loading,
            endpoint_busy: false,
            endpoint_error: None,
            resumed: None,
            mine: Load::Loading,
        }
    }
}

pub enum Action {
    AskingCatalogue,
    Catalogue(Load<ReportCatalogue>),
    Sending,
    /// Sent (or supported), or why not.
    Sent(Option<AppError>),
    SendError(Option<AppError>),
    Nearby(Load<Vec<ServiceRequest>>),
    Drafts(Load<Vec<Draft>>),
    Endpoint(Load<EndpointInfo>),
    EndpointBusy,
    EndpointChanged(Result<EndpointInfo, AppError>),
    Resume(DraftWithPhotos),
    Forget,
    Mine(Load<Vec<MyReport>>),
}

impl Reports {
    fn apply(&mut self, action: Action) {
        match action {
            Action::AskingCatalogue => {
                self.catalogue_fetched.mark();
                self.catalogue = Load::Loading;
            }
            Action::Catalogue(c) => self.catalogue = c,
            Action::Sending => self.sending = true,
            Action::Sent(e) => {
                self.sending = false;
                self.send_error = e;
            }
            Action::SendError(e) => self.send_error = e,
            Action::Nearby(n) => self.nearby = n,
            Action::Drafts(d) => self.drafts = d,
            Action::Endpoint(e) => self.endpoint = e,
            Action::EndpointBusy => self.endpoint_busy = true,
            Action::EndpointChanged(r) => {
                self.endpoint_busy = false;
                match r {
                    Ok(info) => {
                        self.endpoint = Load::Ready(info.into());
                        self.endpoint_error = None;
                    }
                    Err(e) => self.endpoint_error = Some(e),
                }
            }
            // A new nonce, so the same draft twice still counts.
            Action::Resume(d) => {
                let nonce = self.resumed.as_ref().map_or(0, |r| r.nonce.wrapping_add(1));
                self.resumed = Some(Resumed { nonce, draft: d.into() });
            }
            Action::Forget => self.resumed = None,
            Action::Mine(m) => self.mine = m,
        }
    }

    /// Category names by service code, for lists that show codes.
    pub fn names(&self) -> Vec<(String, String)> {
        match &self.catalogue {
            Load::Ready(c) => {
                c.categories.iter().map(|c| (c.service.service_code.clone(), c.service.service_name.clone())).collect()
            }
            _ => Vec::new(),
        }
    }
}
reducer!(Reports, Action);

fn ask_catalogue(d: &UseReducerDispatcher<Reports>) {
    d.dispatch(Action::AskingCatalogue);
    ask_then(d, ipc::ask::<cmd::ReportCategories>, |r| Action::Catalogue(r.into()));
}

fn ask_drafts(d: &UseReducerDispatcher<Reports>) {
    ask_then(d, ipc::ask::<cmd::ListDrafts>, |r| Action::Drafts(r.into()));
}

/// A new report in this category, at its form (a favourite category).
pub fn start_in_category(d: &UseReducerDispatcher<Reports>, service_code: String) {
    let draft = Draft { id: crate::pages::report::new_draft_id(), service_code, ..Default::default() };
    d.dispatch(Action::Resume(DraftWithPhotos { draft, photos: Vec::new() }));
}

/// Sends (a report, or "I am affected too"), then shows "Meine Meldungen";
/// or says why not, on the form.
fn send<T: 'static>(
    d: &UseReducerDispatcher<Reports>,
    navigate: &Callback<Screen>,
    sending: impl std::future::Future<Output = Result<T, AppError>> + 'static,
) {
    d.dispatch(Action::Sending);
    let (d, navigate) = (d.clone(), navigate.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let error = sending.await.err();
        let sent = error.is_none();
        d.dispatch(Action::Sent(error));
        if sent {
            navigate.emit(Screen::MyReports);
        }
    });
}

#[component]
pub fn ReportArea() -> Html {
    let frame = use_frame();
    let store = use_store::<Reports>();
    let account = use_store::<Account>();
    let favs = use_store::<Favourites>();
    let set_favourite = use_set_favourite();
    {
        let (store, account, favs) = (store.clone(), account.dispatcher(), favs.dispatcher());
        use_effect_with((), move |_| {
            let d = store.dispatcher();
            d.dispatch(Action::SendError(None));
            account::reload_status(&account);
            favourites::refresh(&favs);
            d.dispatch(Action::Drafts(Load::Loading));
            ask_drafts(&d);
            d.dispatch(Action::Endpoint(Load::Loading));
            ask_then(&d, ipc::ask::<cmd::Open311Endpoint>, |r| Action::Endpoint(r.into()));
            if !store.catalogue_fetched.get() {
                ask_catalogue(&d);
            }
            // Leaving the form: a draft handed to it is not handed again.
            move || d.dispatch(Action::Forget)
        });
    }
    let d = store.dispatcher();
    let on_submit = {
        let (d, navigate) = (d.clone(), frame.navigate.clone());
        Callback::from(move |args| send(&d, &navigate, ipc::call::<cmd::SubmitReport>(args)))
    };
    let on_support = {
        let (d, navigate) = (d.clone(), frame.navigate.clone());
        Callback::from(move |service_request_id| {
            send(&d, &navigate, ipc::call::<cmd::SupportReport>(SupportArgs { service_request_id }))
        })
    };
    let on_review = {
        let d = d.clone();
        Callback::from(move |(service_code, lat, lon): (String, f64, f64)| {
            d.dispatch(Action::Nearby(Load::Loading));
            // Offline the check is skipped: sending must never depend on it.
            ask_then(
                &d,
                move || ipc::call::<cmd::NearbyReports>(NearbyArgs { service_code, lat, lon }),
                |r| Action::Nearby(Load::Ready(r.unwrap_or_default().into())),
            );
        })
    };
    let on_save_draft = {
        let d = d.clone();
        Callback::from(move |args| {
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::call::<cmd::SaveDraft>(args).await {
                    Ok(_) => ask_drafts(&d),
                    // Shown where the person will look next: before sending.
                    Err(e) => d.dispatch(Action::SendError(Some(e))),
                }
            });
        })
    };
    let on_resume = {
        let d = d.clone();
        Callback::from(move |id| {
            ask_then(
                &d,
                move || ipc::call::<cmd::LoadDraft>(DraftIdArgs { id }),
                |r| match r {
                    Ok(draft) => Action::Resume(draft),
                    Err(e) => Action::SendError(Some(e)),
                },
            );
        })
    };
    let on_delete_draft = {
        let d = d.clone();
        Callback::from(move |id| {
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = ipc::call::<cmd::DeleteDraft>(DraftIdArgs { id }).await {
                    web_sys::console::error_1(&e.to_string().into());
                }
                ask_drafts(&d);
            });
        })
    };
    let on_set_endpoint = {
        let d = d.clone();
        Callback::from(move |args| {
            d.dispatch(Action::EndpointBusy);
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let r = ipc::call::<cmd::SetOpen311Endpoint>(args).await;
                let changed = r.is_ok();
                d.dispatch(Action::EndpointChanged(r));
                // Another server has other categories.
                if changed {
                    ask_catalogue(&d);
                }
            });
        })
    };
    let l = frame.lang;
    let settings = html! {
        <crate::pages::report_endpoint::EndpointSettings lang={l} endpoint={store.endpoint.clone()}
            busy={store.endpoint_busy} error={store.endpoint_error.clone()} on_set={on_set_endpoint} />
    };
    let favourite_categories = match &favs.view {
        Load::Ready(v) => v.ids(FavouriteKind::Category),
        _ => Vec::new(),
    };
    html! {
        <Report lang={l} {on_support} catalogue={store.catalogue.clone()} sending={store.sending}
            send_error={store.send_error.clone()} {settings} tile_url={frame.tile_url.clone()}
            {on_submit} on_my_reports={frame.navigate.reform(|()| Screen::MyReports)}
            nearby={store.nearby.clone()} {on_review}
            drafts={store.drafts.clone()} {on_save_draft} {on_resume}
            resumed={store.resumed.clone()} {on_delete_draft}
            profile_email={account.email()}
            {favourite_categories}
            on_favourite_category={set_favourite.reform(|(code, on): (String, bool)| (Favourite::new(FavouriteKind::Category, code), on))} />
    }
}

#[component]
pub fn MyReportsArea() -> Html {
    let frame = use_frame();
    let store = use_store::<Reports>();
    let account = use_store::<Account>();
    let reload_mine = {
        let d = store.dispatcher();
        Callback::from(move |()| {
            d.dispatch(Action::Mine(Load::Loading));
            ask_then(&d, ipc::ask::<cmd::MyReports>, |r| Action::Mine(r.into()));
        })
    };
    {
        let (store, account, reload_mine) = (store.clone(), account.dispatcher(), reload_mine.clone());
        use_on_open(move || {
            account::reload_status(&account);
            if !store.catalogue_fetched.get() {
                ask_catalogue(&store.dispatcher());
            }
            // Statuses change on the city's side: asked again each time.
            reload_mine.emit(());
        });
    }
    let on_revise = {
        let (d, navigate, reload_mine) = (store.dispatcher(), frame.navigate.clone(), reload_mine.clone());
        Callback::from(move |id| {
            let (d, navigate, reload_mine) = (d.clone(), navigate.clone(), reload_mine.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::call::<cmd::ReviseReport>(DraftIdArgs { id }).await {
                    Ok(draft) => {
                        d.dispatch(Action::Resume(draft));
                        d.dispatch(Action::SendError(None));
                        navigate.emit(Screen::Report);
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
        <MyReports lang={frame.lang} load={store.mine.clone()} names={store.names()} {on_revise}
            on_refresh={reload_mine} on_new={frame.navigate.reform(|()| Screen::Report)} />
    }
}
