//! Updating a published API service in the real window (the OIN Wizard's two
//! paths since 2026-07-21): a catalog-only change opens the Catalog Info
//! hand-off in the Admin Console; a functional one says the published status
//! becomes Draft and holds Submit until both instances are tested.

use std::path::PathBuf;

use oin_tests::webdriver::{Driver, Element, Session};

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

fn field<'s>(s: &'s Session, path: &str) -> Element<'s> {
    s.find(&format!(r#"[data-field="{path}"]"#))
}

fn choose_status(s: &Session, status: &str) {
    s.select(r#"[data-testid="status-select"]"#, status);
    s.find(r#"[data-testid="status-apply"]"#).click();
}

fn submit_enabled(s: &Session) -> bool {
    s.script(
        "return !document.querySelector('[data-testid=submit]').disabled",
        serde_json::json!([]),
    ) == serde_json::json!(true)
}

#[test]
fn a_catalog_only_update_opens_catalog_info_and_a_functional_one_waits_for_tests() {
    let data = tempfile::tempdir().unwrap();
    let opened = data.path().join("opened.log");
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts/complete-api.oin.json");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_OPEN_LOG", &opened),
        ("OIN_STUDIO_PICK_FILE", &fixture),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="import"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    choose_status(&s, "toBeReviewed");
    s.wait_until("submitted", |s| {
        s.find(r#"[data-testid="status-label"]"#).text() == "OIN to review"
    });
    choose_status(&s, "published");
    s.wait_until("published", |s| s.find(r#"[data-testid="status-label"]"#).text() == "Published");
    s.find(r#"[data-testid="update-published"]"#).click();
    s.find(r#"[data-testid="changes-panel"]"#);

    // Catalog information only: the description.
    s.find(r#"[data-testid="tab-integrationDetails"]"#).click();
    field(&s, "appInfo.description")
        .fill("Ships Okta System Log events to Acme SIEM, with alerts on risky sign-ins.");
    s.wait_until("the update is catalog-only", |s| {
        s.find_all(r#"[data-testid="update-kind"]"#)
            .first()
            .is_some_and(|k| k.text() == "Catalog information only")
    });
    s.find(r#"[data-testid="tab-testIntegration"]"#).click();
    field(&s, "testAccount.password").fill("update-pw-3");
    s.wait_until("Send the catalog changes is offered", |s| {
        submit_enabled(s)
            && s.find(r#"[data-testid="submit"]"#).text().contains("Send the catalog changes")
    });
    s.find(r#"[data-testid="submit"]"#).click();
    s.wait_until("the Catalog Info values are listed", |s| {
        s.find_all(r#"[data-testid="handoff-value"]"#).len() == 1
    });
    let dialog = s.find(r#"[data-testid="handoff"]"#).text();
    assert!(dialog.contains("Edit › Catalog Info") && dialog.contains("with alerts"), "{dialog}");
    let log = std::fs::read_to_string(&opened).unwrap();
    assert!(
        log.contains("https://acme-admin.okta.com/admin/dashboard"),
        "the Admin Console opened: {log}"
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    s.screenshot(&shots().join("40-catalog-info-handoff.png"));
    s.find(r#"[data-testid="handoff"] button"#).click(); // "Open … again": harmless
    s.script("document.querySelector('[data-testid=handoff]').close()", serde_json::json!([]));

    // A functional change: a scope.
    s.find(r#"[data-testid="tab-configureIntegration"]"#).click();
    field(&s, "apiService.scopeSearch").fill("groups read");
    s.find(r#"[data-testid="scope-option"]"#).click();
    s.wait_until("the update is functional", |s| {
        s.find_all(r#"[data-testid="update-kind"]"#)
            .first()
            .is_some_and(|k| k.text() == "Functional change")
    });
    let notes = s.find(r#"[data-testid="changes-panel"]"#).text();
    assert!(notes.contains("PUBLISHED status and date with DRAFT"), "{notes}");
    assert!(s.find(r#"[data-testid="test-gate"]"#).text().contains("not tested yet"));
    let why = s.find(r#"[data-testid="submit-why"]"#).text();
    assert!(!submit_enabled(&s), "the 48-hour gate holds Submit");
    assert!(why.contains("updated instance") && why.contains("published instance"), "{why}");
    assert!(
        !s.find_all(r#"[data-testid="probe-instance"]"#).is_empty(),
        "both instances can be tested"
    );
    s.script(
        "document.querySelector('[data-testid=changes-panel]').scrollIntoView()",
        serde_json::json!([]),
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.screenshot(&shots().join("41-functional-update-gate.png"));
}
