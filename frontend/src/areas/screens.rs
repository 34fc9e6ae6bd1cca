//! The areas' side of App, in the whole frontend only (the `areas`
//! feature): their stores, which screen of theirs is drawn, and the header's
//! pin. The start module has none of it (see `crate::handover`).

use yew::prelude::*;

use super::account::{self, Account};
use super::favourites::{use_set_favourite, Favourites};
use super::finders::{Finders, FindersArea};
use super::hotspots::{HotspotDetailArea, Hotspots, HotspotsArea};
use super::notices::{Inbox, NoticesArea};
use super::personal::PersonalArea;
use super::reports::{MyReportsArea, ReportArea, Reports};
use super::{use_frame, use_on_open, use_store, Frame};
use crate::ipc;
use crate::load::Load;
use crate::route::Screen;
use muc_wire::personal::{Favourite, FavouriteKind};

#[derive(Properties, PartialEq)]
pub struct StoresProps {
    /// App's frame and inbox (its unread count is on App's area bar).
    pub frame: Frame,
    pub inbox: UseReducerHandle<Inbox>,
    pub children: Html,
}

/// Provides the frame and every area's store to what it wraps (App's
/// frame and screen), so a list loaded once stays loaded when the person
/// moves on.
#[component]
pub fn Stores(props: &StoresProps) -> Html {
    let hotspots = use_reducer(|| {
        let saved = ipc::saved_hotspots();
        crate::timeline::mark("saved sites read");
        Hotspots::new(saved)
    });
    let finders = use_reducer(Finders::default);
    let reports = use_reducer(Reports::default);
    let account = use_reducer(Account::default);
    let favs = use_reducer(Favourites::default);
    account::use_profile_follows_sign_in(&account);
    html! {
        <ContextProvider<Frame> context={props.frame.clone()}>
        <ContextProvider<UseReducerHandle<Inbox>> context={props.inbox.clone()}>
        <ContextProvider<UseReducerHandle<Favourites>> context={favs}>
        <ContextProvider<UseReducerHandle<Account>> context={account}>
        <ContextProvider<UseReducerHandle<Hotspots>> context={hotspots}>
        <ContextProvider<UseReducerHandle<Finders>> context={finders}>
        <ContextProvider<UseReducerHandle<Reports>> context={reports}>
            { props.children.clone() }
        </ContextProvider<UseReducerHandle<Reports>>>
        </ContextProvider<UseReducerHandle<Finders>>>
        </ContextProvider<UseReducerHandle<Hotspots>>>
        </ContextProvider<UseReducerHandle<Account>>>
        </ContextProvider<UseReducerHandle<Favourites>>>
        </ContextProvider<UseReducerHandle<Inbox>>>
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
    let finders = use_store::<Finders>();
    let reports = use_store::<Reports>();
    let painted = props.start_known
        && match &props.screen {
            Screen::Hotspots => hotspots.load.is_done(),
            Screen::Finders => finders.load.is_done(),
            Screen::Report => reports.catalogue.is_done(),
            _ => true,
        };
    let settled = painted && !(props.screen == Screen::Hotspots && hotspots.showing_saved());
    crate::app::use_start_report(painted, settled);
    match &props.screen {
        Screen::Home => html! {},
        Screen::Hotspots => html! { <HotspotsArea /> },
        Screen::HotspotDetail(id) => html! { <HotspotDetailArea id={id.clone()} /> },
        Screen::Finders => html! { <FindersArea /> },
        Screen::Report => html! { <ReportArea /> },
        Screen::MyReports => html! { <MyReportsArea /> },
        Screen::Notices => html! { <NoticesArea /> },
        Screen::Personal => html! { <PersonalArea /> },
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
