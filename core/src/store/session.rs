//! Where the user left off: the open draft and tab, restored at start-up.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Session {
    pub open_draft_id: Option<String>,
    pub tab: Option<String>,
}

impl Store {
    pub fn session(&self) -> Result<Session> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM app_state WHERE key = 'session'", [], |r| r.get(0))
            .optional()?;
        // A session that no longer parses is only a convenience lost: start fresh.
        Ok(raw.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
    }

    pub fn set_session(&self, session: &Session) -> Result<()> {
        let json = serde_json::to_string(session).expect("a session always serializes");
        self.conn.execute(
            "INSERT INTO app_state (key, value) VALUES ('session', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [json],
        )?;
        Ok(())
    }

    /// When OIN Studio last looked for a new version (automatically).
    pub fn update_checked_at(&self) -> Result<Option<i64>> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM app_state WHERE key = 'update_checked_at'", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(raw.and_then(|s| s.parse().ok()))
    }

    pub fn set_update_checked_at(&self, at: i64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO app_state (key, value) VALUES ('update_checked_at', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [at.to_string()],
        )?;
        Ok(())
    }
}
