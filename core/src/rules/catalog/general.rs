//! Rules for General Settings: app information, customer support, test account,
//! and Okta's API length limits.

use super::super::checks::{self, form_length};
use super::{text, verdict, Ctx};
use crate::draft::ContactKind;
use crate::rules::issue::{Findings, Severity};

pub(super) fn app_name_length(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn https_fields(cx: &Ctx<'_>, out: &mut Findings) {
    let d = cx.draft;
    let mut fields = vec![
        ("appInfo.appWebsite", "The app website", &d.app_info.app_website),
        ("testAccount.url", "The test account URL", &d.test_account.url),
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

pub(super) fn description_length(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn use_cases(cx: &Ctx<'_>, out: &mut Findings) {
    let t = cx.draft.integration_type;
    let (allowed, max) = cx.pack.use_cases(t);
    let chosen = &cx.draft.app_info.use_cases;
    for (i, u) in chosen.iter().enumerate() {
        if !allowed.contains(&u.as_str()) {
            out.add(
                format!("appInfo.useCases.{i}"),
                format!("“{u}” isn't a use case you can choose under {}.", cx.pack.id),
                format!("Choose one of: {}.", allowed.join(", ")),
            );
        }
    }
    if chosen.len() > max {
        out.add(
            "appInfo.useCases",
            format!("{} use cases are chosen; at most {max} are allowed.", chosen.len()),
            format!("Keep the {max} that describe your integration best."),
        );
    }
}

pub(super) fn use_cases_all_five(cx: &Ctx<'_>, out: &mut Findings) {
    let (_, max) = cx.pack.use_cases(cx.draft.integration_type);
    if max == 5 && cx.draft.app_info.use_cases.len() == 5 {
        out.add(
            "appInfo.useCases",
            "With all five use cases chosen, the OIN team won't add default categories for you.",
            "That's fine if all five fit; otherwise leave a slot free.",
        );
    }
}

pub(super) fn support_contacts(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn escalation(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(v) = text(&cx.draft.support.escalation_contact) else {
        return;
    };
    let path = "support.escalationContact";
    if let Some(n) = checks::phone(v).filter(|_| !v.contains('@')) {
        let what =
            if checks::is_toll_free(&n) { "a toll-free (1-800) number" } else { "a phone number" };
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

pub(super) fn test_username(cx: &Ctx<'_>, out: &mut Findings) {
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

pub(super) fn api_limits(cx: &Ctx<'_>, out: &mut Findings) {
    let d = cx.draft;
    let limits: [(&str, &str, &Option<String>, usize); 4] = [
        ("testAccount.url", "The test account URL", &d.test_account.url, 512),
        ("testAccount.username", "The test account username", &d.test_account.username, 255),
        (
            "testAccount.instructions",
            "The additional instructions",
            &d.test_account.instructions,
            2048,
        ),
        ("support.escalationContact", "The escalation contact", &d.support.escalation_contact, 255),
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

pub(super) fn trademark(cx: &Ctx<'_>, out: &mut Findings) {
    if let Some(name) = text(&cx.draft.app_info.app_name).filter(|n| n.contains(['™', '®'])) {
        out.add(
            "appInfo.appName",
            format!("“{name}” contains ™ or ®; Okta asks for the plain name."),
            "Remove the ™/® symbol.",
        );
    }
}

/// The logo doctor's hard rules as errors, its guidelines as warnings (§4).
pub(super) fn logo(cx: &Ctx<'_>, out: &mut Findings) {
    if cx.draft.app_info.app_icon.is_none() {
        return;
    }
    let Some(verdict) = &cx.facts.logo else {
        out.add(
            "appInfo.appIcon",
            "The logo can't be read as an image.",
            "Choose a PNG, JPEG, GIF, WebP, BMP, TIFF, ICO or SVG file.",
        );
        return;
    };
    for c in verdict.checks.iter().filter(|c| !c.passed) {
        let (severity, fix) = if c.hard {
            (Severity::Error, "Use Fix logo to make one Okta accepts.")
        } else {
            (
                Severity::Warning,
                "Fix logo can trim and resize; a redesign may be needed for the rest.",
            )
        };
        out.relay(&c.id, severity, "appInfo.appIcon", c.message.clone(), fix);
    }
}
