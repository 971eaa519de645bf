//! The fake org's management endpoints (submissions, the probe's reads) and
//! the dispatch to them and to [`super::oauth`]. Answers use Okta's shapes: `{errorCode,
//! errorSummary, errorLink, errorId, errorCauses}` for the management API,
//! `{error, error_description}` for OAuth.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{json, Value};

use super::oauth;
use super::schema::{check, check_items};
use super::wire::{Req, Resp};
use super::{State, Submission, API_TOKEN, SERVICE_CLIENT};

const SUBS: &str = "/integrations/api/v1/submissions";

pub fn okta_error(status: u16, code: &str, summary: &str) -> Resp {
    okta_error_causes(status, code, summary, &[])
}

pub fn okta_error_causes(status: u16, code: &str, summary: &str, causes: &[String]) -> Resp {
    let causes: Vec<Value> = causes.iter().map(|c| json!({"errorSummary": c})).collect();
    Resp::json(
        status,
        &json!({
            "errorCode": code,
            "errorSummary": summary,
            "errorLink": code,
            "errorId": "oaeTestErrorId",
            "errorCauses": causes,
        }),
    )
}

pub(super) fn oauth_error(status: u16, error: &str, description: &str) -> Resp {
    Resp::json(status, &json!({"error": error, "error_description": description}))
}

fn lock(state: &Arc<Mutex<State>>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn route(state: &Arc<Mutex<State>>, req: &Req) -> Resp {
    let mut s = lock(state);
    let path = req.path.as_str();
    match (req.method.as_str(), path) {
        ("GET", "/.well-known/openid-configuration") => oauth::discovery(&s),
        ("POST", "/oauth2/v1/device/authorize") => oauth::device_authorize(&mut s, req),
        ("GET", "/oauth2/v1/authorize") => oauth::authorize(&mut s, req),
        ("POST", "/oauth2/v1/token") => oauth::token(&mut s, req),
        ("POST", "/oauth2/v1/revoke") => oauth::revoke(&mut s, req),
        ("GET", p) if p.starts_with("/api/v1/") => probe(&mut s, req),
        (_, p) if p.starts_with(SUBS) => submissions(&mut s, req),
        ("GET", "/integrations/api/v1/api-services") => {
            match authorize_management(&s, req, "okta.oauthIntegrations.read") {
                Err(r) => r,
                Ok(()) => Resp::json(200, &json!([])),
            }
        }
        _ => okta_error(404, "E0000022", "The endpoint does not support the provided HTTP method"),
    }
}

pub(super) fn violation(s: &mut State, req: &Req, errors: Vec<String>) {
    for e in errors {
        s.violations.push(format!("{} {}: {e}", req.method, req.path));
    }
}

/// Bearer (with the scope) or SSWS; else Okta's 401/403.
fn authorize_management(s: &State, req: &Req, scope: &str) -> Result<(), Resp> {
    let h = req.header("authorization").unwrap_or_default();
    if h.strip_prefix("SSWS ") == Some(API_TOKEN) {
        return Ok(());
    }
    let invalid = || okta_error(401, "E0000011", "Invalid token provided");
    let t = h.strip_prefix("Bearer ").and_then(|t| s.tokens.get(t)).ok_or_else(invalid)?;
    if t.expired {
        return Err(invalid());
    }
    let manage = scope.replace(".read", ".manage");
    if t.scopes.iter().any(|x| *x == scope || *x == manage) {
        Ok(())
    } else {
        Err(okta_error(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        ))
    }
}

fn probe(s: &mut State, req: &Req) -> Resp {
    let resource = req.path.trim_start_matches("/api/v1/").split('/').next().unwrap_or_default();
    let h = req.header("authorization").unwrap_or_default();
    let Some(t) = h.strip_prefix("Bearer ").and_then(|t| s.tokens.get(t)).filter(|t| !t.expired)
    else {
        return okta_error(401, "E0000011", "Invalid token provided");
    };
    let has_scope = t.scopes.iter().any(|x| x.starts_with(&format!("okta.{resource}.")));
    if !has_scope {
        return okta_error(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        )
        .with_header(
            "WWW-Authenticate",
            "Bearer authorization_uri=\"x\", error=\"insufficient_scope\"",
        );
    }
    if t.client == SERVICE_CLIENT.0 && !s.service_roles.iter().any(|r| r == resource) {
        return okta_error(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        );
    }
    let body = json!([]);
    let schema = match resource {
        "users" => "User",
        "groups" => "Group",
        "logs" => "LogEvent",
        _ => "User",
    };
    let errs = check_items(schema, &body);
    s.violations.extend(errs);
    Resp::json(200, &body)
}

fn sniff_image(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(&[0xff, 0xd8, 0xff])
        || bytes.starts_with(b"GIF8")
}

/// The first file part of a multipart body: (field name, file name, bytes).
fn multipart_file(req: &Req) -> Option<(String, String, Vec<u8>)> {
    let ct = req.header("content-type")?;
    let boundary = ct.split("boundary=").nth(1)?.trim_matches('"');
    let delim = format!("--{boundary}");
    let body = &req.body;
    let start = find(body, delim.as_bytes())? + delim.len() + 2;
    let head_end = start + find(&body[start..], b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&body[start..head_end]).to_string();
    let data_start = head_end + 4;
    let data_end = data_start + find(&body[data_start..], format!("\r\n{delim}").as_bytes())?;
    let attr = |k: &str| {
        head.split(&format!("{k}=\"")).nth(1).and_then(|r| r.split('"').next()).map(str::to_owned)
    };
    Some((attr("name")?, attr("filename")?, body[data_start..data_end].to_vec()))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn submissions(s: &mut State, req: &Req) -> Resp {
    let write = req.method != "GET";
    let scope = if write { "okta.manifests.manage" } else { "okta.manifests.read" };
    if let Err(r) = authorize_management(s, req, scope) {
        return r;
    }
    let rest = req.path.trim_start_matches(SUBS).trim_start_matches('/').to_owned();
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    match (req.method.as_str(), parts.as_slice()) {
        ("GET", []) => list(s, req),
        ("POST", []) => put_submission(s, req, None),
        ("POST", ["logo"]) => match multipart_file(req) {
            Some((field, name, bytes))
                if field == "file" && sniff_image(&bytes) && bytes.len() < 1_000_000 =>
            {
                let id = s.next("fs0");
                s.logos.push((name, bytes));
                Resp::empty(201)
                    .with_header("Location", format!("{}/bc/image/fileStoreRecord?id={id}", s.base))
            }
            Some(_) => okta_error_causes(
                400,
                "E0000001",
                "Api validation failed: file",
                &["file: the logo must be a PNG, JPG or GIF under 1 MB".into()],
            ),
            None => {
                s.violations
                    .push("POST /submissions/logo: not a multipart body with a file".into());
                okta_error(400, "E0000001", "Api validation failed: file")
            }
        },
        (m, [id]) if !s.submissions.contains_key(*id) => {
            let _ = m;
            okta_error(
                404,
                "E0000007",
                &format!("Not found: Resource not found: {id} (Submission)"),
            )
        }
        ("GET", [id]) => respond_submission(s, id, 200),
        ("PUT", [id]) => put_submission(s, req, Some(id.to_string())),
        (_, [id, ..]) if !s.submissions.contains_key(*id) => okta_error(
            404,
            "E0000007",
            &format!("Not found: Resource not found: {id} (Submission)"),
        ),
        ("PUT", [id, "capabilities"]) => {
            put_part(s, req, id, "SubmissionCapabilities", |sub, v| sub.capabilities = Some(v))
        }
        ("PUT", [id, "capabilities", "api-service", "protocols", "oauth2"]) => {
            put_part(s, req, id, "ApiService", |sub, v| sub.api_service = Some(v))
        }
        ("GET", [id, "capabilities", "api-service", "protocols", "oauth2"]) => {
            match s.submissions[*id].api_service.clone() {
                Some(v) => Resp::json(200, &v),
                None => okta_error(
                    404,
                    "E0000007",
                    "Not found: Resource not found: api-service (Protocol)",
                ),
            }
        }
        ("PUT", [id, "testing"]) => {
            put_part(s, req, id, "TestInfo", |sub, v| sub.testing = Some(v))
        }
        ("POST", [id, "submit"]) => submit(s, id),
        _ => okta_error(404, "E0000022", "The endpoint does not support the provided HTTP method"),
    }
}

fn list(s: &mut State, req: &Req) -> Resp {
    let limit = req.q("limit").and_then(|l| l.parse().ok()).unwrap_or(s.page_size).min(s.page_size);
    let after = req.q("after").unwrap_or_default().to_owned();
    let all: Vec<(String, Value)> =
        s.submissions.iter().map(|(k, v)| (k.clone(), with_parts(v))).collect();
    let from = all.iter().position(|(k, _)| *k > after).unwrap_or(all.len());
    let page: Vec<Value> = all[from..].iter().take(limit).map(|(_, v)| v.clone()).collect();
    let body = Value::Array(page.clone());
    let errs = check_items("SubmissionResponseWithApiResponse", &body);
    s.violations.extend(errs.into_iter().map(|e| format!("list response: {e}")));
    let mut resp = Resp::json(200, &body);
    if from + limit < all.len() {
        let last = &all[from + limit - 1].0;
        resp = resp.with_header(
            "Link",
            format!("<{}{SUBS}?limit={limit}&after={last}>; rel=\"next\"", s.base),
        );
    }
    resp
}

fn put_submission(s: &mut State, req: &Req, id: Option<String>) -> Resp {
    let body = match req.json() {
        Ok(b) => b,
        Err(e) => {
            s.violations.push(format!("{} {}: {e}", req.method, req.path));
            return okta_error(400, "E0000003", "The request body was not well-formed.");
        }
    };
    let errs = check("SubmissionRequest", &body, true);
    if !errs.is_empty() {
        violation(s, req, errs.clone());
        return okta_error_causes(400, "E0000001", "Api validation failed: submission", &errs);
    }
    let logo = body["logo"].as_str().unwrap_or_default();
    if !logo.starts_with(&format!("{}/bc/image/", s.base)) {
        s.violations.push(format!(
            "{} {}: logo is not a URL this org returned: {logo}",
            req.method, req.path
        ));
    }
    let (id, status) = match id {
        Some(id) => {
            let status = s.submissions[&id].body["status"].clone();
            (id, status)
        }
        None => {
            let slug: String = body["name"]
                .as_str()
                .unwrap_or("app")
                .to_lowercase()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            (format!("acme_{slug}_{}", s.next("")), json!("New"))
        }
    };
    let mut stored = body.clone();
    stored["id"] = id.clone().into();
    stored["status"] = status;
    stored["lastUpdated"] = "2026-11-29T10:00:00.000Z".into();
    let created = !s.submissions.contains_key(&id);
    let entry = s.submissions.entry(id.clone()).or_insert(Submission {
        body: Value::Null,
        capabilities: None,
        api_service: None,
        testing: None,
        submits: 0,
    });
    entry.body = stored;
    respond_submission(s, &id, if created { 201 } else { 200 })
}

/// A submission as Okta returns it: its body with the capabilities and the
/// API service configuration that were set by their own requests.
fn with_parts(sub: &Submission) -> Value {
    let mut body = sub.body.clone();
    if let Some(caps) = sub.capabilities.as_ref().and_then(|c| c.get("capabilities")) {
        body["capabilities"] = caps.clone();
    }
    if let Some(api) = &sub.api_service {
        body["apiService"] = api.clone();
    }
    body
}

fn respond_submission(s: &mut State, id: &str, status: u16) -> Resp {
    let sub = &s.submissions[id];
    let body = with_parts(sub);
    let errs = check("SubmissionResponseWithApiResponse", &body, false);
    s.violations.extend(errs.into_iter().map(|e| format!("submission response: {e}")));
    Resp::json(status, &body)
}

fn put_part(
    s: &mut State,
    req: &Req,
    id: &str,
    schema: &str,
    set: impl FnOnce(&mut Submission, Value),
) -> Resp {
    let body = match req.json() {
        Ok(b) => b,
        Err(e) => {
            s.violations.push(format!("{} {}: {e}", req.method, req.path));
            return okta_error(400, "E0000003", "The request body was not well-formed.");
        }
    };
    let errs = check(schema, &body, true);
    if !errs.is_empty() {
        violation(s, req, errs.clone());
        return okta_error_causes(
            400,
            "E0000001",
            &format!("Api validation failed: {schema}"),
            &errs,
        );
    }
    let mut echo = body.clone();
    if let Some(sub) = s.submissions.get_mut(id) {
        set(sub, body);
    }
    if schema == "TestInfo" {
        // The answer never carries the password back.
        if let Some(a) = echo.get_mut("testAccount").and_then(Value::as_object_mut) {
            a.remove("password");
            a.insert("password".into(), "********".into());
        }
    }
    Resp::json(200, &echo)
}

fn submit(s: &mut State, id: &str) -> Resp {
    let sub = s.submissions.get_mut(id).expect("checked above");
    let status = sub.body["status"].as_str().unwrap_or_default().to_owned();
    if !matches!(status.as_str(), "New" | "ISV to review") {
        return okta_error_causes(
            400,
            "E0000001",
            "Api validation failed: submission",
            &[format!("The submission is already {status}.")],
        );
    }
    let mut missing = vec![];
    if sub.capabilities.is_none() {
        missing.push("capabilities: declare at least one capability".to_owned());
    }
    if sub.api_service.is_none() {
        missing.push("apiService: the API service configuration is missing".to_owned());
    }
    if sub.testing.is_none() {
        missing.push("testing: the testing information is missing".to_owned());
    }
    if !missing.is_empty() {
        return okta_error_causes(400, "E0000001", "Api validation failed: submission", &missing);
    }
    sub.submits += 1;
    sub.body["status"] = "OIN to review".into();
    Resp::empty(202)
}
