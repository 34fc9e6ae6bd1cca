//! "Mein Profil" in the personal area: data given once (name, e-mail, postal
//! address, preferred language), kept in the portal only with the person's
//! consent to the text shown here, which they tick themselves. Revoking the
//! consent deletes the profile. Forms offer it later, and ask each time.

use muc_wire::ipc::{AppError, SaveProfileArgs};
use muc_wire::personal::{MyProfile, Profile};
use yew::prelude::*;

use crate::form::{bind_text, input_value};
use crate::i18n::{self, t, Lang};
use crate::load::Load;

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub lang: Lang,
    pub load: Load<MyProfile>,
    pub busy: bool,
    pub error: Option<AppError>,
    /// What was done last ("saved", "revoked"), said once.
    #[prop_or_default]
    pub done: Option<&'static str>,
    pub on_save: Callback<SaveProfileArgs>,
    pub on_revoke: Callback<()>,
}

#[component]
pub fn ProfileSection(props: &ProfileProps) -> Html {
    let lang = props.lang;
    let kept = match &props.load {
        Load::Ready(m) => m.profile.clone().unwrap_or_default(),
        _ => Profile::default(),
    };
    let first = use_state(String::new);
    let last = use_state(String::new);
    let email = use_state(String::new);
    let address = use_state(String::new);
    let language = use_state(String::new);
    let ticked = use_state(|| false);
    {
        // The form shows what the portal keeps, whenever that changes.
        let (first, last, email, address, language, ticked) =
            (first.clone(), last.clone(), email.clone(), address.clone(), language.clone(), ticked.clone());
        use_effect_with(kept.clone(), move |p| {
            first.set(p.first_name.clone().unwrap_or_default());
            last.set(p.last_name.clone().unwrap_or_default());
            email.set(p.email.clone().unwrap_or_default());
            address.set(p.postal_address.clone().unwrap_or_default());
            language.set(p.language.clone().unwrap_or_default());
            ticked.set(false);
        });
    }
    let m = match &props.load {
        Load::Loading => return html! { <p role="status">{ t(lang, "loading-the-profile") }</p> },
        Load::Failed(e) => {
            return html! { <p role="alert" class="field-error" id="profile-error">{ i18n::error_text(lang, e) }</p> }
        }
        Load::Ready(m) => m.clone(),
    };
    let in_force = m.consent.is_some();
    let onsubmit = {
        let (first, last, email, address, language, ticked) =
            (first.clone(), last.clone(), email.clone(), address.clone(), language.clone(), ticked.clone());
        let (cb, version) = (props.on_save.clone(), m.consent_text.version);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let some = |s: &UseStateHandle<String>| Some((**s).clone());
            let profile = Profile {
                first_name: some(&first),
                last_name: some(&last),
                email: some(&email),
                postal_address: some(&address),
                language: some(&language),
            };
            cb.emit(SaveProfileArgs { profile, consent_version: (!in_force && *ticked).then_some(version) });
        })
    };
    let text = if lang.english() { &m.consent_text.text_en } else { &m.consent_text.text_de };
    let can_save = in_force || *ticked;
    html! {
        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{ t(lang, "my-profile") }</h2>
            <p class="hint">{ t(lang, "give-it-once-use-it-later") }</p>
            if let Some(e) = &props.error {
                <p role="alert" class="field-error" id="profile-error">{ i18n::error_text(lang, e) }{ " " }{ e.detail.clone() }</p>
            }
            if let Some(done) = props.done {
                <p role="status" id="profile-done" class="notice">{ match done {
                    "revoked" => t(lang, "consent-revoked-your-profile-is-deleted"),
                    _ => t(lang, "your-profile-is-saved"),
                } }</p>
            }
            <form id="profile-form" {onsubmit}>
                <div class="field">
                    <label for="profile-first">{ t(lang, "first-name") }</label>
                    <input id="profile-first" autocomplete="given-name" value={(*first).clone()} oninput={bind_text(first.clone())} />
                </div>
                <div class="field">
                    <label for="profile-last">{ t(lang, "last-name") }</label>
                    <input id="profile-last" autocomplete="family-name" value={(*last).clone()} oninput={bind_text(last.clone())} />
                </div>
                <div class="field">
                    <label for="profile-email">{ t(lang, "e-mail-address") }</label>
                    <input id="profile-email" type="email" autocomplete="email" value={(*email).clone()} oninput={bind_text(email.clone())} />
                </div>
                <div class="field">
                    <label for="profile-address">{ t(lang, "postal-address") }</label>
                    <textarea id="profile-address" rows="3" autocomplete="street-address" value={(*address).clone()}
                        oninput={{ let a = address.clone(); Callback::from(move |e: InputEvent| a.set(input_value(&e.into()).unwrap_or_default())) }} />
                </div>
                <div class="field">
                    <label for="profile-language">{ t(lang, "preferred-language") }</label>
                    <select id="profile-language" onchange={{ let l = language.clone(); Callback::from(move |e: Event| l.set(input_value(&e).unwrap_or_default())) }}>
                        <option value="" selected={language.is_empty()}>{ t(lang, "not-given") }</option>
                        <option value="de" selected={*language == "de"} lang="de">{ "Deutsch" }</option>
                        <option value="en" selected={*language == "en"} lang="en">{ "English" }</option>
                    </select>
                </div>
                if let Some(c) = &m.consent {
                    <p id="profile-consent-given">{ i18n::t_args(lang, "consented-on-version", &[("date", i18n::date(lang, &c.given_at).into()), ("version", c.version.to_string().into())]) }</p>
                } else {
                    <div class="check">
                        <input type="checkbox" id="profile-consent" checked={*ticked}
                            onchange={{ let t = ticked.clone(); Callback::from(move |_| t.set(!*t)) }} />
                        <label for="profile-consent" id="profile-consent-text">{ text.clone() }{ " " }{ i18n::t_args(lang, "text-version-is", &[("version", m.consent_text.version.to_string().into())]) }</label>
                    </div>
                }
                <div class="actions">
                    <button type="submit" disabled={props.busy || !can_save} aria-describedby={(!can_save).then_some("profile-consent-text")}>
                        { t(lang, "save-profile") }</button>
                    if in_force {
                        <button type="button" class="secondary" id="profile-revoke" disabled={props.busy}
                            onclick={props.on_revoke.reform(|_| ())}>
                            { t(lang, "revoke-consent-and-delete-the-profile") }</button>
                    }
                </div>
            </form>
        </section>
    }
}
