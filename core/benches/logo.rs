//! Logo doctor speed against ImageMagick doing the same trim, resize and
//! extent: a 4096×4096 RGBA PNG and a 12-megapixel JPEG, median of 5 runs each.
//!
//! `cargo bench -p oin-core --bench logo` (needs /usr/bin/convert)

use std::io::Cursor;
use std::process::Command;
use std::time::Instant;

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use oin_core::logo::{self, FixOptions};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    // A round logo with a gradient, on a transparent canvas with wide margins.
    let png = RgbaImage::from_fn(4096, 4096, |x, y| {
        let (dx, dy) = (x as i64 - 2048, y as i64 - 2048);
        if dx * dx + dy * dy <= 1500 * 1500 {
            Rgba([(x / 16) as u8, 90, (y / 16) as u8, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let jpeg = image::RgbImage::from_fn(4000, 3000, |x, y| {
        if (500..3500).contains(&x) && (700..2300).contains(&y) {
            image::Rgb([(x / 16) as u8, 60, (y / 12) as u8])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    let cases = [
        ("4096×4096 RGBA PNG", DynamicImage::ImageRgba8(png), ImageFormat::Png, "png"),
        ("12 MP JPEG (4000×3000)", DynamicImage::ImageRgb8(jpeg), ImageFormat::Jpeg, "jpg"),
    ];
    for (name, img, format, ext) in cases {
        let mut bytes = Cursor::new(Vec::new());
        img.write_to(&mut bytes, format).unwrap();
        let bytes = bytes.into_inner();
        let input = dir.path().join(format!("in.{ext}"));
        std::fs::write(&input, &bytes).unwrap();
        let ours = time(5, || {
            logo::judge(&bytes).unwrap();
            let (out, _) = logo::fix(&bytes, FixOptions::default()).unwrap();
            assert!(out.len() < logo::MAX_BYTES);
        });
        let out = dir.path().join("im.png");
        let magick = time(5, || {
            let ok = Command::new("/usr/bin/convert")
                .arg(&input)
                .args(["-trim", "+repage", "-resize", "244x244", "-background", "none"])
                .args(["-gravity", "center", "-extent", "244x244"])
                .arg(&out)
                .status()
                .expect("ImageMagick runs")
                .success();
            assert!(ok);
        });
        println!(
            "{name:<24} inspect+fix median {ours:>7.0} ms   ImageMagick trim+resize+extent median {magick:>7.0} ms   ratio ours/IM {:.2}",
            ours / magick
        );
    }
}
