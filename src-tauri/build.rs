//! Declares every app command so Tauri permission-checks each one; the grants
//! are in `capabilities/default.json`.

/// Every `#[tauri::command]` of the app, as registered in `src/lib.rs`.
const COMMANDS: &[&str] = &[
    "about",
    "startup_notice",
    "check_for_update",
    "install_update",
    "list_drafts",
    "create_draft",
    "open_draft",
    "save_draft",
    "undo_draft",
    "redo_draft",
    "rename_draft",
    "duplicate_draft",
    "pick_attachment",
    "set_password",
    "get_session",
    "set_session",
    "form_schema",
    "check_draft",
    "apply_fix",
    "export_draft",
    "import_draft",
    "check_links",
    "check_guide",
    "copy_password",
    "starter_guide",
    "save_starter_guide",
    "paste_review",
    "pick_review",
    "change_todo",
    "review_reply",
    "reveal_password",
    "set_status",
    "delete_draft",
    "list_trash",
    "restore_draft",
    "update_published",
    "slot_meters",
    "logo_view",
    "fix_logo",
    "use_original_logo",
    "attach_pasted",
    "take_opened_files",
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
