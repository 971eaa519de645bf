//! The form a rule pack targets, as data: for each integration type, the tool
//! Okta takes it in (the OIN Manager's web form or the OIN Wizard), its pages
//! and sections, and every field with Okta's label for that tool, help, whether
//! it is required, its kind and its limits. Completion, the "required" rule,
//! the length rules and the UI all read this one declaration; the UI renders
//! it field by field and never names a pack. The declarations themselves are
//! in `declared.rs`.

mod declared;
pub mod value;

use serde::Serialize;
use ts_rs::TS;

use crate::draft::{Draft, IntegrationType};
use crate::rules::Severity;

pub use declared::{
    MANAGER_API_SERVICE, MANAGER_WORKFLOWS, MAX_TENANT_VARIABLES, OIN_MANAGER_USE_CASES,
    OIN_WIZARD_USE_CASES, WIZARD_API_SERVICE,
};

/// The Okta tool a submission is made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Tool {
    /// oinmanager.okta.com: a web form with no API.
    OinManager,
    /// Admin Console › Your OIN Integrations; its API twin is "Your OIN Integrations".
    OinWizard,
}

impl Tool {
    /// Okta's name for it.
    pub fn label(self) -> &'static str {
        match self {
            Self::OinManager => "OIN Manager",
            Self::OinWizard => "OIN Wizard",
        }
    }
}

/// A page of the form: a tab of the OIN Manager, a step of the OIN Wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Tab {
    GeneralSettings,
    WorkflowsConnector,
    ApiService,
    IntegrationDetails,
    ConfigureIntegration,
    TestIntegration,
}

impl Tab {
    /// Okta's name for the page.
    pub fn label(self) -> &'static str {
        match self {
            Self::GeneralSettings => "General Settings",
            Self::WorkflowsConnector => "Workflows connector",
            Self::ApiService => "API service",
            Self::IntegrationDetails => "Integration details",
            Self::ConfigureIntegration => "Configure your integration",
            Self::TestIntegration => "Test your integration",
        }
    }
}

/// What kind of input a field is; the UI has one component per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A web address.
    Url,
    /// An email address.
    Email,
    /// Yes or no.
    YesNo,
    /// Choose some of a fixed list (`Field::choices`).
    Choice,
    /// A list of public support contacts (type + value).
    Contacts,
    /// A list of tenant-setting variables (label + name).
    Variables,
    /// A list of Okta scopes, picked from the admin-management catalog.
    Scopes,
    /// An image file (the logo doctor).
    Logo,
    /// A Workflows export file (the flow test suite).
    TestSuite,
    /// A secret kept in the OS keychain.
    Password,
    /// A value Okta fixes; shown, not typed (`Field::fixed`).
    Fixed,
}

/// Whether Okta requires a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Need {
    Required,
    Optional,
    /// Required when the app already exists in the OIN (the OIN Manager's update questions).
    WhenUpdating,
}

/// A length limit, counted as Okta's schema and browser forms count (UTF-16 units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Limit {
    pub max: u32,
    /// An error where Okta refuses a longer value; a warning where it only advises.
    pub severity: Severity,
}

/// The options of a `Choice` field and how many may be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choices {
    pub options: &'static [&'static str],
    pub min: u32,
    pub max: u32,
}

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// Dotted camelCase path into the `Draft` JSON, e.g. `appInfo.appName`.
    pub path: &'static str,
    pub tab: Tab,
    pub section: &'static str,
    /// Okta's label in the tool this form belongs to.
    pub label: &'static str,
    pub help: &'static str,
    pub kind: FieldKind,
    pub need: Need,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Choices>,
    /// Most items of a list field.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// The value of a `Fixed` field.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<&'static str>,
    /// A hint shown inside an empty input.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<&'static str>,
}

/// The form of one integration type in one tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Form {
    pub tool: Tool,
    pub integration_type: IntegrationType,
    /// True when OIN Studio sends it through Okta's API: Okta's request schema
    /// is then the floor of the precheck.
    pub via_api: bool,
    pub tabs: &'static [Tab],
    pub fields: &'static [Field],
}

impl Form {
    /// The field at `path`, or the field a list item (`support.contacts.1.value`) belongs to.
    pub fn field(&self, path: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| owns(f.path, path))
    }

    /// The page a path sits on; paths outside the form go to the first page.
    pub fn tab_of(&self, path: &str) -> Tab {
        self.field(path).map_or(self.tabs[0], |f| f.tab)
    }

    /// The fields of one page, in order.
    pub fn on(&self, tab: Tab) -> impl Iterator<Item = &'static Field> + '_ {
        self.fields.iter().filter(move |f| f.tab == tab)
    }

    /// Whether a field must be filled for this draft.
    pub fn is_required(&self, f: &Field, draft: &Draft) -> bool {
        match f.need {
            Need::Required => true,
            Need::Optional => false,
            Need::WhenUpdating => draft.app_info.exists_in_oin == Some(true),
        }
    }

    /// Values the draft holds for fields this form doesn't have (e.g. the OIN
    /// Manager's "App website" in a draft now checked against the OIN Wizard):
    /// kept in the draft, shown apart, not required.
    pub fn outside(&self, draft: &Draft) -> Vec<&'static Field> {
        let json = value::json(draft);
        FORMS
            .iter()
            .filter(|f| f.integration_type == self.integration_type)
            .flat_map(|f| f.fields.iter())
            .filter(|f| !matches!(f.kind, FieldKind::Fixed | FieldKind::Password))
            .filter(|f| self.field(f.path).is_none())
            .filter(|f| value::filled(&json, f, false))
            .fold(Vec::new(), |mut out: Vec<&'static Field>, f| {
                if !out.iter().any(|o| o.path == f.path) {
                    out.push(f);
                }
                out
            })
    }
}

/// True when `path` is `field` or one of its items or parts.
pub fn owns(field: &str, path: &str) -> bool {
    path == field || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('.'))
}

/// Every form OIN Studio knows, for labels of values outside a draft's own form.
pub const FORMS: &[&Form] = &[&MANAGER_WORKFLOWS, &MANAGER_API_SERVICE, &WIZARD_API_SERVICE];

/// Every field of every form (a path may appear in several, with different labels).
pub fn every_field() -> impl Iterator<Item = &'static Field> {
    FORMS.iter().flat_map(|f| f.fields.iter())
}

#[cfg(test)]
mod tests;
