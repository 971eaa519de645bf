//! Submitting an API service integration through the "Your OIN Integrations"
//! API (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/YourOinIntegrations/):
//! a [`Plan`] of the exact requests — what the user confirms, what `oin submit
//! --dry-run` prints, and what [`execute`] sends. A plan is made only from a
//! [`Submission`] (a draft that passed the precheck), so it can't fail.
//! Before the first request every body is checked against Okta's schema with
//! the real values; one that would be refused sends nothing. Sending is
//! idempotent per draft: a known submission id is replaced, never created
//! again; a create whose answer was lost is found again by name — only an API
//! service submission of exactly that name; anything else stops and asks.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::body::{self, replace_marks, Bodies};
use super::find::find_by_name;
use super::http::{Body, Request};
use super::remote::{get, RemoteSubmission};
use super::{Okta, OktaError, SUBMISSIONS};
use crate::lifecycle::SubmissionStatus;
use crate::secrets::Sensitive;
use crate::submission::Submission;

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
    bodies: Bodies,
}

/// The logo file to upload: name and bytes.
pub struct LogoFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
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
    /// The requests for a submission; `logo`: the file its app icon names.
    pub fn new(sub: &Submission, password: Option<Sensitive<String>>, logo: LogoFile) -> Self {
        let password = password.filter(|p| !p.expose().is_empty());
        let bodies = body::bodies(sub.draft(), password.is_some());
        let sub_path = format!("{SUBMISSIONS}/{ID_MARK}");
        let json = |i: usize| StepBody::Json(bodies.all()[i].value.clone());
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
                body: json(0),
            },
            Step {
                label: "Declare the API service capability",
                method: "PUT",
                path: format!("{sub_path}/capabilities"),
                body: json(1),
            },
            Step {
                label: "Set the API service configuration",
                method: "PUT",
                path: format!("{sub_path}/capabilities/api-service/protocols/oauth2"),
                body: json(2),
            },
            Step {
                label: "Set the testing information",
                method: "PUT",
                path: format!("{sub_path}/testing"),
                body: json(3),
            },
            Step {
                label: "Submit for review",
                method: "POST",
                path: format!("{sub_path}/submit"),
                body: StepBody::None,
            },
        ];
        Self { steps, password, bodies }
    }

    /// Okta's schema over every body as it will be sent, the real password
    /// included (it never leaves Rust). The first objection, on its field.
    pub fn check_locally(&self) -> Result<(), OktaError> {
        let pw = password(self);
        for b in self.bodies.all() {
            if let Some(v) = body::violations(b, pw).into_iter().next() {
                let field = b.field_of(&v.pointer).unwrap_or(&v.pointer).to_owned();
                let label = crate::form::every_field()
                    .find(|f| crate::form::owns(f.path, &field))
                    .map_or(field.clone(), |f| f.label.to_owned());
                let sent = replace_marks(&b.value, pw, "");
                let shown = (field != "testAccount.password")
                    .then(|| sent.pointer(&v.pointer).and_then(Value::as_str))
                    .flatten();
                let (message, fix, _) = crate::rules::schema::words(&label, &field, shown, &v);
                return Err(OktaError::WouldBeRefused { field, message, fix });
            }
        }
        Ok(())
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
    plan.check_locally()?;
    let total = plan.steps.len();
    let mut id = known_id.map(str::to_owned);
    // Which submission this is, before anything is sent: a same-name one of
    // another kind stops the submit here.
    if id.is_none() {
        id = find_by_name(okta, name)?;
    }
    let mut logo_url = String::new();
    for (i, step) in plan.steps.iter().enumerate() {
        progress(i + 1, total, step.label);
        let at_step = |e: OktaError, id: &Option<String>| match (&e, id) {
            (OktaError::Okta { .. } | OktaError::Refused(_), Some(kept))
                if e.class() == super::ErrorClass::Refused =>
            {
                OktaError::RefusedAtStep {
                    step: i + 1,
                    total,
                    label: step.label.into(),
                    id: kept.clone(),
                    detail: e.to_string(),
                }
            }
            _ => e,
        };
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
                let new_id = match &id {
                    Some(known) => {
                        let url = okta.org().join(&format!("{SUBMISSIONS}/{known}"));
                        okta.call(Request::new("PUT", url).json(body))
                            .map_err(|e| at_step(e, &id))?;
                        known.clone()
                    }
                    None => create(okta, body, name)?,
                };
                on_id(&new_id)?;
                id = Some(new_id);
            }
            _ => {
                let known = id.clone().expect("the create step comes first and sets the id");
                let (method, path) = resolve(step, Some(&known));
                let mut req = Request::new(method, okta.org().join(&path));
                if let StepBody::Json(v) = &step.body {
                    req = req.json(replace_marks(v, password(plan), &logo_url));
                }
                let sent = if path.ends_with("/submit") {
                    submit(okta, req, &known)
                } else {
                    okta.call(req).map(|_| ())
                };
                sent.map_err(|e| at_step(e, &id))?;
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
                Err(ambiguous @ OktaError::Ambiguous { .. }) => Err(ambiguous),
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
    use crate::draft::{ContactKind, Draft, IntegrationType};

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

    fn logo() -> LogoFile {
        LogoFile { file_name: "logo.png".into(), bytes: vec![1, 2, 3] }
    }

    fn plan(d: &Draft, pw: Option<&str>) -> Plan {
        Plan::new(&Submission::unchecked(d.clone()), pw.map(|p| Sensitive::new(p.into())), logo())
    }

    #[test]
    fn the_preview_masks_the_password_and_names_every_request() {
        let plan = plan(&draft(), Some("hunter2"));
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
    fn no_password_means_no_test_account_block() {
        let plan = plan(&draft(), None);
        assert!(!plan.preview(None)[4].body.as_deref().unwrap().contains("testAccount"));
    }

    #[test]
    fn a_password_okta_would_refuse_stops_the_plan_before_sending() {
        assert!(plan(&draft(), Some("hunter2")).check_locally().is_ok());
        let long = "p".repeat(256);
        match plan(&draft(), Some(&long)).check_locally() {
            Err(OktaError::WouldBeRefused { field, message, .. }) => {
                assert_eq!(field, "testAccount.password");
                assert!(!message.contains(&long), "the message never holds the password");
            }
            other => panic!("a 256-character password is refused locally: {other:?}"),
        }
    }
}
