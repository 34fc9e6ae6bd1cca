// tauri.conf.json lives at the top of the repository (the agreed layout), and
// tauri-build reads it from the current directory, resolving the paths in it
// (icons, frontendDist) from there. So build from the repository root, and
// point it at this crate's capabilities.
fn main() {
    // Read when the script runs, not baked in when it is compiled: Cargo
    // reuses a compiled build script for a clone of the repository elsewhere
    // that shares the target folder (CI's fresh clone), whose root differs.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = std::path::Path::new(&manifest_dir).join("..");
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
