//! Revisions: undo and redo, the redo branch, unchanged saves, thinning by age.

use super::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("oin.db")).unwrap();
    (dir, store)
}

fn named(name: &str) -> Draft {
    let mut d = Draft::new(IntegrationType::ApiService);
    d.app_info.app_name = Some(name.into());
    d
}

#[test]
fn undo_and_redo_walk_the_revisions() {
    let (_dir, mut s) = store();
    let id = s.create_draft(&named("a"), 1).unwrap();
    s.save_draft(&id, &named("ab"), 2).unwrap();
    let rev = s.save_draft(&id, &named("abc"), 3).unwrap();
    assert_eq!((rev.head, rev.can_undo, rev.can_redo), (3, true, false));

    let back = s.step_revision(&id, -1, 4).unwrap();
    assert_eq!(back.draft, named("ab"));
    assert!(back.rev.can_redo);
    let fwd = s.step_revision(&id, 1, 5).unwrap();
    assert_eq!(fwd.draft, named("abc"));

    s.step_revision(&id, -1, 6).unwrap();
    s.step_revision(&id, -1, 7).unwrap();
    let first = s.step_revision(&id, -1, 8).unwrap();
    assert_eq!(first.draft, named("a"), "undo stops at the first revision");
    assert!(!first.rev.can_undo);
}

#[test]
fn saving_after_undo_drops_the_redo_branch() {
    let (_dir, mut s) = store();
    let id = s.create_draft(&named("a"), 1).unwrap();
    s.save_draft(&id, &named("ab"), 2).unwrap();
    s.step_revision(&id, -1, 3).unwrap();
    let rev = s.save_draft(&id, &named("ax"), 4).unwrap();
    assert!(!rev.can_redo, "a new edit after undo replaces the redo branch");
    assert_eq!(s.load_draft(&id).unwrap().draft, named("ax"));
}

#[test]
fn an_unchanged_save_adds_no_revision() {
    let (_dir, mut s) = store();
    let id = s.create_draft(&named("a"), 1).unwrap();
    let rev = s.save_draft(&id, &named("a"), 2).unwrap();
    assert_eq!(rev.head, 1);
    assert!(!rev.can_undo);
}

#[test]
fn history_thins_by_age_and_keeps_what_is_referenced() {
    let (_dir, mut s) = store();
    let id = s.create_draft(&named("0"), 0).unwrap();
    // Two days of saves, one every 30 s.
    let every = 30_000;
    let saves = 2 * DAY_MS / every;
    let mut pinned = None;
    for i in 1..=saves {
        let rev = s.save_draft(&id, &named(&i.to_string()), i * every).unwrap().head;
        if i == 10 {
            // A submit confirmed at revision 10 waits in the outbox.
            s.enqueue(&id, "acme.okta.com", rev, i * every).unwrap();
            pinned = Some(rev);
        }
    }
    let now = saves * every;
    s.thin_history(&id, now).unwrap();
    let n = s.revision_count(&id).unwrap();
    assert!(n < saves / 2, "thinned: {n} of {saves} kept");
    let pinned = pinned.unwrap();
    assert_eq!(
        s.draft_at(&id, pinned).unwrap().and_then(|d| d.app_info.app_name).as_deref(),
        Some("10"),
        "the outbox's revision is kept, two days on"
    );
    // Every save of the last hour is there.
    let last_hour: i64 = s
        .conn
        .query_row(
            "SELECT COUNT(*) FROM revisions WHERE draft_id = ?1 AND saved_at >= ?2",
            params![id, now - HOUR_MS],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(last_hour, HOUR_MS / every + 1, "every save of the last hour");
    // Twenty hours ago there is a version within the minute; a day and a half ago, within the day.
    let near = |at: i64, within: i64| -> bool {
        s.conn
            .query_row(
                "SELECT COUNT(*) FROM revisions WHERE draft_id = ?1 AND saved_at BETWEEN ?2 AND ?3",
                params![id, at - within, at + within],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
            > 0
    };
    assert!(near(now - 20 * HOUR_MS, MINUTE_MS), "yesterday's text, to the minute");
    assert!(near(now - 36 * HOUR_MS, DAY_MS), "the day before, to the day");
    // Undo still reaches back MAX_REVISIONS saves.
    let oldest_undo: i64 = s
        .conn
        .query_row(
            "SELECT COUNT(*) FROM revisions WHERE draft_id = ?1 AND rev > ?2",
            params![id, saves + 1 - MAX_REVISIONS],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(oldest_undo, MAX_REVISIONS, "the newest MAX_REVISIONS are all there");
}

#[test]
fn a_missing_draft_is_not_found() {
    let (_dir, mut s) = store();
    assert!(matches!(s.load_draft("nope"), Err(StoreError::NotFound(_))));
    assert!(matches!(s.save_draft("nope", &Draft::default(), 1), Err(StoreError::NotFound(_))));
}
