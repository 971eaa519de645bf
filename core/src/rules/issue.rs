//! What a rule reports: an `Issue` with a stable rule id, a severity, the field
//! it concerns, plain words, a fix hint and the source it comes from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::form::Tab;

/// How much an issue matters. Errors block submitting; warnings and info don't.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A change core can make to the draft in one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FixAction {
    /// Remove a scope that another chosen scope already includes.
    RemoveScope { scope: String },
    /// Replace a text field's value, e.g. with the correctly encoded address.
    SetText { path: String, value: String },
}

/// One problem found in a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// Stable identifier, e.g. `description.length`.
    pub rule: String,
    pub severity: Severity,
    /// The field, as in `crate::form`, with an index for list items
    /// (e.g. `support.contacts.1.value`).
    pub path: String,
    pub tab: Tab,
    pub message: String,
    pub fix: String,
    /// Where the rule comes from (Okta's documentation).
    pub source: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<FixAction>,
    /// Warnings the user may dismiss with a reason.
    pub dismissible: bool,
    /// The reason given when it was dismissed.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismissed: Option<String>,
}

/// A finding before the runner adds the rule's id, severity and source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: String,
    pub message: String,
    pub fix: String,
    pub severity: Option<Severity>,
    pub action: Option<FixAction>,
    /// A more precise id than the rule's, for rules that relay checks made
    /// elsewhere (the logo doctor's `logo.dimensions`, …).
    pub rule: Option<String>,
}

/// Where a rule puts what it finds.
#[derive(Debug, Default)]
pub struct Findings(pub(crate) Vec<Finding>);

impl Findings {
    /// A finding at the rule's own severity.
    pub fn add(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.0.push(Finding {
            path: path.into(),
            message: message.into(),
            fix: fix.into(),
            severity: None,
            action: None,
            rule: None,
        });
    }

    /// A finding whose severity depends on the pack or the draft.
    pub fn add_as(
        &mut self,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.add(path, message, fix);
        if let Some(last) = self.0.last_mut() {
            last.severity = Some(severity);
        }
    }

    /// A finding with its own id and severity, relayed from another check.
    pub fn relay(
        &mut self,
        rule: &str,
        severity: Severity,
        path: &str,
        message: String,
        fix: &str,
    ) {
        self.add_as(severity, path, message, fix);
        if let Some(last) = self.0.last_mut() {
            last.rule = Some(rule.to_owned());
        }
    }

    /// A finding with a one-click fix.
    pub fn add_fixable(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
        action: FixAction,
    ) {
        self.add(path, message, fix);
        if let Some(last) = self.0.last_mut() {
            last.action = Some(action);
        }
    }
}
