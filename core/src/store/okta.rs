//! The Okta connection in the database: accounts (who, which org, how — never a
//! token), the org submission each draft became, and the outbox of submits
//! waiting for the network.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store};
use crate::okta::Account;

/// The submission in an org that a draft is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemoteLink {
    pub org: String,
    pub remote_id: String,
    /// Okta's own word for the status, as last fetched.
    pub okta_status: Option<String>,
    #[ts(type = "number | null")]
    pub checked_at: Option<i64>,
}

/// A submit waiting for the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutboxItem {
    pub draft_id: String,
    pub org: String,
    /// The revision the user confirmed: that is what is sent.
    #[ts(type = "number")]
    pub rev: i64,
    #[ts(type = "number")]
    pub queued_at: i64,
    pub attempts: u32,
    pub last_error: Option<String>,
}

/// A `RemoteLink` from the row's columns `org, remote_id, okta_status,
/// checked_at`, starting at column `at`.
fn remote_link(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<RemoteLink> {
    Ok(RemoteLink {
        org: r.get(at)?,
        remote_id: r.get(at + 1)?,
        okta_status: r.get(at + 2)?,
        checked_at: r.get(at + 3)?,
    })
}

impl Store {
    pub fn save_account(&mut self, account: &Account, client_id: Option<&str>) -> Result<()> {
        let body = serde_json::to_string(account)
            .map_err(|e| super::StoreError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO okta_accounts (org, body, client_id) VALUES (?1, ?2, ?3)
             ON CONFLICT(org) DO UPDATE SET body = excluded.body, client_id = excluded.client_id",
            params![account.org, body, client_id],
        )?;
        Ok(())
    }

    pub fn accounts(&self) -> Result<Vec<(Account, Option<String>)>> {
        let mut stmt =
            self.conn.prepare("SELECT body, client_id FROM okta_accounts ORDER BY org")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (body, client) = row?;
            if let Ok(a) = serde_json::from_str(&body) {
                out.push((a, client));
            }
        }
        Ok(out)
    }

    pub fn forget_account(&mut self, org: &str) -> Result<()> {
        self.conn.execute("DELETE FROM okta_accounts WHERE org = ?1", [org])?;
        Ok(())
    }

    pub fn remote(&self, draft_id: &str) -> Result<Option<RemoteLink>> {
        Ok(self
            .conn
            .query_row(
                "SELECT org, remote_id, okta_status, checked_at FROM remote_submissions WHERE draft_id = ?1",
                [draft_id],
                |r| remote_link(r, 0),
            )
            .optional()?)
    }

    /// The draft that is `remote_id` in `org`, if any.
    pub fn draft_for_remote(&self, org: &str, remote_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT draft_id FROM remote_submissions WHERE org = ?1 AND remote_id = ?2",
                [org, remote_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Every draft with a submission in an org.
    pub fn remotes(&self) -> Result<Vec<(String, RemoteLink)>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.draft_id, s.org, s.remote_id, s.okta_status, s.checked_at
             FROM remote_submissions s JOIN drafts d ON d.id = s.draft_id WHERE d.deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, remote_link(r, 1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn link_remote(&mut self, draft_id: &str, org: &str, remote_id: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO remote_submissions (draft_id, org, remote_id) VALUES (?1, ?2, ?3)
             ON CONFLICT(draft_id) DO UPDATE SET org = excluded.org, remote_id = excluded.remote_id",
            params![draft_id, org, remote_id],
        )?;
        Ok(())
    }

    /// The revision just sent to Okta: kept whatever the history's thinning.
    pub fn set_submitted_rev(&mut self, draft_id: &str, rev: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE remote_submissions SET submitted_rev = ?2 WHERE draft_id = ?1",
            params![draft_id, rev],
        )?;
        Ok(())
    }

    /// The revision last sent to Okta, if any.
    pub fn submitted_rev(&self, draft_id: &str) -> Result<Option<i64>> {
        let rev: Option<Option<i64>> = self
            .conn
            .query_row(
                "SELECT submitted_rev FROM remote_submissions WHERE draft_id = ?1",
                [draft_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(rev.flatten())
    }

    /// Keeps one "Test my API service integration" run.
    pub fn record_test_run(
        &mut self,
        draft_id: &str,
        run: &crate::update::TestRun,
        client_id: &str,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO test_runs (draft_id, instance, client_id, passed, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![draft_id, run.instance.as_str(), client_id, run.passed, run.at],
        )?;
        Ok(())
    }

    /// The last test run against each instance of a draft's integration.
    pub fn test_runs(&self, draft_id: &str) -> Result<Vec<crate::update::TestRun>> {
        let mut stmt = self.conn.prepare(
            "SELECT instance, passed, MAX(at) FROM test_runs WHERE draft_id = ?1 GROUP BY instance",
        )?;
        let rows = stmt.query_map([draft_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?, r.get::<_, i64>(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (instance, passed, at) = row?;
            if let Some(instance) = crate::update::TestedInstance::parse(&instance) {
                out.push(crate::update::TestRun { instance, passed, at });
            }
        }
        Ok(out)
    }

    pub fn set_okta_status(&mut self, draft_id: &str, status: &str, at: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE remote_submissions SET okta_status = ?2, checked_at = ?3 WHERE draft_id = ?1",
            params![draft_id, status, at],
        )?;
        Ok(())
    }

    pub fn enqueue(&mut self, draft_id: &str, org: &str, rev: i64, at: i64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO outbox (draft_id, org, rev, queued_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(draft_id) DO UPDATE SET org = excluded.org, rev = excluded.rev",
            params![draft_id, org, rev, at],
        )?;
        Ok(())
    }

    /// The outbox item of one draft (every saved view shows it: one lookup).
    pub fn queued(&self, draft_id: &str) -> Result<Option<OutboxItem>> {
        Ok(self.outbox_where("o.draft_id = ?1", [draft_id])?.pop())
    }

    pub fn outbox(&self) -> Result<Vec<OutboxItem>> {
        self.outbox_where("1", [])
    }

    fn outbox_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
    ) -> Result<Vec<OutboxItem>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT o.draft_id, o.org, o.rev, o.queued_at, o.attempts, o.last_error
             FROM outbox o JOIN drafts d ON d.id = o.draft_id
             WHERE d.deleted_at IS NULL AND {filter}
             ORDER BY o.queued_at"
        ))?;
        let rows = stmt.query_map(params, |r| {
            Ok(OutboxItem {
                draft_id: r.get(0)?,
                org: r.get(1)?,
                rev: r.get(2)?,
                queued_at: r.get(3)?,
                attempts: r.get(4)?,
                last_error: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn outbox_attempt(&mut self, draft_id: &str, error: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE draft_id = ?1",
            params![draft_id, error],
        )?;
        Ok(())
    }

    pub fn dequeue(&mut self, draft_id: &str) -> Result<()> {
        self.conn.execute("DELETE FROM outbox WHERE draft_id = ?1", [draft_id])?;
        Ok(())
    }
}
