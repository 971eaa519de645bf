//! The submissions already in an org, as Okta's list and get operations
//! return them: read for status, for finding a submission again by name, and
//! for importing an org's submissions into the library.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::http::Request;
use super::{Okta, OktaError, SUBMISSIONS};
use crate::draft::{ContactKind, Draft, IntegrationType};

/// A submission in the org, as the list and get operations return it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemoteSubmission {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub logo: Option<String>,
    #[serde(default)]
    pub last_updated: Option<String>,
    #[serde(default)]
    #[ts(type = "Array<{ contactType: string, contactValueType: string, contact: string }>")]
    pub app_contact_details: Vec<Value>,
    /// What the submission integrates (SubmissionCapabilityEnhanced).
    #[serde(default)]
    #[ts(skip)]
    pub capabilities: Vec<Value>,
    #[serde(default)]
    #[ts(skip)]
    pub sso: Option<Value>,
    #[serde(default)]
    #[ts(skip)]
    pub api_service: Option<Value>,
}

impl RemoteSubmission {
    /// What kind of integration it is, from its capabilities and protocol
    /// blocks; `None` when Okta's answer says nothing (a bare submission).
    pub fn kind(&self) -> Option<&'static str> {
        let caps: Vec<&str> =
            self.capabilities.iter().filter_map(|c| c["capability"].as_str()).collect();
        let protocols: Vec<&str> = self
            .capabilities
            .iter()
            .flat_map(|c| c["supportedProtocols"].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        let sso = self.sso.as_ref();
        if caps.contains(&"API_SERVICE") || self.api_service.is_some() {
            Some("API service")
        } else if protocols.contains(&"SAML") || sso.is_some_and(|s| s.get("saml").is_some()) {
            Some("SAML")
        } else if protocols.contains(&"OIDC") || sso.is_some_and(|s| s.get("oidc").is_some()) {
            Some("OIDC")
        } else if let Some(c) = caps.first() {
            Some(match *c {
                "PROVISIONING" => "provisioning",
                "ENTITLEMENTS" => "entitlements",
                "UNIVERSAL_LOGOUT" => "Universal Logout",
                "SSO" => "SSO",
                _ => "another kind",
            })
        } else {
            None
        }
    }
}

/// Every submission in the org (follows the `Link: rel="next"` cursor).
pub fn list(okta: &Okta) -> Result<Vec<RemoteSubmission>, OktaError> {
    let mut out = Vec::new();
    let mut url = okta.org().join(&format!("{SUBMISSIONS}?limit=100"));
    for _ in 0..50 {
        let resp = okta.call(Request::new("GET", url.clone()))?;
        out.extend(resp.json::<Vec<RemoteSubmission>>()?);
        match resp.header("link").and_then(next_link) {
            Some(next) if okta.org().owns(&next) => url = next,
            _ => break,
        }
    }
    Ok(out)
}

fn next_link(header: &str) -> Option<String> {
    header.split(',').find(|p| p.contains("rel=\"next\"")).and_then(|p| {
        let start = p.find('<')? + 1;
        let end = p.find('>')?;
        Some(p[start..end].to_owned())
    })
}

/// One submission.
pub fn get(okta: &Okta, id: &str) -> Result<RemoteSubmission, OktaError> {
    okta.call(Request::new("GET", okta.org().join(&format!("{SUBMISSIONS}/{id}"))))?.json()
}

/// The API service configuration of a submission, if it has one.
pub fn api_service_config(okta: &Okta, id: &str) -> Result<Option<Value>, OktaError> {
    let path = format!("{SUBMISSIONS}/{id}/capabilities/api-service/protocols/oauth2");
    match okta.call(Request::new("GET", okta.org().join(&path))) {
        Ok(resp) => Ok(Some(resp.json()?)),
        Err(OktaError::Okta { status: 404, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A draft made from a submission found in the org (import). The password and
/// the logo's bytes are not in the answer: the user adds them again.
pub fn to_draft(remote: &RemoteSubmission, api: Option<&Value>) -> Draft {
    let mut d = Draft::new(IntegrationType::ApiService);
    d.app_info.app_name = remote.name.clone();
    d.app_info.description = remote.description.clone();
    for c in &remote.app_contact_details {
        let s = |k: &str| c.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        let contact = Some(s("contact")).filter(|v| !v.is_empty());
        if s("contactType") == "ESCALATION_SUPPORT" {
            d.support.escalation_contact = contact;
        } else {
            let kind = match s("contactValueType").as_str() {
                "URL" => ContactKind::Url,
                "PHONE" => ContactKind::Phone,
                _ => ContactKind::Email,
            };
            d.support.contacts.push(crate::draft::SupportContact { kind, value: contact });
        }
    }
    if let Some(api) = api {
        d.api_service.scopes = api
            .get("scopes")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        d.api_service.config_guide_url =
            api.get("setupInstructionsUri").and_then(Value::as_str).map(str::to_owned);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers_give_the_next_page() {
        let h = r#"<https://a.okta.com/x?after=1>; rel="self", <https://a.okta.com/x?after=2>; rel="next""#;
        assert_eq!(next_link(h).as_deref(), Some("https://a.okta.com/x?after=2"));
        assert_eq!(next_link(r#"<https://a>; rel="self""#), None);
    }
}
