//! What the portal says to citizens (refusals and errors people read), in
//! their language: the request's `locale` field, else its Accept-Language,
//! else German. The texts are the Fluent files of `muc_messages`
//! (`locales/portal/`), read once. Developer-facing API errors stay English.

use std::sync::OnceLock;

use muc_messages::{Arg, Catalogue, Language, Locale};

/// A request's language: one of the app's six.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(pub Language);

impl Default for Lang {
    fn default() -> Self {
        Lang(muc_messages::LANGUAGES[0])
    }
}

impl Lang {
    /// From a `locale` field (a tag) or an Accept-Language header (with
    /// qualities, parsed by the `accept-language` crate).
    pub fn of(locale: Option<&str>, accept_language: Option<&str>) -> Lang {
        let chosen = locale
            .and_then(|l| muc_messages::matching([l]))
            .or_else(|| accept_language.and_then(|h| muc_messages::matching(accept_language::parse(h))));
        chosen.map(Lang).unwrap_or_default()
    }
}

fn catalogues() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    // The files are checked by muc-messages' tests; one that does not read
    // is left out (its language then answers in German).
    ALL.get_or_init(|| muc_messages::LANGUAGES.iter().filter_map(|l| muc_messages::portal_catalogue(l.code)).collect())
}

/// Numbers as they are sent (no grouping: lengths and counts read the same
/// in every language here); the portal's messages choose no plural forms.
struct Plain;

impl Locale for Plain {
    fn number(&self, n: f64) -> String {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            n.to_string()
        }
    }
    fn plural(&self, n: f64) -> String {
        if n == 1.0 { "one" } else { "other" }.to_string()
    }
}

/// The message `id` in `lang` (German if that language lacks it).
pub fn say(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let find = |code: &str| catalogues().iter().find(|c| c.lang == code).and_then(|c| c.format(id, args, &Plain));
    find(lang.0.code).or_else(|| find("de")).unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_s_language_is_chosen_and_spoken() {
        assert_eq!(Lang::of(None, None).0.code, "de");
        assert_eq!(Lang::of(None, Some("fr;q=0.9, tr-TR;q=0.8, en;q=0.5")).0.code, "tr");
        assert_eq!(Lang::of(Some("ar"), Some("en")).0.code, "ar", "the locale field wins");
        assert_eq!(Lang::of(None, Some("en-GB,en;q=0.9")).0.code, "en");
        let tr = Lang::of(Some("tr"), None);
        assert!(say(tr, "too-many-photos", &[("n", 5.into())]).contains("en fazla 5 fotoğraf"));
        assert!(say(Lang::default(), "refuse-too-long", &[("field", "description".into()), ("max", 4000.into())])
            .contains("länger als 4000 Zeichen"));
    }
}
