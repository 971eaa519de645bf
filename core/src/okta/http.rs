//! One blocking HTTP client for every Okta call: rustls, a connect timeout and
//! an overall timeout, no redirects (OAuth endpoints must not be followed
//! blindly), retries with backoff where they are safe (idempotent methods, 5xx,
//! a connection that never opened), and 429 answered by waiting until
//! `X-Rate-Limit-Reset`. It logs one line per request — method, host, path,
//! status, time — never a header, a query or a body.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::OktaError;

/// How long to wait and how often to try.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub attempts: u32,
    pub base_delay: Duration,
    /// The longest wait for a rate limit before giving up with `RateLimited`.
    pub max_rate_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            attempts: 3,
            base_delay: Duration::from_millis(400),
            max_rate_wait: Duration::from_secs(30),
        }
    }
}

/// What a request carries.
#[derive(Clone)]
pub enum Body {
    Empty,
    Json(Value),
    Form(Vec<(String, String)>),
    /// One file in a `multipart/form-data` body, under `field`.
    File {
        field: String,
        file_name: String,
        content_type: String,
        bytes: Vec<u8>,
    },
    Raw {
        content_type: String,
        bytes: Vec<u8>,
    },
}

/// One request. `headers` may hold credentials: `Request` has no `Debug`.
#[derive(Clone)]
pub struct Request {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Request {
    pub fn new(method: &'static str, url: impl Into<String>) -> Self {
        Self { method, url: url.into(), headers: Vec::new(), body: Body::Empty }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn json(mut self, body: Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    pub fn form(mut self, fields: Vec<(String, String)>) -> Self {
        self.body = Body::Form(fields);
        self
    }

    fn idempotent(&self) -> bool {
        matches!(self.method, "GET" | "HEAD" | "PUT" | "DELETE" | "OPTIONS")
    }

    fn encode(&self) -> (Option<String>, Vec<u8>) {
        match &self.body {
            Body::Empty => (None, Vec::new()),
            Body::Json(v) => (Some("application/json".into()), v.to_string().into_bytes()),
            Body::Form(fields) => {
                let text = url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(fields)
                    .finish();
                (Some("application/x-www-form-urlencoded".into()), text.into_bytes())
            }
            Body::File { field, file_name, content_type, bytes } => {
                let boundary = format!("oin-studio-{:x}", sha_prefix(bytes));
                let mut out = format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; \
                     filename=\"{}\"\r\nContent-Type: {content_type}\r\n\r\n",
                    file_name.replace(['"', '\r', '\n'], "_")
                )
                .into_bytes();
                out.extend_from_slice(bytes);
                out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
                (Some(format!("multipart/form-data; boundary={boundary}")), out)
            }
            Body::Raw { content_type, bytes } => (Some(content_type.clone()), bytes.clone()),
        }
    }
}

fn sha_prefix(bytes: &[u8]) -> u64 {
    use sha2::Digest;
    let d = sha2::Sha256::digest(bytes);
    u64::from_be_bytes(d[..8].try_into().unwrap_or_default())
}

/// An answer, whatever its status.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as `T`, or `Malformed`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, OktaError> {
        serde_json::from_slice(&self.body).map_err(|e| OktaError::Malformed {
            status: self.status,
            detail: format!("the answer isn't the JSON expected ({e})"),
        })
    }

    /// This non-2xx answer as an error: Okta's `errorCode` shape or OAuth's
    /// `error` shape, whichever it is.
    pub fn error(&self) -> OktaError {
        let Ok(v) = serde_json::from_slice::<Value>(&self.body) else {
            return if self.status >= 500 {
                OktaError::Okta {
                    status: self.status,
                    code: String::new(),
                    summary: "no details given".into(),
                    causes: vec![],
                }
            } else {
                OktaError::Malformed {
                    status: self.status,
                    detail: "the error answer isn't JSON".into(),
                }
            };
        };
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        if let Some(error) = text("error") {
            return OktaError::OAuth { error, description: text("error_description") };
        }
        let causes = v
            .get("errorCauses")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.get("errorSummary").and_then(Value::as_str))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        OktaError::Okta {
            status: self.status,
            code: text("errorCode").unwrap_or_default(),
            summary: text("errorSummary").unwrap_or_else(|| format!("HTTP {}", self.status)),
            causes,
        }
    }
}

pub type Logger = Arc<dyn Fn(&str) + Send + Sync>;

/// The client. Cheap to clone.
#[derive(Clone)]
pub struct Http {
    client: crate::net::Client,
    pub policy: RetryPolicy,
    log: Option<Logger>,
}

/// Answers larger than this are refused (no Okta answer comes near it).
const MAX_BODY: u64 = 16 * 1024 * 1024;

impl Http {
    pub fn new(connect: Duration, overall: Duration) -> Self {
        let client = crate::net::Client::new(&crate::net::Options {
            connect,
            overall,
            redirects: crate::net::Redirects::None,
            user_agent: concat!("OIN-Studio/", env!("CARGO_PKG_VERSION")),
        });
        Self { client, policy: RetryPolicy::default(), log: None }
    }

    /// 10 s to connect, 60 s for the whole exchange (a logo upload included).
    pub fn standard() -> Self {
        Self::new(Duration::from_secs(10), Duration::from_secs(60))
    }

    pub fn with_logger(mut self, log: Logger) -> Self {
        self.log = Some(log);
        self
    }

    /// Sends `req`, retrying where that is safe. Any HTTP status comes back as
    /// a `Response`; only a 429 that outlasts the policy becomes an error.
    pub fn send(&self, req: &Request) -> Result<Response, OktaError> {
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let result = self.once(req);
            self.note(req, &result, started.elapsed());
            let last = attempt >= self.policy.attempts;
            match result {
                Ok(resp) if resp.status == 429 => {
                    let wait = rate_wait(&resp);
                    if last || wait > self.policy.max_rate_wait {
                        return Err(OktaError::RateLimited { wait_s: wait.as_secs().max(1) });
                    }
                    std::thread::sleep(wait);
                }
                Ok(resp) if resp.status >= 500 && req.idempotent() && !last => {
                    std::thread::sleep(self.backoff(attempt));
                }
                Ok(resp) => return Ok(resp),
                Err(e) => {
                    let retry = req.idempotent() || e.never_sent;
                    if !retry || last {
                        return Err(e.error);
                    }
                    std::thread::sleep(self.backoff(attempt));
                }
            }
            attempt += 1;
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        self.policy.base_delay * 2u32.saturating_pow(attempt - 1)
    }

    fn once(&self, req: &Request) -> Result<Response, Failure> {
        let (content_type, bytes) = req.encode();
        let mut headers = req.headers.clone();
        if let Some(ct) = content_type {
            headers.push(("Content-Type".into(), ct));
        }
        headers.push(("Accept".into(), "application/json".into()));
        let answer = self
            .client
            .send(crate::net::Exchange {
                method: req.method,
                url: &req.url,
                headers: &headers,
                body: (!matches!(req.body, Body::Empty)).then_some(bytes),
                timeout: None,
                max_body: MAX_BODY,
            })
            .map_err(|e| Failure { never_sent: e.never_sent(), error: net_error(&req.url, &e) })?;
        if answer.cut {
            return Err(Failure {
                never_sent: false,
                error: OktaError::Malformed {
                    status: answer.status,
                    detail: format!("the answer is larger than {} MB", MAX_BODY >> 20),
                },
            });
        }
        Ok(Response { status: answer.status, headers: answer.headers, body: answer.body })
    }

    fn note(&self, req: &Request, result: &Result<Response, Failure>, took: Duration) {
        let Some(log) = &self.log else { return };
        let (host, path) = match url::Url::parse(&req.url) {
            Ok(u) => (u.host_str().unwrap_or_default().to_owned(), u.path().to_owned()),
            Err(_) => (String::new(), String::new()),
        };
        let outcome = match result {
            Ok(r) => r.status.to_string(),
            Err(f) => format!("failed: {}", f.error),
        };
        log(&format!("okta {} {host}{path} -> {outcome} ({} ms)", req.method, took.as_millis()));
    }
}

struct Failure {
    /// The connection never opened: even a POST can be sent again.
    never_sent: bool,
    error: OktaError,
}

fn net_error(url: &str, e: &crate::net::NetError) -> OktaError {
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| url.to_owned());
    match e {
        crate::net::NetError::Timeout => OktaError::Timeout { host },
        other => OktaError::Unreachable { host, detail: other.to_string() },
    }
}

/// How long a 429 asks us to wait: until `X-Rate-Limit-Reset` (Unix seconds),
/// at least one second.
fn rate_wait(resp: &Response) -> Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let reset = resp.header("X-Rate-Limit-Reset").and_then(|v| v.trim().parse::<u64>().ok());
    Duration::from_secs(reset.map_or(1, |r| r.saturating_sub(now)).max(1))
}

/// oauth2's requests go through the same client (timeouts, retries, logging).
impl oauth2::SyncHttpClient for Http {
    type Error = OktaError;

    fn call(&self, request: oauth2::HttpRequest) -> Result<oauth2::HttpResponse, OktaError> {
        let method = match request.method().as_str() {
            "GET" => "GET",
            "PUT" => "PUT",
            "DELETE" => "DELETE",
            _ => "POST",
        };
        let mut req = Request::new(method, request.uri().to_string());
        let mut content_type = String::from("application/x-www-form-urlencoded");
        for (k, v) in request.headers() {
            let v = v.to_str().unwrap_or_default().to_owned();
            if k.as_str().eq_ignore_ascii_case("content-type") {
                content_type = v;
            } else if !k.as_str().eq_ignore_ascii_case("accept") {
                req.headers.push((k.as_str().to_owned(), v));
            }
        }
        if !request.body().is_empty() {
            req.body = Body::Raw { content_type, bytes: request.into_body() };
        }
        let resp = self.send(&req)?;
        let mut builder = oauth2::http::Response::builder().status(resp.status);
        for (k, v) in &resp.headers {
            builder = builder.header(k, v);
        }
        builder
            .body(resp.body)
            .map_err(|e| OktaError::Malformed { status: 0, detail: e.to_string() })
    }
}
