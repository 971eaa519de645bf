//! The Okta connection in the real window, against the local Okta-compatible
//! server: sign in by device code (the code is shown, the page "opened"), submit
//! an API service draft after seeing every request, watch the status move when
//! Okta moves it; and the Workflows hand-off copies every value to the real
//! clipboard and marks it copied.

use std::path::{Path, PathBuf};

use oin_tests::okta_server::{DeviceMode, OktaServer, CLIENT_ID};
use oin_tests::webdriver::{Driver, Element, Session};

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts").join(name)
}

fn field<'s>(s: &'s Session, path: &str) -> Element<'s> {
    s.find(&format!(r#"[data-field="{path}"]"#))
}

fn submit_enabled(s: &Session) -> bool {
    s.script(
        "return !document.querySelector('[data-testid=submit]').disabled",
        serde_json::json!([]),
    ) == serde_json::json!(true)
}

/// Imports `fixture` from the library, types the password, waits for the gate.
fn import_ready(s: &Session) {
    s.find(r#"[data-testid="import"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    // The OIN Wizard asks for the password on its last page, the OIN Manager on its first.
    if s.find_all(r#"[data-field="testAccount.password"]"#).is_empty() {
        s.find(r#"[data-testid="tab-testIntegration"]"#).click();
    }
    field(s, "testAccount.password").fill("window-pw-Kk4");
    s.wait_until("the submit button opens", submit_enabled);
}

fn clipboard() -> String {
    let out = std::process::Command::new("xclip").args(["-selection", "clipboard", "-o"]).output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}

/// A desktop notification service on the session bus (see the script): each
/// notification a line in `log`, each clicked after 1.5 s. Stopped on drop.
struct Notifications {
    child: std::process::Child,
    log: PathBuf,
}

impl Notifications {
    fn start(dir: &Path) -> Self {
        use std::io::BufRead;
        let log = dir.join("notifications.log");
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/desktop/notification_server.py");
        let mut child = std::process::Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(&log)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/install-deps installs python3-dbus and python3-gi)");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready", "the notification service is on the session bus");
        Self { child, log }
    }

    fn shown(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn sign_in_by_device_code_submit_and_see_the_status_move() {
    let server = OktaServer::start();
    let data = tempfile::tempdir().unwrap();
    let opened = data.path().join("opened.log");
    let url = server.url();
    let notifications = Notifications::start(data.path());
    let driver = Driver::start(&[
        ("OIN_STUDIO_NOTIFY_ALWAYS", Path::new("1")),
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_ALLOW_LOOPBACK_HTTP", Path::new("1")),
        ("OIN_STUDIO_OPEN_LOG", &opened),
        ("OIN_STUDIO_POLL_SECS", Path::new("1")),
        ("OIN_STUDIO_PICK_FILE", &fixture("complete-api.oin.json")),
    ]);
    let s = driver.session();
    // A few polls before approval, as when a person types the code.
    server.state().device_mode = DeviceMode::Approve { pending_polls: 4, slow_down: false };
    s.find(r#"[data-testid="sign-in"]"#).click();
    s.find(r#"[data-testid="signin-org"]"#).fill(&url);
    s.find(r#"[data-testid="signin-client-id"]"#).fill(CLIENT_ID);
    s.find(r#"[data-testid="signin-start"]"#).click();
    assert_eq!(s.find(r#"[data-testid="user-code"]"#).text(), "WDJB-MJHT");
    // WebKit paints the dialog's new content a moment after the DOM has it.
    std::thread::sleep(std::time::Duration::from_millis(1000));
    s.screenshot(&shots().join("30-device-code.png"));
    s.wait_until("the org is listed as signed in", |s| {
        s.find_all(r#"[data-testid="account"]"#).len() == 1
    });
    let account = s.find(r#"[data-testid="account"]"#).text();
    assert!(account.contains("Pat Lee"), "{account}");
    let log = std::fs::read_to_string(&opened).unwrap();
    assert!(log.contains("/activate?user_code=WDJB-MJHT"), "the sign-in page was opened: {log}");
    s.screenshot(&shots().join("31-signed-in.png"));

    import_ready(&s);
    s.find(r#"[data-testid="submit"]"#).click();
    s.wait_until("every request is listed", |s| {
        s.find_all(r#"[data-testid="submit-steps"] li"#).len() == 6
    });
    let steps = s.find(r#"[data-testid="submit-steps"]"#).text();
    assert!(steps.contains("POST /integrations/api/v1/submissions/logo"), "{steps}");
    s.script(
        "document.querySelectorAll('[data-testid=submit-steps] details')[4].open = true",
        serde_json::json!([]),
    );
    let testing = s.find(r#"[data-testid="submit-steps"]"#).text();
    assert!(testing.contains("••••••••") && !testing.contains("window-pw-Kk4"), "{testing}");
    s.screenshot(&shots().join("32-submit-preview.png"));
    s.find(r#"[data-testid="submit-confirm"]"#).click();
    s.wait_until("Okta has it", |s| {
        s.find_all(r#"[data-testid="editor-notice"]"#)
            .first()
            .is_some_and(|n| n.text().contains("Sent to"))
    });
    assert_eq!(s.find(r#"[data-testid="status-label"]"#).text(), "OIN to review");
    let remote = server.state().submissions.keys().next().cloned().unwrap();
    assert_eq!(server.state().submissions[&remote].submits, 1);
    assert!(s.find(r#"[data-testid="remote"]"#).text().contains(&remote));

    // Okta's reviewers publish it while the user is in the library; the app
    // hears it on its next round, says so there and in an OS notification,
    // and the notification's click opens the draft.
    s.find(r#"[data-testid="back"]"#).click();
    s.find(r#"[data-testid="library"]"#);
    server.set_status(&remote, "Published");
    s.wait_until("the library announces the move", |s| {
        s.find_all(r#"[data-testid="library-notice"]"#)
            .first()
            .is_some_and(|n| n.text().contains("is now “Published”"))
    });
    s.wait_until("an OS notification says so", |_| !notifications.shown().is_empty());
    let shown = &notifications.shown()[0];
    assert_eq!(shown["summary"], "Acme Log Shipper is published in the OIN", "{shown}");
    assert_eq!(shown["app"], "OIN Studio");
    assert!(shown["actions"].as_array().unwrap().iter().any(|a| a == "default"), "{shown}");
    s.wait_until("the click opens the draft", |s| {
        s.find_all(r#"[data-testid="status-label"]"#)
            .first()
            .is_some_and(|l| l.text() == "Published")
    });
    assert_eq!(s.find(r#"[data-testid="editor-title"]"#).text(), "Acme Log Shipper");
    assert!(s.find(r#"[data-testid="okta-status"]"#).text().contains("Published"));
    s.script("window.scrollTo(0, 0)", serde_json::json!([]));
    s.screenshot(&shots().join("33-status-moved.png"));
    server.assert_clean();
}

#[test]
fn the_workflows_hand_off_copies_every_value() {
    let data = tempfile::tempdir().unwrap();
    let opened = data.path().join("opened.log");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_OPEN_LOG", &opened),
        ("OIN_STUDIO_PICK_FILE", &fixture("complete-workflows.oin.json")),
    ]);
    let s = driver.session();
    import_ready(&s);
    s.find(r#"[data-testid="submit"]"#).click();
    s.wait_until("the values are listed", |s| {
        !s.find_all(r#"[data-testid="handoff-value"]"#).is_empty()
    });
    assert!(std::fs::read_to_string(&opened).unwrap().contains("https://oinmanager.okta.com"));
    let rows = s.find_all(r#"[data-testid="handoff-value"]"#).len();
    assert_eq!(rows, 17, "every filled value, the password and both files");
    for i in 0..rows {
        let path = s.script(
            "return document.querySelectorAll('[data-testid=handoff-value]')[arguments[0]].dataset.path",
            serde_json::json!([i]),
        );
        let path = path.as_str().unwrap().to_owned();
        s.find(&format!(r#"[data-path="{path}"] [data-testid="handoff-copy"]"#)).click();
        s.wait_until("the value is marked copied", |s| {
            s.find_all(&format!(r#"[data-path="{path}"].copied"#)).len() == 1
        });
        let clip = clipboard();
        match path.as_str() {
            "appInfo.appName" => assert_eq!(clip, "Acme HR"),
            "workflows.version" => assert_eq!(clip, "3"),
            "testAccount.password" => assert_eq!(clip, "window-pw-Kk4", "read from the keychain"),
            _ => {}
        }
    }
    assert_eq!(
        s.find(r#"[data-testid="handoff-count"]"#).text(),
        format!("{rows} of {rows} copied")
    );
    let folder = std::fs::read_to_string(&opened).unwrap();
    let folder = folder.lines().last().unwrap();
    assert!(Path::new(folder).join("connector-tests.flopack").exists(), "{folder}");
    assert!(Path::new(folder).join("logo.png").exists());
    s.screenshot(&shots().join("34-handoff.png"));
    s.find(r#"[data-testid="handoff-submitted"]"#).click();
    s.wait_until("the status is recorded", |s| {
        s.find(r#"[data-testid="status-label"]"#).text() == "To be reviewed by Okta"
    });
    assert!(!submit_enabled(&s), "nothing to send while Okta reviews it");
}

/// "Test my API service integration" in the real window, then the reason to
/// use scopes drafted from what it showed: each scope with its call, and the
/// least-privilege question for a `.manage` scope the test only read with.
#[test]
fn the_probe_drafts_the_reason_to_use_scopes_from_what_it_showed() {
    let server = OktaServer::start();
    {
        let mut st = server.state();
        st.service_scopes = vec!["okta.logs.read".into(), "okta.users.manage".into()];
        st.service_roles = vec!["logs".into(), "users".into()];
    }
    let data = tempfile::tempdir().unwrap();
    let mut draft: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("complete-api.oin.json")).unwrap()).unwrap();
    draft["draft"]["apiService"]["scopes"] =
        serde_json::json!(["okta.logs.read", "okta.users.manage"]);
    let file = data.path().join("two-scopes.oin.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&draft).unwrap()).unwrap();
    std::fs::copy(fixture("logo.png"), data.path().join("logo.png")).unwrap();
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_ALLOW_LOOPBACK_HTTP", Path::new("1")),
        ("OIN_STUDIO_PICK_FILE", &file),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="import"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    s.find(r#"[data-testid="tab-configureIntegration"]"#).click();
    s.find(r#"[data-testid="probe-org"]"#).clear().fill(&server.url());
    s.find(r#"[data-testid="probe-client-id"]"#).fill(oin_tests::okta_server::SERVICE_CLIENT.0);
    s.find(r#"[data-testid="probe-secret"]"#).fill(oin_tests::okta_server::SERVICE_CLIENT.1);
    s.find(r#"[data-testid="probe-run"]"#).click();
    let text = s.find(r#"[data-testid="probe-reason-text"]"#).text();
    assert!(text.contains("okta.logs.read (View logs)"), "{text}");
    assert!(text.contains("GET /api/v1/logs?limit=1 worked in the test"), "{text}");
    assert!(text.contains("okta.users.manage"), "{text}");
    let questions = s.find_all(r#"[data-testid="probe-question"]"#);
    assert_eq!(questions.len(), 1);
    assert!(
        questions[0].text().contains("ask for okta.users.read instead"),
        "{}",
        questions[0].text()
    );
    s.find(r#"[data-testid="probe-use-reason"]"#).click();
    s.wait_until("the reason is in the field", |s| {
        s.script(
            "return document.querySelector('[data-field=\"apiService.scopeReason\"]').value",
            serde_json::json!([]),
        )
        .as_str()
        .is_some_and(|v| v.contains("okta.users.manage") && v.contains("worked in the test"))
    });
    s.find(r#"[data-testid="probe-reason"]"#).scroll_to();
    s.screenshot(&shots().join("probe-reason.png"));
    // What only the product manager knows is still a [placeholder]: the precheck says so.
    s.wait_until("the placeholders are flagged", |s| {
        !s.find_all(r#"[data-testid="issues-panel"] [data-path="apiService.scopeReason"]"#)
            .is_empty()
    });
}
