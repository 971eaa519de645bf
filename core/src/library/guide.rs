//! The guide doctor over the library: the last check of a draft's guide URL
//! (kept in the store, cached in memory, fed to the precheck), a new check
//! made without holding the library's lock (the fetch takes seconds), and the
//! starter guide written from the saved draft.

use std::sync::{Mutex, MutexGuard};

use super::{Library, LibraryError};
use crate::draft::Draft;
use crate::guide::write::{self, Starter};
use crate::guide::{self, GuideReport};
use crate::IntegrationType;

/// What a starter guide is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum GuideFormat {
    Markdown,
    Html,
    /// The connector's test-case document (CSV).
    TestCasesCsv,
    /// The connector's test-case document (Markdown).
    TestCasesMarkdown,
}

impl GuideFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown | Self::TestCasesMarkdown => "md",
            Self::Html => "html",
            Self::TestCasesCsv => "csv",
        }
    }
}

fn lock(lib: &Mutex<Library>) -> MutexGuard<'_, Library> {
    lib.lock().unwrap_or_else(|e| e.into_inner())
}

impl Library {
    /// The last check of the guide URL now in the draft, if any.
    pub fn known_guide(&self, draft: &Draft) -> Option<GuideReport> {
        let url = guide::url_of(draft)?.to_owned();
        let t = guide::type_name(draft.integration_type).to_owned();
        let key = (url.clone(), t.clone());
        if let Some(hit) = self.guides.borrow().get(&key) {
            return hit.clone();
        }
        let found = self.store.guide_check(&url, &t).ok().flatten();
        self.guides.borrow_mut().insert(key, found.clone());
        found
    }

    /// Keeps a guide check (offline answers are not kept: they say nothing).
    pub fn remember_guide(&mut self, report: &GuideReport) -> Result<(), LibraryError> {
        if !report.checked {
            return Ok(());
        }
        self.store.save_guide_check(report)?;
        let key = (report.source.clone(), report.integration.clone());
        self.guides.borrow_mut().insert(key, Some(report.clone()));
        Ok(())
    }

    /// The names of the flows in the draft's test suite (a connector's).
    pub fn suite_flows(&self, draft: &Draft) -> Vec<String> {
        if draft.integration_type != IntegrationType::WorkflowsConnector {
            return Vec::new();
        }
        self.suite_report(draft).map(|s| s.flows).unwrap_or_default()
    }

    /// A starter guide (or a connector's test cases) written from the saved
    /// draft, with its preview and a file name to offer.
    pub fn starter_guide(&self, id: &str, format: GuideFormat) -> Result<Starter, LibraryError> {
        let draft = self.draft(id)?;
        let flows = self.suite_flows(&draft);
        let md = write::markdown(&draft, &flows);
        let cases = || write::test_cases(&draft, &flows);
        let (text, what) = match format {
            GuideFormat::Markdown => (md.clone(), "okta-guide"),
            GuideFormat::Html => (write::html(&draft, &flows), "okta-guide"),
            GuideFormat::TestCasesCsv => (write::test_cases_csv(&cases()), "test-cases"),
            GuideFormat::TestCasesMarkdown => (write::test_cases_markdown(&cases()), "test-cases"),
        };
        let preview = match format {
            GuideFormat::Markdown | GuideFormat::Html => write::preview(&md),
            GuideFormat::TestCasesMarkdown => write::preview(&text),
            GuideFormat::TestCasesCsv => Vec::new(),
        };
        let file_name = write::file_name(&draft, what, format.extension());
        Ok(Starter { text, file_name, preview })
    }

    /// Writes a starter guide to `path` (the user picked it).
    pub fn save_starter_guide(
        &self,
        id: &str,
        format: GuideFormat,
        path: &std::path::Path,
    ) -> Result<(), LibraryError> {
        let starter = self.starter_guide(id, format)?;
        std::fs::write(path, starter.text).map_err(|e| LibraryError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }
}

/// Checks the guide URL of the saved draft `id`: read under the lock, fetched
/// and judged outside it, kept under it again. No URL: `NoGuideUrl`.
pub fn check_guide(
    lib: &Mutex<Library>,
    id: &str,
    now_ms: i64,
) -> Result<GuideReport, LibraryError> {
    let draft = lock(lib).draft(id)?;
    let url = guide::url_of(&draft)
        .ok_or(LibraryError::NoGuideUrl { path: guide::url_path(draft.integration_type) })?
        .to_owned();
    let report = guide::check_source(&url, draft.integration_type, Some(&draft), now_ms);
    lock(lib).remember_guide(&report)?;
    Ok(report)
}
