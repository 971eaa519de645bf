//! Wording checks on what customers read (app name, description), in the spirit
//! of fastlane's precheck but whole-word, so "latest" never matches "test".

use super::super::checks::has_phrase;
use super::{text, Ctx};
use crate::rules::issue::Findings;

const PLACEHOLDERS: &[&str] = &["lorem ipsum", "todo", "tbd", "placeholder", "sample text", "xxx"];

const TEST_WORDS: &[&str] = &["test app", "testing", "dummy", "asdf", "qwerty", "foobar"];

const PROMISES: &[&str] = &["coming soon", "available soon", "in a future release", "will soon"];

/// Looks for any of `phrases` in the public texts (app name, description).
pub(super) fn wording(cx: &Ctx<'_>, out: &mut Findings, phrases: &[&str], what: &str, fix: &str) {
    let a = &cx.draft.app_info;
    let public = [
        ("appInfo.appName", "app name", &a.app_name),
        ("appInfo.description", "description", &a.description),
    ];
    for (path, label, value) in public {
        let Some(v) = text(value) else { continue };
        if let Some(p) = phrases.iter().find(|p| has_phrase(v, p)) {
            out.add(path, format!("The {label} contains {what} (“{p}”)."), fix);
        }
    }
}

pub(super) fn placeholders(cx: &Ctx<'_>, out: &mut Findings) {
    wording(
        cx,
        out,
        PLACEHOLDERS,
        "placeholder text",
        "Replace it with the real text customers will read.",
    );
}

pub(super) fn test_words(cx: &Ctx<'_>, out: &mut Findings) {
    wording(
        cx,
        out,
        TEST_WORDS,
        "test wording",
        "Customers see this in the catalog: describe the product itself.",
    );
}

pub(super) fn promises(cx: &Ctx<'_>, out: &mut Findings) {
    wording(
        cx,
        out,
        PROMISES,
        "a promise about the future",
        "Describe only what the integration does today; reviewers reject promises.",
    );
}
