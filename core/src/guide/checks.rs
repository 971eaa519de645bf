//! What Okta's reviewers look for in a guide (`oin-requirements.md` §5), one
//! check per id, each judged by headings under their usual names *and* by what
//! the text says, with the heading or sentence that decided it as evidence.
//! Matching is by words, so "Support" is not "Supported features".

use std::collections::BTreeSet;

use super::{Document, GuideCheck, GuideReport, Reading};
use crate::draft::Draft;
use crate::scopes::{ScopeCatalog, ScopeGroup};
use crate::IntegrationType;

pub const REACHABLE: &str = "guide.reachable";
pub const PREREQUISITES: &str = "guide.prerequisites";
pub const SUPPORTED_FEATURES: &str = "guide.supported_features";
pub const CONFIGURATION_STEPS: &str = "guide.configuration_steps";
pub const TROUBLESHOOTING: &str = "guide.troubleshooting";
pub const OKTA_ADMIN_STEPS: &str = "guide.okta_admin_steps";
pub const SCOPES_LISTED: &str = "guide.scopes_listed";
pub const CONNECTOR_VERSION: &str = "guide.connector_version";
pub const AUTHORIZATION_TOPIC: &str = "guide.authorization_topic";
pub const ACTION_CARD_TOPICS: &str = "guide.action_card_topics";
pub const CUSTOM_API_ACTION_TOPIC: &str = "guide.custom_api_action_topic";

const GUIDELINES: &str =
    "https://developer.okta.com/docs/guides/submit-app-prereq/main/#customer-configuration-document-guidelines";
const WIZARD_TEST: &str = "https://developer.okta.com/docs/guides/submit-oin-app/apiservice/main/";
const SCOPES: &str = "https://developer.okta.com/docs/guides/build-api-integration/main/";
const WF_DOCS: &str = "https://help.okta.com/en/prod/Content/Topics/Workflows/connector-builder/third-party-submissions-prepare-docs.htm";
const WF_CARDS: &str = "https://help.okta.com/en/prod/Content/Topics/Workflows/connector-builder/third-party-submissions-prepare-docs-cards.htm";
const WF_CAPIA: &str = "https://help.okta.com/en/prod/Content/Topics/Workflows/connector-builder/third-party-submissions-prepare-docs-capia.htm";

/// The check ids for a type, in the order they are reported.
pub fn ids(t: IntegrationType) -> &'static [&'static str] {
    match t {
        IntegrationType::ApiService => &[
            REACHABLE,
            PREREQUISITES,
            SUPPORTED_FEATURES,
            CONFIGURATION_STEPS,
            TROUBLESHOOTING,
            OKTA_ADMIN_STEPS,
            SCOPES_LISTED,
        ],
        IntegrationType::WorkflowsConnector => &[
            REACHABLE,
            PREREQUISITES,
            SUPPORTED_FEATURES,
            CONFIGURATION_STEPS,
            TROUBLESHOOTING,
            CONNECTOR_VERSION,
            AUTHORIZATION_TOPIC,
            ACTION_CARD_TOPICS,
            CUSTOM_API_ACTION_TOPIC,
        ],
    }
}

fn source_of(id: &str) -> &'static str {
    match id {
        OKTA_ADMIN_STEPS => WIZARD_TEST,
        SCOPES_LISTED => SCOPES,
        CONNECTOR_VERSION | AUTHORIZATION_TOPIC => WF_DOCS,
        ACTION_CARD_TOPICS => WF_CARDS,
        CUSTOM_API_ACTION_TOPIC => WF_CAPIA,
        _ => GUIDELINES,
    }
}

/// Builds the report for a reading: every check has a verdict, read or not.
pub fn report(
    source: &str,
    t: IntegrationType,
    reading: &Reading,
    draft: Option<&Draft>,
    now_ms: i64,
) -> GuideReport {
    let (checked, checks, outline) = match reading {
        Reading::Read(doc) => (true, check(doc, t, draft), doc.outline()),
        Reading::Unreadable(why) => (true, unchecked(t, &why.message(), true), Vec::new()),
        Reading::NotChecked { reason } => (
            false,
            unchecked(t, &format!("Not checked: the guide couldn't be fetched ({reason})."), false),
            Vec::new(),
        ),
    };
    GuideReport {
        source: source.to_owned(),
        integration: super::type_name(t).to_owned(),
        checked,
        checks,
        outline,
        checked_at: now_ms,
    }
}

fn unchecked(t: IntegrationType, why: &str, verdict: bool) -> Vec<GuideCheck> {
    ids(t)
        .iter()
        .map(|id| {
            let (message, fix) = if *id == REACHABLE {
                let fix = if verdict {
                    "Publish the guide where anyone with the link can open it — a public web page, a Google Doc shared with \"Anyone with the link\", or a PDF with text — and check again."
                } else {
                    "Check again when you're online."
                };
                (why.to_owned(), fix.to_owned())
            } else {
                (
                    "Not checked: the guide couldn't be read.".to_owned(),
                    "Make the guide readable first (see “reachable”).".to_owned(),
                )
            };
            GuideCheck {
                id: (*id).to_owned(),
                passed: false,
                evidence: String::new(),
                message,
                fix,
                source: source_of(id).to_owned(),
            }
        })
        .collect()
}

/// Runs every check of type `t` on a document.
pub fn check(doc: &Document, t: IntegrationType, draft: Option<&Draft>) -> Vec<GuideCheck> {
    let g = Guide::new(doc);
    ids(t)
        .iter()
        .map(|id| {
            let v = match *id {
                REACHABLE => Verdict::pass(
                    format!(
                        "read {} headings and {} words",
                        doc.outline().len(),
                        g.all.split_whitespace().count()
                    ),
                    "The OIN team can open and read the guide.",
                ),
                PREREQUISITES => prerequisites(&g),
                SUPPORTED_FEATURES => supported_features(&g),
                CONFIGURATION_STEPS => configuration_steps(&g),
                TROUBLESHOOTING => troubleshooting(&g),
                OKTA_ADMIN_STEPS => okta_admin_steps(&g),
                SCOPES_LISTED => scopes_listed(&g, draft),
                CONNECTOR_VERSION => connector_version(&g, draft),
                AUTHORIZATION_TOPIC => authorization_topic(&g),
                ACTION_CARD_TOPICS => action_card_topics(&g),
                _ => custom_api_action_topic(&g),
            };
            GuideCheck {
                id: (*id).to_owned(),
                passed: v.passed,
                evidence: v.evidence,
                message: v.message,
                fix: v.fix,
                source: source_of(id).to_owned(),
            }
        })
        .collect()
}

struct Verdict {
    passed: bool,
    evidence: String,
    message: String,
    fix: String,
}

impl Verdict {
    fn pass(evidence: impl Into<String>, message: &str) -> Self {
        Self {
            passed: true,
            evidence: evidence.into(),
            message: message.into(),
            fix: String::new(),
        }
    }
    fn fail(looked_for: &str, message: &str, fix: &str) -> Self {
        Self {
            passed: false,
            evidence: format!("looked for {looked_for}"),
            message: message.into(),
            fix: fix.into(),
        }
    }
}

/// Lower-case words of a text ("Install & Authorize" → install, authorize).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `phrase` (words; a trailing `*` makes a word a prefix) occurs in `ws`.
fn has_phrase(ws: &[String], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split_whitespace().collect();
    if p.is_empty() || p.len() > ws.len() {
        return false;
    }
    ws.windows(p.len()).any(|win| {
        win.iter().zip(&p).all(|(w, q)| match q.strip_suffix('*') {
            Some(stem) => w.starts_with(stem),
            None => w == q,
        })
    })
}

fn any_phrase(ws: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(ws, p))
}

/// Cuts a sentence for evidence.
fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 200 {
        return s.to_owned();
    }
    let cut: String = s.chars().take(197).collect();
    format!("{}…", cut.trim_end())
}

/// A document prepared for checking.
struct Guide<'a> {
    doc: &'a Document,
    /// Each section's heading words.
    heads: Vec<Option<Vec<String>>>,
    /// The sentences in order, with the index of the section they're in.
    sentences: Vec<(usize, String, Vec<String>)>,
    all: String,
    /// The page's title heading, which names the whole guide (not a section).
    title_index: Option<usize>,
}

impl<'a> Guide<'a> {
    fn new(doc: &'a Document) -> Self {
        let heads =
            doc.sections.iter().map(|s| s.heading.as_ref().map(|h| words(&h.text))).collect();
        let mut sentences = Vec::new();
        for (i, s) in doc.sections.iter().enumerate() {
            for line in s.text.lines() {
                for sentence in split_sentences(line) {
                    sentences.push((i, sentence.to_owned(), words(sentence)));
                }
            }
        }
        let level1: Vec<usize> = doc
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.heading.as_ref().is_some_and(|h| h.level == 1))
            .map(|(i, _)| i)
            .collect();
        let title_index = (level1.len() == 1 && doc.sections.len() > 1).then(|| level1[0]);
        Self { doc, heads, sentences, all: doc.text(), title_index }
    }

    /// The first section (not the title) whose heading has one of `phrases`
    /// and something under it; with its heading text.
    fn heading(&self, phrases: &[&str], not: &[&str]) -> Option<(usize, String)> {
        self.heads.iter().enumerate().find_map(|(i, h)| {
            let h = h.as_ref()?;
            if Some(i) == self.title_index || !any_phrase(h, phrases) || any_phrase(h, not) {
                return None;
            }
            let has_content = self.doc.subtree(i).iter().any(|s| !s.text.trim().is_empty())
                || self.doc.subtree(i).len() > 1;
            has_content.then(|| {
                (i, self.doc.sections[i].heading.as_ref().expect("a heading").text.clone())
            })
        })
    }

    /// The first sentence, among the first `within` (a share of all), that has one of `phrases`.
    fn sentence(&self, phrases: &[&str], within: f32) -> Option<String> {
        let limit = ((self.sentences.len() as f32) * within).ceil() as usize;
        self.sentences
            .iter()
            .take(limit.max(1))
            .find(|(_, _, ws)| any_phrase(ws, phrases))
            .map(|(_, s, _)| quote(s))
    }

    fn all_words(&self) -> Vec<String> {
        words(&self.all)
    }
}

/// Splits a line at sentence ends (". " followed by a capital or digit).
fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2).is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            out.push(line[start..=i].trim());
            start = i + 1;
        }
    }
    let rest = line[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn heading_evidence(h: &str) -> String {
    format!("heading “{h}”")
}

fn prerequisites(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "prerequisite*",
        "pre requisite*",
        "prereq*",
        "before you begin",
        "before you start",
        "before getting started",
        "before you configure",
        "before you get started",
        "requirement*",
        "what you need",
        "what you ll need",
        "what you will need",
        "you will need",
        "you ll need",
        "things you need",
        "dependencies",
    ];
    const SAYS: &[&str] = &[
        "prerequisite*",
        "you need",
        "you ll need",
        "you will need",
        "you must have",
        "you must be",
        "make sure you have",
        "make sure that you have",
        "ensure you have",
        "ensure that you have",
        "before you begin",
        "before you start",
        "before you configure",
        "you should have",
        "need to have",
        "is required to",
        "are required to",
        "requires an",
        "requires a",
        "requires the",
        "required plan",
        "required license",
    ];
    if let Some((_, h)) = g.heading(HEADS, &[]) {
        return Verdict::pass(
            heading_evidence(&h),
            "The guide says what the customer needs before they start.",
        );
    }
    // "You need an Okta org" states a prerequisite; "you need to click Save" is a step.
    let limit = ((g.sentences.len() as f32) * 0.4).ceil() as usize;
    let stated = g.sentences.iter().take(limit.max(1)).find(|(_, _, ws)| {
        SAYS.iter().any(|p| {
            let n = p.split_whitespace().count();
            ws.windows(n + 1).any(|w| has_phrase(&w[..n], p) && w[n] != "to")
                || ws.len() >= n && has_phrase(&ws[ws.len() - n..], p)
        })
    });
    if let Some((_, s, _)) = stated {
        return Verdict::pass(quote(s), "The guide says what the customer needs before they start (no “Prerequisites” heading: Okta suggests one).");
    }
    Verdict::fail(
        "a “Prerequisites” section (or “Before you begin”, “Requirements”) or a sentence saying what the customer needs first",
        "The guide doesn't say what the customer needs first — a plan, a feature turned on, API access, an Okta admin role.",
        "Add a “Prerequisites” section near the top listing what the customer needs before configuring the integration.",
    )
}

fn supported_features(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "feature*",
        "capabilit*",
        "what you can do",
        "functionality",
        "supported action*",
        "supported operation*",
        "use case*",
        "what it does",
        "supported",
        "benefits",
    ];
    const SAYS: &[&str] = &[
        "supported feature*",
        "supports the following",
        "following feature*",
        "following capabilit*",
        "integration support*",
        "integration allow*",
        "integration enable*",
        "integration let*",
        "integration provide*",
        "connector support*",
        "connector allow*",
        "connector enable*",
        "connector let*",
        "connector provide*",
        "key feature*",
        "you can use this integration",
        "you can use the integration",
        "allows you to",
        "enables you to",
        "lets you",
    ];
    if let Some((_, h)) = g.heading(HEADS, &["unsupported", "not supported"]) {
        return Verdict::pass(heading_evidence(&h), "The guide lists what the integration does.");
    }
    if let Some(s) = g.sentence(SAYS, 1.0) {
        return Verdict::pass(s, "The guide says what the integration does (no “Supported features” heading: Okta suggests one).");
    }
    Verdict::fail(
        "a “Supported features” section (or “Features”, “Capabilities”) or a sentence on what the integration supports",
        "The guide doesn't list the integration's features — reviewers ask for a “Supported features” list, with its restrictions and limitations.",
        "Add a “Supported features” section: a list of what the integration does with Okta, and any limitations.",
    )
}

fn configuration_steps(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "configur*",
        "set up",
        "setup",
        "setting up",
        "install*",
        "getting started",
        "get started",
        "how to",
        "step*",
        "enable*",
        "deploy*",
        "integrat*",
        "connect*",
        "onboard*",
        "instructions",
        "procedure",
    ];
    let steps: usize = g.doc.sections.iter().map(|s| s.steps).sum();
    if let Some((i, h)) = g.heading(HEADS, &["troubleshoot*"]) {
        let under: usize = g.doc.subtree(i).iter().map(|s| s.steps).sum();
        let lines: usize = g.doc.subtree(i).iter().map(|s| s.text.lines().count()).sum();
        if under >= 2 || lines >= 3 {
            return Verdict::pass(
                heading_evidence(&h),
                "The guide walks through the configuration.",
            );
        }
    }
    if steps >= 3 {
        let (i, _) =
            g.doc.sections.iter().enumerate().max_by_key(|(_, s)| s.steps).expect("sections");
        let under = g.doc.sections[i]
            .heading
            .as_ref()
            .map(|h| format!(" under “{}”", h.text))
            .unwrap_or_default();
        return Verdict::pass(
            format!("{steps} numbered steps{under}"),
            "The guide walks through the configuration step by step.",
        );
    }
    if let Some(s) = g.sentence(&["step 1", "first step"], 1.0) {
        return Verdict::pass(s, "The guide walks through the configuration step by step.");
    }
    Verdict::fail(
        "a configuration section (“Configuration steps”, “Setup”, “Configure …”) or numbered steps",
        "The guide has no configuration steps: reviewers expect every setting, step by step, with images.",
        "Add a “Configuration steps” section with numbered steps for every setting the customer changes, in Okta and in your app.",
    )
}

fn troubleshooting(g: &Guide<'_>) -> Verdict {
    const HEADS: &[&str] = &[
        "troubleshoot*",
        "known issue*",
        "known limitation*",
        "limitation*",
        "faq*",
        "faqs",
        "frequently asked question*",
        "support",
        "contact*",
        "get help",
        "getting help",
        "need help",
        "help",
        "common issue*",
        "common error*",
        "common problem*",
        "error*",
        "debug*",
        "problem*",
        "issues",
    ];
    if let Some((_, h)) = g.heading(HEADS, &[]) {
        return Verdict::pass(
            heading_evidence(&h),
            "The guide says what to do when something goes wrong.",
        );
    }
    let helpful = g.sentences.iter().find(|(_, s, ws)| {
        let asks = any_phrase(
            ws,
            &[
                "contact*",
                "reach out",
                "email",
                "open a ticket",
                "submit a ticket",
                "file a ticket",
                "write to",
            ],
        );
        let who = any_phrase(ws, &["support", "help", "assistance", "helpdesk", "service desk"])
            || s.contains('@');
        asks && who
            || any_phrase(
                ws,
                &[
                    "troubleshoot*",
                    "known issue*",
                    "if you encounter",
                    "if you run into",
                    "if you have trouble",
                ],
            )
    });
    if let Some((_, s, _)) = helpful {
        return Verdict::pass(quote(s), "The guide says where to get help (no “Troubleshooting” heading: Okta suggests one with known issues).");
    }
    Verdict::fail(
        "a “Troubleshooting” section (or “Known issues”, “FAQ”, “Support”) or a sentence on how to get help",
        "The guide doesn't say what to do when something goes wrong: no known issues, no support contact.",
        "Add a “Troubleshooting” section with known issues and your support contact (the one in the submission).",
    )
}

fn okta_admin_steps(g: &Guide<'_>) -> Verdict {
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

fn scopes_listed(g: &Guide<'_>, draft: Option<&Draft>) -> Verdict {
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

fn connector_version(g: &Guide<'_>, draft: Option<&Draft>) -> Verdict {
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

fn authorization_topic(g: &Guide<'_>) -> Verdict {
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

fn action_card_topics(g: &Guide<'_>) -> Verdict {
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

fn custom_api_action_topic(g: &Guide<'_>) -> Verdict {
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
