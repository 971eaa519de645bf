//! The app's state: the drafts library behind a lock, or why it could not open.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use oin_core::library::Library;
use oin_core::secrets::SecretStore;
use oin_core::store::Store;

use crate::error::IpcError;

/// The database file inside the app-data folder.
pub const DB_FILE: &str = "oin-studio.db";

pub struct AppState {
    library: Result<Mutex<Library>, IpcError>,
}

impl AppState {
    /// Opens the library in `dir`, with passwords kept in `secrets`.
    pub fn open(dir: &Path, secrets: std::sync::Arc<dyn SecretStore>) -> Self {
        let opened = Store::open_or_recover(&dir.join(DB_FILE), now_ms())
            .map(|(store, recovery)| Mutex::new(Library::new(store, secrets, recovery)))
            .map_err(IpcError::from);
        Self { library: opened }
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
