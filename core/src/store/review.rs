//! The review to-dos of each draft (migration 8).

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store, StoreError};
use crate::review::{Todo, TodoKind};

/// Where a to-do stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TodoState {
    Open,
    Done,
    Dismissed,
}

impl TodoState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
            Self::Dismissed => "dismissed",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "done" => Self::Done,
            "dismissed" => Self::Dismissed,
            _ => Self::Open,
        }
    }
}

/// A kept to-do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoRow {
    pub id: i64,
    pub todo: Todo,
    pub state: TodoState,
    /// The field's value (JSON) when the to-do was made or relinked.
    pub value_then: Option<String>,
    pub created_at: i64,
}

fn kind_str(k: TodoKind) -> String {
    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

impl Store {
    /// Keeps new to-dos; `value_of` gives a field's value now.
    pub fn add_todos(
        &mut self,
        draft_id: &str,
        todos: &[Todo],
        value_of: impl Fn(&str) -> Option<String>,
        at: i64,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        for t in todos {
            tx.execute(
                "INSERT INTO review_todos (draft_id, field, kind, quote, message, value_then, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    draft_id,
                    t.field,
                    kind_str(t.kind),
                    t.quote,
                    t.message,
                    t.field.as_deref().and_then(&value_of),
                    at
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn todos(&self, draft_id: &str) -> Result<Vec<TodoRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, field, kind, quote, message, state, value_then, created_at
             FROM review_todos WHERE draft_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([draft_id], |r| {
            let kind: String = r.get(2)?;
            Ok(TodoRow {
                id: r.get(0)?,
                todo: Todo {
                    field: r.get(1)?,
                    kind: serde_json::from_value(serde_json::Value::String(kind))
                        .unwrap_or(TodoKind::FixField),
                    quote: r.get(3)?,
                    message: r.get(4)?,
                },
                state: TodoState::parse(&r.get::<_, String>(5)?),
                value_then: r.get(6)?,
                created_at: r.get(7)?,
            })
        })?;
        rows.map(|r| r.map_err(Into::into)).collect()
    }

    /// Sets a to-do's state, or relinks it to another field (its value then is
    /// taken again).
    pub fn update_todo(
        &mut self,
        draft_id: &str,
        todo_id: i64,
        state: TodoState,
        field: Option<Option<&str>>,
        value_then: Option<String>,
    ) -> Result<()> {
        let n = match field {
            Some(f) => self.conn.execute(
                "UPDATE review_todos SET state = ?3, field = ?4, value_then = ?5 WHERE draft_id = ?1 AND id = ?2",
                params![draft_id, todo_id, state.as_str(), f, value_then],
            )?,
            None => self.conn.execute(
                "UPDATE review_todos SET state = ?3 WHERE draft_id = ?1 AND id = ?2",
                params![draft_id, todo_id, state.as_str()],
            )?,
        };
        if n == 0 {
            return Err(StoreError::NotFound(format!("{draft_id}/{todo_id}")));
        }
        Ok(())
    }

    /// Merges to-do `from` into `into`: one ask the email made twice, or in two
    /// sentences. `into` keeps both quotes (the email's own words, in order)
    /// and both messages; `from` is gone. One transaction.
    pub fn merge_todos(&mut self, draft_id: &str, from: i64, into: i64) -> Result<()> {
        if from == into {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        let get = |id: i64| {
            tx.query_row(
                "SELECT quote, message FROM review_todos WHERE draft_id = ?1 AND id = ?2",
                params![draft_id, id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .map_err(|_| StoreError::NotFound(format!("{draft_id}/{id}")))
        };
        let ((fq, fm), (iq, im)) = (get(from)?, get(into)?);
        // The earlier sentence first, as the email had them.
        let (quote, message) = if from < into {
            (format!("{fq}\n{iq}"), join(&fm, &im))
        } else {
            (format!("{iq}\n{fq}"), join(&im, &fm))
        };
        tx.execute(
            "UPDATE review_todos SET quote = ?3, message = ?4 WHERE draft_id = ?1 AND id = ?2",
            params![draft_id, into, quote, message],
        )?;
        tx.execute(
            "DELETE FROM review_todos WHERE draft_id = ?1 AND id = ?2",
            params![draft_id, from],
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn join(a: &str, b: &str) -> String {
    if a == b {
        a.to_owned()
    } else {
        format!("{a} {b}")
    }
}
