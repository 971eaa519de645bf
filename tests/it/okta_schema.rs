//! Okta's schema is the floor of the precheck. The constraints are read from
//! Okta's own OpenAPI file (`fixtures/okta/okta-oin-subset.yaml`), not from a
//! hand-copied list: for every constraint of the request bodies a submit
//! sends, a draft that breaks it must get a precheck error on the field it
//! comes from. A constraint no field maps to fails until someone decides
//! (the `DECIDED` list, each with its reason). Also: the extract core checks
//! against is Okta's, and a body Okta would refuse sends nothing.

use std::collections::BTreeSet;

use oin_core::library::Library;
use oin_core::okta::body::bodies;
use oin_core::rules::{CalendarDate, Severity};
use oin_core::secrets::{MemorySecretStore, Sensitive};
use oin_core::store::Store;
use serde_json::{json, Map, Value};

const SPEC: &str = include_str!("../fixtures/okta/okta-oin-subset.yaml");

/// The request bodies a submit sends, by the schema Okta names for each.
const ROOTS: &[&str] = &["SubmissionRequest", "SubmissionCapabilities", "ApiService", "TestInfo"];

/// Constraints no draft field feeds, each with the decision taken and why.
const DECIDED: &[(&str, &str, &str)] = &[
    ("SubmissionRequest", "/sso", "OIN Studio submits API service integrations only: no SSO block is sent"),
    ("SubmissionRequest", "/provisioning", "no provisioning block is sent"),
    ("SubmissionRequest", "/authSettings", "no auth settings are sent (client secret is the only method)"),
    ("SubmissionRequest", "/capabilities", "capabilities go by their own request (SubmissionCapabilities)"),
    ("SubmissionRequest", "/globalTokenRevocation", "not sent"),
    ("SubmissionRequest", "/appContactDetails/*/contact", "a contact is sent only with its value (an empty one is left out)"),
    ("SubmissionRequest", "/appContactDetails/*/contactType", "set by OIN Studio: CUSTOMER_SUPPORT or ESCALATION_SUPPORT by the field"),
    ("SubmissionRequest", "/appContactDetails/*/contactValueType", "set from the contact's kind, which the draft types as email, URL or phone"),
    ("SubmissionCapabilities", "/capabilities", "fixed by OIN Studio: API_SERVICE over OAUTH2"),
    ("ApiService", "/authenticationMethod", "fixed by OIN Studio: client_secret_basic, the only method"),
    ("TestInfo", "/oidcTestConfiguration", "not an OIDC integration: not sent"),
    ("TestInfo", "/samlTestConfiguration", "not a SAML integration: not sent"),
    ("TestInfo", "/scimTestConfiguration", "not a SCIM integration: not sent"),
    ("TestInfo", "/testAccount/password", "the keychain value never leaves Rust: checked where it is set (the password test below) and before sending"),
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    MaxLength(u64),
    MinLength(u64),
    Format(String),
    Enum,
    Pattern,
    Required,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Constraint {
    root: &'static str,
    /// Instance pointer, `*` for any array item.
    pointer: String,
    kind: Kind,
}

fn spec() -> Value {
    serde_yaml::from_str(SPEC).expect("Okta's spec parses")
}

fn resolve<'a>(schemas: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => &schemas[r.rsplit('/').next().unwrap()],
        None => s,
    }
}

/// Walks a request schema, collecting every constraint with its instance pointer.
fn walk(
    schemas: &Value,
    s: &Value,
    root: &'static str,
    at: &str,
    seen: &mut Vec<String>,
    out: &mut BTreeSet<Constraint>,
) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let key = format!("{at}|{r}");
        if seen.contains(&key) || seen.len() > 40 {
            return;
        }
        seen.push(key);
        walk(schemas, resolve(schemas, s), root, at, seen, out);
        seen.pop();
        return;
    }
    if s.get("readOnly") == Some(&Value::Bool(true)) {
        return; // never in a request
    }
    let add = |kind: Kind, out: &mut BTreeSet<Constraint>| {
        out.insert(Constraint { root, pointer: at.to_owned(), kind });
    };
    if let Some(n) = s.get("maxLength").and_then(Value::as_u64) {
        add(Kind::MaxLength(n), out);
    }
    if let Some(n) = s.get("minLength").and_then(Value::as_u64) {
        add(Kind::MinLength(n), out);
    }
    if let Some(f) = s.get("format").and_then(Value::as_str) {
        add(Kind::Format(f.to_owned()), out);
    }
    if s.get("enum").is_some() {
        add(Kind::Enum, out);
    }
    if s.get("pattern").is_some() {
        add(Kind::Pattern, out);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for sub in s.get(key).and_then(Value::as_array).into_iter().flatten() {
            walk(schemas, sub, root, at, seen, out);
        }
    }
    for prop in s.get("required").and_then(Value::as_array).into_iter().flatten() {
        let p = prop.as_str().unwrap();
        out.insert(Constraint { root, pointer: format!("{at}/{p}"), kind: Kind::Required });
    }
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            walk(schemas, sub, root, &format!("{at}/{name}"), seen, out);
        }
    }
    if let Some(items) = s.get("items") {
        walk(schemas, items, root, &format!("{at}/*"), seen, out);
    }
}

fn constraints() -> BTreeSet<Constraint> {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let mut out = BTreeSet::new();
    for root in ROOTS {
        walk(schemas, &schemas[*root], root, "", &mut Vec::new(), &mut out);
    }
    // A required property the schema marks read-only isn't sent.
    out.retain(|c| c.kind != Kind::Required || !c.pointer.ends_with("/id"));
    out
}

fn decided(c: &Constraint) -> Option<&'static str> {
    if c.pointer == "/logo" && matches!(c.kind, Kind::Format(_)) {
        return Some("the logo's URL is the Location Okta answers the upload with; checked when it comes back");
    }
    DECIDED
        .iter()
        .find(|(root, prefix, _)| {
            *root == c.root
                && (c.pointer == *prefix || c.pointer.starts_with(&format!("{prefix}/")))
        })
        .map(|(_, _, why)| *why)
}

fn pattern(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|seg| if seg.parse::<usize>().is_ok() { "*" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/drafts").join(name)
}

const NOW: i64 = 1_796_000_000_000; // 2026-11-30

/// A draft with a value in every field a body can carry: two contacts, a tenant setting.
fn full_draft() -> (tempfile::TempDir, Library, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("oin-studio.db")).unwrap();
    let mut lib = Library::new(store, std::sync::Arc::new(MemorySecretStore::default()), None);
    let id = lib.import(&fixture("complete-api.oin.json"), NOW).unwrap().id;
    let mut d = lib.draft(&id).unwrap();
    d.tenant_settings = vec![oin_core::draft::TenantVariable {
        label: Some("Subdomain".into()),
        name: Some("subdomain".into()),
    }];
    lib.save(&id, &d, NOW).unwrap();
    lib.set_password(&id, Sensitive::new("pw-canary".into()), NOW).unwrap();
    (dir, lib, id)
}

/// Sets the text at a dotted draft path (index 0 for `*`).
fn set(d: &oin_core::Draft, path: &str, value: Value) -> oin_core::Draft {
    let mut json = serde_json::to_value(d).unwrap();
    let pointer = format!("/{}", path.replace('.', "/"));
    *json.pointer_mut(&pointer).unwrap_or_else(|| panic!("{path} is in the draft")) = value;
    serde_json::from_value(json).unwrap()
}

/// A value that breaks `kind` for the field at `path`.
fn breaking(path: &str, kind: &Kind) -> Value {
    let url_like = path.ends_with("url") || path.ends_with("Url") || path.ends_with("Uri");
    match kind {
        Kind::MaxLength(n) if url_like => {
            json!(format!("https://acme.example/{}", "a".repeat(*n as usize)))
        }
        Kind::MaxLength(n) if path.contains("escalation") => {
            json!(format!("{}@acme.example", "a".repeat(*n as usize)))
        }
        Kind::MaxLength(n) => json!("a".repeat(*n as usize + 1)),
        Kind::MinLength(_) | Kind::Required => Value::Null,
        Kind::Format(f) if f == "uri" => json!("https://acme.example/docs/okta setup für admins"),
        other => panic!("no way to break {other:?} at {path}: decide it in DECIDED"),
    }
}

#[test]
fn every_schema_constraint_a_field_feeds_is_a_precheck_error_on_that_field() {
    let all = constraints();
    let (_dir, lib, id) = full_draft();
    let d = lib.draft(&id).unwrap();
    let sent = bodies(&d, true);
    let mut origins: Vec<(&str, String, String)> = Vec::new();
    for b in sent.all() {
        for (pointer, field) in b.origins() {
            origins.push((b.schema, pattern(pointer), pattern(field)));
        }
    }
    let mut mapped = Vec::new();
    let mut undecided = Vec::new();
    let mut decided_n = 0;
    for c in &all {
        if decided(c).is_some() {
            decided_n += 1;
            continue;
        }
        let field = origins
            .iter()
            .filter(|(root, p, _)| {
                *root == c.root && (c.pointer == *p || c.pointer.starts_with(&format!("{p}/")))
            })
            .max_by_key(|(_, p, _)| p.len());
        match field {
            Some((_, p, f)) if *p == c.pointer => mapped.push((c.clone(), f.clone())),
            _ => undecided.push(c.clone()),
        }
    }
    assert!(
        undecided.is_empty(),
        "Okta's schema has constraints no draft field maps to; map them in okta/body.rs or decide them here: {undecided:#?}"
    );
    let today = CalendarDate::from_unix_millis(NOW);
    assert!(lib.check(&id, &d, today).can_submit, "the full draft passes");
    for (c, field) in &mapped {
        let path = field.replace('*', "0");
        let broken = set(&d, &path, breaking(&path, &c.kind));
        let report = lib.check(&id, &broken, today);
        let on_field = report.issues.iter().any(|i| {
            i.severity == Severity::Error
                && (i.path == path || i.path.starts_with(&format!("{path}.")))
        });
        assert!(
            on_field,
            "{} {} {:?}: a draft that breaks it gets no error on {path}: {:?}",
            c.root,
            c.pointer,
            c.kind,
            report.issues.iter().map(|i| (&i.rule, &i.path)).collect::<Vec<_>>()
        );
        assert!(!report.can_submit, "{path}: a draft Okta's schema refuses can't be submitted");
    }
    // The count goes into the closing note: found, mapped to a field, decided.
    println!(
        "Okta schema constraints in the request bodies: {} found, {} mapped to a field, {decided_n} decided",
        all.len(),
        mapped.len()
    );
    for (c, field) in &mapped {
        println!("  {} {} {:?} -> {field}", c.root, c.pointer, c.kind);
    }
    assert!(mapped.len() >= 10, "the mapping covers the fields the bodies carry: {mapped:#?}");
}

#[test]
fn a_password_okta_would_refuse_is_refused_where_it_is_set() {
    let (_dir, mut lib, id) = full_draft();
    let err = lib.set_password(&id, Sensitive::new("p".repeat(256)), NOW).unwrap_err();
    assert!(err.to_string().contains("256 characters"), "{err}");
    assert!(!err.to_string().contains(&"p".repeat(20)), "the message never holds the password");
    lib.set_password(&id, Sensitive::new("p".repeat(255)), NOW).expect("255 is Okta's limit");
}

/// The request schemas core checks against are exactly Okta's: the closure of
/// the four request schemas in the spec, unchanged.
#[test]
fn core_s_schema_extract_is_okta_s() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<String> = ROOTS.iter().map(|s| (*s).to_owned()).collect();
    while let Some(n) = todo.pop() {
        if !names.insert(n.clone()) {
            continue;
        }
        let text = serde_json::to_string(&schemas[&n]).unwrap();
        for part in text.split("#/components/schemas/").skip(1) {
            todo.push(part.split('"').next().unwrap().to_owned());
        }
    }
    let want: Map<String, Value> = names.iter().map(|n| (n.clone(), schemas[n].clone())).collect();
    let got = &oin_core::okta::schema::extract()["components"]["schemas"];
    assert_eq!(
        got,
        &Value::Object(want),
        "core/src/okta/oin-requests.json differs from Okta's spec: extract it again"
    );
}
