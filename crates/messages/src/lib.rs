//! The app's texts in every language.
//!
//! Translators edit Fluent files (`locales/<language>.ftl`); nothing in Rust
//! needs to change for a new wording. The shell reads the file of the
//! language in use with the Fluent project's parser (`parse`, feature
//! `parse`) and hands the page a [`Catalogue`]: plain data the frontend
//! formats with [`Catalogue::format`].
//!
//! Why a resolver of our own and not `fluent-bundle` in the frontend: the
//! frontend is WebAssembly shipped to every phone, and fluent-bundle with its
//! parser, locale and plural-rule tables would add more than the whole
//! catalogue of texts weighs. The subset of Fluent the files may use is small
//! and checked when they are read (text, `{ $variable }`, `{ -term }`, and
//! selection on a variable by plural category or exact value); plural
//! categories come from the browser's `Intl.PluralRules`. A test formats
//! every message of every language with both this resolver and fluent-bundle
//! and requires the same text.

#[cfg(feature = "parse")]
mod parse;
#[cfg(feature = "parse")]
pub use parse::{parse, Problem};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The languages the app speaks, in the order it offers them.
pub const LANGUAGES: [Language; 6] = [
    Language { code: "de", html: "de", name: "Deutsch", rtl: false },
    Language { code: "de-x-ls", html: "de", name: "Leichte Sprache", rtl: false },
    Language { code: "en", html: "en", name: "English", rtl: false },
    Language { code: "tr", html: "tr", name: "Türkçe", rtl: false },
    Language { code: "uk", html: "uk", name: "Українська", rtl: false },
    Language { code: "ar", html: "ar", name: "العربية", rtl: true },
];

/// One of the app's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// Its name in the app: a BCP 47 tag (Leichte Sprache has a private-use
    /// subtag: it is German, in its own rules).
    pub code: &'static str,
    /// The tag for the page's `lang` (screen readers choose their voice by it).
    pub html: &'static str,
    /// Its name in itself, as the language chooser shows it.
    pub name: &'static str,
    /// Written right to left.
    pub rtl: bool,
}

/// The language of this code, if the app speaks it.
pub fn language(code: &str) -> Option<Language> {
    LANGUAGES.iter().copied().find(|l| l.code == code)
}

/// One language's messages, ready to format.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Catalogue {
    pub lang: String,
    pub messages: BTreeMap<String, Pattern>,
}

/// A message: text and placeables, in order.
pub type Pattern = Vec<Part>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Text(String),
    /// `{ $name }`.
    Var(String),
    /// `{ $name -> [key] … *[other] … }`; `default` indexes `variants`.
    Select {
        var: String,
        variants: Vec<(String, Pattern)>,
        default: usize,
    },
}

/// A value for a placeable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => { $(impl From<$t> for Arg { fn from(n: $t) -> Self { Arg::Number(n as f64) } })* };
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// How the caller formats what the catalogue cannot: a number as the
/// language writes it, and its plural category (`one`, `few`, `other` …).
pub trait Locale {
    fn number(&self, n: f64) -> String;
    fn plural(&self, n: f64) -> String;
}

impl Catalogue {
    /// The message `id` with `args`, or `None` if this catalogue lacks it.
    pub fn format(&self, id: &str, args: &[(&str, Arg)], locale: &dyn Locale) -> Option<String> {
        Some(format(self.messages.get(id)?, args, locale))
    }

    /// The message `id` if it has no placeables (most texts): borrowed, no copy.
    pub fn plain(&self, id: &str) -> Option<&str> {
        plain(self.messages.get(id)?)
    }
}

/// A message with `args`. A placeable without a value is written as its
/// name in braces, as Fluent does, so a mistake shows instead of vanishing.
pub fn format(pattern: &Pattern, args: &[(&str, Arg)], locale: &dyn Locale) -> String {
    let mut out = String::new();
    write(pattern, args, locale, &mut out);
    out
}

/// A message's text if it has no placeables: borrowed, no copy.
pub fn plain(pattern: &Pattern) -> Option<&str> {
    match pattern.as_slice() {
        [] => Some(""),
        [Part::Text(t)] => Some(t),
        _ => None,
    }
}

fn write(pattern: &Pattern, args: &[(&str, Arg)], locale: &dyn Locale, out: &mut String) {
    let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    for part in pattern {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Var(name) => match value(name) {
                Some(Arg::Text(t)) => out.push_str(t),
                Some(Arg::Number(n)) => out.push_str(&locale.number(*n)),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Select { var, variants, default } => {
                // As Fluent: an exact match first (a number equal to the key,
                // or the same text), then the number's plural category.
                let chosen = match value(var) {
                    Some(Arg::Number(n)) => {
                        variants.iter().position(|(k, _)| k.parse::<f64>().ok() == Some(*n)).or_else(|| {
                            let category = locale.plural(*n);
                            variants.iter().position(|(k, _)| *k == category)
                        })
                    }
                    Some(Arg::Text(t)) => variants.iter().position(|(k, _)| k == t),
                    None => None,
                };
                if let Some((_, p)) = variants.get(chosen.unwrap_or(*default)) {
                    write(p, args, locale, out);
                }
            }
        }
    }
}

/// Each language's Fluent file, as written by its translators.
#[cfg(feature = "parse")]
pub const FILES: [(&str, &str); 6] = [
    ("de", include_str!("../locales/de.ftl")),
    ("de-x-ls", include_str!("../locales/de-x-ls.ftl")),
    ("en", include_str!("../locales/en.ftl")),
    ("tr", include_str!("../locales/tr.ftl")),
    ("uk", include_str!("../locales/uk.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
];

/// What the portal says to citizens (refusals, errors people read), per
/// language: the same six, the same rules.
#[cfg(feature = "parse")]
pub const PORTAL_FILES: [(&str, &str); 6] = [
    ("de", include_str!("../locales/portal/de.ftl")),
    ("de-x-ls", include_str!("../locales/portal/de-x-ls.ftl")),
    ("en", include_str!("../locales/portal/en.ftl")),
    ("tr", include_str!("../locales/portal/tr.ftl")),
    ("uk", include_str!("../locales/portal/uk.ftl")),
    ("ar", include_str!("../locales/portal/ar.ftl")),
];

/// The portal's catalogue of a language the app speaks.
#[cfg(feature = "parse")]
pub fn portal_catalogue(code: &str) -> Option<Catalogue> {
    compiled(&PORTAL_FILES, code)
}

/// The language of the first tag (most preferred first) whose primary
/// subtag the app speaks: `tr-TR` → `tr`, `de-DE` → `de`.
pub fn matching(tags: impl IntoIterator<Item = impl AsRef<str>>) -> Option<Language> {
    tags.into_iter().find_map(|t| {
        let t = t.as_ref().trim().to_ascii_lowercase();
        if t == "de-x-ls" {
            return language("de-x-ls");
        }
        language(t.split(['-', '_', '.']).next()?)
    })
}

/// The compiled catalogue of a language the app speaks.
#[cfg(feature = "parse")]
pub fn catalogue(code: &str) -> Option<Catalogue> {
    compiled(&FILES, code)
}

#[cfg(feature = "parse")]
fn compiled(files: &[(&str, &str)], code: &str) -> Option<Catalogue> {
    let (_, ftl) = files.iter().find(|(c, _)| *c == code)?;
    // The files are checked by the tests; one that fails here is a bug.
    parse(code, ftl).ok()
}
