//! The product side of the shell on Tauri's mock runtime: the updater against a
//! local manifest server through the real plugin (a newer version is offered
//! with its notes, an equal one is not, a package whose signature doesn't match
//! the key is refused, a server that is down is a polite error), and the menu.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use base64::Engine;
use serde_json::json;
use tauri::test::mock_builder;
use tauri::Manager;

use crate::updates::{self, UpdateError};

/// Serves `manifest` at /latest.json and `package` at /app.tar.gz.
fn serve(manifest: impl Fn(u16) -> serde_json::Value + Send + 'static, package: Vec<u8>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            let _ = reader.read_line(&mut line);
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).map_or(true, |n| n == 0) || h.trim().is_empty() {
                    break;
                }
            }
            let (ctype, body) = if line.contains("/latest.json") {
                ("application/json", manifest(port).to_string().into_bytes())
            } else {
                ("application/octet-stream", package.clone())
            };
            let mut s = &stream;
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body);
        }
    });
    port
}

struct Keys {
    pk: minisign::PublicKey,
    sk: minisign::SecretKey,
}

impl Keys {
    fn new() -> Self {
        let kp = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        Self { pk: kp.pk, sk: kp.sk }
    }
    /// The updater's form: base64 of the minisign public key file.
    fn pubkey(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(self.pk.to_box().unwrap().to_string())
    }
    /// The updater's form: base64 of the minisign signature file.
    fn sign(&self, data: &[u8]) -> String {
        let sig =
            minisign::sign(Some(&self.pk), &self.sk, data, Some("oin-studio test"), None).unwrap();
        base64::engine::general_purpose::STANDARD.encode(sig.to_string())
    }
}

fn manifest(version: &str, signature: String) -> impl Fn(u16) -> serde_json::Value {
    let version = version.to_owned();
    move |port| {
        let platform =
            json!({"signature": signature, "url": format!("http://127.0.0.1:{port}/app.tar.gz")});
        json!({
            "version": version,
            "notes": "Sign in to Okta and submit API service integrations.",
            "pub_date": "2026-11-29T12:00:00Z",
            "platforms": {
                "linux-x86_64": platform, "linux-x86_64-deb": platform,
                "darwin-aarch64": platform, "darwin-x86_64": platform,
                "windows-x86_64": platform, "windows-x86_64-nsis": platform,
            }
        })
    }
}

fn app() -> (tempfile::TempDir, tauri::App<tauri::test::MockRuntime>) {
    let dir = tempfile::tempdir().unwrap();
    let secrets = std::sync::Arc::new(oin_core::secrets::MemorySecretStore::default());
    let app = crate::run_app(mock_builder().manage(crate::AppState::open(dir.path(), secrets)))
        .build(tauri::generate_context!())
        .unwrap();
    (dir, app)
}

fn url(port: u16) -> Option<Vec<tauri::Url>> {
    Some(vec![format!("http://127.0.0.1:{port}/latest.json").parse().unwrap()])
}

#[test]
fn a_newer_version_is_offered_with_what_is_new_and_installs_only_if_signed() {
    let keys = Keys::new();
    let package = b"not really an app, but signed".to_vec();
    let port = serve(manifest("99.0.0", keys.sign(&package)), package.clone());
    let (_dir, app) = app();
    let handle = app.handle().clone();
    let found = tauri::async_runtime::block_on(updates::check_with(
        &handle,
        url(port),
        Some(keys.pubkey()),
    ))
    .unwrap()
    .expect("99.0.0 is newer");
    assert_eq!(found.version, "99.0.0");
    assert_eq!(found.current_version, env!("CARGO_PKG_VERSION"));
    assert!(found.notes.unwrap().contains("submit API service"));
    let bytes = tauri::async_runtime::block_on(updates::download(&handle, |_| {})).unwrap();
    assert_eq!(bytes, package, "a package signed with the key is accepted");
}

#[test]
fn the_same_version_is_not_offered() {
    let keys = Keys::new();
    let port = serve(manifest(env!("CARGO_PKG_VERSION"), keys.sign(b"x")), b"x".to_vec());
    let (_dir, app) = app();
    let found = tauri::async_runtime::block_on(updates::check_with(
        app.handle(),
        url(port),
        Some(keys.pubkey()),
    ));
    assert_eq!(found.unwrap(), None);
    assert!(app.state::<updates::Pending>().0.lock().unwrap().is_none());
}

#[test]
fn a_package_signed_by_another_key_is_refused() {
    let ours = Keys::new();
    let theirs = Keys::new();
    let package = b"tampered".to_vec();
    let port = serve(manifest("99.0.0", theirs.sign(&package)), package);
    let (_dir, app) = app();
    let handle = app.handle().clone();
    let found = tauri::async_runtime::block_on(updates::check_with(
        &handle,
        url(port),
        Some(ours.pubkey()),
    ));
    assert!(found.unwrap().is_some());
    let refused = tauri::async_runtime::block_on(updates::download(&handle, |_| {})).unwrap_err();
    assert!(matches!(refused, UpdateError::Signature(_)), "{refused}");
    assert!(refused.to_string().contains("not installed"));
}

#[test]
fn a_server_that_is_down_is_an_error_in_words() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (_dir, app) = app();
    let e = tauri::async_runtime::block_on(updates::check_with(app.handle(), url(port), None))
        .unwrap_err();
    assert!(matches!(e, UpdateError::Check(_)));
    assert!(e.to_string().contains("tries again tomorrow"), "{e}");
}

#[test]
fn the_menu_has_the_usual_entries_and_hands_the_ui_its_choices() {
    use tauri::Listener;
    let (_dir, app) = app();
    let menu = crate::menu::build(app.handle()).unwrap();
    let mut labels = Vec::new();
    for top in menu.items().unwrap() {
        let sub = top.as_submenu().expect("every top-level entry is a submenu").clone();
        labels.push(sub.text().unwrap());
        for item in sub.items().unwrap() {
            if let Some(i) = item.as_menuitem() {
                labels.push(format!("{} ({})", i.text().unwrap(), i.id().as_ref()));
            }
        }
    }
    let text = labels.join(", ");
    for want in [
        "File",
        "New API service draft (new-api)",
        "Import draft… (import)",
        "Export draft… (export)",
        "Edit",
        "Undo (undo)",
        "Redo (redo)",
        "Help",
        "About OIN Studio (about)",
        "Check for updates… (updates)",
    ] {
        assert!(text.contains(want), "{want} missing in {text}");
    }
    let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = heard.clone();
    app.listen("menu", move |e| sink.lock().unwrap().push(e.payload().to_owned()));
    crate::menu::on_event(app.handle(), tauri::menu::MenuEvent { id: "undo".into() });
    crate::menu::on_event(app.handle(), tauri::menu::MenuEvent { id: "something-else".into() });
    assert_eq!(*heard.lock().unwrap(), vec!["\"undo\"".to_owned()]);
}
