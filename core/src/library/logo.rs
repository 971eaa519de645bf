//! The logo in the library: the original kept unchanged, the verdict of each
//! side, previews, and the fix stored beside the original.

use serde::Serialize;
use ts_rs::TS;

use super::{DraftView, Library, LibraryError};
use crate::draft::{Attachment, Draft};
use crate::logo::{self, FixOptions, Verdict};

/// One side of the logo panel: the original or the logo to submit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogoSide {
    pub attachment: Attachment,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Why the file can't be read, when it can't.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// A `data:` URL of a preview at most 488 px (244 at 2×).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
}

/// What the logo panel shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogoView {
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<LogoSide>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<LogoSide>,
}

impl Library {
    fn logo_side(&self, a: &Attachment) -> Result<LogoSide, LibraryError> {
        let bytes = self.store.file(&a.sha256)?;
        Ok(match logo::judge(&bytes) {
            Ok(verdict) => LogoSide {
                attachment: a.clone(),
                preview: logo::preview_data_url(&bytes, 488).ok(),
                verdict: Some(verdict),
                error: None,
            },
            Err(e) => LogoSide {
                attachment: a.clone(),
                verdict: None,
                error: Some(e.to_string()),
                preview: None,
            },
        })
    }

    /// The logo panel for a draft (saved or on screen).
    pub fn logo_view(&self, draft: &Draft) -> Result<LogoView, LibraryError> {
        let a = &draft.app_info;
        let original = a.app_icon_original.as_ref().map(|x| self.logo_side(x)).transpose()?;
        let submitted = match (&a.app_icon, &a.app_icon_original) {
            (Some(icon), Some(orig)) if icon == orig => original.clone(),
            (Some(icon), _) => Some(self.logo_side(icon)?),
            (None, _) => None,
        };
        Ok(LogoView { original, submitted })
    }

    /// Makes the submission logo from the original (re-fixing replaces the last fix).
    pub fn fix_logo(
        &mut self,
        id: &str,
        draft: &Draft,
        options: FixOptions,
        progress: &mut dyn FnMut(&'static str, f32),
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        let source =
            draft.app_info.app_icon_original.clone().or_else(|| draft.app_info.app_icon.clone());
        let Some(source) = source else {
            return self.save(id, draft, now_ms);
        };
        let bytes = self.store.file(&source.sha256)?;
        let (png, shape) =
            logo::fix_with_progress(&bytes, options, progress).map_err(LibraryError::Logo)?;
        let stem = std::path::Path::new(&source.file_name)
            .file_stem()
            .map_or("logo".into(), |s| s.to_string_lossy().into_owned());
        let (w, h) = logo::target_size(shape);
        let fixed = self.store.put_file(&format!("{stem}-{w}x{h}.png"), &png)?;
        let mut d = draft.clone();
        d.app_info.app_icon_original = Some(source);
        d.app_info.app_icon = Some(fixed);
        self.save(id, &d, now_ms)
    }

    /// Submits the original as it is again (e.g. after an unwanted fix).
    pub fn use_original_logo(
        &mut self,
        id: &str,
        draft: &Draft,
        now_ms: i64,
    ) -> Result<DraftView, LibraryError> {
        let mut d = draft.clone();
        d.app_info.app_icon = d.app_info.app_icon_original.clone();
        self.save(id, &d, now_ms)
    }

    pub(super) fn logo_verdict_for(&self, draft: &Draft) -> Option<Verdict> {
        let a = draft.app_info.app_icon.as_ref()?;
        let mut cache = self.logos.borrow_mut();
        if let Some(v) = cache.get(&a.sha256) {
            return v.clone();
        }
        let verdict = self.store.file(&a.sha256).ok().and_then(|b| logo::judge(&b).ok());
        cache.insert(a.sha256.clone(), verdict.clone());
        verdict
    }
}
