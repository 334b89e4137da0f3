//! Page markers: "[Page 219]", "[Page XII]", "[Page [30]]",
//! "[Facsimile Page 4]", "[Typeset Page 5]", anywhere, even inside a word.

use crate::record::Span;

/// A page marker found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The page as printed.
    pub n: String,
    /// "page", "facsimile" or "typeset".
    pub kind: &'static str,
    /// The whole marker.
    pub span: Span,
}

/// A bracket that looks like a page marker but is not well formed
/// ("[Page 21 9]", "[Pag 219]").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// Where it is.
    pub span: Span,
    /// What it says.
    pub text: String,
}

const PREFIXES: [(&str, &str); 3] =
    [("[Page ", "page"), ("[Facsimile Page ", "facsimile"), ("[Typeset Page ", "typeset")];

/// Find every page marker in `src[from..to]`, and the malformed ones.
pub fn scan(src: &str, from: usize, to: usize) -> (Vec<Marker>, Vec<Malformed>) {
    let bytes = src.as_bytes();
    let mut markers = Vec::new();
    let mut bad = Vec::new();
    let mut i = from;
    while let Some(p) = memchr::memchr(b'[', &bytes[i..to]) {
        let at = i + p;
        i = at + 1;
        let rest = &src[at..to];
        let mut matched = false;
        for (prefix, kind) in PREFIXES {
            if let Some(after) = rest.strip_prefix(prefix) {
                if let Some((n, len)) = page_value(after) {
                    let end = at + prefix.len() + len + 1;
                    markers.push(Marker { n: n.to_string(), kind, span: Span::new(at, end) });
                    i = end;
                    matched = true;
                } else if let Some(close) = after.find(']').filter(|&c| c <= 12) {
                    let end = at + prefix.len() + close + 1;
                    bad.push(Malformed { span: Span::new(at, end), text: src[at..end].to_string() });
                    i = end;
                    matched = true;
                }
                break;
            }
        }
        if !matched && looks_misspelt(rest) {
            let close = rest.find(']').unwrap_or(0);
            bad.push(Malformed { span: Span::new(at, at + close + 1), text: rest[..=close].to_string() });
        }
    }
    (markers, bad)
}

/// "219]" → ("219", 3); "[30]]" → ("[30]", 4). The value is letters and
/// digits, or one bracketed such value.
fn page_value(after: &str) -> Option<(&str, usize)> {
    let b = after.as_bytes();
    if b.first() == Some(&b'[') {
        let close = after[1..].find(']')? + 1;
        let inner = &after[1..close];
        if valid_value(inner) && b.get(close + 1) == Some(&b']') {
            return Some((&after[..=close], close + 1));
        }
        return None;
    }
    let close = after.find(']')?;
    let v = &after[..close];
    valid_value(v).then_some((v, close))
}

fn valid_value(v: &str) -> bool {
    !v.is_empty() && v.len() <= 12 && v.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
}

/// "[Pag 219]", "[Paeg 219]", "[page 219]": a bracket holding a word that is
/// nearly "Page" and a number.
fn looks_misspelt(rest: &str) -> bool {
    let Some(close) = rest.find(']') else { return false };
    if close > 20 {
        return false;
    }
    let inner = &rest[1..close];
    let mut parts = inner.split_whitespace();
    let (Some(word), Some(num), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if !num.bytes().all(|c| c.is_ascii_digit()) || word == "Page" {
        return false;
    }
    let w = word.to_ascii_lowercase();
    matches!(w.as_str(), "pag" | "pge" | "paeg" | "pgae" | "apge" | "page" | "pag." | "p." | "pp" | "pg" | "pg.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_table() {
        let cases: &[(&str, &[&str], usize)] = &[
            ("ob[Page 219]stacles", &["219"], 0),
            ("[Page XII]", &["XII"], 0),
            ("x [Page [30]] y", &["[30]"], 0),
            ("[Facsimile Page 4] [Typeset Page 5]", &["4", "5"], 0),
            ("[Page 21 9]", &[], 1),
            ("[Pag 219]", &[], 1),
            ("[Page", &[], 0),
            ("[Page 12", &[], 0),
            ("[Extract.]", &[], 0),
            ("[Page 3][Page 4]", &["3", "4"], 0),
        ];
        for (src, want, nbad) in cases {
            let (m, bad) = scan(src, 0, src.len());
            let got: Vec<&str> = m.iter().map(|m| m.n.as_str()).collect();
            assert_eq!(&got, want, "{src}");
            assert_eq!(bad.len(), *nbad, "{src}");
        }
        let (m, _) = scan("ob[Page 219]stacles", 0, 19);
        assert_eq!(m[0].span, Span::new(2, 12));
    }
}
