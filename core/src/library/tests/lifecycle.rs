//! Statuses over time: submitted, in review, published, updates and the
//! limits on drafts per org.

use super::*;
use crate::lifecycle::SubmissionStatus::{self, *};

const DAY: i64 = 86_400_000;

fn in_org(lib: &mut Library, org: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            lib.create(IntegrationType::ApiService, Some(org.into()), NOW + i as i64).unwrap().id
        })
        .collect()
}

#[test]
fn the_eleventh_submission_in_an_org_is_refused() {
    let (_d, mut lib) = library();
    let ids = in_org(&mut lib, "acme.okta.com", 10);
    let err =
        lib.create(IntegrationType::ApiService, Some("ACME.okta.com ".into()), NOW).unwrap_err();
    assert!(matches!(err, LibraryError::SlotsFull { used: 10, limit: 10, .. }), "{err}");
    assert!(err.to_string().contains("Delete a draft"), "says what can be done");
    assert!(lib.duplicate(&ids[0], NOW).is_err(), "a copy takes a slot too");
    assert!(
        lib.create(IntegrationType::ApiService, Some("other.okta.com".into()), NOW).is_ok(),
        "other orgs are not affected"
    );
    assert!(
        lib.create(IntegrationType::ApiService, None, NOW).is_ok(),
        "drafts without an org don't count"
    );
    lib.delete(&ids[0], NOW).unwrap();
    assert!(
        lib.create(IntegrationType::ApiService, Some("acme.okta.com".into()), NOW).is_ok(),
        "the Trash frees the slot"
    );
    let meters = lib.slot_meters().unwrap();
    assert_eq!(meters.iter().find(|m| m.org == "acme.okta.com").unwrap().used, 10);
}

#[test]
fn only_drafts_are_deleted_and_the_keychain_entry_goes_with_them() {
    let (_d, mut lib) = library();
    let id = lib.create(IntegrationType::WorkflowsConnector, None, NOW).unwrap().id;
    lib.set_password(&id, Sensitive::new("pw".into()), NOW).unwrap();
    for status in SubmissionStatus::ALL.into_iter().filter(|s| *s != Draft) {
        lib.set_status(&id, status, NOW).unwrap();
        let err = lib.delete(&id, NOW).unwrap_err();
        assert!(matches!(err, LibraryError::NotDeletable { .. }), "{status:?}");
    }
    lib.set_status(&id, Draft, NOW).unwrap();
    lib.delete(&id, NOW).unwrap();
    assert!(lib.list(CalendarDate::from_unix_millis(NOW)).unwrap().is_empty());
    assert!(
        !lib.secrets.has(&crate::secrets::account::test_account(&id)),
        "deleting a draft deletes its password"
    );
}

#[test]
fn the_trash_restores_for_30_days_then_forgets() {
    let (_d, mut lib) = library();
    let a = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    let b = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    lib.delete(&a, NOW).unwrap();
    lib.delete(&b, NOW + 10 * DAY).unwrap();
    let trash = lib.trash(NOW + 29 * DAY).unwrap();
    assert_eq!(trash.iter().map(|t| t.days_left).collect::<Vec<_>>(), [11, 1]);
    lib.restore(&b, NOW + 29 * DAY).unwrap();
    assert_eq!(lib.list(CalendarDate::from_unix_millis(NOW)).unwrap().len(), 1);
    assert!(
        lib.trash(NOW + 30 * DAY).unwrap().is_empty(),
        "30 days on, the draft is gone for good"
    );
    assert!(lib.open(&a, NOW).is_err());
}

#[test]
fn the_timeline_records_each_status_with_its_date() {
    let (_d, mut lib) = library();
    let id = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    lib.set_status(&id, ToBeReviewed, NOW + DAY).unwrap();
    let view = lib.set_status(&id, Published, NOW + 5 * DAY).unwrap();
    let t: Vec<(SubmissionStatus, i64)> =
        view.lifecycle.timeline.iter().map(|e| (e.status, e.at)).collect();
    assert_eq!(t, [(Draft, NOW), (ToBeReviewed, NOW + DAY), (Published, NOW + 5 * DAY)]);
    assert_eq!(
        view.lifecycle.timeline[1].label, "OIN to review",
        "Wizard names for a 2026 API service"
    );
    assert!(view.lifecycle.reminders[0].contains("30 days"));
    assert!(view.lifecycle.allowed.update && !view.lifecycle.allowed.delete);
}

#[test]
fn updating_a_published_integration_makes_a_linked_version_with_a_diff() {
    let (_d, mut lib) = library();
    let view = lib.create(IntegrationType::WorkflowsConnector, None, NOW).unwrap();
    let mut d = view.draft.clone();
    d.app_info.app_name = Some("Acme Logs".into());
    d.app_info.use_cases = vec!["Automation".into()];
    lib.save(&view.id, &d, NOW).unwrap();
    assert!(matches!(
        lib.update_published(&view.id, NOW).unwrap_err(),
        LibraryError::NotPublished { .. }
    ));
    lib.set_status(&view.id, Published, NOW).unwrap();

    let update = lib.update_published(&view.id, NOW + 1).unwrap();
    assert_ne!(update.id, view.id);
    assert_eq!(update.draft.app_info.exists_in_oin, Some(true));
    assert_eq!(update.draft.app_info.existing_app_name.as_deref(), Some("Acme Logs"));
    assert_eq!(update.lifecycle.status, Draft);
    let of = update.lifecycle.update_of.clone().unwrap();
    assert_eq!((of.published_id.as_str(), of.changes.len()), (view.id.as_str(), 0));

    let mut changed = update.draft.clone();
    changed.app_info.use_cases.push("Zero Trust".into());
    let after = lib.save(&update.id, &changed, NOW + 2).unwrap();
    let of = after.lifecycle.update_of.unwrap();
    assert_eq!(of.changes[0].path, "appInfo.useCases");
    assert_eq!(of.proposed_summary, "Use cases: added use case Zero Trust.");
    assert_eq!(of.kind, None, "the OIN Manager keeps its own Update flow");
    let published = lib.open(&view.id, NOW + 3).unwrap();
    assert_eq!(
        published.draft.app_info.use_cases,
        ["Automation"],
        "the published version stays as it was"
    );
    assert_eq!(published.lifecycle.status, Published);
}
