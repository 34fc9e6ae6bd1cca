//! Step 3: check the report, see reports nearby, send.

use muc_wire::ipc::{AppError, ReportCategory};
use muc_wire::open311::{Attribute, ServiceRequest};
use yew::prelude::*;

use super::{outgoing, Entry};
use crate::i18n::{self, tr, Lang};
use crate::load::Load;
use crate::places;

#[derive(Properties, PartialEq)]
pub struct ReviewStepProps {
    pub lang: Lang,
    pub category: ReportCategory,
    pub entry: UseReducerHandle<Entry>,
    pub nearby: Load<Vec<ServiceRequest>>,
    pub sending: bool,
    pub send_error: Option<AppError>,
    pub on_send: Callback<()>,
    pub on_edit: Callback<()>,
    /// "I am affected too" on a report nearby, by its id.
    pub on_support: Callback<String>,
    pub on_my_reports: Callback<()>,
}

#[component]
pub fn ReviewStep(props: &ReviewStepProps) -> Html {
    let lang = props.lang;
    let (cat, form) = (&props.category, &props.entry.draft);
    let place = places::resolve(&form.place_text, &[]);
    let report = outgoing(cat, form);
    let answer = |a: &Attribute| -> String {
        form.attributes
            .get(&a.code)
            .map(|vs| {
                vs.iter()
                    .map(|v| a.values.iter().find(|x| &x.key == v).map(|x| x.name.clone()).unwrap_or_else(|| v.clone()))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    let photo_text = if form.photo_names.is_empty() {
        tr(lang, "kein Foto", "no photo").to_string()
    } else {
        form.photo_names.join(", ")
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ tr(lang, "Ihre Meldung prüfen", "Check your report") }</h1>
            <dl class="facts" id="review">
                <dt>{ tr(lang, "Kategorie", "Category") }</dt><dd>{ &cat.service.service_name }</dd>
                <dt>{ tr(lang, "Ort", "Place") }</dt><dd>{ report.address.clone().unwrap_or_default() }</dd>
                { for cat.definition.attributes.iter().filter(|a| a.variable && form.attributes.contains_key(&a.code)).map(|a| html! {
                    <><dt>{ a.description.clone().unwrap_or_else(|| a.code.clone()) }</dt><dd>{ answer(a) }</dd></>
                }) }
                <dt>{ tr(lang, "Beschreibung", "Description") }</dt><dd>{ report.description.clone().unwrap_or_else(|| "–".into()) }</dd>
                <dt>{ tr(lang, "Fotos", "Photos") }</dt><dd>{ photo_text }</dd>
                <dt>{ tr(lang, "Rückmeldung an", "Updates to") }</dt><dd>{ report.email.clone().unwrap_or_else(|| tr(lang, "keine (anonym)", "none (anonymous)").into()) }</dd>
            </dl>
            // Only a placed report can be compared with others nearby.
            if let (Load::Ready(list), Some(_)) = (&props.nearby, place.as_ref()) {
                if !list.is_empty() {
                    <section class="status warning" aria-labelledby="nearby-heading" id="nearby">
                        <h2 id="nearby-heading">{ tr(lang, "In der Nähe schon gemeldet", "Already reported nearby") }</h2>
                        <p>{ tr(lang,
                            "Diese offenen Meldungen derselben Kategorie liegen ganz in der Nähe. Ist Ihr Anliegen dabei, kennt die Stadt es schon: Sagen Sie „Ich bin auch betroffen“ – das zeigt der Stadt, wie viele es stört, und Sie sehen den Stand unter „Meine Meldungen“.",
                            "These open reports of the same category are very close. If yours is among them, the city knows already: say “I am affected too” – it shows the city how many people it bothers, and you can follow it in “My reports”.") }</p>
                        <ul class="plain-list">{ for list.iter().map(|r| {
                            let (cb, id) = (props.on_support.clone(), r.service_request_id.clone());
                            let supporters = r.extended_attributes.as_ref().map_or(0, |x| x.supporters);
                            html! {
                                <li>
                                    <p>{ format!("{} – {} ({})", r.service_request_id,
                                        r.description.clone().unwrap_or_else(|| tr(lang, "ohne Beschreibung", "no description").into()),
                                        r.requested_datetime.get(..10).unwrap_or_default()) }
                                        if supporters > 0 { { format!(" · {supporters} {}", tr(lang, "weitere betroffen", "more affected")) } }
                                    </p>
                                    <button type="button" disabled={props.sending}
                                        aria-label={format!("{} {}", tr(lang, "Ich bin auch betroffen:", "I am affected too:"), r.service_request_id)}
                                        onclick={Callback::from(move |_| cb.emit(id.clone()))}>
                                        { tr(lang, "Ich bin auch betroffen", "I am affected too") }
                                    </button>
                                </li>
                            }
                        }) }</ul>
                        <button type="button" class="secondary" onclick={props.on_my_reports.reform(|_| ())}>{ tr(lang, "Ist schon gemeldet – nicht senden", "Already reported – do not send") }</button>
                    </section>
                }
            }
            if let Some(e) = &props.send_error { <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p> }
            <div class="actions">
                <button type="button" onclick={props.on_send.reform(|_| ())} disabled={props.sending}>{ tr(lang, "Meldung absenden", "Send report") }</button>
                <button type="button" class="secondary" onclick={props.on_edit.reform(|_| ())}>{ tr(lang, "Ändern", "Change") }</button>
            </div>
            <p class="hint">{ tr(lang, "Ohne Verbindung wird die Meldung auf diesem Gerät gespeichert und später gesendet. Es geht nichts verloren.", "Without a connection the report is kept on this device and sent later. Nothing is lost.") }</p>
        </>
    }
}
