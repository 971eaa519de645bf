//! The test account's password: in the secret store (the OS keychain in the
//! app), never in the store; within the form's limit; out only when asked.

use super::{DraftView, Library, LibraryError};
use crate::rules::pack::RulePack;
use crate::rules::CalendarDate;
use crate::secrets::{account, Sensitive};

impl Library {
    /// Keeps the test-account password in the secret store (the OS keychain in the
    /// app). If that fails, nothing is stored anywhere and the error says why.
    pub fn set_password(
        &mut self,
        id: &str,
        password: Sensitive<String>,
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        let row = self.store.load_draft(id)?;
        let today = CalendarDate::from_unix_millis(now_ms);
        let form = RulePack::for_draft(&row.draft, today).form(row.draft.integration_type);
        let limit = form.field("testAccount.password").and_then(|f| f.limit);
        let length = crate::rules::checks::form_length(password.expose());
        if let Some(l) = limit.filter(|l| l.severity == crate::rules::Severity::Error) {
            if length > l.max as usize {
                return Err(LibraryError::PasswordTooLong { length });
            }
        }
        let result = self.secrets.set(&account::test_account(id), &password);
        // Asked again now: what the keychain listed at start-up is out of date.
        let has = self.secrets.has(&account::test_account(id));
        self.has_password.borrow_mut().insert(id.to_owned(), has);
        result?;
        self.view(row, now_ms)
    }

    /// The password, for an explicit reveal or copy only.
    pub fn password(&self, id: &str) -> Result<Option<Sensitive<String>>, LibraryError> {
        self.store.load_draft(id)?;
        Ok(self.secrets.get(&account::test_account(id))?)
    }
}
