//! Which submission in the org a draft is, when OIN Studio doesn't know its
//! id yet (a first submit, a create whose answer was lost): found by name, and
//! only ever an API service submission of exactly that name that can still be
//! changed; anything else stops the submit and asks.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::remote::{list, RemoteSubmission};
use super::{Okta, OktaError};
use crate::lifecycle::SubmissionStatus;

/// A submission in the org that has the draft's name, for the user to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub id: String,
    pub name: String,
    /// "API service", "SAML", … or "unknown" when Okta's answer doesn't say.
    pub kind: String,
    pub status: String,
}

/// The submission this draft already is in the org, found by name: only an
/// API service submission (or one with no capability yet — a create of ours
/// whose answer was lost) of exactly this name, and only when it is the only
/// one of that name; one under review is refused, not replaced. Anything else
/// stops the submit: the user chooses (`--submission-id`, or the submit dialog).
pub(super) fn find_by_name(okta: &Okta, name: &str) -> Result<Option<String>, OktaError> {
    let name = name.trim();
    let same: Vec<RemoteSubmission> = list(okta)?
        .into_iter()
        .filter(|s| s.name.as_deref().map(str::trim) == Some(name))
        .collect();
    let api = |s: &RemoteSubmission| s.kind().is_none_or(|k| k == "API service");
    match same.as_slice() {
        [] => Ok(None),
        [only] if api(only) => {
            let word = only.status.as_deref().unwrap_or_default();
            let status = super::status::map_status(word, SubmissionStatus::Draft)
                .unwrap_or(SubmissionStatus::Draft);
            if crate::lifecycle::allowed(status).submit {
                Ok(Some(only.id.clone()))
            } else {
                Err(OktaError::Refused(format!(
                    "“{name}” ({}) is already “{word}” in the org: it can't be replaced until Okta hands it back.",
                    only.id
                )))
            }
        }
        _ => Err(OktaError::Ambiguous {
            name: name.to_owned(),
            candidates: same
                .iter()
                .map(|s| Candidate {
                    id: s.id.clone(),
                    name: s.name.clone().unwrap_or_default(),
                    kind: s.kind().unwrap_or("unknown").to_owned(),
                    status: s.status.clone().unwrap_or_default(),
                })
                .collect(),
        }),
    }
}
