use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::route::Screen;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub lang: Lang,
    pub on_navigate: Callback<Screen>,
}

/// The start screen: the five areas of the app.
#[component]
pub fn Home(props: &HomeProps) -> Html {
    let lang = props.lang;
    let tile = |screen: Screen, title: &'static str, text: &'static str, ready: bool| {
        let icon = screen.icon();
        let nav = props.on_navigate.clone();
        let onclick = Callback::from(move |_| nav.emit(screen.clone()));
        let soon = (!ready).then(|| {
            html! {
                <span class="badge">{ t(lang, "coming-soon") }</span>
            }
        });
        html! {
            <li>
                <button type="button" class="tile" {onclick}>
                    <span class="tile-title">{ crate::icon::icon(icon) }{ title }</span>
                    <span class="tile-text">{ text }</span>
                    { for soon }
                </button>
            </li>
        }
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ t(lang, "welcome-to-the-munich-app") }</h1>
            <p class="lead">{ t(lang, "services-of-the-city-of-munich") }</p>
            <ul class="tiles">
                { tile(Screen::Hotspots,
                    t(lang, "free-wi-fi-m-wlan"),
                    t(lang, "find-the-city-s-free-wi"),
                    true) }
                { tile(Screen::Report, t(lang, "report-an-issue"),
                    t(lang, "report-damage-and-problems-in-the"), true) }
                { tile(Screen::Finders, t(lang, "capacity-finders"),
                    t(lang, "childcare-care-midwives-doctors-the-search"), true) }
                { tile(Screen::Notices, t(lang, "notifications"),
                    t(lang, "what-happened-with-your-reports"), true) }
                { tile(Screen::Personal, t(lang, "personal-area"),
                    t(lang, "sign-in-with-m-login-or"), true) }
            </ul>
        </>
    }
}
