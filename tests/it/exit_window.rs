//! Nothing lost on a clean exit, in the real window: type and quit at once —
//! by Ctrl+Q (a real X key event to the window, through GTK's accelerator),
//! by the window's close button (the WM_DELETE_WINDOW a window manager sends)
//! and by SIGTERM — five rounds each; after every restart each character is in
//! the store.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use oin_core::store::Store;
use oin_tests::keyboard::window_of;
use oin_tests::webdriver::Driver;

#[derive(Clone, Copy, Debug)]
enum Exit {
    CtrlQ,
    CloseButton,
    Sigterm,
}

/// What a window manager does when the user clicks the close button.
const CLOSE: &str = r#"
import sys
from Xlib import X, display, protocol
d = display.Display()
w = d.create_resource_object("window", int(sys.argv[1]))
protocols, delete = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("WM_DELETE_WINDOW")
ev = protocol.event.ClientMessage(window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
w.send_event(ev, event_mask=X.NoEventMask)
d.flush()
"#;

fn exit(how: Exit, pid: u32) {
    let ok = match how {
        Exit::CtrlQ => {
            let w = window_of(pid);
            Command::new("xdotool")
                .args(["windowfocus", "--sync", &w, "key", "--clearmodifiers", "ctrl+q"])
                .status()
        }
        Exit::CloseButton => {
            let w = window_of(pid);
            Command::new("/usr/bin/python3").args(["-c", CLOSE, &w]).status()
        }
        Exit::Sigterm => Command::new("kill").args(["-TERM", &pid.to_string()]).status(),
    };
    assert!(ok.unwrap().success(), "{how:?} was sent");
}

fn gone(pid: u32) -> bool {
    !Path::new(&format!("/proc/{pid}")).exists()
        || std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
}

fn round_trip(how: Exit) {
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    let mut expected = String::new();
    for round in 0..5 {
        let s = driver.session();
        if round == 0 {
            s.find(r#"[data-testid="new-workflows"]"#).click();
        }
        let field = s.find(r#"[data-field="testAccount.instructions"]"#);
        s.wait_until("the draft reopens with everything typed before", |_| {
            field.value() == expected
        });
        let chunk = format!("{how:?} round {round}: typed and quit at once. ");
        field.type_text(&chunk);
        expected.push_str(&chunk);
        let pid = driver.app_pid();
        exit(how, pid);
        let deadline = Instant::now() + Duration::from_secs(8);
        while !gone(pid) {
            assert!(Instant::now() < deadline, "{how:?} round {round}: the app didn't exit");
            std::thread::sleep(Duration::from_millis(50));
        }
        drop(s);
        let store = Store::open(&data.path().join("oin-studio.db")).unwrap();
        let saved = store.list_drafts().unwrap()[0]
            .draft
            .test_account
            .instructions
            .clone()
            .unwrap_or_default();
        assert_eq!(saved, expected, "{how:?} round {round}: every character is in the store");
    }
}

#[test]
fn ctrl_q_right_after_typing_loses_nothing() {
    round_trip(Exit::CtrlQ);
}

#[test]
fn the_close_button_right_after_typing_loses_nothing() {
    round_trip(Exit::CloseButton);
}

#[test]
fn sigterm_right_after_typing_loses_nothing() {
    round_trip(Exit::Sigterm);
}

/// The disk fills up, the user types and quits: the app asks ("Your last
/// changes couldn't be saved: Try again / Quit without them") instead of
/// dropping them, stays open, and the database keeps what was saved; with
/// room again, "Try again" saves everything and quits.
#[test]
fn quitting_on_a_full_disk_asks_and_keeps_the_file_intact() {
    let Some(fs) = oin_tests::tmpfs::Tmpfs::mount("3m") else {
        eprintln!("not root: no tmpfs to fill; the store's full-disk test covers the refusal");
        return;
    };
    let data = fs.path().to_owned();
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.as_path())]);
    let s = driver.session();
    s.find(r#"[data-testid="new-workflows"]"#).click();
    let field = s.find(r#"[data-field="testAccount.instructions"]"#);
    let before = "Saved before the disk filled. ";
    field.type_text(before);
    s.wait_until("saved", |s| {
        s.find(r#"[data-testid="save-status"]"#).text() == "All changes saved"
    });
    // Fill what is left of the disk.
    let filler = data.join("filler");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", &format!("of={}", filler.display()), "bs=16k"])
        .stderr(std::process::Stdio::null())
        .status();
    let after = "Typed on a full disk, then quit. ";
    field.type_text(after);
    let pid = driver.app_pid();
    exit(Exit::CtrlQ, pid);
    s.wait_until("the user is asked, not left with a lost edit", |s| {
        s.script(
            "return document.querySelector('[data-testid=exit-unsaved]').open",
            serde_json::json!([]),
        ) == serde_json::json!(true)
    });
    std::thread::sleep(Duration::from_millis(3500));
    assert!(!gone(pid), "the app waits for the answer, past the usual 3-second bound");
    s.screenshot(
        &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/e2e-shots/24-quit-on-a-full-disk.png"),
    );
    {
        let store = Store::open(&data.join("oin-studio.db")).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok", "the file is intact");
        let saved = store.list_drafts().unwrap()[0].draft.test_account.instructions.clone();
        assert_eq!(saved.as_deref(), Some(before), "what was saved is still there");
    }
    std::fs::remove_file(&filler).unwrap();
    // The click ends the app: WebDriver may not live to answer it, so the
    // click is made by the page a moment after this call returns.
    s.find(r#"[data-testid="exit-retry"]"#);
    s.script(
        "setTimeout(() => document.querySelector('[data-testid=exit-retry]').click(), 50); return true",
        serde_json::json!([]),
    );
    let deadline = Instant::now() + Duration::from_secs(8);
    while !gone(pid) {
        assert!(Instant::now() < deadline, "with room again, Try again saves and quits");
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(s);
    let store = Store::open(&data.join("oin-studio.db")).unwrap();
    let saved = store.list_drafts().unwrap()[0].draft.test_account.instructions.clone();
    assert_eq!(saved.unwrap_or_default(), format!("{before}{after}"), "nothing typed was lost");
}
