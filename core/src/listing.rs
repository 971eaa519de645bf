//! The listing as customers will see it: what the OIN catalog tile, the
//! integration's page and (for an API service) the Admin Console's "Authorize
//! integration" screen show, made from a draft. The UI draws it; the words
//! (the capability, each scope in plain words) are decided here.

use serde::Serialize;
use ts_rs::TS;

use crate::draft::{ContactKind, Draft};
use crate::scopes::{plain_words, ScopeCatalog, ScopeGroup};
use crate::IntegrationType;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListingContact {
    pub kind: ContactKind,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListingScope {
    pub scope: String,
    /// The scope in plain words ("View users").
    pub words: String,
    /// Whether it lets the integration change things (a `.manage` scope).
    pub changes: bool,
    /// Not an Okta admin-management scope: the Authorize screen would refuse it.
    pub unknown: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    pub name: String,
    pub description: String,
    /// "API service integration", "Workflows connector".
    pub capability: String,
    pub use_cases: Vec<String>,
    pub contacts: Vec<ListingContact>,
    pub website: Option<String>,
    /// A `data:` URL of the logo (at most 488 px), when there is one.
    pub logo: Option<String>,
    pub scopes: Vec<ListingScope>,
    /// What the admin is asked at install (tenant settings' labels).
    pub install_asks: Vec<String>,
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// The listing of `draft`; `logo`: a preview of the logo to submit.
pub fn listing(draft: &Draft, logo: Option<String>) -> Listing {
    let a = &draft.app_info;
    let mut contacts: Vec<ListingContact> = draft
        .support
        .contacts
        .iter()
        .filter_map(|c| text(&c.value).map(|value| ListingContact { kind: c.kind, value }))
        .collect();
    // The OIN Wizard's "Support email" is the contact the listing shows.
    if contacts.is_empty() && draft.integration_type == IntegrationType::ApiService {
        if let Some(v) = text(&draft.support.escalation_contact) {
            contacts.push(ListingContact { kind: ContactKind::Email, value: v });
        }
    }
    let catalog = ScopeCatalog::get();
    let scopes = match draft.integration_type {
        IntegrationType::ApiService => draft
            .api_service
            .scopes
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| ListingScope {
                scope: s.to_owned(),
                words: plain_words(s),
                changes: s.split('.').any(|p| p == "manage"),
                unknown: catalog.group_of(s) != Some(ScopeGroup::AdminManagement),
            })
            .collect(),
        IntegrationType::WorkflowsConnector => Vec::new(),
    };
    Listing {
        name: text(&a.app_name).unwrap_or_else(|| "Your integration".into()),
        description: text(&a.description).unwrap_or_default(),
        capability: match draft.integration_type {
            IntegrationType::ApiService => "API service integration".into(),
            IntegrationType::WorkflowsConnector => "Workflows connector".into(),
        },
        use_cases: a.use_cases.iter().filter(|u| !u.trim().is_empty()).cloned().collect(),
        contacts,
        website: text(&a.app_website),
        logo,
        scopes,
        install_asks: draft.tenant_settings.iter().filter_map(|v| text(&v.label)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_shows_what_the_catalog_and_the_authorize_screen_will() {
        let mut d = Draft::new(IntegrationType::ApiService);
        d.app_info.app_name = Some(" Acme Logs ".into());
        d.api_service.scopes =
            vec!["okta.logs.read".into(), "okta.users.manage".into(), "openid".into()];
        d.support.escalation_contact = Some("help@acme.example".into());
        let l = listing(&d, None);
        assert_eq!(l.name, "Acme Logs");
        assert_eq!(l.capability, "API service integration");
        assert_eq!(
            l.contacts,
            [ListingContact { kind: ContactKind::Email, value: "help@acme.example".into() }]
        );
        let s: Vec<(&str, &str, bool, bool)> = l
            .scopes
            .iter()
            .map(|s| (s.scope.as_str(), s.words.as_str(), s.changes, s.unknown))
            .collect();
        assert_eq!(
            s,
            [
                ("okta.logs.read", "View logs", false, false),
                ("okta.users.manage", "Create, change and delete users", true, false),
                ("openid", "Sign users in (OpenID Connect)", false, true),
            ]
        );
        let wf = listing(&Draft::new(IntegrationType::WorkflowsConnector), None);
        assert_eq!((wf.name.as_str(), wf.scopes.len()), ("Your integration", 0));
    }
}

/// The largest listing picture accepted for saving (a 2× export is ~1 MB).
pub const MAX_PICTURE_BYTES: usize = 32 * 1024 * 1024;

/// Why a listing picture can't be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("the picture isn't a PNG OIN Studio can read ({0})")]
    NotPng(String),
    #[error("the picture is larger than {} MB", MAX_PICTURE_BYTES >> 20)]
    TooLarge,
    #[error("couldn't write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// Checks that `bytes` are a whole PNG (decoded, not only its header) and
/// writes them to `path` through a temporary file beside it, so a failed
/// write never leaves half a picture. Returns its size in pixels.
pub fn save_picture(path: &std::path::Path, bytes: &[u8]) -> Result<(u32, u32), PictureError> {
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(PictureError::TooLarge);
    }
    let img = image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
        .map_err(|e| PictureError::NotPng(e.to_string()))?;
    let write_err = |e: std::io::Error| PictureError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let tmp = path.with_extension("png.part");
    std::fs::write(&tmp, bytes).map_err(write_err)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        write_err(e)
    })?;
    Ok((img.width(), img.height()))
}

#[cfg(test)]
mod picture_tests {
    use super::*;

    #[test]
    fn only_a_whole_png_is_saved_and_nothing_half_written_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("listing.png");
        let mut png = Vec::new();
        image::RgbaImage::from_pixel(40, 20, image::Rgba([1, 2, 3, 255]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(save_picture(&path, &png).unwrap(), (40, 20));
        assert_eq!(std::fs::read(&path).unwrap(), png);
        let cut = &png[..png.len() / 2];
        assert!(matches!(
            save_picture(&dir.path().join("cut.png"), cut),
            Err(PictureError::NotPng(_))
        ));
        assert!(matches!(
            save_picture(&dir.path().join("x.png"), b"GIF89a"),
            Err(PictureError::NotPng(_))
        ));
        let missing = dir.path().join("no/such/folder/x.png");
        assert!(matches!(save_picture(&missing, &png), Err(PictureError::Write { .. })));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no .part file left");
    }
}
