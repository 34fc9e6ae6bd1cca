//! Notifications the portal keeps and pushes: personal ones (a report of
//! mine moved on) and public ones per topic and Stadtbezirk (road works,
//! Bürger-Lab events, warnings). Delivered as a feed with a cursor and as a
//! Server-Sent Events stream whose event ids are the notifications' ids, so
//! `Last-Event-ID` resumes with no gap and no duplicate.

use serde::{Deserialize, Serialize};

/// What a notification is about; people subscribe to the public ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A report I sent or support moved on (personal; no subscription needed).
    ReportStatus,
    RoadWorks,
    BuergerLab,
    Warnings,
}

impl Topic {
    pub const ALL: [Topic; 4] = [Topic::ReportStatus, Topic::RoadWorks, Topic::BuergerLab, Topic::Warnings];
    /// The topics one subscribes to.
    pub const PUBLIC: [Topic; 3] = [Topic::RoadWorks, Topic::BuergerLab, Topic::Warnings];

    pub fn code(self) -> &'static str {
        match self {
            Topic::ReportStatus => "report_status",
            Topic::RoadWorks => "road_works",
            Topic::BuergerLab => "buerger_lab",
            Topic::Warnings => "warnings",
        }
    }

    pub fn from_code(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn words(self, en: bool) -> &'static str {
        match (self, en) {
            (Topic::ReportStatus, false) => "Meine Meldungen",
            (Topic::ReportStatus, true) => "My reports",
            (Topic::RoadWorks, false) => "Baustellen",
            (Topic::RoadWorks, true) => "Road works",
            (Topic::BuergerLab, false) => "Bürger-Lab-Termine",
            (Topic::BuergerLab, true) => "Bürger-Lab events",
            (Topic::Warnings, false) => "Warnungen",
            (Topic::Warnings, true) => "Warnings",
        }
    }
}

/// As the city's design system names its banners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Info,
    Success,
    Warning,
    Emergency,
}

impl Severity {
    pub fn code(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Success => "success",
            Severity::Warning => "warning",
            Severity::Emergency => "emergency",
        }
    }

    pub fn from_code(code: &str) -> Option<Severity> {
        [Severity::Info, Severity::Success, Severity::Warning, Severity::Emergency]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Munich's 25 Stadtbezirke, numbered as the city numbers them.
pub const DISTRICTS: u8 = 25;

/// Munich's 25 Stadtbezirke by number (the city's official names).
pub const DISTRICT_NAMES: [&str; DISTRICTS as usize] = [
    "Altstadt-Lehel",
    "Ludwigsvorstadt-Isarvorstadt",
    "Maxvorstadt",
    "Schwabing-West",
    "Au-Haidhausen",
    "Sendling",
    "Sendling-Westpark",
    "Schwanthalerhöhe",
    "Neuhausen-Nymphenburg",
    "Moosach",
    "Milbertshofen-Am Hart",
    "Schwabing-Freimann",
    "Bogenhausen",
    "Berg am Laim",
    "Trudering-Riem",
    "Ramersdorf-Perlach",
    "Obergiesing-Fasangarten",
    "Untergiesing-Harlaching",
    "Thalkirchen-Obersendling-Forstenried-Fürstenried-Solln",
    "Hadern",
    "Pasing-Obermenzing",
    "Aubing-Lochhausen-Langwied",
    "Allach-Untermenzing",
    "Feldmoching-Hasenbergl",
    "Laim",
];

/// One notification as a subscriber receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    /// Increasing in the order published: the feed's cursor and the stream's event id.
    pub id: i64,
    pub topic: Topic,
    /// 1 to 25; None: the whole city.
    pub district: Option<u8>,
    pub severity: Severity,
    pub title: String,
    pub text: String,
    /// Where in the app it leads: `report:<id>` or `screen:<name>`.
    pub link: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// After this (RFC 3339) it is no longer delivered.
    pub expires_at: Option<String>,
    /// Addressed to this person (or device) alone.
    pub personal: bool,
    /// Read on one of the person's devices (the feed says; new ones in the stream are unread).
    #[serde(default)]
    pub read: bool,
}

/// `GET /notifications?after=`: the next notifications after the cursor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    /// Ask again with `after=` this to continue (the last id seen, or the one asked with).
    pub next_after: i64,
    /// More are waiting beyond this page.
    pub more: bool,
}

/// What a subscriber receives besides personal notifications: these topics,
/// in these districts (none listed: every district).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscriptions {
    pub topics: Vec<Topic>,
    pub districts: Vec<u8>,
}

impl Subscriptions {
    /// Whether a public notification of `topic` in `district` reaches this subscriber.
    pub fn wants(&self, topic: Topic, district: Option<u8>) -> bool {
        self.topics.contains(&topic)
            && (self.districts.is_empty() || district.is_none_or(|d| self.districts.contains(&d)))
    }

    pub fn check(&self) -> Result<(), String> {
        if let Some(t) = self.topics.iter().find(|t| !Topic::PUBLIC.contains(t)) {
            return Err(format!("{} is personal; it needs no subscription", t.code()));
        }
        if let Some(d) = self.districts.iter().find(|d| !(1..=DISTRICTS).contains(*d)) {
            return Err(format!("district {d}: Munich's districts are numbered 1 to {DISTRICTS}"));
        }
        Ok(())
    }
}

/// Who a published notification is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "to")]
pub enum Audience {
    /// Everyone subscribed to the notification's topic (and district).
    Subscribers,
    /// One signed-in person.
    Account { account_id: String },
    /// One device of a person who does not sign in.
    Device { device_id: String },
}

/// `POST /operator/notifications`: publish.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Publish {
    pub audience: Audience,
    pub topic: Topic,
    #[serde(default)]
    pub district: Option<u8>,
    #[serde(default)]
    pub severity: Severity,
    /// At most 120 characters.
    pub title: String,
    /// At most 1000 characters; plain text, newlines allowed.
    pub text: String,
    #[serde(default)]
    pub link: Option<String>,
    /// RFC 3339; None: kept for 30 days.
    #[serde(default)]
    pub expires_at: Option<String>,
}

impl Publish {
    /// The first problem, for the operator.
    pub fn check(&self) -> Result<(), String> {
        let plain = |s: &str, lines: bool| !s.chars().any(|c| c.is_control() && !(lines && c == '\n'));
        if self.title.trim().is_empty() || self.title.chars().count() > 120 || !plain(&self.title, false) {
            return Err("title: 1 to 120 characters of plain text".into());
        }
        if self.text.chars().count() > 1000 || !plain(&self.text, true) {
            return Err("text: at most 1000 characters of plain text".into());
        }
        if self.district.is_some_and(|d| !(1..=DISTRICTS).contains(&d)) {
            return Err(format!("district: 1 to {DISTRICTS}"));
        }
        if let Some(l) = &self.link {
            let ok = l.strip_prefix("report:").or_else(|| l.strip_prefix("screen:")).is_some_and(|rest| {
                !rest.is_empty()
                    && rest.len() <= 100
                    && rest.chars().all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
            });
            if !ok {
                return Err("link: report:<id> or screen:<name>".into());
            }
        }
        match (&self.audience, self.topic) {
            (Audience::Subscribers, Topic::ReportStatus) => {
                Err("report_status goes to a person, not to subscribers".into())
            }
            (Audience::Account { account_id: a }, _) if a.is_empty() || a.len() > 255 => {
                Err("account_id: 1 to 255".into())
            }
            (Audience::Device { device_id }, _) if !device_id_ok(device_id) => {
                Err("device_id: 16 to 64 of A-Z a-z 0-9 - _".into())
            }
            _ => Ok(()),
        }
    }
}

/// A device id as the app makes them (random, at least 16 characters): the
/// only thing that names a device that does not sign in, so a guessable one
/// is refused.
pub fn device_id_ok(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `POST /notifications/marks`: read, unread or deleted, for the ids given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Marks {
    /// At most 500.
    pub ids: Vec<i64>,
    #[serde(default)]
    pub read: Option<bool>,
    #[serde(default)]
    pub deleted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_match_topic_and_district() {
        let s = Subscriptions { topics: vec![Topic::RoadWorks], districts: vec![3, 9] };
        assert!(s.wants(Topic::RoadWorks, Some(3)));
        assert!(s.wants(Topic::RoadWorks, None), "a city-wide one reaches every district");
        assert!(!s.wants(Topic::RoadWorks, Some(4)));
        assert!(!s.wants(Topic::Warnings, Some(3)));
        let everywhere = Subscriptions { topics: vec![Topic::Warnings], districts: vec![] };
        assert!(everywhere.wants(Topic::Warnings, Some(25)));
        assert!(Subscriptions { topics: vec![Topic::ReportStatus], districts: vec![] }.check().is_err());
        assert!(Subscriptions { topics: vec![], districts: vec![26] }.check().is_err());
    }

    #[test]
    fn a_publish_is_checked() {
        let p = Publish {
            audience: Audience::Subscribers,
            topic: Topic::RoadWorks,
            district: Some(1),
            severity: Severity::Warning,
            title: "Sperrung Marienplatz".into(),
            text: "Bis Freitag.\nUmleitung über die Weinstraße.".into(),
            link: Some("screen:hotspots".into()),
            expires_at: None,
        };
        assert_eq!(p.check(), Ok(()));
        for bad in [
            Publish { title: " ".into(), ..p.clone() },
            Publish { text: "a\u{7}".into(), ..p.clone() },
            Publish { district: Some(0), ..p.clone() },
            Publish { link: Some("https://evil.example".into()), ..p.clone() },
            Publish { topic: Topic::ReportStatus, ..p.clone() },
            Publish { audience: Audience::Device { device_id: "short".into() }, ..p.clone() },
        ] {
            assert!(bad.check().is_err(), "{bad:?}");
        }
    }
}
