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

    let (ok, token, _) = portal(&db, &["operator-token", "Test"]);
    assert!(ok);
    assert_eq!(token.trim().len(), 64, "256 random bits, hex");
    let (_, token2, _) = portal(&db, &["operator-token", "Test"]);
    assert_ne!(token, token2);

    let (ok, _, err) = portal(&db, &["finders", "add", "/no/such/file.json"]);
    assert!(!ok);
    assert!(err.contains("/no/such/file.json"), "{err}");
}
