//! axe-core on every screen of the real window, light and dark: the library,
//! both editors on each page, every dialog, the logo, guide, review, probe and
//! listing panels. A serious or critical finding fails the test.

use std::path::{Path, PathBuf};

use oin_tests::a11y::{audit, Finding};
use oin_tests::webdriver::{Driver, Session};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts").join(name)
}

/// Opens each page of the editor that is showing and audits it.
fn every_page(s: &Session, name: &str, out: &mut Vec<Finding>) {
    let tabs: Vec<String> =
        s.find_all(r#"[role="tab"]"#).iter().filter_map(|t| t.attr("data-testid")).collect();
    assert!(!tabs.is_empty(), "the editor shows its pages");
    for t in tabs {
        s.find(&format!(r#"[data-testid="{t}"]"#)).click();
        s.wait_until("the page shows", |s| {
            s.find_all(&format!(r#"[data-testid="{t}"][aria-selected="true"]"#)).len() == 1
        });
        out.extend(audit(s, &format!("{name} › {t}")));
    }
}

/// Opens a dialog with its button, audits it, closes it.
fn open_dialog(s: &Session, button: &str, dialog: &str, name: &str, out: &mut Vec<Finding>) {
    s.find(button).click();
    s.wait_until(&format!("{dialog} opens"), |s| {
        s.script(
            "const d = document.querySelector(arguments[0]); return !!d && d.open === true",
            serde_json::json!([dialog]),
        ) == serde_json::json!(true)
    });
    out.extend(audit(s, name));
    s.script("document.querySelector(arguments[0]).close()", serde_json::json!([dialog]));
}

fn id(testid: &str) -> String {
    format!(r#"[data-testid="{testid}"]"#)
}

fn run_audit(theme: Option<&str>) -> Vec<Finding> {
    let data = tempfile::tempdir().unwrap();
    let pick = fixture("complete-api.oin.json");
    let mut env: Vec<(&str, &Path)> =
        vec![("OIN_STUDIO_DATA_DIR", data.path()), ("OIN_STUDIO_PICK_FILE", &pick)];
    if let Some(t) = theme {
        env.push(("GTK_THEME", Path::new(t)));
    }
    let driver = Driver::start(&env);
    let s = driver.session();
    let mut out = Vec::new();
    s.find(r#"[data-testid="library-empty"]"#);
    // The audit sees what it should: an image without a text alternative, put
    // in the page for a moment, is a critical finding.
    s.script(
        "const i = document.createElement('img'); i.id = 'axe-canary'; i.src = 'data:,'; document.body.append(i);",
        serde_json::json!([]),
    );
    let canary = audit(&s, "canary");
    assert!(canary.iter().any(|f| f.rule == "image-alt"), "axe runs in the window: {canary:?}");
    s.script("document.getElementById('axe-canary').remove()", serde_json::json!([]));
    out.extend(audit(&s, "library (empty)"));
    open_dialog(&s, &id("sign-in"), &id("signin-dialog"), "sign-in dialog", &mut out);
    open_dialog(&s, "header button.link", "dialog.about", "About box", &mut out);

    // An API service draft (imported, nearly complete) and each of its pages.
    s.find(r#"[data-testid="import"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    every_page(&s, "API service editor", &mut out);
    s.find(r#"[data-testid="listing-toggle"]"#).click();
    s.find(r#"[data-testid="listing-preview"]"#);
    out.extend(audit(&s, "listing preview"));
    s.find(r#"[data-testid="listing-toggle"]"#).click();
    open_dialog(&s, &id("review-paste"), &id("review-dialog"), "review paste dialog", &mut out);
    // A pasted review: its to-dos, and the reply.
    s.find(&id("review-paste")).click();
    s.script(
        "const t = document.querySelector('[data-testid=review-email]'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true }));",
        serde_json::json!(["Hi,\n\n1. Display name: please remove \"for Okta\".\n2. Please provide a demo video.\n\nThanks,\nOIN Team"]),
    );
    s.find(&id("review-read")).click();
    s.wait_until("the to-dos are listed", |s| !s.find_all(&id("todo")).is_empty());
    out.extend(audit(&s, "review to-dos"));
    open_dialog(&s, &id("review-reply"), &id("reply-dialog"), "reply dialog", &mut out);
    // The guide's starter, on the page with the guide's address.
    s.find(&id("tab-configureIntegration")).click();
    open_dialog(&s, &id("guide-write"), &id("starter"), "starter guide dialog", &mut out);
    // The submit dialog, once the password is in.
    s.find(&id("tab-testIntegration")).click();
    s.find(r#"[data-field="testAccount.password"]"#).fill("a11y-pw-Kk4");
    s.wait_until("the submit button opens", |s| {
        s.script(
            "return !document.querySelector('[data-testid=submit]').disabled",
            serde_json::json!([]),
        ) == serde_json::json!(true)
    });
    open_dialog(&s, &id("submit"), &id("submit-dialog"), "submit dialog", &mut out);
    s.find(r#"[data-testid="back"]"#).click();

    // A Workflows connector draft, new, each page.
    s.find(r#"[data-testid="new-workflows"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    every_page(&s, "Workflows editor", &mut out);
    s.find(r#"[data-testid="back"]"#).click();
    s.find(r#"[data-testid="draft-row"]"#);
    out.extend(audit(&s, "library (two drafts)"));
    open_dialog(&s, &id("delete"), "dialog.confirm", "delete confirmation", &mut out);
    out
}

fn report(findings: &[Finding]) {
    let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert!(
        lines.is_empty(),
        "{} serious or critical findings:\n{}",
        lines.len(),
        lines.join("\n")
    );
}

#[test]
fn no_serious_accessibility_finding_on_any_screen_light() {
    report(&run_audit(None));
}

#[test]
fn no_serious_accessibility_finding_on_any_screen_dark() {
    report(&run_audit(Some("Adwaita:dark")));
}
