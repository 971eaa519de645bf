//! A local server that speaks Okta's published schema for exactly what OIN
//! Studio calls: discovery, device authorization (approved by the test),
//! authorize (Authorization Code + PKCE, approved at once), token (device code,
//! authorization code, refresh, client credentials), revoke, the "Your OIN
//! Integrations" submissions API, the API Service Integrations list and the
//! read endpoints the probe calls. Every request body is validated against the
//! schemas in `okta-oin-subset.yaml`; a mismatch is recorded and fails the test
//! (`assert_clean`, and on drop). Faults can be injected per route.

mod oauth;
mod routes;
pub mod schema;
pub mod wire;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;

/// The native sign-in app registered in the fake org.
pub const CLIENT_ID: &str = "0oa-oin-studio-test";
/// An API service integration instance: id, secret.
pub const SERVICE_CLIENT: (&str, &str) = ("0oa-service-test", "service-secret-test");
/// An SSWS API token the fake org accepts.
pub const API_TOKEN: &str = "00-ssws-token-for-tests";

/// What a fault does to the next matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Waits this long, then answers normally.
    Latency(Duration),
    /// 429 with `X-Rate-Limit-Reset` this many seconds ahead; not handled.
    RateLimit { reset_in_s: u64 },
    /// 500, not handled.
    ServerError,
    /// Closes the connection before handling the request.
    ResetBefore,
    /// Handles the request, then closes the connection without answering: the
    /// answer is lost on the way back.
    ResetAfter,
    /// Handles the request and answers with a body that isn't JSON.
    Malformed,
    /// Every access token issued so far expires now; then handles it.
    ExpireTokens,
    /// 400 with Okta's validation error, as if its schema had changed.
    Refuse,
}

struct Armed {
    method: &'static str,
    path_contains: String,
    fault: Fault,
    left: u32,
}

/// How the device authorization goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceMode {
    /// Approved after this many polls answered `authorization_pending` (the
    /// first of them `slow_down` when `slow_down` is set).
    Approve {
        pending_polls: u32,
        slow_down: bool,
    },
    Deny,
    /// The code expires at the first poll.
    Expire,
}

#[derive(Debug, Clone)]
pub struct Submission {
    pub body: Value,
    pub capabilities: Option<Value>,
    pub api_service: Option<Value>,
    pub testing: Option<Value>,
    pub submits: u32,
}

#[derive(Debug, Clone)]
struct Token {
    scopes: Vec<String>,
    client: String,
    expired: bool,
}

/// Everything the fake org knows. Public fields are for tests to look at.
pub struct State {
    base: String,
    pub submissions: BTreeMap<String, Submission>,
    pub logos: Vec<(String, Vec<u8>)>,
    pub violations: Vec<String>,
    /// `METHOD /path` of every request, in order (no query, no body).
    pub log: Vec<String>,
    pub revoked: Vec<String>,
    pub device_mode: DeviceMode,
    pub device_interval_s: u64,
    pub device_expires_s: u64,
    pub access_token_lifetime_s: u64,
    /// Scopes granted to the service client; admin roles it has, by resource.
    pub service_scopes: Vec<String>,
    pub service_roles: Vec<String>,
    /// Submissions listed per page.
    pub page_size: usize,
    devices: HashMap<String, (u32, bool)>,
    codes: HashMap<String, (String, String, String)>,
    tokens: HashMap<String, Token>,
    refresh: HashMap<String, Vec<String>>,
    faults: VecDeque<Armed>,
    counter: u64,
}

impl State {
    fn next(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}{:04}", self.counter)
    }
}

/// The running server. Stops on drop.
pub struct OktaServer {
    state: Arc<Mutex<State>>,
    port: u16,
    running: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
}

impl OktaServer {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("port").port();
        let state = State {
            base: format!("http://127.0.0.1:{port}"),
            submissions: BTreeMap::new(),
            logos: vec![],
            violations: vec![],
            log: vec![],
            revoked: vec![],
            device_mode: DeviceMode::Approve { pending_polls: 1, slow_down: false },
            device_interval_s: 1,
            device_expires_s: 600,
            access_token_lifetime_s: 3600,
            service_scopes: vec!["okta.users.read".into(), "okta.groups.read".into()],
            service_roles: vec!["users".into()],
            page_size: 100,
            devices: HashMap::new(),
            codes: HashMap::new(),
            tokens: HashMap::new(),
            refresh: HashMap::new(),
            faults: VecDeque::new(),
            counter: 0,
        };
        let mut server = Self { state: Arc::new(Mutex::new(state)), port, running: None };
        server.serve(listener);
        server
    }

    fn serve(&mut self, listener: TcpListener) {
        let stop = Arc::new(AtomicBool::new(false));
        let (state, flag) = (self.state.clone(), stop.clone());
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let state = state.clone();
                std::thread::spawn(move || handle(&state, stream));
            }
        });
        self.running = Some((stop, handle));
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Arms `fault` for the next `times` requests whose method is `method` and
    /// whose path contains `path_contains` (ends with it, when it ends in `$`).
    pub fn fault(&self, method: &'static str, path_contains: &str, fault: Fault, times: u32) {
        self.state().faults.push_back(Armed {
            method,
            path_contains: path_contains.into(),
            fault,
            left: times,
        });
    }

    /// Okta moves a submission on (as its reviewers would).
    pub fn set_status(&self, id: &str, status: &str) {
        let mut s = self.state();
        let sub = s.submissions.get_mut(id).expect("a submission with this id");
        sub.body["status"] = status.into();
    }

    /// Stops answering (the network is down) until `resume`.
    pub fn pause(&mut self) {
        if let Some((stop, handle)) = self.running.take() {
            stop.store(true, Ordering::SeqCst);
            let _ = TcpStream::connect(("127.0.0.1", self.port));
            let _ = handle.join();
        }
    }

    pub fn resume(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("rebind the same port");
        self.serve(listener);
    }

    /// Fails the test if any request broke Okta's schema.
    pub fn assert_clean(&self) {
        let v = self.state().violations.clone();
        assert!(v.is_empty(), "requests that break Okta's schema:\n{}", v.join("\n"));
    }

    /// How many requests matched `METHOD /path-prefix`.
    pub fn count(&self, method_path_prefix: &str) -> usize {
        self.state().log.iter().filter(|l| l.starts_with(method_path_prefix)).count()
    }
}

impl Drop for OktaServer {
    fn drop(&mut self) {
        self.pause();
        if !std::thread::panicking() {
            self.assert_clean();
        }
    }
}

fn handle(state: &Arc<Mutex<State>>, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(Some(req)) = wire::read_request(&stream) else { return };
    let fault = {
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        s.log.push(format!("{} {}", req.method, req.path));
        let hit = s
            .faults
            .iter_mut()
            .find(|a| a.left > 0 && a.method == req.method && matches(&req.path, &a.path_contains));
        hit.map(|a| {
            a.left -= 1;
            a.fault
        })
    };
    let drop_conn = |s: &TcpStream| {
        let _ = s.shutdown(Shutdown::Both);
    };
    let resp = match fault {
        Some(Fault::Latency(d)) => {
            std::thread::sleep(d);
            routes::route(state, &req)
        }
        Some(Fault::RateLimit { reset_in_s }) => {
            let reset = now_s() + reset_in_s;
            routes::okta_error(
                429,
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
            )
            .with_header("X-Rate-Limit-Limit", "100")
            .with_header("X-Rate-Limit-Remaining", "0")
            .with_header("X-Rate-Limit-Reset", reset.to_string())
        }
        Some(Fault::ServerError) => routes::okta_error(500, "E0000009", "Internal Server Error"),
        Some(Fault::ResetBefore) => return drop_conn(&stream),
        Some(Fault::ResetAfter) => {
            routes::route(state, &req);
            return drop_conn(&stream);
        }
        Some(Fault::Malformed) => {
            let mut r = routes::route(state, &req);
            r.body = b"{\"id\": \"truncat".to_vec();
            r
        }
        Some(Fault::ExpireTokens) => {
            for t in state.lock().unwrap_or_else(|e| e.into_inner()).tokens.values_mut() {
                t.expired = true;
            }
            routes::route(state, &req)
        }
        Some(Fault::Refuse) => routes::okta_error_causes(
            400,
            "E0000001",
            "Api validation failed: testInfo",
            &["testAccount: a field this server's schema now requires is missing".into()],
        ),
        None => routes::route(state, &req),
    };
    let _ = wire::write_response(&stream, &resp);
}

/// `pattern` is found in `path`; with a trailing `$`, `path` ends with it.
fn matches(path: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('$') {
        Some(end) => path.ends_with(end),
        None => path.contains(pattern),
    }
}

fn now_s() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
