//! The logo doctor against ImageMagick doing the same trim, resize and extent,
//! run alternately in the same process: a 4096×4096 RGBA PNG (a round logo on
//! a transparent canvas with wide margins) and a 12-megapixel JPEG.

use std::io::Cursor;
use std::process::Command;
use std::time::Instant;

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use oin_core::logo::{self, FixOptions};

use crate::report::Report;

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

pub fn against_imagemagick(report: &mut Report, runs: usize) {
    if !Command::new("convert").arg("-version").output().is_ok_and(|o| o.status.success()) {
        println!("logo doctor against ImageMagick: skipped (ImageMagick's convert is missing)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
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
        ("4096² RGBA PNG", DynamicImage::ImageRgba8(png), ImageFormat::Png, "png"),
        ("12 MP JPEG (4000×3000)", DynamicImage::ImageRgb8(jpeg), ImageFormat::Jpeg, "jpg"),
    ];
    for (name, img, format, ext) in cases {
        let mut bytes = Cursor::new(Vec::new());
        img.write_to(&mut bytes, format).unwrap();
        let bytes = bytes.into_inner();
        let input = dir.path().join(format!("in.{ext}"));
        std::fs::write(&input, &bytes).unwrap();
        let out = dir.path().join("im.png");
        let mut pairs = Vec::new();
        for _ in 0..runs {
            let ours = ms(|| {
                logo::judge(&bytes).unwrap();
                let (png, _) = logo::fix(&bytes, FixOptions::default()).unwrap();
                assert!(png.len() < logo::MAX_BYTES);
            });
            let magick = ms(|| {
                let ok = Command::new("convert")
                    .arg(&input)
                    .args(["-trim", "+repage", "-resize", "244x244", "-background", "none"])
                    .args(["-gravity", "center", "-extent", "244x244"])
                    .arg(&out)
                    .status()
                    .expect("ImageMagick runs")
                    .success();
                assert!(ok);
            });
            pairs.push((ours, magick));
        }
        let what = format!("logo doctor: {name}, inspect + fix");
        report.against(&what, &pairs, "ms", "ImageMagick trim+resize+extent");
    }
}
