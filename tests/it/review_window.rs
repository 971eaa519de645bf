//! Okta's review email in the real window: paste it, see one to-do per ask on
//! its field, go to the field, change it, see the to-do notice, mark it done.

use std::path::PathBuf;

use oin_tests::webdriver::Driver;

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

const EMAIL: &str = "Hi team,

Thank you for submitting your integration. We found the following issues:

1. Display name: please remove \"for Okta\" from the display name.
2. Please provide a short demo video of the integration.
3. The configuration guide is missing a Prerequisites section.

Once fixed, please resubmit.

Thanks,
OIN Team
> On Monday you wrote: please change the logo";

#[test]
fn a_pasted_review_becomes_to_dos_that_lead_to_their_fields() {
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    let s = driver.session();
    s.find(r#"[data-testid="new-api"]"#).click();
    s.find(r#"[data-field="appInfo.appName"]"#).fill("Acme Log Shipper for Okta");
    s.find(r#"[data-testid="review-paste"]"#).click();
    // As a paste puts it there: the whole text at once, newlines kept.
    s.script(
        "const t = document.querySelector('[data-testid=review-email]'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true }));",
        serde_json::json!([EMAIL]),
    );
    s.find(r#"[data-testid="review-read"]"#).click();
    s.wait_until("three to-dos", |s| s.find_all(r#"[data-testid="todo"]"#).len() == 3);
    let kinds: Vec<(String, String)> = s
        .find_all(r#"[data-testid="todo"]"#)
        .iter()
        .map(|t| {
            (t.attr("data-field").unwrap_or_default(), t.attr("data-kind").unwrap_or_default())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("appInfo.appName".to_owned(), "fix-field".to_owned()),
            (String::new(), "provide-material".to_owned()),
            ("apiService.configGuideUrl".to_owned(), "fix-document".to_owned()),
        ]
    );
    assert!(s.find_all(r#"[data-testid="todo"].changed"#).is_empty(), "nothing changed yet");
    s.screenshot(&shots().join("review-todos.png"));
    // The field's name leads to it; changing it makes the to-do ask "Done?".
    s.find(r#"[data-testid="todo"] button.link"#).click();
    s.wait_until("the display name has the focus", |s| {
        s.script("return document.activeElement.dataset.field", serde_json::json!([])).as_str()
            == Some("appInfo.appName")
    });
    s.find(r#"[data-field="appInfo.appName"]"#).fill("Acme Log Shipper");
    s.wait_until("the to-do notices the change", |s| {
        s.find_all(r#"[data-testid="todo"].changed"#).len() == 1
    });
    s.find(r#"[data-testid="todo"].changed [data-testid="todo-done"]"#).click();
    s.wait_until("two to-dos are left", |s| s.find_all(r#"[data-testid="todo"]"#).len() == 2);
    // A to-do added by hand, and one relinked to another field.
    s.find(r#"[data-testid="todo-add"]"#).click();
    s.find(r#"[data-testid="todo-add-text"]"#).fill("On the call: shorten the description.");
    s.select(r#"[data-testid="todo-add-form"] select"#, "appInfo.description");
    s.find(r#"[data-testid="todo-add-save"]"#).click();
    s.wait_until("the added to-do is listed", |s| {
        s.find_all(r#"[data-testid="todo"][data-field="appInfo.description"]"#).len() == 1
    });
    s.select(
        r#"[data-testid="todo"][data-kind="provide-material"] [data-testid="todo-relink"]"#,
        "appInfo.appIcon",
    );
    s.wait_until("the to-do is relinked", |s| {
        s.find_all(r#"[data-testid="todo"][data-field="appInfo.appIcon"]"#).len() == 1
    });
    // The reply says what changed.
    s.find(r#"[data-testid="review-reply"]"#).click();
    s.wait_until("the reply is written", |s| {
        s.find(r#"[data-testid="reply-text"]"#)
            .value()
            .contains("Display name: now “Acme Log Shipper”.")
    });
    s.screenshot(&shots().join("review-reply.png"));
    s.script("document.querySelector('[data-testid=reply-dialog]').close()", serde_json::json!([]));
    // Two to-dos for one ask: merged, one stays with both of the email's sentences.
    let before = s.find_all(r#"[data-testid="todo"]"#).len();
    let into = s.script(
        "return document.querySelector('[data-testid=todo] [data-testid=todo-merge] option:nth-child(2)').value",
        serde_json::json!([]),
    );
    let first_quote = s.find(r#"[data-testid="todo"] q"#).text();
    s.select(r#"[data-testid="todo"] [data-testid="todo-merge"]"#, into.as_str().unwrap());
    s.wait_until("one to-do fewer", |s| s.find_all(r#"[data-testid="todo"]"#).len() == before - 1);
    let quotes: Vec<String> =
        s.find_all(r#"[data-testid="todo"] q"#).iter().map(|q| q.text()).collect();
    assert!(
        quotes.iter().any(|q| q.contains(&first_quote) && q.len() > first_quote.len() + 10),
        "the merged to-do keeps both sentences: {quotes:?}"
    );
}

/// A draft submitted on 2 February 2026, under the OIN Manager's rules of 2025:
/// in December the window lists what changed in Okta's rules since, each on
/// its field, and offers to check the draft against today's rules.
#[test]
fn a_draft_submitted_under_older_rules_lists_what_changed_since() {
    use oin_core::library::Library;
    use oin_core::secrets::MemorySecretStore;
    use oin_core::store::Store;
    const FEB_2026: i64 = 1_770_000_000_000;
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("oin-studio.db");
    let (id, rev) = {
        let mut lib = Library::new(
            Store::open(&db).unwrap(),
            std::sync::Arc::new(MemorySecretStore::default()),
            None,
        );
        let view = lib.create(oin_core::IntegrationType::ApiService, None, FEB_2026).unwrap();
        let mut draft = view.draft.clone();
        draft.app_info.app_name = Some("Acme Log Shipper".into());
        let saved = lib.save(&view.id, &draft, FEB_2026 + 1000).unwrap();
        (view.id, saved.rev)
    };
    {
        let mut store = Store::open(&db).unwrap();
        store.link_remote(&id, "https://acme.okta.com", "0oa-sub-1").unwrap();
        store.set_submitted_rev(&id, rev).unwrap();
    }
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    let s = driver.session();
    // The draft was the last one open: the window comes back to it.
    s.find(r#"[data-testid="rules-changed"]"#);
    let changes = s.find_all(r#"[data-testid="rule-change"]"#);
    assert!(changes.len() >= 10, "the Wizard's form differs in many fields: {}", changes.len());
    let text = s.find(r#"[data-testid="rules-changed"]"#).text();
    assert!(text.contains("Submitted on 2 February 2026"), "{text}");
    assert!(text.contains("submitted in the OIN Wizard, no longer the OIN Manager"), "{text}");
    assert!(text.contains("21 July 2026"), "the dated change of July is listed: {text}");
    s.screenshot(&shots().join("rules-changed.png"));
    // A change on a field leads to it.
    s.script(
        "[...document.querySelectorAll('[data-testid=rule-change]')]
           .find(li => li.innerText.includes('App name'))
           .querySelector('[data-testid=change-go]').dataset.pick = '1'",
        serde_json::json!([]),
    );
    s.find(r#"[data-testid="change-go"][data-pick="1"]"#).click();
    s.wait_until("the display name has the focus", |s| {
        s.script("return document.activeElement.dataset.field || ''", serde_json::json!([]))
            .as_str()
            == Some("appInfo.appName")
    });
    // Checking against today's rules: the Wizard's labels, no more offer.
    s.find(r#"[data-testid="switch-pack"]"#).click();
    s.wait_until("the offer is gone", |s| s.find_all(r#"[data-testid="switch-pack"]"#).is_empty());
    s.wait_until("the form speaks the Wizard's words", |s| {
        s.find_all(r#"[data-field-wrap="appInfo.appName"]"#)
            .first()
            .is_some_and(|w| w.text().contains("Display name"))
    });
    assert!(!s.find_all(r#"[data-testid="rule-change"]"#).is_empty(), "Okta had the old revision");
}
