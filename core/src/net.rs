//! The one HTTP stack core speaks through: `reqwest`'s blocking client (the
//! same `reqwest` and rustls the app's updater is built with, so nothing
//! compiles twice), with typed outcomes instead of error text. Okta's calls
//! (`okta::http`), "Check links" and the guide doctor's fetch all go through
//! [`Client::send`].
//!
//! `reqwest::blocking` must not run on a Tokio worker thread (it builds and
//! drops a runtime of its own, which Tokio forbids there, and a blocked worker
//! stalls the app's other async work). Tauri runs `#[tauri::command(async)]`
//! functions on such workers, so every exchange here moves to a plain thread of
//! its own when it finds itself inside a runtime; anywhere else (the CLI, the
//! app's background threads, tests) it runs where it is called.

use std::fmt;
use std::io::Read;
use std::time::Duration;

/// How redirects are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redirects {
    /// Never followed: a 3xx comes back as it is (OAuth endpoints, or a caller
    /// that follows them one hop at a time to look at each).
    None,
    /// Followed, at most this many hops.
    Follow(usize),
}

/// How a client is set up.
#[derive(Debug, Clone)]
pub struct Options {
    /// To open the connection (DNS and TLS included).
    pub connect: Duration,
    /// For the whole exchange, the body included (a request may shorten it).
    pub overall: Duration,
    pub redirects: Redirects,
    pub user_agent: &'static str,
}

/// Why an exchange gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetError {
    /// No answer in the time allowed.
    Timeout,
    /// The connection never opened (unknown host, refused, TLS refused):
    /// nothing was sent, so even a POST may be sent again.
    Connect { detail: String },
    /// The exchange broke after the request went out.
    Broken { detail: String },
    /// Not an address this client can ask.
    BadAddress { detail: String },
}

impl NetError {
    pub fn never_sent(&self) -> bool {
        matches!(self, Self::Connect { .. } | Self::BadAddress { .. })
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Timeout => f.write_str("no answer in time (timed out)"),
            Self::Connect { detail } => write!(f, "couldn't connect: {detail}"),
            Self::Broken { detail } => write!(f, "the connection broke: {detail}"),
            Self::BadAddress { detail } => write!(f, "not a web address: {detail}"),
        }
    }
}

/// One request.
pub struct Exchange<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: Option<Vec<u8>>,
    /// Shorter than the client's `overall`, for this one request.
    pub timeout: Option<Duration>,
    /// The most of the body read; more is reported as `cut`.
    pub max_body: u64,
}

impl<'a> Exchange<'a> {
    pub fn get(url: &'a str) -> Self {
        Self { method: "GET", url, headers: &[], body: None, timeout: None, max_body: 0 }
    }
}

/// An answer, whatever its status.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// Where the answer came from, after any redirects followed.
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// At most `max_body` bytes.
    pub body: Vec<u8>,
    /// The body was longer than `max_body` (declared or as it came).
    pub cut: bool,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A client. Cheap to clone (its connections are shared).
#[derive(Clone)]
pub struct Client {
    inner: reqwest::blocking::Client,
}

impl Client {
    pub fn new(options: &Options) -> Self {
        install_crypto();
        let options = options.clone();
        let inner = off_runtime(move || {
            reqwest::blocking::Client::builder()
                .connect_timeout(options.connect)
                .timeout(options.overall)
                .redirect(match options.redirects {
                    Redirects::None => reqwest::redirect::Policy::none(),
                    Redirects::Follow(n) => reqwest::redirect::Policy::limited(n),
                })
                .user_agent(options.user_agent)
                .build()
        });
        // Building fails only when TLS can't be set up at all, which the
        // crypto provider installed above rules out.
        Self { inner: inner.expect("the HTTP client can be built (rustls with ring)") }
    }

    /// Sends `exchange` and reads its answer. Any HTTP status is an answer.
    pub fn send(&self, exchange: Exchange<'_>) -> Result<Answer, NetError> {
        off_runtime(|| self.send_here(exchange))
    }

    fn send_here(&self, x: Exchange<'_>) -> Result<Answer, NetError> {
        let method = reqwest::Method::from_bytes(x.method.as_bytes())
            .map_err(|e| NetError::BadAddress { detail: e.to_string() })?;
        let url = reqwest::Url::parse(x.url)
            .map_err(|e| NetError::BadAddress { detail: format!("{}: {e}", x.url) })?;
        let mut req = self.inner.request(method, url);
        for (k, v) in x.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        if let Some(body) = x.body {
            req = req.body(body);
        }
        if let Some(t) = x.timeout {
            req = req.timeout(t);
        }
        let resp = req.send().map_err(|e| classify(&e))?;
        let status = resp.status().as_u16();
        let url = resp.url().to_string();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (k.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned())
            })
            .collect();
        if resp.content_length().is_some_and(|l| l > x.max_body) {
            return Ok(Answer { status, url, headers, body: Vec::new(), cut: true });
        }
        let mut body = Vec::new();
        resp.take(x.max_body.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| read_error(&e))?;
        let cut = body.len() as u64 > x.max_body;
        body.truncate(usize::try_from(x.max_body).unwrap_or(usize::MAX));
        Ok(Answer { status, url, headers, body, cut })
    }
}

/// Runs `f` where `reqwest::blocking` may run: here, or on a thread of its own
/// when this thread is inside a Tokio runtime.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if tokio::runtime::Handle::try_current().is_err() {
        return f();
    }
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

/// rustls is built without a default crypto provider (as the updater's is):
/// ring, installed once for the process.
fn install_crypto() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may win the race; either way one provider is set.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

fn classify(e: &reqwest::Error) -> NetError {
    if e.is_timeout() {
        return NetError::Timeout;
    }
    let detail = causes(e);
    if e.is_connect() {
        NetError::Connect { detail }
    } else if e.is_builder() {
        NetError::BadAddress { detail }
    } else {
        NetError::Broken { detail }
    }
}

fn read_error(e: &std::io::Error) -> NetError {
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<reqwest::Error>());
    if e.kind() == std::io::ErrorKind::TimedOut || inner.is_some_and(reqwest::Error::is_timeout) {
        NetError::Timeout
    } else {
        NetError::Broken { detail: inner.map_or_else(|| e.to_string(), causes) }
    }
}

/// The error's causes, innermost last, without reqwest's "error sending
/// request for url (…)" wrapper: "tcp connect error: Connection refused".
fn causes(e: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    if parts.is_empty() {
        parts.push(without_url(e));
    }
    parts.join(": ")
}

/// reqwest's own words for `e`, without the address (which may carry a query).
fn without_url(e: &reqwest::Error) -> String {
    let text = e.to_string();
    match e.url() {
        Some(url) => text.replace(&format!(" ({url})"), ""),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpListener;

    fn client(overall: Duration) -> Client {
        Client::new(&Options {
            connect: Duration::from_secs(2),
            overall,
            redirects: Redirects::None,
            user_agent: "oin-core-test",
        })
    }

    /// A server that answers each connection with `reply` after `delay`.
    fn server(reply: &'static str, delay: Duration) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8) {
                let Ok(mut stream) = stream else { continue };
                std::thread::spawn(move || {
                    let mut buf = [0u8; 4096];
                    let _ = std::io::Read::read(&mut stream, &mut buf);
                    std::thread::sleep(delay);
                    let _ = stream.write_all(reply.as_bytes());
                });
            }
        });
        base
    }

    #[test]
    fn an_answer_of_any_status_is_an_answer_and_the_body_is_capped() {
        let base = server(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\nX-Thing: a\r\n\r\n0123456789",
            Duration::ZERO,
        );
        let url = format!("{base}/x");
        let a = client(Duration::from_secs(5))
            .send(Exchange { max_body: 4, ..Exchange::get(&url) })
            .unwrap();
        assert_eq!((a.status, a.header("x-thing"), a.cut), (404, Some("a"), true));
        let a = client(Duration::from_secs(5))
            .send(Exchange { max_body: 100, ..Exchange::get(&url) })
            .unwrap();
        assert_eq!((a.body.as_slice(), a.cut), (b"0123456789".as_slice(), false));
    }

    #[test]
    fn a_timeout_is_typed_and_a_refused_connection_was_never_sent() {
        let base = server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", Duration::from_secs(3));
        let e = client(Duration::from_millis(300)).send(Exchange::get(&base)).unwrap_err();
        assert_eq!(e, NetError::Timeout);
        assert!(!e.never_sent());

        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let closed = format!("http://127.0.0.1:{port}/");
        let e = client(Duration::from_secs(2)).send(Exchange::get(&closed)).unwrap_err();
        assert!(
            matches!(&e, NetError::Connect { detail } if detail.to_lowercase().contains("refused")),
            "{e:?}"
        );
        assert!(e.never_sent());

        // rustls is set up (ring): a server that doesn't speak TLS is a failed
        // connection, not a panic.
        let plain = server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", Duration::ZERO);
        let tls = plain.replace("http://", "https://");
        let e = client(Duration::from_secs(2)).send(Exchange::get(&tls)).unwrap_err();
        assert!(e.never_sent(), "{e:?}");

        let e = client(Duration::from_secs(2)).send(Exchange::get("not a url")).unwrap_err();
        assert!(matches!(e, NetError::BadAddress { .. }), "{e:?}");
    }

    /// Tauri runs async commands on Tokio workers; reqwest::blocking would
    /// panic there (in debug builds) without the move to a thread of its own.
    #[test]
    fn it_works_from_inside_a_tokio_runtime() {
        let base = server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", Duration::ZERO);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let got = rt.block_on(async {
            let c = client(Duration::from_secs(5));
            let a = c.send(Exchange { max_body: 10, ..Exchange::get(&base) }).unwrap();
            drop(c);
            a
        });
        assert_eq!((got.status, got.body.as_slice()), (200, b"ok".as_slice()));
    }
}
