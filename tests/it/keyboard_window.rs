//! A product manager's journey by keyboard only, in the real window, with real
//! X key events: create an API service draft, fill it to 100%, paste Okta's
//! review email, work a to-do, open the submit dialog and close it again. Every
//! control is reached with Tab / Shift+Tab, pages are switched with the arrow
//! keys, buttons pressed with Enter or Space, dialogs closed with Escape; the
//! focus is visible and comes back where it was when a dialog closes.

use std::path::PathBuf;

use oin_tests::keyboard::{Keyboard, PrivateDisplay};
use oin_tests::webdriver::Driver;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts").join(name)
}

fn field(path: &str) -> String {
    format!(r#"[data-field="{path}"]"#)
}

const EMAIL: &str = "Hi team,\n\nWe found one issue:\n\n1. Display name: please remove the word Beta from the display name.\n\nThanks,\nOIN Team";

#[test]
fn a_draft_from_new_to_the_submit_dialog_by_keyboard_only() {
    let data = tempfile::tempdir().unwrap();
    let logo = fixture("logo.png");
    // Its own display: the keys can't go to another test's window.
    let display = PrivateDisplay::start();
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_PICK_FILE", &logo),
        ("DISPLAY", std::path::Path::new(&display.name)),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="library-empty"]"#);
    let k = Keyboard::new(&s, driver.app_pid(), &display);

    // The library: Tab to "New API service", Enter.
    k.tab_to(r#"[data-testid="new-api"]"#, true, 20);
    assert!(k.focus_visible(), "the focus shows on {}", k.focused());
    k.press("Return");
    s.find(r#"[data-testid="editor-title"]"#);

    // Integration details.
    k.tab_to(&field("appInfo.appName"), true, 40).type_text("Acme Log Shipper Beta");
    assert!(k.focus_visible(), "the focus shows in a text field");
    k.tab_to(&field("appInfo.description"), true, 10).type_text(
        "Ships Okta System Log events to Acme SIEM so security teams see sign-ins next to everything else.",
    );
    k.tab_to(r#"[data-testid="choose-logo"]"#, true, 20).press("Return");
    s.wait_until("the logo is in", |s| !s.find_all(r#"[data-testid="logo-preview"]"#).is_empty());

    // The next page: back to the page tabs, then the arrow key.
    k.tab_to(r#"[role="tab"][aria-selected="true"]"#, false, 60).press("Right");
    k.wait_focus(r#"[data-testid="tab-configureIntegration"][aria-selected="true"]"#);
    k.tab_to(&field("support.escalationContact"), true, 30)
        .type_text("oin-escalations@acme.example");
    k.tab_to(&field("apiService.configGuideUrl"), true, 40)
        .type_text("https://acme.example/docs/okta-siem");

    k.tab_to(r#"[role="tab"][aria-selected="true"]"#, false, 80).press("Right");
    k.wait_focus(r#"[data-testid="tab-testIntegration"][aria-selected="true"]"#);
    k.tab_to(&field("testAccount.url"), true, 30).type_text("https://acme.example/login");
    k.tab_to(&field("testAccount.username"), true, 10).type_text("isvtest@okta.com");
    k.tab_to(&field("testAccount.password"), true, 10).type_text("kb-journey-Pw4");
    s.wait_until("the meter reaches 100%", |s| {
        s.find(r#"[data-testid="meter-value"]"#).text() == "100%"
    });

    // Okta's review: paste it (the dialog opens on its text box), read it.
    k.tab_to(r#"[data-testid="review-paste"]"#, true, 60).press("Return");
    k.wait_focus(r#"[data-testid="review-email"]"#);
    k.type_text(EMAIL);
    k.tab_to(r#"[data-testid="review-read"]"#, true, 5).press("Return");
    s.wait_until("one to-do", |s| s.find_all(r#"[data-testid="todo"]"#).len() == 1);

    // Work the to-do: its field's name leads to the field; fix it; mark it done.
    k.tab_to(r#"[data-testid="todo"] button.link"#, false, 40).press("Return");
    k.wait_focus(&field("appInfo.appName"));
    k.press("ctrl+a").type_text("Acme Log Shipper");
    k.tab_to(r#"[data-testid="todo-done"]"#, true, 120).press("space");
    s.wait_until("the to-do is done", |s| s.find_all(r#"[data-testid="todo-done"]"#).is_empty());

    // The submit dialog opens with Enter and closes with Escape; the focus
    // comes back to the button that opened it.
    k.tab_to(r#"[data-testid="submit"]"#, false, 120);
    k.press("Return");
    s.wait_until("the submit dialog is open", |s| {
        s.script(
            "return document.querySelector('[data-testid=submit-dialog]').open",
            serde_json::json!([]),
        ) == serde_json::json!(true)
    });
    assert!(
        s.script(
            "return document.querySelector('[data-testid=submit-dialog]').contains(document.activeElement)",
            serde_json::json!([])
        ) == serde_json::json!(true),
        "the focus moves into the dialog: {}",
        k.focused()
    );
    k.press("Escape");
    s.wait_until("the submit dialog is closed", |s| {
        s.script(
            "return document.querySelector('[data-testid=submit-dialog]').open",
            serde_json::json!([]),
        ) == serde_json::json!(false)
    });
    k.wait_focus(r#"[data-testid="submit"]"#);
    assert!(k.focus_visible(), "the focus shows on the submit button again");
    let store = oin_core::store::Store::open(&data.path().join("oin-studio.db")).unwrap();
    let saved = &store.list_drafts().unwrap()[0].draft;
    assert_eq!(saved.app_info.app_name.as_deref(), Some("Acme Log Shipper"));
}
