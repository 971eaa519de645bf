//! The logo doctor on files made by another program (ImageMagick, which the
//! README's install step brings): CMYK JPEG, palette PNG with transparency, a
//! PNG named .jpg. (EXIF orientation is tested in core with a hand-made tag.)

use std::path::{Path, PathBuf};
use std::process::Command;

use oin_core::logo::{self, LogoFormat};

const CONVERT: &str = "/usr/bin/convert";

fn make(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let status = Command::new(CONVERT).args(args).arg(&out).status().expect("ImageMagick runs");
    assert!(status.success(), "convert {args:?} {name}");
    out
}

#[test]
fn files_from_other_tools_are_read_by_their_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cmyk =
        make(d, "cmyk.jpg", &["-size", "200x200", "gradient:red-blue", "-colorspace", "CMYK"]);
    let v = logo::judge(&std::fs::read(&cmyk).unwrap()).unwrap();
    assert_eq!((v.report.format, v.report.width, v.report.height), (LogoFormat::Jpeg, 200, 200));
    assert!(v.accepted, "a CMYK JPEG of the right size passes: {:?}", v.checks);

    // A palette PNG with a transparent entry, written to stdout.
    let out = Command::new(CONVERT)
        .args([
            "-size",
            "244x244",
            "xc:none",
            "-fill",
            "#2b59c3",
            "-draw",
            "circle 122,122 122,20",
            "PNG8:-",
        ])
        .output()
        .unwrap();
    let v = logo::judge(&out.stdout).unwrap();
    assert_eq!(v.report.format, LogoFormat::Png);
    assert!(v.report.alpha_used, "palette transparency is read: {}", v.report.color);
    assert_eq!(v.analysis.shape, logo::Shape::Circle);

    let disguised = make(d, "logo.png", &["-size", "156x244", "xc:#2b59c3"]);
    let renamed = d.join("logo.jpg");
    std::fs::rename(&disguised, &renamed).unwrap();
    let v = logo::judge(&std::fs::read(&renamed).unwrap()).unwrap();
    assert_eq!(v.report.format, LogoFormat::Png, "judged by the bytes, not the name");
    assert!(v.accepted);
}
