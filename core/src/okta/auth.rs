//! Signing in to an Okta org (https://developer.okta.com/docs/guides/device-authorization-grant/main/,
//! https://developer.okta.com/docs/guides/implement-oauth-for-okta/main/): the org authorization server's
//! discovery document, what is kept in the keychain for a sign-in, and the
//! `oauth2` crate's client over our HTTP client. The flows are in
//! [`super::signin`], the signed-in client in [`super::session`].

use std::time::{SystemTime, UNIX_EPOCH};

use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthUrl, ClientId, DeviceAuthorizationUrl, EndpointNotSet, EndpointSet, RevocationUrl, Scope,
    StandardRevocableToken, StandardTokenResponse, TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::http::Request;
use super::{Http, OktaError, OrgUrl};
use crate::secrets::Sensitive;

/// How the user signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SignInMethod {
    DeviceCode,
    Browser,
    ApiToken,
}

/// Who is signed in to which org: what the UI shows. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// `acme.okta.com`
    pub org: String,
    /// `https://acme.okta.com`
    pub org_url: String,
    pub user: Option<String>,
    pub method: SignInMethod,
    #[ts(type = "number")]
    pub signed_in_at: i64,
}

/// The org authorization server's endpoints (`/.well-known/openid-configuration`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub device_authorization_endpoint: Option<String>,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
}

impl Discovery {
    pub fn fetch(http: &Http, org: &OrgUrl) -> Result<Self, OktaError> {
        let resp =
            http.send(&Request::new("GET", org.join("/.well-known/openid-configuration")))?;
        if !resp.ok() {
            return Err(resp.error());
        }
        let d: Discovery = resp.json()?;
        // Tokens are only ever sent to the org they came from.
        let endpoints = [Some(&d.authorization_endpoint), Some(&d.token_endpoint)]
            .into_iter()
            .chain([d.device_authorization_endpoint.as_ref(), d.revocation_endpoint.as_ref()]);
        if let Some(foreign) = endpoints.flatten().find(|u| !org.owns(u)) {
            return Err(OktaError::Malformed {
                status: resp.status,
                detail: format!("the org's sign-in configuration points elsewhere ({foreign})"),
            });
        }
        Ok(d)
    }
}

/// What is kept in the keychain for one org.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Credentials {
    pub(super) method: SignInMethod,
    #[serde(default)]
    pub(super) client_id: Option<String>,
    #[serde(default)]
    pub(super) discovery: Option<Discovery>,
    pub(super) access_token: String,
    #[serde(default)]
    pub(super) refresh_token: Option<String>,
    #[serde(default)]
    pub(super) expires_at_ms: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct IdTokenField {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) id_token: Option<String>,
}
impl oauth2::ExtraTokenFields for IdTokenField {}

pub(super) type Tokens = StandardTokenResponse<IdTokenField, BasicTokenType>;
pub(super) type Client = oauth2::Client<
    BasicErrorResponse,
    Tokens,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointSet,
    EndpointNotSet,
    EndpointSet,
    EndpointSet,
>;

pub(super) fn client(
    d: &Discovery,
    client_id: &str,
    secret: Option<&str>,
) -> Result<Client, OktaError> {
    let bad = |e: url::ParseError| OktaError::Malformed { status: 200, detail: e.to_string() };
    // Okta's org server always has these two; fall back to its documented paths.
    let device = d
        .device_authorization_endpoint
        .clone()
        .unwrap_or_else(|| d.token_endpoint.replace("/token", "/device/authorize"));
    let revoke = d
        .revocation_endpoint
        .clone()
        .unwrap_or_else(|| d.token_endpoint.replace("/token", "/revoke"));
    let mut c = oauth2::Client::new(ClientId::new(client_id.to_owned()))
        .set_auth_uri(AuthUrl::new(d.authorization_endpoint.clone()).map_err(bad)?)
        .set_token_uri(TokenUrl::new(d.token_endpoint.clone()).map_err(bad)?)
        .set_device_authorization_url(DeviceAuthorizationUrl::new(device).map_err(bad)?)
        .set_revocation_url(RevocationUrl::new(revoke).map_err(bad)?);
    if let Some(s) = secret {
        c = c.set_client_secret(oauth2::ClientSecret::new(s.to_owned()));
    }
    Ok(c)
}

/// oauth2's errors in our words (the OAuth `error` code is kept).
pub(super) fn from_oauth<T: oauth2::ErrorResponse>(
    e: oauth2::RequestTokenError<OktaError, T>,
) -> OktaError {
    match e {
        oauth2::RequestTokenError::Request(e) => e,
        oauth2::RequestTokenError::ServerResponse(r) => {
            let v = serde_json::to_value(&r).unwrap_or_default();
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
            OktaError::OAuth {
                error: s("error").unwrap_or_else(|| "unknown".into()),
                description: s("error_description"),
            }
        }
        oauth2::RequestTokenError::Parse(e, _) => {
            OktaError::Malformed { status: 200, detail: e.to_string() }
        }
        oauth2::RequestTokenError::Other(s) if s.to_lowercase().contains("expired") => {
            OktaError::OAuth { error: "expired_token".into(), description: None }
        }
        oauth2::RequestTokenError::Other(s) => OktaError::Malformed { status: 0, detail: s },
    }
}

pub(super) fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// A client-credentials token for an API service integration instance
/// (`client_secret_basic`), for the probe.
pub fn client_credentials_token(
    http: &Http,
    org: &OrgUrl,
    client_id: &str,
    secret: &Sensitive<String>,
    scopes: &[String],
) -> Result<(String, Vec<String>), OktaError> {
    let d = Discovery::fetch(http, org)?;
    let tokens = client(&d, client_id.trim(), Some(secret.expose().trim()))?
        .exchange_client_credentials()
        .add_scopes(scopes.iter().map(|s| Scope::new(s.clone())))
        .request(http)
        .map_err(from_oauth)?;
    let granted = tokens
        .scopes()
        .map(|s| s.iter().map(|x| x.to_string()).collect())
        .unwrap_or_else(|| scopes.to_vec());
    Ok((tokens.access_token().secret().clone(), granted))
}
