//! Everything that can go wrong talking to Okta, in words a product manager
//! can act on. Messages never contain a token, a secret or a password.

use crate::secrets::SecretError;

/// Why a call to Okta did not give what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OktaError {
    #[error("{0}")]
    BadOrg(String),
    #[error("OIN Studio only talks to Okta over https, and {0} is not https.")]
    Insecure(String),
    #[error("Can't reach {host} ({detail}). Check your connection; nothing was lost.")]
    Unreachable { host: String, detail: String },
    #[error(
        "{host} didn't answer in time. Check your connection and try again; nothing was lost."
    )]
    Timeout { host: String },
    #[error("Okta is limiting requests from this org right now. Try again in {wait_s} s.")]
    RateLimited { wait_s: u64 },
    #[error("{}", okta_words(*status, code, summary, causes))]
    Okta { status: u16, code: String, summary: String, causes: Vec<String> },
    #[error("{}", oauth_words(error, description.as_deref()))]
    OAuth { error: String, description: Option<String> },
    #[error("Okta answered something OIN Studio couldn't read (HTTP {status}): {detail}")]
    Malformed { status: u16, detail: String },
    #[error("You're not signed in to {org}. Sign in first (or set OKTA_API_TOKEN).")]
    NotSignedIn { org: String },
    #[error("Sign-in was cancelled.")]
    Cancelled,
    #[error("{0}")]
    Refused(String),
    /// A second submit of a draft while the first is still going.
    #[error("This draft is being submitted already; wait for that to finish.")]
    AlreadySubmitting,
    /// The submission the user picked has another name: it isn't this draft.
    #[error("{remote_id} is named “{remote_name}”, not “{name}”: it isn't this draft.")]
    NotThisDraft { remote_id: String, remote_name: String, name: String },
    /// The submission the user picked is of another kind (SAML, OIDC …).
    #[error("{remote_id} is a {kind} submission: an API service draft can't replace it.")]
    OtherKind { remote_id: String, kind: String },
    /// Okta gave a submission id that couldn't be kept on this computer.
    #[error("Okta created the submission {remote_id}, but OIN Studio couldn't note it ({detail}). Check the org's submissions before trying again.")]
    NotKept { remote_id: String, detail: String },
    /// A body Okta's schema would refuse: nothing was sent.
    #[error("Nothing was sent: {message} {fix}")]
    WouldBeRefused { field: String, message: String, fix: String },
    /// Okta refused a step after the submission existed; its id is kept, so
    /// the next attempt continues the same submission.
    #[error("Step {step} of {total} ({label}) was refused: {detail} The submission ({id}) is kept: fix this and submit again to continue it.")]
    RefusedAtStep { step: usize, total: usize, label: String, id: String, detail: String },
    /// Several submissions in the org could be this draft, or one of another kind has its name.
    #[error("{}", ambiguous_words(name, candidates))]
    Ambiguous { name: String, candidates: Vec<super::find::Candidate> },
    #[error(transparent)]
    Keychain(#[from] SecretError),
}

fn ambiguous_words(name: &str, candidates: &[super::find::Candidate]) -> String {
    let listed: Vec<String> =
        candidates.iter().map(|c| format!("{} ({}, {})", c.id, c.kind, c.status)).collect();
    format!(
        "The org already has {} named “{name}”: {}. OIN Studio won't replace a submission it didn't create. Choose the one that is this draft, or rename the draft.",
        if candidates.len() == 1 { "a submission".to_owned() } else { format!("{} submissions", candidates.len()) },
        listed.join("; ")
    )
}

/// What kind of failure this is: the CLI's exit code and the UI's tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Okta (or the precheck) said no: fix something and try again.
    Refused,
    /// The network or Okta itself is in the way: try again later (queued).
    Unreachable,
    /// The input can't be used (bad org address, no sign-in, keychain).
    BadInput,
}

impl OktaError {
    pub fn class(&self) -> ErrorClass {
        match self {
            Self::Unreachable { .. } | Self::Timeout { .. } | Self::RateLimited { .. } => {
                ErrorClass::Unreachable
            }
            Self::Okta { status, .. } if *status >= 500 => ErrorClass::Unreachable,
            Self::Malformed { .. } => ErrorClass::Unreachable,
            Self::Okta { .. }
            | Self::OAuth { .. }
            | Self::Refused(_)
            | Self::NotThisDraft { .. }
            | Self::OtherKind { .. }
            | Self::NotKept { .. }
            | Self::AlreadySubmitting
            | Self::WouldBeRefused { .. }
            | Self::RefusedAtStep { .. } => ErrorClass::Refused,
            Self::Ambiguous { .. } => ErrorClass::BadInput,
            Self::BadOrg(_)
            | Self::Insecure(_)
            | Self::NotSignedIn { .. }
            | Self::Cancelled
            | Self::Keychain(_) => ErrorClass::BadInput,
        }
    }

    /// The sign-in is no longer good: the user has to sign in again.
    pub fn needs_sign_in(&self) -> bool {
        match self {
            Self::NotSignedIn { .. } => true,
            Self::Okta { status, code, .. } => *status == 401 || code == "E0000011",
            Self::OAuth { error, .. } => error == "invalid_grant" || error == "invalid_token",
            _ => false,
        }
    }
}

fn okta_words(status: u16, code: &str, summary: &str, causes: &[String]) -> String {
    let plain = match (status, code) {
        (401, _) | (_, "E0000011") => {
            "Your sign-in to this org has expired or was revoked. Sign in again.".to_owned()
        }
        (403, _) | (_, "E0000006") => format!(
            "Okta says you don't have permission for this ({summary}). Sign in as a super admin \
             of the org, or with a token that has okta.manifests.manage."
        ),
        (404, _) | (_, "E0000007") => format!("Okta couldn't find it: {summary}"),
        (s, _) if s >= 500 => format!("Okta had a problem on its side (HTTP {s}): {summary}"),
        _ => format!("Okta refused it: {summary}"),
    };
    let mut out = plain;
    if !causes.is_empty() {
        out.push_str(" — ");
        out.push_str(&causes.join("; "));
    }
    if !code.is_empty() {
        out.push_str(&format!(" [{code}]"));
    }
    out
}

fn oauth_words(error: &str, description: Option<&str>) -> String {
    let plain = match error {
        "access_denied" => "Sign-in was declined in the browser.",
        "expired_token" => {
            "The sign-in code expired before it was approved. Start the sign-in again."
        }
        "invalid_client" => {
            "Okta doesn't accept this client ID (or client secret). Check it in the Admin Console."
        }
        "unauthorized_client" => {
            "This app in your org isn't allowed this kind of sign-in. In the Admin Console, enable \
             the grant type (Device Authorization or Authorization Code) for it."
        }
        "invalid_scope" => {
            "Okta didn't grant a requested scope. Grant the scopes to the app in the Admin Console \
             (Okta API Scopes tab)."
        }
        "invalid_grant" => "The sign-in is no longer valid. Sign in again.",
        "invalid_token" => "The token is no longer valid. Sign in again.",
        "slow_down" | "authorization_pending" => "Okta is still waiting for the sign-in.",
        _ => "Okta refused the sign-in.",
    };
    match description {
        Some(d) if !d.is_empty() => format!("{plain} (Okta: {d})"),
        _ => plain.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn okta_errors_read_as_sentences_with_their_causes() {
        let e = OktaError::Okta {
            status: 400,
            code: "E0000001".into(),
            summary: "Api validation failed: name".into(),
            causes: vec!["name: The field cannot be left blank".into()],
        };
        let text = e.to_string();
        assert!(text.starts_with("Okta refused it: Api validation failed"), "{text}");
        assert!(text.contains("cannot be left blank") && text.ends_with("[E0000001]"));
        assert_eq!(e.class(), ErrorClass::Refused);
        let expired = OktaError::OAuth { error: "expired_token".into(), description: None };
        assert!(expired.to_string().contains("expired before it was approved"));
        assert!(OktaError::Okta {
            status: 401,
            code: String::new(),
            summary: String::new(),
            causes: vec![]
        }
        .needs_sign_in());
        assert_eq!(
            OktaError::Timeout { host: "x".into() }.class(),
            ErrorClass::Unreachable,
            "a timeout is queued, not refused"
        );
    }
}
