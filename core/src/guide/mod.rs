//! The guide doctor: reads the customer configuration guide (API service) or the
//! connector's user documentation (Workflows) from wherever it lives — a web
//! page, a published Google Doc, a PDF, a Markdown or HTML file — and checks it
//! against what Okta's reviewers look for (`oin-requirements.md` §5), each check
//! with a stable id, a verdict and the evidence. It also writes a starter guide
//! (and a connector's test-case document) from what a draft knows.
//!
//! `read` turns bytes into a [`Document`] (an outline of headings with the text
//! under each); `fetch` gets the bytes of a URL within limits and tells a
//! sign-in wall from a page; `checks` judges a document; `write` drafts one.

pub mod checks;
pub mod fetch;
pub mod pdf;
pub mod read;
pub mod write;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::Draft;
use crate::IntegrationType;

pub use checks::check;

/// The most OIN Studio reads of a guide.
pub const MAX_GUIDE_BYTES: usize = 10 * 1024 * 1024;

/// How the document was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Html,
    Markdown,
    Pdf,
    Text,
}

/// A heading of the document's outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Heading {
    /// 1 (the title) to 6.
    pub level: u8,
    pub text: String,
}

/// A heading and what follows it up to the next heading (the text before the
/// first heading is a section without one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: Option<Heading>,
    /// The section's own text, one block (paragraph, list item, table row) per line.
    pub text: String,
    /// Items of numbered lists ("1. Sign in to …").
    pub steps: usize,
    /// Items of bulleted lists.
    pub items: usize,
    /// The header cells of each table in the section.
    pub tables: Vec<Vec<String>>,
}

/// A guide as read: its outline and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub format: Format,
    pub title: Option<String>,
    pub sections: Vec<Section>,
}

impl Document {
    /// The headings in order.
    pub fn outline(&self) -> Vec<Heading> {
        self.sections.iter().filter_map(|s| s.heading.clone()).collect()
    }

    /// All the text, headings included, one block per line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            if let Some(h) = &s.heading {
                out.push_str(&h.text);
                out.push('\n');
            }
            out.push_str(&s.text);
        }
        out
    }

    /// The sections under section `i` (those with deeper headings that follow it).
    pub fn subtree(&self, i: usize) -> &[Section] {
        let level = self.sections[i].heading.as_ref().map_or(0, |h| h.level);
        let end = self.sections[i + 1..]
            .iter()
            .position(|s| s.heading.as_ref().is_some_and(|h| h.level <= level))
            .map_or(self.sections.len(), |p| i + 1 + p);
        &self.sections[i..end]
    }
}

/// Why a guide couldn't be read as the OIN team would read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Unreadable {
    /// A sign-in page, a 401/403, a Google Doc that asks for access.
    SignInWall {
        detail: String,
    },
    /// 404, 500 …
    Status {
        status: u16,
    },
    TooLarge,
    TooManyRedirects,
    /// Not a document OIN Studio reads (an image, a zip, binary served as text …).
    NotADocument {
        detail: String,
    },
    /// A PDF without a text layer.
    NoText,
    /// Only a cookie notice or an empty page.
    NoContent {
        detail: String,
    },
    /// A local file that couldn't be opened.
    File {
        detail: String,
    },
}

impl Unreadable {
    /// What to tell the user, in plain words.
    pub fn message(&self) -> String {
        match self {
            Self::SignInWall { detail } => format!("The OIN team can't open this: {detail}. Okta's reviewers must reach the guide without signing in."),
            Self::Status { status } => format!("The address answers {status}: the OIN team would get an error page, not the guide."),
            Self::TooLarge => "The guide is larger than 10 MB; OIN Studio reads guides up to 10 MB. Split it or link a lighter page.".into(),
            Self::TooManyRedirects => "The address redirects endlessly (more than 10 hops): a browser would give up too.".into(),
            Self::NotADocument { detail } => format!("This isn't a guide OIN Studio can read: {detail}."),
            Self::NoText => "This PDF has no selectable text (it is scanned or made of images): reviewers and search can't read it. Export it again with text, or publish the guide as a web page.".into(),
            Self::NoContent { detail } => format!("The page shows no guide: {detail}."),
            Self::File { detail } => format!("The file can't be read: {detail}."),
        }
    }
}

/// What reading a guide gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Read(Document),
    Unreadable(Unreadable),
    /// No answer: offline, unknown host, timed out. Not a verdict on the guide.
    NotChecked {
        reason: String,
    },
}

/// One check of the guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GuideCheck {
    /// Stable: `guide.prerequisites`, `guide.okta_admin_steps` …
    pub id: String,
    pub passed: bool,
    /// The heading or sentence that satisfied the check, or what was looked for.
    pub evidence: String,
    pub message: String,
    pub fix: String,
    /// Okta's page the check comes from.
    pub source: String,
}

/// A guide's checks, as the CLI prints them and the app keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GuideReport {
    /// The URL or file checked.
    pub source: String,
    /// `api-service` or `workflows`.
    #[serde(rename = "type")]
    pub integration: String,
    /// False when the guide couldn't be asked (offline): then no check counts.
    pub checked: bool,
    pub checks: Vec<GuideCheck>,
    /// The outline of the page, for the preview.
    pub outline: Vec<Heading>,
    #[ts(type = "number")]
    pub checked_at: i64,
}

impl GuideReport {
    pub fn all_passed(&self) -> bool {
        self.checked && self.checks.iter().all(|c| c.passed)
    }

    pub fn unreadable(&self) -> bool {
        !self.checked || self.checks.iter().any(|c| c.id == checks::REACHABLE && !c.passed)
    }
}

/// The CLI's and JSON's name of an integration type.
pub fn type_name(t: IntegrationType) -> &'static str {
    match t {
        IntegrationType::ApiService => "api-service",
        IntegrationType::WorkflowsConnector => "workflows",
    }
}

/// The form path of the guide's URL for this type.
pub fn url_path(t: IntegrationType) -> &'static str {
    match t {
        IntegrationType::ApiService => "apiService.configGuideUrl",
        IntegrationType::WorkflowsConnector => "workflows.userDocUrl",
    }
}

/// The guide URL a draft names, if any.
pub fn url_of(draft: &Draft) -> Option<&str> {
    let v = match draft.integration_type {
        IntegrationType::ApiService => &draft.api_service.config_guide_url,
        IntegrationType::WorkflowsConnector => &draft.workflows.user_doc_url,
    };
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Reads and checks a guide from a URL (http/https) or a local file path.
pub fn check_source(
    source: &str,
    t: IntegrationType,
    draft: Option<&Draft>,
    now_ms: i64,
) -> GuideReport {
    let reading = if source.starts_with("https://") || source.starts_with("http://") {
        fetch::fetch(source)
    } else {
        read::read_file(std::path::Path::new(source))
    };
    checks::report(source, t, &reading, draft, now_ms)
}
