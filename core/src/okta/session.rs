//! A sign-in kept in the keychain, and the signed-in client every management
//! call goes through: credentials added, refreshed before they expire (or when
//! Okta says they have), revoked on sign-out.

use std::sync::{Arc, Mutex};

use oauth2::{RefreshToken, TokenResponse};

use super::auth::{client, from_oauth, now_ms, Account, Credentials, SignInMethod};
use super::http::{Request, Response};
use super::{Http, OktaError, OrgUrl, SUBMISSIONS};
use crate::secrets::{account, SecretStore, Sensitive};

/// A sign-in that worked, not yet kept.
pub struct Session {
    pub(super) org: OrgUrl,
    pub(super) user: Option<String>,
    pub(super) credentials: Sensitive<Credentials>,
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
