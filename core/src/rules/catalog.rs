//! Every OIN rule, as data plus a small pure function (reference §2–§5). The
//! runner in `mod.rs` adds each rule's id, severity and source to what it finds.

use super::checks::{self, form_length, has_phrase, Verdict};
use super::issue::{Findings, FixAction, Severity};
use super::pack::RulePack;
use super::Facts;
use crate::draft::{ContactKind, Draft};
use crate::scopes::{ScopeCatalog, ScopeGroup};

/// What a rule looks at.
pub struct Ctx<'a> {
    pub draft: &'a Draft,
    pub pack: &'a RulePack,
    pub facts: &'a Facts,
}

impl Ctx<'_> {
    /// Where the OIN Wizard / Your OIN Integrations API takes the values, Okta's
    /// schema limits are errors; in the OIN Manager's web form, warnings (§2.8).
    fn api_limit_severity(&self) -> Severity {
        if self.pack.uses_wizard(self.draft.integration_type) {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub source: &'static str,
    pub check: fn(&Ctx<'_>, &mut Findings),
}

const PREREQ: &str = "https://developer.okta.com/docs/guides/submit-app-prereq/main/";
const MANAGER: &str = "https://developer.okta.com/docs/guides/submit-app/wfconnector/main/";
const WIZARD: &str = "https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/";
const SCOPES: &str = "https://developer.okta.com/docs/guides/build-api-integration/main/";
const SCHEMA: &str = "https://github.com/okta/okta-management-openapi-spec";

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn verdict(out: &mut Findings, path: &str, v: Verdict) {
    if let Err((message, fix)) = v {
        out.add(path, message, fix);
    }
}

fn required(cx: &Ctx<'_>, out: &mut Findings) {
    for (path, filled) in super::completion::required(cx.draft, cx.pack, cx.facts) {
        if !filled {
            let f = crate::form::field(path).expect("required fields are in the form");
            out.add(path, format!("{} is required.", f.label), f.help);
        }
    }
}

fn app_name_length(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(name) = text(&cx.draft.app_info.app_name) else {
        return;
    };
    let n = form_length(name);
    if n > 64 {
        let severity = cx.api_limit_severity();
        out.add_as(
            severity,
            "appInfo.appName",
            format!("The app name is {n} characters; the OIN Wizard shows at most 64."),
            "Shorten the name to 64 characters or fewer. OIN Manager listings are moved into the Wizard, so keep it short either way.",
        );
    }
}

fn https_fields(cx: &Ctx<'_>, out: &mut Findings) {
    let d = cx.draft;
    let mut fields = vec![
        (
            "appInfo.appWebsite",
            "The app website",
            &d.app_info.app_website,
        ),
        (
            "testAccount.url",
            "The test account URL",
            &d.test_account.url,
        ),
    ];
    match d.integration_type {
        crate::IntegrationType::WorkflowsConnector => {
            fields.push((
                "workflows.userDocUrl",
                "The user documentation URL",
                &d.workflows.user_doc_url,
            ));
            fields.push((
                "workflows.apiDocUrl",
                "The API documentation URL",
                &d.workflows.api_doc_url,
            ));
        }
        crate::IntegrationType::ApiService => {
            fields.push((
                "apiService.configGuideUrl",
                "The configuration guide link",
                &d.api_service.config_guide_url,
            ));
        }
    }
    for (path, label, value) in fields {
        if let Some(v) = text(value) {
            verdict(out, path, checks::https_url(label, v));
        }
    }
}

fn description_length(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(d) = cx.draft.app_info.description.as_deref() else {
        return;
    };
    let n = form_length(d);
    if n >= 1024 {
        out.add(
            "appInfo.description",
            format!("The description is {n} characters; Okta takes fewer than 1024 (counted as web forms count: an emoji counts as 2)."),
            format!("Cut {} characters. Say what the app is and what the Okta integration does for customers.", n - 1023),
        );
    }
}

fn use_cases(cx: &Ctx<'_>, out: &mut Findings) {
    let t = cx.draft.integration_type;
    let (allowed, max) = cx.pack.use_cases(t);
    let chosen = &cx.draft.app_info.use_cases;
    for (i, u) in chosen.iter().enumerate() {
        if !allowed.contains(&u.as_str()) {
            out.add(
                format!("appInfo.useCases.{i}"),
                format!(
                    "“{u}” isn't a use case you can choose under {}.",
                    cx.pack.id
                ),
                format!("Choose one of: {}.", allowed.join(", ")),
            );
        }
    }
    if chosen.len() > max {
        out.add(
            "appInfo.useCases",
            format!(
                "{} use cases are chosen; at most {max} are allowed.",
                chosen.len()
            ),
            format!("Keep the {max} that describe your integration best."),
        );
    }
}

fn use_cases_all_five(cx: &Ctx<'_>, out: &mut Findings) {
    let (_, max) = cx.pack.use_cases(cx.draft.integration_type);
    if max == 5 && cx.draft.app_info.use_cases.len() == 5 {
        out.add(
            "appInfo.useCases",
            "With all five use cases chosen, the OIN team won't add default categories for you.",
            "That's fine if all five fit; otherwise leave a slot free.",
        );
    }
}

fn support_contacts(cx: &Ctx<'_>, out: &mut Findings) {
    for (i, c) in cx.draft.support.contacts.iter().enumerate() {
        let Some(v) = text(&c.value) else { continue };
        let path = format!("support.contacts.{i}.value");
        let label = format!("Support contact {}", i + 1);
        match c.kind {
            ContactKind::Email => verdict(out, &path, checks::email(&label, v)),
            ContactKind::Url => verdict(out, &path, checks::web_url(&label, v)),
            ContactKind::Phone if checks::phone(v).is_none() => out.add(
                path,
                format!("{label} isn't a valid phone number."),
                "Write it with the country code, e.g. +1 415 555 0100.",
            ),
            ContactKind::Phone => {}
        }
    }
}

fn escalation(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(v) = text(&cx.draft.support.escalation_contact) else {
        return;
    };
    let path = "support.escalationContact";
    if let Some(n) = checks::phone(v).filter(|_| !v.contains('@')) {
        let what = if checks::is_toll_free(&n) {
            "a toll-free (1-800) number"
        } else {
            "a phone number"
        };
        out.add(
            path,
            format!("The escalation contact is {what}; Okta needs an email distribution list."),
            "Give a monitored email list, e.g. oin-escalations@yourcompany.com.",
        );
        return;
    }
    if checks::email("The escalation contact", v).is_err() {
        out.add(
            path,
            "The escalation contact isn't a valid email address.",
            "Give a monitored email list, e.g. oin-escalations@yourcompany.com.",
        );
        return;
    }
    let local = checks::local_part(v);
    if checks::ROLE_MAILBOXES.contains(&local.as_str()) {
        out.add(
            path,
            format!("{local}@… is a generic mailbox; Okta refuses it as the escalation contact."),
            "Use a distribution list that reaches the people who own the integration, e.g. oin-escalations@yourcompany.com.",
        );
    }
}

fn test_username(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(u) = text(&cx.draft.test_account.username) else {
        return;
    };
    if !u.eq_ignore_ascii_case("isvtest@okta.com") {
        out.add(
            "testAccount.username",
            "Okta prefers the test account username isvtest@okta.com.",
            "Another username is fine if your company owns its domain.",
        );
    }
}

fn api_limits(cx: &Ctx<'_>, out: &mut Findings) {
    let d = cx.draft;
    let limits: [(&str, &str, &Option<String>, usize); 4] = [
        (
            "testAccount.url",
            "The test account URL",
            &d.test_account.url,
            512,
        ),
        (
            "testAccount.username",
            "The test account username",
            &d.test_account.username,
            255,
        ),
        (
            "testAccount.instructions",
            "The additional instructions",
            &d.test_account.instructions,
            2048,
        ),
        (
            "support.escalationContact",
            "The escalation contact",
            &d.support.escalation_contact,
            255,
        ),
    ];
    for (path, label, value, max) in limits {
        let n = value.as_deref().map_or(0, form_length);
        if n > max {
            out.add_as(
                cx.api_limit_severity(),
                path,
                format!("{label} is {n} characters; Okta takes at most {max}."),
                format!("Shorten it by {} characters.", n - max),
            );
        }
    }
}

fn scopes(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::ApiService {
        return;
    }
    let catalog = ScopeCatalog::get();
    for (i, s) in cx.draft.api_service.scopes.iter().enumerate() {
        let path = format!("apiService.scopes.{i}");
        let s = s.trim();
        if catalog.retired.iter().any(|r| r == s) {
            out.add(
                path,
                format!("{s} has been retired by Okta."),
                "Remove it; pick a current admin-management scope instead.",
            );
        } else if s.ends_with(".self")
            || s.starts_with("okta.myAccount.")
            || catalog.group_of(s) == Some(ScopeGroup::MyAccount)
        {
            out.add(
                path,
                format!("{s} is an end-user scope; a service app acting for an org can't use it."),
                "Remove it; use the admin-management scope for the same data.",
            );
        } else if catalog.group_of(s) == Some(ScopeGroup::OidcOauth) {
            out.add(
                path,
                format!("{s} is a sign-in (OpenID Connect) scope, not an Okta API scope."),
                "Remove it: API service integrations use admin-management scopes only.",
            );
        } else if catalog.group_of(s).is_none() {
            out.add(
                path,
                format!("{s} isn't an Okta admin-management scope."),
                "Check the spelling, or pick it from the list.",
            );
        }
    }
}

fn governance_scopes(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::ApiService {
        return;
    }
    for (i, s) in cx.draft.api_service.scopes.iter().enumerate() {
        if ScopeCatalog::get().group_of(s.trim()) == Some(ScopeGroup::Governance) {
            out.add(
                format!("apiService.scopes.{i}"),
                format!("{s} is an Okta Identity Governance scope; Okta hasn't confirmed the OIN accepts these."),
                "Keep it only if your integration needs it, and explain why in the reason.",
            );
        }
    }
}

fn read_beside_manage(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::ApiService {
        return;
    }
    let scopes = &cx.draft.api_service.scopes;
    for (i, s) in scopes.iter().enumerate() {
        if let Some(base) = s.trim().strip_suffix(".read") {
            let manage = format!("{base}.manage");
            if scopes.iter().any(|o| o.trim() == manage) {
                out.add_fixable(
                    format!("apiService.scopes.{i}"),
                    format!("{s} isn't needed: {manage} already includes reading."),
                    format!("Remove {s} (least privilege)."),
                    FixAction::RemoveScope { scope: s.clone() },
                );
            }
        }
    }
}

fn scope_reason(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::ApiService {
        return;
    }
    let reason = cx
        .draft
        .api_service
        .scope_reason
        .as_deref()
        .unwrap_or_default();
    let n = form_length(reason);
    if n > 5000 {
        out.add_as(
            cx.api_limit_severity(),
            "apiService.scopeReason",
            format!("The reason is {n} characters; Okta takes at most 5000."),
            format!("Shorten it by {} characters.", n - 5000),
        );
    }
    if !cx.pack.requires_scope_reason() || reason.trim().is_empty() {
        return;
    }
    let missing: Vec<&str> = cx
        .draft
        .api_service
        .scopes
        .iter()
        .map(|s| s.trim())
        .filter(|s| s.ends_with(".manage") && !reason.contains(s))
        .collect();
    if !missing.is_empty() {
        out.add(
            "apiService.scopeReason",
            format!("The reason doesn't mention {}.", missing.join(", ")),
            "Say why each .manage scope is needed: the OIN team checks every one.",
        );
    }
}

fn workflows_version(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::WorkflowsConnector {
        return;
    }
    let Some(v) = text(&cx.draft.workflows.version) else {
        return;
    };
    if !v.parse::<u64>().is_ok_and(|n| n > 0) {
        out.add(
            "workflows.version",
            format!("“{v}” isn't a version number Connector Builder uses."),
            "Use the whole number from Connector Builder, e.g. 3.",
        );
    }
}

fn test_suite(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::WorkflowsConnector {
        return;
    }
    if let Some(problem) = cx
        .facts
        .test_suite
        .as_ref()
        .and_then(|r| r.problem.as_ref())
    {
        out.add_as(
            problem.severity,
            "workflows.testSuite",
            problem.message.clone(),
            "Export the test flows from Workflows and attach the file again.",
        );
    }
}

const PLACEHOLDERS: &[&str] = &[
    "lorem ipsum",
    "todo",
    "tbd",
    "placeholder",
    "sample text",
    "xxx",
];
const TEST_WORDS: &[&str] = &["test app", "testing", "dummy", "asdf", "qwerty", "foobar"];
const PROMISES: &[&str] = &[
    "coming soon",
    "available soon",
    "in a future release",
    "will soon",
];

fn content(cx: &Ctx<'_>, out: &mut Findings) {
    let a = &cx.draft.app_info;
    let public = [
        ("appInfo.appName", "app name", &a.app_name),
        ("appInfo.description", "description", &a.description),
    ];
    for (path, label, value) in public {
        let Some(v) = text(value) else { continue };
        let groups: [(&[&str], &str, &str); 3] = [
            (
                PLACEHOLDERS,
                "placeholder text",
                "Replace it with the real text customers will read.",
            ),
            (
                TEST_WORDS,
                "test wording",
                "Customers see this in the catalog: describe the product itself.",
            ),
            (
                PROMISES,
                "a promise about the future",
                "Describe only what the integration does today; reviewers reject promises.",
            ),
        ];
        for (phrases, what, fix) in groups {
            if let Some(p) = phrases.iter().find(|p| has_phrase(v, p)) {
                out.add(path, format!("The {label} contains {what} (“{p}”)."), fix);
            }
        }
    }
    if let Some(name) = text(&a.app_name).filter(|n| n.contains(['™', '®'])) {
        out.add(
            "appInfo.appName",
            format!("“{name}” contains ™ or ®; Okta asks for the plain name."),
            "Remove the ™/® symbol.",
        );
    }
}

/// Every rule, in the order issues are listed.
pub const RULES: &[Rule] = &[
    Rule {
        id: "required",
        severity: Severity::Error,
        source: MANAGER,
        check: required,
    },
    Rule {
        id: "app_name.length",
        severity: Severity::Warning,
        source: WIZARD,
        check: app_name_length,
    },
    Rule {
        id: "url.https",
        severity: Severity::Error,
        source: PREREQ,
        check: https_fields,
    },
    Rule {
        id: "description.length",
        severity: Severity::Error,
        source: PREREQ,
        check: description_length,
    },
    Rule {
        id: "use_cases.allowed",
        severity: Severity::Error,
        source: PREREQ,
        check: use_cases,
    },
    Rule {
        id: "use_cases.all_five",
        severity: Severity::Info,
        source: PREREQ,
        check: use_cases_all_five,
    },
    Rule {
        id: "support.contact.valid",
        severity: Severity::Error,
        source: PREREQ,
        check: support_contacts,
    },
    Rule {
        id: "escalation.distribution_list",
        severity: Severity::Error,
        source: PREREQ,
        check: escalation,
    },
    Rule {
        id: "test_account.username.preferred",
        severity: Severity::Info,
        source: PREREQ,
        check: test_username,
    },
    Rule {
        id: "api.limits",
        severity: Severity::Warning,
        source: SCHEMA,
        check: api_limits,
    },
    Rule {
        id: "scopes.admin_management",
        severity: Severity::Error,
        source: SCOPES,
        check: scopes,
    },
    Rule {
        id: "scopes.governance",
        severity: Severity::Warning,
        source: SCOPES,
        check: governance_scopes,
    },
    Rule {
        id: "scopes.read_with_manage",
        severity: Severity::Warning,
        source: SCOPES,
        check: read_beside_manage,
    },
    Rule {
        id: "scope_reason",
        severity: Severity::Warning,
        source: WIZARD,
        check: scope_reason,
    },
    Rule {
        id: "workflows.version",
        severity: Severity::Error,
        source: MANAGER,
        check: workflows_version,
    },
    Rule {
        id: "workflows.test_suite",
        severity: Severity::Error,
        source: MANAGER,
        check: test_suite,
    },
    Rule {
        id: "content.wording",
        severity: Severity::Warning,
        source: PREREQ,
        check: content,
    },
];
