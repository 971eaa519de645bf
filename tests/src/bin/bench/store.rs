//! The store and the Okta client without a window: autosave latency in the
//! store, autosave while a large logo is fixed, and a whole submit against the
//! local Okta-compatible server.

use std::path::Path;
use std::time::{Duration, Instant};

use oin_core::store::Store;
use oin_core::{Draft, IntegrationType};

use crate::report::{median, Report};

pub fn realistic_draft(i: usize) -> Draft {
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

pub fn seed_library(dir: &Path, drafts: usize) {
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
pub fn saves(report: &mut Report) {
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
    report.series("autosave, store only (save_draft, FULL sync)", times, "ms");
}

/// Autosave latency while a 4096×4096 logo is being fixed, against the same
/// saves with nothing else going on (the baseline, same run): with the image
/// work inside the library's lock (as before) and outside it (as now).
pub fn saves_during_a_logo_fix(report: &mut Report) {
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
    let baseline = saves(&lib, 60);
    report.series("autosave, nothing else running (baseline)", baseline.clone(), "ms");
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
        let name = format!("autosave while a 4096² logo is fixed, {label}");
        report.compared(&name, times, "ms", "autosave, nothing else running", &baseline);
        println!("{:<52} fix {:.0} ms median (n=3)", "", median(&fix_ms));
    }
}

/// A whole API service submit (logo upload, find-by-name, create, three PUTs,
/// submit, status) against the local Okta-compatible server on loopback: what
/// OIN Studio's client and store add to Okta's own time.
pub fn submit(report: &mut Report) {
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
    report.series("submit an API service draft (local Okta server)", times, "ms");
}
