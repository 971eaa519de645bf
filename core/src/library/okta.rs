//! The library's side of the Okta connection: accounts, the submission each
//! draft is in its org, what a submit sends (only a clean precheck is sent),
//! status fetched from Okta onto the timeline, the outbox, and importing an
//! org's submissions. No network here: `crate::connection` does that, outside
//! the library's lock.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::{DraftSummary, Library, LibraryError};
use crate::lifecycle::{self, SubmissionStatus};
use crate::okta::remote::RemoteSubmission;
use crate::okta::status::map_status;
use crate::okta::submit::{LogoFile, Plan, Submitted};
use crate::okta::{Account, OrgUrl};
use crate::rules::CalendarDate;
use crate::store::{OutboxItem, RemoteLink};
use crate::submission::{NotSubmittable, Submission};
use crate::update::UpdateKind;

/// What a submit will send, ready to show or send.
pub struct Prepared {
    pub plan: Plan,
    pub name: String,
    /// The org submission this draft already is (then it is replaced).
    pub known_id: Option<String>,
    pub rev: i64,
}

/// A status that moved because Okta said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub draft_id: String,
    pub name: String,
    pub from: String,
    pub to: String,
    pub okta_status: String,
    /// What an OS notification says: "Okta needs changes to Acme Logs".
    pub headline: String,
}

/// The notification's words for a submission Okta moved to `to`.
pub fn headline(name: &str, to: SubmissionStatus) -> String {
    use SubmissionStatus as S;
    match to {
        S::IsvNeedsToReview | S::IsvNeedsToFixBugs => format!("Okta needs changes to {name}"),
        S::Published => format!("{name} is published in the OIN"),
        S::Draft => format!("{name} is a draft again in Okta"),
        S::ToBeReviewed | S::ToBeQaTested | S::FinalReview => {
            format!("Okta moved {name} on: {}", to.label(true))
        }
    }
}

impl Library {
    pub fn accounts(&self) -> Result<Vec<Account>, LibraryError> {
        Ok(self.store.accounts()?.into_iter().map(|(a, _)| a).collect())
    }

    /// The client id last used to sign in to `org` (to sign in again).
    pub fn client_id_for(&self, org: &str) -> Result<Option<String>, LibraryError> {
        Ok(self.store.accounts()?.into_iter().find(|(a, _)| a.org == org).and_then(|(_, c)| c))
    }

    pub fn remember_account(
        &mut self,
        account: &Account,
        client_id: Option<&str>,
    ) -> Result<(), LibraryError> {
        Ok(self.store.save_account(account, client_id)?)
    }

    pub fn forget_account(&mut self, org: &str) -> Result<(), LibraryError> {
        Ok(self.store.forget_account(org)?)
    }

    pub fn remote(&self, id: &str) -> Result<Option<RemoteLink>, LibraryError> {
        Ok(self.store.remote(id)?)
    }

    pub fn remotes(&self) -> Result<Vec<(String, RemoteLink)>, LibraryError> {
        Ok(self.store.remotes()?)
    }

    pub fn outbox(&self) -> Result<Vec<OutboxItem>, LibraryError> {
        Ok(self.store.outbox()?)
    }

    /// What submitting draft `id` to `org` sends. Refused (one home:
    /// `Submission::new`) unless the precheck passes and the status allows a submit. `rev`: the revision the
    /// user confirmed (None: the one saved now).
    pub fn prepare_submit(
        &self,
        id: &str,
        org: &OrgUrl,
        rev: Option<i64>,
        now_ms: i64,
    ) -> Result<Prepared, LibraryError> {
        let today = CalendarDate::from_unix_millis(now_ms);
        let row = self.store.load_draft(id)?;
        let status = SubmissionStatus::parse(&row.status);
        if !lifecycle::allowed(status).submit {
            return Err(
                NotSubmittable::UnderReview { status: status.label(true).to_owned() }.into()
            );
        }
        let draft = match rev {
            // What the user confirmed is what goes: never another revision.
            Some(r) => self
                .store
                .draft_at(id, r)?
                .ok_or(NotSubmittable::ConfirmedRevisionGone { rev: r })?,
            None => row.draft,
        };
        let report = self.check(id, &draft, today);
        let sub = Submission::new(draft, &report)?;
        if let Some(parent) = &row.parent_id {
            self.update_gate(id, parent, sub.draft(), now_ms)?;
        }
        let icon = sub.draft().app_info.app_icon.as_ref().expect("a submission has a logo");
        let logo =
            LogoFile { file_name: icon.file_name.clone(), bytes: self.store.file(&icon.sha256)? };
        let password = self.secrets.get(&crate::secrets::account::test_account(id))?;
        let known_id = self.store.remote(id)?.filter(|r| r.org == org.host()).map(|r| r.remote_id);
        Ok(Prepared {
            name: sub.name().to_owned(),
            plan: Plan::new(&sub, password, logo),
            known_id,
            rev: rev.unwrap_or(row.rev.head),
        })
    }

    /// An update in the OIN Wizard goes through the API only as a functional
    /// edit whose tests passed within 48 hours; catalog information goes by
    /// the Catalog Info hand-off (the API has no endpoint for it).
    fn update_gate(
        &self,
        id: &str,
        parent: &str,
        draft: &crate::Draft,
        now_ms: i64,
    ) -> Result<(), LibraryError> {
        let today = CalendarDate::from_unix_millis(now_ms);
        let form = crate::rules::RulePack::for_draft(draft, today).form(draft.integration_type);
        if form.tool != crate::form::Tool::OinWizard {
            return Ok(());
        }
        let published = self.store.load_draft(parent)?.draft;
        let changes = crate::lifecycle::diff(form, &published, draft);
        match crate::update::classify(&changes) {
            UpdateKind::NoChange => Err(NotSubmittable::NothingChanged.into()),
            UpdateKind::CatalogOnly => Err(NotSubmittable::CatalogInfo.into()),
            UpdateKind::Functional => {
                let gate = crate::update::gate(&self.store.test_runs(id)?, now_ms);
                if gate.open {
                    Ok(())
                } else {
                    Err(NotSubmittable::TestsNeeded { needed: gate.needed }.into())
                }
            }
        }
    }

    /// Warnings about who submits: the OIN team doesn't review submissions
    /// made from personal email accounts.
    pub fn submitter_warnings(&self, org: &OrgUrl) -> Result<Vec<String>, LibraryError> {
        let host = org.host();
        Ok(self
            .accounts()?
            .into_iter()
            .filter(|a| a.org == host)
            .filter_map(|a| a.user)
            .filter(|u| crate::rules::personal::is_personal(u))
            .map(|u| {
                format!(
                    "You're signed in to {host} as {u}, a personal email account: the OIN team doesn't review submissions from personal email accounts. Sign out and sign in with your company account."
                )
            })
            .collect())
    }

    /// Keeps the org submission id as soon as Okta gives it.
    pub fn link_remote(
        &mut self,
        id: &str,
        org: &str,
        remote_id: &str,
    ) -> Result<(), LibraryError> {
        Ok(self.store.link_remote(id, org, remote_id)?)
    }

    /// After a successful submit: the status moves on, the outbox forgets it,
    /// and the revision sent is kept (pinned against the history's thinning).
    pub fn record_submitted(
        &mut self,
        id: &str,
        org: &str,
        done: &Submitted,
        rev: i64,
        now_ms: i64,
    ) -> Result<(), LibraryError> {
        self.store.link_remote(id, org, &done.remote_id)?;
        self.store.set_submitted_rev(id, rev)?;
        self.store.dequeue(id)?;
        let okta = done.okta_status.clone().unwrap_or_default();
        self.apply_okta_status(id, &okta, now_ms)?;
        // Sent: it is Okta's turn now, whatever the word for it.
        let status = SubmissionStatus::parse(&self.store.load_draft(id)?.status);
        if !matches!(
            status,
            SubmissionStatus::ToBeReviewed
                | SubmissionStatus::ToBeQaTested
                | SubmissionStatus::FinalReview
        ) {
            self.store.set_status(id, SubmissionStatus::ToBeReviewed, now_ms)?;
        }
        Ok(())
    }

    /// Okta's status word for a draft's submission: kept, and mapped onto the
    /// timeline. Returns the change when the status moved.
    pub fn apply_okta_status(
        &mut self,
        id: &str,
        okta_status: &str,
        now_ms: i64,
    ) -> Result<Option<StatusChange>, LibraryError> {
        self.store.set_okta_status(id, okta_status, now_ms)?;
        let row = self.store.load_draft(id)?;
        let current = SubmissionStatus::parse(&row.status);
        let Some(next) = map_status(okta_status, current) else { return Ok(None) };
        if next == current {
            return Ok(None);
        }
        self.store.set_status(id, next, now_ms)?;
        Ok(Some(StatusChange {
            draft_id: id.to_owned(),
            name: row.draft.display_name(),
            from: current.label(true).to_owned(),
            to: next.label(true).to_owned(),
            okta_status: okta_status.to_owned(),
            headline: headline(&row.draft.display_name(), next),
        }))
    }

    /// Puts a submit in the outbox (the network is in the way).
    pub fn enqueue(
        &mut self,
        id: &str,
        org: &str,
        rev: i64,
        now_ms: i64,
        why: &str,
    ) -> Result<(), LibraryError> {
        self.store.enqueue(id, org, rev, now_ms)?;
        Ok(self.store.outbox_attempt(id, why)?)
    }

    pub fn outbox_attempt(&mut self, id: &str, why: &str) -> Result<(), LibraryError> {
        Ok(self.store.outbox_attempt(id, why)?)
    }

    pub fn dequeue(&mut self, id: &str) -> Result<(), LibraryError> {
        Ok(self.store.dequeue(id)?)
    }

    /// A submission found in the org becomes a draft here, unless one already
    /// is it. Counts against the org's slots like any other.
    pub fn import_remote(
        &mut self,
        org: &str,
        remote: &RemoteSubmission,
        api: Option<&Value>,
        now_ms: i64,
    ) -> Result<Option<DraftSummary>, LibraryError> {
        if self.store.draft_for_remote(org, &remote.id)?.is_some() {
            return Ok(None);
        }
        let mut draft = crate::okta::remote::to_draft(remote, api);
        draft.org = Some(org.to_owned());
        let today = CalendarDate::from_unix_millis(now_ms);
        draft.rule_pack = Some(crate::rules::RulePack::default_on(today).id.to_owned());
        self.check_slot(Some(org))?;
        let id = self.store.create_draft(&draft, now_ms)?;
        self.store.link_remote(&id, org, &remote.id)?;
        if let Some(s) = &remote.status {
            self.apply_okta_status(&id, s, now_ms)?;
        }
        let row = self.store.load_draft(&id)?;
        Ok(Some(self.summary(&row, today)))
    }
}

impl Library {
    /// The hand-off for this draft: the OIN Manager's form for a Workflows
    /// connector, Edit › Catalog Info for a catalog-only update in the OIN Wizard.
    pub fn handoff(
        &self,
        id: &str,
        now_ms: i64,
    ) -> Result<crate::okta::handoff::Handoff, LibraryError> {
        use crate::okta::handoff::Handoff;
        let row = self.store.load_draft(id)?;
        let draft = &row.draft;
        if draft.integration_type == crate::IntegrationType::WorkflowsConnector {
            return Ok(Handoff::oin_manager(draft, self.password_known(id)));
        }
        let Some(parent) = &row.parent_id else {
            return Err(NotSubmittable::ThroughTheApi.into());
        };
        let published = self.store.load_draft(parent)?.draft;
        let today = CalendarDate::from_unix_millis(now_ms);
        let form = crate::rules::RulePack::for_draft(draft, today).form(draft.integration_type);
        let changes = crate::lifecycle::diff(form, &published, draft);
        if crate::update::classify(&changes) != UpdateKind::CatalogOnly {
            return Err(NotSubmittable::ThroughTheApi.into());
        }
        let org = draft.org.as_deref().or(published.org.as_deref()).unwrap_or_default();
        let org = OrgUrl::parse(org, false).map_err(LibraryError::Okta)?;
        let notes = crate::update::notes(UpdateKind::CatalogOnly, &changes, now_ms);
        Ok(Handoff::catalog_info(&published, draft, &changes, org.admin_console(), notes))
    }

    /// Writes the files the OIN Manager form asks for (logo, flow test suite)
    /// into a folder named after the draft under `dir`, for the file manager.
    pub fn handoff_files(
        &self,
        id: &str,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, LibraryError> {
        let draft = self.draft(id)?;
        let name: String = draft
            .display_name()
            .chars()
            .map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' })
            .collect();
        let folder = dir.join(name.trim());
        std::fs::create_dir_all(&folder).map_err(crate::store::StoreError::from)?;
        let files = [&draft.app_info.app_icon, &draft.workflows.test_suite];
        for a in files.into_iter().flatten() {
            let safe = std::path::Path::new(&a.file_name).file_name().map(|n| n.to_owned());
            let Some(safe) = safe else { continue };
            std::fs::write(folder.join(safe), self.store.file(&a.sha256)?)
                .map_err(crate::store::StoreError::from)?;
        }
        Ok(folder)
    }
}
