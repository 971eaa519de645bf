//! "Hear about it without watching": when Okta moves a submission and the
//! window isn't in front, an OS notification says so ("Okta needs changes to
//! Acme Logs"); clicking it brings the window forward on that draft. The words
//! are core's (`StatusChange::headline`); in-app notices stay as they are.
//! notify-rust speaks D-Bus on Linux, the notification centre on macOS and
//! toasts on Windows, and reports the click on each.

use tauri::{AppHandle, Emitter, Manager, Runtime};

use oin_core::library::StatusChange;

/// Test seam: "1" notifies even when the window is in front (the real-window
/// test can't take the focus away from a window under Xvfb without a window
/// manager).
pub const ALWAYS_ENV: &str = "OIN_STUDIO_NOTIFY_ALWAYS";

/// Shows one notification per status change, unless the window is in front.
pub fn status_changes<R: Runtime>(app: &AppHandle<R>, changes: &[StatusChange]) {
    let window = app.get_webview_window("main");
    let in_front = window.as_ref().is_some_and(|w| w.is_focused().unwrap_or(false))
        && std::env::var_os(ALWAYS_ENV).is_none_or(|v| v != "1");
    if in_front {
        return;
    }
    for change in changes {
        let app = app.clone();
        let change = change.clone();
        // Each waits for its click (or its closing) on a thread of its own.
        std::thread::spawn(move || show(&app, &change));
    }
}

fn show<R: Runtime>(app: &AppHandle<R>, change: &StatusChange) {
    let shown = notify_rust::Notification::new()
        .appname("OIN Studio")
        .summary(&change.headline)
        .body(&format!("Okta says “{}”. Click to open the draft.", change.okta_status))
        .action("default", "Open the draft")
        .show();
    let handle = match shown {
        Ok(h) => h,
        // No notification service (a bare session): the in-app notice stays.
        Err(e) => {
            eprintln!("notification not shown: {e}");
            return;
        }
    };
    handle.wait_for_action(|action| {
        if action == "default" {
            open_draft(app, &change.draft_id);
        }
    });
}

/// Brings the window forward and asks the UI to open the draft.
fn open_draft<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
    let _ = app.emit("open-draft", id.to_owned());
}
