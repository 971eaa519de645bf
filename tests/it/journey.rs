//! The real window, end to end: a product manager creates a draft of each type,
//! fills every field that needs no native file dialog, quits, starts the app
//! again and finds everything where it was; then undoes and redoes an edit.
//! Screenshots of each screen go to `target/e2e-shots/`.

use std::path::PathBuf;

use oin_tests::webdriver::{Driver, Session, CONTROL, RELEASE, SHIFT};

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

fn field<'s>(s: &'s Session, path: &str) -> oin_tests::webdriver::Element<'s> {
    s.find(&format!(r#"[data-field="{path}"]"#))
}

fn wait_saved(s: &Session) {
    s.wait_until("every change is saved", |s| {
        s.find(r#"[data-testid="save-status"]"#).text() == "All changes saved"
    });
}

fn wait_ready(s: &Session) {
    s.find(r#"main[data-ready="true"]"#);
}

fn choose(s: &Session, select_path: &str, value: &str) {
    s.find(&format!(r#"[data-field="{select_path}"] option[value="{value}"]"#)).click();
}

const WORKFLOWS: &[(&str, &str)] = &[
    ("appInfo.appName", "Acme Flows"),
    ("appInfo.appWebsite", "https://acme.example/okta"),
    (
        "appInfo.description",
        "Acme Flows connects Acme HR to Okta Workflows — hires, moves, leavers.",
    ),
    ("support.contacts.0.value", "https://acme.example/help/okta"),
    ("support.contacts.1.value", "+1 415 555 0100"),
    ("support.escalationContact", "oin-escalations@acme.example"),
    ("testAccount.url", "https://acme.example/login"),
    ("testAccount.username", "isvtest@okta.com"),
    ("testAccount.instructions", "The account is an admin; sample employees are loaded."),
];

const CONNECTOR: &[(&str, &str)] = &[
    ("workflows.connector", "acme-hr"),
    ("workflows.version", "3"),
    ("workflows.userDocUrl", "https://acme.example/docs/okta-workflows"),
    ("workflows.apiDocUrl", "https://acme.example/api"),
];

/// The OIN Wizard's API service form, page by page.
const API_DETAILS: &[(&str, &str)] = &[
    ("appInfo.appName", "Acme Log Shipper"),
    ("appInfo.description", "Ships Okta System Log events to Acme SIEM."),
    ("tenantSettings.0.label", "Acme region"),
    ("tenantSettings.0.name", "acme_region"),
];

const API_CONFIGURE: &[(&str, &str)] = &[
    ("support.escalationContact", "secops-oin@acme.example"),
    (
        "apiService.scopeReason",
        "okta.logs.read reads the System Log; okta.groups.manage syncs groups.",
    ),
    ("apiService.configGuideUrl", "https://acme.example/docs/okta-siem"),
];

const API_TEST: &[(&str, &str)] = &[
    ("testAccount.url", "https://acme.example/siem/login"),
    ("testAccount.username", "oin-review@acme.example"),
];

fn fill_all(s: &Session, fields: &[(&str, &str)]) {
    for (path, value) in fields {
        field(s, path).fill(value);
    }
}

fn assert_all(s: &Session, fields: &[(&str, &str)], when: &str) {
    for (path, want) in fields {
        assert_eq!(field(s, path).value(), *want, "{path} {when}");
    }
}

fn create_workflows_draft(s: &Session) {
    s.find(r#"[data-testid="new-org"]"#).fill("acme.okta.com");
    s.find(r#"[data-testid="new-workflows"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    field(s, "appInfo.existsInOin.no").click();
    s.find(r#"[data-testid="add-appInfo.useCases"]"#).click();
    s.find(r#"[data-testid="add-appInfo.useCases"]"#).click();
    choose(s, "appInfo.useCases.1", "Lifecycle Management");
    s.find(r#"[data-testid="add-contact"]"#).click();
    s.find(r#"[data-testid="add-contact"]"#).click();
    choose(s, "support.contacts.0.kind", "url");
    choose(s, "support.contacts.1.kind", "phone");
    fill_all(s, WORKFLOWS);
    field(s, "testAccount.password").fill("not-on-disk-7f3a");
    s.find(r#"[data-testid="password-note"]"#);
    wait_saved(s);
    s.screenshot(&shots().join("02-workflows-general.png"));
    s.find(r#"[data-testid="tab-workflowsConnector"]"#).click();
    fill_all(s, CONNECTOR);
    wait_saved(s);
    s.screenshot(&shots().join("03-workflows-connector-tab.png"));
}

fn create_api_draft(s: &Session) {
    s.find(r#"[data-testid="back"]"#).click();
    s.find(r#"[data-testid="new-api"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    s.find(r#"[data-testid="add-appInfo.useCases"]"#).click();
    choose(s, "appInfo.useCases.0", "Centralized Logging");
    s.find(r#"[data-testid="add-variable"]"#).click();
    fill_all(s, API_DETAILS);
    wait_saved(s);
    s.screenshot(&shots().join("04-api-service-details.png"));
    s.find(r#"[data-testid="tab-testIntegration"]"#).click();
    fill_all(s, API_TEST);
    s.find(r#"[data-testid="tab-configureIntegration"]"#).click();
    for query in ["logs read", "groups manage"] {
        field(s, "apiService.scopeSearch").fill(query);
        s.find(r#"[data-testid="scope-option"]"#).click();
    }
    fill_all(s, API_CONFIGURE);
    wait_saved(s);
    s.screenshot(&shots().join("04-api-service-configure.png"));
}

fn check_api_draft_after_restart(s: &Session) {
    // The app reopens where the user left off: the API draft, on its Configure page.
    s.wait_until("the API draft reopens", |s| {
        s.find(r#"[data-testid="editor-title"]"#).text() == "Acme Log Shipper"
    });
    assert_eq!(field(s, "apiService.scopes.0").text(), "okta.logs.read");
    assert_eq!(field(s, "apiService.scopes.1").text(), "okta.groups.manage");
    assert_all(s, API_CONFIGURE, "after a restart");
    s.find(r#"[data-testid="tab-integrationDetails"]"#).click();
    assert_all(s, API_DETAILS, "after a restart");
    assert_eq!(field(s, "appInfo.useCases.0").value(), "Centralized Logging");
    s.find(r#"[data-testid="tab-testIntegration"]"#).click();
    assert_all(s, API_TEST, "after a restart");
}

fn check_workflows_draft_after_restart(s: &Session) {
    s.find(r#"[data-testid="back"]"#).click();
    s.find(r#"[data-testid="draft-row"]"#);
    let rows = s.find_all(r#"[data-testid="draft-row"]"#);
    assert_eq!(rows.len(), 2, "both drafts are in the library");
    let names = s.find_all(r#"[data-testid="open-draft"]"#);
    let names: Vec<String> = names.iter().map(|e| e.text()).collect();
    assert!(names.contains(&"Acme Flows".to_owned()), "{names:?}");
    s.screenshot(&shots().join("05-library.png"));
    s.find(r#"[data-testid="draft-row"]:nth-child(2) [data-testid="open-draft"]"#).click();
    s.wait_until("the Workflows draft opens", |s| {
        s.find(r#"[data-testid="editor-title"]"#).text() == "Acme Flows"
    });
    assert_all(s, WORKFLOWS, "after a restart");
    assert!(field(s, "appInfo.existsInOin.no").checked());
    assert_eq!(field(s, "appInfo.useCases.0").value(), "Automation");
    assert_eq!(field(s, "appInfo.useCases.1").value(), "Lifecycle Management");
    assert_eq!(field(s, "support.contacts.0.kind").value(), "url");
    assert_eq!(field(s, "support.contacts.1.kind").value(), "phone");
    assert_eq!(field(s, "testAccount.password").value(), "", "the password was never on disk");
    assert_eq!(field(s, "org").value(), "acme.okta.com");
    s.find(r#"[data-testid="tab-workflowsConnector"]"#).click();
    assert_all(s, CONNECTOR, "after a restart");
    s.find(r#"[data-testid="tab-generalSettings"]"#).click();
}

/// Presses `keys` in the name field (or clicks Undo) until it reads `want`.
/// A name typed on a loaded machine may span several autosaves (one at most
/// every 300 ms), so more than one step may be needed — each must move the
/// text, and no more steps than the name has letters.
fn step_until(s: &Session, keys: Option<&str>, want: &str, what: &str) {
    for _ in 0..16 {
        let before = field(s, "appInfo.appName").value();
        if before == want {
            return;
        }
        match keys {
            Some(k) => {
                field(s, "appInfo.appName").type_text(k);
            }
            None => {
                s.find(r#"[data-testid="undo"]"#).click();
            }
        }
        s.wait_until(&format!("{what} moves the text"), |s| {
            field(s, "appInfo.appName").value() != before
        });
    }
    assert_eq!(field(s, "appInfo.appName").value(), want, "{what}");
}

fn undo_and_redo(s: &Session) {
    let name = field(s, "appInfo.appName");
    name.fill("Acme Flows v2");
    wait_saved(s);
    step_until(s, Some(&format!("{CONTROL}z{RELEASE}")), "Acme Flows", "Ctrl+Z");
    s.wait_until("the title follows", |s| {
        s.find(r#"[data-testid="editor-title"]"#).text() == "Acme Flows"
    });
    step_until(s, Some(&format!("{CONTROL}{SHIFT}z{RELEASE}")), "Acme Flows v2", "Shift+Ctrl+Z");
    step_until(s, None, "Acme Flows", "the Undo button");
    s.screenshot(&shots().join("06-after-undo.png"));
}

#[test]
fn a_draft_of_each_type_survives_a_restart_and_undo_walks_history() {
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    {
        let s = driver.session();
        wait_ready(&s);
        s.find(r#"[data-testid="library-empty"]"#);
        s.screenshot(&shots().join("01-empty-library.png"));
        create_workflows_draft(&s);
        create_api_draft(&s);
    } // the session ends: the app quits
    let s = driver.session();
    wait_ready(&s);
    check_api_draft_after_restart(&s);
    check_workflows_draft_after_restart(&s);
    undo_and_redo(&s);
    // The undo history is in the database: it survives another restart.
    drop(s);
    let s = driver.session();
    wait_ready(&s);
    s.wait_until("the Workflows draft reopens", |s| {
        s.find(r#"[data-testid="editor-title"]"#).text() == "Acme Flows"
    });
    // The same per-autosave steps as before the restart: redo walks them.
    step_until(
        &s,
        Some(&format!("{CONTROL}{SHIFT}z{RELEASE}")),
        "Acme Flows v2",
        "redo after a restart",
    );
    let about = s.find("header .link");
    about.click();
    assert!(s.find(r#"[data-testid="disclaimer"]"#).text().contains("not an Okta product"));
    // The list loads when opened, with its counts and every license group.
    s.find(r#"[data-testid="licenses"] summary"#).click();
    s.wait_until("the third-party licenses, counted", |s| {
        let t = s.find(r#"[data-testid="licenses"] summary"#).text();
        t.contains("Third-party licenses") && t.contains(" Rust crates, ")
    });
    assert!(s.find_all(r#"[data-testid="licenses"] details"#).len() > 3);
    s.screenshot(&shots().join("07-about.png"));
    s.find("dialog.about button.primary").click();
    duplicate_and_rename(&s);
}

fn duplicate_and_rename(s: &Session) {
    s.find(r#"[data-testid="back"]"#).click();
    s.find(r#"[data-testid="draft-row"]"#);
    let names = |s: &Session| -> Vec<String> {
        s.find_all(r#"[data-testid="open-draft"]"#).iter().map(|e| e.text()).collect()
    };
    let row =
        names(s).iter().position(|n| n == "Acme Flows v2").expect("the edited draft is listed");
    s.find_all(r#"[data-testid="duplicate"]"#)[row].click();
    s.wait_until("the copy is listed", |s| names(s).contains(&"Acme Flows v2 (copy)".to_owned()));
    let copy = names(s).iter().position(|n| n == "Acme Flows v2 (copy)").unwrap();
    s.find_all(r#"[data-testid="rename"]"#)[copy].click();
    // The field opens with the name selected, so typing replaces it; Enter commits.
    s.find(r#"[data-testid="rename-input"]"#).type_text("Acme Flows EU");
    // Found again: the library may have re-rendered the row meanwhile.
    s.find(r#"[data-testid="rename-input"]"#).type_text("\u{E007}");
    s.wait_until("the renamed copy is listed", |s| names(s).contains(&"Acme Flows EU".to_owned()));
    assert_eq!(names(s).len(), 3);
    s.screenshot(&shots().join("08-library-after-duplicate-and-rename.png"));
}

/// Dark mode follows the OS: with GTK's dark theme the page is dark.
#[test]
fn dark_mode_follows_the_os() {
    let data = tempfile::tempdir().unwrap();
    let dark = std::path::Path::new("Adwaita:dark");
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path()), ("GTK_THEME", dark)]);
    let s = driver.session();
    wait_ready(&s);
    let v = s.script(
        "return [matchMedia('(prefers-color-scheme: dark)').matches, getComputedStyle(document.documentElement).backgroundColor]",
        serde_json::json!([]),
    );
    assert_eq!(v[0], true, "the webview reports the OS's dark preference");
    assert_eq!(v[1], "rgb(17, 21, 29)", "the dark palette is applied");
    s.screenshot(&shots().join("09-dark-library.png"));
}
