//! Files that hold many documents (issue 8): a chapter page, a run of
//! pasted documents, a volume converted from an ebook or a PDF.
//!
//! Boundaries come from the structure, never from "a line that starts with
//! a number". A document opens with up to four editorial lines (a file line
//! "711.00111 Armament Control/777a: Telegram", "No. 175.", "[Extract.]",
//! an archive line) and then its head, a line of its own:
//! - a numbered head whose type is a known document type ("67. Message From
//!   …"); its number must come after the previous document's number, so
//!   numbered paragraphs ("2. Telegram 1234 reported …") and list items are
//!   never heads;
//! - a strong old-style head ("The Secretary of State to the Ambassador in
//!   France (Bullitt)", "Mr. Seward to Mr. Adams.", see
//!   [`head::is_strong_head`]).
//!
//! Footnote lines are indented, so a note is never a head. A head inside a
//! document introduced by an inclosure label ("[Inclosure 1 in No. 447.]")
//! belongs to that document.
//!
//! A footnote list closes a document (a copied page lists the notes at its
//! end), so the first line after a list opens the next document, whether
//! or not it reads as a head.
//!
//! Page markers on their own lines between two documents: a marker that
//! starts a new page goes with the document before it (where the editors'
//! TEI puts a `<pb/>` that ends a document), unless that document ends with
//! its footnote list: a page break of its text would come before the list,
//! so the marker opens the next document. A marker that repeats the page
//! already current (a running page number of a converted book) is not a
//! page break and lies in neither document's span.
//!
//! Each part is parsed with [`parse::parse_range`], so offsets stay absolute
//! in the file and each document's footnote list is its own (the parser
//! reads the list at the end of the range it is given).

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::{self, dateline, footnotes, head, lines, signature};
use crate::record::{Record, Span};

/// A document found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte span of the document in the text.
    pub span: Span,
    /// Byte span of its head line, when the part has one.
    pub head: Option<Span>,
}

/// A place where the split may be wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubt {
    /// Byte offset of the line in question.
    pub offset: usize,
    /// What is doubtful.
    pub message: String,
}

/// The documents of a text and the doubtful places.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    /// The documents in order; one part (the whole text) for a file that
    /// holds one document.
    pub parts: Vec<Part>,
    /// Head-like lines not taken as boundaries, parts without a head.
    pub doubts: Vec<Doubt>,
}

/// Reprinted documents. A document nested in another (an inclosure the
/// editors made a document of its own, as the unnumbered documents of
/// frus1861 are) is printed on its parent's page and again on its own: in
/// a run of pasted pages its text comes twice, first inside the parent,
/// then right after it. A run of lines that repeats, word for word, lines
/// of the same document (since the last document opened by a head) and
/// holds at least [`Reprints::MIN_RUN`] bytes in two lines or more opens a
/// document where the repetition starts. Siblings nested one after the
/// other come again as one run; inside it, [`sibling_start`] finds where
/// the next one starts. Lines are looked up by their text in a map and a
/// cursor keeps the repetition in step, so the scan stays linear.
#[derive(Default)]
struct Reprints<'a> {
    /// Long lines (at least [`Reprints::MIN_LINE`] bytes) since `from`, by
    /// text: the first line that has it.
    seen: std::collections::HashMap<&'a str, usize>,
    /// The line the map starts at (the anchor it was built for).
    from: usize,
    /// Lines before this one are in the map.
    upto: usize,
    /// The last long line found repeated and the line it repeats, in
    /// step: a long line reached from it through equal lines on both
    /// sides continues the same repetition.
    cursor: Option<(usize, usize)>,
    /// True while the repetition the cursor follows opened a document: the
    /// text in step with it is reprinted nested documents.
    opened: bool,
}

impl<'a> Reprints<'a> {
    /// Lines shorter than this are not looked up ("Sir:", "No. 136.]"),
    /// though a run may start with them.
    const MIN_LINE: usize = 60;
    /// The shortest repeated run that opens a document.
    const MIN_RUN: usize = 200;

    /// When line `i` repeats a long line of the document that starts at
    /// line `anchor`, and the repetition starts at a line after `floor`
    /// (the head of the last document opened), the line where it starts.
    fn run_start(
        &mut self,
        src: &'a str,
        ls: &[lines::Line],
        i: usize,
        anchor: usize,
        floor: usize,
    ) -> Option<usize> {
        if self.from != anchor || self.upto < anchor {
            self.seen.clear();
            self.from = anchor;
            self.upto = anchor;
            self.cursor = None;
            self.opened = false;
        }
        for (k, line) in ls.iter().enumerate().take(i).skip(self.upto) {
            let t = line.text(src).trim();
            if t.len() >= Self::MIN_LINE {
                self.seen.entry(t).or_insert(k);
            }
        }
        self.upto = self.upto.max(i);
        let t = ls[i].text(src).trim();
        if t.len() < Self::MIN_LINE {
            return None;
        }
        let Some(&j) = self.seen.get(t) else {
            self.seen.insert(t, i);
            self.upto = i + 1;
            return None;
        };
        self.upto = i + 1;
        let same = |a: usize, b: usize| ls[a].text(src).trim() == ls[b].text(src).trim();
        // In step with the repetition found last: a continuation of it (a
        // paragraph said over and over, siblings reprinted in a row).
        if let Some(d) = self.cursor.take().and_then(|c| in_step(src, ls, c, i)) {
            self.cursor = Some((i, d));
            return None;
        }
        self.cursor = Some((i, j));
        self.opened = false;
        // Back to the start of the repetition, past blank and page lines
        // and short lines. A long line on the way is a repetition that
        // started earlier, and was judged at its first long line: so each
        // line is walked over at most once.
        let (mut a, mut b) = (i, j);
        let (mut run, mut lines) = (t.len(), 1);
        while let (Some(pa), Some(pb)) = (
            prev_content(src, ls, a, anchor),
            prev_content(src, ls, b, anchor),
        ) {
            if pa <= j || !same(pa, pb) {
                break;
            }
            let n = ls[pa].text(src).trim().len();
            if n >= Self::MIN_LINE {
                return None;
            }
            run += n;
            lines += 1;
            (a, b) = (pa, pb);
        }
        // Not before the head of the last document opened.
        if a < floor {
            return None;
        }
        // On to its end (the first copy ends before the second starts).
        let (mut c, mut d) = (i, j);
        while run < Self::MIN_RUN || lines < 2 {
            match (next_content(src, ls, c), next_content(src, ls, d)) {
                (Some(nc), Some(nd)) if nd < a && same(nc, nd) => {
                    run += ls[nc].text(src).trim().len();
                    lines += 1;
                    (c, d) = (nc, nd);
                }
                _ => break,
            }
        }
        // A document has more than one line: one long line said twice is
        // no reprint.
        self.opened = run >= Self::MIN_RUN && lines >= 2;
        self.opened.then_some(a)
    }

    /// True when line `i` is in step with a repetition that opened a
    /// document: it lies in reprinted nested documents, where a sibling
    /// may start ([`sibling_start`]).
    fn in_reprint(&mut self, src: &str, ls: &[lines::Line], i: usize) -> bool {
        if !self.opened {
            return false;
        }
        match self.cursor.and_then(|c| in_step(src, ls, c, i)) {
            Some(d) => {
                self.cursor = Some((i, d));
                true
            }
            None => {
                // Out of step: the reprint has ended (and the next line
                // asked is not walked to from the old cursor again).
                self.opened = false;
                false
            }
        }
    }
}

/// From a pair of lines `(c, d)` with the same text (a line and the line
/// it repeats), go on line by line, past blank and page lines, while both
/// sides stay equal; when line `i` is reached so, the line it repeats.
fn in_step(
    src: &str,
    ls: &[lines::Line],
    (mut c, mut d): (usize, usize),
    i: usize,
) -> Option<usize> {
    while c < i {
        match (next_content(src, ls, c), next_content(src, ls, d)) {
            (Some(nc), Some(nd))
                if nc <= i && ls[nc].text(src).trim() == ls[nd].text(src).trim() =>
            {
                (c, d) = (nc, nd);
            }
            _ => break,
        }
    }
    (c == i).then_some(d)
}

/// Nested documents printed one after another inside their parent come
/// again as one run of reprinted text (frus1861 unnumbered-48 and -49,
/// -322 to -324). Inside such a run, where a nested document is known to
/// start, the next one starts at a line that opens a document, after a
/// line that ends one (not a quotation's "… as follows:" or a closing's
/// "I am, &c.,"): a bracketed editors' line that opens a document
/// ("[Translation.]", "[From the London Times, May 3, 1861.]", "[Extract.]",
/// not a reference inside one, "[See above.]", unnumbered-350), a label
/// ("E."), a salutation ("Sir:", "Highness:"), a letter quoted whole
/// ("“Sir: Referring to our conversation …", even after the line that
/// announces it: unnumbered-339), or a note's "The
/// undersigned, her Majesty's principal secretary …" (not "The undersigned
/// has …" inside it). Not a caption: an addressee line ("The ministers
/// above named.") reads as one.
///
/// The line before must come after `floor`, the head of the document just
/// opened ("E.\n\nSir: …" opens one document). Blank and page lines are
/// ruled out before looking back, so a long run of them is not walked back
/// over from each of its lines.
fn sibling_start(src: &str, ls: &[lines::Line], i: usize, floor: usize) -> bool {
    const OPENING_NOTES: &[&str] = &["[Translation", "[From ", "[Extract", "[Copy", "[Untitled"];
    let raw = ls[i].text(src);
    let t = raw.trim();
    if t.is_empty() || starts_indented(raw) || is_marker_line(t) || i == 0 {
        return false;
    }
    let Some(p) = prev_content(src, ls, i, 0) else {
        return false;
    };
    let before = ls[p].text(src).trim();
    // A letter quoted whole ("“Sir: Referring to our conversation …")
    // after the line that announces it ("… I addressed Baron Van Zuylen the
    // following note:") is a nested document of its own (frus1861
    // unnumbered-339); any other line after a colon goes on with it.
    let quoted_letter = t.strip_prefix('“').is_some_and(is_salutation);
    if p < floor || before.ends_with([',', ';']) || (before.ends_with(':') && !quoted_letter) {
        return false;
    }
    // After an editors' line ("[Translation.]", "No. 5232|103.]") the
    // opening goes on: "[Translation.]\n\nNo. 5232|103.]\n\nSir: …" is one
    // document (frus1861 unnumbered-371).
    if before.starts_with('[') || before.ends_with(".]") {
        return false;
    }
    let bracketed = OPENING_NOTES.iter().any(|p| t.starts_with(p))
        && (t.ends_with(']') || t.ends_with("]."))
        && t.len() <= 120;
    let label = t.len() <= 3 && t.ends_with('.') && t.starts_with(|c: char| c.is_ascii_uppercase());
    let opening = is_salutation(t)
        || quoted_letter
        || t.starts_with("Highness:")
        || t.starts_with("Your Highness:")
        || t.starts_with("The undersigned, ");
    bracketed || label || opening
}

/// The footnote mark glued to the end of a head line ("House49" gives
/// 49): one to three digits after a character the parser's footnote
/// search takes marks after ([`footnotes::glue_before`]: a letter, a
/// closing bracket, quote or period, …).
fn head_mark(head: &str) -> Option<u32> {
    let t = head.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 || digits == t.len() {
        return None;
    }
    let before = t[..t.len() - digits].chars().next_back();
    if !before.is_some_and(footnotes::glue_before) {
        return None;
    }
    t[t.len() - digits..].parse().ok()
}

/// How far back [`continues_marks`] looks for the mark before a head's.
const MARK_LOOK_BACK: usize = 32 * 1024;

/// True when `head` ends with a footnote mark N > 1 glued to its last
/// word ("House49") and the mark N - 1 is in `src[from..to]`, glued the
/// same way: the head's note follows the notes of the text before it.
fn continues_marks(src: &str, from: usize, to: usize, head: &str) -> bool {
    let Some(n) = head_mark(head).filter(|&n| n >= 2) else {
        return false;
    };
    let want = (n - 1).to_string();
    // The mark before is near (within 17 KB in frus1919Parisv01 d337): a
    // bounded look-back keeps a run of such heads linear.
    let mut from = from.max(to.saturating_sub(MARK_LOOK_BACK));
    while !src.is_char_boundary(from) {
        from += 1;
    }
    let text = src.get(from..to).unwrap_or("");
    let bytes = text.as_bytes();
    text.match_indices(want.as_str()).any(|(at, _)| {
        let glued = text[..at]
            .chars()
            .next_back()
            .is_some_and(footnotes::glue_before);
        let ends = bytes
            .get(at + want.len())
            .is_none_or(|b| !b.is_ascii_digit());
        glued && ends
    })
}

/// The caption of a sibling that starts at line `i` ([`sibling_start`]):
/// the line before it when that is one short sentence ("Reply of the Queen
/// to Mr. Schurz." over "[Translation.]", frus1861 unnumbered-228; "Mr.
/// Fogg’s address to the President." over "Mr. President: …",
/// unnumbered-305) and the line before that ends a paragraph of the
/// sibling before (a long line ending a sentence). Under a short line, the
/// end of a document ("At the Hague.\n\nThe ministers above named.",
/// frus1861 d266), it is that document's addressee.
fn caption_before(src: &str, ls: &[lines::Line], i: usize, floor: usize) -> Option<usize> {
    let c = prev_content(src, ls, i, floor)?;
    let t = ls[c].text(src).trim();
    if t.chars().count() > 120 || !t.ends_with('.') || !is_caption(t) || is_salutation(t) {
        return None;
    }
    let p = prev_content(src, ls, c, floor)?;
    let end = ls[p].text(src).trim();
    (end.chars().count() >= 100 && end.ends_with(['.', '!', '?', '”'])).then_some(c)
}

/// Sections of a report that the editors made documents (frus1882 d102 to
/// d111: "Qualifications necessary for, and appointments to, judicial
/// offices.\n\nI.", "Principles underlying the German organization of
/// courts.\n\nII.", …): a one-line caption over a Roman numeral alone, at
/// line `i`. The first, "I.", opens a document after the closing of the
/// letter before it (the report is its inclosure); each next one opens a
/// document when the document before is the section numbered just before
/// it (`section`). Numbered sections inside one document come after a
/// paragraph, not a closing (frus1919Parisv01 d31, d337).
fn section_opener(src: &str, ls: &[lines::Line], i: usize, section: Option<u32>) -> Option<Opener> {
    let n = roman_section(src, ls, i)?;
    let opens = match n {
        1 => is_closing(&block_before(src, ls, i)),
        _ => section == Some(n - 1),
    };
    opens.then_some(Opener {
        first: i,
        head: i,
        number: None,
        inclosure: false,
    })
}

/// When line `i` is a one-line caption ending with a period, a block of
/// its own, whose next block is a Roman numeral alone ("IV."), the
/// numeral's value.
fn roman_section(src: &str, ls: &[lines::Line], i: usize) -> Option<u32> {
    // The numeral first, the rarest: line i + 1 blank, the numeral on line
    // i + 2, a blank line after it.
    let k = i + 2;
    if k >= ls.len() || !head_ends_block(src, ls, i) || !head_ends_block(src, ls, k) {
        return None;
    }
    let n = roman_value(ls[k].text(src).trim().strip_suffix('.')?)?;
    let raw = ls[i].text(src);
    let t = raw.trim();
    let after_end = i == 0
        || ls[i - 1].is_blank(src)
        || ls[i - 1]
            .text(src)
            .trim_end()
            .ends_with(['.', '!', '?', '”', ']']);
    let caption = t.ends_with('.')
        && !starts_indented(raw)
        && t.chars().count() <= 100
        && after_end
        && is_caption(t);
    caption.then_some(n)
}

/// The value of a Roman numeral of up to 39 ("XXXIX"), written as the
/// editors write it (no "IIII").
fn roman_value(t: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = t.len() - t.trim_start_matches('X').len();
    let unit = UNITS.iter().position(|u| *u == &t[tens..])?;
    let n = (tens * 10 + unit) as u32;
    (tens <= 3 && n > 0).then_some(n)
}

/// The line before line `i` that is neither blank nor a page line, at or
/// after line `floor`.
fn prev_content(src: &str, ls: &[lines::Line], i: usize, floor: usize) -> Option<usize> {
    (floor..i).rev().find(|&k| {
        let t = ls[k].text(src).trim();
        !t.is_empty() && !is_marker_line(t)
    })
}

/// The line after line `i` that is neither blank nor a page line.
fn next_content(src: &str, ls: &[lines::Line], i: usize) -> Option<usize> {
    (i + 1..ls.len()).find(|&k| {
        let t = ls[k].text(src).trim();
        !t.is_empty() && !is_marker_line(t)
    })
}

/// An opener found at a line: where the document starts and its head line.
#[derive(Debug, Clone, Copy)]
struct Opener {
    /// Index of the first line (first editorial line, or the head).
    first: usize,
    /// Index of the head line.
    head: usize,
    /// The head's number, when it has one.
    number: Option<u32>,
    /// True when the first editorial line is an inclosure label.
    inclosure: bool,
}

/// Find the documents of `src`.
pub fn split(src: &str) -> Split {
    let ls = lines::lines(src, 0, src.len());
    let mut out = Split::default();
    let mut openers: Vec<Opener> = Vec::new();
    let mut last_number: Option<u32> = None;
    let mut reprints = Reprints::default();
    // The first line of the last document opened by its own head, caption
    // or footnote list (not as a reprint).
    let mut anchor = 0;
    // The numeral of the last document opened as a numbered section
    // ([`section_opener`]).
    let mut section: Option<u32> = None;
    let mut i = 0;
    while i < ls.len() {
        // After a footnote list, the next line opens a document: the list
        // is the last block of a document (see `after_note_list`).
        if after_note_list(src, &ls, i) {
            let op = opener_at(src, &ls, i).unwrap_or_else(|| headless_opener(src, &ls, i));
            if let Some(n) = op.number {
                last_number = Some(n);
            }
            openers.push(op);
            anchor = op.first;
            i = op.head + 1;
            continue;
        }
        let Some(op) = opener_at(src, &ls, i)
            .or_else(|| {
                let prev_head = openers.last().map(|o| ls[o.head].text(src).trim());
                caption_opener(src, &ls, i, prev_head)
            })
            .or_else(|| head_after_signed_letter(src, &ls, i))
            .or_else(|| section_opener(src, &ls, i, section))
        else {
            let floor = openers.last().map_or(0, |o| o.head + 1);
            let first = reprints.run_start(src, &ls, i, anchor, floor).or_else(|| {
                (sibling_start(src, &ls, i, floor) && reprints.in_reprint(src, &ls, i))
                    .then(|| caption_before(src, &ls, i, floor).unwrap_or(i))
            });
            if let Some(first) = first {
                openers.push(Opener {
                    first,
                    head: first,
                    number: None,
                    inclosure: false,
                });
            }
            i += 1;
            continue;
        };
        // A head, or a head under its number line with no blank between
        // ("No. 6.\nColonization in Turkey …"), right after an inclosure
        // label is the inclosure.
        // "[Untitled]" is the editors' mark of a document without a head:
        // it opens a document even under a label ("E.\n\n[Untitled]",
        // frus1864p4 d172).
        let untitled = ls[op.head].text(src).trim().starts_with("[Untitled]");
        let letter_label = label_after_letter(src, &ls, op.first);
        let after_inclosure = !untitled
            && op.head <= op.first + 1
            && prev_is_inclosure(src, &ls, op.first)
            && letter_label.is_none();
        let in_sequence = match (op.number, last_number) {
            (Some(n), Some(prev)) => n > prev && n <= prev + 200,
            _ => true,
        };
        // A document has content: a head-like line right after the head of
        // the document before is part of it (a telegram's first line).
        let after_head = openers
            .last()
            .is_some_and(|prev| only_blank_between(src, &ls, prev.head + 1, op.first));
        // A line right under a signer's name that ends with a comma goes on
        // with it: the signer's title ("W. W. Rockhill,\nCommissioner of the United
        // States to China", frus1901China d3), not a head.
        let continues =
            op.first == op.head && op.first > 0 && is_signer(ls[op.first - 1].text(src));
        // A head whose next line is an inclosure label ("Mr. Von
        // Philipsborn to Mr. Bancroft.\n\n[Inclosure.—Translation.]",
        // frus1872p2v5 d134) heads an inclosure of the document before.
        let labelled = next_is_inclosure(src, &ls, op.head);
        // A head whose footnote mark goes on with the numbering of the
        // document before ("… to the Secretary of State33" after a "32")
        // is a letter printed inside that document (frus1919Parisv01
        // d337): a document's own marks start again at 1.
        // So is any head under a head with a mark, before the notes are
        // listed: the document's list comes at its end (frus1919Parisv01
        // d325, five telegrams under "Mr. D. H. Miller to Colonel E. M.
        // House1").
        let numbered_on = openers.last().is_some_and(|prev| {
            head_mark(ls[prev.head].text(src)).is_some()
                || continues_marks(
                    src,
                    ls[prev.first].start,
                    ls[op.first].start,
                    ls[op.head].text(src),
                )
        });
        if op.inclosure || after_inclosure || after_head || continues || labelled || numbered_on {
            i = op.head + 1;
            continue;
        }
        if !in_sequence {
            if op.number.is_some_and(|n| n > 9) {
                out.doubts.push(Doubt {
                    offset: ls[op.head].start,
                    message: format!(
                        "head-like line {:?} not taken as a document: its number does not follow {}",
                        short(ls[op.head].text(src)),
                        last_number.unwrap_or(0)
                    ),
                });
            }
            i = op.head + 1;
            continue;
        }
        if op.number.is_some() {
            last_number = op.number;
        }
        let mut op = op;
        // A label right over the head, no blank line between, is the
        // document's own ("A.\nMr. Varas to Mr. Seward.", frus1861 d339).
        if let Some(label) = letter_label.filter(|&l| l + 1 == op.first) {
            op.first = label;
        }
        if untitled && op.first == op.head {
            if let Some(c) = caption_over(src, &ls, op.first) {
                if openers.last().is_none_or(|p| p.head < c) {
                    op.first = c;
                }
            }
        }
        section = roman_section(src, &ls, op.first);
        openers.push(op);
        anchor = op.first;
        i = op.head + 1;
    }
    let preamble = openers.first().is_some_and(|o| {
        ls[..o.first]
            .iter()
            .any(|l| !l.is_blank(src) && !is_marker_line(l.text(src)))
    });
    if openers.is_empty() || (openers.len() == 1 && !preamble) {
        out.doubts.clear();
        out.parts.push(Part {
            span: Span::new(0, src.len()),
            head: openers.first().map(|o| span_of(&ls[o.head])),
        });
        return out;
    }

    // Text before the first opener: short captions (a chapter title) lie in
    // no document; anything longer is a document without a head.
    let pre: Vec<&str> = ls
        .iter()
        .take(openers[0].first)
        .map(|l| l.text(src).trim())
        .filter(|t| !t.is_empty() && !is_marker_line(t))
        .collect();
    if pre.len() > 3 || pre.iter().any(|t| t.chars().count() > 150) {
        let end = content_end(src, &ls, 0, openers[0].first);
        out.parts.push(Part {
            span: Span::new(0, end),
            head: None,
        });
        out.doubts.push(Doubt {
            offset: first_line_start(src, &ls, 0),
            message: "text before the first document head: taken as a document without a head"
                .to_string(),
        });
    }

    let mut current_page: Option<String> = None;
    // Where the next part starts when a page line before its first line is
    // its own (after a footnote list).
    let mut next_start: Option<usize> = None;
    for (k, op) in openers.iter().enumerate() {
        let start = next_start.take().unwrap_or(ls[op.first].start);
        let next_first = openers.get(k + 1).map_or(ls.len(), |o| o.first);
        let end = if k + 1 < openers.len() {
            let (end, next) = boundary_end(src, &ls, op.head, next_first, &mut current_page);
            next_start = next;
            end
        } else {
            src.len()
        };
        out.parts.push(Part {
            span: Span::new(start, end.max(start)),
            head: Some(span_of(&ls[op.head])),
        });
    }
    out
}

/// Records of a text that may hold several documents: one per part, with
/// `part` set (1-based) when there are several, diagnostics located.
pub fn records(src: &str, path: &str) -> Vec<Record> {
    let mut out = records_unlocated(src, path).0;
    parse::locate_all(&mut out, src);
    out
}

/// [`records`] without line and column: the caller locates them once with
/// its own diagnostics ([`parse::locate_all`]). With them, the doubtful
/// places of the split, for `cables check` (DOC005), which so splits a
/// file once.
pub(crate) fn records_unlocated(src: &str, path: &str) -> (Vec<Record>, Vec<Doubt>) {
    let sp = split(src);
    if sp.parts.len() <= 1 {
        let mut r = parse::parse_range(src, 0, src.len());
        r.path = path.to_string();
        return (vec![r], sp.doubts);
    }
    let listing = is_listing(src, &sp.parts);
    let mut out = Vec::with_capacity(sp.parts.len());
    for (k, p) in sp.parts.iter().enumerate() {
        let mut r = parse::parse_range(src, p.span.start, p.span.end);
        r.path = path.to_string();
        r.part = Some(k + 1);
        if listing && p.head.is_some() {
            listing_entry(&mut r);
        }
        out.push(r);
    }
    (out, sp.doubts)
}

/// True when every part with a head is an entry of a chapter listing:
/// the head and at most a source note ("Source: …") and a date line.
fn is_listing(src: &str, parts: &[Part]) -> bool {
    let mut entries = 0;
    for p in parts {
        let Some(h) = p.head else { continue };
        let rest = &src[h.end..p.span.end];
        let blocks: Vec<&str> = rest
            .split("\n\n")
            .map(str::trim)
            .filter(|b| !b.is_empty() && !is_marker_line(b))
            .collect();
        let source = blocks.iter().filter(|b| b.starts_with("Source:")).count();
        if blocks.len() > 2 || source != 1 || blocks.iter().any(|b| b.chars().count() > 2000) {
            return false;
        }
        entries += 1;
    }
    entries >= 2
}

/// Make a parsed listing entry a record without a body: its "Source:"
/// paragraph is the source note.
fn listing_entry(r: &mut Record) {
    r.body = false;
    if let Some(k) = r
        .paragraphs
        .iter()
        .position(|p| p.text.starts_with("Source:"))
    {
        let p = r.paragraphs.remove(k);
        if r.source_note.is_none() {
            let m = parse::markings::from_source_note(&p.text);
            r.classification = r.classification.take().or(m.classification);
            r.handling = m.handling;
            r.precedence = r.precedence.take().or(m.precedence);
            r.source_note = Some(p.text.replace('\n', " "));
            r.source_span = Some(p.span);
        }
    }
    r.signatures.clear();
}

/// The end of a document whose head is line `from` and whose content runs
/// to before line `to` (the next document's first line): after its last
/// content line and any page-marker lines that start a new page (see the
/// module doc). When the document ends with its footnote list, a new page
/// line after the list is the next document's (the editors' page break
/// after a document's text comes before its notes, which the page lists at
/// its end): the second value is then where the next document starts.
fn boundary_end(
    src: &str,
    ls: &[lines::Line],
    from: usize,
    to: usize,
    current_page: &mut Option<String>,
) -> (usize, Option<usize>) {
    // The last line that is content (not blank, not a marker line).
    let mut last_content = from;
    for (j, l) in ls.iter().enumerate().take(to).skip(from + 1) {
        let t = l.text(src).trim();
        if !t.is_empty() && !is_marker_line(t) {
            last_content = j;
        }
    }
    // Page markers inside the document set the current page.
    let body_end = ls[last_content].end;
    let (markers, _) = crate::parse::pages::scan(src, ls[from].start, body_end);
    if let Some(m) = markers.last() {
        *current_page = Some(m.n.clone());
    }
    let notes = last_content > from && in_note_list(src, ls, last_content);
    let mut end = body_end;
    let mut next_start = None;
    for l in ls.iter().take(to).skip(last_content + 1) {
        let t = l.text(src).trim();
        if t.is_empty() {
            continue;
        }
        let (ms, _) = crate::parse::pages::scan(src, l.start, l.end);
        let Some(n) = ms.last().map(|m| m.n.clone()) else {
            continue;
        };
        if current_page.as_deref() == Some(n.as_str()) {
            // A repeat of the current page: no page break.
            break;
        }
        *current_page = Some(n);
        if notes {
            next_start = Some(l.start);
            break;
        }
        end = l.end;
    }
    (end, next_start)
}

/// True when line `i` starts a block after a footnote list: it is not
/// indented, not blank, not a page marker, and the last lines before it
/// (past blank and marker lines) are an indented run that holds the list's
/// first item "  1. ". The list closes a document (a copied page ends with
/// it), so what follows is the next document.
fn after_note_list(src: &str, ls: &[lines::Line], i: usize) -> bool {
    let t = ls[i].text(src);
    if t.trim().is_empty() || starts_indented(t) || is_marker_line(t) {
        return false;
    }
    let mut before = ls[..i]
        .iter()
        .rev()
        .map(|l| l.text(src))
        .skip_while(|t| t.trim().is_empty() || is_marker_line(t));
    before
        .by_ref()
        .take_while(|t| starts_indented(t) && !t.trim().is_empty())
        .any(|t| t.starts_with("  1. "))
}

/// True when line `j` is in a footnote list: an indented run of lines,
/// without a blank line, that holds the list's first item "  1. ".
fn in_note_list(src: &str, ls: &[lines::Line], j: usize) -> bool {
    let indented = |t: &str| starts_indented(t) && !t.trim().is_empty();
    if !indented(ls[j].text(src)) {
        return false;
    }
    ls[..=j]
        .iter()
        .rev()
        .map(|l| l.text(src))
        .take_while(|t| indented(t))
        .any(|t| t.starts_with("  1. "))
}

/// A document after a footnote list whose first lines match no head: the
/// first line opens it; past editorial lines ("765.84/3406: Telegram") the
/// next line is its head.
fn headless_opener(src: &str, ls: &[lines::Line], i: usize) -> Opener {
    let mut head = i;
    if head::is_editorial_line(ls[i].text(src)) {
        if let Some(k) = (i + 1..ls.len().min(i + 3)).find(|&k| !ls[k].is_blank(src)) {
            head = k;
        }
    }
    Opener {
        first: i,
        head,
        number: None,
        inclosure: false,
    }
}

/// The opener of a document starting at line `i`, if any.
fn opener_at(src: &str, ls: &[lines::Line], i: usize) -> Option<Opener> {
    let first_text = ls[i].text(src);
    if first_text.trim().is_empty() || starts_indented(first_text) {
        return None;
    }
    if let Some(op) = two_line_head(src, ls, i) {
        return Some(op);
    }
    let mut j = i;
    let mut editorial = 0;
    let mut inclosure = false;
    let mut filed = false;
    loop {
        let t = ls.get(j)?.text(src);
        if starts_indented(t) {
            return None;
        }
        let tt = t.trim();
        let head_like = is_head_line(tt) || (filed && is_plain_head(tt));
        if head_like && head_ends_block(src, ls, j) {
            let number = head::split_number(tt).and_then(|(n, _)| {
                n.trim_end_matches(|c: char| c.is_ascii_lowercase())
                    .parse()
                    .ok()
            });
            return Some(Opener {
                first: i,
                head: j,
                number,
                inclosure,
            });
        }
        if editorial < 4
            && head::is_editorial_line(tt)
            && !is_marker_line(tt)
            && !tt.starts_with("Source:")
        {
            if editorial == 0 {
                inclosure = is_inclosure_label(tt);
            }
            // A file or archive line ("500.A15 a 1/56", "Woodrow Wilson
            // Papers") opens a document: the line after it is the head.
            // So does a number line "No. 53." (not a despatch number "No.
            // 53.]"), when it is the first line of the document.
            filed |= !tt.starts_with(['[', '(', '*', 'N'])
                || (editorial == 0 && head::is_number_line(tt));
            editorial += 1;
            j += 1;
            // One blank line may separate editorial lines and the head.
            if ls.get(j).is_some_and(|l| l.is_blank(src)) {
                j += 1;
            }
            continue;
        }
        return None;
    }
}

/// A document that opens with a caption instead of a head (frus1901China,
/// frus1917Supp02v02), at line `i`:
/// - a one-line caption over the editors' note of its delivery
///   ("Cablegram from Earl Li Hung Chang, dated September 9, 1900, …" over
///   "[Handed to Acting Secretary Hill on September 11 by the Chinese
///   minister, Mr. Wu.]"), unless a bracketed line comes before it (a
///   "[Translation.]" over an inclosure's caption);
/// - such a delivery note alone, after the closing of the document before
///   or after a paragraph (not after a caption, whose note it is);
/// - a salutation ("Sir: In July, 1900, …", "The President:") after a
///   closing of two lines, an office and a place and date ("Department of
///   State,\nWashington, December 5, 1901.", frus1901China d2, d3). A date
///   line of one line stands at the top of a letter as often
///   ("Washington, June 13, 1846.\n\nMy Lord: …", frus1872p2v5 d57), and a
///   salutation after a signature is as often a letter quoted or enclosed
///   in the document: neither opens a document;
/// - a caption that names a paper and its date ("Imperial edict of
///   September 25, 1900.") or extracts from one ("Extracts from the
///   Affidavit of William J. Waitt."), after a closing: see
///   [`paper_caption_start`];
/// - a head that names only the sender ("From Mr. Harvey.") after a letter
///   closed by its addressee: see [`from_caption_after_addressee`].
///
/// Any other caption without such a note ("Telegram sent to the
/// representatives …", "Executive Order No. 2729–A, …") is not taken,
/// even after a signature: an attachment printed after the signature of
/// the letter that sends it looks the same (frus1901China d15;
/// frus1917Supp02v02 d34, d66, d79; frus1919Parisv01 d378).
fn caption_opener(
    src: &str,
    ls: &[lines::Line],
    i: usize,
    prev_head: Option<&str>,
) -> Option<Opener> {
    let raw = ls[i].text(src);
    let t = raw.trim();
    if t.is_empty() || starts_indented(raw) {
        return None;
    }
    if is_salutation(t) && after_dated_closing(&block_before(src, ls, i)) {
        return Some(Opener {
            first: i,
            head: i,
            number: None,
            inclosure: false,
        });
    }
    if t.chars().count() > 400 || !head_ends_block(src, ls, i) || is_marker_line(t) {
        return None;
    }
    // The cheap tests first: most lines are neither a note nor over one.
    let opens = if t.starts_with('[') {
        is_delivery_note(t) && {
            let prev = block_before(src, ls, i);
            is_closing(&prev) || prev.last().is_some_and(|l| l.chars().count() > 300)
        }
    } else if let Some(first) = paper_caption_start(src, ls, i, prev_head) {
        return Some(Opener {
            first,
            head: i,
            number: None,
            inclosure: false,
        });
    } else if from_caption_after_addressee(src, ls, i) {
        true
    } else {
        next_block_line(src, ls, i).is_some_and(|n| n.starts_with('[') && is_delivery_note(n)) && {
            // A caption is a block of its own ("Washington, October 10,
            // 1900." under "Department of State," is none), or follows
            // the last line of the document before when no blank line
            // separates them: a closing or the end of a paragraph.
            let own_block = i == 0 || ls[i - 1].is_blank(src) || {
                let before = ls[i - 1].text(src).trim();
                before.ends_with(['.', '?', '!', '”'])
                    && (before.chars().count() > 100 || is_closing(&[before]))
            };
            own_block
                && is_caption(t)
                && !block_before(src, ls, i)
                    .last()
                    .is_some_and(|l| l.starts_with(['[', '(']))
        }
    };
    opens.then_some(Opener {
        first: i,
        head: i,
        number: None,
        inclosure: false,
    })
}

/// The line of a one-line caption or label right above line `i` (one
/// blank line between): "Debate on Gallician affairs." over
/// "[Untitled]" (frus1864p4 d149), a label "E." (d172). Not the end of the
/// document before: a caption has a word in lower case that is no
/// particle (an addressee "His Excellency the Captain of the Port of
/// Funchal.", d359, or a signer "B. R. W.", d410, has none) and no comma
/// ("Gustavus Koerner, Esq., &c., &c. Madrid."), and the block above it is
/// neither a closing phrase ending with a comma ("I have, &c.,") nor a
/// signature in capitals ("WILLIAM H. SEWARD.").
fn caption_over(src: &str, ls: &[lines::Line], i: usize) -> Option<usize> {
    const PARTICLES: &[&str] = &["of", "the", "and", "in", "at", "to", "de", "von", "van"];
    let c = i.checked_sub(2)?;
    if !ls[i - 1].is_blank(src) {
        return None;
    }
    // Above the caption: a blank line, a page line, or (no blank line
    // between documents) the end of a paragraph or a closing.
    if c > 0 {
        let above = ls[c - 1].text(src).trim();
        if !(above.is_empty() || is_marker_line(above) || above.ends_with(['.', '?', '!', '”'])) {
            return None;
        }
    }
    let t = ls[c].text(src);
    let tt = t.trim();
    let ok = !starts_indented(t)
        && tt.chars().count() <= 80
        && tt.ends_with('.')
        && tt.starts_with(char::is_uppercase)
        && !tt.contains(',')
        && (tt.chars().count() <= 3
            || tt.split_whitespace().any(|w| {
                w.starts_with(char::is_lowercase) && !PARTICLES.contains(&w.trim_end_matches('.'))
            }))
        && !is_marker_line(tt)
        && !block_before(src, ls, c)
            .last()
            .is_some_and(|l| l.ends_with(',') || !l.chars().any(char::is_lowercase));
    ok.then_some(c)
}

/// The first line of a document whose head is the caption of a paper at
/// line `i`, dated ([`is_dated_caption`]) or of extracts
/// ([`is_extract_caption`]): the caption under the closing of the
/// document before, or "[Translation.]" over it under that closing
/// (frus1901China d178). When the document before opened with a dated
/// caption too (its head is `prev_head`), a paper with no closing, a dated
/// caption may follow its last paragraph ("Memorandum in reply to the
/// Russian Chargé’s memorandum dated September 17, 1900." under the
/// memorandum's last question, d24), though not a paragraph that announces
/// it ("… the following memorandum:").
fn paper_caption_start(
    src: &str,
    ls: &[lines::Line],
    i: usize,
    prev_head: Option<&str>,
) -> Option<usize> {
    let t = ls[i].text(src).trim();
    let dated = is_dated_caption(t);
    if !dated && !is_extract_caption(t) {
        return None;
    }
    let translation = prev_content(src, ls, i, i.saturating_sub(3))
        .filter(|&k| ls[k].text(src).trim() == "[Translation.]");
    let first = translation.unwrap_or(i);
    let before = block_before(src, ls, first);
    let closed = is_closing(&before)
        || (before
            .last()
            .is_some_and(|l| l.ends_with(['.', '?', '!', '”']))
            && dated
            && prev_head.is_some_and(is_dated_caption));
    closed.then_some(first)
}

/// A caption that names a paper and its date ("Translation of a cablegram
/// received by Minister Wu on July 20, 1900, …", "Memorandum handed to Mr.
/// Adee by the Russian Chargé d’affaires, …, September 17, 1900, 10.45
/// a.m.", "Imperial edict of September 25, 1900.", "Minutes of the third
/// conference …, held September 7, 1901.": frus1901China d5, d23, d27,
/// d178). After the closing of the document before, such a caption opens a
/// document: the papers a letter encloses come under an inclosure label.
/// Not a memorandum of a conversation: a minister encloses his record of
/// a talk in the despatch that reports it, after his signature and with no
/// label (frus1861 d205, frus1882 d78). Nor a caption without a date
/// ("Telegram sent to the representatives of the United States …" under a
/// letter that forwards it, frus1901China d15), an executive order or a
/// proclamation (under the telegram that announces it, frus1917Supp02v02
/// d34, d79).
fn is_dated_caption(t: &str) -> bool {
    static KIND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:Translation|Copy) of an? )?(?:(?:Imperial|Circular|Telegraphic) )?(?i:memorandum|cablegram|telegram|edict|decree|minutes|note|instruction) (?:of|from|to|handed|received|sent|delivered|presented|in reply|in response|dated|issued|by)\b",
        )
        .expect("regex")
    });
    // "Memorandum of a conversation …" (frus1882), "Memorandum of
    // Conversation, …" (the form of the 1940s on).
    static CONVERSATION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bof (?:a )?conversation\b").expect("regex"));
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?:{}) \d{{1,2}}, 1[6-9]\d\d\b",
            dateline::MONTHS.join("|")
        ))
        .expect("regex")
    });
    // The anchored kind first: it refuses most lines at their first word.
    KIND.is_match(t)
        && t.chars().count() <= 300
        && !CONVERSATION.is_match(t)
        && DATED.is_match(t)
        && is_caption(t)
}

/// A head that names only the sender, "From Mr. Harvey.", over a
/// salutation, after a letter closed by its addressee ("Hon. William H.
/// Seward, Secretary of State.\n\n[Page 293]\n\nFrom Mr. Harvey.\n\nSir:
/// From information …", frus1864p4 d333|d334). After an addressee, the
/// papers a letter encloses come under a label ("A.", "Exhibit No. 1.":
/// the six lines over a salutation after an addressee inside a document of
/// `frus-full`), never under a caption.
fn from_caption_after_addressee(src: &str, ls: &[lines::Line], i: usize) -> bool {
    let t = ls[i].text(src).trim();
    t.starts_with("From ")
        && t.ends_with('.')
        && t.chars().count() <= 80
        && is_caption(t)
        && next_block_line(src, ls, i).is_some_and(is_salutation)
        && block_start(src, ls, i).is_some_and(|k| signature::is_address(ls[k].text(src).trim()))
}

/// A caption of extracts from a paper: "Extracts from the Affidavit of
/// William J. Waitt." (frus1872p2v5 d82). After the closing of the
/// document before, it opens a document, as a dated caption does. Of the
/// 36 lines of `frus-full` that open so, 30 open a document; of the six
/// inside one, four stand under an inclosure label ("[Inclosure No.
/// 2.]\n\nExtract from the treaty …", frus1872p2v5 d125; "[Enclosure A.]",
/// frus1864p4 d536), one is a sentence, and one is a newspaper's, its
/// title in quotes: a despatch appends the cutting after its signature
/// ("Extract from “Shanghai Mercury,” May 8.", frus1901China d113).
fn is_extract_caption(t: &str) -> bool {
    (t.starts_with("Extract from ") || t.starts_with("Extracts from "))
        && t.ends_with('.')
        && !t.contains(['“', '"'])
        && t.chars().count() <= 300
        && is_caption(t)
}

/// An editors' note of how a document was delivered: "[Handed to Mr. Adee
/// by Mr. Wu, August 20, 1900—10.15 a.m.]", "[Sent to the Chinese minister,
/// August 22, 1900—1.30 p.m.]", "[Circular telegram sent to the United
/// States embassies in Berlin, …]".
fn is_delivery_note(t: &str) -> bool {
    static NOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\[(?:Handed|Delivered|Received|Sent|Communicated|Circular telegram sent) [^\[\]]*\]\.?$")
            .expect("regex")
    });
    // "[Received July 16.]" after a document's date line is the date of
    // its receipt (frus1917Supp02v02 d144): a note of receipt must name
    // the year.
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b1[6-9]\d\d\b").expect("regex"));
    NOTE.is_match(t) && (!t.starts_with("[Received") || YEAR.is_match(t))
}

/// A caption: one line of one sentence that starts with a capital and is
/// not the body.
fn is_caption(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
        && !has_sentence_break(t)
        && !head::is_body_start(t)
        && !head::is_editorial_line(t)
        && !is_inclosure_label(t)
}

/// The last lines (at most four) of the block that ends before line `i`
/// (past blank lines and page-marker lines), trimmed, in order. Bounded so
/// that a text without blank lines is not walked back for every line.
fn block_before<'a>(src: &'a str, ls: &[lines::Line], i: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut j = i;
    while j > 0 && out.len() < 4 {
        j -= 1;
        let t = ls[j].text(src).trim();
        if t.is_empty() || is_marker_line(t) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        out.push(t);
    }
    out.reverse();
    out
}

/// The text of the first line after line `i` that is neither blank nor a
/// page line ([`next_content`]), trimmed.
fn next_block_line<'a>(src: &'a str, ls: &[lines::Line], i: usize) -> Option<&'a str> {
    next_content(src, ls, i).map(|k| ls[k].text(src).trim())
}

/// A salutation that opens a letter: "Sir:", "The President:", "My
/// Lord:", "Mr. President:", "Excellency:".
fn is_salutation(t: &str) -> bool {
    static SALUTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Sir|Sirs|The President|Mr\. President|My Lord|Excellency|Your Excellency|Gentlemen|Madam)[^:\n]{0,40}:")
            .expect("regex")
    });
    SALUTE.is_match(t)
}

/// True when a block ends with a closing of two lines: an office ending
/// with a comma over a place and date ("White House,\nWashington, December
/// 11, 1901.").
fn after_dated_closing(block: &[&str]) -> bool {
    block.len() >= 2
        && block[block.len() - 2].ends_with(',')
        && is_place_date(block[block.len() - 1])
}

/// "Washington, August 27, 1917."
fn is_place_date(t: &str) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][\w .’'-]*, [A-Z][a-z]+\.? \d{1,2}, 1[6-9]\d\d\.?$").expect("regex")
    });
    DATE.is_match(t)
}

/// True when a block closes a document: its last line is a signature
/// ("Hay.", "Adee, Acting.", "DAVID ECKSTEIN, United States Consul.",
/// "Guyant"), an addressee ("Secretary of State Washington.") or a place
/// and date ("Washington, August 27, 1917.").
fn is_closing(block: &[&str]) -> bool {
    let Some(last) = block.last() else {
        return false;
    };
    if is_place_date(last) {
        return true;
    }
    const PARTICLES: &[&str] = &[
        "de", "von", "van", "der", "del", "da", "y", "of", "the", "and", "in", "at",
    ];
    last.chars().count() <= 50
        && !last.ends_with([',', ':', ';'])
        && last.split_whitespace().count() <= 6
        && last
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || PARTICLES.contains(&w))
}

/// A head of two lines, the number over the title, then a blank line
/// (frus1882: "No. 60.\nMr. Trescot to Mr. Frelinghuysen.", "61.\nMr.
/// Trescot to Mr. Frelinghuysen.", "No. 2.\nConvention between Her Majesty
/// and the United States …"). After "No. N." any title line that is not the
/// body; after a bare "N." (a labelled list item looks the same: "1.\nStaff
/// and I …") only a line that is a head by itself, and N must follow the
/// previous document's number.
fn two_line_head(src: &str, ls: &[lines::Line], i: usize) -> Option<Opener> {
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(No\. )?(\d{1,4})\.$").expect("regex"));
    let c = NUMBER.captures(ls[i].text(src))?;
    let title = ls.get(i + 1)?.text(src);
    if title.trim().is_empty() || starts_indented(title) || !head_ends_block(src, ls, i + 1) {
        return None;
    }
    let title = title.trim();
    let numbered_no = c.get(1).is_some();
    let ok = is_head_line(title)
        || (numbered_no
            && title.chars().count() <= 300
            && title.starts_with(char::is_uppercase)
            && !head::is_body_start(title)
            && !is_marker_line(title)
            && !head::is_editorial_line(title));
    if !ok {
        return None;
    }
    Some(Opener {
        first: i,
        head: i + 1,
        // "No. N." counts a series of its own (despatch numbers, a
        // chapter's appendices): no sequence with the heads' numbers.
        number: if numbered_no {
            None
        } else {
            c.get(2)?.as_str().parse().ok()
        },
        inclosure: false,
    })
}

/// A line that is a head by itself: a numbered head with a document type,
/// or a strong old-style head.
fn is_head_line(t: &str) -> bool {
    // An asterisk before the head marks a document printed before
    // ("*Mr. Bancroft to Lord Palmerston.[63]", frus1872p2v5 d67).
    let t = t.strip_prefix('*').unwrap_or(t);
    if t.is_empty() || t.chars().count() > 400 {
        return false;
    }
    // "[Untitled]", also with a footnote mark ("[Untitled][8]").
    if let Some(rest) = t.strip_prefix("[Untitled]") {
        let mark = rest.trim_start_matches('[').trim_end_matches(']');
        return mark.chars().all(|c| c.is_ascii_digit());
    }
    if let Some((_, at)) = head::split_number(t) {
        if head::doc_type(&t[at..]).is_some() {
            return !t.ends_with(':');
        }
    }
    // Old volumes print no number in the head: "43. Private Secretary to
    // the President informed me …" is a telegram's first paragraph.
    // The parser's test of the sender's words takes "d’" only as a word of
    // its own; "The Russian Chargé d’affaires to …" is a head.
    let elided = t.replace(" d’", " D’").replace(" d'", " D'");
    head::split_number(t).is_none()
        && (head::is_strong_head(&elided) || circular_head(t))
        && names_sender(t)
        && !has_sentence_break(t)
}

/// A circular's head, whose recipients are in lower case ("Mr. Black
/// (Secretary of State) to all the ministers of the United States.",
/// frus1861 d1; "Mr. Seward to ministers of the United States in Great
/// Britain, …", d3): a named sender, one line ending with a period. The
/// parser's head test wants a capital or "the" after " to ".
fn circular_head(t: &str) -> bool {
    const RECIPIENTS: &[&str] = &[
        " to all ",
        " to ministers ",
        " to certain ",
        " to diplomatic ",
    ];
    ["Mr. ", "Messrs. ", "The "]
        .iter()
        .any(|p| t.starts_with(p))
        && t.ends_with('.')
        && !t.contains('\n')
        && t.chars().count() <= 250
        && RECIPIENTS.iter().any(|r| t.contains(r))
}

/// A signer's name followed by a comma ("W. W. Rockhill,"): short, every
/// word capitalised. An addressee line ("Thomas H. Nelson, Esq., &c., &c.,")
/// may end a document, so it is no signer.
fn is_signer(t: &str) -> bool {
    let t = t.trim();
    t.ends_with(',')
        && t.chars().count() <= 30
        && !t.contains('&')
        && t.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// A head without a number or " to " ("Memorandum by the Chief of the
/// Division of Western European Affairs (Castle)"), taken only after a file
/// line: a short line that is not the body.
fn is_plain_head(t: &str) -> bool {
    t.chars().count() <= 300
        && t.starts_with(char::is_uppercase)
        && !head::is_body_start(t)
        && !has_sentence_break(t)
        && !is_marker_line(t)
        && !head::is_editorial_line(t)
}

/// True when a line holds two sentences ("For Executive Committee from
/// Clark. Referring to …"): a period after a word of four letters or more
/// that is no abbreviation, then a space and a capital.
fn has_sentence_break(t: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &["Messrs", "Mme", "Mlle", "Bros", "Esq", "Excellency"];
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).any(|w| {
        let Some(stem) = w[0].strip_suffix('.') else {
            return false;
        };
        stem.chars().count() >= 4
            && stem.chars().all(char::is_alphabetic)
            && !ABBREVIATIONS.contains(&stem)
            && w[1].starts_with(char::is_uppercase)
    })
}

/// True when the sender of an old-style head reads as a name or an office
/// ("Mr. Seward", "The Ambassador in China (Gauss)", "Señor Romero"): every
/// word capitalised, parenthesised or a connector. A sentence that happens
/// to hold " to " ("The United States have therefore no objection in
/// principle to …") has lower-case verbs and nouns before it.
fn names_sender(t: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "of", "the", "in", "at", "on", "for", "and", "de", "del", "della", "di", "da", "do", "dos",
        "das", "von", "van", "der", "le", "la", "les", "du", "des", "y", "e", "&", "ad", "interim",
        "to", "from", "by",
    ];
    if t.chars().count() > 250 {
        return false;
    }
    let flat = t.replace('\n', " ");
    let rest = match head::split_number(&flat) {
        Some((_, at)) => &flat[at..],
        None => flat.strip_prefix("No. ").map_or(flat.as_str(), |r| {
            r.split_once(". ").map_or(r, |(_, after)| after)
        }),
    };
    let (Some(_), Some(to)) = head::from_to(rest) else {
        return false;
    };
    // Everything before the recipient must read as a name.
    let Some(at) = rest.rfind(to.as_str()) else {
        return false;
    };
    let from = rest[..at].trim_end().trim_end_matches(" to").trim_end();
    // "Mr. Martin, consul at Nanking, to Mr. Rockhill." (frus1901China
    // d300): a short apposition between commas may be in lower case; the
    // name before it must read as one.
    let from = match from.strip_suffix(',').and_then(|f| f.split_once(", ")) {
        Some((name, appos)) if !appos.contains(',') && appos.split_whitespace().count() <= 6 => {
            name
        }
        _ => from,
    };
    if from.chars().count() > 120 || to.chars().count() > 200 || t.contains(';') {
        return false;
    }
    const TO_WORDS: &[&str] = &[
        "the",
        "all",
        "his",
        "her",
        "their",
        "ministers",
        "consuls",
        "certain",
        "each",
        "diplomatic",
        "several",
        "various",
    ];
    let to_first = to.split_whitespace().next().unwrap_or("");
    if !(to_first.starts_with(|c: char| c.is_uppercase() || c == '(')
        || TO_WORDS.contains(&to_first))
    {
        return false;
    }
    let mut depth = 0i32;
    for w in from.split_whitespace() {
        let inside = depth > 0 || w.starts_with('(');
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        if inside {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        // "Chargé d’affaires": an elided particle before a title.
        let elided = w.starts_with("d’") || w.starts_with("d'");
        if !(first.is_uppercase() || first.is_ascii_digit() || CONNECTORS.contains(&w) || elided) {
            return false;
        }
    }
    true
}

/// True when the head at line `j` is followed by a blank line or the end.
fn head_ends_block(src: &str, ls: &[lines::Line], j: usize) -> bool {
    ls.get(j + 1).is_none_or(|l| l.is_blank(src))
}

/// True when the last non-blank line before line `i` is an inclosure label,
/// or a short label ("A.", "1") after one or alone: what follows is an
/// attachment of the document before.
fn prev_is_inclosure(src: &str, ls: &[lines::Line], i: usize) -> bool {
    let mut before = ls[..i]
        .iter()
        .rev()
        .map(|l| l.text(src).trim())
        .filter(|t| !t.is_empty() && !is_marker_line(t));
    match before.next() {
        // A label has a letter or a digit: a stray "." closing a list
        // (frus1901China d5) is none.
        Some(t) if t.chars().count() <= 3 => t.chars().any(char::is_alphanumeric),
        Some(t) => is_inclosure_label(t),
        None => false,
    }
}

/// The line before line `i` when it is a label ("A.") under the closing
/// of a letter that names its addressee ("THOMAS H. NELSON.\n\nHon. William
/// H. Seward, Secretary of State of the United States.\n\n[Page 170]\n\nA.",
/// frus1864p4 d168). Such a label marks the next document, printed after
/// the letter: the head under it opens a document (frus1864p4 d169, d180,
/// d181; frus1861 d339). Inclosures inside one document come under a
/// signature alone ("Charles O’Neil,\nCommander, U. S. N.\n\nA.\nMr. Seat to
/// Commander O’Neil.", frus1894Nicaragua d83).
fn label_after_letter(src: &str, ls: &[lines::Line], i: usize) -> Option<usize> {
    // Offices the parser's address test does not know, since a signature
    // block never holds them (frus1864p4 d179, d180).
    const OFFICES: &[&str] = &["The Envoy ", "The Most Excellent ", "The Minister "];
    let label = prev_content(src, ls, i, 0)?;
    if ls[label].text(src).trim().chars().count() > 3 {
        return None;
    }
    let to = block_start(src, ls, label)?;
    let t = ls[to].text(src).trim();
    (signature::is_address(t) || OFFICES.iter().any(|a| t.starts_with(a))).then_some(label)
}

/// A head whose recipient the head test does not take, in lower case or
/// misprinted ("Commander Smith to commanding officer Gulf squadron.",
/// frus1861 d125; "Mr. Fogg to the, Federal Council.", frus1864p4 d490),
/// at line `i` right after a letter signed in capitals, with or without
/// the addressee under the signature ("WM. W. McKEAN, Captain.\n\nFlag
/// Officer William Mervine,\n…"; "SCHIESS."). The sender must read as a
/// name: every word capitalised.
fn head_after_signed_letter(src: &str, ls: &[lines::Line], i: usize) -> Option<Opener> {
    let raw = ls[i].text(src);
    let t = raw.trim();
    if i == 0 || starts_indented(raw) || !head_ends_block(src, ls, i) {
        return None;
    }
    if !t.ends_with('.')
        || t.chars().count() > 120
        || has_sentence_break(t)
        || head::split_number(t).is_some()
    {
        return None;
    }
    let (from, _) = t.split_once(" to ")?;
    let words = from.split_whitespace().count();
    let named = (2..=6).contains(&words)
        && from
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || w == "of" || w == "the");
    if !named {
        return None;
    }
    let block = block_start(src, ls, i)?;
    let signed = is_capital_signature(ls[block].text(src))
        || prev_content(src, ls, block, 0).is_some_and(|k| {
            // The addressee's block under the signature.
            is_capital_signature(ls[k].text(src))
        });
    signed.then_some(Opener {
        first: i,
        head: i,
        number: None,
        inclosure: false,
    })
}

/// A signature in capitals, with the signer's rank after a comma: "JOHN
/// BIGLER.", "WM. W. McKEAN, Captain.", "SCHIESS.": the parser's test of
/// a name in capitals ([`signature::is_caps_text`]), on a short name of
/// four capitals at least.
fn is_capital_signature(t: &str) -> bool {
    let t = t.trim();
    let name = t.split(',').next().unwrap_or("");
    name.chars().count() <= 40
        && name.chars().filter(|c| c.is_uppercase()).count() >= 4
        && signature::is_caps_text(t)
}

/// The first line of the block (lines without a blank or page line
/// between them) that ends before line `i`.
fn block_start(src: &str, ls: &[lines::Line], i: usize) -> Option<usize> {
    let mut k = prev_content(src, ls, i, 0)?;
    while k > 0 && !ls[k - 1].is_blank(src) && !is_marker_line(ls[k - 1].text(src)) {
        k -= 1;
    }
    Some(k)
}

/// True when the first non-blank line after line `i` is an inclosure label.
fn next_is_inclosure(src: &str, ls: &[lines::Line], i: usize) -> bool {
    next_block_line(src, ls, i).is_some_and(is_inclosure_label)
}

/// "[Inclosure 1 in No. 447.]", "Inclosure.", "[Enclosure]", "[Appendix 2
/// to inclosure.]", and their misprints ("[lnclosure", "[Inclosnre"): what
/// follows is part of the document before.
fn is_inclosure_label(t: &str) -> bool {
    let bare = t.trim_start_matches(['[', '(']);
    // "(Inclosures: Three Hongkong and Shanghai bank notes …)" lists what
    // the despatch encloses; it is no label of what follows.
    if bare
        .split_once(':')
        .is_some_and(|(w, _)| w.trim_end().ends_with("closures"))
    {
        return false;
    }
    if [
        "Inclosure",
        "Enclosure",
        "Indorsement",
        "Subinclosure",
        "Subenclosure",
        "Annex",
        "Attachment",
        "Appendix",
    ]
    .iter()
    .any(|w| bare.starts_with(w))
    {
        return true;
    }
    if !(t.starts_with('[') && t.ends_with([']', '.'])) || t.chars().count() > 80 {
        return false;
    }
    let low = t.to_lowercase();
    [
        "nclos", "ncios", "nclo", "ppendix", "annex", "enclos", "in no.",
    ]
    .iter()
    .any(|w| low.contains(w))
}

/// True when lines `[from, to)` are all blank or page markers.
fn only_blank_between(src: &str, ls: &[lines::Line], from: usize, to: usize) -> bool {
    ls.get(from..to).is_some_and(|r| {
        r.iter()
            .all(|l| l.is_blank(src) || is_marker_line(l.text(src)))
    })
}

fn starts_indented(t: &str) -> bool {
    t.starts_with([' ', '\t'])
}

/// True for a line that holds only page markers ("[Page 219]").
fn is_marker_line(t: &str) -> bool {
    let t = t.trim();
    if !t.starts_with('[') {
        return false;
    }
    let (ms, _) = crate::parse::pages::scan(t, 0, t.len());
    if ms.is_empty() {
        return false;
    }
    let mut pos = 0;
    for m in &ms {
        if !t[pos..m.span.start].trim().is_empty() {
            return false;
        }
        pos = m.span.end;
    }
    t[pos..].trim().is_empty()
}

fn content_end(src: &str, ls: &[lines::Line], from: usize, to: usize) -> usize {
    ls[from..to]
        .iter()
        .rev()
        .find(|l| !l.is_blank(src))
        .map_or(0, |l| l.end)
}

fn first_line_start(src: &str, ls: &[lines::Line], from: usize) -> usize {
    ls[from..]
        .iter()
        .find(|l| !l.is_blank(src))
        .map_or(0, |l| l.start)
}

fn span_of(l: &lines::Line) -> Span {
    Span::new(l.start, l.end)
}

fn short(t: &str) -> String {
    let t = t.trim();
    if t.chars().count() > 60 {
        let s: String = t.chars().take(60).collect();
        format!("{s}…")
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line of each part `split` finds in `text`.
    fn first_lines(text: &str) -> Vec<&str> {
        split(text)
            .parts
            .iter()
            .map(|p| text[p.span.start..p.span.end].lines().next().unwrap_or(""))
            .collect()
    }

    /// (text, the first line of each part).
    #[test]
    fn parts_table() {
        let cases: &[(&str, &[&str])] = &[
            // One document: one part, the whole text.
            ("67. Telegram From A to B\n\nText.\n\n  1. Source: X.", &["67. Telegram"]),
            // Two numbered documents; numbered paragraphs are not heads.
            (
                "67. Telegram From A to B\n\n1. First.\n\n2. Telegram 12 from Paris.\n\n68. Memorandum From C to D\n\nText.",
                &["67. Telegram", "68. Memorandum"],
            ),
            // No blank line: the head follows the note list directly.
            (
                "67. Telegram From A to B\n\nText.2\n  1. Source: X.\n  2. Note.\n68. Memorandum From C to D\n\nText.",
                &["67. Telegram", "68. Memorandum"],
            ),
            // A file line opens the next document.
            (
                "711.00/1: Telegram\n\nThe Secretary of State to the Ambassador in France (Bullitt)\n\nText.\n\nHull\n\n711.00/2: Telegram\n\nThe Ambassador in France (Bullitt) to the Secretary of State\n\nText.",
                &["711.00/1", "711.00/2"],
            ),
            // A head after an inclosure label belongs to the document.
            (
                "Mr. Seward to Mr. Adams.\n\nSir: Text.\n\nW. H. SEWARD.\n\n[Inclosure 1 in No. 4.]\n\nMr. Adams to Mr. Seward.\n\nText.",
                &["Mr. Seward"],
            ),
            // A sentence holding " to " is not a head.
            (
                "Mr. Seward to Mr. Adams.\n\nText.\n\nThe United States have no objection in principle to the proposition.\n\nMore.",
                &["Mr. Seward"],
            ),
        ];
        for (text, want) in cases {
            let got = first_lines(text);
            assert_eq!(got.len(), want.len(), "{text:?}: {got:?}");
            for (g, w) in got.iter().zip(want.iter()) {
                assert!(g.starts_with(w), "{text:?}: {got:?}");
            }
        }
    }

    /// The rules added for the issue 8 proof, each with the joins of real
    /// documents it was found on (shortened: bodies cut after a sentence).
    /// (text, the first line of each part).
    #[test]
    fn rules_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                // frus1919Parisv01 d337: a head whose mark (33) goes on from
                // the mark before it (32) is a letter inside the document.
                "frus1919Parisv01 d337: head mark follows the text's marks",
                "The Chargé in France (Bliss) to Mr. Henry White\n\nText about Poland.32\n\nBliss\n\nThe Technical Advisers to the Commission to Negotiate Peace (Miller, Scott) to the Secretary of State33\n\nText.",
                &["The Chargé in France"],
            ),
            (
                // frus1919Parisv01 d325: heads under a head with a mark,
                // before the notes are listed, are inside its document;
                // the list closes it.
                "frus1919Parisv01 d325: heads under a marked head",
                "Mr. D. H. Miller to Colonel E. M. House1\n\nText.\n\nMiller\n\nMr. D. H. Miller to Colonel E. M. House\n\nText.\n\nMiller\n  1. Reprinted from Miller's diary.\n\nMr. D. H. Miller to Colonel E. M. House\n\nText.",
                &["Mr. D. H. Miller to Colonel E. M. House1", "Mr. D. H. Miller to Colonel E. M. House"],
            ),
            (
                // frus1864p4 d168 | d169: the label of the next document at
                // the foot of a letter signed in capitals and addressed.
                "frus1864p4 d168|d169: label under an addressed letter",
                "Mr. Nelson to Mr. Seward.\n\nSir: Text.\n\nTHOMAS H. NELSON.\n\nHon. William H. Seward, Secretary of State of the United States.\n\n[Page 170]\n\nA.\n\nMr. Nelson to Mr. Tocornal.\n\nSir:I have the honor to address myself to your excellency.",
                &["Mr. Nelson to Mr. Seward.", "Mr. Nelson to Mr. Tocornal."],
            ),
            (
                // frus1861 d338 | d339: such a label right over the head is
                // the next document's own.
                "frus1861 d338|d339: label over the head",
                "Mr. Bigler to Mr. Seward.\n\nSir: Text.\n\nJOHN BIGLER.\n\nHon. William H. Seward,\nSecretary of State of the United States.\n\nA.\nMr. Varas to Mr. Seward.\n\nSir: I have had the honor.",
                &["Mr. Bigler to Mr. Seward.", "A."],
            ),
            (
                // frus1894Nicaragua d83: a label under a signature in mixed
                // case, no addressee, heads an inclosure of the document.
                "frus1894Nicaragua d83: label under a signature",
                "Commander O’Neil to Mr. Gresham.\n\nSir: Text.\n\nCharles O’Neil,\nCommander, U. S. N.\n\n[Page 143]\n\nA.\nMr. Seat to Commander O’Neil.\n\nSir: Text.",
                &["Commander O’Neil to Mr. Gresham."],
            ),
            (
                // frus1861 d124 | d125: a head with its recipient in lower
                // case, after a letter signed in capitals and addressed.
                "frus1861 d124|d125: lower-case recipient after a signed letter",
                "Captain McKean to Flag Officer Mervine.\n\nSir: Text.\n\nWM. W. McKEAN, Captain.\n\nFlag Officer William Mervine,\nCommanding Gulf Blockading Squadron,\nUnited States Steam Frigate “Colorado.”\n\nCommander Smith to commanding officer Gulf squadron.\n\nSir: I have to report.",
                &["Captain McKean", "Commander Smith"],
            ),
            (
                // frus1861 d189: such a head after a paragraph, no signature,
                // is a reply printed inside the despatch.
                "frus1861 d189: a reply after a speech",
                "Mr. Schurz to Mr. Seward.\n\n[Extracts.]\n\nNo. 2.]\n\nSir: Text.\n\nI have now the honor to place into your Majesty’s hands the letter of credence.\n\nReply of the Queen to Mr. Schurz.\n\n[Translation.]\n\nText.",
                &["Mr. Schurz"],
            ),
            (
                // frus1882 d321: "Sworn to …" under a signature is a jurat,
                // no head: the sender must be two words or more.
                "frus1882 d321: a jurat is no head",
                "Mr. Ross to Mr. Frelinghuysen.\n\nSir: Text.\n\nWILLIAM J. ROSS.\n\nSworn to and subscribed before me this ninth day of May, 1882.\n\nR. H. PAUL.",
                &["Mr. Ross"],
            ),
            (
                // A footnote list closes a document: frus1936v03 d41 | d42,
                // whose head starts in lower case after its file line.
                "frus1936v03 d41|d42: after a note list",
                "765.84116/19: Telegram\n\nThe Chargé in Ethiopia (Engert) to the Secretary of State\n\n1. Foreign Office note dated yesterday informs me.\n\nEngert\n  1. Ibid., 1922, vol. i, p. 267.\n  2. Not printed.\n765.84/3406: Telegram\n\nthe Chargé in Ethiopia (Engert) to the Secretary of State\n\n14. My 8, January 5, 8 p.m.",
                &["765.84116/19", "765.84/3406"],
            ),
            (
                // frus1917Supp02v02 d45 | d46 (blank-line join): a title
                // that is no "A to B" head.
                "frus1917Supp02v02 d45|d46: after a note list, a title",
                "File No. 763.72112/3979\n\nThe Consul General at London (Skinner) to the Secretary of State\n\nNo. 4330\n\nText.\n\nRobert P. Skinner\n  1. Ante, p. 881.\n  2. Ante, p. 878.\n  3. Not printed.\n\nProclamation No. 1885 July 9, 1917, Restricting Exports\n\nBy the President of the United States of America",
                &["File No. 763.72112/3979", "Proclamation No. 1885"],
            ),
            (
                // frus1872p2v5 d7 | d8: "[Untitled]" with a footnote mark.
                "frus1872p2v5 d7|d8: [Untitled][8]",
                "Mr. Bancroft to Mr. Buchanan.\n\nSir: Text.\n\nGEORGE BANCROFT.\n\n*No. 4.\n\n[Untitled][8]\n\nArticles between the United States of America and His Britannic Majesty, November 30, 1782.",
                &["Mr. Bancroft", "*No. 4."],
            ),
            (
                // frus1882 d60 | d61: number over the head, "N." bare.
                "frus1882 d60|d61: two-line head",
                "No. 60.\nMr. Trescot to Mr. Frelinghuysen.\n\nNo. 24.]\n\nSir: Text.\n\nI avail, &c.,\n\nWM. HENRY TRESCOT.\n\n61.\nMr. Trescot to Mr. Frelinghuysen.\n\nNo. 25.]\n\nSir: I beg to forward herewith dispatches.",
                &["No. 60.", "61."],
            ),
            (
                // frus1882 d189 | d190: "No. N." over a title without " to ".
                "frus1882 d189|d190: No. N. over a title",
                "No. 1.\nThe Earl of Clarendon to Sir F. Bruce.\n\nSir: Text.\n\nI have, &c.,\n\nCLARENDON.\n\nNo. 2.\nConvention between Her Majesty and the United States of America relative to naturalization. Signed at London May 13, 1870.\n\nHer Majesty the Queen of the United Kingdom.",
                &["No. 1.", "No. 2."],
            ),
            (
                // frus1901China d5 | d6: a stray "." closes d5's list; it is
                // no short label ("A.") of an inclosure.
                "frus1901China d5|d6: a stray period is no label",
                "Mr. Wu to Mr. Hay.\n\nHave received a telegram.\n\n• Yu Lien-yuen, Taotai at Shanghai.\n• Kwang-hsu, twenty-sixth year, sixth moon, 23d day (July 19, 1900)\n.\n\nThe President to the Emperor of China.\n\nThe President of the United States to the Emperor of China, greeting:",
                &["Mr. Wu", "The President to"],
            ),
            (
                // frus1882 d394: a two-line head after an inclosure label
                // is the inclosure.
                "frus1882 d394: inclosure with a two-line head",
                "No. 319.\nMr. Wallace to Mr. Frelinghuysen.\n\nSir: Text.\n\nLEW WALLACE.\n\n[Inclosure 3 in No. 107—Translation.]\n\nNo. 6.\nColonization in Turkey by Foreign Families.\n\nConditions established by the imperial government.",
                &["No. 319."],
            ),
            (
                // A labelled list item ("1.\nStaff …") is no head.
                "labelled list item",
                "67. Telegram From A to B\n\n1.\nStaff and I met the Minister today.\n\n2.\nHe said no.",
                &["67. Telegram"],
            ),
            (
                // frus1901China d170 | d171: "(Inclosures: …)" lists what is
                // enclosed; it does not make the next head an inclosure.
                "frus1901China d170|d171: (Inclosures: …)",
                "Mr. Rockhill to Mr. Hay.\n\nSir: Text.\n\n(Inclosures: Three Hongkong and Shanghai bank notes amounting to 70,000 taels.)\nMr. Rockhill to Mr. Hay.\n\nNo. 151.]\n\nSir: In my dispatch No. 142.",
                &["Mr. Rockhill", "Mr. Rockhill"],
            ),
            (
                // frus1872p2v5 d69 | d70: a number line "No. 53." opens a
                // document whose head is a title without " to ".
                "frus1872p2v5 d69|d70: No. N. over a plain title",
                "*No. 52.\n\nMr. Bancroft to Mr. Campbell.[64]\n\nNew York, June 15, 1858.\n\nYours, sincerely,\n\nGEORGE BANCROFT.\n\nArchibald Campbell, Esq., Commissioner, &c.\n\nNo. 53.\n\nDeclaration of Rear-Admiral Wilkes.\n\nIn answer to the memorandum on the Haro question, I have to state.",
                &["*No. 52.", "No. 53."],
            ),
            (
                // frus1861 d1 | d2: circulars, recipients in lower case.
                "frus1861 d1|d2: circular heads",
                "Mr. Black (Secretary of State) to all the ministers of the United States.\n\nCIRCULAR.\n\nSir: You are, of course, aware.\n\nMr. Seward (Secretary of State) to all the ministers of the United States.\n\nCIRCULAR.\n\nSir: My predecessor, in his despatch.",
                &["Mr. Black", "Mr. Seward"],
            ),
            (
                // frus1901China d3: a signer's title under the name is no
                // head, though it reads "… to China".
                "frus1901China d3: signer's title",
                "Mr. Rockhill to Mr. Hay.\n\nSir: Text.\n\nI have the honor to be, sir, your obedient servant,\n\nW. W. Rockhill,\nCommissioner of the United States to China\n\nHon. John Hay,\nSecretary of State Washington.",
                &["Mr. Rockhill"],
            ),
            (
                // frus1864p4 d177 | d178 (newline join, d178's "No. 127.]"
                // line left out so that its head follows the addressee
                // line): an addressee line ending with a comma may end a
                // document.
                "frus1864p4 d177|d178: addressee line before a head",
                "Mr. Seward to Mr. Nelson.\n\nSir: Text.\n\nWILLIAM H. SEWARD.\n\nThomas H. Nelson, Esq., &c., &c., &c.,\nMr. Nelson to Mr. Seward.\n\nSir: Text.",
                &["Mr. Seward", "Mr. Nelson"],
            ),
            (
                // frus1901China d12 | d13: "Chargé d’affaires" is a sender.
                "frus1901China d12|d13: Chargé d’affaires",
                "The Acting Secretary of State to the Russian Chargé d’affaires.\n\nSir: Text.\n\nDepartment of State,\nWashington, August 22, 1900.\nThe Russian Chargé d’affaires to the Acting Secretary of State.\n\n[Translation.]\n\nMr. Acting Secretary: I have just received a communication.",
                &["The Acting Secretary", "The Russian Chargé"],
            ),
            (
                // frus1901China d299 | d300: a lower-case apposition
                // between commas in the sender.
                "frus1901China d299|d300: sender with an apposition",
                "Mr. Rockhill to the United States consul at Nanking.\n\n[Telegram.]\n\nText.\n\nReply by telegraph.\n\nRockhill.\n\nMr. Martin, consul at Nanking, to Mr. Rockhill.\n\n[Telegram.]\n\nSovereign rights of China being guaranteed.",
                &["Mr. Rockhill to", "Mr. Martin, consul"],
            ),
            (
                // frus1872p2v5 d66 | d67: an asterisk before the head.
                "frus1872p2v5 d66|d67: *head",
                "Mr. Bancroft to Mr. Buchanan.\n\nSir: I send you a map.\n\nI am, &c.,\n\nGEORGE BANCROFT.\n\nJames Buchanan, Esq., Secretary of State, Washington, D. C.\n\n[Page 150]\n\n*Mr. Bancroft to Lord Palmerston.[63]\n\n108 Eaton Square, November 3, 1848.\n\nMy Lord: I did not forget.",
                &["Mr. Bancroft to Mr. Buchanan", "*Mr. Bancroft to Lord"],
            ),
            (
                // frus1872p2v5 d134 (one document): a head over an
                // inclosure label heads the inclosure.
                "frus1872p2v5 d134: head over an inclosure label",
                "No. 8.\n\nNo. 314.]\n\nMr. Bancroft to Mr. Fish.\n\nSir: Text.\n\nI remain, &c.,\n\nGEO. BANCROFT.\n\nMr. Von Philipsborn to Mr. Bancroft.\n\n[Inclosure.—Translation.]\n\nBerlin, December 20, 1871.",
                &["No. 8."],
            ),
            (
                // frus1901China d10 | d11: a caption over a delivery note,
                // after a paragraph.
                "frus1901China d10|d11: caption over a delivery note",
                "Cablegram dated August 19 from Viceroy Li Hung Chang, was transmitted by the Chinese minister in London and received by Minister Wu on the night of the same day.\n\n[Handed to Mr. Adee by Mr. Wu, August 20, 1900—10.15 a.m.]\n\nText. I await reply.\n\nCablegram from Viceroy Li Hung Chang, dated August 21, 1900, and received by Minister Wu on the same day.\n\n[Received at the Department of State, August 21, 1900–3.17 p.m.]\n\nText.",
                &["Cablegram dated", "Cablegram from"],
            ),
            (
                // frus1901China d3 | d4 (newline join): the caption follows
                // the addressee line of the document before.
                "frus1901China d3|d4: caption after an addressee, no blank",
                "Sir: In July, 1900, the President was pleased to appoint me.\n\nW. W. Rockhill,\nCommissioner of the United States to China\n\nHon. John Hay,\nSecretary of State Washington.\nCircular note of July 3, 1900, to the powers cooperating in China, defining the purposes and policy of the United States.\n\n[Circular telegram sent to the United States embassies in Berlin, Paris, London, Rome, and St Petersburg.]\n\nIn this critical posture of affairs in China.",
                &["Sir: In July", "Circular note"],
            ),
            (
                // frus1901China d31 | d32: a delivery note alone after a
                // place and date line; the note under a head is the head's.
                "frus1901China d31|d32: delivery note alone",
                "The Secretary of State to the French Chargé d’affaires.\n\n[Sent to Mr. Thiébaut, October 10, 1900.]\n\nText.\n\nDepartment of State,\nWashington, October 10, 1900.\n\n[Handed to the President by Minister Wu, October 17, 1900.]\n\nThe following is a translation.",
                &["The Secretary of State", "[Handed to the President"],
            ),
            (
                // frus1901China d112 (one document): an inclosure's caption
                // under "[Translation.—…]" opens nothing.
                "frus1901China d112: inclosure caption under a bracketed line",
                "Mr. Rockhill to Mr. Hay.\n\nSir: Text.\n\nI am, sir, your obedient servant,\n\nW. W. Rockhill.\n\n[Translation.—Original written in French.]\n\nReply of the Chinese plenipotentiaries to the note sent them on the 16th instant by the foreign Representatives, asking the means China proposed taking to pay the indemnities to be asked.\n\n[Received by M. de Cologan May 11, 1901.]\n\nText.",
                &["Mr. Rockhill"],
            ),
            (
                // frus1917Supp02v02 d144 (one document): a note of receipt
                // without a year is the document's own.
                "frus1917Supp02v02 d144: [Received July 16.]",
                "File No. 600.119/256\n\nThe British Embassy to the Department of State\n\nText.\n\nWashington, July 13, 1917.\n\n[Received July 16.]",
                &["File No. 600.119/256"],
            ),
            (
                // frus1917Supp02v02 d34 (one document): a caption after a
                // signature, with no delivery note, is an attachment.
                "frus1917Supp02v02 d34: attachment after a signature",
                "File No. 763.72112/3838\n\nThe Secretary of State to the Minister in Sweden (Morris)\n\n[Circular telegram]\n\nText.\n\nLansing\n\nExecutive Order No. 2645, June 22, 1917, Establishing an Exports Council\n\nBy virtue of authority vested in me.",
                &["File No. 763.72112/3838"],
            ),
            (
                // frus1901China d4 | d5: a caption that names a paper and
                // its date opens a document after a signature.
                "frus1901China d4|d5: dated caption after a signature",
                "Circular note of July 3, 1900, to the powers cooperating in China.\n\n[Circular telegram sent to the United States embassies in Berlin.]\n\nText.\n\nHay.\n\nTranslation of a cablegram received by Minister Wu on July 20, 1900, from the taotai of Shanghai, dated July 19, 1900.\n\nHave received a telegram from Governor Yuan.",
                &["Circular note", "Translation of a cablegram"],
            ),
            (
                // frus1901China d26 | d27: after an addressee.
                "frus1901China d26|d27: dated caption after an addressee",
                "Acting Secretary Hill to the Imperial German Chargé d’Affaires.\n\nSir: Text.\n\nDavid J. Hill,\nActing Secretary.\n\nFreiherr Speck von Sternburg,\nWashington.\n\nImperial edict of September 25, 1900.\n\nThe Secretary of State received on October 2, 1900, a memorandum.",
                &["Acting Secretary Hill", "Imperial edict"],
            ),
            (
                // frus1901China d177 | d178: "[Translation.]" over the
                // caption is the document's first line.
                "frus1901China d177|d178: [Translation.] over a dated caption",
                "Mr. Rockhill to Mr. Hay.\n\nNo. 157.]\n\nSir: Text.\n\nI avail myself of this opportunity, etc.,\n\nB. J. de Cologan.\n\n[Translation.]\n\nMinutes of the third conference with the Chinese plenipotentiaries, held September 7, 1901.\n\nThe diplomatic corps met at 11 o’clock.",
                &["Mr. Rockhill", "[Translation.]"],
            ),
            (
                // frus1901China d22 | d23 | d24: after a place and date; the
                // next paper's dated caption follows the last paragraph of
                // this one, which has no closing.
                "frus1901China d22|d23|d24: dated captions in a run",
                "Memorandum in response to Mr. Wu’s communication, September 17, 1900.\n\nText.\n\nDavid J. Hill,\nActing Secretary.\n\nDepartment of State,\nWashington, September 21, 1900.\n\nMemorandum handed to Mr. Adee by the Russian Chargé d’affaires, Mr. de Wollant, September 17, 1900, 10.45 a.m.\n\n[Translation.]\n\n(1)\nHas the Federal Government the intention to transfer the legation?\n\nMemorandum in reply to the Russian Chargé’s memorandum dated September 17, 1900.\n\n(1)\nThe Government of the United States has not any present intention.",
                &["Memorandum in response", "Memorandum handed", "Memorandum in reply"],
            ),
            (
                // A dated caption after a paragraph, the document before
                // opened by a head: a paper quoted in the letter.
                "dated caption after a paragraph of a letter",
                "Mr. Hay to Mr. Conger.\n\nSir: The minister handed me the paper below.\n\nMemorandum handed to Mr. Adee by the Russian Chargé d’affaires, September 17, 1900.\n\nText.",
                &["Mr. Hay"],
            ),
            (
                // frus1861 d205, frus1882 d78 (one document each): a
                // memorandum of a conversation after the signature is the
                // despatch's inclosure.
                "frus1882 d78: memorandum of a conversation after a signature",
                "Mr. Holcombe to Mr. Frelinghuysen.\n\nSir: Text.\n\nI have, &c.,\n\nC. ARENDT.\n\nMemorandum of a conversation had by Mr. Arendt with His Excellency Wang, on March 3, 1882.\n\nText.",
                &["Mr. Holcombe"],
            ),
            (
                // The same in the later form, with a date.
                "memorandum of conversation after a signature",
                "The Ambassador in China (Gauss) to the Secretary of State\n\nSir: Text.\n\nC. E. Gauss\n\nMemorandum of Conversation, by the Ambassador in China (Gauss), January 5, 1942\n\nText.",
                &["The Ambassador in China"],
            ),
            (
                // frus1872p2v5 d81 | d82: a caption of extracts after the
                // signature of a consul's certificate.
                "frus1872p2v5 d81|d82: extract caption after a signature",
                "Mr. Eckstein to Mr. Fish.\n\nSir: Text.\n\n[SEAL.]\n\nDAVID ECKSTEIN, United States Consul.\n\nExtracts from the Affidavit of William J. Waitt.\n\nUnited States of America, Territory of Washington, ss:",
                &["Mr. Eckstein", "Extracts from the Affidavit"],
            ),
            (
                // frus1872p2v5 d125 (one document): under an inclosure
                // label it is the inclosure.
                "frus1872p2v5 d125: extract caption under a label",
                "Mr. Bancroft to Mr. Fish.\n\nSir: Text.\n\nGEORGE BANCROFT.\n\n[Inclosure No. 2.]\n\nExtract from the treaty between the United States and Great Britain of June 15, 1846.\n\nText.",
                &["Mr. Bancroft"],
            ),
            (
                // frus1864p4 d333 | d334: a head naming only the sender,
                // after the addressee of the letter before.
                "frus1864p4 d333|d334: \"From Mr. Harvey.\" after an addressee",
                "Mr. Harvey to Mr. Seward.\n\nSir: Text.\n\nJAMES E. HARVEY.\n\nHon. William H. Seward, Secretary of State.\n\n[Page 293]\n\nFrom Mr. Harvey.\n\nSir:From information communicated to this legation.",
                &["Mr. Harvey to Mr. Seward.", "From Mr. Harvey."],
            ),
            (
                // The same line under a signature alone, no addressee: a
                // line of the letter's end.
                "\"From Mr. Harvey.\" under a signature alone",
                "Mr. Harvey to Mr. Seward.\n\nSir: Text.\n\nJAMES E. HARVEY.\n\nFrom Mr. Harvey.\n\nSir: Text.",
                &["Mr. Harvey to Mr. Seward."],
            ),
            (
                // frus1901China d113 (one document): a newspaper's cutting
                // after the signature of the letter that sends it.
                "frus1901China d113: newspaper extract after a signature",
                "Mr. Conger to Mr. Hay.\n\nSir: Text.\n\nLouis de Maessihalch,\nMissionaire.\n\nExtract from “Shanghai Mercury,” May 8.\n\nthe death of chao shu-chiao.\n\nThis ex-president of the board was ordered to commit suicide.",
                &["Mr. Conger"],
            ),
            (
                // frus1901China d15 (one document): a caption without a date
                // after a signature is the telegram the letter forwards.
                "frus1901China d15: undated caption after a signature",
                "The Acting Secretary of State to the Russian Chargé d’affaires.\n\nSir: Text.\n\nAlvey A. Adee,\nActing Secretary.\n\nTelegram sent to the representatives of the United States in Berlin, Vienna, Paris, London, Rome, Tokyo, and St. Petersburg.\n\nText.",
                &["The Acting Secretary"],
            ),
            (
                // frus1864p4 d171 | d172: "[Untitled]" opens a document
                // under a label, which is the document's.
                "frus1864p4 d171|d172: label over [Untitled]",
                "[Untitled]\n\n[From the Mercury.—Translation.]\n\nText.\n\nMay these eloquent documents and these weak lines bear to the citizens of the Union the expression of our gratitude.\n\nE.\n\n[Untitled]\n\n[From “The Voice of Chili.”—Translation.]\n\nTHE NORTH AMERICANS.",
                &["[Untitled]", "E."],
            ),
            (
                // The same, joined with no blank line: the label follows the
                // last paragraph of the document before.
                "frus1864p4 d171|d172 (newline join): label over [Untitled]",
                "[Untitled]\n\n[From the Mercury.—Translation.]\n\nText.\n\nMay these eloquent documents and these weak lines bear to the citizens of the Union the expression of our gratitude.\nE.\n\n[Untitled]\n\n[From “The Voice of Chili.”—Translation.]\n\nTHE NORTH AMERICANS.",
                &["[Untitled]", "E."],
            ),
            (
                // frus1864p4 d148 | d149: a caption over "[Untitled]".
                "frus1864p4 d148|d149: caption over [Untitled]",
                "No. 39.]\n\nMr. Motley to Mr. Seward.\n\nSir: Text.\n\nHon. William H. Seward, Secretary of State, Washington, D. C.\n\n[Page 123]\n\nDebate on Gallician affairs.\n\n[Untitled]\n\n[Document to accompany despatch No. 39.]\n\nFORTY-SECOND SITTING.",
                &["No. 39.]", "Debate on Gallician"],
            ),
            (
                // frus1864p4 d359 | d360: an addressee over "[Untitled]"
                // ends the document before.
                "frus1864p4 d359|d360: addressee over [Untitled]",
                "[Untitled]\n\nMost Excellent Sir: On view of your communication.\n\nGod preserve your excellency.\n\nThe Civil Governor, JACINTHO ANTONIO PERDIGAO.\n\nHis Excellency the Captain of the Port of Funchal.\n\n[Untitled]\n\nMost Excellent Sir: I communicated your excellency’s order.",
                &["[Untitled]", "[Untitled]"],
            ),
            (
                // frus1901China d1 | d2 | d3: a salutation after a closing
                // of two lines, an office over a place and date.
                "frus1901China d1|d2|d3: salutation after a dated closing",
                "To the Senate and House of Representatives:\n\nI transmit a report.\n\nTheodore Roosevelt.\n\nWhite House,\nWashington, December 11, 1901.\n\nThe President:\n\nI have the honor to submit to you a report.\n\nJohn Hay.\n\nDepartment of State,\nWashington, December 5, 1901.\n\nSir: In July, 1900, the President was pleased to appoint me commissioner.",
                &["To the Senate", "The President:", "Sir: In July"],
            ),
            (
                // frus1872p2v5 d57 (one document): a place and date of one
                // line over a salutation heads a letter inside it.
                "frus1872p2v5 d57: date line over a salutation",
                "*No. 46.\n\n[Untitled][52]\n\nExtract from the speech of Sir Robert Peel in the House of Commons, Monday, June 29, 1846.\n\nThose who remember the local conformation of that country.\n\nWashington, June 13, 1846.\n\nMy Lord: In conformity with what I had the honor to state.",
                &["*No. 46."],
            ),
            (
                // frus1861 d82 | unnumbered-98: a nested document at the
                // end of its parent's page, then on its own page.
                "frus1861 d82|unnumbered-98: reprint of a nested document",
                "Mr. Adams to Mr. Seward.\n\nSir: I likewise send a copy of his instructions to Lord Lyons.\n\nCHARLES FRANCIS ADAMS.\n\n[Page 147]\n\nNo. 136.]\n\nMy Lord: Her Majesty’s government deeply lament the outbreak of hostilities in North America, and they would gladly lend their aid to the restoration of peace.\n\nYou are instructed, therefore, in case you should be asked to employ your good offices, to give your assistance.\n\nJ. RUSSELL.\n\nThe Lord Lyons.\n\nNo. 136.]\n\nMy Lord: Her Majesty’s government deeply lament the outbreak of hostilities in North America, and they would gladly lend their aid to the restoration of peace.\n\nYou are instructed, therefore, in case you should be asked to employ your good offices, to give your assistance.\n\nJ. RUSSELL.\n\nThe Lord Lyons.",
                &["Mr. Adams to Mr. Seward.", "No. 136.]"],
            ),
            (
                // A long line said again inside one document, with other
                // lines around each copy: no reprint.
                "one long line twice",
                "Mr. Adams to Mr. Seward.\n\nSir: His lordship wrote as follows.\n\nHer Majesty’s government deeply lament the outbreak of hostilities in North America.\n\nTo which I replied at once.\n\nHer Majesty’s government deeply lament the outbreak of hostilities in North America.\n\nI am, &c.",
                &["Mr. Adams to Mr. Seward."],
            ),
            (
                // The same line of 250 bytes three times running: one line,
                // however long, is no document.
                "one very long line three times",
                &format!(
                    "Mr. Adams to Mr. Seward.\n\nSir: Text.\n\n{0}\n\n{0}\n\n{0}\n\nI am, &c.",
                    "Her Majesty’s government deeply lament the outbreak of hostilities. ".repeat(4)
                ),
                &["Mr. Adams to Mr. Seward."],
            ),
            (
                // frus1861 d266 | unnumbered-322 | -323: two documents
                // nested one after the other, reprinted as one run; the
                // second starts at its "[Translation.]".
                "frus1861 d266|unnumbered-322|-323: reprinted siblings",
                "Mr. Pike to Mr. Seward.\n\nNo. 4.]\n\nSir: I inclose the two notices of the government.\n\nF. A. PIKE.\n\n[Translation.]\n\nIn obedience to the King’s orders the ministers for foreign affairs and of justice make known that privateers will not be admitted into the ports of the kingdom, with or without their prizes.\n\nAt the Hague.\n\nThe ministers above named.\n\n[Translation.]\n\nThe minister for foreign affairs and the minister of justice, by the King’s authority, warn, by these presents, all persons against taking part in privateering.\n\nThe Hague.\n\nThe ministers above named.\n\n[Translation.]\n\nIn obedience to the King’s orders the ministers for foreign affairs and of justice make known that privateers will not be admitted into the ports of the kingdom, with or without their prizes.\n\nAt the Hague.\n\nThe ministers above named.\n\n[Translation.]\n\nThe minister for foreign affairs and the minister of justice, by the King’s authority, warn, by these presents, all persons against taking part in privateering.\n\nThe Hague.\n\nThe ministers above named.",
                &["Mr. Pike to Mr. Seward.", "[Translation.]", "[Translation.]"],
            ),
            (
                // frus1882 d101 | d102 | d103: the sections of a report
                // inclosed in a despatch, which the editors made documents.
                "frus1882 d101|d102|d103: sections of an inclosure",
                "No. 100.\nMr. Sargent to Mr. Frelinguysen.\n\nNo. 61.]\n\nSir: Mr. Chapman Coleman has prepared a report upon the organization of the courts of law in Germany, which I have the honor to inclose.\n\nI have, &c.,\n\nCHAPMAN COLEMAN,\nSecond Secretary of Legation.\n\nQualifications necessary for, and appointments to, judicial offices.\n\nI.\n\nthe first examination.\n\nCandidates for judicial offices must pass two examinations.\n\nPrinciples underlying the German organization of courts.\n\nII.\n\nProceedings in the courts are public.",
                &["No. 100.", "Qualifications", "Principles"],
            ),
            (
                // The same shape after a paragraph, not a closing, is a
                // section of the document (frus1919Parisv01 d333, "Means of
                // Restoration.\nI.", here with blank lines).
                "numbered section after a paragraph",
                "Memorandum on Reparation\n\nThe total cost of the present war will be paid by Germany by means of annuities.\n\nMeans of Restoration.\n\nI.\n\nGermany will furnish a list of the property of her nationals in foreign countries.",
                &["Memorandum on Reparation"],
            ),
            (
                // A section that does not follow the one before ("III." after
                // "I.") opens nothing.
                "section out of sequence",
                "No. 100.\nMr. Sargent to Mr. Frelinguysen.\n\nSir: I inclose a report.\n\nI have, &c.,\n\nCHAPMAN COLEMAN,\nSecond Secretary of Legation.\n\nQualifications necessary for, and appointments to, judicial offices.\n\nI.\n\nCandidates for judicial offices must pass two examinations.\n\nSubdivision of the court system and jurisdiction in general.\n\nIII.\n\nOrdinary contentious jurisdiction is exercised by the courts.",
                &["No. 100.", "Qualifications"],
            ),
            (
                // frus1861 unnumbered-227 | -228: the second sibling's
                // caption, over its "[Translation.]", is its own.
                "frus1861 unnumbered-227|-228: a sibling's caption",
                &format!(
                    "Mr. Schurz to Mr. Seward.\n\nNo. 2.]\n\nSir: I inclose my speech and the Queen’s reply.\n\nCARL SCHURZ.\n\n{0}\n\n{0}",
                    "Copy of the speech of Mr. Schurz.\n\nMadam: In appearing before your Majesty as envoy extraordinary and minister plenipotentiary of the United States of America, I regard it as my most agreeable duty.\n\nI have now the honor to place into your Majesty’s hands the letter of credence confided to me by the President, and of presenting my best wishes for the prosperity of the Spanish nation.\n\nReply of the Queen to Mr. Schurz.\n\n[Translation.]\n\nMr. Minister: With true satisfaction I receive the letter which accredits you as envoy extraordinary and minister plenipotentiary of the United States of America in my court.\n\nI am much gratified, Mr. Minister, with the wishes you express for my felicity, for that of my family, and for the prosperity of the Spanish nation."
                ),
                &["Mr. Schurz to Mr. Seward.", "Copy of the speech", "Reply of the Queen"],
            ),
            (
                // frus1861 unnumbered-370 | -371: a salutation under the
                // editors' lines of a sibling ("[Translation.]", "No.
                // 5232|103.]") opens nothing more.
                "frus1861 unnumbered-370|-371: a salutation under editors' lines",
                &format!(
                    "Mr. Brown to Mr. Seward.\n\nNo. 10.]\n\nSir: I inclose my note and the answer.\n\nJOHN P. BROWN.\n\n{0}\n\n{0}",
                    "Highness: I have had the honor to receive the letter which your highness was pleased to address me yesterday for the purpose of informing me.\n\nJOHN P. BROWN,\nChargé d’Affaires ad int.\n\n[Translation.]\n\nNo. 5232|103.]\n\nSir: I have the honor to inform you that his excellency Fuad Pacha has been called to the presidency of the supreme council of justice.\n\nI take occasion to offer renewed assurances of my high respect and perfect consideration.\n\nAALI."
                ),
                &["Mr. Brown to Mr. Seward.", "Highness:", "[Translation.]"],
            ),
            (
                // frus1861 d279 | unnumbered-338 | -339: the second sibling
                // is a letter quoted whole after the line that announces it.
                "frus1861 d279|unnumbered-338|-339: a quoted letter after its announcement",
                &format!(
                    "Mr. Pike to Mr. Seward.\n\nSir: I addressed the minister the following note:\n\n{0}\n\n{0}",
                    "“Sir: I do not understand this government to have yet distinctly conceded ‘belligerent rights’ to the self-styled Confederate States.”\n\nI concluded the interview by renewedly urging every consideration I could adduce to induce him to issue the desired orders.\n\nAfter my interview, I addressed Baron Van Zuylen the following note:\n\n“Sir: Referring to our conversation of to-day, I beg to suggest that what appears to you a practical difficulty may be properly overcome.”"
                ),
                &["Mr. Pike to Mr. Seward.", "“Sir: I do not", "“Sir: Referring"],
            ),
            (
                // frus1861 unnumbered-350: a reference in brackets inside a
                // reprinted document opens nothing.
                "frus1861 unnumbered-350: [See above.] in a reprint",
                "Mr. Pike to Mr. Seward.\n\nSir: I inclose my note.\n\nF. A. PIKE.\n\n“Sir: I have just received a communication from the American consul at Paramaribo, which I lose no time in laying before your excellency.\n\n“The consul states.”\n\n[See above.]\n\n“The reappearance of the Sumter in a port of the Netherlands, after so brief an interval, gives me reason to protest.”\n\n“Sir: I have just received a communication from the American consul at Paramaribo, which I lose no time in laying before your excellency.\n\n“The consul states.”\n\n[See above.]\n\n“The reappearance of the Sumter in a port of the Netherlands, after so brief an interval, gives me reason to protest.”",
                &["Mr. Pike to Mr. Seward.", "“Sir: I have just"],
            ),
            (
                // A block of two lines said over and over: the second copy
                // has the shape of a reprint of a document nested at the
                // end of its parent (d82 above) and opens one; the third
                // and fourth repeat the second, and open none.
                "a two-line paragraph repeated",
                &format!(
                    "Mr. Adams to Mr. Seward.\n\nSir: Text.\n\n{0}\n\n{0}\n\n{0}\n\n{0}\n\nI am, &c.",
                    "Her Majesty’s government deeply lament the outbreak of hostilities in North America, and they would gladly lend their aid.\nYou are instructed, therefore, in case you should be asked to employ your good offices, to give your assistance."
                ),
                &["Mr. Adams to Mr. Seward.", "Her Majesty’s government"],
            ),
            (
                // A copy of a passage of the document before that is not in
                // the same document: documents opened by a head start the
                // comparison afresh (a letter quoted in two despatches).
                "a passage quoted in two documents",
                "Mr. Adams to Mr. Seward.\n\nSir: Lord Russell wrote:\n\nHer Majesty’s government deeply lament the outbreak of hostilities in North America, and they would gladly lend their aid.\n\nYou are instructed, therefore, in case you should be asked to employ your good offices, to give your assistance.\n\nI am, &c.\n\nMr. Dayton to Mr. Seward.\n\nSir: M. Thouvenel read me this:\n\nHer Majesty’s government deeply lament the outbreak of hostilities in North America, and they would gladly lend their aid.\n\nYou are instructed, therefore, in case you should be asked to employ your good offices, to give your assistance.\n\nI am, &c.",
                &["Mr. Adams to Mr. Seward.", "Mr. Dayton to Mr. Seward."],
            ),
        ];
        for (name, text, want) in cases {
            let got = first_lines(text);
            assert_eq!(got.len(), want.len(), "{name}: {got:?}");
            for (g, w) in got.iter().zip(want.iter()) {
                assert!(g.starts_with(w), "{name}: {got:?}");
            }
        }
    }

    #[test]
    fn roman_values() {
        for (t, want) in [
            ("I", Some(1)),
            ("IV", Some(4)),
            ("IX", Some(9)),
            ("X", Some(10)),
            ("XIV", Some(14)),
            ("XXXIX", Some(39)),
            ("", None),
            ("IIII", None),
            ("XXXX", None),
            ("L", None),
            ("VX", None),
        ] {
            assert_eq!(roman_value(t), want, "{t}");
        }
    }

    #[test]
    fn notes_are_each_documents_own() {
        let text = "67. Telegram From A to B1\n\nText.2\n\n  1. Source: X. Secret.\n  2. Note two.\n\n68. Memorandum From C to D3\n\nText.\n\n  1. Source: Y. Confidential.";
        let recs = records(text, "vol.txt");
        let notes: Vec<Vec<&str>> = recs
            .iter()
            .map(|r| r.footnotes.iter().map(|f| f.text.as_str()).collect())
            .collect();
        assert_eq!(
            notes,
            [
                vec!["Source: X. Secret.", "Note two."],
                vec!["Source: Y. Confidential."]
            ]
        );
        assert_eq!(recs[0].part, Some(1));
        assert_eq!(recs[1].part, Some(2));
        assert_eq!(recs[1].classification.as_deref(), Some("Confidential"));
    }

    #[test]
    fn page_lines_between_documents() {
        // A new page after document 67 is 67's; a repeat of it is no one's.
        let text = "67. Telegram From A to B\n\nText.\n\n[Page 5]\n\n[Page 5]\n\n68. Memorandum From C to D\n\nText.";
        let recs = records(text, "vol.txt");
        assert_eq!(recs[0].pages, ["5"]);
        assert!(recs[1].pages.is_empty());
        assert!(!text[recs[0].span.end..recs[1].span.start].trim().is_empty());
    }

    #[test]
    fn page_line_after_a_note_list_opens_the_next_document() {
        // frus1901China d113 | d114 with a "[Page 169]" line between: a new
        // page after the note list is the next document's.
        let text = "Mr. Rockhill to Mr. Hay.\n\nSir: Text.\n\n  1. The Empress Dowager is popularly called by this name. (W. W. R.)\n\n[Page 169]\n\nMr. Rockhill to Mr. Hay.\n\nNo. 89.]\n\nSir: The difficulty.";
        let sp = split(text);
        assert_eq!(sp.parts.len(), 2);
        assert!(text[sp.parts[0].span.start..sp.parts[0].span.end].ends_with("(W. W. R.)"));
        assert!(text[sp.parts[1].span.start..].starts_with("[Page 169]\n\nMr. Rockhill"));
        // frus1882 d88 ends with a list item "  • Art. 5. …", no note list:
        // the new page after it stays with it.
        let text = "No. 87.\nMr. Morton to Mr. Frelinghuysen.\n\nSir: Text.\n\n  • Art. 5. The decree of February 18, 1881, is repealed.\n\n[Page 155]\n\nNo. 88.\nMr. Morton to Mr. Frelinghuysen.\n\nSir: I regret.";
        let sp = split(text);
        assert_eq!(sp.parts.len(), 2);
        assert!(text[..sp.parts[0].span.end].ends_with("[Page 155]"));
        assert!(text[sp.parts[1].span.start..].starts_with("No. 88."));
    }

    #[test]
    fn doubt_for_a_head_out_of_sequence() {
        let text = "67. Telegram From A to B\n\nText.\n\n68. Telegram From C to D\n\nText.\n\n12. Memorandum From E to F\n\nText.";
        let sp = split(text);
        assert_eq!(sp.parts.len(), 2);
        assert_eq!(sp.doubts.len(), 1);
        assert_eq!(sp.doubts[0].offset, text.find("12.").unwrap());
    }
}
