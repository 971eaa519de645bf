//! HTML through html5ever (via `scraper`): the page's main content, its
//! headings, paragraphs, lists and tables, without navigation or chrome.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::text::{plain, strip_tags};
use super::{collapse, Builder};
use crate::guide::{Document, Format};

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
