//! Updating a published API service integration in the OIN Wizard (since
//! 2026-07-21): catalog information only goes by the Catalog Info hand-off
//! and never through the API; a functional change is gated on "Test my API
//! service integration" passing for both instances within 48 hours.

use std::sync::Arc;

use oin_core::library::{Library, LibraryError};
use oin_core::lifecycle::SubmissionStatus;
use oin_core::okta::OrgUrl;
use oin_core::secrets::{MemorySecretStore, Sensitive};
use oin_core::store::Store;
use oin_core::submission::NotSubmittable;
use oin_core::update::{TestRun, TestedInstance, UpdateKind};

const H: i64 = 3_600_000;
const NOW: i64 = 1_796_083_200_000; // 2026-12-01T00:00Z

fn published() -> (tempfile::TempDir, Library, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
    let mut lib = Library::new(store, Arc::new(MemorySecretStore::default()), None);
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/drafts/complete-api.oin.json");
    let id = lib.import(&path, NOW - 90 * 24 * H).unwrap().id;
    lib.set_password(&id, Sensitive::new("pw".into()), NOW).unwrap();
    lib.set_status(&id, SubmissionStatus::ToBeReviewed, NOW - 60 * 24 * H).unwrap();
    lib.set_status(&id, SubmissionStatus::Published, NOW - 30 * 24 * H).unwrap();
    let update = lib.update_published(&id, NOW).unwrap().id;
    lib.set_password(&update, Sensitive::new("pw".into()), NOW).unwrap();
    (dir, lib, update)
}

fn org() -> OrgUrl {
    OrgUrl::parse("acme.okta.com", false).unwrap()
}

fn edit(lib: &mut Library, id: &str, f: impl FnOnce(&mut oin_core::Draft)) {
    let mut d = lib.draft(id).unwrap();
    f(&mut d);
    lib.save(id, &d, NOW).unwrap();
}

#[test]
fn a_catalog_only_update_goes_by_catalog_info_not_the_api() {
    let (_dir, mut lib, id) = published();
    let view = lib.open(&id, NOW).unwrap();
    assert_eq!(view.lifecycle.update_of.as_ref().unwrap().kind, Some(UpdateKind::NoChange));
    assert!(
        view.draft.app_info.exists_in_oin.is_some_and(|b| !b),
        "the Wizard's update asks nothing of the OIN Manager's"
    );
    edit(&mut lib, &id, |d| {
        d.app_info.description =
            Some("Ships Okta System Log events to Acme SIEM, now with alerts.".into())
    });
    let view = lib.open(&id, NOW).unwrap();
    let update = view.lifecycle.update_of.unwrap();
    assert_eq!(update.kind, Some(UpdateKind::CatalogOnly));
    assert!(update.gate.is_none(), "no tests for catalog information");
    assert!(update.notes[0].contains("live listing stays"), "{:?}", update.notes);
    let handoff = lib.handoff(&id, NOW).unwrap();
    assert_eq!(handoff.open_url, "https://acme-admin.okta.com/admin/dashboard");
    assert!(handoff.intro.contains("Edit › Catalog Info"));
    let values: Vec<_> =
        handoff.values.iter().map(|v| (v.label.as_str(), v.value.as_str())).collect();
    assert_eq!(
        values,
        [("Description", "Ships Okta System Log events to Acme SIEM, now with alerts.")],
        "every changed value, with the Wizard's label"
    );
    match lib.prepare_submit(&id, &org(), None, NOW) {
        Err(LibraryError::NotSubmittable(NotSubmittable::CatalogInfo)) => {}
        other => panic!("the API has no endpoint for catalog-only updates: {:?}", other.err()),
    }
    // A new logo or name: existing installs don't pick it up.
    edit(&mut lib, &id, |d| d.app_info.app_name = Some("Acme Log Shipper Pro".into()));
    let update = lib.open(&id, NOW).unwrap().lifecycle.update_of.unwrap();
    assert!(update.notes.iter().any(|n| n.contains("existing installs")), "{:?}", update.notes);
}

#[test]
fn a_functional_update_needs_both_instances_tested_within_48_hours() {
    let (_dir, mut lib, id) = published();
    edit(&mut lib, &id, |d| d.api_service.scopes.push("okta.groups.read".into()));
    let update = lib.open(&id, NOW).unwrap().lifecycle.update_of.unwrap();
    assert_eq!(update.kind, Some(UpdateKind::Functional));
    assert!(update.notes[0].contains("DRAFT and today's date (2026-12-01)"), "{:?}", update.notes);
    let gate = update.gate.unwrap();
    assert!(!gate.open && gate.needed.len() == 2);
    match lib.prepare_submit(&id, &org(), None, NOW) {
        Err(LibraryError::NotSubmittable(NotSubmittable::TestsNeeded { needed })) => {
            assert_eq!(needed.len(), 2)
        }
        other => panic!("untested: refused: {:?}", other.err()),
    }
    assert!(lib.handoff(&id, NOW).is_err(), "a functional change is no Catalog Info hand-off");
    let run = |instance, passed, at| TestRun { instance, passed, at };
    lib.record_test_run(&id, &run(TestedInstance::Updated, true, NOW - 2 * H), "0oa-updated")
        .unwrap();
    lib.record_test_run(&id, &run(TestedInstance::Published, true, NOW - 50 * H), "0oa-published")
        .unwrap();
    match lib.prepare_submit(&id, &org(), None, NOW) {
        Err(LibraryError::NotSubmittable(NotSubmittable::TestsNeeded { needed })) => {
            assert!(
                needed[0].contains("published instance") && needed[0].contains("48 hours"),
                "{needed:?}"
            )
        }
        other => panic!("a 50-hour-old pass is too old: {:?}", other.err()),
    }
    lib.record_test_run(&id, &run(TestedInstance::Published, true, NOW - H), "0oa-published")
        .unwrap();
    let gate = lib.open(&id, NOW).unwrap().lifecycle.update_of.unwrap().gate.unwrap();
    assert!(gate.open);
    assert_eq!(
        gate.closes_at,
        Some(NOW + 46 * H),
        "the older pass (2 h ago) closes the window in 46 h"
    );
    assert!(lib.prepare_submit(&id, &org(), None, NOW).is_ok(), "both passed within 48 hours");
    assert!(lib.prepare_submit(&id, &org(), None, NOW + 47 * H).is_err(), "and not after");
}

/// A draft written for the OIN Manager's API service form (App website,
/// "Does your app exist in the OIN?", public support contacts) now checked
/// against the OIN Wizard: it opens at 100%, nothing is lost, the values the
/// Wizard doesn't ask are listed apart, and they come back when the draft is
/// switched to the 2025 rules.
#[test]
fn an_oin_manager_draft_migrates_to_the_wizard_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
    let mut lib = Library::new(store, Arc::new(MemorySecretStore::default()), None);
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/drafts/complete-api.oin.json");
    let id = lib.import(&path, NOW).unwrap().id;
    lib.set_password(&id, Sensitive::new("pw".into()), NOW).unwrap();
    let view = lib.open(&id, NOW).unwrap();
    assert_eq!(view.report.completion.percent, 100, "{:?}", view.report.completion.missing);
    assert!(view.report.can_submit);
    let today = oin_core::rules::CalendarDate::from_unix_millis(NOW);
    let schema = lib.form_schema(&id, today).unwrap();
    let outside: Vec<_> = schema.outside.iter().map(|f| f.path).collect();
    assert_eq!(outside, ["appInfo.existsInOin", "appInfo.appWebsite", "support.contacts"]);
    let notes: Vec<_> = view
        .report
        .issues
        .iter()
        .filter(|i| i.rule == "form.outside")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(notes, outside, "each is noted, as information, not as an error");
    // Saved and exported, every value is still there.
    let out = tempfile::tempdir().unwrap();
    let file = lib.export(&id, out.path()).unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    for kept in ["https://acme.example/okta", "help@acme.example", "\"existsInOin\": false"] {
        assert!(text.contains(kept), "{kept} is kept in the export");
    }
    // Back to the 2025 rules: the OIN Manager's form asks them again, filled.
    let mut d = lib.draft(&id).unwrap();
    d.rule_pack = Some("oin-manager-2025".into());
    let view = lib.save(&id, &d, NOW + 1).unwrap();
    assert_eq!(view.report.completion.percent, 100);
    assert!(lib.form_schema(&id, today).unwrap().outside.is_empty());
}
