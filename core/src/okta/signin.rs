//! The sign-in flows of a desktop app (OAuth 2.0 for native apps,
//! https://developer.okta.com/docs/guides/device-authorization-grant/main/): Device Authorization — the code shown, the page in the system browser,
//! polling with Okta's interval and expiry — and Authorization Code + PKCE (S256)
//! with a loopback redirect on fixed ports.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;
use oauth2::{
    AuthorizationCode, CsrfToken, PkceCodeChallenge, RedirectUrl, Scope,
    StandardDeviceAuthorizationResponse, TokenResponse,
};

use super::auth::{
    client, from_oauth, now_ms, Client, Credentials, Discovery, SignInMethod, Tokens,
};
use super::http::Request;
use super::session::Session;
use super::{Http, OktaError, OrgUrl, SIGN_IN_SCOPES};
use crate::secrets::Sensitive;

/// Loopback ports for the Authorization Code redirect. Okta matches redirect
/// URIs exactly, port included, so the sign-in app in the org lists all three
/// (`http://127.0.0.1:<port>/callback`); the first free one is used.
pub const REDIRECT_PORTS: [u16; 3] = [47811, 47812, 47813];

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
