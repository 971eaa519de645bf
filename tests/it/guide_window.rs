//! The guide doctor in the real window: type the guide's address, check it,
//! see the checklist with its evidence and the page's outline, the failures
//! as warnings on the URL field in the issues panel, then write a starter
//! guide, see it rendered, save it and open it.

use std::path::PathBuf;

use oin_tests::guide_server::GuideServer;
use oin_tests::webdriver::{Driver, Session};

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

fn check_state(s: &Session, id: &str) -> Option<bool> {
    let li = s.find_all(&format!(r#"[data-testid="guide-check-{id}"]"#));
    li.first().map(|l| l.attr("class").unwrap_or_default().contains("passed"))
}

#[test]
fn check_a_guide_see_the_checklist_and_write_a_starter_guide() {
    let server = GuideServer::start();
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let saved = out.path().join("starter.md");
    let opened = out.path().join("opened.txt");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_PICK_FILE", saved.as_path()),
        ("OIN_STUDIO_OPEN_LOG", opened.as_path()),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="new-api"]"#).click();
    s.find(r#"[data-field="appInfo.appName"]"#).fill("Northwind Audit");
    s.find(r#"[data-testid="tab-configureIntegration"]"#).click();
    let url = s.find(r#"[data-field="apiService.configGuideUrl"]"#);
    url.fill(&server.url("/api-service-partial.html"));
    s.find(r#"[data-testid="guide-check"]"#).click();
    s.wait_until("the checklist of the partial guide", |s| {
        check_state(s, "guide.reachable") == Some(true)
    });
    assert_eq!(check_state(&s, "guide.prerequisites"), Some(false));
    assert_eq!(check_state(&s, "guide.configuration_steps"), Some(true));
    assert!(s.find(r#"[data-testid="guide-score"]"#).text().starts_with("3 of 7"));
    let admin = s.find(r#"[data-testid="guide-check-guide.okta_admin_steps"]"#).text();
    assert!(admin.contains("Install & Authorize") && admin.contains("Okta's rule"), "{admin}");
    s.wait_until("the failures are warnings on the URL field", |s| {
        !s.find_all(r#"[data-testid="issues-panel"] [data-rule="guide.prerequisites"][data-path="apiService.configGuideUrl"]"#).is_empty()
    });
    let outline = s.find(r#"[data-testid="guide-outline"]"#).text();
    assert!(outline.contains("Set up the connection"), "{outline}");
    s.screenshot(&shots().join("guide-partial.png"));

    // A good guide: every check passes, the warnings go.
    url.fill(&server.url("/api-service-good.html"));
    assert!(
        s.find_all(r#"[data-testid="guide-checks"]"#).is_empty(),
        "a check of another address isn't shown"
    );
    s.find(r#"[data-testid="guide-check"]"#).click();
    s.wait_until("the good guide passes", |s| {
        s.find_all(r#"[data-testid="guide-score"]"#)
            .first()
            .is_some_and(|e| e.text().starts_with("7 of 7"))
    });
    s.wait_until("no guide warning is left", |s| {
        s.find_all(r#"[data-testid="issues-panel"] [data-rule^="guide."]"#).is_empty()
    });
    s.screenshot(&shots().join("guide-good.png"));

    // Write a starter guide, keyboard only from the button.
    s.find(r#"[data-testid="guide-write"]"#).click();
    s.wait_until("the starter guide is rendered", |s| {
        s.find(r#"[data-testid="starter-preview"]"#).text().contains("Configuration steps")
    });
    let preview = s.find(r#"[data-testid="starter-preview"]"#).text();
    assert!(preview.contains("Configure the Northwind Audit integration with Okta"), "{preview}");
    assert!(preview.contains("Install & Authorize"), "{preview}");
    s.screenshot(&shots().join("guide-starter.png"));
    s.find(r#"[data-testid="starter-save-open"]"#).click();
    s.find(r#"[data-testid="starter-saved"]"#);
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.starts_with("# Configure the Northwind Audit integration with Okta"), "{text}");
    let log = std::fs::read_to_string(&opened).unwrap();
    assert!(log.contains("starter.md"), "the saved guide is opened: {log}");
    // The HTML variant is offered and written too.
    s.find(r#"[data-testid="starter-format-html"]"#).click();
    s.find(r#"[data-testid="starter-save"]"#).click();
    s.wait_until("the web page is written", |s| {
        let _ = s;
        std::fs::read_to_string(&saved).is_ok_and(|t| t.starts_with("<!doctype html>"))
    });
}
