//! The city's category texts (names, descriptions, questions and their
//! answers) in the languages beside German and English. German and English
//! are the city's own data (`services.json`, the `services` table); the
//! others are Fluent files beside it (`data/services.<language>.ftl`), one
//! message per text, so translators edit them without touching the data:
//! `<code>-name`, `<code>-description`, `<code>--<attribute>`,
//! `<code>--<attribute>--hint`, `<code>--<attribute>--<value key>`. A text
//! missing from a file is said in English (the tests require none missing
//! for the seed categories).

use std::sync::OnceLock;

use muc_messages::Catalogue;

use crate::says::Lang;

/// The translations, as shipped with the portal.
pub const FILES: [(&str, &str); 4] = [
    ("de-x-ls", include_str!("../data/services.de-x-ls.ftl")),
    ("tr", include_str!("../data/services.tr.ftl")),
    ("uk", include_str!("../data/services.uk.ftl")),
    ("ar", include_str!("../data/services.ar.ftl")),
];

fn catalogues() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(code, ftl)| match muc_messages::parse(code, ftl) {
                Ok(c) => Some(c),
                Err(problems) => {
                    tracing::error!(language = code, ?problems, "category translations not read: said in English");
                    None
                }
            })
            .collect()
    })
}

/// Which of the city's two data languages a request falls back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data {
    German,
    English,
}

/// How a request's language reads the city's data: its own text where
/// there is one, else German (Leichte Sprache's readers read German) or
/// English.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    lang: Lang,
}

impl Texts {
    pub fn of(lang: Lang) -> Texts {
        Texts { lang }
    }

    /// German for German and Leichte Sprache, English for the rest.
    pub fn data(&self) -> Data {
        match self.lang.0.code {
            "de" | "de-x-ls" => Data::German,
            _ => Data::English,
        }
    }

    /// The text `id` in this language, else `de_en` (the data's
    /// German and English) in the fallback language.
    pub fn say<'a>(&self, id: &str, de_en: (&'a str, &'a str)) -> std::borrow::Cow<'a, str> {
        let own = catalogues().iter().find(|c| c.lang == self.lang.0.code).and_then(|c| c.plain(id));
        match (own, self.data()) {
            (Some(t), _) => std::borrow::Cow::Owned(t.to_string()),
            (None, Data::German) => std::borrow::Cow::Borrowed(de_en.0),
            (None, Data::English) => std::borrow::Cow::Borrowed(de_en.1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text id the seed categories have, with its German and English.
    fn seed_ids(seed: &crate::open311::store::Seed) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for s in &seed.services {
            out.push((format!("{}-name", s.code), s.name[0].clone(), s.name[1].clone()));
            out.push((format!("{}-description", s.code), s.description[0].clone(), s.description[1].clone()));
            for a in &s.attributes {
                let at = format!("{}--{}", s.code, a.code);
                out.push((at.clone(), a.description[0].clone(), a.description[1].clone()));
                if let Some(d) = &a.datatype_description {
                    out.push((format!("{at}--hint"), d[0].clone(), d[1].clone()));
                }
                for v in &a.values {
                    out.push((format!("{at}--{}", v.key), v.name[0].clone(), v.name[1].clone()));
                }
            }
        }
        out
    }

    fn seed() -> crate::open311::store::Seed {
        serde_json::from_str(include_str!("../data/services.json")).expect("services.json")
    }

    #[test]
    fn every_seed_text_is_in_every_language_and_nothing_else() {
        let ids = seed_ids(&seed());
        assert!(ids.len() > 60, "{}", ids.len());
        for (code, ftl) in FILES {
            let c = muc_messages::parse(code, ftl).unwrap_or_else(|p| panic!("{code}: {p:?}"));
            for (id, de, _) in &ids {
                let t = c.plain(id).unwrap_or_else(|| panic!("{code} has no {id} ({de})"));
                assert!(
                    !t.trim().is_empty() && t != de.as_str() || code == "de-x-ls" || de == "Graffiti",
                    "{code} {id}: {t}"
                );
            }
            assert_eq!(c.messages.len(), ids.len(), "{code}: a text no category has");
        }
    }

    #[test]
    fn a_language_says_its_own_else_the_data_it_reads() {
        let tr = Texts::of(Lang(muc_messages::language("tr").expect("tr")));
        assert_eq!(tr.say("graffiti--anstoessig--ja", ("Ja", "Yes")), "Evet");
        assert_eq!(tr.say("unknown-id", ("Ja", "Yes")), "Yes");
        let ls = Texts::of(Lang(muc_messages::language("de-x-ls").expect("ls")));
        assert_eq!(ls.say("muell-name", ("Müll und illegale Ablagerungen", "")), "Müll");
        assert_eq!(ls.say("unknown-id", ("Ja", "Yes")), "Ja");
        let de = Texts::of(Lang::default());
        assert_eq!(
            de.say("muell-name", ("Müll und illegale Ablagerungen", "Litter")),
            "Müll und illegale Ablagerungen"
        );
    }
}
