//! Okta's schema as the floor of the precheck: for a draft that goes through
//! Okta's API, the bodies the submit would send are checked against Okta's own
//! request schemas (`crate::okta::schema`), and every violation becomes an
//! error on the field it came from — unless another rule already reported an
//! error there in friendlier words. So no draft at 100% is refused by the schema.

use super::issue::{FixAction, Issue, Severity};
use crate::draft::Draft;
use crate::form::{every_field, owns, Form, Tab};
use crate::okta::body::{bodies, violations};
use crate::okta::schema::{Problem, Violation};

/// The rule id of every schema-floor issue.
pub const RULE: &str = "okta.schema";
const SOURCE: &str = "https://github.com/okta/okta-management-openapi-spec";

/// Adds the schema's objections to `issues` (the password is checked where it is set).
pub(crate) fn floor(draft: &Draft, form: &Form, issues: &mut Vec<Issue>) {
    let all = bodies(draft, true);
    for body in all.all() {
        for v in violations(body, "x") {
            let Some(path) = body.field_of(&v.pointer).map(str::to_owned) else {
                // Not from a field: a value OIN Studio sets itself. The local
                // check before sending stops it; there is nothing to type.
                continue;
            };
            let known = issues.iter().any(|i| {
                i.severity == Severity::Error && (owns(&path, &i.path) || owns(&i.path, &path))
            });
            if known {
                continue;
            }
            let label = form
                .field(&path)
                .or_else(|| every_field().find(|f| owns(f.path, &path)))
                .map_or(path.clone(), |f| f.label.to_owned());
            let value = crate::form::value::text_at(&crate::form::value::json(draft), &path)
                .map(|s| s.trim().to_owned());
            let (message, fix, action) = words(&label, &path, value.as_deref(), &v);
            issues.push(Issue {
                rule: RULE.into(),
                severity: Severity::Error,
                tab: Tab::GeneralSettings,
                path,
                message,
                fix,
                source: SOURCE.into(),
                action,
                dismissible: false,
                dismissed: None,
            });
        }
    }
}

/// A plain-words message and fix for one violation.
pub fn words(
    label: &str,
    path: &str,
    value: Option<&str>,
    v: &Violation,
) -> (String, String, Option<FixAction>) {
    let n = value.map_or(0, super::checks::form_length);
    match &v.problem {
        Problem::MaxLength(max) if value.is_none() => (
            format!("“{label}” is longer than Okta's API takes (at most {max} characters)."),
            "Shorten it.".into(),
            None,
        ),
        Problem::MaxLength(max) => (
            format!("“{label}” is {n} characters; Okta's API takes at most {max}."),
            format!("Shorten it by {} characters.", n.saturating_sub(*max as usize)),
            None,
        ),
        Problem::MinLength(_) => {
            (format!("“{label}” can't be empty."), "Fill it in, or remove the entry.".into(), None)
        }
        Problem::Format(f) if f == "uri" || f == "uri-reference" => uri_words(label, path, value),
        Problem::Format(f) if f == "email" => (
            format!("“{label}” isn't an email address Okta's API takes."),
            "Write it as name@yourcompany.com.".into(),
            None,
        ),
        Problem::Format(f) => (
            format!("“{label}” isn't in the form Okta's API takes ({f})."),
            "Check the value.".into(),
            None,
        ),
        Problem::Enum(options) => (
            format!("“{label}” must be one of: {}.", options.join(", ")),
            "Choose one of these.".into(),
            None,
        ),
        Problem::Pattern(p) => (
            format!("“{label}” doesn't have the form Okta's API takes (pattern {p})."),
            "Check the value.".into(),
            None,
        ),
        Problem::Required(_) => {
            (format!("Okta's API needs “{label}”."), "Fill it in.".into(), None)
        }
        Problem::Other(detail) => (
            format!("Okta's API would refuse “{label}”: {detail}"),
            "Check the value.".into(),
            None,
        ),
    }
}

/// An address that isn't a valid URI: say what's wrong and offer the encoded form.
fn uri_words(label: &str, path: &str, value: Option<&str>) -> (String, String, Option<FixAction>) {
    let v = value.unwrap_or_default();
    let odd: Vec<char> = v.chars().filter(|c| c.is_whitespace() || !c.is_ascii()).collect();
    let what = if odd.iter().any(|c| c.is_whitespace()) {
        "it contains a space".to_owned()
    } else if let Some(c) = odd.first() {
        format!("it contains “{c}”, which addresses write encoded")
    } else {
        "it isn't a complete address".to_owned()
    };
    let encoded = url::Url::parse(v).ok().map(|u| u.to_string()).filter(|e| e != v);
    match encoded {
        Some(e) => (
            format!("“{label}” isn't an address Okta's API takes: {what}."),
            format!("Write the space as %20 and other characters encoded: {e}"),
            Some(FixAction::SetText { path: path.to_owned(), value: e }),
        ),
        None => (
            format!("“{label}” isn't an address Okta's API takes: {what}."),
            "Paste the full address, starting with https://".into(),
            None,
        ),
    }
}
