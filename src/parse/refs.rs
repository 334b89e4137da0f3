//! References: what a text cites. Cables by routing serial ("message Hakto
//! 7"), numbered telegrams ("telegram 15849 from Moscow", "Deptel 1461"),
//! documents ("Document 108") and footnotes of documents ("footnote 5,
//! Document 112").

use std::sync::LazyLock;

use regex::Regex;

use crate::record::Reference;
use crate::vocab::{is_series, series_name};

/// Find references in `text`, whose first byte is at `base` in the input.
pub fn scan(text: &str, base: usize, in_footnote: bool, out: &mut Vec<Reference>) {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
            (?-u:\b)(?:[Ff]ootnote\s(?P<fn>\d+[a-z]?),\s(?:in\s)?Document\s(?P<fndoc>\d+[a-z]?))
          | (?-u:\b)(?:Documents?\s(?P<doc>\d+[a-z]?)(?P<more>(?:(?:,\s|\s?and\s|–|-)\d+[a-z]?)*))
          | (?-u:\b)(?P<tw>[Tt]elegrams?|Deptels?|Embtels?|Depcirtels?|[Cc]ircular\stelegram|[Cc]ables?|reftel)\s(?:No\.\s)?(?P<tn>\d{1,6})(?:\s(?:from|to)\s(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?
          | (?-u:\b)(?P<series>To[a-z]{3}|[A-Z][a-z]{2}to|Dulte|Tedul|Actel|Telac|Delga|Gadel|Colux|Usdel|Cirtel|Martel|Delau|Critic|[A-Z]{5,6})\s(?P<serial>\d{1,5})(?-u:\b)
            ",
        )
        .expect("regex")
    });
    // Every reference holds a number: a text without a digit (a quarter of
    // the bytes of the corpus) is not searched.
    if !may_hold_digit(text) {
        return;
    }
    // A cheap find first; captures only on the matches.
    for found in RE.find_iter(text) {
        let Some(c) = RE.captures_at(text, found.start()) else {
            continue;
        };
        let Some(m) = c.get(0) else { continue };
        let offset = base + m.start();
        if let (Some(n), Some(d)) = (c.name("fn"), c.name("fndoc")) {
            out.push(Reference {
                kind: "footnote".into(),
                text: m.as_str().to_string(),
                series: None,
                number: n.as_str().to_string(),
                document: Some(d.as_str().to_string()),
                place: None,
                in_footnote,
                offset,
            });
        } else if let Some(d) = c.name("doc") {
            push_doc(out, m.as_str(), d.as_str(), in_footnote, offset);
            if let Some(more) = c.name("more") {
                static NUM: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(r"\d+[a-z]?").expect("regex"));
                for n in NUM.find_iter(more.as_str()) {
                    // "Documents 12 and 14", "12–14": each number named
                    // (a range's inner numbers are not filled in).
                    push_doc(
                        out,
                        m.as_str(),
                        n.as_str(),
                        in_footnote,
                        base + more.start() + n.start(),
                    );
                }
            }
        } else if let (Some(s), Some(n)) = (c.name("series"), c.name("serial")) {
            if !is_series(s.as_str()) {
                continue;
            }
            out.push(Reference {
                kind: "cable".into(),
                text: m.as_str().to_string(),
                series: Some(series_name(s.as_str())),
                number: n.as_str().to_string(),
                document: None,
                place: None,
                in_footnote,
                offset,
            });
        } else if let Some(n) = c.name("tn") {
            out.push(Reference {
                kind: "telegram".into(),
                text: m.as_str().to_string(),
                series: None,
                number: n.as_str().to_string(),
                document: None,
                place: c.name("place").map(|p| p.as_str().to_string()),
                in_footnote,
                offset,
            });
        }
    }
}

/// False only when `text` holds no digit (`\d`: a Unicode decimal digit).
/// Eight ASCII bytes are tested at a time; a chunk with a non-ASCII byte
/// is read by characters (`char::is_numeric` covers every decimal digit).
fn may_hold_digit(text: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(chunk).map_or(HIGH, u64::from_le_bytes);
        if x & HIGH != 0 {
            break;
        }
        // A byte above b'/' (0x2F) and below b':' (0x3A): the "has a byte
        // between m and n" test of bit hacks, exact for ASCII bytes.
        let digit = (ONES * (127 + 0x3A) - x) & !x & (x + ONES * (127 - 0x2F)) & HIGH;
        if digit != 0 {
            return true;
        }
        i += 8;
    }
    // From the first chunk with a non-ASCII byte (or the last bytes) on,
    // by characters. `i` is a character boundary: the bytes before it are
    // ASCII.
    text.get(i..).is_none_or(|rest| {
        rest.chars()
            .any(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
    })
}

fn push_doc(out: &mut Vec<Reference>, text: &str, n: &str, in_footnote: bool, offset: usize) {
    out.push(Reference {
        kind: "document".into(),
        text: text.to_string(),
        series: None,
        number: n.to_string(),
        document: None,
        place: None,
        in_footnote,
        offset,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_hold_digit_table() {
        let cases = [
            ("", false),
            ("no number here", false),
            ("a much longer text without any number in it at all", false),
            ("Document 12", true),
            ("seven at the end of a long line: 7", true),
            ("0", true),
            ("/:/:/:/:/:/:/:/:", false),
            ("“quoted” ’ — and then 5", true),
            ("“quoted” ’ — no digit", false),
            ("Arabic-Indic ١٢", true),
            ("12345678", true),
            ("abcdefgh9", true),
        ];
        // Never false where the regex `\d` finds a digit.
        let re = Regex::new(r"\d").unwrap();
        for (text, want) in cases {
            assert_eq!(may_hold_digit(text), want, "{text:?}");
            assert!(may_hold_digit(text) || !re.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn refs_table() {
        let cases: &[(&str, &[(&str, &str, Option<&str>)])] = &[
            (
                "In message Hakto 7, October 24",
                &[("cable", "7", Some("Hakto"))],
            ),
            ("telegram 15849 from Moscow", &[("telegram", "15849", None)]),
            ("See footnote 5, Document 112.", &[("footnote", "5", None)]),
            ("See Document 108.", &[("document", "108", None)]),
            (
                "Documents 12 and 14",
                &[("document", "12", None), ("document", "14", None)],
            ),
            (
                "SECTO 123 and Deptel 1461",
                &[("cable", "123", Some("Secto")), ("telegram", "1461", None)],
            ),
            ("Today 12 people", &[]),
        ];
        for (text, want) in cases {
            let mut out = Vec::new();
            scan(text, 0, false, &mut out);
            let got: Vec<(&str, &str, Option<&str>)> = out
                .iter()
                .map(|r| (r.kind.as_str(), r.number.as_str(), r.series.as_deref()))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
