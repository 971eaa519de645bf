//! App-level commands: about, start-up notice, where the user left off.

use oin_core::library::Start;
use oin_core::store::Session;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::files::OpenedFile;
use crate::error::IpcError;
use crate::state::{now_ms, today, AppState};

/// The About box.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub name: String,
    pub version: String,
    pub disclaimer: String,
}

/// Turns on spell checking when a draft first opens: loading the OS's
/// dictionaries takes WebKitGTK's main thread ~100 ms and some megabytes, which
/// the library (no long texts) shouldn't pay at start-up.
#[tauri::command]
pub fn enable_spelling<R: tauri::Runtime>(window: tauri::WebviewWindow<R>) {
    crate::spelling::enable(&window)
}

/// The first screen in one answer: the About box's words, what opening files
/// at start-up gave, and the library's `Start` (see there why one).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Started {
    pub about: About,
    pub opened: Vec<OpenedFile>,
    pub start: Start,
}

/// Asked by the page when the app didn't hand it over with the page (a
/// reload, or a library that can't be read: the error is the answer).
#[tauri::command(async)]
pub fn startup(state: State<'_, AppState>) -> Result<Started, IpcError> {
    let start = crate::startup::timed("startup", || -> Result<Start, IpcError> {
        Ok(state.library()?.start(today(), now_ms())?)
    })?;
    Ok(started(&state, start))
}

/// The first screen, with the files opened at start-up (taken: shown once).
pub fn started(state: &AppState, start: Start) -> Started {
    Started { about: about(), opened: state.take_opened(), start }
}

fn about() -> About {
    About {
        name: "OIN Studio".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        disclaimer: "OIN Studio is not an Okta product. It is not made, endorsed or supported by Okta, Inc. \
                     \"Okta\" and \"Okta Integration Network\" are trademarks of Okta, Inc."
            .into(),
    }
}

#[tauri::command(async)]
pub fn set_session(state: State<'_, AppState>, session: Session) -> Result<(), IpcError> {
    Ok(state.library()?.set_session(&session)?)
}

/// Looks for a newer version now (the About box's "Check for updates").
#[tauri::command]
pub async fn check_for_update<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
) -> Result<Option<crate::updates::UpdateInfo>, IpcError> {
    crate::updates::check_with(&app, None, None).await.map_err(IpcError::from)
}

/// Installs the update found by the last check, on the user's word, then
/// restarts into it.
#[tauri::command]
pub async fn install_update<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    on_progress: tauri::ipc::Channel<crate::updates::DownloadProgress>,
) -> Result<(), IpcError> {
    crate::updates::install(&app, |p| drop(on_progress.send(p))).await.map_err(IpcError::from)
}
