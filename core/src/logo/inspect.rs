//! Reading an image safely: the format from the bytes (never the name), the
//! size from the header before any decoding, decode limits, EXIF orientation,
//! GIF frames, and SVG rendered to pixels.

use std::io::Cursor;

use image::{
    AnimationDecoder, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbaImage,
};

use super::{LogoError, LogoFormat, LogoReport};

/// Sides and areas beyond these are refused before decoding.
const MAX_SIDE: u32 = 20_000;
const MAX_PIXELS: u64 = 100_000_000;
/// SVGs are rendered with their longest side at this many pixels.
const SVG_RENDER: f32 = 1024.0;

/// An image read into pixels, with what was learned on the way.
pub struct Inspected {
    pub report: LogoReport,
    /// The first frame, orientation applied, as 8-bit RGBA.
    pub image: RgbaImage,
}

fn corrupt(e: impl std::fmt::Display) -> LogoError {
    LogoError::Corrupt(e.to_string())
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with("<svg") || t.starts_with("<?xml") || t.starts_with("<!doctype svg"))
        && head.contains("<svg")
}

fn svg(bytes: &[u8]) -> Result<Inspected, LogoError> {
    let tree =
        resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default()).map_err(corrupt)?;
    let size = tree.size();
    let scale = SVG_RENDER / size.width().max(size.height());
    let (w, h) = (
        (size.width() * scale).round().max(1.0) as u32,
        (size.height() * scale).round().max(1.0) as u32,
    );
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w, h).ok_or_else(|| corrupt("the drawing has no size"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps premultiplied alpha; the rest of the pipeline wants straight.
    let data: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let image = RgbaImage::from_raw(w, h, data).ok_or_else(|| corrupt("render failed"))?;
    let alpha_used = image.pixels().any(|p| p.0[3] < 255);
    Ok(Inspected {
        report: LogoReport {
            format: LogoFormat::Svg,
            bytes: bytes.len() as u64,
            width: w,
            height: h,
            color: "Rgba8 (rendered)".into(),
            has_alpha: true,
            alpha_used,
            frames: 1,
            orientation_applied: None,
        },
        image,
    })
}

fn format_of(f: ImageFormat) -> Option<LogoFormat> {
    Some(match f {
        ImageFormat::Png => LogoFormat::Png,
        ImageFormat::Jpeg => LogoFormat::Jpeg,
        ImageFormat::Gif => LogoFormat::Gif,
        ImageFormat::WebP => LogoFormat::Webp,
        ImageFormat::Bmp => LogoFormat::Bmp,
        ImageFormat::Tiff => LogoFormat::Tiff,
        ImageFormat::Ico => LogoFormat::Ico,
        _ => return None,
    })
}

/// Reads `bytes` as an image.
pub fn inspect(bytes: &[u8]) -> Result<Inspected, LogoError> {
    if bytes.is_empty() {
        return Err(LogoError::Empty);
    }
    if looks_like_svg(bytes) {
        return svg(bytes).and_then(has_pixels);
    }
    let reader = || ImageReader::new(Cursor::new(bytes)).with_guessed_format();
    let guessed = reader().map_err(corrupt)?;
    let format = guessed.format().and_then(format_of).ok_or(LogoError::NotAnImage)?;
    // The header alone says how big the image claims to be: refuse bombs before decoding.
    let (width, height) = guessed.into_dimensions().map_err(corrupt)?;
    if width == 0 || height == 0 {
        return Err(LogoError::NoPixels { width, height });
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(LogoError::TooLarge { width, height });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(1024 * 1024 * 1024);
    let mut reader = reader().map_err(corrupt)?;
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let color = format!("{:?}", decoder.color_type());
    let has_alpha = decoder.color_type().has_alpha();
    let orientation = decoder.orientation().map_err(corrupt)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    let orientation_applied = match orientation {
        image::metadata::Orientation::NoTransforms => None,
        o => {
            image.apply_orientation(o);
            Some(orientation_code(o))
        }
    };
    let frames = if format == LogoFormat::Gif { gif_frames(bytes) } else { 1 };
    // An RGBA8 image is taken as it is (no copy of its pixels).
    let image = image.into_rgba8();
    let alpha_used = has_alpha && image.pixels().any(|p| p.0[3] < 255);
    has_pixels(Inspected {
        report: LogoReport {
            format,
            bytes: bytes.len() as u64,
            width: image.width(),
            height: image.height(),
            color,
            has_alpha,
            alpha_used,
            frames,
            orientation_applied,
        },
        image,
    })
}

/// A decoder may still hand back an empty picture (a GIF whose frame is
/// 257×0): nothing downstream can measure it.
fn has_pixels(i: Inspected) -> Result<Inspected, LogoError> {
    let (width, height) = i.image.dimensions();
    if width == 0 || height == 0 {
        return Err(LogoError::NoPixels { width, height });
    }
    Ok(i)
}

fn orientation_code(o: image::metadata::Orientation) -> u8 {
    use image::metadata::Orientation::*;
    match o {
        NoTransforms => 1,
        FlipHorizontal => 2,
        Rotate180 => 3,
        FlipVertical => 4,
        Rotate90FlipH => 5,
        Rotate90 => 6,
        Rotate270FlipH => 7,
        Rotate270 => 8,
    }
}

/// Frames in a GIF, counted up to 1000 (an animation is reported, not judged).
fn gif_frames(bytes: &[u8]) -> u32 {
    image::codecs::gif::GifDecoder::new(Cursor::new(bytes))
        .map(|d| d.into_frames().take(1000).filter(Result::is_ok).count() as u32)
        .unwrap_or(1)
        .max(1)
}
