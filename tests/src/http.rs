//! The tests' HTTP client: core's own stack (`oin_core::net`), so the tests
//! speak WebDriver and play the browser through the same reqwest the app uses
//! and nothing builds a second HTTP client.

use std::sync::OnceLock;
use std::time::Duration;

use oin_core::net::{Client, Exchange, NetError, Options, Redirects};
use serde_json::Value;

/// Loopback answers are small; a screenshot is the largest.
const MAX_BODY: u64 = 64 * 1024 * 1024;

fn client() -> &'static Client {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::new(&Options {
            connect: Duration::from_secs(10),
            overall: Duration::from_secs(60),
            redirects: Redirects::None,
            user_agent: "oin-tests",
        })
    })
}

/// An answer: status, the `Location` header when there is one, the body as text.
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {}", self.text.chars().take(500).collect::<String>())
        })
    }
}

/// Sends `method` to `url` (a JSON body when given) and waits at most `timeout`.
/// Redirects are never followed: the test sees each hop.
pub fn call(
    method: &str,
    url: &str,
    body: Option<&Value>,
    timeout: Duration,
) -> Result<Reply, NetError> {
    let headers = [("Content-Type".to_owned(), "application/json".to_owned())];
    let a = client().send(Exchange {
        method,
        url,
        headers: if body.is_some() { &headers } else { &[] },
        body: body.map(|b| b.to_string().into_bytes()),
        timeout: Some(timeout),
        max_body: MAX_BODY,
    })?;
    Ok(Reply {
        status: a.status,
        location: a.header("location").map(str::to_owned),
        text: String::from_utf8_lossy(&a.body).into_owned(),
    })
}

/// GET, as a browser without redirects would.
pub fn get(url: &str) -> Reply {
    call("GET", url, None, Duration::from_secs(30)).unwrap_or_else(|e| panic!("GET {url}: {e}"))
}
