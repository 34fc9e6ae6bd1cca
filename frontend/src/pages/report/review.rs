//! Step 3: check the report, see reports nearby, send.

use muc_wire::ipc::{AppError, ReportCategory};
use muc_wire::open311::{Attribute, ServiceRequest};
use yew::prelude::*;

use super::{outgoing, Entry};
use crate::i18n::{self, t, Lang};
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
    let photo_text =
        if form.photo_names.is_empty() { t(lang, "no-photo").to_string() } else { form.photo_names.join(", ") };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ t(lang, "check-your-report") }</h1>
            <dl class="facts" id="review">
                <dt>{ t(lang, "category") }</dt><dd>{ &cat.service.service_name }</dd>
                <dt>{ t(lang, "place") }</dt><dd>{ report.address.clone().unwrap_or_default() }</dd>
                { for cat.definition.attributes.iter().filter(|a| a.variable && form.attributes.contains_key(&a.code)).map(|a| html! {
                    <><dt>{ a.description.clone().unwrap_or_else(|| a.code.clone()) }</dt><dd>{ answer(a) }</dd></>
                }) }
                <dt>{ t(lang, "description") }</dt><dd>{ report.description.clone().unwrap_or_else(|| "–".into()) }</dd>
                <dt>{ t(lang, "photos") }</dt><dd>{ photo_text }</dd>
                <dt>{ t(lang, "updates-to") }</dt><dd>{ report.email.clone().unwrap_or_else(|| t(lang, "none-anonymous").into()) }</dd>
            </dl>
            // Only a placed report can be compared with others nearby.
            if let (Load::Ready(list), Some(_)) = (&props.nearby, place.as_ref()) {
                if !list.is_empty() {
                    <section class="status warning" aria-labelledby="nearby-heading" id="nearby">
                        <h2 id="nearby-heading">{ t(lang, "already-reported-nearby") }</h2>
                        <p>{ t(lang, "these-open-reports-of-the-same") }</p>
                        <ul class="plain-list">{ for list.iter().map(|r| {
                            let (cb, id) = (props.on_support.clone(), r.service_request_id.clone());
                            let supporters = r.extended_attributes.as_ref().map_or(0, |x| x.supporters);
                            html! {
                                <li>
                                    <p>{ format!("{} – {} ({})", r.service_request_id,
                                        r.description.clone().unwrap_or_else(|| t(lang, "no-description").into()),
                                        r.requested_datetime.get(..10).unwrap_or_default()) }
                                        if supporters > 0 { { " · " }{ i18n::t_args(lang, "more-affected-short", &[("n", supporters.into())]) } }
                                    </p>
                                    <button type="button" disabled={props.sending}
                                        aria-label={i18n::t_args(lang, "i-am-affected-too-by", &[("id", (&r.service_request_id).into())])}
                                        onclick={Callback::from(move |_| cb.emit(id.clone()))}>
                                        { t(lang, "i-am-affected-too-2") }
                                    </button>
                                </li>
                            }
                        }) }</ul>
                        <button type="button" class="secondary" onclick={props.on_my_reports.reform(|_| ())}>{ t(lang, "already-reported-do-not-send") }</button>
                    </section>
                }
            }
            if let Some(e) = &props.send_error { <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p> }
            <div class="actions">
                <button type="button" onclick={props.on_send.reform(|_| ())} disabled={props.sending}>{ t(lang, "send-report") }</button>
                <button type="button" class="secondary" onclick={props.on_edit.reform(|_| ())}>{ t(lang, "change") }</button>
            </div>
            <p class="hint">{ t(lang, "without-a-connection-the-report-is") }</p>
        </>
    }
}
