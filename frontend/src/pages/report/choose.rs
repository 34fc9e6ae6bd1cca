//! Step 1: choose a category (favourites first), or go on with a draft.

use std::rc::Rc;

use muc_wire::ipc::{DataSource, Draft, ReportCatalogue, ReportCategory};
use yew::prelude::*;

use super::offline_notice;
use crate::form::bind_text;
use crate::i18n::{t, Lang};
use crate::load::Load;

#[derive(Properties, PartialEq)]
pub struct ChooseStepProps {
    pub lang: Lang,
    pub catalogue: Rc<ReportCatalogue>,
    pub drafts: Load<Vec<Draft>>,
    pub favourite_categories: Vec<String>,
    pub on_favourite_category: Callback<(String, bool)>,
    pub on_resume: Callback<String>,
    pub on_delete_draft: Callback<String>,
    pub settings: Html,
    pub on_my_reports: Callback<()>,
    /// A new report in this category (its service code).
    pub on_choose: Callback<String>,
}

#[component]
pub fn ChooseStep(props: &ChooseStepProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let confirm_delete = use_state(|| None::<String>);
    let catalogue = &props.catalogue;
    let name_of = |code: &str| {
        catalogue
            .categories
            .iter()
            .find(|c| c.service.service_code == code)
            .map(|c| c.service.service_name.clone())
            .unwrap_or_else(|| code.to_string())
    };
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
                <h2 id="drafts-heading">{ t(lang, "reports-in-progress") }</h2>
                <p class="hint">{ t(lang, "kept-on-this-device-not-sent") }</p>
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
                            <p><strong>{ title.clone() }</strong>{ " · " }{ crate::i18n::t_args(lang, "draft-saved-at", &[("date", when.into())]) }</p>
                            if !summary.is_empty() { <p class="hint">{ summary }</p> }
                            if *confirm_delete == Some(d.id.clone()) {
                                <div class="actions" role="group" aria-label={t(lang, "delete-draft")}>
                                    <span>{ t(lang, "really-delete") }</span>
                                    <button type="button" onclick={really}>{ t(lang, "yes-delete") }</button>
                                    <button type="button" class="secondary" onclick={keep}>{ t(lang, "keep") }</button>
                                </div>
                            } else {
                                <div class="actions">
                                    <button type="button" onclick={on_resume} aria-label={crate::i18n::t_args(lang, "continue-named", &[("name", (&title).into())])}>{ t(lang, "continue") }</button>
                                    <button type="button" class="secondary" onclick={ask} aria-label={crate::i18n::t_args(lang, "delete-named", &[("name", (&title).into())])}>{ t(lang, "delete") }</button>
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
            <h1 tabindex="-1" class="page-title">{ t(lang, "report-an-issue") }</h1>
            <p class="lead">{ t(lang, "what-is-broken-or-in-the") }</p>
            { for offline_notice(lang, matches!(catalogue.source, DataSource::Cache { .. })) }
            <div class="actions"><button type="button" class="secondary" onclick={props.on_my_reports.reform(|_| ())}>{ t(lang, "my-reports") }</button></div>
            { drafts }
            <label for="category-search">{ t(lang, "search-categories") }</label>
            <input id="category-search" type="search" value={(*query).clone()} oninput={bind_text(query.clone())}
                aria-describedby="category-count" />
            <p id="category-count" role="status">{ crate::i18n::t_args(lang, "categories-count", &[("n", shown.len().into())]) }</p>
            <ul class="tiles" id="category-list">
                { for shown.iter().map(|c| {
                    let (choose, sc) = (props.on_choose.clone(), c.service.service_code.clone());
                    let onclick = Callback::from(move |_| choose.emit(sc.clone()));
                    let on = fav(c);
                    let (cb, code) = (props.on_favourite_category.clone(), c.service.service_code.clone());
                    let star = Callback::from(move |_| cb.emit((code.clone(), !on)));
                    let star_label = format!("{}: {}", c.service.service_name,
                        t(lang, "favourite-2"));
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
