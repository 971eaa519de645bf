//! The `oin` command line over a folder of fixture drafts: its JSON output is
//! compared with the expected files in `tests/fixtures/drafts/expected/`, and its
//! exit status with the documented one. `UPDATE_GOLDEN=1` rewrites the expected
//! files after a deliberate change.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn oin() -> PathBuf {
    let exe = if cfg!(windows) { "oin.exe" } else { "oin" };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/debug")
        .join(exe);
    assert!(
        path.exists(),
        "{} is missing: cargo build --workspace first",
        path.display()
    );
    path
}

fn drafts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(oin())
        .args(args)
        .current_dir(drafts())
        .output()
        .unwrap();
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
        let expected = drafts()
            .join("expected")
            .join(file.replace(".oin.json", ".json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
            std::fs::write(
                &expected,
                serde_json::to_string_pretty(&got).unwrap() + "\n",
            )
            .unwrap();
        }
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
        assert_eq!(
            got,
            want,
            "{file}: output differs from {}",
            expected.display()
        );
    }
}

#[test]
fn the_broken_draft_reports_each_rule_once_and_keeps_the_dismissal() {
    let (_, stdout, _) = run(&["check", "broken-workflows.oin.json", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let issues = v[0]["issues"].as_array().unwrap();
    let rules: Vec<&str> = issues.iter().map(|i| i["rule"].as_str().unwrap()).collect();
    for rule in [
        "url.https",
        "support.contact.valid",
        "escalation.distribution_list",
        "workflows.version",
    ] {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
    let dismissed = issues
        .iter()
        .find(|i| i["path"] == "appInfo.appName" && i["rule"] == "app_name.trademark")
        .unwrap();
    assert_eq!(dismissed["dismissed"], "Legal asked for the mark");
    assert!(
        !stdout.contains("testAccount.password"),
        "a draft file never holds the password"
    );
}

#[test]
fn human_output_and_usage_errors() {
    let (status, stdout, _) = run(&[
        "check",
        "complete-api.oin.json",
        "broken-workflows.oin.json",
    ]);
    assert_eq!(status, 1, "one file with errors makes the run fail");
    assert!(
        stdout.contains("complete-api.oin.json (oin-2026): 0 errors"),
        "{stdout}"
    );
    assert!(stdout.contains("ready to submit"));
    assert!(stdout.contains("fix: "));
    let (status, _, stderr) = run(&["check"]);
    assert_eq!((status, stderr.contains("no file to check")), (2, true));
    let (status, _, stderr) = run(&["check", "x", "--pack", "oin-1999"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("unknown pack oin-1999"), "{stderr}");
    let (status, _, stderr) = run(&["--help"]);
    assert_eq!((status, stderr.contains("usage: oin check")), (0, true));
}
