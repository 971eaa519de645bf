//! Every OIN rule, as data plus a small pure function (reference §2–§5). The
//! list is `RULES`; the functions live beside it by concept (general settings,
//! the integration tabs, wording). The runner in `rules/mod.rs` adds each rule's
//! id, severity and source to what it finds.

mod content;
mod general;
mod integration;

use super::checks::Verdict;
use super::issue::{Findings, Severity};
use super::pack::RulePack;
use super::Facts;
use crate::draft::Draft;
use content::{placeholders, promises, test_words};
use general::*;
use integration::*;

/// What a rule looks at.
pub struct Ctx<'a> {
    pub draft: &'a Draft,
    pub pack: &'a RulePack,
    pub facts: &'a Facts,
}

impl Ctx<'_> {
    /// Where the OIN Wizard / Your OIN Integrations API takes the values, Okta's
    /// schema limits are errors; in the OIN Manager's web form, warnings (§2.8).
    pub(super) fn api_limit_severity(&self) -> Severity {
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

const LOGO: &str = "https://developer.okta.com/docs/guides/submit-app-prereq/main/#logo-guidelines";
const PREREQ: &str = "https://developer.okta.com/docs/guides/submit-app-prereq/main/";

const MANAGER: &str = "https://developer.okta.com/docs/guides/submit-app/wfconnector/main/";

const WIZARD: &str = "https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/";

const SCOPES: &str = "https://developer.okta.com/docs/guides/build-api-integration/main/";

const SCHEMA: &str = "https://github.com/okta/okta-management-openapi-spec";

pub(super) fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub(super) fn verdict(out: &mut Findings, path: &str, v: Verdict) {
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

/// Every rule, in the order issues are listed.
pub const RULES: &[Rule] = &[
    Rule { id: "required", severity: Severity::Error, source: MANAGER, check: required },
    Rule {
        id: "app_name.length",
        severity: Severity::Warning,
        source: WIZARD,
        check: app_name_length,
    },
    Rule { id: "url.https", severity: Severity::Error, source: PREREQ, check: https_fields },
    Rule {
        id: "description.length",
        severity: Severity::Error,
        source: PREREQ,
        check: description_length,
    },
    Rule { id: "use_cases.allowed", severity: Severity::Error, source: PREREQ, check: use_cases },
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
    Rule { id: "api.limits", severity: Severity::Warning, source: SCHEMA, check: api_limits },
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
        id: "scope_reason.length",
        severity: Severity::Warning,
        source: WIZARD,
        check: scope_reason,
    },
    Rule {
        id: "scope_reason.mentions_manage",
        severity: Severity::Warning,
        source: WIZARD,
        check: scope_reason_mentions,
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
        id: "content.placeholder",
        severity: Severity::Warning,
        source: PREREQ,
        check: placeholders,
    },
    Rule {
        id: "content.test_words",
        severity: Severity::Warning,
        source: PREREQ,
        check: test_words,
    },
    Rule { id: "content.future", severity: Severity::Warning, source: PREREQ, check: promises },
    Rule {
        id: "app_name.trademark",
        severity: Severity::Warning,
        source: PREREQ,
        check: trademark,
    },
    Rule { id: "logo", severity: Severity::Error, source: LOGO, check: logo },
];
