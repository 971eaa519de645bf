//! Copying a secret (the test-account password) happens here, in Rust: the
//! value never reaches the webview. After 30 s the clipboard is cleared, but
//! only if it still holds the secret — what the user copied since stays.

use std::time::Duration;

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::commands::okta::refused;
use crate::error::IpcError;
use crate::state::AppState;

/// Test seam: the clear delay in milliseconds (default 30 s).
pub const CLEAR_MS_ENV: &str = "OIN_STUDIO_CLIPBOARD_CLEAR_MS";

fn clear_after() -> Duration {
    let ms = std::env::var(CLEAR_MS_ENV).ok().and_then(|v| v.parse().ok()).unwrap_or(30_000);
    Duration::from_millis(ms)
}

/// Copies the draft's test-account password; false when none is kept.
#[tauri::command(async)]
pub fn copy_password<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<bool, IpcError> {
    let Some(password) = state.library()?.password(&id)? else { return Ok(false) };
    app.clipboard().write_text(password.expose().clone()).map_err(|e| refused(e.to_string()))?;
    let fingerprint = password.fingerprint();
    drop(password);
    std::thread::spawn(move || {
        std::thread::sleep(clear_after());
        let still = app.clipboard().read_text().is_ok_and(|now| fingerprint.matches(&now));
        if still {
            let _ = app.clipboard().clear();
        }
    });
    Ok(true)
}
