//! Updates through Tauri's updater: a signed manifest (`latest.json`) on the
//! release page, checked against the public key in `tauri.conf.json` (the
//! private key is only a release secret). Checked at start when due (at most
//! daily, never blocking), or from the About box; installed only when the user
//! says so, after the download's signature is verified.

use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, Url};
use tauri_plugin_updater::{Update, UpdaterExt};
use ts_rs::TS;

use crate::state::{now_ms, AppState};

/// Test seam: another manifest address (the local manifest server).
pub const UPDATE_URL_ENV: &str = "OIN_STUDIO_UPDATE_URL";

/// A newer version, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateInfo {
    pub version: String,
    pub current_version: String,
    /// What is new (the release notes).
    pub notes: Option<String>,
    pub date: Option<String>,
}

/// How a download goes.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DownloadProgress {
    #[ts(type = "number")]
    pub received: u64,
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

/// The update found by the last check, waiting for the user's word.
#[derive(Default)]
pub struct Pending(pub(crate) Mutex<Option<Update>>);

/// Why a check or an install didn't work, in words.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("OIN Studio couldn't check for a new version ({0}). It tries again tomorrow.")]
    Check(String),
    #[error(
        "The download's signature doesn't match OIN Studio's key, so it was not installed. ({0})"
    )]
    Signature(String),
    #[error("The new version couldn't be installed ({0}). The current one keeps working.")]
    Install(String),
    #[error("There is no update to install: check again first.")]
    NothingPending,
}

fn info(u: &Update) -> UpdateInfo {
    UpdateInfo {
        version: u.version.clone(),
        current_version: u.current_version.clone(),
        notes: u.body.clone().filter(|b| !b.trim().is_empty()),
        date: u.date.map(|d| d.to_string()),
    }
}

/// Looks for a newer version at `endpoints` (default: the configured ones, or
/// `OIN_STUDIO_UPDATE_URL`), verified with `pubkey` (default: the configured
/// one). An equal or older version is `None`.
pub async fn check_with<R: Runtime>(
    app: &AppHandle<R>,
    endpoints: Option<Vec<Url>>,
    pubkey: Option<String>,
) -> Result<Option<UpdateInfo>, UpdateError> {
    let words = |e: tauri_plugin_updater::Error| UpdateError::Check(e.to_string());
    let mut builder = app.updater_builder();
    let from_env = std::env::var(UPDATE_URL_ENV).ok().and_then(|u| u.parse().ok());
    if let Some(urls) = endpoints.or_else(|| from_env.map(|u| vec![u])) {
        builder = builder.endpoints(urls).map_err(words)?;
    }
    if let Some(key) = pubkey {
        builder = builder.pubkey(key);
    }
    let update = builder.build().map_err(words)?.check().await.map_err(words)?;
    let found = update.as_ref().map(info);
    *app.state::<Pending>().0.lock().unwrap_or_else(|e| e.into_inner()) = update;
    Ok(found)
}

/// Downloads the pending update, verifies its signature, installs it and
/// restarts into it.
pub async fn install<R: Runtime>(
    app: &AppHandle<R>,
    progress: impl Fn(DownloadProgress),
) -> Result<(), UpdateError> {
    let bytes = download(app, progress).await?;
    let update = app.state::<Pending>().0.lock().unwrap_or_else(|e| e.into_inner()).take();
    let update = update.ok_or(UpdateError::NothingPending)?;
    update.install(bytes).map_err(|e| UpdateError::Install(e.to_string()))?;
    app.restart()
}

/// The pending update's package, verified against the key.
pub async fn download<R: Runtime>(
    app: &AppHandle<R>,
    progress: impl Fn(DownloadProgress),
) -> Result<Vec<u8>, UpdateError> {
    let update = app.state::<Pending>().0.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let update = update.ok_or(UpdateError::NothingPending)?;
    let mut received = 0u64;
    let on_chunk = |n: usize, total: Option<u64>| {
        received += n as u64;
        progress(DownloadProgress { received, total });
    };
    update.download(on_chunk, || {}).await.map_err(|e| match e {
        tauri_plugin_updater::Error::Minisign(_)
        | tauri_plugin_updater::Error::Base64(_)
        | tauri_plugin_updater::Error::SignatureUtf8(_) => UpdateError::Signature(e.to_string()),
        other => UpdateError::Install(other.to_string()),
    })
}

/// At start: when a check is due (at most daily), look in the background and
/// tell the UI about a newer version ("update-available"). Never blocks.
pub fn check_at_start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let due = app.state::<AppState>().library().map(|l| l.update_check_due(now_ms()));
        if !matches!(due, Ok(Ok(true))) {
            return;
        }
        match check_with(&app, None, None).await {
            Ok(Some(found)) => {
                let _ = app.emit("update-available", found);
            }
            Ok(None) => {}
            Err(e) => eprintln!("{e}"),
        }
    });
}
