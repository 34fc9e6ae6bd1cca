//! "Anliegen melden": three steps, each a component of its own. Choose a
//! category (`choose`), fill in its form (`fill`), check and send
//! (`review`). This module holds what they share: the entry being written
//! (a reducer, saved as a draft a moment after each change) and the checks.

mod choose;
mod fill;
mod review;

use std::collections::BTreeMap;
use std::rc::Rc;

use muc_wire::ipc::{
    AppError, DataSource, Draft, DraftWithPhotos, ReportCatalogue, ReportCategory, SaveDraftArgs, SubmitReportArgs,
};
use muc_wire::open311::{Attribute, Datatype, OutgoingReport, ServiceRequest};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{self, t, Lang};
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
pub(crate) struct Entry {
    pub(crate) draft: Draft,
    pub(crate) photos: Rc<Vec<Vec<u8>>>,
    /// The photos changed since the draft was last saved.
    photos_dirty: bool,
}

pub(crate) enum Edit {
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
        Problem::TooLarge => t(lang, "the-photo-is-larger-than-10").to_string(),
        Problem::NotAPhoto => t(lang, "this-file-is-not-a-photo").to_string(),
        Problem::TooManyPixels { width, height } => {
            i18n::t_args(lang, "photo-too-many-pixels", &[("width", width.into()), ("height", height.into())])
        }
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
        out.push(("report-place".into(), t(lang, "please-give-the-place-a-square").into()));
    }
    for a in attrs.iter().filter(|a| a.variable) {
        let v = values.get(&a.code).map(Vec::as_slice).unwrap_or(&[]);
        let label = a.description.clone().unwrap_or_else(|| a.code.clone());
        if a.required && v.is_empty() {
            out.push((
                format!("attr-{}", a.code),
                i18n::t_args(lang, "please-fill-in-field", &[("field", (&label).into())]),
            ));
        } else if a.datatype == Datatype::Number
            && v.first().is_some_and(|x| x.replace(',', ".").parse::<f64>().is_err())
        {
            out.push((
                format!("attr-{}", a.code),
                i18n::t_args(lang, "please-give-a-number-for", &[("field", (&label).into())]),
            ));
        }
    }
    out
}

/// The offline notice every step shows when the categories are the saved copy.
fn offline_notice(lang: Lang, offline: bool) -> Option<Html> {
    offline.then(|| {
        html! {
            <p class="status warning" role="status">{ t(lang, "offline-you-can-still-report-the") }</p>
        }
    })
}

/// The report as it will be sent, from what was entered.
fn outgoing(cat: &ReportCategory, form: &Draft) -> OutgoingReport {
    let place = places::resolve(&form.place_text, &[]);
    OutgoingReport {
        service_code: cat.service.service_code.clone(),
        lat: place.as_ref().map(|p| p.position.lat),
        lon: place.as_ref().map(|p| p.position.lon),
        // Unplaced text goes as GeoReport's address_string; the city places it.
        address: place.as_ref().map(|p| p.label.clone()).or_else(|| Some(form.place_text.trim().to_string())),
        description: Some(form.description.clone()).filter(|d| !d.trim().is_empty()),
        email: Some(form.email.clone()).filter(|e| form.consent && !e.trim().is_empty()),
        attributes: form.attributes.clone(),
        photos: Vec::new(),
    }
}

#[component]
pub fn Report(props: &ReportProps) -> Html {
    let lang = props.lang;
    let step = use_state(|| Step::Choose);
    // The form is the draft: what is typed is what is kept.
    let entry = use_reducer(Entry::default);
    let problems = use_state(Vec::<(String, String)>::new);
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
        use_effect_with((entry.draft.clone(), entry.photos.len()), move |_| {
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
                <h1 tabindex="-1" class="page-title">{ t(lang, "report-an-issue") }</h1>
                { match &props.catalogue {
                    Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
                    _ => html! { <p role="status">{ t(lang, "loading-categories") }</p> },
                } }
                // Reachable even when the chosen server is not: the way back.
                { props.settings.clone() }
            </>
        };
    };
    let category = catalogue.categories.iter().find(|x| x.service.service_code == entry.draft.service_code).cloned();
    let at = match (*step, &category) {
        (Step::Choose, _) | (_, None) => 0,
        (Step::Form, _) => 1,
        (Step::Review, _) => 2,
    };
    let stepper = html! {
        <ol class="stepper" aria-label={t(lang, "report-steps")}>
            { for ["step-category", "step-details", "step-check-and-send"].into_iter().enumerate().map(|(n, id)| html! {
                <li class={classes!((n < at).then_some("done"))} aria-current={(n == at).then_some("step")}>{ t(lang, id) }</li>
            }) }
        </ol>
    };
    let offline = matches!(catalogue.source, DataSource::Cache { .. });
    match (*step, category) {
        (Step::Choose, _) | (_, None) => {
            let on_choose = {
                let (entry, step, problems) = (entry.clone(), step.clone(), problems.clone());
                Callback::from(move |service_code: String| {
                    // A new report: a new draft (the last one stays in the list).
                    let draft = Draft { id: new_draft_id(), service_code, ..Draft::default() };
                    entry.dispatch(Edit::Start(draft, Vec::new()));
                    problems.set(Vec::new());
                    step.set(Step::Form);
                })
            };
            html! {
                <>{ stepper.clone() }<choose::ChooseStep {lang} catalogue={catalogue.clone()} drafts={props.drafts.clone()}
                    favourite_categories={props.favourite_categories.clone()}
                    on_favourite_category={props.on_favourite_category.clone()}
                    on_resume={props.on_resume.clone()} on_delete_draft={props.on_delete_draft.clone()}
                    settings={props.settings.clone()} on_my_reports={props.on_my_reports.clone()} {on_choose} /></>
            }
        }
        (Step::Form, Some(cat)) => {
            let on_next = {
                let (problems, step, entry) = (problems.clone(), step.clone(), entry.clone());
                let mut attrs = cat.definition.attributes.clone();
                attrs.sort_by_key(|a| a.order.unwrap_or(u32::MAX));
                let (on_review, sc, flush) = (props.on_review.clone(), cat.service.service_code.clone(), flush.clone());
                Callback::from(move |()| {
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
            let on_back = {
                let (step, flush) = (step.clone(), flush.clone());
                Callback::from(move |()| {
                    flush();
                    step.set(Step::Choose)
                })
            };
            html! {
                <>{ stepper.clone() }<fill::FillStep {lang} category={cat} entry={entry.clone()} problems={(*problems).clone()} {offline}
                    tile_url={props.tile_url.clone()} profile_email={props.profile_email.clone()} {on_next} {on_back} /></>
            }
        }
        (Step::Review, Some(cat)) => {
            let on_send = {
                let (cb, entry, cat) = (props.on_submit.clone(), entry.clone(), cat.clone());
                Callback::from(move |()| {
                    // No late autosave may bring back the draft of a sent report.
                    autosave.borrow_mut().take();
                    cb.emit(SubmitReportArgs {
                        report: outgoing(&cat, &entry.draft),
                        photos: (*entry.photos).clone(),
                        draft_id: Some(entry.draft.id.clone()),
                    })
                })
            };
            html! {
                <>{ stepper.clone() }<review::ReviewStep {lang} category={cat} entry={entry.clone()} nearby={props.nearby.clone()}
                    sending={props.sending} send_error={props.send_error.clone()} {on_send}
                    on_edit={{ let step = step.clone(); Callback::from(move |()| step.set(Step::Form)) }}
                    on_support={props.on_support.clone()} on_my_reports={props.on_my_reports.clone()} /></>
            }
        }
    }
}
