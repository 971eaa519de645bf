//! The hand-offs, where Okta has no API for the step: a Workflows connector
//! in the OIN Manager's web form (every value in the order the form asks for
//! it, with Okta's labels), and a catalog-only update of a published API
//! service in the Admin Console's Edit › Catalog Info (every changed value).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::Draft;
use crate::form::MANAGER_WORKFLOWS;

/// Where the OIN Manager lives.
pub const OIN_MANAGER_URL: &str = "https://oinmanager.okta.com";

/// How a value is handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum HandoffKind {
    /// Text to paste.
    Text,
    /// A file to upload (shown in the file manager).
    File,
    /// The test-account password: copied from the keychain on request.
    Secret,
}

/// One value to copy into the web form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HandoffValue {
    /// The draft path (`appInfo.appName`), the UI's key for "copied".
    pub path: String,
    /// The form's label for it.
    pub label: String,
    /// The form's section ("App information" …).
    pub section: String,
    /// The text (a file's name for a file; empty for the password).
    pub value: String,
    pub kind: HandoffKind,
}

/// A hand-off: where to go, what to copy there, what to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Handoff {
    pub title: String,
    pub intro: String,
    /// The page opened in the browser.
    pub open_url: String,
    pub open_label: String,
    pub values: Vec<HandoffValue>,
    pub notes: Vec<String>,
    /// What the user says when it is done (the status moves to "submitted").
    pub done_label: String,
}

impl Handoff {
    /// The OIN Manager's form for a Workflows connector.
    pub fn oin_manager(d: &Draft, has_password: bool) -> Self {
        Self {
            title: format!("Submit “{}” in the OIN Manager", d.display_name()),
            intro: "The OIN Manager has no API, so the last step is yours: it is open in your browser. Copy each value into its form, top to bottom; each one is marked once copied.".into(),
            open_url: OIN_MANAGER_URL.into(),
            open_label: "Open the OIN Manager again".into(),
            values: values(d, has_password),
            notes: vec![],
            done_label: "I submitted it in the OIN Manager".into(),
        }
    }

    /// Edit › Catalog Info for a catalog-only update (Okta's API has no endpoint for it).
    pub fn catalog_info(
        published: &Draft,
        update: &Draft,
        changes: &[crate::lifecycle::FieldChange],
        admin_console: String,
        notes: Vec<String>,
    ) -> Self {
        let form = crate::form::WIZARD_API_SERVICE;
        let mut out = Vec::new();
        for c in changes {
            let label = form.field(&c.path).map_or(c.label.as_str(), |f| f.label).to_owned();
            let section = "Catalog Info".to_owned();
            let kind =
                if c.path == "appInfo.appIcon" { HandoffKind::File } else { HandoffKind::Text };
            let value = match c.path.as_str() {
                "appInfo.appIcon" => update.app_info.app_icon.as_ref().map(|a| a.file_name.clone()),
                "support.contacts" => Some(
                    update
                        .support
                        .contacts
                        .iter()
                        .filter_map(|c| c.value.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                _ => {
                    let json = crate::form::value::json(update);
                    crate::form::value::text_at(&json, &c.path).map(str::to_owned)
                }
            };
            if let Some(value) = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) {
                out.push(HandoffValue { path: c.path.clone(), label, section, value, kind });
            }
        }
        Self {
            title: format!("Send the catalog changes of “{}”", published.display_name()),
            intro: "Catalog information goes to the OIN team from the Admin Console, which is open in your browser: Home › Your apps › Edit › Catalog Info. Copy each changed value there; each one is marked once copied.".into(),
            open_url: admin_console,
            open_label: "Open the Admin Console again".into(),
            values: out,
            notes,
            done_label: "I sent it from Catalog Info".into(),
        }
    }
}

/// Every filled value of a Workflows connector draft, in the form's order.
pub fn values(d: &Draft, has_password: bool) -> Vec<HandoffValue> {
    let mut out = Vec::new();
    let mut push = |path: String, value: Option<String>, kind: HandoffKind| {
        let key: Vec<&str> = path.split('.').filter(|p| p.parse::<usize>().is_err()).collect();
        let key = key[..key.len().min(2)].join(".");
        let Some(field) = MANAGER_WORKFLOWS.fields.iter().find(|f| f.path == key) else { return };
        if let Some(value) = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) {
            let label = match path.split('.').nth(2).and_then(|i| i.parse::<usize>().ok()) {
                Some(i) => format!("{} {}", field.label, i + 1),
                None => field.label.to_owned(),
            };
            out.push(HandoffValue { label, path, section: field.section.into(), value, kind });
        }
    };
    use HandoffKind::{File, Secret, Text};
    let yes_no = |b: Option<bool>| b.map(|b| if b { "Yes" } else { "No" }.to_owned());
    push("appInfo.existsInOin".into(), yes_no(d.app_info.exists_in_oin), Text);
    push("appInfo.existingAppName".into(), d.app_info.existing_app_name.clone(), Text);
    push("appInfo.updateSummary".into(), d.app_info.update_summary.clone(), Text);
    push("appInfo.appName".into(), d.app_info.app_name.clone(), Text);
    push("appInfo.appWebsite".into(), d.app_info.app_website.clone(), Text);
    for (i, u) in d.app_info.use_cases.iter().enumerate() {
        push(format!("appInfo.useCases.{i}"), Some(u.clone()), Text);
    }
    push("appInfo.description".into(), d.app_info.description.clone(), Text);
    push("appInfo.appIcon".into(), d.app_info.app_icon.as_ref().map(|a| a.file_name.clone()), File);
    for (i, c) in d.support.contacts.iter().enumerate() {
        push(format!("support.contacts.{i}"), c.value.clone(), Text);
    }
    push("support.escalationContact".into(), d.support.escalation_contact.clone(), Text);
    push("testAccount.url".into(), d.test_account.url.clone(), Text);
    push("testAccount.username".into(), d.test_account.username.clone(), Text);
    push("testAccount.password".into(), has_password.then(|| "••••••••".to_owned()), Secret);
    push("testAccount.instructions".into(), d.test_account.instructions.clone(), Text);
    push("workflows.connector".into(), d.workflows.connector.clone(), Text);
    push("workflows.version".into(), d.workflows.version.clone(), Text);
    let suite = d.workflows.test_suite.as_ref().map(|a| a.file_name.clone());
    push("workflows.testSuite".into(), suite, File);
    push("workflows.userDocUrl".into(), d.workflows.user_doc_url.clone(), Text);
    push("workflows.apiDocUrl".into(), d.workflows.api_doc_url.clone(), Text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{ContactKind, IntegrationType, SupportContact};

    #[test]
    fn values_come_in_the_form_order_with_okta_labels() {
        let mut d = Draft::new(IntegrationType::WorkflowsConnector);
        d.app_info.app_name = Some("Acme".into());
        d.app_info.use_cases = vec!["Automation".into(), "Security".into()];
        d.support
            .contacts
            .push(SupportContact { kind: ContactKind::Url, value: Some("https://h".into()) });
        d.workflows.version = Some(" 3 ".into());
        let v = values(&d, true);
        let labels: Vec<_> = v.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "App name",
                "Use case(s) 1",
                "Use case(s) 2",
                "Support contacts 1",
                "Test account password",
                "Version"
            ]
        );
        assert_eq!(v[5].value, "3", "values are trimmed");
        assert_eq!(v[4].kind, HandoffKind::Secret);
        assert!(!values(&d, false).iter().any(|x| x.kind == HandoffKind::Secret));
    }
}
