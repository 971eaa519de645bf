//! "Tell us the reason to use scopes", drafted from what "Test my API service
//! integration" showed: each scope with the call that used it and how it went,
//! `[placeholders]` for what only the product manager knows (the precheck
//! flags them until they are filled in), and a least-privilege question for
//! each `.manage` scope the test only read with — a reviewer's first question.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::probe::{ProbeReport, ScopeVerdict};
use crate::rules::CalendarDate;
use crate::scopes::{plain_words, ScopeCatalog};

/// A question a reviewer would ask about one scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeQuestion {
    pub scope: String,
    /// The narrower scope that may be enough, when Okta has one.
    pub narrower: Option<String>,
    pub message: String,
}

/// The draft of the reason, and the questions to answer before sending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScopeReasonDraft {
    pub text: String,
    pub questions: Vec<ScopeQuestion>,
}

/// The draft from a probe run on `tested_on`; None when no token could be had
/// (nothing was shown to build on).
pub fn reason_from(report: &ProbeReport, tested_on: CalendarDate) -> Option<ScopeReasonDraft> {
    if report.token_error.is_some() || report.scopes.is_empty() {
        return None;
    }
    let catalog = ScopeCatalog::get();
    let mut lines = vec![format!(
        "The integration asks for these scopes (tested with a client-credentials token on {}-{:02}-{:02}):",
        tested_on.year, tested_on.month, tested_on.day
    )];
    let mut questions = Vec::new();
    for s in &report.scopes {
        let words = plain_words(&s.scope);
        let manage = s.scope.ends_with(".manage");
        let need = if manage {
            "[what the integration creates, changes or deletes, and why]"
        } else {
            "[what the integration reads, and why]"
        };
        let evidence = match (&s.verdict, &s.call) {
            (ScopeVerdict::Works, Some(call)) => format!("{call} worked in the test."),
            (ScopeVerdict::Works, None) | (ScopeVerdict::Untested, _) => {
                "granted in the test (no call tried).".to_owned()
            }
            (ScopeVerdict::Fails { .. }, Some(call)) => {
                format!("{call} failed in the test: [fixed since / why it is still needed].")
            }
            (ScopeVerdict::Fails { .. }, None) => {
                "failed in the test: [fixed since / why it is still needed].".to_owned()
            }
            (ScopeVerdict::NotGranted, _) => {
                "not granted in the test: [grant it, or remove it from the draft].".to_owned()
            }
        };
        lines.push(format!("- {} ({words}): {need} {evidence}", s.scope));
        // The probe only ever reads: a .manage scope it "used" was only read with.
        if manage && matches!(s.verdict, ScopeVerdict::Works | ScopeVerdict::Untested) {
            let narrower = s
                .scope
                .strip_suffix(".manage")
                .map(|r| format!("{r}.read"))
                .filter(|r| catalog.group_of(r).is_some());
            let tried = s.call.as_deref().map_or(String::new(), |c| format!(" ({c})"));
            let message = match &narrower {
                Some(r) => format!(
                    "{} lets the integration {}; the test only read with it{tried}. If it only reads, \
                     ask for {r} instead — Okta's reviewers ask for the least privilege that works.",
                    s.scope,
                    lower_first(&words)
                ),
                None => format!(
                    "{} lets the integration {}; the test only read with it{tried}. Say what it \
                     changes, or drop it.",
                    s.scope,
                    lower_first(&words)
                ),
            };
            questions.push(ScopeQuestion { scope: s.scope.clone(), narrower, message });
        }
    }
    Some(ScopeReasonDraft { text: lines.join("\n"), questions })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::okta::probe::ScopeResult;

    fn result(scope: &str, call: Option<&str>, verdict: ScopeVerdict) -> ScopeResult {
        ScopeResult { scope: scope.into(), call: call.map(str::to_owned), verdict }
    }

    #[test]
    fn each_scope_gets_its_call_and_a_manage_scope_only_read_with_is_questioned() {
        let report = ProbeReport {
            token_error: None,
            reason: None,
            scopes: vec![
                result("okta.logs.read", Some("GET /api/v1/logs?limit=1"), ScopeVerdict::Works),
                result("okta.users.manage", Some("GET /api/v1/users?limit=1"), ScopeVerdict::Works),
                result("okta.groups.read", None, ScopeVerdict::NotGranted),
            ],
        };
        let d = reason_from(&report, CalendarDate::new(2026, 12, 1)).unwrap();
        assert!(d.text.contains("on 2026-12-01"), "{}", d.text);
        assert!(
            d.text.contains("- okta.logs.read (View logs): [what the integration reads, and why] GET /api/v1/logs?limit=1 worked in the test."),
            "{}",
            d.text
        );
        assert!(
            d.text.contains("okta.users.manage")
                && d.text.contains("[what the integration creates, changes or deletes, and why]")
        );
        assert!(d.text.contains("okta.groups.read") && d.text.contains("not granted in the test"));
        assert_eq!(d.questions.len(), 1, "{:?}", d.questions);
        let q = &d.questions[0];
        assert_eq!(
            (q.scope.as_str(), q.narrower.as_deref()),
            ("okta.users.manage", Some("okta.users.read"))
        );
        assert!(
            q.message.contains("the test only read with it (GET /api/v1/users?limit=1)"),
            "{}",
            q.message
        );
        // What's left to say is a placeholder: the precheck won't let it go as it is.
        assert!(d.text.contains('['));
    }

    #[test]
    fn no_token_no_draft() {
        let report = ProbeReport {
            token_error: Some("invalid_client".into()),
            reason: None,
            scopes: vec![],
        };
        assert_eq!(reason_from(&report, CalendarDate::new(2026, 12, 1)), None);
    }
}
