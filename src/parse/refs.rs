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
/// the text is read in parts between the other periods, and only a part
/// with a digit that a reference word comes right before (see [`is_lead`])
/// is searched: a reference's first digit is one (most digits are not:
/// "May 5, 1961"), and most parts hold none. The matches are those of the
/// whole text: none crosses a period, and the word boundaries of the
/// pattern (ASCII) see a period as they see the end of the text.
/// (Searching runs of parts with digits together, fewer searches, measured
/// 4 M instructions more on frus-full.) A part is searched from
/// [`MAX_BEFORE_DIGIT`] bytes before that digit (see [`window_start`]).
pub fn scan(text: &str, base: usize, in_footnote: bool, out: &mut Vec<Reference>) {
    let bytes = text.as_bytes();
    // A cut: a period not after "No".
    let is_cut = |dot: usize| !bytes[..dot].ends_with(b"No");
    // `floor`: the start of the text not yet searched, at a part's start.
    // `pos`: where the next digit is looked for. The text is read for
    // digits, and only a part with a lead digit is bounded by its cuts
    // (issue 4).
    let (mut floor, mut pos) = (0, 0);
    while let Some(digit) = text.get(pos..).and_then(first_digit).map(|d| pos + d) {
        if !is_lead(text, digit) {
            pos = past_digits(text, digit);
            continue;
        }
        // Periods are ASCII: every cut is a character boundary.
        let start = memchr::memrchr_iter(b'.', &bytes[floor..digit])
            .map(|d| floor + d)
            .find(|&dot| is_cut(dot))
            .map_or(floor, |dot| dot + 1);
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
        floor = end + 1;
        pos = floor;
    }
}

/// The offset after the character at `digit` (a character boundary) and
/// the ASCII digits that follow it: none of those follows whitespace.
fn past_digits(text: &str, digit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut next = digit + text[digit..].chars().next().map_or(1, char::len_utf8);
    while bytes.get(next).is_some_and(u8::is_ascii_digit) {
        next += 1;
    }
    next
}

/// The words before the first digit of a reference, in the pattern of
/// [`search_from`] and in that of [`is_lead`], which are built from them.
const FOOTNOTE_WORD: &str = r"[Ff]ootnote";
const DOCUMENT_WORD: &str = r"Documents?";
const TELEGRAM_WORDS: &str =
    r"[Tt]elegrams?|Deptels?|Embtels?|Depcirtels?|[Cc]ircular\stelegram|[Cc]ables?|reftel";
const SERIES_WORDS: &str = r"To[a-z]{3}|[A-Z][a-z]{2}to|Dulte|Tedul|Actel|Telac|Delga|Gadel|Colux|Usdel|Cirtel|Martel|Delau|Critic|[A-Z]{5,6}";

/// Whether a reference word and whitespace (and "No. ") come right before
/// the character at `digit` (a character boundary): true of the first digit
/// of every reference.
///
/// A reference's first digit follows a whitespace character, and that a
/// word's last letter or the period of "No.": a digit after an ASCII byte
/// that is not whitespace, or after ASCII whitespace that follows neither,
/// is refused from those two bytes. Else the test is a pattern anchored at
/// the end: the words, whitespace and "No. " of [`search_from`]'s pattern
/// (without its word boundary, so it accepts more, never less), which the
/// regex crate reads backwards from the digit and refuses within a few
/// bytes, where the search of a part read it to its end (issue 4).
fn is_lead(text: &str, digit: usize) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:{FOOTNOTE_WORD}|{DOCUMENT_WORD}|{TELEGRAM_WORDS}|{SERIES_WORDS})\s(?:No\.\s)?$"
        ))
        .expect("regex")
    });
    let bytes = text.as_bytes();
    let Some(before) = digit.checked_sub(1).map(|i| bytes[i]) else {
        return false;
    };
    if before.is_ascii() {
        // ASCII whitespace as `\s` reads it: "\t" to "\r" and " ".
        let space = matches!(before, b'\t'..=b'\r' | b' ');
        let word_end = digit
            .checked_sub(2)
            .is_some_and(|i| bytes[i].is_ascii_alphabetic() || bytes[i] == b'.');
        if !(space && word_end) {
            return false;
        }
        // After a letter (not the period of "No."), the words end right
        // before the space, and each ends with five ASCII letters at
        // least ("cable", "Hakto", "Dulte", "[A-Z]{5,6}"): a shorter run
        // ("May 5", "page 3", "of 1961") is refused without the regex
        // (issue 4).
        let letters = bytes[..digit - 1]
            .iter()
            .rev()
            .take(5)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if bytes[digit - 2] != b'.' && letters < 5 {
            return false;
        }
    }
    LEAD.is_match(&text[..digit])
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
        Regex::new(&format!(
            r"(?x)
            (?-u:\b)(?:{FOOTNOTE_WORD}\s(?P<fn>\d+[a-z]?),\s(?:in\s)?Document\s(?P<fndoc>\d+[a-z]?))
          | (?-u:\b)(?:{DOCUMENT_WORD}\s(?P<doc>\d+[a-z]?)(?P<more>(?:(?:,\s|\s?and\s|–|-)\d+[a-z]?)*))
          | (?-u:\b)(?P<tw>{TELEGRAM_WORDS})\s(?:No\.\s)?(?P<tn>\d{{1,6}})(?:\s(?:from|to)\s(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?
          | (?-u:\b)(?P<series>{SERIES_WORDS})\s(?P<serial>\d{{1,5}})(?-u:\b)
            ",
        ))
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
/// character that [`may_be_digit`] accepts. None only when `text` holds no
/// digit. Chunks of 32 ASCII bytes without a digit are skipped, then of
/// eight; a chunk with a non-ASCII byte is read byte by byte, each
/// non-ASCII character decoded.
fn first_digit(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip the chunks that are ASCII without a digit; the first other
        // chunk is read byte by byte below.
        i = crate::bytes::skip_chunks::<32>(bytes, i, plain_ascii);
        i = crate::bytes::skip_chunks::<8>(bytes, i, plain_ascii);
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            if b.is_ascii_digit() {
                return Some(i);
            }
            // The first byte of a non-ASCII character (a boundary).
            if b >= 0xC0 {
                match text.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) if !may_be_digit(c) => {}
                    _ => return Some(i),
                }
            }
            i += 1;
        }
    }
    None
}

/// Whether a non-ASCII character may be a decimal digit (`\d`): a numeric
/// one ([`char::is_numeric`], which covers every decimal digit) outside the
/// ranges that hold none and most often occur, Latin letters and signs
/// below U+0660 (the first decimal digit after ASCII) and the general
/// punctuation ("—", "’", "“"), which are refused without a table lookup.
fn may_be_digit(c: char) -> bool {
    !(c < '\u{660}' || ('\u{2000}'..='\u{206F}').contains(&c)) && c.is_numeric()
}

/// True when the bytes of `chunk` are ASCII and none is a digit: one test
/// of every byte, which the compiler turns into a few vector instructions
/// for a chunk of 32 bytes.
fn plain_ascii<const N: usize>(chunk: &[u8; N]) -> bool {
    !chunk.iter().fold(false, |acc, &b| {
        acc | (b.wrapping_sub(b'0') < 10) | (b >= 0x80)
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
    fn plain_ascii_table() {
        for (chunk, want) in [
            (b"abcdefgh", true),
            (b"/:/:/:/:", true),
            (b"abcdefg0", false),
            (b"9bcdefgh", false),
            (b"abc\xc3\xa9fgh", false),
        ] {
            assert_eq!(plain_ascii(chunk), want, "{chunk:?}");
        }
        let long = *b"a long chunk of thirty-two bytes";
        assert!(plain_ascii(&long));
        for (at, b) in [(0, b'0'), (31, b'9'), (13, 0xE2)] {
            let mut c = long;
            c[at] = b;
            assert!(!plain_ascii(&c), "{c:?}");
        }
    }

    #[test]
    fn may_be_digit_is_never_false_for_a_decimal_digit() {
        let re = Regex::new(r"^\d$").unwrap();
        for c in ('\u{80}'..='\u{10FFFF}').filter(|c| re.is_match(c.encode_utf8(&mut [0; 4]))) {
            assert!(may_be_digit(c), "{c:?}");
        }
        assert!(!may_be_digit('—') && !may_be_digit('½') && !may_be_digit('é'));
        assert!(may_be_digit('١'));
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
            // Numeric, but no decimal digit.
            ("½ a fraction", None),
            ("½ a fraction of 2", Some(17)),
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
    fn is_lead_table() {
        for (text, digit, want) in [
            ("See Document 12", 13, true),
            ("On May 5, 1961, telegram 12 came", 7, false),
            ("On May 5, 1961, telegram 12 came", 10, false),
            ("On May 5, 1961, telegram 12 came", 25, true),
            ("telegram No. 42 from Paris", 13, true),
            ("telegram No.42", 12, false),
            ("Circular\u{3000}telegram\u{3000}7", 22, true),
            ("Documents\u{a0}12", 11, true),
            ("HAKTO7", 5, false),
            ("HAKTO 7", 6, true),
            ("Hakto 7", 6, true),
            ("Hello 7", 6, false),
            ("١٢ and footnote ٣", 18, true),
            ("1234567", 0, false),
            ("x 1", 2, false),
        ] {
            assert_eq!(is_lead(text, digit), want, "{text:?} at {digit}");
        }
    }

    /// `is_lead` answers as its pattern alone at every digit of texts with
    /// each lead word, short words, "No. ", non-ASCII spaces and letters.
    #[test]
    fn is_lead_is_its_pattern() {
        let lead = Regex::new(&format!(
            r"(?:{FOOTNOTE_WORD}|{DOCUMENT_WORD}|{TELEGRAM_WORDS}|{SERIES_WORDS})\s(?:No\.\s)?$"
        ))
        .unwrap();
        let words = [
            "footnote",
            "Document",
            "Documents",
            "telegram",
            "Deptel",
            "Embtels",
            "Depcirtel",
            "circular telegram",
            "cable",
            "Cables",
            "reftel",
            "Tohak",
            "Hakto",
            "Dulte",
            "Tedul",
            "Actel",
            "Telac",
            "Delga",
            "Gadel",
            "Colux",
            "Usdel",
            "Cirtel",
            "Martel",
            "Delau",
            "Critic",
            "HAKTO",
            "SECTO",
            "ABCDEF",
            "May",
            "page",
            "of",
            "in",
            "the",
            "Hello",
            "Tohaky",
            "xcable",
            "éTelegram",
            "Abcd",
            "ABCD",
            "No.",
            "to",
            "",
        ];
        for w in words {
            for sep in [
                " ",
                "  ",
                "\u{a0}",
                "\u{3000}",
                " No. ",
                " No.\u{a0}",
                "\n",
                "",
            ] {
                for num in ["7", "12", "١"] {
                    let text = format!("See {w}{sep}{num} and May 5, 1961.");
                    for (d, c) in text.char_indices() {
                        if c.is_numeric() {
                            let want = d > 0 && lead.is_match(&text[..d]);
                            assert_eq!(is_lead(&text, d), want, "{text:?} at {d}");
                        }
                    }
                }
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
