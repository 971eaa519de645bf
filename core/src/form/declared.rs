//! The forms themselves, field for field, with Okta's labels for each tool.
//!
//! - The OIN Manager's form (Workflows connectors in every pack; API service
//!   integrations until 2026-03-03): General Settings plus one tab per type.
//!   Source: https://developer.okta.com/docs/guides/submit-app/wfconnector/main/
//! - The OIN Wizard's API service form (from 2026-03-04): Integration details,
//!   Configure your integration, Test your integration.
//!   Source: https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/
//!
//! Lengths Okta's API schema enforces (`name` ≤ 64, `testAccount.url` ≤ 512 …,
//! https://github.com/okta/okta-management-openapi-spec) are errors where
//! OIN Studio sends the draft through that API, warnings in the web form.

use super::{Choices, Field, FieldKind, Form, Limit, Need, Tab, Tool};
use crate::draft::IntegrationType;
use crate::rules::Severity::{self, Error, Warning};

/// The OIN Manager's ten use cases.
pub const OIN_MANAGER_USE_CASES: &[&str] = &[
    "Automation",
    "Centralized Logging",
    "Directory and HR Sync",
    "Bot or Fraud Detection",
    "Identity Governance and Administration (IGA)",
    "Identity Verification",
    "Lifecycle Management",
    "Multifactor Authentication (MFA)",
    "Risk Signal Sharing",
    "Zero Trust",
];

/// The OIN Wizard's seven use cases for API service integrations.
pub const OIN_WIZARD_USE_CASES: &[&str] = &[
    "Automation",
    "Centralized Logging",
    "Directory and HR Sync",
    "Identity Governance and Administration (IGA)",
    "Identity Verification",
    "Multifactor Authentication (MFA)",
    "Zero Trust",
];

const fn field(
    path: &'static str,
    tab: Tab,
    section: &'static str,
    label: &'static str,
    help: &'static str,
    kind: FieldKind,
    need: Need,
) -> Field {
    Field {
        path,
        tab,
        section,
        label,
        help,
        kind,
        need,
        limit: None,
        choices: None,
        max_items: None,
        fixed: None,
        placeholder: None,
    }
}

impl Field {
    const fn limit(self, max: u32, severity: Severity) -> Self {
        Self { limit: Some(Limit { max, severity }), ..self }
    }
    const fn choices(self, options: &'static [&'static str], min: u32, max: u32) -> Self {
        Self { choices: Some(Choices { options, min, max }), ..self }
    }
    const fn max_items(self, n: u32) -> Self {
        Self { max_items: Some(n), ..self }
    }
    const fn fixed(self, value: &'static str) -> Self {
        Self { fixed: Some(value), ..self }
    }
    const fn hint(self, placeholder: &'static str) -> Self {
        Self { placeholder: Some(placeholder), ..self }
    }
}

/// `a` then `b`, as one array (const, so a form is one static slice).
const fn join<const N: usize>(a: &[Field], b: &[Field]) -> [Field; N] {
    assert!(a.len() + b.len() == N, "join: wrong length");
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

use FieldKind as K;
use Need::{Optional, Required, WhenUpdating};

const GS: Tab = Tab::GeneralSettings;
const APP: &str = "App information";
const SUPPORT: &str = "Customer support";
const TEST: &str = "Test account";

/// The OIN Manager's General Settings; `api`: the severity of Okta's schema
/// lengths (error when the draft goes through the API).
const fn manager_general(api: Severity) -> [Field; 14] {
    [
        field("appInfo.existsInOin", GS, APP, "Does your app exist in the OIN?",
            "Choose Yes when you are updating an integration that is already published in the catalog.",
            K::YesNo, Required),
        field("appInfo.existingAppName", GS, APP, "Existing OIN app name",
            "The name of the published listing, so the OIN team can find it.", K::Text, WhenUpdating),
        field("appInfo.updateSummary", GS, APP,
            "What changes are you making to the existing OIN integration?",
            "A short summary of what this update changes.", K::LongText, WhenUpdating),
        field("appInfo.appName", GS, APP, "App name",
            "The main title of your integration in the OIN catalog. OIN Manager listings move to the OIN Wizard, which shows at most 64 characters.",
            K::Text, Required).limit(64, api),
        field("appInfo.appWebsite", GS, APP, "App website",
            "Your product homepage, or a page about the integration. An https:// link.",
            K::Url, Required).hint("https://"),
        field("appInfo.useCases", GS, APP, "Use case(s)",
            "How Okta files your integration in the catalog. Pick at least one; with all five the OIN team adds no default categories.",
            K::Choice, Required).choices(OIN_MANAGER_USE_CASES, 1, 5),
        field("appInfo.description", GS, APP, "App description",
            "What your app is and what the Okta integration does for customers. Fewer than 1024 characters.",
            K::LongText, Required).limit(1023, Error),
        field("appInfo.appIcon", GS, APP, "App icon",
            "PNG, JPG or GIF under 1 MB at 244×244, 200×200, 244×156 or 156×244 pixels.",
            K::Logo, Required),
        field("support.contacts", GS, SUPPORT, "Support contacts",
            "Public contact points shown to customers: an email, a URL (an FAQ is welcome) or a phone number.",
            K::Contacts, Required),
        field("support.escalationContact", GS, SUPPORT, "Escalation support contact",
            "Private, for Okta in an emergency: a monitored email distribution list, not support@… and not a 1-800 number.",
            K::Email, Required).limit(255, api).hint("oin-escalations@yourcompany.com"),
        field("testAccount.url", GS, TEST, "Test account URL",
            "A static https:// sign-in URL of your app that the OIN team opens.",
            K::Url, Required).limit(512, api).hint("https://"),
        field("testAccount.username", GS, TEST, "Test account username or email",
            "A dedicated admin-level account. isvtest@okta.com is preferred.",
            K::Text, Required).limit(255, api).hint("isvtest@okta.com"),
        field("testAccount.password", GS, TEST, "Test account password",
            "The password of the test account. Keep the account active for the whole review.",
            K::Password, Required).limit(255, api),
        field("testAccount.instructions", GS, TEST, "Additional instructions",
            "Anything the OIN team needs: privileges, test data, how to trigger the integration.",
            K::LongText, Optional).limit(2048, api),
    ]
}

const WF: Tab = Tab::WorkflowsConnector;
const CONNECTOR: &str = "Connector";

const WORKFLOWS_TAB: [Field; 5] = [
    field("workflows.connector", WF, CONNECTOR, "Connector",
        "The Connector Builder project you are submitting.", K::Text, Required),
    field("workflows.version", WF, CONNECTOR, "Version",
        "The connector version number from Connector Builder, e.g. 3.", K::Text, Required),
    field("workflows.testSuite", WF, CONNECTOR, "Flow test suite",
        "An export of your test flows from Workflows: a .flopack or .folder file.",
        K::TestSuite, Required),
    field("workflows.userDocUrl", WF, CONNECTOR, "User documentation URL",
        "Public step-by-step setup and use, stating the connector version, one topic per action card.",
        K::Url, Required).hint("https://"),
    field("workflows.apiDocUrl", WF, CONNECTOR, "API documentation URL",
        "The public API reference your connector was built on.", K::Url, Required).hint("https://"),
];

const API: Tab = Tab::ApiService;
const API_SECTION: &str = "API service";

const SCOPES_HELP: &str = "Okta admin-management scopes your service needs. Ask for the least: .manage already includes .read.";
const REASON_HELP: &str = "Optional for Okta. Why each scope, especially every .manage one, is needed: reviewers ask about scopes nobody explained.";
const GUIDE_HELP: &str = "The customer configuration guide: prerequisites, supported features, configuration steps, troubleshooting.";

const MANAGER_API_TAB: [Field; 4] = [
    field(
        "apiService.grantType",
        API,
        API_SECTION,
        "Grant type",
        "Client Credentials is the only grant the OIN supports for API service integrations.",
        K::Fixed,
        Optional,
    )
    .fixed("Client Credentials"),
    field("apiService.scopes", API, API_SECTION, "Enable scopes", SCOPES_HELP, K::Scopes, Required),
    field(
        "apiService.scopeReason",
        API,
        API_SECTION,
        "Reason to use scopes",
        REASON_HELP,
        K::LongText,
        Optional,
    )
    .limit(5000, Error),
    field(
        "apiService.configGuideUrl",
        API,
        API_SECTION,
        "Link to configuration guide",
        GUIDE_HELP,
        K::Url,
        Required,
    )
    .hint("https://"),
];

const MANAGER_WORKFLOWS_FIELDS: [Field; 19] = join(&manager_general(Warning), &WORKFLOWS_TAB);
const MANAGER_API_FIELDS: [Field; 18] = join(&manager_general(Error), &MANAGER_API_TAB);

/// A Workflows connector in the OIN Manager (every pack).
pub const MANAGER_WORKFLOWS: Form = Form {
    tool: Tool::OinManager,
    integration_type: IntegrationType::WorkflowsConnector,
    via_api: false,
    tabs: &[Tab::GeneralSettings, Tab::WorkflowsConnector],
    fields: &MANAGER_WORKFLOWS_FIELDS,
};

/// An API service in the OIN Manager (`oin-manager-2025`), sent through the API.
pub const MANAGER_API_SERVICE: Form = Form {
    tool: Tool::OinManager,
    integration_type: IntegrationType::ApiService,
    via_api: true,
    tabs: &[Tab::GeneralSettings, Tab::ApiService],
    fields: &MANAGER_API_FIELDS,
};

const DETAILS: Tab = Tab::IntegrationDetails;
const CONFIGURE: Tab = Tab::ConfigureIntegration;
const TEST_PAGE: Tab = Tab::TestIntegration;

/// At most this many tenant-setting variables in the OIN Wizard.
pub const MAX_TENANT_VARIABLES: u32 = 8;

const WIZARD_API_FIELDS: [Field; 14] = [
    field("appInfo.appName", DETAILS, "OIN catalog properties", "Display name",
        "The name customers see in the OIN catalog. At most 64 characters.",
        K::Text, Required).limit(64, Error),
    field("appInfo.description", DETAILS, "OIN catalog properties", "Description",
        "What your app is and what the Okta integration does for customers. Fewer than 1024 characters.",
        K::LongText, Required).limit(1023, Error),
    field("appInfo.appIcon", DETAILS, "OIN catalog properties", "Logo",
        "PNG, JPG or GIF under 1 MB at 244×244, 200×200, 244×156 or 156×244 pixels.",
        K::Logo, Required),
    field("appInfo.useCases", DETAILS, "OIN catalog properties", "Use cases",
        "Optional: up to three. Okta adds default categories from the integration's features.",
        K::Choice, Optional).choices(OIN_WIZARD_USE_CASES, 0, 3),
    field("tenantSettings", DETAILS, "Tenant settings", "Tenant settings",
        "Optional: values each customer enters when they add the integration (up to 8), e.g. a subdomain. Name: lowercase letters, digits and _, starting with a letter.",
        K::Variables, Optional).max_items(MAX_TENANT_VARIABLES),
    field("apiService.authMethod", CONFIGURE, "Authentication", "Client authentication",
        "Client secret is the only method for API service integrations; tokens come from your customers' org authorization server and last one hour.",
        K::Fixed, Optional).fixed("Client secret"),
    field("support.escalationContact", CONFIGURE, "Support contact", "Support email",
        "Private, for Okta's escalations: a monitored email distribution list, not support@… or a personal address.",
        K::Email, Required).limit(255, Error).hint("oin-escalations@yourcompany.com"),
    field("apiService.scopes", CONFIGURE, "API service", "Scope", SCOPES_HELP, K::Scopes, Optional),
    field("apiService.scopeReason", CONFIGURE, "API service", "Tell us the reason to use scopes",
        REASON_HELP, K::LongText, Optional).limit(5000, Error),
    field("apiService.configGuideUrl", CONFIGURE, "API service", "Link to configuration guide",
        GUIDE_HELP, K::Url, Required).hint("https://"),
    field("testAccount.url", TEST_PAGE, "Test account", "Account URL",
        "A static https:// sign-in URL of your app that Okta's testers open.",
        K::Url, Required).limit(512, Error).hint("https://"),
    field("testAccount.username", TEST_PAGE, "Test account", "Username",
        "A dedicated admin-level account. isvtest@okta.com is preferred.",
        K::Text, Required).limit(255, Error).hint("isvtest@okta.com"),
    field("testAccount.password", TEST_PAGE, "Test account", "Password",
        "The password of the test account. Okta deletes test credentials 30 days after publication.",
        K::Password, Required).limit(255, Error),
    field("testAccount.instructions", TEST_PAGE, "Test account", "Testing instructions",
        "Anything Okta's testers need: privileges, test data, how to trigger the integration.",
        K::LongText, Optional).limit(2048, Error),
];

/// An API service in the OIN Wizard (`oin-2026`).
pub const WIZARD_API_SERVICE: Form = Form {
    tool: Tool::OinWizard,
    integration_type: IntegrationType::ApiService,
    via_api: true,
    tabs: &[Tab::IntegrationDetails, Tab::ConfigureIntegration, Tab::TestIntegration],
    fields: &WIZARD_API_FIELDS,
};
