//! No half-made and no wrong submission, against the local Okta server that
//! validates every request with Okta's schema: a same-name submission of
//! another kind is never replaced; a body Okta's schema would refuse sends
//! nothing; a refusal mid-way keeps the submission and the next attempt
//! continues it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use oin_core::connection::{Connection, SubmitOutcome};
use oin_core::library::{Library, LibraryError};
use oin_core::okta::{Http, OktaError, OrgUrl, Session};
use oin_core::secrets::{account, MemorySecretStore, SecretStore, Sensitive};
use oin_core::store::Store;
use oin_core::submission::NotSubmittable;
use oin_tests::okta_server::{Fault, OktaServer, Submission, API_TOKEN};
use serde_json::json;

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn http() -> Http {
    let mut h = Http::new(Duration::from_secs(2), Duration::from_secs(5));
    h.policy.base_delay = Duration::from_millis(50);
    h
}

struct Fixture {
    _dir: tempfile::TempDir,
    lib: Mutex<Library>,
    secrets: Arc<dyn SecretStore>,
    server: OktaServer,
    org: OrgUrl,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecretStore::default());
        let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
        let lib = Library::new(store, secrets.clone(), None);
        let server = OktaServer::start();
        let org = OrgUrl::parse(&server.url(), true).unwrap();
        Session::api_token(&http(), org.clone(), Sensitive::new(API_TOKEN.into()))
            .unwrap()
            .keep(secrets.as_ref())
            .unwrap();
        Self { _dir: dir, lib: Mutex::new(lib), secrets, server, org }
    }

    /// The complete API service fixture, named "Acme Log Shipper".
    fn draft(&self) -> String {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/drafts/complete-api.oin.json");
        let mut lib = self.lib.lock().unwrap();
        let id = lib.import(&path, now()).unwrap().id;
        lib.set_password(&id, Sensitive::new("pw-canary".into()), now()).unwrap();
        id
    }

    fn submit(&self, id: &str) -> Result<SubmitOutcome, LibraryError> {
        Connection::new(http(), true).submit(
            &self.lib,
            id,
            &self.org,
            None,
            &now,
            &mut |_, _, _| {},
        )
    }

    /// A submission already in the org, as another tool left it.
    fn seed(&self, id: &str, name: &str, capability: serde_json::Value) {
        let body = json!({
            "id": id,
            "name": name,
            "description": "Already in the org.",
            "logo": format!("{}/bc/image/fileStoreRecord?id=fs-seed", self.server.url()),
            "status": "New",
            "lastUpdated": "2026-11-01T10:00:00.000Z",
        });
        self.server.state().submissions.insert(
            id.into(),
            Submission {
                body,
                capabilities: Some(json!({ "capabilities": [capability] })),
                api_service: None,
                testing: None,
                submits: 0,
            },
        );
    }

    fn writes(&self) -> Vec<String> {
        self.server.state().log.iter().filter(|l| !l.starts_with("GET")).cloned().collect()
    }
}

#[test]
fn a_same_name_saml_submission_is_never_replaced() {
    let f = Fixture::new();
    f.seed(
        "acme_saml_0001",
        "Acme Log Shipper",
        json!({"capability": "SSO", "supportedProtocols": ["SAML"]}),
    );
    let before = f.server.state().submissions["acme_saml_0001"].body.clone();
    let id = f.draft();
    let err = f.submit(&id).unwrap_err();
    let LibraryError::Okta(OktaError::Ambiguous { candidates, .. }) = &err else {
        panic!("a same-name SAML submission stops the submit: {err:?}")
    };
    assert_eq!(candidates.len(), 1);
    assert_eq!(
        (candidates[0].id.as_str(), candidates[0].kind.as_str()),
        ("acme_saml_0001", "SAML")
    );
    assert!(err.to_string().contains("won't replace"), "{err}");
    let chosen =
        Connection::new(http(), true).choose_submission(&f.lib, &id, &f.org, "acme_saml_0001");
    assert!(
        chosen.unwrap_err().to_string().contains("SAML submission"),
        "a SAML submission can't be chosen to be replaced"
    );
    assert_eq!(f.writes(), Vec::<String>::new(), "nothing was sent, not even the logo");
    assert_eq!(
        f.server.state().submissions["acme_saml_0001"].body,
        before,
        "the SAML one is untouched"
    );
    assert_eq!(f.server.state().submissions.len(), 1, "and no second one was made");
    f.server.assert_clean();
}

#[test]
fn two_api_service_submissions_of_one_name_ask_which() {
    let f = Fixture::new();
    let api = json!({"capability": "API_SERVICE", "supportedProtocols": ["OAUTH2"]});
    f.seed("acme_a_0001", "Acme Log Shipper", api.clone());
    f.seed("acme_b_0002", "Acme Log Shipper", api);
    let id = f.draft();
    match f.submit(&id) {
        Err(LibraryError::Okta(OktaError::Ambiguous { candidates, .. })) => {
            let ids: Vec<_> = candidates.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, ["acme_a_0001", "acme_b_0002"]);
        }
        other => panic!("two candidates stop the submit: {other:?}"),
    }
    assert!(f.writes().is_empty());
    // The user chooses one: the draft is linked to it, and the submit replaces exactly it.
    let c = Connection::new(http(), true);
    c.choose_submission(&f.lib, &id, &f.org, "acme_b_0002").unwrap();
    assert!(matches!(f.submit(&id).unwrap(), SubmitOutcome::Submitted(_)));
    let s = f.server.state();
    assert_eq!(s.submissions["acme_b_0002"].submits, 1);
    assert_eq!(s.submissions["acme_a_0001"].submits, 0, "the other one is untouched");
    assert_eq!(s.submissions.len(), 2);
}

#[test]
fn a_body_okta_s_schema_refuses_sends_nothing() {
    let f = Fixture::new();
    let id = f.draft();
    let signed_in = f.server.state().log.len(); // the sign-in's own check of the token
                                                // Through the precheck: the guide's address has a space and an ü.
    {
        let mut lib = f.lib.lock().unwrap();
        let mut d = lib.draft(&id).unwrap();
        d.api_service.config_guide_url = Some("https://acme.example/docs/okta für admins".into());
        lib.save(&id, &d, now()).unwrap();
    }
    match f.submit(&id) {
        Err(LibraryError::NotSubmittable(NotSubmittable::PrecheckFailed { issues })) => {
            assert!(issues
                .iter()
                .any(|i| i.path == "apiService.configGuideUrl" && i.rule == "okta.schema"));
            let fix = &issues.iter().find(|i| i.rule == "okta.schema").unwrap().fix;
            assert!(
                fix.contains("%20") && fix.contains("f%C3%BCr"),
                "the fix gives the encoded address: {fix}"
            );
        }
        other => panic!("the precheck stops it: {other:?}"),
    }
    assert_eq!(f.server.state().log.len(), signed_in, "the server saw no request at all");
    // Around the precheck: a 256-character password put in the keychain by
    // another tool is caught by the check of the real bodies before sending.
    {
        let mut lib = f.lib.lock().unwrap();
        let mut d = lib.draft(&id).unwrap();
        d.api_service.config_guide_url = Some("https://acme.example/docs/okta".into());
        lib.save(&id, &d, now()).unwrap();
    }
    f.secrets.set(&account::test_account(&id), &Sensitive::new("p".repeat(256))).unwrap();
    match f.submit(&id) {
        Err(LibraryError::Okta(OktaError::WouldBeRefused { field, .. })) => {
            assert_eq!(field, "testAccount.password")
        }
        other => panic!("the local check stops it: {other:?}"),
    }
    assert_eq!(f.server.state().log.len(), signed_in, "still nothing sent");
    assert!(f.lib.lock().unwrap().outbox().unwrap().is_empty(), "and nothing queued to retry");
}

#[test]
fn a_refusal_mid_way_keeps_the_submission_and_the_next_attempt_continues_it() {
    let f = Fixture::new();
    let id = f.draft();
    f.server.fault("PUT", "/testing", Fault::Refuse, 1);
    let err = f.submit(&id).unwrap_err();
    let LibraryError::Okta(OktaError::RefusedAtStep { step, label, id: kept, .. }) = &err else {
        panic!("the step is named: {err:?}")
    };
    assert_eq!((*step, label.as_str()), (5, "Set the testing information"));
    assert!(err.to_string().contains("is kept"), "{err}");
    let link = f.lib.lock().unwrap().remote(&id).unwrap().expect("the id is kept");
    assert_eq!(&link.remote_id, kept);
    assert!(matches!(f.submit(&id).unwrap(), SubmitOutcome::Submitted(_)));
    let s = f.server.state();
    assert_eq!(s.submissions.len(), 1, "one submission, never a second or an orphan");
    assert_eq!(s.submissions[kept].submits, 1);
    let creates = s.log.iter().filter(|l| *l == "POST /integrations/api/v1/submissions").count();
    assert_eq!(creates, 1, "the second attempt replaced, it didn't create: {:?}", s.log);
}

#[test]
fn a_personal_sign_in_is_warned_about_before_the_submit() {
    let f = Fixture::new();
    let id = f.draft();
    let c = Connection::new(http(), true);
    let account = |user: &str| oin_core::okta::Account {
        org: f.org.host(),
        org_url: f.org.to_string(),
        user: Some(user.into()),
        method: oin_core::okta::SignInMethod::DeviceCode,
        signed_in_at: now(),
    };
    f.lib.lock().unwrap().remember_account(&account("Pat Lee (pat@acme.example)"), None).unwrap();
    assert!(
        c.preview(&f.lib, &id, &f.org, now()).unwrap().warnings.is_empty(),
        "a company account"
    );
    f.lib.lock().unwrap().remember_account(&account("Pat Lee (pat.lee@gmail.com)"), None).unwrap();
    let warnings = c.preview(&f.lib, &id, &f.org, now()).unwrap().warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("personal email account") && warnings[0].contains("company account"),
        "{}",
        warnings[0]
    );
}
