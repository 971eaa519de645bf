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
}
