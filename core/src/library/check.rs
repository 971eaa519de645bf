//! Checking a draft: the facts the draft body can't tell (the logo doctor's
//! verdict, the password in the keychain, the test suite, the guide's last
//! check), each found once and kept, and the last report kept for the
//! autosave that follows a check of the same draft.

use super::Library;
use crate::draft::Draft;
use crate::flowsuite::{self, SuiteReport};
use crate::rules::pack::RulePack;
use crate::rules::{check, CalendarDate, Facts, Report};
use crate::secrets::account;

/// What a report was made of: the same draft of the same id, the same facts
/// and the same day's pack give the same report.
pub(super) struct LastCheck {
    id: String,
    today: CalendarDate,
    draft: Draft,
    facts: Facts,
    report: Report,
}

impl Library {
    /// The test suite's inspection, once per file.
    pub(super) fn suite_report(&self, draft: &Draft) -> Option<SuiteReport> {
        draft.workflows.test_suite.as_ref().map(|a| {
            let mut cache = self.suites.borrow_mut();
            cache
                .entry(a.sha256.clone())
                .or_insert_with(|| match self.store.file(&a.sha256) {
                    Ok(bytes) => flowsuite::inspect(&a.file_name, &bytes),
                    Err(e) => flowsuite::inspect(&a.file_name, e.to_string().as_bytes()),
                })
                .clone()
        })
    }

    pub(super) fn facts(&self, id: &str, draft: &Draft) -> Facts {
        Facts {
            logo: self.logo_verdict_for(draft),
            has_password: self.password_known(id),
            test_suite: self.suite_report(draft),
            guide: self.known_guide(draft),
        }
    }

    pub(super) fn password_known(&self, id: &str) -> bool {
        if let Some(known) = self.has_password.borrow().get(id) {
            return *known;
        }
        // The first question lists every draft's at once (one keychain request
        // for the whole library at start-up); what isn't listed is asked alone.
        let listed = self
            .secrets_listed
            .get_or_init(|| self.secrets.accounts_with_secrets())
            .as_ref()
            .map(|all| all.contains(&account::test_account(id)));
        let has = listed.unwrap_or_else(|| self.secrets.has(&account::test_account(id)));
        self.has_password.borrow_mut().insert(id.to_owned(), has);
        has
    }

    /// Checks a draft (saved or not) of this id against its pack.
    pub fn check(&self, id: &str, draft: &Draft, today: CalendarDate) -> Report {
        let facts = self.facts(id, draft);
        if let Some(last) = self.last_check.borrow().as_ref() {
            if last.id == id && last.today == today && last.facts == facts && last.draft == *draft {
                return last.report.clone();
            }
        }
        let report = check(draft, RulePack::for_draft(draft, today), &facts);
        *self.last_check.borrow_mut() = Some(LastCheck {
            id: id.to_owned(),
            today,
            draft: draft.clone(),
            facts,
            report: report.clone(),
        });
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::IntegrationType;
    use crate::library::tests::{library, NOW};
    use crate::secrets::{MemorySecretStore, SecretStore, Sensitive};
    use crate::store::Store;

    #[test]
    fn an_autosave_answers_what_a_reload_reads_and_a_new_fact_is_never_missed() {
        let (_d, mut lib) = library();
        let id = lib.create(IntegrationType::WorkflowsConnector, None, NOW).unwrap().id;
        let mut draft = lib.draft(&id).unwrap();
        draft.app_info.app_name = Some("Acme".into());
        draft.app_info.app_website = Some("http://acme.example".into());
        let today = CalendarDate::from_unix_millis(NOW);
        let checked = lib.check(&id, &draft, today);
        // The save answers without reading back; what it answers is what is stored.
        let saved = lib.save(&id, &draft, NOW + 1).unwrap();
        let reopened = lib.open(&id, NOW + 1).unwrap();
        assert_eq!(saved.draft, reopened.draft);
        assert_eq!((saved.rev, saved.can_undo, saved.can_redo), (reopened.rev, true, false));
        assert_eq!(saved.updated_at, reopened.updated_at);
        assert_eq!(saved.report, checked, "the same draft and facts: the same report");
        // A fact the draft doesn't hold (the password) changes the report at once.
        let ids = |r: &Report| r.issues.iter().map(|i| i.rule.clone()).collect::<Vec<_>>();
        let with_password = lib.set_password(&id, Sensitive::new("pw".into()), NOW + 2).unwrap();
        assert_ne!(ids(&with_password.report), ids(&checked), "the password's issue is gone");
        assert_eq!(lib.check(&id, &draft, today), with_password.report);
        // Another draft with the same body is its own: its password isn't set.
        let other = lib.create(IntegrationType::WorkflowsConnector, None, NOW).unwrap().id;
        assert_eq!(ids(&lib.check(&other, &draft, today)), ids(&checked));
    }

    /// Counts what the library asks the keychain.
    #[derive(Default)]
    struct Counting {
        inner: MemorySecretStore,
        gets: std::sync::atomic::AtomicUsize,
        listings: std::sync::atomic::AtomicUsize,
    }

    impl SecretStore for Counting {
        fn set(&self, a: &str, s: &Sensitive<String>) -> Result<(), crate::secrets::SecretError> {
            self.inner.set(a, s)
        }
        fn get(&self, a: &str) -> Result<Option<Sensitive<String>>, crate::secrets::SecretError> {
            self.gets.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            self.inner.get(a)
        }
        fn delete(&self, a: &str) -> Result<(), crate::secrets::SecretError> {
            self.inner.delete(a)
        }
        fn accounts_with_secrets(&self) -> Option<std::collections::HashSet<String>> {
            self.listings.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            self.inner.accounts_with_secrets()
        }
    }

    #[test]
    fn the_library_at_start_up_asks_the_keychain_once_not_once_per_draft() {
        use std::sync::atomic::Ordering::SeqCst;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("oin.db");
        let secrets = std::sync::Arc::new(Counting::default());
        let mut ids = Vec::new();
        {
            let mut lib = Library::new(Store::open(&path).unwrap(), secrets.clone(), None);
            for i in 0..10 {
                let id = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
                if i % 3 == 0 {
                    lib.set_password(&id, Sensitive::new("pw".into()), NOW).unwrap();
                }
                ids.push(id);
            }
        }
        let (gets, listings) = (secrets.gets.load(SeqCst), secrets.listings.load(SeqCst));
        let mut lib = Library::new(Store::open(&path).unwrap(), secrets.clone(), None);
        let rows = lib.list(CalendarDate::from_unix_millis(NOW)).unwrap();
        assert_eq!(rows.len(), 10);
        assert_eq!(
            secrets.listings.load(SeqCst) - listings,
            1,
            "one listing for the whole library"
        );
        assert_eq!(secrets.gets.load(SeqCst) - gets, 0, "no entry asked one by one");
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(lib.open(id, NOW).unwrap().has_password, i % 3 == 0, "draft {i}");
        }
        // Changed since the listing: the library answers what is true now.
        lib.set_password(&ids[1], Sensitive::new("pw".into()), NOW).unwrap();
        lib.set_password(&ids[0], Sensitive::new(String::new()), NOW).unwrap();
        assert!(lib.open(&ids[1], NOW).unwrap().has_password);
        assert!(!lib.open(&ids[0], NOW).unwrap().has_password);
    }
}
