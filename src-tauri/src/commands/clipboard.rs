//! Copying a secret (the test-account password) happens here, in Rust: the
//! value never reaches the webview. After 30 s the clipboard is cleared, but
//! only if it still holds the secret — what the user copied since stays.
//! On Linux through GTK's clipboard (the toolkit the window already runs on:
//! X11 and Wayland alike, no second clipboard stack in the binary); on
//! Windows and macOS through Tauri's clipboard plugin.

use std::time::Duration;

use tauri::{AppHandle, Runtime, State};

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
    let fingerprint = password.fingerprint();
    os::write(&app, password).map_err(refused)?;
    std::thread::spawn(move || {
        std::thread::sleep(clear_after());
        os::clear_if(&app, move |now| fingerprint.matches(now));
    });
    Ok(true)
}

#[cfg(target_os = "linux")]
mod os {
    use gtk::gdk::SELECTION_CLIPBOARD;
    use gtk::Clipboard;
    use oin_core::secrets::Sensitive;
    use tauri::{AppHandle, Runtime};

    /// Puts `text` on the clipboard (GTK's, on the main thread).
    pub fn write<R: Runtime>(app: &AppHandle<R>, text: Sensitive<String>) -> Result<(), String> {
        let (tx, rx) = std::sync::mpsc::channel();
        app.run_on_main_thread(move || {
            Clipboard::get(&SELECTION_CLIPBOARD).set_text(text.expose());
            let _ = tx.send(());
        })
        .map_err(|e| e.to_string())?;
        rx.recv_timeout(std::time::Duration::from_secs(5))
            .map_err(|_| "the clipboard didn't answer".to_owned())
    }

    /// Clears the clipboard if what it holds now passes `still`.
    pub fn clear_if<R: Runtime>(app: &AppHandle<R>, still: impl Fn(&str) -> bool + Send + 'static) {
        let _ = app.run_on_main_thread(move || {
            Clipboard::get(&SELECTION_CLIPBOARD).request_text(move |clipboard, now| {
                if now.is_some_and(still) {
                    clipboard.clear();
                }
            });
        });
    }
}

#[cfg(not(target_os = "linux"))]
mod os {
    use oin_core::secrets::Sensitive;
    use tauri::{AppHandle, Runtime};
    use tauri_plugin_clipboard_manager::ClipboardExt;

    /// Puts `text` on the clipboard.
    pub fn write<R: Runtime>(app: &AppHandle<R>, text: Sensitive<String>) -> Result<(), String> {
        app.clipboard().write_text(text.expose().clone()).map_err(|e| e.to_string())
    }

    /// Clears the clipboard if what it holds now passes `still`.
    pub fn clear_if<R: Runtime>(app: &AppHandle<R>, still: impl Fn(&str) -> bool + Send + 'static) {
        if app.clipboard().read_text().is_ok_and(|now| still(&now)) {
            let _ = app.clipboard().clear();
        }
    }
}
