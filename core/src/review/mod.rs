//! Okta's review email → to-dos on the form's fields. Deterministic and
//! offline: the email is cleaned (MIME decoded, quoted history, forwarded
//! headers, signatures and HTML leftovers dropped), split into asks (a list
//! item, else a sentence that asks for something), and each ask is linked to
//! the field it concerns — by Okta's labels in both tools' wording, the words
//! reviewers use, the scope ids, and the URLs and values in the draft — and
//! given a kind. An ask the email says is already resolved is not a to-do, and
//! when nothing sure links an ask to a field, the field is left empty rather
//! than guessed.

mod clean;
mod link;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::Draft;
use crate::rules::pack::RulePack;
use crate::IntegrationType;

pub use clean::{asks, clean_email};

/// What a to-do asks of the ISV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TodoKind {
    /// Change a value in the form.
    FixField,
    /// Change the configuration guide, the documentation or the test cases.
    FixDocument,
    /// Change the integration (or connector) itself.
    FixApp,
    /// Send something: a video, credentials, access.
    ProvideMaterial,
    /// Answer in the reply; nothing to change.
    ReplyOnly,
}

/// One thing the review email asks, linked to a field when one applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Todo {
    /// A form path (`appInfo.appIcon`), or null when no field applies.
    pub field: Option<String>,
    pub kind: TodoKind,
    /// The email's own words.
    pub quote: String,
    /// What to do, in plain words.
    pub message: String,
}

/// What a parsed email gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub todos: Vec<Todo>,
}

/// Turns a review email (plain text, or a whole `.eml`) into to-dos for a
/// draft of type `t`; with `draft`, its pack's form and its values help link.
pub fn parse(email: &[u8], t: IntegrationType, draft: Option<&Draft>, pack: &RulePack) -> Review {
    let text = clean_email(email);
    let vocab = link::Vocabulary::new(t, pack, draft);
    let mut todos: Vec<Todo> = Vec::new();
    // The ask the last to-do came from, to join the next sentence of the same
    // paragraph when it asks about the same field ("The guide requires a
    // login. Please make it public." is one to-do).
    let mut last_ask: Option<String> = None;
    for ask in asks(&text) {
        let Some(todo) = vocab.todo(&ask) else {
            last_ask = None;
            continue;
        };
        if let Some(prev) = todos.last_mut().filter(|p| {
            p.field.is_some()
                && p.field == todo.field
                && p.kind == todo.kind
                && ask.prev.is_some()
                && ask.prev == last_ask
        }) {
            if !prev.quote.contains(&todo.quote) {
                prev.quote = format!("{} {}", prev.quote, ask.text.trim());
            }
            last_ask = Some(ask.text.clone());
            continue;
        }
        last_ask = Some(ask.text.clone());
        // The same ask said twice (a summary line and its item) is one to-do.
        if todos.iter().any(|t| {
            t.field == todo.field
                && t.kind == todo.kind
                && t.field.is_some()
                && similar(&t.quote, &todo.quote)
        }) {
            continue;
        }
        todos.push(todo);
    }
    Review { todos }
}

/// Whether two quotes say nearly the same (most words shared).
fn similar(a: &str, b: &str) -> bool {
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let shared = a.intersection(&b).count();
    shared * 10 >= a.len().min(b.len()).max(1) * 8
}
