//! "Test my API service integration"
//! (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApiServiceIntegrations/): with the client id and
//! secret of the instance Okta generated, ask the org for a client-credentials
//! token with the draft's scopes, then make one read call per granted scope and
//! report which work and why the others don't.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::http::Request;
use super::{auth, Http, OktaError, OrgUrl};
use crate::secrets::Sensitive;

/// What one scope's call found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ScopeVerdict {
    Works,
    Fails {
        reason: String,
    },
    /// The token came back without this scope.
    NotGranted,
    /// OIN Studio has no read call for this scope; the token has it.
    Untested,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeResult {
    pub scope: String,
    /// The call made, e.g. `GET /api/v1/users?limit=1`.
    pub call: Option<String>,
    pub verdict: ScopeVerdict,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProbeReport {
    /// Why no token could be had (then no scope was tried).
    pub token_error: Option<String>,
    pub scopes: Vec<ScopeResult>,
    /// "Tell us the reason to use scopes", drafted from this run.
    #[serde(default)]
    pub reason: Option<super::reason::ScopeReasonDraft>,
}

impl ProbeReport {
    pub fn all_work(&self) -> bool {
        self.token_error.is_none()
            && self
                .scopes
                .iter()
                .all(|s| matches!(s.verdict, ScopeVerdict::Works | ScopeVerdict::Untested))
    }
}

/// The read call that proves a scope, if there is one.
pub fn read_call(scope: &str) -> Option<&'static str> {
    let resource = scope.strip_prefix("okta.")?.split('.').next()?;
    Some(match resource {
        "users" => "/api/v1/users?limit=1",
        "groups" => "/api/v1/groups?limit=1",
        "logs" => "/api/v1/logs?limit=1",
        "apps" => "/api/v1/apps?limit=1",
        _ => return None,
    })
}

pub fn run(
    http: &Http,
    org: &OrgUrl,
    client_id: &str,
    secret: &Sensitive<String>,
    scopes: &[String],
) -> ProbeReport {
    let ask =
        |wanted: &[String]| auth::client_credentials_token(http, org, client_id, secret, wanted);
    let first = match ask(scopes) {
        // Okta refuses the whole request for one scope it hasn't granted: ask
        // for each alone to learn which.
        Err(OktaError::OAuth { error, .. }) if error == "invalid_scope" => {
            let granted: Vec<String> =
                scopes.iter().filter(|s| ask(std::slice::from_ref(*s)).is_ok()).cloned().collect();
            if granted.is_empty() {
                Ok((String::new(), granted))
            } else {
                ask(&granted)
            }
        }
        other => other,
    };
    let (token, granted) = match first {
        Ok(t) => t,
        Err(e) => {
            let scopes = scopes
                .iter()
                .map(|s| ScopeResult {
                    scope: s.clone(),
                    call: None,
                    verdict: ScopeVerdict::Fails { reason: "no token: see above".into() },
                })
                .collect();
            return ProbeReport { token_error: Some(e.to_string()), scopes, reason: None };
        }
    };
    let results = scopes
        .iter()
        .map(|scope| {
            let call = read_call(scope);
            let verdict = if !granted.iter().any(|g| g == scope) {
                ScopeVerdict::NotGranted
            } else if let Some(path) = call {
                let req = Request::new("GET", org.join(path))
                    .header("Authorization", format!("Bearer {token}"));
                judge(http.send(&req))
            } else {
                ScopeVerdict::Untested
            };
            ScopeResult { scope: scope.clone(), call: call.map(|p| format!("GET {p}")), verdict }
        })
        .collect();
    ProbeReport { token_error: None, scopes: results, reason: None }
}

fn judge(answer: Result<super::http::Response, OktaError>) -> ScopeVerdict {
    let resp = match answer {
        Ok(r) if r.ok() => return ScopeVerdict::Works,
        Ok(r) => r,
        Err(e) => return ScopeVerdict::Fails { reason: e.to_string() },
    };
    let challenge = resp.header("www-authenticate").unwrap_or_default().to_owned();
    let reason = match resp.status {
        401 => format!("401: the org refused the token. {}", resp.error()),
        403 if challenge.contains("insufficient_scope") => {
            "403: the scope isn't granted to the integration. Grant it in the Admin Console \
             (the integration's Okta API Scopes)."
                .to_owned()
        }
        403 => "403: the integration's service app is missing an admin role for this. Assign \
                one in the Admin Console (Admin roles)."
            .to_owned(),
        _ => resp.error().to_string(),
    };
    ScopeVerdict::Fails { reason }
}
