//! `oin login`, `oin submit` (dry run and real), `oin status` and `oin logout`
//! against the local Okta-compatible server, with the documented exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;

use oin_tests::okta_server::{OktaServer, API_TOKEN, CLIENT_ID};
use serde_json::Value;

fn oin() -> PathBuf {
    let exe = if cfg!(windows) { "oin.exe" } else { "oin" };
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug").join(exe)
}

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(oin());
    cmd.args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts"))
        .env_remove("OKTA_API_TOKEN")
        .env_remove("OIN_TEST_ACCOUNT_PASSWORD")
        .env("OIN_STUDIO_ALLOW_LOOPBACK_HTTP", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

const PW: (&str, &str) = ("OIN_TEST_ACCOUNT_PASSWORD", "cli-pw-canary-9");

#[test]
fn dry_run_prints_every_request_masked_and_sends_nothing() {
    let server = OktaServer::start();
    let url = server.url();
    let (code, out, err) =
        run(&["submit", "complete-api.oin.json", "--org", &url, "--dry-run"], &[PW]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nothing is sent"));
    for path in
        ["/submissions/logo", "/capabilities/api-service/protocols/oauth2", "/testing", "/submit"]
    {
        assert!(out.contains(path), "{path} missing:\n{out}");
    }
    assert!(out.contains("••••••••") && !out.contains("cli-pw-canary-9"), "{out}");
    assert!(server.state().log.is_empty(), "a dry run sends nothing");
    let (code, json, _) = run(
        &["submit", "complete-api.oin.json", "--org", &url, "--dry-run", "--format", "json"],
        &[PW],
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["requests"].as_array().unwrap().len(), 6);
}

#[test]
fn submit_and_status_with_an_api_token() {
    let server = OktaServer::start();
    let url = server.url();
    let token = ("OKTA_API_TOKEN", API_TOKEN);
    let (code, out, err) = run(&["submit", "complete-api.oin.json", "--org", &url], &[PW, token]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Submitted \"Acme Log Shipper\""), "{out}");
    assert!(err.contains("[6/6] Submit for review"), "progress goes to stderr: {err}");
    // Run again: the submission is found by name and is already under review.
    let (code, _, err) = run(&["submit", "complete-api.oin.json", "--org", &url], &[PW, token]);
    assert_eq!(code, 1, "Okta refuses a second submit: {err}");
    assert!(err.contains("already"), "{err}");
    assert_eq!(server.state().submissions.len(), 1, "never two");

    let (code, json, _) = run(&["status", "--org", &url, "--format", "json"], &[token]);
    assert_eq!(code, 0);
    let rows: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["status"], "toBeReviewed");
    assert_eq!(rows[0]["oktaStatus"], "OIN to review");
    server.assert_clean();
}

#[test]
fn exit_codes_say_refused_bad_input_or_unreachable() {
    let server = OktaServer::start();
    let url = server.url();
    let token = ("OKTA_API_TOKEN", API_TOKEN);
    // No password: the precheck refuses (exit 1) before anything is sent.
    let (code, _, err) = run(&["submit", "complete-api.oin.json", "--org", &url], &[token]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("testAccount.password"), "{err}");
    // A Workflows connector has no API to go to.
    let (code, _, err) = run(&["submit", "broken-workflows.oin.json", "--org", &url], &[PW, token]);
    assert_eq!(code, 1, "{err}");
    // Wrong token: Okta says no.
    let (code, _, err) = run(&["status", "--org", &url], &[("OKTA_API_TOKEN", "00-wrong")]);
    assert_eq!((code, err.contains("Sign in again")), (1, true), "{err}");
    // Bad input and an org nobody answers for.
    assert_eq!(run(&["submit", "malformed.oin.json", "--org", &url], &[PW]).0, 2);
    assert_eq!(run(&["status", "--org", "http://acme.okta.com"], &[token]).0, 2);
    let (code, _, err) = run(&["status", "--org", "http://127.0.0.1:9"], &[token]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Can't reach"), "{err}");
    assert!(server.state().submissions.is_empty());
}

#[test]
fn login_by_device_code_then_status_then_logout() {
    let server = OktaServer::start();
    let url = server.url();
    let (code, out, err) = run(&["login", "--org", &url, "--client-id", CLIENT_ID], &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("WDJB-MJHT") && out.contains("/activate"), "{out}");
    assert!(out.contains("Pat Lee"), "{out}");
    let (code, out, err) = run(&["status", "--org", &url], &[]);
    assert_eq!(code, 0, "the kept sign-in is used: {err}");
    assert!(out.contains("no OIN submissions"), "{out}");
    assert_eq!(run(&["logout", "--org", &url], &[]).0, 0);
    assert_eq!(server.state().revoked.len(), 2);
    let (code, _, err) = run(&["status", "--org", &url], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not signed in"), "{err}");
}

#[test]
fn login_in_the_browser_uses_pkce_and_keeps_the_session() {
    let server = OktaServer::start();
    let url = server.url();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.txt");
    let child = Command::new(oin())
        .args(["login", "--browser", "--org", &url, "--client-id", CLIENT_ID])
        .env("OIN_STUDIO_ALLOW_LOOPBACK_HTTP", "1")
        .env("OIN_STUDIO_OPEN_LOG", &log)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The "browser": opens what oin asked for and follows Okta's redirect back.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let opened = loop {
        if let Some(line) =
            std::fs::read_to_string(&log).ok().and_then(|s| s.lines().next().map(str::to_owned))
        {
            break line;
        }
        assert!(std::time::Instant::now() < deadline, "oin opened no browser");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(opened.contains("code_challenge_method=S256"), "{opened}");
    let back = oin_tests::http::get(&opened).location.unwrap();
    assert!(back.starts_with("http://127.0.0.1:4781"), "{back}");
    let page = oin_tests::http::get(&back).text;
    assert!(page.contains("You're signed in"));
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("Pat Lee"), "{text}");
    assert_eq!(server.count("GET /oauth2/v1/authorize"), 1);
    let (code, _, err) = run(&["status", "--org", &url], &[]);
    assert_eq!(code, 0, "the browser sign-in is kept: {err}");
    assert_eq!(run(&["logout", "--org", &url], &[]).0, 0);
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_login_waits_cancels_cleanly() {
    use oin_tests::okta_server::DeviceMode;
    use std::io::{BufRead, BufReader};
    let server = OktaServer::start();
    server.state().device_mode = DeviceMode::Approve { pending_polls: 1000, slow_down: false };
    let url = server.url();
    let mut child = Command::new(oin())
        .args(["login", "--org", &url, "--client-id", CLIENT_ID])
        .env("OIN_STUDIO_ALLOW_LOOPBACK_HTTP", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(Ok(line)) = lines.next() {
        if line.starts_with("Waiting for you") {
            break;
        }
    }
    // Let it poll once, then press Ctrl+C (SIGINT, as a terminal sends it).
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let started = std::time::Instant::now();
    assert!(Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("sign-in cancelled; nothing was kept"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "it stops at once");
    let (code, _, err) = run(&["status", "--org", &url], &[]);
    assert_eq!(code, 2, "nothing kept: {err}");
}
