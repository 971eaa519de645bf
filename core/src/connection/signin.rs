//! Signing in and out of orgs through the connection: the device code waits
//! here between showing it and the user's approval (and can be cancelled); a
//! sign-in that worked is kept in the keychain and remembered as an account.
//! Also the API service probe, which needs the instance's secret.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use super::{lock, Connection};
use crate::library::{Library, LibraryError};
use crate::okta::probe::{self, ProbeReport};
use crate::okta::{Account, DeviceStart, OktaError, Session, SignIn};
use crate::secrets::{account, Sensitive};
use crate::update::{TestRun, TestedInstance};

/// A device code to show the user while the sign-in waits for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCode {
    /// The org (`acme.okta.com`) the code is for.
    pub org: String,
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    #[ts(type = "number")]
    pub expires_in_s: u64,
}

pub(super) struct PendingDevice {
    sign_in: SignIn,
    start: DeviceStart,
    cancel: Arc<AtomicBool>,
}

/// How long the browser sign-in waits for the user.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(300);

impl Connection {
    fn signed_in(
        &self,
        lib: &Mutex<Library>,
        session: &Session,
        client_id: Option<&str>,
        now_ms: i64,
    ) -> Result<Account, LibraryError> {
        let mut l = lock(lib);
        session.keep(l.secrets().as_ref())?;
        let account = session.account(now_ms);
        l.remember_account(&account, client_id)?;
        Ok(account)
    }

    /// Starts a Device Authorization: the code to show and the page to open.
    pub fn start_device(&self, org: &str, client_id: &str) -> Result<DeviceCode, LibraryError> {
        let org = self.org(org)?;
        let sign_in = SignIn::new(self.http.clone(), org.clone(), client_id)?;
        let start = sign_in.start_device()?;
        let code = DeviceCode {
            org: org.host(),
            user_code: start.user_code.clone(),
            verification_uri: start.verification_uri.clone(),
            verification_uri_complete: start.verification_uri_complete.clone(),
            expires_in_s: start.expires_in.as_secs(),
        };
        let cancel = Arc::new(AtomicBool::new(false));
        if let Some(old) = self.cancels().insert(org.host(), cancel.clone()) {
            old.store(true, Ordering::Relaxed);
        }
        self.pending_map().insert(org.host(), PendingDevice { sign_in, start, cancel });
        Ok(code)
    }

    fn pending_map(&self) -> MutexGuard<'_, HashMap<String, PendingDevice>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits for the user to approve the device code for `org` (a host).
    pub fn finish_device(
        &self,
        lib: &Mutex<Library>,
        org: &str,
        client_id: &str,
        now: &dyn Fn() -> i64,
    ) -> Result<Account, LibraryError> {
        let taken = self.pending_map().remove(org).ok_or(OktaError::Cancelled)?;
        let result = taken.sign_in.finish_device(&taken.start, &taken.cancel);
        self.cancels().remove(org);
        self.signed_in(lib, &result?, Some(client_id), now())
    }

    fn cancels(&self) -> MutexGuard<'_, HashMap<String, Arc<AtomicBool>>> {
        self.cancels.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stops a sign-in waiting for the user (device code or browser).
    pub fn cancel_sign_in(&self, org: &str) {
        if let Some(c) = self.cancels().get(org) {
            c.store(true, Ordering::Relaxed);
        }
        if let Some(c) = self.browser_cancel.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            c.store(true, Ordering::Relaxed);
        }
    }

    /// Authorization Code + PKCE in the system browser (`open` opens it).
    pub fn sign_in_browser(
        &self,
        lib: &Mutex<Library>,
        org: &str,
        client_id: &str,
        open: &dyn Fn(&str) -> Result<(), String>,
        now: &dyn Fn() -> i64,
    ) -> Result<Account, LibraryError> {
        let org = self.org(org)?;
        let sign_in = SignIn::new(self.http.clone(), org, client_id)?;
        let cancel = Arc::new(AtomicBool::new(false));
        *self.browser_cancel.lock().unwrap_or_else(|e| e.into_inner()) = Some(cancel.clone());
        let session = sign_in.browser(open, &cancel, BROWSER_TIMEOUT)?;
        self.signed_in(lib, &session, Some(client_id), now())
    }

    /// An SSWS API token, checked against the org, kept in the keychain.
    pub fn sign_in_token(
        &self,
        lib: &Mutex<Library>,
        org: &str,
        token: Sensitive<String>,
        now: &dyn Fn() -> i64,
    ) -> Result<Account, LibraryError> {
        let org = self.org(org)?;
        let session = Session::api_token(&self.http, org, token)?;
        self.signed_in(lib, &session, None, now())
    }

    /// Revokes and forgets the sign-in to `org` (a host).
    pub fn sign_out(&self, lib: &Mutex<Library>, org: &str) -> Result<(), LibraryError> {
        let url = self.org_of_host(org)?;
        let secrets = lock(lib).secrets();
        match self.okta(&url, secrets) {
            Ok(okta) => okta.sign_out()?,
            Err(OktaError::NotSignedIn { .. }) => {}
            Err(e) => return Err(e.into()),
        }
        lock(lib).forget_account(org)
    }

    /// "Test my API service integration": the instance's client id and secret
    /// (kept in the keychain for next time; `None` uses the kept ones), a
    /// client-credentials token, one read call per scope. The outcome is kept
    /// with its time and instance, for the 48-hour gate of a functional update.
    #[allow(clippy::too_many_arguments)]
    pub fn probe(
        &self,
        lib: &Mutex<Library>,
        id: &str,
        org: &str,
        client_id: &str,
        secret: Option<Sensitive<String>>,
        instance: TestedInstance,
        now: &dyn Fn() -> i64,
    ) -> Result<ProbeReport, LibraryError> {
        let org = self.org(org)?;
        let (draft, secrets) = {
            let l = lock(lib);
            (l.draft(id)?, l.secrets())
        };
        let key = account::api_client_secret(id);
        let secret = match secret.filter(|s| !s.expose().trim().is_empty()) {
            Some(s) => {
                secrets.set(&key, &s)?;
                s
            }
            None => secrets.get(&key)?.ok_or_else(|| {
                OktaError::BadOrg("Paste the client secret of the integration instance.".into())
            })?,
        };
        let mut report =
            probe::run(&self.http, &org, client_id, &secret, &draft.api_service.scopes);
        let at = now();
        report.reason = crate::okta::reason::reason_from(
            &report,
            crate::rules::CalendarDate::from_unix_millis(at),
        );
        let run = TestRun { instance, passed: report.all_work(), at };
        lock(lib).record_test_run(id, &run, client_id)?;
        Ok(report)
    }
}
