//! Okta's review email on a draft: paste it or pick a .txt/.eml (Rust opens
//! the dialog and reads the file), and change a to-do.

use oin_core::library::{ReviewTodo, TodoChange};
use oin_core::review::Todo;
use tauri::{AppHandle, Runtime, State};

use crate::commands::files::pick_path;
use crate::error::IpcError;
use crate::state::{now_ms, AppState};

#[tauri::command(async)]
pub fn paste_review(
    state: State<'_, AppState>,
    id: String,
    email: String,
) -> Result<Vec<ReviewTodo>, IpcError> {
    Ok(state.library()?.paste_review(&id, email.as_bytes(), now_ms())?)
}

/// Picks a saved email (.eml or .txt) and reads it; `None` when cancelled.
#[tauri::command(async)]
pub fn pick_review<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<Vec<ReviewTodo>>, IpcError> {
    let Some(path) = pick_path(&app, ("Email", &["eml", "txt"]), None) else { return Ok(None) };
    Ok(Some(state.library()?.paste_review_file(&id, &path, now_ms())?))
}

/// Reads the email just dropped on the window into draft `id`'s to-dos;
/// `None` when none waits.
#[tauri::command(async)]
pub fn paste_dropped_review(
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<Vec<ReviewTodo>>, IpcError> {
    let Some(path) = state.take_dropped_email() else { return Ok(None) };
    Ok(Some(state.library()?.paste_review_file(&id, &path, now_ms())?))
}

#[tauri::command(async)]
pub fn change_todo(
    state: State<'_, AppState>,
    id: String,
    todo: i64,
    change: TodoChange,
) -> Result<Vec<ReviewTodo>, IpcError> {
    Ok(state.library()?.change_todo(&id, todo, change)?)
}

/// The reply to Okta from the to-dos and what changed since the submission.
#[tauri::command(async)]
pub fn review_reply(state: State<'_, AppState>, id: String) -> Result<String, IpcError> {
    Ok(state.library()?.review_reply(&id)?)
}

/// A to-do the user adds by hand (the email said it unclearly, or by phone).
#[tauri::command(async)]
pub fn add_todo(
    state: State<'_, AppState>,
    id: String,
    todo: Todo,
) -> Result<Vec<ReviewTodo>, IpcError> {
    Ok(state.library()?.add_todo(&id, todo, now_ms())?)
}
