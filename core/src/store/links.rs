//! The last "Check links" answer for each web address, with its time, and the
//! guide doctor's last check of each guide address.

use rusqlite::{params, OptionalExtension};

use super::{Result, Store};
use crate::guide::GuideReport;
use crate::links::{LinkCheck, LinkOutcome};

impl Store {
    pub fn save_link_checks(&mut self, checks: &[LinkCheck]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for c in checks {
            let outcome = serde_json::to_string(&c.outcome).expect("an outcome serializes");
            tx.execute(
                "INSERT INTO link_checks (url, outcome, checked_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(url) DO UPDATE SET outcome = excluded.outcome, checked_at = excluded.checked_at",
                params![c.url, outcome, c.checked_at],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The last answer for `url`, if it was ever checked.
    pub fn link_check(&self, url: &str) -> Result<Option<(LinkOutcome, i64)>> {
        let row: Option<(String, i64)> = self
            .conn
            .query_row("SELECT outcome, checked_at FROM link_checks WHERE url = ?1", [url], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(row.and_then(|(o, at)| serde_json::from_str(&o).ok().map(|o| (o, at))))
    }

    /// Keeps a guide check (the last one per address and type).
    pub fn save_guide_check(&mut self, r: &GuideReport) -> Result<()> {
        let report = serde_json::to_string(r).expect("a report serializes");
        self.conn.execute(
            "INSERT INTO guide_checks (url, integration, report, checked_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(url, integration) DO UPDATE SET report = excluded.report, checked_at = excluded.checked_at",
            params![r.source, r.integration, report, r.checked_at],
        )?;
        Ok(())
    }

    /// The last guide check of `url` for an integration type (`api-service`, `workflows`).
    pub fn guide_check(&self, url: &str, integration: &str) -> Result<Option<GuideReport>> {
        let row: Option<String> = self
            .conn
            .query_row(
                "SELECT report FROM guide_checks WHERE url = ?1 AND integration = ?2",
                [url, integration],
                |r| r.get(0),
            )
            .optional()?;
        Ok(row.and_then(|r| serde_json::from_str(&r).ok()))
    }
}
