//! The library's operations over a real SQLite store and the memory secret store.
use super::*;
use crate::secrets::MemorySecretStore;
use crate::store::MAX_ATTACHMENT_BYTES;

pub(super) const NOW: i64 = 1_795_950_000_000; // 2026-11-29

pub(super) fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("oin.db")).unwrap();
    (dir, Library::new(store, std::sync::Arc::new(MemorySecretStore::default()), None))
}

#[test]
fn rename_sets_the_app_name_and_can_be_undone() {
    let (_d, mut lib) = library();
    let id = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    let view = lib.rename(&id, "  Acme Sync  ", NOW + 1).unwrap();
    assert_eq!(view.draft.app_info.app_name.as_deref(), Some("Acme Sync"));
    assert_eq!(lib.list(CalendarDate::from_unix_millis(NOW)).unwrap()[0].name, "Acme Sync");
    let undone = lib.undo(&id, NOW + 2).unwrap();
    assert_eq!(undone.draft.app_info.app_name, None, "a rename is one undoable step");
}

#[test]
fn duplicate_copies_fields_but_not_the_password() {
    let (_d, mut lib) = library();
    let view =
        lib.create(IntegrationType::WorkflowsConnector, Some("acme.okta.com".into()), NOW).unwrap();
    let mut draft = view.draft.clone();
    draft.app_info.app_name = Some("Acme".into());
    draft.workflows.version = Some("3".into());
    lib.save(&view.id, &draft, NOW + 1).unwrap();
    lib.set_password(&view.id, Sensitive::new("pw".into()), NOW + 2).unwrap();

    let copy = lib.duplicate(&view.id, NOW + 3).unwrap();
    assert_eq!(copy.name, "Acme (copy)");
    assert_eq!(copy.org.as_deref(), Some("acme.okta.com"));
    let copied = lib.open(&copy.id, NOW + 4).unwrap();
    assert_eq!(copied.draft.workflows.version.as_deref(), Some("3"));
    assert!(!copied.has_password, "the test-account password stays with its own draft");
    assert!(!copied.can_undo, "the copy starts its own history");
    assert!(lib.open(&view.id, NOW + 5).unwrap().has_password);
}

#[test]
fn new_drafts_record_todays_pack_and_open_becomes_the_session() {
    let (_d, mut lib) = library();
    let view = lib.create(IntegrationType::ApiService, Some("  ".into()), NOW).unwrap();
    assert_eq!(view.draft.rule_pack.as_deref(), Some("oin-2026"));
    assert_eq!(view.draft.org, None, "a blank org is no org");
    assert_eq!(lib.session().unwrap().open_draft_id.as_deref(), Some(view.id.as_str()));
    let before = CalendarDate::new(2025, 6, 1);
    let old = lib.create(IntegrationType::ApiService, None, 1_748_736_000_000).unwrap();
    assert_eq!(old.draft.rule_pack.as_deref(), Some("oin-manager-2025"), "{before:?}");
}

#[test]
fn attaching_a_file_keeps_its_bytes_and_refuses_huge_ones() {
    let (dir, lib) = library();
    let lib = std::sync::Mutex::new(lib);
    let path = dir.path().join("tests.flopack");
    std::fs::write(&path, br#"{"type":"flopack"}"#).unwrap();
    let a = super::attach_path(&lib, &path).unwrap();
    assert_eq!((a.file_name.as_str(), a.size_bytes), ("tests.flopack", 18));
    assert_eq!(lib.lock().unwrap().store().file(&a.sha256).unwrap(), br#"{"type":"flopack"}"#);

    let huge = dir.path().join("huge.folder");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(MAX_ATTACHMENT_BYTES + 1).unwrap(); // sparse: nothing is written
    let err = super::attach_path(&lib, &huge).unwrap_err();
    assert!(matches!(err, LibraryError::Store(StoreError::TooLarge { .. })), "{err:?}");
    assert!(err.to_string().contains("bytes"), "the message gives the sizes");
    let missing = super::attach_path(&lib, &dir.path().join("gone.flopack")).unwrap_err();
    assert!(matches!(missing, LibraryError::Store(StoreError::Io(_))));
}

#[test]
fn export_then_import_makes_a_second_draft_with_the_same_fields_and_files() {
    let (dir, mut lib) = library();
    let view = lib.create(IntegrationType::WorkflowsConnector, None, NOW).unwrap();
    let suite = dir.path().join("t.flopack");
    std::fs::write(&suite, br#"{"type":"flopack","data":{"flos":{"a":{"name":"Flow A"}}}}"#)
        .unwrap();
    let mut d = view.draft.clone();
    d.app_info.app_name = Some("Acme Flows".into());
    d.workflows.test_suite =
        Some(lib.attach("t.flopack", &std::fs::read(&suite).unwrap()).unwrap());
    lib.save(&view.id, &d, NOW + 1).unwrap();
    lib.set_password(&view.id, Sensitive::new("canary-pw-81".into()), NOW + 2).unwrap();

    let out = dir.path().join("export");
    let json = lib.export(&view.id, &out).unwrap();
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(!text.contains("canary-pw-81"), "an export never holds the password");
    assert!(out.join("t.flopack").exists(), "files travel beside the JSON");

    let summary = lib.import(&json, NOW + 3).unwrap();
    assert_ne!(summary.id, view.id, "import never overwrites");
    assert_eq!(lib.list(CalendarDate::from_unix_millis(NOW)).unwrap().len(), 2);
    let imported = lib.open(&summary.id, NOW + 4).unwrap();
    assert_eq!(imported.draft, d, "fields and file references come back the same");
    assert_eq!(imported.report.test_suite.unwrap().flows, ["Flow A"]);
}

#[test]
fn the_form_schema_follows_the_drafts_pack() {
    let (_d, mut lib) = library();
    let view = lib.create(IntegrationType::ApiService, None, NOW).unwrap();
    let today = CalendarDate::from_unix_millis(NOW);
    let wizard = lib.form_schema(&view.id, today).unwrap();
    let uc = |s: &crate::library::FormSchema| {
        let c = s.form.field("appInfo.useCases").unwrap().choices.unwrap();
        (c.options.len(), c.max)
    };
    assert_eq!(uc(&wizard), (7, 3));
    assert_eq!(wizard.form.tool, crate::form::Tool::OinWizard);
    assert_eq!(
        wizard.pack.title,
        "Okta's rules since 4 March 2026 — API service in the OIN Wizard"
    );
    let mut d = view.draft.clone();
    d.rule_pack = Some("oin-manager-2025".into());
    lib.save(&view.id, &d, NOW + 1).unwrap();
    let manager = lib.form_schema(&view.id, today).unwrap();
    assert_eq!(uc(&manager), (10, 5));
    assert!(manager.admin_scopes.contains(&"okta.users.read".to_owned()));
}

mod lifecycle {
    use super::*;
    use crate::lifecycle::SubmissionStatus::{self, *};

    const DAY: i64 = 86_400_000;

    fn in_org(lib: &mut Library, org: &str, n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                lib.create(IntegrationType::ApiService, Some(org.into()), NOW + i as i64)
                    .unwrap()
                    .id
            })
            .collect()
    }

    #[test]
    fn the_eleventh_submission_in_an_org_is_refused() {
        let (_d, mut lib) = library();
        let ids = in_org(&mut lib, "acme.okta.com", 10);
        let err = lib
            .create(IntegrationType::ApiService, Some("ACME.okta.com ".into()), NOW)
            .unwrap_err();
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
}

#[test]
fn every_okta_status_word_reaches_the_timeline() {
    let (_d, mut lib) = library();
    let id = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    lib.link_remote(&id, "acme.okta.com", "acme_1").unwrap();
    let change = lib.apply_okta_status(&id, "Okta Discarded", NOW + 1).unwrap();
    assert!(change.is_none(), "a word with no stage keeps the status");
    let view = lib.open(&id, NOW + 2).unwrap();
    let last = view.lifecycle.timeline.last().unwrap();
    assert_eq!(last.label, "Okta: “Okta Discarded”", "shown as Okta said it, not dropped");
    let change = lib.apply_okta_status(&id, "Complete", NOW + 3).unwrap().unwrap();
    assert_eq!(change.to, "Published", "Okta's example word for a finished submission");
    let view = lib.open(&id, NOW + 4).unwrap();
    assert!(view.lifecycle.timeline.iter().all(|e| !e.label.starts_with("Okta:")));
}

#[test]
fn a_logo_is_fixed_and_judged_without_holding_the_library() {
    let (_dir, lib) = library();
    let lib = std::sync::Mutex::new(lib);
    let img = image::RgbaImage::from_pixel(900, 600, image::Rgba([30, 80, 200, 255]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let icon = super::attach(&lib, "wide.png", &png.into_inner()).unwrap();
    let id = lib.lock().unwrap().create(IntegrationType::ApiService, None, NOW).unwrap().id;
    let mut d = lib.lock().unwrap().draft(&id).unwrap();
    d.app_info.app_icon = Some(icon.clone());
    d.app_info.app_icon_original = Some(icon);
    let mut stages = 0;
    let mut free = 0;
    let view = super::fix_logo(
        &lib,
        &id,
        &d,
        crate::logo::FixOptions { shape: None, background: None },
        &mut |_, _| {
            stages += 1;
            // An autosave could take the library now: the image work doesn't hold it.
            if lib.try_lock().is_ok() {
                free += 1;
            }
        },
        NOW + 1,
    )
    .unwrap();
    assert!(stages > 0 && free == stages, "{free} of {stages} stages ran with the library free");
    let fixed = view.draft.app_info.app_icon.clone().unwrap();
    assert!(fixed.file_name.ends_with("-244x156.png"), "{}", fixed.file_name);
    let shown = super::logo_view(&lib, &view.draft).unwrap();
    assert!(shown.submitted.unwrap().verdict.unwrap().checks.iter().all(|c| c.passed || !c.hard));
}

#[test]
fn a_pasted_review_makes_to_dos_that_notice_their_field_changing() {
    let (_d, mut lib) = library();
    let id = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    lib.set_status(&id, SubmissionStatus::ToBeReviewed, NOW + 1).unwrap();
    let email = "Hi,\n\n1. Display name: please remove \"for Okta\".\n2. Please provide a demo video.\n\nThanks,\nOIN";
    let todos = lib.paste_review(&id, email.as_bytes(), NOW + 2).unwrap();
    assert_eq!(todos.len(), 2);
    assert_eq!(todos[0].field.as_deref(), Some("appInfo.appName"));
    assert_eq!(todos[0].label.as_deref(), Some("Display name"), "the Wizard's label");
    assert!(!todos[0].changed);
    let view = lib.open(&id, NOW + 3).unwrap();
    assert_eq!(view.lifecycle.status, SubmissionStatus::IsvNeedsToReview, "Okta's word for it");
    assert_eq!(view.todos, todos, "the to-dos live with the draft");
    // The field changes: the to-do says so, the user confirms.
    let mut d = view.draft.clone();
    d.app_info.app_name = Some("Acme Log Shipper".into());
    let view = lib.save(&id, &d, NOW + 4).unwrap();
    assert!(view.todos[0].changed && !view.todos[1].changed);
    let todos = lib.change_todo(&id, todos[0].id, TodoChange::Done).unwrap();
    assert_eq!((todos[0].state, todos[0].changed), (crate::store::TodoState::Done, false));
    let todos = lib
        .change_todo(
            &id,
            todos[1].id,
            TodoChange::Relink { field: Some("appInfo.description".into()) },
        )
        .unwrap();
    assert_eq!(todos[1].label.as_deref(), Some("Description"));
    let todos = lib.change_todo(&id, todos[1].id, TodoChange::Dismiss).unwrap();
    assert_eq!(todos[1].state, crate::store::TodoState::Dismissed);
    assert!(lib.change_todo(&id, 9999, TodoChange::Done).is_err(), "an unknown to-do is an error");
    let mut d = lib.open(&id, NOW + 5).unwrap().draft;
    d.app_info.description = Some("Ships logs.".into());
    lib.save(&id, &d, NOW + 6).unwrap();
    let reply = lib.review_reply(&id).unwrap();
    assert!(reply.contains("1. Display name: now “Acme Log Shipper”."), "{reply}");
    assert!(!reply.contains("demo video"), "a dismissed to-do isn't in the reply: {reply}");
    assert!(reply.contains("Also changed: Description."), "{reply}");
}

#[test]
fn a_draft_submitted_under_the_2025_rules_lists_what_changed_since() {
    let (_d, mut lib) = library();
    const FEB_2026: i64 = 1_770_000_000_000; // 2026-02-02
    let view =
        lib.create(IntegrationType::ApiService, Some("acme.okta.com".into()), FEB_2026).unwrap();
    assert_eq!(view.draft.rule_pack.as_deref(), Some("oin-manager-2025"));
    assert!(view.lifecycle.rules_changed.is_none(), "nothing submitted yet");
    let mut draft = view.draft.clone();
    draft.app_info.app_name = Some("Acme Logs".into());
    let sent = lib.save(&view.id, &draft, FEB_2026 + 1).unwrap();
    lib.store.link_remote(&view.id, "acme.okta.com", "sub1").unwrap();
    lib.store.set_submitted_rev(&view.id, sent.rev).unwrap();

    // The same day, nothing has changed.
    assert!(lib.open(&view.id, FEB_2026 + 2).unwrap().lifecycle.rules_changed.is_none());
    // In December the Wizard's rules are in force and the 21 July change too.
    let now = lib.open(&view.id, NOW).unwrap().lifecycle.rules_changed.expect("rules changed");
    assert_eq!(now.submitted_on, CalendarDate::new(2026, 2, 2));
    assert!(
        now.submitted_under.starts_with("Okta's rules from 21 January 2025"),
        "{}",
        now.submitted_under
    );
    assert!(now.now_under.contains("OIN Wizard"), "{}", now.now_under);
    assert_eq!(
        now.switch_to.as_deref(),
        Some("oin-2026"),
        "the draft is still checked the old way"
    );
    assert!(now.changes.iter().any(|c| c.field.as_deref() == Some("appInfo.appName")));
    assert!(now.changes.iter().any(|c| c.date == CalendarDate::new(2026, 7, 21)));

    // Once checked against today's rules, the list stays (Okta had the old
    // revision) but no longer offers the switch.
    draft.rule_pack = Some("oin-2026".into());
    lib.save(&view.id, &draft, NOW).unwrap();
    let now = lib.open(&view.id, NOW + 1).unwrap().lifecycle.rules_changed.unwrap();
    assert_eq!(now.switch_to, None);
}

#[test]
fn two_to_dos_for_one_ask_merge_into_one_that_keeps_both_sentences() {
    let (_d, mut lib) = library();
    let id = lib.create(IntegrationType::ApiService, None, NOW).unwrap().id;
    let email = "Hi,\n\n1. Display name: please remove \"for Okta\".\n2. The display name must not contain the word Okta.\n\nThanks,\nOIN Team";
    let todos = lib.paste_review(&id, email.as_bytes(), NOW + 1).unwrap();
    assert_eq!(todos.len(), 2, "{todos:?}");
    let merged =
        lib.change_todo(&id, todos[1].id, TodoChange::MergeInto { into: todos[0].id }).unwrap();
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].id, todos[0].id);
    assert_eq!(merged[0].quote, format!("{}\n{}", todos[0].quote, todos[1].quote));
    assert!(lib.change_todo(&id, 999, TodoChange::MergeInto { into: todos[0].id }).is_err());
}

#[test]
fn an_update_s_what_changes_text_answers_the_review_s_done_to_dos() {
    let (_d, mut lib) = library();
    let view = lib.create(IntegrationType::WorkflowsConnector, None, NOW).unwrap();
    let mut d = view.draft.clone();
    d.app_info.app_name = Some("Acme Logs for Okta".into());
    lib.save(&view.id, &d, NOW).unwrap();
    lib.set_status(&view.id, SubmissionStatus::Published, NOW).unwrap();
    let update = lib.update_published(&view.id, NOW + 1).unwrap();
    lib.set_status(&update.id, SubmissionStatus::ToBeReviewed, NOW + 2).unwrap();
    let email = "Hi,\n\n1. App name: please remove \"for Okta\" from the app name.\n2. Please provide a demo video.\n\nThanks,\nOIN";
    let todos = lib.paste_review(&update.id, email.as_bytes(), NOW + 3).unwrap();
    let mut fixed = lib.open(&update.id, NOW + 4).unwrap().draft;
    fixed.app_info.app_name = Some("Acme Logs".into());
    lib.save(&update.id, &fixed, NOW + 5).unwrap();
    let before = lib.open(&update.id, NOW + 6).unwrap().lifecycle.update_of.unwrap();
    assert!(!before.proposed_summary.contains("Okta's review"), "nothing done yet");
    let name = todos.iter().find(|t| t.field.as_deref() == Some("appInfo.appName")).unwrap();
    lib.change_todo(&update.id, name.id, TodoChange::Done).unwrap();
    let of = lib.open(&update.id, NOW + 7).unwrap().lifecycle.update_of.unwrap();
    assert!(
        of.proposed_summary.starts_with("Renamed from “Acme Logs for Okta” to “Acme Logs”."),
        "{}",
        of.proposed_summary
    );
    assert!(
        of.proposed_summary.contains("In answer to Okta's review:\n1. App name: now “Acme Logs”."),
        "{}",
        of.proposed_summary
    );
    assert!(!of.proposed_summary.contains("video"), "only what is done: {}", of.proposed_summary);
}
