//! Drafts and their revisions. Every save is a revision; `head_rev` points at the
//! one the user sees. Undo and redo move the head; saving after an undo drops the
//! revisions ahead of it, as in any editor. All of it is in the database, so undo
//! works after a restart.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{Result, Store, StoreError};
use crate::draft::{Draft, IntegrationType};

/// The newest revisions a draft always keeps, whatever their age (the undo depth).
pub const MAX_REVISIONS: i64 = 500;

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;
/// The history is thinned every this many saves (it is one indexed query).
const THIN_EVERY: i64 = 50;

/// A draft as stored, at its head revision.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRow {
    pub id: String,
    pub draft: Draft,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub rev: RevisionState,
    /// Set while the draft is in the Trash.
    pub deleted_at: Option<i64>,
    /// The published submission this draft updates.
    pub parent_id: Option<String>,
}

/// Thins old history instead of cutting it: every save of the last hour, one
/// per minute for the last day, one per day before that, and always the newest
/// `MAX_REVISIONS` (the undo depth) and every revision something refers to —
/// the head, a submit waiting in the outbox, the last one sent to Okta. So a
/// user can go back to yesterday's text, what they confirmed is what goes, and
/// the store stays bounded.
fn thin(tx: &Transaction<'_>, id: &str, head: i64, now_ms: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM revisions
         WHERE draft_id = ?1
           AND rev <= ?2 - ?3
           AND saved_at < ?4 - ?5
           AND rev NOT IN (SELECT rev FROM outbox WHERE draft_id = ?1)
           AND rev NOT IN (SELECT submitted_rev FROM remote_submissions
                           WHERE draft_id = ?1 AND submitted_rev IS NOT NULL)
           AND rev NOT IN (SELECT head_rev FROM drafts WHERE id = ?1)
           AND rev NOT IN (
               SELECT MAX(rev) FROM revisions
               WHERE draft_id = ?1 AND saved_at >= ?4 - ?6
               GROUP BY saved_at / ?7
               UNION
               SELECT MAX(rev) FROM revisions
               WHERE draft_id = ?1 AND saved_at < ?4 - ?6
               GROUP BY saved_at / ?6
           )",
        params![id, head, MAX_REVISIONS, now_ms, HOUR_MS, DAY_MS, MINUTE_MS],
    )?;
    Ok(())
}

/// Where the head is among the revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevisionState {
    pub head: i64,
    pub can_undo: bool,
    pub can_redo: bool,
}

fn body(draft: &Draft) -> String {
    serde_json::to_string(draft).expect("a draft always serializes")
}

/// Revision bodies are ours, but one from a damaged or foreign build still opens:
/// a body that doesn't parse becomes an empty draft of the stored type.
fn parse_body(text: &str, integration_type: &str) -> Draft {
    serde_json::from_str(text).unwrap_or_else(|_| {
        Draft::new(IntegrationType::parse(integration_type).unwrap_or_default())
    })
}

impl Store {
    /// Creates a draft and its first revision; returns its id.
    pub fn create_draft(&mut self, draft: &Draft, now_ms: i64) -> Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO drafts (id, integration_type, created_at, updated_at, head_rev)
             VALUES (?1, ?2, ?3, ?3, 1)",
            params![id, draft.integration_type.as_str(), now_ms],
        )?;
        tx.execute(
            "INSERT INTO revisions (draft_id, rev, saved_at, body) VALUES (?1, 1, ?2, ?3)",
            params![id, now_ms, body(draft)],
        )?;
        tx.execute(
            "INSERT INTO status_events (draft_id, status, at) VALUES (?1, 'draft', ?2)",
            params![id, now_ms],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Every draft at its head revision, most recently edited first.
    pub fn list_drafts(&self) -> Result<Vec<DraftRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT d.id FROM drafts d WHERE d.deleted_at IS NULL ORDER BY d.updated_at DESC, d.created_at DESC")?;
        let ids: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        ids.iter().map(|id| self.load_draft(id)).collect()
    }

    /// One draft at its head revision.
    pub fn load_draft(&self, id: &str) -> Result<DraftRow> {
        let row = self
            .conn
            .query_row(
                "SELECT d.integration_type, d.status, d.created_at, d.updated_at, d.head_rev, r.body,
                        (SELECT MIN(rev) FROM revisions WHERE draft_id = d.id),
                        (SELECT MAX(rev) FROM revisions WHERE draft_id = d.id),
                        d.deleted_at, d.parent_id
                 FROM drafts d JOIN revisions r ON r.draft_id = d.id AND r.rev = d.head_rev
                 WHERE d.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, i64>(7)?,
                        r.get::<_, Option<i64>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                    ))
                },
            )
            .optional()?;
        let (kind, status, created_at, updated_at, head, text, min, max, deleted_at, parent_id) =
            row.ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
        Ok(DraftRow {
            id: id.to_owned(),
            draft: parse_body(&text, &kind),
            status,
            created_at,
            updated_at,
            deleted_at,
            parent_id,
            rev: RevisionState { head, can_undo: head > min, can_redo: head < max },
        })
    }

    /// Saves `draft` as the new head revision. Saving what is already the head
    /// writes nothing, so a repeated autosave doesn't fill the undo history.
    pub fn save_draft(&mut self, id: &str, draft: &Draft, now_ms: i64) -> Result<RevisionState> {
        Ok(self.save_draft_row(id, draft.clone(), now_ms)?.rev)
    }

    /// `save_draft`, answering with the draft's row: the body just written is
    /// `draft`, so nothing is read back or parsed again (this is the autosave
    /// path, once per pause in typing).
    pub fn save_draft_row(&mut self, id: &str, draft: Draft, now_ms: i64) -> Result<DraftRow> {
        let new_body = body(&draft);
        let tx = self.conn.transaction()?;
        let head = head_of(&tx, id)?;
        let current: String = tx.query_row(
            "SELECT body FROM revisions WHERE draft_id = ?1 AND rev = ?2",
            params![id, head],
            |r| r.get(0),
        )?;
        if current != new_body {
            tx.execute(
                "DELETE FROM revisions WHERE draft_id = ?1 AND rev > ?2",
                params![id, head],
            )?;
            tx.execute(
                "INSERT INTO revisions (draft_id, rev, saved_at, body) VALUES (?1, ?2, ?3, ?4)",
                params![id, head + 1, now_ms, new_body],
            )?;
            if (head + 1) % THIN_EVERY == 0 {
                thin(&tx, id, head + 1, now_ms)?;
            }
            tx.execute(
                "UPDATE drafts SET head_rev = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, head + 1, now_ms],
            )?;
        }
        let row = tx.query_row(
            "SELECT status, created_at, updated_at, head_rev,
                    (SELECT MIN(rev) FROM revisions WHERE draft_id = d.id),
                    (SELECT MAX(rev) FROM revisions WHERE draft_id = d.id),
                    deleted_at, parent_id
             FROM drafts d WHERE id = ?1",
            [id],
            |r| {
                let (head, min, max) =
                    (r.get::<_, i64>(3)?, r.get::<_, i64>(4)?, r.get::<_, i64>(5)?);
                Ok(DraftRow {
                    id: id.to_owned(),
                    draft,
                    status: r.get(0)?,
                    created_at: r.get(1)?,
                    updated_at: r.get(2)?,
                    deleted_at: r.get(6)?,
                    parent_id: r.get(7)?,
                    rev: RevisionState { head, can_undo: head > min, can_redo: head < max },
                })
            },
        )?;
        tx.commit()?;
        Ok(row)
    }

    /// Thins the whole history of a draft now (normally every `THIN_EVERY` saves).
    pub fn thin_history(&mut self, id: &str, now_ms: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let head = head_of(&tx, id)?;
        thin(&tx, id, head, now_ms)?;
        tx.commit()?;
        Ok(())
    }

    /// How many revisions a draft holds.
    pub fn revision_count(&self, id: &str) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM revisions WHERE draft_id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Moves the head one revision back (`-1`) or forward (`+1`); at either end,
    /// nothing changes.
    pub fn step_revision(&mut self, id: &str, step: i64, now_ms: i64) -> Result<DraftRow> {
        let tx = self.conn.transaction()?;
        let head = head_of(&tx, id)?;
        let target: Option<i64> = tx.query_row(
            if step < 0 {
                "SELECT MAX(rev) FROM revisions WHERE draft_id = ?1 AND rev < ?2"
            } else {
                "SELECT MIN(rev) FROM revisions WHERE draft_id = ?1 AND rev > ?2"
            },
            params![id, head],
            |r| r.get(0),
        )?;
        if let Some(rev) = target {
            tx.execute(
                "UPDATE drafts SET head_rev = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, rev, now_ms],
            )?;
        }
        tx.commit()?;
        self.load_draft(id)
    }

    /// The draft as it was at revision `rev` (None once pruned).
    pub fn draft_at(&self, id: &str, rev: i64) -> Result<Option<Draft>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT r.body, d.integration_type FROM revisions r JOIN drafts d ON d.id = r.draft_id
                 WHERE r.draft_id = ?1 AND r.rev = ?2",
                params![id, rev],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(body, t)| parse_body(&body, &t)))
    }

    /// When revision `rev` was saved (None once pruned).
    pub fn saved_at(&self, id: &str, rev: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT saved_at FROM revisions WHERE draft_id = ?1 AND rev = ?2",
                params![id, rev],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The draft as last saved at or before `at` (None when no revision is that old).
    pub fn draft_as_of(&self, id: &str, at: i64) -> Result<Option<Draft>> {
        let rev: Option<i64> = self
            .conn
            .query_row(
                "SELECT rev FROM revisions WHERE draft_id = ?1 AND saved_at <= ?2 ORDER BY rev DESC LIMIT 1",
                params![id, at],
                |r| r.get(0),
            )
            .optional()?;
        match rev {
            Some(rev) => self.draft_at(id, rev),
            None => Ok(None),
        }
    }

    /// Deletes a draft and all its revisions.
    pub fn delete_draft(&mut self, id: &str) -> Result<()> {
        let n = self.conn.execute("DELETE FROM drafts WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound(id.to_owned()));
        }
        Ok(())
    }
}

fn head_of(tx: &Transaction<'_>, id: &str) -> Result<i64> {
    tx.query_row("SELECT head_rev FROM drafts WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(id.to_owned()))
}

#[cfg(test)]
mod tests;
