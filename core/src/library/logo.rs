//! The logo in the library: the original kept unchanged, the verdict of each
//! side, previews, and the fix stored beside the original. Decoding, judging
//! and resizing an image takes long for a large one, so it happens outside the
//! library's lock (`logo_view` and `fix_logo` take the shared library): the
//! lock is held only to read the bytes and to store the result, and an
//! autosave never waits behind a 4096×4096 fix.

use serde::Serialize;
use ts_rs::TS;

use std::sync::{Mutex, MutexGuard};

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

fn lock(lib: &Mutex<Library>) -> MutexGuard<'_, Library> {
    lib.lock().unwrap_or_else(|e| e.into_inner())
}

/// One side, judged and previewed from its bytes (no lock held).
fn side(a: &Attachment, bytes: &[u8]) -> LogoSide {
    match logo::judge(bytes) {
        Ok(verdict) => LogoSide {
            attachment: a.clone(),
            preview: logo::preview_data_url(bytes, 488).ok(),
            verdict: Some(verdict),
            error: None,
        },
        Err(e) => LogoSide {
            attachment: a.clone(),
            verdict: None,
            error: Some(e.to_string()),
            preview: None,
        },
    }
}

/// The logo panel for a draft (saved or on screen).
pub fn logo_view(lib: &Mutex<Library>, draft: &Draft) -> Result<LogoView, LibraryError> {
    let a = &draft.app_info;
    let same = matches!((&a.app_icon, &a.app_icon_original), (Some(i), Some(o)) if i == o);
    let (original, submitted) = {
        let l = lock(lib);
        let read = |x: &Option<Attachment>| -> Result<Option<(Attachment, Vec<u8>)>, LibraryError> {
            x.as_ref().map(|x| Ok((x.clone(), l.store.file(&x.sha256)?))).transpose()
        };
        (read(&a.app_icon_original)?, if same { None } else { read(&a.app_icon)? })
    };
    let original = original.map(|(x, bytes)| side(&x, &bytes));
    let submitted = match submitted {
        Some((x, bytes)) => Some(side(&x, &bytes)),
        None if same => original.clone(),
        None => None,
    };
    Ok(LogoView { original, submitted })
}

/// Makes the submission logo from the original (re-fixing replaces the last
/// fix) and saves it as a revision. The image work runs without the lock.
pub fn fix_logo(
    lib: &Mutex<Library>,
    id: &str,
    draft: &Draft,
    options: FixOptions,
    progress: &mut dyn FnMut(&'static str, f32),
    now_ms: i64,
) -> Result<DraftView, LibraryError> {
    let source =
        draft.app_info.app_icon_original.clone().or_else(|| draft.app_info.app_icon.clone());
    let Some(source) = source else {
        return lock(lib).save(id, draft, now_ms);
    };
    let bytes = lock(lib).store.file(&source.sha256)?;
    let (png, shape) =
        logo::fix_with_progress(&bytes, options, progress).map_err(LibraryError::Logo)?;
    // Judged here too, so the save's precheck finds the verdict ready.
    let verdict = logo::judge(&png).ok();
    let stem = std::path::Path::new(&source.file_name)
        .file_stem()
        .map_or("logo".into(), |s| s.to_string_lossy().into_owned());
    let (w, h) = logo::target_size(shape);
    let mut l = lock(lib);
    let fixed = l.store.put_file(&format!("{stem}-{w}x{h}.png"), &png)?;
    l.logos.borrow_mut().insert(fixed.sha256.clone(), verdict);
    let mut d = draft.clone();
    d.app_info.app_icon_original = Some(source);
    d.app_info.app_icon = Some(fixed);
    l.save(id, &d, now_ms)
}

/// Keeps a file the user gave (dropped, chosen, pasted) as an attachment: the
/// file is read and, when it is an image, judged outside the lock, so neither
/// the read nor the next precheck holds up an autosave.
pub fn attach(
    lib: &Mutex<Library>,
    file_name: &str,
    bytes: &[u8],
) -> Result<Attachment, LibraryError> {
    let verdict = logo::judge(bytes).ok();
    let mut l = lock(lib);
    let a = l.attach(file_name, bytes)?;
    l.logos.borrow_mut().insert(a.sha256.clone(), verdict);
    Ok(a)
}

/// `attach` for a file on disk, refused before reading when it is too large.
pub fn attach_path(
    lib: &Mutex<Library>,
    path: &std::path::Path,
) -> Result<Attachment, LibraryError> {
    use crate::store::{StoreError, MAX_ATTACHMENT_BYTES};
    let size = std::fs::metadata(path).map_err(StoreError::from)?.len();
    if size > MAX_ATTACHMENT_BYTES {
        return Err(StoreError::TooLarge { limit: MAX_ATTACHMENT_BYTES, actual: size }.into());
    }
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    attach(lib, &name, &std::fs::read(path).map_err(StoreError::from)?)
}

impl Library {
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

/// The listing as customers will see it, for a draft as typed (saved or not);
/// the logo is read under the lock and previewed outside it.
pub fn listing(
    lib: &Mutex<Library>,
    draft: &Draft,
) -> Result<crate::listing::Listing, LibraryError> {
    let bytes = match &draft.app_info.app_icon {
        Some(a) => Some(lock(lib).store.file(&a.sha256)?),
        None => None,
    };
    let logo = bytes.and_then(|b| logo::preview_data_url(&b, 488).ok());
    Ok(crate::listing::listing(draft, logo))
}
