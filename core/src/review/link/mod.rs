//! Linking an ask to a field and a kind. The words of each field are Okta's
//! labels in the OIN Manager's and the OIN Wizard's forms, the words
//! reviewers use for it, its values in the draft (an address, an email), and
//! scope ids for the scopes. The longest phrase found wins; nothing found
//! leaves the field empty.

use super::clean::Ask;
use super::{Todo, TodoKind};
use crate::draft::Draft;
use crate::rules::pack::{RulePack, PACKS};
use crate::IntegrationType;

mod phrases;
mod synonyms;

use phrases::*;
use synonyms::{GENERIC_LABELS, SYNONYMS};

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '@' || c == '_' || c == '-'))
        .map(|w| w.trim_matches(['.', '-', '_']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn find(ws: &[String], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > ws.len() {
        return None;
    }
    ws.windows(phrase.len()).position(|w| w == phrase)
}

fn any(ws: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| find(ws, &words(p)).is_some())
}

pub(super) struct Vocabulary {
    /// (phrase words, path, label to show), longest first.
    phrases: Vec<(Vec<String>, String, String)>,
    /// Values of the draft (an address, an email) with their field.
    values: Vec<(String, String)>,
    /// Each path's label in the target form (else another tool's).
    labels: Vec<(String, String)>,
    t: IntegrationType,
}

impl Vocabulary {
    pub(super) fn new(t: IntegrationType, pack: &RulePack, draft: Option<&Draft>) -> Self {
        let target = pack.form(t);
        let mut forms = vec![target];
        forms.extend(PACKS.iter().map(|p| p.form(t)).filter(|f| !std::ptr::eq(*f, target)));
        let label_of = |path: &str| -> Option<String> {
            forms
                .iter()
                .find_map(|f| f.fields.iter().find(|x| x.path == path))
                .map(|f| f.label.to_owned())
        };
        let known = |path: &str| forms.iter().any(|f| f.fields.iter().any(|x| x.path == path));
        let mut phrases: Vec<(Vec<String>, String, String)> = Vec::new();
        // The target form's labels first: "Support email" is the Wizard's escalationContact.
        for f in &forms {
            for field in f.fields {
                let w = words(field.label);
                // A label that is also an everyday word in a review ("the connector").
                if GENERIC_LABELS.contains(&field.label) {
                    continue;
                }
                if !phrases.iter().any(|(p, _, _)| *p == w) {
                    phrases.push((w, field.path.to_owned(), field.label.to_owned()));
                }
            }
        }
        for (path, syn) in SYNONYMS {
            if !known(path) {
                continue;
            }
            let label = label_of(path).unwrap_or_else(|| (*path).to_owned());
            for s in *syn {
                let w = words(s);
                if !phrases.iter().any(|(p, _, _)| *p == w) {
                    phrases.push((w, (*path).to_owned(), label.clone()));
                }
            }
        }
        let mut labels: Vec<(String, String)> = Vec::new();
        for f in &forms {
            for field in f.fields {
                if !labels.iter().any(|(p, _)| p == field.path) {
                    labels.push((field.path.to_owned(), field.label.to_owned()));
                }
            }
        }
        phrases.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.len()));
        let mut values = Vec::new();
        if let Some(d) = draft {
            for (path, url) in crate::links::links(d) {
                let path = if path.starts_with("support.contacts.") {
                    "support.contacts".to_owned()
                } else {
                    path
                };
                values.push((url.trim_end_matches('/').to_lowercase(), path));
            }
            for c in &d.support.contacts {
                if let Some(v) = c.value.as_deref().filter(|v| v.len() >= 5) {
                    values.push((v.trim().to_lowercase(), "support.contacts".into()));
                }
            }
            if let Some(v) = d.support.escalation_contact.as_deref().filter(|v| v.len() >= 5) {
                values.push((v.trim().to_lowercase(), "support.escalationContact".into()));
            }
            if let Some(v) = d.test_account.username.as_deref().filter(|v| v.len() >= 5) {
                values.push((v.trim().to_lowercase(), "testAccount.username".into()));
            }
        }
        Self { phrases, values, labels, t }
    }

    fn label(&self, path: &str) -> String {
        self.labels
            .iter()
            .find(|(p, _)| p == path)
            .map_or_else(|| path.to_owned(), |(_, l)| l.clone())
    }

    /// The field an ask is about: a draft value it quotes, a scope id, else the
    /// longest label or reviewer's word, earliest on a tie.
    fn field(&self, text: &str) -> Option<String> {
        let lower = text.to_lowercase();
        if let Some((_, path)) = self
            .values
            .iter()
            .filter(|(v, _)| lower.contains(v.as_str()))
            .max_by_key(|(v, _)| v.len())
        {
            return Some(path.clone());
        }
        let ws = words(text);
        let mut best: Option<(usize, usize, &str)> = None; // (len, pos, path)
        for (p, path, _) in &self.phrases {
            if let Some(pos) = find(&ws, p) {
                let better = match best {
                    None => true,
                    Some((len, at, _)) => p.len() > len || (p.len() == len && pos < at),
                };
                if better {
                    best = Some((p.len(), pos, path));
                }
            }
        }
        // A scope id names the scopes, unless a longer label says which field
        // ("the reason to use scopes … okta.logs.read").
        let scope_id = ws.iter().any(|w| {
            w.starts_with("okta.")
                && (w.ends_with(".read") || w.ends_with(".manage") || w.ends_with(".self"))
        });
        if scope_id
            && self.t == IntegrationType::ApiService
            && best.is_none_or(|(len, _, _)| len < 2)
        {
            return Some("apiService.scopes".into());
        }
        best.map(|(_, _, p)| p.to_owned())
    }

    /// Where the first phrase of `path` is in `ws`.
    fn phrase_at(&self, ws: &[String], path: &str) -> Option<usize> {
        let scope_id = (path == "apiService.scopes")
            .then(|| ws.iter().position(|w| w.starts_with("okta.") && w.matches('.').count() >= 2))
            .flatten();
        let label = self
            .phrases
            .iter()
            .filter(|(_, p, _)| p == path)
            .filter_map(|(w, _, _)| find(ws, w))
            .min();
        label.into_iter().chain(scope_id).min()
    }

    fn guide_path(&self) -> &'static str {
        crate::guide::url_path(self.t)
    }

    /// The to-do an ask makes, or none when it asks nothing sure.
    pub(super) fn todo(&self, ask: &Ask) -> Option<Todo> {
        let text = ask.text.trim();
        let ws = words(text);
        // An item of a list the email introduced as problems ("The following
        // test cases failed:") is an ask even when it only states the problem.
        let lead = ask.lead.as_deref().map(words).unwrap_or_default();
        let listed = any(&lead, PROBLEM_LEADS);
        if !(is_ask(&ws, text) || listed && ws.len() >= 3) || resolved(&ws) || boilerplate(&ws) {
            return None;
        }
        // "X redirects to a sign-in page. Please make it public.": the sentence
        // before says what "it" is, and belongs in the quote.
        let refers = ws
            .iter()
            .any(|w| matches!(w.as_str(), "it" | "this" | "that" | "they" | "these" | "them"));
        // "Logo: The logo has a transparent background. Please upload …": the
        // statement before an ask about the same field is part of its quote.
        let before = ask.prev.as_deref().filter(|p| {
            let here = self.field(text);
            let there = self.field(p);
            (refers && here.is_none() && there.is_some())
                || (!is_ask(&words(p), p) && there.is_some() && there == here)
        });
        let quote = match before {
            Some(p) => format!("{p} {text}"),
            None => text.to_owned(),
        };
        let field = self
            .field(text)
            .or_else(|| before.and_then(|p| self.field(p)))
            .or_else(|| ask.context.as_deref().and_then(|c| self.field(c)));
        let ws = words(&quote);
        let changes = any(&ws, CHANGE);
        // "The connector version in the submission must match the documentation":
        // a field named before the document is the thing to change.
        // "Test case TC-03 failed: the card returns 400" names a failing test, not the document.
        let failing =
            any(&ws, &["failed", "fails", "failing", "returns", "returned", "error", "400", "500"]);
        let doc_at = DOCUMENT
            .iter()
            .filter(|p| !(failing && p.starts_with("test")))
            .filter_map(|p| find(&ws, &words(p)))
            .min();
        let field_first = field.as_deref().is_some_and(|f| {
            !f.ends_with("DocUrl")
                && !f.ends_with("GuideUrl")
                && self.phrase_at(&ws, f).is_some_and(|at| doc_at.is_some_and(|d| at < d))
        });
        let kind = if any(&ws, MATERIAL) && !any(&ws, &["screenshot", "screenshots"]) {
            TodoKind::ProvideMaterial
        } else if any(&ws, REPLY) && !changes && ws.len() < 40 {
            TodoKind::ReplyOnly
        } else if !field_first && (doc_at.is_some() || field.as_deref() == Some(self.guide_path()))
        {
            TodoKind::FixDocument
        } else if field.is_some() {
            TodoKind::FixField
        } else if any(&ws, APP) || listed && any(&lead, &["failed", "fail", "fails", "failing"]) {
            TodoKind::FixApp
        } else if text.ends_with('?') {
            TodoKind::ReplyOnly
        } else {
            return None;
        };
        let field = match kind {
            TodoKind::FixDocument => {
                let doc_field = field.filter(|f| f.ends_with("DocUrl") || f.ends_with("GuideUrl"));
                let guide = any(
                    &ws,
                    &["guide", "documentation", "docs", "doc", "article", "readme", "help page"],
                );
                if any(&ws, &["test case", "test cases", "test-case"])
                    && doc_field.is_none()
                    && !guide
                {
                    None
                } else {
                    Some(doc_field.unwrap_or_else(|| self.guide_path().to_owned()))
                }
            }
            TodoKind::FixApp | TodoKind::ReplyOnly => None,
            _ => field,
        };
        let message = match (kind, &field) {
            (TodoKind::FixField, Some(f)) => format!("Fix “{}” as the review asks.", self.label(f)),
            (TodoKind::FixDocument, Some(f)) => {
                format!("Update the document at “{}”.", self.label(f))
            }
            (TodoKind::FixDocument, None) => "Update the test-case document.".into(),
            (TodoKind::FixApp, _) => {
                "Fix the integration itself, then say what changed in your reply.".into()
            }
            (TodoKind::ProvideMaterial, _) => {
                "Send the OIN team what it asks for with your reply.".into()
            }
            (TodoKind::ReplyOnly, _) => {
                "Answer in your reply; nothing to change in the form.".into()
            }
            (TodoKind::FixField, None) => return None,
        };
        Some(Todo { field, kind, quote, message })
    }
}
