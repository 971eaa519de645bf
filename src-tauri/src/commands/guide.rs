//! The guide doctor: check the draft's guide URL (fetched without holding the
//! library), write a starter guide, save it where the user picks (the native
//! dialog is Rust's) and open it in the user's app for that file type.

use oin_core::guide::write::Starter;
use oin_core::guide::GuideReport;
use oin_core::library::GuideFormat;
use tauri::{AppHandle, Runtime, State};

use crate::commands::files::pick_path;
use crate::commands::okta::refused;
use crate::error::IpcError;
use crate::opener;
use crate::state::{now_ms, AppState};

#[tauri::command(async)]
pub fn check_guide(state: State<'_, AppState>, id: String) -> Result<GuideReport, IpcError> {
    Ok(oin_core::library::check_guide(state.shared()?, &id, now_ms())?)
}

#[tauri::command(async)]
pub fn starter_guide(
    state: State<'_, AppState>,
    id: String,
    format: GuideFormat,
) -> Result<Starter, IpcError> {
    Ok(state.library()?.starter_guide(&id, format)?)
}

/// Asks where to save the starter guide, writes it, and opens it when `open`;
/// the saved path, or `None` when the user cancels.
#[tauri::command(async)]
pub fn save_starter_guide<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    format: GuideFormat,
    open: bool,
) -> Result<Option<String>, IpcError> {
    let name = state.library()?.starter_guide(&id, format)?.file_name;
    let ext = format.extension();
    let Some(path) = pick_path(&app, (ext, &[ext]), Some(&name)) else { return Ok(None) };
    state.library()?.save_starter_guide(&id, format, &path)?;
    if open {
        opener::open(&path.to_string_lossy()).map_err(refused)?;
    }
    Ok(Some(path.display().to_string()))
}

/// Asks where to save the listing picture the window drew (a PNG, for
/// marketing) and writes it; the saved path, or `None` when cancelled.
#[tauri::command(async)]
pub fn save_listing_picture<R: Runtime>(
    app: AppHandle<R>,
    file_name: String,
    png: Vec<u8>,
) -> Result<Option<String>, IpcError> {
    let Some(path) = pick_path(&app, ("PNG image", &["png"]), Some(&file_name)) else {
        return Ok(None);
    };
    oin_core::listing::save_picture(&path, &png)?;
    Ok(Some(path.display().to_string()))
}
