//! "Benachrichtigungen": what moved on with the reports this person follows,
//! newest first, new ones marked; and whether the desktop should say so too.

use muc_wire::ipc::Notices as NoticeList;
use yew::prelude::*;

use crate::i18n::{self, tr, Lang};
use crate::load::Load;
use crate::pages::hotspots::date_time;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub load: Load<NoticeList>,
    pub on_read: Callback<()>,
    pub on_desktop: Callback<bool>,
    pub on_my_reports: Callback<()>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let body = match &props.load {
        Load::Loading => html! { <p role="status">{ tr(lang, "Wird geladen …", "Loading …") }</p> },
        Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
        Load::Ready(list) => {
            let unread = list.notices.iter().filter(|n| !n.read).count();
            let desktop = list.desktop;
            let toggle = props.on_desktop.reform(move |_| !desktop);
            html! {
                <>
                    <p id="notices-count" role="status">{ match unread {
                        0 => tr(lang, "Keine neuen Benachrichtigungen.", "No new notifications.").to_string(),
                        1 => tr(lang, "1 neue Benachrichtigung.", "1 new notification.").to_string(),
                        n => format!("{n} {}", tr(lang, "neue Benachrichtigungen.", "new notifications.")),
                    } }</p>
                    if list.notices.is_empty() {
                        <p>{ tr(lang,
                            "Hier erscheint, wenn sich der Stand einer Ihrer Meldungen ändert – auch bei Meldungen, bei denen Sie „Ich bin auch betroffen“ gesagt haben.",
                            "This is where you hear when the status of one of your reports changes – also of reports where you said “I am affected too”.") }</p>
                    } else {
                        <ul class="cards" id="notices">
                            { for list.notices.iter().map(|n| {
                                let (de, en) = n.status.label();
                                html! {
                                    <li class={classes!("notice-item", (!n.read).then_some("unread"))}>
                                        <p>
                                            if !n.read { <span class="badge">{ tr(lang, "Neu", "New") }</span>{ " " } }
                                            <strong>{ format!("{}: {}", n.service_name.clone().unwrap_or_else(|| tr(lang, "Meldung", "Report").into()), tr(lang, de, en)) }</strong>
                                        </p>
                                        <p>{ format!("{} {}", tr(lang, "Vorgangsnummer:", "Reference:"), n.service_request_id) }</p>
                                        if let Some(note) = &n.note { <p class="status-note">{ note }</p> }
                                        <p class="hint">{ date_time(lang, n.at) }</p>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                    <div class="actions">
                        if unread > 0 {
                            <button type="button" onclick={props.on_read.reform(|_| ())}>{ tr(lang, "Alle als gelesen markieren", "Mark all as read") }</button>
                        }
                        <button type="button" class="secondary" onclick={props.on_my_reports.reform(|_| ())}>{ tr(lang, "Meine Meldungen", "My reports") }</button>
                    </div>
                    <div class="check">
                        <input type="checkbox" id="desktop-notices" checked={desktop} onchange={toggle} />
                        <label for="desktop-notices">{ tr(lang,
                            "Auch als Mitteilung auf dem Bildschirm anzeigen, wenn die App läuft",
                            "Also show as a desktop notification while the app runs") }</label>
                    </div>
                </>
            }
        }
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ tr(lang, "Benachrichtigungen", "Notifications") }</h1>
            { body }
        </>
    }
}
