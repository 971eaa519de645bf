//! The `Draft`: everything a product manager has typed for one OIN submission.
//!
//! Every field is optional and a draft is always saveable: a half-typed URL or an
//! empty app name is a draft, not an error. Rules judge a draft (`crate::rules`);
//! the store never refuses one for its content. Unknown or missing JSON keys fall
//! back to defaults so an older or newer revision body still loads.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The two kinds of integration the OIN Manager takes (the OIN Manager's and the OIN Wizard's forms, `crate::form`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum IntegrationType {
    #[default]
    WorkflowsConnector,
    ApiService,
}

impl IntegrationType {
    /// The name the store keeps; stable across versions.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WorkflowsConnector => "workflowsConnector",
            Self::ApiService => "apiService",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "workflowsConnector" => Some(Self::WorkflowsConnector),
            "apiService" => Some(Self::ApiService),
            _ => None,
        }
    }

    /// Okta's own words for the type.
    pub fn label(self) -> &'static str {
        match self {
            Self::WorkflowsConnector => "Workflows connector",
            Self::ApiService => "API service",
        }
    }
}

/// How a support contact is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ContactKind {
    #[default]
    Email,
    Url,
    Phone,
}

/// One public support contact point shown in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct SupportContact {
    pub kind: ContactKind,
    pub value: Option<String>,
}

/// A file kept with the draft: its bytes live in the store's blob table under
/// `sha256`, so every revision that names it can still find them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub file_name: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub sha256: String,
}

/// Which file field an attachment fills, with what the file dialog offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AttachmentSlot {
    AppIcon,
    TestSuite,
}

impl AttachmentSlot {
    /// The file dialog's filter: a name and the extensions it shows.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::AppIcon => (
                "Images",
                &["png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "svg"],
            ),
            Self::TestSuite => ("Workflows export", &["flopack", "folder"]),
        }
    }
}

/// General Settings → App information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct AppInfo {
    pub exists_in_oin: Option<bool>,
    pub existing_app_name: Option<String>,
    pub update_summary: Option<String>,
    pub app_name: Option<String>,
    pub app_website: Option<String>,
    pub use_cases: Vec<String>,
    pub description: Option<String>,
    /// The logo that will be submitted (the fixed one, once fixed).
    pub app_icon: Option<Attachment>,
    /// The image as the user gave it, kept unchanged so a fix can be redone.
    pub app_icon_original: Option<Attachment>,
}

/// General Settings → Customer support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerSupport {
    pub contacts: Vec<SupportContact>,
    pub escalation_contact: Option<String>,
}

/// General Settings → Test account. The password is a secret and
/// is deliberately absent: it never belongs to a draft body (see `crate::secrets`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct TestAccount {
    pub url: Option<String>,
    pub username: Option<String>,
    pub instructions: Option<String>,
}

/// The Workflows connector tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkflowsConnector {
    pub connector: Option<String>,
    /// Kept as typed: "3", "03" or "three" are all saveable; rules judge them.
    pub version: Option<String>,
    pub test_suite: Option<Attachment>,
    pub user_doc_url: Option<String>,
    pub api_doc_url: Option<String>,
}

/// The API service tab. Grant type is fixed (Client Credentials)
/// and so is not a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct ApiService {
    pub scopes: Vec<String>,
    pub scope_reason: Option<String>,
    pub config_guide_url: Option<String>,
}

/// One tenant-setting variable of the OIN Wizard: what each customer enters
/// when they add the integration (e.g. their subdomain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct TenantVariable {
    /// What the Admin Console shows, e.g. "Subdomain".
    pub label: Option<String>,
    /// The variable's name, e.g. `subdomain`.
    pub name: Option<String>,
}

/// A warning the user has looked at and set aside, with their reason; shown in
/// the submit summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Dismissal {
    pub rule: String,
    pub path: String,
    pub reason: String,
}

/// One OIN submission as the user is drafting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    pub integration_type: IntegrationType,
    /// The Okta org domain the submission belongs to, e.g. `acme.okta.com`.
    pub org: Option<String>,
    /// The dated rule pack this draft is checked against (`crate::rules::pack`);
    /// `None` means "the default pack on the day it is checked".
    pub rule_pack: Option<String>,
    pub app_info: AppInfo,
    pub support: CustomerSupport,
    pub test_account: TestAccount,
    pub workflows: WorkflowsConnector,
    pub api_service: ApiService,
    /// The OIN Wizard's tenant settings (API service integrations).
    pub tenant_settings: Vec<TenantVariable>,
    /// Warnings dismissed with a reason.
    pub dismissed: Vec<Dismissal>,
}

impl Draft {
    pub fn new(integration_type: IntegrationType) -> Self {
        Self { integration_type, ..Self::default() }
    }

    /// The name shown in the library: the app name, or a placeholder.
    pub fn display_name(&self) -> String {
        match self.app_info.app_name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_owned(),
            _ => format!("Untitled {}", self.integration_type.label()),
        }
    }

    /// Attachments this draft refers to, for the store's blob bookkeeping.
    pub fn attachments(&self) -> impl Iterator<Item = &Attachment> {
        self.app_info.app_icon.iter().chain(self.workflows.test_suite.iter())
    }
}

/// True when an optional text holds something other than whitespace.
pub fn is_filled(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_json_object_is_a_draft() {
        let d: Draft = serde_json::from_str("{}").unwrap();
        assert_eq!(d, Draft::default(), "every field has a default, so {{}} loads");
    }

    #[test]
    fn unknown_keys_from_a_newer_revision_are_ignored() {
        let d: Draft =
            serde_json::from_str(r#"{"integrationType":"apiService","futureField":1}"#).unwrap();
        assert_eq!(d.integration_type, IntegrationType::ApiService);
    }

    #[test]
    fn display_name_falls_back_to_the_type() {
        let mut d = Draft::new(IntegrationType::ApiService);
        assert_eq!(d.display_name(), "Untitled API service");
        d.app_info.app_name = Some("  Acme Sync ".into());
        assert_eq!(d.display_name(), "Acme Sync", "the name is trimmed");
    }
}
