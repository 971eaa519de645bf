//! Rules for the catalog listing, the contacts and the test account.

use super::super::checks;
use super::{text, verdict, Ctx};
use crate::draft::ContactKind;
use crate::rules::issue::{Findings, Severity};

/// Every web address the form asks for is a complete https:// address.
pub(super) fn https_fields(cx: &Ctx<'_>, out: &mut Findings) {
    let json = crate::form::value::json(cx.draft);
    for f in cx.form().fields.iter().filter(|f| f.kind == crate::form::FieldKind::Url) {
        if let Some(v) = crate::form::value::text_at(&json, f.path).filter(|v| !v.trim().is_empty())
        {
            verdict(out, f.path, checks::https_url(&format!("“{}”", f.label), v));
        }
    }
}

pub(super) fn use_cases(cx: &Ctx<'_>, out: &mut Findings) {
    let Some(choices) = cx.form().field("appInfo.useCases").and_then(|f| f.choices) else {
        return;
    };
    let tool = cx.form().tool.label();
    let chosen = &cx.draft.app_info.use_cases;
    for (i, u) in chosen.iter().enumerate() {
        if !choices.options.contains(&u.as_str()) {
            out.add(
                format!("appInfo.useCases.{i}"),
                format!("“{u}” isn't a use case the {tool} offers."),
                format!("Choose one of: {}.", choices.options.join(", ")),
            );
        }
    }
    let max = choices.max as usize;
    if chosen.len() > max {
        out.add(
            "appInfo.useCases",
            format!("{} use cases are chosen; the {tool} takes at most {max}.", chosen.len()),
            format!("Keep the {max} that describe your integration best."),
        );
    }
}

pub(super) fn use_cases_all_five(cx: &Ctx<'_>, out: &mut Findings) {
    let max = cx.form().field("appInfo.useCases").and_then(|f| f.choices).map(|c| c.max);
    if max == Some(5) && cx.draft.app_info.use_cases.len() == 5 {
        out.add(
            "appInfo.useCases",
            "With all five use cases chosen, the OIN team won't add default categories for you.",
            "That's fine if all five fit; otherwise leave a slot free.",
        );
    }
}

pub(super) fn support_contacts(cx: &Ctx<'_>, out: &mut Findings) {
    if !cx.asks("support.contacts") {
        return;
    }
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

/// The contacts the OIN team writes to: at a company domain, not a personal one.
pub(super) fn personal_contacts(cx: &Ctx<'_>, out: &mut Findings) {
    let mut addresses: Vec<(String, &str)> = Vec::new();
    if let Some(e) = text(&cx.draft.support.escalation_contact) {
        addresses.push(("support.escalationContact".into(), e));
    }
    if cx.asks("support.contacts") {
        for (i, c) in cx.draft.support.contacts.iter().enumerate() {
            if let (ContactKind::Email, Some(v)) = (c.kind, text(&c.value)) {
                addresses.push((format!("support.contacts.{i}.value"), v));
            }
        }
    }
    for (path, address) in addresses {
        if crate::rules::personal::is_personal(address) {
            let domain = crate::rules::personal::domain_of(address).unwrap_or_default();
            out.add(
                path,
                format!("{address} is a personal email address ({domain}); the OIN team doesn't review submissions from personal email accounts."),
                "Use an address at your company's domain, e.g. oin-escalations@yourcompany.com.",
            );
        }
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

pub(super) fn trademark(cx: &Ctx<'_>, out: &mut Findings) {
    if let Some(name) = text(&cx.draft.app_info.app_name).filter(|n| n.contains(['™', '®'])) {
        out.add(
            "appInfo.appName",
            format!("“{name}” contains ™ or ®; Okta asks for the plain name."),
            "Remove the ™/® symbol.",
        );
    }
}

/// The logo doctor's hard rules as errors, its guidelines as warnings
/// (https://developer.okta.com/docs/guides/submit-app-prereq/main/#logo-guidelines).
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
