//! What a draft submitted under older rules is told changed since.

use super::*;

fn pack(id: &str) -> &'static RulePack {
    RulePack::by_id(id).unwrap()
}

#[test]
fn an_api_service_submitted_under_the_2025_rules_sees_the_wizard_s_form() {
    let today = CalendarDate::new(2026, 12, 1);
    let on = CalendarDate::new(2026, 2, 10);
    let c = changes_between(
        IntegrationType::ApiService,
        pack("oin-manager-2025"),
        on,
        pack("oin-2026"),
        today,
    );
    let find = |needle: &str| {
        c.iter()
            .find(|x| x.what.contains(needle))
            .unwrap_or_else(|| panic!("no change says {needle}: {c:#?}"))
    };
    let tool = find("submitted in the OIN Wizard, no longer the OIN Manager");
    assert_eq!((tool.kind, tool.date), (ChangeKind::Changed, CalendarDate::new(2026, 3, 4)));
    assert!(tool.source.contains("submit-oin-app"), "{}", tool.source);
    assert_eq!(find("Display name").field.as_deref(), Some("appInfo.appName"));
    assert_eq!(find("App website").kind, ChangeKind::Removed);
    assert!(c.iter().any(|x| x.what.contains("Okta deletes the test account")));
    // The dated change of 21 July 2026 is listed after the pack's, with its own source.
    let split = find("split in two");
    assert_eq!(split.date, CalendarDate::new(2026, 7, 21));
    assert!(split.source.contains("update-oin-app"));
    assert!(c.windows(2).all(|w| w[0].date <= w[1].date), "oldest first");
}

#[test]
fn the_same_pack_lists_only_the_dated_changes_in_between() {
    let new = pack("oin-2026");
    let t = IntegrationType::ApiService;
    let before =
        changes_between(t, new, CalendarDate::new(2026, 5, 1), new, CalendarDate::new(2026, 12, 1));
    assert_eq!(before.len(), DATED.len(), "{before:#?}");
    assert!(before.iter().all(|c| c.date == CalendarDate::new(2026, 7, 21)));
    let after =
        changes_between(t, new, CalendarDate::new(2026, 8, 1), new, CalendarDate::new(2026, 12, 1));
    assert!(after.is_empty(), "{after:#?}");
    // A change dated after today isn't in force yet.
    let early =
        changes_between(t, new, CalendarDate::new(2026, 5, 1), new, CalendarDate::new(2026, 7, 20));
    assert!(early.is_empty());
}

#[test]
fn a_workflows_connector_stays_in_the_oin_manager() {
    let c = changes_between(
        IntegrationType::WorkflowsConnector,
        pack("oin-manager-2025"),
        CalendarDate::new(2025, 6, 1),
        pack("oin-2026"),
        CalendarDate::new(2026, 12, 1),
    );
    assert!(!c.iter().any(|x| x.what.contains("OIN Wizard")), "{c:#?}");
    assert!(
        !c.iter().any(|x| x.what.contains("split in two")),
        "the Wizard's update split isn't a connector's"
    );
    assert!(c.iter().any(|x| x.what.contains("Okta deletes the test account")));
    assert!(c.iter().any(|x| x.what.contains("Integrator Free Plan")));
}
