//! Dated rule packs. Okta changes its rules over time; each pack says when it
//! is in force, which form each integration type is submitted in (`crate::form`)
//! and the few facts that differ between packs. Nothing outside this file
//! compares pack ids: code asks the pack.
//!
//! Sources: https://developer.okta.com/docs/guides/submit-app/wfconnector/main/
//! (the OIN Manager), https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/
//! (the OIN Wizard, from 2026-03-04) and Okta's 2026 release notes.

use serde::Serialize;
use ts_rs::TS;

use crate::draft::{Draft, IntegrationType};
use crate::form::{Form, MANAGER_API_SERVICE, MANAGER_WORKFLOWS, WIZARD_API_SERVICE};

/// A day on the calendar, ordered, with no time zone: rule packs change at dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CalendarDate {
    pub const fn new(year: i32, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// The UTC calendar date of a Unix time in milliseconds (Howard Hinnant's
    /// civil-from-days algorithm).
    pub fn from_unix_millis(ms: i64) -> Self {
        let z = ms.div_euclid(86_400_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }
}

/// Who removes the test account after publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TestCredentials {
    /// The ISV deactivates or deletes it within 30 days.
    IsvRemoves,
    /// Okta deletes the credentials itself 30 days after publication.
    OktaDeletes,
}

/// One dated set of rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RulePack {
    pub id: &'static str,
    pub in_force_from: CalendarDate,
    /// Last day in force; `None` while it still is.
    pub in_force_to: Option<CalendarDate>,
    /// What Okta calls the org an ISV builds and submits from.
    pub org_name: &'static str,
    /// In a product manager's words: "Okta's rules since 4 March 2026".
    pub title: &'static str,
    pub test_credentials: TestCredentials,
    #[serde(skip)]
    #[ts(skip)]
    workflows: &'static Form,
    #[serde(skip)]
    #[ts(skip)]
    api_service: &'static Form,
}

/// Every pack, oldest first.
pub const PACKS: &[RulePack] = &[
    RulePack {
        id: "oin-manager-2025",
        in_force_from: CalendarDate::new(2025, 1, 21),
        in_force_to: Some(CalendarDate::new(2026, 3, 3)),
        org_name: "Okta Developer Edition org",
        title: "Okta's rules from 21 January 2025 to 3 March 2026",
        test_credentials: TestCredentials::IsvRemoves,
        workflows: &MANAGER_WORKFLOWS,
        api_service: &MANAGER_API_SERVICE,
    },
    RulePack {
        id: "oin-2026",
        in_force_from: CalendarDate::new(2026, 3, 4),
        in_force_to: None,
        org_name: "Okta Integrator Free Plan org (formerly Developer Edition org)",
        title: "Okta's rules since 4 March 2026",
        test_credentials: TestCredentials::OktaDeletes,
        workflows: &MANAGER_WORKFLOWS,
        api_service: &WIZARD_API_SERVICE,
    },
];

impl RulePack {
    pub fn by_id(id: &str) -> Option<&'static RulePack> {
        PACKS.iter().find(|p| p.id == id)
    }

    /// The newest pack in force on `today`; before the first pack, the first.
    pub fn default_on(today: CalendarDate) -> &'static RulePack {
        PACKS
            .iter()
            .rev()
            .find(|p| p.in_force_from <= today && p.in_force_to.is_none_or(|to| today <= to))
            .unwrap_or(&PACKS[0])
    }

    /// The pack a draft is checked against: its own choice, else the default.
    pub fn for_draft(draft: &Draft, today: CalendarDate) -> &'static RulePack {
        draft.rule_pack.as_deref().and_then(Self::by_id).unwrap_or_else(|| Self::default_on(today))
    }

    /// The form an integration type is submitted in under this pack.
    pub fn form(&self, t: IntegrationType) -> &'static Form {
        match t {
            IntegrationType::WorkflowsConnector => self.workflows,
            IntegrationType::ApiService => self.api_service,
        }
    }

    /// What the rule selector says: "Okta's rules since 4 March 2026 — API
    /// service in the OIN Wizard".
    pub fn title_for(&self, t: IntegrationType) -> String {
        format!("{} — {} in the {}", self.title, t.label(), self.form(t).tool.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_pack_follows_the_date() {
        let cases = [
            (CalendarDate::new(2024, 6, 1), "oin-manager-2025", "before any pack: the first"),
            (CalendarDate::new(2025, 1, 21), "oin-manager-2025", "first day in force"),
            (CalendarDate::new(2026, 3, 3), "oin-manager-2025", "last day of the 2025 pack"),
            (CalendarDate::new(2026, 3, 4), "oin-2026", "first day of the 2026 pack"),
            (CalendarDate::new(2026, 11, 29), "oin-2026", "today"),
        ];
        for (day, want, why) in cases {
            assert_eq!(RulePack::default_on(day).id, want, "{why}");
        }
    }

    #[test]
    fn unix_millis_become_utc_dates() {
        assert_eq!(CalendarDate::from_unix_millis(0), CalendarDate::new(1970, 1, 1));
        // 2026-03-04T00:00:00Z and one millisecond before it.
        assert_eq!(
            CalendarDate::from_unix_millis(1_772_582_400_000),
            CalendarDate::new(2026, 3, 4)
        );
        assert_eq!(
            CalendarDate::from_unix_millis(1_772_582_399_999),
            CalendarDate::new(2026, 3, 3)
        );
        assert_eq!(CalendarDate::from_unix_millis(951_782_400_000), CalendarDate::new(2000, 2, 29));
    }

    #[test]
    fn packs_name_their_tool_in_plain_words() {
        let p = RulePack::by_id("oin-2026").unwrap();
        assert_eq!(
            p.title_for(IntegrationType::ApiService),
            "Okta's rules since 4 March 2026 — API service in the OIN Wizard"
        );
        assert_eq!(
            p.title_for(IntegrationType::WorkflowsConnector),
            "Okta's rules since 4 March 2026 — Workflows connector in the OIN Manager"
        );
        let old = RulePack::by_id("oin-manager-2025").unwrap();
        assert_eq!(old.form(IntegrationType::ApiService).tool, crate::form::Tool::OinManager);
    }

    #[test]
    fn a_draft_keeps_its_chosen_pack() {
        let mut d = Draft { rule_pack: Some("oin-manager-2025".into()), ..Draft::default() };
        assert_eq!(RulePack::for_draft(&d, CalendarDate::new(2026, 11, 29)).id, "oin-manager-2025");
        d.rule_pack = Some("no-such-pack".into());
        assert_eq!(RulePack::for_draft(&d, CalendarDate::new(2026, 11, 29)).id, "oin-2026");
    }
}
