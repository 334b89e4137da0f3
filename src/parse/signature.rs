//! Signatures: the names that close a letter ("JOSEPH A. WRIGHT.",
//! "Hull", "For the Secretary of State:\nR. Walton Moore"), found from the
//! shape of the block and its neighbours (a closing formula before it, the
//! end of the letter, an address or an enclosure after it).

use std::sync::LazyLock;

use regex::Regex;

use super::{dateline, head};

/// The signatures among body blocks: `texts[i]` is the cleaned text of a
/// block, `line_counts[i]` its number of lines.
pub fn closers(texts: &[&str], line_counts: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let next = texts.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|j| texts[j]);
        let lines = line_counts.get(i).copied().unwrap_or(1);
        if let Some(sig) = signature(text, prev, next, lines) {
            out.push(sig);
        }
    }
    out
}

/// "Sincerely, GRF. End text." → "GRF".
pub fn inline_signature(text: &str) -> Option<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:Sincerely|Faithfully|Respectfully|Cordially|Warm regards|Best regards|Regards)(?: yours)?,\s+([A-Z][A-Za-z. ]{0,40}?)\.?\s+End text\.?\s*$").expect("regex")
    });
    RE.captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
}

static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:obedient servant|I have the honou?r|respectfully|sincerely|faithfully|very truly|cordially|\[etc\.?\]|&c\.?|I am,|believe me|yours|consideration\.?|regards|submitted|preserve your excellency(?: many years)?)[,.]?\s*$|,\s*$|^\(?For (?:the )?[A-Z][^\n]{0,60}[:)]$").expect("regex")
});

/// "For the Secretary of State:" before the name of who signed for him.
fn is_for_line(line: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\(?For (?:the )?[A-Z][^\n]{0,60}[:)]$").expect("regex"));
    RE.is_match(line.trim())
}

/// An address line after a signature ("Hon. William H. Seward, Secretary
/// of State.", "N. B. Judd, Esq., &c.") is not a signature.
fn is_address(line: &str) -> bool {
    let l = line.trim_start_matches(['“', '"']);
    [
        "Hon.",
        "Hon,",
        "Hon ",
        "His ",
        "Her ",
        "The Hon",
        "To ",
        "Mr. ",
        "Mr ",
        "Messrs",
        "Señor ",
        "Monsieur ",
        "Sir ",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || l.contains("Esq")
        || l.contains("&c., &c.")
}

/// A signature block: one to four short lines whose first is a name, at the
/// close of a letter: after a closing formula, before the end or an
/// address, or a name in capitals, which is a signature wherever it stands.
fn signature(
    text: &str,
    prev: Option<&str>,
    next: Option<&str>,
    line_count: usize,
) -> Option<String> {
    if line_count > 8 || text.len() > 300 {
        return None;
    }
    // Lone brackets ("[\nEngert\n]") and seals ("[l. s.]") are not part
    // of the name.
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !matches!(*l, "[" | "]") && !is_seal(l))
        .collect();
    let mut closing_before = prev.is_some_and(|p| CLOSING.is_match(p));
    if lines.len() >= 2 && is_for_line(lines[0]) {
        lines.remove(0);
        closing_before = true;
    }
    let first = *lines.first()?;
    // "• David Hunter Miller\n• James Brown Scott": names signed together.
    if lines.iter().all(|l| l.starts_with('•')) {
        let names: Vec<&str> = lines
            .iter()
            .map(|l| l.trim_start_matches('•').trim())
            .collect();
        if names.iter().all(|n| is_name(n)) && (closing_before || next.is_none()) {
            return Some(names.join(" "));
        }
        return None;
    }
    if is_address(first) || lines.len() > 4 {
        return None;
    }
    // A heading in capitals ("THE EXTRADITION OF COLONEL ARGUELLES.") needs
    // the context of a closing to be taken for a name.
    let caps = is_caps_name(first) && (closing_before || is_plain_caps_name(first));
    if !caps && !is_name(first) {
        return None;
    }
    let end_after = match next {
        None => true,
        Some(n) => {
            n.starts_with('[')
                || is_address(n)
                || n.starts_with("To ")
                || n.starts_with("Sir")
                || n.starts_with("P. S.")
                || n.starts_with("Enclosure")
                || n.starts_with("Inclosure")
                || n.starts_with("Attachment")
                || n.starts_with("By the ")
                || dateline::parse(n, 0).is_some()
                || is_bare_date(n)
                || head::is_strong_head(n)
                || is_title_line(n)
        }
    };
    if !(closing_before || end_after || caps) {
        return None;
    }
    // Without a closing before it or an end after it, a name in capitals
    // needs an initial or three words: "J. RUSSELL.", not "CORRESPONDENCE."
    // or "OFFICIAL PAPERS.".
    if !closing_before && !end_after {
        let name = first.split(',').next().unwrap_or(first);
        let words: Vec<&str> = name.split_whitespace().collect();
        let initial = words.iter().any(|w| {
            w.len() <= 3 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
        });
        const HEADING_WORDS: &[&str] = &[
            "OFFICIAL",
            "PAPERS",
            "IMPORTANT",
            "NOTICES",
            "PARLIAMENTARY",
            "VERY",
            "CONFIDENTIAL",
            "SECRET",
            "PRIVATE",
            "TELEGRAPHIC",
        ];
        if !initial
            && (words.len() < 2
                || words
                    .iter()
                    .any(|w| HEADING_WORDS.contains(&w.trim_end_matches('.'))))
        {
            return None;
        }
    }
    // One letter is an annex label ("A.", "(B.)"), not a name.
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2 || first.starts_with('(') {
        return None;
    }
    if !closing_before
        && !caps
        && lines.len() == 1
        && first.split_whitespace().count() == 1
        && next.is_some_and(|n| !n.starts_with('['))
    {
        return None;
    }
    if lines.len() > 1 && first.ends_with(',') {
        return Some(lines.join(" "));
    }
    Some(first.to_string())
}

/// "[l. s.]", "[seal.]", "[L. S.]".
fn is_seal(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "[l. s.]" | "[seal.]" | "[seal]" | "[l.s.]" | "l. s.]" | "[l. s."
    )
}

/// A one-line title of an attached paper ("Public Statement Issued by the
/// Exports Administrative Board, October 3, 1917"): capitalised, no final
/// period or colon.
fn is_title_line(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    !t.contains('\n')
        && t.len() < 200
        && words >= 3
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ':', ',', ';'])
        && t.split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 2
            >= words
}

/// "July 23, 1900." alone on a line.
fn is_bare_date(t: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\.?$").expect("regex")
    });
    RE.is_match(t.trim())
}

/// A name in capitals without words that make it a heading: at most four
/// words, none of OF, THE, FROM, TO, AND, FOR, IN, A, ON, BY, no Roman
/// numeral alone.
fn is_plain_caps_name(line: &str) -> bool {
    let l = line.trim().trim_matches(['“', '”', '"']);
    let name = l
        .split(',')
        .next()
        .unwrap_or(l)
        .trim()
        .trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    const STOP: &[&str] = &[
        "OF",
        "THE",
        "FROM",
        "TO",
        "AND",
        "FOR",
        "IN",
        "A",
        "ON",
        "BY",
        "AT",
        "WITH",
        "CALL",
        "PAPERS",
        "LIGHT-HOUSE",
    ];
    let roman = words.len() == 1
        && words[0]
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    words.len() <= 4 && !roman && !words.iter().any(|w| STOP.contains(w))
}

/// "J. RUSSELL.", "ALP VAN DEN PEEREBOOM, Minister of the Interior.",
/// "“MANDERSTRÖM.”": a name in capitals, optionally followed by a title.
fn is_caps_name(line: &str) -> bool {
    let l = line.trim().trim_matches(['“', '”', '"']);
    let name = l
        .split(',')
        .next()
        .unwrap_or(l)
        .trim()
        .trim_end_matches('.');
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || name.len() > 50 || name.split_whitespace().count() > 6 {
        return false;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    const HEADINGS: &[&str] = &[
        "CIRCULAR",
        "SUBJECT",
        "PARTICIPANTS",
        "PRESENT",
        "MEMORANDUM",
        "TELEGRAM",
        "CONFIDENTIAL",
        "SECRET",
        "TOP SECRET",
        "PROTOCOL",
        "ANNEX",
        "APPENDIX",
        "TRANSLATION",
        "ENCLOSURE",
        "INCLOSURE",
        "NOTE",
        "DECLARATION",
        "CONVENTION",
        "TREATY",
        "ARTICLE",
        "PROCLAMATION",
        "PRIVATE",
        "PERSONAL",
        "STRICTLY CONFIDENTIAL",
        "SUMMARY",
        "AGENDA",
        "MINUTES",
        "REPORT",
        "RESOLUTION",
        "RESOLVED",
        "AGREEMENT",
        "SCHEDULE",
        "END",
        "BEGIN",
        "EXTRACT",
        "EXTRACTS",
        "TEXT",
        "UNCLASSIFIED",
        "LIMITED OFFICIAL USE",
        "NODIS",
        "EXDIS",
        "LIMDIS",
        "DISTRIBUTION",
        "ATTACHMENT",
        "POSTSCRIPT",
        "DRAFT",
        "ORDER",
        "DECREE",
        "LAW",
        "NOTICE",
        "PREAMBLE",
        "STATEMENT",
        "PRESS RELEASE",
        "CORRESPONDENCE",
        "MESSAGE",
        "LETTER",
    ];
    let first_word = name.split_whitespace().next().unwrap_or("");
    upper * 10 >= letters.len() * 9
        && !HEADINGS
            .iter()
            .any(|h| name.starts_with(h) || first_word == *h)
        && !name.contains(['(', ')', ':', ';', '[', ']'])
        && name.split_whitespace().count() >= 1
        && !name
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        && name
            .split_whitespace()
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 16)
}

/// True when a line reads as a personal name ("JOSEPH A. WRIGHT.", "Hull",
/// "T. Matsudaira", "H. S. S.", "Pierrepont Moffat", "[Woodrow Wilson]").
fn is_name(line: &str) -> bool {
    let l = line.trim().trim_end_matches([',', '.']);
    let l = l
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(l);
    if l.is_empty() || l.len() > 60 || l.starts_with('[') || l.ends_with(':') {
        return false;
    }
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 {
        return false;
    }
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "y", "e", "d’", "and",
        "v.", "v",
    ];
    const NOT_NAMES: &[&str] = &[
        "SUBJECT",
        "PARTICIPANTS",
        "PRESENT",
        "Enclosure",
        "Enclosures",
        "Article",
        "ARTICLE",
        "Inclosure",
        "Inclosures",
        "Imperial",
        "Draft",
        "Proclamation",
        "Arrival",
        "Attachment",
        "Translation",
        "Extract",
        "Confidential",
        "Secret",
        "Untitled",
        "Memorandum",
        "Telegram",
        "Note",
        "Annex",
        "Appendix",
        "Postscript",
        "Department",
        "Washington",
        "Sir",
        "Gentlemen",
        "Sirs",
        "Excellency",
        "The",
        "Dear",
        "Warm",
        "Signed",
        "Approved",
        "Respectfully",
        "Sincerely",
        "Faithfully",
        "Yours",
        "Cordially",
        "End",
        "Begin",
        "Exhibit",
        "Minutes",
        "Agenda",
        "Summary",
        "Conclusions",
        "Recommendations",
        "Discussion",
        "Text",
        "Document",
        "CIRCULAR",
        "Circular",
        "American",
        "Am[erican]",
        "Ex[ecutive]",
        "Legation",
        "Embassy",
        "Repeated",
        "Sent",
        "Received",
        "Paraphrase",
    ];
    if NOT_NAMES
        .iter()
        .any(|n| words[0].trim_end_matches([',', '.', ':']) == *n)
    {
        return false;
    }
    if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '“' | '”' | '"'));
        w.is_empty()
            || PARTICLES.contains(&w)
            || w.chars().next().is_some_and(|c| c.is_uppercase())
            || w == "&c."
            || w == "Jr."
    })
}
