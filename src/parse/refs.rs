//! References: what a text cites. Cables by routing serial ("message Hakto
//! 7"), numbered telegrams ("telegram 15849 from Moscow", "Deptel 1461"),
//! documents ("Document 108") and footnotes of documents ("footnote 5,
//! Document 112").

use std::sync::LazyLock;

use regex::Regex;

use crate::record::Reference;
use crate::vocab::{is_series, series_name};

/// Find references in `text`, whose first byte is at `base` in the input.
///
/// A reference holds no period but that of "No." ("telegram No. 12"), so
/// the text is read in parts between the other periods, and a part without
/// a digit (a reference holds a number; most sentences do not) is not
/// searched. The matches are those of the whole text: none crosses a
/// period, and the word boundaries of the pattern (ASCII) see a period as
/// they see the end of the text. (Searching runs of parts with digits
/// together, fewer searches, measured 4 M instructions more on frus-full.)
/// A part is searched from [`MAX_BEFORE_DIGIT`] bytes before its first
/// digit (see [`window_start`]).
pub fn scan(text: &str, base: usize, in_footnote: bool, out: &mut Vec<Reference>) {
    let bytes = text.as_bytes();
    // A cut: a period not after "No".
    let is_cut = |dot: usize| !bytes[..dot].ends_with(b"No");
    // `pos`: the start of a part. The text is read for digits, and only
    // the parts that hold one are bounded by their cuts (issue 4): the
    // parts without a digit, most of them, are skipped whole.
    let mut pos = 0;
    while let Some(digit) = text.get(pos..).and_then(first_digit).map(|d| pos + d) {
        // Periods are ASCII: every cut is a character boundary.
        let start = memchr::memrchr_iter(b'.', &bytes[pos..digit])
            .map(|d| pos + d)
            .find(|&dot| is_cut(dot))
            .map_or(pos, |dot| dot + 1);
        let end = memchr::memchr_iter(b'.', &bytes[digit..])
            .map(|d| digit + d)
            .find(|&dot| is_cut(dot))
            .unwrap_or(bytes.len());
        let part = text.get(start..end).unwrap_or("");
        search_from(
            part,
            window_start(part, digit - start),
            base + start,
            in_footnote,
            out,
        );
        pos = end + 1;
    }
}

/// The most bytes of a match before its first digit: "Circular telegram
/// No. " is 22 characters, 28 bytes with three-byte spaces (U+3000 is
/// `\s`); a round bound above it.
const MAX_BEFORE_DIGIT: usize = 32;

/// Where a search of `text` whose first digit is at `digit` may start: no
/// match starts more than [`MAX_BEFORE_DIGIT`] bytes before it (every
/// match holds a digit), so the regex need not read the words before
/// (issue 4). A character boundary.
fn window_start(text: &str, digit: usize) -> usize {
    let mut from = digit.saturating_sub(MAX_BEFORE_DIGIT);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// The references of `text` (a part of a text), at `base` in the input.
#[cfg(test)]
fn search(text: &str, base: usize, in_footnote: bool, out: &mut Vec<Reference>) {
    search_from(text, 0, base, in_footnote, out);
}

/// The references of `text` (a part of a text, at `base` in the input)
/// that start at `from` or after: those of `RE.find_iter(text)` when no
/// match starts before `from`. (`find_at` sees the text before `from`, so
/// the word boundaries are those of the whole text.)
fn search_from(text: &str, from: usize, base: usize, in_footnote: bool, out: &mut Vec<Reference>) {
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
    // A cheap find first; captures only on the matches. No match is
    // empty (each holds a digit): the next search starts at the end.
    let mut at = from;
    while let Some(found) = RE.find_at(text, at) {
        at = found.end();
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

/// The offset of the first character of `text` that may be a digit
/// (`\d`: a Unicode decimal digit): an ASCII digit, or a non-ASCII
/// character that `char::is_numeric` accepts (it covers every decimal
/// digit). None only when `text` holds no digit. Sixteen ASCII bytes are
/// tested at a time, then eight; a chunk with a non-ASCII byte is read
/// byte by byte, each non-ASCII character decoded.
fn first_digit(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip the chunks that are ASCII without a digit; the first other
        // chunk is read byte by byte below.
        i += 16
            * bytes[i..]
                .chunks_exact(16)
                .take_while(|c| {
                    let (a, b) = c.split_at(8);
                    plain_ascii(a) && plain_ascii(b)
                })
                .count();
        i += 8 * bytes[i..]
            .chunks_exact(8)
            .take_while(|c| plain_ascii(c))
            .count();
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            if b.is_ascii_digit() {
                return Some(i);
            }
            // The first byte of a non-ASCII character (a boundary).
            if b >= 0xC0 {
                match text.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) if !c.is_numeric() => {}
                    _ => return Some(i),
                }
            }
            i += 1;
        }
    }
    None
}

/// True when the eight bytes of `chunk` are ASCII and none is a digit
/// (false for a chunk of another length).
fn plain_ascii(chunk: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let Ok(word) = <[u8; 8]>::try_from(chunk) else {
        return false;
    };
    let x = u64::from_le_bytes(word);
    // A byte above b'/' (0x2F) and below b':' (0x3A): the "has a byte
    // between m and n" test of bit hacks, exact for ASCII bytes.
    let digit = (ONES * (127 + 0x3A) - x) & !x & (x + ONES * (127 - 0x2F)) & HIGH;
    x & HIGH == 0 && digit == 0
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
    fn plain_ascii_table() {
        for (chunk, want) in [
            (&b"abcdefgh"[..], true),
            (b"/:/:/:/:", true),
            (b"abcdefg0", false),
            (b"9bcdefgh", false),
            (b"abc\xc3\xa9fgh", false),
            (b"abcdefg", false),
            (b"", false),
        ] {
            assert_eq!(plain_ascii(chunk), want, "{chunk:?}");
        }
    }

    #[test]
    fn first_digit_table() {
        let cases = [
            ("", None),
            ("no number here", None),
            ("a much longer text without any number in it at all", None),
            ("Document 12", Some(9)),
            ("seven at the end of a long line: 7", Some(33)),
            ("0", Some(0)),
            ("/:/:/:/:/:/:/:/:", None),
            ("“quoted” ’ — and then 5", Some(30)),
            ("“quoted” ’ — no digit", None),
            ("Arabic-Indic ١٢", Some(13)),
            ("12345678", Some(0)),
            ("abcdefgh9", Some(8)),
            ("sixteen bytes ok and sixteen more, no digit in any", None),
            ("sixteen bytes ok and sixteen more, then 1", Some(40)),
            ("sixteen bytes ok9", Some(16)),
            ("sixteen bytes ok, then “quoted” words ٣ after", Some(42)),
            ("sixteen bytes ok, then “quoted” words after", None),
            ("½ a fraction", Some(0)),
        ];
        // Never None where the regex `\d` finds a digit, and never after
        // the first it finds.
        let re = Regex::new(r"\d").unwrap();
        for (text, want) in cases {
            assert_eq!(first_digit(text), want, "{text:?}");
            if let Some(m) = re.find(text) {
                assert!(
                    first_digit(text).is_some_and(|d| d <= m.start()),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn window_start_table() {
        for (text, digit, want) in [
            ("Document 12", 9, 0),
            (
                "a long sentence with many words before the cable 12",
                49,
                17,
            ),
            // 32 bytes back is inside "“" (three bytes): the window opens
            // before it.
            ("“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 1", 34, 0),
            ("“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 1", 35, 3),
        ] {
            assert_eq!(window_start(text, digit), want, "{text:?}");
            assert!(text.is_char_boundary(window_start(text, digit)));
        }
    }

    /// The references of a text read in parts are those of the text read
    /// whole (`search` of all of it: the search before the parts).
    fn parts_as_whole(text: &str) {
        let (mut parts, mut whole) = (Vec::new(), Vec::new());
        scan(text, 3, false, &mut parts);
        search(text, 3, false, &mut whole);
        assert_eq!(parts, whole, "{text:?}");
    }

    #[test]
    fn parts_are_the_whole_on_examples() {
        for t in [
            "Ref. telegram No. 42 from Paris.",
            "Docs. Document 7.See cable 9. Etc.",
            "ACTEL 12.5 and Document 3",
            "See footnote 5, Document 112. Documents 12 and 14.",
            "telegram No.. 5. No. 6. Deptel 1461.Embtel 7 to Moscow.",
            "",
            ".",
            "No.",
            "SECTO 123.",
        ] {
            parts_as_whole(t);
        }
    }

    #[test]
    fn window_reaches_the_longest_prefix() {
        for t in [
            "The Department's Circular\u{3000}telegram No.\u{3000}42 from Paris",
            "see the Department's Depcirtels No. 7 and Depcirtel 8",
            "a very long clause of words before anything at all, Document 12, 13 and 14",
            "words and words and then footnote 5, in Document 112",
            "xDocument 12 Document 13 and SECTO 123 HAKTO 7 Tohak 9",
        ] {
            parts_as_whole(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn parts_are_the_whole(words in proptest::collection::vec(
            "telegram|No\\.|No|\\.|Document|Documents|footnote|,|and|from|to|Paris|SECTO|Actel|cable|[0-9]{1,3}|[a-z]|–| |\\n|“|é|٣",
            0..40,
        )) {
            parts_as_whole(&words.concat());
            parts_as_whole(&words.join(" "));
        }

        #[test]
        fn parts_are_the_whole_long_prefixes(words in proptest::collection::vec(
            "Circular|circular|telegram|Telegrams|Depcirtel|Depcirtels|No\\.|Document|footnote|in|,|and|from|to|New York|Tohak|HAKTO|[0-9]{1,7}|[a-z]{1,12}|[A-Z]{1,6}| |\u{3000}|\u{a0}|“|é|٣",
            0..60,
        )) {
            parts_as_whole(&words.concat());
            parts_as_whole(&words.join(" "));
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
            // Parts between periods: "No." is kept whole, and a period
            // ends a number as the end of the text does.
            (
                "Ref. telegram No. 42 from Paris.",
                &[("telegram", "42", None)],
            ),
            (
                "Docs. Document 7.See cable 9. Etc.",
                &[("document", "7", None), ("telegram", "9", None)],
            ),
            (
                "ACTEL 12.5 and Document 3",
                &[("cable", "12", Some("Actel")), ("document", "3", None)],
            ),
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
