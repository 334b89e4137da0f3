//! The head ("67. Message From A to B", "Mr. Seward to Mr. Adams.") and the
//! editorial lines around it (file line "893.24/1340: Telegram", despatch
//! number "No. 175.", "[Extract.]").

use std::sync::LazyLock;

use regex::Regex;

use crate::vocab::DOC_TYPES;

/// A memchr substring searcher for the literal `$needle`, built once:
/// `str::find` and `str::match_indices` build a searcher on every call
/// (half the cost of [`from_to`] and a quarter of [`is_strong_head`]; issue
/// 4). Byte offsets, as theirs (the needle is a whole string).
macro_rules! finder {
    ($needle:literal) => {{
        static FINDER: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new($needle));
        &*FINDER
    }};
}

/// "67. Title" → ("67", offset of title). Also "133a." and "[3]".
pub fn split_number(head: &str) -> Option<(&str, usize)> {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,4}[a-z]?|\[\d{1,4}[a-z]?\])\.?\s+\S").expect("regex"));
    // The number opens with a digit (`\d`, which `char::is_numeric`
    // covers) or "[": other heads are refused before the capture search.
    if !head
        .chars()
        .next()
        .is_some_and(|c| c == '[' || c.is_numeric())
    {
        return None;
    }
    let m = RE.captures(head)?;
    let n = m.get(1)?;
    // "1. " is the head's number only when a title follows; a decimal file
    // line "711.00/1" never matches because a space must follow.
    let rest = &head[n.end()..];
    let title_at = n.end() + (rest.len() - rest.trim_start_matches('.').trim_start().len());
    let number = n.as_str().trim_start_matches('[').trim_end_matches(']');
    Some((number, title_at))
}

/// The decimal or subject-numeric file of a file line, and the type after the
/// colon: "711.00111 Armament Control/777a: Telegram" →
/// ("711.00111 Armament Control/777a", Some("Telegram")).
pub fn file_line(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim();
    // The DFA says whether the line matches; the groups are then cut by
    // hand ([`file_line_groups`]), where captures ran the backtracker over
    // every matching line (issue 4).
    if !is_file_line(line) {
        return None;
    }
    let (file, kind) = match file_line_groups(line) {
        Some(groups) => groups,
        None => {
            let c = FILE_LINE.captures(line)?;
            (c.get(1)?.as_str(), c.get(2).map(|m| m.as_str()))
        }
    };
    let kind = kind.map(|k| k.trim().trim_end_matches('.').to_string());
    Some((file.to_string(), kind))
}

/// Groups 1 and 2 of [`FILE_LINE`] in a trimmed `line` that it matches,
/// without the capture engine; `None` for the one shape whose split is
/// left to the regex (whitespace before the colon). The file (group 1)
/// holds no colon, so the first colon is the one before the type, and the
/// type runs to the end; without a colon the file runs to the end. A line
/// that opens with a prefix of the regex keeps it out of the file (the
/// file opens with a digit). The type is returned untrimmed at its start
/// when the colon is followed by whitespace; callers trim it.
fn file_line_groups(line: &str) -> Option<(&str, Option<&str>)> {
    let rest = ["File No. ", "Paris Peace Conf. ", "Paris peace Conf. "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    match rest.find(':') {
        None => Some((rest, None)),
        Some(k) => {
            let file = &rest[..k];
            // Whitespace before the colon may belong to the file or to
            // the `\s*` after it: the regex decides.
            if file.chars().next_back().is_none_or(char::is_whitespace) {
                return None;
            }
            Some((file, Some(&rest[k + 1..])))
        }
    }
}

/// A file line: the file in group 1, the type after the colon in group 2.
static FILE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:File No\. |Paris [Pp]eace Conf\. )?(\d{3}[0-9A-Za-z]*(?:\. ?[0-9A-Za-z]+)?(?:[ -][A-Z][\w’'\-]*| \([A-Z][\w ’'\-]*\)| [a-z]| \d+[a-z]?)*(?:/[\dA-Za-z½¼¾\-–]+(?: [a-z½]+\.?| ½[a-z]?)?|–[A-Z][\w, ]+| \d+—))(?:\s*:\s*(.+))?$",
    )
    .expect("regex")
});

/// `file_line(line).is_some()`, without the capture groups: the regex
/// crate answers from its DFA, where captures run a slower engine over
/// every line that matches (issue 4). Group 1 takes part in every match.
fn is_file_line(line: &str) -> bool {
    let line = line.trim();
    // It opens with a digit (`\d`: `char::is_numeric` covers it) or with
    // one of the two prefixes.
    let may_open = line.chars().next().is_some_and(char::is_numeric)
        || line.starts_with("File No. ")
        || line.starts_with("Paris ");
    may_open && FILE_LINE.is_match(line)
}

/// True when a block before the head is an editorial line rather than the
/// head: a file line, "File No. …", "No. 175.", a bracketed note
/// ("[Extract.]"), an archive line ("Woodrow Wilson Papers", "FE Files, Lot
/// 52–534").
pub fn is_editorial_line(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains('\n') || t.chars().count() > 140 {
        return false;
    }
    if is_file_line(t) {
        return true;
    }
    // One alternation in two patterns: the word boundaries (`\b`, Unicode)
    // of the archive lines keep a pattern off the fast engine, and are
    // tried only when their words are in the line.
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^(?:
                \*?No\.?\s?\[?[\d½—–-]+[a-z]?\.?\]?\s?(?:\[\d+\])?\.?\]?
              | File\ No\..*
              | \[(?:Extract|Extracts|Translation|Telegram|Circular|Confidential|Strictly|Telegraphic|Note\ verbale|Inclosure|Indorsement|From\ the|Paraphrase|Memorandum|Private|Personal|Cablegram|Untitled)[^\]]*\]\.?
              | \((?:Extract|Extracts|Translation|Telegram|Circular|Confidential|Strictly|Private|Personal)[^)]*\)\.?
              | (?:Executive\ Agreement|Treaty)\ Series\ No\.\ ?\d*
              | Inquiry\ Document\ No\.\ \d+
              | Treaty\ Series\ No\.\ \d+
            )$",
        )
        .expect("regex")
    });
    static ARCHIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^(?:
                .{0,60}\b(?:Papers|Files|files|File|Diary)\.?(?::\s.*)?
              | .*\bLot\ \d.*
            )$",
        )
        .expect("regex")
    });
    let archive_words = ["Papers", "Files", "files", "File", "Diary", "Lot "]
        .iter()
        .any(|w| t.contains(w));
    // Each alternative of `RE` opens with one of these bytes.
    let may_open = t.bytes().next().is_some_and(|b| b"*NF[(ETI".contains(&b));
    ((may_open && RE.is_match(t)) || (archive_words && ARCHIVE.is_match(t)))
        && !t.starts_with("[Untitled")
}

/// True for a short one-line block that could be an editorial line before
/// a head.
pub fn is_short_line(text: &str) -> bool {
    let t = text.trim();
    !t.contains('\n') && t.chars().count() <= 150 && !is_body_start(t)
}

/// "SENDER to RECIPIENT" in a head.
///
/// The gaps are bounded to 250 characters each, which makes a large
/// automaton (the lazy DFA rebuilt its states on most calls: 8 % of an
/// index run). On a text of at most 250 characters the bounds cannot
/// bind, so the same pattern with unbounded gaps gives the same answer
/// at a fraction of the cost; longer texts use the bounded one.
const TO_SRC: &str = r"^(?:No\. \d+[½a-z]?\.\s+|\d+[a-z]?\.\s+|[A-Z]\.\s+)?(?:The |Mr\.? |Mrs\. |Messrs\. |Señor |Senor |Sir |Lord |Earl |Count |Baron |Prince |Marquis |M\. |Dr\. |General |Admiral |Colonel |Captain |Commander |Consul |Acting |President |Secretary |Chargé |Minister |Ambassador |Viscount |Duke |Lieutenant |Major |Rear |Vice |Her |His |Queen |King |Emperor |Monsieur |Don |Herr |Baron |Chevalier |Commissioner |Governor |Senator |Representative |Professor |Mr|[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]).{0,250}? to (?:the |all the |Mr|Mrs|Sir|Lord|Earl|Count|Baron|Señor|Senor|M\.|[A-Z]).{0,250}$";
static TO: LazyLock<Regex> = LazyLock::new(|| Regex::new(TO_SRC).expect("regex"));
static TO_SHORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&TO_SRC.replace(".{0,250}", ".*")).expect("regex"));

/// True for a block that is certainly a head: "Mr. Seward to Mr. Adams.",
/// "The Ambassador in China (Gauss) to the Secretary of State", "67. Message
/// From …", "[Untitled]".
pub fn is_strong_head(text: &str) -> bool {
    let t = text.trim();
    if t == "[Untitled]" || t.starts_with("[Untitled]") {
        return true;
    }
    if more_chars_than(t, 400) || t.lines().nth(3).is_some() || is_body_start(t) {
        return false;
    }
    // Most heads are one line: read in place, not copied.
    let flat: std::borrow::Cow<str> = if memchr::memchr(b'\n', t.as_bytes()).is_some() {
        t.replace('\n', " ").into()
    } else {
        t.into()
    };
    let flat = flat.as_ref();
    if let Some((_, at)) = split_number(flat) {
        if doc_type(&flat[at..]).is_some() {
            return true;
        }
    }
    // The cheap tests first: the sender's words fail on most sentences.
    !flat.ends_with(':')
        && sender_words_are_names(flat)
        && if more_chars_than(flat, 250) {
            TO.is_match(flat)
        } else {
            TO_SHORT.is_match(flat)
        }
}

/// `text.chars().count() > n`, without counting when the bytes decide.
fn more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && (text.len() > 4 * n || text.chars().count() > n)
}

/// In "SENDER to RECIPIENT" the sender is a name or a title: its words are
/// capitalised but for particles ("The Ambassador in China (Gauss)", "The
/// Russian Chargé d’affaires"), unlike a sentence ("The memorandum referred
/// to the War Trade Committee …"). A short apposition between commas may be
/// in lower case ("Mr. Martin, consul at Nanking, to Mr. Rockhill.").
fn sender_words_are_names(flat: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "in", "at", "for", "and", "on", "de", "la", "le", "von", "van", "del", "da",
        "du", "y", "by", "ad", "interim", "d’", "pro", "tem.",
    ];
    let Some(i) = finder!(" to ").find(flat.as_bytes()) else {
        return false;
    };
    let sender = &flat[..i];
    let name_words = |part: &str| {
        part.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '“' | '”' | '"' | '[' | ']'));
            w.is_empty()
                || SMALL.contains(&w)
                || w.starts_with("d’")
                || w.starts_with("d'")
                || !w.chars().next().is_some_and(char::is_lowercase)
        })
    };
    // "NAME, apposition," : the name in capitals, the apposition short.
    if let Some((name, rest)) = super::lines::split_at_comma_space(sender, false) {
        if let Some(appos) = rest.strip_suffix(',') {
            if !name.is_empty()
                && name_words(name)
                && !appos.contains(',')
                && appos.split_whitespace().count() <= 6
            {
                return true;
            }
        }
    }
    name_words(sender)
}

/// True when a block is the body itself, not a head: a salutation ("Sir:",
/// "My Lord:"), an address ending in ":", a long paragraph, or text opening
/// with a quotation mark or a lower-case letter.
pub fn is_body_start(text: &str) -> bool {
    static SALUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Sir|Sirs|My Lord|My dear|My Dear|Dear|Gentlemen|Highness|Excellency|Monsieur|Most Excellent|Your Excellency|Mr\. President|Madam)[^:\n]{0,60}:").expect("regex")
    });
    let t = text.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    first.is_lowercase()
        || matches!(first, '“' | '"' | '‘')
        || more_chars_than(t, 400)
        // Every salutation opens with one of these capitals.
        || (matches!(first, 'S' | 'M' | 'D' | 'G' | 'H' | 'E' | 'Y') && SALUTE.is_match(t))
        || (t.ends_with(':') && !t.contains('\n'))
}

/// "No. 1." alone.
pub fn is_number_line(text: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^No\. \d+\.$").expect("regex"));
    RE.is_match(text.trim())
}

/// Per first byte, the types of [`DOC_TYPES`] that open with it: bit `i`
/// for `DOC_TYPES[i]`.
const DOC_TYPES_BY_FIRST: [u64; 256] = {
    assert!(DOC_TYPES.len() <= 64);
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < DOC_TYPES.len() {
        let bytes = DOC_TYPES[i].as_bytes();
        assert!(!bytes.is_empty());
        table[bytes[0] as usize] |= 1 << i;
        i += 1;
    }
    table
};

/// The leading type of a modern head ("Memorandum of Conversation", …).
pub fn doc_type(title: &str) -> Option<&'static str> {
    // Only the types that open with the title's first byte are compared,
    // in the order of the list (the first that fits wins), where a loop
    // over the 59 types compared a byte of each (issue 4).
    let first = *title.as_bytes().first()?;
    let mut types = DOC_TYPES_BY_FIRST[usize::from(first)];
    while types != 0 {
        let t = DOC_TYPES[types.trailing_zeros() as usize];
        types &= types - 1;
        if let Some(rest) = title.strip_prefix(t) {
            if rest.is_empty() || rest.starts_with([' ', ',', '.', ':']) {
                let canonical = match t {
                    "Memorandum of Discussion at the" => "Memorandum of Discussion",
                    "Memorandum of a Conversation" => "Memorandum of Conversation",
                    "Editorial note" => "Editorial Note",
                    "Dispatch" => "Despatch",
                    "Aide-Memoire" => "Aide-Mémoire",
                    other => other,
                };
                return Some(canonical);
            }
        }
    }
    None
}

/// Split a title into sender and recipient.
///
/// "Message From A to B" → (A, B); "Mr. Adams to Earl Russell." → ("Mr.
/// Adams", "Earl Russell"). The split is at " to " after the sender: after a
/// closing parenthesis when there is one, else the first " to ".
pub fn from_to(title: &str) -> (Option<String>, Option<String>) {
    let t = title.trim().trim_end_matches('.');
    let (body, had_from) = match finder!(" From ")
        .find(t.as_bytes())
        .or_else(|| finder!(" from ").find(t.as_bytes()))
    {
        Some(i) if doc_type(t).is_some() || i < 60 => (&t[i + 6..], true),
        _ => (t, false),
    };
    if !had_from && doc_type(t).is_some() {
        // "Memorandum for the Record", "Editorial Note": no parties; "Memorandum
        // by X" names the author; "… Between X and Y" both parties.
        if let Some(i) = finder!(" Between ")
            .find(t.as_bytes())
            .or_else(|| finder!(" between ").find(t.as_bytes()))
        {
            let rest = &t[i + 9..];
            let rest = rest.split(", ").next().unwrap_or(rest);
            if let Some(j) = finder!(" and ").find(rest.as_bytes()) {
                return (
                    non_empty(clean_party(&rest[..j])),
                    non_empty(clean_party(&rest[j + 5..])),
                );
            }
        }
        if let Some(i) = finder!(" by ").find(t.as_bytes()) {
            return (Some(clean_party(&t[i + 4..])), None);
        }
        if let Some(i) = finder!(" to ").find(t.as_bytes()) {
            return (None, Some(clean_party(&t[i + 4..])));
        }
        return (None, None);
    }
    // Prefer " to " right after ")" ("(Gauss) to the Secretary").
    let split = finder!(" to ")
        .find_iter(body.as_bytes())
        .find(|&i| body[..i].ends_with(')'));
    let split = split.or_else(|| first_to(body));
    // "The Commission to Negotiate Peace to the …": " to " + a capitalised
    // verb or place after a body that takes "to" belongs to the sender.
    let split = match split {
        Some(i) if takes_to(&body[..i], &body[i + 4..]) => finder!(" to ")
            .find(&body.as_bytes()[i + 4..])
            .map(|j| i + 4 + j)
            .or(Some(i)),
        other => other,
    };
    match split {
        Some(i) => {
            let from = clean_party(&body[..i]);
            let to = clean_party(&body[i + 4..]);
            (non_empty(from), non_empty(to))
        }
        None if had_from => (non_empty(clean_party(body)), None),
        None => (None, None),
    }
}

/// True when "LEFT to RIGHT" reads as one name ("Commission to Negotiate
/// Peace", "Delegation to the Conference …" is not caught).
fn takes_to(left: &str, right: &str) -> bool {
    const NOUNS: &[&str] = &[
        "Commission",
        "Mission",
        "Delegation",
        "Committee",
        "Commissioner",
        "Delegate",
        "Envoy",
        "Agent",
    ];
    const PERSONS: &[&str] = &[
        "Mr",
        "Mrs",
        "Sir",
        "Lord",
        "Earl",
        "President",
        "Secretary",
        "General",
        "Admiral",
        "Colonel",
        "King",
        "Queen",
        "Count",
        "Baron",
        "Prince",
        "Señor",
        "Dr",
        "M.",
    ];
    let last = left.split_whitespace().next_back().unwrap_or("");
    let next = right.split_whitespace().next().unwrap_or("");
    NOUNS.contains(&last)
        && next.chars().next().is_some_and(char::is_uppercase)
        && !PERSONS
            .iter()
            .any(|p| next.trim_end_matches('.') == p.trim_end_matches('.'))
}

/// The first " to " that does not sit inside a title such as "Ambassador to
/// the Soviet Union" followed by a parenthesis.
fn first_to(body: &str) -> Option<usize> {
    let mut candidates = finder!(" to ").find_iter(body.as_bytes()).peekable();
    let first = *candidates.peek()?;
    for i in candidates {
        // "Ambassador to France (Bullitt) to the Secretary": the first " to "
        // is inside the sender when a parenthesis closes before a later one.
        let left = &body[..i];
        if left.contains('(') && !left.ends_with(')') && left.rfind('(') > left.rfind(')') {
            continue;
        }
        return Some(i);
    }
    Some(first)
}

fn clean_party(s: &str) -> String {
    let s = s.trim().trim_end_matches([',', ';', ':']);
    // Keep the period of "Inc." or "Jr.", drop a sentence period.
    let s = if [" Inc.", " Jr.", " Co.", " Ltd.", " etc."]
        .iter()
        .any(|a| s.ends_with(a))
    {
        s
    } else {
        s.trim_end_matches('.')
    };
    // Heads of 1958–60 embed place and date: "…, Washington, January 29, 1959".
    s.trim().to_string()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbounded_gaps_agree_up_to_250_characters() {
        let heads = [
            "Mr. Seward to Mr. Adams.",
            "The Ambassador in China (Gauss) to the Secretary of State",
            "67. The Secretary of State to the Embassy in France",
            "Memorandum to the President",
            "The memorandum referred to the War Trade Committee",
            "Mr to Mr",
            "M. Dupont to M. Blanc",
        ];
        for h in heads {
            // Padded in the first gap, the second, or both, to lengths
            // around the bound.
            for pad in [0, 100, 200, 240, 249, 250, 251, 300] {
                let x = "x".repeat(pad);
                for t in [
                    h.replacen(" to ", &format!(" {x} to "), 1),
                    format!("{h} {x}"),
                    h.replacen(" to ", &format!(" {x} to "), 1) + &x,
                ] {
                    let n = t.chars().count();
                    let bounded = TO.is_match(&t);
                    if n <= 250 {
                        assert_eq!(TO_SHORT.is_match(&t), bounded, "{t}");
                    }
                    if pad == 300 && h.contains(" to ") && h.starts_with(['M', 'T', '6']) {
                        // A gap longer than 250 is refused by the bound.
                        assert!(!bounded, "{t}");
                    }
                }
            }
        }
    }

    #[test]
    fn number_table() {
        let cases = [
            ("67. Message From Kissinger", Some(("67", 4))),
            ("133a. Telegram", Some(("133a", 6))),
            ("[3]. Editorial Note", Some(("3", 5))),
            ("Mr. Seward to Mr. Adams.", None),
            ("711.00/1: Telegram", None),
            ("٣. Telegram", Some(("٣", 4))),
            (" 67. Telegram", None),
            ("", None),
        ];
        for (h, want) in cases {
            assert_eq!(split_number(h), want, "{h}");
        }
    }

    #[test]
    fn body_start_table() {
        for (t, want) in [
            ("Sir: I have the honor", true),
            ("My dear Mr. Hay: Your letter", true),
            ("Your Excellency: The undersigned", true),
            ("Gentlemen:\nThe", true),
            ("Gentlemen: the", true),
            ("Mr. President: I", true),
            ("the text goes on", true),
            ("“Quoted”", true),
            ("To the Senate:", true),
            ("Mr. Seward to Mr. Adams.", false),
            ("Telegram From the Embassy", false),
            ("SIR: in capitals", false),
            ("", false),
        ] {
            assert_eq!(is_body_start(t), want, "{t}");
        }
    }

    #[test]
    fn file_line_table() {
        let cases = [
            (
                "893.24/1340: Telegram",
                Some(("893.24/1340", Some("Telegram"))),
            ),
            (
                "711.00111 Armament Control/777a: Telegram",
                Some(("711.00111 Armament Control/777a", Some("Telegram"))),
            ),
            (
                "740.0011 Pacific War/2581",
                Some(("740.0011 Pacific War/2581", None)),
            ),
            ("500.A15 a 1/167", Some(("500.A15 a 1/167", None))),
            ("File No. 600.119/427", Some(("600.119/427", None))),
            (
                "765.84/4789: Telegram (part air)",
                Some(("765.84/4789", Some("Telegram (part air)"))),
            ),
            ("890E.1281/14", Some(("890E.1281/14", None))),
            ("Paris Peace Conf. 184.82/6", Some(("184.82/6", None))),
            ("The Ambassador to the Secretary", None),
        ];
        for (l, want) in cases {
            assert_eq!(is_file_line(l), want.is_some(), "{l}");
            let got = file_line(l);
            let got = got.as_ref().map(|(f, k)| (f.as_str(), k.as_deref()));
            assert_eq!(got, want, "{l}");
        }
    }

    #[test]
    fn file_line_groups_are_the_captures() {
        // (line, whether the regex matches it, whether the hand split
        // answers: `false` where it leaves the split to the regex.)
        let cases = [
            ("893.24/1340: Telegram", true, true),
            ("711.00111 Armament Control/777a: Telegram", true, true),
            ("740.0011 Pacific War/2581", true, true),
            ("500.A15 a 1/167", true, true),
            ("File No. 600.119/427", true, true),
            ("File No. 600.119/427: Telegram.", true, true),
            ("765.84/4789: Telegram (part air)", true, true),
            ("765.84/4789:Telegram", true, true),
            ("765.84/4789:\n  Telegram", true, true),
            ("765.84/4789: Telegram: part two", true, true),
            ("890E.1281/14", true, true),
            ("Paris Peace Conf. 184.82/6", true, true),
            ("Paris peace Conf. 184.82/6: Memorandum", true, true),
            ("862.20212–Kaltenbach: Telegram", true, true),
            ("862.20212–Kaltenbach, Hans : Telegram", true, false),
            ("893.24/1340 : Telegram", true, false),
            ("893.24/1340\u{a0}: Telegram", true, false),
            ("123 45—", true, true),
            ("The Ambassador to the Secretary", false, true),
            ("893.24/1340:", false, true),
            ("893.24/1340: Telegram\nmore", false, true),
            ("Paris, June 5", false, true),
        ];
        for (l, matches, split) in cases {
            let l = l.trim();
            let c = FILE_LINE.captures(l);
            assert_eq!(c.is_some(), matches, "{l}");
            assert_eq!(is_file_line(l), matches, "{l}");
            let Some(c) = c else { continue };
            let want = (
                c.get(1).map_or("", |m| m.as_str()),
                c.get(2).map(|m| m.as_str().trim()),
            );
            let got = file_line_groups(l).map(|(f, k)| (f, k.map(str::trim)));
            assert_eq!(got.is_some(), split, "{l}");
            if let Some(got) = got {
                assert_eq!(got, want, "{l}");
            }
            let whole = file_line(l);
            let whole = whole.as_ref().map(|(f, k)| (f.as_str(), k.as_deref()));
            let want_kind = want.1.map(|k| k.trim_end_matches('.'));
            assert_eq!(whole, Some((want.0, want_kind)), "{l}");
        }
    }

    #[test]
    fn editorial_table() {
        for (l, want) in [
            ("No. 175.", true),
            ("No. 351.]", true),
            ("*No. 31.[34]", true),
            ("[Extract.]", true),
            ("[Telegram.—Paraphrase.]", true),
            ("[Inclosure 1 in No. 447.]", true),
            ("Woodrow Wilson Papers", true),
            ("FE Files, Lot 52–534", true),
            ("Treaty Series No. 763", true),
            ("Mr. Seward to Mr. Adams.", false),
            ("[Untitled]", false),
            (
                "The Japanese Ambassador (Matsudaira) to the Secretary of State",
                false,
            ),
        ] {
            assert_eq!(is_editorial_line(l), want, "{l}");
        }
    }

    #[test]
    fn strong_head_table() {
        for (text, want) in [
            // frus1901China d13
            (
                "The Russian Chargé d’affaires to the Acting Secretary of State.",
                true,
            ),
            // frus1901China d300
            ("Mr. Martin, consul at Nanking, to Mr. Rockhill.", true),
            // frus1861 d1
            (
                "Mr. Black (Secretary of State) to all the ministers of the United States.",
                true,
            ),
            // frus1872p2v5 d77
            (
                "Brigadier-General Canby to the Assistant Adjutant-General at San Francisco.",
                true,
            ),
            // the seed's head
            ("Mr. Seward to Mr. Adams.", true),
            // sentences that read "X to Y"
            (
                "The memorandum referred to the War Trade Committee was returned.",
                false,
            ),
            (
                "Mr. Martin, who was sent by the consul to meet them, to Mr. Rockhill.",
                false,
            ),
            ("Sir: I have the honor to transmit to you a copy.", false),
        ] {
            assert_eq!(is_strong_head(text), want, "{text}");
        }
    }

    #[test]
    fn from_to_table() {
        let cases = [
            (
                "Message From Secretary of State Kissinger to the President’s Deputy Assistant for National Security Affairs (Scowcroft)",
                (Some("Secretary of State Kissinger"), Some("the President’s Deputy Assistant for National Security Affairs (Scowcroft)")),
            ),
            ("Mr. Adams to Earl Russell.", (Some("Mr. Adams"), Some("Earl Russell"))),
            ("The Ambassador in China (Gauss) to the Secretary of State", (Some("The Ambassador in China (Gauss)"), Some("the Secretary of State"))),
            ("Telegram From the Embassy in the Soviet Union to the Department of State", (Some("the Embassy in the Soviet Union"), Some("the Department of State"))),
            ("Memorandum for the Record", (None, None)),
            ("Editorial Note", (None, None)),
            ("Memorandum.", (None, None)),
        ];
        for (t, (f, to)) in cases {
            let (gf, gt) = from_to(t);
            assert_eq!((gf.as_deref(), gt.as_deref()), (f, to), "{t}");
        }
    }

    #[test]
    fn doc_type_table() {
        for (t, want) in [
            (
                "Memorandum of Conversation",
                Some("Memorandum of Conversation"),
            ),
            ("Memorandum From A to B", Some("Memorandum")),
            ("Telegram From the Embassy", Some("Telegram")),
            ("Editorial Note", Some("Editorial Note")),
            ("Mr. Seward to Mr. Adams.", None),
            ("Telegrams sent", None),
        ] {
            assert_eq!(doc_type(t), want, "{t}");
        }
    }
}
