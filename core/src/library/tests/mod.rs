//! The library's operations over a real SQLite store and the memory secret store.
use super::*;
use crate::secrets::{MemorySecretStore, Sensitive};
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

mod lifecycle;
mod review;

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
