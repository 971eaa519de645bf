//! The schema check against the examples Okta refuses, and against a general
//! JSON Schema validator over generated bodies and addresses.
use super::*;
use serde_json::json;

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

/// What a validator found, comparable across the two: where, and which
/// keyword (with its limit, option list or property).
fn key(v: &Violation) -> (String, String) {
    let what = match &v.problem {
        Problem::MaxLength(n) => format!("maxLength {n}"),
        Problem::MinLength(n) => format!("minLength {n}"),
        Problem::Format(f) => format!("format {f}"),
        Problem::Enum(o) => format!("enum {o:?}"),
        Problem::Pattern(p) => format!("pattern {p}"),
        Problem::Required(p) => format!("required {p}"),
        Problem::Other(_) => "other".into(),
    };
    (v.pointer.clone(), what)
}

/// The general validator's violations, in the same terms.
fn general(name: &str, body: &Value) -> Vec<(String, String)> {
    use jsonschema::error::ValidationErrorKind as K;
    let root = json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": extract()["components"],
    });
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap();
    let mut out: Vec<(String, String)> = validator
        .iter_errors(body)
        .map(|e| {
            let at = e.instance_path().to_string();
            match e.kind() {
                K::MaxLength { limit } => (at, format!("maxLength {limit}")),
                K::MinLength { limit } => (at, format!("minLength {limit}")),
                K::Format { format } => (at, format!("format {format}")),
                K::Enum { options } => {
                    let o: Vec<String> = options
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|o| o.as_str().unwrap_or_default().to_owned())
                        .collect();
                    (at, format!("enum {o:?}"))
                }
                K::Required { property } => {
                    let p = property.as_str().unwrap().to_owned();
                    (format!("{at}/{}", escape(&p)), format!("required {p}"))
                }
                _ => (at, "other".into()),
            }
        })
        .collect();
    out.sort();
    out
}

fn ours(name: &str, body: &Value) -> Vec<(String, String)> {
    let mut out: Vec<_> = violations(name, body).iter().map(key).collect();
    out.sort();
    out
}

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Characters addresses go wrong with, and the ones they are made of.
const URI_CHARS: &[&str] = &[
    "a", "Z", "0", "9", "-", ".", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=",
    ":", "@", "/", "?", "#", "[", "]", "%", "%2", "%20", "%zz", " ", "ü", "{", "}", "|", "\\", "^",
    "`", "\"", "<", ">", "//", "::", "1.2.3.4", "[::1]", "[v1.x]", "\t", "é",
];

fn address(rng: &mut Rng) -> String {
    let starts = ["https://", "http://", "https:", "mailto:", "urn:", "", "h+t.p-s://", "1http://"];
    let mut s = starts[rng.below(starts.len())].to_owned();
    for _ in 0..rng.below(12) {
        s.push_str(URI_CHARS[rng.below(URI_CHARS.len())]);
    }
    s
}

#[test]
fn addresses_are_uris_exactly_when_a_general_validator_says_so() {
    let general = jsonschema::options()
        .should_validate_formats(true)
        .build(&json!({"type": "string", "format": "uri"}))
        .unwrap();
    let mut written: Vec<String> = [
        "https://acme.example/login",
        "https://acme.example:8443/a/b?c=d&e=f#g",
        "https://user:pw@acme.example/",
        "https://[::1]:80/",
        "https://[2001:db8::7]/",
        "https://[v7.fe80]/",
        "https://[1:2:3:4:5:6:7:8]/",
        "https://[::ffff:192.0.2.1]/",
        "https://[1:2:3:4:5:6:7:8:9]/",
        "https://[1.2.3.4::]/",
        "https://[::1/",
        "https://acme.example:80a/",
        "https://acme.example/%",
        "https://acme.example/%4",
        "https://acme.example/%41",
        "https://acme.example/a#b#c",
        "https://acme.example/a?b?c",
        "https:",
        "https:///path",
        "mailto:support@acme.example",
        "urn:isbn:0451450523",
        "acme.example",
        "//acme.example/",
        "1http://acme.example",
        "",
        ":",
        "https://acme.example/log in",
        "https://acme.example/anleitung-für-okta",
        "https://ac me.example/",
        "https://acme.example/{id}",
        "https://acme.example/a|b",
    ]
    .map(str::to_owned)
    .into();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    written.extend((0..20_000).map(|_| address(&mut rng)));
    let differ: Vec<&String> =
        written.iter().filter(|s| is_uri(s) != general.is_valid(&json!(s))).collect();
    assert!(differ.is_empty(), "is_uri and the general validator differ on {differ:?}");
}

/// One instance of `schema` that is mostly right and sometimes wrong: missing
/// properties, wrong types, strings at and over their limits, odd addresses.
fn instance(schema: &Value, rng: &mut Rng, depth: usize) -> Value {
    let merged = merged(schema);
    let get = |k: &str| merged.iter().find_map(|s| s.get(k));
    if rng.chance(5) || depth > 6 {
        let wrong = [json!(null), json!(7), json!("x"), json!(true), json!([]), json!({})];
        return wrong[rng.below(wrong.len())].clone();
    }
    if let Some(branches) = get("oneOf").and_then(Value::as_array) {
        return instance(&branches[rng.below(branches.len())], rng, depth + 1);
    }
    if let Some(options) = get("enum").and_then(Value::as_array) {
        return if rng.chance(80) {
            options[rng.below(options.len())].clone()
        } else {
            json!("NOT_AN_OPTION")
        };
    }
    match get("type").and_then(Value::as_str) {
        Some("object") | None if merged.iter().any(|s| s.get("properties").is_some()) => {
            let mut object = serde_json::Map::new();
            for s in &merged {
                for (k, sub) in s.get("properties").and_then(Value::as_object).into_iter().flatten()
                {
                    if rng.chance(75) {
                        object.insert(k.clone(), instance(sub, rng, depth + 1));
                    }
                }
            }
            Value::Object(object)
        }
        Some("array") => {
            let item = get("items").cloned().unwrap_or(json!({}));
            Value::Array((0..rng.below(3)).map(|_| instance(&item, rng, depth + 1)).collect())
        }
        Some("boolean") => json!(rng.chance(50)),
        Some("number") | Some("integer") => {
            let max = get("maximum").and_then(Value::as_i64).unwrap_or(100);
            json!([-1, 0, max, max + 1, 7][rng.below(5)])
        }
        Some("string") => {
            if get("format").and_then(Value::as_str) == Some("uri") {
                return json!(address(rng));
            }
            let limit = get("maxLength").and_then(Value::as_u64).unwrap_or(20) as usize;
            let n = [0, 1, limit.saturating_sub(1), limit, limit + 1][rng.below(5)];
            json!(["a", "ü", "💡"][rng.below(3)].repeat(n))
        }
        _ => json!({}),
    }
}

/// A schema with what its `allOf` and `$ref` bring, as a list of objects.
fn merged(schema: &Value) -> Vec<&Value> {
    let mut out = vec![schema];
    let mut i = 0;
    while i < out.len() {
        let s = out[i];
        for sub in s.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            out.push(sub);
        }
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            out.push(extract().pointer(r.trim_start_matches('#')).unwrap());
        }
        i += 1;
    }
    out
}

#[test]
fn agrees_with_a_general_validator() {
    let schemas = extract()["components"]["schemas"].as_object().unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut violations_seen = 0;
    for (name, schema) in schemas {
        for _ in 0..150 {
            let body = instance(schema, &mut rng, 0);
            let (a, b) = (ours(name, &body), general(name, &body));
            assert_eq!(a, b, "{name}: {body}");
            violations_seen += a.len();
        }
    }
    assert!(violations_seen > 500, "the generated bodies break the schemas often enough");
}

#[test]
fn the_extract_uses_only_the_keywords_checked_here() {
    const ANNOTATIONS: [&str; 7] =
        ["description", "example", "readOnly", "default", "discriminator", "title", "deprecated"];
    fn walk(schema: &Value, at: &str) {
        let Some(s) = schema.as_object() else { return };
        for (k, v) in s {
            let known = CHECKED.contains(&k.as_str())
                || ANNOTATIONS.contains(&k.as_str())
                || k.starts_with("x-");
            assert!(known, "{at}: the keyword {k} isn't checked by okta/schema.rs");
            match k.as_str() {
                "properties" => v
                    .as_object()
                    .unwrap()
                    .iter()
                    .for_each(|(p, sub)| walk(sub, &format!("{at}/{p}"))),
                "items" => walk(v, &format!("{at}/items")),
                "allOf" => v.as_array().unwrap().iter().for_each(|sub| walk(sub, at)),
                _ => {}
            }
        }
    }
    for (name, schema) in extract()["components"]["schemas"].as_object().unwrap() {
        walk(schema, name);
    }
}
