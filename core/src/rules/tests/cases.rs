//! The tables: each rule at its boundary, a passing and a failing case, with
//! the exact rule id, field path and severity expected. The listing's fields
//! here; support, the test account, scopes, the connector, updates and the
//! form itself in `access`.

use super::*;

pub(super) type Edit = fn(&mut Draft);

/// (what, type, pack, edit, expected (rule, path, severity) — None means "no issue").
#[allow(clippy::type_complexity)]
pub(super) type Case = (
    &'static str,
    IntegrationType,
    &'static str,
    Edit,
    Option<(&'static str, &'static str, Severity)>,
);

/// Every case, both tables.
pub(super) fn all() -> impl Iterator<Item = &'static Case> {
    LISTING.iter().chain(super::access::ACCESS)
}

/// The listing: names, addresses, the description, use cases.
const LISTING: &[Case] = &[
    ("a full draft is clean", Wf, "oin-2026", |_| {}, None),
    ("a full API draft is clean", Api, "oin-2026", |_| {}, None),
    (
        "app name missing",
        Wf,
        "oin-2026",
        |d| d.app_info.app_name = None,
        Some(("required", "appInfo.appName", Severity::Error)),
    ),
    ("name of 64 is fine", Api, "oin-2026", |d| d.app_info.app_name = Some("n".repeat(64)), None),
    (
        "name of 65 in the Wizard",
        Api,
        "oin-2026",
        |d| d.app_info.app_name = Some("n".repeat(65)),
        Some(("field.length", "appInfo.appName", Severity::Error)),
    ),
    (
        "name of 65 for a 2025 API service, still sent through Okta's API",
        Api,
        "oin-manager-2025",
        |d| d.app_info.app_name = Some("n".repeat(65)),
        Some(("field.length", "appInfo.appName", Severity::Error)),
    ),
    (
        "name of 65 for a connector",
        Wf,
        "oin-2026",
        |d| d.app_info.app_name = Some("n".repeat(65)),
        Some(("field.length", "appInfo.appName", Severity::Warning)),
    ),
    (
        "website without scheme",
        Wf,
        "oin-2026",
        |d| d.app_info.app_website = Some("acme.example".into()),
        Some(("url.https", "appInfo.appWebsite", Severity::Error)),
    ),
    (
        "website over http",
        Wf,
        "oin-2026",
        |d| d.app_info.app_website = Some("http://acme.example".into()),
        Some(("url.https", "appInfo.appWebsite", Severity::Error)),
    ),
    (
        "test URL not https",
        Api,
        "oin-2026",
        |d| d.test_account.url = Some("ftp://acme.example".into()),
        Some(("url.https", "testAccount.url", Severity::Error)),
    ),
    (
        "user doc URL",
        Wf,
        "oin-2026",
        |d| d.workflows.user_doc_url = Some("docs".into()),
        Some(("url.https", "workflows.userDocUrl", Severity::Error)),
    ),
    (
        "API doc URL",
        Wf,
        "oin-2026",
        |d| d.workflows.api_doc_url = Some("http://x.example".into()),
        Some(("url.https", "workflows.apiDocUrl", Severity::Error)),
    ),
    (
        "config guide URL",
        Api,
        "oin-2026",
        |d| d.api_service.config_guide_url = Some("guide".into()),
        Some(("url.https", "apiService.configGuideUrl", Severity::Error)),
    ),
    (
        "description of 1023 multi-byte",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some("é".repeat(1023)),
        None,
    ),
    (
        "description of 1024 multi-byte",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some("é".repeat(1024)),
        Some(("field.length", "appInfo.description", Severity::Error)),
    ),
    (
        "emoji count twice: 511 + 1 = 1023",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some(format!("{}a", "😀".repeat(511))),
        None,
    ),
    (
        "emoji count twice: 512 = 1024",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some("😀".repeat(512)),
        Some(("field.length", "appInfo.description", Severity::Error)),
    ),
    (
        "use case not in the Wizard list",
        Api,
        "oin-2026",
        |d| d.app_info.use_cases = vec!["Lifecycle Management".into()],
        Some(("use_cases.allowed", "appInfo.useCases.0", Severity::Error)),
    ),
    (
        "same use case in the Manager",
        Api,
        "oin-manager-2025",
        |d| d.app_info.use_cases = vec!["Lifecycle Management".into()],
        None,
    ),
    (
        "three use cases in the Wizard",
        Api,
        "oin-2026",
        |d| {
            d.app_info.use_cases =
                ["Automation", "Zero Trust", "Centralized Logging"].map(String::from).to_vec()
        },
        None,
    ),
    (
        "four use cases in the Wizard",
        Api,
        "oin-2026",
        |d| {
            d.app_info.use_cases =
                ["Automation", "Zero Trust", "Centralized Logging", "Identity Verification"]
                    .map(String::from)
                    .to_vec()
        },
        Some(("use_cases.allowed", "appInfo.useCases", Severity::Error)),
    ),
    (
        "five use cases in the Manager: info",
        Wf,
        "oin-2026",
        |d| {
            d.app_info.use_cases =
                crate::form::OIN_MANAGER_USE_CASES[..5].iter().map(|s| s.to_string()).collect()
        },
        Some(("use_cases.all_five", "appInfo.useCases", Severity::Info)),
    ),
    (
        "six use cases in the Manager",
        Wf,
        "oin-2026",
        |d| {
            d.app_info.use_cases =
                crate::form::OIN_MANAGER_USE_CASES[..6].iter().map(|s| s.to_string()).collect()
        },
        Some(("use_cases.allowed", "appInfo.useCases", Severity::Error)),
    ),
];
