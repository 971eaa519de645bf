//! What the app shows the moment it starts, in one answer. On a webview that
//! has just started, each round of IPC took 65–150 ms to come back while the
//! commands themselves took 1–15 ms (`oin-bench timeline`, with the Rust
//! side's `OIN_STUDIO_TRACE_START=1`), and the library page needed two rounds
//! (the app's, then the library's): now it needs one.

use serde::Serialize;
use ts_rs::TS;

use super::{DraftSummary, Library, LibraryError, TrashItem};
use crate::lifecycle::SlotUse;
use crate::okta::Account;
use crate::rules::CalendarDate;
use crate::store::{Recovery, Session};

/// What the library page shows: the drafts, each org's submission slots, the
/// trash and the orgs signed in to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Shelf {
    pub drafts: Vec<DraftSummary>,
    pub slots: Vec<SlotUse>,
    pub trash: Vec<TrashItem>,
    pub accounts: Vec<Account>,
}

/// Everything the first screen needs: why the library started empty (if a
/// database was set aside), where the user left off, and the library page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Start {
    pub recovery: Option<Recovery>,
    pub session: Session,
    pub shelf: Shelf,
}

impl Library {
    /// The library page's contents, as `list`, `slot_meters`, `trash` and
    /// `accounts` answer them one by one.
    pub fn shelf(&mut self, today: CalendarDate, now_ms: i64) -> Result<Shelf, LibraryError> {
        Ok(Shelf {
            drafts: self.list(today)?,
            slots: self.slot_meters()?,
            trash: self.trash(now_ms)?,
            accounts: self.accounts()?,
        })
    }

    /// The first screen's contents (see `Start`).
    pub fn start(&mut self, today: CalendarDate, now_ms: i64) -> Result<Start, LibraryError> {
        Ok(Start {
            recovery: self.recovery.clone(),
            session: self.session()?,
            shelf: self.shelf(today, now_ms)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{library, NOW};
    use crate::draft::IntegrationType;
    use crate::rules::CalendarDate;
    use crate::store::Session;

    #[test]
    fn the_start_answers_what_the_pages_questions_answer_one_by_one() {
        let (_d, mut lib) = library();
        let org = Some("acme.okta.com".to_owned());
        let kept = lib.create(IntegrationType::ApiService, org.clone(), NOW).unwrap().id;
        let binned = lib.create(IntegrationType::WorkflowsConnector, org, NOW + 1).unwrap().id;
        lib.delete(&binned, NOW + 2).unwrap();
        let session = Session { open_draft_id: Some(kept.clone()), tab: Some("details".into()) };
        lib.set_session(&session).unwrap();

        let today = CalendarDate::from_unix_millis(NOW);
        let start = lib.start(today, NOW + 3).unwrap();
        assert_eq!(start.recovery, None);
        assert_eq!(start.session, session);
        assert_eq!(start.shelf.drafts, lib.list(today).unwrap());
        assert_eq!(start.shelf.drafts.len(), 1, "the deleted draft is in the trash, not the list");
        assert_eq!(start.shelf.slots, lib.slot_meters().unwrap());
        assert_eq!(start.shelf.trash, lib.trash(NOW + 3).unwrap());
        assert_eq!(start.shelf.trash[0].id, binned);
        assert_eq!(start.shelf.accounts, lib.accounts().unwrap());
    }
}
