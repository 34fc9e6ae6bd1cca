use std::collections::BTreeMap;
use std::rc::Rc;

use muc_wire::ipc::{
    AppError, DataSource, Draft, DraftWithPhotos, ReportCatalogue, ReportCategory, SaveDraftArgs, SubmitReportArgs,
};
use muc_wire::open311::{Attribute, Datatype, OutgoingReport, ServiceRequest};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::form::{bind_text, input_value, select_value};
use crate::i18n::{self, tr, Lang};
use crate::load::Load;
use crate::places::{self, Place};

use muc_wire::photo::{Problem, MAX_PER_REPORT as MAX_PHOTOS};
/// A draft is saved this long after the last change.
const AUTOSAVE_MS: u32 = 700;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub lang: Lang,
    pub catalogue: Load<ReportCatalogue>,
    pub sending: bool,
    pub send_error: Option<AppError>,
    pub on_submit: Callback<SubmitReportArgs>,
    pub on_my_reports: Callback<()>,
    /// Open reports of the chosen category near the chosen place.
    pub nearby: Load<Vec<ServiceRequest>>,
    /// Asks for `nearby` when the review opens: (service code, lat, lon).
    pub on_review: Callback<(String, f64, f64)>,
    /// Reports begun on this device and not sent yet.
    pub drafts: Load<Vec<Draft>>,
    pub on_save_draft: Callback<SaveDraftArgs>,
    /// Asks for a draft with its photos; it arrives as `resumed`.
    pub on_resume: Callback<String>,
    pub resumed: Option<Resumed>,
    pub on_delete_draft: Callback<String>,
    /// "I am affected too" on a report nearby, by its id (instead of sending).
    #[prop_or_default]
    pub on_support: Callback<String>,
    /// Shown below the categories: where reports go (see `report_endpoint`).
    #[prop_or_default]
    pub settings: Html,
    /// Map tiles to pick the place on; None: no map offered.
    #[prop_or_default]
    pub tile_url: Option<String>,
    /// The e-mail address in the person's profile, offered for the contact
    /// field (never filled in without their press).
    #[prop_or_default]
    pub profile_email: Option<String>,
    /// Service codes of the categories marked as favourites: listed first.
    #[prop_or_default]
    pub favourite_categories: Vec<String>,
    /// Mark (true) or unmark a category.
    #[prop_or_default]
    pub on_favourite_category: Callback<(String, bool)>,
}

/// A draft to put back into the form. `nonce` makes resuming the same,
/// unchanged draft twice still count as a new request.
#[derive(Clone, PartialEq)]
pub struct Resumed {
    pub nonce: u32,
    pub draft: Rc<DraftWithPhotos>,
}

/// The host map tiles come from, to name it before the map loads.
fn tile_host(url: &str) -> &str {
    url.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or(url)
}

/// A fresh draft id: time and randomness, letters and digits only.
pub fn new_draft_id() -> String {
    format!("{:x}-{:08x}", js_sys::Date::now() as u64, (js_sys::Math::random() * f64::from(u32::MAX)) as u32)
}

/// Whether the person has written anything worth keeping.
fn has_content(d: &Draft) -> bool {
    !(d.attributes.is_empty()
        && d.place_text.trim().is_empty()
        && d.description.trim().is_empty()
        && d.email.trim().is_empty()
        && d.photo_names.is_empty())
}

/// What the person has entered: the draft and the photos' bytes.
///
/// Every change is an [`Edit`] applied to the latest entry, never a copy
/// taken when the screen was drawn: a photo still being read, a position
/// still being found or a draft still being loaded cannot undo a choice made
/// meanwhile.
#[derive(Default, PartialEq)]
struct Entry {
    draft: Draft,
    photos: Rc<Vec<Vec<u8>>>,
    /// The photos changed since the draft was last saved.
    photos_dirty: bool,
}

enum Edit {
    /// A new report, or a draft put back: replaces everything.
    Start(Draft, Vec<Vec<u8>>),
    /// One value of a single-value field; empty removes the answer.
    Answer {
        code: String,
        value: String,
    },
    /// One key of a multi-value list, on or off.
    Toggle {
        code: String,
        key: String,
    },
    Place(String),
    Description(String),
    Email(String),
    Consent,
    /// Photos that passed the checks, with their file names.
    AddPhotos(Vec<(String, Vec<u8>)>),
    RemovePhoto(usize),
    PhotosSaved,
}

impl Reducible for Entry {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut e = Entry { draft: self.draft.clone(), photos: self.photos.clone(), photos_dirty: self.photos_dirty };
        let d = &mut e.draft;
        match edit {
            Edit::Start(draft, photos) => {
                return Rc::new(Entry { draft, photos: Rc::new(photos), photos_dirty: false });
            }
            Edit::Answer { code, value } if value.trim().is_empty() => {
                d.attributes.remove(&code);
            }
            Edit::Answer { code, value } => {
                d.attributes.insert(code, vec![value]);
            }
            Edit::Toggle { code, key } => {
                let list = d.attributes.entry(code.clone()).or_default();
                if list.contains(&key) {
                    list.retain(|k| k != &key)
                } else {
                    list.push(key)
                }
                if list.is_empty() {
                    d.attributes.remove(&code);
                }
            }
            Edit::Place(t) => d.place_text = t,
            Edit::Description(t) => d.description = t,
            Edit::Email(t) => d.email = t,
            Edit::Consent => d.consent = !d.consent,
            Edit::AddPhotos(new) => {
                let mut photos = (*e.photos).clone();
                // Two choices of files at once cannot pass the limit together.
                for (name, bytes) in new.into_iter().take(MAX_PHOTOS.saturating_sub(photos.len())) {
                    d.photo_names.push(name);
                    photos.push(bytes);
                }
                e.photos = Rc::new(photos);
                e.photos_dirty = true;
            }
            Edit::RemovePhoto(n) => {
                let mut photos = (*e.photos).clone();
                if n < photos.len() {
                    photos.remove(n);
                }
                if n < d.photo_names.len() {
                    d.photo_names.remove(n);
                }
                e.photos = Rc::new(photos);
                e.photos_dirty = true;
            }
            Edit::PhotosSaved => e.photos_dirty = false,
        }
        Rc::new(e)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Choose,
    Form,
    Review,
}

/// Checks a photo by its first bytes, size and pixel count, as the portal will.
pub fn photo_problem(lang: Lang, bytes: &[u8]) -> Option<String> {
    Some(match muc_wire::photo::problem(bytes)? {
        Problem::TooLarge => tr(
            lang,
            "Das Foto ist größer als 10 MB. Bitte wählen Sie ein kleineres Foto.",
            "The photo is larger than 10 MB. Please choose a smaller one.",
        )
        .to_string(),
        Problem::NotAPhoto => tr(
            lang,
            "Diese Datei ist kein Foto. Erlaubt sind JPEG, PNG und WebP.",
            "This file is not a photo. JPEG, PNG and WebP are accepted.",
        )
        .to_string(),
        Problem::TooManyPixels { width, height } => format!(
            "{} ({width} × {height}) {}",
            tr(lang, "Das Foto hat zu viele Bildpunkte", "The photo has too many pixels"),
            tr(
                lang,
                "– höchstens 40 Megapixel. Bitte wählen Sie ein kleineres Foto.",
                "– at most 40 megapixels. Please choose a smaller one."
            ),
        ),
    })
}

/// Text that can go to the city as a street address (GeoReport's
/// `address_string`) when we cannot place it ourselves: a street and a number.
pub fn is_address(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 5 && t.chars().any(char::is_alphabetic) && t.chars().any(|c| c.is_ascii_digit())
}

/// Problems with the form, as (field id, message); empty when it can be sent.
pub fn form_problems(
    lang: Lang,
    attrs: &[Attribute],
    values: &BTreeMap<String, Vec<String>>,
    place: Option<&Place>,
    place_text: &str,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if place.is_none() && !is_address(place_text) {
        out.push((
            "report-place".into(),
            tr(
                lang,
                "Bitte geben Sie den Ort an: einen Platz, eine Adresse mit Hausnummer oder Koordinaten.",
                "Please give the place: a square, an address with house number, or coordinates.",
            )
            .into(),
        ));
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
    // The form is the draft: what is typed is what is kept.
    let entry = use_reducer(Entry::default);
    let form = &entry.draft;
    let photo_errors = use_state(Vec::<String>::new);
    let locating = use_state(|| None::<bool>);
    let map_open = use_state(|| false);
    let problems = use_state(Vec::<(String, String)>::new);
    let confirm_delete = use_state(|| None::<String>);
    let autosave = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);

    let save_now = {
        let (entry, on_save) = (entry.clone(), props.on_save_draft.clone());
        move || {
            if entry.draft.service_code.is_empty() || !has_content(&entry.draft) {
                return;
            }
            let dirty = entry.photos_dirty;
            on_save.emit(SaveDraftArgs { draft: entry.draft.clone(), photos: dirty.then(|| (*entry.photos).clone()) });
            if dirty {
                entry.dispatch(Edit::PhotosSaved);
            }
        }
    };
    // Save a moment after the last change, so nothing typed is lost if the
    // app is closed or killed.
    {
        let (autosave, save_now) = (autosave.clone(), save_now.clone());
        use_effect_with((form.clone(), entry.photos.len()), move |_| {
            let t = gloo_timers::callback::Timeout::new(AUTOSAVE_MS, save_now);
            *autosave.borrow_mut() = Some(t);
        });
    }
    let flush = {
        let (autosave, save_now) = (autosave.clone(), save_now.clone());
        move || {
            if autosave.borrow_mut().take().is_some() {
                save_now();
            }
        }
    };
    // A draft the person chose to resume.
    {
        let (entry, step, problems) = (entry.clone(), step.clone(), problems.clone());
        use_effect_with(props.resumed.clone(), move |r| {
            if let Some(Resumed { draft: r, .. }) = r {
                entry.dispatch(Edit::Start(r.draft.clone(), r.photos.clone()));
                problems.set(Vec::new());
                step.set(Step::Form);
            }
        });
    }

    let Load::Ready(catalogue) = &props.catalogue else {
        return html! {
            <>
                <h1 tabindex="-1" class="page-title">{ tr(lang, "Anliegen melden", "Report an issue") }</h1>
                { match &props.catalogue {
                    Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
                    _ => html! { <p role="status">{ tr(lang, "Kategorien werden geladen …", "Loading categories …") }</p> },
                } }
                // Reachable even when the chosen server is not: the way back.
                { props.settings.clone() }
            </>
        };
    };
    let category: Option<&ReportCategory> =
        catalogue.categories.iter().find(|x| x.service.service_code == form.service_code);
    let name_of = |code: &str| {
        catalogue
            .categories
            .iter()
            .find(|c| c.service.service_code == code)
            .map(|c| c.service.service_name.clone())
            .unwrap_or_else(|| code.to_string())
    };
    let place: Option<Place> = places::resolve(&form.place_text, &[]);
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
            // Favourites first, then the best matches.
            let fav = |c: &ReportCategory| props.favourite_categories.contains(&c.service.service_code);
            ranked.sort_by_key(|(score, c)| (!fav(c), std::cmp::Reverse(*score)));
            let shown: Vec<&ReportCategory> = ranked.into_iter().map(|(_, c)| c).collect();
            let drafts = match &props.drafts {
                Load::Ready(list) if !list.is_empty() => html! {
                    <section class="card" aria-labelledby="drafts-heading">
                        <h2 id="drafts-heading">{ tr(lang, "Angefangene Meldungen", "Reports in progress") }</h2>
                        <p class="hint">{ tr(lang, "Auf diesem Gerät gespeichert, noch nicht gesendet.", "Kept on this device, not sent yet.") }</p>
                        <ul id="drafts" class="plain-list">
                            { for list.iter().map(|d| {
                                let title = name_of(&d.service_code);
                                let (resume, id) = (props.on_resume.clone(), d.id.clone());
                                let on_resume = Callback::from(move |_| resume.emit(id.clone()));
                                let (confirm, id) = (confirm_delete.clone(), d.id.clone());
                                let ask = Callback::from(move |_| confirm.set(Some(id.clone())));
                                let (delete, confirm, id) = (props.on_delete_draft.clone(), confirm_delete.clone(), d.id.clone());
                                let really = Callback::from(move |_| { delete.emit(id.clone()); confirm.set(None); });
                                let keep = { let c = confirm_delete.clone(); Callback::from(move |_| c.set(None)) };
                                let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(d.updated_at as f64 * 1000.0));
                                let when: String = when.to_locale_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED).into();
                                let summary = [d.place_text.as_str(), d.description.as_str()]
                                    .into_iter().filter(|x| !x.trim().is_empty()).collect::<Vec<_>>().join(" – ");
                                html! { <li class="draft" key={d.id.clone()}>
                                    <p><strong>{ title.clone() }</strong>{ format!(" · {} {when}", tr(lang, "gespeichert", "saved")) }</p>
                                    if !summary.is_empty() { <p class="hint">{ summary }</p> }
                                    if *confirm_delete == Some(d.id.clone()) {
                                        <div class="actions" role="group" aria-label={tr(lang, "Entwurf löschen?", "Delete draft?")}>
                                            <span>{ tr(lang, "Wirklich löschen?", "Really delete?") }</span>
                                            <button type="button" onclick={really}>{ tr(lang, "Ja, löschen", "Yes, delete") }</button>
                                            <button type="button" class="secondary" onclick={keep}>{ tr(lang, "Behalten", "Keep") }</button>
                                        </div>
                                    } else {
                                        <div class="actions">
                                            <button type="button" onclick={on_resume} aria-label={format!("{}: {title}", tr(lang, "Fortsetzen", "Continue"))}>{ tr(lang, "Fortsetzen", "Continue") }</button>
                                            <button type="button" class="secondary" onclick={ask} aria-label={format!("{}: {title}", tr(lang, "Löschen", "Delete"))}>{ tr(lang, "Löschen", "Delete") }</button>
                                        </div>
                                    }
                                </li> }
                            }) }
                        </ul>
                    </section>
                },
                _ => html! {},
            };
            html! {
                <>
                    <h1 tabindex="-1" class="page-title">{ tr(lang, "Anliegen melden", "Report an issue") }</h1>
                    <p class="lead">{ tr(lang, "Was ist kaputt oder stört? Wählen Sie eine Kategorie.", "What is broken or in the way? Choose a category.") }</p>
                    { for offline }
                    <div class="actions"><button type="button" class="secondary" onclick={to_mine}>{ tr(lang, "Meine Meldungen", "My reports") }</button></div>
                    { drafts }
                    <label for="category-search">{ tr(lang, "Kategorie suchen", "Search categories") }</label>
                    <input id="category-search" type="search" value={(*query).clone()} oninput={bind_text(query.clone())}
                        aria-describedby="category-count" />
                    <p id="category-count" role="status">{ format!("{} {}", shown.len(), tr(lang, "Kategorien", "categories")) }</p>
                    <ul class="tiles" id="category-list">
                        { for shown.iter().map(|c| {
                            let (entry, step, problems) = (entry.clone(), step.clone(), problems.clone());
                            let sc = c.service.service_code.clone();
                            let onclick = Callback::from(move |_| {
                                // A new report: a new draft (the last one stays in the list).
                                let draft = Draft { id: new_draft_id(), service_code: sc.clone(), ..Draft::default() };
                                entry.dispatch(Edit::Start(draft, Vec::new()));
                                problems.set(Vec::new());
                                step.set(Step::Form);
                            });
                            let on = fav(c);
                            let (cb, code) = (props.on_favourite_category.clone(), c.service.service_code.clone());
                            let star = Callback::from(move |_| cb.emit((code.clone(), !on)));
                            let star_label = format!("{}: {}", c.service.service_name,
                                tr(lang, "Favorit", "favourite"));
                            html! { <li key={c.service.service_code.clone()} class="with-star"><button type="button" class="tile" {onclick}>
                                <span class="tile-title">{ &c.service.service_name }</span>
                                <span class="tile-text">{ c.service.description.clone().unwrap_or_default() }</span>
                            </button>
                            <button type="button" class="secondary star" aria-pressed={if on { "true" } else { "false" }}
                                aria-label={star_label} onclick={star}>
                                { if on { "★" } else { "☆" } }
                            </button></li> }
                        }) }
                    </ul>
                    { props.settings.clone() }
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
                let current = form.attributes.get(&a.code).cloned().unwrap_or_default();
                let set_one = {
                    let (entry, code) = (entry.clone(), a.code.clone());
                    move |value: String| entry.dispatch(Edit::Answer { code: code.clone(), value })
                };
                let required = a.required.then(|| html! { <span>{ tr(lang, " (Pflichtfeld)", " (required)") }</span> });
                let hint_id = format!("{id}-hint");
                let hint =
                    a.datatype_description.clone().map(|d| html! { <p id={hint_id.clone()} class="hint">{ d }</p> });
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
                Callback::from(move |e: InputEvent| {
                    entry.dispatch(Edit::Place(input_value(&e.into()).unwrap_or_default()))
                })
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
            let next = {
                let (problems, step, entry, attrs) = (problems.clone(), step.clone(), entry.clone(), attrs.clone());
                let (on_review, sc, flush) = (props.on_review.clone(), cat.service.service_code.clone(), flush.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let form = &entry.draft;
                    let place = places::resolve(&form.place_text, &[]);
                    let p = form_problems(lang, &attrs, &form.attributes, place.as_ref(), &form.place_text);
                    let ok = p.is_empty();
                    problems.set(p);
                    if ok {
                        flush();
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
                let (step, flush) = (step.clone(), flush.clone());
                Callback::from(move |_| {
                    flush();
                    step.set(Step::Choose)
                })
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
                    { for offline }
                    if !problems.is_empty() {
                        <div id="form-problems" class="status error" role="alert" tabindex="-1">
                            <p><strong>{ tr(lang, "Bitte prüfen Sie:", "Please check:") }</strong></p>
                            <ul>{ for problems.iter().map(|(_, m)| html! { <li>{ m }</li> }) }</ul>
                        </div>
                    }
                    <p class="hint" id="draft-hint">{ tr(lang,
                        "Ihre Eingaben werden auf diesem Gerät als Entwurf gespeichert, bis Sie die Meldung senden.",
                        "What you enter is kept on this device as a draft until you send the report.") }</p>
                    <form class="card report-form" onsubmit={next} novalidate=true>
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
                // Unplaced text goes as GeoReport's address_string; the city places it.
                address: place.as_ref().map(|p| p.label.clone()).or_else(|| Some(form.place_text.trim().to_string())),
                description: Some(form.description.clone()).filter(|d| !d.trim().is_empty()),
                email: Some(form.email.clone()).filter(|e| form.consent && !e.trim().is_empty()),
                attributes: form.attributes.clone(),
                photos: Vec::new(),
            };
            let send = {
                let (cb, report, photos, id, autosave) =
                    (props.on_submit.clone(), report.clone(), entry.photos.clone(), form.id.clone(), autosave.clone());
                Callback::from(move |_| {
                    // No late autosave may bring back the draft of a sent report.
                    autosave.borrow_mut().take();
                    cb.emit(SubmitReportArgs {
                        report: report.clone(),
                        photos: (*photos).clone(),
                        draft_id: Some(id.clone()),
                    })
                })
            };
            let edit = {
                let step = step.clone();
                Callback::from(move |_| step.set(Step::Form))
            };
            let answer = |a: &Attribute| -> String {
                form.attributes
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
