//! A guide prepared for checking: its headings and sentences as lower-case
//! words, and phrase matching by words ("Support" is not "Supported
//! features"; a trailing `*` makes a word a prefix).

use crate::guide::Document;
/// Lower-case words of a text ("Install & Authorize" → install, authorize).
pub(super) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `phrase` (words; a trailing `*` makes a word a prefix) occurs in `ws`.
pub(super) fn has_phrase(ws: &[String], phrase: &str) -> bool {
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

pub(super) fn any_phrase(ws: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(ws, p))
}

/// Cuts a sentence for evidence.
pub(super) fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 200 {
        return s.to_owned();
    }
    let cut: String = s.chars().take(197).collect();
    format!("{}…", cut.trim_end())
}

/// A document prepared for checking.
pub(super) struct Guide<'a> {
    pub(super) doc: &'a Document,
    /// Each section's heading words.
    pub(super) heads: Vec<Option<Vec<String>>>,
    /// The sentences in order, with the index of the section they're in.
    pub(super) sentences: Vec<(usize, String, Vec<String>)>,
    pub(super) all: String,
    /// The page's title heading, which names the whole guide (not a section).
    pub(super) title_index: Option<usize>,
}

impl<'a> Guide<'a> {
    pub(super) fn new(doc: &'a Document) -> Self {
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
    pub(super) fn heading(&self, phrases: &[&str], not: &[&str]) -> Option<(usize, String)> {
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
    pub(super) fn sentence(&self, phrases: &[&str], within: f32) -> Option<String> {
        let limit = ((self.sentences.len() as f32) * within).ceil() as usize;
        self.sentences
            .iter()
            .take(limit.max(1))
            .find(|(_, _, ws)| any_phrase(ws, phrases))
            .map(|(_, s, _)| quote(s))
    }

    pub(super) fn all_words(&self) -> Vec<String> {
        words(&self.all)
    }
}

/// Splits a line at sentence ends (". " followed by a capital or digit).
pub(super) fn split_sentences(line: &str) -> Vec<&str> {
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

pub(super) fn heading_evidence(h: &str) -> String {
    format!("heading “{h}”")
}
