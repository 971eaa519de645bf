//! Precheck in the real window: a broken field shows its issue while the user
//! types, the fix makes it go, a one-click fix works, and the meter reaches 100%
//! with Submit for Review enabled only then.

use std::path::{Path, PathBuf};

use oin_tests::webdriver::{Driver, Element, Session};

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

fn field<'s>(s: &'s Session, path: &str) -> Element<'s> {
    s.find(&format!(r#"[data-field="{path}"]"#))
}

fn panel_has(s: &Session, rule: &str, path: &str) -> bool {
    s.find_all(&format!(r#"[data-testid="issues-panel"] [data-rule="{rule}"][data-path="{path}"]"#))
        .len()
        == 1
}

fn submit_enabled(s: &Session) -> bool {
    s.script(
        "return !document.querySelector('[data-testid=submit]').disabled",
        serde_json::json!([]),
    )
    .as_bool()
    .unwrap()
}

#[test]
fn issues_follow_typing_and_the_gate_opens_at_100_percent() {
    let data = tempfile::tempdir().unwrap();
    let logo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/logo-200.png");
    let out = tempfile::tempdir().unwrap();
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_PICK_FILE", logo.as_path()),
        ("OIN_STUDIO_PICK_FOLDER", out.path()),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="new-api"]"#).click();
    s.find(r#"[data-testid="issues-panel"]"#);

    // The OIN Wizard's form, page by page: none of the OIN Manager's questions.
    let tabs: Vec<String> =
        s.find_all(r#"[role="tab"] span:first-child"#).iter().map(|t| t.text()).collect();
    assert_eq!(
        tabs,
        ["Integration details", "Configure your integration", "Test your integration"]
    );
    for manager_only in ["appInfo.existsInOin.no", "appInfo.appWebsite", "support.contacts.0.value"]
    {
        assert!(
            s.find_all(&format!(r#"[data-field="{manager_only}"]"#)).is_empty(),
            "the OIN Wizard doesn't ask {manager_only}"
        );
    }
    assert!(s.find(r#"[data-field-wrap="appInfo.appName"]"#).text().contains("Display name"));
    field(&s, "appInfo.appName").fill("Acme Log Shipper");
    field(&s, "appInfo.description").fill("Ships Okta System Log events to Acme SIEM.");
    s.find("#f-appInfo-appIcon").click();
    s.find(r#"[data-testid="logo-preview"] img"#);
    assert!(
        s.find_all(r#"[data-testid="logo-checklist"] li.fail"#).is_empty(),
        "a 200×200 PNG passes"
    );
    s.find(r#"[data-testid="add-variable"]"#).click();
    field(&s, "tenantSettings.0.label").fill("Subdomain");
    field(&s, "tenantSettings.0.name").fill("Sub Domain");
    s.wait_until("a tenant setting name the Wizard refuses is flagged", |s| {
        panel_has(s, "tenant.variables", "tenantSettings.0.name")
    });
    field(&s, "tenantSettings.0.name").fill("subdomain");
    s.wait_until("the name is fine now", |s| {
        !panel_has(s, "tenant.variables", "tenantSettings.0.name")
    });

    s.find(r#"[data-testid="tab-configureIntegration"]"#).click();
    assert!(s
        .find(r#"[data-field-wrap="support.escalationContact"]"#)
        .text()
        .contains("Support email"));
    field(&s, "support.escalationContact").fill("support@acme.example");
    s.wait_until("a generic escalation mailbox is refused", |s| {
        panel_has(s, "escalation.distribution_list", "support.escalationContact")
    });
    field(&s, "support.escalationContact").fill("oin-escalations@acme.example");
    for query in ["users read", "users manage"] {
        field(&s, "apiService.scopeSearch").fill(query);
        s.find(r#"[data-testid="scope-option"]"#).click();
    }
    s.wait_until("read beside manage is flagged", |s| {
        panel_has(s, "scopes.read_with_manage", "apiService.scopes.0")
    });
    s.find(r#"[data-field-wrap="apiService.scopes"] [data-testid="fix"]"#).click();
    s.wait_until("the one-click fix removes the read scope", |s| {
        field(s, "apiService.scopes.0").text() == "okta.users.manage"
    });
    assert!(
        s.find(r#"[data-field-wrap="apiService.scopeReason"]"#).text().contains("optional"),
        "Okta marks the reason optional"
    );
    field(&s, "apiService.scopeReason").fill("okta.users.manage creates and deactivates users.");
    // An address with a space passes a lenient URL parser, not Okta's schema.
    field(&s, "apiService.configGuideUrl").fill("https://acme.example/docs/okta setup");
    s.wait_until("Okta's schema refuses the space and offers the encoded address", |s| {
        panel_has(s, "okta.schema", "apiService.configGuideUrl")
            && s.find(r#"[data-field-wrap="apiService.configGuideUrl"]"#)
                .text()
                .contains("https://acme.example/docs/okta%20setup")
    });
    s.find(r#"[data-field-wrap="apiService.configGuideUrl"] [data-testid="fix"]"#).click();
    s.wait_until("the fix writes the space as %20", |s| {
        field(s, "apiService.configGuideUrl").value() == "https://acme.example/docs/okta%20setup"
    });

    s.find(r#"[data-testid="tab-testIntegration"]"#).click();
    field(&s, "testAccount.url").fill("http://acme.example/login");
    s.wait_until("the http test account URL is reported", |s| {
        panel_has(s, "url.https", "testAccount.url")
    });
    let inline = s.find(r#"[data-field-wrap="testAccount.url"] [data-rule="url.https"]"#).text();
    assert!(inline.contains("http://"), "the message is shown under the field: {inline}");
    field(&s, "testAccount.username").fill("isvtest@okta.com");
    field(&s, "testAccount.password").fill("review-pass-1");
    assert!(!submit_enabled(&s), "the http test account URL still blocks submitting");
    s.screenshot(&shots().join("10-precheck-blocked.png"));

    field(&s, "testAccount.url").fill("https://acme.example/login");
    s.wait_until("the URL issue goes", |s| !panel_has(s, "url.https", "testAccount.url"));
    s.wait_until("the meter reaches 100% without any OIN Manager field", |s| {
        s.find(r#"[data-testid="meter-value"]"#).text() == "100%"
    });
    let meters = s.find_all(r#"[role="progressbar"][aria-label^="Overall completion"]"#);
    assert_eq!(meters.len(), 1, "the editor shows one completion meter");
    s.wait_until("Submit for Review is enabled", submit_enabled);
    s.find(r#"[data-testid="all-clear"]"#);
    // Offline (as here), "Check links" says "not checked" and never errs.
    s.find(r#"[data-testid="check-links"]"#).click();
    s.wait_until("each link has an answer", |s| s.find_all(r#"[data-testid^="link-"]"#).len() == 2);
    let guide = s.find(r#"[data-testid="link-apiService.configGuideUrl"]"#).text();
    assert!(guide.contains("Link to configuration guide"), "{guide}");
    assert!(s.find_all(r#"[data-testid="save-error"]"#).is_empty());
    s.screenshot(&shots().join("11-precheck-ready.png"));
    s.find(r#"[data-testid="submit"]"#).click();
    let dialog = s.find(r#"[data-testid="submit-dialog"]"#).text();
    assert!(dialog.contains("Acme Log Shipper"), "{dialog}");
    assert!(dialog.contains("Sign in to the Okta org"), "not signed in yet: {dialog}");
    s.screenshot(&shots().join("12-submit-summary.png"));
    s.find(r#"[data-testid="submit-close"]"#).click();
    let json = export(&s, out.path());
    drop(s); // quit the app before another launch opens the same library
    import(data.path(), &json);
}

/// Export writes the draft and its logo beside it, never the password.
fn export(s: &Session, out: &Path) -> PathBuf {
    s.find(r#"[data-testid="export"]"#).click();
    let json = out.join("acme-log-shipper.oin.json");
    s.wait_until("the export is written", |_| json.exists());
    assert!(s.find(r#"[data-testid="exported"]"#).text().contains("acme-log-shipper.oin.json"));
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"formatVersion\": 1") && text.contains("Acme Log Shipper"));
    assert!(!text.contains("review-pass-1"), "the password is never exported");
    assert!(out.join("logo-200.png").exists(), "the logo travels beside the draft");
    json
}

/// Import, in a fresh launch, adds the file as a new draft beside the original.
fn import(data: &Path, json: &Path) {
    let importer = Driver::start(&[("OIN_STUDIO_DATA_DIR", data), ("OIN_STUDIO_PICK_FILE", json)]);
    let s2 = importer.session();
    s2.find(r#"main[data-ready="true"]"#);
    // The app reopens where it was left: the draft, whose Back button leads home.
    s2.wait_until("a screen is shown", |s| {
        s.find_all(r#"[data-testid="back"], [data-testid="import"]"#).len() == 1
    });
    if s2.find_all(r#"[data-testid="back"]"#).len() == 1 {
        s2.find(r#"[data-testid="back"]"#).click();
    }
    s2.find(r#"[data-testid="import"]"#).click();
    s2.wait_until("the imported draft opens", |s| {
        s.find(r#"[data-testid="editor-title"]"#).text() == "Acme Log Shipper"
    });
    s2.find(r#"[data-testid="back"]"#).click();
    s2.wait_until("the library lists original and import", |s| {
        s.find_all(r#"[data-testid="draft-row"]"#).len() == 2
    });
}

/// The logo doctor in the window: a 1024×1024 icon with rounded corners is
/// refused, one click fixes it, the preview and checklist follow.
#[test]
fn a_logo_is_checked_fixed_and_previewed() {
    let data = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/source.png");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_PICK_FILE", source.as_path()),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="new-api"]"#).click();
    s.find(r#"[data-testid="choose-logo"]"#).click();
    s.find(r#"[data-testid="logo-checklist"] li.fail[data-check="logo.dimensions"]"#);
    s.find(r#"[data-testid="logo-checklist"] li.warn[data-check="logo.corners"]"#);
    s.wait_until("precheck relays the logo error", |s| {
        !s.find_all(r#"[data-testid="issues-panel"] [data-rule="logo.dimensions"]"#).is_empty()
    });
    s.screenshot(&shots().join("13-logo-before-fix.png"));
    s.find(r#"[data-testid="fix-logo"]"#).click();
    s.wait_until("the fixed logo passes the hard rules", |s| {
        s.find_all(r#"[data-testid="logo-checklist"] li.fail"#).is_empty()
            && s.find_all(r#"[data-testid="use-original"]"#).len() == 1
    });
    assert!(s
        .find(r#"[data-testid="logo-checklist"] [data-check="logo.dimensions"]"#)
        .text()
        .contains("200×200"));
    s.wait_until("the precheck error goes", |s| {
        s.find_all(r#"[data-testid="issues-panel"] [data-rule="logo.dimensions"]"#).is_empty()
    });
    s.screenshot(&shots().join("14-logo-fixed.png"));
    s.find(r#"[data-testid="use-original"]"#).click();
    s.find(r#"[data-testid="logo-checklist"] li.fail[data-check="logo.dimensions"]"#);

    // Paste: a 244×156 image on the clipboard becomes the logo.
    let pasted = s.script_async(
        r##"const done = arguments[arguments.length - 1];
           const c = document.createElement("canvas"); c.width = 244; c.height = 156;
           const g = c.getContext("2d"); g.fillStyle = "#2b59c3"; g.fillRect(0, 0, 244, 156);
           c.toBlob((blob) => {
             const dt = new DataTransfer();
             dt.items.add(new File([blob], "clip.png", { type: "image/png" }));
             // WebKit ignores clipboardData in the ClipboardEvent constructor.
             const ev = new Event("paste", { cancelable: true });
             Object.defineProperty(ev, "clipboardData", { value: dt });
             window.dispatchEvent(ev);
             done(true);
           }, "image/png");"##,
        serde_json::json!([]),
    );
    assert_eq!(pasted, serde_json::json!(true));
    s.wait_until("the pasted image is the logo", |s| {
        s.find_all(r#"[data-testid="logo-checklist"] li.fail"#).is_empty()
            && s.find(r#"[data-testid="logo-checklist"] [data-check="logo.dimensions"]"#)
                .text()
                .contains("244×156")
    });
}
