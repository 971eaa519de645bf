//! History that reaches back and stays bounded: a submit queued offline sends
//! exactly the revision the user confirmed, however much was typed and thinned
//! since; and a month of use leaves a store of a size worth reporting.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use oin_core::connection::{Connection, SubmitOutcome};
use oin_core::library::Library;
use oin_core::okta::{Http, OrgUrl, Session};
use oin_core::secrets::{MemorySecretStore, SecretStore, Sensitive};
use oin_core::store::Store;
use oin_tests::okta_server::{OktaServer, API_TOKEN};

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

fn http() -> Http {
    let mut h = Http::new(Duration::from_secs(2), Duration::from_secs(5));
    h.policy.base_delay = Duration::from_millis(20);
    h.policy.attempts = 1;
    h
}

#[test]
fn a_queued_submit_sends_the_confirmed_revision_days_and_thousands_of_saves_later() {
    let mut server = OktaServer::start();
    let dir = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecretStore::default());
    let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
    let lib = Mutex::new(Library::new(store, secrets.clone(), None));
    let org = OrgUrl::parse(&server.url(), true).unwrap();
    Session::api_token(&http(), org.clone(), Sensitive::new(API_TOKEN.into()))
        .unwrap()
        .keep(secrets.as_ref())
        .unwrap();
    let start = 1_790_000_000_000; // 2026-09-21
    let id = {
        let mut l = lib.lock().unwrap();
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/drafts/complete-api.oin.json");
        let id = l.import(&path, start).unwrap().id;
        l.set_password(&id, Sensitive::new("pw".into()), start).unwrap();
        id
    };
    // Confirmed while offline: it waits in the outbox.
    server.pause();
    let c = Connection::new(http(), true);
    let at = std::cell::Cell::new(start);
    let now = || at.get();
    assert!(matches!(
        c.submit(&lib, &id, &org, None, &now, &mut |_, _, _| {}).unwrap(),
        SubmitOutcome::Queued { .. }
    ));
    // Three days of typing afterwards: 3,000 saves, the history thinned as it goes.
    {
        let mut l = lib.lock().unwrap();
        let mut d = l.draft(&id).unwrap();
        for i in 0..3_000 {
            at.set(start + HOUR + i * (3 * DAY / 3_000));
            d.app_info.app_name = Some(format!("Acme Log Shipper, edit {i}"));
            l.save(&id, &d, at.get()).unwrap();
        }
    }
    server.resume();
    at.set(at.get() + HOUR);
    assert_eq!(c.drain_outbox(&lib, &now), vec![id], "the queued submit goes");
    let s = server.state();
    let sent = s.submissions.values().next().unwrap();
    assert_eq!(
        sent.body["name"], "Acme Log Shipper",
        "exactly what the user confirmed, not the draft as it is now"
    );
}

#[test]
fn a_month_of_use_keeps_the_store_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oin-studio.db");
    let mut store = Store::open(&path).unwrap();
    let mut d = oin_core::Draft::new(oin_core::IntegrationType::ApiService);
    d.app_info.description = Some("Ships Okta System Log events to Acme SIEM. ".repeat(20));
    let id = store.create_draft(&d, 0).unwrap();
    // 30 days; each day an hour of typing, a save every 6 s (600 a day).
    let mut saves = 0;
    for day in 0..30 {
        for i in 0..600 {
            let t = day * DAY + 9 * HOUR + i * 6_000;
            d.test_account.instructions = Some(format!("day {day}, save {i}"));
            store.save_draft(&id, &d, t).unwrap();
            saves += 1;
        }
    }
    let kept = store.revision_count(&id).unwrap();
    drop(store);
    let bytes: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("oin-studio.db"))
        .map(|e| e.metadata().unwrap().len())
        .sum();
    println!(
        "a month of use: {saves} saves, {kept} revisions kept, store {:.1} MB",
        bytes as f64 / 1e6
    );
    assert!(kept < 2_000, "thinned, not every save: {kept}");
    assert!(bytes < 20_000_000, "the store stays bounded: {bytes} bytes");
}
