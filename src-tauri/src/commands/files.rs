//! File commands. The webview has no file-system permission: Rust opens the native
//! dialog and reads the file, and core keeps it.

use oin_core::draft::{Attachment, AttachmentSlot};
use oin_core::library::{DraftSummary, DraftView, LogoView};
use oin_core::logo::{FixOptions, Shape};
use oin_core::Draft;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::AppState;

/// Automation hook: when set, the file dialog is not shown and this path is
/// "picked" instead. WebDriver can't drive native dialogs; the end-to-end tests
/// set it on the app they launch. The webview can't set it.
pub const PICK_FILE_ENV: &str = "OIN_STUDIO_PICK_FILE";

/// The same hook for the folder an export goes to.
pub const PICK_FOLDER_ENV: &str = "OIN_STUDIO_PICK_FOLDER";

/// The file the user opens (`save: None`) or saves as (`save: Some(name)`),
/// of the kind `filter` names; `None` when cancelled. `PICK_FILE_ENV` answers
/// instead of the dialog.
pub fn pick_path<R: Runtime>(
    app: &AppHandle<R>,
    filter: (&str, &[&str]),
    save: Option<&str>,
) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(PICK_FILE_ENV) {
        return Some(std::path::PathBuf::from(path));
    }
    let dialog = app.dialog().file().add_filter(filter.0, filter.1);
    let picked = match save {
        Some(name) => dialog.set_file_name(name).blocking_save_file(),
        None => dialog.blocking_pick_file(),
    };
    picked.and_then(|p| p.into_path().ok())
}

/// Opens the native file dialog for `slot`; `None` when the user cancels.
#[tauri::command(async)]
pub fn pick_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    slot: AttachmentSlot,
) -> Result<Option<Attachment>, IpcError> {
    let Some(path) = pick_path(&app, slot.filter(), None) else { return Ok(None) };
    Ok(Some(oin_core::library::attach_path(state.shared()?, &path)?))
}

/// Exports a draft to a folder the user picks; returns the `.oin.json` path, or
/// `None` when the user cancels.
#[tauri::command(async)]
pub fn export_draft<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>, IpcError> {
    let dir = match std::env::var_os(PICK_FOLDER_ENV) {
        Some(dir) => Some(std::path::PathBuf::from(dir)),
        None => app.dialog().file().blocking_pick_folder().and_then(|p| p.into_path().ok()),
    };
    let Some(dir) = dir else { return Ok(None) };
    Ok(Some(state.library()?.export(&id, &dir)?.display().to_string()))
}

/// Imports a `*.oin.json` the user picks as a new draft; `None` when cancelled.
#[tauri::command(async)]
pub fn import_draft<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<DraftSummary>, IpcError> {
    let Some(path) = pick_path(&app, ("OIN Studio draft", &["json"]), None) else {
        return Ok(None);
    };
    Ok(Some(state.library()?.import(&path, crate::state::now_ms())?))
}

/// The logo panel: previews and verdicts of the original and the logo to submit.
#[tauri::command(async)]
pub fn logo_view(state: State<'_, AppState>, draft: Draft) -> Result<LogoView, IpcError> {
    Ok(oin_core::library::logo_view(state.shared()?, &draft)?)
}

/// The listing as customers will see it, from the draft as typed.
#[tauri::command(async)]
pub fn listing_preview(
    state: State<'_, AppState>,
    draft: Draft,
) -> Result<oin_core::listing::Listing, IpcError> {
    Ok(oin_core::library::listing(state.shared()?, &draft)?)
}

/// A step of fixing a logo, for the progress bar.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FixProgress {
    pub stage: String,
    pub fraction: f32,
}

/// Makes the submission logo from the original and saves it as a revision,
/// off the main thread, reporting progress on `on_progress`.
#[tauri::command(async)]
pub fn fix_logo(
    state: State<'_, AppState>,
    id: String,
    draft: Draft,
    shape: Option<Shape>,
    background: Option<[u8; 3]>,
    on_progress: Channel<FixProgress>,
) -> Result<DraftView, IpcError> {
    let mut report = |stage: &str, fraction| {
        let _ = on_progress.send(FixProgress { stage: stage.to_owned(), fraction });
    };
    let options = FixOptions { shape, background };
    let now = crate::state::now_ms();
    Ok(oin_core::library::fix_logo(state.shared()?, &id, &draft, options, &mut report, now)?)
}

#[tauri::command(async)]
pub fn use_original_logo(
    state: State<'_, AppState>,
    id: String,
    draft: Draft,
) -> Result<DraftView, IpcError> {
    Ok(state.library()?.use_original_logo(&id, &draft, crate::state::now_ms())?)
}

/// A file dropped on the window, read by Rust and kept; the UI decides where it goes.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    #[ts(optional)]
    pub attachment: Option<Attachment>,
    /// An email (.eml or .txt): its file name; `paste_dropped_review` reads it
    /// into the open draft's to-dos.
    #[ts(optional)]
    pub email: Option<String>,
    #[ts(optional)]
    pub error: Option<String>,
}

/// Whether a dropped file is an email to read as Okta's review, not a logo.
fn is_email(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("eml") || e.eq_ignore_ascii_case("txt"))
}

/// Reads a dropped file (the window's drag-drop handler calls this): an email
/// is kept for the review panel, anything else is read and kept as an attachment.
pub fn dropped(state: &AppState, path: &std::path::Path) -> Dropped {
    if is_email(path) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        state.keep_dropped_email(path.to_owned());
        return Dropped { attachment: None, email: Some(name), error: None };
    }
    let attached = state
        .shared()
        .and_then(|lib| oin_core::library::attach_path(lib, path).map_err(IpcError::from));
    match attached {
        Ok(a) => Dropped { attachment: Some(a), email: None, error: None },
        Err(e) => Dropped { attachment: None, email: None, error: Some(e.message) },
    }
}

/// A draft file opened from the file manager (or given on the command line).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedFile {
    pub file: String,
    #[ts(optional)]
    pub id: Option<String>,
    #[ts(optional)]
    pub error: Option<String>,
}

/// Imports a `*.oin.json` the OS asked the app to open.
pub fn opened(state: &AppState, path: &std::path::Path) -> OpenedFile {
    let file = path.display().to_string();
    match state
        .library()
        .and_then(|mut l| l.open_file(path, crate::state::now_ms()).map_err(IpcError::from))
    {
        Ok(d) => OpenedFile { file, id: Some(d.id), error: None },
        Err(e) => OpenedFile { file, id: None, error: Some(e.message) },
    }
}

/// An image pasted from the clipboard: the webview hands over the bytes it was
/// given; Rust keeps them like any other file.
#[tauri::command(async)]
pub fn attach_pasted(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
) -> Result<Attachment, IpcError> {
    Ok(oin_core::library::attach(state.shared()?, &file_name, &bytes)?)
}
