//! Okta's own schemas (`fixtures/okta/okta-oin-subset.yaml`, a copy of the
//! shared reference) as JSON Schema validators: every request body the app
//! sends, and every JSON body this server answers, is checked against the
//! schema Okta publishes for it.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde_json::{json, Value};

const SPEC: &str = include_str!("../../fixtures/okta/okta-oin-subset.yaml");

fn spec() -> &'static Value {
    static SPEC_JSON: OnceLock<Value> = OnceLock::new();
    SPEC_JSON.get_or_init(|| serde_yaml::from_str(SPEC).expect("the Okta subset parses"))
}

fn validator(name: &str) -> std::sync::Arc<jsonschema::Validator> {
    static CACHE: OnceLock<Mutex<HashMap<String, std::sync::Arc<jsonschema::Validator>>>> =
        OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(name.to_owned())
        .or_insert_with(|| {
            assert!(
                spec()["components"]["schemas"].get(name).is_some(),
                "no schema {name} in the Okta subset"
            );
            let root = json!({
                "$ref": format!("#/components/schemas/{name}"),
                "components": { "schemas": spec()["components"]["schemas"] },
            });
            std::sync::Arc::new(
                jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft202012)
                    .should_validate_formats(true)
                    .build(&root)
                    .unwrap_or_else(|e| panic!("schema {name} builds: {e}")),
            )
        })
        .clone()
}

/// Every way `instance` breaks schema `name` (empty: valid). In a request
/// (`request = true`), a property the schema marks `readOnly` is a mistake too.
pub fn check(name: &str, instance: &Value, request: bool) -> Vec<String> {
    let v = validator(name);
    let mut out: Vec<String> =
        v.iter_errors(instance).map(|e| format!("{name}{}: {e}", e.instance_path())).collect();
    if request {
        if let Some(obj) = instance.as_object() {
            let read_only = read_only_properties(&spec()["components"]["schemas"][name]);
            for key in obj.keys().filter(|k| read_only.contains(k)) {
                out.push(format!("{name}/{key}: read-only, must not be sent"));
            }
        }
    }
    out
}

/// Every array item against schema `name`.
pub fn check_items(name: &str, instance: &Value) -> Vec<String> {
    match instance.as_array() {
        Some(items) => items.iter().flat_map(|i| check(name, i, false)).collect(),
        None => vec![format!("[{name}]: not an array")],
    }
}

fn read_only_properties(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (k, p) in props {
            if p.get("readOnly").and_then(Value::as_bool) == Some(true) {
                out.push(k.clone());
            }
        }
    }
    for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        let target = match part.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap_or_default();
                &spec()["components"]["schemas"][name]
            }
            None => part,
        };
        out.extend(read_only_properties(target));
    }
    out
}

/// A form body as the JSON object its schema describes (all values strings).
pub fn form_json(form: &[(String, String)]) -> Value {
    Value::Object(form.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_validator_catches_what_okta_would() {
        let ok = json!({"name": "Acme", "description": "d", "logo": "https://a.example/l.png"});
        assert!(check("SubmissionRequest", &ok, true).is_empty());
        let long =
            json!({"name": "x".repeat(65), "description": "d", "logo": "https://a.example/l"});
        assert!(!check("SubmissionRequest", &long, true).is_empty(), "name ≤ 64");
        let missing = json!({"name": "Acme"});
        assert!(
            !check("SubmissionRequest", &missing, true).is_empty(),
            "description and logo required"
        );
        let ro = json!({"name": "A", "description": "d", "logo": "https://a.example/l", "status": "New"});
        assert!(check("SubmissionRequest", &ro, true).iter().any(|e| e.contains("read-only")));
        let bad_contact = json!({"name": "A", "description": "d", "logo": "https://a.example/l",
            "appContactDetails": [{"contactType": "SUPPORT", "contactValueType": "EMAIL", "contact": "x"}]});
        assert!(!check("SubmissionRequest", &bad_contact, true).is_empty(), "contactType enum");
        let api =
            json!({"scopes": ["okta.users.read"], "authenticationMethod": "client_secret_post"});
        assert!(!check("ApiService", &api, true).is_empty(), "only client_secret_basic");
    }
}
