//! Every input the fuzzers (scripts/fuzz) were seeded with or found a crash
//! with, replayed through the same calls as the fuzz targets in
//! `fuzz/fuzz_targets/`: each must end in a value or an error, never a panic,
//! and quickly. A crash found by a run is added to `fuzz/regressions/<target>/`
//! with its fix.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oin_core::guide::{checks, read};
use oin_core::okta::http::Response;
use oin_core::okta::remote::{to_draft, RemoteSubmission};
use oin_core::IntegrationType;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut out = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else { continue };
        for e in entries.flatten() {
            if e.path().is_file() {
                out.push((e.path(), std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn replay(target: &str, run: impl Fn(&[u8])) {
    let all = inputs(target);
    assert!(!all.is_empty(), "{target} has seeds in fuzz/seeds/{target}");
    for (path, bytes) in all {
        let started = Instant::now();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&bytes)));
        assert!(caught.is_ok(), "{target}: {} panics", path.display());
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{target}: {} is slow",
            path.display()
        );
    }
}

#[test]
fn draft_import() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(dir.path().join("tests.flopack"), br#"{"type":"flopack","data":{"flos":{}}}"#)
        .unwrap();
    replay("draft_import", |data| {
        let path = dir.path().join("d.oin.json");
        std::fs::write(&path, data).unwrap();
        if let Ok(imported) = oin_core::exchange::read(&path) {
            let pack = oin_core::rules::RulePack::for_draft(
                &imported.draft,
                oin_core::rules::CalendarDate::from_unix_millis(0),
            );
            let _ = oin_core::rules::check(&imported.draft, pack, &Default::default());
        }
    });
}

#[test]
fn flow_suite() {
    replay("flow_suite", |data| {
        let name = if data.first().is_some_and(|b| b & 1 == 1) { "t.folder" } else { "t.flopack" };
        let _ = oin_core::flowsuite::inspect(name, data);
    });
}

#[test]
fn logo() {
    replay("logo", |data| {
        if let Ok(v) = oin_core::logo::judge(data) {
            if u64::from(v.report.width) * u64::from(v.report.height) <= 512 * 512 {
                let _ = oin_core::logo::fix(data, Default::default());
            }
        }
    });
}

#[test]
fn okta_answers() {
    replay("okta_answers", |data| {
        let Some((&code, body)) = data.split_first() else { return };
        let status = [200, 201, 400, 401, 403, 404, 429, 500, 503][usize::from(code) % 9];
        let r = Response { status, headers: vec![], body: body.to_vec() };
        let _ = r.error().to_string();
        if let Ok(sub) = r.json::<RemoteSubmission>() {
            let _ = sub.kind();
            let _ = to_draft(&sub, r.json::<serde_json::Value>().ok().as_ref());
            if let Some(s) = &sub.status {
                let _ = oin_core::okta::status::map_status(
                    s,
                    oin_core::lifecycle::SubmissionStatus::Draft,
                );
            }
        }
        let _ = r.json::<Vec<RemoteSubmission>>();
    });
}

#[test]
fn org_url() {
    replay("org_url", |data| {
        let Ok(text) = std::str::from_utf8(data) else { return };
        for loopback in [false, true] {
            if let Ok(org) = oin_core::okta::OrgUrl::parse(text, loopback) {
                let _ = (org.host(), org.admin_console());
            }
        }
    });
}

#[test]
fn guide() {
    replay("guide", |data| {
        let Some((&pick, body)) = data.split_first() else { return };
        let (ct, name) = [
            (Some("text/html"), "g.html"),
            (Some("text/markdown"), "g.md"),
            (Some("application/pdf"), "g.pdf"),
            (None, "guide"),
        ][usize::from(pick) % 4];
        let reading = read::read_bytes(body, ct, name);
        for t in [IntegrationType::ApiService, IntegrationType::WorkflowsConnector] {
            let _ = checks::report("fuzz", t, &reading, None, 0);
        }
    });
}

#[test]
fn review() {
    let pack = oin_core::rules::RulePack::by_id("oin-2026").unwrap();
    replay("review", |data| {
        for t in [IntegrationType::ApiService, IntegrationType::WorkflowsConnector] {
            let _ = oin_core::review::parse(data, t, None, pack);
        }
    });
}
