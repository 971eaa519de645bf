//! The library's lifecycle operations: status by hand with its timeline, the
//! per-org slot limit, delete to a 30-day Trash and restore, and updating a
//! published integration as a new linked draft with a diff.

use serde::Serialize;
use ts_rs::TS;

use super::{DraftSummary, DraftView, Library, LibraryError};
use crate::lifecycle::{self, Allowed, FieldChange, SlotUse, SubmissionStatus, SLOT_LIMIT};
use crate::rules::changes::{changes_between, RulesChanged};
use crate::rules::{CalendarDate, RulePack};
use crate::store::DraftRow;
use crate::update::{self, TestGate, UpdateKind};

/// One change of status, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusEvent {
    pub status: SubmissionStatus,
    pub label: String,
    #[ts(type = "number")]
    pub at: i64,
}

/// For an update draft: the published version and what differs from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOf {
    pub published_id: String,
    pub published_name: String,
    pub changes: Vec<FieldChange>,
    /// A first draft of "What changes are you making…" (the OIN Manager's
    /// question), for the user to edit; empty in the OIN Wizard.
    pub proposed_summary: String,
    /// In the OIN Wizard: Catalog Info or a functional edit (since 2026-07-21).
    pub kind: Option<UpdateKind>,
    /// What to know before taking that path.
    pub notes: Vec<String>,
    /// A functional update's 48-hour test gate.
    pub gate: Option<TestGate>,
}

/// Everything about where a submission is in Okta's process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    /// The Okta tool the submission is made in (its labels name the statuses).
    pub tool: crate::form::Tool,
    pub status: SubmissionStatus,
    pub status_label: String,
    pub timeline: Vec<StatusEvent>,
    pub allowed: Allowed,
    /// Every status with its name under this draft's pack, for setting it by hand.
    pub statuses: Vec<StatusEvent>,
    pub reminders: Vec<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_of: Option<UpdateOf>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slots: Option<SlotUse>,
    /// The submission in an Okta org this draft is (API service submissions).
    pub remote: Option<crate::store::RemoteLink>,
    /// A submit waiting for the network.
    pub queued: Option<crate::store::OutboxItem>,
    /// What changed in Okta's rules since the last submission was checked.
    pub rules_changed: Option<RulesChanged>,
}

/// A draft in the Trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrashItem {
    pub id: String,
    pub name: String,
    #[ts(type = "number")]
    pub deleted_at: i64,
    #[ts(type = "number")]
    pub days_left: i64,
}

impl Library {
    pub(super) fn lifecycle(&self, row: &DraftRow, now_ms: i64) -> Result<Lifecycle, LibraryError> {
        let today = CalendarDate::from_unix_millis(now_ms);
        let pack = RulePack::for_draft(&row.draft, today);
        let wizard = pack.form(row.draft.integration_type).tool == crate::form::Tool::OinWizard;
        let status = SubmissionStatus::parse(&row.status);
        let events = self.store.status_events(&row.id)?;
        let published_at =
            events.iter().rev().find(|(s, _)| *s == SubmissionStatus::Published).map(|(_, at)| *at);
        let event = |(s, at): (SubmissionStatus, i64)| StatusEvent {
            status: s,
            label: s.label(wizard).to_owned(),
            at,
        };
        let update_of = match &row.parent_id {
            Some(parent) => Some(self.update_of(row, parent, wizard, now_ms)?),
            None => None,
        };
        let remote = self.store.remote(&row.id)?;
        let mut timeline: Vec<StatusEvent> = events.into_iter().map(event).collect();
        // A word of Okta's the timeline has no stage for is shown as Okta said it.
        if let Some(r) = &remote {
            if let Some(word) = r.okta_status.as_deref().filter(|w| !w.trim().is_empty()) {
                if crate::okta::status::map_status(word, status).is_none() {
                    timeline.push(StatusEvent {
                        status,
                        label: format!("Okta: “{}”", word.trim()),
                        at: r.checked_at.unwrap_or_default(),
                    });
                }
            }
        }
        Ok(Lifecycle {
            tool: pack.form(row.draft.integration_type).tool,
            status,
            status_label: status.label(wizard).to_owned(),
            timeline,
            allowed: lifecycle::allowed(status),
            statuses: SubmissionStatus::ALL.into_iter().map(|s| event((s, 0))).collect(),
            reminders: lifecycle::reminders(status, pack, published_at),
            update_of,
            slots: row.draft.org.as_deref().map(|o| self.slot_use(o)).transpose()?,
            remote,
            queued: self.store.queued(&row.id)?,
            rules_changed: self.rules_changed(row, now_ms)?,
        })
    }

    /// What changed in Okta's rules since the revision Okta last had — this
    /// draft's submitted one, or for an update the published draft's — was
    /// checked; None when nothing did or nothing was submitted.
    fn rules_changed(
        &self,
        row: &DraftRow,
        now_ms: i64,
    ) -> Result<Option<RulesChanged>, LibraryError> {
        let mut sent = self.store.submitted_rev(&row.id)?.map(|rev| (row.id.as_str(), rev));
        if sent.is_none() {
            if let Some(parent) = row.parent_id.as_deref() {
                sent = self.store.submitted_rev(parent)?.map(|rev| (parent, rev));
            }
        }
        let Some((id, rev)) = sent else { return Ok(None) };
        let (Some(saved_at), Some(draft)) =
            (self.store.saved_at(id, rev)?, self.store.draft_at(id, rev)?)
        else {
            return Ok(None);
        };
        let (on, today) =
            (CalendarDate::from_unix_millis(saved_at), CalendarDate::from_unix_millis(now_ms));
        let t = row.draft.integration_type;
        // Okta judges a resubmission by the rules in force today, whatever pack
        // the draft is still checked against.
        let (old, new) = (RulePack::for_draft(&draft, on), RulePack::default_on(today));
        let mine = RulePack::for_draft(&row.draft, today);
        let changes = changes_between(t, old, on, new, today);
        Ok((!changes.is_empty()).then(|| RulesChanged {
            submitted_on: on,
            submitted_under: old.title_for(t),
            now_under: new.title_for(t),
            switch_to: (mine.id != new.id).then(|| new.id.to_owned()),
            changes,
        }))
    }

    /// An update of a published integration: its diff, and in the OIN Wizard
    /// the path it takes (Catalog Info or a functional edit with its test gate).
    fn update_of(
        &self,
        row: &DraftRow,
        parent: &str,
        wizard: bool,
        now_ms: i64,
    ) -> Result<UpdateOf, LibraryError> {
        let published = self.store.load_draft(parent)?;
        let form = RulePack::for_draft(&row.draft, CalendarDate::from_unix_millis(now_ms))
            .form(row.draft.integration_type);
        let changes = lifecycle::diff(form, &published.draft, &row.draft);
        let kind = wizard.then(|| update::classify(&changes));
        let gate = match kind {
            Some(UpdateKind::Functional) => {
                Some(update::gate(&self.store.test_runs(&row.id)?, now_ms))
            }
            _ => None,
        };
        Ok(UpdateOf {
            published_id: parent.to_owned(),
            published_name: published.draft.display_name(),
            proposed_summary: if wizard {
                String::new()
            } else {
                let diff = lifecycle::propose_summary(&changes, &published.draft, &row.draft);
                let review = self.review_summary(&row.id)?;
                [diff, review].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n")
            },
            notes: kind.map(|k| update::notes(k, &changes, now_ms)).unwrap_or_default(),
            kind,
            gate,
            changes,
        })
    }

    /// Keeps a "Test my API service integration" run for the update gate.
    pub fn record_test_run(
        &mut self,
        id: &str,
        run: &update::TestRun,
        client_id: &str,
    ) -> Result<(), LibraryError> {
        Ok(self.store.record_test_run(id, run, client_id)?)
    }

    /// How many of `org`'s submission slots are used (Trash excluded).
    pub fn slot_use(&self, org: &str) -> Result<SlotUse, LibraryError> {
        let used = self.store.count_in_org(org)?;
        Ok(SlotUse { org: org.trim().to_owned(), used, limit: SLOT_LIMIT })
    }

    /// Every org the library knows, with its slot use.
    pub fn slot_meters(&self) -> Result<Vec<SlotUse>, LibraryError> {
        let mut orgs: Vec<String> = self
            .store
            .list_drafts()?
            .iter()
            .filter_map(|r| r.draft.org.clone())
            .map(|o| o.trim().to_lowercase())
            .collect();
        orgs.sort();
        orgs.dedup();
        orgs.iter().filter(|o| !o.is_empty()).map(|o| self.slot_use(o)).collect()
    }

    /// Refuses one more submission in a full org.
    pub(super) fn check_slot(&self, org: Option<&str>) -> Result<(), LibraryError> {
        let Some(org) = org.map(str::trim).filter(|o| !o.is_empty()) else {
            return Ok(());
        };
        let use_ = self.slot_use(org)?;
        if use_.used >= use_.limit {
            return Err(LibraryError::SlotsFull {
                org: use_.org,
                used: use_.used,
                limit: use_.limit,
            });
        }
        Ok(())
    }

    /// Records a status set by hand (e.g. after submitting in the OIN Manager).
    pub fn set_status(
        &mut self,
        id: &str,
        status: SubmissionStatus,
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        self.store.set_status(id, status, now_ms)?;
        let row = self.store.load_draft(id)?;
        self.view(row, now_ms)
    }

    /// Moves a draft to the Trash and deletes its keychain entry. Only drafts.
    pub fn delete(&mut self, id: &str, now_ms: i64) -> Result<(), LibraryError> {
        let row = self.store.load_draft(id)?;
        let status = SubmissionStatus::parse(&row.status);
        if !lifecycle::allowed(status).delete {
            return Err(LibraryError::NotDeletable { status: status.label(false).to_owned() });
        }
        self.secrets.delete(&crate::secrets::account::test_account(id))?;
        self.has_password.borrow_mut().insert(id.to_owned(), false);
        self.store.set_deleted(id, Some(now_ms))?;
        let mut session = self.store.session()?;
        if session.open_draft_id.as_deref() == Some(id) {
            session.open_draft_id = None;
            self.store.set_session(&session)?;
        }
        Ok(())
    }

    /// The Trash, after removing for good what is past its 30 days.
    pub fn trash(&mut self, now_ms: i64) -> Result<Vec<TrashItem>, LibraryError> {
        let mut items = Vec::new();
        for row in self.store.list_trash()? {
            let deleted_at = row.deleted_at.unwrap_or(now_ms);
            if lifecycle::trash_expired(deleted_at, now_ms) {
                self.store.delete_draft(&row.id)?;
                continue;
            }
            items.push(TrashItem {
                name: row.draft.display_name(),
                days_left: lifecycle::trash_days_left(deleted_at, now_ms),
                deleted_at,
                id: row.id,
            });
        }
        Ok(items)
    }

    /// Takes a draft out of the Trash (if its org has a free slot).
    pub fn restore(&mut self, id: &str, now_ms: i64) -> Result<DraftSummary, LibraryError> {
        let row = self.store.load_draft(id)?;
        self.check_slot(row.draft.org.as_deref())?;
        self.store.set_deleted(id, None)?;
        let row = self.store.load_draft(id)?;
        Ok(self.summary(&row, CalendarDate::from_unix_millis(now_ms)))
    }

    /// "Update" on a published integration: a new draft version linked to it
    /// (in the OIN Manager with "Does your app exist in the OIN?" = yes and the
    /// existing name filled in). The published version stays as it was.
    pub fn update_published(&mut self, id: &str, now_ms: i64) -> Result<DraftView, LibraryError> {
        let published = self.store.load_draft(id)?;
        let status = SubmissionStatus::parse(&published.status);
        if !lifecycle::allowed(status).update {
            return Err(LibraryError::NotPublished { status: status.label(false).to_owned() });
        }
        let mut draft = published.draft.clone();
        let today = CalendarDate::from_unix_millis(now_ms);
        let form = RulePack::for_draft(&draft, today).form(draft.integration_type);
        // The OIN Manager asks about the existing listing; the OIN Wizard
        // starts from the published integration itself.
        if form.field("appInfo.existsInOin").is_some() {
            draft.app_info.exists_in_oin = Some(true);
            draft.app_info.existing_app_name = Some(published.draft.display_name());
            draft.app_info.update_summary = None;
        }
        draft.dismissed.clear();
        self.check_slot(draft.org.as_deref())?;
        let new_id = self.store.create_draft(&draft, now_ms)?;
        self.store.set_parent(&new_id, id)?;
        self.open(&new_id, now_ms)
    }
}
