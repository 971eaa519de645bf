//! Making a logo Okta accepts: trim the border, pick the target size from the
//! content's shape (or the user's choice), scale in linear light with
//! premultiplied alpha (no dark fringes on transparent edges), centre it on a
//! transparent (or chosen) background, and encode an optimised PNG under 1 MB.

use image::{imageops, ImageEncoder, Rgba, Rgba32FImage, RgbaImage};

use super::analyze::{analyze, Bounds};
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

/// Scales the `area` of `src` to `w`×`h` in linear light with premultiplied alpha.
fn resize_linear(src: &RgbaImage, area: Bounds, w: u32, h: u32) -> RgbaImage {
    // While the image is over 4× the target, average k×k blocks (k a power of
    // two: the same as halving repeatedly, exact in linear premultiplied
    // light) straight from the sRGB bytes, in one pass; Lanczos then works on
    // a few hundred pixels a side.
    let mut k = 1;
    while area.width / (2 * k) >= w * 4 && area.height / (2 * k) >= h * 4 {
        k *= 2;
    }
    let lin = box_linear(src, area, k);
    let scaled = imageops::resize(&lin, w, h, imageops::FilterType::Lanczos3);
    let mut out = RgbaImage::new(w, h);
    for (d, s) in out.pixels_mut().zip(scaled.pixels()) {
        let a = s.0[3].clamp(0.0, 1.0);
        let un = |v: f32| if a > 0.0 { to_srgb(v / a) } else { 0 };
        *d = Rgba([un(s.0[0]), un(s.0[1]), un(s.0[2]), (a * 255.0).round() as u8]);
    }
    out
}

/// Each k×k block of the `area` of `src` averaged in linear premultiplied
/// light (k = 1: the pixels converted), read in place (no crop is copied);
/// rows are split between the machine's cores.
fn box_linear(src: &RgbaImage, area: Bounds, k: u32) -> Rgba32FImage {
    let lut: Vec<f32> = (0..=255u8).map(to_linear).collect();
    let (w, h) = (area.width / k, area.height / k);
    let (ax, ay) = (area.x as usize, area.y as usize);
    let mut out = vec![0.0f32; w as usize * h as usize * 4];
    let raw = src.as_raw();
    let stride = src.width() as usize * 4;
    let scale = 1.0 / (k * k) as f32;
    let row_len = w as usize * 4;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let rows_each = (h as usize).div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (chunk_i, chunk) in out.chunks_mut(rows_each * row_len).enumerate() {
            let lut = &lut;
            scope.spawn(move || {
                for (r, row) in chunk.chunks_mut(row_len).enumerate() {
                    let y0 = ay + (chunk_i * rows_each + r) * k as usize;
                    for (x, px) in row.chunks_mut(4).enumerate() {
                        let mut acc = [0.0f32; 4];
                        let x0 = (ax + x * k as usize) * 4;
                        for yy in y0..y0 + k as usize {
                            let line = &raw[yy * stride + x0..][..k as usize * 4];
                            for s in line.chunks_exact(4) {
                                let a = f32::from(s[3]) * (1.0 / 255.0);
                                acc[0] += lut[s[0] as usize] * a;
                                acc[1] += lut[s[1] as usize] * a;
                                acc[2] += lut[s[2] as usize] * a;
                                acc[3] += a;
                            }
                        }
                        for i in 0..4 {
                            px[i] = acc[i] * scale;
                        }
                    }
                }
            });
        }
    });
    Rgba32FImage::from_raw(w, h, out).expect("the buffer is w×h×4")
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
    let scale = (tw as f32 / c.width as f32).min(th as f32 / c.height as f32);
    let (w, h) = (
        ((c.width as f32 * scale).round() as u32).clamp(1, tw),
        ((c.height as f32 * scale).round() as u32).clamp(1, th),
    );
    progress("Scaling in linear light", 0.55);
    let scaled = resize_linear(&source, c, w, h);
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
