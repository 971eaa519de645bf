//! "Copy" on the test-account password, in the real window: Rust copies it
//! (the webview never holds it), the X clipboard has it, and after the clear
//! delay it is gone — unless the user copied something else since, which stays.

use std::path::Path;
use std::time::Duration;

use oin_tests::webdriver::Driver;

fn clipboard() -> String {
    let out = std::process::Command::new("xclip").args(["-selection", "clipboard", "-o"]).output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}

fn set_clipboard(text: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new("xclip")
        .args(["-selection", "clipboard", "-i"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    child.wait().unwrap();
}

#[test]
fn the_password_is_copied_by_rust_and_cleared_only_if_still_there() {
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_CLIPBOARD_CLEAR_MS", Path::new("1500")),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="new-workflows"]"#).click();
    s.find(r#"[data-field="testAccount.password"]"#).fill("clip-pw-Zq8");
    s.wait_until("the password is kept", |s| {
        s.script(
            "return document.querySelector('[data-testid=copy]') !== null",
            serde_json::json!([]),
        ) == serde_json::json!(true)
    });
    std::thread::sleep(Duration::from_millis(800)); // the password's own save
    s.find(r#"[data-testid="copy"]"#).click();
    s.wait_until("the clipboard holds the password", |_| clipboard() == "clip-pw-Zq8");
    s.wait_until("it is cleared after the delay", |_| clipboard().is_empty());

    s.find(r#"[data-testid="copy"]"#).click();
    s.wait_until("copied again", |_| clipboard() == "clip-pw-Zq8");
    set_clipboard("what the user copied next");
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(clipboard(), "what the user copied next", "only the password is ever cleared");
}
