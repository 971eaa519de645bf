//! Looking at the pixels: the visible content after trimming a transparent or
//! uniform border, its shape, and the guidelines Okta's reviewers apply by eye.
//! These are heuristics: each says how sure it is, and none blocks.

use image::RgbaImage;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Check, LogoReport};

/// The shape of the visible content, which picks the target size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Shape {
    /// 244×244
    Circle,
    /// 200×200
    Square,
    /// 244 wide × 156 high
    Wide,
    /// 156 wide × 244 high
    Tall,
}

/// A rectangle of the image, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Bounds {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// What the pixels show.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The visible content, without a transparent or uniform border.
    pub content: Bounds,
    /// The border's colour when it is opaque and uniform (`#rrggbb`).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    pub shape: Shape,
    pub shape_confidence: f32,
    pub rounded_corners: bool,
    pub rounded_confidence: f32,
}

const TOLERANCE: i32 = 24;

fn close(a: [u8; 4], b: [u8; 4]) -> bool {
    (0..4).all(|i| (i32::from(a[i]) - i32::from(b[i])).abs() <= TOLERANCE)
}

/// Is a pixel part of the content, given the background (None = transparent)?
fn is_content(p: [u8; 4], bg: Option<[u8; 4]>) -> bool {
    match bg {
        None => p[3] > 16,
        Some(bg) => p[3] > 16 && !close(p, bg),
    }
}

fn background(img: &RgbaImage) -> Option<Option<[u8; 4]>> {
    let (w, h) = img.dimensions();
    let corners = [
        img.get_pixel(0, 0).0,
        img.get_pixel(w - 1, 0).0,
        img.get_pixel(0, h - 1).0,
        img.get_pixel(w - 1, h - 1).0,
    ];
    if corners.iter().all(|c| c[3] <= 16) {
        return Some(None);
    }
    corners.iter().all(|c| close(*c, corners[0])).then_some(Some(corners[0]))
}

/// The box of content pixels; `None` when nothing differs from the background.
fn bounds(img: &RgbaImage, bg: Option<[u8; 4]>) -> Option<Bounds> {
    let (w, h) = img.dimensions();
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for (x, y, p) in img.enumerate_pixels() {
        if is_content(p.0, bg) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
    }
    (x0 <= x1).then(|| Bounds { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 })
}

/// Share of content pixels in a square patch of side `s` at (x, y).
fn fill(img: &RgbaImage, bg: Option<[u8; 4]>, x: u32, y: u32, s: u32) -> f32 {
    let mut n = 0;
    let mut hit = 0;
    for yy in y..(y + s).min(img.height()) {
        for xx in x..(x + s).min(img.width()) {
            n += 1;
            hit += u32::from(is_content(img.get_pixel(xx, yy).0, bg));
        }
    }
    if n == 0 {
        0.0
    } else {
        hit as f32 / n as f32
    }
}

/// Reads the content's shape and corners.
pub fn analyze(img: &RgbaImage) -> Analysis {
    let whole = Bounds { x: 0, y: 0, width: img.width(), height: img.height() };
    // A "background" that is all there is, is the logo itself.
    let (bg, content) = match background(img).map(|bg| (bg, bounds(img, bg))) {
        Some((bg, Some(content))) => (Some(bg), content),
        _ => (None, whole),
    };
    let trim_bg = bg.unwrap_or(None);
    let aspect = content.width as f32 / content.height.max(1) as f32;
    // Corner patches of the content box: empty corners with full edges mean a
    // circle (when square-ish and about π/4 filled) or rounded corners.
    let side = (content.width.min(content.height) / 8).max(1);
    let (cx, cy, cw, ch) = (content.x, content.y, content.width, content.height);
    let corners = [
        fill(img, trim_bg, cx, cy, side),
        fill(img, trim_bg, cx + cw.saturating_sub(side), cy, side),
        fill(img, trim_bg, cx, cy + ch.saturating_sub(side), side),
        fill(img, trim_bg, cx + cw.saturating_sub(side), cy + ch.saturating_sub(side), side),
    ];
    let corner_fill = corners.iter().sum::<f32>() / 4.0;
    let mut total = 0u64;
    for y in cy..cy + ch {
        for x in cx..cx + cw {
            total += u64::from(is_content(img.get_pixel(x, y).0, trim_bg));
        }
    }
    let area_fill = total as f32 / (u64::from(cw) * u64::from(ch)).max(1) as f32;
    let squareish = (0.9..=1.1).contains(&aspect);
    let circle = squareish && corner_fill < 0.35 && (0.68..=0.9).contains(&area_fill);
    let (shape, shape_confidence) = if circle {
        (
            Shape::Circle,
            (1.0 - corner_fill).min(1.0 - (area_fill - 0.785).abs() * 4.0).clamp(0.3, 0.95),
        )
    } else if aspect > 1.25 {
        (Shape::Wide, ((aspect - 1.25) / 0.5).clamp(0.5, 0.95))
    } else if aspect < 0.8 {
        (Shape::Tall, ((0.8 - aspect) / 0.3).clamp(0.5, 0.95))
    } else {
        (Shape::Square, if squareish { 0.9 } else { 0.6 })
    };
    let rounded = !circle && squareish && corner_fill < 0.8 && area_fill > 0.9;
    Analysis {
        content,
        background: bg.flatten().map(|c| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])),
        shape,
        shape_confidence,
        rounded_corners: rounded,
        rounded_confidence: if rounded { (1.0 - corner_fill).clamp(0.4, 0.9) } else { 0.0 },
    }
}

impl Analysis {
    /// Okta's logo guidelines (https://developer.okta.com/docs/guides/submit-app-prereq/main/#logo-guidelines:
    /// no ™, square corners, transparency, empty space, square-ish) as warnings with a confidence.
    pub fn guidelines(&self, r: &LogoReport) -> Vec<Check> {
        let g = |id: &str, passed: bool, message: String, confidence: f32| Check {
            id: id.into(),
            passed,
            hard: false,
            message,
            confidence,
        };
        let c = &self.content;
        let top = c.y as f32 / r.height.max(1) as f32;
        let bottom = (r.height - c.y - c.height) as f32 / r.height.max(1) as f32;
        vec![
            g(
                "logo.corners",
                !self.rounded_corners,
                if self.rounded_corners { "The corners look rounded; Okta asks for sharp corners.".into() } else { "Corners look sharp.".into() },
                if self.rounded_corners { self.rounded_confidence } else { 0.7 },
            ),
            g(
                "logo.empty_space",
                !(top > 1.0 / 3.0 && bottom > 1.0 / 3.0),
                format!("Empty space above {:.0}% and below {:.0}% (Okta's limit: a third each).", top * 100.0, bottom * 100.0),
                0.9,
            ),
            g(
                "logo.background",
                self.background.is_none() || r.alpha_used,
                match &self.background {
                    Some(bg) if !r.alpha_used => format!("An opaque {bg} background; a transparent one is preferred unless the colour is part of the logo."),
                    _ => "The background is transparent or part of the logo.".into(),
                },
                0.6,
            ),
            g(
                "logo.shape",
                true,
                format!("The content looks {:?} (target {}).", self.shape, target_label(self.shape)).to_lowercase().replacen("the content", "The content", 1),
                self.shape_confidence,
            ),
            g(
                "logo.animation",
                r.frames <= 1,
                if r.frames > 1 { format!("An animated GIF ({} frames); the catalog shows a still logo.", r.frames) } else { "A still image.".into() },
                1.0,
            ),
        ]
    }
}

pub(super) fn target_label(shape: Shape) -> &'static str {
    match shape {
        Shape::Circle => "244×244",
        Shape::Square => "200×200",
        Shape::Wide => "244×156",
        Shape::Tall => "156×244",
    }
}
