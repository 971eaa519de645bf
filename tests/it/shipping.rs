//! Shipping: the Linux .deb the README's test command builds (its files, its
//! control fields, its desktop entry and *.oin.json type), the version from
//! one place, and a double-clicked *.oin.json opening as a draft in the window.

use std::path::{Path, PathBuf};
use std::process::Command;

use oin_tests::webdriver::Driver;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The .debs to check: the debug one `scripts/test` builds (required), and the
/// release one `scripts/bundle` builds, when it is there.
fn debs() -> Vec<PathBuf> {
    let name = format!("OIN Studio_{}_amd64.deb", env!("CARGO_PKG_VERSION"));
    let debug = root().join("target/debug/bundle/deb").join(&name);
    assert!(debug.exists(), "{} is missing: scripts/test builds it", debug.display());
    let release = root().join("target/release/bundle/deb").join(&name);
    let mut out = vec![debug];
    out.extend(Some(release).filter(|p| p.exists()));
    out
}

fn dpkg(args: &[&str], deb: &Path) -> String {
    let out = Command::new("dpkg-deb").args(args).arg(deb).output().unwrap();
    assert!(out.status.success(), "dpkg-deb {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_deb_holds_the_app_its_entry_icons_type_and_nothing_else() {
    for deb in debs() {
        check_deb(&deb);
    }
}

fn check_deb(deb: &Path) {
    let deb = deb.to_path_buf();
    let mut files: Vec<String> = dpkg(&["-c"], &deb)
        .lines()
        .filter(|l| !l.starts_with('d'))
        // "-rw-r--r-- 0/0  293 2026-11-29 16:43 usr/share/…": the path is last.
        .filter_map(|l| {
            l.find(" usr/")
                .or(l.find(" ./usr/"))
                .map(|i| l[i + 1..].trim_start_matches("./").to_owned())
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "usr/bin/oin-studio",
            "usr/share/applications/OIN Studio.desktop",
            "usr/share/doc/oin-studio/copyright",
            "usr/share/icons/hicolor/128x128/apps/oin-studio.png",
            "usr/share/icons/hicolor/256x256@2/apps/oin-studio.png",
            "usr/share/icons/hicolor/32x32/apps/oin-studio.png",
            "usr/share/mime/packages/oin-studio.xml",
        ],
        "exactly these files, no strays"
    );
    let field = |f: &str| {
        dpkg(&["-f"], &deb)
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{f}: ")).map(str::to_owned))
    };
    assert_eq!(field("Package").as_deref(), Some("oin-studio"));
    assert_eq!(field("Version").as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert_eq!(field("Maintainer").as_deref(), Some("OIN Studio contributors"));
    assert!(field("Depends").unwrap().contains("libwebkit2gtk-4.1-0"));
    let control = dpkg(&["-f"], &deb);
    assert!(control.contains("not an Okta product"), "{control}");

    let dir = tempfile::tempdir().unwrap();
    let x = Command::new("dpkg-deb").arg("-x").arg(&deb).arg(dir.path()).status().unwrap();
    assert!(x.success());
    let read = |p: &str| std::fs::read(dir.path().join(p)).unwrap();
    let desktop = String::from_utf8(read("usr/share/applications/OIN Studio.desktop")).unwrap();
    for line in [
        "Name=OIN Studio",
        "Exec=oin-studio %F",
        "Icon=oin-studio",
        "MimeType=application/x-oin-studio-draft;",
    ] {
        assert!(desktop.lines().any(|l| l == line), "{line} missing:\n{desktop}");
    }
    let mime = String::from_utf8(read("usr/share/mime/packages/oin-studio.xml")).unwrap();
    assert!(mime.contains(r#"<glob pattern="*.oin.json""#), "{mime}");
    for (path, size) in [
        ("usr/share/icons/hicolor/32x32/apps/oin-studio.png", 32),
        ("usr/share/icons/hicolor/128x128/apps/oin-studio.png", 128),
        ("usr/share/icons/hicolor/256x256@2/apps/oin-studio.png", 256),
    ] {
        assert_eq!(png_size(&read(path)), (size, size), "{path}");
    }
    assert_eq!(
        read("usr/share/doc/oin-studio/copyright"),
        std::fs::read(root().join("LICENSE")).unwrap()
    );
    assert_eq!(&read("usr/bin/oin-studio")[..4], b"\x7fELF");
    let scripts = tempfile::tempdir().unwrap();
    assert!(Command::new("dpkg-deb")
        .arg("-e")
        .arg(&deb)
        .arg(scripts.path())
        .status()
        .unwrap()
        .success());
    let postinst = std::fs::read_to_string(scripts.path().join("postinst")).unwrap();
    assert!(postinst.contains("update-mime-database"), "{postinst}");
}

#[test]
fn the_version_has_one_home() {
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("src-tauri/tauri.conf.json")).unwrap(),
    )
    .unwrap();
    assert!(conf.get("version").is_none(), "tauri.conf.json takes the version from Cargo.toml");
    let ui: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("ui/package.json")).unwrap())
            .unwrap();
    assert_eq!(ui["version"], env!("CARGO_PKG_VERSION"), "ui/package.json follows Cargo.toml");
}

#[test]
fn a_double_clicked_draft_file_opens_and_a_broken_one_says_why() {
    let data = tempfile::tempdir().unwrap();
    let drafts = root().join("tests/fixtures/drafts");
    let good = drafts.join("complete-workflows.oin.json");
    let driver = Driver::start(&[("OIN_STUDIO_DATA_DIR", data.path())]);
    let s = driver.session_with_args(&[good.to_str().unwrap()]);
    s.wait_until("the file opens as a draft", |s| {
        s.find_all(r#"[data-testid="editor-title"]"#).first().is_some_and(|t| t.text() == "Acme HR")
    });
    drop(s);
    let bad = drafts.join("malformed.oin.json");
    let s = driver.session_with_args(&[bad.to_str().unwrap()]);
    let error = s.find(r#"[data-testid="open-error"]"#).text();
    assert!(error.contains("malformed.oin.json couldn't be opened"), "{error}");
}

#[test]
fn a_second_copy_hands_its_draft_to_the_first_and_exits() {
    let data = tempfile::tempdir().unwrap();
    let good = root().join("tests/fixtures/drafts/complete-workflows.oin.json");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_MULTI_INSTANCE", Path::new("0")),
    ]);
    let s = driver.session();
    s.find(r#"main[data-ready="true"] [data-testid="new-api"]"#);
    // The OS starts a second copy for a double-clicked draft.
    let mut second = Command::new(oin_tests::webdriver::app_binary())
        .arg(&good)
        .env("OIN_STUDIO_DATA_DIR", data.path())
        .env_remove("OIN_STUDIO_MULTI_INSTANCE")
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second copy kept running instead of handing over");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(status.success(), "{status}");
    s.wait_until("the first copy opens the draft", |s| {
        s.find_all(r#"[data-testid="editor-title"]"#).first().is_some_and(|t| t.text() == "Acme HR")
    });
}

#[test]
fn the_window_comes_back_at_the_size_it_was_left() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    // A config folder of its own: the window's state lives there.
    let env = [("OIN_STUDIO_DATA_DIR", data.path()), ("XDG_CONFIG_HOME", config.path())];
    let driver = Driver::start(&env);
    let s = driver.session();
    s.find(r#"main[data-ready="true"]"#);
    s.set_window_size(1000, 700);
    s.wait_until("the window is resized", |s| s.window_size() == (1000, 700));
    std::thread::sleep(std::time::Duration::from_millis(800));
    s.close_window();
    drop(s);
    let s = driver.session();
    s.find(r#"main[data-ready="true"]"#);
    assert_eq!(s.window_size(), (1000, 700), "the size is remembered");
}
