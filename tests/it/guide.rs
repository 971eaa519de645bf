//! The guide doctor through `oin guide`: guides written in HTML (a vendor docs
//! page, a help-center article, a published Google Doc), Markdown and PDF, read
//! from files and from a loopback web server that also serves what isn't a
//! guide (sign-in walls, 403, endless redirects, 11 MB, binary, a cookie wall);
//! the verdict table per check id, the exit codes, and the round trip written →
//! checked → all pass for both integration types.

use std::path::{Path, PathBuf};
use std::process::Command;

use oin_tests::guide_server::GuideServer;
use serde_json::Value;

fn oin() -> PathBuf {
    let exe = if cfg!(windows) { "oin.exe" } else { "oin" };
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug").join(exe)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(oin()).args(args).current_dir(fixtures()).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

/// `oin guide check … --format json`: the exit code and the report.
fn check(source: &str, kind: &str, draft: Option<&str>) -> (i32, Value) {
    let mut args = vec!["guide", "check", source, "--type", kind, "--format", "json"];
    if let Some(d) = draft {
        args.extend(["--draft", d]);
    }
    let (code, out, err) = run(&args);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, v)
}

fn failing(v: &Value) -> Vec<String> {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["passed"] == false)
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

const API: &str = "api-service";
const WF: &str = "workflows";

#[test]
fn each_guide_gets_the_verdicts_a_reviewer_would_give() {
    let table: &[(&str, &str, &[&str])] = &[
        ("guides/api-service-good.html", API, &[]),
        ("guides/google-doc-published.html", API, &[]),
        ("guides/api-service-good.pdf", API, &[]),
        (
            "guides/api-service-partial.html",
            API,
            &[
                "guide.prerequisites",
                "guide.supported_features",
                "guide.troubleshooting",
                "guide.okta_admin_steps",
            ],
        ),
        ("guides/workflows-good.md", WF, &[]),
        (
            "guides/workflows-thin.html",
            WF,
            &[
                "guide.prerequisites",
                "guide.supported_features",
                "guide.configuration_steps",
                "guide.troubleshooting",
                "guide.connector_version",
                "guide.authorization_topic",
                "guide.action_card_topics",
                "guide.custom_api_action_topic",
            ],
        ),
    ];
    for (file, kind, want) in table {
        let (code, v) = check(file, kind, None);
        assert_eq!(failing(&v), *want, "{file} as {kind}: {v:#}");
        assert_eq!(code, if want.is_empty() { 0 } else { 1 }, "{file}: exit code");
        assert_eq!((v["source"].as_str(), v["type"].as_str()), (Some(*file), Some(*kind)));
        for c in v["checks"].as_array().unwrap() {
            for key in ["id", "evidence", "message", "fix", "source"] {
                assert!(c[key].is_string(), "{file}: {key} in {c}");
            }
            assert!(c["passed"].is_boolean());
            assert!(c["source"].as_str().unwrap().starts_with("https://"), "{c}");
        }
    }
    // The evidence is the guide's own words.
    let (_, v) = check("guides/api-service-good.html", API, None);
    let pre =
        v["checks"].as_array().unwrap().iter().find(|c| c["id"] == "guide.prerequisites").unwrap();
    assert_eq!(pre["evidence"], "heading “Before you begin”");
    let (_, v) = check("guides/workflows-good.md", WF, None);
    let cards = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "guide.action_card_topics")
        .unwrap();
    assert_eq!(cards["evidence"], "2 card topics: Create Ticket, Search Tickets");
}

/// `oin` reads a PDF in a child process of itself (`guide::pdf`): pdf-extract
/// panics on this one (its text uses a font the page doesn't list), and a
/// release build aborts on a panic. The damaged file is a verdict, the good
/// PDF beside it still reads, and the reader, asked directly, answers alone.
#[test]
fn a_pdf_that_crashes_the_reader_is_a_verdict_and_the_next_pdf_still_reads() {
    let (code, v) = check("guides/damaged-font.pdf", API, None);
    assert_eq!(code, 2, "{v:#}");
    let reachable = &v["checks"][0];
    assert_eq!(reachable["id"], "guide.reachable");
    assert!(reachable["message"].as_str().unwrap().contains("damaged PDF"), "{reachable}");
    let (code, v) = check("guides/api-service-good.pdf", API, None);
    assert_eq!((code, failing(&v).len()), (0, 0), "{v:#}");

    let read = |file: &str| {
        let mut child = Command::new(oin())
            .arg(oin_core::guide::pdf::READER_ARG)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let bytes = std::fs::read(fixtures().join(file)).unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &bytes).unwrap();
        child.wait_with_output().unwrap()
    };
    let good = read("guides/api-service-good.pdf");
    assert!(good.status.success());
    assert!(String::from_utf8_lossy(&good.stdout).starts_with('T'), "the text layer follows");
    assert!(String::from_utf8_lossy(&good.stdout).contains("Prerequisites"));
    let damaged = read("guides/damaged-font.pdf");
    assert!(!damaged.status.success(), "the reader dies, alone");
}

#[test]
fn with_a_draft_the_scopes_and_version_must_match_it() {
    // The draft requests okta.logs.read only; the Northwind guide names three more.
    let (code, v) =
        check("guides/api-service-good.html", API, Some("drafts/complete-api.oin.json"));
    assert_eq!((code, failing(&v)), (1, vec!["guide.scopes_listed".to_owned()]));
    let scopes =
        &v["checks"].as_array().unwrap().iter().find(|c| c["id"] == "guide.scopes_listed").unwrap()
            ["message"];
    assert!(scopes.as_str().unwrap().contains("names okta.apps.read, okta.groups.read, okta.users.read that the draft doesn't request"), "{scopes}");
    // The connector draft submits version 3; the guide covers 1.3.0.
    let (_, v) = check("guides/workflows-good.md", WF, Some("drafts/complete-workflows.oin.json"));
    assert_eq!(failing(&v), ["guide.connector_version"]);
    // --type defaults to the draft's.
    let (code, out, _) = run(&[
        "guide",
        "check",
        "guides/workflows-good.md",
        "--draft",
        "drafts/complete-workflows.oin.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("(workflows): 8 of 9 checks pass"), "{out}");
}

#[test]
fn pages_that_are_not_guides_get_their_own_verdict() {
    let server = GuideServer::start();
    let (code, v) = check(&server.url("/api-service-good.html"), API, None);
    assert_eq!((code, failing(&v).len()), (0, 0), "{v:#}");
    let (code, v) = check(&server.url("/moved"), API, None);
    assert_eq!(code, 0, "a redirect to the guide is followed: {v:#}");
    let (code, v) = check(&server.url("/pdf-as-html"), API, None);
    assert_eq!(code, 0, "a PDF is read as a PDF whatever its content type: {v:#}");
    let cases: &[(&str, &str)] = &[
        ("/walled", "The OIN team can't open this: it redirects to a sign-in page"),
        ("/sso", "redirects to a sign-in page (accounts.google.com/ServiceLogin)"),
        ("/login", "The OIN team can't open this: the page is a sign-in form"),
        ("/forbidden", "The OIN team can't open this: the address answers 403"),
        ("/gone", "The address answers 404"),
        ("/loop", "redirects endlessly"),
        ("/huge", "larger than 10 MB"),
        ("/huge-streamed", "larger than 10 MB"),
        ("/binary", "binary data"),
        ("/cookies", "only a cookie notice"),
        ("/scanned.pdf", "This PDF has no selectable text"),
    ];
    for (path, words) in cases {
        let (code, v) = check(&server.url(path), API, None);
        assert_eq!(code, 2, "{path}: unreadable exits 2");
        assert_eq!(v["checked"], true, "{path}: a verdict, not 'not checked'");
        let reachable = &v["checks"][0];
        assert_eq!(
            (reachable["id"].as_str(), reachable["passed"].as_bool()),
            (Some("guide.reachable"), Some(false))
        );
        let message = reachable["message"].as_str().unwrap();
        assert!(message.contains(words), "{path}: {message}");
        assert!(!reachable["fix"].as_str().unwrap().is_empty());
    }
}

#[test]
fn offline_or_too_slow_is_not_checked_never_a_verdict_on_the_guide() {
    let server = GuideServer::start();
    for url in ["http://127.0.0.1:9/guide".to_owned(), server.url("/never-ends")] {
        let (code, v) = check(&url, API, None);
        assert_eq!(code, 2, "{url}");
        assert_eq!(v["checked"], false, "{url}: {v:#}");
        assert!(v["checks"][0]["message"].as_str().unwrap().starts_with("Not checked"), "{v:#}");
    }
}

#[test]
fn a_written_guide_passes_its_own_check_for_both_types() {
    let dir = tempfile::tempdir().unwrap();
    for (draft, kind) in
        [("drafts/complete-api.oin.json", API), ("drafts/complete-workflows.oin.json", WF)]
    {
        for ext in ["md", "html"] {
            let out = dir.path().join(format!("{kind}.{ext}"));
            let out = out.to_str().unwrap();
            let (code, stdout, err) = run(&["guide", "write", draft, "-o", out]);
            assert_eq!(code, 0, "{stdout}{err}");
            let (code, v) = check(out, kind, Some(draft));
            assert_eq!((code, failing(&v)), (0, vec![]), "{draft} → {out}: {v:#}");
        }
    }
    let md = std::fs::read_to_string(dir.path().join("api-service.md")).unwrap();
    assert!(md.contains("`okta.logs.read`: View logs"), "{md}");
    assert!(md.contains("help@acme.example"), "the public support contact: {md}");
    assert!(md.contains("Install & Authorize"));
    let wf = std::fs::read_to_string(dir.path().join("workflows.md")).unwrap();
    assert!(wf.contains("version 3 of the acme-hr connector"), "{wf}");
    // The test-case document from the flow test suite's flows.
    let csv = dir.path().join("cases.csv");
    let (code, _, err) = run(&[
        "guide",
        "write",
        "drafts/complete-workflows.oin.json",
        "-o",
        dir.path().join("w.md").to_str().unwrap(),
        "--test-cases",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(csv).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("Test case ID,Action card,Title,Preconditions,Expected results"));
    assert!(lines.next().unwrap().starts_with("TC-01,"), "{csv}");
    // Bad arguments.
    let (code, _, err) = run(&["guide", "write", "drafts/complete-api.oin.json", "-o", "x.docx"]);
    assert_eq!(code, 2);
    assert!(err.contains(".md or .html"), "{err}");
    let (code, _, err) = run(&[
        "guide",
        "write",
        "drafts/complete-api.oin.json",
        "-o",
        "/tmp/x.md",
        "--test-cases",
        "/tmp/t.csv",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("Workflows connectors"), "{err}");
    let (code, _, err) = run(&["guide", "check", "guides/api-service-good.html"]);
    assert_eq!(code, 2);
    assert!(err.contains("--type"), "{err}");
}
