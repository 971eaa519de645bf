//! The listing preview in the real window: an imported API service draft shows
//! its catalog tile, its page and the Authorize screen with the scope in plain
//! words; typing in the description redraws the page; light and dark.

use std::path::{Path, PathBuf};

use oin_tests::webdriver::Driver;

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-shots")
}

#[test]
fn the_listing_is_drawn_live_from_the_draft() {
    let data = tempfile::tempdir().unwrap();
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts/complete-api.oin.json");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_PICK_FILE", draft.as_path()),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="import"]"#).click();
    s.find(r#"[data-testid="editor-title"]"#);
    s.find(r#"[data-testid="listing-toggle"]"#).click();
    s.wait_until("the page shows the name and the logo", |s| {
        let page = s.find_all(r#"[data-testid="listing-page"]"#);
        page.first().is_some_and(|p| p.text().contains("Acme Log Shipper"))
            && !s.find_all(r#"[data-testid="listing-preview"] .tile img"#).is_empty()
    });
    let scope = s.find(r#"[data-testid="listing-scope"]"#).text();
    assert!(scope.contains("View logs") && scope.contains("okta.logs.read"), "{scope}");
    s.find(r#"[data-field="appInfo.description"]"#).fill("Streams the System Log to Acme.");
    s.wait_until("the page follows the typing", |s| {
        s.find(r#"[data-testid="listing-page"]"#).text().contains("Streams the System Log to Acme.")
    });
    s.screenshot(&shots().join("listing-light.png"));
    s.find(r#"[data-testid="listing-preview"] input[value="dark"]"#).click();
    s.find(r#"[data-testid="listing-preview"] .stage.dark"#);
    s.screenshot(&shots().join("listing-dark.png"));
}

/// "Save as PNG…": the listing drawn as one picture for marketing, at the
/// chosen background and scale, written where the save dialog says.
#[test]
fn the_listing_is_saved_as_a_png_for_marketing() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("listing.png");
    let driver = Driver::start(&[
        ("OIN_STUDIO_DATA_DIR", data.path()),
        ("OIN_STUDIO_PICK_FILE", out.as_path()),
    ]);
    let s = driver.session();
    s.find(r#"[data-testid="new-api"]"#).click();
    s.find(r#"[data-field="appInfo.appName"]"#).fill("Acme Log Shipper");
    s.find(r#"[data-field="appInfo.description"]"#)
        .fill("Ships Okta System Log events to Acme SIEM so security teams see sign-ins next to everything else.");
    s.find(r#"[data-testid="listing-toggle"]"#).click();
    s.wait_until("the page shows the name", |s| {
        s.find_all(r#"[data-testid="listing-page"]"#)
            .first()
            .is_some_and(|p| p.text().contains("Acme Log Shipper"))
    });
    s.find(r#"[data-testid="listing-preview"] input[value="dark"]"#).click();
    s.find(r#"[data-testid="listing-preview"] input[value="2"]"#).click();
    s.find(r#"[data-testid="listing-save-png"]"#).click();
    s.wait_until("the picture is saved", |s| {
        !s.find_all(r#"[data-testid="listing-saved"]"#).is_empty()
    });
    let png = std::fs::read(&out).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1920, "960 px at 2×");
    std::fs::copy(&out, shots().join("listing-export.png")).unwrap();
}
