//! Okta's own request schemas for the bodies OIN Studio sends
//! (`oin-requests.json`: SubmissionRequest, SubmissionCapabilities, ApiService,
//! TestInfo and what they reference, extracted from Okta's published OpenAPI
//! spec, https://github.com/okta/okta-management-openapi-spec, Apache-2.0; a
//! test in `tests/` checks the extract against the whole spec). A body that
//! breaks them is never sent, and the precheck reports it on the field.
//!
//! The extract uses few of JSON Schema's keywords (`type`, `properties`,
//! `additionalProperties`, `required`, `items`, `minItems`, `enum`,
//! `maxLength`, `minLength`, `minimum`, `maximum`, `format: uri`, `allOf`,
//! `oneOf`, `$ref`; the rest are annotations), so they are
//! checked here, in a page of code, rather than by a general validator (1.6 MB
//! of the release binary, `cargo bloat`). A general one — `jsonschema`, Draft
//! 2020-12, formats on, as the local Okta server in `tests/` uses — checks this
//! one: the same violations for every schema of the extract over generated
//! bodies and addresses (`agrees_with_a_general_validator`), and a test
//! fails if the extract ever uses a keyword this file doesn't know.

use std::sync::OnceLock;

use serde_json::Value;

const EXTRACT: &str = include_str!("oin-requests.json");

/// The extract as JSON, for tests that walk it.
pub fn extract() -> &'static Value {
    static JSON: OnceLock<Value> = OnceLock::new();
    JSON.get_or_init(|| serde_json::from_str(EXTRACT).expect("oin-requests.json is JSON"))
}

/// The keywords `violations` checks; every other one in the extract is an
/// annotation (a description, an example, OpenAPI's `discriminator`…).
pub const CHECKED: [&str; 15] = [
    "type",
    "properties",
    "additionalProperties",
    "minimum",
    "maximum",
    "oneOf",
    "required",
    "items",
    "minItems",
    "enum",
    "maxLength",
    "minLength",
    "format",
    "allOf",
    "$ref",
];

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
    let schema = &extract()["components"]["schemas"][name];
    assert!(schema.is_object(), "Okta's schema {name} is in the extract");
    let mut out = Vec::new();
    check(schema, body, "", &mut out);
    out
}

fn check(schema: &Value, value: &Value, at: &str, out: &mut Vec<Violation>) {
    let Some(s) = schema.as_object() else { return };
    let mut push = |pointer: String, problem| out.push(Violation { pointer, problem });
    if let Some(t) = s.get("type").and_then(Value::as_str) {
        if !of_type(t, value) {
            push(at.to_owned(), Problem::Other(format!("{value} is not of type \"{t}\"")));
        }
    }
    if let Some(options) = s.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            let words = options.iter().map(|o| o.as_str().unwrap_or_default().to_owned());
            push(at.to_owned(), Problem::Enum(words.collect()));
        }
    }
    if let Some(text) = value.as_str() {
        // JSON Schema counts characters (code points), not bytes.
        let n = text.chars().count() as u64;
        if let Some(max) = s.get("maxLength").and_then(Value::as_u64).filter(|max| n > *max) {
            push(at.to_owned(), Problem::MaxLength(max));
        }
        if let Some(min) = s.get("minLength").and_then(Value::as_u64).filter(|min| n < *min) {
            push(at.to_owned(), Problem::MinLength(min));
        }
        if s.get("format").and_then(Value::as_str) == Some("uri") && !is_uri(text) {
            push(at.to_owned(), Problem::Format("uri".into()));
        }
    }
    if let Some(object) = value.as_object() {
        for p in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            let p = p.as_str().unwrap_or_default();
            if !object.contains_key(p) {
                push(format!("{at}/{}", escape(p)), Problem::Required(p.to_owned()));
            }
        }
    }
    if let Some(n) = value.as_f64() {
        if let Some(min) = s.get("minimum").and_then(Value::as_f64).filter(|min| n < *min) {
            push(
                at.to_owned(),
                Problem::Other(format!("{value} is less than the minimum of {min}")),
            );
        }
        if let Some(max) = s.get("maximum").and_then(Value::as_f64).filter(|max| n > *max) {
            push(
                at.to_owned(),
                Problem::Other(format!("{value} is greater than the maximum of {max}")),
            );
        }
    }
    if let Some(items) = value.as_array() {
        if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                push(at.to_owned(), Problem::Other(format!("{value} has fewer than {min} items")));
            }
        }
    }
    if let Some(object) = value.as_object() {
        let properties = s.get("properties").and_then(Value::as_object);
        for (key, v) in object {
            let here = format!("{at}/{}", escape(key));
            match (properties.and_then(|p| p.get(key)), s.get("additionalProperties")) {
                (Some(sub), _) => check(sub, v, &here, out),
                (None, Some(Value::Bool(false))) => out.push(Violation {
                    pointer: at.to_owned(),
                    problem: Problem::Other(format!("“{key}” is not a property it takes")),
                }),
                (None, Some(sub)) => check(sub, v, &here, out),
                (None, None) => {}
            }
        }
    }
    if let (Some(items), Some(sub)) = (value.as_array(), s.get("items")) {
        for (i, v) in items.iter().enumerate() {
            check(sub, v, &format!("{at}/{i}"), out);
        }
    }
    for sub in s.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        check(sub, value, at, out);
    }
    if let Some(branches) = s.get("oneOf").and_then(Value::as_array) {
        let fits = branches
            .iter()
            .filter(|b| {
                let mut none = Vec::new();
                check(b, value, at, &mut none);
                none.is_empty()
            })
            .count();
        if fits != 1 {
            let problem =
                Problem::Other(format!("it fits {fits} of the {} forms, not one", branches.len()));
            out.push(Violation { pointer: at.to_owned(), problem });
        }
    }
    if let Some(target) = s.get("$ref").and_then(Value::as_str) {
        let target = target.strip_prefix('#').and_then(|p| extract().pointer(p));
        check(target.expect("every $ref of the extract points into it"), value, at, out);
    }
}

fn of_type(t: &str, v: &Value) -> bool {
    match t {
        "string" => v.is_string(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "boolean" => v.is_boolean(),
        "number" => v.is_number(),
        "integer" => v.as_f64().is_some_and(|f| f.fract() == 0.0),
        "null" => v.is_null(),
        _ => true,
    }
}

/// A JSON pointer's reference token (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// RFC 3986's `URI`: scheme ":" hier-part [ "?" query ] [ "#" fragment ].
/// ASCII only (an ü or a space must be percent-encoded).
pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut sc = scheme.chars();
    if !sc.next().is_some_and(|c| c.is_ascii_alphabetic())
        || !sc.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return false;
    }
    let (rest, fragment) = match rest.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (rest, None),
    };
    let (hier, query) = match rest.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (rest, None),
    };
    let tail_ok = |t: &str| encoded_of(t, |c| pchar(c) || c == '/' || c == '?');
    if !query.is_none_or(tail_ok) || !fragment.is_none_or(tail_ok) {
        return false;
    }
    let path = match hier.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            if !authority(&after[..end]) {
                return false;
            }
            &after[end..]
        }
        None => hier,
    };
    // Without an authority a path can't start with "//" (it can't here: that
    // would have been one).
    encoded_of(path, |c| pchar(c) || c == '/')
}

/// [ userinfo "@" ] host [ ":" port ]
fn authority(a: &str) -> bool {
    let (userinfo, hostport) = match a.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, a),
    };
    if !userinfo.is_none_or(|u| encoded_of(u, |c| unreserved(c) || sub_delim(c) || c == ':')) {
        return false;
    }
    let (host, port) = if let Some(literal) = hostport.strip_prefix('[') {
        let Some((inside, after)) = literal.split_once(']') else { return false };
        if !ip_literal(inside) {
            return false;
        }
        match after {
            "" => ("", None),
            p => match p.strip_prefix(':') {
                Some(port) => ("", Some(port)),
                None => return false,
            },
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    port.is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && encoded_of(host, |c| unreserved(c) || sub_delim(c))
}

/// IPv6address / IPvFuture, loosely: hex digits, colons and dots, or "v…".
fn ip_literal(inside: &str) -> bool {
    if let Some(future) = inside.strip_prefix(['v', 'V']) {
        return future.split_once('.').is_some_and(|(hex, rest)| {
            !hex.is_empty()
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
                && !rest.is_empty()
                && rest.chars().all(|c| unreserved(c) || sub_delim(c) || c == ':')
        });
    }
    ipv6(inside)
}

/// RFC 3986's IPv6address: eight 16-bit pieces (the last two may be an IPv4
/// address), or fewer with one "::".
fn ipv6(s: &str) -> bool {
    let pieces_of = |part: &str| -> Vec<String> {
        if part.is_empty() {
            return Vec::new();
        }
        part.split(':').map(str::to_owned).collect()
    };
    let (head, tail, compressed) = match s.split_once("::") {
        Some((h, t)) => (h, t, true),
        None => (s, "", false),
    };
    let mut all = pieces_of(head);
    all.extend(pieces_of(tail));
    let tail = pieces_of(tail);
    let mut count = 0;
    for (i, p) in all.iter().enumerate() {
        if i == all.len() - 1 && p.contains('.') && (!compressed || !tail.is_empty()) {
            if !ipv4(p) {
                return false;
            }
            count += 2;
        } else if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        } else {
            count += 1;
        }
    }
    if compressed {
        count < 8 && !s.contains(":::") && s.matches("::").count() == 1
    } else {
        count == 8
    }
}

fn ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// Every character of `s` is allowed by `ok` or is a "%" with two hex digits.
fn encoded_of(s: &str, ok: impl Fn(char) -> bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if !(i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit()) {
                return false;
            }
            i += 3;
        } else if ok(char::from(b[i])) && b[i].is_ascii() {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fn unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~".contains(c)
}

fn sub_delim(c: char) -> bool {
    "!$&'()*+,;=".contains(c)
}

fn pchar(c: char) -> bool {
    unreserved(c) || sub_delim(c) || c == ':' || c == '@'
}

#[cfg(test)]
mod tests;
