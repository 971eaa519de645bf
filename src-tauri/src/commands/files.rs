//! File commands. The webview has no file-system permission: Rust opens the native
//! dialog and reads the file, and core keeps it.

use oin_core::draft::{Attachment, AttachmentSlot};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::AppState;

/// Automation hook: when set, the file dialog is not shown and this path is
/// "picked" instead. WebDriver can't drive native dialogs; the end-to-end tests
/// set it on the app they launch. The webview can't set it.
pub const PICK_FILE_ENV: &str = "OIN_STUDIO_PICK_FILE";

/// Opens the native file dialog for `slot`; `None` when the user cancels.
#[tauri::command(async)]
pub fn pick_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    slot: AttachmentSlot,
) -> Result<Option<Attachment>, IpcError> {
    let (name, extensions) = slot.filter();
    let path = match std::env::var_os(PICK_FILE_ENV) {
        Some(path) => Some(std::path::PathBuf::from(path)),
        None => app
            .dialog()
            .file()
            .add_filter(name, extensions)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(path) = path else { return Ok(None) };
    Ok(Some(state.library()?.attach_path(&path)?))
}
