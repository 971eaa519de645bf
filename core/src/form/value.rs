//! A draft's value at a form path, read from its JSON, so "is it filled?" and
//! "how long is it?" are answered once for every field of every form.

use serde_json::Value;

use super::{Field, FieldKind};
use crate::draft::Draft;

/// The draft as JSON, the shape form paths point into.
pub fn json(draft: &Draft) -> Value {
    serde_json::to_value(draft).unwrap_or(Value::Null)
}

/// The value at a dotted path (`support.contacts.1.value`); `Null` when absent.
pub fn at<'a>(json: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .try_fold(json, |v, key| match key.parse::<usize>() {
            Ok(i) => v.get(i),
            Err(_) => v.get(key),
        })
        .unwrap_or(&Value::Null)
}

/// The text at a path, untrimmed; `None` when it isn't text.
pub fn text_at<'a>(json: &'a Value, path: &str) -> Option<&'a str> {
    at(json, path).as_str()
}

fn has_content(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => items.iter().any(has_content),
        // A contact or a tenant variable counts once its value or name is typed;
        // an attachment always has a file name.
        Value::Object(m) => ["value", "name", "label", "fileName"]
            .iter()
            .any(|k| m.get(*k).is_some_and(has_content)),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

/// Whether the field holds something. The password lives in the keychain, so
/// the caller says whether there is one; a fixed value is always there.
pub fn filled(json: &Value, field: &Field, has_password: bool) -> bool {
    match field.kind {
        FieldKind::Password => has_password,
        FieldKind::Fixed => true,
        _ => has_content(at(json, field.path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{ContactKind, SupportContact};

    #[test]
    fn paths_reach_into_lists() {
        let mut d = Draft::default();
        d.support.contacts.push(SupportContact { kind: ContactKind::Url, value: None });
        d.support
            .contacts
            .push(SupportContact { kind: ContactKind::Email, value: Some("a@b.example".into()) });
        let j = json(&d);
        assert_eq!(text_at(&j, "support.contacts.1.value"), Some("a@b.example"));
        assert_eq!(at(&j, "support.contacts.7.value"), &Value::Null, "past the end is absent");
        assert!(has_content(at(&j, "support.contacts")), "one contact with a value is enough");
        d.support.contacts.pop();
        assert!(!has_content(at(&json(&d), "support.contacts")), "a contact without a value isn't");
    }
}
