//! Attached files, content-addressed by SHA-256 so every revision that names a
//! file still finds its bytes after the user replaces it.

use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use super::{Result, Store, StoreError};
use crate::draft::Attachment;

/// The largest file kept with a draft.
pub const MAX_ATTACHMENT_BYTES: u64 = 50 * 1024 * 1024;

impl Store {
    /// Keeps `bytes` and returns the attachment that names them.
    pub fn put_file(&self, file_name: &str, bytes: &[u8]) -> Result<Attachment> {
        let size = bytes.len() as u64;
        if size > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::TooLarge { limit: MAX_ATTACHMENT_BYTES, actual: size });
        }
        let sha256: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        self.conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?1, ?2)",
            rusqlite::params![sha256, bytes],
        )?;
        Ok(Attachment { file_name: file_name.to_owned(), size_bytes: size, sha256 })
    }

    /// The bytes of an attached file.
    pub fn file(&self, sha256: &str) -> Result<Vec<u8>> {
        self.conn
            .query_row("SELECT bytes FROM blobs WHERE sha256 = ?1", [sha256], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(sha256.to_owned()))
    }
}
