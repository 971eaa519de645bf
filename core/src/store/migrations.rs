//! Versioned schema migrations, tracked in `PRAGMA user_version`. Append only:
//! a shipped migration is never edited.

use rusqlite::Connection;

use super::{Result, StoreError};

const MIGRATIONS: &[&str] = &[
    // 1: drafts with revisions, content-addressed files, app state.
    "CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        integration_type TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        head_rev INTEGER NOT NULL
     );
     CREATE TABLE revisions (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        rev INTEGER NOT NULL,
        saved_at INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (draft_id, rev)
     );
     CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
     );
     CREATE TABLE app_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
     );",
    // 2: the last answer of each web address checked by "Check links".
    "CREATE TABLE link_checks (
        url TEXT PRIMARY KEY,
        outcome TEXT NOT NULL,
        checked_at INTEGER NOT NULL
     );",
    // 3: the lifecycle — status history, the Trash, update versions.
    "ALTER TABLE drafts ADD COLUMN deleted_at INTEGER;
     ALTER TABLE drafts ADD COLUMN parent_id TEXT;
     CREATE TABLE status_events (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        at INTEGER NOT NULL
     );
     INSERT INTO status_events (draft_id, status, at) SELECT id, status, created_at FROM drafts;",
    // 4: the Okta connection — who is signed in where (no secrets: those are in
    // the keychain), which org submission each draft is, and the outbox.
    "CREATE TABLE okta_accounts (
        org TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        client_id TEXT
     );
     CREATE TABLE remote_submissions (
        draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
        org TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        okta_status TEXT,
        checked_at INTEGER,
        UNIQUE (org, remote_id)
     );
     CREATE TABLE outbox (
        draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
        org TEXT NOT NULL,
        rev INTEGER NOT NULL,
        queued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
     );",
    // 5: "Test my API service integration" runs, for the 48-hour gate of a
    // functional update in the OIN Wizard (no secrets: the client id only).
    "CREATE TABLE test_runs (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        instance TEXT NOT NULL,
        client_id TEXT NOT NULL,
        passed INTEGER NOT NULL,
        at INTEGER NOT NULL
     );
     CREATE INDEX test_runs_by_draft ON test_runs (draft_id, at);",
    // 6: the revision last sent to Okta, pinned against the history's thinning.
    "ALTER TABLE remote_submissions ADD COLUMN submitted_rev INTEGER;
     CREATE INDEX revisions_by_time ON revisions (draft_id, saved_at);",
    // 7: the guide doctor's last check of each guide address, per integration type.
    "CREATE TABLE guide_checks (
        url TEXT NOT NULL,
        integration TEXT NOT NULL,
        report TEXT NOT NULL,
        checked_at INTEGER NOT NULL,
        PRIMARY KEY (url, integration)
     );",
    // 8: the to-dos Okta's review emails made, with the field's value when each
    // was made (a change since ticks it, once the user confirms).
    "CREATE TABLE review_todos (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        field TEXT,
        kind TEXT NOT NULL,
        quote TEXT NOT NULL,
        message TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open',
        value_then TEXT,
        created_at INTEGER NOT NULL
     );
     CREATE INDEX review_todos_by_draft ON review_todos (draft_id, id);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::FutureSchema { found, supported: SCHEMA_VERSION });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
