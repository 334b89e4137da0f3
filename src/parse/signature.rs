//! Signatures: the names that close a letter ("JOSEPH A. WRIGHT.",
//! "Hull", "For the Secretary of State:\nR. Walton Moore"), found from the
//! shape of the block and its neighbours (a closing formula before it, the
//! end of the letter, an address or an enclosure after it).

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::{split_at_comma_space, trim};
use super::{dateline, head};

/// A constant list of words, and a test of membership by `match`: the
/// compiler compares lengths first (a jump on the length), where
/// `slice::contains` compares every word in turn (issue 4).
macro_rules! word_set {
    ($(#[$doc:meta])* $list:ident, $is:ident, [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        #[cfg_attr(not(test), allow(dead_code))]
        const $list: &[&str] = &[$($w),*];
        $(#[$doc])*
        fn $is(w: &str) -> bool {
            matches!(w, $($w)|*)
        }
    };
}

word_set!(
    /// Words that open a heading in capitals, not a name ([`is_caps_name`]).
    HEADINGS,
    is_heading,
    [
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
    ]
);

word_set!(
    /// Small words inside a name ("de", "von") ([`is_name`]).
    PARTICLES,
    is_particle,
    [
        "de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "y", "e", "d’", "and",
        "v.", "v",
    ]
);

word_set!(
    /// First words of a line that is not a name ([`is_name`]).
    NOT_NAMES,
    is_not_name,
    [
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
        "Accept",
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
        "For",
        "By",
        "Section",
        "Chapter",
        "Part",
        "See",
        "Additional",
        "Considering",
        "Decree",
        "Whereas",
        "Subenclosure",
        // "Communicate." closes a decree before its signer ("Comuníquese").
        "Communicate",
        "Communicated",
        "EXHIBIT",
    ]
);

/// A body block as the signature finder sees it.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    /// The cleaned text of the block.
    pub text: &'a str,
    /// Its number of lines in the page text.
    pub lines: usize,
    /// True when the block is a numbered paragraph ("67. Cheng Lien-sheng,"):
    /// an item of a list, never a signature.
    pub numbered: bool,
}

/// The signatures among body blocks, in order.
pub fn closers(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    // Whether the block before was a signature, and whether in capitals.
    let mut prev_sig: Option<bool> = None;
    // Whether each block ends with a closing formula ([`closing`]), asked
    // of a block only as the one before another, and at most once.
    let closing: Vec<OnceCell<bool>> = blocks.iter().map(|_| OnceCell::new()).collect();
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1).map(|b| b.text);
        let prev = i.checked_sub(1).map(|j| Prev {
            text: blocks[j].text,
            closing: &closing[j],
        });
        let found = if block.numbered {
            Vec::new()
        } else {
            signatures_of(block.text, prev, next, block.lines, prev_sig)
        };
        prev_sig = found.last().map(|s| is_caps_text(s));
        out.extend(found);
    }
    out
}

/// The lines of `text` (split at "\n"), each trimmed: with the empty ones
/// dropped, the lines of `text.lines().map(str::trim)`. The memchr crate
/// finds the newlines, where `str::lines` reads a word at a time (issue 4).
pub(super) fn trimmed_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            // "\n" is ASCII: every cut is a character boundary.
            let line = text.get(start..end).unwrap_or("");
            start = end + 1;
            trim(line)
        })
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

/// A closing formula at the end of a block ("I have the honor, &c.",
/// "Respectfully submitted.", a final comma). Every alternative is anchored
/// at the end, so the regex crate reads the block backwards from its end
/// (its reverse-anchored strategy) and stops within a few bytes, where one
/// regex with the start-anchored alternatives of [`CLOSING_START`] read
/// every block whole (issue 4).
static CLOSING_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:obedient servant|I have the honou?r|respectfully|sincerely|faithfully|very truly|cordially|\[etc\.?\]|&c\.?|,\s*etc\.?|I am,|believe me|yours|consideration\.?|regards|submitted|(?:God )?preserve (?:you|your excellency)(?: many years)?|attest:?)[,.]?\s*$|,\s*$").expect("regex")
});

/// A block that is a label before a signer ("For the Secretary of State:",
/// "(Communicated.)"): anchored at both ends, so a failed search stops
/// within a few bytes. With [`CLOSING_END`], the closings of [`closing`].
static CLOSING_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?For (?:the )?[A-Z][^\n]{0,60}[:)]$|^\(?Communicated?\.?\)?$")
        .expect("regex")
});

/// Whether `text` ends with a closing formula or is a label before a
/// signer: [`CLOSING_END`] or [`CLOSING_START`].
fn closing(text: &str) -> bool {
    CLOSING_END.is_match(text) || (may_open_label(text) && CLOSING_START.is_match(text))
}

/// Whether `text` may match [`CLOSING_START`], from its first byte: both
/// alternatives open with "(" or with the first letter of "For" or
/// "Communicated" in either case. A non-ASCII first byte is left to the
/// regex (case-insensitive matching folds a few other characters to ASCII
/// letters). Most blocks are refused without a search (issue 4).
fn may_open_label(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'(' | b'F' | b'f' | b'C' | b'c' | 0x80..)
    )
}

/// The block before the one being read: its text, and whether it ends with
/// a closing formula, worked out once (the regex reads the whole block).
#[derive(Clone, Copy)]
struct Prev<'a> {
    text: &'a str,
    closing: &'a OnceCell<bool>,
}

impl Prev<'_> {
    /// `closing(self.text)`, computed at most once per block.
    fn closing(&self) -> bool {
        *self.closing.get_or_init(|| closing(self.text))
    }
}

/// "For the Secretary of State:" before the name of who signed for him.
fn is_for_line(line: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\(?For (?:the )?[A-Z][^\n]{0,60}[:)]$").expect("regex"));
    let l = line.trim();
    (l.starts_with("For ") || l.starts_with("(For ")) && RE.is_match(l)
}

/// An address line after a signature ("Hon. William H. Seward, Secretary
/// of State.", "N. B. Judd, Esq., &c.") is not a signature.
pub(crate) fn is_address(line: &str) -> bool {
    let l = line.trim_start_matches(['“', '"']);
    // Every prefix below opens with one of these capitals: most lines are
    // refused from their first byte (issue 4).
    let may_open = matches!(l.as_bytes().first(), Some(b'H' | b'T' | b'M' | b'S'));
    (may_open
        && [
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
        .any(|p| l.starts_with(p)))
        || contains_esq_or_etc(l)
}

/// `text.split(',').next()`: the text before its first comma, found by
/// the memchr crate, where `str::split` reads a word at a time (issue 4).
fn before_comma(text: &str) -> &str {
    split_at_comma(text).map_or(text, |(before, _)| before)
}

/// `text.split_once(',')`, by the memchr crate (a comma is ASCII: the cut
/// is a character boundary).
fn split_at_comma(text: &str) -> Option<(&str, &str)> {
    let i = memchr::memchr(b',', text.as_bytes())?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// `text.contains("Esq") || text.contains("&c., &c.")`, in one pass:
/// memchr2 finds the first bytes of both, without building a substring
/// searcher per call or reading the line twice (issue 4).
fn contains_esq_or_etc(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'E', b'&', b).any(|i| {
        let rest = &b[i..];
        rest.starts_with(b"Esq") || rest.starts_with(b"&c., &c.")
    })
}

/// The signatures of one block: a list of signers under labels ("For
/// Germany,\nA. Mumm.\nFor Austria-Hungary,\nM. Czikann.", "[l. s.]\nCLARENDON.\n[l. s.]\nJOHN LOTHROP MOTLEY.")
/// gives one per signer; any other block at most one.
fn signatures_of(
    text: &str,
    prev: Option<Prev>,
    next: Option<&str>,
    line_count: usize,
    prev_sig: Option<bool>,
) -> Vec<String> {
    // One newline search for both tests below: a block of one line (most)
    // is read once (issue 4).
    let bytes = text.as_bytes();
    let first_newline = memchr::memchr(b'\n', bytes);
    // (A block of one line is no list of signers.)
    if first_newline.is_some() {
        if let Some(list) = labelled_signers(text) {
            return list;
        }
    }
    // Titled signers take four lines at least: the closing is asked after.
    let four_lines =
        first_newline.is_some_and(|i| memchr::memchr_iter(b'\n', &bytes[i + 1..]).nth(1).is_some());
    if four_lines && prev.is_some_and(|p| p.closing()) {
        if let Some(list) = titled_signers(text) {
            return list;
        }
    }
    let Some(sig) = signature(text, prev, next, line_count) else {
        return Vec::new();
    };
    // An address after a signature in capitals ("WM. W. McKEAN, Captain."
    // then "Flag Officer William Mervine, …") is in small letters; a second
    // signer would be in capitals too.
    let closing_before = prev.is_some_and(|p| p.closing());
    if prev_sig == Some(true) && !closing_before && !is_caps_text(&sig) {
        return Vec::new();
    }
    // "Freiherr Speck von Sternburg,\nWashington." after a signature: an
    // address ending with a place.
    let last_line = text
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("");
    if prev_sig.is_some()
        && !closing_before
        && text.lines().filter(|l| !l.trim().is_empty()).count() >= 2
        && last_line.split_whitespace().count() == 1
        && last_line.ends_with('.')
        && !is_title(last_line)
    {
        return Vec::new();
    }
    // "Captain Prevost.", "Lord Lyons.": a rank and a surname alone name
    // the addressee, not the signer.
    if is_rank_and_surname(&sig) {
        return Vec::new();
    }
    vec![sig]
}

/// True when the name part of a signature (before the first comma) is in
/// capitals: "J. R. LOWELL.", "E. P. BROOKS, Consul, &c.".
pub(crate) fn is_caps_text(sig: &str) -> bool {
    let name = before_comma(sig);
    let (letters, upper) = letter_counts(name);
    letters >= 2 && upper * 10 >= letters * 8
}

/// The number of letters in `text`, and of those in upper case.
fn letter_counts(text: &str) -> (usize, usize) {
    // Eight bytes at a time as a word (the last word padded with zeros,
    // which count as nothing): a byte's top bit marks an ASCII letter, an
    // ASCII capital, the first byte of a non-ASCII character (0xC0 and
    // above), and each non-ASCII character is decoded from its first byte
    // (continuation bytes, 0x80..0xC0, are skipped). Names are short: the
    // vectorised passes of an earlier version widened every byte to a
    // counter of eight bytes and cost about 15 instructions a byte on them
    // (issue 4).
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const TOP: u64 = 0x8080_8080_8080_8080;
    /// `b` in every byte of a word.
    const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    /// The number of bytes of `mask` with their top bit set (no other bit
    /// set).
    fn top_bits(mask: u64) -> usize {
        ((mask >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
    }
    let bytes = text.as_bytes();
    let (mut letters, mut upper) = (0, 0);
    for (n, chunk) in bytes.chunks(8).enumerate() {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Bytes below 0x80; their low seven bits, folded to lower case.
        let ascii = !x & TOP;
        let seven = x & LOW;
        let folded = seven | splat(0x20);
        // Top bit set where a byte is at least the bound (no carry leaves
        // a byte: every sum is below 0x100).
        let at_least = |v: u64, bound: u8| v + splat(0x80 - bound);
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1) & ascii;
        let capital = at_least(seven, b'A') & !at_least(seven, b'Z' + 1) & ascii;
        letters += top_bits(letter & TOP);
        upper += top_bits(capital & TOP);
        let mut leads = x & (x << 1) & TOP;
        while leads != 0 {
            let i = n * 8 + leads.trailing_zeros() as usize / 8;
            leads &= leads - 1;
            if let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
                if c.is_alphabetic() {
                    letters += 1;
                    upper += usize::from(c.is_uppercase());
                }
            }
        }
    }
    (letters, upper)
}

/// A line that introduces a signer without being one: a seal ("[l. s.]"),
/// "For Germany,", "[For] The President", "The president
/// of the Senate:", "Austro-Hungary:", "Attest:".
fn is_label(line: &str) -> bool {
    static FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\[For\]|\(?For) (?:the |The )?[A-Z][^\n]{0,60}?[:),.]?$").expect("regex")
    });
    let l = line.trim();
    let for_label = l.starts_with("[For]") || l.starts_with("For") || l.starts_with("(For");
    if is_seal(l) || (for_label && FOR.is_match(l)) || is_rank_line(l) {
        return true;
    }
    // "By the King." over a minister's name in a proclamation; "By the
    // President:" over a countersignature is not marked as signed.
    if l.starts_with("By the ") && l.ends_with('.') && l.len() <= 60 {
        return true;
    }
    // "(Signed)", "SIGNED WITH THE ROYAL HAND.", and a title before the
    // name: "The minister of state,".
    if l.starts_with("(Signed") || l.starts_with("[Signed") || l.starts_with("SIGNED ") {
        return true;
    }
    if l.starts_with("The ") && l.ends_with(',') && !is_caps_text(l) && l.len() <= 60 {
        return true;
    }
    let Some(head) = l.strip_suffix(':') else {
        return false;
    };
    // "By the President:" before a countersignature, which the editors do
    // not mark as signed.
    if head.starts_with("By ") || head.starts_with("Approved") {
        return false;
    }
    const NOT_LABELS: &[&str] = &[
        "Subject",
        "SUBJECT",
        "Participants",
        "PARTICIPANTS",
        "Present",
        "PRESENT",
        "Copies",
        "Distribution",
        "Sir",
        "Gentlemen",
        "Note",
    ];
    !head.is_empty()
        && head.len() <= 60
        && head.chars().next().is_some_and(char::is_uppercase)
        && !NOT_LABELS.iter().any(|n| head.starts_with(n))
        && !head.chars().any(|c| c.is_ascii_digit())
}

/// A rank or a title of nobility alone on the line above the name
/// ("Cte.\nR. Straten", "General Major\nGREIG,"): part of no signer's
/// name as the editors mark it.
fn is_rank_line(line: &str) -> bool {
    const RANKS: &[&str] = &[
        "Cte.",
        "Comte",
        "Count",
        "Baron",
        "Marquis",
        "General",
        "Major",
        "Lieutenant",
        "Captain",
        "Colonel",
        "Admiral",
    ];
    let mut n = 0;
    for w in line.split_whitespace() {
        n += 1;
        if n > 2 || !RANKS.contains(&w) {
            return false;
        }
    }
    n > 0
}

/// Words that make a line a title ("Acting Secretary.", "Counselor",
/// "Chairman, War Trade Board", "United States Consul.") rather than a name.
fn is_title(line: &str) -> bool {
    const TITLES: &[&str] = &[
        "Secretary",
        "Assistant",
        "Acting",
        "Under",
        "Minister",
        "Consul",
        "Vice-Consul",
        "Consul-General",
        "Counselor",
        "Governor",
        "Chairman",
        "Director",
        "Chief",
        "Commander",
        "Commanding",
        "Captain",
        "Major",
        "Colonel",
        "Lieutenant",
        "Lieutenant-Colonel",
        "Lieutenant-General",
        "Major-General",
        "General",
        "President",
        "Ambassador",
        "Clerk",
        "Deputy",
        "Envoy",
        "Solicitor",
        "Chargé",
        "Attorney",
        "Admiral",
        "Commissioner",
        "Agent",
        "Judge",
        "Notary",
        "Justice",
        "Mayor",
        "Senator",
        "Representative",
        "Missionaire",
        "Plenipotentiary",
        "Marshal",
    ];
    let l = line.trim();
    // "Intendant-General": a title word after a hyphen too.
    !l.chars().any(|c| c.is_ascii_digit())
        && l.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            TITLES.contains(&w) || w.split('-').any(|p| TITLES.contains(&p))
        })
}

/// A block of signers under labels: at least one label, and every signer a
/// name followed by its title lines. Lines before the first name that are
/// not labels ("Secretary of State of the United States of America." after
/// a seal) belong to the signer before and are left out, as the editors do.
fn labelled_signers(text: &str) -> Option<Vec<String>> {
    // One line is no list (most blocks: no need to collect them). The
    // memchr crate's search, not `str::contains`, which reads a long
    // paragraph a word at a time (issue 4).
    memchr::memchr(b'\n', text.as_bytes())?;
    // More than 40 lines is no list: the 41st is not read past (issue 4).
    let lines: Vec<&str> = trimmed_lines(text)
        .filter(|l| !l.is_empty() && !matches!(*l, "[" | "]"))
        .take(41)
        .collect();
    if lines.len() < 2 || lines.len() > 40 || lines.iter().any(|l| l.starts_with('•')) {
        return None;
    }
    // Which lines are labels, asked once per line (below, three times).
    let labels: Vec<bool> = lines.iter().map(|l| is_label(l)).collect();
    if !labels.contains(&true) {
        return None;
    }
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut open = false;
    for (l, &label) in lines.iter().zip(&labels) {
        if label {
            open = false;
            continue;
        }
        let name = is_name(l) || (is_caps_name(l) && is_plain_caps_name(l));
        match out.last_mut() {
            Some(cur) if open && continues(cur, l) => {
                cur.push(l);
            }
            _ if name && !is_title(l) => {
                out.push(vec![l]);
                open = true;
            }
            _ => open = false,
        }
    }
    // A label must stand right before a signer, and no signer may be long.
    if out.is_empty() || out.iter().any(|s| s.len() > 4) {
        return None;
    }
    let label_then_name = (1..lines.len())
        .any(|i| labels[i - 1] && !labels[i] && (is_name(lines[i]) || is_caps_name(lines[i])));
    if !label_then_name && out.len() < 2 {
        return None;
    }
    Some(out.iter().map(|s| s.join(" ")).collect())
}

/// Signers one under another after a closing, each name over its title
/// lines, without labels: "David Hunter Miller\nSpecial Assistant in the
/// Department of State\nJames Brown Scott\nMajor, United States
/// Reserves,\n…". Each gives its name, with its titles only after a comma
/// (as [`continues`] reads them).
fn titled_signers(text: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = trimmed_lines(text).filter(|l| !l.is_empty()).collect();
    if lines.len() < 4 || lines.len() > 24 || lines.iter().any(|l| l.starts_with('•')) {
        return None;
    }
    let mut signers: Vec<Vec<&str>> = Vec::new();
    for l in &lines {
        let title = is_title(l) || !is_name(l);
        match signers.last_mut() {
            // A name must come first, and every name has a title under it.
            Some(cur) if title => cur.push(l),
            Some(cur) if cur.len() < 2 => return None,
            _ if title => return None,
            _ => signers.push(vec![l]),
        }
    }
    if signers.len() < 2 || signers.iter().any(|s| s.len() < 2 || s.len() > 4) {
        return None;
    }
    Some(signers.iter().map(|s| with_titles(s).join(" ")).collect())
}

/// A signature block: one to four short lines whose first is a name, at the
/// close of a letter: after a closing formula, before the end or an
/// address, or a name in capitals, which is a signature wherever it stands.
fn signature(
    text: &str,
    prev: Option<Prev>,
    next: Option<&str>,
    line_count: usize,
) -> Option<String> {
    // A list of signers as items may be longer: five countries' signers
    // under their names (frus1917Supp02v02 d283, 15 lines).
    let listed = text.starts_with('•');
    let (max_lines, max_len) = if listed { (MAX_LISTED, 600) } else { (8, 300) };
    if line_count > max_lines || text.len() > max_len {
        return None;
    }
    let prev_block = prev;
    let prev = prev.map(|p| p.text);
    // Lone brackets ("[\nEngert\n]") and seals ("[l. s.]") are not part
    // of the name. At most `max_lines` lines (the block has no more:
    // `text` is its cleaned text; one more would read as no signature),
    // kept on the stack, not collected per block (issue 4). Only the
    // buffer used is filled: the long one for a list alone, since filling
    // it for every block cost 1.2 M instructions on frus-full (callgrind).
    let (mut short, mut long);
    let buf: &mut [&str] = if listed {
        long = [""; MAX_LISTED];
        &mut long
    } else {
        short = [""; 8];
        &mut short
    };
    let mut n = 0;
    for l in trimmed_lines(text)
        .filter(|l| !l.is_empty() && !matches!(*l, "[" | "]" | "." | "," | ";") && !is_seal(l))
    {
        *buf.get_mut(n)? = l;
        n += 1;
    }
    let mut lines: &[&str] = &buf[..n];
    let for_line = lines.len() >= 2 && is_for_line(lines[0]);
    if for_line {
        lines = &lines[1..];
    }
    // A closing before the block: asked only where it decides (most blocks
    // are refused before), and worked out once.
    let closing = OnceCell::new();
    let closing_before = || {
        *closing.get_or_init(|| {
            for_line || prev_block.is_some_and(|p| p.closing()) || prev.is_some_and(is_given_at)
        })
    };
    // What a sentence ending with a colon announces is a list ("Following
    // list of members of Commission …:" then "Robert Lansing, Henry White,
    // Commissioners Plenipotentiary."), not a signer; a label ("For the
    // Secretary of State:", "Attest:", "By order of the commander in chief
    // of the allied forces:") is another thing.
    if prev.is_some_and(|p| {
        let p = p.trim();
        p.ends_with(':')
            && !closing_before()
            && !is_label(p)
            && !p.starts_with("By ")
            && p.split_whitespace().count() > 3
    }) {
        return None;
    }
    let first = *lines.first()?;
    // A telegram signed by a man whose name is also a place ("Washington")
    // ends with that word alone.
    if next.is_none() && lines.len() == 1 && is_place_word(first) {
        return Some(first.to_string());
    }
    // A letter quoted inside another ("“I have the honor, &c.\n“JAMES S.
    // PIKE.") is signed only after its formal closing; a quoted name
    // elsewhere ("“ROBERT BUNCH.”" under an endorsement) is not a signature,
    // unless it closes both the quotation and the document ("“MANDERSTRÖM.”"
    // at the end of a quoted despatch).
    let ends_quoted_document = next.is_none()
        && lines.len() == 1
        && first.ends_with(['”', '"'])
        && is_caps_name(first)
        && is_plain_caps_name(first);
    if first.starts_with(['“', '"'])
        && !prev.is_some_and(is_formal_closing)
        && !ends_quoted_document
    {
        return None;
    }
    if lines.first().is_some_and(|l| l.starts_with('•')) {
        return listed_signers(lines)
            .filter(|_| closing_before() || ends_letter(text, lines, next));
    }
    if is_address(first)
        || lines.len() > 4
        || lines.last().is_some_and(|l| l.ends_with(':'))
        || is_place_over_date(lines)
    {
        return None;
    }
    // "The Civil Governor, JACINTHO ANTONIO PERDIGAO.": the title before
    // the name in capitals, after a closing.
    // Both shapes open with "The " (the title of the first): tested
    // before the closing, which is otherwise asked of every block of one
    // line (issue 4).
    if lines.len() == 1
        && first.starts_with("The ")
        && (is_titled_caps_name(first) || is_the_title_name(first))
        && closing_before()
    {
        return Some(first.to_string());
    }
    // A heading in capitals ("THE EXTRADITION OF COLONEL ARGUELLES.") needs
    // the context of a closing to be taken for a name.
    // Nor is a name followed by a style in capitals ("VICTOR EMANUEL II, BY
    // THE GRACE OF GOD AND THE WILL OF THE PEOPLE, KING OF ITALY." heading a
    // decree).
    // (Asked only of a name in capitals.)
    let caps_style =
        || split_at_comma(first).is_some_and(|(_, t)| is_caps_text(t) && is_caps_heading(t));
    let caps =
        is_caps_name(first) && !caps_style() && (closing_before() || is_plain_caps_name(first));
    if !caps && !is_name(first) {
        return None;
    }
    // A place or date under the name in the same block ("Chang
    // Chih-tung.\n20th Chinese Moon. (November 11, 1900.)").
    let end_after = ends_letter(text, lines, next);
    // A name with a comma over its title lines and nothing else
    // ("A. von Waldersee,\nGeneral Field Marshal.") has the shape of a
    // signature wherever it stands.
    // So has one line of a name and a title ("Count Waldersee, Field
    // Marshal.").
    let titled = (lines.len() >= 2
        && lines[0].ends_with(',')
        && is_name(lines[0])
        && !is_title(lines[0])
        && lines[1..].iter().all(|l| is_title(l)))
        || (lines.len() == 1
            && split_at_comma_space(first, false).is_some_and(|(name, title)| {
                is_name(name) && !is_title(name) && is_title(title) && title.ends_with('.')
            }));
    if !(end_after || caps || titled || closing_before()) {
        return None;
    }
    // Under a quoted paragraph left open ("“Signed in duplicate, on the
    // twenty-first day of June …" over "N. Clemente Ponce" over "E.
    // Castro Oyanguren.”", frus1934v04 d560), a name is the quoted
    // paper's signer, which the editors leave unmarked; but after the
    // quoted letter's formal closing, as above. A name at the end of the
    // text ("“MANDERSTRÖM.”", frus1864p4 d433; "Chiang Kai-shek\n”",
    // frus1942China d76) signs the quoted document, which the record is.
    // Asked only of a block that would otherwise be a signature, and with
    // the memchr crate's search: a quoted paragraph is read whole (issue 4).
    if next.is_some()
        && prev.is_some_and(|p| {
            let p = p.trim_start();
            p.starts_with('“')
                && memchr::memmem::find(p.as_bytes(), "”".as_bytes()).is_none()
                && !is_formal_closing(p)
        })
    {
        return None;
    }
    // Right under a head ("The French Minister of Blockade … (Lebrun) to
    // the American Delegation" over "S. G. E.", frus1917Supp02v02 d303)
    // a letter begins: a reference or a salutation, not its signer. A head
    // is short, and ends with a period only when shorter still ("Mr. Hay to
    // Mr. Conger."): a telegram's sentence may read as one ("Honduran
    // Minister to Costa Rica, Medál, flying tomorrow to Tegucigalpa …" over
    // "Sack", frus1934v04 d530). The head test is dear: only a line with
    // " to " in it is asked (issue 4).
    if prev.is_some_and(|p| {
        let p = trim(p);
        p.len() <= if p.ends_with('.') { 60 } else { 150 }
            && memchr::memmem::find(p.as_bytes(), b" to ").is_some()
            && head::is_strong_head(p)
    }) {
        return None;
    }
    // Without a closing before it or an end after it, a name in capitals
    // needs an initial or three words: "J. RUSSELL.", not "CORRESPONDENCE."
    // or "OFFICIAL PAPERS.".
    if !end_after && !closing_before() {
        let name = before_comma(first);
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
    // An initial alone ends a letter ("W." under a postscript); with a
    // title under it ("G\nBrigadier General, USA") it is a signature too.
    let initial = first.trim_end_matches('.');
    if initial.len() == 1 && initial.chars().all(|c| c.is_ascii_uppercase()) {
        // Not after an address, where "A." labels the annex that follows.
        let after_letter = closing_before() || prev.is_some_and(|p| p.starts_with("P. S."));
        if lines.len() == 1 && next.is_none() && first.ends_with('.') && after_letter {
            return Some(first.to_string());
        }
        if lines.len() == 2 && is_title(lines[1]) && (next.is_none() || closing_before()) {
            return Some(lines.join(" "));
        }
    }
    // One letter is an annex label ("A.", "(B.)"), not a name.
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2 || first.starts_with('(') {
        return None;
    }
    if !caps
        && !closing_before()
        && lines.len() == 1
        && first.split_whitespace().count() == 1
        && next.is_some_and(|n| {
            // A bracketed word ("[Subinclosure.]") is a name only before
            // another bracket.
            !(n.starts_with('[')
                || (!text.starts_with('[')
                    && (n.starts_with('(')
                        || n.starts_with("No. ")
                        || n.starts_with("Note.")
                        || (is_title_line(n) && is_place_date_any(n)))))
        })
    {
        return None;
    }
    Some(with_titles(lines).join(" "))
}

/// Whether the letter ends after the block `text` (its `lines`), from
/// what follows it: nothing, an address, an enclosure, a date, a head.
fn ends_letter(text: &str, lines: &[&str], next: Option<&str>) -> bool {
    // A place or date under the name in the same block ("Chang
    // Chih-tung.\n20th Chinese Moon. (November 11, 1900.)").
    let dated = lines.len() > 1 && lines[1..].iter().any(|l| is_place_date(l));
    dated
        || match next {
            None => true,
            Some(n) => {
                n.starts_with('[')
                    || n.starts_with('(')
                    || n.starts_with("No. ")
                    || n.starts_with("Note.")
                    // An address ("To the Editor of the Times:"), not a
                    // sentence ("To summarize all the conditions …").
                    || (is_address(n) && !(n.starts_with("To ") && n.len() > 100))
                    || n.starts_with("Sir")
                    || n.starts_with("P. S.")
                    || n.starts_with("Enclosure")
                    || n.starts_with("Inclosure")
                    || n.starts_with("Attachment")
                    || n.starts_with("By the ")
                    || n.starts_with("Approved")
                    // A jurat under an affidavit: the name over it is the
                    // affiant's ("Norman L. Latson.\n\nSworn to and
                    // subscribed before me …", frus1894Nicaragua d110).
                    || n.starts_with("Sworn to")
                    || n.starts_with("Subscribed and sworn")
                    // An attestation under a translated or copied paper:
                    // the names over it signed the paper ("• H. F.
                    // Bingham.\n\nCorrect translation:", frus1894Nicaragua
                    // d10).
                    || is_attestation(n)
                    || is_bare_date(n)
                    || (is_place_date(n) && !text.trim_end().ends_with(','))
                    || is_title_line(n)
                    // The dearest tests last.
                    || dateline::parse(n, 0).is_some()
                    || head::is_strong_head(n)
            }
        }
}

/// The most lines of a list of signers as items ([`listed_signers`]).
const MAX_LISTED: usize = 24;

/// Signers listed as items, each with its title lines, signed together
/// (the editors keep them in one `<signed>`, lines joined): "• David Hunter
/// Miller\n• James Brown Scott", "• W. Sifborger,\nSuperintendent\n• H.
/// Berkenhagen,\nWarden of the Moravian Mission on the Mosquito Coast.",
/// "• IASIGI & CO, of Boston.\n• JACOB BALLADUR & CO.".
fn listed_signers(lines: &[&str]) -> Option<String> {
    if !lines.first().is_some_and(|l| l.starts_with('•')) {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    let mut prev_item = "";
    // Whether the items so far hold a name, and whether a country label
    // waits for its signer.
    let (mut named, mut label_open) = (false, false);
    for l in lines {
        if let Some(item) = l.strip_prefix('•') {
            let item = item.trim();
            // A signatory's country over its signers ("• United States of
            // America:\n• Robert Woods Bliss\n• France:\n• A. Lebrun",
            // frus1917Supp02v02 d306): kept, as the editors keep it in the
            // `<signed>`.
            if is_country_label(item) {
                if label_open {
                    return None;
                }
                label_open = true;
                prev_item = item;
                out.push(item);
                continue;
            }
            // Each item begins with a name; what follows its comma is a
            // title ("Taotai at Shanghai.").
            // A list of people in a sentence ("Secretary Dulles, Mr.
            // Murphy, …", "First, a high official of the Navy; …") is long
            // or has semicolons.
            // Nor does a signer style himself: "• Mr. Henry M.
            // Robinson.\nMember of the Dawes Commission, …" lists a
            // delegation (frus1927v01 d203).
            let name = before_comma(item);
            if !(is_name(name) || is_particle_name(name))
                || name.starts_with("Mr. ")
                || name.starts_with("Mrs. ")
                || item.contains(';')
                || item.chars().count() > 100
            {
                return None;
            }
            (named, label_open) = (true, false);
            prev_item = item;
            out.push(item);
        } else if prev_item.ends_with(',')
            || is_title(l)
            || (l.chars().next().is_some_and(char::is_uppercase) && !is_name(l))
        {
            // A title line under an item ending with a comma
            // ("Superintendent", "Committee."), or under a bare name ("•
            // [Eustace Percy]\nOn behalf of British members").
            prev_item = l;
            out.push(l);
        } else {
            return None;
        }
    }
    (named && !label_open).then(|| out.join(" "))
}

/// A country over its signers in a list: "United States of America:",
/// "Great Britain:", "Switzerland:". Capitalised words and particles, a
/// final colon.
fn is_country_label(item: &str) -> bool {
    item.strip_suffix(':').is_some_and(|c| {
        c.len() <= 40
            && c.split_whitespace().all(|w| {
                w.starts_with(|ch: char| ch.is_uppercase()) || matches!(w, "of" | "the" | "and")
            })
    })
}

/// A surname that opens with a particle in lower case, which the name test
/// refuses: "dell ’abbadessa" (frus1917Supp02v02 d283), "Ant.
/// dell’Abbadessa" (d306), "de Giers". An abbreviated forename may come
/// first. The particles are those that open a surname, not the whole of
/// [`PARTICLES`], which holds the small words inside a name ("and", "y",
/// "la") too.
fn is_particle_name(name: &str) -> bool {
    let mut rest = name.trim();
    if let Some((first, tail)) = rest.split_once(' ') {
        if first.len() <= 5 && first.ends_with('.') && first.starts_with(char::is_uppercase) {
            rest = tail.trim_start();
        }
    }
    let Some(cut) = rest.find([' ', '’', '\'']) else {
        return false;
    };
    let (particle, surname) = rest.split_at(cut);
    let surname = surname.trim_start_matches([' ', '’', '\'']);
    matches!(
        particle,
        "de" | "del" | "dell" | "della" | "di" | "da" | "van" | "von"
    ) && !surname.is_empty()
        && !surname.contains(' ')
}

/// A place over a date without a year, a dateline at the foot of a paper:
/// "Buenos Ayres,\nForeign Office, September 8." (frus1882 d56). The
/// place ends with a comma and a line under it with a month and a day.
fn is_place_over_date(lines: &[&str]) -> bool {
    lines.len() >= 2
        && lines[0].ends_with(',')
        && lines[1..].iter().any(|l| {
            let mut words = l.trim_end_matches('.').rsplit(' ');
            let day = words.next().unwrap_or("");
            let month = words.next().unwrap_or("");
            (1..=2).contains(&day.len())
                && day.bytes().all(|b| b.is_ascii_digit())
                && dateline::MONTHS.contains(&month)
        })
}

/// The line that certifies a copy or a translation: "Correct
/// translation:", "This is a true translation.", "A true copy.", "Correct
/// copy.".
fn is_attestation(line: &str) -> bool {
    let l = line
        .strip_prefix("This is ")
        .unwrap_or(line)
        .trim_start_matches("A ")
        .trim_start_matches("a ");
    ["Correct ", "correct ", "True ", "true "].iter().any(|p| {
        l.strip_prefix(p)
            .is_some_and(|r| r.starts_with("copy") || r.starts_with("translation"))
    })
}

/// "[l. s.]", "[seal.]", "[L. S.]".
fn is_seal(line: &str) -> bool {
    line.len() <= 7
        && ["[l. s.]", "[seal.]", "[seal]", "[l.s.]", "l. s.]", "[l. s."]
            .iter()
            .any(|s| line.eq_ignore_ascii_case(s))
}

/// A one-line title of an attached paper ("Public Statement Issued by the
/// Exports Administrative Board, October 3, 1917"): capitalised, no final
/// period or colon.
fn is_title_line(t: &str) -> bool {
    let t = t.trim();
    // The length and the newline first: the word count would read a whole
    // paragraph (issue 4).
    if t.len() >= 200 || t.contains('\n') {
        return false;
    }
    let words = t.split_whitespace().count();
    words >= 3
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
    // At most 37 bytes match: a month of nine letters, and six `\d`
    // (Unicode digits, at most four bytes each). A paragraph is refused
    // from its length, not read by the regex (issue 4).
    let t = t.trim();
    t.len() <= 40 && RE.is_match(t)
}

/// A name in capitals without words that make it a heading: at most four
/// words, none of OF, THE, FROM, TO, AND, FOR, IN, A, ON, BY, no Roman
/// numeral alone.
fn is_plain_caps_name(line: &str) -> bool {
    let name = name_part(line);
    let words: Vec<&str> = name.split_whitespace().collect();
    let roman = words.len() == 1
        && words[0]
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    words.len() <= 4 && !roman && !is_caps_heading(name)
}

/// The part of a signature line before its first comma, without quotes
/// and a final period: "ALP VAN DEN PEEREBOOM" of "ALP VAN DEN PEEREBOOM,
/// Minister of the Interior.".
fn name_part(line: &str) -> &str {
    let l = trim(line).trim_matches(['“', '”', '"']);
    trim(before_comma(l)).trim_end_matches('.')
}

/// "J. RUSSELL.", "ALP VAN DEN PEEREBOOM, Minister of the Interior.",
/// "“MANDERSTRÖM.”": a name in capitals, optionally followed by a title.
fn is_caps_name(line: &str) -> bool {
    // The name's letters are those of the line before its first comma
    // ([`name_part`] trims only spaces, quotes and periods). Six ASCII
    // small letters there refuse it: of at most 50 letters (a longer name
    // is refused below), 90 % capitals leave at most five others. Most
    // lines are refused from their first words, before any trimming or
    // counting (issue 4).
    let mut small = 0;
    for &b in line.as_bytes() {
        if b == b',' {
            break;
        }
        small += usize::from(b.is_ascii_lowercase());
        if small == 6 {
            return false;
        }
    }
    let name = name_part(line);
    if name.len() > 50 {
        return false;
    }
    let (letters, upper) = letter_counts(name);
    if letters < 3 || upper * 10 < letters * 9 {
        return false;
    }
    if name.bytes().filter(u8::is_ascii_digit).count() >= 2
        || name.contains(['(', ')', ':', ';', '[', ']'])
    {
        return false;
    }
    // At most six words, none opening with a digit, none longer than 16
    // letters, none a heading word; nor may the name open with a heading
    // (a first word equal to one does).
    let mut words = 0;
    for w in name.split_whitespace() {
        words += 1;
        if words > 6
            || w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || w.chars().filter(|c| c.is_alphabetic()).count() > 16
            || is_heading(w.trim_end_matches('.'))
        {
            return false;
        }
    }
    words >= 1 && !HEADINGS.iter().any(|h| name.starts_with(h))
}

/// True when a line reads as a personal name ("JOSEPH A. WRIGHT.", "Hull",
/// "T. Matsudaira", "H. S. S.", "Pierrepont Moffat", "[Woodrow Wilson]").
fn is_name(line: &str) -> bool {
    let mut l = trim(line);
    // "JOSE DA SILVA MENDES. [seal.]": a seal has at most seven bytes, so
    // the last space (`rsplit_once(' ')`) is looked for among the last
    // eight bytes only; one further back leaves no seal after it (issue 4).
    let tail = l.len().saturating_sub(8);
    if let Some(at) = l.as_bytes()[tail..].iter().rposition(|&b| b == b' ') {
        let at = tail + at;
        if let (Some(name), Some(seal)) = (l.get(..at), l.get(at + 1..)) {
            if is_seal(seal) {
                l = name;
            }
        }
    }
    let l = l.trim_end_matches([',', '.']);
    let l = l
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(l);
    // "[Robert] Lansing", "J. [Theodore] M[arriner]": words the editors
    // supplied are part of the name.
    if l.is_empty() || l.len() > 60 || (l.starts_with('[') && !l.contains("] ")) || l.ends_with(':')
    {
        return false;
    }
    // At most seven words, kept on the stack (no allocation per line).
    let mut buf = [""; 7];
    let mut n = 0;
    for w in l.split_whitespace() {
        if n == buf.len() {
            return false;
        }
        buf[n] = w;
        n += 1;
    }
    let words = &buf[..n];
    if words.is_empty() {
        return false;
    }
    // "&c., &c., &c." after a name is not one.
    if words[0].starts_with('&') {
        return false;
    }
    // "[Subenclosure—Translation]": the first word before a dash.
    let first_word = words[0].split('—').next().unwrap_or(words[0]);
    let first_word = first_word.trim_end_matches([',', '.', ':']);
    if is_not_name(first_word) {
        return false;
    }
    if l.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // "VI. Internationalized Trade Routes", "I. The Embargo": a numbered
    // section.
    if words.len() > 1 && (is_roman_numbered(words[0]) || words[1] == "The") {
        return false;
    }
    // Every word capitalised, or a particle: the test that refuses most
    // lines, before those that count letters (issue 4).
    let capitalised = words.iter().all(|w| {
        let w =
            w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '“' | '”' | '"' | '[' | ']'));
        w.is_empty()
            || is_particle(w)
            || w.chars().next().is_some_and(|c| c.is_uppercase())
            || w == "&c."
            // "BRADFORD R. WOOD. Minister Residents &c." loses the final
            // period of "&c." with the line's.
            || w == "&c"
            || w == "&"
            || w == "Jr."
    });
    if !capitalised {
        return false;
    }
    // A name in capitals must read as one, not as a heading ("THE DUTIES
    // OF NEUTRAL NATIONS.", "OFFICIAL PAPERS.", "SIGNED WITH THE ROYAL
    // HAND."), and no title in capitals with such words may follow it
    // ("VICTOR EMANUEL II, BY THE GRACE OF GOD …").
    let name = before_comma(l);
    if is_caps_text(name) && is_caps_heading(name) {
        return false;
    }
    if let Some((_, title)) = split_at_comma(l) {
        if is_caps_text(title) && is_caps_heading(title) {
            return false;
        }
    }
    true
}

/// The name line and the title lines that go with it: every line after a
/// line ending in a comma ("F. W. SEWARD,\nActing Secretary."), and lines
/// of title words ("Frank L. Polk\nCounselor", "JOHN DAVIS.\nActing
/// Secretary."); a place or a date ("The White House,", "20th Chinese
/// Moon.") ends it.
fn with_titles<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for l in lines {
        if out.is_empty() || continues(&out, l) {
            out.push(l);
        } else {
            break;
        }
    }
    out
}

/// A short place-and-date line or block after a signature: "The White
/// House, 6 April, 1917.", "The White House,\nMay 14, 1917.".
fn is_place_date(t: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b1[7-9]\d\d\b").expect("regex"));
    let t = t.trim();
    t.len() < 80
        && t.lines().count() <= 3
        && YEAR.is_match(t)
        && t.split_whitespace().count() <= 10
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "The Civil Governor, JACINTHO ANTONIO PERDIGAO.": a title beginning
/// with "The", a comma, and a plain name in capitals.
fn is_titled_caps_name(line: &str) -> bool {
    let Some((title, name)) = split_at_comma_space(line, true) else {
        return false;
    };
    title.starts_with("The ")
        && title.len() <= 60
        && !is_caps_text(title)
        && is_caps_name(name)
        && is_plain_caps_name(name)
        && name.split_whitespace().count() >= 2
}

/// "JOHN DAVIS.", "S. C. Braida.": a name closed by a period, not by an
/// initial or "Jr." ("W. R. Castle, Jr.", "Antonio Bermúdez M.").
fn ends_name_with_period(line: &str) -> bool {
    let Some(last) = line.split_whitespace().last() else {
        return false;
    };
    let word = last.trim_end_matches('.');
    last.ends_with('.')
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !matches!(word, "Jr" | "Sr")
}

/// Words of a heading in capitals, not of a name: "OF", "THE", "WITH",
/// "PROTOCOL", "PRESENT", "CORRESPONDENCE" ("SIGNED WITH THE ROYAL HAND.",
/// "FINAL PROTOCOL.", "OTHERS PRESENT").
fn is_caps_heading(name: &str) -> bool {
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
        "PAPERS",
        "OFFICIAL",
        "CORRESPONDENCE",
        "PROTOCOL",
        "PRESENT",
        "EXHIBIT",
        "MEETING",
        "SIGNED",
        "MEMORANDUM",
        "NOTE",
        "ANNEX",
        "APPENDIX",
        "REPORT",
        "TREATY",
        "CALL",
        "LIGHT-HOUSE",
    ];
    // An initial ("A. B.") is not the article "A".
    name.split_whitespace()
        .filter(|w| !(w.len() == 2 && w.ends_with('.')))
        .any(|w| STOP.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether `line` continues the signature `sig` (its lines so far) as a
/// title: after a comma ("F. W. SEWARD,\nActing Secretary."), or title
/// words after a name closed by a period ("JOHN DAVIS.\nActing
/// Secretary."), not after a bare name ("Leon H. Ellis\nSecretary of
/// Legation", where the editors leave the title out).
fn continues(sig: &[&str], line: &str) -> bool {
    let Some(last) = sig.last() else {
        return false;
    };
    last.ends_with(',') || (is_title(line) && (sig.len() > 1 || ends_name_with_period(last)))
}

/// A word that names a place but is also a surname ("Washington").
fn is_place_word(line: &str) -> bool {
    line == "Washington"
}

/// The formal closing of a letter quoted inside another: "“I have the
/// honor, &c., &c.", "“I am, &c.,".
fn is_formal_closing(prev: &str) -> bool {
    // Two patterns, one alternation split in two: the word boundary of the
    // first keeps it off the fast engine, which then read a whole
    // paragraph for ".*obedient servant" (120,000 instructions a call).
    static OPENING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?i)^["“]?(?:I have the honou?r|I am\b)"#).expect("regex"));
    static SERVANT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?i)^["“]?.*obedient servant"#).expect("regex"));
    let p = prev.trim();
    OPENING.is_match(p) || SERVANT.is_match(p)
}

/// "The Marques de la VEGA de ARMIJO.": a title beginning with "The"
/// and a name with a surname in capitals.
fn is_the_title_name(line: &str) -> bool {
    if !line.starts_with("The ") {
        return false;
    }
    // At most eight words, kept on the stack: a sentence opening with
    // "The " is refused at its ninth word, not split whole and collected
    // (issue 4).
    let mut buf = [""; 8];
    let mut n = 0;
    for w in line.split_whitespace() {
        let Some(slot) = buf.get_mut(n) else {
            return false;
        };
        *slot = w;
        n += 1;
    }
    !line.contains(['(', ':', ';'])
        && buf[..n].iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.chars().count() >= 3 && w.chars().all(char::is_uppercase) && !is_caps_heading(w)
        })
}

/// "VI.", "XII.": a section number in Roman numerals (two letters at
/// least, so that the initial "V." stays a name).
fn is_roman_numbered(word: &str) -> bool {
    let Some(n) = word.strip_suffix('.') else {
        return false;
    };
    n.len() >= 2 && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The line that dates a decree or a treaty before its signers: "Given at
/// our marine residence …", "Done at London …", "Palace of Necessidades,
/// July 29, 1861.".
fn is_given_at(prev: &str) -> bool {
    static PLACE_DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(PLACE_DATE_SRC).expect("regex"));
    let p = trim(prev);
    // The pattern ends with a year ("1861", "1861."): a block that does not
    // (most) is never run through it.
    let ends_with_year = p
        .strip_suffix('.')
        .unwrap_or(p)
        .ends_with(|c: char| c.is_ascii_digit());
    p.starts_with("Given ")
        || p.starts_with("Done at ")
        || (ends_with_year && PLACE_DATE.is_match(p) && place_fits(p))
}

/// A place and a date closing a decree: "Palace of Necessidades, July 29,
/// 1861.". The place, up to its first comma (it holds none), is at most
/// 41 characters, which [`place_fits`] tests: in the pattern the bound
/// made a large automaton that the lazy DFA rebuilt on most calls (issue
/// 4). The place cannot pass the first comma, so the answers are those of
/// the bounded pattern.
const PLACE_DATE_SRC: &str = r"^[A-Z][^,\n]*, (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 1[7-9]\d\d\.?$";

/// Whether the text before the first comma of `p` is at most 41 characters
/// (`[A-Z][^,\n]{0,40}`).
fn place_fits(p: &str) -> bool {
    let place = before_comma(p);
    place.chars().count() <= 41
}

/// A year anywhere in a line: "Executive Order No. 2604, April 28, 1917".
fn is_place_date_any(t: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b1[7-9]\d\d\b").expect("regex"));
    YEAR.is_match(t)
}

/// "Captain Prevost.", "Lord Lyons.": a rank or a peer's title and one
/// surname, in small letters.
fn is_rank_and_surname(sig: &str) -> bool {
    const RANKS: &[&str] = &[
        "Lord",
        "Captain",
        "Commander",
        "Commodore",
        "Admiral",
        "General",
        "Colonel",
        "Major",
        "Lieutenant",
    ];
    // Two words exactly: the third is not looked for past (issue 4).
    let mut words = sig.split_whitespace();
    let (Some(rank), Some(surname), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    RANKS.contains(&rank) && !is_caps_text(surname)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_cuts_are_split() {
        for t in [
            "",
            ",",
            "a,b",
            "JOHN HAY, Secretary, &c.",
            "no comma",
            "é,ü,",
            "“X”,",
        ] {
            assert_eq!(before_comma(t), t.split(',').next().unwrap(), "{t:?}");
            assert_eq!(split_at_comma(t), t.split_once(','), "{t:?}");
        }
    }

    /// [`is_given_at`]'s pattern and [`place_fits`] answer as the bounded
    /// pattern did.
    #[test]
    fn place_fits_is_the_bounded_pattern() {
        let bounded = Regex::new(&PLACE_DATE_SRC.replace(r"[^,\n]*", r"[^,\n]{0,40}")).unwrap();
        let unbounded = Regex::new(PLACE_DATE_SRC).unwrap();
        for p in [
            "Palace of Necessidades, July 29, 1861.",
            "Palace of Necessidades, July 29, 1861",
            &format!("P{}, July 29, 1861.", "x".repeat(40)),
            &format!("P{}, July 29, 1861.", "x".repeat(41)),
            &format!("P{}, July 29, 1861.", "é".repeat(40)),
            &format!("P{}, July 29, 1861.", "é".repeat(41)),
            "Palace, of Necessidades, July 29, 1861.",
            "Palace\nof Necessidades, July 29, 1861.",
            "palace of Necessidades, July 29, 1861.",
            "Palace of Necessidades, July 29, 1961.",
        ] {
            assert_eq!(
                unbounded.is_match(p) && place_fits(p),
                bounded.is_match(p),
                "{p:?}"
            );
        }
    }

    fn blocks<'a>(texts: &[&'a str]) -> Vec<Block<'a>> {
        texts
            .iter()
            .map(|t| Block {
                text: t,
                lines: t.lines().count(),
                numbered: false,
            })
            .collect()
    }

    #[test]
    fn trimmed_lines_are_lines_trimmed() {
        for text in [
            "",
            "one",
            "one\n",
            "\n\none\n\n",
            "  a  \r\n b\r\n\r\nc\r",
            "For Germany,\nA. Mumm.\nFor Austria-Hungary,\nM. Czikann.",
            "\u{a0}É\u{2003}\n  “x”  ",
        ] {
            let got: Vec<&str> = trimmed_lines(text).filter(|l| !l.is_empty()).collect();
            let want: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        assert_eq!(trimmed_lines("a\n\n b").collect::<Vec<_>>(), ["a", "", "b"]);
    }

    #[test]
    fn letter_counts_table() {
        for (text, want) in [
            ("", (0, 0)),
            ("J. R. LOWELL.", (8, 8)),
            ("Hull", (4, 1)),
            ("MANDERSTRÖM", (11, 11)),
            ("Chargé d’affaires", (15, 1)),
            ("ΑΘΗΝΑ αθηνα 1900", (10, 5)),
            ("12, “—” ½", (0, 0)),
            ("E. P. BROOKS, Consul, &c.", (15, 9)),
            (
                "the quick brown fox jumps over THE LAZY DOG [1900] {z} `a` @Z",
                (38, 11),
            ),
        ] {
            assert_eq!(letter_counts(text), want, "{text}");
            // As counted char by char.
            let chars = text.chars().filter(|c| c.is_alphabetic());
            let by_char = (
                chars.clone().count(),
                chars.filter(|c| c.is_uppercase()).count(),
            );
            assert_eq!(letter_counts(text), by_char, "{text}");
        }
    }

    #[test]
    fn caps_names_table() {
        for (line, want) in [
            ("J. R. LOWELL.", true),
            ("E. P. BROOKS, Consul, &c.", true),
            // One small letter in twelve, then two (90 % capitals).
            ("JOHN W. McKEANE, Captain.", true),
            ("JOHN W. McKeANE, Captain.", false),
            ("WM. W. McKEAN, Captain.", false),
            ("“MANDERSTRÖM.”", true),
            // Four small letters, 45 letters.
            ("ABCDEFGHIJKLMNO PQRSTUVWXYZABCD EFGHIJKLMNOabcd", true),
            ("ABCDEFGHIJKLMNO PQRSTUVWXYZABCD EFGHIJKLMNabcde", false),
            // Small letters after the comma do not count.
            ("JOHN DAVIS, Acting Secretary of the Navy.", true),
            ("I have the honor to be, sir,", false),
            ("Sincerely yours,", false),
            ("SUBJECT: TRADE", false),
        ] {
            assert_eq!(is_caps_name(line), want, "{line}");
        }
    }

    /// Every ASCII byte, at every place of an eight-byte word, between
    /// letters, capitals and non-ASCII characters: counted as char by char.
    #[test]
    fn letter_counts_of_every_byte_at_every_place() {
        let by_char = |t: &str| {
            let chars = t.chars().filter(|c| c.is_alphabetic());
            (
                chars.clone().count(),
                chars.filter(|c| c.is_uppercase()).count(),
            )
        };
        for b in 0u8..0x80 {
            let c = char::from(b);
            for fill in ["", "a", "Z", "é", "’", "Ö", "x1", "ÆØ—"] {
                for before in 0..9 {
                    let t: String = std::iter::repeat_n(fill, before)
                        .chain([c.to_string().as_str()])
                        .chain(std::iter::repeat_n(fill, 3))
                        .collect();
                    assert_eq!(letter_counts(&t), by_char(&t), "{t:?}");
                }
            }
        }
    }

    /// Each `word_set!` test answers as `contains` on its list, for the
    /// list's words and near misses.
    #[test]
    fn word_sets_are_their_lists() {
        let sets: [(&[&str], fn(&str) -> bool); 3] = [
            (HEADINGS, is_heading),
            (PARTICLES, is_particle),
            (NOT_NAMES, is_not_name),
        ];
        for (list, is) in sets {
            assert!(!list.is_empty());
            for &w in list {
                // The word itself, and near misses: another case, a
                // letter more or less, a period after it.
                let lower = w.to_lowercase();
                let upper = w.to_uppercase();
                let longer = format!("{w}s");
                let dotted = format!("{w}.");
                let shorter = &w[..w.len() - w.chars().next_back().map_or(0, char::len_utf8)];
                for v in [w, &lower, &upper, &longer, &dotted, shorter, ""] {
                    assert_eq!(is(v), list.contains(&v), "{v:?}");
                }
            }
        }
        for (v, heading, particle, not_name) in [
            ("TREATY", true, false, false),
            ("Treaty", false, false, false),
            ("von", false, true, false),
            ("d’", false, true, false),
            ("Am[erican]", false, false, true),
            ("Hull", false, false, false),
        ] {
            assert_eq!(is_heading(v), heading, "{v}");
            assert_eq!(is_particle(v), particle, "{v}");
            assert_eq!(is_not_name(v), not_name, "{v}");
        }
    }

    #[test]
    fn may_open_label_keeps_every_label() {
        for (t, open) in [
            ("For the Secretary of State:", true),
            ("(For the Secretary of State:)", true),
            ("FOR THE PRESIDENT:", true),
            ("for the Commission:", true),
            ("Communicated.", true),
            ("(Communicate.)", true),
            ("COMMUNICATED", true),
            ("communicated", true),
            ("\u{212a}ey", true),
            ("I have the honor, &c.", false),
            ("Respectfully,", false),
            ("[For] The President", false),
            (" For the Secretary:", false),
            ("", false),
        ] {
            assert_eq!(may_open_label(t), open, "{t}");
            // Never refuses a block the regex takes.
            if CLOSING_START.is_match(t) {
                assert!(may_open_label(t), "{t}");
            }
            assert_eq!(
                closing(t),
                CLOSING_END.is_match(t) || CLOSING_START.is_match(t),
                "{t}"
            );
        }
    }

    /// The two closing regexes together answer as the one regex they
    /// replace (its pattern kept here), on closings, labels and neither.
    #[test]
    fn closing_is_the_one_regex_split() {
        let one = Regex::new(r"(?i)(?:obedient servant|I have the honou?r|respectfully|sincerely|faithfully|very truly|cordially|\[etc\.?\]|&c\.?|,\s*etc\.?|I am,|believe me|yours|consideration\.?|regards|submitted|(?:God )?preserve (?:you|your excellency)(?: many years)?|attest:?)[,.]?\s*$|,\s*$|^\(?For (?:the )?[A-Z][^\n]{0,60}[:)]$|^\(?Communicated?\.?\)?$").unwrap();
        let cases = [
            ("I have the honor to be, sir, your obedient servant,", true),
            ("I have the honor to be, &c.", true),
            ("Respectfully submitted.  \n", true),
            ("God preserve your excellency many years.", true),
            ("Very truly yours,\n", true),
            ("Attest:", true),
            ("and so on, etc.", true),
            ("a sentence ending with a comma,", true),
            ("For the Secretary of State:", true),
            ("for the secretary of state:", true),
            ("(For the President)", true),
            ("(Communicated.)", true),
            ("Communicate", true),
            ("Communicated by the minister", false),
            ("For the Secretary of State:\nsecond line", false),
            ("Text before.\nFor the Secretary of State:", false),
            ("The President has the honor to inform the Senate.", false),
            ("Sincerely yours, and more words after it.", false),
            ("", false),
            ("yours", true),
            ("YOURS.\u{2003}", true),
            ("“quoted” and ended.", false),
        ];
        for (text, want) in cases {
            assert_eq!(one.is_match(text), want, "{text:?}");
            assert_eq!(closing(text), want, "{text:?}");
        }
    }

    /// Each case is a run of blocks copied from the named document of the
    /// FRUS corpus and the signatures its TEI marks there.
    #[test]
    fn closers_of_real_documents() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            // frus1882/d190: two signers of a treaty under seals.
            (
                "seals",
                &[
                    "Done at London the thirteenth day of May, in the year of our Lord one thousand eight hundred and seventy.",
                    "[l. s.]\nCLARENDON.\n[l. s.]\nJOHN LOTHROP MOTLEY.",
                ],
                &["CLARENDON.", "JOHN LOTHROP MOTLEY."],
            ),
            // frus1934v04/d698: the titles after the seals are left out.
            (
                "seals and titles",
                &[
                    "In faith whereof, the undersigned, being duly authorized, sign the present contract.",
                    "Cordell Hull\n[Seal]\nSecretary of State of the United States of America.\nR. de Lima e Silva\n[Seal]\nAmbassador Extraordinary and Plenipotentiary of the United States of Brazil.",
                ],
                &["Cordell Hull", "R. de Lima e Silva"],
            ),
            // frus1894Nicaragua/d110: an affiant's name over the jurat,
            // and the officer's under it.
            (
                "affidavit",
                &[
                    "Affiant further states that he is a native of the United States.",
                    "Norman L. Latson.",
                    "Sworn to and subscribed before me this September 22, A. D. 1894.",
                    "[l. s.]\nB. B. Seat,\nUnited States Consular Agent.",
                ],
                &["Norman L. Latson.", "B. B. Seat, United States Consular Agent."],
            ),
            // The jurat's other order of words.
            (
                "affidavit, subscribed and sworn",
                &[
                    "Affiant further states that the vessel was boarded at night.",
                    "Charles H. Dennis.",
                    "Subscribed and sworn to before me this 3d day of May, 1882.",
                ],
                &["Charles H. Dennis."],
            ),
            // frus1894Nicaragua/d81 (the list cut to three of its six
            // names): signers listed as items, no closing over them, an
            // attestation under them.
            (
                "listed signers over an attestation",
                &[
                    "The present decree will be forwarded in copy to the commissioner of the Republic.",
                    "• Denis H. Thomas.\n• Oscar Lacayo.\n• Aubert,\nSecretary.",
                    "This is a true translation.",
                    "S. C Braida,\nUnited States Consul.",
                ],
                &[
                    "Denis H. Thomas. Oscar Lacayo. Aubert, Secretary.",
                    "S. C Braida, United States Consul.",
                ],
            ),
            // frus1894Nicaragua/d10 (the article before cut short): the
            // attestation's other wording.
            (
                "listed signers over a correct translation",
                &[
                    "• No. IV. The commissioner declares that he will respect all international promises.",
                    "• C. A. Lacayo.\n• H. Howe.\n• H. F. Bingham.",
                    "Correct translation:\nS. C. Braida,\nUnited States Consul.",
                ],
                &[
                    "C. A. Lacayo. H. Howe. H. F. Bingham.",
                    "S. C. Braida, United States Consul.",
                ],
            ),
            // frus1882/d56 (the paragraph before cut short): a place over a
            // date without a year at the foot of a paper, over an
            // attestation: no signer.
            (
                "place over a date",
                &[
                    "In August (31st), 1881, the Argentine minister informs the department.",
                    "Buenos Ayres,\nForeign Office, September 8.",
                    "A true translation from the original in this department.",
                ],
                &[],
            ),
            // frus1934v04/d560 (blocks of the enclosure, its paragraphs cut
            // short): the signers of a protocol quoted in it, the quotation
            // still open over the first.
            (
                "signers inside a quotation",
                &[
                    "Respectfully yours.",
                    "For the Ambassador:\nLouis G. Dreyfus, Jr.",
                    "With these antecedents there was signed in Quito the protocol of June 21, 1924, the text of which is as follows:",
                    "“Signed in duplicate, on the twenty-first day of June of the year one thousand nine hundred and twenty-four.",
                    "N. Clemente Ponce",
                    "E. Castro Oyanguren.”",
                    "IV",
                    "The Government of Peru, in a note dated October 18, 1933, invited the Government of Ecuador to initiate direct negotiations.",
                ],
                &["Louis G. Dreyfus, Jr."],
            ),
            // frus1942China/d76: a telegram quoted whole, its signer over
            // the closing quote at the end of the text.
            (
                "signer over the closing quote",
                &[
                    "“Air transportation is now a matter of great urgency.",
                    "Chiang Kai-shek\n”",
                ],
                &["Chiang Kai-shek"],
            ),
            // frus1917Supp02v02/d306: signatories under their countries,
            // as items, kept whole; a surname with a particle.
            (
                "signers as items under countries",
                &[
                    "Done at Paris in four originals by the representatives of the four contracting Governments, on December 17, 1917.",
                    "• United States of America:\n• Robert Woods Bliss\n• France:\n• A. Lebrun\n• Delavaud\n• Chasseriau\n• Great Britain:\n• Joseph Addison\n• J. T. Meadows Smith\n• Italy:\n• Ant. dell’Abbadessa",
                ],
                &["United States of America: Robert Woods Bliss France: A. Lebrun Delavaud Chasseriau Great Britain: Joseph Addison J. T. Meadows Smith Italy: Ant. dell’Abbadessa"],
            ),
            // A country with no signer under it is no list of signers.
            (
                "country label without a signer",
                &[
                    "Done at Paris in four originals, on December 17, 1917.",
                    "• United States of America:\n• Robert Woods Bliss\n• France:",
                ],
                &[],
            ),
            // frus1934v04/d463: nine signers as items, a list longer than
            // a signature block of eight lines.
            (
                "nine signers as items",
                &[
                    "In faith of which the Plenipotentiaries above-mentioned have signed the present Additional Act.",
                    "• Afranio de Mello Franco\n• Roberto Urdaneta Arbeláez\n• Guillermo Valencia\n• Luíz Cano\n• Victor M. Maúrtua\n• V. A. Belaunde\n• Alberto Ulloa\n• Eliseo Arango, srio.\n• Raúl Porras B., srio.",
                ],
                &["Afranio de Mello Franco Roberto Urdaneta Arbeláez Guillermo Valencia Luíz Cano Victor M. Maúrtua V. A. Belaunde Alberto Ulloa Eliseo Arango, srio. Raúl Porras B., srio."],
            ),
            // frus1927v01/d203 (three of the five delegates, offices and
            // paragraph cut short): a delegation listed with their styles
            // and offices, over a paragraph that opens with "Mr.".
            (
                "delegates as items",
                &[
                    "Delegates:",
                    "• Mr. Henry M. Robinson.\nMember of the Dawes Commission.\n• Mr. Norman H. Davis.\nFormerly Assistant Secretary of Treasury.\n• Mr. Julius Klein.\nDirector, Bureau of Foreign and Domestic Commerce.",
                    "Mr. Robinson and Mr. O’Leary served on the Committee on Industry.",
                ],
                &[],
            ),
            // frus1917Supp02v02/d303: initials under the head of an
            // annex are a reference, not a signer.
            (
                "initials under a head",
                &[
                    "The French Minister of Blockade and of the Liberated Regions (Lebrun) to the American Delegation",
                    "S. G. E.",
                    "Memorandum between the War Trade Board and Switzerland",
                ],
                &[],
            ),
            // frus1934v04/d530: a telegram's one sentence reads as a head;
            // its signer is under it.
            (
                "signer under a telegram's sentence",
                &[
                    "Honduran Minister to Costa Rica, Medál, flying tomorrow to Tegucigalpa for conferences before appointment as delegate to Guatemala Conference.",
                    "Sack",
                ],
                &["Sack"],
            ),
            // frus1901China/d61: signers under "For <country>,".
            (
                "for each country",
                &[
                    "Peking, December 22, 1900.",
                    "For Germany,\nA. Mumm.\nFor Austria-Hungary,\nM. Czikann.\nFor Belgium,\nJoostens.",
                ],
                &["A. Mumm.", "M. Czikann.", "Joostens."],
            ),
            // frus1861/d186: a heading and a title before the name.
            (
                "signed with the royal hand",
                &[
                    "Palace, on the seventeenth of June, one thousand eight hundred and sixty-one.",
                    "SIGNED WITH THE ROYAL HAND.\nThe minister of state,\nSATURNINO CALDERON COLLANTES.",
                ],
                &["SATURNINO CALDERON COLLANTES."],
            ),
            // frus1861/d124: the address after a signature in capitals.
            (
                "address after the signature",
                &[
                    "I am, sir, your obedient servant,",
                    "WM. W. McKEAN, Captain.",
                    "Flag Officer William Mervine,\nCommanding Gulf Blockading Squadron,\nUnited States Steam Frigate “Colorado.”",
                ],
                &["WM. W. McKEAN, Captain."],
            ),
            // frus1864p4/d435: a heading in capitals before a letter.
            (
                "heading in capitals",
                &["[Untitled]", "THE DUTIES OF NEUTRAL NATIONS.", "To the Editor of the Times:"],
                &[],
            ),
            // frus1861/d84: a quoted name under an endorsement.
            (
                "quoted endorsement",
                &[
                    "“On her Britannic Majesty’s service. The right honorable the Lord John Russell, M. P., &c., &c., &c. Despatches in charge of Robert Mure, esq.",
                    "“ROBERT BUNCH.”",
                    "Agreeably to instructions communicated by my government to me, I have the honor to transmit the same.",
                ],
                &[],
            ),
            // frus1861/d282: a quoted letter signed after its closing.
            (
                "quoted letter",
                &["“I have the honor, &c., &c.", "“JAMES S. PIKE.", "“Baron Van Zuylen, &c., &c.”"],
                &["“JAMES S. PIKE."],
            ),
            // frus1882/d366: a title after a name closed by a period.
            (
                "title after a period",
                &["I am, &c.,", "JOHN DAVIS.\nActing Secretary."],
                &["JOHN DAVIS. Acting Secretary."],
            ),
            // frus1927v01/d187: no title after a bare name.
            (
                "no title after a bare name",
                &["I have [etc.]", "For the Minister:\nLeon H. Ellis\nSecretary of Legation"],
                &["Leon H. Ellis"],
            ),
            // frus1934v04/d466: the chargé Washington signs a telegram.
            (
                "a name that is a place",
                &[
                    "You might consider the advisability of explaining personally concern regarding matter to the Colombian Chargé d’Affaires in Washington.",
                    "Washington",
                ],
                &["Washington"],
            ),
            // frus1864p4/d357: a title before a name in capitals.
            (
                "title before the name",
                &[
                    "God preserve your excellency.",
                    "The Civil Governor, JACINTHO ANTONIO PERDIGAO.",
                    "His Excellency the Captain of the Port of Funchal.",
                ],
                &["The Civil Governor, JACINTHO ANTONIO PERDIGAO."],
            ),
            // frus1917Supp02v02/d383: the countersignature is not marked.
            (
                "countersignature",
                &[
                    "[seal] Done at the city of Washington this twenty-third day of May in the year of our Lord one thousand nine hundred and seventeen.",
                    "Woodrow Wilson",
                    "By the President:\nRobert Lansing,\nSecretary of State.",
                ],
                &["Woodrow Wilson"],
            ),
            // frus1882/d191: "(Signed)" before initials.
            (
                "signed label and initials",
                &["I, A. B., of (insert abode), being originally a citizen of the United States of America, do hereby renounce my naturalization.", "(Signed)\nA. B."],
                &["A. B."],
            ),
            // frus1901China/d26: an address ending with a place after a
            // signature in small letters.
            (
                "address with a place",
                &["Accept, sir, the renewed assurances of my highest consideration.", "David J. Hill,\nActing Secretary.", "Freiherr Speck von Sternburg,\nWashington."],
                &["David J. Hill, Acting Secretary."],
            ),
            // frus1872p2v5/d105: the addressee of an extract.
            (
                "rank and surname",
                &["If, however, the commissioner of the United States will not adopt the line along Rosario Strait, you would be at liberty to adopt any other channel.", "Captain Prevost."],
                &[],
            ),
            // frus1901China/d115: a telegram signed with a surname, then a note.
            (
                "surname before a note",
                &["I advise strongly that Peking be put on footing of treaty port.", "Rockhill.", "Note.—A similar telegram was sent to Consul Martin at Nanking May 17, 1901."],
                &["Rockhill."],
            ),
            // frus1901China/d50: a date under the name.
            (
                "date under the name",
                &["Sir: I have learned that the allied forces at Paoting Fu killed the provincial treasurer of Chihli.", "Chang Chih-tung.\n20th Chinese Moon. (November 11, 1900.)"],
                &["Chang Chih-tung."],
            ),
            // frus1861/d329: a decree signed after its place and date.
            (
                "after the date of a decree",
                &["Palace of Necessidades, July 29, 1861.", "KING."],
                &["KING."],
            ),
            // frus1919Parisv01/d315: a name completed by the editors.
            (
                "supplied name",
                &["Faithfully yours,", "[Robert] Lansing"],
                &["[Robert] Lansing"],
            ),
            // frus1864p4/d408: an initial under a postscript.
            (
                "initial under a postscript",
                &["P. S.—I have just learned that the Bremen steamers are sailing under a neutral flag, and that Mr. Hansen is not agent for the Hamburg steamers.", "W."],
                &["W."],
            ),
            // frus1864p4/d168: the label of the annex after the address.
            (
                "annex label after the address",
                &["Hon. William H. Seward, Secretary of State of the United States.", "A."],
                &[],
            ),
            // frus1958-60v11/d179: an initial and a title.
            (
                "initial and title",
                &["[Here follows discussion of the pending Mutual Security appropriation and the broad implications of the Middle East crisis.]", "G\nBrigadier General, USA"],
                &["G Brigadier General, USA"],
            ),
            // frus1861/d343: a proclamation, its ministers under "By the
            // King.".
            (
                "by the king",
                &["Given at our marine residence of Kailua this 26th day of August, A. D. 1861, and the seventh of our reign.", "KAMEHAMEHA.", "By the King.\nKAAHUMANU.", "By the King and Kuhina Nui.\nR. C. WYLLIE."],
                &["KAMEHAMEHA.", "KAAHUMANU.", "R. C. WYLLIE."],
            ),
            // frus1864p4/d404: "&c." closing a title after the name.
            (
                "etc after the title",
                &["I have the honor to remain your obedient servant,", "BRADFORD R. WOOD. Minister Residents &c.", "Hon. William H. Seward, Secretary of State."],
                &["BRADFORD R. WOOD. Minister Residents &c."],
            ),
            // frus1861/d62: "&c., &c., &c." under an address is no name.
            (
                "etc under an address",
                &["I have the honor to be your lordship’s most obedient servant,", "CHARLES FRANCIS ADAMS.", "The Right Honorable Lord John Russell,\n&c., &c., &c."],
                &["CHARLES FRANCIS ADAMS."],
            ),
            // frus1882/d303: "Accept, &c.," is the closing, not a name.
            (
                "accept etc",
                &["I have observed with pleasure the good disposition of the Mexican authorities at Janos, to aid in the capture of the raiders.", "Accept, &c.,", "FRED’K T. FRELINGHUYSEN"],
                &["FRED’K T. FRELINGHUYSEN"],
            ),
            // frus1934v04/d560: a bracketed heading with a dash.
            (
                "bracketed heading with a dash",
                &["Ancón, January 11, 1934.", "[Subenclosure—Translation]", "Memorandum"],
                &[],
            ),
            // frus1894Nicaragua/d81: "Communicate." closes a decree.
            (
                "communicate",
                &["Given in Rama this 12th day of July, 1894.", "Communicate.", "R. Cabezas."],
                &["R. Cabezas."],
            ),
            // frus1894Nicaragua/d91: the same as "(Communicated.)".
            (
                "communicated",
                &["• First. Declaring the district of Siquia in a state of siege.\n• Second. The common offenses during the existence of martial law will be judged by a military council. Given in Rama on the 12th day of the month of July, 1894.", "(Communicated.)", "R. Cabezas.", "C.\nCommander O’Neil to owners of American vessels.", "To the owners, agents, and captains of vessels under the flag of the United States trading in these waters:"],
                &["R. Cabezas."],
            ),
            // frus1864p4/d433: a quoted despatch signed at the end of the
            // document.
            (
                "quoted name closing the document",
                &["“I request you to read this despatch to M. Drouyn de l’Huys, and should he desire a copy of it I authorize you to leave one with him.", "“MANDERSTRÖM.”"],
                &["“MANDERSTRÖM.”"],
            ),
            // frus1864p4/d400: the style of a king heading his decree.
            (
                "style in capitals after a name",
                &["[Untitled]", "VICTOR EMANUEL II, BY THE GRACE OF GOD AND THE WILL OF THE PEOPLE, KING OF ITALY.", "Having in view the royal patent of 24th November, 1827, which settled the regulations of the ports;"],
                &[],
            ),
            // frus1919Parisv01/d362: a heading before a sentence that
            // begins with "To".
            (
                "heading before a to sentence",
                &["“Therefore not only by nature art and civilisation, but also through its history, Dalmatia essentially pertains to Italy.”", "Geographical Reasons.", "To summarize all the conditions orographical, hydrographical, geological, climatic, etc., which determine the geographical characteristics of Dalmatia would be beyond the scope of a short article."],
                &[],
            ),
            // frus1934v04/d27 (part of its block of signers): a rank above
            // the name.
            (
                "rank above the name",
                &["In witness whereof, the undersigned Plenipotentiaries have signed this agreement on behalf of their respective Governments.", "For the Republic of Nicaragua:\nHenri de Bayle\n, ad referendum, Enero 23, 1935. [seal]\nAu nom de l’Union Economique Belgo-Luxembourgeoise:\nCte.\nR. Straten\n, ad referendum, 14 Mars 1935. [seal]"],
                &["Henri de Bayle", "R. Straten"],
            ),
            // frus1882/d391: firms listed as items sign together.
            (
                "firms as items",
                &["Begging you, sir, to kindly furnish us with a legalized copy of these presents, we have the honor, &c., &c.,", "• IASIGI & CO, of Boston.\n• JACOB BALLADUR & CO.", "Article third of the regulation of 13th (25th) October, 1873, published in the Impartial of 27th October, 1873:"],
                &["IASIGI & CO, of Boston. JACOB BALLADUR & CO."],
            ),
            // frus1894Nicaragua/d42: items with their titles under them.
            (
                "items with titles",
                &["We remain, most honorable sir, yours, very respectfully,", "• W. Sifborger,\nSuperintendent\n• H. Berkenhagen,\nWarden of the Moravian Mission on the Mosquito Coast."],
                &["W. Sifborger, Superintendent H. Berkenhagen, Warden of the Moravian Mission on the Mosquito Coast."],
            ),
            // frus1894Nicaragua/d24 (the paragraph before cut to its last
            // words): a committee signs, dated after.
            (
                "committee as items",
                &["based on the lines laid down by the treaty of Managua.", "• Sam. D. Spellman,\n• Jas. H. Lampton,\n• Paul Osterhout,\n• W. F. Thornton,\n• H. R. Seigert,\nCommittee.", "March 29, 1894."],
                &["Sam. D. Spellman, Jas. H. Lampton, Paul Osterhout, W. F. Thornton, H. R. Seigert, Committee."],
            ),
            // frus1958-60v11/d179 (paragraph before cut): a list of people
            // in a sentence is no list of signers.
            (
                "people listed in a sentence",
                &["The following were present:", "• Secretary Dulles, Mr. Murphy, Mr. Reinhardt, Mr. Rountree, Mr. Cumming, Mr. Allen Dulles, Secretary McElroy, General Twining, Mr. Sprague, General Persons, General Goodpaster"],
                &[],
            ),
            // frus1919Parisv01/d159: what a colon announces is a list.
            (
                "list after a colon",
                &["Your 116 November 18, noon. For Grew. Following list of members of Commission excluding President’s party:", "Robert Lansing, Henry White, Commissioners Plenipotentiary.", "Leland Harrison, Assistant Secretary of the American Commission to Negotiate Peace; J. K. Huddle, confidential clerk to Assistant Secretary;"],
                &[],
            ),
            // frus1882/d91: "By the President of the Republic:" over the
            // President's own name.
            (
                "by the president colon",
                &["Done at Paris, August 6, 1882.", "By the President of the Republic:", "JULES GREVY."],
                &["JULES GREVY."],
            ),
            // frus1901China/d124 (paragraph before cut to its last words): a
            // name with a comma over its title, then a note.
            (
                "name over its title",
                &["they can undertake the rapid occupation of those points.", "A. von Waldersee,\nGeneral Field Marshal.", "Mutatis mutandis to the commanding generals of the various foreign contingents."],
                &["A. von Waldersee, General Field Marshal."],
            ),
            // frus1901China/d111 (paragraph before cut): a name and a title
            // on one line, then the head of the next paper.
            (
                "name and title on one line",
                &["will be absolutely sufficient to force China to accept our conditions as to how the indemnity is to be paid.", "Count Waldersee, Field Marshal.", "The Chinese plenipotentiaries to M. de Cologan."],
                &["Count Waldersee, Field Marshal."],
            ),
            // frus1894Nicaragua/d136 (paragraph before cut): a title word
            // after a hyphen.
            (
                "hyphenated title",
                &["J. Wienberger, alcalde of the city of Bluefields; Sam. Weill, mayor; A. Aubert, treasurer-general.”", "R. Cabezas,\nIntendant-General of the Atlantic Coast of Nicaragua.", "Before me,"],
                &["R. Cabezas, Intendant-General of the Atlantic Coast of Nicaragua."],
            ),
            // frus1917Supp02v02/d17 (paragraph before cut to its last
            // words): names the editors supplied, each over its title.
            (
                "supplied names as items",
                &["does not commit the United States to agreement with or acquiescence in such methods, practices, or arguments.", "• [Eustace Percy]\nOn behalf of British members\n• [L. H. Woolsey]\nSolicitor Nominate, Department of State\n• [F. M. Halstead]\nChief, Division of Customs, Treasury Department\n• [E. E. Pratt]\nChief, Bureau of Foreign and Domestic Commerce, Department of Commerce", "[Annex 1]"],
                &["[Eustace Percy] On behalf of British members [L. H. Woolsey] Solicitor Nominate, Department of State [F. M. Halstead] Chief, Division of Customs, Treasury Department [E. E. Pratt] Chief, Bureau of Foreign and Domestic Commerce, Department of Commerce"],
            ),
            // frus1919Parisv01/d48: signers each over their titles, no
            // labels.
            (
                "signers over their titles",
                &["We are [etc.]", "David Hunter Miller\nSpecial Assistant in the Department of State\nJames Brown Scott\nMajor, United States Reserves,\nAttached to the Department of State\nL. H. Woolsey\nSolicitor for the Department of State"],
                &["David Hunter Miller", "James Brown Scott", "L. H. Woolsey"],
            ),
        ];
        for (name, texts, want) in cases {
            let got = closers(&blocks(texts));
            assert_eq!(&got, want, "{name}");
        }
    }

    /// frus1901China/d130: names in a numbered list are not signatures.
    #[test]
    fn numbered_paragraphs_are_not_signatures() {
        let texts = [
            "66. Hung Ssu-liang, former prefect of Ch’ü-chou, refused to give aid.",
            "Cheng Lien-sheng,",
            "Cheng Yung-hsi, and",
        ];
        let numbered: Vec<Block> = texts
            .iter()
            .map(|t| Block {
                text: t,
                lines: 1,
                numbered: true,
            })
            .collect();
        assert_eq!(closers(&numbered), Vec::<String>::new());
    }
}
