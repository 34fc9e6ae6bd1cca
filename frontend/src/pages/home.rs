use yew::prelude::*;

use crate::i18n::{tr, Lang};
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
        let nav = props.on_navigate.clone();
        let onclick = Callback::from(move |_| nav.emit(screen.clone()));
        let soon = (!ready).then(|| {
            html! {
                <span class="badge">{ tr(lang, "In Vorbereitung", "Coming soon") }</span>
            }
        });
        html! {
            <li>
                <button type="button" class="tile" {onclick}>
                    <span class="tile-title">{ title }</span>
                    <span class="tile-text">{ text }</span>
                    { for soon }
                </button>
            </li>
        }
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ tr(lang, "Willkommen in der München App", "Welcome to the Munich app") }</h1>
            <p class="lead">{ tr(lang,
                "Dienste der Landeshauptstadt München an einem Ort. Wählen Sie einen Bereich.",
                "Services of the City of Munich in one place. Choose an area.") }</p>
            <ul class="tiles">
                { tile(Screen::Hotspots,
                    tr(lang, "Freies WLAN (M-WLAN)", "Free Wi-Fi (M-WLAN)"),
                    tr(lang, "Kostenlose WLAN-Hotspots der Stadt in Ihrer Nähe finden.", "Find the city's free Wi-Fi hotspots near you."),
                    true) }
                { tile(Screen::Report, tr(lang, "Anliegen melden", "Report an issue"),
                    tr(lang, "Schäden und Probleme im Stadtgebiet melden und verfolgen.", "Report damage and problems in the city and follow them up."), true) }
                { tile(Screen::Finders, tr(lang, "Kapazitätsfinder", "Capacity finders"),
                    tr(lang, "Kita, Pflege, Hebammen, Ärzte: die Suchportale an einem Ort.", "Childcare, care, midwives, doctors: the search portals in one place."), true) }
                { tile(Screen::Notices, tr(lang, "Benachrichtigungen", "Notifications"),
                    tr(lang, "Was sich bei Ihren Meldungen getan hat.", "What happened with your reports."), true) }
                { tile(Screen::Personal, tr(lang, "Persönlicher Bereich", "Personal area"),
                    tr(lang, "Anmeldung mit M-Login oder BayernID, Ihre Meldungen auf allen Geräten.", "Sign in with M-Login or BayernID, your reports on all your devices."), true) }
            </ul>
        </>
    }
}
