//! Kiosk mode on a shared device: a session ends after a while without
//! input (with a warning the person can answer) or when they say so. The
//! shell then removes what the session left; this page starts afresh.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{tr, Lang};

#[derive(Properties, PartialEq)]
pub struct KioskProps {
    pub lang: Lang,
    /// Seconds without input before the session ends.
    pub idle_secs: u32,
    pub on_end: Callback<()>,
}

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

    // Any key, pointer, touch or wheel counts as someone being there.
    {
        let last_input = last_input.clone();
        use_effect_with((), move |_| {
            let doc = web_sys::window().and_then(|w| w.document());
            let cb = Closure::<dyn Fn()>::new(move || *last_input.borrow_mut() = js_sys::Date::now());
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
        })
    };
    let end = props.on_end.reform(|_| ());
    html! {
        <div class="kiosk-backdrop">
            <div class="kiosk-dialog card" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-title" aria-describedby="kiosk-text">
                <h2 id="kiosk-title">{ tr(lang, "Sind Sie noch da?", "Are you still there?") }</h2>
                <p id="kiosk-text">{ format!("{} {n} {}", tr(lang, "Ohne Eingabe endet Ihre Sitzung in", "Without input your session ends in"),
                    tr(lang, "Sekunden. Dann wird alles gelöscht, was Sie auf diesem Gerät eingegeben haben; Meldungen, die noch warten, werden trotzdem gesendet.",
                        "seconds. Then everything you entered on this device is deleted; reports still waiting are sent all the same.")) }</p>
                <div class="actions">
                    <button type="button" ref={stay_ref} onclick={stay}>{ tr(lang, "Weiter benutzen", "Keep using") }</button>
                    <button type="button" class="secondary" onclick={end}>{ tr(lang, "Sitzung jetzt beenden", "End session now") }</button>
                </div>
            </div>
        </div>
    }
}
