use crate::form::{bind_text, select_value};
use muc_wire::finders::{search, Category, Finder, TargetGroup};
use muc_wire::ipc::{AppError, DataSource, FinderSnapshot, OpenVia};
use yew::prelude::*;

use crate::i18n::date_time;
use crate::i18n::{self, t, Lang};

pub type FinderLoad = crate::load::Load<FinderSnapshot>;

#[derive(Properties, PartialEq)]
pub struct FindersProps {
    pub lang: Lang,
    pub load: FinderLoad,
    pub now: i64,
    pub open_error: Option<AppError>,
    pub on_open: Callback<(String, OpenVia)>,
    pub on_favourite: Callback<(String, bool)>,
    pub on_refresh: Callback<()>,
}

/// The directory of capacity finders: search, filters, favourites, cards.
#[component]
pub fn Finders(props: &FindersProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let category = use_state(|| None::<Category>);
    let group = use_state(|| None::<TargetGroup>);

    let oninput = bind_text(query.clone());
    let on_category = {
        let category = category.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e).unwrap_or_default();
            category.set(Category::ALL.into_iter().find(|c| code(c) == v));
        })
    };
    let on_group = {
        let group = group.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e).unwrap_or_default();
            group.set(TargetGroup::ALL.into_iter().find(|g| code(g) == v));
        })
    };
    let refresh = props.on_refresh.reform(|_| ());

    let status = match &props.load {
        FinderLoad::Loading => html! {
            <div class="status" role="status">{ t(lang, "loading-the-directory") }</div>
        },
        FinderLoad::Failed(e) => html! {
            <div class="status error" role="alert">
                <p><strong>{ t(lang, "the-directory-could-not-be-loaded") }</strong></p>
                <p>{ i18n::error_text(lang, e) }</p>
                <button type="button" class="secondary" onclick={refresh.clone()}>{ t(lang, "reload") }</button>
            </div>
        },
        FinderLoad::Ready(s) => match &s.source {
            DataSource::Live => html! {
                <div class="status" role="status">
                    <p>{ i18n::t_args(lang, "directory-as-of-date", &[("date", date_time(lang, s.fetched_at).into())]) }</p>
                </div>
            },
            DataSource::Saved => html! {
                <div class="status" role="status" aria-busy="true">
                    <p>{ i18n::t_args(lang, "updating-saved-directory-as-of-date", &[("date", date_time(lang, s.fetched_at).into())]) }</p>
                </div>
            },
            DataSource::Cache { reason } => html! {
                <div class="status warning" role="status" id="finders-offline">
                    <p><strong>{ t(lang, "offline-saved-directory") }</strong></p>
                    <p>{ i18n::error_text(lang, reason) }</p>
                    <p>{ i18n::t_args(lang, "last-updated-date-age", &[("date", date_time(lang, s.fetched_at).into()), ("age", i18n::age(lang, props.now - s.fetched_at).into())]) }</p>
                    <button type="button" class="secondary" onclick={refresh}>{ t(lang, "reload") }</button>
                </div>
            },
        },
    };

    let body = if let FinderLoad::Ready(s) = &props.load {
        let hits = search(&s.finders, &query, *category, *group);
        let favs: Vec<&Finder> = s.favourites.iter().filter_map(|id| s.finders.iter().find(|f| &f.id == id)).collect();
        let count = i18n::t_args(lang, "finder-results", &[("n", hits.len().into())]);
        let card = |f: &Finder, section: &str| {
            html! { <FinderCard lang={lang} finder={f.clone()} favourite={s.favourites.contains(&f.id)}
            section={section.to_string()}
            on_open={props.on_open.clone()} on_favourite={props.on_favourite.clone()} /> }
        };
        html! {
            <>
                if !favs.is_empty() {
                    <section aria-labelledby="fav-heading">
                        <h2 id="fav-heading">{ t(lang, "your-favourites") }</h2>
                        <ul class="cards" id="favourites">{ for favs.iter().map(|f| card(f, "fav")) }</ul>
                    </section>
                }
                <section aria-labelledby="results-heading">
                    <h2 id="results-heading">{ t(lang, "search-portals") }</h2>
                    <p id="result-count" role="status" aria-live="polite">{ count }</p>
                    if hits.is_empty() {
                        <p>{ t(lang, "nothing-found-try-another-word-for") }</p>
                    }
                    <ul class="cards" id="finder-list">{ for hits.iter().map(|f| card(f, "all")) }</ul>
                </section>
            </>
        }
    } else {
        html! {}
    };

    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ t(lang, "capacity-finders") }</h1>
            <p class="lead">{ t(lang, "find-free-places-and-appointments-the") }</p>
            { status }
            if let Some(e) = &props.open_error {
                <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p>
            }
            <form class="card" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="finder-search">{ t(lang, "what-are-you-looking-for") }</label>
                <p id="finder-search-hint" class="hint">{ t(lang, "for-example-childcare-nursing-home-midwife") }</p>
                <input id="finder-search" type="search" autocomplete="off" value={(*query).clone()} {oninput}
                    aria-describedby="finder-search-hint" />
                <div class="filters">
                    <div>
                        <label for="category-select">{ t(lang, "topic") }</label>
                        <select id="category-select" onchange={on_category}>
                            <option value="" selected={category.is_none()}>{ t(lang, "all-topics") }</option>
                            { for Category::ALL.iter().map(|c| html! {
                                <option value={code(c)} selected={*category == Some(*c)}>{ i18n::words::finder_category(lang, *c) }</option>
                            }) }
                        </select>
                    </div>
                    <div>
                        <label for="group-select">{ t(lang, "for-whom") }</label>
                        <select id="group-select" onchange={on_group}>
                            <option value="" selected={group.is_none()}>{ t(lang, "everyone") }</option>
                            { for TargetGroup::ALL.iter().filter(|g| **g != TargetGroup::Everyone).map(|g| html! {
                                <option value={code(g)} selected={*group == Some(*g)}>{ i18n::words::target_group(lang, *g) }</option>
                            }) }
                        </select>
                    </div>
                </div>
            </form>
            { body }
        </>
    }
}

/// The wire code of an enum value ("childcare"), for option values.
fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default().trim_matches('"').to_string()
}

#[derive(Properties, PartialEq)]
struct CardProps {
    lang: Lang,
    finder: Finder,
    favourite: bool,
    /// Keeps ids unique when a finder shows twice (favourites and results).
    section: String,
    on_open: Callback<(String, OpenVia)>,
    on_favourite: Callback<(String, bool)>,
}

#[component]
fn FinderCard(props: &CardProps) -> Html {
    let lang = props.lang;
    let f = &props.finder;
    let title_id = format!("{}-{}-title", props.section, f.id);
    let open = |via: OpenVia| {
        let (cb, id) = (props.on_open.clone(), f.id.clone());
        Callback::from(move |_| cb.emit((id.clone(), via)))
    };
    let toggle = {
        let (cb, id, on) = (props.on_favourite.clone(), f.id.clone(), !props.favourite);
        Callback::from(move |_| cb.emit((id.clone(), on)))
    };
    let english = lang.english();
    let languages = f.languages.iter().map(|l| l.to_uppercase()).collect::<Vec<_>>().join(", ");
    html! {
        <li>
            <article class="finder" aria-labelledby={title_id.clone()}>
                <h3 id={title_id.clone()}>{ f.name(english) }</h3>
                <p>{ f.description(english) }</p>
                <p class="finder-meta">
                    { i18n::t_args(lang, "run-by-operator", &[("operator", (&f.operator).into())]) }
                    { " · " }{ i18n::words::finder_category(lang, f.category) }
                    { " · " }{ i18n::t_args(lang, "languages-are", &[("languages", languages.into())]) }
                </p>
                if let Some(a) = &f.accessibility_de {
                    <p class="finder-access">{ i18n::t_args(lang, "accessibility-is", &[("text", a.into())]) }</p>
                }
                if f.login_required {
                    <p class="badge">{ t(lang, "requires-an-account-with-the-provider") }</p>
                }
                <div class="actions">
                    <button type="button" onclick={open(OpenVia::Web)} aria-describedby={title_id.clone()}>
                        { t(lang, "open-website") }
                    </button>
                    if let Some(phone) = &f.phone {
                        <button type="button" class="secondary" onclick={open(OpenVia::Phone)} aria-describedby={title_id.clone()}>
                            { i18n::t_args(lang, "call-number", &[("number", phone.into())]) }
                        </button>
                    }
                    <button type="button" class="secondary" onclick={toggle} aria-pressed={if props.favourite { "true" } else { "false" }}
                        aria-describedby={title_id}>
                        { if props.favourite { t(lang, "favourite") } else { t(lang, "add-to-favourites") } }
                    </button>
                </div>
                if let Some(d) = &f.last_checked {
                    <p class="hint">{ i18n::t_args(lang, "address-last-checked-on-date", &[("date", d.into())]) }</p>
                }
            </article>
        </li>
    }
}
