//! "Benachrichtigungen": the inbox (newest first, new ones marked; read,
//! unread, delete, open; filtered by topic) and what the person wants to
//! hear of: desktop notifications, topics, Stadtbezirke, quiet hours.

use muc_wire::ipc::{NoticeSettings, Notices as NoticeList};
use muc_wire::notify::{Topic, DISTRICT_NAMES};
use yew::prelude::*;

use crate::i18n::date_time;
use crate::i18n::{self, t, Lang};
use crate::load::Load;

/// A change to one notice: its key, read (Some) and/or deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkOne {
    pub key: String,
    pub read: Option<bool>,
    pub deleted: bool,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub load: Load<NoticeList>,
    pub on_read: Callback<()>,
    pub on_mark: Callback<MarkOne>,
    pub on_settings: Callback<NoticeSettings>,
    /// A notice's link (`report:<id>`, `screen:<name>`).
    pub on_open: Callback<String>,
    pub on_my_reports: Callback<()>,
}

/// "22:00" for 1320 minutes after midnight, as `<input type="time">` has it.
/// The banner's icon for a severity (the design system's info, success, warning, emergency).
fn severity_icon(s: muc_wire::notify::Severity) -> &'static str {
    use muc_wire::notify::Severity as S;
    match s {
        S::Info => "info",
        S::Success => "check",
        S::Warning => "warning",
        S::Emergency => "report",
    }
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn minutes(hhmm: &str) -> Option<u16> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let filter = use_state(|| None::<Topic>);
    let body = match &props.load {
        Load::Loading => html! { <p role="status">{ t(lang, "loading") }</p> },
        Load::Failed(e) => html! { <p role="alert" class="field-error">{ i18n::error_text(lang, e) }</p> },
        Load::Ready(list) => {
            let unread = list.notices.iter().filter(|n| !n.read).count();
            let shown: Vec<_> = list.notices.iter().filter(|n| filter.is_none_or(|t| n.topic == t)).collect();
            let on_filter = {
                let filter = filter.clone();
                Callback::from(move |e: Event| {
                    filter.set(crate::form::select_value(&e).and_then(|v| Topic::from_code(&v)));
                })
            };
            html! {
                <>
                    <p id="notices-count" role="status">{ match unread {
                        0 => t(lang, "no-new-notifications").to_string(),
                        n => i18n::t_args(lang, "new-notifications-count", &[("n", n.into())]),
                    } }</p>
                    if list.waiting {
                        <p class="hint" id="notices-waiting">{ t(lang, "not-yet-with-the-portal-sent") }</p>
                    }
                    <div class="field">
                        <label for="notices-topic">{ t(lang, "show") }</label>
                        <select id="notices-topic" onchange={on_filter}>
                            <option value="" selected={filter.is_none()}>{ t(lang, "all-topics") }</option>
                            { for Topic::ALL.iter().map(|t| html! {
                                <option value={t.code()} selected={*filter == Some(*t)}>{ crate::i18n::words::topic(lang, *t) }</option>
                            }) }
                        </select>
                    </div>
                    if list.notices.is_empty() {
                        <p>{ t(lang, "this-is-where-you-hear-when") }</p>
                    } else if shown.is_empty() {
                        <p>{ t(lang, "no-notifications-on-this-topic") }</p>
                    } else {
                        <ul class="cards" id="notices">
                            { for shown.into_iter().map(|n| {
                                let mark = |read: Option<bool>, deleted: bool| {
                                    let key = n.key.clone();
                                    props.on_mark.reform(move |_: MouseEvent| MarkOne { key: key.clone(), read, deleted })
                                };
                                let open = n.link.clone().map(|l| {
                                    let key = n.key.clone();
                                    let (on_open, on_mark) = (props.on_open.clone(), props.on_mark.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        on_mark.emit(MarkOne { key: key.clone(), read: Some(true), deleted: false });
                                        on_open.emit(l.clone());
                                    })
                                });
                                let severity = format!("notice-{}", n.severity.code());
                                html! {
                                    <li class={classes!("notice-item", severity, (!n.read).then_some("unread"))}>
                                        <p>
                                            { crate::icon::icon(severity_icon(n.severity)) }{ " " }
                                            <span class="visually-hidden">{ crate::i18n::words::severity(lang, n.severity) }{ ": " }</span>
                                            if !n.read { <span class="badge">{ t(lang, "new") }</span>{ " " } }
                                            <strong>{ &n.title }</strong>
                                        </p>
                                        <p class="hint">{ format!("{} · {}", crate::i18n::words::topic(lang, n.topic), date_time(lang, n.at)) }</p>
                                        if !n.text.is_empty() { <p class="status-note">{ &n.text }</p> }
                                        <div class="actions">
                                            if let Some(open) = open {
                                                <button type="button" onclick={open}
                                                    aria-label={i18n::t_args(lang, "open-named", &[("name", (&n.title).into())])}>{ t(lang, "open") }</button>
                                            }
                                            if n.read {
                                                <button type="button" class="secondary" onclick={mark(Some(false), false)}
                                                    aria-label={i18n::t_args(lang, "mark-as-unread-named", &[("name", (&n.title).into())])}>{ t(lang, "mark-as-unread") }</button>
                                            } else {
                                                <button type="button" class="secondary" onclick={mark(Some(true), false)}
                                                    aria-label={i18n::t_args(lang, "mark-as-read-named", &[("name", (&n.title).into())])}>{ t(lang, "mark-as-read") }</button>
                                            }
                                            <button type="button" class="secondary" onclick={mark(None, true)}
                                                aria-label={i18n::t_args(lang, "delete-named", &[("name", (&n.title).into())])}>{ t(lang, "delete") }</button>
                                        </div>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                    <div class="actions">
                        if unread > 0 {
                            <button type="button" onclick={props.on_read.reform(|_| ())}>{ t(lang, "mark-all-as-read") }</button>
                        }
                        <button type="button" class="secondary" onclick={props.on_my_reports.reform(|_| ())}>{ t(lang, "my-reports") }</button>
                    </div>
                    <Settings lang={lang} settings={list.settings.clone()} on_settings={props.on_settings.clone()} />
                </>
            }
        }
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ t(lang, "notifications") }</h1>
            { body }
        </>
    }
}

/// One control's change to the settings.
type Change = std::rc::Rc<dyn Fn(&mut NoticeSettings, &Event)>;

#[derive(Properties, PartialEq)]
struct SettingsProps {
    lang: Lang,
    settings: NoticeSettings,
    on_settings: Callback<NoticeSettings>,
}

/// Each change is kept at once (no separate save that could be forgotten).
#[component]
fn Settings(props: &SettingsProps) -> Html {
    let (lang, s) = (props.lang, &props.settings);
    let with = |f: Change| {
        let (s, on) = (s.clone(), props.on_settings.clone());
        Callback::from(move |e: Event| {
            let mut next = s.clone();
            f(&mut next, &e);
            on.emit(next);
        })
    };
    let checked = |e: &Event| {
        use wasm_bindgen::JsCast;
        e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
    };
    let quiet = s.quiet;
    html! {
        <section aria-labelledby="notice-settings-title">
            <h2 id="notice-settings-title">{ t(lang, "settings") }</h2>
            <div class="check">
                <input type="checkbox" id="desktop-notices" checked={s.desktop}
                    onchange={with(std::rc::Rc::new(move |n, e| n.desktop = checked(e)))} />
                <label for="desktop-notices">{ t(lang, "also-show-as-a-desktop-notification") }</label>
            </div>
            <fieldset>
                <legend>{ t(lang, "topics-you-want-to-hear-about") }</legend>
                <p class="hint">{ t(lang, "news-of-your-own-reports-always") }</p>
                { for Topic::PUBLIC.iter().map(|t| {
                    let t = *t;
                    let id = format!("topic-{}", t.code());
                    html! {
                        <div class="check">
                            <input type="checkbox" id={id.clone()} checked={s.topics.contains(&t)}
                                onchange={with(std::rc::Rc::new(move |n, e| {
                                    n.topics.retain(|x| *x != t);
                                    if checked(e) { n.topics.push(t); }
                                }))} />
                            <label for={id}>{ crate::i18n::words::topic(lang, t) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <details>
                <summary>{ match s.districts.len() {
                    0 => t(lang, "districts-all-of-munich").to_string(),
                    n => i18n::t_args(lang, "districts-chosen-count", &[("n", n.into())]),
                } }</summary>
                <fieldset>
                    <legend>{ t(lang, "only-from-these-districts-none-chosen") }</legend>
                    { for DISTRICT_NAMES.iter().enumerate().map(|(i, name)| {
                        let d = u8::try_from(i + 1).unwrap_or(1);
                        let id = format!("district-{d}");
                        html! {
                            <div class="check">
                                <input type="checkbox" id={id.clone()} checked={s.districts.contains(&d)}
                                    onchange={with(std::rc::Rc::new(move |n, e| {
                                        n.districts.retain(|x| *x != d);
                                        if checked(e) { n.districts.push(d); }
                                    }))} />
                                <label for={id}>{ format!("{d} {name}") }</label>
                            </div>
                        }
                    }) }
                </fieldset>
            </details>
            <fieldset>
                <legend>{ t(lang, "quiet-hours") }</legend>
                <div class="check">
                    <input type="checkbox" id="quiet-hours" checked={quiet.is_some()}
                        onchange={with(std::rc::Rc::new(move |n, e| n.quiet = checked(e).then_some((22 * 60, 7 * 60))))} />
                    <label for="quiet-hours">{ t(lang, "no-desktop-notification-in-these-hours") }</label>
                </div>
                if let Some((from, until)) = quiet {
                    <div class="field">
                        <label for="quiet-from">{ t(lang, "from-2") }</label>
                        <input type="time" id="quiet-from" value={hhmm(from)}
                            onchange={with(std::rc::Rc::new(move |n, e| {
                                if let Some(m) = crate::form::input_value(e).as_deref().and_then(minutes) { n.quiet = Some((m, until)); }
                            }))} />
                    </div>
                    <div class="field">
                        <label for="quiet-until">{ t(lang, "until") }</label>
                        <input type="time" id="quiet-until" value={hhmm(until)}
                            onchange={with(std::rc::Rc::new(move |n, e| {
                                if let Some(m) = crate::form::input_value(e).as_deref().and_then(minutes) { n.quiet = Some((from, m)); }
                            }))} />
                    </div>
                }
            </fieldset>
        </section>
    }
}
