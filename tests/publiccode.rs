//! `publiccode.yml` checked against the publiccode.yml standard (core,
//! version 0.7, https://yml.publiccode.tools, CC0-1.0): mandatory keys, the
//! enumerations, the length limits of the descriptions, and agreement with
//! the rest of the repository (version, licence, languages).
//!
//! Written here because the standard's own validator (publiccode-parser-go)
//! is a Go program that none of the reachable registries carries; the rules
//! below are the standard's, key by key.

use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

/// The standard's category list (docs/standard/categories-list.rst).
const CATEGORIES: &[&str] = &[
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "design",
    "design-system",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "educational-content",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "identity-management",
    "instant-messaging",
    "integrated-library-system",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "regulations-and-directives",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "website-builder",
    "whistleblowing",
    "workflow-management",
    "other",
];
const PLATFORMS: &[&str] = &["web", "windows", "mac", "linux", "ios", "android"];
const STATUSES: &[&str] = &["concept", "development", "beta", "stable", "obsolete"];
const SOFTWARE_TYPES: &[&str] = &[
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
];
const MAINTENANCE: &[&str] = &["internal", "contract", "community", "none"];

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every rule of the standard this file breaks, as readable lines.
fn problems(doc: &Yaml) -> Vec<String> {
    let mut out = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            out.push(what.to_string());
        }
    };
    let s = |y: &Yaml| y.as_str().map(str::to_string);
    need(s(&doc["publiccodeYmlVersion"]).is_some_and(|v| v.starts_with("0.")), "publiccodeYmlVersion: a 0.x string");
    need(s(&doc["name"]).is_some_and(|v| !v.trim().is_empty()), "name: mandatory");
    need(s(&doc["url"]).is_some_and(|u| url::Url::parse(&u).is_ok()), "url: mandatory, a URL");
    let platforms = match &doc["platforms"] {
        Yaml::String(p) => vec![p.clone()],
        Yaml::Array(a) => a.iter().filter_map(|p| p.as_str().map(str::to_string)).collect(),
        _ => vec![],
    };
    need(!platforms.is_empty(), "platforms: mandatory");
    need(platforms.iter().all(|p| PLATFORMS.contains(&p.as_str())), "platforms: the standard's values");
    if let Some(cats) = doc["categories"].as_vec() {
        for c in cats {
            need(
                c.as_str().is_some_and(|c| CATEGORIES.contains(&c)),
                &format!("categories: {c:?} is not in the standard's list"),
            );
        }
    }
    need(
        s(&doc["developmentStatus"]).is_some_and(|v| STATUSES.contains(&v.as_str())),
        "developmentStatus: mandatory, enumerated",
    );
    need(
        s(&doc["softwareType"]).is_some_and(|v| SOFTWARE_TYPES.contains(&v.as_str())),
        "softwareType: mandatory, enumerated",
    );
    if let Some(date) = s(&doc["releaseDate"]) {
        need(
            time::Date::parse(&date, time::macros::format_description!("[year]-[month]-[day]")).is_ok(),
            "releaseDate: YYYY-MM-DD",
        );
    }
    if !doc["organisation"].is_badvalue() {
        need(
            s(&doc["organisation"]["uri"]).is_some_and(|u| url::Url::parse(&u).is_ok()),
            "organisation/uri: mandatory in an organisation section",
        );
    }
    let descriptions = doc["description"].as_hash().cloned().unwrap_or_default();
    need(!descriptions.is_empty(), "description: at least one language");
    let mut long_somewhere = false;
    let mut features_somewhere = false;
    for (lang, d) in &descriptions {
        let lang = lang.as_str().unwrap_or("?");
        let short = s(&d["shortDescription"]).unwrap_or_default();
        need(
            !short.is_empty() && short.chars().count() <= 150,
            &format!("description/{lang}/shortDescription: mandatory, at most 150 characters"),
        );
        if let Some(long) = s(&d["longDescription"]) {
            let n = long.chars().count();
            need(
                (150..=10_000).contains(&n),
                &format!("description/{lang}/longDescription: 150 to 10000 characters, has {n}"),
            );
            long_somewhere = true;
        }
        features_somewhere |= d["features"].as_vec().is_some_and(|f| !f.is_empty());
    }
    need(long_somewhere, "description/*/longDescription: mandatory in at least one language");
    need(features_somewhere, "description/*/features: mandatory in at least one language");
    need(s(&doc["legal"]["license"]).is_some(), "legal/license: mandatory");
    let maintenance = s(&doc["maintenance"]["type"]).unwrap_or_default();
    need(MAINTENANCE.contains(&maintenance.as_str()), "maintenance/type: mandatory, enumerated");
    let contacts = doc["maintenance"]["contacts"].as_vec().is_some_and(|c| !c.is_empty());
    need(
        !matches!(maintenance.as_str(), "internal" | "community") || contacts,
        "maintenance/contacts: mandatory for internal or community maintenance",
    );
    let contractors = !doc["maintenance"]["contractors"].is_badvalue();
    need(
        (maintenance == "contract") == contractors,
        "maintenance/contractors: exactly when maintenance/type is contract",
    );
    need(
        doc["localisation"]["localisationReady"].as_bool().is_some(),
        "localisation/localisationReady: mandatory, a boolean",
    );
    need(
        doc["localisation"]["availableLanguages"].as_vec().is_some_and(|l| !l.is_empty()),
        "localisation/availableLanguages: mandatory",
    );
    out
}

fn ours() -> Yaml {
    let text = std::fs::read_to_string(root().join("publiccode.yml")).expect("publiccode.yml");
    YamlLoader::load_from_str(&text).expect("publiccode.yml is YAML").remove(0)
}

#[test]
fn publiccode_yml_follows_the_standard() {
    assert_eq!(problems(&ours()), Vec::<String>::new());
}

#[test]
fn publiccode_yml_agrees_with_the_repository() {
    let doc = ours();
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let version =
        cargo.lines().find_map(|l| l.strip_prefix("version = ")).expect("workspace version").trim_matches('"');
    assert_eq!(doc["softwareVersion"].as_str(), Some(version), "softwareVersion is the workspace's version");
    assert!(
        cargo.contains(&format!("license = \"{}\"", doc["legal"]["license"].as_str().unwrap_or("?"))),
        "the licence Cargo.toml declares"
    );
    assert!(root().join("LICENSES").join(format!("{}.txt", doc["legal"]["license"].as_str().unwrap_or("?"))).exists());
    let langs: Vec<&str> = doc["localisation"]["availableLanguages"]
        .as_vec()
        .expect("languages")
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    // Leichte Sprache is German (publiccode.yml knows languages, not registers).
    let mut spoken: Vec<&str> = muc_messages::LANGUAGES.iter().map(|l| l.html).collect();
    spoken.dedup();
    assert_eq!(langs, spoken, "the app's languages");
}

/// The checker itself finds what the standard forbids.
#[test]
fn broken_files_are_caught() {
    let broken = YamlLoader::load_from_str(
        "publiccodeYmlVersion: '0.7'\nname: X\nurl: not a url\nplatforms: [linux, amiga]\ncategories: [citizen-engagement]\n\
         developmentStatus: ready\nsoftwareType: app\norganisation: {name: X}\n\
         description: {de: {shortDescription: kurz, longDescription: zu kurz}}\nlegal: {}\nmaintenance: {type: internal}\n\
         localisation: {availableLanguages: [de]}\n",
    )
    .expect("yaml")
    .remove(0);
    let found = problems(&broken);
    for rule in [
        "url:",
        "platforms: the",
        "citizen-engagement",
        "developmentStatus",
        "softwareType",
        "organisation/uri",
        "longDescription: 150",
        "features",
        "legal/license",
        "maintenance/contacts",
        "localisationReady",
    ] {
        assert!(found.iter().any(|p| p.contains(rule)), "{rule} not caught: {found:#?}");
    }
}
