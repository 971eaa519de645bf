//! What an API service integration's guide needs besides (`oin-requirements.md`
//! §5, "API service guides"): the Okta admin's steps in the Wizard's flow, and
//! the scopes the integration requests.

use std::collections::BTreeSet;

use super::reading::*;
use super::Verdict;
use crate::draft::Draft;
use crate::scopes::{ScopeCatalog, ScopeGroup};
pub(super) fn okta_admin_steps(g: &Guide<'_>) -> Verdict {
    let ws = g.all_words();
    let parts: [(&str, &[&str]); 5] = [
        (
            "adding the integration from Okta's catalog (Applications › API Service Integrations › Add integration)",
            &[
                "app catalog", "api service integration*", "add integration", "add an integration",
                "add the integration", "integration network", "oin catalog", "integration catalog",
                "browse app*", "oin integration",
            ],
        ),
        ("Install & Authorize", &["install authorize", "install and authorize", "authorize integration", "authorize the integration", "click authorize", "select authorize"]),
        ("the client secret (shown once)", &["client secret*"]),
        ("the Okta domain", &["okta domain", "okta org", "okta url", "org url", "okta tenant", "okta organization", "okta instance", "okta subdomain", "okta com", "oktapreview com", "okta domain name"]),
        ("the client ID", &["client id*", "clientid"]),
    ];
    let found: Vec<bool> = parts.iter().map(|(_, p)| any_phrase(&ws, p)).collect();
    let n = found.iter().filter(|f| **f).count();
    let missing: Vec<&str> =
        parts.iter().zip(&found).filter(|(_, f)| !**f).map(|((w, _), _)| *w).collect();
    let have: Vec<&str> = parts
        .iter()
        .zip(&found)
        .filter(|(_, f)| **f)
        .map(|((w, _), _)| w.split(" (").next().unwrap_or(w))
        .collect();
    if found[0] && n >= 4 {
        return Verdict::pass(
            format!("mentions {}", have.join(", ")),
            "The guide walks the customer's admin through Okta: the catalog, Install & Authorize, the client secret, the Okta domain and client ID.",
        );
    }
    let mut v = Verdict::fail(
        "the Okta admin steps: add from the catalog, Install & Authorize, copy the client secret, the Okta domain and the client ID",
        &format!("The guide doesn't walk the customer's admin through Okta's side: it doesn't mention {}.", missing.join("; ")),
        "Add the Okta steps a customer admin takes: Admin Console › Applications › API Service Integrations › Add integration › your integration › Install & Authorize › copy the client secret (shown once) › copy the Okta domain and client ID › enter them in your app. Point at the OIN integration, not at creating a generic app.",
    );
    if !have.is_empty() {
        v.evidence = format!("mentions only {}", have.join(", "));
    }
    v
}

/// Okta scope names in a text: `okta.<resource>…` with a `read`/`manage` part.
pub fn scope_names(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("okta.") {
        let start = from + p;
        from = start + 5;
        if start > 0
            && text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '/' || c == '-')
        {
            continue;
        }
        let end = text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
            .map_or(text.len(), |e| start + e);
        let name = text[start..end].trim_end_matches('.');
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() >= 3 && parts[2..].iter().any(|p| matches!(*p, "read" | "manage")) {
            out.insert(name.to_owned());
        }
    }
    out
}

pub(super) fn scopes_listed(g: &Guide<'_>, draft: Option<&Draft>) -> Verdict {
    let named = scope_names(&g.all);
    let catalog = ScopeCatalog::get();
    let valid: Vec<&String> =
        named.iter().filter(|s| catalog.group_of(s) == Some(ScopeGroup::AdminManagement)).collect();
    let not_okta: Vec<&String> = named
        .iter()
        .filter(|s| catalog.group_of(s).is_none() && !catalog.retired.contains(s))
        .collect();
    let not_api: Vec<&String> = named
        .iter()
        .filter(|s| {
            catalog.retired.contains(s)
                || catalog.group_of(s).is_some_and(|g| g != ScopeGroup::AdminManagement)
        })
        .collect();
    let list = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    let mut problems = Vec::new();
    if !not_okta.is_empty() {
        problems.push(format!(
            "{} {} not an Okta scope",
            list(&not_okta),
            if not_okta.len() == 1 { "is" } else { "are" }
        ));
    }
    if !not_api.is_empty() {
        problems.push(format!("{} can't be requested by an API service integration (retired or not an admin-management scope)", list(&not_api)));
    }
    let requested: Vec<String> = draft
        .map(|d| {
            d.api_service
                .scopes
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if draft.is_some() && !requested.is_empty() {
        let missing: Vec<&String> = requested.iter().filter(|s| !named.contains(*s)).collect();
        let extra: Vec<&String> =
            valid.iter().copied().filter(|s| !requested.contains(s)).collect();
        if !missing.is_empty() {
            problems.push(format!("it doesn't name {} that the draft requests", list(&missing)));
        }
        if !extra.is_empty() {
            problems.push(format!("it names {} that the draft doesn't request", list(&extra)));
        }
    } else if valid.is_empty() {
        return Verdict::fail(
            "Okta scope names (okta.users.read, okta.groups.manage …)",
            "The guide doesn't name the Okta scopes the integration requests; reviewers and customer admins ask what each is for.",
            "List every Okta scope the integration requests, each with why it needs it (the customer sees them at Install & Authorize).",
        );
    }
    let evidence = if named.is_empty() {
        "names no Okta scope".to_owned()
    } else {
        format!("names {}", named.iter().cloned().collect::<Vec<_>>().join(", "))
    };
    if problems.is_empty() {
        return Verdict::pass(
            evidence,
            "The guide names the Okta scopes the integration requests.",
        );
    }
    Verdict {
        passed: false,
        evidence,
        message: format!("The guide's scopes don't match: {}.", problems.join("; ")),
        fix: "Make the guide's list of scopes exactly the scopes the integration requests, spelled as Okta spells them.".into(),
    }
}
