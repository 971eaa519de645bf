//! The logo doctor over images generated here: every accepted size and its
//! neighbours, the 1 MB boundary, each format, hostile files, and fixes whose
//! output is checked for format, exact size, bytes and centring.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};

use super::*;

fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    encode(
        &DynamicImage::ImageRgba8(RgbaImage::from_pixel(w, h, Rgba([40, 90, 200, 255]))),
        ImageFormat::Png,
    )
}

/// A transparent canvas with an opaque shape drawn by `inside`.
fn drawn(w: u32, h: u32, inside: impl Fn(u32, u32) -> bool) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        if inside(x, y) {
            Rgba([220, 30, 30, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    })
}

fn check<'a>(v: &'a Verdict, id: &str) -> &'a Check {
    v.checks.iter().find(|c| c.id == id).unwrap()
}

#[test]
fn exactly_the_four_sizes_pass_and_their_neighbours_fail() {
    for (w, h, _) in SIZES {
        assert!(judge(&png(w, h)).unwrap().accepted, "{w}×{h} is accepted");
        for (dw, dh) in [(1i32, 0i32), (-1, 0), (0, 1), (0, -1)] {
            let (nw, nh) = ((w as i32 + dw) as u32, (h as i32 + dh) as u32);
            let v = judge(&png(nw, nh)).unwrap();
            assert!(!check(&v, "logo.dimensions").passed, "{nw}×{nh} is refused");
            assert!(!v.accepted);
        }
    }
}

#[test]
fn one_megabyte_is_one_byte_too_many() {
    // Bytes after PNG's IEND are ignored by decoders: pad to the boundary.
    let base = png(200, 200);
    for (len, ok) in [(999_999usize, true), (1_000_000, false)] {
        let mut b = base.clone();
        b.resize(len, 0);
        let v = judge(&b).unwrap();
        assert_eq!(check(&v, "logo.size.max").passed, ok, "{len} bytes");
        assert_eq!(v.report.bytes, len as u64);
    }
}

#[test]
fn formats_are_judged_by_their_bytes() {
    let img = DynamicImage::ImageRgba8(RgbaImage::from_pixel(200, 200, Rgba([10, 200, 90, 255])));
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let cases = [
        (encode(&img, ImageFormat::Png), LogoFormat::Png, true),
        (encode(&rgb, ImageFormat::Jpeg), LogoFormat::Jpeg, true),
        (encode(&img, ImageFormat::Gif), LogoFormat::Gif, true),
        (encode(&img, ImageFormat::WebP), LogoFormat::Webp, false),
        (encode(&img, ImageFormat::Bmp), LogoFormat::Bmp, false),
        (encode(&img, ImageFormat::Tiff), LogoFormat::Tiff, false),
        (encode(&DynamicImage::ImageRgba8(RgbaImage::new(64, 64)), ImageFormat::Ico), LogoFormat::Ico, false),
        (br#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="red"/></svg>"#.to_vec(), LogoFormat::Svg, false),
    ];
    for (bytes, format, submittable) in cases {
        let v = judge(&bytes).unwrap();
        assert_eq!(v.report.format, format);
        assert_eq!(check(&v, "logo.format").passed, submittable, "{format:?}");
        let (fixed, _) = fix(&bytes, FixOptions::default()).unwrap();
        let out = judge(&fixed).unwrap();
        assert!(out.accepted, "{format:?} converts to an accepted logo: {:?}", out.checks);
        assert_eq!(out.report.format, LogoFormat::Png);
    }
}

#[test]
fn reports_colour_alpha_bit_depth_and_animation() {
    let sixteen = DynamicImage::ImageRgba16(image::ImageBuffer::from_pixel(
        244,
        244,
        Rgba([1000u16, 2000, 3000, 65535]),
    ));
    let r = judge(&encode(&sixteen, ImageFormat::Png)).unwrap().report;
    assert_eq!((r.color.as_str(), r.has_alpha, r.alpha_used), ("Rgba16", true, false));

    let mut frames = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut frames);
        for i in 0..3u8 {
            let f = RgbaImage::from_pixel(200, 200, Rgba([i * 80, 0, 0, 255]));
            enc.encode_frame(image::Frame::new(f)).unwrap();
        }
    }
    let v = judge(&frames).unwrap();
    assert_eq!(v.report.frames, 3);
    assert!(!check(&v, "logo.animation").passed);
    assert!(v.accepted, "animation is a guideline, not a hard rule");
}

#[test]
fn hostile_files_fail_fast_with_a_clear_error() {
    assert_eq!(judge(b"").unwrap_err(), LogoError::Empty);
    assert_eq!(judge(b"just some text, not an image").unwrap_err(), LogoError::NotAnImage);
    let whole = png(244, 244);
    assert!(
        matches!(judge(&whole[..whole.len() / 2]).unwrap_err(), LogoError::Corrupt(_)),
        "truncated"
    );
    // A PNG header claiming 60000×60000 pixels: refused from the header alone.
    let mut bomb = whole.clone();
    bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    let t = std::time::Instant::now();
    let err = judge(&bomb).unwrap_err();
    assert!(matches!(err, LogoError::TooLarge { width: 60_000, height: 60_000 }), "{err:?}");
    assert!(t.elapsed() < std::time::Duration::from_millis(200));
    assert!(err.to_string().contains("100 megapixels"));
    // Found by `scripts/fuzz`: a GIF whose screen is 257×1 and whose frame
    // decodes to 257×0 pixels panicked the analysis; it is "no pixels" now.
    let gif = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        "R0lGODlhAQEAAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
    )
    .unwrap();
    let err = judge(&gif).unwrap_err();
    assert!(matches!(err, LogoError::NoPixels { .. }), "{err:?}");
    assert!(err.to_string().contains("no pixels"));
}

/// PNG's chunk checksum (CRC-32, reflected, polynomial 0xEDB88320).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The bounding box of visible pixels.
fn visible(img: &RgbaImage) -> (u32, u32, u32, u32) {
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    for (x, y, p) in img.enumerate_pixels() {
        if p.0[3] > 0 {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
    }
    (x0, y0, x1, y1)
}

fn decode(png: &[u8]) -> RgbaImage {
    image::load_from_memory_with_format(png, ImageFormat::Png).unwrap().to_rgba8()
}

#[test]
fn fixes_pick_the_size_from_the_shape_and_centre_the_content() {
    let wide = drawn(900, 600, |x, y| (150..750).contains(&x) && (200..400).contains(&y));
    let circle =
        drawn(500, 500, |x, y| (x as i32 - 250).pow(2) + (y as i32 - 250).pow(2) <= 200 * 200);
    let tall = drawn(400, 900, |x, y| (100..300).contains(&x) && (50..850).contains(&y));
    let square = drawn(300, 300, |x, y| (40..260).contains(&x) && (40..260).contains(&y));
    for (img, shape, (tw, th)) in [
        (wide, Shape::Wide, (244, 156)),
        (circle, Shape::Circle, (244, 244)),
        (tall, Shape::Tall, (156, 244)),
        (square, Shape::Square, (200, 200)),
    ] {
        let bytes = encode(&DynamicImage::ImageRgba8(img), ImageFormat::Png);
        let (out, got) = fix(&bytes, FixOptions::default()).unwrap();
        assert_eq!(got, shape);
        let v = judge(&out).unwrap();
        assert!(v.accepted && out.len() < MAX_BYTES);
        assert_eq!((v.report.width, v.report.height), (tw, th));
        let (x0, y0, x1, y1) = visible(&decode(&out));
        let (left, right, top, bottom) = (x0, tw - 1 - x1, y0, th - 1 - y1);
        assert!(
            left.abs_diff(right) <= 1 && top.abs_diff(bottom) <= 1,
            "{shape:?} centred: {left} {right} {top} {bottom}"
        );
    }
}

#[test]
fn scaling_leaves_no_dark_fringe_on_transparent_edges() {
    let img =
        drawn(1000, 1000, |x, y| (x as i32 - 500).pow(2) + (y as i32 - 500).pow(2) <= 400 * 400);
    let (out, _) =
        fix(&encode(&DynamicImage::ImageRgba8(img), ImageFormat::Png), FixOptions::default())
            .unwrap();
    let partial: Vec<_> =
        decode(&out).pixels().filter(|p| p.0[3] > 0 && p.0[3] < 255).map(|p| p.0).collect();
    assert!(!partial.is_empty(), "the edge is antialiased");
    for p in partial {
        assert!(p[0] > 180 && p[1] < 70 && p[2] < 70, "edge pixel keeps its colour: {p:?}");
    }
}

#[test]
fn a_uniform_background_is_trimmed_and_can_be_chosen() {
    let img = RgbaImage::from_fn(400, 400, |x, y| {
        if (100..300).contains(&x) && (150..250).contains(&y) {
            Rgba([20, 20, 160, 255])
        } else {
            Rgba([255, 255, 255, 255])
        }
    });
    let bytes = encode(&DynamicImage::ImageRgba8(img), ImageFormat::Png);
    let v = judge(&bytes).unwrap();
    assert_eq!(v.analysis.background.as_deref(), Some("#ffffff"));
    assert!(!check(&v, "logo.background").passed, "an opaque white box is flagged");
    assert_eq!(v.analysis.shape, Shape::Wide);
    let (out, _) =
        fix(&bytes, FixOptions { shape: Some(Shape::Square), background: Some([255, 255, 255]) })
            .unwrap();
    let fixed = decode(&out);
    assert_eq!(fixed.dimensions(), (200, 200));
    assert_eq!(
        fixed.get_pixel(0, 0).0,
        [255, 255, 255, 255],
        "the chosen background fills the canvas"
    );
}

#[test]
fn rounded_corners_and_empty_space_are_warnings() {
    let r = 60i32;
    let rounded = drawn(400, 400, |x, y| {
        let (x, y) = (x as i32, y as i32);
        let cx = x.clamp(r, 399 - r);
        let cy = y.clamp(r, 399 - r);
        (x - cx).pow(2) + (y - cy).pow(2) <= r * r
    });
    let v = judge(&encode(&DynamicImage::ImageRgba8(rounded), ImageFormat::Png)).unwrap();
    assert!(!check(&v, "logo.corners").passed, "{:?}", v.analysis);
    let banner = drawn(300, 300, |_, y| (120..180).contains(&y));
    let v = judge(&encode(&DynamicImage::ImageRgba8(banner), ImageFormat::Png)).unwrap();
    assert!(!check(&v, "logo.empty_space").passed);
    assert!(v.checks.iter().filter(|c| !c.hard).all(|c| (0.0..=1.0).contains(&c.confidence)));
}

#[test]
fn exif_orientation_is_applied() {
    // 300 wide × 200 high, tagged "rotate 90° clockwise to view" (EXIF 6): 200 × 300.
    let img =
        DynamicImage::ImageRgb8(image::RgbImage::from_pixel(300, 200, image::Rgb([40, 90, 200])));
    let jpeg = encode(&img, ImageFormat::Jpeg);
    let exif: [u8; 36] = [
        0xFF, 0xE1, 0x00, 0x22, b'E', b'x', b'i', b'f', 0, 0, // APP1, length 34
        b'M', b'M', 0x00, 0x2A, 0, 0, 0, 8, // big-endian TIFF header, IFD at 8
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation (SHORT) = 6
        0, 0, 0, 0, // no next IFD
    ];
    let tagged = [&jpeg[..2], &exif[..], &jpeg[2..]].concat();
    let r = judge(&tagged).unwrap().report;
    assert_eq!((r.width, r.height, r.orientation_applied), (200, 300, Some(6)));
}

#[test]
fn fixing_reports_progress_in_order_to_the_end() {
    let mut seen = Vec::new();
    fix_with_progress(&png(600, 400), FixOptions::default(), &mut |stage, f| seen.push((stage, f)))
        .unwrap();
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1), "progress only grows: {seen:?}");
    assert_eq!(seen.last(), Some(&("Done", 1.0)));
    assert!(seen.len() >= 4);
}
