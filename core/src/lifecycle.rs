//! Okta's submission lifecycle: statuses and what each
//! allows, the 10-submission limit per org, the local Trash, updating a
//! published integration (with a field-by-field diff), and the reminders a
//! product manager needs. Pure functions; time is passed in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::Draft;
use crate::rules::RulePack;

/// At most this many submissions per org in the OIN Manager.
pub const SLOT_LIMIT: u32 = 10;
/// Deleted drafts stay in OIN Studio's Trash this long.
pub const TRASH_DAYS: i64 = 30;
const DAY_MS: i64 = 86_400_000;

/// A submission's status (https://developer.okta.com/docs/guides/submit-app-overview/).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SubmissionStatus {
    Draft,
    ToBeReviewed,
    IsvNeedsToReview,
    ToBeQaTested,
    IsvNeedsToFixBugs,
    FinalReview,
    Published,
}

impl SubmissionStatus {
    pub const ALL: [SubmissionStatus; 7] = [
        Self::Draft,
        Self::ToBeReviewed,
        Self::IsvNeedsToReview,
        Self::ToBeQaTested,
        Self::IsvNeedsToFixBugs,
        Self::FinalReview,
        Self::Published,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::ToBeReviewed => "toBeReviewed",
            Self::IsvNeedsToReview => "isvNeedsToReview",
            Self::ToBeQaTested => "toBeQaTested",
            Self::IsvNeedsToFixBugs => "isvNeedsToFixBugs",
            Self::FinalReview => "finalReview",
            Self::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Self {
        Self::ALL.into_iter().find(|x| x.as_str() == s).unwrap_or(Self::Draft)
    }

    /// The OIN Manager's name, or the OIN Wizard's where the draft goes there.
    pub fn label(self, wizard: bool) -> &'static str {
        match (self, wizard) {
            (Self::Draft, false) => "Draft—ISV new",
            (Self::Draft, true) => "Draft",
            (Self::ToBeReviewed, false) => "To be reviewed by Okta",
            (Self::IsvNeedsToReview, false) => "ISV needs to review",
            (Self::ToBeQaTested, false) => "To be QA tested by Okta",
            (Self::IsvNeedsToFixBugs, false) => "ISV needs to fix bugs",
            (Self::FinalReview, false) => "Final Review",
            (Self::ToBeReviewed | Self::ToBeQaTested | Self::FinalReview, true) => "OIN to review",
            (Self::IsvNeedsToReview | Self::IsvNeedsToFixBugs, true) => "ISV to review",
            (Self::Published, _) => "Published",
        }
    }

    /// Submitted and not yet published: the OIN team may use the test account.
    pub fn under_review(self) -> bool {
        !matches!(self, Self::Draft | Self::Published)
    }
}

/// What the user may do with a submission in a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Allowed {
    /// Only drafts can be deleted, on Okta's side as here.
    pub delete: bool,
    /// Only a published integration is updated, through a new version.
    pub update: bool,
    /// Sent for review: a draft, or one Okta handed back to fix.
    pub submit: bool,
}

pub fn allowed(status: SubmissionStatus) -> Allowed {
    Allowed {
        delete: status == SubmissionStatus::Draft,
        update: status == SubmissionStatus::Published,
        submit: matches!(
            status,
            SubmissionStatus::Draft
                | SubmissionStatus::IsvNeedsToReview
                | SubmissionStatus::IsvNeedsToFixBugs
        ),
    }
}

/// How many of an org's submission slots are used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SlotUse {
    pub org: String,
    pub used: u32,
    pub limit: u32,
}

/// Days a trashed draft has left, from when it was deleted (never negative).
pub fn trash_days_left(deleted_at: i64, now_ms: i64) -> i64 {
    (TRASH_DAYS - (now_ms - deleted_at) / DAY_MS).max(0)
}

/// True once a trashed draft is past its 30 days.
pub fn trash_expired(deleted_at: i64, now_ms: i64) -> bool {
    now_ms - deleted_at >= TRASH_DAYS * DAY_MS
}

/// What the user should keep in mind in this status, with dates where they matter.
pub fn reminders(
    status: SubmissionStatus,
    pack: &RulePack,
    published_at: Option<i64>,
) -> Vec<String> {
    let date = |ms: i64| {
        let d = crate::rules::CalendarDate::from_unix_millis(ms);
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    };
    let mut out = Vec::new();
    if status.under_review() {
        out.push("Keep the test account active and its password unchanged until the review ends: the OIN team signs in with it.".to_owned());
    }
    if status == SubmissionStatus::Published {
        let due = published_at.map(|at| date(at + 30 * DAY_MS));
        let by = due.map(|d| format!(" (by {d})")).unwrap_or_default();
        if pack.test_credentials == crate::rules::TestCredentials::IsvRemoves {
            out.push(format!(
                "Deactivate or delete the test account within 30 days of publication{by}."
            ));
        } else {
            out.push(format!("Okta deletes the test credentials 30 days after publication{by}; a later update needs a new test account."));
        }
    }
    out
}

/// One field that differs between the published version and its update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub path: String,
    pub label: String,
    pub before: String,
    pub after: String,
}

/// Fields that describe the update itself, not the integration.
const NOT_COMPARED: &[&str] =
    &["appInfo.existsInOin", "appInfo.existingAppName", "appInfo.updateSummary"];

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "(empty)".into(),
        serde_json::Value::String(s) if s.trim().is_empty() => "(empty)".into(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) if items.is_empty() => "(none)".into(),
        serde_json::Value::Array(items) => items.iter().map(show).collect::<Vec<_>>().join(", "),
        serde_json::Value::Object(o) => match (o.get("fileName"), o.get("value")) {
            (Some(name), _) => show(name),
            (None, Some(value)) => {
                format!("{} ({})", show(value), o.get("kind").map(show).unwrap_or_default())
            }
            _ => serde_json::Value::Object(o.clone()).to_string(),
        },
        other => other.to_string(),
    }
}

/// The form fields that differ, in the order (and with the labels) of the
/// update's own form, then any other field that holds a value.
pub fn diff(own: &crate::form::Form, published: &Draft, update: &Draft) -> Vec<FieldChange> {
    let (a, b) = (serde_json::to_value(published).unwrap(), serde_json::to_value(update).unwrap());
    let mut seen: Vec<&str> = Vec::new();
    own.fields
        .iter()
        .chain(crate::form::every_field())
        .filter(|f| !NOT_COMPARED.contains(&f.path))
        .filter(|f| {
            let first = !seen.contains(&f.path);
            seen.push(f.path);
            first
        })
        .filter_map(|f| {
            let (x, y) = (crate::form::value::at(&a, f.path), crate::form::value::at(&b, f.path));
            (x != y && show(x) != show(y)).then(|| FieldChange {
                path: f.path.to_owned(),
                label: f.label.to_owned(),
                before: show(x),
                after: show(y),
            })
        })
        .collect()
}

/// A first draft of "What changes are you making…", for the user to edit.
pub fn propose_summary(changes: &[FieldChange], published: &Draft, update: &Draft) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let listed = |before: &[String], after: &[String], what: &str| {
        let added: Vec<_> = after.iter().filter(|s| !before.contains(s)).cloned().collect();
        let removed: Vec<_> = before.iter().filter(|s| !after.contains(s)).cloned().collect();
        let mut parts = Vec::new();
        if !added.is_empty() {
            parts.push(format!("added {what} {}", added.join(", ")));
        }
        if !removed.is_empty() {
            parts.push(format!("removed {what} {}", removed.join(", ")));
        }
        parts.join("; ")
    };
    let lines: Vec<String> = changes
        .iter()
        .map(|c| match c.path.as_str() {
            "apiService.scopes" => {
                let detail =
                    listed(&published.api_service.scopes, &update.api_service.scopes, "scope");
                format!("Scopes: {detail}.")
            }
            "appInfo.useCases" => {
                let detail =
                    listed(&published.app_info.use_cases, &update.app_info.use_cases, "use case");
                format!("Use cases: {detail}.")
            }
            "workflows.version" => format!("Connector version {} → {}.", c.before, c.after),
            "appInfo.appName" => format!("Renamed from “{}” to “{}”.", c.before, c.after),
            _ => format!("Updated the {}.", c.label.to_lowercase()),
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IntegrationType;

    #[test]
    fn only_drafts_can_be_deleted_and_only_published_ones_updated() {
        for s in SubmissionStatus::ALL {
            let a = allowed(s);
            assert_eq!(a.delete, s == SubmissionStatus::Draft, "{s:?}");
            assert_eq!(a.update, s == SubmissionStatus::Published, "{s:?}");
        }
    }

    #[test]
    fn wizard_names_group_the_manager_statuses() {
        let names: Vec<_> = SubmissionStatus::ALL.iter().map(|s| s.label(true)).collect();
        assert_eq!(
            names,
            [
                "Draft",
                "OIN to review",
                "ISV to review",
                "OIN to review",
                "ISV to review",
                "OIN to review",
                "Published"
            ]
        );
        assert_eq!(SubmissionStatus::ToBeQaTested.label(false), "To be QA tested by Okta");
        for s in SubmissionStatus::ALL {
            assert_eq!(SubmissionStatus::parse(s.as_str()), s, "stored names round-trip");
        }
    }

    #[test]
    fn trash_keeps_30_days() {
        let day = DAY_MS;
        assert_eq!(trash_days_left(0, 0), 30);
        assert_eq!(trash_days_left(0, 29 * day), 1);
        assert!(!trash_expired(0, 30 * day - 1));
        assert!(trash_expired(0, 30 * day));
        assert_eq!(trash_days_left(0, 90 * day), 0);
    }

    #[test]
    fn reminders_follow_status_and_pack() {
        let p2025 = RulePack::by_id("oin-manager-2025").unwrap();
        let p2026 = RulePack::by_id("oin-2026").unwrap();
        assert!(reminders(SubmissionStatus::Draft, p2026, None).is_empty());
        assert!(reminders(SubmissionStatus::ToBeQaTested, p2026, None)[0].contains("active"));
        let published = 1_772_582_400_000; // 2026-03-04
        let r = reminders(SubmissionStatus::Published, p2026, Some(published));
        assert!(
            r[0].contains("Okta deletes the test credentials") && r[0].contains("2026-04-03"),
            "{r:?}"
        );
        let r = reminders(SubmissionStatus::Published, p2025, Some(published));
        assert!(r[0].contains("Deactivate or delete"), "{r:?}");
    }

    #[test]
    fn diff_and_summary_name_what_changed() {
        let mut before = Draft::new(IntegrationType::ApiService);
        before.app_info.app_name = Some("Acme".into());
        before.app_info.description = Some("Old".into());
        before.api_service.scopes = vec!["okta.users.read".into()];
        let mut after = before.clone();
        after.app_info.exists_in_oin = Some(true);
        after.app_info.existing_app_name = Some("Acme".into());
        after.app_info.description = Some("New".into());
        after.api_service.scopes = vec!["okta.users.manage".into()];
        let form = RulePack::by_id("oin-2026").unwrap().form(after.integration_type);
        let changes = diff(form, &before, &after);
        let paths: Vec<_> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            ["appInfo.description", "apiService.scopes"],
            "update fields are not compared"
        );
        assert_eq!((changes[0].before.as_str(), changes[0].after.as_str()), ("Old", "New"));
        assert_eq!(changes[0].label, "Description", "the update's own form names the field");
        let summary = propose_summary(&changes, &before, &after);
        assert_eq!(summary, "Updated the description.\nScopes: added scope okta.users.manage; removed scope okta.users.read.");
        assert!(diff(form, &before, &before).is_empty());
    }
}
