//! The lifecycle and the keychain in the real window: mark a draft published,
//! update it and see the diff and proposed summary; deleting a non-draft isn't
//! offered; delete a draft and restore it. The password goes to the real
//! Secret Service (gnome-keyring) and nowhere else: a canary search of every
//! file the app wrote, its export and its log finds nothing.

use std::path::{Path, PathBuf};

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

fn wait_saved(s: &Session) {
    s.wait_until("every change is saved", |s| {
        s.find(r#"[data-testid="save-status"]"#).text() == "All changes saved"
    });
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn publish_update_delete_restore_and_the_password_only_in_the_keychain() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let log = out.path().join("app.log");
    let canary = format!("canary-{}-Zq8", std::process::id());
    let driver = Driver::start_logged(
        &[
            ("OIN_STUDIO_DATA_DIR", data.path()),
            ("OIN_STUDIO_PICK_FOLDER", &out.path().join("export")),
        ],
        Some(&log),
    );
    let s = driver.session();
    s.find(r#"[data-testid="new-org"]"#).fill("acme.okta.com");
    // A Workflows connector: the OIN Manager's Update flow (API services in
    // the OIN Wizard update by Catalog Info or Integration instead).
    s.find(r#"[data-testid="new-workflows"]"#).click();
    s.find(r#"[data-testid="status-panel"]"#);
    assert!(s.find(r#"[data-testid="slots"]"#).text().contains("1 of 10 submissions used"));
    field(&s, "appInfo.appName").fill("Acme Logs");
    field(&s, "appInfo.description").fill("Ships the System Log.");
    field(&s, "testAccount.password").fill(&canary);
    s.wait_until("the keychain holds the password", |s| {
        !s.find_all(r#"[data-testid="reveal"]"#).is_empty()
    });
    assert!(s.find_all(r#"[data-testid="password-error"]"#).is_empty());
    wait_saved(&s);
    s.find(r#"[data-testid="export"]"#).click();
    s.find(r#"[data-testid="exported"]"#);

    // Published: no Delete, an Update; reminders about the test account.
    choose_status(&s, "toBeReviewed");
    s.wait_until("the status is set", |s| {
        s.find(r#"[data-testid="status-label"]"#).text() == "To be reviewed by Okta"
    });
    assert!(s.find(r#"[data-testid="reminder"]"#).text().contains("active"));
    choose_status(&s, "published");
    s.wait_until("published", |s| s.find(r#"[data-testid="status-label"]"#).text() == "Published");
    assert!(s.find(r#"[data-testid="reminder"]"#).text().contains("30 days"));
    s.screenshot(&shots().join("20-published-timeline.png"));
    s.find(r#"[data-testid="back"]"#).click();
    s.find(r#"[data-testid="draft-row"]"#);
    assert!(
        s.find_all(r#"[data-testid="delete"]"#).is_empty(),
        "a published submission can't be deleted"
    );

    // Update: a linked draft version with the diff and a proposed summary.
    s.find(r#"[data-testid="open-draft"]"#).click();
    s.find(r#"[data-testid="update-published"]"#).click();
    s.find(r#"[data-testid="changes-panel"]"#);
    assert!(field(&s, "appInfo.existsInOin.yes").checked());
    assert_eq!(field(&s, "appInfo.existingAppName").value(), "Acme Logs");
    field(&s, "appInfo.description").fill("Ships the System Log and group changes.");
    s.wait_until("the diff shows the description", |s| {
        s.find_all(r#"[data-testid="change"][data-path="appInfo.description"]"#).len() == 1
    });
    assert_eq!(
        s.find(r#"[data-testid="proposed-summary"]"#).text(),
        "Updated the app description."
    );
    s.find(r#"[data-testid="use-summary"]"#).click();
    s.wait_until("the summary is filled", |s| {
        field(s, "appInfo.updateSummary").value() == "Updated the app description."
    });
    wait_saved(&s);
    s.screenshot(&shots().join("21-update-diff.png"));

    // Delete the update draft (a draft), see it in the Trash, restore it.
    s.find(r#"[data-testid="back"]"#).click();
    s.wait_until("two submissions are listed", |s| {
        s.find_all(r#"[data-testid="draft-row"]"#).len() == 2
    });
    assert!(s.find(r#"[data-testid="slot-meter"]"#).text().contains("2 of 10"));
    assert_eq!(s.find_all(r#"[data-testid="delete"]"#).len(), 1, "only the draft offers Delete");
    s.find(r#"[data-testid="delete"]"#).click();
    assert!(s.find("dialog.confirm").text().contains("can't be recovered"));
    s.find(r#"[data-testid="confirm-delete"]"#).click();
    s.wait_until("the draft leaves the list", |s| {
        s.find_all(r#"[data-testid="draft-row"]"#).len() == 1
    });
    s.find(r#"[data-testid="trash"] summary"#).click();
    assert!(s.find(r#"[data-testid="trash-item"]"#).text().contains("30 days left"));
    s.screenshot(&shots().join("22-trash.png"));
    s.find(r#"[data-testid="restore"]"#).click();
    s.wait_until("the draft is back", |s| s.find_all(r#"[data-testid="draft-row"]"#).len() == 2);

    // After a restart, the password comes back from the keychain on Reveal.
    drop(s);
    let s = driver.session();
    s.wait_until("the library lists both", |s| {
        s.find_all(r#"[data-testid="open-draft"]"#).len() == 2
    });
    // Both are named "Acme Logs": the published one holds the password.
    let row = s
        .find_all(r#"[data-testid="draft-row"]"#)
        .into_iter()
        .position(|e| e.text().contains("Published"))
        .expect("the published submission is listed");
    s.find_all(r#"[data-testid="open-draft"]"#)[row].click();
    s.find(r#"[data-testid="reveal"]"#).click();
    s.wait_until("Reveal shows the keychain's password", |s| {
        field(s, "testAccount.password").value() == canary
    });
    drop(s);
    drop(driver);

    // The canary: nowhere on disk but the keychain.
    let mut searched = files(data.path());
    searched.extend(files(out.path()));
    let names: Vec<String> =
        searched.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n == "oin-studio.db"), "the database was searched: {names:?}");
    assert!(names.iter().any(|n| n.ends_with(".oin.json")), "the export was searched");
    assert!(names.iter().any(|n| n == "app.log"), "the log was searched");
    for f in &searched {
        let bytes = std::fs::read(f).unwrap();
        assert!(!contains(&bytes, canary.as_bytes()), "the password leaked into {}", f.display());
    }
}

/// With no keychain reachable, the password is refused with a clear message and
/// stored nowhere — never a plaintext fallback.
#[test]
fn without_a_keychain_the_password_is_not_stored_at_all() {
    let data = tempfile::tempdir().unwrap();
    let nowhere = Path::new("unix:path=/nonexistent/oin-studio-bus");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("DBUS_SESSION_BUS_ADDRESS", nowhere),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="new-workflows"]"#).click();
    field(&s, "testAccount.password").fill("no-keychain-canary-31");
    s.wait_until("the keychain error is shown", |s| {
        !s.find_all(r#"[data-testid="password-error"]"#).is_empty()
    });
    let msg = s.find(r#"[data-testid="password-error"]"#).text();
    assert!(
        msg.contains("can't reach your system keychain") && msg.contains("not saved anywhere"),
        "{msg}"
    );
    let help = s.find(r#"[data-testid="keychain-help"]"#).text();
    assert!(help.contains("GNOME Keyring"), "the keychain help for this system: {help}");
    s.screenshot(&shots().join("23-no-keychain.png"));
    drop(s);
    drop(driver);
    for f in files(data.path()) {
        assert!(
            !contains(&std::fs::read(&f).unwrap(), b"no-keychain-canary-31"),
            "{}",
            f.display()
        );
    }
}
