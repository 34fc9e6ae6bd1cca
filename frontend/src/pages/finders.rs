use crate::form::{bind_text, select_value};
use muc_wire::finders::{search, Category, Finder, TargetGroup};
use muc_wire::ipc::{AppError, DataSource, FinderSnapshot, OpenVia};
use yew::prelude::*;

use crate::i18n::{self, tr, Lang};
use crate::pages::hotspots::date_time;

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

fn names(lang: Lang, (de, en): (&'static str, &'static str)) -> &'static str {
    tr(lang, de, en)
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
            <div class="status" role="status">{ tr(lang, "Verzeichnis wird geladen …", "Loading the directory …") }</div>
        },
        FinderLoad::Failed(e) => html! {
            <div class="status error" role="alert">
                <p><strong>{ tr(lang, "Das Verzeichnis konnte nicht geladen werden.", "The directory could not be loaded.") }</strong></p>
                <p>{ i18n::error_text(lang, e) }</p>
                <button type="button" class="secondary" onclick={refresh.clone()}>{ tr(lang, "Erneut laden", "Reload") }</button>
            </div>
        },
        FinderLoad::Ready(s) => match &s.source {
            DataSource::Live => html! {
                <div class="status" role="status">
                    <p>{ format!("{} {}", tr(lang, "Verzeichnis aktuell, Stand:", "Directory up to date as of"), date_time(lang, s.fetched_at)) }</p>
                </div>
            },
            DataSource::Saved => html! {
                <div class="status" role="status" aria-busy="true">
                    <p>{ format!("{} {}", tr(lang, "Gespeichertes Verzeichnis wird aktualisiert. Stand:", "Updating the saved directory. As of"), date_time(lang, s.fetched_at)) }</p>
                </div>
            },
            DataSource::Cache { reason } => html! {
                <div class="status warning" role="status" id="finders-offline">
                    <p><strong>{ tr(lang, "Offline: gespeichertes Verzeichnis", "Offline: saved directory") }</strong></p>
                    <p>{ i18n::error_text(lang, reason) }</p>
                    <p>{ format!("{} {} ({})", tr(lang, "Zuletzt aktualisiert:", "Last updated:"),
                        date_time(lang, s.fetched_at), i18n::age(lang, props.now - s.fetched_at)) }</p>
                    <button type="button" class="secondary" onclick={refresh}>{ tr(lang, "Erneut laden", "Reload") }</button>
                </div>
            },
        },
    };

    let body = if let FinderLoad::Ready(s) = &props.load {
        let hits = search(&s.finders, &query, *category, *group);
        let favs: Vec<&Finder> = s.favourites.iter().filter_map(|id| s.finders.iter().find(|f| &f.id == id)).collect();
        let count = match (lang, hits.len()) {
            (Lang::De, 1) => "1 Treffer".to_string(),
            (Lang::De, n) => format!("{n} Treffer"),
            (Lang::En, 1) => "1 result".to_string(),
            (Lang::En, n) => format!("{n} results"),
        };
        let card = |f: &Finder, section: &str| {
            html! { <FinderCard lang={lang} finder={f.clone()} favourite={s.favourites.contains(&f.id)}
            section={section.to_string()}
            on_open={props.on_open.clone()} on_favourite={props.on_favourite.clone()} /> }
        };
        html! {
            <>
                if !favs.is_empty() {
                    <section aria-labelledby="fav-heading">
                        <h2 id="fav-heading">{ tr(lang, "Ihre Favoriten", "Your favourites") }</h2>
                        <ul class="cards" id="favourites">{ for favs.iter().map(|f| card(f, "fav")) }</ul>
                    </section>
                }
                <section aria-labelledby="results-heading">
                    <h2 id="results-heading">{ tr(lang, "Suchportale", "Search portals") }</h2>
                    <p id="result-count" role="status" aria-live="polite">{ count }</p>
                    if hits.is_empty() {
                        <p>{ tr(lang,
                            "Nichts gefunden. Versuchen Sie ein anderes Wort, zum Beispiel „Kita“, „Pflege“ oder „Arzt“, oder entfernen Sie einen Filter.",
                            "Nothing found. Try another word, for example “childcare”, “care” or “doctor”, or remove a filter.") }</p>
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
            <h1 tabindex="-1" class="page-title">{ tr(lang, "Kapazitätsfinder", "Capacity finders") }</h1>
            <p class="lead">{ tr(lang,
                "Freie Plätze und Termine finden: die Suchportale der Stadt und ihrer Partner für Kinderbetreuung, Pflege, Hebammen, Arzttermine, Wohnen und mehr – an einem Ort.",
                "Find free places and appointments: the search portals of the city and its partners for childcare, care, midwives, doctor's appointments, housing and more – in one place.") }</p>
            { status }
            if let Some(e) = &props.open_error {
                <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p>
            }
            <form class="card" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="finder-search">{ tr(lang, "Wonach suchen Sie?", "What are you looking for?") }</label>
                <p id="finder-search-hint" class="hint">{ tr(lang, "Zum Beispiel: Kita, Pflegeheim, Hebamme, Arzttermin", "For example: childcare, nursing home, midwife, doctor's appointment") }</p>
                <input id="finder-search" type="search" autocomplete="off" value={(*query).clone()} {oninput}
                    aria-describedby="finder-search-hint" />
                <div class="filters">
                    <div>
                        <label for="category-select">{ tr(lang, "Thema", "Topic") }</label>
                        <select id="category-select" onchange={on_category}>
                            <option value="" selected={category.is_none()}>{ tr(lang, "Alle Themen", "All topics") }</option>
                            { for Category::ALL.iter().map(|c| html! {
                                <option value={code(c)} selected={*category == Some(*c)}>{ names(lang, c.names()) }</option>
                            }) }
                        </select>
                    </div>
                    <div>
                        <label for="group-select">{ tr(lang, "Für wen?", "For whom?") }</label>
                        <select id="group-select" onchange={on_group}>
                            <option value="" selected={group.is_none()}>{ tr(lang, "Alle", "Everyone") }</option>
                            { for TargetGroup::ALL.iter().filter(|g| **g != TargetGroup::Everyone).map(|g| html! {
                                <option value={code(g)} selected={*group == Some(*g)}>{ names(lang, g.names()) }</option>
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
    let english = lang == Lang::En;
    let languages = f.languages.iter().map(|l| l.to_uppercase()).collect::<Vec<_>>().join(", ");
    html! {
        <li>
            <article class="finder" aria-labelledby={title_id.clone()}>
                <h3 id={title_id.clone()}>{ f.name(english) }</h3>
                <p>{ f.description(english) }</p>
                <p class="finder-meta">
                    { format!("{} {}", tr(lang, "Betrieben von", "Run by"), f.operator) }
                    { " · " }{ names(lang, f.category.names()) }
                    { " · " }{ format!("{} {languages}", tr(lang, "Sprachen:", "Languages:")) }
                </p>
                if let Some(a) = &f.accessibility_de {
                    <p class="finder-access">{ format!("{} {a}", tr(lang, "Barrierefreiheit:", "Accessibility:")) }</p>
                }
                if f.login_required {
                    <p class="badge">{ tr(lang, "Anmeldung beim Anbieter nötig", "Requires an account with the provider") }</p>
                }
                <div class="actions">
                    <button type="button" onclick={open(OpenVia::Web)} aria-describedby={title_id.clone()}>
                        { tr(lang, "Website öffnen", "Open website") }
                    </button>
                    if let Some(phone) = &f.phone {
                        <button type="button" class="secondary" onclick={open(OpenVia::Phone)} aria-describedby={title_id.clone()}>
                            { format!("{} {phone}", tr(lang, "Anrufen:", "Call:")) }
                        </button>
                    }
                    <button type="button" class="secondary" onclick={toggle} aria-pressed={if props.favourite { "true" } else { "false" }}
                        aria-describedby={title_id}>
                        { if props.favourite { tr(lang, "★ Favorit", "★ Favourite") } else { tr(lang, "☆ Als Favorit merken", "☆ Add to favourites") } }
                    </button>
                </div>
                if let Some(d) = &f.last_checked {
                    <p class="hint">{ format!("{} {d}", tr(lang, "Adresse zuletzt geprüft am", "Address last checked on")) }</p>
                }
            </article>
        </li>
    }
}
