//! Kiosk mode on a shared device: a session ends after a while without
//! input (with a warning the person can answer) or when they say so. The
//! shell then removes what the session left; this page starts afresh.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{t, Lang};

#[derive(Properties, PartialEq)]
pub struct KioskProps {
    pub lang: Lang,
    /// Seconds without input before the session ends.
    pub idle_secs: u32,
    pub on_end: Callback<()>,
}

/// How often, at most, the page tells the shell someone is there.
const ACTIVITY_EVERY_MS: f64 = 2000.0;

/// The warning shows this long before the end (a third of the time at most).
pub fn warn_secs(idle_secs: u32) -> u32 {
    (idle_secs / 3).clamp(1, 30)
}

#[component]
pub fn KioskGuard(props: &KioskProps) -> Html {
    let lang = props.lang;
    let last_input = use_mut_ref(js_sys::Date::now);
    let left = use_state(|| None::<u32>);
    let ended = use_mut_ref(|| false);
    let stay_ref = use_node_ref();

    // Any key, pointer, touch or wheel counts as someone being there. The
    // shell hears of it too (at most every few seconds): it ends a session
    // itself when the page stops reporting, so a hung page keeps nothing alive.
    {
        let last_input = last_input.clone();
        let last_told = use_mut_ref(|| 0.0f64);
        use_effect_with((), move |_| {
            let doc = web_sys::window().and_then(|w| w.document());
            let cb = Closure::<dyn Fn()>::new(move || {
                let now = js_sys::Date::now();
                *last_input.borrow_mut() = now;
                if now - *last_told.borrow() >= ACTIVITY_EVERY_MS {
                    *last_told.borrow_mut() = now;
                    wasm_bindgen_futures::spawn_local(async {
                        let _ = crate::ipc::ask::<muc_wire::ipc::cmd::KioskActivity>().await;
                    });
                }
            });
            let events = ["keydown", "pointerdown", "touchstart", "wheel", "input"];
            if let Some(d) = &doc {
                for ev in events {
                    let _ = d.add_event_listener_with_callback(ev, cb.as_ref().unchecked_ref());
                }
            }
            // The closure lives as long as the listeners.
            move || {
                if let Some(d) = doc {
                    for ev in events {
                        let _ = d.remove_event_listener_with_callback(ev, cb.as_ref().unchecked_ref());
                    }
                }
            }
        });
    }
    // Once a second: warn, or end.
    {
        let (last_input, left, ended, on_end, idle) =
            (last_input.clone(), left.clone(), ended.clone(), props.on_end.clone(), props.idle_secs);
        use_effect_with(idle, move |_| {
            let tick = gloo_timers::callback::Interval::new(1000, move || {
                let idle_for = ((js_sys::Date::now() - *last_input.borrow()) / 1000.0) as u32;
                if idle_for >= idle {
                    if !std::mem::replace(&mut *ended.borrow_mut(), true) {
                        on_end.emit(());
                    }
                } else if idle_for + warn_secs(idle) >= idle {
                    left.set(Some(idle - idle_for));
                } else if left.is_some() {
                    left.set(None);
                }
            });
            move || drop(tick)
        });
    }
    // Focus moves to the answer when the warning shows.
    {
        let stay_ref = stay_ref.clone();
        use_effect_with(left.is_some(), move |shown| {
            if *shown {
                if let Some(b) = stay_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }
    let Some(n) = *left else { return html! {} };
    let stay = {
        let (last_input, left) = (last_input.clone(), left.clone());
        Callback::from(move |_| {
            *last_input.borrow_mut() = js_sys::Date::now();
            left.set(None);
            wasm_bindgen_futures::spawn_local(async {
                let _ = crate::ipc::ask::<muc_wire::ipc::cmd::KioskActivity>().await;
            });
        })
    };
    let end = props.on_end.reform(|_| ());
    html! {
        <div class="kiosk-backdrop">
            <div class="kiosk-dialog card" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-title" aria-describedby="kiosk-text">
                <h2 id="kiosk-title">{ t(lang, "are-you-still-there") }</h2>
                <p id="kiosk-text">{ crate::i18n::t_args(lang, "kiosk-ends-in", &[("n", n.into())]) }</p>
                <div class="actions">
                    <button type="button" ref={stay_ref} onclick={stay}>{ t(lang, "keep-using") }</button>
                    <button type="button" class="secondary" onclick={end}>{ t(lang, "end-session-now") }</button>
                </div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BlockedProps {
    pub lang: Lang,
    /// What the shell could not remove (for the helper).
    pub problem: String,
    pub on_retry: Callback<()>,
}

/// The last session's data could not all be removed: the next person must
/// not use the device until a helper has looked. Covers the whole screen.
#[component]
pub fn SessionBlocked(props: &BlockedProps) -> Html {
    let lang = props.lang;
    let retry_ref = use_node_ref();
    {
        let retry_ref = retry_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = retry_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let retry = props.on_retry.reform(|_| ());
    html! {
        <div class="kiosk-backdrop kiosk-blocked">
            <div class="kiosk-dialog card" role="alertdialog" aria-modal="true" aria-labelledby="blocked-title" aria-describedby="blocked-text">
                <h2 id="blocked-title">{ t(lang, "device-locked") }</h2>
                <p id="blocked-text">{ crate::i18n::error_text(lang, &muc_wire::ipc::AppError::new(muc_wire::ipc::ErrorKind::SessionNotEnded, "")) }</p>
                <p class="detail">{ t(lang, "for-the-team") }<code>{ props.problem.clone() }</code></p>
                <div class="actions">
                    <button type="button" ref={retry_ref} onclick={retry}>{ t(lang, "delete-again") }</button>
                </div>
            </div>
        </div>
    }
}
