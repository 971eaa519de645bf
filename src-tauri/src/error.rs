//! The one error the UI receives: `IpcError { code, message, fields?, candidates? }`. Core's
//! precise errors are mapped here, once; the UI branches on `code` only.

use oin_core::library::LibraryError;
use oin_core::okta::{ErrorClass, OktaError};
use oin_core::store::StoreError;
use oin_core::submission::NotSubmittable;
use serde::Serialize;
use ts_rs::TS;

/// What the UI does about an error; every other error is a `Problem`, shown
/// with its message (and `fields`, focused, when it concerns form fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IpcErrorCode {
    /// The draft is gone (deleted elsewhere): back to the library.
    NotFound,
    /// The Okta org needs a (new) sign-in: the sign-in dialog opens.
    SignIn,
    /// The OS keychain can't be used: the keychain help is shown.
    Keychain,
    /// Okta (or the web) can't be reached: a submit waits in the outbox; try again later.
    Offline,
    /// Several submissions in the org could be this draft: `candidates` lists them.
    ChooseSubmission,
    /// Anything else: the message says why and what to do.
    Problem,
}

/// A per-field problem, for errors that concern form fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldIssue {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct IpcError {
    pub code: IpcErrorCode,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldIssue>>,
    /// For `ChooseSubmission`: the org's submissions of the draft's name.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<oin_core::okta::find::Candidate>>,
}

impl IpcError {
    pub fn new(code: IpcErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), fields: None, candidates: None }
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let message = e.to_string();
        Self::from_store(&e, message)
    }
}

impl IpcError {
    fn from_store(e: &StoreError, message: String) -> Self {
        let code = match e {
            StoreError::NotFound(_) => IpcErrorCode::NotFound,
            StoreError::DiskFull | StoreError::ReadOnly(_) | StoreError::Busy => {
                IpcErrorCode::Problem
            }
            StoreError::FutureSchema { .. } | StoreError::Corrupt(_) => IpcErrorCode::Problem,
            StoreError::TooLarge { .. } | StoreError::Io(_) => IpcErrorCode::Problem,
            StoreError::Sqlite(_) => IpcErrorCode::Problem,
        };
        Self::new(code, message)
    }
}

fn okta_code(e: &OktaError) -> IpcErrorCode {
    if e.needs_sign_in() {
        return IpcErrorCode::SignIn;
    }
    match (e, e.class()) {
        (OktaError::Keychain(_), _) => IpcErrorCode::Keychain,
        (_, ErrorClass::Unreachable) => IpcErrorCode::Offline,
        (_, ErrorClass::Refused | ErrorClass::BadInput) => IpcErrorCode::Problem,
    }
}

impl From<OktaError> for IpcError {
    fn from(e: OktaError) -> Self {
        let mut out = Self::new(okta_code(&e), e.to_string());
        if let OktaError::WouldBeRefused { field, message, .. } = &e {
            out.fields = Some(vec![FieldIssue { path: field.clone(), message: message.clone() }]);
        }
        if let OktaError::Ambiguous { candidates, .. } = &e {
            out.code = IpcErrorCode::ChooseSubmission;
            out.candidates = Some(candidates.clone());
        }
        out
    }
}

impl From<crate::updates::UpdateError> for IpcError {
    fn from(e: crate::updates::UpdateError) -> Self {
        use crate::updates::UpdateError as U;
        let code = match &e {
            U::Check(_) => IpcErrorCode::Offline,
            U::Signature(_) | U::Install(_) | U::NothingPending => IpcErrorCode::Problem,
        };
        Self::new(code, e.to_string())
    }
}

impl From<oin_core::listing::PictureError> for IpcError {
    fn from(e: oin_core::listing::PictureError) -> Self {
        Self::new(IpcErrorCode::Problem, e.to_string())
    }
}

impl From<LibraryError> for IpcError {
    fn from(e: LibraryError) -> Self {
        let code = match &e {
            LibraryError::Store(inner) => return IpcError::from_store(inner, e.to_string()),
            LibraryError::File(_)
            | LibraryError::Logo(_)
            | LibraryError::Write { .. }
            | LibraryError::Read { .. } => IpcErrorCode::Problem,
            LibraryError::Secret(_) => IpcErrorCode::Keychain,
            LibraryError::SlotsFull { .. } => IpcErrorCode::Problem,
            LibraryError::NotDeletable { .. } | LibraryError::NotPublished { .. } => {
                IpcErrorCode::Problem
            }
            LibraryError::Okta(o) => return IpcError::from(o.clone()),
            LibraryError::NotSubmittable(NotSubmittable::PrecheckFailed { issues }) => {
                let fields = issues
                    .iter()
                    .map(|i| FieldIssue { path: i.path.clone(), message: i.message.clone() })
                    .collect();
                return Self {
                    code: IpcErrorCode::Problem,
                    message: e.to_string(),
                    fields: Some(fields),
                    candidates: None,
                };
            }
            LibraryError::NotSubmittable(_) => IpcErrorCode::Problem,
            LibraryError::PasswordTooLong { .. } => {
                return Self {
                    code: IpcErrorCode::Problem,
                    message: e.to_string(),
                    fields: Some(vec![FieldIssue {
                        path: "testAccount.password".into(),
                        message: e.to_string(),
                    }]),
                    candidates: None,
                };
            }
            LibraryError::NoGuideUrl { path } => {
                return Self {
                    code: IpcErrorCode::Problem,
                    message: e.to_string(),
                    fields: Some(vec![FieldIssue { path: (*path).into(), message: e.to_string() }]),
                    candidates: None,
                };
            }
        };
        Self::new(code, e.to_string())
    }
}
