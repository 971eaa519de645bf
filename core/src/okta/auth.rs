//! Signing in to an Okta org from a desktop app (reference §7): discovery of the
//! org authorization server, then OAuth 2.0 for native apps through the
//! `oauth2` crate — Device Authorization (code shown, system browser, polling
//! with Okta's interval and expiry) or Authorization Code + PKCE (S256) with a
//! loopback redirect on fixed ports — or an SSWS API token. Tokens live in the
//! keychain only, are refreshed before they expire, and are revoked on sign-out.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine;
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, CsrfToken, DeviceAuthorizationUrl, EndpointNotSet,
    EndpointSet, PkceCodeChallenge, RedirectUrl, RefreshToken, RevocationUrl, Scope,
    StandardDeviceAuthorizationResponse, StandardRevocableToken, StandardTokenResponse,
    TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::http::{Request, Response};
use super::{Http, OktaError, OrgUrl, SIGN_IN_SCOPES, SUBMISSIONS};
use crate::secrets::{account, SecretStore, Sensitive};

/// Loopback ports for the Authorization Code redirect. Okta matches redirect
/// URIs exactly, port included, so the sign-in app in the org lists all three
/// (`http://127.0.0.1:<port>/callback`); the first free one is used.
pub const REDIRECT_PORTS: [u16; 3] = [47811, 47812, 47813];

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
struct Credentials {
    method: SignInMethod,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    discovery: Option<Discovery>,
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    expires_at_ms: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct IdTokenField {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}
impl oauth2::ExtraTokenFields for IdTokenField {}

type Tokens = StandardTokenResponse<IdTokenField, BasicTokenType>;
type Client = oauth2::Client<
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

fn client(d: &Discovery, client_id: &str, secret: Option<&str>) -> Result<Client, OktaError> {
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
fn from_oauth<T: oauth2::ErrorResponse>(e: oauth2::RequestTokenError<OktaError, T>) -> OktaError {
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

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

/// A Device Authorization in progress: what the user is shown.
pub struct DeviceStart {
    pub user_code: String,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    pub expires_in: Duration,
    details: StandardDeviceAuthorizationResponse,
}

/// Signing in to one org with one client id (a native OIDC app in the org).
pub struct SignIn {
    http: Http,
    org: OrgUrl,
    discovery: Discovery,
    client_id: String,
}

impl SignIn {
    pub fn new(http: Http, org: OrgUrl, client_id: &str) -> Result<Self, OktaError> {
        let client_id = client_id.trim();
        if client_id.is_empty() || client_id.chars().any(char::is_whitespace) {
            return Err(OktaError::BadOrg(
                "Enter the client ID of the OIN Studio sign-in app in your org (Admin Console › \
                 Applications)."
                    .into(),
            ));
        }
        let discovery = Discovery::fetch(&http, &org)?;
        Ok(Self { http, org, discovery, client_id: client_id.to_owned() })
    }

    fn client(&self) -> Result<Client, OktaError> {
        client(&self.discovery, &self.client_id, None)
    }

    fn scopes() -> impl Iterator<Item = Scope> {
        SIGN_IN_SCOPES.iter().map(|s| Scope::new((*s).to_owned()))
    }

    /// Asks the org for a device code to show the user.
    pub fn start_device(&self) -> Result<DeviceStart, OktaError> {
        let details: StandardDeviceAuthorizationResponse = self
            .client()?
            .exchange_device_code()
            .add_scopes(Self::scopes())
            .request(&self.http)
            .map_err(from_oauth)?;
        Ok(DeviceStart {
            user_code: details.user_code().secret().clone(),
            verification_uri: details.verification_uri().to_string(),
            verification_uri_complete: details
                .verification_uri_complete()
                .map(|u| u.secret().clone()),
            expires_in: details.expires_in(),
            details,
        })
    }

    /// Polls until the user approves (or declines, or the code expires),
    /// honouring Okta's interval and `slow_down` (RFC 8628 §3.5). A network
    /// failure backs off and keeps polling until the code expires; `cancel`
    /// stops it at once.
    pub fn finish_device(
        &self,
        start: &DeviceStart,
        cancel: &AtomicBool,
    ) -> Result<Session, OktaError> {
        let deadline = Instant::now() + start.expires_in;
        let mut interval = start.details.interval().max(Duration::from_secs(1));
        let form = vec![
            ("grant_type".to_owned(), "urn:ietf:params:oauth:grant-type:device_code".to_owned()),
            ("device_code".to_owned(), start.details.device_code().secret().clone()),
            ("client_id".to_owned(), self.client_id.clone()),
        ];
        loop {
            let until = Instant::now() + interval;
            while Instant::now() < until {
                if cancel.load(Ordering::Relaxed) {
                    return Err(OktaError::Cancelled);
                }
                std::thread::sleep(Duration::from_millis(50).min(until - Instant::now()));
            }
            if Instant::now() >= deadline {
                return Err(OktaError::OAuth { error: "expired_token".into(), description: None });
            }
            let req =
                Request::new("POST", self.discovery.token_endpoint.clone()).form(form.clone());
            let resp = match self.http.send(&req) {
                Ok(r) => r,
                Err(_) => {
                    interval = (interval * 2).min(Duration::from_secs(10));
                    continue;
                }
            };
            if resp.ok() {
                return Ok(self.session(resp.json::<Tokens>()?, SignInMethod::DeviceCode));
            }
            match resp.error() {
                OktaError::OAuth { error, .. } if error == "authorization_pending" => {}
                OktaError::OAuth { error, .. } if error == "slow_down" => {
                    interval += Duration::from_secs(5);
                }
                other => return Err(other),
            }
        }
    }

    /// Authorization Code + PKCE: opens the sign-in page with `open` (the system
    /// browser) and waits on a loopback port for the redirect.
    pub fn browser(
        &self,
        open: &dyn Fn(&str) -> Result<(), String>,
        cancel: &AtomicBool,
        timeout: Duration,
    ) -> Result<Session, OktaError> {
        let (listener, port) = REDIRECT_PORTS
            .iter()
            .find_map(|p| TcpListener::bind(("127.0.0.1", *p)).ok().map(|l| (l, *p)))
            .ok_or_else(|| {
                OktaError::Refused(format!(
                    "Ports {REDIRECT_PORTS:?} on this computer are all in use, so the browser \
                     sign-in can't come back. Use the device code sign-in instead."
                ))
            })?;
        let redirect = format!("http://127.0.0.1:{port}/callback");
        let client = self.client()?.set_redirect_uri(
            RedirectUrl::new(redirect).map_err(|e| OktaError::Refused(e.to_string()))?,
        );
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = client
            .authorize_url(CsrfToken::new_random)
            .add_scopes(Self::scopes())
            .set_pkce_challenge(challenge)
            .url();
        open(url.as_str()).map_err(OktaError::Refused)?;
        let code = wait_for_redirect(&listener, state.secret(), cancel, timeout)?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(verifier)
            .request(&self.http)
            .map_err(from_oauth)?;
        Ok(self.session(tokens, SignInMethod::Browser))
    }

    fn session(&self, tokens: Tokens, method: SignInMethod) -> Session {
        let user = tokens.extra_fields().id_token.as_deref().and_then(user_from_id_token);
        let credentials = Credentials {
            method,
            client_id: Some(self.client_id.clone()),
            discovery: Some(self.discovery.clone()),
            access_token: tokens.access_token().secret().clone(),
            refresh_token: tokens.refresh_token().map(|t| t.secret().clone()),
            expires_at_ms: tokens.expires_in().map(|d| now_ms() + d.as_millis() as i64),
        };
        Session { org: self.org.clone(), user, credentials: Sensitive::new(credentials) }
    }
}

/// Accepts connections on the loopback port until the browser brings the
/// code back with the right `state`.
fn wait_for_redirect(
    listener: &TcpListener,
    state: &str,
    cancel: &AtomicBool,
    timeout: Duration,
) -> Result<String, OktaError> {
    listener.set_nonblocking(true).map_err(|e| OktaError::Refused(e.to_string()))?;
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if cancel.load(Ordering::Relaxed) {
            return Err(OktaError::Cancelled);
        }
        let Ok((mut stream, _)) = listener.accept() else {
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        let _ = stream.set_nonblocking(false);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut line = String::new();
        let _ = BufReader::new(&stream).read_line(&mut line);
        let target = line.split_whitespace().nth(1).unwrap_or_default();
        let Ok(url) = url::Url::parse(&format!("http://127.0.0.1{target}")) else { continue };
        if url.path() != "/callback" {
            let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            continue;
        }
        let q = |k: &str| url.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.into_owned());
        let (title, result) = match (q("state"), q("code"), q("error")) {
            (Some(s), _, _) if s != state => continue,
            (_, _, Some(error)) => (
                "Sign-in didn't finish",
                Err(OktaError::OAuth { error, description: q("error_description") }),
            ),
            (_, Some(code), None) => ("You're signed in", Ok(code)),
            _ => continue,
        };
        let page = format!(
            "<!doctype html><meta charset=utf-8><title>OIN Studio</title>\
             <body style=\"font:16px system-ui;margin:3em\"><h1>{title}</h1>\
             <p>You can close this tab and go back to OIN Studio.</p>"
        );
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{page}",
            page.len()
        );
        return result;
    }
    Err(OktaError::OAuth { error: "expired_token".into(), description: None })
}

/// The name to show from an ID token's claims. Display only: nothing is
/// decided on it, so the signature is not checked here.
fn user_from_id_token(jwt: &str) -> Option<String> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let s = |k: &str| claims.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    match (s("name"), s("preferred_username").or_else(|| s("email"))) {
        (Some(n), Some(u)) if n != u => Some(format!("{n} ({u})")),
        (n, u) => n.or(u),
    }
}

/// A sign-in that worked, not yet kept.
pub struct Session {
    org: OrgUrl,
    user: Option<String>,
    credentials: Sensitive<Credentials>,
}

impl Session {
    /// An SSWS API token, checked with one read of the submissions list.
    pub fn api_token(
        http: &Http,
        org: OrgUrl,
        token: Sensitive<String>,
    ) -> Result<Self, OktaError> {
        let token = token.expose().trim().to_owned();
        if token.is_empty() {
            return Err(OktaError::BadOrg("Paste the API token.".into()));
        }
        let credentials = Credentials {
            method: SignInMethod::ApiToken,
            client_id: None,
            discovery: None,
            access_token: token,
            refresh_token: None,
            expires_at_ms: None,
        };
        let session = Self { org, user: None, credentials: Sensitive::new(credentials) };
        let probe = Request::new("GET", session.org.join(&format!("{SUBMISSIONS}?limit=1")));
        let resp = http.send(&session.authorize(probe))?;
        if !resp.ok() {
            return Err(resp.error());
        }
        Ok(session)
    }

    pub fn account(&self, now_ms: i64) -> Account {
        Account {
            org: self.org.host(),
            org_url: self.org.to_string(),
            user: self.user.clone(),
            method: self.credentials.expose().method,
            signed_in_at: now_ms,
        }
    }

    fn authorize(&self, req: Request) -> Request {
        let c = self.credentials.expose();
        let value = match c.method {
            SignInMethod::ApiToken => format!("SSWS {}", c.access_token),
            _ => format!("Bearer {}", c.access_token),
        };
        req.header("Authorization", value)
    }

    /// Keeps the credentials in the keychain (only there).
    pub fn keep(&self, secrets: &dyn SecretStore) -> Result<(), OktaError> {
        let text = serde_json::to_string(self.credentials.expose())
            .map_err(|e| OktaError::Refused(e.to_string()))?;
        secrets.set(&account::okta_session(&self.org.host()), &Sensitive::new(text))?;
        Ok(())
    }

    /// The kept sign-in for `org`, if any.
    pub fn load(org: &OrgUrl, secrets: &dyn SecretStore) -> Result<Option<Self>, OktaError> {
        let Some(text) = secrets.get(&account::okta_session(&org.host()))? else {
            return Ok(None);
        };
        let Ok(credentials) = serde_json::from_str::<Credentials>(text.expose()) else {
            return Ok(None);
        };
        Ok(Some(Self { org: org.clone(), user: None, credentials: Sensitive::new(credentials) }))
    }
}

/// A signed-in connection to one org: every management call goes through
/// `call`, which adds the credentials and refreshes them when they are about to
/// expire (or when Okta says they have).
pub struct Okta {
    http: Http,
    org: OrgUrl,
    session: Mutex<Session>,
    /// Where refreshed tokens are written back (None: a token from the
    /// environment, never kept).
    secrets: Option<Arc<dyn SecretStore>>,
}

/// Refresh this long before the access token expires.
const REFRESH_EARLY_MS: i64 = 60_000;

impl Okta {
    /// The kept sign-in for `org`, or `NotSignedIn`.
    pub fn connect(
        http: Http,
        org: OrgUrl,
        secrets: Arc<dyn SecretStore>,
    ) -> Result<Self, OktaError> {
        let session = Session::load(&org, secrets.as_ref())?
            .ok_or_else(|| OktaError::NotSignedIn { org: org.host() })?;
        Ok(Self { http, org, session: Mutex::new(session), secrets: Some(secrets) })
    }

    /// An SSWS token from the environment (pipelines): used, never kept.
    pub fn with_api_token(http: Http, org: OrgUrl, token: Sensitive<String>) -> Self {
        let credentials = Credentials {
            method: SignInMethod::ApiToken,
            client_id: None,
            discovery: None,
            access_token: token.expose().trim().to_owned(),
            refresh_token: None,
            expires_at_ms: None,
        };
        let session =
            Session { org: org.clone(), user: None, credentials: Sensitive::new(credentials) };
        Self { http, org, session: Mutex::new(session), secrets: None }
    }

    pub fn org(&self) -> &OrgUrl {
        &self.org
    }

    pub fn http(&self) -> &Http {
        &self.http
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends a request to a path on the org with the credentials; a non-2xx
    /// answer becomes an error.
    pub fn call(&self, req: Request) -> Result<Response, OktaError> {
        if self.expiring() {
            self.refresh()?;
        }
        let resp = self.http.send(&self.lock().authorize(req.clone()))?;
        if resp.status == 401 && self.can_refresh() {
            self.refresh()?;
            let again = self.http.send(&self.lock().authorize(req))?;
            return if again.ok() { Ok(again) } else { Err(again.error()) };
        }
        if resp.ok() {
            Ok(resp)
        } else {
            Err(resp.error())
        }
    }

    fn expiring(&self) -> bool {
        let s = self.lock();
        let c = s.credentials.expose();
        c.refresh_token.is_some()
            && c.expires_at_ms.is_some_and(|t| t - REFRESH_EARLY_MS < now_ms())
    }

    fn can_refresh(&self) -> bool {
        self.lock().credentials.expose().refresh_token.is_some()
    }

    /// Trades the refresh token for new tokens and keeps them.
    pub fn refresh(&self) -> Result<(), OktaError> {
        let mut s = self.lock();
        let c = s.credentials.expose().clone();
        let (Some(refresh), Some(d), Some(id)) = (&c.refresh_token, &c.discovery, &c.client_id)
        else {
            return Err(OktaError::NotSignedIn { org: self.org.host() });
        };
        let tokens = client(d, id, None)?
            .exchange_refresh_token(&RefreshToken::new(refresh.clone()))
            .request(&self.http)
            .map_err(from_oauth)?;
        let next = Credentials {
            access_token: tokens.access_token().secret().clone(),
            refresh_token: tokens.refresh_token().map(|t| t.secret().clone()).or(c.refresh_token),
            expires_at_ms: tokens.expires_in().map(|d| now_ms() + d.as_millis() as i64),
            ..c
        };
        s.credentials = Sensitive::new(next);
        if let Some(secrets) = &self.secrets {
            s.keep(secrets.as_ref())?;
        }
        Ok(())
    }

    /// Revokes the tokens at Okta (best effort: offline, they are still
    /// forgotten here) and deletes them from the keychain.
    pub fn sign_out(&self) -> Result<(), OktaError> {
        let c = self.lock().credentials.expose().clone();
        if let (Some(d), Some(id)) = (&c.discovery, &c.client_id) {
            let endpoint = d
                .revocation_endpoint
                .clone()
                .unwrap_or_else(|| d.token_endpoint.replace("/token", "/revoke"));
            let mut tokens = vec![(c.access_token.clone(), "access_token")];
            tokens.extend(c.refresh_token.clone().map(|r| (r, "refresh_token")));
            for (token, hint) in tokens {
                let form = vec![
                    ("token".to_owned(), token),
                    ("token_type_hint".to_owned(), hint.to_owned()),
                    ("client_id".to_owned(), id.clone()),
                ];
                let _ = self.http.send(&Request::new("POST", endpoint.clone()).form(form));
            }
        }
        if let Some(secrets) = &self.secrets {
            secrets.delete(&account::okta_session(&self.org.host()))?;
        }
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_comes_from_the_id_token_claims() {
        let claims = r#"{"name":"Pat Lee","preferred_username":"pat@acme.example"}"#;
        let jwt =
            format!("x.{}.y", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims));
        assert_eq!(user_from_id_token(&jwt).as_deref(), Some("Pat Lee (pat@acme.example)"));
        assert_eq!(user_from_id_token("garbage"), None);
    }
}
