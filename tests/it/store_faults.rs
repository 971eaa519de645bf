//! The store when things go wrong: the app killed mid-save, a damaged file, a
//! file from a newer version, a full disk and a read-only folder. Nothing typed
//! and acknowledged is ever lost, and no file is ever silently wiped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use oin_core::store::{Store, StoreError};
use oin_core::{Draft, IntegrationType};
use oin_tests::tmpfs::Tmpfs;

fn draft(name: &str, description_len: usize) -> Draft {
    let mut d = Draft::new(IntegrationType::WorkflowsConnector);
    d.app_info.app_name = Some(name.to_owned());
    d.app_info.description = Some("x".repeat(description_len));
    d
}

#[test]
fn kill_9_while_saving_never_loses_an_acknowledged_save_nor_corrupts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oin-studio.db");
    let mut last_acked = 0u64;
    for round in 0..12u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_oin-save-storm"))
            .arg(&db)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Kill after a varying number of saves, mid-stream.
        let kill_after = 5 + (round * 37) % 60;
        let mut acked = 0;
        for _ in 0..kill_after {
            acked = lines.next().unwrap().unwrap().parse::<u64>().unwrap();
        }
        // SIGKILL: no destructor, no flush, no chance to finish the transaction.
        child.kill().unwrap();
        child.wait().unwrap();
        for line in lines.map_while(Result::ok) {
            acked = line.parse().unwrap();
        }
        let store = Store::open(&db).expect("the database opens after kill -9");
        assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
        let rows = store.list_drafts().unwrap();
        assert_eq!(rows.len(), 1);
        let saved: u64 = rows[0].draft.app_info.app_name.as_deref().unwrap().parse().unwrap();
        assert!(
            saved >= acked,
            "round {round}: revision {acked} was acknowledged but the database holds {saved}"
        );
        assert!(saved <= acked + 1, "at most the one save in flight went through");
        assert!(acked > 0 && acked + last_acked > last_acked);
        last_acked = acked;
    }
}

#[test]
fn a_damaged_file_is_kept_aside_and_the_library_starts_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oin-studio.db");
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let (mut store, recovery) = Store::open_or_recover(&db, 1_700_000_000_000).unwrap();
    let recovery = recovery.expect("the user is told");
    assert!(recovery.message.contains("damaged"), "{}", recovery.message);
    assert_eq!(std::fs::read(&recovery.kept_at).unwrap(), garbage, "kept byte for byte");
    assert!(store.list_drafts().unwrap().is_empty());
    store.create_draft(&draft("new", 1), 1).expect("the fresh library works");
}

#[test]
fn a_database_with_damaged_pages_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oin-studio.db");
    {
        let mut store = Store::open(&db).unwrap();
        for i in 0..20 {
            store.create_draft(&draft(&format!("d{i}"), 3000), i).unwrap();
        }
    }
    // Scribble over everything after the header page, as a failing disk might.
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 8192, "the test needs several pages");
    for b in &mut bytes[4096..] {
        *b ^= 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let (store, recovery) = Store::open_or_recover(&db, 5).unwrap();
    let recovery = recovery.expect("damage is detected at start-up");
    assert!(Path::new(&recovery.kept_at).exists());
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_database_from_a_newer_version_is_kept_aside_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oin-studio.db");
    {
        let mut store = Store::open(&db).unwrap();
        store.create_draft(&draft("from the future", 10), 1).unwrap();
        store.set_user_version_for_test(oin_core::store::SCHEMA_VERSION + 1).unwrap();
    }
    assert!(matches!(Store::open(&db), Err(StoreError::FutureSchema { .. })));
    let (_store, recovery) = Store::open_or_recover(&db, 7).unwrap();
    let kept = PathBuf::from(recovery.unwrap().kept_at);
    // The kept file still opens in a build that knows its schema: nothing was lost.
    let old = count_drafts_in_copy(&kept);
    assert_eq!(old, 1);
}

/// Counts drafts in a kept file by reading it as a store of this version would,
/// on a copy, never on the kept file itself.
fn count_drafts_in_copy(kept: &Path) -> usize {
    let copy = kept.with_extension("copy");
    std::fs::copy(kept, &copy).unwrap();
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", kept.display()));
        if side.exists() {
            std::fs::copy(&side, format!("{}{ext}", copy.display())).unwrap();
        }
    }
    let store = Store::open_unchecked_for_test(&copy).unwrap();
    store.list_drafts().unwrap().len()
}

#[test]
fn a_full_disk_refuses_the_save_clearly_and_keeps_what_was_saved() {
    let fs = Tmpfs::mount("512k");
    let dir = tempfile::tempdir().unwrap();
    let root = fs.as_ref().map_or(dir.path(), Tmpfs::path);
    let mut store = Store::open(&root.join("oin-studio.db")).unwrap();
    if fs.is_none() {
        eprintln!("not root: rehearsing a full disk with SQLite's page limit instead of a tmpfs");
        store.limit_pages_for_test(64).unwrap();
    }
    let id = store.create_draft(&draft("v0", 10), 0).unwrap();
    let mut last_ok = 0;
    let err = (1..10_000)
        .find_map(|i| match store.save_draft(&id, &draft(&format!("v{i}"), 20_000), i) {
            Ok(_) => {
                last_ok = i;
                None
            }
            Err(e) => Some(e),
        })
        .expect("the disk fills up");
    assert!(matches!(err, StoreError::DiskFull), "got {err:?}");
    assert!(err.to_string().contains("disk is full"), "the message says what happened");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let head = store.load_draft(&id).unwrap();
    assert_eq!(head.draft.app_info.app_name.as_deref(), Some(format!("v{last_ok}").as_str()));
    // Space comes back: the same save now goes through.
    match &fs {
        Some(fs) => fs.remount("size=64m"),
        None => store.limit_pages_for_test(1_000_000).unwrap(),
    }
    store.save_draft(&id, &draft("after", 20_000), 99_999).expect("saves once there is room");
}

/// Linux refuses to make a file system read-only while a file on it is open for
/// writing, so a folder turns read-only between runs (a locked-down profile, a
/// read-only volume): the app is then told clearly, and nothing is altered.
#[test]
fn a_read_only_folder_gives_a_clear_error_and_alters_nothing() {
    let Some(fs) = Tmpfs::mount("16m") else {
        // Without root, permissions make a folder read-only for this user.
        return read_only_by_permissions();
    };
    let db = fs.path().join("oin-studio.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        store.create_draft(&draft("before", 10), 0).unwrap()
    };
    let before = std::fs::read(&db).unwrap();
    fs.remount("ro");
    let err = Store::open(&db).and_then(|mut s| s.save_draft(&id, &draft("x", 1), 1)).err();
    let err = err.expect("nothing can be written to a read-only folder");
    assert!(matches!(err, StoreError::ReadOnly(_)), "got {err:?}");
    assert!(err.to_string().contains("can't write to its data folder"), "{err}");
    fs.remount("rw");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was not touched");
    let mut store = Store::open(&db).unwrap();
    store.save_draft(&id, &draft("after", 10), 2).expect("saves once writable again");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

fn read_only_by_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("oin-studio.db");
    let mut store = Store::open(&db).unwrap();
    let id = store.create_draft(&draft("before", 10), 0).unwrap();
    drop(store);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = Store::open(&db).and_then(|mut s| s.save_draft(&id, &draft("x", 1), 1));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(result, Err(StoreError::ReadOnly(_))), "got {result:?}");
}
