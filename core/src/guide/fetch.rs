//! Gets a guide the way Okta's reviewer would: a browser without a session.
//! 15 s in all, 10 MB at most, redirects followed one by one (at most 10) so a
//! hop to a sign-in page is seen for what it is; a 401/403, a sign-in form or a
//! Google Doc that asks for access is "the OIN team can't open this".

use std::time::{Duration, Instant};

use super::read::read_bytes;
use super::{Reading, Unreadable, MAX_GUIDE_BYTES};
use crate::net;

/// The whole fetch, redirects included, ends within this.
pub const TIMEOUT: Duration = Duration::from_secs(15);
const MAX_REDIRECTS: usize = 10;

/// Fetches and reads the guide at `url`.
pub fn fetch(url: &str) -> Reading {
    fetch_within(url, TIMEOUT)
}

pub fn fetch_within(url: &str, timeout: Duration) -> Reading {
    let started = Instant::now();
    let too_slow = || Reading::NotChecked {
        reason: format!("the page took longer than {} s", timeout.as_secs_f32()),
    };
    let client = net::Client::new(&net::Options {
        connect: timeout.min(Duration::from_secs(10)),
        overall: timeout,
        redirects: net::Redirects::None,
        user_agent: concat!("OIN Studio/", env!("CARGO_PKG_VERSION"), " (guide check)"),
    });
    let accept = [(
        "Accept".to_owned(),
        "text/html,application/xhtml+xml,application/pdf,text/markdown,text/plain;q=0.9,*/*;q=0.5"
            .to_owned(),
    )];
    let mut current = match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => u,
        _ => {
            return Reading::Unreadable(Unreadable::NotADocument {
                detail: "the address isn't a web address (https://…)".into(),
            })
        }
    };
    for hop in 0..=MAX_REDIRECTS {
        let left = timeout.saturating_sub(started.elapsed());
        if left.is_zero() {
            return too_slow();
        }
        let answer = client.send(net::Exchange {
            headers: &accept,
            timeout: Some(left),
            max_body: MAX_GUIDE_BYTES as u64,
            ..net::Exchange::get(current.as_str())
        });
        let resp = match answer {
            Ok(r) => r,
            Err(net::NetError::Timeout) => return too_slow(),
            Err(e) => return Reading::NotChecked { reason: e.to_string() },
        };
        let status = resp.status;
        if (300..400).contains(&status) {
            let Some(next) = resp.header("location").and_then(|l| current.join(l).ok()) else {
                return Reading::Unreadable(Unreadable::Status { status });
            };
            if is_sign_in(&next) {
                return wall(format!("it redirects to a sign-in page ({})", host_path(&next)));
            }
            current = next;
            continue;
        }
        if status >= 400 {
            if matches!(status, 401 | 403 | 407) {
                return wall(format!("the address answers {status} (it asks to sign in)"));
            }
            if hop > 0 && is_sign_in(&current) {
                return wall(format!("it redirects to a sign-in page ({})", host_path(&current)));
            }
            return Reading::Unreadable(Unreadable::Status { status });
        }
        if hop > 0 && is_sign_in(&current) {
            return wall(format!("it redirects to a sign-in page ({})", host_path(&current)));
        }
        if resp.cut {
            return Reading::Unreadable(Unreadable::TooLarge);
        }
        let content_type = resp.header("content-type").map(str::to_owned);
        let bytes = resp.body;
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512 * 1024)]).to_lowercase();
        let password_box = head.contains("type=\"password\"")
            || head.contains("type='password'")
            || head.contains("type=password");
        let reading = read_bytes(&bytes, content_type.as_deref(), current.path());
        return match reading {
            Reading::Read(doc) => judge_page(&current, doc, password_box),
            Reading::Unreadable(Unreadable::NoContent { .. }) if password_box => {
                wall("the page is a sign-in form".into())
            }
            other => other,
        };
    }
    Reading::Unreadable(Unreadable::TooManyRedirects)
}

fn wall(detail: String) -> Reading {
    Reading::Unreadable(Unreadable::SignInWall { detail })
}

fn host_path(u: &url::Url) -> String {
    format!("{}{}", u.host_str().unwrap_or(""), u.path())
}

/// Whether an address is a sign-in page rather than a document.
pub fn is_sign_in(u: &url::Url) -> bool {
    let host = u.host_str().unwrap_or("").to_ascii_lowercase();
    let path = u.path().to_ascii_lowercase();
    const HOSTS: &[&str] = &["accounts.google.com", "login.microsoftonline.com", "login.live.com"];
    const HOST_PREFIXES: &[&str] = &["login.", "signin.", "sso.", "auth.", "id."];
    const PATHS: &[&str] = &[
        "/login",
        "/signin",
        "/sign-in",
        "/sign_in",
        "/servicelogin",
        "/sso/",
        "/saml",
        "/oauth2/",
        "/authorize",
        "/auth/",
        "/session/new",
        "/users/sign_in",
        "/accounts/login",
    ];
    HOSTS.contains(&host.as_str())
        || HOST_PREFIXES.iter().any(|p| host.starts_with(p))
        || PATHS
            .iter()
            .any(|p| path.starts_with(p) || path.contains(&format!("{p}/")) || path.ends_with(p))
}

/// A page that came back 200 but is a wall: a Google Doc's "You need access", a
/// sign-in form with little else, a cookie notice with nothing behind it.
pub(crate) fn judge_page(url: &url::Url, doc: super::Document, password_box: bool) -> Reading {
    let text = doc.text();
    let lower = text.to_lowercase();
    let host = url.host_str().unwrap_or("");
    if host.ends_with("docs.google.com")
        && (lower.contains("you need access") || lower.contains("request access"))
        && text.len() < 4000
    {
        return wall("the Google Doc asks for access (share it with \"Anyone with the link\" or publish it to the web)".into());
    }
    if password_box && text.len() < 3000 {
        return wall("the page is a sign-in form".into());
    }
    let cookie = lower.contains("cookie")
        && ["accept", "consent", "agree"].iter().any(|w| lower.contains(w));
    if cookie && text.len() < 1500 && doc.outline().len() <= 1 {
        return Reading::Unreadable(super::Unreadable::NoContent {
            detail: "only a cookie notice; the guide behind it needs a browser's consent first. Publish it where it opens without one".into(),
        });
    }
    Reading::Read(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::read::html;

    #[test]
    fn sign_in_pages_are_told_from_guides() {
        let u = |s: &str| url::Url::parse(s).unwrap();
        for wall in [
            "https://accounts.google.com/ServiceLogin?continue=x",
            "https://acme.example/login?next=/docs",
            "https://login.microsoftonline.com/common/oauth2",
            "https://acme.okta.com/oauth2/v1/authorize?x",
            "https://sso.acme.example/",
        ] {
            assert!(is_sign_in(&u(wall)), "{wall}");
        }
        for page in [
            "https://acme.example/docs/okta",
            "https://docs.google.com/document/d/1/pub",
            "https://acme.example/blog/login-tips-for-admins",
        ] {
            assert!(!is_sign_in(&u(page)), "{page}");
        }
    }

    #[test]
    fn a_google_doc_that_asks_for_access_is_a_wall_and_a_published_one_is_read() {
        let asks = html("<html><body><h1>You need access</h1><p>Ask for access, or switch to an account with access.</p><button>Request access</button></body></html>");
        let doc = url::Url::parse("https://docs.google.com/document/d/abc/edit").unwrap();
        match judge_page(&doc, asks, false) {
            Reading::Unreadable(Unreadable::SignInWall { detail }) => {
                assert!(detail.contains("asks for access"), "{detail}")
            }
            other => panic!("{other:?}"),
        }
        let published = html("<html><body><h1>Prerequisites</h1><p>An Okta org.</p></body></html>");
        assert!(matches!(judge_page(&doc, published, false), Reading::Read(_)));
    }
}
