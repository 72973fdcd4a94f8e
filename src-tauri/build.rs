//! Builds the Tauri context from the root tauri.conf.json and declares every
//! app command (from the shared IPC module) so each window's capability file
//! can grant exactly the commands it needs.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(dukadesk_domain::ipc::ALL_COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
