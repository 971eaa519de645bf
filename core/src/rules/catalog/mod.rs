//! Every OIN rule, as data plus a small pure function. The list is `RULES`;
//! the functions live beside it by concept (the declared form, general
//! settings, the integration tabs, wording). The runner in `rules/mod.rs` adds
//! each rule's id, severity and source (the Okta page it comes from) to what
//! it finds.

mod content;
mod declared;
mod general;
mod guide;
mod integration;

use super::checks::Verdict;
use super::issue::{Findings, Severity};
use super::pack::RulePack;
use super::Facts;
use crate::draft::Draft;
use content::{placeholders, promises, test_words};
use declared::*;
use general::*;
use guide::guide_checks;
use integration::*;

/// What a rule looks at.
pub struct Ctx<'a> {
    pub draft: &'a Draft,
    pub pack: &'a RulePack,
    pub facts: &'a Facts,
}

impl Ctx<'_> {
    /// The form this draft is submitted in under its pack.
    pub(super) fn form(&self) -> &'static crate::form::Form {
        self.pack.form(self.draft.integration_type)
    }

    /// Whether the draft's form has this field.
    pub(super) fn asks(&self, path: &str) -> bool {
        self.form().fields.iter().any(|f| f.path == path)
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
const GUIDE: &str = "https://developer.okta.com/docs/guides/submit-app-prereq/main/#customer-configuration-document-guidelines";

const MANAGER: &str = "https://developer.okta.com/docs/guides/submit-app/wfconnector/main/";

const WIZARD: &str = "https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/";

/// The form's own rules (required, lengths) cite the page of the tool the
/// draft is submitted in; the runner picks it from the form.
pub(crate) const FORM: &str = "(the form's tool)";

/// The page each tool's form is described on.
pub(crate) fn form_source(tool: crate::form::Tool) -> &'static str {
    match tool {
        crate::form::Tool::OinManager => MANAGER,
        crate::form::Tool::OinWizard => WIZARD,
    }
}

const SCOPES: &str = "https://developer.okta.com/docs/guides/build-api-integration/main/";

pub(super) fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub(super) fn verdict(out: &mut Findings, path: &str, v: Verdict) {
    if let Err((message, fix)) = v {
        out.add(path, message, fix);
    }
}

/// Every rule, in the order issues are listed.
pub const RULES: &[Rule] = &[
    Rule { id: "required", severity: Severity::Error, source: FORM, check: required },
    Rule { id: "field.length", severity: Severity::Error, source: FORM, check: lengths },
    Rule { id: "form.outside", severity: Severity::Info, source: FORM, check: outside },
    Rule { id: "url.https", severity: Severity::Error, source: PREREQ, check: https_fields },
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
        id: "contact.personal_domain",
        severity: Severity::Warning,
        source: PREREQ,
        check: personal_contacts,
    },
    Rule {
        id: "test_account.username.preferred",
        severity: Severity::Info,
        source: PREREQ,
        check: test_username,
    },
    Rule { id: "tenant.variables", severity: Severity::Error, source: WIZARD, check: variables },
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
        id: "scope_reason.advice",
        severity: Severity::Warning,
        source: SCOPES,
        check: scope_reason_advice,
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
    Rule { id: "guide", severity: Severity::Warning, source: GUIDE, check: guide_checks },
];
