//! The catalogue of capacity finders: the existing search portals for scarce
//! places (childcare, care, midwives, doctors, housing, social support).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Childcare,
    Care,
    BirthAndMidwives,
    Health,
    Housing,
    SocialSupport,
    Crisis,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Childcare,
        Category::Care,
        Category::BirthAndMidwives,
        Category::Health,
        Category::Housing,
        Category::SocialSupport,
        Category::Crisis,
    ];

    /// (German, English) names; also searched.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Category::Childcare => ("Kinderbetreuung", "Childcare"),
            Category::Care => ("Pflege", "Care"),
            Category::BirthAndMidwives => ("Geburt und Hebammen", "Birth and midwives"),
            Category::Health => ("Gesundheit und Arzttermine", "Health and doctor's appointments"),
            Category::Housing => ("Wohnen", "Housing"),
            Category::SocialSupport => ("Soziale Hilfe", "Social support"),
            Category::Crisis => ("Hilfe in Krisen", "Help in a crisis"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Families,
    Parents,
    PregnantWomen,
    OlderPeople,
    Relatives,
    PeopleWithDisabilities,
    LowIncome,
    Everyone,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 8] = [
        TargetGroup::Families,
        TargetGroup::Parents,
        TargetGroup::PregnantWomen,
        TargetGroup::OlderPeople,
        TargetGroup::Relatives,
        TargetGroup::PeopleWithDisabilities,
        TargetGroup::LowIncome,
        TargetGroup::Everyone,
    ];

    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            TargetGroup::Families => ("Familien", "Families"),
            TargetGroup::Parents => ("Eltern", "Parents"),
            TargetGroup::PregnantWomen => ("Schwangere", "Pregnant women"),
            TargetGroup::OlderPeople => ("Ältere Menschen", "Older people"),
            TargetGroup::Relatives => ("Angehörige", "Relatives"),
            TargetGroup::PeopleWithDisabilities => ("Menschen mit Behinderung", "People with disabilities"),
            TargetGroup::LowIncome => ("Menschen mit wenig Geld", "People on a low income"),
            TargetGroup::Everyone => ("Alle", "Everyone"),
        }
    }
}

/// One finder, as the portal serves it and the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finder {
    /// Stable, URL-safe id ("kita-finder-muenchen").
    pub id: String,
    pub name_de: String,
    pub name_en: String,
    /// What it finds, in a sentence.
    pub description_de: String,
    pub description_en: String,
    /// Who runs it.
    pub operator: String,
    /// Its web address; always https.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub category: Category,
    pub target_groups: Vec<TargetGroup>,
    /// Languages the finder itself offers (BCP 47: "de", "en", …).
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_de: Option<String>,
    pub login_required: bool,
    /// Extra words people search for ("Kita", "Krippe", "Hort").
    #[serde(default)]
    pub keywords: Vec<String>,
    /// When an operator last confirmed the address answers (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_checked: Option<String>,
}

/// `GET /finders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinderCatalogue {
    pub finders: Vec<Finder>,
    /// When the catalogue last changed (RFC 3339).
    pub updated_at: String,
}

impl Finder {
    pub fn name(&self, english: bool) -> &str {
        if english {
            &self.name_en
        } else {
            &self.name_de
        }
    }

    pub fn description(&self, english: bool) -> &str {
        if english {
            &self.description_en
        } else {
            &self.description_de
        }
    }

    /// The `tel:` URL for the phone number (digits and a leading + only).
    pub fn tel_url(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let mut digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
        if phone.trim_start().starts_with('+') {
            digits.insert(0, '+');
        }
        (digits.len() >= 3).then(|| format!("tel:{digits}"))
    }

    fn haystack(&self) -> crate::search::Haystack {
        let mut h = crate::search::Haystack::new()
            .field(&self.name_de, 4)
            .field(&self.name_en, 3)
            .field(&self.keywords.join(" "), 3)
            .field(&format!("{} {}", self.category.names().0, self.category.names().1), 2)
            .field(&self.description_de, 1)
            .field(&self.description_en, 1)
            .field(&self.operator, 1);
        for g in &self.target_groups {
            h = h.field(&format!("{} {}", g.names().0, g.names().1), 1);
        }
        h
    }
}

/// Finders matching the query and filters, best first (ties keep catalogue order).
pub fn search<'a>(
    finders: &'a [Finder],
    query: &str,
    category: Option<Category>,
    group: Option<TargetGroup>,
) -> Vec<&'a Finder> {
    let mut hits: Vec<(u32, usize, &Finder)> = finders
        .iter()
        .enumerate()
        .filter(|(_, f)| category.is_none_or(|c| f.category == c))
        .filter(|(_, f)| {
            group.is_none_or(|g| f.target_groups.contains(&g) || f.target_groups.contains(&TargetGroup::Everyone))
        })
        .map(|(i, f)| (f.haystack().score(query), i, f))
        .filter(|(s, _, _)| *s > 0)
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().map(|(_, _, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(id: &str, name: &str, category: Category, keywords: &[&str]) -> Finder {
        Finder {
            id: id.into(),
            name_de: name.into(),
            name_en: name.into(),
            description_de: String::new(),
            description_en: String::new(),
            operator: "Stadt".into(),
            url: format!("https://example.org/{id}"),
            phone: Some("0800 111 0 111".into()),
            category,
            target_groups: vec![TargetGroup::Families],
            languages: vec!["de".into()],
            accessibility_de: None,
            login_required: false,
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            last_checked: None,
        }
    }

    #[test]
    fn filters_and_ranks() {
        let all = vec![
            finder("kita", "Kita-Finder+", Category::Childcare, &["Krippe"]),
            finder("pflege", "PflegeFinder Bayern", Category::Care, &["Pflegeheim"]),
        ];
        let ids = |v: Vec<&Finder>| v.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(search(&all, "", None, None)), ["kita", "pflege"]);
        assert_eq!(ids(search(&all, "krippe", None, None)), ["kita"]);
        assert_eq!(ids(search(&all, "Pflege heim", None, None)), ["pflege"]);
        assert_eq!(ids(search(&all, "", Some(Category::Care), None)), ["pflege"]);
        assert!(search(&all, "", None, Some(TargetGroup::OlderPeople)).is_empty());
        assert_eq!(ids(search(&all, "kinderbetreuung", None, None)), ["kita"], "category names are searched");
    }

    #[test]
    fn phone_links_keep_digits_only() {
        let f = finder("x", "X", Category::Crisis, &[]);
        assert_eq!(f.tel_url().as_deref(), Some("tel:08001110111"));
        let mut g = f.clone();
        g.phone = Some("+49 (89) 123-45".into());
        assert_eq!(g.tel_url().as_deref(), Some("tel:+498912345"));
        g.phone = Some("ab".into());
        assert_eq!(g.tel_url(), None);
    }
}
