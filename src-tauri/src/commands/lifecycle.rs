//! Lifecycle commands: status by hand, delete to the Trash and restore, update a
//! published integration, slot use per org.

use oin_core::library::{DraftSummary, DraftView};
use oin_core::lifecycle::SubmissionStatus;
use tauri::State;

use crate::error::IpcError;
use crate::state::{now_ms, AppState};

#[tauri::command(async)]
pub fn set_status(
    state: State<'_, AppState>,
    id: String,
    status: SubmissionStatus,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.set_status(&id, status, now_ms())?)
}

#[tauri::command(async)]
pub fn delete_draft(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(state.library()?.delete(&id, now_ms())?)
}

#[tauri::command(async)]
pub fn restore_draft(state: State<'_, AppState>, id: String) -> Result<DraftSummary, IpcError> {
    Ok(state.library()?.restore(&id, now_ms())?)
}

#[tauri::command(async)]
pub fn update_published(state: State<'_, AppState>, id: String) -> Result<DraftView, IpcError> {
    Ok(state.library()?.update_published(&id, now_ms())?)
}
