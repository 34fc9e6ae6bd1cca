use std::collections::BTreeMap;

use muc_wire::ipc::{AppError, DataSource, ReportCatalogue, ReportCategory};
use muc_wire::open311::{Attribute, Datatype, OutgoingReport, ServiceRequest};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::form::{bind_text, input_value, select_value};
use crate::i18n::{self, tr, Lang};
use crate::load::Load;
use crate::places::{self, Place};

/// The largest photo the portal accepts.
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub lang: Lang,
    pub catalogue: Load<ReportCatalogue>,
    pub sending: bool,
    pub send_error: Option<AppError>,
    pub on_submit: Callback<(OutgoingReport, Option<Vec<u8>>)>,
    pub on_my_reports: Callback<()>,
    /// Open reports of the chosen category near the chosen place.
    pub nearby: Load<Vec<ServiceRequest>>,
    /// Asks for `nearby` when the review opens: (service code, lat, lon).
    pub on_review: Callback<(String, f64, f64)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Choose,
    Form,
    Review,
}

/// Checks a photo by its first bytes and size, as the portal will.
pub fn photo_problem(lang: Lang, bytes: &[u8]) -> Option<&'static str> {
    let is_photo = bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || (bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP");
    if bytes.len() > MAX_PHOTO_BYTES {
        Some(tr(
            lang,
            "Das Foto ist größer als 10 MB. Bitte wählen Sie ein kleineres Foto.",
            "The photo is larger than 10 MB. Please choose a smaller one.",
        ))
    } else if !is_photo {
        Some(tr(
            lang,
            "Diese Datei ist kein Foto. Erlaubt sind JPEG, PNG und WebP.",
            "This file is not a photo. JPEG, PNG and WebP are accepted.",
        ))
    } else {
        None
    }
}

/// Problems with the form, as (field id, message); empty when it can be sent.
pub fn form_problems(
    lang: Lang,
    attrs: &[Attribute],
    values: &BTreeMap<String, Vec<String>>,
    place: Option<&Place>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if place.is_none() {
        out.push(("report-place".into(), tr(lang, "Bitte geben Sie den Ort an.", "Please give the place.").into()));
    }
    for a in attrs.iter().filter(|a| a.variable) {
        let v = values.get(&a.code).map(Vec::as_slice).unwrap_or(&[]);
        let label = a.description.clone().unwrap_or_else(|| a.code.clone());
        if a.required && v.is_empty() {
            out.push((
                format!("attr-{}", a.code),
                format!("{} {label}", tr(lang, "Bitte ausfüllen:", "Please fill in:")),
            ));
        } else if a.datatype == Datatype::Number
            && v.first().is_some_and(|x| x.replace(',', ".").parse::<f64>().is_err())
        {
            out.push((
                format!("attr-{}", a.code),
                format!("{} {label}", tr(lang, "Bitte eine Zahl angeben:", "Please give a number:")),
            ));
        }
    }
    out
}

#[component]
pub fn Report(props: &ReportProps) -> Html {
    let lang = props.lang;
    let step = use_state(|| Step::Choose);
    let query = use_state(String::new);
    let code = use_state(|| None::<String>);
    let values = use_state(BTreeMap::<String, Vec<String>>::new);
    let place_text = use_state(String::new);
    let place = use_state(|| None::<Place>);
    let description = use_state(String::new);
    let photo = use_state(|| None::<(String, Vec<u8>)>);
    let photo_error = use_state(|| None::<&'static str>);
    let email = use_state(String::new);
    let consent = use_state(|| false);
    let problems = use_state(Vec::<(String, String)>::new);

    let Load::Ready(catalogue) = &props.catalogue else {
        return html! {
            <>
                <h1 tabindex="-1" class="page-title">{ tr(lang, "Anliegen melden", "Report an issue") }</h1>
                { match &props.catalogue {
                    Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
                    _ => html! { <p role="status">{ tr(lang, "Kategorien werden geladen …", "Loading categories …") }</p> },
                } }
            </>
        };
    };
    let category: Option<&ReportCategory> =
        code.as_ref().and_then(|c| catalogue.categories.iter().find(|x| &x.service.service_code == c));
    let offline = matches!(catalogue.source, DataSource::Cache { .. }).then(|| html! {
        <p class="status warning" role="status">{ tr(lang,
            "Offline: Sie können trotzdem melden. Die Meldung wird auf diesem Gerät gespeichert und gesendet, sobald der Server erreichbar ist.",
            "Offline: you can still report. The report is kept on this device and sent as soon as the server can be reached.") }</p>
    });
    let to_mine = props.on_my_reports.reform(|_| ());

    match (*step, category) {
        (Step::Choose, _) | (_, None) => {
            // The same forgiving search as the capacity finders: case, umlauts,
            // typos and split compounds ("Strassen laterne").
            let mut ranked: Vec<(u32, &ReportCategory)> = catalogue
                .categories
                .iter()
                .map(|c| {
                    let keywords = c.service.keywords.clone().unwrap_or_default().replace(',', " ");
                    let h = muc_wire::search::Haystack::new()
                        .field(&c.service.service_name, 3)
                        .field(&keywords, 2)
                        .field(&c.service.description.clone().unwrap_or_default(), 1);
                    (h.score(&query), c)
                })
                .filter(|(score, _)| *score > 0)
                .collect();
            ranked.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
            let shown: Vec<&ReportCategory> = ranked.into_iter().map(|(_, c)| c).collect();
            html! {
                <>
                    <h1 tabindex="-1" class="page-title">{ tr(lang, "Anliegen melden", "Report an issue") }</h1>
                    <p class="lead">{ tr(lang, "Was ist kaputt oder stört? Wählen Sie eine Kategorie.", "What is broken or in the way? Choose a category.") }</p>
                    { for offline }
                    <div class="actions"><button type="button" class="secondary" onclick={to_mine}>{ tr(lang, "Meine Meldungen", "My reports") }</button></div>
                    <label for="category-search">{ tr(lang, "Kategorie suchen", "Search categories") }</label>
                    <input id="category-search" type="search" value={(*query).clone()} oninput={bind_text(query.clone())}
                        aria-describedby="category-count" />
                    <p id="category-count" role="status">{ format!("{} {}", shown.len(), tr(lang, "Kategorien", "categories")) }</p>
                    <ul class="tiles" id="category-list">
                        { for shown.iter().map(|c| {
                            let (code, step, values) = (code.clone(), step.clone(), values.clone());
                            let sc = c.service.service_code.clone();
                            let onclick = Callback::from(move |_| { code.set(Some(sc.clone())); values.set(BTreeMap::new()); step.set(Step::Form); });
                            html! { <li><button type="button" class="tile" {onclick}>
                                <span class="tile-title">{ &c.service.service_name }</span>
                                <span class="tile-text">{ c.service.description.clone().unwrap_or_default() }</span>
                            </button></li> }
                        }) }
                    </ul>
                </>
            }
        }
        (Step::Form, Some(cat)) => {
            let mut attrs = cat.definition.attributes.clone();
            attrs.sort_by_key(|a| a.order.unwrap_or(u32::MAX));
            let invalid = |id: &str| problems.iter().any(|(f, _)| f == id);
            let field = |a: &Attribute| -> Html {
                let id = format!("attr-{}", a.code);
                let label = a.description.clone().unwrap_or_else(|| a.code.clone());
                if !a.variable {
                    return html! { <p class="notice" role="note">{ label }</p> };
                }
                let current = values.get(&a.code).cloned().unwrap_or_default();
                let set_one = {
                    let (values, code) = (values.clone(), a.code.clone());
                    move |v: String| {
                        let mut m = (*values).clone();
                        if v.trim().is_empty() {
                            m.remove(&code);
                        } else {
                            m.insert(code.clone(), vec![v]);
                        }
                        values.set(m);
                    }
                };
                let required = a.required.then(|| html! { <span>{ tr(lang, " (Pflichtfeld)", " (required)") }</span> });
                let hint_id = format!("{id}-hint");
                let hint =
                    a.datatype_description.clone().map(|d| html! { <p id={hint_id.clone()} class="hint">{ d }</p> });
                let aria_invalid = if invalid(&id) { "true" } else { "false" };
                let control = match a.datatype {
                    Datatype::Singlevaluelist => {
                        let set = set_one.clone();
                        html! { <select id={id.clone()} aria-invalid={aria_invalid} onchange={Callback::from(move |e: Event| set(select_value(&e).unwrap_or_default()))}>
                            <option value="" selected={current.is_empty()}>{ tr(lang, "– bitte wählen –", "– please choose –") }</option>
                            { for a.values.iter().map(|v| html! { <option value={v.key.clone()} selected={current.contains(&v.key)}>{ &v.name }</option> }) }
                        </select> }
                    }
                    Datatype::Multivaluelist => html! {
                        <fieldset id={id.clone()} aria-invalid={aria_invalid}>
                            <legend class="visually-hidden">{ label.clone() }</legend>
                            { for a.values.iter().map(|v| {
                                let (values, code, key) = (values.clone(), a.code.clone(), v.key.clone());
                                let checked = current.contains(&v.key);
                                let cid = format!("{id}-{}", v.key);
                                let onchange = Callback::from(move |_| {
                                    let mut m = (*values).clone();
                                    let list = m.entry(code.clone()).or_default();
                                    if list.contains(&key) { list.retain(|k| k != &key) } else { list.push(key.clone()) }
                                    if list.is_empty() { m.remove(&code); }
                                    values.set(m);
                                });
                                html! { <div class="check"><input type="checkbox" id={cid.clone()} {checked} {onchange} /><label for={cid}>{ &v.name }</label></div> }
                            }) }
                        </fieldset>
                    },
                    Datatype::Text => {
                        let set = set_one.clone();
                        html! { <textarea id={id.clone()} rows="3" aria-invalid={aria_invalid} value={current.first().cloned().unwrap_or_default()}
                        oninput={Callback::from(move |e: InputEvent| set(e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()).map(|t| t.value()).unwrap_or_default()))} /> }
                    }
                    Datatype::Datetime => {
                        let set = set_one.clone();
                        html! { <input type="datetime-local" id={id.clone()} aria-invalid={aria_invalid}
                        oninput={Callback::from(move |e: InputEvent| {
                            let v = input_value(&e.into()).unwrap_or_default();
                            // The browser gives local time; the portal wants an instant.
                            let iso = if v.is_empty() { v } else { js_sys::Date::new(&v.into()).to_iso_string().into() };
                            set(iso)
                        })} /> }
                    }
                    Datatype::String | Datatype::Number => {
                        let set = set_one.clone();
                        html! { <input type="text" id={id.clone()} aria-invalid={aria_invalid}
                        inputmode={if a.datatype == Datatype::Number { "decimal" } else { "text" }}
                        value={current.first().cloned().unwrap_or_default()}
                        oninput={Callback::from(move |e: InputEvent| set(input_value(&e.into()).unwrap_or_default()))} /> }
                    }
                };
                if a.datatype == Datatype::Multivaluelist {
                    html! { <div class="field"><p class="label">{ label }{ for required }</p>{ for hint }{ control }</div> }
                } else {
                    html! { <div class="field"><label for={id.clone()}>{ label }{ for required }</label>{ for hint }{ control }</div> }
                }
            };
            let on_place_input = {
                let (place_text, place) = (place_text.clone(), place.clone());
                Callback::from(move |e: InputEvent| {
                    let v = input_value(&e.into()).unwrap_or_default();
                    place.set(places::resolve(&v, &[]));
                    place_text.set(v);
                })
            };
            let on_photo = {
                let (photo, photo_error) = (photo.clone(), photo_error.clone());
                Callback::from(move |e: Event| {
                    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                        return;
                    };
                    let Some(file) = input.files().and_then(|f| f.get(0)) else {
                        photo.set(None);
                        return;
                    };
                    let (photo, photo_error) = (photo.clone(), photo_error.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                            photo_error.set(Some(tr(
                                lang,
                                "Das Foto konnte nicht gelesen werden.",
                                "The photo could not be read.",
                            )));
                            return;
                        };
                        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                        match photo_problem(lang, &bytes) {
                            Some(p) => {
                                photo_error.set(Some(p));
                                photo.set(None);
                            }
                            None => {
                                photo_error.set(None);
                                photo.set(Some((file.name(), bytes)));
                            }
                        }
                    });
                })
            };
            let next = {
                let (problems, step, values, place, attrs) =
                    (problems.clone(), step.clone(), values.clone(), place.clone(), attrs.clone());
                let (on_review, sc) = (props.on_review.clone(), cat.service.service_code.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let p = form_problems(lang, &attrs, &values, place.as_ref());
                    let ok = p.is_empty();
                    problems.set(p);
                    if ok {
                        if let Some(pl) = place.as_ref() {
                            on_review.emit((sc.clone(), pl.position.lat, pl.position.lon));
                        }
                        step.set(Step::Review);
                    } else if let Some(s) =
                        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("form-problems"))
                    {
                        if let Ok(h) = s.dyn_into::<web_sys::HtmlElement>() {
                            let _ = h.focus();
                        }
                    }
                })
            };
            let back = {
                let step = step.clone();
                Callback::from(move |_| step.set(Step::Choose))
            };
            html! {
                <>
                    <h1 tabindex="-1" class="page-title">{ &cat.service.service_name }</h1>
                    { for offline }
                    if !problems.is_empty() {
                        <div id="form-problems" class="status error" role="alert" tabindex="-1">
                            <p><strong>{ tr(lang, "Bitte prüfen Sie:", "Please check:") }</strong></p>
                            <ul>{ for problems.iter().map(|(_, m)| html! { <li>{ m }</li> }) }</ul>
                        </div>
                    }
                    <form class="card report-form" onsubmit={next} novalidate=true>
                        { for attrs.iter().map(field) }
                        <div class="field">
                            <label for="report-place">{ tr(lang, "Wo ist es? (Pflichtfeld)", "Where is it? (required)") }</label>
                            <p id="report-place-hint" class="hint">{ tr(lang, "Platz, Straße, Stadtbezirk oder Koordinaten, z. B. Marienplatz oder 48.137, 11.575", "Square, street, district or coordinates, e.g. Marienplatz or 48.137, 11.575") }</p>
                            <input id="report-place" type="text" value={(*place_text).clone()} oninput={on_place_input}
                                aria-describedby="report-place-hint report-place-found" aria-invalid={if invalid("report-place") { "true" } else { "false" }} />
                            <p id="report-place-found" aria-live="polite">{ match &*place {
                                Some(p) => format!("{} {} ({:.5}, {:.5})", tr(lang, "Erkannt:", "Found:"), p.label, p.position.lat, p.position.lon),
                                None if place_text.is_empty() => String::new(),
                                None => tr(lang, "Diesen Ort kennen wir nicht.", "We do not know this place.").to_string(),
                            } }</p>
                        </div>
                        <div class="field">
                            <label for="report-description">{ tr(lang, "Beschreibung (freiwillig)", "Description (optional)") }</label>
                            <textarea id="report-description" rows="4" maxlength="4000" value={(*description).clone()}
                                oninput={{ let d = description.clone(); Callback::from(move |e: InputEvent| d.set(e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()).map(|t| t.value()).unwrap_or_default())) }} />
                        </div>
                        <div class="field">
                            <label for="report-photo">{ tr(lang, "Foto (freiwillig, höchstens 10 MB)", "Photo (optional, at most 10 MB)") }</label>
                            <p id="report-photo-hint" class="hint">{ tr(lang, "Standort- und Kameradaten werden vor dem Speichern entfernt.", "Location and camera data are removed before the photo is stored.") }</p>
                            <input id="report-photo" type="file" accept="image/jpeg,image/png,image/webp" onchange={on_photo} aria-describedby="report-photo-hint" />
                            if let Some(p) = *photo_error { <p class="field-error" role="alert">{ p }</p> }
                        </div>
                        <div class="field">
                            <label for="report-email">{ tr(lang, "E-Mail für Rückmeldungen (freiwillig)", "E-mail for updates (optional)") }</label>
                            <input id="report-email" type="email" autocomplete="email" value={(*email).clone()} oninput={bind_text(email.clone())} aria-describedby="report-consent-text" />
                            <div class="check">
                                <input type="checkbox" id="report-consent" checked={*consent} onchange={{ let c = consent.clone(); Callback::from(move |_| c.set(!*c)) }} />
                                <label for="report-consent" id="report-consent-text">{ tr(lang,
                                    "Ja, die Stadt darf mich unter dieser Adresse zu dieser Meldung kontaktieren. Die Adresse wird nur dafür genutzt und nicht veröffentlicht.",
                                    "Yes, the city may contact me at this address about this report. It is used for nothing else and never published.") }</label>
                            </div>
                        </div>
                        <div class="actions">
                            <button type="submit">{ tr(lang, "Weiter zur Übersicht", "Continue to review") }</button>
                            <button type="button" class="secondary" onclick={back}>{ tr(lang, "Andere Kategorie", "Other category") }</button>
                        </div>
                    </form>
                </>
            }
        }
        (Step::Review, Some(cat)) => {
            let report = OutgoingReport {
                service_code: cat.service.service_code.clone(),
                lat: place.as_ref().map(|p| p.position.lat),
                lon: place.as_ref().map(|p| p.position.lon),
                address: place.as_ref().map(|p| p.label.clone()),
                description: Some((*description).clone()).filter(|d| !d.trim().is_empty()),
                email: Some((*email).clone()).filter(|e| *consent && !e.trim().is_empty()),
                attributes: (*values).clone(),
                photo: None,
            };
            let send = {
                let (cb, report, photo) = (props.on_submit.clone(), report.clone(), photo.clone());
                Callback::from(move |_| cb.emit((report.clone(), photo.as_ref().map(|p| p.1.clone()))))
            };
            let edit = {
                let step = step.clone();
                Callback::from(move |_| step.set(Step::Form))
            };
            let answer = |a: &Attribute| -> String {
                values
                    .get(&a.code)
                    .map(|vs| {
                        vs.iter()
                            .map(|v| {
                                a.values
                                    .iter()
                                    .find(|x| &x.key == v)
                                    .map(|x| x.name.clone())
                                    .unwrap_or_else(|| v.clone())
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default()
            };
            html! {
                <>
                    <h1 tabindex="-1" class="page-title">{ tr(lang, "Ihre Meldung prüfen", "Check your report") }</h1>
                    <dl class="facts" id="review">
                        <dt>{ tr(lang, "Kategorie", "Category") }</dt><dd>{ &cat.service.service_name }</dd>
                        <dt>{ tr(lang, "Ort", "Place") }</dt><dd>{ place.as_ref().map(|p| p.label.clone()).unwrap_or_default() }</dd>
                        { for cat.definition.attributes.iter().filter(|a| a.variable && values.contains_key(&a.code)).map(|a| html! {
                            <><dt>{ a.description.clone().unwrap_or_else(|| a.code.clone()) }</dt><dd>{ answer(a) }</dd></>
                        }) }
                        <dt>{ tr(lang, "Beschreibung", "Description") }</dt><dd>{ report.description.clone().unwrap_or_else(|| "–".into()) }</dd>
                        <dt>{ tr(lang, "Foto", "Photo") }</dt><dd>{ photo.as_ref().map(|p| p.0.clone()).unwrap_or_else(|| tr(lang, "kein Foto", "no photo").into()) }</dd>
                        <dt>{ tr(lang, "Rückmeldung an", "Updates to") }</dt><dd>{ report.email.clone().unwrap_or_else(|| tr(lang, "keine (anonym)", "none (anonymous)").into()) }</dd>
                    </dl>
                    if let Load::Ready(list) = &props.nearby {
                        if !list.is_empty() {
                            <section class="status warning" aria-labelledby="nearby-heading" id="nearby">
                                <h2 id="nearby-heading">{ tr(lang, "In der Nähe schon gemeldet", "Already reported nearby") }</h2>
                                <p>{ tr(lang,
                                    "Diese offenen Meldungen derselben Kategorie liegen ganz in der Nähe. Ist Ihr Anliegen dabei, kennt die Stadt es schon – Sie müssen es nicht erneut melden.",
                                    "These open reports of the same category are very close. If yours is among them, the city knows already – no need to report it again.") }</p>
                                <ul>{ for list.iter().map(|r| html! {
                                    <li>{ format!("{} – {} ({})", r.service_request_id,
                                        r.description.clone().unwrap_or_else(|| tr(lang, "ohne Beschreibung", "no description").into()),
                                        r.requested_datetime.get(..10).unwrap_or_default()) }</li>
                                }) }</ul>
                                <button type="button" class="secondary" onclick={to_mine.clone()}>{ tr(lang, "Ist schon gemeldet – nicht senden", "Already reported – do not send") }</button>
                            </section>
                        }
                    }
                    if let Some(e) = &props.send_error { <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p> }
                    <div class="actions">
                        <button type="button" onclick={send} disabled={props.sending}>{ tr(lang, "Meldung absenden", "Send report") }</button>
                        <button type="button" class="secondary" onclick={edit}>{ tr(lang, "Ändern", "Change") }</button>
                    </div>
                    <p class="hint">{ tr(lang, "Ohne Verbindung wird die Meldung auf diesem Gerät gespeichert und später gesendet. Es geht nichts verloren.", "Without a connection the report is kept on this device and sent later. Nothing is lost.") }</p>
                </>
            }
        }
    }
}
