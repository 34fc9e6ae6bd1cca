//! Checks on the repository itself: the code map in ARCHITECTURE.md cannot
//! drift from the code. Every path it names exists, and every crate and every
//! top-level module of a crate is named in it.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn architecture() -> String {
    std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md")
}

/// Every file under `dir`, relative to the root, without what is built or installed.
fn files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if matches!(name.as_str(), "target" | "node_modules" | ".git" | "dist" | "gen" | "permissions") {
            continue;
        }
        if path.is_dir() {
            files(&path, out);
        } else if let Ok(rel) = path.strip_prefix(root()) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The `code` spans of a Markdown text.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn every_path_the_code_map_names_exists() {
    let mut all = Vec::new();
    files(&root(), &mut all);
    let text = architecture();
    let mut missing = Vec::new();
    for span in code_spans(&text) {
        // Paths, not URLs, routes, environment values or patterns.
        let looks_like_path = span.contains('/')
            && !span.starts_with('/')
            && !span.contains(' ')
            && !span.contains("://")
            && !span.contains(['{', '<', '*', '…', '$', '=', '(', '?'])
            && !span.starts_with("MUC_")
            && !span.starts_with("target/");
        if !looks_like_path {
            continue;
        }
        let path = span.split("::").next().unwrap_or(span).trim_end_matches('/');
        let exists =
            root().join(path).exists() || all.iter().any(|f| f.ends_with(path) || f.contains(&format!("{path}/")));
        if !exists {
            missing.push(span.to_string());
        }
    }
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist: {missing:?}");
}

#[test]
fn every_crate_and_module_is_on_the_code_map() {
    let text = architecture();
    let spans = code_spans(&text);
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let members: Vec<&str> = manifest
        .split("members = [")
        .nth(1)
        .and_then(|m| m.split(']').next())
        .expect("workspace members")
        .split(',')
        .map(|m| m.trim().trim_matches('"'))
        .filter(|m| !m.is_empty())
        .collect();
    assert!(members.len() >= 9, "{members:?}");
    let mut unnamed = Vec::new();
    for member in &members {
        if !spans.iter().any(|s| s.trim_end_matches('/') == *member) {
            unnamed.push(format!("crate {member}/"));
        }
        // Top-level modules: src/NAME.rs and src/NAME/ of the crate (or the crate's own root folder for tests/).
        let src = root().join(member).join("src");
        for entry in std::fs::read_dir(&src).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let module = name.trim_end_matches(".rs");
            if matches!(module, "lib" | "main") {
                continue;
            }
            let named = spans.iter().any(|s| {
                let s = s.trim_end_matches('/');
                s == name || s == module || s.ends_with(&format!("/{name}")) || s.ends_with(&format!("/{module}"))
            });
            if !named {
                unnamed.push(format!("{member}/src/{name}"));
            }
        }
    }
    assert!(unnamed.is_empty(), "not on the code map in ARCHITECTURE.md: {unnamed:?}");
}
