//! The logo doctor (Okta's logo rules:
//! https://developer.okta.com/docs/guides/submit-app-prereq/main/#logo-guidelines): read any image a product manager has, judge
//! it against Okta's hard rules (format, < 1 MB, exact size) and its guidelines
//! (shape, empty space, rounded corners, background — heuristics with a
//! confidence, never blocking), and make a logo Okta accepts.

mod analyze;
mod fix;
mod inspect;

use serde::Serialize;
use ts_rs::TS;

pub use analyze::{analyze, Analysis, Shape};
pub use fix::{fix, fix_with_progress, target as target_size, FixOptions};
pub use inspect::{inspect, Inspected};

/// Okta's accepted sizes: (width, height, shape).
pub const SIZES: [(u32, u32, Shape); 4] = [
    (244, 244, Shape::Circle),
    (200, 200, Shape::Square),
    (244, 156, Shape::Wide),
    (156, 244, Shape::Tall),
];
/// "Under 1 MB", taken as 1,000,000 bytes to be safe.
pub const MAX_BYTES: usize = 1_000_000;

/// A file format, judged from the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LogoFormat {
    Png,
    Jpeg,
    Gif,
    Webp,
    Bmp,
    Tiff,
    Ico,
    Svg,
}

impl LogoFormat {
    pub fn name(self) -> &'static str {
        match self {
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
            Self::Gif => "GIF",
            Self::Webp => "WebP",
            Self::Bmp => "BMP",
            Self::Tiff => "TIFF",
            Self::Ico => "ICO",
            Self::Svg => "SVG",
        }
    }

    /// PNG, JPEG and GIF can be submitted; the rest only converted.
    pub fn submittable(self) -> bool {
        matches!(self, Self::Png | Self::Jpeg | Self::Gif)
    }
}

/// What an image is, read from its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogoReport {
    pub format: LogoFormat,
    #[ts(type = "number")]
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
    /// The decoder's colour type, e.g. "Rgba8", "L8", "Rgb16".
    pub color: String,
    pub has_alpha: bool,
    /// Some pixel is not fully opaque.
    pub alpha_used: bool,
    pub frames: u32,
    /// EXIF orientation (1–8) that was applied to a JPEG, if it wasn't 1.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation_applied: Option<u8>,
}

/// Pass or fail of one rule or guideline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub id: String,
    pub passed: bool,
    /// Hard rules block; guidelines only warn.
    pub hard: bool,
    pub message: String,
    /// How sure a heuristic is, 0–1 (1 for the hard rules).
    pub confidence: f32,
}

/// Inspection, analysis and the verdict together.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub report: LogoReport,
    pub analysis: Analysis,
    pub checks: Vec<Check>,
    /// True when every hard rule passes: Okta would take the file as it is.
    pub accepted: bool,
}

/// Why an image can't be used at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("This isn't an image OIN Studio can read. Use a PNG, JPEG, GIF, WebP, BMP, TIFF, ICO or SVG file.")]
    NotAnImage,
    #[error("The file is empty.")]
    Empty,
    #[error("The image claims to be {width}×{height} pixels, too large to open safely (the limit is 100 megapixels). Export a smaller version.")]
    TooLarge { width: u32, height: u32 },
    #[error("The image is damaged or cut short: {0}")]
    Corrupt(String),
    #[error("The image has no pixels ({width}×{height}). Export it again from the original.")]
    NoPixels { width: u32, height: u32 },
}

/// A small PNG of the image (longest side `max`), as a `data:` URL the UI can
/// show under its CSP; the original may be megabytes.
pub fn preview_data_url(bytes: &[u8], max: u32) -> Result<String, LogoError> {
    use base64::Engine;
    let img = inspect(bytes)?.image;
    let longest = img.width().max(img.height());
    let fitted = if longest > max {
        let scale = max as f32 / longest as f32;
        let (w, h) = (
            (img.width() as f32 * scale).round().max(1.0),
            (img.height() as f32 * scale).round().max(1.0),
        );
        image::imageops::thumbnail(&img, w as u32, h as u32)
    } else {
        img
    };
    let mut png = std::io::Cursor::new(Vec::new());
    fitted
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| LogoError::Corrupt(e.to_string()))?;
    Ok(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png.into_inner())
    ))
}

/// Judges an image against the rules and guidelines.
pub fn judge(bytes: &[u8]) -> Result<Verdict, LogoError> {
    let inspected = inspect(bytes)?;
    let analysis = analyze(&inspected.image);
    let r = &inspected.report;
    let size_ok = SIZES.iter().any(|(w, h, _)| (*w, *h) == (r.width, r.height));
    let hard = |id: &str, passed: bool, message: String| Check {
        id: id.into(),
        passed,
        hard: true,
        message,
        confidence: 1.0,
    };
    let mut checks = vec![
        hard(
            "logo.format",
            r.format.submittable(),
            if r.format.submittable() {
                format!("{} is a format Okta accepts.", r.format.name())
            } else {
                format!(
                    "{} can't be submitted: Okta takes PNG, JPEG or GIF. Fix converts it.",
                    r.format.name()
                )
            },
        ),
        hard(
            "logo.size.max",
            (r.bytes as usize) < MAX_BYTES,
            format!("{} bytes; Okta takes under 1 MB.", r.bytes),
        ),
        hard(
            "logo.dimensions",
            size_ok,
            if size_ok {
                format!("{}×{} is one of Okta's sizes.", r.width, r.height)
            } else {
                format!(
                    "{}×{} isn't one of Okta's sizes (244×244, 200×200, 244×156, 156×244).",
                    r.width, r.height
                )
            },
        ),
    ];
    checks.extend(analysis.guidelines(r));
    let accepted = checks.iter().filter(|c| c.hard).all(|c| c.passed);
    Ok(Verdict { report: inspected.report, analysis, checks, accepted })
}

#[cfg(test)]
mod tests;
