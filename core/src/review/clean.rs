//! The email as words a person wrote: MIME decoded (a dropped `.eml`), HTML
//! turned to text, quoted history (`>` lines, "On … wrote:", "Original
//! Message"), forwarded headers and the signature dropped; then split into
//! asks — list items, else sentences — with the heading each sits under.

/// One ask of the email: its words and the heading or label it sits under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub text: String,
    pub context: Option<String>,
    /// The sentence before, in the same paragraph ("X redirects. Please fix it.").
    pub prev: Option<String>,
    /// For a list item: the line that introduced the list, when it ends with
    /// a colon ("The following test cases failed:").
    pub lead: Option<String>,
}

fn looks_like_eml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
    let header_block =
        head.split("\n\n").next().unwrap_or("").split("\r\n\r\n").next().unwrap_or("");
    let names = [
        "from:",
        "to:",
        "subject:",
        "date:",
        "mime-version:",
        "content-type:",
        "received:",
        "message-id:",
    ];
    let found = header_block
        .lines()
        .filter(|l| names.iter().any(|n| l.to_ascii_lowercase().starts_with(n)))
        .count();
    found >= 2
        && header_block.lines().next().is_some_and(|l| l.contains(':') && !l.starts_with(' '))
}

fn entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "’")
        .replace('\u{a0}', " ")
}

/// The email's own text, history and signature removed.
pub fn clean_email(bytes: &[u8]) -> String {
    let text = if looks_like_eml(bytes) {
        match mail_parser::MessageParser::default().parse(bytes) {
            // The text part as written; an HTML-only email through the HTML reader.
            Some(m) => match m.text_body.first().and_then(|id| m.part(*id)).map(|p| &p.body) {
                Some(mail_parser::PartType::Html(h)) => html_text(h),
                Some(mail_parser::PartType::Text(t)) => t.to_string(),
                _ => m.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
            },
            None => String::from_utf8_lossy(bytes).into_owned(),
        }
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    };
    let lower = text.to_ascii_lowercase();
    let text = if lower.contains("<html")
        || lower.contains("<body")
        || lower.contains("<div")
        || lower.contains("<p>")
        || lower.contains("<br")
    {
        html_text(&text)
    } else {
        text
    };
    let text = entities(&text).replace("\r\n", "\n");
    drop_history(&text)
}

/// HTML (a pasted or HTML-only email) as text, one block per line.
fn html_text(html: &str) -> String {
    let doc = crate::guide::read::html(html);
    let mut out = String::new();
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            out.push_str(&h.text);
            out.push('\n');
        }
        out.push_str(&s.text);
    }
    // Each block (paragraph, list item) its own paragraph.
    out.lines().map(|l| format!("{l}\n\n")).collect()
}

fn is_reply_header(line: &str) -> bool {
    let l = line.trim();
    (l.starts_with("On ") && l.ends_with("wrote:"))
        || l.starts_with("-----Original Message-----")
        || l.starts_with("________________________________")
        || (l.starts_with("Le ") && l.ends_with("a écrit :"))
}

fn is_header_line(line: &str) -> bool {
    let l = line.trim_start_matches(['*', ' ']);
    ["From:", "Sent:", "To:", "Cc:", "Subject:", "Date:", "Reply-To:"]
        .iter()
        .any(|h| l.starts_with(h))
}

fn is_closing(line: &str) -> bool {
    let l = line.trim().trim_end_matches([',', '!', '.']).to_lowercase();
    [
        "thanks",
        "thank you",
        "best regards",
        "regards",
        "kind regards",
        "best",
        "cheers",
        "sincerely",
        "warm regards",
        "many thanks",
        "thanks again",
        "all the best",
    ]
    .contains(&l.as_str())
}

fn drop_history(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        if t.starts_with('>') {
            i += 1;
            continue;
        }
        // "On Mon, 30 Nov 2026 at 10:02, OIN Team <oin@okta.com>" / "wrote:" on the next line.
        if is_reply_header(line)
            || (t.starts_with("On ") && lines.get(i + 1).is_some_and(|n| n.trim() == "wrote:"))
        {
            break;
        }
        if t.contains("Forwarded message") || t.starts_with("Begin forwarded message") {
            i += 1;
            while i < lines.len() && (is_header_line(lines[i]) || lines[i].trim().is_empty()) {
                i += 1;
            }
            continue;
        }
        // A header block pasted with the email (From:/Sent:/To:/Subject:).
        if is_header_line(line) && (i == 0 || lines.get(i + 1).is_some_and(|n| is_header_line(n))) {
            while i < lines.len() && is_header_line(lines[i]) {
                i += 1;
            }
            continue;
        }
        if t == "--" || line == "-- " {
            break;
        }
        if is_closing(t) && lines[i + 1..].iter().filter(|l| !l.trim().is_empty()).count() <= 10 {
            break;
        }
        out.push(line);
        i += 1;
    }
    out.join("\n")
}

/// `Some(rest)` when a line is a list item ("1.", "2)", "-", "•", "a)").
fn item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for b in ["- ", "* ", "• ", "– ", "○ ", "▪ "] {
        if let Some(r) = t.strip_prefix(b) {
            return Some(r.trim());
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let r = &t[digits..];
        if let Some(r) =
            r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")).or_else(|| r.strip_prefix(": "))
        {
            return Some(r.trim());
        }
    }
    if let Some(r) = t.strip_prefix('(') {
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if d > 0 && r[d..].starts_with(") ") {
            return Some(r[d + 2..].trim());
        }
    }
    // "[Resolved] Logo size", "[Open] The guide …", "✅ Logo", "❌ Support email".
    if t.starts_with('[') && t.find(']').is_some_and(|e| e <= 24) {
        return Some(t);
    }
    if t.starts_with(['✅', '❌', '✔', '✖', '⚠', '☑', '✗', '✓']) {
        return Some(t);
    }
    let mut c = t.chars();
    if let (Some(a), Some(p), Some(' ')) = (c.next(), c.next(), c.next()) {
        if a.is_ascii_lowercase() && (p == ')' || p == '.') && t.len() > 3 {
            return Some(t[3..].trim());
        }
    }
    None
}

/// A short line that names what follows ("Logo:", "General Settings").
fn heading(line: &str) -> Option<String> {
    let t = line.trim().trim_start_matches('#').trim().trim_matches('*').trim();
    let words = t.split_whitespace().count();
    let label = t.strip_suffix(':').unwrap_or(t);
    let looks = (t.ends_with(':') && words <= 8)
        || (words <= 5
            && !t.ends_with(['.', '?', '!'])
            && t.chars().next().is_some_and(char::is_uppercase));
    (looks && !label.is_empty() && !label.contains("http")).then(|| label.to_owned())
}

/// Splits a paragraph into sentences (". " before a capital, digit or quote).
pub(super) fn sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2).is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'"')
            // "e.g. X", "i.e. X", "approx. 5" are not sentence ends.
            && !p[..i].ends_with("e.g") && !p[..i].ends_with("i.e") && !p[..i].ends_with("etc")
        {
            out.push(p[start..=i].trim().to_owned());
            start = i + 1;
        }
    }
    let rest = p[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_owned());
    }
    out
}

/// The candidate asks of a cleaned email, in order.
pub fn asks(text: &str) -> Vec<Ask> {
    let mut out: Vec<Ask> = Vec::new();
    let mut context: Option<String> = None;
    let mut current: Option<String> = None;
    let mut paragraph = String::new();
    let mut lead: Option<String> = None;
    let flush_par = |paragraph: &mut String,
                     out: &mut Vec<Ask>,
                     context: &Option<String>,
                     lead: &mut Option<String>| {
        let mut prev: Option<String> = None;
        let all: Vec<String> = paragraph.lines().flat_map(|l| sentences(l.trim())).collect();
        if let Some(last) = all.last() {
            // A paragraph ending in a colon introduces the list after it.
            *lead = last.trim_end().ends_with(':').then(|| last.clone());
        }
        for s in all {
            let ask =
                Ask { text: s.clone(), context: context.clone(), prev: prev.take(), lead: None };
            out.push(ask);
            prev = Some(s);
        }
        paragraph.clear();
    };
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            if let Some(c) = current.take() {
                out.push(Ask { text: c, context: context.clone(), prev: None, lead: lead.clone() });
            }
            flush_par(&mut paragraph, &mut out, &context, &mut lead);
            continue;
        }
        if let Some(rest) = item(line) {
            if let Some(c) = current.take() {
                out.push(Ask { text: c, context: context.clone(), prev: None, lead: lead.clone() });
            }
            flush_par(&mut paragraph, &mut out, &context, &mut lead);
            // "1. Logo:" alone names what its sub-items are about.
            if let Some(h) =
                heading(rest).filter(|h| rest.ends_with(':') && h.split_whitespace().count() <= 4)
            {
                context = Some(h);
                continue;
            }
            current = Some(rest.to_owned());
            continue;
        }
        if let Some(c) = current.as_mut() {
            // A list item continued on the next line.
            if !line.starts_with(|c: char| c.is_whitespace())
                && heading(t).is_some()
                && t.ends_with(':')
            {
                out.push(Ask {
                    text: std::mem::take(c),
                    context: context.clone(),
                    prev: None,
                    lead: lead.clone(),
                });
                current = None;
                context = heading(t);
                continue;
            }
            c.push(' ');
            c.push_str(t);
            continue;
        }
        if paragraph.is_empty() {
            if let Some(h) = heading(t) {
                context = Some(h);
                continue;
            }
        }
        // A short line, or one that ends a sentence, ends its sentence: a
        // plain-text email wraps long lines only.
        let ends = paragraph.trim_end().ends_with(['.', '!', '?', ':', ';']);
        let short = paragraph.lines().last().is_some_and(|l| l.trim().chars().count() < 45);
        if !paragraph.is_empty() && (ends || short) && t.starts_with(|c: char| c.is_uppercase()) {
            if !ends {
                paragraph.push('.');
            }
            paragraph.push('\n');
        } else {
            paragraph.push(' ');
        }
        paragraph.push_str(t);
    }
    if let Some(c) = current.take() {
        out.push(Ask { text: c, context: context.clone(), prev: None, lead: lead.clone() });
    }
    flush_par(&mut paragraph, &mut out, &context, &mut lead);
    out.retain(|a| !a.text.trim().is_empty());
    out
}
