//! The local store: one SQLite file in the OS app-data folder, WAL mode, versioned
//! migrations. Drafts, their revisions (undo/redo after a restart), attached files
//! and where the user left off.
//!
//! A database that can't be used — corrupt, or written by a newer OIN Studio — is
//! never wiped: it is renamed aside and the user is told where it is.

mod blobs;
mod drafts;
mod lifecycle;
mod links;
mod migrations;
mod okta;
mod review;
mod session;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

pub use blobs::MAX_ATTACHMENT_BYTES;
pub use drafts::{DraftRow, RevisionState};
pub use migrations::SCHEMA_VERSION;
pub use okta::{OutboxItem, RemoteLink};
pub use review::{TodoRow, TodoState};
pub use session::Session;

/// What can go wrong in the store, in words a product manager can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("The disk is full, so your latest change isn't saved yet. Free some space; OIN Studio keeps trying and nothing you typed is lost while the app is open.")]
    DiskFull,
    #[error("OIN Studio can't write to its data folder ({0}). Check that the folder is writable; your typing is kept until it can be saved.")]
    ReadOnly(String),
    #[error("The drafts database is busy. Trying again in a moment.")]
    Busy,
    #[error("That draft no longer exists.")]
    NotFound(String),
    #[error("The drafts database was written by a newer OIN Studio (schema {found}; this version knows {supported}).")]
    FutureSchema { found: i64, supported: i64 },
    #[error("The drafts database is damaged: {0}")]
    Corrupt(String),
    #[error(
        "That file is {actual} bytes; OIN Studio keeps files of up to {limit} bytes with a draft."
    )]
    TooLarge { limit: u64, actual: u64 },
    #[error("Could not read or write a file: {0}")]
    Io(#[from] std::io::Error),
    #[error("Unexpected database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) => {
                Self::ReadOnly(e.to_string())
            }
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
                Self::Corrupt(e.to_string())
            }
            _ => Self::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Why a database file was set aside at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    /// Where the old file now is; nothing in it was changed.
    pub kept_at: String,
    pub message: String,
}

/// An open drafts database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(3))?;
        // WAL keeps readers and the writer apart; FULL syncs each commit so a saved
        // revision survives a crash of the app or of the machine.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt(check));
        }
        let mut store = Self { conn, path: path.to_owned() };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// Opens the database; one that can't be used is renamed aside (never deleted)
    /// and a fresh one is started, with a `Recovery` saying what happened.
    pub fn open_or_recover(path: &Path, now_ms: i64) -> Result<(Self, Option<Recovery>)> {
        let why = match Self::open(path) {
            Ok(store) => return Ok((store, None)),
            Err(StoreError::FutureSchema { found, supported }) => format!(
                "Your drafts database was made by a newer version of OIN Studio (schema {found}; this version knows {supported}). \
                 It was kept unchanged; install the newer OIN Studio to see those drafts again. This library starts empty."
            ),
            Err(StoreError::Corrupt(detail)) => format!(
                "Your drafts database is damaged ({detail}). It was kept unchanged for recovery; this library starts empty."
            ),
            Err(other) => return Err(other),
        };
        let kept_at = set_aside(path, now_ms)?;
        let store = Self::open(path)?;
        Ok((store, Some(Recovery { kept_at: kept_at.display().to_string(), message: why })))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `PRAGMA integrity_check`, for tests and diagnostics: "ok" when healthy.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    #[doc(hidden)]
    /// Opens a file whatever its schema version says, without migrating: tests
    /// use it to prove a set-aside file still holds its drafts.
    pub fn open_unchecked_for_test(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        Ok(Self { conn, path: path.to_owned() })
    }

    #[doc(hidden)]
    /// Marks the schema as written by a later version, to rehearse a downgrade.
    pub fn set_user_version_for_test(&self, version: i64) -> Result<()> {
        self.conn.pragma_update(None, "user_version", version)?;
        Ok(())
    }

    #[doc(hidden)]
    /// Caps the file size in pages, to rehearse a full disk in tests.
    pub fn limit_pages_for_test(&self, pages: u32) -> Result<()> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }
}

/// Renames the database and its WAL/SHM companions to `<name>.unusable-<ms>…`.
fn set_aside(path: &Path, now_ms: i64) -> Result<PathBuf> {
    let aside = PathBuf::from(format!("{}.unusable-{now_ms}", path.display()));
    std::fs::rename(path, &aside)?;
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", path.display()));
        if side.exists() {
            std::fs::rename(&side, format!("{}{ext}", aside.display()))?;
        }
    }
    Ok(aside)
}
