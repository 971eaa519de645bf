//! Draft commands: the library and the form.

use oin_core::library::{DraftSummary, DraftView, FormSchema, Shelf};
use oin_core::links::{self, LinkCheck};
use oin_core::rules::{FixAction, Report};
use oin_core::secrets::Sensitive;
use oin_core::{Draft, IntegrationType};
use tauri::State;

use crate::error::IpcError;
use crate::state::{now_ms, today, AppState};

/// The library page: drafts, slots, trash and orgs, in one answer.
#[tauri::command(async)]
pub fn library_shelf(state: State<'_, AppState>) -> Result<Shelf, IpcError> {
    Ok(state.library()?.shelf(today(), now_ms())?)
}

#[tauri::command(async)]
pub fn create_draft(
    state: State<'_, AppState>,
    integration_type: IntegrationType,
    org: Option<String>,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.create(integration_type, org, now_ms())?)
}

#[tauri::command(async)]
pub fn open_draft(state: State<'_, AppState>, id: String) -> Result<DraftView, IpcError> {
    Ok(state.library()?.open(&id, now_ms())?)
}

#[tauri::command(async)]
pub fn save_draft(
    state: State<'_, AppState>,
    id: String,
    draft: Draft,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.save(&id, &draft, now_ms())?)
}

#[tauri::command(async)]
pub fn undo_draft(state: State<'_, AppState>, id: String) -> Result<DraftView, IpcError> {
    Ok(state.library()?.undo(&id, now_ms())?)
}

#[tauri::command(async)]
pub fn redo_draft(state: State<'_, AppState>, id: String) -> Result<DraftView, IpcError> {
    Ok(state.library()?.redo(&id, now_ms())?)
}

#[tauri::command(async)]
pub fn rename_draft(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.rename(&id, &name, now_ms())?)
}

#[tauri::command(async)]
pub fn duplicate_draft(state: State<'_, AppState>, id: String) -> Result<DraftSummary, IpcError> {
    Ok(state.library()?.duplicate(&id, now_ms())?)
}

#[tauri::command(async)]
pub fn set_password(
    state: State<'_, AppState>,
    id: String,
    password: Sensitive<String>,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.set_password(&id, password, now_ms())?)
}

#[tauri::command(async)]
pub fn form_schema(state: State<'_, AppState>, id: String) -> Result<FormSchema, IpcError> {
    Ok(state.library()?.form_schema(&id, today())?)
}

/// Checks what is on screen without saving it, so issues appear as the user types.
#[tauri::command(async)]
pub fn check_draft(
    state: State<'_, AppState>,
    id: String,
    draft: Draft,
) -> Result<Report, IpcError> {
    Ok(state.library()?.check(&id, &draft, today()))
}

#[tauri::command(async)]
pub fn apply_fix(
    state: State<'_, AppState>,
    id: String,
    draft: Draft,
    fix: FixAction,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.apply_fix(&id, &draft, &fix, now_ms())?)
}

/// How long "Check links" waits for each address.
const LINK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Asks every web address in the saved draft whether it answers. The library is
/// not locked while the network answers, so typing keeps saving meanwhile.
#[tauri::command(async)]
pub fn check_links(state: State<'_, AppState>, id: String) -> Result<Vec<LinkCheck>, IpcError> {
    let draft = state.library()?.draft(&id)?;
    let checks = links::check_links(&draft, LINK_TIMEOUT, now_ms());
    state.library()?.remember_links(&checks)?;
    Ok(checks)
}

/// The password itself, only on an explicit "Reveal" or "Copy" in the UI.
#[tauri::command(async)]
pub fn reveal_password(state: State<'_, AppState>, id: String) -> Result<Option<String>, IpcError> {
    Ok(state.library()?.password(&id)?.map(|p| p.expose().clone()))
}
