//! The library: what the app does with drafts, in one place — create, open,
//! save, undo/redo, rename, duplicate, attach files, hold the password, remember
//! where the user was. It joins the store, the secret store and the rules, and
//! returns exactly what the UI shows. The shell calls it; it never reads the clock.

use serde::Serialize;
use ts_rs::TS;

use crate::draft::{Draft, IntegrationType};
use crate::flowsuite::SuiteReport;
use crate::form::{Field, Form};
use crate::lifecycle::{Allowed, SubmissionStatus};
use crate::links::LinkCheck;
use crate::rules::pack::RulePack;
use crate::rules::{CalendarDate, FixAction, Report, PACKS};
use crate::scopes::ScopeCatalog;
use crate::secrets::SecretStore;
use crate::store::{DraftRow, Recovery, Session, Store, StoreError};

mod check;
mod files;
mod guide;
mod lifecycle;
mod logo;
mod okta;
mod password;
mod review;
mod start;

type GuideCache = std::collections::HashMap<(String, String), Option<crate::guide::GuideReport>>;

pub use guide::{check_guide, GuideFormat};
pub use lifecycle::{Lifecycle, StatusEvent, TrashItem, UpdateOf};
pub use logo::{attach, attach_path, fix_logo, listing, logo_view, LogoSide, LogoView};
pub use okta::{headline, Prepared, StatusChange};
pub use review::{ReviewTodo, TodoChange};
pub use start::{Shelf, Start};

/// One row of the library.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub integration_type: IntegrationType,
    pub type_label: String,
    pub org: Option<String>,
    pub status: SubmissionStatus,
    pub status_label: String,
    pub allowed: Allowed,
    pub percent: u8,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// An open draft: its fields, where it is in its history, and how complete it is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub id: String,
    pub draft: Draft,
    #[ts(type = "number")]
    pub rev: i64,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Issues, completion and the submit gate, from `rules::check`.
    pub report: Report,
    pub has_password: bool,
    /// The last "Check links" answer for each web address now in the draft.
    pub links: Vec<LinkCheck>,
    /// The guide doctor's last check of the guide address now in the draft.
    pub guide: Option<crate::guide::GuideReport>,
    /// The to-dos Okta's review emails made, oldest first.
    pub todos: Vec<ReviewTodo>,
    /// Status, timeline, what is allowed, reminders, and the update diff.
    pub lifecycle: Lifecycle,
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// A rule pack as the selector shows it, for one integration type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PackChoice {
    pub id: String,
    /// "Okta's rules since 4 March 2026 — API service in the OIN Wizard".
    pub title: String,
    pub org_name: String,
}

impl PackChoice {
    fn of(p: &RulePack, t: IntegrationType) -> Self {
        Self { id: p.id.to_owned(), title: p.title_for(t), org_name: p.org_name.to_owned() }
    }
}

/// What the form needs to draw itself: the pack's declared form for this
/// draft's type, the values the draft holds outside it, and the choices.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormSchema {
    pub form: Form,
    /// Fields of other forms that hold a value in this draft (kept, not asked).
    pub outside: Vec<Field>,
    /// Every field a label may be needed for: the form's, then the outside ones.
    pub fields: Vec<Field>,
    pub packs: Vec<PackChoice>,
    pub pack: PackChoice,
    pub admin_scopes: Vec<String>,
    /// The field the guide doctor checks (the guide or documentation URL).
    pub guide_path: String,
}

/// What the library's operations can fail with.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    File(#[from] crate::exchange::ExchangeError),
    #[error(transparent)]
    Secret(#[from] crate::secrets::SecretError),
    #[error("{org} already has {used} of Okta's {limit} submissions. Delete a draft you no longer need (only drafts can be deleted), or ask oin@okta.com to remove a published integration you retired.")]
    SlotsFull { org: String, used: u32, limit: u32 },
    #[error("Only drafts can be deleted; this submission is “{status}”. Published integrations are removed by the OIN team (oin@okta.com).")]
    NotDeletable { status: String },
    #[error("Only a published integration can be updated; this one is “{status}”.")]
    NotPublished { status: String },
    #[error(transparent)]
    Logo(crate::logo::LogoError),
    #[error(transparent)]
    Okta(#[from] crate::okta::OktaError),
    #[error(transparent)]
    NotSubmittable(#[from] crate::submission::NotSubmittable),
    #[error("The test account password is {length} characters; Okta takes at most 255. It wasn't saved.")]
    PasswordTooLong { length: usize },
    #[error("There's no guide address to check yet: enter it first.")]
    NoGuideUrl { path: &'static str },
    #[error("{path} couldn't be written: {reason}. Pick another place.")]
    Write { path: String, reason: String },
    #[error("{path} couldn't be read: {reason}.")]
    Read { path: String, reason: String },
}

/// The drafts library, over a store and a secret store.
pub struct Library {
    store: Store,
    secrets: std::sync::Arc<dyn SecretStore>,
    /// Whether each draft has a password in the keychain, asked once per draft:
    /// a keychain round trip on every keystroke's check would slow autosave.
    has_password: std::cell::RefCell<std::collections::HashMap<String, bool>>,
    /// Logo verdicts by file hash (None: unreadable).
    logos: std::cell::RefCell<std::collections::HashMap<String, Option<crate::logo::Verdict>>>,
    /// Test-suite inspections by file hash: a file's content never changes.
    suites: std::cell::RefCell<std::collections::HashMap<String, SuiteReport>>,
    /// The last guide check by (address, type); None: never checked.
    guides: std::cell::RefCell<GuideCache>,
    /// The accounts the keychain listed at the first question (None inside:
    /// it can't list them). `has_password` answers first, so a password set
    /// or cleared since is never hidden by this.
    secrets_listed: std::cell::OnceCell<Option<std::collections::HashSet<String>>>,
    /// The last check's answer: the autosave of a change the UI has just had
    /// checked finds it here instead of running the rules a second time.
    last_check: std::cell::RefCell<Option<check::LastCheck>>,
    /// Set when start-up had to put an unusable database aside.
    pub recovery: Option<Recovery>,
}

impl Library {
    pub fn new(
        store: Store,
        secrets: std::sync::Arc<dyn SecretStore>,
        recovery: Option<Recovery>,
    ) -> Self {
        Self {
            store,
            secrets,
            suites: Default::default(),
            last_check: Default::default(),
            secrets_listed: Default::default(),
            guides: Default::default(),
            logos: Default::default(),
            has_password: Default::default(),
            recovery,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The secret store, for work done outside the library's lock (network calls).
    pub fn secrets(&self) -> std::sync::Arc<dyn SecretStore> {
        self.secrets.clone()
    }

    /// Cached link answers for the web addresses in this draft.
    pub fn known_links(&self, draft: &Draft) -> Vec<LinkCheck> {
        crate::links::links(draft)
            .into_iter()
            .filter_map(|(path, url)| {
                let (outcome, checked_at) = self.store.link_check(&url).ok()??;
                Some(LinkCheck { path, url, outcome, checked_at })
            })
            .collect()
    }

    /// Keeps the answers of a "Check links" run.
    pub fn remember_links(&mut self, checks: &[LinkCheck]) -> Result<(), LibraryError> {
        Ok(self.store.save_link_checks(checks)?)
    }

    /// The draft as saved, for work done outside the library's lock.
    pub fn draft(&self, id: &str) -> Result<Draft, LibraryError> {
        Ok(self.store.load_draft(id)?.draft)
    }

    fn view(&self, row: DraftRow, now_ms: i64) -> Result<DraftView, LibraryError> {
        let today = CalendarDate::from_unix_millis(now_ms);
        Ok(DraftView {
            lifecycle: self.lifecycle(&row, now_ms)?,
            links: self.known_links(&row.draft),
            guide: self.known_guide(&row.draft),
            todos: self.todos_of(&row.id, &row.draft, row.updated_at)?,
            report: self.check(&row.id, &row.draft, today),
            has_password: self.password_known(&row.id),
            rev: row.rev.head,
            can_undo: row.rev.can_undo,
            can_redo: row.rev.can_redo,
            updated_at: row.updated_at,
            draft: row.draft,
            id: row.id,
        })
    }

    fn summary(&self, row: &DraftRow, today: CalendarDate) -> DraftSummary {
        let pack = RulePack::for_draft(&row.draft, today);
        let status = SubmissionStatus::parse(&row.status);
        let t = row.draft.integration_type;
        DraftSummary {
            id: row.id.clone(),
            name: row.draft.display_name(),
            integration_type: t,
            type_label: t.label().to_owned(),
            org: row.draft.org.clone().filter(|o| !o.trim().is_empty()),
            status,
            status_label: status
                .label(pack.form(t).tool == crate::form::Tool::OinWizard)
                .to_owned(),
            allowed: crate::lifecycle::allowed(status),
            percent: self.check(&row.id, &row.draft, today).completion.percent,
            updated_at: row.updated_at,
        }
    }

    pub fn list(&self, today: CalendarDate) -> Result<Vec<DraftSummary>, LibraryError> {
        Ok(self.store.list_drafts()?.iter().map(|r| self.summary(r, today)).collect())
    }

    /// A new draft of this type, checked against the pack in force today.
    pub fn create(
        &mut self,
        integration_type: IntegrationType,
        org: Option<String>,
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        let today = CalendarDate::from_unix_millis(now_ms);
        let mut draft = Draft::new(integration_type);
        draft.org = org.map(|o| o.trim().to_owned()).filter(|o| !o.is_empty());
        draft.rule_pack = Some(RulePack::default_on(today).id.to_owned());
        self.check_slot(draft.org.as_deref())?;
        let id = self.store.create_draft(&draft, now_ms)?;
        self.open(&id, now_ms)
    }

    /// Opens a draft and remembers it as where the user is.
    pub fn open(&mut self, id: &str, now_ms: i64) -> Result<DraftView, LibraryError> {
        let row = self.store.load_draft(id)?;
        let mut session = self.store.session()?;
        if session.open_draft_id.as_deref() != Some(id) {
            session = Session { open_draft_id: Some(id.to_owned()), tab: None };
            self.store.set_session(&session)?;
        }
        self.view(row, now_ms)
    }

    pub fn save(
        &mut self,
        id: &str,
        draft: &Draft,
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        let row = self.store.save_draft_row(id, draft.clone(), now_ms)?;
        self.view(row, now_ms)
    }

    pub fn undo(&mut self, id: &str, now_ms: i64) -> Result<DraftView, LibraryError> {
        let row = self.store.step_revision(id, -1, now_ms)?;
        self.view(row, now_ms)
    }

    pub fn redo(&mut self, id: &str, now_ms: i64) -> Result<DraftView, LibraryError> {
        let row = self.store.step_revision(id, 1, now_ms)?;
        self.view(row, now_ms)
    }

    /// Renaming sets the App name, the title the library and the catalog show.
    pub fn rename(&mut self, id: &str, name: &str, now_ms: i64) -> Result<DraftView, LibraryError> {
        let mut draft = self.store.load_draft(id)?.draft;
        draft.app_info.app_name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
        self.save(id, &draft, now_ms)
    }

    /// A copy with its own history. The password is not copied: it belongs to
    /// one submission's test account.
    pub fn duplicate(&mut self, id: &str, now_ms: i64) -> Result<DraftSummary, LibraryError> {
        let mut draft = self.store.load_draft(id)?.draft;
        draft.app_info.app_name = Some(format!("{} (copy)", draft.display_name()));
        self.check_slot(draft.org.as_deref())?;
        let new_id = self.store.create_draft(&draft, now_ms)?;
        let row = self.store.load_draft(&new_id)?;
        Ok(self.summary(&row, CalendarDate::from_unix_millis(now_ms)))
    }

    /// Applies a one-click fix and saves the result as a revision.
    pub fn apply_fix(
        &mut self,
        id: &str,
        draft: &Draft,
        fix: &FixAction,
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        let mut fixed = draft.clone();
        fix.apply(&mut fixed);
        self.save(id, &fixed, now_ms)
    }

    /// Whether an automatic update check is due now; if so, it is recorded as
    /// done (a check that fails waits for the next day too).
    pub fn update_check_due(&self, now_ms: i64) -> Result<bool, LibraryError> {
        let due = crate::updates::due(self.store.update_checked_at()?, now_ms);
        if due {
            self.store.set_update_checked_at(now_ms)?;
        }
        Ok(due)
    }

    pub fn session(&self) -> Result<Session, LibraryError> {
        Ok(self.store.session()?)
    }

    pub fn set_session(&mut self, session: &Session) -> Result<(), LibraryError> {
        Ok(self.store.set_session(session)?)
    }

    /// The declared form of one draft, with its labels, help, limits and choices.
    pub fn form_schema(&self, id: &str, today: CalendarDate) -> Result<FormSchema, LibraryError> {
        let draft = self.store.load_draft(id)?.draft;
        let pack = RulePack::for_draft(&draft, today);
        let t = draft.integration_type;
        let form = *pack.form(t);
        let outside: Vec<Field> = form.outside(&draft).into_iter().copied().collect();
        Ok(FormSchema {
            fields: form.fields.iter().chain(outside.iter()).copied().collect(),
            form,
            outside,
            packs: PACKS.iter().map(|p| PackChoice::of(p, t)).collect(),
            pack: PackChoice::of(pack, t),
            admin_scopes: ScopeCatalog::get().admin_management(),
            guide_path: crate::guide::url_path(t).to_owned(),
        })
    }
}

#[cfg(test)]
mod tests;
