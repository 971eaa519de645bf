use super::checks::*;
use super::read::{markdown, read_bytes};
use super::*;
use crate::draft::{ContactKind, SupportContact};

fn doc(reading: Reading) -> Document {
    match reading {
        Reading::Read(d) => d,
        other => panic!("expected a document, got {other:?}"),
    }
}

fn verdicts(d: &Document, t: IntegrationType, draft: Option<&Draft>) -> Vec<(String, bool)> {
    check(d, t, draft).into_iter().map(|c| (c.id, c.passed)).collect()
}

fn passed(d: &Document, t: IntegrationType, draft: Option<&Draft>, id: &str) -> bool {
    let all = check(d, t, draft);
    let c = all.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("{id} is checked"));
    assert!(!c.message.is_empty() && !c.source.is_empty() && c.source.starts_with("https://"));
    assert!(!c.evidence.is_empty(), "{id} has evidence");
    if !c.passed {
        assert!(!c.fix.is_empty(), "{id} failing has a fix");
    }
    c.passed
}

/// A page shaped like a vendor's docs site: navigation, a sidebar, cookie
/// banner and footer around the article.
pub(crate) const GOOD_API_HTML: &str = r#"<!doctype html><html><head><title>Okta | Acme Docs</title>
<style>h1{color:red}</style><script>var troubleshooting = 1;</script></head><body>
<header><nav><a href="/">Home</a> <h2>Troubleshooting center</h2></nav></header>
<aside><h3>Supported features</h3></aside>
<main>
<h1>Configure the Acme Logs integration with Okta</h1>
<p>Acme Logs streams your Okta System Log into Acme.</p>
<h2>Before you begin</h2>
<ul><li>An Okta org with the Super Administrator role.</li><li>An Acme Logs Business plan.</li></ul>
<h2>Features</h2>
<ul><li>Reads users (<code>okta.users.read</code>) to enrich events.</li>
<li>Reads the System Log (<code>okta.logs.read</code>).</li></ul>
<h2>Configure the integration</h2>
<ol><li>In the Admin Console, go to <b>Applications</b> &gt; <b>API Service Integrations</b>.</li>
<li>Click <b>Add Integration</b> and select Acme Logs.</li>
<li>Click <b>Install &amp; Authorize</b>.</li>
<li>Copy the client secret: it is shown only once.</li>
<li>From the General tab, copy the Okta domain and the Client ID and paste them in Acme.</li></ol>
<h2>Known issues</h2><p>Events can take five minutes to appear. Contact support@acme.example for help.</p>
</main><footer><h2>Support</h2></footer></body></html>"#;

#[test]
fn html_is_read_from_its_main_content_with_its_outline() {
    let d = doc(read_bytes(GOOD_API_HTML.as_bytes(), Some("text/html; charset=utf-8"), "/okta"));
    assert_eq!(d.format, Format::Html);
    let outline: Vec<String> =
        d.outline().into_iter().map(|h| format!("{} {}", h.level, h.text)).collect();
    assert_eq!(
        outline,
        [
            "1 Configure the Acme Logs integration with Okta",
            "2 Before you begin",
            "2 Features",
            "2 Configure the integration",
            "2 Known issues"
        ],
        "navigation, sidebar and footer headings are not the guide's"
    );
    assert_eq!(d.sections[3].steps, 5);
    assert!(!d.text().contains("var troubleshooting"), "scripts are not text");
    assert!(d.text().contains("Install & Authorize"), "entities decoded");
}

#[test]
fn a_good_api_service_guide_passes_every_check() {
    let d = doc(read_bytes(GOOD_API_HTML.as_bytes(), None, "guide.html"));
    let mut draft = Draft::new(IntegrationType::ApiService);
    draft.api_service.scopes = vec!["okta.users.read".into(), "okta.logs.read".into()];
    for (id, ok) in verdicts(&d, IntegrationType::ApiService, Some(&draft)) {
        assert!(ok, "{id} passes");
        assert!(passed(&d, IntegrationType::ApiService, Some(&draft), &id));
    }
    let all = check(&d, IntegrationType::ApiService, Some(&draft));
    let pre = all.iter().find(|c| c.id == PREREQUISITES).unwrap();
    assert_eq!(pre.evidence, "heading “Before you begin”");
}

#[test]
fn scopes_must_match_the_draft_and_be_okta_s() {
    let md = "# Guide\n\n## Scopes\n\n- okta.users.read\n- okta.groups.manage\n- okta.user.read (typo)\n\nSee acme.okta.com and okta.com.\n";
    let d = markdown(md);
    let mut draft = Draft::new(IntegrationType::ApiService);
    draft.api_service.scopes = vec!["okta.users.read".into(), "okta.logs.read".into()];
    let c = check(&d, IntegrationType::ApiService, Some(&draft));
    let s = c.iter().find(|c| c.id == SCOPES_LISTED).unwrap();
    assert!(!s.passed);
    assert!(s.message.contains("okta.user.read is not an Okta scope"), "{}", s.message);
    assert!(s.message.contains("doesn't name okta.logs.read"), "{}", s.message);
    assert!(
        s.message.contains("names okta.groups.manage that the draft doesn't request"),
        "{}",
        s.message
    );
    assert_eq!(
        scope_names(md).into_iter().collect::<Vec<_>>(),
        ["okta.groups.manage", "okta.user.read", "okta.users.read"],
        "hosts are not scopes"
    );
    // Without a draft: at least one Okta scope, none misspelt.
    let clean =
        markdown("## Scopes\n\nThe integration requests okta.users.read and okta.logs.read.\n");
    assert!(passed(&clean, IntegrationType::ApiService, None, SCOPES_LISTED));
    assert!(!passed(
        &markdown("## Scopes\n\nRead access to users.\n"),
        IntegrationType::ApiService,
        None,
        SCOPES_LISTED
    ));
}

#[test]
fn each_check_fails_when_its_section_is_missing_and_passes_on_synonyms_or_content() {
    type Case = (&'static str, &'static str, bool);
    let api = IntegrationType::ApiService;
    let table: &[Case] = &[
        (PREREQUISITES, "## Requirements\n\n- An Okta org\n", true),
        (PREREQUISITES, "## Setup\n\nBefore you start, make sure you have an Acme admin account.\n\n1. a\n2. b\n", true),
        (PREREQUISITES, "## Setup\n\n1. Open Acme.\n2. Click Save.\n", false),
        (SUPPORTED_FEATURES, "## Capabilities\n\n- Sync users\n", true),
        (SUPPORTED_FEATURES, "## Overview\n\nThe Acme integration supports importing users and groups.\n", true),
        (SUPPORTED_FEATURES, "## Overview\n\nAcme is a logging company.\n", false),
        (CONFIGURATION_STEPS, "## Setup\n\n1. Sign in\n2. Open settings\n3. Save\n", true),
        (CONFIGURATION_STEPS, "## Overview\n\n1. Sign in\n2. Open settings\n3. Save\n", true),
        (CONFIGURATION_STEPS, "## Overview\n\nAcme is great.\n", false),
        (TROUBLESHOOTING, "## FAQ\n\nQ: Why? A: Because.\n", true),
        (TROUBLESHOOTING, "## Support\n\nWrite to us.\n", true),
        (TROUBLESHOOTING, "## Overview\n\nIf you have questions, contact our support team at help@acme.example.\n", true),
        (TROUBLESHOOTING, "## Supported features\n\n- Sync\n", false),
        (OKTA_ADMIN_STEPS, "## Setup\n\n1. Create an API token in Security > API.\n2. Copy the client ID and client secret.\n3. Enter your Okta domain.\n", false),
        (OKTA_ADMIN_STEPS, "## Setup\n\nBrowse the App Catalog, add Acme, click Install & Authorize, copy the client secret, then the client ID.\n", true),
    ];
    for (id, md, want) in table {
        let d = markdown(md);
        assert_eq!(passed(&d, api, None, id), *want, "{id} on {md:?}");
    }
}

pub(crate) const GOOD_CONNECTOR_MD: &str = "---\ntitle: Acme connector\nlayout: docs\n---\n\n# Acme connector\n\nThis documentation covers connector version 2.1.0.\n\n## Prerequisites\n\nYou need an Acme account with API access.\n\n## Features\n\n- Create users\n\n## Set up\n\n1. Add an Acme card to a flow.\n2. Create a connection.\n\n## Authorization\n\nCreate a connection with your API key.\n\n## Action cards\n\n### Create User\n\nCreates a user.\n\n| Label | Definition | Type | Required |\n|---|---|---|---|\n| Email | The user's email | Text | TRUE |\n\n### Get User\n\n#### Input\n\nThe user ID.\n\n#### Output\n\nThe user.\n\n## Custom API Action\n\nMakes a request. Relative URL, Headers, Query, Body.\n\n## Troubleshooting\n\nContact support@acme.example.\n";

#[test]
fn a_connector_s_documentation_is_checked_for_version_cards_and_custom_api_action() {
    let d = markdown(GOOD_CONNECTOR_MD);
    assert!(!d.text().contains("layout: docs"), "front matter is not text");
    let wf = IntegrationType::WorkflowsConnector;
    let mut draft = Draft::new(wf);
    draft.workflows.version = Some("2.1.0".into());
    for (id, ok) in verdicts(&d, wf, Some(&draft)) {
        assert!(ok, "{id} passes");
    }
    let cards = check(&d, wf, None).into_iter().find(|c| c.id == ACTION_CARD_TOPICS).unwrap();
    assert_eq!(cards.evidence, "2 card topics: Create User, Get User");
    draft.workflows.version = Some("2.2.0".into());
    let v = check(&d, wf, Some(&draft)).into_iter().find(|c| c.id == CONNECTOR_VERSION).unwrap();
    assert!(!v.passed && v.message.contains("draft submits version 2.2.0"), "{}", v.message);
    let bare = markdown("# Acme\n\n## Overview\n\nAcme does things.\n");
    for (id, ok) in verdicts(&bare, wf, None) {
        if id != REACHABLE {
            assert!(!ok, "{id} fails on a bare page");
        }
    }
}

/// A one-page PDF with a real text layer (Helvetica), offsets computed.
pub(crate) fn pdf_with(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
    for l in lines {
        content.push_str(&format!("({}) Tj T*\n", l.replace('(', "\\(").replace(')', "\\)")));
    }
    content.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// A PDF whose text uses a font its page doesn't list (pdf-extract panics).
fn damaged_pdf() -> Vec<u8> {
    let bytes = String::from_utf8(pdf_with(&["Prerequisites"])).unwrap();
    bytes.replace("/F1 12 Tf", "/F9 12 Tf").into_bytes()
}

#[test]
fn a_pdf_is_read_from_its_text_layer_and_one_without_text_is_said_so() {
    let bytes = pdf_with(&[
        "Acme Logs for Okta",
        "",
        "Prerequisites",
        "You need an Okta org and an Acme account.",
        "",
        "Configuration Steps",
        "1. Sign in to the Admin Console.",
        "2. Open API Service Integrations.",
        "3. Click Install & Authorize.",
        "",
        "Troubleshooting",
        "Contact support@acme.example.",
    ]);
    let d = doc(read_bytes(&bytes, Some("application/octet-stream"), "guide"));
    assert_eq!(d.format, Format::Pdf);
    let heads: Vec<String> = d.outline().into_iter().map(|h| h.text).collect();
    assert!(heads.contains(&"Prerequisites".to_owned()), "{heads:?} / {:?}", d.text());
    assert!(heads.contains(&"Troubleshooting".to_owned()), "{heads:?}");
    assert!(passed(&d, IntegrationType::ApiService, None, CONFIGURATION_STEPS));
    let empty = pdf_with(&[]);
    assert_eq!(read_bytes(&empty, None, "x.pdf"), Reading::Unreadable(Unreadable::NoText));
}

#[test]
fn bad_input_gets_a_verdict_never_a_panic() {
    let cases: Vec<(Vec<u8>, Option<&str>, &str, &str)> = vec![
        (b"\x89PNG\r\n\x1a\n\0\0\0".to_vec(), Some("text/html"), "g", "an image"),
        (b"PK\x03\x04rest".to_vec(), None, "guide.docx", "Word document"),
        (vec![0u8; 5000], Some("text/plain"), "g", "binary"),
        (b"".to_vec(), Some("text/html"), "g", "no text"),
        (b"<html><body><script>x</script></body></html>".to_vec(), None, "g", "no text"),
        (b"%PDF-1.4 garbage".to_vec(), None, "g", "damaged PDF"),
        // pdf-extract panics on a font the page doesn't have.
        (damaged_pdf(), None, "g.pdf", "damaged PDF"),
        (vec![b'a'; MAX_GUIDE_BYTES + 1], None, "g", "larger than 10 MB"),
    ];
    for (bytes, ct, name, words) in cases {
        match read_bytes(&bytes, ct, name) {
            Reading::Unreadable(u) => {
                assert!(u.message().contains(words), "{words}: {}", u.message())
            }
            other => panic!("{words}: {other:?}"),
        }
    }
    // Deep nesting and huge tables are bounded, not a stack overflow.
    let deep = "<div>".repeat(50_000) + "<h2>Setup</h2>" + &"</div>".repeat(50_000);
    let _ = read_bytes(deep.as_bytes(), Some("text/html"), "g");
    let rows = "<tr><td>x</td></tr>".repeat(100_000);
    let _ = read_bytes(format!("<table>{rows}</table>").as_bytes(), Some("text/html"), "g");
}

fn api_draft() -> Draft {
    let mut d = Draft::new(IntegrationType::ApiService);
    d.app_info.app_name = Some("Acme Logs".into());
    d.app_info.description = Some("Acme Logs streams your Okta System Log into Acme.".into());
    d.api_service.scopes = vec!["okta.logs.read".into(), "okta.users.read".into()];
    d.support.contacts = vec![SupportContact {
        kind: ContactKind::Email,
        value: Some("support@acme.example".into()),
    }];
    d
}

#[test]
fn a_written_guide_passes_its_own_check_for_both_types() {
    let d = api_draft();
    for text in [write::markdown(&d, &[]), write::html(&d, &[])] {
        let r = read_bytes(text.as_bytes(), None, "starter");
        let g = doc(r);
        for (id, ok) in verdicts(&g, IntegrationType::ApiService, Some(&d)) {
            assert!(ok, "{id} passes on the written API service guide");
        }
    }
    let md = write::markdown(&d, &[]);
    assert!(md.contains("`okta.logs.read`: View logs"), "{md}");
    assert!(md.contains("support@acme.example"));
    let mut wf = Draft::new(IntegrationType::WorkflowsConnector);
    wf.workflows.connector = Some("Acme".into());
    wf.workflows.version = Some("1.4.0".into());
    let flows = vec!["Test - Create user".to_owned(), "Get user".to_owned()];
    for text in [write::markdown(&wf, &flows), write::html(&wf, &flows)] {
        let g = doc(read_bytes(text.as_bytes(), None, "starter"));
        for (id, ok) in verdicts(&g, IntegrationType::WorkflowsConnector, Some(&wf)) {
            assert!(ok, "{id} passes on the written connector documentation:\n{text}");
        }
    }
    // Even an empty draft's starter passes (its placeholders stand in).
    let empty = Draft::new(IntegrationType::WorkflowsConnector);
    let g = markdown(&write::markdown(&empty, &[]));
    for (id, ok) in verdicts(&g, IntegrationType::WorkflowsConnector, None) {
        assert!(ok, "{id} passes on the empty draft's starter");
    }
}

#[test]
fn the_test_case_document_has_okta_s_columns_one_row_per_flow() {
    let mut wf = Draft::new(IntegrationType::WorkflowsConnector);
    wf.workflows.connector = Some("Acme, Inc.".into());
    let flows = vec!["Test - Create user".to_owned(), "Get \"user\"".to_owned()];
    let cases = write::test_cases(&wf, &flows);
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].id, "TC-01");
    assert_eq!(cases[0].card, "Create user");
    let csv = write::test_cases_csv(&cases);
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("Test case ID,Action card,Title,Preconditions,Expected results"));
    assert!(csv.contains("\"Get \"\"user\"\"\""), "quotes doubled: {csv}");
    assert!(csv.contains("\"A Acme, Inc. connection"), "commas quoted: {csv}");
    let md = write::test_cases_markdown(&cases);
    assert!(
        md.contains("| Test case ID | Action card | Title | Preconditions | Expected results |")
    );
}

#[test]
fn an_unreadable_or_unchecked_guide_still_has_a_verdict_per_check() {
    let r = checks::report(
        "https://x",
        IntegrationType::WorkflowsConnector,
        &Reading::Unreadable(Unreadable::NoText),
        None,
        5,
    );
    assert!(r.checked);
    assert_eq!(r.checks.len(), checks::ids(IntegrationType::WorkflowsConnector).len());
    assert!(r.checks.iter().all(|c| !c.passed));
    assert!(r.unreadable());
    let off = checks::report(
        "https://x",
        IntegrationType::ApiService,
        &Reading::NotChecked { reason: "offline".into() },
        None,
        5,
    );
    assert!(!off.checked);
    assert!(off.checks[0].message.starts_with("Not checked"));
}
