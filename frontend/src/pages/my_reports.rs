use muc_wire::ipc::MyReport;
use muc_wire::open311::{Delivery, DetailedStatus};
use yew::prelude::*;

use crate::i18n::date_time;
use crate::i18n::{t, Lang};
use crate::load::Load;

#[derive(Properties, PartialEq)]
pub struct MyReportsProps {
    pub lang: Lang,
    pub load: Load<Vec<MyReport>>,
    /// Category names by code, for the list.
    pub names: Vec<(String, String)>,
    pub on_refresh: Callback<()>,
    pub on_new: Callback<()>,
    /// A refused report back into the form, by its local id.
    #[prop_or_default]
    pub on_revise: Callback<String>,
}

fn label(lang: Lang, d: DetailedStatus) -> &'static str {
    crate::i18n::words::status(lang, d)
}

/// "Meine Meldungen": every report written on this device, with its state.
#[component]
pub fn MyReports(props: &MyReportsProps) -> Html {
    let lang = props.lang;
    let refresh = props.on_refresh.reform(|_| ());
    let new = props.on_new.reform(|_| ());
    let body = match &props.load {
        Load::Loading => html! { <p role="status">{ t(lang, "loading-reports") }</p> },
        Load::Failed(e) => html! { <p role="alert" class="field-error">{ crate::i18n::error_text(lang, e) }</p> },
        Load::Ready(list) if list.is_empty() => html! {
            <p>{ t(lang, "nothing-has-been-reported-from-this") }</p>
        },
        Load::Ready(list) => html! {
            <ul class="cards" id="my-reports">
                { for list.iter().map(|r| {
                    let name = props.names.iter().find(|(c, _)| c == &r.report.service_code).map(|(_, n)| n.clone())
                        .unwrap_or_else(|| r.report.service_code.clone());
                    let state = match (&r.delivery, &r.remote) {
                        (Delivery::Waiting { .. }, _) => t(lang, "waiting-to-be-sent-it-goes").to_string(),
                        (Delivery::Refused { reason }, _) => crate::i18n::t_args(lang, "not-accepted-because", &[("reason", reason.into())]),
                        (Delivery::Sent { .. }, Some(remote)) => label(lang, remote.extended_attributes.as_ref().map(|x| x.detailed_status).unwrap_or(DetailedStatus::Received)).to_string(),
                        (Delivery::Sent { .. }, None) => t(lang, "sent-status-cannot-be-fetched-right").to_string(),
                    };
                    let number = match &r.delivery { Delivery::Sent { service_request_id, .. } => Some(service_request_id.clone()), _ => None };
                    html! {
                        <li>
                            <article class="finder">
                                <h2 class="card-title">{ name.clone() }</h2>
                                <p class="report-state"><strong>{ t(lang, "status") }</strong>{ state }</p>
                                if let Some(n) = number { <p>{ crate::i18n::t_args(lang, "reference-is", &[("number", n.into())]) }</p> }
                                if r.from_account {
                                    <p class="hint">{ t(lang, "from-your-account-sent-on-another") }</p>
                                }
                                if r.followed {
                                    <p class="hint">{ t(lang, "reported-by-someone-else-you-said") }</p>
                                }
                                if let Some(n) = r.remote.as_ref().and_then(|x| x.extended_attributes.as_ref()).map(|x| x.supporters).filter(|n| *n > 0) {
                                    <p>{ crate::i18n::t_args(lang, "more-affected-count", &[("n", n.into())]) }</p>
                                }
                                if matches!(r.delivery, Delivery::Refused { .. }) {
                                    <p class="hint">{ t(lang, "what-you-entered-and-your-photos") }</p>
                                    <button type="button" onclick={{ let (cb, id) = (props.on_revise.clone(), r.local_id.clone()); Callback::from(move |_| cb.emit(id.clone())) }}
                                        aria-label={crate::i18n::t_args(lang, "correct-and-send-again-named", &[("name", name.into())])}>
                                        { t(lang, "correct-and-send-again") }
                                    </button>
                                }
                                <p class="hint">{ crate::i18n::t_args(lang, "reported-on-date", &[("date", date_time(lang, r.created_at).into())]) }</p>
                                if let Some(remote) = &r.remote {
                                    if let Some(note) = &remote.status_notes { <p class="status-note">{ note }</p> }
                                    if let Some(x) = &remote.extended_attributes {
                                        <details>
                                            <summary>{ t(lang, "history") }</summary>
                                            <ol>{ for x.status_history.iter().map(|h| html! {
                                                <li>{ format!("{} – {}{}", h.datetime.replace('T', " ").trim_end_matches('Z'), label(lang, h.status),
                                                    h.note.as_ref().map(|n| format!(": {n}")).unwrap_or_default()) }</li>
                                            }) }</ol>
                                        </details>
                                    }
                                }
                            </article>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ t(lang, "my-reports") }</h1>
            <div class="actions">
                <button type="button" onclick={new}>{ t(lang, "new-report") }</button>
                <button type="button" class="secondary" onclick={refresh}>{ t(lang, "refresh") }</button>
            </div>
            { body }
        </>
    }
}
