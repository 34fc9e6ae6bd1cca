//! The webview's Content Security Policy stays strict: a guard against a
//! convenient loosening slipping in with a feature.

#[test]
fn the_csp_is_strict() {
    let conf: serde_json::Value =
        serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
    let csp = conf["app"]["security"]["csp"].as_object().expect("a CSP object, never null");
    let get = |k: &str| csp.get(k).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("{k} is set"));
    assert_eq!(get("default-src"), "'self'");
    assert_eq!(get("object-src"), "'none'");
    assert_eq!(get("base-uri"), "'none'");
    assert_eq!(get("frame-ancestors"), "'none'");
    for (k, v) in csp {
        let v = v.as_str().unwrap_or_default();
        assert!(
            !v.contains("unsafe-inline") && !v.contains("'unsafe-eval'") && !v.contains('*') || k == "img-src",
            "{k}: {v}"
        );
    }
    // Images: the app, and map tiles from OpenStreetMap or a tile server on this machine only.
    for source in get("img-src").split_whitespace() {
        assert!(
            matches!(source, "'self'" | "data:" | "https://tile.openstreetmap.org" | "http://127.0.0.1:*"),
            "unexpected image source {source}"
        );
    }
    assert!(
        !get("connect-src").contains("https:") && !get("connect-src").contains("http://1"),
        "the webview talks to the shell only"
    );
}
