//! Per-document rules: they read one record and its decoded text, and keep
//! a small [`Summary`] for the folder rules.
//!
//! The parser's own diagnostics are mapped to rule ids (P001 → DOC001,
//! P002 → FN001, P003 → PG004, P004 → SRC003, P005 → DOC007, E0xx → IO00x)
//! rather than detected a second time.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::{Loc, Raw};
use crate::diag::LineIndex;
use crate::parse::dateline::valid_iso;
use crate::parse::head;
use crate::record::Record;

/// Most findings of one rule reported per file; the rest are counted in one
/// last finding.
const MAX_PER_RULE: usize = 20;

/// Bodies shorter than this (in characters, whitespace collapsed) are not
/// compared for duplicates: "Same to same." is legitimately repeated.
const MIN_BODY_FOR_HASH: usize = 200;

/// What is known of the folder before any file is read.
#[derive(Debug, Clone, Default)]
pub struct FolderContext {
    /// The year of the volume named by the folder ("frus1942China" → 1942).
    pub year: Option<u32>,
}

impl FolderContext {
    /// The context of `root`.
    pub fn of(root: &Path) -> FolderContext {
        let abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        FolderContext { year: abs.components().filter_map(|c| volume_year(&c.as_os_str().to_string_lossy())).next_back() }
    }
}

/// "frus1942China" → 1942, "frus1969-76v12" → 1969.
pub fn volume_year(name: &str) -> Option<u32> {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^frus(\d{4})").expect("regex"));
    RE.captures(name)?.get(1)?.as_str().parse().ok()
}

/// A document number and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// As printed ("67", "133a").
    pub text: String,
    /// Its integer part.
    pub value: u32,
    /// True when read from the head, false when from the file name.
    pub from_head: bool,
}

/// A reference kept for the folder rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefSummary {
    /// Routing series for a cable reference; None for "Document N".
    pub series: Option<String>,
    /// The number cited.
    pub number: String,
    /// The reference as printed.
    pub text: String,
    /// Where.
    pub loc: Loc,
}

/// What the folder rules need of one document.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The path shown in findings.
    pub shown: String,
    /// The path inside the folder.
    pub rel: String,
    /// The document number.
    pub number: Option<DocNumber>,
    /// The head, or the start of the file.
    pub head: Loc,
    /// First and last arabic page marker.
    pub pages: Option<((u32, Loc), (u32, Loc))>,
    /// Routing series and serial, where.
    pub routing: Option<(String, String, Loc)>,
    /// References to documents and routing serials.
    pub refs: Vec<RefSummary>,
    /// Hash of the normalised body, when long enough.
    pub body_hash: Option<u64>,
}

/// Run the per-document rules on the records of one file and its text.
pub fn check_file(records: &[Record], text: &str, rel: &str, ctx: &FolderContext) -> (Vec<Raw>, Summary) {
    let idx = LineIndex::new(text);
    let mut out = Vec::new();
    let mut summary = Summary { rel: rel.to_string(), head: Loc::start(), ..Summary::default() };
    for rec in records {
        check_record(rec, text, &idx, ctx, &mut out, &mut summary);
    }
    (cap(out), summary)
}

fn check_record(rec: &Record, src: &str, idx: &LineIndex, ctx: &FolderContext, out: &mut Vec<Raw>, sum: &mut Summary) {
    let at = |offset: usize| Loc::at(idx, src, offset);
    let mut had_encoding = false;
    // Parser and decoder diagnostics.
    for d in &rec.diagnostics {
        let rule = match d.code.as_str() {
            "E001" | "E010" | "E020" => "IO001",
            "E002" | "E003" | "E005" => {
                had_encoding = true;
                "IO002"
            }
            "E004" => "IO003",
            "P001" => "DOC001",
            "P002" => "FN001",
            "P003" => "PG004",
            "P004" => "SRC003",
            "P005" => "DOC007",
            _ => continue,
        };
        let loc = if src.is_empty() { Loc::start() } else { at(d.offset) };
        out.push(Raw::new(rule, loc, d.message.clone()));
    }
    if src.trim().is_empty() {
        return;
    }
    let head_loc = rec.head_span.map(|s| at(s.start));
    sum.head = head_loc.clone().unwrap_or_else(|| at(0));

    // Numbers: the head's, else the file name's.
    let from_name = number_in_file_name(&sum.rel);
    let from_head = rec.number.as_deref().and_then(|n| doc_number(n, true));
    if let (Some(h), Some(f)) = (&from_head, &from_name) {
        if !h.text.eq_ignore_ascii_case(&f.text) {
            out.push(Raw::new(
                "DOC003",
                sum.head.clone(),
                format!("head number {} differs from the file name's number {}", h.text, f.text),
            ));
        }
    }
    sum.number = from_head.or(from_name);

    merged_heads(rec, src, &at, out);
    footnote_marks(rec, src, &at, out);
    footnote_order(rec, &at, out);
    empty_footnotes(rec, src, &at, out);
    source_note(rec, ctx, &sum.head, out);
    pages(rec, &at, out, sum);
    dates(rec, &at, out);
    characters(rec, src, &at, had_encoding, out);

    if let Some(r) = &rec.routing {
        if let Some(series) = &r.series {
            sum.routing = Some((series.clone(), r.number.clone(), at(r.offset)));
        }
    }
    for r in &rec.references {
        match r.kind.as_str() {
            "document" | "footnote" => {
                let n = if r.kind == "footnote" { r.document.clone() } else { Some(r.number.clone()) };
                let Some(n) = n else { continue };
                if cites_other_volume(src, r.offset) {
                    continue;
                }
                sum.refs.push(RefSummary { series: None, number: n, text: r.text.clone(), loc: at(r.offset) });
            }
            "cable" => {
                sum.refs.push(RefSummary {
                    series: r.series.clone(),
                    number: r.number.clone(),
                    text: r.text.clone(),
                    loc: at(r.offset),
                });
            }
            _ => {}
        }
    }
    sum.body_hash = body_hash(rec);
}

/// Keep at most [`MAX_PER_RULE`] findings of a rule; say how many more.
fn cap(raws: Vec<Raw>) -> Vec<Raw> {
    let mut counts: std::collections::HashMap<&'static str, usize> = Default::default();
    let mut out = Vec::with_capacity(raws.len());
    let mut last: std::collections::HashMap<&'static str, Loc> = Default::default();
    for r in raws {
        let n = counts.entry(r.rule).or_default();
        *n += 1;
        if *n <= MAX_PER_RULE {
            out.push(r);
        } else {
            last.entry(r.rule).or_insert(r.loc);
        }
    }
    let mut extra: Vec<(&'static str, Loc)> = last.into_iter().collect();
    extra.sort_by_key(|(r, _)| *r);
    for (rule, loc) in extra {
        let more = counts[rule] - MAX_PER_RULE;
        out.push(Raw::new(rule, loc, format!("{more} more {rule} findings in this file (first shown here)")));
    }
    out
}

/// "d67.txt", "frus1969-76v16-d67.txt", "67.txt" → 67.
pub fn number_in_file_name(rel: &str) -> Option<DocNumber> {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[-_ ])d?(\d{1,4}[a-z]?)$").expect("regex"));
    let name = rel.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let n = RE.captures(stem)?.get(1)?.as_str();
    doc_number(n, false)
}

fn doc_number(n: &str, from_head: bool) -> Option<DocNumber> {
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    Some(DocNumber { text: n.to_string(), value: digits.parse().ok()?, from_head })
}

/// DOC004: a body line that reads as a numbered head of another document:
/// "68. Telegram From the Embassy in …", "12. Editorial Note".
fn merged_heads(rec: &Record, src: &str, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,4}[a-z]?)\.\s+(\S.*)$").expect("regex"));
    for p in &rec.paragraphs {
        let raw = src.get(p.span.start..p.span.end).unwrap_or("").trim();
        if raw.contains('\n') || raw.len() > 300 || raw.ends_with('.') && !raw.ends_with("Note.") {
            continue;
        }
        let Some(c) = RE.captures(raw) else { continue };
        let (Some(n), Some(title)) = (c.get(1), c.get(2)) else { continue };
        let title = title.as_str();
        let Some(kind) = head::doc_type(title) else { continue };
        // A head names parties or is a bare type ("Editorial Note").
        let headlike = title == kind
            || [" From ", " to ", " of ", " for ", " by ", " Prepared ", " Between ", " Among "].iter().any(|w| title.contains(w));
        if !headlike || rec.number.as_deref() == Some(n.as_str()) {
            continue;
        }
        out.push(Raw::new(
            "DOC004",
            at(p.span.start),
            format!("second document head \"{}. {}\" inside the body: documents merged?", n.as_str(), short(title)),
        ));
    }
}

/// FN001, marks side: a number glued to a word ("mission.7", "Molotov53")
/// in the text that no footnote claims.
fn footnote_marks(rec: &Record, src: &str, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:[a-z]{2}[.,;:]?|[a-z]{2}[”’]|\))(\d{1,3})(?:[\s,;:.)]|$)").expect("regex"));
    let Some(head) = rec.head_span else { return };
    let end = rec.footnotes.first().map_or(rec.span.end, |f| f.span.start).min(src.len());
    if head.start >= end {
        return;
    }
    let Some(body) = src.get(head.start..end) else { return };
    let anchors: Vec<usize> = rec.footnotes.iter().flat_map(|f| f.anchors.iter().copied()).collect();
    let markers: Vec<&str> = rec.footnotes.iter().map(|f| f.marker.as_str()).collect();
    for c in RE.captures_iter(body) {
        let Some(m) = c.get(1) else { continue };
        let offset = head.start + m.start();
        if anchors.iter().any(|&a| a == offset || a + 1 == offset) || markers.contains(&m.as_str()) {
            continue;
        }
        if rec.page_markers.iter().any(|p| p.span.start <= offset && offset < p.span.end) {
            continue;
        }
        out.push(Raw::new("FN001", at(offset), format!("footnote mark {} has no footnote", m.as_str())));
    }
}

/// FN002: marks, in list order, go up by one from wherever they start. A
/// note with no mark (reported by FN001) keeps its place in the count.
fn footnote_order(rec: &Record, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    let mut prev: Option<(u32, usize)> = None; // value, list position
    for (i, f) in rec.footnotes.iter().enumerate() {
        let Some(&anchor) = f.anchors.first() else { continue };
        let Ok(v) = f.marker.parse::<u32>() else { continue };
        if let Some((pv, pi)) = prev {
            let expected = pv + (i - pi) as u32;
            if v != expected {
                let what = if v <= pv { "out of order" } else { "a gap" };
                out.push(Raw::new(
                    "FN002",
                    at(anchor),
                    format!("footnote mark {v} follows mark {pv} ({what}; expected {expected})"),
                ));
            }
        }
        prev = Some((v, i));
    }
}

/// FN004: a note with no text, in the record or as a bare "  3." line among
/// the notes (which the parser does not take as a note).
fn empty_footnotes(rec: &Record, src: &str, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    for f in &rec.footnotes {
        if f.text.trim().trim_end_matches('↩').trim().is_empty() {
            out.push(Raw::new("FN004", at(f.span.start), format!("footnote {} is empty", f.marker)));
        }
    }
    static BARE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[ \t]+(\d{1,4})\.[ \t]*↩?[ \t]*$").expect("regex"));
    static ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[ \t]+\d{1,4}\.[ \t]+\S").expect("regex"));
    let text = src.get(rec.span.start..rec.span.end).unwrap_or("");
    let lines: Vec<(usize, &str)> = text.split('\n').scan(rec.span.start, |pos, l| {
        let start = *pos;
        *pos += l.len() + 1;
        Some((start, l.trim_end_matches('\r')))
    }).collect();
    for (i, (start, line)) in lines.iter().enumerate() {
        let Some(c) = BARE.captures(line) else { continue };
        let near = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_some_and(|(_, l)| ITEM.is_match(l) || BARE.is_match(l));
        if near(i.checked_sub(1)) || near(Some(i + 1)) {
            let n = c.get(1).map_or("", |m| m.as_str());
            let col = line.len() - line.trim_start().len();
            out.push(Raw::new("FN004", at(start + col), format!("footnote {n} is empty")));
        }
    }
}

/// SRC001: a historical document after 1910 with neither a source note nor
/// a file line. Editorial notes need none; before 1911 none is expected.
fn source_note(rec: &Record, ctx: &FolderContext, head: &Loc, out: &mut Vec<Raw>) {
    if rec.head_span.is_none() || !rec.body || rec.source_note.is_some() {
        return;
    }
    let year = rec.dateline.as_ref().and_then(|d| d.date.as_deref()).and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()).or(ctx.year);
    let Some(year) = year else { return };
    if year <= 1910 {
        return;
    }
    let editorial = rec.doc_type.as_deref() == Some("Editorial Note")
        || rec.title.as_deref().is_some_and(|t| t.to_ascii_lowercase().starts_with("editorial note"));
    if editorial {
        return;
    }
    out.push(Raw::new(
        "SRC001",
        head.clone(),
        format!("document of {year} has no source note (no \"Source:\" footnote and no file line)"),
    ));
}

/// A page value as an orderable pair: roman pages (class 0) come before
/// arabic ones (class 1). "[30]" is read as 30.
pub fn page_value(n: &str) -> Option<(u8, u32)> {
    let n = n.trim_start_matches('[').trim_end_matches(']');
    if let Ok(v) = n.parse::<u32>() {
        return Some((1, v));
    }
    roman(n).map(|v| (0, v))
}

fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// PG001: markers of one kind strictly increase inside the document. Also
/// records the first and last arabic page for the folder rule PG002.
fn pages(rec: &Record, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>, sum: &mut Summary) {
    let mut last: Vec<(&str, (u8, u32), &str)> = Vec::new(); // kind, value, as printed
    let mut arabic: Vec<(u32, usize)> = Vec::new();
    for m in &rec.page_markers {
        let Some(v) = page_value(&m.n) else { continue };
        if m.kind == "page" && v.0 == 1 {
            arabic.push((v.1, m.span.start));
        }
        match last.iter_mut().find(|(k, _, _)| *k == m.kind) {
            Some(entry) => {
                if v <= entry.1 {
                    out.push(Raw::new(
                        "PG001",
                        at(m.span.start),
                        format!("page marker [Page {}] after [Page {}]: pages do not increase", m.n, entry.2),
                    ));
                }
                *entry = (m.kind.as_str(), v, m.n.as_str());
            }
            None => last.push((m.kind.as_str(), v, m.n.as_str())),
        }
    }
    if let (Some(&(f, fo)), Some(&(l, lo))) = (arabic.first(), arabic.last()) {
        sum.pages = Some(((f, at(fo)), (l, at(lo))));
    }
}

/// DT001, DT003: the dateline date is a calendar date between 1776 and now.
fn dates(rec: &Record, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    let Some(d) = &rec.dateline else { return };
    let Some(date) = &d.date else { return };
    if !valid_iso(date) {
        out.push(Raw::new("DT001", at(d.offset), format!("dateline date {:?} is not a calendar date", d.text)));
        return;
    }
    let Some(year) = date.get(..4).and_then(|y| y.parse::<u32>().ok()) else { return };
    let now = current_year();
    if !(1776..=now).contains(&year) {
        out.push(Raw::new("DT003", at(d.offset), format!("dateline year {year} is outside 1776–{now}")));
    }
}

/// The current year (UTC), from the system clock.
pub fn current_year() -> u32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    year_of_day((secs / 86_400) as i64)
}

/// The civil year of a day counted from 1970-01-01 (H. Hinnant's algorithm).
fn year_of_day(days: i64) -> u32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    u32::try_from(year).unwrap_or(0)
}

/// CH007 and CH008.
fn characters(rec: &Record, src: &str, at: &dyn Fn(usize) -> Loc, had_encoding: bool, out: &mut Vec<Raw>) {
    let text = src.get(rec.span.start..rec.span.end).unwrap_or("");
    let base = rec.span.start;
    static OCR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^\w\-/.])(l\d{1,4}|\d{1,4}l\d{0,3})(?:[^\w\-/]|$)").expect("regex"));
    for c in OCR.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        out.push(Raw::new("CH007", at(base + m.start()), format!("\"{}\": \"l\" for \"1\"?", m.as_str())));
    }
    static MOJIBAKE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"â€[\u{0080}-\u{203A}]?|Ã[\u{0080}-\u{00BF}]|Â[\u{00A0}-\u{00BF}]").expect("regex"));
    for m in MOJIBAKE.find_iter(text) {
        out.push(Raw::new("CH008", at(base + m.start()), format!("mojibake {:?} (UTF-8 read as Windows-1252)", m.as_str())));
    }
    let notes_from = rec.footnotes.first().map_or(usize::MAX, |f| f.span.start);
    for (i, ch) in text.char_indices() {
        let what = match ch {
            '\t' | '\n' | '\r' => continue,
            c if (c as u32) < 0x20 || ('\u{7F}'..='\u{9F}').contains(&c) => format!("control character U+{:04X}", c as u32),
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => format!("zero-width character U+{:04X}", ch as u32),
            '\u{FFFD}' if !had_encoding => "replacement character U+FFFD (text lost in an earlier conversion)".to_string(),
            '↩' => {
                // After a note, at the end of its line, "↩" is the page's
                // back-link kept by the copy: not stray.
                let rest = text[i + '↩'.len_utf8()..].split('\n').next().unwrap_or("");
                if base + i >= notes_from && rest.trim().is_empty() {
                    continue;
                }
                "stray \"↩\" (a footnote back-link) in the text".to_string()
            }
            _ => continue,
        };
        out.push(Raw::new("CH008", at(base + i), what));
    }
}

/// True when the sentence before `offset` names another volume ("Foreign
/// Relations, 1958–1960, vol. X, Document 12"): not a reference to resolve
/// in the folder.
fn cites_other_volume(src: &str, offset: usize) -> bool {
    let mut from = offset.saturating_sub(160);
    while from > 0 && !src.is_char_boundary(from) {
        from -= 1;
    }
    let Some(before) = src.get(from..offset) else { return false };
    let sentence = before.rsplit(['\n', ';']).next().unwrap_or(before);
    let sentence = sentence.rsplit(". ").next().unwrap_or(sentence);
    ["vol.", "volume", "Volume", "Foreign Relations", "FRUS", "vols."].iter().any(|w| sentence.contains(w))
}

/// Hash of the body paragraphs with whitespace collapsed, when long enough.
fn body_hash(rec: &Record) -> Option<u64> {
    let mut norm = String::new();
    for p in &rec.paragraphs {
        for w in p.text.split_whitespace() {
            if !norm.is_empty() {
                norm.push(' ');
            }
            norm.push_str(w);
        }
    }
    if norm.chars().count() < MIN_BODY_FOR_HASH {
        return None;
    }
    let mut h = DefaultHasher::new();
    norm.hash(&mut h);
    Some(h.finish())
}

/// At most 60 characters of `s`.
pub fn short(s: &str) -> String {
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let mut t: String = s.chars().take(59).collect();
    t.push('…');
    t
}
