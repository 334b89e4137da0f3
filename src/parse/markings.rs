//! The marking sentence of a source note ("Secret; Sensitive; Exclusively
//! Eyes Only; Flash.") and caption lines of old openers ("top secret urgent
//! niact").

use crate::vocab::{classify_token, Kind, CLASSIFICATIONS, HANDLING, PRECEDENCE};

/// Markings found, plus tokens of the marking sentence that are in no
/// vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markings {
    /// Classification.
    pub classification: Option<String>,
    /// Handling caveats.
    pub handling: Vec<String>,
    /// Precedence.
    pub precedence: Option<String>,
    /// Offset (within the note) and text of unknown tokens in the marking
    /// sentence.
    pub unknown: Vec<(usize, String)>,
    /// Offset of the marking sentence within the note.
    pub sentence_at: Option<usize>,
}

impl Markings {
    fn add(&mut self, kind: Kind, canonical: &str) {
        match kind {
            Kind::Classification => {
                if self.classification.is_none() {
                    self.classification = Some(canonical.to_string());
                }
            }
            Kind::Precedence => {
                if self.precedence.is_none() {
                    self.precedence = Some(canonical.to_string());
                }
            }
            Kind::Handling => {
                if !self.handling.iter().any(|h| h == canonical) {
                    self.handling.push(canonical.to_string());
                }
            }
        }
    }
}

/// Split a note into sentences with their offsets. A period ends a sentence
/// when a space and a capital, or the end, follows; abbreviations such as
/// "Dept." or initials are not checked for: the marking sentence is
/// recognised by its tokens, so an early split only costs a candidate.
fn sentences(note: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = note.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'.' && (i + 1 == b.len() || (b[i + 1] == b' ' && b.get(i + 2).is_some_and(|n| n.is_ascii_uppercase()))) {
            out.push((start, &note[start..=i]));
            start = i + 1;
            while start < b.len() && b[start] == b' ' {
                start += 1;
            }
        }
    }
    if start < note.len() {
        out.push((start, &note[start..]));
    }
    out
}

/// Read the marking sentence of a source note: the first sentence whose
/// first `;`-separated token is a classification, or all of whose tokens are
/// markings.
pub fn from_source_note(note: &str) -> Markings {
    let mut m = Markings::default();
    for (at, sentence) in sentences(note) {
        let body = sentence.trim().trim_end_matches('.');
        if body.is_empty() || body.len() > 160 {
            continue;
        }
        let tokens: Vec<(usize, &str)> = split_tokens(body);
        let known: Vec<Option<(Kind, &str)>> = tokens.iter().map(|(_, t)| classify_token(t)).collect();
        let first_is_class = matches!(known.first(), Some(Some((Kind::Classification, _))));
        let all_known = known.iter().all(Option::is_some);
        if !(first_is_class || (all_known && tokens.len() >= 1 && known.iter().any(Option::is_some))) {
            continue;
        }
        // "Secret. Drafted by X" is caught above; a sentence such as "Top
        // Secret Eyes Only" without semicolons is split by words.
        m.sentence_at = Some(at);
        for ((off, tok), k) in tokens.iter().zip(&known) {
            match k {
                Some((kind, c)) => m.add(*kind, c),
                None => {
                    let words = caption_words(tok);
                    if let Some(ws) = words {
                        for (kind, c) in ws {
                            m.add(kind, c);
                        }
                    } else {
                        m.unknown.push((at + off, tok.to_string()));
                    }
                }
            }
        }
        break;
    }
    m
}

fn split_tokens(body: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if c == ';' {
            push_token(body, start, i, &mut out);
            start = i + 1;
        }
    }
    push_token(body, start, body.len(), &mut out);
    out
}

fn push_token<'a>(body: &'a str, start: usize, end: usize, out: &mut Vec<(usize, &'a str)>) {
    let raw = &body[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let t = raw.trim();
    if !t.is_empty() {
        out.push((start + lead, t));
    }
}

/// Read a caption such as "top secret urgent niact" or "Secret Eyes Only":
/// every word must belong to a marking phrase. None when a word does not.
pub fn caption_words(text: &str) -> Option<Vec<(Kind, &'static str)>> {
    let words: Vec<&str> = text.split_whitespace().map(|w| w.trim_matches(|c: char| c == ',' || c == '.' || c == ';')).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < words.len() {
        // Longest phrase first.
        for len in (1..=4.min(words.len() - i)).rev() {
            let phrase = words[i..i + len].join(" ");
            for (kind, list) in [(Kind::Classification, CLASSIFICATIONS), (Kind::Precedence, PRECEDENCE), (Kind::Handling, HANDLING)] {
                if let Some(c) = list.iter().find(|c| c.eq_ignore_ascii_case(&phrase)) {
                    out.push((kind, *c));
                    i += len;
                    continue 'outer;
                }
            }
        }
        return None;
    }
    Some(out)
}

/// Read an opener caption line into `m`. Returns false when the line is not
/// a caption. Captions are printed in lower case ("top secret", "priority",
/// "no distribution") or small capitals.
pub fn caption(line: &str, m: &mut Markings) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 80 || t.chars().next().is_some_and(char::is_uppercase) && t.chars().any(char::is_lowercase) && !t.contains(' ') {
        return false;
    }
    // A caption is lower case or all capitals: "Secret" alone could be a
    // word of the text, "SECRET" or "secret" is a caption.
    let lower = t.chars().all(|c| !c.is_alphabetic() || c.is_lowercase());
    let upper = t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !(lower || upper) {
        return false;
    }
    match caption_words(t) {
        Some(ws) => {
            for (k, c) in ws {
                m.add(k, c);
            }
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_sentence_table() {
        let cases: &[(&str, Option<&str>, &[&str], Option<&str>, &[&str])] = &[
            (
                "Source: Ford Library, Box 3, HAKTO (1). Secret; Sensitive; Exclusively Eyes Only; Flash.",
                Some("Secret"),
                &["Sensitive", "Exclusively Eyes Only"],
                Some("Flash"),
                &[],
            ),
            ("Source: Department of State, Lot 64 D 560. Confidential. Drafted by Dulles.", Some("Confidential"), &[], None, &[]),
            ("Source: X. Secret; Niact; Limit Distribution.", Some("Secret"), &["Limit Distribution"], Some("Niact"), &[]),
            ("Source: X. Top Secret; Eyes Only; Bogus Word.", Some("Top Secret"), &["Eyes Only"], None, &["Bogus Word"]),
            ("Source: X. No classification marking.", Some("No classification marking"), &[], None, &[]),
            ("Source: Y. Drafted by Z.", None, &[], None, &[]),
            ("Source: X. Secret; Priority; Nodis.", Some("Secret"), &["Nodis"], Some("Priority"), &[]),
        ];
        for (note, c, h, p, unknown) in cases {
            let m = from_source_note(note);
            assert_eq!(m.classification.as_deref(), *c, "{note}");
            assert_eq!(m.handling, *h, "{note}");
            assert_eq!(m.precedence.as_deref(), *p, "{note}");
            let u: Vec<&str> = m.unknown.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(&u, unknown, "{note}");
        }
    }

    #[test]
    fn caption_table() {
        let cases: &[(&str, bool, Option<&str>, Option<&str>)] = &[
            ("top secret urgent niact", true, Some("Top Secret"), Some("Urgent")),
            ("priority", true, None, Some("Priority")),
            ("no distribution", true, None, None),
            ("SECRET", true, Some("Secret"), None),
            ("Secret", false, None, None),
            ("Dear Sir:", false, None, None),
        ];
        for (line, is, c, p) in cases {
            let mut m = Markings::default();
            assert_eq!(caption(line, &mut m), *is, "{line}");
            assert_eq!(m.classification.as_deref(), *c, "{line}");
            assert_eq!(m.precedence.as_deref(), *p, "{line}");
        }
    }
}
