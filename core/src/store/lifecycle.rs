//! The lifecycle in the database: status history, the Trash, update links.

use rusqlite::params;

use super::{DraftRow, Result, Store, StoreError};
use crate::lifecycle::SubmissionStatus;

impl Store {
    /// Records a status change (and keeps it as the draft's current status).
    pub fn set_status(&mut self, id: &str, status: SubmissionStatus, at: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let n = tx
            .execute("UPDATE drafts SET status = ?2 WHERE id = ?1", params![id, status.as_str()])?;
        if n == 0 {
            return Err(StoreError::NotFound(id.to_owned()));
        }
        tx.execute(
            "INSERT INTO status_events (draft_id, status, at) VALUES (?1, ?2, ?3)",
            params![id, status.as_str(), at],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every status the draft has had, oldest first.
    pub fn status_events(&self, id: &str) -> Result<Vec<(SubmissionStatus, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT status, at FROM status_events WHERE draft_id = ?1 ORDER BY at, rowid",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        rows.map(|r| r.map(|(s, at)| (SubmissionStatus::parse(&s), at)).map_err(Into::into))
            .collect()
    }

    /// Puts a draft in the Trash (`Some(time)`) or takes it out (`None`).
    pub fn set_deleted(&mut self, id: &str, deleted_at: Option<i64>) -> Result<()> {
        let n = self
            .conn
            .execute("UPDATE drafts SET deleted_at = ?2 WHERE id = ?1", params![id, deleted_at])?;
        if n == 0 {
            return Err(StoreError::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Drafts in the Trash, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<DraftRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM drafts WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC",
        )?;
        let ids: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        ids.iter().map(|id| self.load_draft(id)).collect()
    }

    /// Submissions (not in the Trash) whose org is `org`, compared trimmed and
    /// case-insensitively; one query, so autosave doesn't read every draft.
    pub fn count_in_org(&self, org: &str) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM drafts d JOIN revisions r ON r.draft_id = d.id AND r.rev = d.head_rev
             WHERE d.deleted_at IS NULL AND lower(trim(json_extract(r.body, '$.org'))) = lower(trim(?1))",
            [org],
            |r| r.get(0),
        )?)
    }

    /// Links an update draft to the published submission it updates.
    pub fn set_parent(&mut self, id: &str, parent: &str) -> Result<()> {
        self.conn.execute("UPDATE drafts SET parent_id = ?2 WHERE id = ?1", params![id, parent])?;
        Ok(())
    }
}
