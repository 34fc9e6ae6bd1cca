// tauri.conf.json lives at the top of the repository (the agreed layout), and
// tauri-build reads it from the current directory, resolving the paths in it
// (icons, frontendDist) from there. So build from the repository root, and
// point it at this crate's capabilities.
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("cargo:rerun-if-changed={}", root.join("tauri.conf.json").display());
    println!("cargo:rerun-if-changed={}", root.join("frontend/dist").display());
    std::env::set_current_dir(&root).expect("repository root");
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*").app_manifest(
            tauri_build::AppManifest::new().commands(&[
                "load_hotspots",
                "open_in_map",
                "app_info",
                "load_finders",
                "open_finder",
                "set_favourite",
                "frontend_ready",
                "report_categories",
                "submit_report",
                "my_reports",
                "nearby_reports",
                "list_drafts",
                "save_draft",
                "load_draft",
                "delete_draft",
                "open311_endpoint",
                "set_open311_endpoint",
                "revise_report",
                "support_report",
                "login_status",
                "login",
                "cancel_login",
                "logout",
                "notices",
                "mark_notices_read",
                "set_desktop_notices",
                "end_session",
                "kiosk_activity",
            ]),
        ),
    )
    .expect("tauri-build");
}
