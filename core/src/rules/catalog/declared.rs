//! Rules that read the declared form (`crate::form`): what is required, how
//! long a value may be, values the form doesn't ask for, and the OIN Wizard's
//! tenant-setting variables.

use super::super::checks::form_length;
use super::Ctx;
use crate::form::{owns, value, MAX_TENANT_VARIABLES};
use crate::rules::issue::{Findings, Severity};

pub(super) fn required(cx: &Ctx<'_>, out: &mut Findings) {
    for (f, filled) in super::super::completion::required(cx.draft, cx.pack, cx.facts) {
        if !filled {
            out.add(f.path, format!("{} is required.", f.label), f.help);
        }
    }
}

pub(super) fn lengths(cx: &Ctx<'_>, out: &mut Findings) {
    let json = value::json(cx.draft);
    for f in cx.form().fields {
        let (Some(limit), Some(v)) = (f.limit, value::text_at(&json, f.path)) else { continue };
        let (n, max) = (form_length(v.trim()), limit.max as usize);
        if n > max {
            let fewer = if f.path == "appInfo.description" {
                " (fewer than 1024; counted as Okta counts: an emoji counts as 2)"
            } else {
                ""
            };
            out.add_as(
                limit.severity,
                f.path,
                format!("{} is {n} characters; Okta takes at most {max}{fewer}.", f.label),
                format!("Shorten it by {} characters.", n - max),
            );
        }
    }
}

pub(super) fn outside(cx: &Ctx<'_>, out: &mut Findings) {
    let form = cx.form();
    let tool = form.tool.label();
    let outside = form.outside(cx.draft);
    if outside.is_empty() {
        return;
    }
    let sent = form.via_api.then(|| crate::okta::body::bodies(cx.draft, true));
    for f in outside {
        let still_sent = sent.as_ref().is_some_and(|b| {
            b.all().iter().any(|body| body.origins().iter().any(|(_, p)| owns(f.path, p)))
        });
        let after = if still_sent {
            "it stays in the draft and is still sent: Okta's API takes it"
        } else {
            "it stays in the draft"
        };
        out.add(
            f.path,
            format!("“{}” is not part of the {tool}'s form; {after}.", f.label),
            format!("Nothing to do: the {tool} doesn't ask for it, so it isn't required."),
        );
    }
}

/// True for a tenant-setting name the OIN Wizard takes: lowercase letters,
/// digits and `_`, starting with a letter.
pub(crate) fn variable_name_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn variables(cx: &Ctx<'_>, out: &mut Findings) {
    if !cx.asks("tenantSettings") {
        return;
    }
    let vars = &cx.draft.tenant_settings;
    if vars.len() > MAX_TENANT_VARIABLES as usize {
        out.add(
            "tenantSettings",
            format!("{} tenant settings; the OIN Wizard takes at most 8.", vars.len()),
            "Keep the 8 your customers need; the rest can be asked in your app.",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, v) in vars.iter().enumerate() {
        let label = v.label.as_deref().map(str::trim).unwrap_or_default();
        let name = v.name.as_deref().map(str::trim).unwrap_or_default();
        if label.is_empty() && name.is_empty() {
            out.add_as(
                Severity::Warning,
                format!("tenantSettings.{i}"),
                format!("Tenant setting {} is empty.", i + 1),
                "Fill in its label and name, or remove it.",
            );
            continue;
        }
        if label.is_empty() {
            out.add(
                format!("tenantSettings.{i}.label"),
                format!("Tenant setting {} has no label.", i + 1),
                "Write what the Admin Console shows the customer, e.g. Subdomain.",
            );
        }
        if name.is_empty() {
            out.add(
                format!("tenantSettings.{i}.name"),
                format!("Tenant setting {} has no name.", i + 1),
                "Write the variable's name, e.g. subdomain.",
            );
            continue;
        }
        let path = format!("tenantSettings.{i}.name");
        if form_length(name) > 1024 {
            out.add(
                path.clone(),
                format!("The name of tenant setting {} is longer than 1024 characters.", i + 1),
                "Use a short name, e.g. subdomain.",
            );
        } else if !variable_name_ok(name) {
            let suggestion: String = name
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .skip_while(|c| !c.is_ascii_lowercase())
                .collect();
            let fix = if suggestion.is_empty() {
                "Use lowercase letters, digits and _, starting with a letter, e.g. subdomain."
                    .to_owned()
            } else {
                format!("Use lowercase letters, digits and _, starting with a letter: {suggestion}")
            };
            out.add(
                path.clone(),
                format!("“{name}” can't be a tenant setting name in the OIN Wizard."),
                fix,
            );
        }
        if seen.contains(&name) {
            out.add(
                path,
                format!("Two tenant settings are named “{name}”."),
                "Give each variable its own name.",
            );
        }
        seen.push(name);
    }
}

#[cfg(test)]
mod tests {
    use super::variable_name_ok;

    #[test]
    fn tenant_variable_names() {
        for (name, ok) in [
            ("subdomain", true),
            ("region_2", true),
            ("a", true),
            ("Subdomain", false),
            ("2region", false),
            ("_x", false),
            ("sub-domain", false),
            ("sub domain", false),
            ("", false),
            ("ünicode", false),
        ] {
            assert_eq!(variable_name_ok(name), ok, "{name:?}");
        }
    }
}
