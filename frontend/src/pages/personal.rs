//! "Persönlicher Bereich": signing in with the city's identity provider
//! (M-Login, BayernID). The page shows a name, never a token; signing in
//! happens in the system browser, and the app waits for it.

use muc_wire::ipc::{AppError, FavouriteSync, LoginStatus};
use muc_wire::personal::{Favourite, FavouriteKind};
use yew::prelude::*;

use crate::i18n::{self, tr, Lang};
use crate::load::Load;

#[derive(Properties, PartialEq)]
pub struct PersonalProps {
    pub lang: Lang,
    pub status: Load<LoginStatus>,
    /// Waiting for the browser.
    pub signing_in: bool,
    pub error: Option<AppError>,
    /// Sign in: at the first provider (None) or at the one of this issuer.
    pub on_login: Callback<Option<String>>,
    pub on_cancel: Callback<()>,
    pub on_logout: Callback<()>,
    pub on_my_reports: Callback<()>,
    /// The favourites with their names, in the order added.
    #[prop_or_default]
    pub favourites: Vec<Pinned>,
    /// Whether the account has them (None: not known yet).
    #[prop_or_default]
    pub favourites_sync: Option<FavouriteSync>,
    #[prop_or_default]
    pub on_open_favourite: Callback<Favourite>,
    #[prop_or_default]
    pub on_remove_favourite: Callback<Favourite>,
    #[prop_or_default]
    pub on_finders: Callback<()>,
    /// "Mein Profil", shown when signed in (see `profile.rs`).
    #[prop_or_default]
    pub profile: Html,
    /// A new sign-in happened elsewhere on the page (a higher level).
    #[prop_or_default]
    pub on_signed_in: Callback<()>,
    /// The account was deleted: reports the city keeps without the person.
    #[prop_or_default]
    pub deleted: Option<u64>,
    #[prop_or_default]
    pub on_deleted: Callback<u64>,
}

/// A favourite as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    pub favourite: Favourite,
    /// Its name for people; None: no longer in the data (retired, another server's).
    pub name: Option<String>,
}

#[derive(Properties, PartialEq)]
pub struct PinScreenProps {
    pub lang: Lang,
    pub pinned: bool,
    /// With the state wanted: pinned or not.
    pub on_toggle: Callback<bool>,
}

/// The header's "pin this area" toggle. Its name stays the same whether
/// pinned or not (a screen reader says "pressed"; the star shows it), so
/// voice control finds it by what it reads.
#[component]
pub fn PinScreen(props: &PinScreenProps) -> Html {
    let (lang, pinned) = (props.lang, props.pinned);
    let toggle = props.on_toggle.reform(move |_: MouseEvent| !pinned);
    html! {
        <button type="button" id="pin-screen" class="nav-button" aria-pressed={if pinned { "true" } else { "false" }}
            onclick={toggle}>
            <span aria-hidden="true">{ if pinned { "★ " } else { "☆ " } }</span>
            { tr(lang, "Bereich merken", "Pin this area") }
        </button>
    }
}

fn kind_words(lang: Lang, k: FavouriteKind) -> &'static str {
    match k {
        FavouriteKind::Hotspot => tr(lang, "WLAN-Standort", "Wi-Fi site"),
        FavouriteKind::Finder => tr(lang, "Kapazitätsfinder", "Capacity finder"),
        FavouriteKind::Category => tr(lang, "Meldungskategorie", "Report category"),
        FavouriteKind::Screen => tr(lang, "Bereich", "Area"),
    }
}

/// Where the favourites are kept, in words.
fn sync_words(lang: Lang, sync: &FavouriteSync) -> (String, &'static str) {
    match sync {
        FavouriteSync::DeviceOnly => (
            tr(
                lang,
                "Nur auf diesem Gerät gespeichert. Melden Sie sich an, um Ihre Favoriten auf allen Geräten zu haben.",
                "Kept on this device only. Sign in to have your favourites on all your devices.",
            )
            .to_string(),
            "hint",
        ),
        FavouriteSync::Synced { .. } => (
            tr(
                lang,
                "Mit Ihrem Konto abgeglichen: auf allen Ihren Geräten gleich.",
                "In step with your account: the same on all your devices.",
            )
            .to_string(),
            "hint",
        ),
        FavouriteSync::Waiting { waiting, reason } => {
            let n = if *waiting == 1 {
                tr(lang, "1 Änderung wird", "1 change will be").to_string()
            } else {
                format!("{waiting} {}", tr(lang, "Änderungen werden", "changes will be"))
            };
            let why = reason.as_ref().map(|e| format!(" ({})", i18n::error_text(lang, e))).unwrap_or_default();
            (
                format!(
                    "{n} {}{why}",
                    tr(
                        lang,
                        "an Ihr Konto übertragen, sobald das Portal erreichbar ist. Auf diesem Gerät gilt sie schon.",
                        "sent to your account as soon as the portal can be reached. On this device it applies already."
                    )
                ),
                "status warning",
            )
        }
    }
}

#[component]
pub fn Personal(props: &PersonalProps) -> Html {
    let lang = props.lang;
    let body = match &props.status {
        Load::Loading => html! { <p role="status">{ tr(lang, "Wird geladen …", "Loading …") }</p> },
        Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
        Load::Ready(s) if !s.configured => html! {
            <p class="notice">{ tr(lang,
                "Die Anmeldung ist auf diesem Gerät nicht eingerichtet. Alles andere funktioniert ohne Anmeldung.",
                "Signing in is not set up on this device. Everything else works without signing in.") }</p>
        },
        Load::Ready(s) => match &s.session {
            Some(session) => html! {
                <>
                <section class="card" aria-labelledby="session-heading">
                    <h2 id="session-heading">{ tr(lang, "Angemeldet", "Signed in") }</h2>
                    <p id="session-name">{ format!("{} {}", tr(lang, "Sie sind angemeldet als", "You are signed in as"),
                        session.name.clone().unwrap_or_else(|| session.account_id.clone())) }</p>
                    if let Some(p) = &session.provider {
                        <p id="session-provider">{ format!("{} {p}", tr(lang, "Angemeldet mit", "Signed in with")) }</p>
                    }
                    <p id="session-level">{ format!("{} {}", tr(lang, "Anmeldestufe:", "Sign-in level:"),
                        session.level.map(|l| l.words(lang == Lang::En)).unwrap_or(tr(lang,
                            "unbekannt (das Portal war bei der Anmeldung nicht erreichbar)",
                            "unknown (the portal could not be reached when you signed in)"))) }</p>
                    <p class="hint">{ tr(lang,
                        "Meldungen, die Sie angemeldet senden, gehören zu Ihrem Konto: Sie sehen sie unter „Meine Meldungen“ auch auf Ihren anderen Geräten.",
                        "Reports you send while signed in belong to your account: you see them in “My reports” on your other devices too.") }</p>
                    <div class="actions">
                        <button type="button" onclick={props.on_my_reports.reform(|_| ())}>{ tr(lang, "Meine Meldungen", "My reports") }</button>
                        <button type="button" class="secondary" onclick={props.on_logout.reform(|_| ())}>{ tr(lang, "Abmelden", "Sign out") }</button>
                    </div>
                </section>
                { props.profile.clone() }
                <crate::pages::my_data::MyData lang={lang} level={session.level} on_signed_in={props.on_signed_in.clone()}
                    on_deleted={props.on_deleted.clone()} />
                </>
            },
            None => html! {
                <section class="card" aria-labelledby="signin-heading">
                    <h2 id="signin-heading">{ tr(lang, "Anmelden", "Sign in") }</h2>
                    <p>{ tr(lang,
                        "Mit Ihrem Konto (M-Login oder BayernID) sehen Sie Ihre Meldungen auf allen Ihren Geräten. Melden geht auch ohne Anmeldung.",
                        "With your account (M-Login or BayernID) you see your reports on all your devices. Reporting works without signing in too.") }</p>
                    <p class="hint" id="signin-hint">{ match &s.provider {
                        Some(p) => format!("{} {} {} {}", tr(lang, "Die Anmeldeseite von", "The sign-in page of"), p.name,
                            tr(lang, "öffnet sich in Ihrem Browser:", "opens in your browser:"), p.issuer),
                        None => format!("{} {}", tr(lang,
                            "Die Anmeldeseite öffnet sich in Ihrem Browser:", "The sign-in page opens in your browser:"),
                            s.issuer.clone().unwrap_or_default()),
                    } }</p>
                    if let Some(p) = s.provider.as_ref().filter(|p| !p.levels.is_empty()) {
                        <div id="signin-levels">
                            <p>{ format!("{} {}:", p.name, tr(lang, "bietet diese Anmeldestufen", "offers these sign-in levels")) }</p>
                            <ul class="plain-list">{ for p.levels.iter().map(|l| html! { <li>{ l.words(lang == Lang::En) }</li> }) }</ul>
                            <p class="hint">{ tr(lang,
                                "Wofür eine höhere Stufe nötig ist, fragt die App Sie dann, wenn es so weit ist.",
                                "Where a higher level is needed, the app asks you when you get there.") }</p>
                        </div>
                    }
                    if props.signing_in {
                        <p role="status" id="signin-waiting">{ tr(lang,
                            "Bitte melden Sie sich im Browser an. Die App wartet …",
                            "Please sign in in your browser. The app is waiting …") }</p>
                        <button type="button" class="secondary" onclick={props.on_cancel.reform(|_| ())}>{ tr(lang, "Abbrechen", "Cancel") }</button>
                    } else {
                        <div class="actions">
                            <button type="button" aria-describedby="signin-hint" onclick={props.on_login.reform(|_| None)}>{ tr(lang, "Im Browser anmelden", "Sign in in the browser") }</button>
                            { for s.more.iter().map(|p| {
                                let issuer = p.issuer.clone();
                                html! {
                                    <button type="button" class="secondary" onclick={props.on_login.reform(move |_| Some(issuer.clone()))}>
                                        { match lang {
                                            Lang::De => format!("Mit {} anmelden", p.name),
                                            Lang::En => format!("Sign in with {}", p.name),
                                        } }
                                    </button>
                                }
                            }) }
                        </div>
                    }
                </section>
            },
        },
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ tr(lang, "Persönlicher Bereich", "Personal area") }</h1>
            if let Some(kept) = props.deleted {
                <p role="status" id="account-deleted" class="notice">{ format!("{} {kept} {}", tr(lang,
                    "Ihr Konto ist gelöscht und Sie sind abgemeldet. Für die Stadt bleiben ohne Ihre Daten erhalten:",
                    "Your account is deleted and you are signed out. Kept for the city, without your data:"),
                    tr(lang, "Meldung(en).", "report(s).")) }</p>
            }
            if let Some(e) = &props.error {
                <div role="alert" class="field-error" id="login-error"><p>{ i18n::error_text(lang, e) }</p></div>
            }
            { body }
            <section class="card" aria-labelledby="favourites-heading">
                <h2 id="favourites-heading">{ tr(lang, "Ihre Favoriten", "Your favourites") }</h2>
                if props.favourites.is_empty() {
                    <p>{ tr(lang,
                        "Noch keine. Mit dem Stern merken Sie sich WLAN-Standorte, Suchportale im Kapazitätsfinder, Meldungskategorien und mit „Bereich merken“ ganze Bereiche der App.",
                        "None yet. With the star you keep Wi-Fi sites, search portals in the capacity finders, report categories and, with “Pin this area”, whole areas of the app.") }</p>
                } else {
                    <ul id="personal-favourites" class="plain-list">{ for props.favourites.iter().map(|p| {
                        let name = p.name.clone().unwrap_or_else(|| format!("{} ({})", p.favourite.id,
                            tr(lang, "nicht mehr verfügbar", "no longer available")));
                        let (open, remove) = (props.on_open_favourite.clone(), props.on_remove_favourite.clone());
                        let (f1, f2) = (p.favourite.clone(), p.favourite.clone());
                        html! {
                            <li class="favourite">
                                <span class="fav-kind">{ kind_words(lang, p.favourite.kind) }{ ": " }</span>
                                if p.name.is_some() {
                                    <button type="button" class="link-button" onclick={Callback::from(move |_| open.emit(f1.clone()))}>{ name.clone() }</button>
                                } else {
                                    <span>{ name.clone() }</span>
                                }
                                { " " }
                                <button type="button" class="secondary" aria-label={format!("{} {}", name,
                                    tr(lang, "aus den Favoriten entfernen", "remove from favourites"))}
                                    onclick={Callback::from(move |_| remove.emit(f2.clone()))}>{ tr(lang, "Entfernen", "Remove") }</button>
                            </li>
                        }
                    }) }</ul>
                }
                if let Some(sync) = &props.favourites_sync {
                    <p id="favourites-sync" class={sync_words(lang, sync).1} role="status">{ sync_words(lang, sync).0 }</p>
                }
                <button type="button" class="secondary" onclick={props.on_finders.reform(|_| ())}>{ tr(lang, "Zum Kapazitätsfinder", "To the capacity finders") }</button>
            </section>
        </>
    }
}
