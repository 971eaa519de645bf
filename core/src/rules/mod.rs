//! The OIN rules: dated rule packs, every field-level rule, and completion.
//!
//! Rules are data plus small pure functions (`catalog::RULES`); time is passed
//! in, never read here. `check` runs them all and returns what the UI shows —
//! issues, completion and whether the draft may be submitted. The UI renders
//! that and never re-implements a rule.

pub mod catalog;
pub mod changes;
pub mod checks;
pub mod completion;
pub mod issue;
pub mod pack;
pub mod personal;
pub mod schema;

use serde::Serialize;
use ts_rs::TS;

pub use completion::{Completion, TabCompletion};
pub use issue::{FixAction, Issue, Severity};
pub use pack::{CalendarDate, RulePack, TestCredentials, PACKS};

use crate::draft::Draft;
use crate::flowsuite::SuiteReport;

/// What the draft body cannot tell: facts kept elsewhere (the password lives in
/// the secret store; the test suite's content in the file store).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub has_password: bool,
    pub test_suite: Option<SuiteReport>,
    /// The logo doctor's verdict on the logo to submit, when it could be read.
    pub logo: Option<crate::logo::Verdict>,
    /// The guide doctor's last check of the guide URL, if it was checked.
    pub guide: Option<crate::guide::GuideReport>,
}

/// Issue counts by severity, not counting dismissed warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

/// How long a limited field is, as Okta counts it, for the form's counters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldLength {
    pub path: String,
    pub used: u32,
    pub max: u32,
}

/// The result of checking a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub issues: Vec<Issue>,
    pub counts: Counts,
    pub completion: Completion,
    /// True when nothing would make Okta refuse the submission: 100% and no error.
    pub can_submit: bool,
    pub test_suite: Option<SuiteReport>,
    /// Every limited text field's length (the UI never counts characters itself).
    pub lengths: Vec<FieldLength>,
}

/// Runs every rule of `pack` over `draft`.
pub fn check(draft: &Draft, pack: &RulePack, facts: &Facts) -> Report {
    let cx = catalog::Ctx { draft, pack, facts };
    let form = pack.form(draft.integration_type);
    let mut issues = Vec::new();
    for rule in catalog::RULES {
        let mut found = issue::Findings::default();
        (rule.check)(&cx, &mut found);
        for f in found.0 {
            let severity = f.severity.unwrap_or(rule.severity);
            let id = f.rule.clone().unwrap_or_else(|| rule.id.to_owned());
            let dismissed = draft
                .dismissed
                .iter()
                .find(|d| d.rule == id && d.path == f.path)
                .filter(|_| severity == Severity::Warning)
                .map(|d| d.reason.clone());
            let source = if rule.source == catalog::FORM {
                catalog::form_source(form.tool)
            } else {
                rule.source
            };
            issues.push(Issue {
                rule: id,
                severity,
                tab: form.tab_of(&f.path),
                path: f.path,
                message: f.message,
                fix: f.fix,
                source: source.to_owned(),
                action: f.action,
                dismissible: severity == Severity::Warning,
                dismissed,
            });
        }
    }
    if form.via_api {
        schema::floor(draft, form, &mut issues);
        for i in issues.iter_mut().filter(|i| i.rule == schema::RULE) {
            i.tab = form.tab_of(&i.path);
        }
    }
    let tab_order = |t| form.tabs.iter().position(|x| *x == t).unwrap_or(0);
    issues.sort_by_key(|i| (i.severity, tab_order(i.tab)));
    let mut counts = Counts::default();
    for i in issues.iter().filter(|i| i.dismissed.is_none()) {
        match i.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    let completion = completion::completion(draft, pack, facts, &issues);
    let json = crate::form::value::json(draft);
    let lengths = form
        .fields
        .iter()
        .filter_map(|f| {
            let limit = f.limit?;
            let used = crate::form::value::text_at(&json, f.path)
                .map_or(0, |v| checks::form_length(v.trim()));
            Some(FieldLength { path: f.path.to_owned(), used: used as u32, max: limit.max })
        })
        .collect();
    Report {
        lengths,
        can_submit: completion.percent == 100 && counts.errors == 0,
        issues,
        counts,
        completion,
        test_suite: facts.test_suite.clone(),
    }
}

impl FixAction {
    /// Applies the fix to a draft.
    pub fn apply(&self, draft: &mut Draft) {
        match self {
            FixAction::RemoveScope { scope } => draft.api_service.scopes.retain(|s| s != scope),
            FixAction::SetText { path, value } => {
                let mut json = crate::form::value::json(draft);
                let pointer = format!("/{}", path.replace('.', "/"));
                if let Some(slot) = json.pointer_mut(&pointer) {
                    *slot = serde_json::Value::String(value.clone());
                    if let Ok(changed) = serde_json::from_value(json) {
                        *draft = changed;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
