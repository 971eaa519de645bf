//! The JSON bodies a submit sends, built from a draft once — for the plan that
//! sends them, for the local check against Okta's schema before anything is
//! sent, and for the precheck's schema floor — each value remembering the
//! draft field it came from, so a schema violation is reported on that field.

use serde_json::{json, Map, Value};

use crate::draft::{ContactKind, Draft};

/// Stands in for the test-account password until the moment of sending.
pub(crate) const PASSWORD_MARK: &str = "${testAccount.password}";
/// Stands in for the logo's URL, which Okta returns when the logo is uploaded.
pub(crate) const LOGO_MARK: &str = "${logo}";

/// One request body, the Okta schema it must satisfy, and where its values came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The component schema in Okta's spec, e.g. `TestInfo`.
    pub schema: &'static str,
    pub value: Value,
    /// JSON pointer in the body → draft field path.
    origins: Vec<(String, String)>,
}

impl Body {
    fn new(schema: &'static str) -> Self {
        Self { schema, value: Value::Object(Map::new()), origins: Vec::new() }
    }

    fn from(mut self, pointer: impl Into<String>, path: impl Into<String>) -> Self {
        self.origins.push((pointer.into(), path.into()));
        self
    }

    /// The draft field a pointer into this body came from: the longest
    /// recorded pointer that is it or contains it.
    pub fn field_of(&self, pointer: &str) -> Option<&str> {
        self.origins
            .iter()
            .filter(|(p, _)| {
                pointer == p || pointer.strip_prefix(p.as_str()).is_some_and(|r| r.starts_with('/'))
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, f)| f.as_str())
    }

    /// Every pointer → field pair, for the tests that hold the mapping to Okta's schema.
    pub fn origins(&self) -> &[(String, String)] {
        &self.origins
    }
}

/// The four JSON bodies of a submit.
#[derive(Debug, Clone, PartialEq)]
pub struct Bodies {
    /// `createSubmission` / `replaceSubmission`: SubmissionRequest.
    pub submission: Body,
    /// `upsertSubmissionCapabilities`: SubmissionCapabilities.
    pub capabilities: Body,
    /// `replaceApiServiceConfig`: ApiService.
    pub api_service: Body,
    /// `upsertSubmissionTestInfo`: TestInfo.
    pub testing: Body,
}

impl Bodies {
    pub fn all(&self) -> [&Body; 4] {
        [&self.submission, &self.capabilities, &self.api_service, &self.testing]
    }
}

/// Trimmed, and absent when empty: exactly what is checked is what is sent.
fn text(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The bodies for `d`. `has_password`: whether the keychain holds one (the
/// test account is sent only whole).
pub fn bodies(d: &Draft, has_password: bool) -> Bodies {
    Bodies {
        submission: submission(d),
        capabilities: capabilities(),
        api_service: api_service(d),
        testing: testing(d, has_password),
    }
}

fn submission(d: &Draft) -> Body {
    let mut b = Body::new("SubmissionRequest")
        .from("/name", "appInfo.appName")
        .from("/description", "appInfo.description")
        .from("/logo", "appInfo.appIcon");
    let mut contacts = Vec::new();
    for (i, c) in d.support.contacts.iter().enumerate() {
        let Some(v) = text(&c.value) else { continue };
        let kind = match c.kind {
            ContactKind::Email => "EMAIL",
            ContactKind::Url => "URL",
            ContactKind::Phone => "PHONE",
        };
        b = b.from(
            format!("/appContactDetails/{}", contacts.len()),
            format!("support.contacts.{i}.value"),
        );
        contacts.push(
            json!({"contactType": "CUSTOMER_SUPPORT", "contactValueType": kind, "contact": v}),
        );
    }
    if let Some(e) = text(&d.support.escalation_contact) {
        b = b.from(format!("/appContactDetails/{}", contacts.len()), "support.escalationContact");
        contacts.push(
            json!({"contactType": "ESCALATION_SUPPORT", "contactValueType": "EMAIL", "contact": e}),
        );
    }
    let mut config = Vec::new();
    for (i, v) in d.tenant_settings.iter().enumerate() {
        let (label, name) = (text(&v.label), text(&v.name));
        if label.is_none() && name.is_none() {
            continue;
        }
        let k = config.len();
        b = b
            .from(format!("/config/{k}"), format!("tenantSettings.{i}"))
            .from(format!("/config/{k}/label"), format!("tenantSettings.{i}.label"))
            .from(format!("/config/{k}/name"), format!("tenantSettings.{i}.name"));
        config.push(json!({"label": label.unwrap_or_default(), "name": name.unwrap_or_default()}));
    }
    b.value = json!({
        "name": text(&d.app_info.app_name).unwrap_or_default(),
        "description": text(&d.app_info.description).unwrap_or_default(),
        "logo": LOGO_MARK,
        "appContactDetails": contacts,
    });
    if !config.is_empty() {
        b.value["config"] = config.into();
    }
    b
}

fn capabilities() -> Body {
    let mut b = Body::new("SubmissionCapabilities");
    b.value =
        json!({"capabilities": [{"capability": "API_SERVICE", "supportedProtocols": ["OAUTH2"]}]});
    b
}

fn api_service(d: &Draft) -> Body {
    let mut b = Body::new("ApiService")
        .from("/scopes", "apiService.scopes")
        .from("/authenticationMethod", "apiService.authMethod")
        .from("/setupInstructionsUri", "apiService.configGuideUrl");
    let scopes: Vec<String> = d
        .api_service
        .scopes
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    for (i, _) in scopes.iter().enumerate() {
        b = b.from(format!("/scopes/{i}"), format!("apiService.scopes.{i}"));
    }
    b.value = json!({"scopes": scopes, "authenticationMethod": "client_secret_basic"});
    if let Some(g) = text(&d.api_service.config_guide_url) {
        b.value["setupInstructionsUri"] = g.into();
    }
    b
}

fn testing(d: &Draft, has_password: bool) -> Body {
    let mut b = Body::new("TestInfo")
        .from("/escalationSupportContact", "support.escalationContact")
        .from("/apiServiceTestConfiguration/scopeExplanation", "apiService.scopeReason")
        .from("/testAccount", "testAccount")
        .from("/testAccount/url", "testAccount.url")
        .from("/testAccount/username", "testAccount.username")
        .from("/testAccount/password", "testAccount.password")
        .from("/testAccount/instructions", "testAccount.instructions");
    let mut body = Map::new();
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
    b.value = Value::Object(body);
    b
}

/// A copy of `v` with the password and logo marks replaced.
pub(crate) fn replace_marks(v: &Value, password: &str, logo: &str) -> Value {
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

/// Okta's schema checked on the bodies as they will be sent; the logo's URL
/// isn't known before the upload, so a well-formed stand-in is checked.
pub fn violations(b: &Body, password: &str) -> Vec<super::schema::Violation> {
    let value = replace_marks(&b.value, password, "https://logo.example/logo.png");
    super::schema::violations(b.schema, &value)
}
