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
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(muc_wire::ipc::cmd::ALL)),
    )
    .expect("tauri-build");
}
