//! The Okta work the app and the CLI do, over the library: network calls are
//! made with the library's lock released, and what they return is recorded
//! under it. Submits are single-flight per draft, and a submit the network
//! stops goes to the outbox and is sent again later.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use ts_rs::TS;

mod signin;

pub use signin::DeviceCode;
use signin::PendingDevice;

use crate::library::{DraftSummary, Library, LibraryError, StatusChange};
use crate::okta::remote;
use crate::okta::submit::{self, StepPreview};
use crate::okta::{ErrorClass, Http, Okta, OktaError, OrgUrl};
use crate::secrets::SecretStore;

/// How a submit ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum SubmitOutcome {
    Submitted(submit::Submitted),
    /// The network stopped it; it is in the outbox and will be sent again.
    Queued {
        reason: String,
    },
}

/// What one background round (outbox, then statuses) did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PollReport {
    /// Drafts the outbox sent.
    pub sent: Vec<String>,
    /// Queued submits that can't go as they are ("“Name”: why"); they left the
    /// outbox, the draft is as it was.
    pub refused: Vec<String>,
    pub changes: Vec<StatusChange>,
}

impl PollReport {
    pub fn is_empty(&self) -> bool {
        self.sent.is_empty() && self.refused.is_empty() && self.changes.is_empty()
    }
}

/// A queued submit that failed for a reason the user can fix without touching
/// the draft (sign in again, unlock the keychain) stays queued.
fn waits_for_user(e: &LibraryError) -> bool {
    match e {
        LibraryError::Secret(_) => true,
        LibraryError::Okta(o) => o.needs_sign_in() || matches!(o, OktaError::Keychain(_)),
        _ => false,
    }
}

/// What importing an org's submissions did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub added: Vec<DraftSummary>,
    /// Already in the library.
    pub known: u32,
    /// Couldn't be added (e.g. the org's slots are full), with why.
    pub skipped: Vec<String>,
}

/// The app's (or CLI's) connection settings and the submits in flight.
pub struct Connection {
    pub http: Http,
    /// Plain http to a loopback org (the local test server) is allowed.
    pub allow_loopback_http: bool,
    in_flight: Mutex<HashSet<String>>,
    pending: Mutex<HashMap<String, PendingDevice>>,
    cancels: Mutex<HashMap<String, Arc<AtomicBool>>>,
    browser_cancel: Mutex<Option<Arc<AtomicBool>>>,
}

struct Flight<'a> {
    set: &'a Mutex<HashSet<String>>,
    id: String,
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        self.set.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.id);
    }
}

fn lock(lib: &Mutex<Library>) -> MutexGuard<'_, Library> {
    lib.lock().unwrap_or_else(|e| e.into_inner())
}

/// What the submit dialog shows before the user confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmitPreview {
    /// Every request, password masked.
    pub steps: Vec<StepPreview>,
    /// Things to fix before sending that aren't in the draft (who is signed in).
    pub warnings: Vec<String>,
}

impl Connection {
    pub fn new(http: Http, allow_loopback_http: bool) -> Self {
        Self {
            http,
            allow_loopback_http,
            in_flight: Mutex::default(),
            pending: Mutex::default(),
            cancels: Mutex::default(),
            browser_cancel: Mutex::default(),
        }
    }

    /// The org a kept host (`acme.okta.com`, `127.0.0.1:PORT`) stands for.
    pub fn org_of_host(&self, host: &str) -> Result<OrgUrl, OktaError> {
        OrgUrl::from_host(host, self.allow_loopback_http)
    }

    pub fn org(&self, input: &str) -> Result<OrgUrl, OktaError> {
        OrgUrl::parse(input, self.allow_loopback_http)
    }

    /// The kept sign-in for `org`.
    pub fn okta(&self, org: &OrgUrl, secrets: Arc<dyn SecretStore>) -> Result<Okta, OktaError> {
        Okta::connect(self.http.clone(), org.clone(), secrets)
    }

    /// Exactly what a submit of `id` to `org` would send (password masked).
    pub fn preview(
        &self,
        lib: &Mutex<Library>,
        id: &str,
        org: &OrgUrl,
        now_ms: i64,
    ) -> Result<SubmitPreview, LibraryError> {
        let l = lock(lib);
        let p = l.prepare_submit(id, org, None, now_ms)?;
        Ok(SubmitPreview {
            steps: p.plan.preview(p.known_id.as_deref()),
            warnings: l.submitter_warnings(org)?,
        })
    }

    /// Submits draft `id` (at revision `rev`, the one the user confirmed) to
    /// `org`. A second submit of the same draft while one is running is refused;
    /// a network failure queues it.
    pub fn submit(
        &self,
        lib: &Mutex<Library>,
        id: &str,
        org: &OrgUrl,
        rev: Option<i64>,
        now: &dyn Fn() -> i64,
        progress: &mut dyn FnMut(usize, usize, &str),
    ) -> Result<SubmitOutcome, LibraryError> {
        let _flight = self.take_off(id)?;
        let (prepared, secrets) = {
            let l = lock(lib);
            (l.prepare_submit(id, org, rev, now())?, l.secrets())
        };
        let rev = prepared.rev;
        let result = self.okta(org, secrets).and_then(|okta| {
            let mut on_id = |remote: &str| {
                lock(lib).link_remote(id, &org.host(), remote).map_err(|e| OktaError::NotKept {
                    remote_id: remote.to_owned(),
                    detail: e.to_string(),
                })
            };
            submit::execute(
                &okta,
                &prepared.plan,
                prepared.known_id.as_deref(),
                &prepared.name,
                &mut on_id,
                progress,
            )
        });
        match result {
            Ok(done) => {
                lock(lib).record_submitted(id, &org.host(), &done, rev, now())?;
                Ok(SubmitOutcome::Submitted(done))
            }
            Err(e) if e.class() == ErrorClass::Unreachable => {
                let reason = e.to_string();
                lock(lib).enqueue(id, &org.host(), rev, now(), &reason)?;
                Ok(SubmitOutcome::Queued { reason })
            }
            Err(e) => {
                lock(lib).dequeue(id)?;
                Err(e.into())
            }
        }
    }

    fn take_off(&self, id: &str) -> Result<Flight<'_>, OktaError> {
        let mut set = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        if !set.insert(id.to_owned()) {
            return Err(OktaError::AlreadySubmitting);
        }
        Ok(Flight { set: &self.in_flight, id: id.to_owned() })
    }

    /// Sends what the outbox holds. Returns the drafts sent; each failure is
    /// noted on its item, and a refusal takes it out (see [`PollReport`]).
    pub fn drain_outbox(&self, lib: &Mutex<Library>, now: &dyn Fn() -> i64) -> Vec<String> {
        self.drain(lib, now).0
    }

    /// (sent, refused) — see [`Self::drain_outbox`].
    fn drain(&self, lib: &Mutex<Library>, now: &dyn Fn() -> i64) -> (Vec<String>, Vec<String>) {
        let items = lock(lib).outbox().unwrap_or_default();
        let (mut sent, mut refused) = (Vec::new(), Vec::new());
        for item in items {
            let Ok(org) = self.org_of_host(&item.org) else {
                continue;
            };
            match self.submit(lib, &item.draft_id, &org, Some(item.rev), now, &mut |_, _, _| {}) {
                Ok(SubmitOutcome::Submitted(_)) => sent.push(item.draft_id),
                Ok(SubmitOutcome::Queued { .. }) => {}
                Err(e) if waits_for_user(&e) => {
                    let _ = lock(lib).outbox_attempt(&item.draft_id, &e.to_string());
                }
                Err(e) => {
                    let mut l = lock(lib);
                    let _ = l.dequeue(&item.draft_id);
                    let name =
                        l.draft(&item.draft_id).map(|d| d.display_name()).unwrap_or_default();
                    refused.push(format!("“{name}”: {e}"));
                }
            }
        }
        (sent, refused)
    }

    /// One background round: send what waits in the outbox, then fetch the
    /// status of every submission (orgs without a sign-in are skipped).
    pub fn poll(&self, lib: &Mutex<Library>, now: &dyn Fn() -> i64) -> PollReport {
        let (sent, refused) = self.drain(lib, now);
        let changes = self.refresh_statuses(lib, None, now).unwrap_or_default();
        PollReport { sent, refused, changes }
    }

    /// Fetches Okta's status of every linked submission (one org call each) and
    /// records the changes. Orgs without a sign-in are skipped.
    pub fn refresh_statuses(
        &self,
        lib: &Mutex<Library>,
        only: Option<&str>,
        now: &dyn Fn() -> i64,
    ) -> Result<Vec<StatusChange>, LibraryError> {
        let (remotes, secrets) = {
            let l = lock(lib);
            (l.remotes()?, l.secrets())
        };
        let mut changes = Vec::new();
        let mut last_error = None;
        for (draft_id, link) in remotes.into_iter().filter(|(d, _)| only.is_none_or(|o| o == d)) {
            let org = match self.org_of_host(&link.org) {
                Ok(o) => o,
                Err(_) => continue,
            };
            let got = self
                .okta(&org, secrets.clone())
                .and_then(|okta| remote::get(&okta, &link.remote_id));
            match got {
                Ok(remote) => {
                    if let Some(s) = remote.status {
                        if let Some(c) = lock(lib).apply_okta_status(&draft_id, &s, now())? {
                            changes.push(c);
                        }
                    }
                }
                Err(OktaError::NotSignedIn { .. }) if only.is_none() => {}
                Err(e) => last_error = Some(e),
            }
        }
        match (only, last_error) {
            (Some(_), Some(e)) => Err(e.into()),
            _ => Ok(changes),
        }
    }

    /// The user's answer when several submissions in the org could be this
    /// draft: the one to continue. Only an API service submission (or one
    /// with no capability yet) of the draft's own name can be chosen.
    pub fn choose_submission(
        &self,
        lib: &Mutex<Library>,
        id: &str,
        org: &OrgUrl,
        remote_id: &str,
    ) -> Result<(), LibraryError> {
        let (draft, secrets) = {
            let l = lock(lib);
            (l.draft(id)?, l.secrets())
        };
        let okta = self.okta(org, secrets)?;
        let remote = remote::get(&okta, remote_id)?;
        let name = draft.app_info.app_name.as_deref().map(str::trim).unwrap_or_default();
        if remote.name.as_deref().map(str::trim) != Some(name) {
            return Err(OktaError::NotThisDraft {
                remote_id: remote_id.to_owned(),
                remote_name: remote.name.unwrap_or_default(),
                name: name.to_owned(),
            }
            .into());
        }
        if let Some(kind) = remote.kind().filter(|k| *k != "API service") {
            return Err(OktaError::OtherKind {
                remote_id: remote_id.to_owned(),
                kind: kind.to_owned(),
            }
            .into());
        }
        lock(lib).link_remote(id, &org.host(), remote_id)
    }

    /// Pulls the org's submissions into the library.
    pub fn import(
        &self,
        lib: &Mutex<Library>,
        org: &OrgUrl,
        now: &dyn Fn() -> i64,
    ) -> Result<ImportReport, LibraryError> {
        let secrets = lock(lib).secrets();
        let okta = self.okta(org, secrets)?;
        let mut report = ImportReport { added: vec![], known: 0, skipped: vec![] };
        for remote in remote::list(&okta)? {
            let api = remote::api_service_config(&okta, &remote.id).unwrap_or(None);
            match lock(lib).import_remote(&org.host(), &remote, api.as_ref(), now()) {
                Ok(Some(s)) => report.added.push(s),
                Ok(None) => report.known += 1,
                Err(e) => report
                    .skipped
                    .push(format!("{}: {e}", remote.name.as_deref().unwrap_or(&remote.id))),
            }
        }
        Ok(report)
    }
}
