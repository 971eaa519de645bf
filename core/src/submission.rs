//! A `Submission`: what the rules make of a `Draft` once it passes. Only a
//! draft with a clean precheck of an integration type Okta's API takes
//! becomes one, so the submit, its preview and the CLI take a `Submission`
//! and can't be handed a draft Okta would refuse. The refusals have this one
//! home.

use crate::draft::{Draft, IntegrationType};
use crate::rules::{Issue, Report, Severity};

/// Why a draft can't be submitted through Okta's API (yet).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotSubmittable {
    #[error("Workflows connectors are submitted in the OIN Manager, which has no API. Use \"Submit in the OIN Manager\".")]
    InOinManager,
    #[error("The precheck still finds {} Okta would reject. Fix {} first.", count(issues), if issues.len() == 1 { "it" } else { "them" })]
    PrecheckFailed { issues: Vec<Issue> },
    #[error("This submission is “{status}”: it can't be sent again until Okta hands it back.")]
    UnderReview { status: String },
    #[error("The version you confirmed (revision {rev}) is no longer in the history, so nothing was sent. Open the draft and submit again.")]
    ConfirmedRevisionGone { rev: i64 },
    #[error("This goes to Okta through its API: use Submit.")]
    ThroughTheApi,
    #[error("Nothing differs from the published version yet.")]
    NothingChanged,
    #[error("This update changes catalog information only: it goes to the OIN team by Edit › Catalog Info in the Admin Console (Okta's API has no way to send it). Use \"Send the catalog changes\".")]
    CatalogInfo,
    #[error("Before a functional update goes, \"Test my API service integration\" must pass for both instances within 48 hours: {}", needed.join(" "))]
    TestsNeeded { needed: Vec<String> },
}

fn count(issues: &[Issue]) -> String {
    match issues.len() {
        1 => "1 problem".into(),
        n => format!("{n} problems"),
    }
}

/// A draft that passed the precheck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    draft: Draft,
}

impl Submission {
    /// The draft as a submission, if its report allows it.
    pub fn new(draft: Draft, report: &Report) -> Result<Self, NotSubmittable> {
        if draft.integration_type != IntegrationType::ApiService {
            return Err(NotSubmittable::InOinManager);
        }
        let errors: Vec<Issue> =
            report.issues.iter().filter(|i| i.severity == Severity::Error).cloned().collect();
        if !errors.is_empty() || !report.can_submit {
            return Err(NotSubmittable::PrecheckFailed { issues: errors });
        }
        Ok(Self { draft })
    }

    /// For tests of the plan's shape only: a draft taken as it is.
    #[cfg(test)]
    pub(crate) fn unchecked(draft: Draft) -> Self {
        Self { draft }
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The name Okta lists it under.
    pub fn name(&self) -> &str {
        self.draft.app_info.app_name.as_deref().map(str::trim).unwrap_or_default()
    }
}
