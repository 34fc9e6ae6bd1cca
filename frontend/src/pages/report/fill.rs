//! Step 2: the category's form, the place, photos and contact.

use muc_wire::ipc::ReportCategory;
use muc_wire::open311::{Attribute, Datatype};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{is_address, offline_notice, photo_problem, tile_host, Edit, Entry, MAX_PHOTOS};
use crate::form::{input_value, select_value};
use crate::i18n::{t, Lang};
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
        let required = a.required.then(|| html! { <span>{ t(lang, "required") }</span> });
        let hint_id = format!("{id}-hint");
        let hint = a.datatype_description.clone().map(|d| html! { <p id={hint_id.clone()} class="hint">{ d }</p> });
        let aria_invalid = if invalid(&id) { "true" } else { "false" };
        let control = match a.datatype {
            Datatype::Singlevaluelist => {
                let set = set_one.clone();
                html! { <select id={id.clone()} aria-invalid={aria_invalid} onchange={Callback::from(move |e: Event| if let Some(v) = select_value(&e) { set(v) })}>
                    <option value="" selected={current.is_empty()}>{ t(lang, "please-choose") }</option>
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
                        errors.push(format!("{}: {}", file.name(), t(lang, "at-most-5-photos-per-report")));
                        continue;
                    }
                    let problem = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Err(_) => Some(t(lang, "the-photo-could-not-be-read").to_string()),
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
                    <p><strong>{ t(lang, "please-check") }</strong></p>
                    <ul>{ for props.problems.iter().map(|(_, m)| html! { <li>{ m }</li> }) }</ul>
                </div>
            }
            <p class="hint" id="draft-hint">{ t(lang, "what-you-enter-is-kept-on") }</p>
            <form class="card report-form" onsubmit={on_submit} novalidate=true>
                { for attrs.iter().map(field) }
                <div class="field">
                    <label for="report-place">{ t(lang, "where-is-it-required") }</label>
                    <p id="report-place-hint" class="hint">{ t(lang, "square-street-district-or-coordinates-e") }</p>
                    <input id="report-place" type="text" value={form.place_text.clone()} oninput={on_place_input}
                        aria-describedby="report-place-hint report-place-found" aria-invalid={if invalid("report-place") { "true" } else { "false" }} />
                    <p id="report-place-found" aria-live="polite">{ match &place {
                        Some(p) => crate::i18n::t_args(lang, "place-found", &[("place", (&p.label).into()), ("position", format!("{:.5}, {:.5}", p.position.lat, p.position.lon).into())]),
                        None if form.place_text.is_empty() => String::new(),
                        None if is_address(&form.place_text) => t(lang, "we-cannot-place-this-exactly-it").to_string(),
                        None => t(lang, "we-do-not-know-this-place-2").to_string(),
                    } }</p>
                    <button type="button" class="secondary" id="report-locate" onclick={on_locate} disabled={*locating == Some(true)}>
                        { t(lang, "use-my-location") }
                    </button>
                    if *locating == Some(true) { <p role="status">{ t(lang, "finding-your-location") }</p> }
                    if *locating == Some(false) {
                        <p class="field-error" role="alert">{ t(lang, "your-device-does-not-share-a-2") }</p>
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
                                { t(lang, "choose-on-the-map") }
                            </button>
                            <p id="report-map-hint" class="hint">{ crate::i18n::t_args(lang, "map-loads-from", &[("host", tile_host(tiles).into())]) }</p>
                        }
                    }
                </div>
                <div class="field">
                    <label for="report-description">{ t(lang, "description-optional") }</label>
                    <textarea id="report-description" rows="4" maxlength="4000" value={form.description.clone()}
                        oninput={{ let en = entry.clone(); Callback::from(move |e: InputEvent| en.dispatch(Edit::Description(text_of(e)))) }} />
                </div>
                <div class="field">
                    <label for="report-photo">{ t(lang, "photos-optional-up-to-5-at") }</label>
                    <p id="report-photo-hint" class="hint">{ t(lang, "location-and-camera-data-are-removed") }</p>
                    <input id="report-photo" type="file" multiple=true accept="image/jpeg,image/png,image/webp" onchange={on_photos.clone()} aria-describedby="report-photo-hint" />
                    // Phones: the camera directly, beside the gallery above
                    // (a desktop's file dialog has no camera to offer).
                    if crate::ipc::start_info().is_some_and(|i| i.phone) {
                        <label for="report-camera">{ t(lang, "take-a-photo") }</label>
                        <input id="report-camera" type="file" accept="image/*" capture="environment" onchange={on_photos} aria-describedby="report-photo-hint" />
                    }
                    if !photo_errors.is_empty() {
                        <div role="alert" class="field-error"><ul id="report-photo-errors">{ for photo_errors.iter().map(|p| html! { <li>{ p }</li> }) }</ul></div>
                    }
                    if !form.photo_names.is_empty() {
                        <ul id="report-photos" class="plain-list" aria-label={t(lang, "chosen-photos")}>
                            { for form.photo_names.iter().enumerate().map(|(n, name)| html! {
                                <li>{ name }{ " " }
                                    <button type="button" class="link-button" onclick={remove_photo(n)}
                                        aria-label={crate::i18n::t_args(lang, "remove-photo-named", &[("name", name.into())])}>{ t(lang, "remove") }</button>
                                </li>
                            }) }
                        </ul>
                    }
                </div>
                <div class="field">
                    <label for="report-email">{ t(lang, "e-mail-for-updates-optional") }</label>
                    <input id="report-email" type="email" autocomplete="email" value={form.email.clone()}
                        oninput={{ let en = entry.clone(); Callback::from(move |e: InputEvent| en.dispatch(Edit::Email(input_value(&e.into()).unwrap_or_default()))) }}
                        aria-describedby="report-consent-text" />
                    if let Some(mail) = props.profile_email.clone().filter(|m| *m != form.email) {
                        <button type="button" class="link-button" id="report-email-from-profile"
                            onclick={{ let en = entry.clone(); Callback::from(move |_| en.dispatch(Edit::Email(mail.clone()))) }}>
                            { t(lang, "use-the-e-mail-address-from") }</button>
                    }
                    <div class="check">
                        <input type="checkbox" id="report-consent" checked={form.consent} onchange={{ let en = entry.clone(); Callback::from(move |_| en.dispatch(Edit::Consent)) }} />
                        <label for="report-consent" id="report-consent-text">{ t(lang, "yes-the-city-may-contact-me") }</label>
                    </div>
                </div>
                <div class="actions">
                    <button type="submit">{ t(lang, "continue-to-review") }</button>
                    <button type="button" class="secondary" onclick={props.on_back.reform(|_| ())}>{ t(lang, "other-category") }</button>
                </div>
            </form>
        </>
    }
}
