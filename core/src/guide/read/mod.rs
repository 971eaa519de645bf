//! Bytes → a [`Document`]: HTML through html5ever (via `scraper`), Markdown
//! through pulldown-cmark, PDF through pdf-extract, plain text by its lines.
//! What the bytes are is judged from the bytes first (a PDF served as
//! text/html is still a PDF), then from the content type and the name.

use std::path::Path;

use super::pdf::Text;
use super::{Document, Format, Heading, Reading, Section, Unreadable, MAX_GUIDE_BYTES};

mod html;
mod text;

pub use html::html;
pub use text::{markdown, plain};

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
