//! "Meine Daten": everything the portal holds about the signed-in person,
//! saved as a file (GDPR Art. 15 and 20). The portal asks for a sign-in at
//! level 3 ("substantiell") for it; signed in lower, the section says which
//! level is needed and offers that sign-in, then fetches the file, so the
//! person is back where they were without pressing again.

use muc_wire::ipc::{cmd, AppError, ErrorKind, Exported, LoginArgs};
use muc_wire::personal::TrustLevel;
use yew::prelude::*;

use crate::i18n::{self, tr, Lang};
use crate::ipc;

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Exporting,
    Done(Exported),
    /// The portal wants a sign-in at this level.
    NeedsLevel(TrustLevel),
    /// Waiting for the browser: a new sign-in at this level.
    SigningIn(TrustLevel),
    Failed(AppError),
}

#[derive(Properties, PartialEq)]
pub struct MyDataProps {
    pub lang: Lang,
    /// The level of the current sign-in, if known.
    pub level: Option<TrustLevel>,
    /// A new sign-in happened (the page shows the new level).
    pub on_signed_in: Callback<()>,
}

/// Fetches the file; a too-low level becomes the offer to sign in again.
fn export(step: UseStateHandle<Step>) {
    step.set(Step::Exporting);
    wasm_bindgen_futures::spawn_local(async move {
        step.set(match ipc::ask::<cmd::ExportMyData>().await {
            Ok(done) => Step::Done(done),
            Err(AppError { kind: ErrorKind::LevelNeeded(level), .. }) => Step::NeedsLevel(level),
            Err(e) => Step::Failed(e),
        });
    });
}

#[component]
pub fn MyData(props: &MyDataProps) -> Html {
    let lang = props.lang;
    let step = use_state(|| Step::Idle);
    let on_export = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| export(step.clone()))
    };
    let on_step_up = {
        let (step, signed_in) = (step.clone(), props.on_signed_in.clone());
        Callback::from(move |level: TrustLevel| {
            let (step, signed_in) = (step.clone(), signed_in.clone());
            step.set(Step::SigningIn(level));
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::call::<cmd::Login>(LoginArgs { level: Some(level) }).await {
                    Ok(_) => {
                        signed_in.emit(());
                        export(step);
                    }
                    Err(e) => step.set(Step::Failed(e)),
                }
            });
        })
    };
    let on_cancel = Callback::from(|_: MouseEvent| {
        wasm_bindgen_futures::spawn_local(async {
            let _ = ipc::ask::<cmd::CancelLogin>().await;
        })
    });
    let reached = props.level.map(|l| l.words(lang == Lang::En)).unwrap_or(tr(lang, "unbekannt", "unknown"));
    let state = match &*step {
        Step::Idle => html! {},
        Step::Exporting => {
            html! { <p role="status" aria-busy="true">{ tr(lang, "Ihre Daten werden abgerufen …", "Fetching your data …") }</p> }
        }
        Step::Done(done) => html! {
            <p role="status" id="export-done">{ format!("{} {}", tr(lang, "Gespeichert unter:", "Saved as:"), done.path) }</p>
        },
        Step::NeedsLevel(level) => {
            let level = *level;
            html! {
                <div role="alert" id="level-needed" class="notice">
                    <p>{ format!("{} {}. {} {}.",
                        tr(lang, "Für Ihre Daten ist eine Anmeldung nötig mit", "Your data needs a sign-in at"), level.words(lang == Lang::En),
                        tr(lang, "Sie sind angemeldet mit", "You signed in at"), reached) }</p>
                    <p class="hint">{ tr(lang,
                        "Dafür melden Sie sich noch einmal an, zum Beispiel mit Ihrem ELSTER-Zertifikat oder dem Online-Ausweis. Danach werden Ihre Daten gleich gespeichert.",
                        "For that you sign in once more, for example with your ELSTER certificate or the eID card. Your data is saved right after.") }</p>
                    <button type="button" onclick={on_step_up.reform(move |_: MouseEvent| level)}>
                        { tr(lang, "Erneut anmelden, höhere Stufe", "Sign in again at the higher level") }
                    </button>
                </div>
            }
        }
        Step::SigningIn(_) => html! {
            <>
                <p role="status" id="step-up-waiting">{ tr(lang,
                    "Bitte melden Sie sich im Browser an. Die App wartet …",
                    "Please sign in in your browser. The app is waiting …") }</p>
                <button type="button" class="secondary" onclick={on_cancel}>{ tr(lang, "Abbrechen", "Cancel") }</button>
            </>
        },
        Step::Failed(e) => {
            html! { <p role="alert" class="field-error" id="export-error">{ i18n::error_text(lang, e) }</p> }
        }
    };
    let busy = matches!(*step, Step::Exporting | Step::SigningIn(_));
    html! {
        <section class="card" aria-labelledby="my-data-heading">
            <h2 id="my-data-heading">{ tr(lang, "Meine Daten", "My data") }</h2>
            <p id="my-data-hint">{ tr(lang,
                "Alles, was das Portal über Sie gespeichert hat, als Datei (JSON): Ihre Meldungen mit den Kontaktdaten, die Sie dazu angegeben haben.",
                "Everything the portal holds about you, as a file (JSON): your reports with the contact details you gave with them.") }</p>
            <button type="button" aria-describedby="my-data-hint" disabled={busy} onclick={on_export}>
                { tr(lang, "Meine Daten herunterladen", "Download my data") }
            </button>
            { state }
        </section>
    }
}
