//! The OIN Manager form as data: every field's path, Okta's label, short help and
//! the tab and section it sits in (reference §2.1–§2.5). The UI renders labels and
//! help from here, and rules name fields by the same paths, so a label lives once.

use serde::Serialize;
use ts_rs::TS;

use crate::draft::IntegrationType;

/// The tabs of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Tab {
    GeneralSettings,
    WorkflowsConnector,
    ApiService,
}

impl Tab {
    pub fn label(self) -> &'static str {
        match self {
            Self::GeneralSettings => "General Settings",
            Self::WorkflowsConnector => "Workflows connector",
            Self::ApiService => "API service",
        }
    }

    /// The tab a field path (or a list item's path) sits on.
    pub fn of_path(path: &str) -> Tab {
        match path.split('.').next() {
            Some("workflows") => Tab::WorkflowsConnector,
            Some("apiService") => Tab::ApiService,
            _ => Tab::GeneralSettings,
        }
    }

    /// The tabs a draft of this type shows, in order.
    pub fn for_type(t: IntegrationType) -> [Tab; 2] {
        match t {
            IntegrationType::WorkflowsConnector => [Tab::GeneralSettings, Tab::WorkflowsConnector],
            IntegrationType::ApiService => [Tab::GeneralSettings, Tab::ApiService],
        }
    }
}

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// Dotted camelCase path into the `Draft` JSON, e.g. `appInfo.appName`.
    pub path: &'static str,
    pub tab: Tab,
    pub section: &'static str,
    pub label: &'static str,
    pub help: &'static str,
}

const APP: &str = "App information";
const SUPPORT: &str = "Customer support";
const TEST: &str = "Test account";
const WF: &str = "Connector";
const API: &str = "API service";

const fn f(
    path: &'static str,
    tab: Tab,
    section: &'static str,
    label: &'static str,
    help: &'static str,
) -> Field {
    Field { path, tab, section, label, help }
}

/// Every field, in the order the OIN Manager shows them.
pub const FIELDS: &[Field] = &[
    f("appInfo.existsInOin", Tab::GeneralSettings, APP, "Does your app exist in the OIN?",
      "Choose Yes when you are updating an integration that is already published in the catalog."),
    f("appInfo.existingAppName", Tab::GeneralSettings, APP, "Existing OIN app name",
      "The name of the published listing, so the OIN team can find it."),
    f("appInfo.updateSummary", Tab::GeneralSettings, APP,
      "What changes are you making to the existing OIN integration?",
      "A short summary of what this update changes."),
    f("appInfo.appName", Tab::GeneralSettings, APP, "App name",
      "The main title of your integration in the OIN catalog."),
    f("appInfo.appWebsite", Tab::GeneralSettings, APP, "App website",
      "Your product homepage, or a page about the integration. An https:// link."),
    f("appInfo.useCases", Tab::GeneralSettings, APP, "Use case(s)",
      "How Okta files your integration in the catalog. Pick at least one."),
    f("appInfo.description", Tab::GeneralSettings, APP, "App description",
      "What your app is and what the Okta integration does for customers. Fewer than 1024 characters."),
    f("appInfo.appIcon", Tab::GeneralSettings, APP, "App icon",
      "PNG, JPG or GIF under 1 MB at 244×244, 200×200, 244×156 or 156×244 pixels."),
    f("support.contacts", Tab::GeneralSettings, SUPPORT, "Support contacts",
      "Public contact points shown to customers: an email, a URL (an FAQ is welcome) or a phone number."),
    f("support.escalationContact", Tab::GeneralSettings, SUPPORT, "Escalation support contact",
      "Private, for Okta in an emergency: a monitored email distribution list, not support@… and not a 1-800 number."),
    f("testAccount.url", Tab::GeneralSettings, TEST, "Test account URL",
      "A static https:// sign-in URL of your app that the OIN team opens."),
    f("testAccount.username", Tab::GeneralSettings, TEST, "Test account username or email",
      "A dedicated admin-level account. isvtest@okta.com is preferred."),
    f("testAccount.password", Tab::GeneralSettings, TEST, "Test account password",
      "The password of the test account. Keep the account active for the whole review."),
    f("testAccount.instructions", Tab::GeneralSettings, TEST, "Additional instructions",
      "Anything the OIN team needs: privileges, test data, how to trigger the integration."),
    f("workflows.connector", Tab::WorkflowsConnector, WF, "Connector",
      "The Connector Builder project you are submitting."),
    f("workflows.version", Tab::WorkflowsConnector, WF, "Version",
      "The connector version number from Connector Builder, e.g. 3."),
    f("workflows.testSuite", Tab::WorkflowsConnector, WF, "Flow test suite",
      "An export of your test flows from Workflows: a .flopack or .folder file."),
    f("workflows.userDocUrl", Tab::WorkflowsConnector, WF, "User documentation URL",
      "Public step-by-step setup and use, stating the connector version, one topic per action card."),
    f("workflows.apiDocUrl", Tab::WorkflowsConnector, WF, "API documentation URL",
      "The public API reference your connector was built on."),
    f("apiService.grantType", Tab::ApiService, API, "Grant type",
      "Client Credentials is the only grant the OIN supports for API service integrations."),
    f("apiService.scopes", Tab::ApiService, API, "Enable scopes",
      "Okta admin-management scopes your service needs. Ask for the least: .manage already includes .read."),
    f("apiService.scopeReason", Tab::ApiService, API, "Reason to use scopes",
      "Tell us the reason to use scopes: why each scope, especially every .manage one, is needed."),
    f("apiService.configGuideUrl", Tab::ApiService, API, "Link to configuration guide",
      "The customer configuration guide: prerequisites, supported features, steps, troubleshooting."),
];

/// Looks a field up by its path.
pub fn field(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique() {
        let mut paths: Vec<_> = FIELDS.iter().map(|f| f.path).collect();
        paths.sort_unstable();
        let before = paths.len();
        paths.dedup();
        assert_eq!(before, paths.len(), "two fields share a path");
    }

    #[test]
    fn every_path_names_a_key_of_the_draft_json() {
        let json = serde_json::to_value(crate::Draft::default()).unwrap();
        for f in FIELDS {
            if matches!(f.path, "testAccount.password" | "apiService.grantType") {
                continue; // a secret and a fixed value: not in the draft body by design
            }
            let (group, key) = f.path.split_once('.').unwrap();
            assert!(json[group].get(key).is_some(), "{} is not a draft field", f.path);
        }
    }
}
