//! A draft's files in and out: an attachment kept in the store, a draft
//! exported as `*.oin.json` with its files beside it, one imported (never
//! over an existing draft), one opened from the file manager.

use super::{DraftSummary, Library, LibraryError};
use crate::draft::Attachment;
use crate::rules::CalendarDate;
use crate::store::Session;

impl Library {
    /// Keeps a file's bytes in the store and returns the attachment naming them;
    /// the UI puts it into the draft field, which the next save records.
    pub fn attach(&mut self, file_name: &str, bytes: &[u8]) -> Result<Attachment, LibraryError> {
        Ok(self.store.put_file(file_name, bytes)?)
    }

    /// Writes the draft as `<dir>/<name>.oin.json` with its files beside it; the
    /// password is never part of it.
    pub fn export(
        &self,
        id: &str,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, LibraryError> {
        let draft = self.store.load_draft(id)?.draft;
        let path = crate::exchange::write(dir, &draft.display_name(), &draft, |a| {
            self.store.file(&a.sha256).map_err(std::io::Error::other)
        })?;
        Ok(path)
    }

    /// Reads a `*.oin.json` into a new draft — never over an existing one.
    pub fn import(
        &mut self,
        path: &std::path::Path,
        now_ms: i64,
    ) -> Result<DraftSummary, LibraryError> {
        let imported = crate::exchange::read(path)?;
        self.check_slot(imported.draft.org.as_deref())?;
        for (name, bytes) in imported.app_icon.iter().chain(imported.test_suite.iter()) {
            self.store.put_file(name, bytes)?;
        }
        let id = self.store.create_draft(&imported.draft, now_ms)?;
        let row = self.store.load_draft(&id)?;
        Ok(self.summary(&row, CalendarDate::from_unix_millis(now_ms)))
    }

    /// A `*.oin.json` opened from the file manager: imported as a new draft and
    /// made the one the app shows.
    pub fn open_file(
        &mut self,
        path: &std::path::Path,
        now_ms: i64,
    ) -> Result<DraftSummary, LibraryError> {
        let imported = self.import(path, now_ms)?;
        self.store.set_session(&Session { open_draft_id: Some(imported.id.clone()), tab: None })?;
        Ok(imported)
    }
}
