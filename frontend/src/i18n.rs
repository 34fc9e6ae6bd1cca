//! The person's language. Texts live in Fluent files
//! (`crates/messages/locales/*.ftl`), one per language; the code asks for a
//! message by its id (`t(lang, "start-page")`, or `t_args` with values for its
//! placeables). The shell hands the page the catalogue of the language in use
//! (with the start information, and `messages` when the person chooses
//! another); numbers, plurals and dates are written by the browser's `Intl`.

use std::cell::RefCell;
use std::collections::HashMap;

use muc_messages::{Arg, Catalogue, Pattern};
use muc_wire::ipc::{AppError, ErrorKind};
use wasm_bindgen::JsValue;

/// The app's languages (`muc_messages::LANGUAGES`, in that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    De,
    /// Leichte Sprache: German in short, plain sentences, for people who read with difficulty.
    Easy,
    En,
    Tr,
    Uk,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::De, Lang::Easy, Lang::En, Lang::Tr, Lang::Uk, Lang::Ar];

    /// Its place in [`Lang::ALL`] (and in `muc_messages::LANGUAGES`).
    fn index(self) -> usize {
        self as usize
    }

    fn language(self) -> muc_messages::Language {
        muc_messages::LANGUAGES[self.index()]
    }

    /// The app's name for it (a BCP 47 tag), as the shell and the files know it.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// For the page's `lang` and for `Intl` (Leichte Sprache is German).
    pub fn html(self) -> &'static str {
        self.language().html
    }

    /// Its name in itself.
    pub fn name(self) -> &'static str {
        self.language().name
    }

    pub fn rtl(self) -> bool {
        self.language().rtl
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// English for texts that exist only in German and English (the
    /// portal's data: finder names); German for the rest.
    pub fn english(self) -> bool {
        !matches!(self, Lang::De | Lang::Easy)
    }
}

/// A language's texts as the shell put them into the page (the start
/// language in `__MUC_MESSAGES__.messages`, or one chosen later), each
/// message read from there the first time a screen asks for it, then kept.
/// Reading all of them before the first screen took 12–16 ms of every start
/// in WebKit (a crossing into JavaScript for every part of some 600
/// messages, measured with the start-up timeline) for a screen that shows a
/// few dozen.
struct Texts {
    messages: JsValue,
    read: RefCell<HashMap<String, Option<&'static Pattern>>>,
}

impl Texts {
    fn pattern(&'static self, id: &str) -> Option<&'static Pattern> {
        if let Some(p) = self.read.borrow().get(id) {
            return *p;
        }
        let value = js_sys::Reflect::get(&self.messages, &JsValue::from_str(id)).ok().filter(|v| !v.is_undefined());
        // Kept for the page's life, as the texts are.
        let p: Option<&'static Pattern> =
            value.and_then(|v| serde_wasm_bindgen::from_value::<Pattern>(v).ok()).map(|p| &*Box::leak(Box::new(p)));
        self.read.borrow_mut().insert(id.to_string(), p);
        p
    }
}

thread_local! {
    /// Each language's texts, installed once for the page's life and leaked
    /// on purpose: its texts are then `&'static str` like the literals they
    /// replaced, and a language is installed at most once. One place per
    /// language, in `Lang::ALL`'s order.
    static CATALOGUES: RefCell<[Option<&'static Texts>; Lang::ALL.len()]> =
        const { RefCell::new([None; Lang::ALL.len()]) };
}

fn add(lang: Lang, texts: Texts) {
    CATALOGUES.with(|c| {
        c.borrow_mut()[lang.index()].get_or_insert_with(|| Box::leak(Box::new(texts)));
    });
}

/// Makes a language's texts available as the tests read them from the
/// files: put into JavaScript the way the shell sends them, then installed
/// like the shell's.
pub fn install(catalogue: &Catalogue) {
    use serde::Serialize;
    if let Ok(texts) = catalogue.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        install_from_page(texts);
    }
}

/// Makes a language's texts available as the shell put them into the page
/// or answered a choice (a serialised [`Catalogue`]), read as they are
/// asked for.
pub fn install_from_page(catalogue: JsValue) -> Option<Lang> {
    let code = js_sys::Reflect::get(&catalogue, &"lang".into()).ok()?.as_string()?;
    let messages = js_sys::Reflect::get(&catalogue, &"messages".into()).ok().filter(|m| m.is_object())?;
    let lang = Lang::from_code(&code)?;
    add(lang, Texts { messages, read: RefCell::new(HashMap::new()) });
    Some(lang)
}

/// The message `id` of `lang`; a language not yet arrived shows German,
/// then anything at all.
fn pattern(lang: Lang, id: &str) -> Option<&'static Pattern> {
    let texts = CATALOGUES.with(|c| {
        let c = c.borrow();
        c[lang.index()].or(c[Lang::De.index()]).or_else(|| c.iter().flatten().next().copied())
    })?;
    texts.pattern(id)
}

/// A message without placeables. A missing one shows its id (the tests
/// make sure none is missing).
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    pattern(lang, id).and_then(muc_messages::plain).unwrap_or(id)
}

/// A message with values for its placeables.
pub fn t_args(lang: Lang, id: &'static str, args: &[(&str, Arg)]) -> String {
    pattern(lang, id).map(|p| muc_messages::format(p, args, &Browser(lang))).unwrap_or_else(|| id.to_string())
}

/// Numbers and plural categories as the browser's `Intl` has them for the language.
struct Browser(Lang);

/// A language's `Intl` number format (its bound `format`) and plural rules,
/// and its date-and-time format, made when a screen first writes a date.
struct Formatters {
    number: js_sys::Function,
    plural: js_sys::Intl::PluralRules,
    date_time: std::cell::OnceCell<js_sys::Function>,
}

thread_local! {
    /// Made once per language: constructing an `Intl` object resolves the
    /// locale each time (in WebKit about as long as formatting a hundred
    /// numbers), and a list of sites writes two numbers per row.
    static FORMATTERS: RefCell<[Option<std::rc::Rc<Formatters>>; Lang::ALL.len()]> = RefCell::default();
}

impl Browser {
    fn formatters(&self) -> std::rc::Rc<Formatters> {
        FORMATTERS.with(|f| {
            f.borrow_mut()[self.0.index()]
                .get_or_insert_with(|| {
                    let locales = js_sys::Array::of1(&JsValue::from_str(self.0.html()));
                    std::rc::Rc::new(Formatters {
                        number: js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format(),
                        plural: js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
                        date_time: std::cell::OnceCell::new(),
                    })
                })
                .clone()
        })
    }
}

impl muc_messages::Locale for Browser {
    fn number(&self, n: f64) -> String {
        self.formatters()
            .number
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(n))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| n.to_string())
    }

    fn plural(&self, n: f64) -> String {
        self.formatters().plural.select(n).into()
    }
}

/// Local date and time of a Unix timestamp, in the person's language
/// ("4. Dez. 2026, 14:05" / "4 Dec 2026, 14:05"). One format per language:
/// `Date.toLocaleString` made a new one, with its pattern, for every date
/// (a list of reports or notices writes one per row).
pub fn date_time(lang: Lang, unix: i64) -> String {
    let formatters = Browser(lang).formatters();
    let format = formatters.date_time.get_or_init(|| {
        let locale = match lang {
            Lang::En => "en-GB",
            other => other.html(),
        };
        let opts = js_sys::Object::new();
        for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
            let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
        }
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&locale.into()), &opts).format()
    });
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(unix as f64 * 1000.0))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A plain sentence for an error, in the person's language.
pub fn error_text(lang: Lang, e: &AppError) -> &'static str {
    match e.kind {
        ErrorKind::PortalUnreachable => t(lang, "the-city-s-server-cannot-be"),
        ErrorKind::PortalError => t(lang, "the-city-s-server-answered-with"),
        ErrorKind::NotFound => t(lang, "this-entry-was-not-found-please"),
        ErrorKind::OpenFailed => t(lang, "the-map-could-not-be-opened"),
        ErrorKind::Storage => t(lang, "data-could-not-be-saved-on"),
        ErrorKind::Ipc => t(lang, "the-app-could-not-do-this"),
        ErrorKind::InsecureAddress => t(lang, "the-address-must-start-with-https"),
        ErrorKind::Keyring => t(lang, "the-system-keyring-is-not-available"),
        ErrorKind::Login => t(lang, "signing-in-was-not-completed-please"),
        ErrorKind::NotOnSharedDevice => t(lang, "this-is-not-possible-on-this"),
        ErrorKind::NotOpen311 => t(lang, "no-georeport-v2-json-reporting-service"),
        ErrorKind::Photo => t(lang, "a-photo-could-not-be-processed"),
        // The personal area says which level in words (`pages::my_data`).
        ErrorKind::LevelNeeded(_) => t(lang, "this-needs-a-sign-in-at"),
        ErrorKind::SessionNotEnded => t(lang, "the-data-of-the-last-session"),
        ErrorKind::NoPosition => t(lang, "your-device-does-not-share-a"),
    }
}

/// A day from an RFC 3339 time, written the language's way by the
/// browser's `Intl` ("4.12.2026" / "12/4/2026").
pub fn date(lang: Lang, rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    d.to_locale_date_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED).into()
}

/// "vor 5 Minuten" / "5 minutes ago", by the browser's `Intl.RelativeTimeFormat`.
pub fn age(lang: Lang, seconds: i64) -> String {
    let s = seconds.max(0);
    if s < 60 {
        return t(lang, "just-now").into();
    }
    let (unit, n) = if s < 3600 {
        ("minute", s / 60)
    } else if s < 86_400 {
        ("hour", s / 3600)
    } else {
        ("day", s / 86_400)
    };
    let locales = js_sys::Array::of1(&JsValue::from_str(lang.html()));
    js_sys::Intl::RelativeTimeFormat::new(&locales, &js_sys::Object::new()).format(-(n as f64), unit).into()
}

pub fn access_points(lang: Lang, n: u32) -> String {
    t_args(lang, "access-points", &[("n", n.into())])
}

/// Metres rounded to 10 (GPS and the data are not more precise), or
/// kilometres with one decimal, written the language's way.
pub fn distance(lang: Lang, metres: f64) -> String {
    if metres < 1000.0 {
        t_args(lang, "distance-m", &[("n", ((metres / 10.0).round() * 10.0).into())])
    } else {
        t_args(lang, "distance-km", &[("n", ((metres / 100.0).round() / 10.0).into())])
    }
}

/// The words for the wire's kinds and states, in the person's language.
pub mod words {
    use super::{t, t_args, Lang};

    /// A site's kind as the open data names it ("TOS", "Tramlinie Linie
    /// 16/17"), in words a citizen understands, with what it means. A kind
    /// the data gains later is shown as it is.
    pub fn site_kind(lang: Lang, kind: &str) -> (String, Option<&'static str>) {
        if let Some(lines) = kind.strip_prefix("Tramlinie Linie ") {
            return (t_args(lang, "kind-tram", &[("lines", lines.into())]), Some(t(lang, "kind-tram-why")));
        }
        let (name, why) = match kind {
            "Öffentlicher Platz" => ("kind-square", "kind-square-why"),
            "TOS" => ("kind-info-pillar", "kind-info-pillar-why"),
            "Öffentlicher Platz / TOS" => ("kind-square-and-pillar", "kind-square-why"),
            "Smarter City" => ("kind-smarter-city", "kind-smarter-city-why"),
            "Mobilitätsstation" => ("kind-mobility", "kind-mobility-why"),
            "Stadtwerke München" => ("kind-swm", "kind-swm-why"),
            other => return (other.to_string(), None),
        };
        (t(lang, name).to_string(), Some(t(lang, why)))
    }

    pub fn severity(lang: Lang, v: muc_wire::notify::Severity) -> &'static str {
        use muc_wire::notify::Severity as V;
        t(
            lang,
            match v {
                V::Info => "severity-info",
                V::Success => "severity-success",
                V::Warning => "severity-warning",
                V::Emergency => "severity-emergency",
            },
        )
    }

    pub fn status(lang: Lang, v: muc_wire::open311::DetailedStatus) -> &'static str {
        use muc_wire::open311::DetailedStatus as V;
        t(
            lang,
            match v {
                V::Received => "status-received",
                V::InProgress => "status-in-progress",
                V::Scheduled => "status-scheduled",
                V::Fixed => "status-fixed",
                V::Closed => "status-closed",
                V::Duplicate => "status-duplicate",
                V::NotResponsible => "status-not-responsible",
            },
        )
    }

    pub fn level(lang: Lang, v: muc_wire::personal::TrustLevel) -> &'static str {
        use muc_wire::personal::TrustLevel as V;
        t(
            lang,
            match v {
                V::Level1 => "level-1",
                V::Level2 => "level-2",
                V::Level3 => "level-3",
                V::Level4 => "level-4",
            },
        )
    }

    pub fn topic(lang: Lang, v: muc_wire::notify::Topic) -> &'static str {
        use muc_wire::notify::Topic as V;
        t(
            lang,
            match v {
                V::ReportStatus => "topic-report-status",
                V::RoadWorks => "topic-road-works",
                V::BuergerLab => "topic-buerger-lab",
                V::Warnings => "topic-warnings",
            },
        )
    }

    pub fn finder_category(lang: Lang, v: muc_wire::finders::Category) -> &'static str {
        use muc_wire::finders::Category as V;
        t(
            lang,
            match v {
                V::Childcare => "finder-category-childcare",
                V::Care => "finder-category-care",
                V::BirthAndMidwives => "finder-category-birth",
                V::Health => "finder-category-health",
                V::Housing => "finder-category-housing",
                V::SocialSupport => "finder-category-social",
                V::Crisis => "finder-category-crisis",
            },
        )
    }

    pub fn target_group(lang: Lang, v: muc_wire::finders::TargetGroup) -> &'static str {
        use muc_wire::finders::TargetGroup as V;
        t(
            lang,
            match v {
                V::Families => "target-group-families",
                V::Parents => "target-group-parents",
                V::PregnantWomen => "target-group-pregnant",
                V::OlderPeople => "target-group-older",
                V::Relatives => "target-group-relatives",
                V::PeopleWithDisabilities => "target-group-disabilities",
                V::LowIncome => "target-group-low-income",
                V::Everyone => "target-group-everyone",
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// The start language's texts as the shell injects them (JSON), read
    /// message by message: the same patterns as the whole catalogue, each
    /// read once, and a missing message is missing.
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn texts_in_the_page_are_read_when_asked_for() {
        let whole = muc_messages::catalogue("tr").expect("catalogue");
        let json = whole.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).expect("to JavaScript");
        let messages = js_sys::Reflect::get(&json, &"messages".into()).expect("messages");
        let page: &'static Texts = Box::leak(Box::new(Texts { messages, read: RefCell::default() }));
        assert!(whole.messages.len() > 100);
        for (id, pattern) in &whole.messages {
            assert_eq!(page.pattern(id), Some(pattern), "{id}");
        }
        let first = page.pattern("access-points").expect("read");
        assert!(std::ptr::eq(first, page.pattern("access-points").expect("kept")));
        assert_eq!(page.pattern("no-such-message"), None);
        assert_eq!(install_from_page(json), Some(Lang::Tr));
        assert_eq!(install_from_page(JsValue::from_str("not a catalogue")), None);
    }

    /// Each language finds its own place in the tables (`Lang::index`).
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn each_language_has_its_own_place() {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["de", "de-x-ls", "en", "tr", "uk", "ar"]);
        assert!(Lang::ALL.iter().enumerate().all(|(i, l)| l.index() == i));
        assert!(Lang::Ar.rtl() && !Lang::Tr.rtl());
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn ages_read_naturally() {
        for (code, _) in muc_messages::FILES {
            install(&muc_messages::catalogue(code).expect("catalogue"));
        }
        assert_eq!(age(Lang::De, 5), "gerade eben");
        assert_eq!(age(Lang::De, 60), "vor 1 Minute");
        assert_eq!(age(Lang::De, 7200), "vor 2 Stunden");
        assert_eq!(age(Lang::En, 86_400 * 3), "3 days ago");
        assert_eq!(age(Lang::En, -10), "just now");
    }

    /// Dates the language's way, from one kept format per language (the
    /// second date of a language reuses it; another language gets its own).
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn dates_and_times_are_written_the_languages_way() {
        // 2026-05-28 around 20:26 UTC: the same month in every time zone.
        let at = 1_780_000_000;
        let de = date_time(Lang::De, at);
        assert!(de.contains(".05.2026") || de.contains("Mai 2026"), "{de}");
        assert_eq!(date_time(Lang::De, at), de, "the kept format writes the same");
        let en = date_time(Lang::En, at);
        assert!(en.contains("May 2026") && !en.starts_with("May"), "British order: {en}");
        assert_ne!(date_time(Lang::De, at + 86_400 * 31), de, "another date");
    }
}
