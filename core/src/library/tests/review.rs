//! Okta's review email as to-dos on the draft's fields, and what changed in
//! the rules since a draft was submitted.

use super::*;

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
