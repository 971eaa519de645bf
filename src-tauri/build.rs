//! Declares every app command so Tauri permission-checks each one; the grants
//! are in `capabilities/default.json`.

/// Every `#[tauri::command]` of the app, as registered in `src/lib.rs`.
const COMMANDS: &[&str] = &[
    "enable_spelling",
    "check_for_update",
    "install_update",
    "library_shelf",
    "startup",
    "create_draft",
    "open_draft",
    "save_draft",
    "undo_draft",
    "redo_draft",
    "rename_draft",
    "duplicate_draft",
    "pick_attachment",
    "set_password",
    "set_session",
    "form_schema",
    "check_draft",
    "apply_fix",
    "export_draft",
    "import_draft",
    "check_links",
    "check_guide",
    "listing_preview",
    "copy_password",
    "starter_guide",
    "save_starter_guide",
    "save_listing_picture",
    "paste_review",
    "pick_review",
    "paste_dropped_review",
    "change_todo",
    "review_reply",
    "add_todo",
    "reveal_password",
    "set_status",
    "delete_draft",
    "restore_draft",
    "update_published",
    "logo_view",
    "fix_logo",
    "use_original_logo",
    "attach_pasted",
    "okta_accounts",
    "okta_client_id",
    "okta_start_device",
    "okta_finish_device",
    "okta_cancel_sign_in",
    "okta_sign_in_browser",
    "okta_sign_in_token",
    "okta_sign_out",
    "submit_preview",
    "submit_draft",
    "refresh_statuses",
    "outbox",
    "import_from_org",
    "handoff",
    "choose_submission",
    "reveal_handoff_files",
    "open_web",
    "probe_integration",
    "exit_ready",
    "exit_anyway",
    "exit_cancel",
];

fn main() {
    // The built UI is embedded in the binary: rebuild when it changes.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
    pack_relative_relocations();
}

/// The app's binary is position-independent (ASLR), so the loader patches
/// ~60,000 pointers in it at every start, each described by a 24-byte
/// relocation: 1.4 MB of the binary. Packed (DT_RELR) they take a few KB and
/// are applied faster. glibc understands packed relocations from 2.36 (Debian
/// 12, Ubuntu 22.10), and a binary already needs the glibc it was built
/// against, so this is on only where the build machine's glibc has it (an
/// Ubuntu 22.04 build stays as it was).
fn pack_relative_relocations() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let native = var("HOST") == var("TARGET");
    if !(native && var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu") {
        return;
    }
    let glibc = std::process::Command::new("getconf").arg("GNU_LIBC_VERSION").output();
    let version = glibc.ok().and_then(|o| String::from_utf8(o.stdout).ok()).unwrap_or_default();
    // "glibc 2.36"
    let mut parts = version.trim().trim_start_matches("glibc ").split('.');
    let (major, minor) = (parts.next(), parts.next());
    let at_least_2_36 = match (
        major.and_then(|m| m.parse::<u32>().ok()),
        minor.and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(major), Some(minor)) => (major, minor) >= (2, 36),
        _ => false,
    };
    if at_least_2_36 {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
