//! What Okta's reviewers look for in a guide (`oin-requirements.md` §5), one
//! check per id, each judged by headings under their usual names *and* by what
//! the text says, with the heading or sentence that decided it as evidence.
//! Matching is by words, so "Support" is not "Supported features".

use super::{Document, GuideCheck, GuideReport, Reading};
use crate::draft::Draft;
use crate::IntegrationType;

mod api_service;
mod every_guide;
mod reading;
mod workflows;

pub use api_service::scope_names;
use api_service::{okta_admin_steps, scopes_listed};
use every_guide::{configuration_steps, prerequisites, supported_features, troubleshooting};
use reading::Guide;
use workflows::{
    action_card_topics, authorization_topic, connector_version, custom_api_action_topic,
};

pub const REACHABLE: &str = "guide.reachable";
pub const PREREQUISITES: &str = "guide.prerequisites";
pub const SUPPORTED_FEATURES: &str = "guide.supported_features";
pub const CONFIGURATION_STEPS: &str = "guide.configuration_steps";
pub const TROUBLESHOOTING: &str = "guide.troubleshooting";
pub const OKTA_ADMIN_STEPS: &str = "guide.okta_admin_steps";
pub const SCOPES_LISTED: &str = "guide.scopes_listed";
pub const CONNECTOR_VERSION: &str = "guide.connector_version";
pub const AUTHORIZATION_TOPIC: &str = "guide.authorization_topic";
pub const ACTION_CARD_TOPICS: &str = "guide.action_card_topics";
pub const CUSTOM_API_ACTION_TOPIC: &str = "guide.custom_api_action_topic";

const GUIDELINES: &str =
    "https://developer.okta.com/docs/guides/submit-app-prereq/main/#customer-configuration-document-guidelines";
const WIZARD_TEST: &str = "https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/";
const SCOPES: &str = "https://developer.okta.com/docs/guides/build-api-integration/main/";
const WF_DOCS: &str = "https://help.okta.com/en/prod/Content/Topics/Workflows/connector-builder/third-party-submissions-prepare-docs.htm";
const WF_CARDS: &str = "https://help.okta.com/en/prod/Content/Topics/Workflows/connector-builder/third-party-submissions-prepare-docs-cards.htm";
const WF_CAPIA: &str = "https://help.okta.com/en/prod/Content/Topics/Workflows/connector-builder/third-party-submissions-prepare-docs-capia.htm";

/// The check ids for a type, in the order they are reported.
pub fn ids(t: IntegrationType) -> &'static [&'static str] {
    match t {
        IntegrationType::ApiService => &[
            REACHABLE,
            PREREQUISITES,
            SUPPORTED_FEATURES,
            CONFIGURATION_STEPS,
            TROUBLESHOOTING,
            OKTA_ADMIN_STEPS,
            SCOPES_LISTED,
        ],
        IntegrationType::WorkflowsConnector => &[
            REACHABLE,
            PREREQUISITES,
            SUPPORTED_FEATURES,
            CONFIGURATION_STEPS,
            TROUBLESHOOTING,
            CONNECTOR_VERSION,
            AUTHORIZATION_TOPIC,
            ACTION_CARD_TOPICS,
            CUSTOM_API_ACTION_TOPIC,
        ],
    }
}

fn source_of(id: &str) -> &'static str {
    match id {
        OKTA_ADMIN_STEPS => WIZARD_TEST,
        SCOPES_LISTED => SCOPES,
        CONNECTOR_VERSION | AUTHORIZATION_TOPIC => WF_DOCS,
        ACTION_CARD_TOPICS => WF_CARDS,
        CUSTOM_API_ACTION_TOPIC => WF_CAPIA,
        _ => GUIDELINES,
    }
}

/// Builds the report for a reading: every check has a verdict, read or not.
pub fn report(
    source: &str,
    t: IntegrationType,
    reading: &Reading,
    draft: Option<&Draft>,
    now_ms: i64,
) -> GuideReport {
    let (checked, checks, outline) = match reading {
        Reading::Read(doc) => (true, check(doc, t, draft), doc.outline()),
        Reading::Unreadable(why) => (true, unchecked(t, &why.message(), true), Vec::new()),
        Reading::NotChecked { reason } => (
            false,
            unchecked(t, &format!("Not checked: the guide couldn't be fetched ({reason})."), false),
            Vec::new(),
        ),
    };
    GuideReport {
        source: source.to_owned(),
        integration: super::type_name(t).to_owned(),
        checked,
        checks,
        outline,
        checked_at: now_ms,
    }
}

fn unchecked(t: IntegrationType, why: &str, verdict: bool) -> Vec<GuideCheck> {
    ids(t)
        .iter()
        .map(|id| {
            let (message, fix) = if *id == REACHABLE {
                let fix = if verdict {
                    "Publish the guide where anyone with the link can open it — a public web page, a Google Doc shared with \"Anyone with the link\", or a PDF with text — and check again."
                } else {
                    "Check again when you're online."
                };
                (why.to_owned(), fix.to_owned())
            } else {
                (
                    "Not checked: the guide couldn't be read.".to_owned(),
                    "Make the guide readable first (see “reachable”).".to_owned(),
                )
            };
            GuideCheck {
                id: (*id).to_owned(),
                passed: false,
                evidence: String::new(),
                message,
                fix,
                source: source_of(id).to_owned(),
            }
        })
        .collect()
}

/// Runs every check of type `t` on a document.
pub fn check(doc: &Document, t: IntegrationType, draft: Option<&Draft>) -> Vec<GuideCheck> {
    let g = Guide::new(doc);
    ids(t)
        .iter()
        .map(|id| {
            let v = match *id {
                REACHABLE => Verdict::pass(
                    format!(
                        "read {} headings and {} words",
                        doc.outline().len(),
                        g.all.split_whitespace().count()
                    ),
                    "The OIN team can open and read the guide.",
                ),
                PREREQUISITES => prerequisites(&g),
                SUPPORTED_FEATURES => supported_features(&g),
                CONFIGURATION_STEPS => configuration_steps(&g),
                TROUBLESHOOTING => troubleshooting(&g),
                OKTA_ADMIN_STEPS => okta_admin_steps(&g),
                SCOPES_LISTED => scopes_listed(&g, draft),
                CONNECTOR_VERSION => connector_version(&g, draft),
                AUTHORIZATION_TOPIC => authorization_topic(&g),
                ACTION_CARD_TOPICS => action_card_topics(&g),
                _ => custom_api_action_topic(&g),
            };
            GuideCheck {
                id: (*id).to_owned(),
                passed: v.passed,
                evidence: v.evidence,
                message: v.message,
                fix: v.fix,
                source: source_of(id).to_owned(),
            }
        })
        .collect()
}

struct Verdict {
    passed: bool,
    evidence: String,
    message: String,
    fix: String,
}

impl Verdict {
    fn pass(evidence: impl Into<String>, message: &str) -> Self {
        Self {
            passed: true,
            evidence: evidence.into(),
            message: message.into(),
            fix: String::new(),
        }
    }
    fn fail(looked_for: &str, message: &str, fix: &str) -> Self {
        Self {
            passed: false,
            evidence: format!("looked for {looked_for}"),
            message: message.into(),
            fix: fix.into(),
        }
    }
}
