//! Notifications: the inbox the shell keeps from the portal's stream, and
//! the settings for what comes to the desktop.

use muc_wire::ipc::{cmd, AppError, MarkNoticeArgs, NoticeSettings, Notices as NoticeList};
use yew::prelude::*;

use super::{ask_then, reducer, use_frame, use_on_open, use_store};
use crate::ipc;
use crate::load::Load;
use crate::pages::notices::{MarkOne, Notices};
use crate::route::Screen;

#[derive(Clone, PartialEq)]
pub struct Inbox {
    pub load: Load<NoticeList>,
}

impl Default for Inbox {
    fn default() -> Self {
        Inbox { load: Load::Loading }
    }
}

pub enum Action {
    Asking,
    Answer(Result<NoticeList, AppError>),
}

impl Inbox {
    fn apply(&mut self, action: Action) {
        match action {
            Action::Asking => self.load = Load::Loading,
            Action::Answer(r) => self.load = r.into(),
        }
    }
}
reducer!(Inbox, Action);

/// Asks again, keeping what is shown (the shell says the inbox changed).
pub fn refresh(store: &UseReducerDispatcher<Inbox>) {
    ask_then(store, ipc::ask::<cmd::GetNotices>, Action::Answer);
}

#[component]
pub fn NoticesArea() -> Html {
    let frame = use_frame();
    let store = use_store::<Inbox>();
    let d = store.dispatcher();
    {
        let d = d.clone();
        use_on_open(move || {
            d.dispatch(Action::Asking);
            refresh(&d);
        });
    }
    let on_read = {
        let d = d.clone();
        Callback::from(move |()| ask_then(&d, ipc::ask::<cmd::MarkNoticesRead>, Action::Answer))
    };
    let on_mark = {
        let d = d.clone();
        Callback::from(move |m: MarkOne| {
            let args = MarkNoticeArgs { key: m.key, read: m.read, deleted: m.deleted };
            ask_then(&d, move || ipc::call::<cmd::MarkNotice>(args), Action::Answer)
        })
    };
    let on_settings = Callback::from(move |settings: NoticeSettings| {
        ask_then(&d, move || ipc::call::<cmd::SetNoticeSettings>(settings), Action::Answer)
    });
    let navigate = frame.navigate.clone();
    html! {
        <Notices lang={frame.lang} load={store.load.clone()} {on_read} {on_mark} {on_settings}
            on_open={navigate.reform(|link: String| Screen::from_link(&link).unwrap_or(Screen::Notices))}
            on_my_reports={navigate.reform(|()| Screen::MyReports)} />
    }
}
