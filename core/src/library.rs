//! The library: what the app does with drafts, in one place — create, open,
//! save, undo/redo, rename, duplicate, attach files, hold the password, remember
//! where the user was. It joins the store, the secret store and the rules, and
//! returns exactly what the UI shows. The shell calls it; it never reads the clock.

use serde::Serialize;
use ts_rs::TS;

use crate::draft::{Attachment, Draft, IntegrationType};
use crate::flowsuite::{self, SuiteReport};
use crate::form::{Field, FIELDS};
use crate::links::LinkCheck;
use crate::rules::pack::RulePack;
use crate::rules::{check, CalendarDate, Facts, FixAction, Report, PACKS};
use crate::scopes::ScopeCatalog;
use crate::secrets::{SecretStore, Sensitive};
use crate::store::{DraftRow, Recovery, Session, Store, StoreError, MAX_ATTACHMENT_BYTES};

/// The status of a submission (reference §6), shown in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SubmissionStatus {
    Draft,
}

impl SubmissionStatus {
    fn parse(_stored: &str) -> Self {
        Self::Draft
    }

    /// The OIN Manager's name, or the OIN Wizard's where the draft goes there.
    pub fn label(self, wizard: bool) -> &'static str {
        match (self, wizard) {
            (Self::Draft, false) => "Draft—ISV new",
            (Self::Draft, true) => "Draft",
        }
    }
}

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
    #[ts(type = "number")]
    pub updated_at: i64,
}

/// What the form needs to draw itself for one draft type and pack.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormSchema {
    pub fields: Vec<Field>,
    pub use_cases: Vec<String>,
    pub max_use_cases: u32,
    pub packs: Vec<RulePack>,
    pub pack: RulePack,
    pub admin_scopes: Vec<String>,
}

/// Export and import can fail in the store or in the file.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    File(#[from] crate::exchange::ExchangeError),
}

/// The drafts library, over a store and a secret store.
pub struct Library {
    store: Store,
    secrets: Box<dyn SecretStore>,
    /// Test-suite inspections by file hash: a file's content never changes.
    suites: std::cell::RefCell<std::collections::HashMap<String, SuiteReport>>,
    /// Set when start-up had to put an unusable database aside.
    pub recovery: Option<Recovery>,
}

impl Library {
    pub fn new(store: Store, secrets: Box<dyn SecretStore>, recovery: Option<Recovery>) -> Self {
        Self {
            store,
            secrets,
            suites: Default::default(),
            recovery,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn facts(&self, id: &str, draft: &Draft) -> Facts {
        let test_suite = draft.workflows.test_suite.as_ref().map(|a| {
            let mut cache = self.suites.borrow_mut();
            cache
                .entry(a.sha256.clone())
                .or_insert_with(|| match self.store.file(&a.sha256) {
                    Ok(bytes) => flowsuite::inspect(&a.file_name, &bytes),
                    Err(e) => flowsuite::inspect(&a.file_name, e.to_string().as_bytes()),
                })
                .clone()
        });
        Facts {
            has_password: self.secrets.has(id),
            test_suite,
        }
    }

    /// Checks a draft (saved or not) of this id against its pack.
    pub fn check(&self, id: &str, draft: &Draft, today: CalendarDate) -> Report {
        check(
            draft,
            RulePack::for_draft(draft, today),
            &self.facts(id, draft),
        )
    }

    /// Cached link answers for the web addresses in this draft.
    pub fn known_links(&self, draft: &Draft) -> Vec<LinkCheck> {
        crate::links::links(draft)
            .into_iter()
            .filter_map(|(path, url)| {
                let (outcome, checked_at) = self.store.link_check(&url).ok()??;
                Some(LinkCheck {
                    path,
                    url,
                    outcome,
                    checked_at,
                })
            })
            .collect()
    }

    /// Keeps the answers of a "Check links" run.
    pub fn remember_links(&mut self, checks: &[LinkCheck]) -> Result<(), StoreError> {
        self.store.save_link_checks(checks)
    }

    /// The draft as saved, for work done outside the library's lock.
    pub fn draft(&self, id: &str) -> Result<Draft, StoreError> {
        Ok(self.store.load_draft(id)?.draft)
    }

    fn view(&self, row: DraftRow, today: CalendarDate) -> DraftView {
        DraftView {
            links: self.known_links(&row.draft),
            report: self.check(&row.id, &row.draft, today),
            has_password: self.secrets.has(&row.id),
            rev: row.rev.head,
            can_undo: row.rev.can_undo,
            can_redo: row.rev.can_redo,
            updated_at: row.updated_at,
            draft: row.draft,
            id: row.id,
        }
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
            status_label: status.label(pack.uses_wizard(t)).to_owned(),
            percent: self.check(&row.id, &row.draft, today).completion.percent,
            updated_at: row.updated_at,
        }
    }

    pub fn list(&self, today: CalendarDate) -> Result<Vec<DraftSummary>, StoreError> {
        Ok(self
            .store
            .list_drafts()?
            .iter()
            .map(|r| self.summary(r, today))
            .collect())
    }

    /// A new draft of this type, checked against the pack in force today.
    pub fn create(
        &mut self,
        integration_type: IntegrationType,
        org: Option<String>,
        now_ms: i64,
    ) -> Result<DraftView, StoreError> {
        let today = CalendarDate::from_unix_millis(now_ms);
        let mut draft = Draft::new(integration_type);
        draft.org = org.map(|o| o.trim().to_owned()).filter(|o| !o.is_empty());
        draft.rule_pack = Some(RulePack::default_on(today).id.to_owned());
        let id = self.store.create_draft(&draft, now_ms)?;
        self.open(&id, now_ms)
    }

    /// Opens a draft and remembers it as where the user is.
    pub fn open(&mut self, id: &str, now_ms: i64) -> Result<DraftView, StoreError> {
        let row = self.store.load_draft(id)?;
        let mut session = self.store.session()?;
        if session.open_draft_id.as_deref() != Some(id) {
            session = Session {
                open_draft_id: Some(id.to_owned()),
                tab: None,
            };
            self.store.set_session(&session)?;
        }
        Ok(self.view(row, CalendarDate::from_unix_millis(now_ms)))
    }

    pub fn save(&mut self, id: &str, draft: &Draft, now_ms: i64) -> Result<DraftView, StoreError> {
        self.store.save_draft(id, draft, now_ms)?;
        let row = self.store.load_draft(id)?;
        Ok(self.view(row, CalendarDate::from_unix_millis(now_ms)))
    }

    pub fn undo(&mut self, id: &str, now_ms: i64) -> Result<DraftView, StoreError> {
        let row = self.store.step_revision(id, -1, now_ms)?;
        Ok(self.view(row, CalendarDate::from_unix_millis(now_ms)))
    }

    pub fn redo(&mut self, id: &str, now_ms: i64) -> Result<DraftView, StoreError> {
        let row = self.store.step_revision(id, 1, now_ms)?;
        Ok(self.view(row, CalendarDate::from_unix_millis(now_ms)))
    }

    /// Renaming sets the App name, the title the library and the catalog show.
    pub fn rename(&mut self, id: &str, name: &str, now_ms: i64) -> Result<DraftView, StoreError> {
        let mut draft = self.store.load_draft(id)?.draft;
        draft.app_info.app_name = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
        self.save(id, &draft, now_ms)
    }

    /// A copy with its own history. The password is not copied: it belongs to
    /// one submission's test account.
    pub fn duplicate(&mut self, id: &str, now_ms: i64) -> Result<DraftSummary, StoreError> {
        let mut draft = self.store.load_draft(id)?.draft;
        draft.app_info.app_name = Some(format!("{} (copy)", draft.display_name()));
        let new_id = self.store.create_draft(&draft, now_ms)?;
        let row = self.store.load_draft(&new_id)?;
        Ok(self.summary(&row, CalendarDate::from_unix_millis(now_ms)))
    }

    /// Keeps a file's bytes in the store and returns the attachment naming them;
    /// the UI puts it into the draft field, which the next save records.
    pub fn attach(&mut self, file_name: &str, bytes: &[u8]) -> Result<Attachment, StoreError> {
        self.store.put_file(file_name, bytes)
    }

    /// Applies a one-click fix and saves the result as a revision.
    pub fn apply_fix(
        &mut self,
        id: &str,
        draft: &Draft,
        fix: &FixAction,
        now_ms: i64,
    ) -> Result<DraftView, StoreError> {
        let mut fixed = draft.clone();
        fix.apply(&mut fixed);
        self.save(id, &fixed, now_ms)
    }

    /// Writes the draft as `<dir>/<name>.oin.json` with its files beside it; the
    /// password is never part of it.
    pub fn export(
        &self,
        id: &str,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, TransferError> {
        let draft = self.store.load_draft(id)?.draft;
        let path = crate::exchange::write(dir, &draft.display_name(), &draft, |a| {
            self.store.file(&a.sha256).map_err(std::io::Error::other)
        })?;
        Ok(path)
    }

    /// Reads a `*.oin.json` into a new draft — never over an existing one.
    pub fn import(
        &mut self,
        path: &std::path::Path,
        now_ms: i64,
    ) -> Result<DraftSummary, TransferError> {
        let imported = crate::exchange::read(path)?;
        for (name, bytes) in imported.app_icon.iter().chain(imported.test_suite.iter()) {
            self.store.put_file(name, bytes)?;
        }
        let id = self.store.create_draft(&imported.draft, now_ms)?;
        let row = self.store.load_draft(&id)?;
        Ok(self.summary(&row, CalendarDate::from_unix_millis(now_ms)))
    }

    /// Reads a file the user picked and keeps it; refuses an oversized one before
    /// reading it.
    pub fn attach_path(&mut self, path: &std::path::Path) -> Result<Attachment, StoreError> {
        let size = std::fs::metadata(path)?.len();
        if size > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::TooLarge {
                limit: MAX_ATTACHMENT_BYTES,
                actual: size,
            });
        }
        let name = path
            .file_name()
            .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        self.attach(&name, &std::fs::read(path)?)
    }

    /// Holds the test-account password (memory only until the keychain lands).
    pub fn set_password(
        &mut self,
        id: &str,
        password: Sensitive<String>,
        now_ms: i64,
    ) -> Result<DraftView, StoreError> {
        let row = self.store.load_draft(id)?;
        self.secrets.set(id, password);
        Ok(self.view(row, CalendarDate::from_unix_millis(now_ms)))
    }

    pub fn session(&self) -> Result<Session, StoreError> {
        self.store.session()
    }

    pub fn set_session(&mut self, session: &Session) -> Result<(), StoreError> {
        self.store.set_session(session)
    }

    /// Labels, help, use cases and scopes for the form of one draft.
    pub fn form_schema(&self, id: &str, today: CalendarDate) -> Result<FormSchema, StoreError> {
        let draft = self.store.load_draft(id)?.draft;
        let pack = RulePack::for_draft(&draft, today);
        let (use_cases, max) = pack.use_cases(draft.integration_type);
        Ok(FormSchema {
            fields: FIELDS.to_vec(),
            use_cases: use_cases.iter().map(|s| (*s).to_owned()).collect(),
            max_use_cases: max as u32,
            packs: PACKS.to_vec(),
            pack: *pack,
            admin_scopes: ScopeCatalog::get().admin_management(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::MemorySecretStore;

    const NOW: i64 = 1_795_950_000_000; // 2026-11-29

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("oin.db")).unwrap();
        (
            dir,
            Library::new(store, Box::<MemorySecretStore>::default(), None),
        )
    }

    #[test]
    fn rename_sets_the_app_name_and_can_be_undone() {
        let (_d, mut lib) = library();
        let id = lib
            .create(IntegrationType::ApiService, None, NOW)
            .unwrap()
            .id;
        let view = lib.rename(&id, "  Acme Sync  ", NOW + 1).unwrap();
        assert_eq!(view.draft.app_info.app_name.as_deref(), Some("Acme Sync"));
        assert_eq!(
            lib.list(CalendarDate::from_unix_millis(NOW)).unwrap()[0].name,
            "Acme Sync"
        );
        let undone = lib.undo(&id, NOW + 2).unwrap();
        assert_eq!(
            undone.draft.app_info.app_name, None,
            "a rename is one undoable step"
        );
    }

    #[test]
    fn duplicate_copies_fields_but_not_the_password() {
        let (_d, mut lib) = library();
        let view = lib
            .create(
                IntegrationType::WorkflowsConnector,
                Some("acme.okta.com".into()),
                NOW,
            )
            .unwrap();
        let mut draft = view.draft.clone();
        draft.app_info.app_name = Some("Acme".into());
        draft.workflows.version = Some("3".into());
        lib.save(&view.id, &draft, NOW + 1).unwrap();
        lib.set_password(&view.id, Sensitive::new("pw".into()), NOW + 2)
            .unwrap();

        let copy = lib.duplicate(&view.id, NOW + 3).unwrap();
        assert_eq!(copy.name, "Acme (copy)");
        assert_eq!(copy.org.as_deref(), Some("acme.okta.com"));
        let copied = lib.open(&copy.id, NOW + 4).unwrap();
        assert_eq!(copied.draft.workflows.version.as_deref(), Some("3"));
        assert!(
            !copied.has_password,
            "the test-account password stays with its own draft"
        );
        assert!(!copied.can_undo, "the copy starts its own history");
        assert!(lib.open(&view.id, NOW + 5).unwrap().has_password);
    }

    #[test]
    fn new_drafts_record_todays_pack_and_open_becomes_the_session() {
        let (_d, mut lib) = library();
        let view = lib
            .create(IntegrationType::ApiService, Some("  ".into()), NOW)
            .unwrap();
        assert_eq!(view.draft.rule_pack.as_deref(), Some("oin-2026"));
        assert_eq!(view.draft.org, None, "a blank org is no org");
        assert_eq!(
            lib.session().unwrap().open_draft_id.as_deref(),
            Some(view.id.as_str())
        );
        let before = CalendarDate::new(2025, 6, 1);
        let old = lib
            .create(IntegrationType::ApiService, None, 1_748_736_000_000)
            .unwrap();
        assert_eq!(
            old.draft.rule_pack.as_deref(),
            Some("oin-manager-2025"),
            "{before:?}"
        );
    }

    #[test]
    fn attaching_a_file_keeps_its_bytes_and_refuses_huge_ones() {
        let (dir, mut lib) = library();
        let path = dir.path().join("tests.flopack");
        std::fs::write(&path, br#"{"type":"flopack"}"#).unwrap();
        let a = lib.attach_path(&path).unwrap();
        assert_eq!((a.file_name.as_str(), a.size_bytes), ("tests.flopack", 18));
        assert_eq!(
            lib.store().file(&a.sha256).unwrap(),
            br#"{"type":"flopack"}"#
        );

        let huge = dir.path().join("huge.folder");
        let f = std::fs::File::create(&huge).unwrap();
        f.set_len(MAX_ATTACHMENT_BYTES + 1).unwrap(); // sparse: nothing is written
        let err = lib.attach_path(&huge).unwrap_err();
        assert!(matches!(err, StoreError::TooLarge { .. }), "{err:?}");
        assert!(
            err.to_string().contains("bytes"),
            "the message gives the sizes"
        );
        let missing = lib
            .attach_path(&dir.path().join("gone.flopack"))
            .unwrap_err();
        assert!(matches!(missing, StoreError::Io(_)));
    }

    #[test]
    fn export_then_import_makes_a_second_draft_with_the_same_fields_and_files() {
        let (dir, mut lib) = library();
        let view = lib
            .create(IntegrationType::WorkflowsConnector, None, NOW)
            .unwrap();
        let suite = dir.path().join("t.flopack");
        std::fs::write(
            &suite,
            br#"{"type":"flopack","data":{"flos":{"a":{"name":"Flow A"}}}}"#,
        )
        .unwrap();
        let mut d = view.draft.clone();
        d.app_info.app_name = Some("Acme Flows".into());
        d.workflows.test_suite = Some(lib.attach_path(&suite).unwrap());
        lib.save(&view.id, &d, NOW + 1).unwrap();
        lib.set_password(&view.id, Sensitive::new("canary-pw-81".into()), NOW + 2)
            .unwrap();

        let out = dir.path().join("export");
        let json = lib.export(&view.id, &out).unwrap();
        let text = std::fs::read_to_string(&json).unwrap();
        assert!(
            !text.contains("canary-pw-81"),
            "an export never holds the password"
        );
        assert!(
            out.join("t.flopack").exists(),
            "files travel beside the JSON"
        );

        let summary = lib.import(&json, NOW + 3).unwrap();
        assert_ne!(summary.id, view.id, "import never overwrites");
        assert_eq!(
            lib.list(CalendarDate::from_unix_millis(NOW)).unwrap().len(),
            2
        );
        let imported = lib.open(&summary.id, NOW + 4).unwrap();
        assert_eq!(
            imported.draft, d,
            "fields and file references come back the same"
        );
        assert_eq!(imported.report.test_suite.unwrap().flows, ["Flow A"]);
    }

    #[test]
    fn the_form_schema_follows_the_drafts_pack() {
        let (_d, mut lib) = library();
        let view = lib.create(IntegrationType::ApiService, None, NOW).unwrap();
        let today = CalendarDate::from_unix_millis(NOW);
        let wizard = lib.form_schema(&view.id, today).unwrap();
        assert_eq!((wizard.use_cases.len(), wizard.max_use_cases), (7, 3));
        let mut d = view.draft.clone();
        d.rule_pack = Some("oin-manager-2025".into());
        lib.save(&view.id, &d, NOW + 1).unwrap();
        let manager = lib.form_schema(&view.id, today).unwrap();
        assert_eq!((manager.use_cases.len(), manager.max_use_cases), (10, 5));
        assert!(manager.admin_scopes.contains(&"okta.users.read".to_owned()));
    }
}
