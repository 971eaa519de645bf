//! Okta's own request schemas for the bodies OIN Studio sends
//! (`oin-requests.json`: SubmissionRequest, SubmissionCapabilities, ApiService,
//! TestInfo and what they reference, extracted from Okta's published OpenAPI
//! spec, https://github.com/okta/okta-management-openapi-spec, Apache-2.0; a
//! test in `tests/` checks the extract against the whole spec). A body that
//! breaks them is never sent, and the precheck reports it on the field.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{json, Value};

const EXTRACT: &str = include_str!("oin-requests.json");

/// The extract as JSON, for tests that walk it.
pub fn extract() -> &'static Value {
    static JSON: OnceLock<Value> = OnceLock::new();
    JSON.get_or_init(|| serde_json::from_str(EXTRACT).expect("oin-requests.json is JSON"))
}

fn validator(name: &str) -> Arc<jsonschema::Validator> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(name.to_owned())
        .or_insert_with(|| {
            let root = json!({
                "$ref": format!("#/components/schemas/{name}"),
                "components": extract()["components"],
            });
            Arc::new(
                jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft202012)
                    .should_validate_formats(true)
                    .build(&root)
                    .unwrap_or_else(|e| panic!("Okta's schema {name} builds: {e}")),
            )
        })
        .clone()
}

/// One way a body breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer into the body, e.g. `/testAccount/url`.
    pub pointer: String,
    pub problem: Problem,
}

/// The schema keyword that failed, with what a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    MaxLength(u64),
    MinLength(u64),
    Format(String),
    Enum(Vec<String>),
    Pattern(String),
    /// A property that must be present is missing (its name).
    Required(String),
    Other(String),
}

/// Every way `body` breaks Okta's schema `name` (empty: Okta's schema takes it).
pub fn violations(name: &str, body: &Value) -> Vec<Violation> {
    use jsonschema::error::ValidationErrorKind as K;
    validator(name)
        .iter_errors(body)
        .map(|e| {
            let mut pointer = e.instance_path().to_string();
            let problem = match e.kind() {
                K::MaxLength { limit } => Problem::MaxLength(*limit),
                K::MinLength { limit } => Problem::MinLength(*limit),
                K::Format { format } => Problem::Format(format.clone()),
                K::Enum { options } => Problem::Enum(
                    options
                        .as_array()
                        .map(|a| a.iter().map(|o| o.as_str().unwrap_or_default().to_owned()))
                        .into_iter()
                        .flatten()
                        .collect(),
                ),
                K::Pattern { pattern } => Problem::Pattern(pattern.clone()),
                K::Required { property } => {
                    let p = property.as_str().unwrap_or_default().to_owned();
                    pointer = format!("{pointer}/{p}");
                    Problem::Required(p)
                }
                _ => Problem::Other(e.to_string()),
            };
            Violation { pointer, problem }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn okta_refuses_what_its_schema_refuses() {
        let ok = json!({"testAccount": {"url": "https://acme.example/login", "username": "u", "password": "p"}});
        assert!(violations("TestInfo", &ok).is_empty());
        let spaced = json!({"testAccount": {"url": "https://acme.example/log in", "username": "u", "password": "p"}});
        let v = violations("TestInfo", &spaced);
        assert_eq!(v[0].pointer, "/testAccount/url");
        assert_eq!(v[0].problem, Problem::Format("uri".into()), "a space isn't a URI");
        let umlaut = json!({"setupInstructionsUri": "https://acme.example/anleitung-für-okta"});
        assert!(!violations("ApiService", &umlaut).is_empty(), "an ü isn't either");
        let missing = json!({"testAccount": {"url": "https://acme.example/", "username": "u"}});
        assert_eq!(violations("TestInfo", &missing)[0].pointer, "/testAccount/password");
        let long =
            json!({"name": "x".repeat(65), "description": "d", "logo": "https://l.example/x.png"});
        assert_eq!(violations("SubmissionRequest", &long)[0].problem, Problem::MaxLength(64));
    }
}
