use muc_wire::ipc::MyReport;
use muc_wire::open311::{Delivery, DetailedStatus};
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::load::Load;
use crate::pages::hotspots::date_time;

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
    let (de, en) = d.label();
    tr(lang, de, en)
}

/// "Meine Meldungen": every report written on this device, with its state.
#[component]
pub fn MyReports(props: &MyReportsProps) -> Html {
    let lang = props.lang;
    let refresh = props.on_refresh.reform(|_| ());
    let new = props.on_new.reform(|_| ());
    let body = match &props.load {
        Load::Loading => html! { <p role="status">{ tr(lang, "Meldungen werden geladen …", "Loading reports …") }</p> },
        Load::Failed(e) => html! { <p role="alert" class="field-error">{ crate::i18n::error_text(lang, e) }</p> },
        Load::Ready(list) if list.is_empty() => html! {
            <p>{ tr(lang, "Von diesem Gerät wurde noch nichts gemeldet.", "Nothing has been reported from this device yet.") }</p>
        },
        Load::Ready(list) => html! {
            <ul class="cards" id="my-reports">
                { for list.iter().map(|r| {
                    let name = props.names.iter().find(|(c, _)| c == &r.report.service_code).map(|(_, n)| n.clone())
                        .unwrap_or_else(|| r.report.service_code.clone());
                    let state = match (&r.delivery, &r.remote) {
                        (Delivery::Waiting { .. }, _) => tr(lang, "Wartet auf Versand – wird automatisch gesendet, sobald der Server erreichbar ist.", "Waiting to be sent – it goes out by itself as soon as the server can be reached.").to_string(),
                        (Delivery::Refused { reason }, _) => format!("{} {reason}", tr(lang, "Nicht angenommen:", "Not accepted:")),
                        (Delivery::Sent { .. }, Some(remote)) => label(lang, remote.extended_attributes.as_ref().map(|x| x.detailed_status).unwrap_or(DetailedStatus::Received)).to_string(),
                        (Delivery::Sent { .. }, None) => tr(lang, "Gesendet (Stand gerade nicht abrufbar)", "Sent (status cannot be fetched right now)").to_string(),
                    };
                    let number = match &r.delivery { Delivery::Sent { service_request_id, .. } => Some(service_request_id.clone()), _ => None };
                    html! {
                        <li>
                            <article class="finder">
                                <h2 class="card-title">{ name.clone() }</h2>
                                <p class="report-state"><strong>{ tr(lang, "Stand: ", "Status: ") }</strong>{ state }</p>
                                if let Some(n) = number { <p>{ format!("{} {n}", tr(lang, "Vorgangsnummer:", "Reference:")) }</p> }
                                if r.from_account {
                                    <p class="hint">{ tr(lang, "Aus Ihrem Konto – auf einem anderen Gerät gesendet.", "From your account – sent on another device.") }</p>
                                }
                                if r.followed {
                                    <p class="hint">{ tr(lang, "Von jemand anderem gemeldet – Sie haben „Ich bin auch betroffen“ gesagt.", "Reported by someone else – you said “I am affected too”.") }</p>
                                }
                                if let Some(n) = r.remote.as_ref().and_then(|x| x.extended_attributes.as_ref()).map(|x| x.supporters).filter(|n| *n > 0) {
                                    <p>{ format!("{n} {}", if n == 1 { tr(lang, "Person ist auch betroffen.", "more person is affected.") } else { tr(lang, "Personen sind auch betroffen.", "more people are affected.") }) }</p>
                                }
                                if matches!(r.delivery, Delivery::Refused { .. }) {
                                    <p class="hint">{ tr(lang, "Ihre Angaben und Fotos sind gespeichert. Sie können die Meldung korrigieren und erneut senden.", "What you entered and your photos are kept. You can correct the report and send it again.") }</p>
                                    <button type="button" onclick={{ let (cb, id) = (props.on_revise.clone(), r.local_id.clone()); Callback::from(move |_| cb.emit(id.clone())) }}
                                        aria-label={format!("{}: {name}", tr(lang, "Korrigieren und erneut senden", "Correct and send again"))}>
                                        { tr(lang, "Korrigieren und erneut senden", "Correct and send again") }
                                    </button>
                                }
                                <p class="hint">{ format!("{} {}", tr(lang, "Gemeldet am", "Reported on"), date_time(lang, r.created_at)) }</p>
                                if let Some(remote) = &r.remote {
                                    if let Some(note) = &remote.status_notes { <p class="status-note">{ note }</p> }
                                    if let Some(x) = &remote.extended_attributes {
                                        <details>
                                            <summary>{ tr(lang, "Verlauf", "History") }</summary>
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
            <h1 tabindex="-1" class="page-title">{ tr(lang, "Meine Meldungen", "My reports") }</h1>
            <div class="actions">
                <button type="button" onclick={new}>{ tr(lang, "Neue Meldung", "New report") }</button>
                <button type="button" class="secondary" onclick={refresh}>{ tr(lang, "Aktualisieren", "Refresh") }</button>
            </div>
            { body }
        </>
    }
}
