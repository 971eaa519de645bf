//! The app's state: the drafts library behind a lock, or why it could not open.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use oin_core::connection::Connection;
use oin_core::library::Library;
use oin_core::okta::Http;
use oin_core::secrets::SecretStore;
use oin_core::store::Store;

use crate::error::IpcError;

/// The database file inside the app-data folder.
pub const DB_FILE: &str = "oin-studio.db";

pub struct AppState {
    library: Result<Mutex<Library>, IpcError>,
    /// The Okta connection: HTTP client, sign-ins waiting, submits in flight.
    pub connection: Connection,
    /// The app-data folder (hand-off files go in a folder here).
    pub dir: PathBuf,
    /// Draft files opened before the UI was up, for it to show.
    opened: Mutex<Vec<crate::commands::files::OpenedFile>>,
    /// An email (.eml/.txt) dropped on the window, until the open draft takes it.
    dropped_email: Mutex<Option<PathBuf>>,
}

/// Test seam: lets the app talk plain http to a loopback "org" (the local
/// Okta-compatible server). Production orgs are https only either way.
pub const ALLOW_LOOPBACK_HTTP_ENV: &str = "OIN_STUDIO_ALLOW_LOOPBACK_HTTP";

impl AppState {
    /// Opens the library in `dir`, with passwords kept in `secrets`.
    pub fn open(dir: &Path, secrets: std::sync::Arc<dyn SecretStore>) -> Self {
        let opened = Store::open_or_recover(&dir.join(DB_FILE), now_ms())
            .map(|(store, recovery)| Mutex::new(Library::new(store, secrets, recovery)))
            .map_err(IpcError::from);
        let http =
            Http::standard().with_logger(std::sync::Arc::new(|line: &str| eprintln!("{line}")));
        let loopback = std::env::var_os(ALLOW_LOOPBACK_HTTP_ENV).is_some_and(|v| v == "1");
        Self {
            library: opened,
            connection: Connection::new(http, loopback),
            dir: dir.to_owned(),
            opened: Mutex::default(),
            dropped_email: Mutex::default(),
        }
    }

    /// Keeps a dropped email for the draft that is open (the webview never
    /// hands a path back: it asks for "the email just dropped").
    pub fn keep_dropped_email(&self, path: PathBuf) {
        *self.dropped_email.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
    }

    pub fn take_dropped_email(&self) -> Option<PathBuf> {
        self.dropped_email.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Keeps what opening a file at start-up gave, for the UI.
    pub fn remember_opened(&self, file: crate::commands::files::OpenedFile) {
        self.opened.lock().unwrap_or_else(|e| e.into_inner()).push(file);
    }

    pub fn take_opened(&self) -> Vec<crate::commands::files::OpenedFile> {
        std::mem::take(&mut *self.opened.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The library's lock itself, for work that releases it during network calls.
    pub fn shared(&self) -> Result<&Mutex<Library>, IpcError> {
        self.library.as_ref().map_err(Clone::clone)
    }

    /// The library, or the error that kept it from opening.
    pub fn library(&self) -> Result<MutexGuard<'_, Library>, IpcError> {
        match &self.library {
            // A panic while holding the lock leaves SQLite consistent (transactions
            // roll back), so the library stays usable.
            Ok(lock) => Ok(lock.lock().unwrap_or_else(|e| e.into_inner())),
            Err(e) => Err(e.clone()),
        }
    }
}

/// The shell reads the clock; core gets the time passed in.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// Today's date, for the rules dated by day.
pub fn today() -> oin_core::rules::CalendarDate {
    oin_core::rules::CalendarDate::from_unix_millis(now_ms())
}
