//! The `oin` command line over a folder of fixture drafts: its JSON output is
//! compared with the expected files in `tests/fixtures/drafts/expected/`, and its
//! exit status with the documented one. `UPDATE_GOLDEN=1` rewrites the expected
//! files after a deliberate change.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn oin() -> PathBuf {
    let exe = if cfg!(windows) { "oin.exe" } else { "oin" };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug").join(exe);
    assert!(path.exists(), "{} is missing: cargo build --workspace first", path.display());
    path
}

fn drafts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(oin()).args(args).current_dir(drafts()).output().unwrap();
    (
        out.status.code().expect("oin exits normally"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_output_matches_the_expected_files() {
    for (file, want_status) in [
        ("complete-api.oin.json", 0),
        ("broken-workflows.oin.json", 1),
        ("escaping-path.oin.json", 2),
        ("malformed.oin.json", 2),
    ] {
        let (status, stdout, stderr) =
            run(&["check", file, "--pack", "oin-2026", "--format", "json"]);
        assert_eq!(status, want_status, "{file}: exit status\n{stdout}{stderr}");
        let got: Value = serde_json::from_str(&stdout).expect("--format json prints JSON");
        let expected = drafts().join("expected").join(file.replace(".oin.json", ".json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
            std::fs::write(&expected, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        }
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
        assert_eq!(got, want, "{file}: output differs from {}", expected.display());
    }
}

#[test]
fn the_broken_draft_reports_each_rule_once_and_keeps_the_dismissal() {
    let (_, stdout, _) = run(&["check", "broken-workflows.oin.json", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let issues = v[0]["issues"].as_array().unwrap();
    let rules: Vec<&str> = issues.iter().map(|i| i["rule"].as_str().unwrap()).collect();
    for rule in
        ["url.https", "support.contact.valid", "escalation.distribution_list", "workflows.version"]
    {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
    let dismissed = issues
        .iter()
        .find(|i| i["path"] == "appInfo.appName" && i["rule"] == "app_name.trademark")
        .unwrap();
    assert_eq!(dismissed["dismissed"], "Legal asked for the mark");
    assert!(!stdout.contains("testAccount.password"), "a draft file never holds the password");
}

#[test]
fn human_output_and_usage_errors() {
    let (status, stdout, _) = run(&["check", "complete-api.oin.json", "broken-workflows.oin.json"]);
    assert_eq!(status, 1, "one file with errors makes the run fail");
    assert!(stdout.contains("complete-api.oin.json (oin-2026): 0 errors"), "{stdout}");
    assert!(stdout.contains("ready to submit"));
    assert!(stdout.contains("fix: "));
    let (status, _, stderr) = run(&["check"]);
    assert_eq!((status, stderr.contains("<FILE>")), (2, true), "{stderr}");
    let (status, _, stderr) = run(&["check", "x", "--pack", "oin-1999"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("unknown pack oin-1999"), "{stderr}");
    let (status, stdout, _) = run(&["--help"]);
    assert_eq!(status, 0);
    for command in ["check", "logo", "guide", "login", "logout", "submit", "status", "completions"]
    {
        assert!(stdout.contains(&format!("  {command} ")), "--help lists {command}: {stdout}");
    }
    // Every command has its own generated help.
    let (status, stdout, _) = run(&["check", "--help"]);
    assert_eq!(status, 0);
    assert!(stdout.contains("--pack <ID>") && stdout.contains("--format <FORMAT>"), "{stdout}");
    let (status, stdout, _) = run(&["guide", "check", "--help"]);
    assert_eq!(status, 0);
    assert!(stdout.contains("--type <TYPE>") && stdout.contains("api-service"), "{stdout}");
    let (status, _, stderr) = run(&["check", "x", "--frobnicate"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--frobnicate"), "{stderr}");
    let (status, _, stderr) = run(&["frobnicate"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("frobnicate"), "{stderr}");
}

#[test]
fn logo_inspect_and_fix_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let good = fixtures.join("logo-200.png");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../icons/source.png");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = Command::new(oin()).args(args).output().unwrap();
        (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
    };
    let (status, json) = run(&[
        "logo".as_ref(),
        "inspect".as_ref(),
        good.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(status, 0, "an accepted logo exits 0");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (v["accepted"].clone(), v["report"]["format"].clone()),
        (Value::Bool(true), Value::from("png"))
    );
    assert_eq!(v["report"]["width"], 200);
    assert!(v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["id"].as_str().unwrap().starts_with("logo.")));

    let (status, human) = run(&["logo".as_ref(), "inspect".as_ref(), source.as_os_str()]);
    assert_eq!(status, 1, "1024×1024 fails the hard rules");
    assert!(human.contains("isn't one of Okta's sizes") && human.contains("rounded"), "{human}");

    let fixed = dir.path().join("fixed.png");
    let (status, _) = run(&[
        "logo".as_ref(),
        "fix".as_ref(),
        source.as_os_str(),
        "-o".as_ref(),
        fixed.as_os_str(),
        "--shape".as_ref(),
        "circle".as_ref(),
        "--background".as_ref(),
        "#ffffff".as_ref(),
    ]);
    assert_eq!(status, 0);
    let (status, json) = run(&[
        "logo".as_ref(),
        "inspect".as_ref(),
        fixed.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (status, v["report"]["width"].clone(), v["report"]["height"].clone()),
        (0, 244.into(), 244.into())
    );

    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not an image").unwrap();
    let (status, json) = run(&[
        "logo".as_ref(),
        "inspect".as_ref(),
        text.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(status, 2, "unreadable input exits 2");
    assert!(serde_json::from_str::<Value>(&json).unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("isn't an image"));
}

/// `oin check … | head`: when the reader goes away, `oin` ends quietly with
/// the usual status for a closed pipe (141: SIGPIPE), not a panic and a
/// backtrace. Run through a shell pipeline, as a user runs it.
#[test]
fn a_closed_pipe_ends_oin_quietly() {
    // More than a pipe holds (64 KiB), so `oin` is still writing when `head` leaves.
    let files = vec!["broken-workflows.oin.json"; 400].join(" ");
    let script = format!(
        "\"$0\" check {files} | head -c 100 >/dev/null; echo \"status ${{PIPESTATUS[0]}}\" >&2"
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .arg(oin())
        .current_dir(drafts())
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
    assert!(err.contains("status 141"), "ended by SIGPIPE, as other tools are: {err}");
}

#[test]
fn shell_completions_are_generated_from_the_grammar() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (status, stdout, _) = run(&["completions", shell]);
        assert_eq!(status, 0, "{shell}");
        for word in ["check", "guide", "format"] {
            assert!(stdout.contains(word), "{shell} completes {word}");
        }
    }
    // bash really loads it and completes a command.
    let script = format!(
        "source /dev/stdin <<'EOF'\n{}\nEOF\nCOMP_WORDS=(oin gu); COMP_CWORD=1; COMP_LINE='oin gu'; COMP_POINT=6; _oin oin gu oin; echo \"${{COMPREPLY[@]}}\"",
        run(&["completions", "bash"]).1
    );
    let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "guide",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_review_email_becomes_to_dos_linked_to_the_draft_s_fields() {
    let email =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/reviews/api-service-fix-bugs.eml");
    let email = email.to_str().unwrap();
    let (status, stdout, stderr) =
        run(&["review", "parse", email, "--draft", "complete-api.oin.json", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let got: Vec<(Value, Value)> = v["todos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["field"].clone(), t["kind"].clone()))
        .collect();
    let want = [
        (Value::from("appInfo.appName"), Value::from("fix-field")),
        (Value::from("support.escalationContact"), Value::from("fix-field")),
        (Value::from("apiService.configGuideUrl"), Value::from("fix-document")),
        (Value::from("apiService.scopes"), Value::from("fix-field")),
        (Value::Null, Value::from("fix-app")),
    ];
    assert_eq!(got, want, "{stdout}");
    for t in v["todos"].as_array().unwrap() {
        for key in ["quote", "message"] {
            assert!(t[key].as_str().is_some_and(|s| !s.is_empty()), "{t}");
        }
    }
    assert!(
        stdout.contains("help@gmail.com is a personal address"),
        "quoted-printable decoded: {stdout}"
    );
    assert!(!stdout.contains("update the logo"), "quoted history is not an ask");
    // Human output, stdin, and the type required without a draft.
    let (status, stdout, _) = run(&["review", "parse", email, "--type", "api-service"]);
    assert_eq!(status, 0);
    assert!(stdout.contains("5 to-do(s)") && stdout.contains("[fix-document]"), "{stdout}");
    let (status, _, stderr) = run(&["review", "parse", email]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--type"), "{stderr}");
    let (status, _, _) = run(&["review", "parse", "no-such-email.txt", "--type", "workflows"]);
    assert_eq!(status, 2);
}
