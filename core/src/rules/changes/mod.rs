//! What changed in Okta's rules since a draft was last submitted: the rules
//! added, removed, made stricter or looser for its integration type between the
//! pack its submitted revision was checked under and the pack it is checked
//! under now, and the dated changes that took effect in between — each with its
//! date and Okta's source.
//!
//! Nothing here is kept twice: the form differences are read off the two
//! packs' declared forms (`crate::form`) and their facts (`RulePack`); only the
//! changes Okta made inside a pack, at a date of their own, are listed here
//! (`DATED`), from `oin-requirements.md`.

use serde::Serialize;
use ts_rs::TS;

use super::catalog::form_source;
use super::issue::Severity;
use super::pack::{CalendarDate, RulePack, TestCredentials};
use crate::draft::IntegrationType;
use crate::form::{Field, FieldKind, Need, Tool};

/// Which way a rule moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// A rule or field that wasn't there.
    Added,
    /// A rule or field that is gone.
    Removed,
    /// Asks more: optional → required, a shorter limit, a warning → an error.
    Stricter,
    /// Asks less: required → optional, a longer limit, an error → a warning.
    Looser,
    /// Different, neither stricter nor looser (a new name, a new place).
    Changed,
}

/// One change of Okta's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleChange {
    /// The day it took effect.
    pub date: CalendarDate,
    pub kind: ChangeKind,
    /// The form field it concerns, when one does (a path into the draft).
    pub field: Option<String>,
    /// In a product manager's words.
    pub what: String,
    /// Okta's page that says so.
    pub source: String,
}

/// The rules that changed for one draft since its last submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RulesChanged {
    /// When the submitted revision was saved, and the rules it was checked under.
    pub submitted_on: CalendarDate,
    pub submitted_under: String,
    pub now_under: String,
    /// The pack in force today, when the draft is still checked against an
    /// older one: "check it against today's rules".
    pub switch_to: Option<String>,
    /// Oldest first.
    pub changes: Vec<RuleChange>,
}

/// A change Okta made at a date of its own, not with a new pack.
struct Dated {
    date: CalendarDate,
    integration_type: IntegrationType,
    tool: Tool,
    kind: ChangeKind,
    field: Option<&'static str>,
    what: &'static str,
    source: &'static str,
}

const UPDATE_OIN_APP: &str = "https://developer.okta.com/docs/guides/update-oin-app/main/";

/// §2.10 of the requirements (Okta, 2026-07-21).
const DATED: &[Dated] = &[
    Dated {
        date: CalendarDate::new(2026, 7, 21),
        integration_type: IntegrationType::ApiService,
        tool: Tool::OinWizard,
        kind: ChangeKind::Changed,
        field: None,
        what: "Updates of a published integration are split in two: catalog information only \
               (app name, logo, description, contacts) goes straight to the OIN team while the \
               live version stays in the catalog; anything else is a functional update that \
               turns the integration back into a draft dated today.",
        source: UPDATE_OIN_APP,
    },
    Dated {
        date: CalendarDate::new(2026, 7, 21),
        integration_type: IntegrationType::ApiService,
        tool: Tool::OinWizard,
        kind: ChangeKind::Stricter,
        field: Some("testAccount.url"),
        what: "A functional update needs both the updated and the published version tested, \
               with the required instances active and their tests passed within the last 48 hours.",
        source: "https://developer.okta.com/docs/guides/update-oin-app/apiservice/main/",
    },
];

/// The changes for a draft of type `t` submitted on `on` under `old`, judged
/// today under `new`. Empty when nothing changed.
pub fn changes_between(
    t: IntegrationType,
    old: &RulePack,
    on: CalendarDate,
    new: &RulePack,
    today: CalendarDate,
) -> Vec<RuleChange> {
    let mut out = Vec::new();
    if old.id != new.id {
        pack_changes(t, old, new, &mut out);
    }
    let tool = new.form(t).tool;
    out.extend(
        DATED
            .iter()
            .filter(|d| d.integration_type == t && d.tool == tool && on < d.date && d.date <= today)
            .map(|d| RuleChange {
                date: d.date,
                kind: d.kind,
                field: d.field.map(str::to_owned),
                what: d.what.to_owned(),
                source: d.source.to_owned(),
            }),
    );
    // By date; within a day what asks more first, renames last.
    out.sort_by_key(|c| (c.date, weight(c)));
    out
}

fn weight(c: &RuleChange) -> u8 {
    match (c.kind, &c.field) {
        (ChangeKind::Changed, None) => 0,
        (ChangeKind::Stricter, _) => 1,
        (ChangeKind::Added, _) => 2,
        (ChangeKind::Removed, _) => 3,
        (ChangeKind::Looser, _) => 4,
        (ChangeKind::Changed, Some(_)) => 5,
    }
}

/// What differs between two packs' forms and facts for type `t`.
fn pack_changes(t: IntegrationType, old: &RulePack, new: &RulePack, out: &mut Vec<RuleChange>) {
    let (a, b) = (old.form(t), new.form(t));
    let date = new.in_force_from;
    let source = form_source(b.tool).to_owned();
    let mut push = |kind, field: Option<&str>, what: String| {
        out.push(RuleChange {
            date,
            kind,
            field: field.map(str::to_owned),
            what,
            source: source.clone(),
        });
    };
    if a.tool != b.tool {
        push(
            ChangeKind::Changed,
            None,
            format!(
                "{} integrations are submitted in the {}, no longer the {}: its form differs.",
                t.label(),
                b.tool.label(),
                a.tool.label()
            ),
        );
    }
    for f in b.fields {
        match a.fields.iter().find(|o| o.path == f.path) {
            None => push(ChangeKind::Added, Some(f.path), asked(f, b.tool)),
            Some(o) => field_changes(o, f, &mut push),
        }
    }
    for o in a.fields.iter().filter(|o| !b.fields.iter().any(|f| f.path == o.path)) {
        push(
            ChangeKind::Removed,
            Some(o.path),
            format!("“{}” is no longer asked in the {}.", o.label, b.tool.label()),
        );
    }
    if old.test_credentials != new.test_credentials {
        let what = match new.test_credentials {
            TestCredentials::OktaDeletes => {
                "Okta deletes the test account's credentials 30 days after publication: \
                 you no longer remove them yourself."
            }
            TestCredentials::IsvRemoves => {
                "You deactivate or delete the test account within 30 days of publication."
            }
        };
        push(ChangeKind::Changed, Some("testAccount.url"), what.to_owned());
    }
    if old.org_name != new.org_name {
        push(
            ChangeKind::Changed,
            None,
            format!("Okta now calls the org you build in the “{}”.", new.org_name),
        );
    }
}

/// "The OIN Wizard asks “Use cases” (optional, up to 3)."
fn asked(f: &Field, tool: Tool) -> String {
    let need = match f.need {
        Need::Required => "required",
        Need::Optional => "optional",
        Need::WhenUpdating => "when updating",
    };
    let mut extra = vec![need.to_owned()];
    if let Some(l) = f.limit {
        extra.push(format!("at most {} characters", l.max));
    }
    if let Some(c) = f.choices {
        extra.push(format!("up to {} of {}", c.max, c.options.len()));
    }
    if let Some(n) = f.max_items {
        extra.push(format!("up to {n}"));
    }
    if f.kind == FieldKind::Fixed {
        return format!("The {} has “{}”: {}.", tool.label(), f.label, f.fixed.unwrap_or(f.help));
    }
    format!("The {} asks “{}” ({}).", tool.label(), f.label, extra.join(", "))
}

fn field_changes(o: &Field, f: &Field, push: &mut impl FnMut(ChangeKind, Option<&str>, String)) {
    let name = f.label;
    // "Use case(s)" → "Use cases" is no news.
    let plain =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    if plain(o.label) != plain(f.label) {
        push(
            ChangeKind::Changed,
            Some(f.path),
            format!("“{}” is now called “{}”.", o.label, f.label),
        );
    }
    match (o.need, f.need) {
        (a, b) if a == b => {}
        (_, Need::Required) => {
            push(ChangeKind::Stricter, Some(f.path), format!("“{name}” is now required."))
        }
        (Need::Required, _) => {
            push(ChangeKind::Looser, Some(f.path), format!("“{name}” is now optional."))
        }
        _ => push(ChangeKind::Changed, Some(f.path), format!("When “{name}” is asked changed.")),
    }
    match (o.limit, f.limit) {
        (a, b) if a == b => {}
        (None, Some(l)) => push(
            ChangeKind::Stricter,
            Some(f.path),
            format!("“{name}” is limited to {} characters.", l.max),
        ),
        (Some(_), None) => {
            push(ChangeKind::Looser, Some(f.path), format!("“{name}” has no length limit now."))
        }
        (Some(a), Some(b)) => {
            if a.max != b.max {
                let kind = if b.max < a.max { ChangeKind::Stricter } else { ChangeKind::Looser };
                push(
                    kind,
                    Some(f.path),
                    format!("“{name}”: at most {} characters, was {}.", b.max, a.max),
                );
            }
            if a.severity != b.severity {
                let kind = if b.severity == Severity::Error {
                    ChangeKind::Stricter
                } else {
                    ChangeKind::Looser
                };
                push(
                    kind,
                    Some(f.path),
                    format!(
                        "A longer “{name}” is now {} (was {}).",
                        severity_words(b.severity),
                        severity_words(a.severity)
                    ),
                );
            }
        }
        (None, None) => {}
    }
    match (o.choices, f.choices) {
        (Some(a), Some(b)) if a != b => {
            let kind = if b.max < a.max || b.min > a.min {
                ChangeKind::Stricter
            } else if b.max > a.max || b.min < a.min {
                ChangeKind::Looser
            } else {
                ChangeKind::Changed
            };
            push(
                kind,
                Some(f.path),
                format!(
                    "“{name}”: {}–{} of {} choices, was {}–{} of {}.",
                    b.min,
                    b.max,
                    b.options.len(),
                    a.min,
                    a.max,
                    a.options.len()
                ),
            );
        }
        _ => {}
    }
    if o.max_items != f.max_items {
        if let Some(n) = f.max_items {
            let stricter = o.max_items.is_none_or(|m| n < m);
            let kind = if stricter { ChangeKind::Stricter } else { ChangeKind::Looser };
            push(kind, Some(f.path), format!("“{name}”: up to {n}."));
        }
    }
}

fn severity_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "refused",
        Severity::Warning => "a warning",
        Severity::Info => "a note",
    }
}

#[cfg(test)]
mod tests;
