//! Rules for the integration tabs: API service scopes and their reason, the
//! Workflows connector's version and test suite.

use super::{text, Ctx};
use crate::rules::issue::{Findings, FixAction};
use crate::scopes::{ScopeCatalog, ScopeGroup};

pub(super) fn scopes(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn governance_scopes(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn read_beside_manage(cx: &Ctx<'_>, out: &mut Findings) {
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

/// OIN Studio's advice, not Okta's rule: Okta marks the reason optional, but
/// reviewers ask about every scope nobody explained.
pub(super) fn scope_reason_advice(cx: &Ctx<'_>, out: &mut Findings) {
    if !cx.asks("apiService.scopeReason") {
        return;
    }
    let api = &cx.draft.api_service;
    let scopes: Vec<&str> = api.scopes.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    if scopes.is_empty() {
        return;
    }
    let reason = api.scope_reason.as_deref().unwrap_or_default();
    if reason.trim().is_empty() {
        out.add(
            "apiService.scopeReason",
            "OIN Studio's advice (Okta doesn't require it): say why the integration needs its scopes.",
            "One sentence per scope is enough; reviewers ask about scopes nobody explained, especially .manage ones.",
        );
        return;
    }
    let missing: Vec<&str> =
        scopes.into_iter().filter(|s| s.ends_with(".manage") && !reason.contains(s)).collect();
    if !missing.is_empty() {
        out.add(
            "apiService.scopeReason",
            format!(
                "OIN Studio's advice (Okta doesn't require it): the reason doesn't mention {}.",
                missing.join(", ")
            ),
            "Say why each .manage scope is needed: reviewers ask about every one.",
        );
    }
}

pub(super) fn workflows_version(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn test_suite(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.integration_type != crate::IntegrationType::WorkflowsConnector {
        return;
    }
    if let Some(problem) = cx.facts.test_suite.as_ref().and_then(|r| r.problem.as_ref()) {
        out.add_as(
            problem.severity,
            "workflows.testSuite",
            problem.message.clone(),
            "Export the test flows from Workflows and attach the file again.",
        );
    }
}
