//! The personal area: sign-in, favourites, the profile, my data.

use muc_wire::ipc::{cmd, LoginArgs};
use muc_wire::personal::{Favourite, FavouriteKind};
use yew::prelude::*;

use super::account::{self, Account, Action};
use super::favourites::{self, use_set_favourite, Favourites};
use super::finders::{self, Finders};
use super::hotspots::Hotspots;
use super::reports::{self, Reports};
use super::{use_frame, use_on_open, use_store};
use crate::ipc;
use crate::load::Load;
use crate::pages::personal::{Personal, Pinned};
use crate::pages::profile::ProfileSection;
use crate::route::Screen;

#[component]
pub fn PersonalArea() -> Html {
    let frame = use_frame();
    let account = use_store::<Account>();
    let favs = use_store::<Favourites>();
    let finders = use_store::<Finders>();
    let hotspots = use_store::<Hotspots>();
    let reports = use_store::<Reports>();
    let set_favourite = use_set_favourite();
    {
        let (account, favs, finders) = (account.dispatcher(), favs.dispatcher(), finders.clone());
        use_on_open(move || {
            favourites::refresh(&favs);
            account::reload_status(&account);
            // For the names of favourite finders.
            finders::load_once(&finders);
        });
    }
    let (a, f) = (account.dispatcher(), favs.dispatcher());
    // After signing in or out, the favourites are the account's or the device's.
    let after = {
        let (a, f) = (a.clone(), f.clone());
        move || {
            account::reload_status(&a);
            favourites::refresh(&f);
        }
    };
    let on_login = {
        let (a, after) = (a.clone(), after.clone());
        Callback::from(move |issuer: Option<String>| {
            a.dispatch(Action::Deleted(None));
            a.dispatch(Action::SigningIn(true));
            a.dispatch(Action::Error(None));
            let (a, after) = (a.clone(), after.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = ipc::call::<cmd::Login>(LoginArgs { level: None, issuer }).await {
                    a.dispatch(Action::Error(Some(e)));
                }
                a.dispatch(Action::SigningIn(false));
                after();
            });
        })
    };
    let on_cancel = Callback::from(|()| {
        wasm_bindgen_futures::spawn_local(async {
            let _ = ipc::ask::<cmd::CancelLogin>().await;
        })
    });
    let on_logout = {
        let (a, after) = (a.clone(), after.clone());
        Callback::from(move |()| {
            let (a, after) = (a.clone(), after.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = ipc::ask::<cmd::Logout>().await {
                    a.dispatch(Action::Error(Some(e)));
                }
                after();
            });
        })
    };
    let on_deleted = {
        let a = a.clone();
        Callback::from(move |kept: u64| {
            a.dispatch(Action::Deleted(Some(kept)));
            after();
        })
    };
    let l = frame.lang;
    let en = l.english();
    let name_of = |f: &Favourite| -> Option<String> {
        match f.kind {
            FavouriteKind::Finder => match &finders.load {
                Load::Ready(s) => s.finders.iter().find(|x| x.id == f.id).map(|x| x.name(en).to_string()),
                _ => None,
            },
            FavouriteKind::Hotspot => match &hotspots.load {
                Load::Ready(s) => s.sites.iter().find(|x| x.id == f.id).map(|x| x.name.clone()),
                // Named once the sites are loaded; it opens meanwhile.
                _ => Some(f.id.clone()),
            },
            FavouriteKind::Category => match &reports.catalogue {
                Load::Ready(c) => {
                    c.categories.iter().find(|c| c.service.service_code == f.id).map(|c| c.service.service_name.clone())
                }
                _ => Some(f.id.clone()),
            },
            FavouriteKind::Screen => Screen::from_code(&f.id).map(|s| s.title(l).to_string()),
        }
    };
    let (favourites, favourites_sync) = match &favs.view {
        Load::Ready(v) => {
            (v.items.iter().map(|f| Pinned { favourite: f.clone(), name: name_of(f) }).collect(), Some(v.sync.clone()))
        }
        _ => (Vec::new(), None),
    };
    let on_open_favourite = {
        let (navigate, r) = (frame.navigate.clone(), reports.dispatcher());
        Callback::from(move |f: Favourite| match f.kind {
            FavouriteKind::Hotspot => navigate.emit(Screen::HotspotDetail(f.id)),
            FavouriteKind::Finder => navigate.emit(Screen::Finders),
            // A new report in that category, at its form.
            FavouriteKind::Category => {
                reports::start_in_category(&r, f.id);
                navigate.emit(Screen::Report);
            }
            FavouriteKind::Screen => navigate.emit(Screen::from_code(&f.id).unwrap_or(Screen::Home)),
        })
    };
    let on_save_profile = {
        let a = a.clone();
        Callback::from(move |args| {
            a.dispatch(Action::ProfileBusy);
            let a = a.clone();
            wasm_bindgen_futures::spawn_local(async move {
                a.dispatch(Action::ProfileChanged(ipc::call::<cmd::SaveProfile>(args).await, "saved"));
            });
        })
    };
    let on_revoke_profile = {
        let a = a.clone();
        Callback::from(move |()| {
            a.dispatch(Action::ProfileBusy);
            let a = a.clone();
            wasm_bindgen_futures::spawn_local(async move {
                a.dispatch(Action::ProfileChanged(ipc::ask::<cmd::RevokeProfile>().await, "revoked"));
            });
        })
    };
    let profile = html! {
        <ProfileSection lang={l} load={account.profile.clone()} busy={account.profile_busy}
            error={account.profile_error.clone()} done={account.profile_done}
            on_save={on_save_profile} on_revoke={on_revoke_profile} />
    };
    let navigate = &frame.navigate;
    html! {
        <Personal lang={l} {favourites} {favourites_sync} {profile}
            {on_open_favourite} on_remove_favourite={set_favourite.reform(|f: Favourite| (f, false))}
            on_finders={navigate.reform(|()| Screen::Finders)} status={account.status.clone()} signing_in={account.signing_in}
            error={account.error.clone()} {on_login} {on_cancel} {on_logout}
            on_my_reports={navigate.reform(|()| Screen::MyReports)}
            on_signed_in={Callback::from(move |()| account::refresh_status(&a))}
            deleted={account.deleted} {on_deleted} />
    }
}
