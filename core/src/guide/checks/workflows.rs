//! What a Workflows connector's documentation needs besides
//! (`oin-requirements.md` §5, "Workflows connector user documentation"): the
//! version it covers, the authorization topic, a topic per action card and
//! the Custom API Action.

use super::reading::*;
use super::Verdict;
use crate::draft::Draft;
/// Version numbers the text states ("Version 1.2.0", "v2.1", "version: 3").
fn versions(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let number = |t: &str| {
        let t = t.trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '“' | '”' | '"' | '\'')
        });
        let t = t.strip_suffix('.').unwrap_or(t);
        let n = t.strip_prefix(['v', 'V']).unwrap_or(t);
        (!n.is_empty()
            && n.chars().next().is_some_and(|c| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_digit() || c == '.')
            && !n.contains(".."))
        .then(|| n.to_owned())
    };
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.to_lowercase();
        let word = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if word == "version" || word == "ver" {
            if let Some(n) = tokens[i + 1..].iter().take(3).find_map(|t| number(t)) {
                out.push(n);
            }
        } else if (t.starts_with('v') || t.starts_with('V')) && t.contains('.') {
            if let Some(n) = number(t) {
                out.push(n);
            }
        }
    }
    out
}

pub(super) fn connector_version(g: &Guide<'_>, draft: Option<&Draft>) -> Verdict {
    let stated = versions(&g.all);
    let wanted = draft
        .and_then(|d| d.workflows.version.as_deref())
        .map(|v| v.trim().trim_start_matches(['v', 'V']).to_owned())
        .filter(|v| !v.is_empty());
    match (&wanted, stated.is_empty()) {
        (_, true) => Verdict::fail(
            "a connector version number (“Version 1.2.0”, “v1.2”)",
            "The documentation doesn't state the connector's version number; Okta requires the version it covers.",
            "State the connector version near the top (“This documentation covers version 1.2.0 of the connector”) and update it with each release.",
        ),
        (Some(w), false) if !stated.iter().any(|s| s == w) => Verdict {
            passed: false,
            evidence: format!("states version {}", stated.join(", ")),
            message: format!("The documentation states version {}, but the draft submits version {w}.", stated.join(", ")),
            fix: format!("Update the documentation to version {w}, with what's new in it."),
        },
        _ => Verdict::pass(
            format!("states version {}", wanted.clone().unwrap_or_else(|| stated[0].clone())),
            "The documentation states the connector version it covers.",
        ),
    }
}

pub(super) fn authorization_topic(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "authoriz*",
        "authenticat*",
        "connection*",
        "connect*",
        "credential*",
        "sign in",
        "api key*",
        "api token*",
        "oauth*",
        "access token*",
    ];
    if let Some((_, h)) = g.heading(HEADS, &["custom api*"]) {
        return Verdict::pass(
            heading_evidence(&h),
            "The documentation has an Authorization topic: how to connect an account.",
        );
    }
    let says = g.sentence(
        &[
            "create a connection",
            "new connection",
            "add a connection",
            "add connection",
            "authorize the connection",
            "connect your account",
            "connect an account",
            "connection dialog",
            "create the connection",
        ],
        1.0,
    );
    if let Some(s) = says {
        return Verdict::pass(s, "The documentation says how to connect an account (Okta asks for an “Authorization” topic).");
    }
    Verdict::fail(
        "an “Authorization” topic (or “Authentication”, “Connection”) on how to connect an account",
        "The documentation has no Authorization topic: how a Workflows user connects their account.",
        "Add an “Authorization” topic: what credentials the connection needs, where to get them, and how to create the connection in Workflows.",
    )
}

pub(super) fn action_card_topics(g: &Guide<'_>) -> Verdict {
    let fieldish = ["label", "definition", "type", "required", "field", "name", "description"];
    let card = |i: usize| -> bool {
        if Some(i) == g.title_index {
            return false;
        }
        let h = g.heads[i].as_ref();
        if h.is_some_and(|h| {
            any_phrase(
                h,
                &["custom api*", "authoriz*", "authenticat*", "troubleshoot*", "prerequisite*"],
            )
        }) {
            return false;
        }
        let tree = g.doc.subtree(i);
        let table = tree.iter().take(4).flat_map(|s| &s.tables).any(|t| {
            let cells: Vec<String> = t.iter().map(|c| c.to_lowercase()).collect();
            let n = fieldish.iter().filter(|f| cells.iter().any(|c| c.contains(*f))).count();
            n >= 2 && cells.iter().any(|c| c.contains("type") || c.contains("required"))
        });
        let near: Vec<String> = tree
            .iter()
            .take(4)
            .flat_map(|s| {
                let mut w = s.heading.as_ref().map(|h| words(&h.text)).unwrap_or_default();
                w.extend(words(&s.text));
                w
            })
            .collect();
        table || (any_phrase(&near, &["input*"]) && any_phrase(&near, &["output*"]))
    };
    let mut cards: Vec<String> = Vec::new();
    for i in 0..g.doc.sections.len() {
        if g.doc.sections[i].heading.is_some() && card(i) {
            let h = &g.doc.sections[i].heading.as_ref().expect("a heading").text;
            // A parent that only holds cards ("Action cards") isn't itself one.
            let children_are_cards = (i + 1..i + g.doc.subtree(i).len())
                .any(|j| g.doc.sections[j].heading.is_some() && card(j));
            if !children_are_cards {
                cards.push(h.clone());
            }
        }
    }
    if cards.is_empty() {
        if let Some((_, h)) = g.heading(&["action card*", "cards", "actions", "action"], &[]) {
            return Verdict::pass(
                heading_evidence(&h),
                "The documentation has topics on the action cards.",
            );
        }
        return Verdict::fail(
            "a topic per action card (its inputs and outputs, or a Label / Definition / Type / Required table)",
            "The documentation has no topic per action card: Okta asks for each card's options, inputs and outputs with Label, Definition, Type and Required.",
            "Add one topic per action card: what it does, every option, input and output field in a Label / Definition / Type / Required table, and its limitations.",
        );
    }
    let shown: Vec<&str> = cards.iter().take(6).map(String::as_str).collect();
    let more =
        if cards.len() > 6 { format!(" and {} more", cards.len() - 6) } else { String::new() };
    Verdict::pass(
        format!(
            "{} card topic{}: {}{more}",
            cards.len(),
            if cards.len() == 1 { "" } else { "s" },
            shown.join(", ")
        ),
        "The documentation has a topic per action card.",
    )
}

pub(super) fn custom_api_action_topic(g: &Guide<'_>) -> Verdict {
    if let Some((_, h)) =
        g.heading(&["custom api*", "custom http*", "http request", "raw request"], &[])
    {
        return Verdict::pass(
            heading_evidence(&h),
            "The documentation has a Custom API Action topic.",
        );
    }
    if let Some(s) = g.sentence(&["custom api action", "custom api call", "custom api card"], 1.0) {
        return Verdict::pass(s, "The documentation covers the Custom API Action card.");
    }
    Verdict::fail(
        "a “Custom API Action” topic",
        "The documentation has no Custom API Action topic: the request types it allows and its Relative URL, Headers, Query and Body inputs.",
        "Add a “Custom API Action” topic: the request types it allows (GET, POST …), the base URL it uses, and its Relative URL, Headers, Query and Body inputs.",
    )
}
