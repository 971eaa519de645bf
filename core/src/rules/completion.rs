//! Completion: per tab and overall, the share of required fields that are filled
//! and valid (no error on the field or its items).
//!
//! Which fields are required depends on the integration type, the rule pack and
//! the draft itself (the update fields only matter when the app already exists in
//! the OIN). The meter shows 100% only when Okta would accept the draft: while any
//! error remains anywhere, it stops at 99.

use serde::Serialize;
use ts_rs::TS;

use super::issue::{Issue, Severity};
use super::pack::RulePack;
use super::Facts;
use crate::draft::Draft;
use crate::form::{owns, value, Field, Tab};

/// Completion of one tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TabCompletion {
    pub tab: Tab,
    pub label: String,
    pub filled: u32,
    pub required: u32,
    pub percent: u8,
}

/// A required field that is still empty, with Okta's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingField {
    pub path: String,
    pub label: String,
    pub tab: Tab,
}

/// Completion of a whole draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Completion {
    pub percent: u8,
    pub tabs: Vec<TabCompletion>,
    pub missing: Vec<MissingField>,
    pub rule_pack: String,
}

/// The required fields of this draft under this pack, each with whether it is
/// filled: exactly what the pack's form for this integration type declares.
pub(crate) fn required(
    draft: &Draft,
    pack: &RulePack,
    facts: &Facts,
) -> Vec<(&'static Field, bool)> {
    let form = pack.form(draft.integration_type);
    let json = value::json(draft);
    form.fields
        .iter()
        .filter(|f| form.is_required(f, draft))
        .map(|f| (f, value::filled(&json, f, facts.has_password)))
        .collect()
}

/// Rounds down, so 100 means every required field is filled — never 99.5 shown as 100.
fn percent(filled: u32, required: u32) -> u8 {
    (filled * 100).checked_div(required).map_or(100, |p| p as u8)
}

/// True when an error concerns this field or one of its items.
fn has_error(issues: &[Issue], path: &str) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error && owns(path, &i.path))
}

/// How complete a draft is, per tab and overall, given the issues `check` found.
pub fn completion(draft: &Draft, pack: &RulePack, facts: &Facts, issues: &[Issue]) -> Completion {
    let req = required(draft, pack, facts);
    let fields: Vec<_> =
        req.iter().map(|(f, filled)| (*f, *filled && !has_error(issues, f.path))).collect();
    let tabs = pack
        .form(draft.integration_type)
        .tabs
        .iter()
        .map(|&tab| {
            let mine = fields.iter().filter(|(f, _)| f.tab == tab);
            let required = mine.clone().count() as u32;
            let filled = mine.filter(|(_, ok)| *ok).count() as u32;
            TabCompletion {
                tab,
                label: tab.label().to_owned(),
                filled,
                required,
                percent: percent(filled, required),
            }
        })
        .collect();
    let missing = fields
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(f, _)| MissingField {
            path: f.path.to_owned(),
            label: f.label.to_owned(),
            tab: f.tab,
        })
        .collect();
    let filled = fields.iter().filter(|(_, ok)| *ok).count() as u32;
    let mut overall = percent(filled, fields.len() as u32);
    if overall == 100 && issues.iter().any(|i| i.severity == Severity::Error) {
        overall = 99;
    }
    Completion { percent: overall, tabs, missing, rule_pack: pack.id.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IntegrationType;

    fn pack(id: &str) -> &'static RulePack {
        RulePack::by_id(id).unwrap()
    }

    fn completion(d: &Draft, p: &RulePack, facts: Facts) -> Completion {
        crate::rules::check(d, p, &facts).completion
    }

    use crate::rules::tests::full;

    fn pw() -> Facts {
        crate::rules::tests::facts()
    }

    #[test]
    fn an_empty_draft_is_at_zero() {
        let c = completion(&Draft::default(), pack("oin-2026"), Facts::default());
        assert_eq!(c.percent, 0);
        assert!(
            c.missing.iter().any(|m| m.label == "App name"),
            "the missing list uses Okta's labels"
        );
    }

    #[test]
    fn a_full_draft_of_each_type_is_at_100() {
        for t in [IntegrationType::WorkflowsConnector, IntegrationType::ApiService] {
            for p in ["oin-manager-2025", "oin-2026"] {
                let c = completion(&full(t), pack(p), pw());
                assert_eq!(c.percent, 100, "{t:?} under {p}: {:?}", c.missing);
                assert!(c.tabs.iter().all(|tab| tab.percent == 100));
            }
        }
    }

    #[test]
    fn the_password_counts_though_it_is_not_in_the_draft() {
        let facts = Facts { has_password: false, ..pw() };
        let c = completion(&full(IntegrationType::ApiService), pack("oin-2026"), facts);
        assert_eq!(c.missing.len(), 1);
        assert_eq!(c.missing[0].path, "testAccount.password");
        assert!(c.percent < 100, "one missing field keeps the meter below 100");
    }

    #[test]
    fn scope_reason_is_optional_in_every_pack() {
        let mut d = full(IntegrationType::ApiService);
        d.api_service.scope_reason = None;
        for p in ["oin-manager-2025", "oin-2026"] {
            assert_eq!(completion(&d, pack(p), pw()).percent, 100, "Okta marks it optional ({p})");
        }
    }

    #[test]
    fn the_wizard_needs_none_of_the_managers_questions() {
        let mut d = full(IntegrationType::ApiService);
        d.app_info.exists_in_oin = None;
        d.app_info.app_website = None;
        d.support.contacts.clear();
        d.app_info.use_cases.clear();
        let c = completion(&d, pack("oin-2026"), pw());
        assert_eq!(c.percent, 100, "the OIN Wizard asks none of these: {:?}", c.missing);
        let labels: Vec<_> = c.tabs.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Integration details", "Configure your integration", "Test your integration"]
        );
        let old = completion(&d, pack("oin-manager-2025"), pw());
        let missing: Vec<_> = old.missing.iter().map(|m| m.path.as_str()).collect();
        assert_eq!(
            missing,
            ["appInfo.existsInOin", "appInfo.appWebsite", "appInfo.useCases", "support.contacts"],
            "the OIN Manager's form asks all of them"
        );
    }

    #[test]
    fn use_cases_are_optional_in_the_wizard_only() {
        let mut d = full(IntegrationType::ApiService);
        d.app_info.use_cases.clear();
        assert_eq!(completion(&d, pack("oin-2026"), pw()).percent, 100, "Wizard takes 0–3");
        assert!(completion(&d, pack("oin-manager-2025"), pw()).percent < 100, "Manager needs 1");
    }

    #[test]
    fn answering_yes_to_exists_adds_the_update_fields() {
        let mut d = full(IntegrationType::WorkflowsConnector);
        d.app_info.exists_in_oin = Some(true);
        let c = completion(&d, pack("oin-2026"), pw());
        let paths: Vec<_> = c.missing.iter().map(|m| m.path.as_str()).collect();
        assert_eq!(paths, ["appInfo.existingAppName", "appInfo.updateSummary"]);
    }

    #[test]
    fn an_invalid_value_is_not_complete() {
        let mut d = full(IntegrationType::ApiService);
        d.test_account.url = Some("acme.example".into());
        let c = completion(&d, pack("oin-2026"), pw());
        assert_eq!(c.missing[0].path, "testAccount.url", "filled but not an https URL");
        assert!(c.percent < 100);
    }

    #[test]
    fn an_error_outside_required_fields_stops_the_meter_at_99() {
        let mut d = full(IntegrationType::ApiService);
        d.test_account.instructions = Some("x".repeat(2049));
        assert_eq!(completion(&d, pack("oin-2026"), pw()).percent, 99);
    }

    #[test]
    fn whitespace_is_not_filled_and_tabs_count_separately() {
        let mut d = full(IntegrationType::WorkflowsConnector);
        d.workflows.connector = Some("   ".into());
        let c = completion(&d, pack("oin-2026"), pw());
        assert_eq!(c.tabs[0].percent, 100, "General Settings is complete");
        assert_eq!((c.tabs[1].filled, c.tabs[1].required), (4, 5));
        assert_eq!(c.percent, 93, "15 of 16 rounds down");
    }
}
