//! Okta commands: sign-in (device code, browser, API token), sign-out, what a
//! submit sends, submit with progress, status, import, the Workflows hand-off,
//! and the API service probe. Core does the work (`oin_core::connection`) with
//! the library's lock released during network calls.

use oin_core::connection::{DeviceCode, ImportReport, SubmitOutcome, SubmitPreview};
use oin_core::library::StatusChange;
use oin_core::okta::handoff::Handoff;
use oin_core::okta::probe::ProbeReport;
use oin_core::okta::{Account, OktaError};
use oin_core::secrets::Sensitive;
use oin_core::store::OutboxItem;
use oin_core::update::TestedInstance;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::opener;
use crate::state::{now_ms, AppState};

/// One step of a submit, as it starts.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmitProgress {
    pub step: u32,
    pub total: u32,
    pub label: String,
}

pub(crate) fn refused(e: String) -> IpcError {
    OktaError::Refused(e).into()
}

#[tauri::command(async)]
pub fn okta_accounts(state: State<'_, AppState>) -> Result<Vec<Account>, IpcError> {
    Ok(state.library()?.accounts()?)
}

#[tauri::command(async)]
pub fn okta_client_id(state: State<'_, AppState>, org: String) -> Result<Option<String>, IpcError> {
    Ok(state.library()?.client_id_for(&org)?)
}

#[tauri::command(async)]
pub fn okta_start_device(
    state: State<'_, AppState>,
    org: String,
    client_id: String,
) -> Result<DeviceCode, IpcError> {
    Ok(state.connection.start_device(&org, &client_id)?)
}

#[tauri::command(async)]
pub fn okta_finish_device(
    state: State<'_, AppState>,
    org: String,
    client_id: String,
) -> Result<Account, IpcError> {
    Ok(state.connection.finish_device(state.shared()?, &org, &client_id, &now_ms)?)
}

#[tauri::command(async)]
pub fn okta_cancel_sign_in(state: State<'_, AppState>, org: String) {
    state.connection.cancel_sign_in(&org)
}

#[tauri::command(async)]
pub fn okta_sign_in_browser(
    state: State<'_, AppState>,
    org: String,
    client_id: String,
) -> Result<Account, IpcError> {
    Ok(state.connection.sign_in_browser(
        state.shared()?,
        &org,
        &client_id,
        &opener::open_web,
        &now_ms,
    )?)
}

#[tauri::command(async)]
pub fn okta_sign_in_token(
    state: State<'_, AppState>,
    org: String,
    token: Sensitive<String>,
) -> Result<Account, IpcError> {
    Ok(state.connection.sign_in_token(state.shared()?, &org, token, &now_ms)?)
}

#[tauri::command(async)]
pub fn okta_sign_out(state: State<'_, AppState>, org: String) -> Result<(), IpcError> {
    Ok(state.connection.sign_out(state.shared()?, &org)?)
}

#[tauri::command(async)]
pub fn submit_preview(
    state: State<'_, AppState>,
    id: String,
    org: String,
) -> Result<SubmitPreview, IpcError> {
    Ok(state.connection.preview(
        state.shared()?,
        &id,
        &state.connection.org_of_host(&org)?,
        now_ms(),
    )?)
}

#[tauri::command(async)]
pub fn submit_draft(
    state: State<'_, AppState>,
    id: String,
    org: String,
    rev: Option<i64>,
    on_progress: Channel<SubmitProgress>,
) -> Result<SubmitOutcome, IpcError> {
    let mut progress = |step: usize, total: usize, label: &str| {
        let _ = on_progress.send(SubmitProgress {
            step: step as u32,
            total: total as u32,
            label: label.into(),
        });
    };
    let org = state.connection.org_of_host(&org)?;
    Ok(state.connection.submit(state.shared()?, &id, &org, rev, &now_ms, &mut progress)?)
}

#[tauri::command(async)]
pub fn refresh_statuses(
    state: State<'_, AppState>,
    id: Option<String>,
) -> Result<Vec<StatusChange>, IpcError> {
    Ok(state.connection.refresh_statuses(state.shared()?, id.as_deref(), &now_ms)?)
}

#[tauri::command(async)]
pub fn outbox(state: State<'_, AppState>) -> Result<Vec<OutboxItem>, IpcError> {
    Ok(state.library()?.outbox()?)
}

#[tauri::command(async)]
pub fn import_from_org(state: State<'_, AppState>, org: String) -> Result<ImportReport, IpcError> {
    Ok(state.connection.import(state.shared()?, &state.connection.org_of_host(&org)?, &now_ms)?)
}

/// The submission in the org the user says this draft is.
#[tauri::command(async)]
pub fn choose_submission(
    state: State<'_, AppState>,
    id: String,
    org: String,
    remote_id: String,
) -> Result<(), IpcError> {
    let org = state.connection.org_of_host(&org)?;
    Ok(state.connection.choose_submission(state.shared()?, &id, &org, &remote_id)?)
}

#[tauri::command(async)]
pub fn handoff(state: State<'_, AppState>, id: String) -> Result<Handoff, IpcError> {
    Ok(state.library()?.handoff(&id, now_ms())?)
}

/// Writes the logo and test suite to a folder and shows it in the file manager.
#[tauri::command(async)]
pub fn reveal_handoff_files(state: State<'_, AppState>, id: String) -> Result<String, IpcError> {
    let folder = state.library()?.handoff_files(&id, &state.dir.join("hand-off"))?;
    opener::open(&folder.to_string_lossy()).map_err(refused)?;
    Ok(folder.to_string_lossy().into_owned())
}

#[tauri::command(async)]
pub fn open_web(url: String) -> Result<(), IpcError> {
    opener::open_web(&url).map_err(refused)
}

#[tauri::command(async)]
pub fn probe_integration(
    state: State<'_, AppState>,
    id: String,
    org: String,
    client_id: String,
    secret: Option<Sensitive<String>>,
    instance: TestedInstance,
) -> Result<ProbeReport, IpcError> {
    Ok(state.connection.probe(state.shared()?, &id, &org, &client_id, secret, instance, &now_ms)?)
}
