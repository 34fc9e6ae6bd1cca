//! Step 2: the category's form, the place, photos and contact.

use muc_wire::ipc::ReportCategory;
use muc_wire::open311::{Attribute, Datatype};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{is_address, offline_notice, photo_problem, tile_host, Edit, Entry, MAX_PHOTOS};
use crate::form::{input_value, select_value};
use crate::i18n::{tr, Lang};
use crate::places::{self, Place};

#[derive(Properties, PartialEq)]
pub struct FillStepProps {
    pub lang: Lang,
    pub category: ReportCategory,
    pub entry: UseReducerHandle<Entry>,
    /// What the last "continue" found missing: (field id, message).
    pub problems: Vec<(String, String)>,
    pub offline: bool,
    pub tile_url: Option<String>,
    pub profile_email: Option<String>,
    /// The form was submitted ("continue to review").
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

#[component]
pub fn FillStep(props: &FillStepProps) -> Html {
    let lang = props.lang;
    let (cat, entry) = (&props.category, &props.entry);
    let form = &entry.draft;
    let place: Option<Place> = places::resolve(&form.place_text, &[]);
    let photo_errors = use_state(Vec::<String>::new);
    let locating = use_state(|| None::<bool>);
    let map_open = use_state(|| false);
    let on_submit = props.on_next.reform(|e: SubmitEvent| e.prevent_default());
    let mut attrs = cat.definition.attributes.clone();
    attrs.sort_by_key(|a| a.order.unwrap_or(u32::MAX));
    let invalid = |id: &str| props.problems.iter().any(|(f, _)| f == id);
    let field = |a: &Attribute| -> Html {
        let id = format!("attr-{}", a.code);
        let label = a.description.clone().unwrap_or_else(|| a.code.clone());
        if !a.variable {
            return html! { <p class="notice" role="note">{ label }</p> };
        }
        let current = form.attributes.get(&a.code).cloned().unwrap_or_default();
        let set_one = {
            let (entry, code) = (entry.clone(), a.code.clone());
            move |value: String| entry.dispatch(Edit::Answer { code: code.clone(), value })
        };
        let required = a.required.then(|| html! { <span>{ tr(lang, " (Pflichtfeld)", " (required)") }</span> });
        let hint_id = format!("{id}-hint");
        let hint = a.datatype_description.clone().map(|d| html! { <p id={hint_id.clone()} class="hint">{ d }</p> });
        let aria_invalid = if invalid(&id) { "true" } else { "false" };
        let control = match a.datatype {
            Datatype::Singlevaluelist => {
                let set = set_one.clone();
                html! { <select id={id.clone()} aria-invalid={aria_invalid} onchange={Callback::from(move |e: Event| if let Some(v) = select_value(&e) { set(v) })}>
                    <option value="" selected={current.is_empty()}>{ tr(lang, "– bitte wählen –", "– please choose –") }</option>
                    { for a.values.iter().map(|v| html! { <option value={v.key.clone()} selected={current.contains(&v.key)}>{ &v.name }</option> }) }
                </select> }
            }
            Datatype::Multivaluelist => html! {
                <fieldset id={id.clone()} aria-invalid={aria_invalid}>
                    <legend class="visually-hidden">{ label.clone() }</legend>
                    { for a.values.iter().map(|v| {
                        let (entry, code, key) = (entry.clone(), a.code.clone(), v.key.clone());
                        let checked = current.contains(&v.key);
                        let cid = format!("{id}-{}", v.key);
                        let onchange = Callback::from(move |_| entry.dispatch(Edit::Toggle { code: code.clone(), key: key.clone() }));
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
        let entry = entry.clone();
        Callback::from(move |e: InputEvent| entry.dispatch(Edit::Place(input_value(&e.into()).unwrap_or_default())))
    };
    let on_locate = {
        let (entry, locating) = (entry.clone(), locating.clone());
        Callback::from(move |_| {
            locating.set(Some(true));
            let (entry, locating) = (entry.clone(), locating.clone());
            crate::location::request(Callback::from(move |pos: Option<(f64, f64)>| match pos {
                Some((lat, lon)) => {
                    entry.dispatch(Edit::Place(format!("{lat:.5}, {lon:.5}")));
                    locating.set(None);
                }
                None => locating.set(Some(false)),
            }));
        })
    };
    let on_photos = {
        let (entry, photo_errors) = (entry.clone(), photo_errors.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let files: Vec<web_sys::File> = match input.files() {
                Some(list) => (0..list.length()).filter_map(|i| list.get(i)).collect(),
                None => Vec::new(),
            };
            // Let the same file be chosen again after removing it.
            input.set_value("");
            let room = MAX_PHOTOS.saturating_sub(entry.photos.len());
            let (entry, photo_errors) = (entry.clone(), photo_errors.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (mut kept, mut errors) = (Vec::new(), Vec::new());
                for file in files {
                    if kept.len() >= room {
                        errors.push(format!(
                            "{}: {}",
                            file.name(),
                            tr(lang, "Höchstens 5 Fotos pro Meldung.", "At most 5 photos per report.")
                        ));
                        continue;
                    }
                    let problem = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Err(_) => Some(
                            tr(lang, "Das Foto konnte nicht gelesen werden.", "The photo could not be read.")
                                .to_string(),
                        ),
                        Ok(buf) => {
                            let b = js_sys::Uint8Array::new(&buf).to_vec();
                            let p = photo_problem(lang, &b);
                            if p.is_none() {
                                kept.push((file.name(), b));
                            }
                            p
                        }
                    };
                    if let Some(p) = problem {
                        errors.push(format!("{}: {p}", file.name()));
                    }
                }
                entry.dispatch(Edit::AddPhotos(kept));
                photo_errors.set(errors);
            });
        })
    };
    let remove_photo = |n: usize| {
        let entry = entry.clone();
        Callback::from(move |_| entry.dispatch(Edit::RemovePhoto(n)))
    };
    let text_of = |e: InputEvent| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|t| t.value())
            .unwrap_or_default()
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ &cat.service.service_name }</h1>
            { for offline_notice(lang, props.offline) }
            if !props.problems.is_empty() {
                <div id="form-problems" class="status error" role="alert" tabindex="-1">
                    <p><strong>{ tr(lang, "Bitte prüfen Sie:", "Please check:") }</strong></p>
                    <ul>{ for props.problems.iter().map(|(_, m)| html! { <li>{ m }</li> }) }</ul>
                </div>
            }
            <p class="hint" id="draft-hint">{ tr(lang,
                "Ihre Eingaben werden auf diesem Gerät als Entwurf gespeichert, bis Sie die Meldung senden.",
                "What you enter is kept on this device as a draft until you send the report.") }</p>
            <form class="card report-form" onsubmit={on_submit} novalidate=true>
                { for attrs.iter().map(field) }
                <div class="field">
                    <label for="report-place">{ tr(lang, "Wo ist es? (Pflichtfeld)", "Where is it? (required)") }</label>
                    <p id="report-place-hint" class="hint">{ tr(lang, "Platz, Straße, Stadtbezirk oder Koordinaten, z. B. Marienplatz oder 48.137, 11.575", "Square, street, district or coordinates, e.g. Marienplatz or 48.137, 11.575") }</p>
                    <input id="report-place" type="text" value={form.place_text.clone()} oninput={on_place_input}
                        aria-describedby="report-place-hint report-place-found" aria-invalid={if invalid("report-place") { "true" } else { "false" }} />
                    <p id="report-place-found" aria-live="polite">{ match &place {
                        Some(p) => format!("{} {} ({:.5}, {:.5})", tr(lang, "Erkannt:", "Found:"), p.label, p.position.lat, p.position.lon),
                        None if form.place_text.is_empty() => String::new(),
                        None if is_address(&form.place_text) => tr(lang,
                            "Diesen Ort kennen wir nicht genau. Er wird als Adresse übermittelt – bitte mit Hausnummer und möglichst Postleitzahl.",
                            "We cannot place this exactly. It is sent as an address – please with house number and, if you can, postcode.").to_string(),
                        None => tr(lang, "Diesen Ort kennen wir nicht.", "We do not know this place.").to_string(),
                    } }</p>
                    <button type="button" class="secondary" id="report-locate" onclick={on_locate} disabled={*locating == Some(true)}>
                        { tr(lang, "Meinen Standort verwenden", "Use my location") }
                    </button>
                    if *locating == Some(true) { <p role="status">{ tr(lang, "Standort wird ermittelt …", "Finding your location …") }</p> }
                    if *locating == Some(false) {
                        <p class="field-error" role="alert">{ tr(lang,
                            "Ihr Gerät gibt keinen Standort an. Bitte geben Sie den Ort ein.",
                            "Your device does not share a location. Please type the place.") }</p>
                    }
                    if let Some(tiles) = &props.tile_url {
                        if *map_open {
                            <crate::map::MapPicker lang={lang} tile_url={tiles.clone()}
                                start={place.as_ref().map(|p| p.position).unwrap_or(muc_wire::geo::LonLat::new(11.5755, 48.1374))}
                                on_pick={{ let (entry, map_open) = (entry.clone(), map_open.clone()); Callback::from(move |p: muc_wire::geo::LonLat| {
                                    entry.dispatch(Edit::Place(format!("{:.5}, {:.5}", p.lat, p.lon)));
                                    map_open.set(false);
                                }) }}
                                on_close={{ let m = map_open.clone(); Callback::from(move |()| m.set(false)) }} />
                        } else {
                            <button type="button" class="secondary" id="report-map" aria-describedby="report-map-hint"
                                onclick={{ let m = map_open.clone(); Callback::from(move |_| m.set(true)) }}>
                                { tr(lang, "Auf der Karte wählen", "Choose on the map") }
                            </button>
                            <p id="report-map-hint" class="hint">{ format!("{} {}.", tr(lang,
                                "Die Karte wird erst geladen, wenn Sie sie öffnen, von", "The map loads only when you open it, from"),
                                tile_host(tiles)) }</p>
                        }
                    }
                </div>
                <div class="field">
                    <label for="report-description">{ tr(lang, "Beschreibung (freiwillig)", "Description (optional)") }</label>
                    <textarea id="report-description" rows="4" maxlength="4000" value={form.description.clone()}
                        oninput={{ let en = entry.clone(); Callback::from(move |e: InputEvent| en.dispatch(Edit::Description(text_of(e)))) }} />
                </div>
                <div class="field">
                    <label for="report-photo">{ tr(lang, "Fotos (freiwillig, bis zu 5, je höchstens 10 MB)", "Photos (optional, up to 5, at most 10 MB each)") }</label>
                    <p id="report-photo-hint" class="hint">{ tr(lang, "Standort- und Kameradaten werden vor dem Speichern entfernt.", "Location and camera data are removed before the photos are stored.") }</p>
                    <input id="report-photo" type="file" multiple=true accept="image/jpeg,image/png,image/webp" onchange={on_photos} aria-describedby="report-photo-hint" />
                    if !photo_errors.is_empty() {
                        <div role="alert" class="field-error"><ul id="report-photo-errors">{ for photo_errors.iter().map(|p| html! { <li>{ p }</li> }) }</ul></div>
                    }
                    if !form.photo_names.is_empty() {
                        <ul id="report-photos" class="plain-list" aria-label={tr(lang, "Gewählte Fotos", "Chosen photos")}>
                            { for form.photo_names.iter().enumerate().map(|(n, name)| html! {
                                <li>{ name }{ " " }
                                    <button type="button" class="link-button" onclick={remove_photo(n)}
                                        aria-label={format!("{} {name}", tr(lang, "Foto entfernen:", "Remove photo:"))}>{ tr(lang, "Entfernen", "Remove") }</button>
                                </li>
                            }) }
                        </ul>
                    }
                </div>
                <div class="field">
                    <label for="report-email">{ tr(lang, "E-Mail für Rückmeldungen (freiwillig)", "E-mail for updates (optional)") }</label>
                    <input id="report-email" type="email" autocomplete="email" value={form.email.clone()}
                        oninput={{ let en = entry.clone(); Callback::from(move |e: InputEvent| en.dispatch(Edit::Email(input_value(&e.into()).unwrap_or_default()))) }}
                        aria-describedby="report-consent-text" />
                    if let Some(mail) = props.profile_email.clone().filter(|m| *m != form.email) {
                        <button type="button" class="link-button" id="report-email-from-profile"
                            onclick={{ let en = entry.clone(); Callback::from(move |_| en.dispatch(Edit::Email(mail.clone()))) }}>
                            { tr(lang, "E-Mail-Adresse aus meinem Profil einsetzen", "Use the e-mail address from my profile") }</button>
                    }
                    <div class="check">
                        <input type="checkbox" id="report-consent" checked={form.consent} onchange={{ let en = entry.clone(); Callback::from(move |_| en.dispatch(Edit::Consent)) }} />
                        <label for="report-consent" id="report-consent-text">{ tr(lang,
                            "Ja, die Stadt darf mich unter dieser Adresse zu dieser Meldung kontaktieren. Die Adresse wird nur dafür genutzt und nicht veröffentlicht.",
                            "Yes, the city may contact me at this address about this report. It is used for nothing else and never published.") }</label>
                    </div>
                </div>
                <div class="actions">
                    <button type="submit">{ tr(lang, "Weiter zur Übersicht", "Continue to review") }</button>
                    <button type="button" class="secondary" onclick={props.on_back.reform(|_| ())}>{ tr(lang, "Andere Kategorie", "Other category") }</button>
                </div>
            </form>
        </>
    }
}
