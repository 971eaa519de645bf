//! Bytes → a [`Document`]: HTML through html5ever (via `scraper`), Markdown
//! through pulldown-cmark, PDF through pdf-extract, plain text by its lines.
//! What the bytes are is judged from the bytes first (a PDF served as
//! text/html is still a PDF), then from the content type and the name.

use std::path::Path;

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::pdf::Text;
use super::{Document, Format, Heading, Reading, Section, Unreadable, MAX_GUIDE_BYTES};

/// Reads a local file (HTML, Markdown, PDF or text).
pub fn read_file(path: &Path) -> Reading {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Reading::Unreadable(Unreadable::File { detail: e.to_string() }),
    };
    if meta.is_dir() {
        return Reading::Unreadable(Unreadable::File { detail: "it is a folder".into() });
    }
    if meta.len() > MAX_GUIDE_BYTES as u64 {
        return Reading::Unreadable(Unreadable::TooLarge);
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&bytes, None, &path.to_string_lossy()),
        Err(e) => Reading::Unreadable(Unreadable::File { detail: e.to_string() }),
    }
}

/// Reads a document from its bytes; `content_type` as a server sent it, `name`
/// the URL or file name (for its extension).
pub fn read_bytes(bytes: &[u8], content_type: Option<&str>, name: &str) -> Reading {
    if bytes.len() > MAX_GUIDE_BYTES {
        return Reading::Unreadable(Unreadable::TooLarge);
    }
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    let lower = name.to_ascii_lowercase();
    let lower = lower.split(['?', '#']).next().unwrap_or("");
    if bytes.starts_with(b"%PDF-") {
        return pdf(bytes);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let what = if lower.ends_with(".docx") || ct.contains("wordprocessingml") {
            "a Word document. Publish it as a web page or a Google Doc, or save it as PDF"
        } else {
            "a zip archive"
        };
        return not_a_document(what);
    }
    if let Some(kind) = binary_kind(bytes) {
        return not_a_document(kind);
    }
    let text = String::from_utf8_lossy(bytes);
    let replaced = text.matches('\u{FFFD}').count();
    if replaced > 16 && replaced * 20 > text.chars().count().max(1) {
        return not_a_document("binary data, not text (whatever the server says it is)");
    }
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    let looks_html = head.trim_start().starts_with('<')
        && (head.contains("<html") || head.contains("<!doctype html") || head.contains("<body"))
        || head.contains("<html");
    let doc =
        if looks_html || ct.contains("html") || lower.ends_with(".html") || lower.ends_with(".htm")
        {
            html(&text)
        } else if ct.contains("markdown")
            || lower.ends_with(".md")
            || lower.ends_with(".markdown")
            || markdownish(&text)
        {
            markdown(&text)
        } else {
            plain(&text, Format::Text)
        };
    if doc.text().trim().is_empty() {
        return Reading::Unreadable(Unreadable::NoContent { detail: "it has no text".into() });
    }
    Reading::Read(doc)
}

fn not_a_document(what: &str) -> Reading {
    Reading::Unreadable(Unreadable::NotADocument { detail: format!("it is {what}") })
}

/// Images and other binaries by their magic bytes, or NULs in the first KB.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "an image (PNG)"),
        (b"\xFF\xD8\xFF", "an image (JPEG)"),
        (b"GIF8", "an image (GIF)"),
        (b"RIFF", "an image or media file"),
        (b"\x1F\x8B", "a compressed file (gzip)"),
        (b"\xD0\xCF\x11\xE0", "an old Office document. Save it as PDF or publish it as a web page"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    let head = &bytes[..bytes.len().min(1024)];
    head.contains(&0).then_some("binary data, not text (whatever the server says it is)")
}

/// Whether text without a declared type reads as Markdown (ATX headings).
fn markdownish(text: &str) -> bool {
    text.lines().take(400).filter(|l| l.starts_with("# ") || l.starts_with("## ")).count() >= 1
}

/// Collects sections while a document is walked.
#[derive(Default)]
struct Builder {
    title: Option<String>,
    sections: Vec<Section>,
    line: String,
}

impl Builder {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section")
    }

    fn text(&mut self, t: &str) {
        let piece = collapse(&t.replace('\u{a0}', " "));
        if self.line.ends_with(' ') || self.line.is_empty() {
            self.line.push_str(piece.trim_start());
        } else {
            self.line.push_str(&piece);
        }
    }

    /// Ends the current block (paragraph, item, cell row).
    fn end_block(&mut self) {
        let line = collapse(&std::mem::take(&mut self.line)).trim().to_owned();
        if !line.is_empty() {
            let s = self.current();
            s.text.push_str(&line);
            s.text.push('\n');
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.end_block();
        let text = collapse(text).trim().to_owned();
        if text.is_empty() {
            return;
        }
        if level == 1 && self.title.is_none() {
            self.title = Some(text.clone());
        }
        self.sections
            .push(Section { heading: Some(Heading { level, text }), ..Section::default() });
    }

    fn finish(mut self, format: Format) -> Document {
        self.end_block();
        self.sections.retain(|s| s.heading.is_some() || !s.text.trim().is_empty());
        Document { format, title: self.title, sections: self.sections }
    }
}

/// Runs of whitespace become one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Elements whose content is never the guide (navigation, chrome, code that runs).
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "head", "dialog",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "br",
    "dd",
    "dt",
    "pre",
    "blockquote",
    "section",
    "article",
    "main",
    "table",
    "ul",
    "ol",
    "figcaption",
    "hr",
];

/// Reads an HTML page: the main content (`main`, `[role=main]`, else the
/// longest `article`, else the body), headings h1–h6 and `role=heading`.
pub fn html(text: &str) -> Document {
    // html5ever's scope checks cost O(depth) per tag: a page nested thousands
    // deep (no real page is) would take minutes. Such a page is read as its text.
    if nesting(text) > MAX_NESTING {
        return plain(&strip_tags(text), Format::Html);
    }
    let page = Html::parse_document(text);
    let mut b = Builder::default();
    let title = scraper::Selector::parse("title").ok().and_then(|s| {
        page.select(&s).next().map(|t| collapse(&t.text().collect::<String>()).trim().to_owned())
    });
    let root = main_of(&page);
    walk(*root, &mut b, 0);
    // The title of the page stands in when the content has no h1.
    if b.title.is_none() {
        b.title = title.filter(|t| !t.is_empty());
    }
    b.finish(Format::Html)
}

const MAX_NESTING: usize = 512;

/// How deep the tags of an HTML text nest, roughly (void and self-closed tags,
/// comments and closing tags accounted for).
fn nesting(text: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "td", "tr", "th", "option", "dt", "dd",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = text[i..].find('<') {
        i += p + 1;
        if b.get(i) == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        if b.get(i) == Some(&b'!') || b.get(i) == Some(&b'?') {
            continue;
        }
        let name: String = text[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        let self_closed = text[i..].find('>').is_some_and(|e| text[i..i + e].ends_with('/'));
        if !self_closed {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn main_of(page: &Html) -> ElementRef<'_> {
    let sel = |s: &str| scraper::Selector::parse(s).expect("a valid selector");
    if let Some(m) = page.select(&sel("main, [role=main]")).next() {
        return m;
    }
    let longest =
        page.select(&sel("article")).max_by_key(|a| a.text().map(str::len).sum::<usize>());
    if let Some(a) = longest {
        return a;
    }
    page.select(&sel("body")).next().unwrap_or_else(|| page.root_element())
}

fn heading_level(el: &scraper::node::Element) -> Option<u8> {
    let name = el.name();
    if name.len() == 2 && name.starts_with('h') {
        let l = name.as_bytes()[1];
        if (b'1'..=b'6').contains(&l) {
            return Some(l - b'0');
        }
    }
    if el.attr("role") == Some("heading") {
        return Some(el.attr("aria-level").and_then(|l| l.parse().ok()).unwrap_or(2).clamp(1, 6));
    }
    None
}

fn walk(node: NodeRef<'_, Node>, b: &mut Builder, depth: usize) {
    if depth > 256 {
        return; // nothing real nests this deep; a hostile page won't overflow the stack
    }
    match node.value() {
        Node::Text(t) => b.text(t),
        Node::Element(el) => {
            let name = el.name();
            if SKIP.contains(&name)
                || el.attr("hidden").is_some()
                || el.attr("aria-hidden") == Some("true")
            {
                return;
            }
            if let Some(level) = heading_level(el) {
                let text: String =
                    ElementRef::wrap(node).map(|e| e.text().collect()).unwrap_or_default();
                b.heading(level, &text);
                return;
            }
            if name == "table" {
                table(node, b);
                return;
            }
            let block = BLOCKS.contains(&name);
            if block {
                b.end_block();
            }
            if name == "li" {
                let ordered = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name() == "ol"))
                    .unwrap_or(false);
                let s = b.current();
                if ordered {
                    s.steps += 1;
                } else {
                    s.items += 1;
                }
            }
            for child in node.children() {
                walk(child, b, depth + 1);
            }
            if block || matches!(name, "td" | "th") {
                if matches!(name, "td" | "th") {
                    b.text(" | ");
                } else {
                    b.end_block();
                }
            }
        }
        _ => {
            for child in node.children() {
                walk(child, b, depth + 1);
            }
        }
    }
}

/// A table: its header cells (th, or the first row's cells) and one line per row.
fn table(node: NodeRef<'_, Node>, b: &mut Builder) {
    b.end_block();
    let Some(t) = ElementRef::wrap(node) else { return };
    let rows = scraper::Selector::parse("tr").expect("a valid selector");
    let cells = scraper::Selector::parse("th, td").expect("a valid selector");
    for (i, row) in t.select(&rows).take(2000).enumerate() {
        let texts: Vec<String> = row
            .select(&cells)
            .map(|c| collapse(&c.text().collect::<String>()).trim().to_owned())
            .collect();
        if i == 0 {
            b.current().tables.push(texts.clone());
        }
        b.text(&texts.join(" | "));
        b.end_block();
    }
}

/// Reads Markdown (CommonMark with tables; YAML front matter is skipped).
pub fn markdown(text: &str) -> Document {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let opts = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = Builder::default();
    let mut heading: Option<(u8, String)> = None;
    let mut lists: Vec<bool> = Vec::new();
    let mut in_meta = false;
    let mut header_cells: Option<Vec<String>> = None;
    let mut cell = String::new();
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            _ if in_meta => {}
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    b.heading(level, &text);
                }
            }
            Event::Start(Tag::List(first)) => lists.push(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                b.end_block();
                let ordered = lists.last().copied().unwrap_or(false);
                let s = b.current();
                if ordered {
                    s.steps += 1;
                } else {
                    s.items += 1;
                }
            }
            Event::Start(Tag::TableHead) => header_cells = Some(Vec::new()),
            Event::End(TagEnd::TableHead) => {
                let cells = header_cells.take().unwrap_or_default();
                b.text(&cells.join(" | "));
                b.end_block();
                b.current().tables.push(cells);
            }
            Event::End(TagEnd::TableCell) => {
                let c = collapse(&std::mem::take(&mut cell)).trim().to_owned();
                match header_cells.as_mut() {
                    Some(h) => h.push(c),
                    None => {
                        b.text(&c);
                        b.text(" | ");
                    }
                }
            }
            Event::End(TagEnd::TableRow) => b.end_block(),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                } else if header_cells.is_some() || !cell.is_empty() {
                    cell.push_str(&t);
                } else {
                    b.text(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => b.text(&strip_tags(&h)),
            Event::SoftBreak | Event::HardBreak => b.text(" "),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => b.end_block(),
            _ => {}
        }
    }
    b.finish(Format::Markdown)
}

fn strip_tags(h: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in h.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Reads a PDF's text layer (`pdf`); a PDF without one is its own verdict.
fn pdf(bytes: &[u8]) -> Reading {
    match super::pdf::text(bytes) {
        Text::Read(text) if text.trim().is_empty() => Reading::Unreadable(Unreadable::NoText),
        Text::Read(text) => Reading::Read(plain(&text, Format::Pdf)),
        Text::Failed(e) => not_a_document(&format!("a damaged PDF ({e})")),
        Text::Crashed => not_a_document("a damaged PDF"),
        Text::TooSlow => not_a_document(&format!(
            "a PDF that took over {} seconds to read (damaged, or built to hang a reader)",
            super::pdf::READ_LIMIT.as_secs()
        )),
    }
}

/// Text without markup (a PDF's text layer, a .txt): headings are short lines
/// that read like titles, numbered lines are steps, bulleted lines items.
pub fn plain(text: &str, format: Format) -> Document {
    let mut b = Builder::default();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            b.end_block();
            continue;
        }
        let next_blank_or_long = lines
            .get(i + 1)
            .is_none_or(|n| n.is_empty() || n.chars().count() > line.chars().count());
        if let Some(level) = title_line(line).filter(|_| next_blank_or_long) {
            b.heading(level, line);
            continue;
        }
        let (marker, rest) = list_marker(line);
        match marker {
            Some(true) => {
                b.end_block();
                b.current().steps += 1;
            }
            Some(false) => {
                b.end_block();
                b.current().items += 1;
            }
            None => {}
        }
        b.text(rest);
        b.text(" ");
        if rest.ends_with(['.', ':', '!', '?']) {
            b.end_block();
        }
    }
    b.finish(format)
}

/// Whether a line of plain text reads as a heading, and its level.
fn title_line(line: &str) -> Option<u8> {
    let words = line.split_whitespace().count();
    let chars = line.chars().count();
    if !(1..=9).contains(&words) || !(3..=80).contains(&chars) {
        return None;
    }
    if line.ends_with(['.', ',', ';', ':', '?', '!', ')']) || line.contains("  ") {
        return None;
    }
    let first = line.chars().next()?;
    if !first.is_uppercase() && !first.is_ascii_digit() {
        return None;
    }
    // "1. Sign in" is a step; "1 Prerequisites" or "2.1 Configure" a numbered heading.
    let (marker, rest) = list_marker(line);
    if marker.is_some() && !rest.is_empty() {
        let numbered_heading = line.split_whitespace().next().is_some_and(|n| {
            n.chars().all(|c| c.is_ascii_digit() || c == '.') && n.contains('.') && n.len() > 2
        });
        if !numbered_heading {
            return None;
        }
        return Some(3);
    }
    if line.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    // A title capitalises its words or is short.
    let capitalised = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (words <= 4 || capitalised * 2 >= words).then_some(2)
}

/// `Some(true)` for "1." "2)" "Step 3:", `Some(false)` for "•" "-" "*", and the rest of the line.
fn list_marker(line: &str) -> (Option<bool>, &str) {
    for bullet in ["• ", "- ", "* ", "– ", "▪ ", "○ ", "● "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return (Some(false), rest.trim());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (Some(true), r.trim());
        }
    }
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("step ") && lower[5..].starts_with(|c: char| c.is_ascii_digit()) {
        return (Some(true), line);
    }
    (None, line)
}
