//! Wording checks on what customers read (app name, description), in the spirit
//! of fastlane's precheck but whole-word, so "latest" never matches "test".

use super::super::checks::has_phrase;
use super::{text, Ctx};
use crate::form::FieldKind;
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
    // OIN Studio's own drafts (the reason to use scopes from a test, a reply)
    // leave "[what only you know]" for the user: none may reach Okta.
    let json = crate::form::value::json(cx.draft);
    for f in
        cx.form().fields.iter().filter(|f| matches!(f.kind, FieldKind::Text | FieldKind::LongText))
    {
        let Some(v) = crate::form::value::text_at(&json, f.path) else { continue };
        if let Some(gap) = bracketed_gap(v) {
            out.add(
                f.path,
                format!("“{}” still has a gap to fill in: “{gap}”.", f.label),
                "Write what the brackets ask for, in your own words, and remove the brackets.",
            );
        }
    }
}

/// The first "[words to replace]" in `v`: brackets around two or more words,
/// not a Markdown link ("[text](url)") and not a tag like "[Beta]".
pub(super) fn bracketed_gap(v: &str) -> Option<&str> {
    let mut rest = v;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = after.find(']')?;
        let inner = &after[..close];
        let link = after[close + 1..].starts_with('(');
        let words = inner.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
        if !link && words >= 2 && !inner.contains('[') && !inner.contains('\n') {
            return Some(&rest[open..open + close + 2]);
        }
        rest = &after[close + 1..];
    }
    None
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

#[cfg(test)]
mod tests {
    use super::bracketed_gap;

    #[test]
    fn a_bracketed_gap_is_found_but_links_and_tags_are_not() {
        assert_eq!(
            bracketed_gap("okta.logs.read: [what the integration reads, and why] GET worked."),
            Some("[what the integration reads, and why]")
        );
        assert_eq!(bracketed_gap("See [the guide](https://acme.example/guide)."), None);
        assert_eq!(bracketed_gap("Acme Logs [Beta] ships logs [1]."), None);
        assert_eq!(bracketed_gap("an [unclosed bracket"), None);
        assert_eq!(bracketed_gap("[x](y) then [your answer here]"), Some("[your answer here]"));
    }
}
