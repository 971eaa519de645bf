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

/// What reviewers call each field, beyond the forms' labels.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("appInfo.appIcon", &["logo", "logos", "icon", "app icon", "app logo", "image", "png"]),
    (
        "appInfo.appName",
        &[
            "app name",
            "display name",
            "integration name",
            "application name",
            "name of the integration",
            "name of your integration",
            "app title",
        ],
    ),
    (
        "appInfo.description",
        &[
            "description",
            "app description",
            "catalog description",
            "integration description",
            "short description",
        ],
    ),
    ("appInfo.useCases", &["use case", "use cases", "category", "categories"]),
    ("appInfo.appWebsite", &["website", "app website", "homepage", "home page"]),
    (
        "testAccount.url",
        &[
            "account url",
            "test account url",
            "login url",
            "sign in url",
            "test url",
            "instance url",
            "tenant url",
        ],
    ),
    (
        "testAccount.username",
        &[
            "username",
            "user name",
            "test account username",
            "test account",
            "test user",
            "login email",
            "credentials",
            "test credentials",
        ],
    ),
    ("testAccount.password", &["password", "test account password"]),
    (
        "testAccount.instructions",
        &["testing instructions", "test instructions", "additional instructions", "instructions"],
    ),
    (
        "apiService.scopes",
        &["scope", "scopes", "permissions", "least privilege", "manage scope", "manage scopes"],
    ),
    (
        "apiService.scopeReason",
        &[
            "reason to use scopes",
            "scope reason",
            "scope justification",
            "justification",
            "justify",
            "reason for the scopes",
            "why the integration needs",
        ],
    ),
    (
        "apiService.configGuideUrl",
        &[
            "configuration guide",
            "config guide",
            "setup guide",
            "customer configuration guide",
            "configuration document",
            "guide",
            "documentation",
            "docs",
            "doc",
        ],
    ),
    (
        "workflows.userDocUrl",
        &["user documentation", "documentation", "docs", "doc", "help documentation", "guide"],
    ),
    ("workflows.apiDocUrl", &["api documentation", "api docs", "api reference"]),
    ("workflows.version", &["version", "connector version", "version number"]),
    ("workflows.testSuite", &["test suite", "flow test suite", "flopack", "test flows", "flows"]),
    ("workflows.connector", &["connector name"]),
    ("tenantSettings", &["tenant settings", "tenant setting", "tenant variables", "variables"]),
    (
        "support.escalationContact",
        &["escalation", "escalation contact", "escalation email", "escalation support contact"],
    ),
    (
        "support.contacts",
        &[
            "support contact",
            "support contacts",
            "support email",
            "support address",
            "support phone",
            "support url",
            "support page",
            "contact email",
            "public contact",
            "customer support",
        ],
    ),
];

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

/// Labels too common in a review's sentences to name their field alone.
const GENERIC_LABELS: &[&str] = &["Connector", "Scope", "Version", "Password", "Username"];

/// Words that ask for something.
const ASKING: &[&str] = &[
    "please",
    "must",
    "should",
    "need to",
    "needs to",
    "need",
    "required",
    "requires",
    "require",
    "is missing",
    "are missing",
    "missing",
    "isn't",
    "is not",
    "aren't",
    "are not",
    "doesn't",
    "does not",
    "don't",
    "do not",
    "cannot",
    "can't",
    "unable",
    "fails",
    "failed",
    "fail",
    "incorrect",
    "invalid",
    "too long",
    "too short",
    "too large",
    "too small",
    "exceeds",
    "update",
    "change",
    "replace",
    "remove",
    "add",
    "provide",
    "include",
    "fix",
    "correct",
    "could not",
    "couldn't",
    "we noticed",
    "not meet",
    "does not meet",
    "doesn't meet",
    "not allowed",
    "not accepted",
    "rejected",
    "instead of",
    "no longer",
    "wrong",
    "broken",
    "error",
    "errors",
    "make sure",
    "ensure",
    "confirm",
    "let us know",
    "clarify",
    "explain",
    "share",
    "send",
    "upload",
    "resize",
    "rename",
    "shorten",
    "revise",
    "adjust",
    "only",
    "not supported",
    // A problem stated without "please" is an ask too.
    "returns",
    "returned",
    "typo",
    "typos",
    "misspelled",
    "misspelling",
    "404",
    "500",
    "empty",
    "blank",
    "not found",
    "does not match",
    "doesn't match",
    "mismatch",
    "inconsistent",
    "outdated",
    "out of date",
    "unclear",
    "confusing",
    "generic",
    "personal",
    "pixelated",
    "blurry",
    "low resolution",
    "white background",
    "too many",
    "not valid",
    "expired",
    "redirects",
    "not reachable",
    "unreachable",
    "times out",
    "timed out",
    "has no",
    "have no",
    "there is no",
    "there are no",
    "lacks",
    "lacking",
    "without",
    "no longer works",
];

const CHANGE: &[&str] = &[
    "update",
    "change",
    "replace",
    "remove",
    "add",
    "fix",
    "correct",
    "use",
    "resize",
    "shorten",
    "rename",
    "upload",
    "enter",
    "edit",
    "revise",
    "reduce",
    "adjust",
    "include",
    "make sure",
    "ensure",
    "must be",
    "should be",
    "needs to be",
    "need to be",
];

const MATERIAL: &[&str] = &[
    "video",
    "demo",
    "recording",
    "screencast",
    "walkthrough",
    "walk-through",
    "loom",
    "provide access",
    "grant access",
    "send us",
    "share with us",
    "provide sample data",
    "provide test data",
    "new credentials",
    "provide credentials",
    "provide the credentials",
    "provide test credentials",
    "provide a test account",
    "provide another test account",
    "provide an account",
];

const REPLY: &[&str] = &[
    "please confirm",
    "can you confirm",
    "could you confirm",
    "confirm whether",
    "confirm if",
    "confirm that",
    "let us know",
    "please clarify",
    "can you clarify",
    "could you clarify",
    "please explain",
    "can you explain",
    "please advise",
    "reply with",
    "reply to",
    "respond",
    "answer",
    "is it possible",
    "do you",
    "does your",
    "does the integration",
    "are there",
];

const DOCUMENT: &[&str] = &[
    "configuration guide",
    "config guide",
    "setup guide",
    "guide",
    "documentation",
    "docs",
    "article",
    "test case",
    "test cases",
    "test-case",
    "readme",
    "help page",
    "help article",
    "configuration steps",
    "prerequisites section",
    "troubleshooting section",
];

const APP: &[&str] = &[
    "error",
    "errors",
    "fails",
    "failed",
    "failing",
    "bug",
    "crash",
    "crashes",
    "500",
    "timeout",
    "times out",
    "doesn't work",
    "does not work",
    "not working",
    "unable to",
    "could not",
    "couldn't",
    "returns",
    "returned",
    "throws",
    "broken",
    "exception",
    "behavior",
    "behaviour",
    "your app",
    "the app",
    "the integration",
    "the connector",
    "card",
    "cards",
    "token",
    "authorization",
    "authorize",
    "install",
    "installation",
    "sync",
    "request",
    "requests",
];

/// What an email says before a list of things to fix.
const PROBLEM_LEADS: &[&str] = &[
    "failed",
    "fail",
    "failing",
    "issue",
    "issues",
    "problem",
    "problems",
    "need to be addressed",
    "needs to be addressed",
    "must be addressed",
    "please address",
    "please fix",
    "needs fixing",
    "missing",
    "required changes",
    "changes required",
];

fn is_ask(ws: &[String], text: &str) -> bool {
    ws.len() >= 3 && (any(ws, ASKING) || text.ends_with('?'))
}

/// The email says this one is done.
fn resolved(ws: &[String]) -> bool {
    any(
        ws,
        &[
            "resolved",
            "has been fixed",
            "have been fixed",
            "was fixed",
            "is fixed",
            "now fixed",
            "looks good",
            "look good",
            "no further action",
            "thank you for fixing",
            "thanks for fixing",
            "thank you for updating",
            "thanks for updating",
            "has been addressed",
            "have been addressed",
            "already addressed",
            "no action needed",
            "no action required",
            "no changes needed",
            "is now correct",
            "are now correct",
            "passed",
            "approved",
            "done",
        ],
    )
}

/// Process sentences every review email has ("resubmit once fixed").
fn boilerplate(ws: &[String]) -> bool {
    let generic = any(
        ws,
        &[
            "resubmit",
            "re-submit",
            "submit again",
            "if you have any questions",
            "if you have questions",
            "feel free",
            "reach out",
            "thank you for your submission",
            "thank you for submitting",
            "thanks for submitting",
            "we have reviewed",
            "our team has reviewed",
            "we reviewed",
            "following issues",
            "following items",
            "the following",
            "below",
            "hope",
            "happy to help",
            "next steps",
            "look forward",
        ],
    );
    let specific =
        SYNONYMS.iter().flat_map(|(_, s)| s.iter()).any(|p| find(ws, &words(p)).is_some());
    generic && !specific
}
