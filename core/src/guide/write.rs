//! Writes a starter guide from a draft: Okta's sections, filled with what the
//! draft knows (the name, the description, each scope in plain words, the Okta
//! steps a customer admin takes, the support contact), and `[placeholders]`
//! for what only the ISV knows. For a Workflows connector, the documentation
//! skeleton and the test-case document from the flow test suite's flows.
//! A written guide passes its own check.

use std::fmt::Write as _;

use crate::draft::{ContactKind, Draft};
use crate::scopes::plain_words;
use crate::IntegrationType;

/// The lines a generated guide starts with, so nobody publishes it unread.
const NOTE: &str = "> Starter guide written by OIN Studio from your draft. Replace every [bracketed placeholder] with what only you know, add screenshots of each step, then publish it where anyone with the link can open it.";

fn or_placeholder(v: &Option<String>, placeholder: &str) -> String {
    v.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map_or_else(|| format!("[{placeholder}]"), str::to_owned)
}

fn support_line(d: &Draft) -> String {
    let contact = d
        .support
        .contacts
        .iter()
        .filter_map(|c| {
            c.value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(|v| (c.kind, v))
        })
        .min_by_key(|(k, _)| *k != ContactKind::Email);
    match contact {
        Some((ContactKind::Email, v)) => format!("For help, contact {v}."),
        Some((ContactKind::Url, v)) => format!("For help, open a support request at {v}."),
        Some((ContactKind::Phone, v)) => format!("For help, call our support team at {v}."),
        None => "For help, contact [your support email address].".to_owned(),
    }
}

/// The starter guide as Markdown. `flows`: the names of the flow test suite's
/// flows (Workflows connectors), one card topic each.
pub fn markdown(d: &Draft, flows: &[String]) -> String {
    match d.integration_type {
        IntegrationType::ApiService => api_service(d),
        IntegrationType::WorkflowsConnector => connector(d, flows),
    }
}

fn api_service(d: &Draft) -> String {
    let app = or_placeholder(&d.app_info.app_name, "Your app");
    let mut m = String::new();
    let _ = writeln!(m, "# Configure the {app} integration with Okta\n\n{NOTE}\n");
    let _ = writeln!(m, "## Prerequisites\n");
    let _ = writeln!(m, "Before you begin, you need:\n");
    let _ = writeln!(m, "- An Okta org and an admin account with the **Super Administrator** role (only super admins can install API service integrations).");
    let _ = writeln!(m, "- A {app} account with [the plan or role that can connect Okta].");
    let _ = writeln!(m, "- [Anything else to turn on first in {app}.]\n");
    let _ = writeln!(m, "## Supported features\n");
    let description = d.app_info.description.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let _ = writeln!(
        m,
        "{}\n",
        description.unwrap_or("[What the integration does with Okta, in a sentence or two.]")
    );
    let _ = writeln!(m, "The {app} integration supports the following features:\n");
    let _ = writeln!(m, "- [A feature, e.g. \"Reads users and groups to …\".]\n");
    let _ = writeln!(m, "It asks Okta for these scopes, which you review when you install it:\n");
    if d.api_service.scopes.is_empty() {
        let _ = writeln!(m, "- [okta.users.read]: [why the integration needs it]");
    }
    for s in d.api_service.scopes.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let _ = writeln!(m, "- `{s}`: {} — [why {app} needs it].", plain_words(s));
    }
    let _ =
        writeln!(m, "\nLimitations: [what the integration doesn't do, rate limits, regions].\n");
    let _ = writeln!(m, "## Configuration steps\n");
    let _ = writeln!(m, "### Install the integration in Okta\n");
    let steps = [
        "Sign in to your Okta Admin Console as a super administrator.".to_owned(),
        "Go to **Applications** › **API Service Integrations** and click **Add Integration**."
            .to_owned(),
        format!("Select **{app}** from the catalog and click **Next**."),
    ];
    let mut n = 0;
    let mut step = |m: &mut String, s: &str| {
        n += 1;
        let _ = writeln!(m, "{n}. {s}");
    };
    for s in &steps {
        step(&mut m, s);
    }
    let labels: Vec<String> = d
        .tenant_settings
        .iter()
        .filter_map(|v| {
            v.label.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("**{l}**"))
        })
        .collect();
    if !labels.is_empty() {
        step(&mut m, &format!("Enter your {app} values for {}.", labels.join(", ")));
    }
    step(&mut m, "Review the scopes the integration requests and click **Install & Authorize**.");
    step(
        &mut m,
        "Copy the **Client Secret** now and keep it safe: Okta shows it only once. Click **Done**.",
    );
    step(
        &mut m,
        "On the integration's **General** tab, copy the **Okta domain** and the **Client ID**.",
    );
    let _ = writeln!(m, "\n### Connect Okta in {app}\n");
    let _ = writeln!(m, "1. Sign in to {app} as an administrator and go to [where Okta is connected, e.g. Settings › Integrations › Okta].");
    let _ = writeln!(
        m,
        "2. Enter the **Okta domain**, the **Client ID** and the **Client Secret** you copied."
    );
    let _ = writeln!(m, "3. Click [Save / Connect]. [What the admin sees when it works.]\n");
    troubleshooting(&mut m, d);
    m
}

fn troubleshooting(m: &mut String, d: &Draft) {
    let _ = writeln!(m, "## Troubleshooting\n");
    let _ = writeln!(m, "- [A known issue and how to fix it.]");
    if d.integration_type == IntegrationType::ApiService {
        let _ = writeln!(m, "- Lost the client secret? Okta shows it only once: in the Admin Console, open the integration and generate a new secret, then enter it again.");
    }
    let _ = writeln!(m, "- {}", support_line(d));
}

/// A connector's version as the documentation states it.
fn version(d: &Draft) -> String {
    or_placeholder(&d.workflows.version, "1.0.0")
}

fn connector(d: &Draft, flows: &[String]) -> String {
    let name = connector_name(d);
    let mut m = String::new();
    let _ = writeln!(m, "# {name} connector for Okta Workflows\n\n{NOTE}\n");
    let _ =
        writeln!(m, "This documentation covers version {} of the {name} connector.\n", version(d));
    let _ = writeln!(m, "## Prerequisites\n");
    let _ = writeln!(m, "Before you begin, you need:\n");
    let _ = writeln!(m, "- An Okta org with Okta Workflows.");
    let _ = writeln!(m, "- A {name} account with [the role or API access the connector needs].\n");
    let _ = writeln!(m, "## Supported features\n");
    let description = d.app_info.description.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let _ = writeln!(
        m,
        "{}\n",
        description.unwrap_or("[What the connector does, in a sentence or two.]")
    );
    let _ = writeln!(m, "The connector supports the following action cards:\n");
    let cards = card_names(flows);
    for c in &cards {
        let _ = writeln!(m, "- {c}");
    }
    let _ = writeln!(
        m,
        "\nPerformance considerations: [rate limits of the {name} API, paging, large lists].\n"
    );
    let _ = writeln!(m, "## Configuration steps\n");
    let _ = writeln!(m, "1. In Okta Workflows, open a flow and add a {name} card.");
    let _ = writeln!(m, "2. Create a connection (see **Authorization**).");
    let _ = writeln!(m, "3. Fill in the card's inputs (see its topic below) and save the flow.\n");
    let _ = writeln!(m, "## Authorization\n");
    let _ = writeln!(m, "To create a connection to {name}:\n");
    let _ = writeln!(m, "1. [Where to get the credentials in {name}, e.g. Settings › API keys.]");
    let _ = writeln!(m, "2. In Workflows, click **New Connection** on a {name} card.");
    let _ =
        writeln!(m, "3. Enter [the credentials the connection asks for] and click **Create**.\n");
    let _ = writeln!(m, "## Action cards\n");
    for c in &cards {
        let _ = writeln!(m, "### {c}\n");
        let _ = writeln!(m, "[What the card does.]\n");
        let _ = writeln!(m, "#### Input\n");
        let _ = writeln!(m, "| Label | Definition | Type | Required |\n|---|---|---|---|\n| [Field] | [What it is] | [Text] | [TRUE] |\n");
        let _ = writeln!(m, "#### Output\n");
        let _ = writeln!(
            m,
            "| Label | Definition | Type |\n|---|---|---|\n| [Field] | [What it is] | [Text] |\n"
        );
        let _ = writeln!(m, "Limitations: [known issues of this card].\n");
    }
    let _ = writeln!(m, "## Custom API Action\n");
    let _ = writeln!(m, "Makes an authenticated request to the {name} API. Request types: [GET, POST, PUT, PATCH, DELETE]. Base URL: [https://api.example.com].\n");
    let _ = writeln!(m, "| Label | Definition | Type | Required |\n|---|---|---|---|\n| Relative URL | The path after the base URL, e.g. /v1/users | Text | TRUE |\n| Headers | Extra request headers | Object | FALSE |\n| Query | Query parameters | Object | FALSE |\n| Body | The request body | Object | FALSE |\n");
    troubleshooting(&mut m, d);
    m
}

fn connector_name(d: &Draft) -> String {
    [&d.workflows.connector, &d.app_info.app_name]
        .into_iter()
        .find_map(|v| v.as_deref().map(str::trim).filter(|v| !v.is_empty()))
        .map_or_else(|| "[Your connector]".to_owned(), str::to_owned)
}

/// Card topics from the flows' names ("Test – Create user" → "Create user").
fn card_names(flows: &[String]) -> Vec<String> {
    let mut out: Vec<String> = flows
        .iter()
        .map(|f| {
            let t = f.trim();
            let lower = t.to_lowercase();
            let t = if lower.starts_with("test") {
                t[4..].trim_start_matches(|c: char| {
                    c == ':' || c == '-' || c == '–' || c.is_whitespace() || c == '_'
                })
            } else {
                t
            };
            if t.is_empty() {
                f.trim().to_owned()
            } else {
                t.to_owned()
            }
        })
        .filter(|t| !t.is_empty())
        .collect();
    out.dedup();
    if out.is_empty() {
        out.push("[Action card name]".into());
    }
    out
}

/// The same guide as a standalone HTML page (light and dark). Markup typed in
/// the draft (a `<script>` in the description) is written as text, never run.
pub fn html(d: &Draft, flows: &[String]) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let md = markdown(d, flows);
    let mut body = String::new();
    let events = Parser::new_ext(&md, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    pulldown_cmark::html::push_html(&mut body, events);
    let title = escape(md.lines().next().unwrap_or("").trim_start_matches("# "));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n:root {{ color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }}\nbody {{ max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }}\ntable {{ border-collapse: collapse; }} th, td {{ border: 1px solid #8888; padding: .25rem .5rem; text-align: left; }}\nblockquote {{ border-left: .25rem solid #d97706; margin: 0; padding: .25rem 1rem; background: #d9770614; }}\ncode {{ font-size: .95em; }}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One row of the test-case document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    pub id: String,
    pub card: String,
    pub title: String,
    pub preconditions: String,
    pub expected: String,
}

/// Okta's test-case document, one case per flow of the test suite.
pub fn test_cases(d: &Draft, flows: &[String]) -> Vec<TestCase> {
    let name = connector_name(d);
    let cards = card_names(flows);
    let titles: Vec<String> =
        if flows.is_empty() { vec!["[Test title]".into()] } else { flows.to_vec() };
    titles
        .iter()
        .zip(cards)
        .enumerate()
        .map(|(i, (title, card))| TestCase {
            id: format!("TC-{:02}", i + 1),
            card,
            title: title.clone(),
            preconditions: format!(
                "A {name} connection is authorized; [the data the flow needs exists]."
            ),
            expected: "[What the card returns or changes when the flow runs.]".into(),
        })
        .collect()
}

const COLUMNS: [&str; 5] =
    ["Test case ID", "Action card", "Title", "Preconditions", "Expected results"];

fn cells(c: &TestCase) -> [&str; 5] {
    [&c.id, &c.card, &c.title, &c.preconditions, &c.expected]
}

/// The test cases as CSV (RFC 4180 quoting).
pub fn test_cases_csv(cases: &[TestCase]) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let mut out = COLUMNS.join(",") + "\r\n";
    for c in cases {
        out += &cells(c).map(quote).join(",");
        out += "\r\n";
    }
    out
}

/// The test cases as a Markdown table.
pub fn test_cases_markdown(cases: &[TestCase]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("# Test cases\n\n| {} |\n|{}\n", COLUMNS.join(" | "), "---|".repeat(5));
    for c in cases {
        out += &format!("| {} |\n", cells(c).map(cell).join(" | "));
    }
    out
}

/// A written document as the app previews it: headings and their lines, as
/// text (the webview renders them as text, never as markup).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewSection {
    pub level: u8,
    pub heading: String,
    pub lines: Vec<String>,
}

/// What "Write a starter guide…" shows and saves.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Starter {
    /// The file's content, as it will be saved.
    pub text: String,
    /// A name to offer in the save dialog.
    pub file_name: String,
    /// The guide rendered (empty for the CSV test cases).
    pub preview: Vec<PreviewSection>,
}

/// The preview of a Markdown text.
pub fn preview(md: &str) -> Vec<PreviewSection> {
    super::read::markdown(md)
        .sections
        .into_iter()
        .map(|s| PreviewSection {
            level: s.heading.as_ref().map_or(0, |h| h.level),
            heading: s.heading.map(|h| h.text).unwrap_or_default(),
            lines: s.text.lines().map(str::to_owned).collect(),
        })
        .collect()
}

/// A file name for the draft's guide: "acme-log-shipper-okta-guide.md".
pub fn file_name(d: &Draft, what: &str, ext: &str) -> String {
    let name = d.display_name();
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "integration".to_owned() } else { slug };
    format!("{slug}-{what}.{ext}")
}
