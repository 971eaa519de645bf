//! Making a logo Okta accepts: trim the border, pick the target size from the
//! content's shape (or the user's choice), scale in linear light with
//! premultiplied alpha (no dark fringes on transparent edges), centre it on a
//! transparent (or chosen) background, and encode an optimised PNG under 1 MB.

use image::{imageops, ImageEncoder, Rgba, Rgba32FImage, RgbaImage};

use super::analyze::analyze;
use super::inspect::inspect;
use super::{LogoError, Shape, MAX_BYTES, SIZES};

/// Choices the user can make; `None` means "what the logo suggests".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FixOptions {
    pub shape: Option<Shape>,
    /// An opaque background colour instead of transparency.
    pub background: Option<[u8; 3]>,
}

fn to_linear(c: u8) -> f32 {
    let c = f32::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn to_srgb(l: f32) -> u8 {
    let l = l.clamp(0.0, 1.0);
    let c = if l <= 0.003_130_8 { l * 12.92 } else { 1.055 * l.powf(1.0 / 2.4) - 0.055 };
    (c * 255.0).round() as u8
}

/// Scales `src` to `w`×`h` in linear light with premultiplied alpha.
fn resize_linear(src: &RgbaImage, w: u32, h: u32) -> RgbaImage {
    let lut: Vec<f32> = (0..=255u8).map(to_linear).collect();
    let mut lin = Rgba32FImage::new(src.width(), src.height());
    for (d, s) in lin.pixels_mut().zip(src.pixels()) {
        let a = f32::from(s.0[3]) / 255.0;
        *d =
            Rgba([lut[s.0[0] as usize] * a, lut[s.0[1] as usize] * a, lut[s.0[2] as usize] * a, a]);
    }
    // Halve in linear premultiplied light (an exact box filter) while the image
    // is over 4× the target; Lanczos then works on a few hundred pixels a side.
    while lin.width() / 2 >= w * 4 && lin.height() / 2 >= h * 4 {
        lin = halve(&lin);
    }
    let scaled = imageops::resize(&lin, w, h, imageops::FilterType::Lanczos3);
    let mut out = RgbaImage::new(w, h);
    for (d, s) in out.pixels_mut().zip(scaled.pixels()) {
        let a = s.0[3].clamp(0.0, 1.0);
        let un = |v: f32| if a > 0.0 { to_srgb(v / a) } else { 0 };
        *d = Rgba([un(s.0[0]), un(s.0[1]), un(s.0[2]), (a * 255.0).round() as u8]);
    }
    out
}

/// Averages each 2×2 block (values are linear and premultiplied, so this is exact).
fn halve(src: &Rgba32FImage) -> Rgba32FImage {
    let (w, h) = (src.width() / 2, src.height() / 2);
    Rgba32FImage::from_fn(w, h, |x, y| {
        let mut acc = [0.0f32; 4];
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let p = src.get_pixel(2 * x + dx, 2 * y + dy).0;
            for i in 0..4 {
                acc[i] += p[i] * 0.25;
            }
        }
        Rgba(acc)
    })
}

/// The target size for a shape.
pub fn target(shape: Shape) -> (u32, u32) {
    SIZES
        .iter()
        .find(|(_, _, s)| *s == shape)
        .map(|(w, h, _)| (*w, *h))
        .expect("every shape has a size")
}

/// Produces the submission logo as PNG bytes, and the shape it was made for.
pub fn fix(bytes: &[u8], options: FixOptions) -> Result<(Vec<u8>, Shape), LogoError> {
    fix_with_progress(bytes, options, &mut |_, _| {})
}

/// `fix`, telling `progress` each stage and the share of the work done.
pub fn fix_with_progress(
    bytes: &[u8],
    options: FixOptions,
    progress: &mut dyn FnMut(&'static str, f32),
) -> Result<(Vec<u8>, Shape), LogoError> {
    progress("Reading the image", 0.05);
    let source = inspect(bytes)?.image;
    progress("Finding the logo's edges", 0.35);
    let analysis = analyze(&source);
    let shape = options.shape.unwrap_or(analysis.shape);
    let (tw, th) = target(shape);
    let c = analysis.content;
    let cropped = imageops::crop_imm(&source, c.x, c.y, c.width, c.height).to_image();
    let scale = (tw as f32 / c.width as f32).min(th as f32 / c.height as f32);
    let (w, h) = (
        ((c.width as f32 * scale).round() as u32).clamp(1, tw),
        ((c.height as f32 * scale).round() as u32).clamp(1, th),
    );
    progress("Scaling in linear light", 0.55);
    let scaled = resize_linear(&cropped, w, h);
    progress("Writing an optimised PNG", 0.85);
    let fill = match options.background {
        Some([r, g, b]) => Rgba([r, g, b, 255]),
        None => Rgba([0, 0, 0, 0]),
    };
    let mut canvas = RgbaImage::from_pixel(tw, th, fill);
    imageops::overlay(&mut canvas, &scaled, i64::from((tw - w) / 2), i64::from((th - h) / 2));
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(
        &mut png,
        image::codecs::png::CompressionType::Best,
        image::codecs::png::FilterType::Adaptive,
    )
    .write_image(canvas.as_raw(), tw, th, image::ExtendedColorType::Rgba8)
    .map_err(|e| LogoError::Corrupt(e.to_string()))?;
    assert!(png.len() < MAX_BYTES, "a {tw}×{th} PNG is always far under 1 MB");
    progress("Done", 1.0);
    Ok((png, shape))
}
