//! Updating a published integration in the OIN Wizard (since 2026-07-21,
//! https://developer.okta.com/docs/guides/update-oin-app/main/): an update that
//! changes catalog information only (app name, logo, description, contact
//! information) goes by Edit › Catalog Info — no tests, the live listing stays;
//! anything else is a functional edit by Edit › Integration, which turns the
//! published status into Draft and needs "Test my API service integration" to
//! have passed for the updated and the published instance within 48 hours
//! (https://developer.okta.com/docs/guides/update-oin-app/main/uapiservice/submit-checks/).
//! Workflows connectors keep the OIN Manager's Update flow. Pure functions;
//! time is passed in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lifecycle::FieldChange;
use crate::rules::CalendarDate;

/// The day the two update paths started.
pub const SINCE: CalendarDate = CalendarDate::new(2026, 7, 21);
/// How recent a passed test must be for a functional update.
pub const TEST_WINDOW_MS: i64 = 48 * 3_600_000;

/// What Okta counts as catalog information.
pub const CATALOG_FIELDS: &[&str] = &[
    "appInfo.appName",
    "appInfo.appIcon",
    "appInfo.description",
    "support.contacts",
    "support.escalationContact",
];

/// Which of Okta's two update paths an update takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum UpdateKind {
    /// Nothing differs from the published version yet.
    NoChange,
    /// Edit › Catalog Info: no tests, the live listing stays.
    CatalogOnly,
    /// Edit › Integration: the published status becomes Draft; both versions tested.
    Functional,
}

/// The path for a set of changes.
pub fn classify(changes: &[FieldChange]) -> UpdateKind {
    if changes.is_empty() {
        UpdateKind::NoChange
    } else if changes.iter().all(|c| CATALOG_FIELDS.contains(&c.path.as_str())) {
        UpdateKind::CatalogOnly
    } else {
        UpdateKind::Functional
    }
}

fn date(ms: i64) -> String {
    let d = CalendarDate::from_unix_millis(ms);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// What the user should know before taking the path, in plain words.
pub fn notes(kind: UpdateKind, changes: &[FieldChange], now_ms: i64) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        UpdateKind::NoChange => {}
        UpdateKind::CatalogOnly => {
            out.push("Catalog information only: in the Admin Console, Edit › Catalog Info sends it straight to the OIN team. No tests, and the live listing stays in the catalog while they review it.".to_owned());
            if changes.iter().any(|c| c.path == "appInfo.appName" || c.path == "appInfo.appIcon") {
                out.push("A new name or logo doesn't reach existing installs: customers see it only when they add the integration again.".to_owned());
            }
        }
        UpdateKind::Functional => {
            out.push(format!(
                "A functional change: editing the integration in the OIN Wizard (Edit › Integration) overwrites its PUBLISHED status and date with DRAFT and today's date ({}). The published version stays live until the update is published.",
                date(now_ms)
            ));
            out.push("Before you submit, \"Test my API service integration\" must pass for the updated and for the published instance, within the last 48 hours.".to_owned());
            if changes.iter().any(|c| c.path == "tenantSettings") {
                out.push("Renaming a tenant setting removes the old one (existing customers who use it break); a new one is empty for existing installs.".to_owned());
            }
        }
    }
    out
}

/// Which instance a test ran against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TestedInstance {
    /// The instance of the integration as it is being submitted (the update).
    Updated,
    /// The instance of the published version.
    Published,
}

impl TestedInstance {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Updated => "updated",
            Self::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "updated" => Some(Self::Updated),
            "published" => Some(Self::Published),
            _ => None,
        }
    }
}

/// The last "Test my API service integration" run against one instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestRun {
    pub instance: TestedInstance,
    pub passed: bool,
    #[ts(type = "number")]
    pub at: i64,
}

/// The 48-hour gate of a functional update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestGate {
    pub updated: Option<TestRun>,
    pub published: Option<TestRun>,
    /// Both passed within the window: the update may be submitted.
    pub open: bool,
    /// When the older of the two passes falls out of the window.
    #[ts(type = "number | null")]
    pub closes_at: Option<i64>,
    /// What is still needed, in plain words (empty when open).
    pub needed: Vec<String>,
}

/// The gate, from the last run against each instance.
pub fn gate(runs: &[TestRun], now_ms: i64) -> TestGate {
    let last =
        |i: TestedInstance| runs.iter().filter(|r| r.instance == i).max_by_key(|r| r.at).cloned();
    let (updated, published) = (last(TestedInstance::Updated), last(TestedInstance::Published));
    fn fresh(r: &Option<TestRun>, now_ms: i64) -> Option<&TestRun> {
        r.as_ref().filter(|r| r.passed && now_ms - r.at <= TEST_WINDOW_MS && r.at <= now_ms)
    }
    let mut needed = Vec::new();
    for (run, what) in [(&updated, "the updated instance"), (&published, "the published instance")]
    {
        match run {
            None => needed.push(format!("Test {what}: it hasn't been tested yet.")),
            Some(r) if !r.passed => {
                needed.push(format!("Test {what} again: its last test failed."))
            }
            Some(_) if fresh(run, now_ms).is_none() => {
                needed.push(format!("Test {what} again: its last pass is older than 48 hours."))
            }
            Some(_) => {}
        }
    }
    let open = needed.is_empty();
    let closes_at = match (fresh(&updated, now_ms), fresh(&published, now_ms)) {
        (Some(a), Some(b)) => Some(a.at.min(b.at) + TEST_WINDOW_MS),
        _ => None,
    };
    TestGate { updated, published, open, closes_at, needed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str) -> FieldChange {
        FieldChange { path: path.into(), label: path.into(), before: "a".into(), after: "b".into() }
    }

    #[test]
    fn catalog_fields_alone_take_the_catalog_info_path() {
        assert_eq!(classify(&[]), UpdateKind::NoChange);
        assert_eq!(
            classify(&[change("appInfo.appName"), change("appInfo.appIcon")]),
            UpdateKind::CatalogOnly
        );
        assert_eq!(classify(&[change("support.escalationContact")]), UpdateKind::CatalogOnly);
        for functional in
            ["apiService.scopes", "apiService.configGuideUrl", "tenantSettings", "testAccount.url"]
        {
            assert_eq!(
                classify(&[change("appInfo.description"), change(functional)]),
                UpdateKind::Functional,
                "{functional} is functional configuration"
            );
        }
        let n = notes(UpdateKind::CatalogOnly, &[change("appInfo.appIcon")], 0);
        assert!(n.iter().any(|n| n.contains("existing installs")));
        let n = notes(UpdateKind::Functional, &[change("apiService.scopes")], 1_796_083_200_000);
        assert!(n[0].contains("DRAFT") && n[0].contains("2026-12-01"), "{n:?}");
    }

    #[test]
    fn the_gate_needs_both_instances_passed_within_48_hours() {
        const H: i64 = 3_600_000;
        let now = 100 * H;
        let run = |instance, passed, hours_ago: i64| TestRun {
            instance,
            passed,
            at: now - hours_ago * H,
        };
        let g = gate(&[], now);
        assert!(!g.open && g.needed.len() == 2);
        let both =
            [run(TestedInstance::Updated, true, 10), run(TestedInstance::Published, true, 47)];
        let g = gate(&both, now);
        assert!(g.open, "{:?}", g.needed);
        assert_eq!(g.closes_at, Some(now + H), "the published pass falls out first, in 1 hour");
        let stale =
            [run(TestedInstance::Updated, true, 10), run(TestedInstance::Published, true, 49)];
        let g = gate(&stale, now);
        assert!(!g.open && g.needed[0].contains("older than 48 hours"), "{:?}", g.needed);
        let failed = [
            run(TestedInstance::Updated, true, 30),
            run(TestedInstance::Updated, false, 1),
            run(TestedInstance::Published, true, 1),
        ];
        let g = gate(&failed, now);
        assert!(!g.open && g.needed[0].contains("failed"), "the last run counts: {:?}", g.needed);
    }
}
