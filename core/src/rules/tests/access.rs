//! Each rule at its boundary (see `cases`): support contacts, the test
//! account, scopes, the connector, updates and the form itself.

use super::cases::Case;
use super::*;

pub(super) const ACCESS: &[Case] = &[
    (
        "contact email invalid",
        Wf,
        "oin-2026",
        |d| d.support.contacts[0].value = Some("help@".into()),
        Some(("support.contact.valid", "support.contacts.0.value", Severity::Error)),
    ),
    (
        "contact URL valid",
        Wf,
        "oin-2026",
        |d| {
            d.support.contacts = vec![SupportContact {
                kind: ContactKind::Url,
                value: Some("https://acme.example/faq".into()),
            }]
        },
        None,
    ),
    (
        "contact URL invalid",
        Wf,
        "oin-2026",
        |d| {
            d.support.contacts =
                vec![SupportContact { kind: ContactKind::Url, value: Some("acme faq".into()) }]
        },
        Some(("support.contact.valid", "support.contacts.0.value", Severity::Error)),
    ),
    (
        "contact phone valid",
        Wf,
        "oin-2026",
        |d| {
            d.support.contacts = vec![SupportContact {
                kind: ContactKind::Phone,
                value: Some("+44 20 7946 0958".into()),
            }]
        },
        None,
    ),
    (
        "contact phone invalid",
        Wf,
        "oin-2026",
        |d| {
            d.support.contacts =
                vec![SupportContact { kind: ContactKind::Phone, value: Some("555".into()) }]
        },
        Some(("support.contact.valid", "support.contacts.0.value", Severity::Error)),
    ),
    (
        "escalation is support@",
        Wf,
        "oin-2026",
        |d| d.support.escalation_contact = Some("Support@acme.example".into()),
        Some(("escalation.distribution_list", "support.escalationContact", Severity::Error)),
    ),
    (
        "escalation is no-reply@",
        Wf,
        "oin-2026",
        |d| d.support.escalation_contact = Some("no-reply@acme.example".into()),
        Some(("escalation.distribution_list", "support.escalationContact", Severity::Error)),
    ),
    (
        "escalation support-escalations@ is a list",
        Wf,
        "oin-2026",
        |d| d.support.escalation_contact = Some("support-escalations@acme.example".into()),
        None,
    ),
    (
        "escalation is toll-free",
        Wf,
        "oin-2026",
        |d| d.support.escalation_contact = Some("+1 888 225 5322".into()),
        Some(("escalation.distribution_list", "support.escalationContact", Severity::Error)),
    ),
    (
        "escalation not an email",
        Wf,
        "oin-2026",
        |d| d.support.escalation_contact = Some("the ops team".into()),
        Some(("escalation.distribution_list", "support.escalationContact", Severity::Error)),
    ),
    (
        "another test username: info",
        Wf,
        "oin-2026",
        |d| d.test_account.username = Some("oin@acme.example".into()),
        Some(("test_account.username.preferred", "testAccount.username", Severity::Info)),
    ),
    (
        "instructions of 2048",
        Api,
        "oin-2026",
        |d| d.test_account.instructions = Some("i".repeat(2048)),
        None,
    ),
    (
        "instructions of 2049 via the API",
        Api,
        "oin-2026",
        |d| d.test_account.instructions = Some("i".repeat(2049)),
        Some(("field.length", "testAccount.instructions", Severity::Error)),
    ),
    (
        "instructions of 2049 in the Manager",
        Wf,
        "oin-2026",
        |d| d.test_account.instructions = Some("i".repeat(2049)),
        Some(("field.length", "testAccount.instructions", Severity::Warning)),
    ),
    (
        "retired scope",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec!["okta.riskProviders.read".into()],
        Some(("scopes.admin_management", "apiService.scopes.0", Severity::Error)),
    ),
    (
        "end-user .self scope",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec!["okta.users.read.self".into()],
        Some(("scopes.admin_management", "apiService.scopes.0", Severity::Error)),
    ),
    (
        "MyAccount scope",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec!["okta.myAccount.email.read".into()],
        Some(("scopes.admin_management", "apiService.scopes.0", Severity::Error)),
    ),
    (
        "OIDC scope",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec!["openid".into()],
        Some(("scopes.admin_management", "apiService.scopes.0", Severity::Error)),
    ),
    (
        "unknown scope",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec!["okta.usres.read".into()],
        Some(("scopes.admin_management", "apiService.scopes.0", Severity::Error)),
    ),
    (
        "governance scope",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec![governance_scope()],
        Some(("scopes.governance", "apiService.scopes.0", Severity::Warning)),
    ),
    (
        "read beside manage",
        Api,
        "oin-manager-2025",
        |d| d.api_service.scopes = vec!["okta.users.read".into(), "okta.users.manage".into()],
        Some(("scopes.read_with_manage", "apiService.scopes.0", Severity::Warning)),
    ),
    (
        "reason missing in 2025",
        Api,
        "oin-manager-2025",
        |d| d.api_service.scope_reason = None,
        Some(("scope_reason.advice", "apiService.scopeReason", Severity::Warning)),
    ),
    (
        "reason of 5000",
        Api,
        "oin-2026",
        |d| d.api_service.scope_reason = Some(format!("okta.users.read {}", "r".repeat(4984))),
        None,
    ),
    (
        "reason of 5001",
        Api,
        "oin-2026",
        |d| d.api_service.scope_reason = Some(format!("okta.users.read {}", "r".repeat(4985))),
        Some(("field.length", "apiService.scopeReason", Severity::Error)),
    ),
    (
        "manage scope not explained",
        Api,
        "oin-2026",
        |d| d.api_service.scopes = vec!["okta.groups.manage".into()],
        Some(("scope_reason.advice", "apiService.scopeReason", Severity::Warning)),
    ),
    (
        "version 0",
        Wf,
        "oin-2026",
        |d| d.workflows.version = Some("0".into()),
        Some(("workflows.version", "workflows.version", Severity::Error)),
    ),
    ("version 1", Wf, "oin-2026", |d| d.workflows.version = Some("1".into()), None),
    (
        "version 2.1",
        Wf,
        "oin-2026",
        |d| d.workflows.version = Some("2.1".into()),
        Some(("workflows.version", "workflows.version", Severity::Error)),
    ),
    (
        "test suite missing",
        Wf,
        "oin-2026",
        |d| d.workflows.test_suite = None,
        Some(("required", "workflows.testSuite", Severity::Error)),
    ),
    (
        "placeholder in description",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some("Lorem ipsum for now".into()),
        Some(("content.placeholder", "appInfo.description", Severity::Warning)),
    ),
    (
        "TODO in name",
        Wf,
        "oin-2026",
        |d| d.app_info.app_name = Some("Acme TODO".into()),
        Some(("content.placeholder", "appInfo.appName", Severity::Warning)),
    ),
    (
        "latest is not test",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some("Syncs the latest contest results.".into()),
        None,
    ),
    (
        "test wording in the name",
        Wf,
        "oin-2026",
        |d| d.app_info.app_name = Some("Acme Dummy Connector".into()),
        Some(("content.test_words", "appInfo.appName", Severity::Warning)),
    ),
    (
        "coming soon",
        Wf,
        "oin-2026",
        |d| d.app_info.description = Some("SCIM support coming soon!".into()),
        Some(("content.future", "appInfo.description", Severity::Warning)),
    ),
    (
        "trademark in name",
        Wf,
        "oin-2026",
        |d| d.app_info.app_name = Some("Acme™".into()),
        Some(("app_name.trademark", "appInfo.appName", Severity::Warning)),
    ),
    (
        "exists needs the update fields",
        Wf,
        "oin-2026",
        |d| d.app_info.exists_in_oin = Some(true),
        Some(("required", "appInfo.existingAppName", Severity::Error)),
    ),
    (
        "a personal escalation address",
        Api,
        "oin-2026",
        |d| d.support.escalation_contact = Some("pat.lee@gmail.com".into()),
        Some(("contact.personal_domain", "support.escalationContact", Severity::Warning)),
    ),
    (
        "a personal support address in the OIN Manager",
        Wf,
        "oin-2026",
        |d| d.support.contacts[0].value = Some("acme.help@outlook.com".into()),
        Some(("contact.personal_domain", "support.contacts.0.value", Severity::Warning)),
    ),
    (
        "a Manager value in a Wizard draft is kept and noted",
        Api,
        "oin-2026",
        |d| d.app_info.app_website = Some("https://acme.example".into()),
        Some(("form.outside", "appInfo.appWebsite", Severity::Info)),
    ),
    (
        "no reason for the scopes: our advice",
        Api,
        "oin-2026",
        |d| d.api_service.scope_reason = None,
        Some(("scope_reason.advice", "apiService.scopeReason", Severity::Warning)),
    ),
    (
        "a tenant setting name with capitals",
        Api,
        "oin-2026",
        |d| {
            d.tenant_settings = vec![crate::draft::TenantVariable {
                label: Some("Subdomain".into()),
                name: Some("SubDomain".into()),
            }]
        },
        Some(("tenant.variables", "tenantSettings.0.name", Severity::Error)),
    ),
    (
        "a tenant setting without a label",
        Api,
        "oin-2026",
        |d| {
            d.tenant_settings =
                vec![crate::draft::TenantVariable { label: None, name: Some("region".into()) }]
        },
        Some(("tenant.variables", "tenantSettings.0.label", Severity::Error)),
    ),
    (
        "nine tenant settings",
        Api,
        "oin-2026",
        |d| {
            d.tenant_settings = (0..9)
                .map(|i| crate::draft::TenantVariable {
                    label: Some(format!("V{i}")),
                    name: Some(format!("v{i}")),
                })
                .collect()
        },
        Some(("tenant.variables", "tenantSettings", Severity::Error)),
    ),
    (
        "eight tenant settings are fine",
        Api,
        "oin-2026",
        |d| {
            d.tenant_settings = (0..8)
                .map(|i| crate::draft::TenantVariable {
                    label: Some(format!("V{i}")),
                    name: Some(format!("v{i}")),
                })
                .collect()
        },
        None,
    ),
    (
        "a configuration guide address with an umlaut: Okta's schema",
        Api,
        "oin-2026",
        |d| d.api_service.config_guide_url = Some("https://acme.example/anleitung-für-okta".into()),
        Some(("okta.schema", "apiService.configGuideUrl", Severity::Error)),
    ),
    (
        "a test account URL with a space: Okta's schema",
        Api,
        "oin-2026",
        |d| d.test_account.url = Some("https://acme.example/sign in".into()),
        Some(("okta.schema", "testAccount.url", Severity::Error)),
    ),
    (
        "the same spaces in the OIN Manager's web form",
        Wf,
        "oin-2026",
        |d| d.test_account.url = Some("https://acme.example/sign in".into()),
        None,
    ),
];

fn governance_scope() -> String {
    crate::scopes::ScopeCatalog::get()
        .scopes
        .iter()
        .find(|(_, g)| *g == crate::scopes::ScopeGroup::Governance)
        .map(|(s, _)| s.clone())
        .expect("the reference lists governance scopes")
}
