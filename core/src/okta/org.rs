//! The address of an Okta org, as a user types it: `acme.okta.com`,
//! `https://acme.oktapreview.com/`, a custom domain, or the Admin Console's
//! `acme-admin.okta.com`. Only https; plain http only to a loopback address and
//! only when the caller allows it (the local test server).

use std::fmt;

use url::Url;

use super::OktaError;

/// An org's base URL (scheme, host, port; no path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgUrl(Url);

impl OrgUrl {
    pub fn parse(input: &str, allow_loopback_http: bool) -> Result<Self, OktaError> {
        let text = input.trim().trim_end_matches('/');
        if text.is_empty() {
            return Err(OktaError::BadOrg(
                "Enter your org's address, like acme.okta.com.".to_owned(),
            ));
        }
        let with_scheme =
            if text.contains("://") { text.to_owned() } else { format!("https://{text}") };
        let bad = || {
            OktaError::BadOrg(format!(
                "\"{}\" isn't an org address. Enter it like acme.okta.com or \
                 https://acme.oktapreview.com.",
                input.trim()
            ))
        };
        let mut url = Url::parse(&with_scheme).map_err(|_| bad())?;
        let host = url.host_str().ok_or_else(bad)?.to_owned();
        if !url.username().is_empty() || url.password().is_some() || url.query().is_some() {
            return Err(bad());
        }
        if url.path() != "/" && !url.path().is_empty() {
            return Err(OktaError::BadOrg(format!(
                "Enter just the org's address, without a path: {}://{}",
                url.scheme(),
                host
            )));
        }
        let loopback = is_loopback(&host);
        match url.scheme() {
            "https" => {}
            "http" if loopback && allow_loopback_http => {}
            _ => return Err(OktaError::Insecure(url.as_str().trim_end_matches('/').to_owned())),
        }
        if !loopback && !host.contains('.') {
            return Err(bad());
        }
        // The Admin Console's address names the same org.
        if let Some((name, rest)) = host.split_once('.') {
            if let Some(org) = name.strip_suffix("-admin") {
                if rest.starts_with("okta") {
                    url.set_host(Some(&format!("{org}.{rest}"))).map_err(|_| bad())?;
                }
            }
        }
        url.set_path("");
        Ok(Self(url))
    }

    /// The org a kept host (`acme.okta.com`, `127.0.0.1:PORT`) stands for:
    /// https, or http for a loopback host when that is allowed.
    pub fn from_host(host: &str, allow_loopback_http: bool) -> Result<Self, OktaError> {
        let name = host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                host
            }
        });
        let scheme = if allow_loopback_http && is_loopback(name) { "http" } else { "https" };
        Self::parse(&format!("{scheme}://{host}"), allow_loopback_http)
    }

    /// `acme.okta.com` (with `:port` when one is given): the org's name in the UI
    /// and its keychain entry.
    pub fn host(&self) -> String {
        let host = self.0.host_str().unwrap_or_default();
        match self.0.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    /// The org's Admin Console (`https://acme-admin.okta.com/admin/dashboard`
    /// for `acme.okta.com`; the same host for a custom or loopback address).
    pub fn admin_console(&self) -> String {
        let mut url = self.0.clone();
        let host = url.host_str().unwrap_or_default().to_owned();
        if let Some((name, rest)) = host.split_once('.') {
            if rest.starts_with("okta") {
                let _ = url.set_host(Some(&format!("{name}-admin.{rest}")));
            }
        }
        url.set_path("/admin/dashboard");
        url.to_string()
    }

    /// An absolute URL for a path on this org (`path` starts with `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.as_str(), path)
    }

    /// `https://acme.okta.com`, without a trailing slash.
    pub fn as_str(&self) -> &str {
        self.0.as_str().trim_end_matches('/')
    }

    /// Whether `url` is on this org (same scheme, host and port).
    pub fn owns(&self, url: &str) -> bool {
        Url::parse(url).is_ok_and(|u| u.origin() == self.0.origin())
    }
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

impl fmt::Display for OrgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_users_paste_and_refuses_the_rest() {
        let ok = |s: &str| OrgUrl::parse(s, false).map(|o| o.to_string());
        assert_eq!(ok("acme.okta.com").unwrap(), "https://acme.okta.com");
        assert_eq!(ok(" https://acme.oktapreview.com/ ").unwrap(), "https://acme.oktapreview.com");
        assert_eq!(ok("acme-admin.okta.com").unwrap(), "https://acme.okta.com");
        let org = OrgUrl::parse("acme.okta.com", false).unwrap();
        assert_eq!(org.admin_console(), "https://acme-admin.okta.com/admin/dashboard");
        let preview = OrgUrl::parse("https://acme.oktapreview.com", false).unwrap();
        assert_eq!(preview.admin_console(), "https://acme-admin.oktapreview.com/admin/dashboard");
        assert_eq!(ok("login.acme.example").unwrap(), "https://login.acme.example");
        assert!(matches!(ok("http://acme.okta.com"), Err(OktaError::Insecure(_))));
        assert!(matches!(ok("http://127.0.0.1:9999"), Err(OktaError::Insecure(_))));
        assert!(matches!(ok("https://acme.okta.com/oauth2/default"), Err(OktaError::BadOrg(_))));
        assert!(matches!(ok(""), Err(OktaError::BadOrg(_))));
        assert!(matches!(ok("acme"), Err(OktaError::BadOrg(_))));
        let local = OrgUrl::parse("http://127.0.0.1:9999", true).unwrap();
        assert_eq!(local.host(), "127.0.0.1:9999");
        assert_eq!(local.join("/x"), "http://127.0.0.1:9999/x");
        assert!(local.owns("http://127.0.0.1:9999/logo?id=1"));
        assert!(!local.owns("http://127.0.0.1:9998/logo"));
        assert!(OrgUrl::parse("http://evil.example", true).is_err(), "http only to loopback");
        assert_eq!(OrgUrl::from_host("127.0.0.1:9999", true).unwrap(), local);
        assert_eq!(
            OrgUrl::from_host("acme.okta.com", true).unwrap().to_string(),
            "https://acme.okta.com"
        );
        assert!(OrgUrl::from_host("127.0.0.1:9999", false)
            .unwrap()
            .to_string()
            .starts_with("https"));
    }
}
