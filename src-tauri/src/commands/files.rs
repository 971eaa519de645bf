//! File commands. The webview has no file-system permission: Rust opens the native
//! dialog and reads the file, and core keeps it.

use oin_core::draft::{Attachment, AttachmentSlot};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::AppState;

/// Opens the native file dialog for `slot`; `None` when the user cancels.
#[tauri::command(async)]
pub fn pick_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    slot: AttachmentSlot,
) -> Result<Option<Attachment>, IpcError> {
    let (name, extensions) = slot.filter();
    let picked = app
        .dialog()
        .file()
        .add_filter(name, extensions)
        .blocking_pick_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    Ok(Some(state.library()?.attach_path(&path)?))
}
