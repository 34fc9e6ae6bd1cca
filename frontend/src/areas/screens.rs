//! The areas' side of App: their stores, which screen of theirs is drawn,
//! and the header's pin. In the whole frontend every area; in the Wi-Fi
//! module (`wifi` without `areas`) the Wi-Fi area and the favourites; the
//! start module has none of it (see `crate::handover`).

use yew::prelude::*;

use super::favourites::{use_set_favourite, Favourites};
use super::hotspots::{HotspotDetailArea, Hotspots, HotspotsArea};
#[cfg(feature = "areas")]
use super::{
    account::{self, Account},
    finders::{Finders, FindersArea},
    notices::NoticesArea,
    personal::PersonalArea,
    reports::{MyReportsArea, ReportArea, Reports},
};
use super::{use_frame, use_on_open, use_store, Frame};
use crate::ipc;
use crate::load::Load;
use crate::route::Screen;
use muc_wire::personal::{Favourite, FavouriteKind};

#[derive(Properties, PartialEq)]
pub struct StoresProps {
    pub frame: Frame,
    pub children: Html,
}

/// Provides the frame and every area's store to what it wraps (App's
/// frame and screen), so a list loaded once stays loaded when the person
/// moves on.
#[component]
pub fn Stores(props: &StoresProps) -> Html {
    // Opening on the hotspot list, the first frame has sites: the portal's
    // answer if the page's early call has it already, else the copy saved
    // on this device (`Hotspots::new`).
    let hotspots = use_reducer(|| {
        let start = ipc::early_hotspots().and_then(|early| early.answer()).or_else(ipc::saved_hotspots);
        crate::timeline::mark("sites read");
        Hotspots::new(start)
    });
    let favs = use_reducer(Favourites::default);
    #[cfg(feature = "areas")]
    let children = {
        let finders = use_reducer(Finders::default);
        let reports = use_reducer(Reports::default);
        let account = use_reducer(Account::default);
        account::use_profile_follows_sign_in(&account);
        html! {
            <ContextProvider<UseReducerHandle<Account>> context={account}>
            <ContextProvider<UseReducerHandle<Finders>> context={finders}>
            <ContextProvider<UseReducerHandle<Reports>> context={reports}>
                { props.children.clone() }
            </ContextProvider<UseReducerHandle<Reports>>>
            </ContextProvider<UseReducerHandle<Finders>>>
            </ContextProvider<UseReducerHandle<Account>>>
        }
    };
    #[cfg(not(feature = "areas"))]
    let children = props.children.clone();
    html! {
        <ContextProvider<Frame> context={props.frame.clone()}>
        <ContextProvider<UseReducerHandle<Favourites>> context={favs}>
        <ContextProvider<UseReducerHandle<Hotspots>> context={hotspots}>
            { children }
        </ContextProvider<UseReducerHandle<Hotspots>>>
        </ContextProvider<UseReducerHandle<Favourites>>>
        </ContextProvider<Frame>>
    }
}

#[derive(Properties, PartialEq)]
pub struct AreaPageProps {
    pub screen: Screen,
    /// Whether App knows the start information (reported start waits for it).
    pub start_known: bool,
}

/// An area's screen (home is App's), and the report of the start once it
/// is painted with its data.
#[component]
pub fn AreaPage(props: &AreaPageProps) -> Html {
    let hotspots = use_store::<Hotspots>();
    #[cfg(feature = "areas")]
    let (finders, reports) = (use_store::<Finders>(), use_store::<Reports>());
    let painted = props.start_known
        && match &props.screen {
            Screen::Hotspots => hotspots.load.is_done(),
            #[cfg(feature = "areas")]
            Screen::Finders => finders.load.is_done(),
            #[cfg(feature = "areas")]
            Screen::Report => reports.catalogue.is_done(),
            _ => true,
        };
    let settled = painted && !(props.screen == Screen::Hotspots && hotspots.showing_saved());
    crate::app::use_start_report(painted, settled);
    match &props.screen {
        Screen::Hotspots => html! { <HotspotsArea /> },
        Screen::HotspotDetail(id) => html! { <HotspotDetailArea id={id.clone()} /> },
        #[cfg(feature = "areas")]
        Screen::Finders => html! { <FindersArea /> },
        #[cfg(feature = "areas")]
        Screen::Report => html! { <ReportArea /> },
        #[cfg(feature = "areas")]
        Screen::MyReports => html! { <MyReportsArea /> },
        #[cfg(feature = "areas")]
        Screen::Notices => html! { <NoticesArea /> },
        #[cfg(feature = "areas")]
        Screen::Personal => html! { <PersonalArea /> },
        // Home is App's; App draws no other screen with this one.
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct PinThisScreenProps {
    pub code: &'static str,
}

/// The header's pin for a screen, once the favourites are known (asked
/// here if no screen has asked yet; the areas that show favourites ask on
/// each visit, to show another device's changes).
#[component]
pub fn PinThisScreen(props: &PinThisScreenProps) -> Html {
    let frame = use_frame();
    let favs = use_store::<Favourites>();
    let set_favourite = use_set_favourite();
    {
        let (known, d) = (favs.view.is_done(), favs.dispatcher());
        use_on_open(move || {
            if !known {
                super::favourites::refresh(&d);
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
