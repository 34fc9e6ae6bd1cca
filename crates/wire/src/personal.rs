//! The personal area's wire types: trust levels of a sign-in, and how the
//! portal describes where citizens sign in and what each personal route needs.
//!
//! The levels are BayernID's (the city's published Keycloak integration):
//! the app asks for a level by OAuth scope (`level1`, `level3`, `level4`),
//! the level reached comes back as the claim `authlevel`. A higher level is
//! a new sign-in with the higher scope, never an upgrade of a session.

use serde::{Deserialize, Serialize};

/// How sure the provider is of who signed in, lowest first (so `>=` compares).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TrustLevel {
    /// User name and password.
    #[serde(rename = "level1")]
    Level1,
    #[serde(rename = "level2")]
    Level2,
    /// "substantiell": at least Authega or an ELSTER certificate.
    #[serde(rename = "level3")]
    Level3,
    /// "hoch": the eID card (Online-Ausweis).
    #[serde(rename = "level4")]
    Level4,
}

impl TrustLevel {
    pub const ALL: [TrustLevel; 4] = [TrustLevel::Level1, TrustLevel::Level2, TrustLevel::Level3, TrustLevel::Level4];

    /// The claim's and the scope's value.
    pub fn code(self) -> &'static str {
        match self {
            TrustLevel::Level1 => "level1",
            TrustLevel::Level2 => "level2",
            TrustLevel::Level3 => "level3",
            TrustLevel::Level4 => "level4",
        }
    }

    /// From an `authlevel` claim or a scope; None for anything else.
    pub fn from_code(code: &str) -> Option<TrustLevel> {
        TrustLevel::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// The level in words, for people (German first).
    pub fn words(self, en: bool) -> &'static str {
        match (self, en) {
            (TrustLevel::Level1, false) => "Stufe 1: Benutzername und Passwort",
            (TrustLevel::Level1, true) => "Level 1: user name and password",
            (TrustLevel::Level2, false) => "Stufe 2",
            (TrustLevel::Level2, true) => "Level 2",
            (TrustLevel::Level3, false) => "Stufe 3, substantiell: ELSTER-Zertifikat oder Authega",
            (TrustLevel::Level3, true) => "Level 3, substantial: ELSTER certificate or Authega",
            (TrustLevel::Level4, false) => "Stufe 4, hoch: Online-Ausweis (eID)",
            (TrustLevel::Level4, true) => "Level 4, high: the eID card (Online-Ausweis)",
        }
    }
}

/// One identity provider the portal accepts tokens from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provider {
    /// For people: "BayernID", "M-Login".
    pub name: String,
    /// The OpenID issuer (its discovery document is under it).
    pub issuer: String,
    /// The levels it can be asked for (by scope); empty: it reports none,
    /// and its sign-ins count as level 1.
    pub levels: Vec<TrustLevel>,
}

/// A personal route and the level it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalRoute {
    /// `GET /me/export` and the like.
    pub route: String,
    pub level: TrustLevel,
}

/// The portal's description of itself as an OAuth protected resource
/// (RFC 9728, `/.well-known/oauth-protected-resource`), with the city's
/// additions: the providers by name with their levels, and what each
/// personal route needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourceMetadata {
    pub resource: String,
    pub authorization_servers: Vec<String>,
    pub bearer_methods_supported: Vec<String>,
    pub scopes_supported: Vec<String>,
    pub resource_name: String,
    pub providers: Vec<Provider>,
    pub personal_routes: Vec<PersonalRoute>,
}

/// `GET /me`: who the token says is signed in, and at which level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub account_id: String,
    pub level: TrustLevel,
    /// The issuer the token came from.
    pub issuer: String,
}

/// The body of a 403 for a sign-in below the level a route needs (with a
/// `WWW-Authenticate` challenge of RFC 9470: `insufficient_user_authentication`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelNeeded {
    /// `insufficient_user_authentication`.
    pub code: String,
    pub description: String,
    pub needed: TrustLevel,
    pub reached: TrustLevel,
}

/// `GET /me/export`: everything the portal holds about the signed-in
/// person (GDPR Art. 15 and 20), as one JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyData {
    pub account_id: String,
    /// When the file was made (RFC 3339).
    pub made_at: String,
    /// The reports sent while signed in, with the contact data given with each.
    pub reports: Vec<MyReport>,
    /// The account's favourites.
    #[serde(default)]
    pub favourites: Vec<SavedFavourite>,
    /// The profile, if one is kept.
    #[serde(default)]
    pub profile: Option<Profile>,
    /// Every consent given, with its text's version, and when revoked.
    #[serde(default)]
    pub consents: Vec<ConsentRecord>,
    /// The topics and districts subscribed to.
    #[serde(default)]
    pub subscriptions: crate::notify::Subscriptions,
    /// Notifications addressed to the account (its reports moving on).
    #[serde(default)]
    pub notifications: Vec<crate::notify::Notification>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyReport {
    /// As GeoReport shows it to everyone.
    pub report: crate::open311::ServiceRequest,
    /// What only the person and the city see.
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
}

/// `DELETE /me`: the account is gone from the portal; its reports stay for
/// the city, without anything that leads to the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountDeleted {
    /// Reports kept, with account, contact data and device id removed.
    pub reports_kept: u64,
    /// Favourites deleted.
    #[serde(default)]
    pub favourites_deleted: u64,
}

/// What can be a favourite: a hotspot site, a capacity finder, a report
/// category (a GeoReport `service_code`), or one of the app's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FavouriteKind {
    Hotspot,
    Finder,
    Category,
    Screen,
}

impl FavouriteKind {
    pub const ALL: [FavouriteKind; 4] =
        [FavouriteKind::Hotspot, FavouriteKind::Finder, FavouriteKind::Category, FavouriteKind::Screen];

    /// As stored and sent.
    pub fn code(self) -> &'static str {
        match self {
            FavouriteKind::Hotspot => "hotspot",
            FavouriteKind::Finder => "finder",
            FavouriteKind::Category => "category",
            FavouriteKind::Screen => "screen",
        }
    }

    pub fn from_code(code: &str) -> Option<FavouriteKind> {
        FavouriteKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One favourite: what it is and its id there. The portal does not check
/// that the id exists (a finder can retire, a category can be another
/// server's); the app shows one it no longer knows as gone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Favourite {
    pub kind: FavouriteKind,
    /// 1 to 200 characters, no control characters.
    pub id: String,
}

/// At most this many favourites per account (and per device).
pub const MAX_FAVOURITES: usize = 300;
/// At most this many changes in one `POST /me/favourites/changes`.
pub const MAX_FAVOURITE_CHANGES: usize = 300;

impl Favourite {
    pub fn new(kind: FavouriteKind, id: impl Into<String>) -> Self {
        Favourite { kind, id: id.into() }
    }

    /// Whether the id can be stored (checked by app and portal alike).
    pub fn check(&self) -> Result<(), String> {
        let n = self.id.chars().count();
        if n == 0 || n > 200 {
            return Err(format!("a {} id has 1 to 200 characters, this one {n}", self.kind.code()));
        }
        if self.id.chars().any(char::is_control) || self.id.trim().is_empty() {
            return Err(format!("a {} id is plain text without control characters", self.kind.code()));
        }
        Ok(())
    }
}

/// A favourite as the account keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedFavourite {
    pub kind: FavouriteKind,
    pub id: String,
    /// When it was first added to the account (RFC 3339).
    pub added_at: String,
}

/// `GET /me/favourites`: the account's favourites, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FavouriteList {
    pub items: Vec<SavedFavourite>,
}

impl FavouriteList {
    pub fn favourites(&self) -> Vec<Favourite> {
        self.items.iter().map(|s| Favourite::new(s.kind, s.id.clone())).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FavouriteOp {
    Add,
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FavouriteChange {
    pub op: FavouriteOp,
    pub kind: FavouriteKind,
    pub id: String,
}

impl FavouriteChange {
    pub fn favourite(&self) -> Favourite {
        Favourite::new(self.kind, self.id.clone())
    }
}

/// `POST /me/favourites/changes`: changes made on a device, in the order
/// made, applied in one go. The merge rule: every change is an add or a
/// remove of one favourite; for each favourite the change that reaches the
/// portal last wins; nothing else is touched. Both are idempotent, so a batch
/// sent twice (an answer lost on the way) changes nothing the second time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FavouriteChanges {
    pub changes: Vec<FavouriteChange>,
}

/// What a consent is for. Each has a text in German and English with a
/// version; a consent is to one version of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentPurpose {
    /// Keeping the profile, to offer it when a form asks for contact data.
    Profile,
}

impl ConsentPurpose {
    pub const ALL: [ConsentPurpose; 1] = [ConsentPurpose::Profile];

    pub fn code(self) -> &'static str {
        match self {
            ConsentPurpose::Profile => "profile",
        }
    }

    pub fn from_code(code: &str) -> Option<ConsentPurpose> {
        ConsentPurpose::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// The text a person consents to, as the portal has it now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentText {
    pub purpose: ConsentPurpose,
    /// Raised whenever the text changes; a consent to an older one no longer counts.
    pub version: u32,
    pub text_de: String,
    pub text_en: String,
}

/// One consent as recorded: what, which text, when given, when revoked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentRecord {
    pub purpose: ConsentPurpose,
    pub version: u32,
    /// RFC 3339.
    pub given_at: String,
    pub revoked_at: Option<String>,
}

/// `GET /me/consents`: the texts now, and every consent the person gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consents {
    pub texts: Vec<ConsentText>,
    /// Oldest first; revoked ones stay listed with when.
    pub records: Vec<ConsentRecord>,
}

impl Consents {
    /// The consent in force for `purpose` (given to the current text, not revoked).
    pub fn in_force(&self, purpose: ConsentPurpose) -> Option<&ConsentRecord> {
        let current = self.texts.iter().find(|t| t.purpose == purpose)?.version;
        self.records.iter().rev().find(|r| r.purpose == purpose && r.version == current && r.revoked_at.is_none())
    }
}

/// `POST /me/consents`: give (to the version read) or revoke a consent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentChange {
    pub purpose: ConsentPurpose,
    /// The version of the text the person read (checked when giving).
    pub version: u32,
    pub given: bool,
}

/// Data given once and offered again (only with the profile consent in force).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    /// Street, number, postcode and town; lines separated by newlines.
    pub postal_address: Option<String>,
    /// `de` or `en` (the languages the app speaks).
    pub language: Option<String>,
}

/// The languages a profile may name.
pub const PROFILE_LANGUAGES: [&str; 2] = ["de", "en"];

impl Profile {
    /// Every field within its limits, plain text; the first problem in
    /// German and English.
    pub fn check(&self) -> Result<(), (String, String)> {
        let field = |v: &Option<String>, max: usize, lines: bool, de: &str, en: &str| -> Result<(), (String, String)> {
            let Some(v) = v else { return Ok(()) };
            if v.chars().count() > max {
                return Err((format!("{de}: höchstens {max} Zeichen."), format!("{en}: at most {max} characters.")));
            }
            if v.chars().any(|c| c.is_control() && !(lines && c == '\n')) {
                return Err((format!("{de}: bitte nur Text ohne Steuerzeichen."), format!("{en}: plain text only.")));
            }
            Ok(())
        };
        field(&self.first_name, 100, false, "Vorname", "First name")?;
        field(&self.last_name, 100, false, "Nachname", "Last name")?;
        field(&self.email, 254, false, "E-Mail", "E-mail")?;
        field(&self.postal_address, 300, true, "Anschrift", "Postal address")?;
        if self.email.as_deref().is_some_and(|e| !plausible_email(e)) {
            return Err(("Die E-Mail-Adresse ist ungültig.".into(), "The e-mail address is not valid.".into()));
        }
        if self.language.as_deref().is_some_and(|l| !PROFILE_LANGUAGES.contains(&l)) {
            return Err(("Sprache: de oder en.".into(), "Language: de or en.".into()));
        }
        Ok(())
    }

    /// Empty fields as None, the rest trimmed.
    pub fn tidied(self) -> Profile {
        let t = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Profile {
            first_name: t(self.first_name),
            last_name: t(self.last_name),
            email: t(self.email),
            postal_address: t(self.postal_address),
            language: t(self.language),
        }
    }
}

/// The same plausibility GeoReport's `email` gets in the portal: one `@`
/// with text on both sides, no spaces. Whether it reaches someone only a
/// mail can tell; a stricter syntax check would refuse real addresses.
pub fn plausible_email(e: &str) -> bool {
    matches!(e.split_once('@'), Some((local, domain)) if !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
        && !e.contains(char::is_whitespace)
}

/// `GET /me/profile` (and `PUT`'s answer): the profile, and the consent it
/// is kept under (None: no profile is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyProfile {
    pub profile: Option<Profile>,
    pub consent: Option<ConsentRecord>,
    /// The text to consent to before a profile can be kept.
    pub consent_text: ConsentText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_compare_and_read_as_the_claim_says() {
        assert!(TrustLevel::Level4 > TrustLevel::Level3 && TrustLevel::Level3 > TrustLevel::Level1);
        for l in TrustLevel::ALL {
            assert_eq!(TrustLevel::from_code(l.code()), Some(l));
            assert_eq!(serde_json::to_string(&l).expect("json"), format!("\"{}\"", l.code()));
        }
        assert_eq!(TrustLevel::from_code("level5"), None);
        assert_eq!(TrustLevel::from_code("LEVEL1"), None, "claims are compared exactly");
    }

    #[test]
    fn a_favourite_id_is_plain_text_of_reasonable_length() {
        assert!(Favourite::new(FavouriteKind::Finder, "kita-finder-muenchen").check().is_ok());
        assert!(Favourite::new(FavouriteKind::Hotspot, "ä".repeat(200)).check().is_ok(), "characters, not bytes");
        for bad in ["", "   ", "a\u{0}b", "line\nbreak", &"x".repeat(201)] {
            assert!(Favourite::new(FavouriteKind::Screen, bad).check().is_err(), "{bad:?}");
        }
        for k in FavouriteKind::ALL {
            assert_eq!(FavouriteKind::from_code(k.code()), Some(k));
            assert_eq!(serde_json::to_string(&k).expect("json"), format!("\"{}\"", k.code()));
        }
    }
}
