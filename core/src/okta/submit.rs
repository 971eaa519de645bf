//! Submitting an API service integration through the "Your OIN Integrations"
//! API (reference §7, schema in okta-oin-subset.yaml): a [`Plan`] of the exact
//! requests — what the user confirms, what `oin submit --dry-run` prints, and
//! what [`execute`] sends. Sending is idempotent per draft: a known submission
//! id is replaced, never created again, and a create whose answer was lost is
//! found again by name before anything else is sent.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use super::http::{Body, Request};
use super::remote::{get, list, RemoteSubmission};
use super::{Okta, OktaError, SUBMISSIONS};
use crate::draft::{ContactKind, Draft, IntegrationType};
use crate::lifecycle::SubmissionStatus;
use crate::secrets::Sensitive;

const PASSWORD_MARK: &str = "${testAccount.password}";
const LOGO_MARK: &str = "${logo}";
const ID_MARK: &str = "{submissionId}";
/// What the preview shows instead of the password.
pub const MASK: &str = "••••••••";

/// What one request carries.
#[derive(Clone)]
enum StepBody {
    None,
    Json(Value),
    Logo { file_name: String, content_type: String, bytes: Vec<u8> },
}

#[derive(Clone)]
struct Step {
    label: &'static str,
    method: &'static str,
    path: String,
    body: StepBody,
}

/// One request as the user sees it before confirming (password masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepPreview {
    pub label: String,
    pub method: String,
    pub path: String,
    /// Pretty JSON, or a description of the file for the logo upload.
    pub body: Option<String>,
}

/// The requests that submit one draft, in order.
#[derive(Clone)]
pub struct Plan {
    steps: Vec<Step>,
    password: Option<Sensitive<String>>,
}

/// The logo file to upload: name and bytes.
pub struct LogoFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The request body of `createSubmission`/`replaceSubmission` (SubmissionRequest).
fn submission_body(d: &Draft) -> Value {
    let mut contacts: Vec<Value> = d
        .support
        .contacts
        .iter()
        .filter_map(|c| {
            let kind = match c.kind {
                ContactKind::Email => "EMAIL",
                ContactKind::Url => "URL",
                ContactKind::Phone => "PHONE",
            };
            text(&c.value).map(|v| {
                json!({"contactType": "CUSTOMER_SUPPORT", "contactValueType": kind, "contact": v})
            })
        })
        .collect();
    if let Some(e) = text(&d.support.escalation_contact) {
        contacts.push(
            json!({"contactType": "ESCALATION_SUPPORT", "contactValueType": "EMAIL", "contact": e}),
        );
    }
    json!({
        "name": text(&d.app_info.app_name).unwrap_or_default(),
        "description": text(&d.app_info.description).unwrap_or_default(),
        "logo": LOGO_MARK,
        "appContactDetails": contacts,
    })
}

fn testing_body(d: &Draft, has_password: bool) -> Value {
    let mut body = serde_json::Map::new();
    if let Some(e) = text(&d.support.escalation_contact) {
        body.insert("escalationSupportContact".into(), e.into());
    }
    if let Some(r) = text(&d.api_service.scope_reason) {
        body.insert("apiServiceTestConfiguration".into(), json!({"scopeExplanation": r}));
    }
    let t = &d.test_account;
    if let (Some(url), Some(user), true) = (text(&t.url), text(&t.username), has_password) {
        let mut account = json!({"url": url, "username": user, "password": PASSWORD_MARK});
        if let Some(i) = text(&t.instructions) {
            account["instructions"] = i.into();
        }
        body.insert("testAccount".into(), account);
    }
    Value::Object(body)
}

fn content_type(file_name: &str) -> &'static str {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        "image/jpeg"
    } else if lower.ends_with(".gif") {
        "image/gif"
    } else {
        "image/png"
    }
}

impl Plan {
    /// The requests for `draft`. The caller has checked that the precheck is
    /// clean; this refuses only what can't be sent at all.
    pub fn new(
        draft: &Draft,
        password: Option<Sensitive<String>>,
        logo: Option<LogoFile>,
    ) -> Result<Self, OktaError> {
        if draft.integration_type != IntegrationType::ApiService {
            return Err(OktaError::Refused(
                "Workflows connectors are submitted in the OIN Manager, which has no API. Use \
                 \"Submit in the OIN Manager\"."
                    .into(),
            ));
        }
        let logo = logo.ok_or_else(|| {
            OktaError::Refused("Add a logo first: Okta requires one with the submission.".into())
        })?;
        let password = password.filter(|p| !p.expose().is_empty());
        let sub = format!("{SUBMISSIONS}/{ID_MARK}");
        let guide = text(&draft.api_service.config_guide_url);
        let mut api = json!({
            "scopes": draft.api_service.scopes,
            "authenticationMethod": "client_secret_basic",
        });
        if let Some(g) = guide {
            api["setupInstructionsUri"] = g.into();
        }
        let steps = vec![
            Step {
                label: "Upload the logo",
                method: "POST",
                path: format!("{SUBMISSIONS}/logo"),
                body: StepBody::Logo {
                    content_type: content_type(&logo.file_name).into(),
                    file_name: logo.file_name,
                    bytes: logo.bytes,
                },
            },
            Step {
                label: "Create or replace the submission",
                method: "POST",
                path: SUBMISSIONS.into(),
                body: StepBody::Json(submission_body(draft)),
            },
            Step {
                label: "Declare the API service capability",
                method: "PUT",
                path: format!("{sub}/capabilities"),
                body: StepBody::Json(json!({"capabilities": [
                    {"capability": "API_SERVICE", "supportedProtocols": ["OAUTH2"]}
                ]})),
            },
            Step {
                label: "Set the API service configuration",
                method: "PUT",
                path: format!("{sub}/capabilities/api-service/protocols/oauth2"),
                body: StepBody::Json(api),
            },
            Step {
                label: "Set the testing information",
                method: "PUT",
                path: format!("{sub}/testing"),
                body: StepBody::Json(testing_body(draft, password.is_some())),
            },
            Step {
                label: "Submit for review",
                method: "POST",
                path: format!("{sub}/submit"),
                body: StepBody::None,
            },
        ];
        Ok(Self { steps, password })
    }

    /// Every request, password masked; `known_id` fills the submission id in
    /// (the create becomes a replace).
    pub fn preview(&self, known_id: Option<&str>) -> Vec<StepPreview> {
        self.steps
            .iter()
            .map(|s| {
                let (method, path) = resolve(s, known_id);
                let body = match &s.body {
                    StepBody::None => None,
                    StepBody::Json(v) => {
                        let masked = replace_marks(v, MASK, "(the URL Okta returns for the logo)");
                        serde_json::to_string_pretty(&masked).ok()
                    }
                    StepBody::Logo { file_name, content_type, bytes } => Some(format!(
                        "multipart/form-data: file = {file_name} ({content_type}, {} bytes)",
                        bytes.len()
                    )),
                };
                StepPreview { label: s.label.into(), method: method.into(), path, body }
            })
            .collect()
    }
}

fn resolve(step: &Step, id: Option<&str>) -> (&'static str, String) {
    match (step.path == SUBMISSIONS && step.method == "POST", id) {
        (true, Some(id)) => ("PUT", format!("{SUBMISSIONS}/{id}")),
        _ => (step.method, step.path.replace(ID_MARK, id.unwrap_or(ID_MARK))),
    }
}

fn replace_marks(v: &Value, password: &str, logo: &str) -> Value {
    match v {
        Value::String(s) if s == PASSWORD_MARK => Value::String(password.to_owned()),
        Value::String(s) if s == LOGO_MARK => Value::String(logo.to_owned()),
        Value::Array(a) => {
            Value::Array(a.iter().map(|x| replace_marks(x, password, logo)).collect())
        }
        Value::Object(m) => Value::Object(
            m.iter().map(|(k, x)| (k.clone(), replace_marks(x, password, logo))).collect(),
        ),
        other => other.clone(),
    }
}

/// What a finished submit gives back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Submitted {
    pub remote_id: String,
    pub okta_status: Option<String>,
}

/// Sends the plan. `known_id`: the submission this draft already has in the
/// org. `on_id` is called as soon as the id is known, before anything else is
/// sent, so the caller can keep it (a retry then replaces instead of creating).
/// `progress(step, total, label)` is called before each request.
pub fn execute(
    okta: &Okta,
    plan: &Plan,
    known_id: Option<&str>,
    name: &str,
    on_id: &mut dyn FnMut(&str) -> Result<(), OktaError>,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> Result<Submitted, OktaError> {
    let total = plan.steps.len();
    let mut id = known_id.map(str::to_owned);
    let mut logo_url = String::new();
    for (i, step) in plan.steps.iter().enumerate() {
        progress(i + 1, total, step.label);
        match &step.body {
            StepBody::Logo { file_name, content_type, bytes } => {
                let req = Request {
                    body: Body::File {
                        field: "file".into(),
                        file_name: file_name.clone(),
                        content_type: content_type.clone(),
                        bytes: bytes.clone(),
                    },
                    ..Request::new("POST", okta.org().join(&step.path))
                };
                let resp = okta.call(req)?;
                logo_url = resp
                    .header("location")
                    .filter(|u| url::Url::parse(u).is_ok())
                    .ok_or_else(|| OktaError::Malformed {
                        status: resp.status,
                        detail: "the logo upload didn't return the logo's URL (Location)".into(),
                    })?
                    .to_owned();
            }
            StepBody::Json(v) if step.path == SUBMISSIONS => {
                let body = replace_marks(v, "", &logo_url);
                if id.is_none() {
                    id = find_by_name(okta, name)?;
                }
                let new_id = match &id {
                    Some(known) => {
                        let url = okta.org().join(&format!("{SUBMISSIONS}/{known}"));
                        okta.call(Request::new("PUT", url).json(body))?;
                        known.clone()
                    }
                    None => create(okta, body, name)?,
                };
                on_id(&new_id)?;
                id = Some(new_id);
            }
            _ => {
                let Some(known) = id.as_deref() else {
                    return Err(OktaError::Refused("no submission id".into()));
                };
                let (method, path) = resolve(step, Some(known));
                let mut req = Request::new(method, okta.org().join(&path));
                if let StepBody::Json(v) = &step.body {
                    let pw = self::password(plan);
                    req = req.json(replace_marks(v, pw, &logo_url));
                }
                if path.ends_with("/submit") {
                    submit(okta, req, known)?;
                } else {
                    okta.call(req)?;
                }
            }
        }
    }
    let remote_id = id.unwrap_or_default();
    let okta_status = get(okta, &remote_id).ok().and_then(|s| s.status);
    Ok(Submitted { remote_id, okta_status })
}

fn password(plan: &Plan) -> &str {
    plan.password.as_ref().map_or("", |p| p.expose().as_str())
}

fn find_by_name(okta: &Okta, name: &str) -> Result<Option<String>, OktaError> {
    let name = name.trim();
    Ok(list(okta)?
        .into_iter()
        .find(|s| s.name.as_deref().map(str::trim) == Some(name))
        .map(|s| s.id))
}

/// POST create; if the answer is lost on the way back, the submission may exist:
/// look for it by name before reporting the failure.
fn create(okta: &Okta, body: Value, name: &str) -> Result<String, OktaError> {
    match okta.call(Request::new("POST", okta.org().join(SUBMISSIONS)).json(body)) {
        Ok(resp) => {
            let created: RemoteSubmission = resp.json()?;
            Ok(created.id)
        }
        Err(e @ (OktaError::Unreachable { .. } | OktaError::Timeout { .. })) => {
            match find_by_name(okta, name) {
                Ok(Some(id)) => Ok(id),
                _ => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// POST submit; if the answer is lost, the status says whether it arrived.
fn submit(okta: &Okta, req: Request, id: &str) -> Result<(), OktaError> {
    match okta.call(req) {
        Ok(_) => Ok(()),
        Err(e @ (OktaError::Unreachable { .. } | OktaError::Timeout { .. })) => {
            let arrived = get(okta, id)
                .ok()
                .and_then(|s| s.status)
                .and_then(|s| super::status::map_status(&s, SubmissionStatus::Draft))
                .is_some_and(|s| s != SubmissionStatus::Draft);
            if arrived {
                Ok(())
            } else {
                Err(e)
            }
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        let mut d = Draft::new(IntegrationType::ApiService);
        d.app_info.app_name = Some("Acme Sync".into());
        d.app_info.description = Some("Syncs.".into());
        d.support.contacts.push(crate::draft::SupportContact {
            kind: ContactKind::Email,
            value: Some("help@acme.example".into()),
        });
        d.support.escalation_contact = Some("oncall@acme.example".into());
        d.test_account.url = Some("https://acme.example/login".into());
        d.test_account.username = Some("okta-review".into());
        d.api_service.scopes = vec!["okta.users.read".into()];
        d
    }

    fn logo() -> Option<LogoFile> {
        Some(LogoFile { file_name: "logo.png".into(), bytes: vec![1, 2, 3] })
    }

    #[test]
    fn the_preview_masks_the_password_and_names_every_request() {
        let plan = Plan::new(&draft(), Some(Sensitive::new("hunter2".into())), logo()).unwrap();
        let p = plan.preview(None);
        let text = serde_json::to_string(&p).unwrap();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains(MASK));
        let routes: Vec<_> = p.iter().map(|s| format!("{} {}", s.method, s.path)).collect();
        assert_eq!(routes[0], "POST /integrations/api/v1/submissions/logo");
        assert_eq!(routes[1], "POST /integrations/api/v1/submissions");
        assert_eq!(routes[5], "POST /integrations/api/v1/submissions/{submissionId}/submit");
        let again = plan.preview(Some("acme_1"));
        assert_eq!(again[1].method, "PUT", "a known submission is replaced, not created again");
        assert_eq!(again[1].path, "/integrations/api/v1/submissions/acme_1");
    }

    #[test]
    fn no_password_means_no_test_account_block_and_workflows_are_refused() {
        let plan = Plan::new(&draft(), None, logo()).unwrap();
        assert!(!plan.preview(None)[4].body.as_deref().unwrap().contains("testAccount"));
        let wf = Draft::new(IntegrationType::WorkflowsConnector);
        assert!(Plan::new(&wf, None, logo()).is_err());
        assert!(Plan::new(&draft(), None, None).is_err(), "no logo, no plan");
    }
}
