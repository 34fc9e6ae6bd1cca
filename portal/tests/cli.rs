//! The operator's command line, run as a real process on a real database.

use std::process::Command;

fn portal(db: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_muc-portal"))
        .args(["--database-url", db])
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run muc-portal");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn add_update_retire_and_tokens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = format!("sqlite:{}?mode=rwc", dir.path().join("p.db").display());
    let entry = dir.path().join("entry.json");
    let mut f = serde_json::json!({
        "id": "familienpass", "name_de": "Familienpass", "name_en": "Family pass",
        "description_de": "Ermäßigungen für Familien.", "description_en": "Discounts for families.",
        "operator": "Landeshauptstadt München", "url": "https://example.org/familienpass",
        "category": "social_support", "target_groups": ["families"], "languages": ["de"],
        "login_required": false, "keywords": []
    });
    std::fs::write(&entry, f.to_string()).expect("write");

    let (ok, out, err) = portal(&db, &["finders", "add", entry.to_str().expect("p")]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "added familienpass");
    let (ok, _, err) = portal(&db, &["finders", "add", entry.to_str().expect("p")]);
    assert!(!ok, "a duplicate is refused");
    assert!(err.contains("exists already"), "{err}");

    f["url"] = "http://example.org/insecure".into();
    std::fs::write(&entry, f.to_string()).expect("write");
    let (ok, _, err) = portal(&db, &["finders", "update", entry.to_str().expect("p")]);
    assert!(!ok);
    assert!(err.contains("https://"), "{err}");

    let (ok, out, _) = portal(&db, &["finders", "retire", "familienpass"]);
    assert!(ok);
    assert_eq!(out.trim(), "retired familienpass");
    let (_, list, _) = portal(&db, &["finders", "list"]);
    assert!(list.lines().any(|l| l.starts_with("retired") && l.contains("familienpass")), "{list}");
    assert!(list.lines().any(|l| l.starts_with("active") && l.contains("kita-finder-muenchen")), "{list}");

    let (ok, token, err) = portal(&db, &["operator-token", "create", "Test", "--scope", "finders", "--days", "7"]);
    assert!(ok, "{err}");
    assert_eq!(token.trim().len(), 64, "256 random bits, hex");
    let (_, token2, _) = portal(&db, &["operator-token", "create", "Test 2", "--scope", "finders,audit"]);
    assert_ne!(token, token2);
    let (ok, _, err) = portal(&db, &["operator-token", "create", "Test", "--scope", "everything"]);
    assert!(!ok && err.contains("unknown scope"), "{err}");
    let (ok, _, err) = portal(&db, &["operator-token", "create", "Test"]);
    assert!(!ok && err.contains("--scope"), "a scope must be named: {err}");

    let (ok, list, _) = portal(&db, &["operator-token", "list"]);
    assert!(ok);
    assert!(!list.contains(token.trim()), "tokens are never listed");
    let first = list.lines().find(|l| l.ends_with(" Test")).unwrap_or_else(|| panic!("{list}"));
    assert!(first.contains("active") && first.contains("finders"), "{first}");
    let id = first.split_whitespace().next().expect("id").to_string();
    let (ok, out, err) = portal(&db, &["operator-token", "revoke", &id]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), format!("revoked {id}"));
    let (_, list, _) = portal(&db, &["operator-token", "list"]);
    assert!(list.lines().any(|l| l.starts_with(&id) && l.contains("revoked")), "{list}");
    let (ok, _, err) = portal(&db, &["operator-token", "revoke", &id]);
    assert!(!ok && err.contains("No active operator token"), "{err}");

    // The audit log names the command line and what it did, newest first.
    let (ok, audit, _) = portal(&db, &["audit"]);
    assert!(ok);
    let actions: Vec<&str> = audit.lines().filter_map(|l| l.split_whitespace().nth(1)).collect();
    assert_eq!(actions, ["token.revoke", "token.create", "token.create", "finder.retire", "finder.add"], "{audit}");
    assert!(audit.lines().all(|l| l.contains("command line (")), "{audit}");

    let (ok, _, err) = portal(&db, &["finders", "add", "/no/such/file.json"]);
    assert!(!ok);
    assert!(err.contains("/no/such/file.json"), "{err}");
}

#[test]
fn every_setting_is_in_help_and_in_the_readme() {
    let out = Command::new(env!("CARGO_BIN_EXE_muc-portal")).arg("--help").output().expect("run");
    let help = String::from_utf8_lossy(&out.stdout);
    let config = include_str!("../src/config.rs");
    let readme = include_str!("../../README.md");
    let vars: Vec<&str> = config.split("env = \"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert!(vars.len() >= 18, "{vars:?}");
    for var in vars {
        assert!(help.contains(&format!("[env: {var}")), "{var} is not in --help:\n{help}");
        assert!(readme.contains(&format!("`{var}`")), "{var} is not in the README's table");
    }
}

#[test]
fn a_bad_setting_stops_the_portal_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = format!("sqlite:{}?mode=rwc", dir.path().join("p.db").display());
    for (var, value, says) in [
        ("MUC_LIMIT_REPORTS", "lots", "BURST/SECONDS"),
        ("MUC_POW_KEY", "short", "at least 16"),
        ("MUC_CONTACT_RETENTION_DAYS", "0", "contact-retention-days"),
        ("MUC_PHOTO_STORE", "s3", "MUC_S3_BUCKET"),
        // Photos and the store's key are never sent over a network in clear.
        ("MUC_S3_ENDPOINT", "http://s3.example.org", "https"),
        ("MUC_OIDC_MORE", "M-Login", "NAME=ISSUER-URL"),
        // A second provider needs a first.
        ("MUC_OIDC_MORE", "M-Login=https://login.example.org", "needs --oidc-issuer"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_muc-portal"))
            .args(["--database-url", &db, "--bind", "127.0.0.1:0"])
            .env(var, value)
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{var}={value} must not start");
        assert!(err.contains(says), "{var}={value}: {err}");
    }
}

/// `muc-portal notify`: an operator on the server publishes to a district's
/// subscribers or to one device; the feed has it; what is wrong is refused
/// with a message that says what to use; the audit log names it.
#[test]
fn notify_publishes_and_refuses_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = format!("sqlite:{}?mode=rwc", dir.path().join("p.db").display());
    let (ok, out, err) = portal(
        &db,
        &[
            "notify",
            "--topic",
            "road_works",
            "--district",
            "9",
            "--severity",
            "warning",
            "Sperrung Donnersbergerbrücke",
            "Bis 18 Uhr.",
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "published notification 1");
    let (ok, out, err) =
        portal(&db, &["notify", "--topic", "report_status", "--device", "a-device-of-someone-1", "M-1: Erledigt"]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "published notification 2");
    for (args, says) in [
        (vec!["notify", "--topic", "weather", "x"], "use one of report_status, road_works, buerger_lab, warnings"),
        (vec!["notify", "--topic", "warnings", "--district", "26", "x"], "district: 1 to 25"),
        (vec!["notify", "--topic", "warnings", "--severity", "loud", "x"], "unknown severity"),
        (vec!["notify", "--topic", "report_status", "x"], "report_status goes to a person"),
        (
            vec!["notify", "--topic", "warnings", "--link", "https://evil.example", "x"],
            "link: report:<id> or screen:<name>",
        ),
    ] {
        let (ok, _, err) = portal(&db, &args);
        assert!(!ok && err.contains(says), "{args:?}: {err}");
    }
    let (_, audit, _) = portal(&db, &["audit"]);
    let actions: Vec<&str> = audit.lines().filter_map(|l| l.split_whitespace().nth(1)).collect();
    assert_eq!(actions, ["notification.publish", "notification.publish"], "{audit}");
}
