//! The sign-in and the profile the portal keeps with consent: used by the
//! personal area, the report form (contact fields) and "Meine Meldungen".

use muc_wire::ipc::{cmd, AppError, LoginStatus, MyProfile};
use yew::prelude::*;

use super::{ask_then, reducer};
use crate::ipc;
use crate::load::Load;

#[derive(Clone, PartialEq)]
pub struct Account {
    pub status: Load<LoginStatus>,
    /// Waiting for the browser.
    pub signing_in: bool,
    pub error: Option<AppError>,
    /// The account was deleted: how many reports the city keeps without the person.
    pub deleted: Option<u64>,
    pub profile: Load<MyProfile>,
    pub profile_busy: bool,
    pub profile_error: Option<AppError>,
    /// What was just done to the profile ("saved", "revoked"), said once.
    pub profile_done: Option<&'static str>,
}

impl Default for Account {
    fn default() -> Self {
        Account {
            status: Load::Loading,
            signing_in: false,
            error: None,
            deleted: None,
            profile: Load::Loading,
            profile_busy: false,
            profile_error: None,
            profile_done: None,
        }
    }
}

pub enum Action {
    Status(Load<LoginStatus>),
    SigningIn(bool),
    Error(Option<AppError>),
    Deleted(Option<u64>),
    Profile(Load<MyProfile>),
    ProfileBusy,
    /// The portal's answer to a change, and the word for what was done.
    ProfileChanged(Result<MyProfile, AppError>, &'static str),
    /// A new sign-in: nothing said about the last one's profile.
    ProfileForgotten,
}

impl Account {
    fn apply(&mut self, action: Action) {
        match action {
            Action::Status(s) => self.status = s,
            Action::SigningIn(b) => self.signing_in = b,
            Action::Error(e) => self.error = e,
            Action::Deleted(d) => self.deleted = d,
            Action::Profile(p) => self.profile = p,
            Action::ProfileBusy => {
                self.profile_busy = true;
                self.profile_done = None;
            }
            Action::ProfileChanged(r, done) => {
                self.profile_busy = false;
                match r {
                    Ok(m) => {
                        self.profile = Load::Ready(m.into());
                        self.profile_error = None;
                        self.profile_done = Some(done);
                    }
                    Err(e) => self.profile_error = Some(e),
                }
            }
            Action::ProfileForgotten => self.profile_done = None,
        }
    }

    pub fn signed_in(&self) -> bool {
        matches!(&self.status, Load::Ready(s) if s.session.is_some())
    }

    fn account_id(&self) -> Option<String> {
        match &self.status {
            Load::Ready(s) => s.session.as_ref().map(|s| s.account_id.clone()),
            _ => None,
        }
    }

    /// The e-mail address in the profile, offered for a report's contact field.
    pub fn email(&self) -> Option<String> {
        match (&self.profile, self.signed_in()) {
            (Load::Ready(m), true) => m.profile.as_ref().and_then(|p| p.email.clone()),
            _ => None,
        }
    }
}
reducer!(Account, Action);

/// Asks for the sign-in's state, showing "loading" meanwhile.
pub fn reload_status(store: &UseReducerDispatcher<Account>) {
    store.dispatch(Action::Status(Load::Loading));
    refresh_status(store);
}

/// Asks again, keeping what is shown until the answer (after a step-up on
/// the personal page, its "saved" message stays while the level is fetched).
pub fn refresh_status(store: &UseReducerDispatcher<Account>) {
    ask_then(store, ipc::ask::<cmd::GetLoginStatus>, |r| Action::Status(r.into()));
}

/// The profile follows the sign-in: asked once it is known and again after
/// a new one; signed out there is none to ask for.
#[hook]
pub fn use_profile_follows_sign_in(account: &UseReducerHandle<Account>) {
    let store = account.dispatcher();
    use_effect_with(account.account_id(), move |id| {
        store.dispatch(Action::ProfileForgotten);
        if id.is_some() {
            store.dispatch(Action::Profile(Load::Loading));
            ask_then(&store, ipc::ask::<cmd::LoadProfile>, |r| Action::Profile(r.into()));
        }
    });
}
