//! Table tests for every rule: a passing and a failing case at each boundary,
//! with the exact rule id, field path and severity expected.

use super::*;
use crate::draft::{Attachment, ContactKind, Dismissal, SupportContact};
use crate::flowsuite::{SuiteProblem, SuiteReport};
use crate::IntegrationType::{self, ApiService as Api, WorkflowsConnector as Wf};

pub(crate) fn full(t: IntegrationType) -> Draft {
    let mut d = Draft::new(t);
    let s = |v: &str| Some(v.to_owned());
    d.app_info.exists_in_oin = Some(false);
    d.app_info.app_name = s("Acme");
    d.app_info.app_website = s("https://acme.example");
    d.app_info.use_cases = vec!["Automation".into()];
    d.app_info.description = s("Syncs Acme HR with Okta.");
    d.app_info.app_icon =
        Some(Attachment { file_name: "logo.png".into(), size_bytes: 1, sha256: "00".into() });
    d.support.contacts =
        vec![SupportContact { kind: ContactKind::Email, value: s("help@acme.example") }];
    d.support.escalation_contact = s("oin-team@acme.example");
    d.test_account.url = s("https://acme.example/login");
    d.test_account.username = s("isvtest@okta.com");
    d.workflows.connector = s("acme");
    d.workflows.version = s("3");
    d.workflows.test_suite =
        Some(Attachment { file_name: "t.flopack".into(), size_bytes: 1, sha256: "01".into() });
    d.workflows.user_doc_url = s("https://acme.example/docs");
    d.workflows.api_doc_url = s("https://acme.example/api");
    d.api_service.scopes = vec!["okta.users.read".into()];
    d.api_service.scope_reason = s("okta.users.read reads users to sync them.");
    d.api_service.config_guide_url = s("https://acme.example/guide");
    d
}

pub(crate) fn facts() -> Facts {
    Facts {
        has_password: true,
        test_suite: Some(SuiteReport { flows: vec!["Create user".into()], problem: None }),
        logo: Some(logo_ok()),
        guide: None,
    }
}

/// The logo doctor's verdict on a 200×200 PNG.
fn logo_ok() -> crate::logo::Verdict {
    let img = image::RgbaImage::from_pixel(200, 200, image::Rgba([30, 80, 200, 255]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    crate::logo::judge(&png.into_inner()).unwrap()
}

fn run(t: IntegrationType, pack: &str, edit: impl FnOnce(&mut Draft)) -> Report {
    let mut d = full(t);
    edit(&mut d);
    check(&d, RulePack::by_id(pack).unwrap(), &facts())
}

/// What a report found, leaving out the notes on values the form doesn't ask
/// for (the shared full draft fills every form's fields).
fn ids(r: &Report) -> Vec<(String, String, Severity)> {
    all_ids(r).into_iter().filter(|(rule, _, _)| rule != "form.outside").collect()
}

fn all_ids(r: &Report) -> Vec<(String, String, Severity)> {
    r.issues.iter().map(|i| (i.rule.clone(), i.path.clone(), i.severity)).collect()
}

type Edit = fn(&mut Draft);

/// (what, type, pack, edit, expected (rule, path, severity) — None means "no issue").
#[allow(clippy::type_complexity)]
const CASES: &[(&str, IntegrationType, &str, Edit, Option<(&str, &str, Severity)>)] = &[
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

#[test]
fn every_rule_at_its_boundary() {
    for (what, t, pack, edit, want) in CASES {
        let r = run(*t, pack, edit);
        let got = if want.is_some_and(|(rule, _, _)| rule == "form.outside") {
            all_ids(&r)
        } else {
            ids(&r)
        };
        match want {
            None => assert!(got.is_empty(), "{what}: expected no issue, got {got:?}"),
            Some((rule, path, sev)) => assert!(
                got.contains(&((*rule).to_owned(), (*path).to_owned(), *sev)),
                "{what}: expected {rule} at {path} ({sev:?}), got {got:?}"
            ),
        }
    }
}

#[test]
fn every_rule_in_the_catalog_is_exercised() {
    // The test-suite rule takes its verdict from the inspection: tested below
    // and in `crate::flowsuite`.
    // The test-suite and logo rules relay verdicts made elsewhere: tested below.
    for rule in
        catalog::RULES.iter().filter(|r| !["workflows.test_suite", "logo", "guide"].contains(&r.id))
    {
        let hit = CASES.iter().any(|(_, _, _, _, want)| want.is_some_and(|(r, _, _)| r == rule.id));
        assert!(hit, "rule {} has no failing case in the table", rule.id);
    }
}

#[test]
fn a_bad_test_suite_is_an_error_and_a_folder_doubt_a_warning() {
    let d = full(Wf);
    let pack = RulePack::by_id("oin-2026").unwrap();
    for (severity, blocks) in [(Severity::Error, true), (Severity::Warning, false)] {
        let f = Facts {
            has_password: true,
            test_suite: Some(SuiteReport {
                flows: vec![],
                problem: Some(SuiteProblem { severity, message: "m".into() }),
            }),
            logo: Some(logo_ok()),
            guide: None,
        };
        let r = check(&d, pack, &f);
        assert_eq!(
            ids(&r),
            [("workflows.test_suite".to_owned(), "workflows.testSuite".to_owned(), severity)]
        );
        assert_eq!(r.can_submit, !blocks);
    }
}

#[test]
fn the_gate_opens_at_100_percent_with_no_error() {
    let r = run(Api, "oin-2026", |_| {});
    assert!(r.can_submit && r.completion.percent == 100);
    let r = run(Api, "oin-2026", |d| d.api_service.scopes.push("okta.users.manage".into()));
    assert!(r.can_submit, "warnings don't block: {:?}", ids(&r));
    let r = run(Api, "oin-2026", |d| d.test_account.url = Some("http://acme.example".into()));
    assert!(!r.can_submit && r.completion.percent < 100);
    let r = run(Api, "oin-2026", |d| d.app_info.app_website = Some("http://acme.example".into()));
    assert!(r.can_submit, "the OIN Wizard has no App website: {:?}", ids(&r));
}

#[test]
fn the_read_scope_fix_removes_the_read_scope() {
    let r = run(Api, "oin-2026", |d| {
        d.api_service.scopes = vec!["okta.users.read".into(), "okta.users.manage".into()]
    });
    let action = r.issues.iter().find_map(|i| i.action.clone()).expect("a one-click fix");
    let mut d = full(Api);
    d.api_service.scopes = vec!["okta.users.read".into(), "okta.users.manage".into()];
    action.apply(&mut d);
    assert_eq!(d.api_service.scopes, ["okta.users.manage"]);
}

#[test]
fn a_dismissed_warning_stays_listed_with_its_reason_but_is_not_counted() {
    let mut d = full(Wf);
    d.app_info.description = Some("Coming soon: more.".into());
    d.dismissed.push(Dismissal {
        rule: "content.future".into(),
        path: "appInfo.description".into(),
        reason: "It's the product's name".into(),
    });
    let r = check(&d, RulePack::by_id("oin-2026").unwrap(), &facts());
    assert_eq!(r.issues[0].dismissed.as_deref(), Some("It's the product's name"));
    assert_eq!(r.counts.warnings, 0);
}

#[test]
fn every_issue_names_a_field_of_the_form_and_a_source() {
    let r = run(Api, "oin-2026", |d| {
        d.app_info.app_name = Some("Lorem ipsum™".repeat(10));
        d.api_service.scopes =
            vec!["openid".into(), "okta.users.read".into(), "okta.users.manage".into()];
        d.support.escalation_contact = Some("info@acme.example".into());
    });
    assert!(r.issues.len() >= 5);
    for i in &r.issues {
        let form = RulePack::by_id("oin-2026").unwrap().form(Api);
        let known = form
            .field(&i.path)
            .or_else(|| crate::form::every_field().find(|f| crate::form::owns(f.path, &i.path)));
        assert!(known.is_some(), "{} names no field", i.path);
        assert!(i.source.starts_with("https://"), "{} has no source", i.rule);
        assert!(!i.message.is_empty() && !i.fix.is_empty());
    }
}

#[test]
fn the_logo_doctors_checks_are_relayed_with_their_own_ids() {
    let img = image::RgbaImage::from_pixel(300, 300, image::Rgba([30, 80, 200, 255]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let wrong_size = crate::logo::judge(&png.into_inner()).unwrap();
    let pack = RulePack::by_id("oin-2026").unwrap();
    let d = full(Api);
    let r = check(&d, pack, &Facts { logo: Some(wrong_size), ..facts() });
    assert_eq!(
        ids(&r),
        [("logo.dimensions".to_owned(), "appInfo.appIcon".to_owned(), Severity::Error)]
    );
    assert!(!r.can_submit && r.completion.percent < 100, "a logo Okta refuses blocks");
    let unreadable = check(&d, pack, &Facts { logo: None, ..facts() });
    assert_eq!(
        ids(&unreadable),
        [("logo".to_owned(), "appInfo.appIcon".to_owned(), Severity::Error)]
    );
}

#[test]
fn the_guide_doctor_s_verdicts_are_warnings_on_the_url_field_and_unreachable_an_error() {
    use crate::guide::{checks, read, Reading, Unreadable};
    let mut d = full(Api);
    let pack = RulePack::by_id("oin-2026").unwrap();
    let url = d.api_service.config_guide_url.clone().unwrap();
    let thin = Reading::Read(read::markdown("# Acme\n\n## Setup\n\n1. a\n2. b\n3. c\n"));
    let report = checks::report(&url, Api, &thin, Some(&d), 1);
    let r = check(&d, pack, &Facts { guide: Some(report.clone()), ..facts() });
    let guide: Vec<_> = r.issues.iter().filter(|i| i.rule.starts_with("guide.")).collect();
    assert!(!guide.is_empty());
    for i in &guide {
        assert_eq!((i.path.as_str(), i.severity), ("apiService.configGuideUrl", Severity::Warning));
        assert!(i.dismissible && i.message.starts_with("Configuration guide:"));
    }
    assert!(guide.iter().any(|i| i.rule == "guide.prerequisites"));
    assert!(r.can_submit, "Okta suggests the sections: warnings don't block");
    // A check of another address (the user changed it since) counts for nothing.
    d.api_service.config_guide_url = Some("https://docs.acme.example/other".into());
    let r = check(&d, pack, &Facts { guide: Some(report), ..facts() });
    assert!(!r.issues.iter().any(|i| i.rule.starts_with("guide.")));
    // Unreachable: one error, the section checks are not reported.
    let url = d.api_service.config_guide_url.clone().unwrap();
    let walled = Reading::Unreadable(Unreadable::SignInWall {
        detail: "it redirects to a sign-in page".into(),
    });
    let report = checks::report(&url, Api, &walled, Some(&d), 1);
    let r = check(&d, pack, &Facts { guide: Some(report), ..facts() });
    let guide: Vec<_> = r.issues.iter().filter(|i| i.rule.starts_with("guide.")).collect();
    assert_eq!(guide.len(), 1);
    assert_eq!((guide[0].rule.as_str(), guide[0].severity), ("guide.reachable", Severity::Error));
    assert!(!r.can_submit);
    // Offline: not checked, no issue.
    let off = checks::report(&url, Api, &Reading::NotChecked { reason: "offline".into() }, None, 1);
    let r = check(&d, pack, &Facts { guide: Some(off), ..facts() });
    assert!(!r.issues.iter().any(|i| i.rule.starts_with("guide.")));
}
