//! "Meine Daten": everything the portal holds about the signed-in person,
//! saved as a file (GDPR Art. 15 and 20). The portal asks for a sign-in at
//! level 3 ("substantiell") for it; signed in lower, the section says which
//! level is needed and offers that sign-in, then fetches the file, so the
//! person is back where they were without pressing again. Deleting the
//! account (GDPR Art. 17) is asked once more before it is done, and needs
//! the same level.

use muc_wire::ipc::{cmd, AppError, ErrorKind, Exported, LoginArgs};
use muc_wire::personal::TrustLevel;
use yew::prelude::*;

use crate::i18n::{self, t, Lang};
use crate::ipc;

/// What the person asked for.
#[derive(Clone, Copy, PartialEq)]
enum Action {
    Export,
    Delete,
}

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Working(Action),
    Done(Exported),
    /// "Really delete?"
    Confirming,
    /// The portal wants a sign-in at this level for the action.
    NeedsLevel(TrustLevel, Action),
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
    /// The account was deleted and this device signed out: how many
    /// reports the city keeps without the person.
    #[prop_or_default]
    pub on_deleted: Callback<u64>,
}

/// Does what was asked; a too-low level becomes the offer to sign in again.
fn run(action: Action, step: UseStateHandle<Step>, on_deleted: Callback<u64>) {
    step.set(Step::Working(action));
    wasm_bindgen_futures::spawn_local(async move {
        let answer = match action {
            Action::Export => ipc::ask::<cmd::ExportMyData>().await.map(Step::Done),
            Action::Delete => ipc::ask::<cmd::DeleteMyAccount>().await.map(|d| {
                on_deleted.emit(d.reports_kept);
                Step::Idle
            }),
        };
        step.set(match answer {
            Ok(next) => next,
            Err(AppError { kind: ErrorKind::LevelNeeded(level), .. }) => Step::NeedsLevel(level, action),
            Err(e) => Step::Failed(e),
        });
    });
}

#[component]
pub fn MyData(props: &MyDataProps) -> Html {
    let lang = props.lang;
    let step = use_state(|| Step::Idle);
    let act = {
        let (step, on_deleted) = (step.clone(), props.on_deleted.clone());
        Callback::from(move |action: Action| run(action, step.clone(), on_deleted.clone()))
    };
    let to = |next: Step| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(next.clone()))
    };
    let on_step_up = {
        let (step, signed_in, act) = (step.clone(), props.on_signed_in.clone(), act.clone());
        Callback::from(move |(level, action): (TrustLevel, Action)| {
            let (step, signed_in, act) = (step.clone(), signed_in.clone(), act.clone());
            step.set(Step::SigningIn(level));
            wasm_bindgen_futures::spawn_local(async move {
                match ipc::call::<cmd::Login>(LoginArgs { level: Some(level), issuer: None }).await {
                    Ok(_) => {
                        signed_in.emit(());
                        act.emit(action);
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
    let reached = props.level.map(|l| crate::i18n::words::level(lang, l)).unwrap_or(t(lang, "unknown"));
    let state = match &*step {
        Step::Idle => html! {},
        Step::Working(action) => html! {
            <p role="status" aria-busy="true">{ match action {
                Action::Export => t(lang, "fetching-your-data"),
                Action::Delete => t(lang, "deleting-your-account"),
            } }</p>
        },
        Step::Done(done) => html! {
            <p role="status" id="export-done">{ i18n::t_args(lang, "saved-as-path", &[("path", (&done.path).into())]) }</p>
        },
        Step::Confirming => html! {
            <div role="alertdialog" id="confirm-delete" aria-labelledby="confirm-delete-text" class="notice">
                <p id="confirm-delete-text">{ t(lang, "really-delete-your-account-the-portal") }</p>
                <div class="actions">
                    <button type="button" class="danger" onclick={act.reform(|_: MouseEvent| Action::Delete)}>{ t(lang, "yes-delete-my-account") }</button>
                    <button type="button" class="secondary" onclick={to(Step::Idle)}>{ t(lang, "no-keep-it") }</button>
                </div>
            </div>
        },
        Step::NeedsLevel(level, action) => {
            let (level, action) = (*level, *action);
            let what = match action {
                Action::Export => "level-needed-export",
                Action::Delete => "level-needed-delete",
            };
            html! {
                <div role="alert" id="level-needed" class="notice">
                    <p>{ i18n::t_args(lang, what, &[("level", crate::i18n::words::level(lang, level).into()), ("reached", reached.into())]) }</p>
                    <p class="hint">{ t(lang, "for-that-you-sign-in-once") }</p>
                    <button type="button" onclick={on_step_up.reform(move |_: MouseEvent| (level, action))}>
                        { t(lang, "sign-in-again-at-the-higher") }
                    </button>
                </div>
            }
        }
        Step::SigningIn(_) => html! {
            <>
                <p role="status" id="step-up-waiting">{ t(lang, "please-sign-in-in-your-browser") }</p>
                <button type="button" class="secondary" onclick={on_cancel}>{ t(lang, "cancel") }</button>
            </>
        },
        Step::Failed(e) => {
            html! { <p role="alert" class="field-error" id="export-error">{ i18n::error_text(lang, e) }</p> }
        }
    };
    let busy = matches!(*step, Step::Working(_) | Step::SigningIn(_) | Step::Confirming);
    html! {
        <section class="card" aria-labelledby="my-data-heading">
            <h2 id="my-data-heading">{ t(lang, "my-data") }</h2>
            <p id="my-data-hint">{ t(lang, "everything-the-portal-holds-about-you") }</p>
            <div class="actions">
                <button type="button" aria-describedby="my-data-hint" disabled={busy} onclick={act.reform(|_: MouseEvent| Action::Export)}>
                    { t(lang, "download-my-data") }
                </button>
                <button type="button" class="secondary" disabled={busy} onclick={to(Step::Confirming)}>
                    { t(lang, "delete-my-account") }
                </button>
            </div>
            { state }
        </section>
    }
}
