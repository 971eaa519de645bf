//! OIN Studio's benchmarks (not timed tests): start-up to an interactive
//! library, resident memory with 10 drafts, and autosave latency — in the store
//! alone and through the real app's IPC. Run with `scripts/bench`, which builds
//! the release app and provides a virtual display.
//!
//! Usage: oin-bench [launches]   (OIN_STUDIO_BIN names the app binary)
//!        oin-bench logo-lock    (only autosave while a large logo is fixed)

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use oin_core::store::Store;
use oin_core::{Draft, IntegrationType};
use oin_tests::webdriver::Driver;
use serde_json::json;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn summary(name: &str, mut xs: Vec<f64>, unit: &str) {
    xs.sort_by(f64::total_cmp);
    println!(
        "{name:<44} median {:>8.2} {unit}   p99 {:>8.2} {unit}   min {:>8.2}   max {:>8.2}   (n={})",
        percentile(&xs, 0.5),
        percentile(&xs, 0.99),
        xs[0],
        xs[xs.len() - 1],
        xs.len()
    );
}

fn realistic_draft(i: usize) -> Draft {
    let mut d = Draft::new(if i.is_multiple_of(2) {
        IntegrationType::ApiService
    } else {
        IntegrationType::WorkflowsConnector
    });
    d.org = Some("acme.okta.com".into());
    d.app_info.app_name = Some(format!("Acme integration {i}"));
    d.app_info.app_website = Some("https://acme.example/okta".into());
    d.app_info.description = Some("Acme keeps Okta and Acme HR in step. ".repeat(25));
    d.app_info.use_cases = vec!["Automation".into(), "Directory and HR Sync".into()];
    d.test_account.instructions = Some("Admin account with sample data. ".repeat(20));
    d.api_service.scopes = vec!["okta.users.read".into(), "okta.groups.manage".into()];
    d
}

fn seed_library(dir: &Path, drafts: usize) {
    let mut store = Store::open(&dir.join("oin-studio.db")).unwrap();
    for i in 0..drafts {
        let id = store.create_draft(&realistic_draft(i), i as i64).unwrap();
        for rev in 0..20 {
            let mut d = realistic_draft(i);
            d.app_info.description = Some(format!("revision {rev} ").repeat(40));
            store.save_draft(&id, &d, rev).unwrap();
        }
    }
}

/// Store-level save latency: one revision of a realistic draft, synced to disk.
fn bench_store_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
    let id = store.create_draft(&realistic_draft(0), 0).unwrap();
    let mut times = Vec::new();
    for i in 0..500 {
        let mut d = realistic_draft(0);
        d.app_info.app_name = Some(format!("Acme {i}"));
        let t = Instant::now();
        store.save_draft(&id, &d, i).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    summary("autosave, store only (save_draft, FULL sync)", times, "ms");
}

/// Autosave latency while a 4096×4096 logo is being fixed, against the same
/// saves with nothing else going on (the baseline, same run): with the image
/// work inside the library's lock (as before) and outside it (as now).
fn bench_saves_during_a_logo_fix() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.png");
    let made = std::process::Command::new("convert")
        .args(["-size", "4096x4096", "gradient:#1e50c8-#f0c040"])
        .arg(&big)
        .status();
    if !made.is_ok_and(|s| s.success()) {
        println!("autosave during a logo fix: skipped (ImageMagick's convert is missing)");
        return;
    }
    let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
    let lib = Arc::new(Mutex::new(oin_core::library::Library::new(
        store,
        Arc::new(oin_core::secrets::MemorySecretStore::default()),
        None,
    )));
    let id = lib.lock().unwrap().create(IntegrationType::ApiService, None, 0).unwrap().id;
    let icon = oin_core::library::attach_path(&lib, &big).unwrap();
    let mut with_logo = realistic_draft(0);
    with_logo.app_info.app_icon = Some(icon.clone());
    with_logo.app_info.app_icon_original = Some(icon.clone());
    lib.lock().unwrap().save(&id, &with_logo, 1).unwrap();
    let bytes = std::fs::read(&big).unwrap();
    let saves = |lib: &Mutex<oin_core::library::Library>, n: usize| -> Vec<f64> {
        let mut times = Vec::new();
        for i in 0..n {
            let mut d = with_logo.clone();
            d.test_account.instructions = Some(format!("typing {i}"));
            let t = Instant::now();
            lib.lock().unwrap().save(&id, &d, 10 + i as i64).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::thread::sleep(Duration::from_millis(20));
        }
        times
    };
    let median = |xs: &[f64]| {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        (percentile(&v, 0.5), percentile(&v, 0.99))
    };
    let baseline = saves(&lib, 60);
    let (b50, b99) = median(&baseline);
    summary("autosave, nothing else running (baseline)", baseline, "ms");
    // The user clicks "Fix logo" once and keeps typing: saves every 20 ms for
    // as long as the fix runs; three fixes of each kind.
    let kinds = [("fix inside the lock (before)", false), ("fix outside the lock (now)", true)];
    for (label, outside) in kinds {
        let mut times = Vec::new();
        let mut fix_ms = Vec::new();
        for round in 0..3 {
            let done = Arc::new(AtomicBool::new(false));
            let worker = {
                let (lib, done, bytes, id, draft) =
                    (lib.clone(), done.clone(), bytes.clone(), id.clone(), with_logo.clone());
                std::thread::spawn(move || {
                    let t = Instant::now();
                    let options = oin_core::logo::FixOptions { shape: None, background: None };
                    if outside {
                        oin_core::library::fix_logo(&lib, &id, &draft, options, &mut |_, _| {}, 5)
                            .unwrap();
                    } else {
                        let _held = lib.lock().unwrap();
                        oin_core::logo::fix(&bytes, options).unwrap();
                    }
                    done.store(true, Ordering::SeqCst);
                    t.elapsed().as_secs_f64() * 1000.0
                })
            };
            std::thread::sleep(Duration::from_millis(5)); // the fix has started
            let mut i = 0;
            while !done.load(Ordering::SeqCst) {
                let mut d = with_logo.clone();
                d.test_account.instructions = Some(format!("typing {round} {i}"));
                let t = Instant::now();
                lib.lock().unwrap().save(&id, &d, 1_000 + i).unwrap();
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                i += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            fix_ms.push(worker.join().unwrap());
        }
        let (m50, m99) = median(&times);
        summary(&format!("autosave while a 4096² logo is fixed, {label}"), times, "ms");
        println!(
            "{:<44} median {:>6.1}×   p99 {:>6.1}×   (fix {:.0} ms median, n=3)",
            "  ratio to the baseline",
            m50 / b50,
            m99 / b99,
            median(&fix_ms).0
        );
    }
}

/// A whole API service submit (logo upload, find-by-name, create, three PUTs,
/// submit, status) against the local Okta-compatible server on loopback: what
/// OIN Studio's client and store add to Okta's own time.
fn bench_submit() {
    use oin_core::connection::{Connection, SubmitOutcome};
    use oin_core::library::Library;
    use oin_core::okta::Session;
    use oin_core::okta::{Http, OrgUrl};
    use oin_core::secrets::{MemorySecretStore, Sensitive};
    use oin_tests::okta_server::{OktaServer, API_TOKEN};
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts/complete-api.oin.json");
    let server = OktaServer::start();
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    let conn = Connection::new(Http::standard(), true);
    let now = || {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis()
            as i64
    };
    let mut times = Vec::new();
    for i in 0..40 {
        let dir = tempfile::tempdir().unwrap();
        let secrets = std::sync::Arc::new(MemorySecretStore::default());
        let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
        let lib = std::sync::Mutex::new(Library::new(store, secrets.clone(), None));
        let session =
            Session::api_token(&conn.http, org.clone(), Sensitive::new(API_TOKEN.into())).unwrap();
        session.keep(secrets.as_ref()).unwrap();
        let id = {
            let mut l = lib.lock().unwrap();
            let id = l.import(&fixture, now()).unwrap().id;
            let mut d = l.draft(&id).unwrap();
            d.app_info.app_name = Some(format!("Bench App {i}"));
            l.save(&id, &d, now()).unwrap();
            l.set_password(&id, Sensitive::new("bench-pw".into()), now()).unwrap();
            id
        };
        let t = Instant::now();
        let out = conn.submit(&lib, &id, &org, None, &now, &mut |_, _, _| {}).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(matches!(out, SubmitOutcome::Submitted(_)));
    }
    summary("submit an API service draft (local Okta server)", times, "ms");
}

/// Memory of the app process and every process it started (WebKit's web and
/// network processes), in MiB: (RSS summed, PSS summed). PSS shares pages
/// between processes fairly, so it is the better total.
fn app_tree_memory_mib() -> (f64, f64) {
    let mut parent = HashMap::new();
    let mut comm = HashMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let ppid = stat[close + 2..].split(' ').nth(1).and_then(|p| p.parse::<u32>().ok());
        parent.insert(pid, ppid.unwrap_or(0));
        comm.insert(pid, stat[open + 1..close].to_owned());
    }
    let app: Vec<u32> = comm.iter().filter(|(_, c)| *c == "oin-studio").map(|(p, _)| *p).collect();
    assert_eq!(app.len(), 1, "exactly one app process is running: {app:?}");
    let in_tree = |mut pid: u32| loop {
        if pid == app[0] {
            return true;
        }
        match parent.get(&pid) {
            Some(&pp) if pp != 0 && pp != pid => pid = pp,
            _ => return false,
        }
    };
    let field = |file: &str, key: &str| -> u64 {
        parent
            .keys()
            .filter(|p| in_tree(**p))
            .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/{file}")).ok())
            .filter_map(|s| {
                s.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            })
            .sum()
    };
    let rss = field("status", "VmRSS:");
    let pss = field("smaps_rollup", "Pss:");
    (rss as f64 / 1024.0, pss as f64 / 1024.0)
}

const IPC_SAVES: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const invoke = window.__TAURI_INTERNALS__.invoke;
  const [first] = await invoke("list_drafts");
  const view = await invoke("open_draft", { id: first.id });
  const draft = view.draft;
  const times = [];
  for (let i = 0; i < 200; i++) {
    draft.appInfo.appName = "Acme " + i;
    const t = performance.now();
    await invoke("save_draft", { id: first.id, draft });
    times.push(performance.now() - t);
  }
  await invoke("set_session", { session: { openDraftId: null, tab: null } });
  done(times);
})().catch((e) => done(String(e)));
"#;

/// From an input event to the issue shown in the panel, measured in the page.
const KEYSTROKE_TO_ISSUE: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const input = document.querySelector('[data-field="appInfo.appWebsite"]');
  const has = () => !!document.querySelector('[data-testid="issues-panel"] [data-rule="url.https"]');
  const until = (want) => new Promise((resolve) => {
    if (has() === want) return resolve();
    const mo = new MutationObserver(() => { if (has() === want) { mo.disconnect(); resolve(); } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const type = (v) => { input.value = v; input.dispatchEvent(new Event("input", { bubbles: true })); };
  const times = [];
  for (let i = 0; i < 21; i++) {
    type("https://acme.example");
    await until(false);
    const t = performance.now();
    type("http://acme.example/" + i);
    await until(true);
    times.push(performance.now() - t);
  }
  done(times);
})().catch((e) => done(String(e)));
"#;

fn main() {
    // `oin-bench logo-lock` runs only the autosave-during-a-logo-fix benchmark.
    if std::env::args().nth(1).as_deref() == Some("logo-lock") {
        bench_saves_during_a_logo_fix();
        return;
    }
    let launches: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(7);
    println!("OIN Studio benchmarks — app: {}", oin_tests::webdriver::app_binary().display());
    bench_store_saves();
    bench_saves_during_a_logo_fix();
    bench_submit();

    let data = tempfile::tempdir().unwrap();
    seed_library(data.path(), 10);
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    let mut startup = Vec::new();
    let mut rss = Vec::new();
    let mut pss = Vec::new();
    for launch in 0..launches {
        let t = Instant::now();
        let s = driver.session();
        // Interactive is when a user sees the ten rows, not when the table starts.
        // Polled tightly (not `wait_until`'s 50 ms) so the figure isn't rounded up.
        let deadline = Instant::now() + Duration::from_secs(30);
        while s.find_all(r#"main[data-ready="true"] [data-testid="draft-row"]"#).len() != 10 {
            assert!(Instant::now() < deadline, "the library never showed the 10 drafts");
            std::thread::sleep(Duration::from_millis(5));
        }
        startup.push(t.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_secs(2));
        let (r, p) = app_tree_memory_mib();
        rss.push(r);
        pss.push(p);
        if launch == 0 {
            let times = s.script_async(IPC_SAVES, json!([]));
            let times: Vec<f64> = serde_json::from_value(times.clone())
                .unwrap_or_else(|_| panic!("IPC benchmark failed: {times}"));
            summary("autosave through IPC (UI → Rust → SQLite → UI)", times, "ms");
        }
    }
    summary("start-up to an interactive library (10 drafts)", startup, "ms");
    {
        let s = driver.session();
        s.find(r#"[data-testid="new-api"]"#).click();
        s.find(r#"[data-testid="issues-panel"]"#);
        let times = s.script_async(KEYSTROKE_TO_ISSUE, json!([]));
        let times: Vec<f64> = serde_json::from_value(times.clone())
            .unwrap_or_else(|_| panic!("keystroke benchmark failed: {times}"));
        summary("keystroke to issue shown (real window)", times, "ms");
    }
    summary("memory, app + WebKit processes (RSS sum)", rss, "MiB");
    summary("memory, app + WebKit processes (PSS sum)", pss, "MiB");
}
