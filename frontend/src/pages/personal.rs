//! "Persönlicher Bereich": signing in with the city's identity provider
//! (M-Login, BayernID). The page shows a name, never a token; signing in
//! happens in the system browser, and the app waits for it.

use muc_wire::ipc::{AppError, FavouriteSync, LoginStatus};
use muc_wire::personal::{Favourite, FavouriteKind};
use yew::prelude::*;

use crate::i18n::{self, t, Lang};
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
            { t(lang, "pin-this-area") }
        </button>
    }
}

fn kind_words(lang: Lang, k: FavouriteKind) -> &'static str {
    match k {
        FavouriteKind::Hotspot => t(lang, "wi-fi-site"),
        FavouriteKind::Finder => t(lang, "capacity-finder"),
        FavouriteKind::Category => t(lang, "report-category"),
        FavouriteKind::Screen => t(lang, "area"),
    }
}

/// Where the favourites are kept, in words.
fn sync_words(lang: Lang, sync: &FavouriteSync) -> (String, &'static str) {
    match sync {
        FavouriteSync::DeviceOnly => (t(lang, "kept-on-this-device-only-sign").to_string(), "hint"),
        FavouriteSync::Synced { .. } => (t(lang, "in-step-with-your-account-the").to_string(), "hint"),
        FavouriteSync::Waiting { waiting, reason } => {
            let n = i18n::t_args(lang, "favourite-changes-waiting", &[("n", (*waiting).into())]);
            let why = reason.as_ref().map(|e| format!(" ({})", i18n::error_text(lang, e))).unwrap_or_default();
            (format!("{n}{why}"), "status warning")
        }
    }
}

#[component]
pub fn Personal(props: &PersonalProps) -> Html {
    let lang = props.lang;
    let body = match &props.status {
        Load::Loading => html! { <p role="status">{ t(lang, "loading") }</p> },
        Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
        Load::Ready(s) if !s.configured => html! {
            <p class="notice">{ t(lang, "signing-in-is-not-set-up") }</p>
        },
        Load::Ready(s) => match &s.session {
            Some(session) => html! {
                <>
                <section class="card" aria-labelledby="session-heading">
                    <h2 id="session-heading">{ t(lang, "signed-in") }</h2>
                    <p id="session-name">{ i18n::t_args(lang, "signed-in-as", &[("name", session.name.clone().unwrap_or_else(|| session.account_id.clone()).into())]) }</p>
                    if let Some(p) = &session.provider {
                        <p id="session-provider">{ i18n::t_args(lang, "signed-in-with-provider", &[("provider", p.into())]) }</p>
                    }
                    <p id="session-level">{ i18n::t_args(lang, "sign-in-level-is", &[("level",
                        session.level.map(|l| crate::i18n::words::level(lang, l)).unwrap_or(t(lang, "unknown-the-portal-could-not-be")).into())]) }</p>
                    <p class="hint">{ t(lang, "reports-you-send-while-signed-in") }</p>
                    <div class="actions">
                        <button type="button" onclick={props.on_my_reports.reform(|_| ())}>{ t(lang, "my-reports") }</button>
                        <button type="button" class="secondary" onclick={props.on_logout.reform(|_| ())}>{ t(lang, "sign-out") }</button>
                    </div>
                </section>
                { props.profile.clone() }
                <crate::pages::my_data::MyData lang={lang} level={session.level} on_signed_in={props.on_signed_in.clone()}
                    on_deleted={props.on_deleted.clone()} />
                </>
            },
            None => html! {
                <section class="card" aria-labelledby="signin-heading">
                    <h2 id="signin-heading">{ t(lang, "sign-in") }</h2>
                    <p>{ t(lang, "with-your-account-m-login-or") }</p>
                    <p class="hint" id="signin-hint">{ match &s.provider {
                        Some(p) => i18n::t_args(lang, "sign-in-page-of-opens", &[("provider", (&p.name).into()), ("address", (&p.issuer).into())]),
                        None => i18n::t_args(lang, "sign-in-page-opens", &[("address", s.issuer.clone().unwrap_or_default().into())]),
                    } }</p>
                    if let Some(p) = s.provider.as_ref().filter(|p| !p.levels.is_empty()) {
                        <div id="signin-levels">
                            <p>{ i18n::t_args(lang, "provider-offers-levels", &[("provider", (&p.name).into())]) }</p>
                            <ul class="plain-list">{ for p.levels.iter().map(|l| html! { <li>{ crate::i18n::words::level(lang, *l) }</li> }) }</ul>
                            <p class="hint">{ t(lang, "where-a-higher-level-is-needed") }</p>
                        </div>
                    }
                    if props.signing_in {
                        <p role="status" id="signin-waiting">{ t(lang, "please-sign-in-in-your-browser") }</p>
                        <button type="button" class="secondary" onclick={props.on_cancel.reform(|_| ())}>{ t(lang, "cancel") }</button>
                    } else {
                        <div class="actions">
                            <button type="button" aria-describedby="signin-hint" onclick={props.on_login.reform(|_| None)}>{ t(lang, "sign-in-in-the-browser") }</button>
                            { for s.more.iter().map(|p| {
                                let issuer = p.issuer.clone();
                                html! {
                                    <button type="button" class="secondary" onclick={props.on_login.reform(move |_| Some(issuer.clone()))}>
                                        { i18n::t_args(lang, "sign-in-with", &[("provider", (&p.name).into())]) }
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
            <h1 tabindex="-1" class="page-title">{ t(lang, "personal-area") }</h1>
            if let Some(kept) = props.deleted {
                <p role="status" id="account-deleted" class="notice">{ i18n::t_args(lang, "account-deleted-kept", &[("n", kept.into())]) }</p>
            }
            if let Some(e) = &props.error {
                <div role="alert" class="field-error" id="login-error"><p>{ i18n::error_text(lang, e) }</p></div>
            }
            { body }
            <section class="card" aria-labelledby="favourites-heading">
                <h2 id="favourites-heading">{ t(lang, "your-favourites") }</h2>
                if props.favourites.is_empty() {
                    <p>{ t(lang, "none-yet-with-the-star-you") }</p>
                } else {
                    <ul id="personal-favourites" class="plain-list">{ for props.favourites.iter().map(|p| {
                        let name = p.name.clone().unwrap_or_else(|| format!("{} ({})", p.favourite.id,
                            t(lang, "no-longer-available")));
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
                                    t(lang, "remove-from-favourites"))}
                                    onclick={Callback::from(move |_| remove.emit(f2.clone()))}>{ t(lang, "remove") }</button>
                            </li>
                        }
                    }) }</ul>
                }
                if let Some(sync) = &props.favourites_sync {
                    <p id="favourites-sync" class={sync_words(lang, sync).1} role="status">{ sync_words(lang, sync).0 }</p>
                }
                <button type="button" class="secondary" onclick={props.on_finders.reform(|_| ())}>{ t(lang, "to-the-capacity-finders") }</button>
            </section>
        </>
    }
}
