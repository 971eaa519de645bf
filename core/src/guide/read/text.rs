//! Markdown through pulldown-cmark, and text without markup (a PDF's text
//! layer, a .txt) by its lines.

use super::{collapse, Builder};
use crate::guide::{Document, Format};

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

pub(super) fn strip_tags(h: &str) -> String {
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
