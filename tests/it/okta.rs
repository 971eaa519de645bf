//! The Okta connection against the local Okta-compatible server: sign-in by
//! device code, by browser (PKCE) and by API token; submit with every request
//! checked against Okta's schema; status moving; import; the probe; and every
//! fault — latency, 429, 500, a connection reset mid-submit, malformed JSON,
//! expired tokens, the network gone — with one submission in the end, never two.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use oin_core::connection::{Connection, SubmitOutcome};
use oin_core::library::{Library, LibraryError};
use oin_core::lifecycle::SubmissionStatus;
use oin_core::okta::probe::{self, ScopeVerdict};
use oin_core::okta::{Http, Okta, OktaError, OrgUrl};
use oin_core::okta::{Session, SignIn};
use oin_core::secrets::{account, KeychainStore, MemorySecretStore, SecretStore, Sensitive};
use oin_core::store::Store;
use oin_tests::okta_server::{
    DeviceMode, Fault, OktaServer, Submission, API_TOKEN, CLIENT_ID, SERVICE_CLIENT,
};

const PASSWORD: &str = "pw-canary-7Hq2!";

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts").join(name)
}

/// A fast client: short backoff, so fault tests don't wait long.
fn http() -> Http {
    let mut h = Http::new(Duration::from_secs(2), Duration::from_secs(5));
    h.policy.base_delay = Duration::from_millis(50);
    h
}

fn connection() -> Connection {
    Connection::new(http(), true)
}

struct Fixture {
    _dir: tempfile::TempDir,
    lib: Mutex<Library>,
    secrets: Arc<dyn SecretStore>,
}

impl Fixture {
    fn new() -> Self {
        Self::with_secrets(Arc::new(MemorySecretStore::default()))
    }

    fn with_secrets(secrets: Arc<dyn SecretStore>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
        let lib = Library::new(store, secrets.clone(), None);
        Self { _dir: dir, lib: Mutex::new(lib), secrets }
    }

    /// A complete API service draft (clean precheck) named `name`.
    fn draft(&self, name: &str) -> String {
        let mut lib = self.lib.lock().unwrap();
        let id = lib.import(&fixture("complete-api.oin.json"), now()).unwrap().id;
        let mut d = lib.draft(&id).unwrap();
        d.app_info.app_name = Some(name.into());
        lib.save(&id, &d, now()).unwrap();
        lib.set_password(&id, Sensitive::new(PASSWORD.into()), now()).unwrap();
        id
    }

    fn status(&self, id: &str) -> SubmissionStatus {
        let lib = self.lib.lock().unwrap();
        let s = lib.list(oin_core::rules::CalendarDate::from_unix_millis(now())).unwrap();
        s.into_iter().find(|d| d.id == id).unwrap().status
    }

    /// Signs in to the server with its API token and keeps it.
    fn sign_in_with_token(&self, server: &OktaServer) -> OrgUrl {
        let org = OrgUrl::parse(&server.url(), true).unwrap();
        let session =
            Session::api_token(&http(), org.clone(), Sensitive::new(API_TOKEN.into())).unwrap();
        session.keep(self.secrets.as_ref()).unwrap();
        org
    }
}

fn submit(
    f: &Fixture,
    c: &Connection,
    id: &str,
    org: &OrgUrl,
) -> Result<SubmitOutcome, LibraryError> {
    c.submit(&f.lib, id, org, None, &now, &mut |_, _, _| {})
}

fn device_sign_in(server: &OktaServer, secrets: &dyn SecretStore) -> (OrgUrl, Option<String>) {
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    let sign_in = SignIn::new(http(), org.clone(), CLIENT_ID).unwrap();
    let start = sign_in.start_device().unwrap();
    assert_eq!(start.user_code, "WDJB-MJHT");
    assert!(start.verification_uri.ends_with("/activate"));
    let session = sign_in.finish_device(&start, &Default::default()).unwrap();
    session.keep(secrets).unwrap();
    (org, session.account(now()).user)
}

#[test]
fn device_code_sign_in_keeps_tokens_in_the_keychain_and_sign_out_revokes_them() {
    let server = OktaServer::start();
    server.state().device_mode = DeviceMode::Approve { pending_polls: 2, slow_down: false };
    let keychain = KeychainStore::new(&format!("dev.oinstudio.tests.{}", std::process::id()));
    let (org, user) = device_sign_in(&server, &keychain);
    assert_eq!(user.as_deref(), Some("Pat Lee (pat@acme.example)"));
    assert_eq!(server.count("POST /oauth2/v1/token"), 3, "two pending polls, then the tokens");
    let kept =
        keychain.get(&account::okta_session(&org.host())).unwrap().expect("kept in the keychain");
    assert!(kept.expose().contains("refreshToken"));

    let secrets: Arc<dyn SecretStore> = Arc::new(keychain);
    let okta = Okta::connect(http(), org.clone(), secrets.clone()).unwrap();
    assert!(oin_core::okta::remote::list(&okta).unwrap().is_empty());
    okta.sign_out().unwrap();
    assert_eq!(server.state().revoked.len(), 2, "access and refresh token revoked");
    assert!(secrets.get(&account::okta_session(&org.host())).unwrap().is_none());
    assert!(matches!(Okta::connect(http(), org, secrets), Err(OktaError::NotSignedIn { .. })));
}

#[test]
fn device_code_slow_down_is_honoured() {
    let server = OktaServer::start();
    server.state().device_mode = DeviceMode::Approve { pending_polls: 0, slow_down: true };
    let started = Instant::now();
    device_sign_in(&server, &MemorySecretStore::default());
    // RFC 8628 §3.5: slow_down adds 5 s to the interval (1 s here).
    assert!(started.elapsed() >= Duration::from_secs(6), "{:?}", started.elapsed());
}

#[test]
fn device_code_refusals_are_said_plainly() {
    let server = OktaServer::start();
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    for (mode, words) in [
        (DeviceMode::Deny, "declined in the browser"),
        (DeviceMode::Expire, "expired before it was approved"),
    ] {
        server.state().device_mode = mode;
        let sign_in = SignIn::new(http(), org.clone(), CLIENT_ID).unwrap();
        let start = sign_in.start_device().unwrap();
        let e = sign_in.finish_device(&start, &Default::default()).err().unwrap();
        assert!(e.to_string().contains(words), "{e}");
    }
    let wrong =
        SignIn::new(http(), org.clone(), "0oa-unknown").unwrap().start_device().err().unwrap();
    assert!(wrong.to_string().contains("client ID"), "{wrong}");
    let cancel = std::sync::atomic::AtomicBool::new(true);
    server.state().device_mode = DeviceMode::Approve { pending_polls: 100, slow_down: false };
    let sign_in = SignIn::new(http(), org, CLIENT_ID).unwrap();
    let start = sign_in.start_device().unwrap();
    assert!(matches!(sign_in.finish_device(&start, &cancel), Err(OktaError::Cancelled)));
}

#[test]
fn browser_sign_in_uses_pkce_and_comes_back_on_a_loopback_port() {
    let server = OktaServer::start();
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    let sign_in = SignIn::new(http(), org, CLIENT_ID).unwrap();
    // The "browser": follows Okta's redirect back to the app's loopback port.
    let open = |url: &str| -> Result<(), String> {
        let url = url.to_owned();
        std::thread::spawn(move || {
            let back = oin_tests::http::get(&url).location.unwrap();
            assert!(back.starts_with("http://127.0.0.1:4781"), "{back}");
            let page = oin_tests::http::get(&back).text;
            assert!(page.contains("You're signed in"));
        });
        Ok(())
    };
    let session = sign_in.browser(&open, &Default::default(), Duration::from_secs(20)).unwrap();
    assert_eq!(session.account(0).user.as_deref(), Some("Pat Lee (pat@acme.example)"));
    assert_eq!(server.count("GET /oauth2/v1/authorize"), 1);
}

#[test]
fn an_api_token_is_checked_and_a_wrong_one_refused() {
    let server = OktaServer::start();
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    assert!(Session::api_token(&http(), org.clone(), Sensitive::new(API_TOKEN.into())).is_ok());
    let e = Session::api_token(&http(), org, Sensitive::new("00-wrong".into())).err().unwrap();
    assert!(e.needs_sign_in() && e.to_string().contains("Sign in again"), "{e}");
    assert!(OrgUrl::parse(&server.url(), false).is_err(), "production takes https only");
}

#[test]
fn submit_sends_what_okta_documents_and_the_status_follows_okta() {
    let server = OktaServer::start();
    let f = Fixture::new();
    let id = f.draft("Acme Log Shipper");
    let org = f.sign_in_with_token(&server);
    let c = connection();
    let preview = c.preview(&f.lib, &id, &org, now()).unwrap();
    let shown = serde_json::to_string(&preview).unwrap();
    assert!(!shown.contains(PASSWORD) && shown.contains("••••"), "the password is masked");
    let mut steps = vec![];
    let outcome = c
        .submit(&f.lib, &id, &org, None, &now, &mut |i, n, label| {
            steps.push(format!("{i}/{n} {label}"))
        })
        .unwrap();
    let SubmitOutcome::Submitted(oin_core::okta::submit::Submitted { remote_id, .. }) = outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(steps.len(), 6, "{steps:?}");
    {
        let s = server.state();
        let sub = &s.submissions[&remote_id];
        assert_eq!(sub.submits, 1);
        assert_eq!(sub.body["name"], "Acme Log Shipper");
        assert_eq!(sub.testing.as_ref().unwrap()["testAccount"]["password"], PASSWORD);
        assert_eq!(
            sub.api_service.as_ref().unwrap()["authenticationMethod"],
            "client_secret_basic"
        );
        assert_eq!(s.logos.len(), 1);
    }
    assert_eq!(f.status(&id), SubmissionStatus::ToBeReviewed);
    // Okta's reviewers move it on; the app learns it on the next fetch.
    server.set_status(&remote_id, "Published");
    let changes = c.refresh_statuses(&f.lib, None, &now).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].to, "Published");
    assert_eq!(f.status(&id), SubmissionStatus::Published);
    assert!(c.refresh_statuses(&f.lib, None, &now).unwrap().is_empty(), "no change, no notice");
    server.assert_clean();
}

#[test]
fn a_double_click_and_lost_answers_still_make_one_submission() {
    let server = OktaServer::start();
    let f = Fixture::new();
    let org = f.sign_in_with_token(&server);
    let c = connection();
    // Two clicks at once: one submit runs, the other is told so.
    let id = f.draft("Double Click");
    server.fault("POST", "/submissions/logo", Fault::Latency(Duration::from_millis(300)), 1);
    let (a, b) = std::thread::scope(|s| {
        let one = s.spawn(|| submit(&f, &c, &id, &org));
        std::thread::sleep(Duration::from_millis(50));
        let two = s.spawn(|| submit(&f, &c, &id, &org));
        (one.join().unwrap(), two.join().unwrap())
    });
    assert!(matches!(a, Ok(SubmitOutcome::Submitted(_))), "{a:?}");
    assert!(b.unwrap_err().to_string().contains("being submitted already"));
    // Clicked again once it went through: refused, nothing sent.
    let again = submit(&f, &c, &id, &org).unwrap_err();
    assert!(again.to_string().contains("can't be sent again"), "{again}");

    // The create's answer is lost on the way back: found again by name.
    let id2 = f.draft("Lost Answer");
    server.fault("POST", "/integrations/api/v1/submissions$", Fault::ResetAfter, 1);
    // And the submit's answer too: the status says it arrived.
    server.fault("POST", "/submit$", Fault::ResetAfter, 1);
    let out = submit(&f, &c, &id2, &org).unwrap();
    assert!(matches!(out, SubmitOutcome::Submitted(_)), "{out:?}");
    let s = server.state();
    assert_eq!(s.submissions.len(), 2, "two drafts, two submissions: {:?}", s.submissions.keys());
    assert!(s.submissions.values().all(|x| x.submits == 1));
}

#[test]
fn rate_limits_server_errors_and_latency_are_ridden_out() {
    let server = OktaServer::start();
    let f = Fixture::new();
    let org = f.sign_in_with_token(&server);
    let id = f.draft("Patient App");
    server.fault("PUT", "/testing", Fault::RateLimit { reset_in_s: 2 }, 1);
    server.fault("PUT", "/capabilities$", Fault::ServerError, 2);
    server.fault("GET", "/submissions", Fault::Latency(Duration::from_millis(400)), 1);
    let started = Instant::now();
    let out = submit(&f, &connection(), &id, &org).unwrap();
    assert!(matches!(out, SubmitOutcome::Submitted(_)), "{out:?}");
    assert!(started.elapsed() >= Duration::from_secs(1), "waited for X-Rate-Limit-Reset");
    let tries = server
        .state()
        .log
        .iter()
        .filter(|l| l.starts_with("PUT") && l.ends_with("/capabilities"))
        .count();
    assert_eq!(tries, 3, "two 500s, then it went through");
    // A limit that lasts longer than the client waits is said in words and queued.
    let id2 = f.draft("Impatient App");
    server.fault("POST", "/submissions/logo", Fault::RateLimit { reset_in_s: 600 }, 3);
    match submit(&f, &connection(), &id2, &org).unwrap() {
        SubmitOutcome::Queued { reason } => {
            assert!(reason.contains("limiting requests"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_answers_and_a_lost_network_queue_the_submit_until_it_can_go() {
    let mut server = OktaServer::start();
    let f = Fixture::new();
    let org = f.sign_in_with_token(&server);
    let c = connection();
    let id = f.draft("Garbled");
    server.fault("POST", "/integrations/api/v1/submissions$", Fault::Malformed, 1);
    let out = submit(&f, &c, &id, &org).unwrap();
    assert!(
        matches!(&out, SubmitOutcome::Queued { reason } if reason.contains("couldn't read")),
        "{out:?}"
    );
    assert_eq!(f.lib.lock().unwrap().outbox().unwrap().len(), 1);

    server.pause();
    let id2 = f.draft("Offline");
    match submit(&f, &c, &id2, &org).unwrap() {
        SubmitOutcome::Queued { reason } => assert!(reason.contains("Can't reach"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(c.drain_outbox(&f.lib, &now).is_empty(), "still offline");
    let queued = f.lib.lock().unwrap().outbox().unwrap();
    assert_eq!(queued.len(), 2);
    assert!(queued.iter().all(|q| q.attempts >= 2), "{queued:?}");

    server.resume();
    let mut sent = c.drain_outbox(&f.lib, &now);
    sent.sort();
    let mut want = vec![id.clone(), id2.clone()];
    want.sort();
    assert_eq!(sent, want);
    assert!(f.lib.lock().unwrap().outbox().unwrap().is_empty());
    let s = server.state();
    assert_eq!(s.submissions.len(), 2, "the garbled create was found again, not repeated");
    assert!(s.submissions.values().all(|x| x.submits == 1));
}

#[test]
fn expired_tokens_are_refreshed_and_a_dead_sign_in_asks_for_a_new_one() {
    let server = OktaServer::start();
    let secrets = MemorySecretStore::default();
    let (org, _) = device_sign_in(&server, &secrets);
    let secrets: Arc<dyn SecretStore> = Arc::new(secrets);
    let okta = Okta::connect(http(), org.clone(), secrets.clone()).unwrap();
    server.fault("GET", "/submissions", Fault::ExpireTokens, 1);
    assert!(oin_core::okta::remote::list(&okta).is_ok(), "401, refreshed, retried");
    assert_eq!(server.count("POST /oauth2/v1/token"), 3, "device poll ×2, then one refresh");
    // Tokens about to expire are refreshed before use.
    server.state().access_token_lifetime_s = 30;
    okta.refresh().unwrap();
    oin_core::okta::remote::list(&okta).unwrap();
    assert_eq!(server.count("POST /oauth2/v1/token"), 5);
    // The refresh token revoked elsewhere: the user is asked to sign in again.
    okta.sign_out().unwrap();
    let stale = Okta::with_api_token(http(), org, Sensitive::new("00-revoked".into()));
    let e = oin_core::okta::remote::list(&stale).unwrap_err();
    assert!(e.needs_sign_in(), "{e}");
}

#[test]
fn the_probe_says_which_scopes_work_and_why_not() {
    let server = OktaServer::start();
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    let scopes: Vec<String> =
        ["okta.users.read", "okta.groups.read", "okta.logs.read"].map(String::from).to_vec();
    let secret = Sensitive::new(SERVICE_CLIENT.1.to_owned());
    let report = probe::run(&http(), &org, SERVICE_CLIENT.0, &secret, &scopes);
    assert!(report.token_error.is_none(), "{report:?}");
    let verdict = |s: &str| report.scopes.iter().find(|r| r.scope == s).unwrap().verdict.clone();
    assert_eq!(verdict("okta.users.read"), ScopeVerdict::Works);
    assert!(
        matches!(verdict("okta.groups.read"), ScopeVerdict::Fails { reason } if reason.contains("admin role"))
    );
    assert_eq!(verdict("okta.logs.read"), ScopeVerdict::NotGranted);
    assert!(!report.all_work());

    let wrong =
        probe::run(&http(), &org, SERVICE_CLIENT.0, &Sensitive::new("nope".into()), &scopes);
    assert!(wrong.token_error.unwrap().contains("client secret"));
}

#[test]
fn importing_an_org_brings_each_submission_in_once() {
    let server = OktaServer::start();
    {
        let mut s = server.state();
        s.page_size = 2;
        for (i, status) in ["New", "OIN to review", "Published"].into_iter().enumerate() {
            let body = serde_json::json!({
                "id": format!("acme_app{i}_1"), "name": format!("Acme App {i}"),
                "description": "From the org.", "logo": format!("{}/bc/image/x", server.url()),
                "status": status,
                "appContactDetails": [{"contactType": "ESCALATION_SUPPORT", "contactValueType": "EMAIL", "contact": "esc@acme.example"}],
            });
            s.submissions.insert(format!("acme_app{i}_1"), Submission {
                body, capabilities: None, testing: None, submits: 0,
                api_service: Some(serde_json::json!({"scopes": ["okta.users.read"], "setupInstructionsUri": "https://acme.example/guide"})),
            });
        }
    }
    let f = Fixture::new();
    let org = f.sign_in_with_token(&server);
    let c = connection();
    let before = server.count("GET /integrations/api/v1/submissions");
    let first = c.import(&f.lib, &org, &now).unwrap();
    assert_eq!(first.added.len(), 3, "{first:?}");
    let calls = server.count("GET /integrations/api/v1/submissions") - before;
    assert_eq!(calls, 2 + 3, "two pages, three configs");
    let published = first.added.iter().find(|d| d.name == "Acme App 2").unwrap();
    assert_eq!(published.status, SubmissionStatus::Published);
    let draft = f.lib.lock().unwrap().draft(&published.id).unwrap();
    assert_eq!(draft.api_service.scopes, ["okta.users.read"]);
    assert_eq!(draft.support.escalation_contact.as_deref(), Some("esc@acme.example"));
    let again = c.import(&f.lib, &org, &now).unwrap();
    assert_eq!((again.added.len(), again.known), (0, 3));
}

#[test]
fn no_token_secret_or_password_reaches_the_log() {
    let server = OktaServer::start();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = lines.clone();
    let logged =
        http().with_logger(Arc::new(move |l: &str| sink.lock().unwrap().push(l.to_owned())));
    let f = Fixture::new();
    let (org, _) = device_sign_in(&server, f.secrets.as_ref());
    let c = Connection::new(logged.clone(), true);
    let id = f.draft("Quiet App");
    assert!(matches!(submit(&f, &c, &id, &org).unwrap(), SubmitOutcome::Submitted(_)));
    let _ = probe::run(
        &logged,
        &org,
        SERVICE_CLIENT.0,
        &Sensitive::new(SERVICE_CLIENT.1.into()),
        &["okta.users.read".into()],
    );
    let text = lines.lock().unwrap().join("\n");
    assert!(text.contains("okta POST 127.0.0.1/integrations/api/v1/submissions -> 201"), "{text}");
    for secret in [PASSWORD, SERVICE_CLIENT.1, "access-", "refresh-", "device-0", API_TOKEN] {
        assert!(!text.contains(secret), "{secret} in the log:\n{text}");
    }
}

#[test]
fn a_queued_submit_okta_would_refuse_leaves_the_outbox_and_says_why() {
    let mut server = OktaServer::start();
    let f = Fixture::new();
    let org = f.sign_in_with_token(&server);
    let c = connection();
    let id = f.draft("Changed Its Mind");
    server.pause();
    assert!(matches!(submit(&f, &c, &id, &org).unwrap(), SubmitOutcome::Queued { .. }));
    // Meanwhile the user submitted it in the web form and said so here.
    f.lib.lock().unwrap().set_status(&id, SubmissionStatus::ToBeReviewed, now()).unwrap();
    server.resume();
    let report = c.poll(&f.lib, &now);
    assert!(report.sent.is_empty(), "{report:?}");
    assert_eq!(report.refused.len(), 1, "{report:?}");
    assert!(
        report.refused[0].contains("“Changed Its Mind”")
            && report.refused[0].contains("can't be sent again")
    );
    assert!(f.lib.lock().unwrap().outbox().unwrap().is_empty(), "not retried forever");
    assert!(server.state().submissions.is_empty());
}
