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
        FolderContext {
            year: abs
                .components()
                .filter_map(|c| volume_year(&c.as_os_str().to_string_lossy()))
                .next_back(),
        }
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
    /// TEI: the volume file (path inside the folder) the document is in;
    /// the folder rules compare the documents of one volume. None for text.
    pub volume: Option<String>,
    /// TEI: the document's `xml:id` (or "unnumbered-K"); text read with
    /// `--split`: the document's part in its file ("2"). Findings show it
    /// after the path, "vol.txt#2".
    pub doc: Option<String>,
    /// Folder findings already made by a TEI rule, as (rule, offset): a
    /// document TEI001 reports is not reported again as VOL001 or VOL004,
    /// a `<pb>` TEI003 reports not again as PG002.
    pub covered: Vec<(&'static str, usize)>,
    /// TEI: the arabic `<pb n>` of the volume just before the document's
    /// first page, wherever it stands. Pages printed between documents
    /// (chapter texts, appendices) are in no document, so a page jump from
    /// the document before is explained when this page is close.
    pub page_before: Option<u32>,
}

impl Summary {
    /// How findings name the document: the path, plus "#id" in a volume.
    pub fn label(&self) -> String {
        match &self.doc {
            Some(d) => format!("{}#{d}", self.shown),
            None => self.shown.clone(),
        }
    }

    /// The directory or volume whose documents are compared.
    pub fn group(&self) -> &str {
        match &self.volume {
            Some(v) => v,
            None => self.rel.rsplit_once('/').map_or("", |(dir, _)| dir),
        }
    }
}

/// Run the per-document rules on the records of one file and its text.
/// `doubts` are the doubtful places of the split that made the records,
/// when they were split ([`crate::document::records_text_and_doubts`]);
/// without them the text is split here for DOC005.
pub fn check_file(
    records: &[Record],
    text: &str,
    doubts: Option<Vec<crate::split::Doubt>>,
    rel: &str,
    ctx: &FolderContext,
) -> (Vec<Raw>, Vec<Summary>) {
    let idx = LineIndex::new(text);
    let mut out = Vec::new();
    // One summary per document: a file read with `--split` may hold
    // several, each with its `part` ("vol.txt#2" in findings).
    let mut summaries = Vec::with_capacity(records.len());
    for rec in records {
        let mut summary = Summary {
            rel: rel.to_string(),
            head: Loc::start(),
            doc: rec.part.map(|p| p.to_string()),
            ..Summary::default()
        };
        check_record(rec, text, &idx, ctx, &mut out, &mut summary);
        summaries.push(summary);
    }
    // DOC005: where the split of a file into documents is doubtful.
    let doubts = doubts.unwrap_or_else(|| crate::split::split(text).doubts);
    for d in doubts {
        out.push(Raw::new("DOC005", Loc::at(&idx, text, d.offset), d.message));
    }
    (cap(out, "file"), summaries)
}

/// Rules over the records of a TEI volume, and one [`Summary`] per
/// document for the folder rules (each volume is its own folder).
///
/// The reader's diagnostics (XML errors, entities, the editors' TEI001–003)
/// are given at their XML line and column. The per-document rules that mean
/// something on markup run on every `<div type="document">`, located at the
/// div or at the offending element: DOC001 (no `<head>`), DOC003 (`@n`
/// differs from the `xml:id` "dN"), DOC004 (a paragraph that reads as a
/// numbered head), FN002 (note `@n` out of order), FN004, SRC001, PG001,
/// DT001, DT003, CH007 and CH008 (in the text between tags). Not here:
/// FN001 (a TEI note stands at its mark, so neither can be missing), DOC005
/// and PG004 (text splitting and printed page markers), SRC003 and DOC007
/// (parser diagnostics the reader does not make).
///
/// What TEI003 reports (a `<pb>` that does not increase) is not reported
/// again as PG001; the summary keeps the TEI001 and TEI003 places so the
/// folder rules can leave them out too ([`Summary::covered`]).
pub fn check_tei(records: &[Record], text: &str, shown: &str) -> (Vec<Raw>, Vec<Summary>) {
    let idx = LineIndex::new(text);
    let at = |offset: usize| Loc::at(&idx, text, offset);
    // The findings of each record, capped per record: a volume holds
    // hundreds of documents, and a cap per file would hide the later ones.
    let mut found: Vec<Vec<Raw>> = vec![Vec::new(); records.len()];
    let mut summaries = Vec::new();
    let mut page_reported: Vec<usize> = Vec::new();
    let mut seq_reported: Vec<usize> = Vec::new();
    let volume_pages = arabic_page_breaks(text);
    for (rec, out) in records.iter().zip(found.iter_mut()) {
        for d in &rec.diagnostics {
            let rule = match d.code.as_str() {
                "TEI001" => {
                    seq_reported.push(d.offset);
                    "TEI001"
                }
                "TEI002" => "TEI002",
                "TEI003" => {
                    page_reported.push(d.offset);
                    "TEI003"
                }
                "X001" | "X004" | "X005" => "XML001",
                "X002" | "X003" => "XML002",
                "X006" => "IO003",
                "E003" => "IO002",
                "E010" => "IO001",
                _ => continue,
            };
            out.push(Raw::new(rule, at(d.offset), d.message.clone()));
        }
    }
    for (k, rec) in records.iter().enumerate() {
        // The record of the file itself (no "#id") only carries diagnostics.
        let Some((file, id)) = rec.path.split_once('#') else {
            continue;
        };
        let out = &mut found[k];
        let div = at(rec.span.start);
        if rec.head_span.is_none() {
            out.push(Raw::new(
                "DOC001",
                div.clone(),
                format!("document {id} has no <head>"),
            ));
        }
        let from_id = number_in_file_name(id);
        let from_n = rec.number.as_deref().and_then(|n| doc_number(n, true));
        if let (Some(n), Some(i)) = (&from_n, &from_id) {
            if !n.text.eq_ignore_ascii_case(&i.text) {
                out.push(Raw::new(
                    "DOC003",
                    div.clone(),
                    format!("document n=\"{}\" differs from its xml:id \"{id}\"", n.text),
                ));
            }
        }
        let mut sum = Summary {
            shown: shown.to_string(),
            rel: rec.path.clone(),
            volume: Some(file.to_string()),
            doc: Some(id.to_string()),
            number: from_n.or(from_id),
            head: div.clone(),
            body_hash: body_hash(rec),
            ..Summary::default()
        };
        if seq_reported.contains(&rec.span.start) {
            sum.covered.push(("VOL001", rec.span.start));
            sum.covered.push(("VOL004", rec.span.start));
        }
        for m in &rec.page_markers {
            if page_reported.contains(&m.span.start) {
                sum.covered.push(("PG002", m.span.start));
            }
        }
        if let Some(first) = rec
            .page_markers
            .iter()
            .find(|m| m.kind == "page" && page_value(&m.n).is_some_and(|v| v.0 == 1))
        {
            let k = volume_pages.partition_point(|&(o, _)| o < first.span.start);
            sum.page_before = k.checked_sub(1).map(|k| volume_pages[k].1);
        }
        merged_heads(rec, None, &at, out);
        let in_dateline: Vec<usize> = match &rec.dateline {
            Some(d) => {
                let end = text
                    .get(d.offset..)
                    .and_then(|t| t.find("</dateline>"))
                    .map_or(d.offset, |e| d.offset + e);
                (0..rec.footnotes.len())
                    .filter(|&i| (d.offset..end).contains(&rec.footnotes[i].span.start))
                    .collect()
            }
            None => Vec::new(),
        };
        footnote_order(rec, &in_dateline, &at, out);
        for f in &rec.footnotes {
            if f.text.trim().is_empty() {
                out.push(Raw::new(
                    "FN004",
                    at(f.span.start),
                    format!("footnote {} of {} is empty", f.marker, rec.path),
                ));
            }
        }
        let year = rec
            .volume
            .as_deref()
            .and_then(volume_year)
            .or_else(|| volume_year(file));
        source_note(rec, year, false, &div, out);
        let mut pg = Vec::new();
        pages(rec, &at, &mut pg, &mut sum);
        out.extend(
            pg.into_iter()
                .filter(|r| !page_reported.contains(&r.loc.offset)),
        );
        if let Some(d) = &rec.dateline {
            if let Some(date) = d.date.as_deref() {
                dates(&d.text, &xsd_date(date), &at(d.offset), out);
            }
        }
        // The text between tags, without the documents nested in this one
        // (they are checked as records of their own).
        let inner: Vec<(usize, usize)> = records
            .iter()
            .enumerate()
            .filter(|&(j, r)| j != k && r.span.start > rec.span.start && r.span.end <= rec.span.end)
            .map(|(_, r)| (r.span.start, r.span.end))
            .collect();
        for (start, seg) in xml_text_segments(text, rec.span.start, rec.span.end) {
            if inner.iter().any(|&(a, b)| start >= a && start < b) {
                continue;
            }
            characters(seg, start, usize::MAX, true, &at, false, out);
        }
        for r in &rec.references {
            if r.kind == "document" {
                sum.refs.push(RefSummary {
                    series: None,
                    number: r.number.clone(),
                    text: r.text.clone(),
                    loc: at(r.offset),
                });
            }
        }
        summaries.push(sum);
    }
    // Volume order (a nested document's record is made before its parent's).
    summaries.sort_by_key(|s| s.head.offset);
    let out = found
        .into_iter()
        .flat_map(|raws| cap(raws, "document"))
        .collect();
    (out, summaries)
}

/// The arabic `<pb n>` of a whole volume, with their offsets, in order.
fn arabic_page_breaks(xml: &str) -> Vec<(usize, u32)> {
    static PB: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"<pb\s[^>]*?\bn="([^"]*)""#).expect("regex"));
    PB.captures_iter(xml)
        .filter_map(|c| {
            let at = c.get(0)?.start();
            match page_value(c.get(1)?.as_str())? {
                (1, v) => Some((at, v)),
                _ => None,
            }
        })
        .collect()
}

/// A TEI `@when` as the ISO date the dateline rules read: the date of a
/// dateTime ("1917-04-07T16:00:00" → "1917-04-07"); a month and day without
/// a year ("--11-14") is read in a leap year.
fn xsd_date(when: &str) -> String {
    let date = when.split('T').next().unwrap_or(when);
    match date.strip_prefix("--") {
        Some(md) => format!("2000-{md}"),
        None => date.to_string(),
    }
}

/// The runs of character data of `src[from..to]`, with their offsets:
/// everything outside tags, comments and processing
/// instructions (a CDATA section is read as a tag, up to its first ">").
fn xml_text_segments(src: &str, from: usize, to: usize) -> Vec<(usize, &str)> {
    let to = to.min(src.len());
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let Some(rest) = src.get(i..to) else { break };
        match rest.find('<') {
            Some(0) => {
                let close = if rest.starts_with("<!--") { "-->" } else { ">" };
                i = rest.find(close).map_or(to, |e| i + e + close.len());
            }
            Some(p) => {
                out.push((i, &rest[..p]));
                i += p;
            }
            None => {
                out.push((i, rest));
                i = to;
            }
        }
    }
    out
}

fn check_record(
    rec: &Record,
    src: &str,
    idx: &LineIndex,
    ctx: &FolderContext,
    out: &mut Vec<Raw>,
    sum: &mut Summary,
) {
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
            // P002 is reconciled with the marks found in the text first
            // (see `footnote_marks`).
            "P002" => continue,
            "P003" => "PG004",
            // "[distribution indicator not declassified]" is the editors'
            // bracket for a withheld marking, not an unknown one.
            "P004" if d.message.contains("\"[") => continue,
            "P004" => "SRC003",
            "P005" => "DOC007",
            _ => continue,
        };
        let loc = if src.is_empty() {
            Loc::start()
        } else {
            at(d.offset)
        };
        out.push(Raw::new(rule, loc, d.message.clone()));
    }
    if src.trim().is_empty() {
        return;
    }
    let head_loc = rec.head_span.map(|s| at(s.start));
    // The file name numbers the file's first document only.
    let from_name = number_in_file_name(&sum.rel).filter(|_| rec.part.is_none_or(|p| p == 1));
    sum.head = head_loc.clone().unwrap_or_else(|| at(rec.span.start));
    let own = src.get(rec.span.start..rec.span.end).unwrap_or("");

    // Numbers: the head's, else the file name's.
    let from_head = rec.number.as_deref().and_then(|n| doc_number(n, true));
    if let (Some(h), Some(f)) = (&from_head, &from_name) {
        if !h.text.eq_ignore_ascii_case(&f.text) {
            out.push(Raw::new(
                "DOC003",
                sum.head.clone(),
                format!(
                    "head number {} differs from the file name's number {}",
                    h.text, f.text
                ),
            ));
        }
    }
    sum.number = from_head.or(from_name);

    merged_heads(rec, Some(src), &at, out);
    footnote_marks(rec, src, ctx, &at, out);
    footnote_order(rec, &[], &at, out);
    empty_footnotes(rec, src, &at, out);
    source_note(rec, ctx.year, first_line_archival(own), &sum.head, out);
    pages(rec, &at, out, sum);
    if let Some(d) = &rec.dateline {
        if let Some(date) = &d.date {
            dates(&d.text, date, &at(d.offset), out);
        }
    }
    let notes_from = rec.footnotes.first().map_or(usize::MAX, |f| f.span.start);
    characters(
        own,
        rec.span.start,
        notes_from,
        false,
        &at,
        had_encoding,
        out,
    );

    if let Some(r) = &rec.routing {
        if let Some(series) = &r.series {
            sum.routing = Some((series.clone(), r.number.clone(), at(r.offset)));
        }
    }
    for r in &rec.references {
        match r.kind.as_str() {
            "document" | "footnote" => {
                let n = if r.kind == "footnote" {
                    r.document.clone()
                } else {
                    Some(r.number.clone())
                };
                let Some(n) = n else { continue };
                if cites_other_volume(src, r.offset) {
                    continue;
                }
                sum.refs.push(RefSummary {
                    series: None,
                    number: n,
                    text: r.text.clone(),
                    loc: at(r.offset),
                });
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

/// Keep at most [`MAX_PER_RULE`] findings of a rule; say how many more
/// in this `scope` ("file", or "document" in a TEI volume).
fn cap(raws: Vec<Raw>, scope: &str) -> Vec<Raw> {
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
        let mut r = Raw::new(
            rule,
            loc,
            format!("{more} more {rule} findings in this {scope} (first shown here)"),
        );
        r.more = more;
        out.push(r);
    }
    out
}

/// "d67.txt", "frus1969-76v16-d67.txt", "67.txt" → 67.
pub fn number_in_file_name(rel: &str) -> Option<DocNumber> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[-_ ])d(\d{1,4}[a-z]?)$|^(\d{1,4}[a-z]?)$").expect("regex")
    });
    let name = rel.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let c = RE.captures(stem)?;
    let n = c.get(1).or_else(|| c.get(2))?.as_str();
    doc_number(n, false)
}

fn doc_number(n: &str, from_head: bool) -> Option<DocNumber> {
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    Some(DocNumber {
        text: n.to_string(),
        value: digits.parse().ok()?,
        from_head,
    })
}

/// DOC004: a body line that reads as a numbered head of another document:
/// "68. Telegram From the Embassy in …", "12. Editorial Note". The
/// paragraph as written in `src` (text), else its text (TEI).
fn merged_heads(rec: &Record, src: Option<&str>, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,4}[a-z]?)\.\s+(\S.*)$").expect("regex"));
    for p in &rec.paragraphs {
        let raw = match src {
            Some(src) => src.get(p.span.start..p.span.end).unwrap_or(""),
            None => p.text.as_str(),
        }
        .trim();
        if raw.contains('\n') || raw.len() > 300 || raw.ends_with('.') && !raw.ends_with("Note.") {
            continue;
        }
        let Some(c) = RE.captures(raw) else { continue };
        let (Some(n), Some(title)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let title = title.as_str();
        let Some(kind) = head::doc_type(title) else {
            continue;
        };
        // A head names parties or is a bare type ("Editorial Note").
        let headlike = title == kind
            || [
                " From ",
                " to ",
                " of ",
                " for ",
                " by ",
                " Prepared ",
                " Between ",
                " Among ",
            ]
            .iter()
            .any(|w| title.contains(w));
        if !headlike || rec.number.as_deref() == Some(n.as_str()) {
            continue;
        }
        out.push(Raw::new(
            "DOC004",
            at(p.span.start),
            format!(
                "second document head \"{}. {}\" inside the body: documents merged?",
                n.as_str(),
                short(title)
            ),
        ));
    }
}

/// FN001 and FN002 from the marks: numbers glued to a word ("mission.7",
/// "Molotov53", "(Gauss)30", "7031,1") that no footnote claims, reconciled
/// with the notes the parser found no mark for (its P002).
///
/// The parser aligns marks as a run increasing by one, so a mark that skips
/// ("…35 … 37") leaves a note unmarked and a mark unclaimed. Such a pair,
/// near the expected value, is reported once as FN002 (marks out of
/// sequence). A note whose expected mark occurs in the text glued to
/// anything ("January 2071" for "January 20" + mark 71, "3a", "193518") is
/// not reported: the mark is there, the parser could not place it. What is
/// left is FN001: a note with no mark, or a mark with no note.
fn footnote_marks(
    rec: &Record,
    src: &str,
    ctx: &FolderContext,
    at: &dyn Fn(usize) -> Loc,
    out: &mut Vec<Raw>,
) {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:[a-z]{2}[.,;:]?|[A-Za-z]{2}[.,;:]|[)”]|(\d),)(\d{1,3})(?:[\s,;:)]|\.(?:\s|$)|$)",
        )
        .expect("regex")
    });
    let Some(head) = rec.head_span else { return };
    let end = rec
        .footnotes
        .first()
        .map_or(rec.span.end, |f| f.span.start)
        .min(src.len());
    let body = if head.start < end {
        src.get(head.start..end).unwrap_or("")
    } else {
        ""
    };
    let anchors: Vec<usize> = rec
        .footnotes
        .iter()
        .flat_map(|f| f.anchors.iter().copied())
        .collect();
    let claimed = |offset: usize| anchors.iter().any(|&a| a == offset || a + 1 == offset);
    let mut orphans: Vec<(usize, u32, &str)> = Vec::new();
    for c in RE.captures_iter(body) {
        let Some(m) = c.get(2) else { continue };
        let v = m.as_str();
        if (v.len() > 1 && v.starts_with('0')) || (c.get(1).is_some() && v.len() > 2) {
            continue;
        }
        let offset = head.start + m.start();
        if claimed(offset)
            || rec
                .page_markers
                .iter()
                .any(|p| p.span.start <= offset && offset < p.span.end)
        {
            continue;
        }
        // Tables (tab-separated rows) are full of numbers, not marks.
        let line_start = body[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = body[m.start()..]
            .find('\n')
            .map_or(body.len(), |i| m.start() + i);
        if body[line_start..line_end].contains('\t') {
            continue;
        }
        // With no notes at all, only a mark after sentence punctuation or a
        // closing parenthesis reads as a mark ("mission.2", "(Gauss)30").
        if rec.footnotes.is_empty() && !body[..m.start()].ends_with(['.', ')', ',', ';', ':', '”'])
        {
            continue;
        }
        if let Ok(n) = v.parse() {
            orphans.push((offset, n, v));
        }
    }
    let mut used = vec![false; orphans.len()];
    for (i, f) in rec.footnotes.iter().enumerate() {
        if !f.anchors.is_empty() {
            continue;
        }
        let expected = expected_mark(rec, i);
        // An unclaimed mark between the marks of the neighbouring notes is
        // this note's mark; reported only when its value breaks the
        // sequence (a restart at 0 or 1 is normal: per-page numbering).
        let lo = rec.footnotes[..i]
            .iter()
            .rev()
            .find_map(|g| g.anchors.first().copied())
            .unwrap_or(0);
        let hi = rec.footnotes[i + 1..]
            .iter()
            .find_map(|g| g.anchors.first().copied())
            .unwrap_or(usize::MAX);
        let mine = orphans
            .iter()
            .enumerate()
            .find(|(j, (o, _, _))| !used[*j] && *o > lo && *o < hi);
        if let Some((j, &(offset, n, v))) = mine {
            used[j] = true;
            if let Some(e) = expected.filter(|&e| n != e && n > 1) {
                out.push(Raw::new(
                    "FN002",
                    at(offset),
                    format!(
                        "footnote mark {v} is out of sequence: list item {} expects mark {e}",
                        i + 1
                    ),
                ));
            }
            continue;
        }
        // A note with no marked neighbour in a volume that may number marks
        // through the volume (before 1950) could have any mark, glued to
        // any number ("paragraph 489" for "paragraph 4" + mark 89): the
        // text cannot tell, so it is not reported.
        if expected.is_none() && ctx.year.is_none_or(|y| y < 1950) {
            continue;
        }
        // Any value between the neighbours' marks may be this note's (a
        // note marked "*" between them takes no number), and a symbol mark
        // anywhere may be it.
        let mut values: Vec<String> = vec![f.marker.clone(), (i + 1).to_string()];
        let (below, above) = neighbour_marks(rec, i);
        match (below, above) {
            (Some(b), Some(a)) if a > b => {
                values.extend((b + 1..a).take(10).map(|v| v.to_string()))
            }
            (Some(b), _) => {
                values.extend((b + 1..=b + 3 + (i as u32)).take(10).map(|v| v.to_string()))
            }
            (None, Some(a)) => {
                values.extend((a.saturating_sub(3 + i as u32)..a).map(|v| v.to_string()))
            }
            (None, None) => values.extend(["0".to_string(), "1".to_string()]),
        }
        values.extend(["*", "†", "‡", "§", "¶"].map(String::from));
        if values
            .iter()
            .any(|v| glued_somewhere(body, v, head.start, &claimed))
        {
            continue;
        }
        out.push(Raw::new(
            "FN001",
            at(f.span.start),
            format!(
                "footnote {} (list item {}) has no mark in the text",
                f.marker,
                i + 1
            ),
        ));
    }
    if rec.footnotes.is_empty() {
        // No note list: marks are reported when at least two of them follow
        // each other ("mission.1 … Moscow.2"); a lone glued number ("No.7",
        // "Tls.150,000") is too often not a mark.
        for (k, &(offset, n, v)) in orphans.iter().enumerate() {
            let prev = k
                .checked_sub(1)
                .and_then(|p| orphans.get(p))
                .is_some_and(|o| o.1 + 1 == n);
            let next = orphans.get(k + 1).is_some_and(|o| n + 1 == o.1);
            if prev || next {
                out.push(Raw::new(
                    "FN001",
                    at(offset),
                    format!("footnote mark {v} has no footnote (the text has no footnote list)"),
                ));
            }
        }
    }
    // In a document with notes, an unclaimed mark left over is most often
    // one the parser gave to the wrong place (its note is then "marked"
    // elsewhere; measured on the corpus, see README): not reported.
}

/// The mark note `i` should have, from the nearest marked numeric note
/// before it (or after it).
fn expected_mark(rec: &Record, i: usize) -> Option<u32> {
    let marked = |j: usize| {
        let f = &rec.footnotes[j];
        if f.anchors.is_empty() {
            None
        } else {
            f.marker.parse::<u32>().ok()
        }
    };
    if let Some((j, v)) = (0..i).rev().find_map(|j| marked(j).map(|v| (j, v))) {
        return Some(v + (i - j) as u32);
    }
    let (j, v) = (i + 1..rec.footnotes.len()).find_map(|j| marked(j).map(|v| (j, v)))?;
    v.checked_sub((j - i) as u32)
}

/// The marks of the nearest marked numeric notes before and after note `i`.
fn neighbour_marks(rec: &Record, i: usize) -> (Option<u32>, Option<u32>) {
    let mark = |f: &crate::record::Footnote| {
        if f.anchors.is_empty() {
            None
        } else {
            f.marker.parse::<u32>().ok()
        }
    };
    let below = rec.footnotes[..i].iter().rev().find_map(mark);
    let above = rec
        .footnotes
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .find_map(mark);
    (below, above)
}

/// True when `value` (optionally with a letter: "3a") ends a token of
/// `body` glued to what precedes it, at a place no note claims.
fn glued_somewhere(body: &str, value: &str, base: usize, claimed: &dyn Fn(usize) -> bool) -> bool {
    if value.is_empty() {
        return false;
    }
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(p) = body[from..].find(value) {
        let at = from + p;
        from = at + value.len();
        let before = body[..at].chars().next_back();
        let mut end = at + value.len();
        if bytes.get(end).is_some_and(u8::is_ascii_lowercase)
            && value.bytes().all(|b| b.is_ascii_digit())
        {
            end += 1;
        }
        let after = body[end..].chars().next();
        let glued = before.is_some_and(|c| !c.is_whitespace());
        let bounded = after.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | ')' | '”' | '’')
        });
        if glued && bounded && !claimed(base + at) {
            return true;
        }
    }
    false
}

/// FN002: marks, in list order, go up by one from wherever they start. A
/// note with no mark (reported by FN001) keeps its place in the count; a
/// note marked by a symbol or a lettered number ("*", "5a") takes none, and
/// a note with the mark and text of an earlier one is a second reference to
/// it ("…75, 74, 76…" where 74 is cited again), not a step. Notes whose
/// index is in `aside` (TEI: in the dateline, which these volumes number
/// out of the body's run: "[Received …]⁴" before the body's mark 3) are left
/// out, and the run steps over their marks.
fn footnote_order(rec: &Record, aside: &[usize], at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    let aside_marks: Vec<u32> = aside
        .iter()
        .filter_map(|&i| rec.footnotes.get(i)?.marker.parse().ok())
        .collect();
    let mut prev: Option<(u32, usize)> = None; // value, place in the count
    let mut place = 0usize;
    for (i, f) in rec.footnotes.iter().enumerate() {
        if aside.contains(&i) {
            continue;
        }
        let Some(&anchor) = f.anchors.first() else {
            place += 1;
            continue;
        };
        let Ok(v) = f.marker.parse::<u32>() else {
            continue;
        };
        let again = rec.footnotes[..i]
            .iter()
            .any(|g| !g.anchors.is_empty() && g.marker == f.marker && g.text == f.text);
        if again {
            continue;
        }
        place += 1;
        if let Some((pv, pp)) = prev {
            let mut expected = pv;
            for _ in pp..place {
                expected += 1;
                while aside_marks.contains(&expected) {
                    expected += 1;
                }
            }
            // A restart at 0 or 1 is normal: some volumes number notes per
            // printed page, others wrap at 99.
            if v != expected && v > 1 {
                let what = if v <= pv { "out of order" } else { "a gap" };
                out.push(Raw::new(
                    "FN002",
                    at(anchor),
                    format!("footnote mark {v} follows mark {pv} ({what}; expected {expected})"),
                ));
            }
        }
        prev = Some((v, place));
    }
}

/// FN004: a note with no text, in the record or as a bare "  3." line among
/// the notes (which the parser does not take as a note).
fn empty_footnotes(rec: &Record, src: &str, at: &dyn Fn(usize) -> Loc, out: &mut Vec<Raw>) {
    for f in &rec.footnotes {
        if f.text.trim().trim_end_matches('↩').trim().is_empty() {
            out.push(Raw::new(
                "FN004",
                at(f.span.start),
                format!("footnote {} is empty", f.marker),
            ));
        }
    }
    static BARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]+(\d{1,4})\.[ \t]*↩?[ \t]*$").expect("regex"));
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]+\d{1,4}\.[ \t]+\S").expect("regex"));
    let text = src.get(rec.span.start..rec.span.end).unwrap_or("");
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .scan(rec.span.start, |pos, l| {
            let start = *pos;
            *pos += l.len() + 1;
            Some((start, l.trim_end_matches('\r')))
        })
        .collect();
    for (i, (start, line)) in lines.iter().enumerate() {
        let Some(c) = BARE.captures(line) else {
            continue;
        };
        let near = |j: Option<usize>| {
            j.and_then(|j| lines.get(j))
                .is_some_and(|(_, l)| ITEM.is_match(l) || BARE.is_match(l))
        };
        let col = line.len() - line.trim_start().len();
        // A bare "  3." the parser took as an (empty) note is reported above.
        let taken = rec.footnotes.iter().any(|f| f.span.start == start + col);
        if !taken && (near(i.checked_sub(1)) || near(Some(i + 1))) {
            let n = c.get(1).map_or("", |m| m.as_str());
            out.push(Raw::new(
                "FN004",
                at(start + col),
                format!("footnote {n} is empty"),
            ));
        }
    }
}

/// SRC001: a historical document after 1910 with neither a source note nor
/// a file line. Editorial notes need none; before 1911 none is expected.
/// The year is the dateline's, else `volume_year`; `archival` says the text
/// opens with a file line the parser did not take.
fn source_note(
    rec: &Record,
    volume_year: Option<u32>,
    archival: bool,
    head: &Loc,
    out: &mut Vec<Raw>,
) {
    if rec.head_span.is_none() || !rec.body || rec.source_note.is_some() {
        return;
    }
    let year = rec
        .dateline
        .as_ref()
        .and_then(|d| d.date.as_deref())
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .or(volume_year);
    let Some(year) = year else { return };
    if year <= 1910 {
        return;
    }
    let editorial = rec.doc_type.as_deref() == Some("Editorial Note")
        || rec
            .title
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("editorial note"));
    if editorial || archival {
        return;
    }
    out.push(Raw::new(
        "SRC001",
        head.clone(),
        format!("document of {year} has no source note (no \"Source:\" footnote and no file line)"),
    ));
}

/// True when the first line of the text reads as an archival line (a file
/// line the parser did not take as one: "740.0011 Mutual Guarantee
/// (Locarno)/507: Telegram", "Inquiry Document No. 886", "Woodrow Wilson
/// Papers."): the document has a source line, so SRC001 does not fire.
fn first_line_archival(src: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{3}\.\s?[\dA-Za-z]|.*\b(?:Papers|Files?|Conf\.)(?:\W|$)|.*\b(?:Document|Series) No\. \d)").expect("regex")
    });
    let first = src
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    first.chars().count() <= 100 && RE.is_match(first)
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
                        format!(
                            "page marker [Page {}] after [Page {}]: pages do not increase",
                            m.n, entry.2
                        ),
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

/// DT001, DT003: the dateline date (ISO `date`, printed `text`, at `loc`)
/// is a calendar date between 1776 and now.
fn dates(text: &str, date: &str, loc: &Loc, out: &mut Vec<Raw>) {
    if !valid_iso(date) {
        out.push(Raw::new(
            "DT001",
            loc.clone(),
            format!("dateline date {text:?} is not a calendar date"),
        ));
        return;
    }
    let Some(year) = date.get(..4).and_then(|y| y.parse::<u32>().ok()) else {
        return;
    };
    let now = current_year();
    if !(1776..=now).contains(&year) {
        out.push(Raw::new(
            "DT003",
            loc.clone(),
            format!("dateline year {year} is outside 1776–{now}"),
        ));
    }
}

/// The current year (UTC), from the system clock.
pub fn current_year() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
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

/// CH007 and CH008 in `text`, which starts at offset `base`. A "↩" at the
/// end of a line from `notes_from` on is a note's back-link; in TEI (`tei`)
/// every "↩" is stray.
fn characters(
    text: &str,
    base: usize,
    notes_from: usize,
    tei: bool,
    at: &dyn Fn(usize) -> Loc,
    had_encoding: bool,
    out: &mut Vec<Raw>,
) {
    static OCR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\w\-/.])(l\d{1,4}|\d{1,4}l\d{0,3})(?:[^\w\-/]|$)").expect("regex")
    });
    for c in OCR.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        out.push(Raw::new(
            "CH007",
            at(base + m.start()),
            format!("\"{}\": \"l\" for \"1\"?", m.as_str()),
        ));
    }
    static MOJIBAKE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"â€[\u{0080}-\u{2122}]?|Ã[\u{0080}-\u{00BF}]|Â[\u{00A0}-\u{00BF}]")
            .expect("regex")
    });
    for m in MOJIBAKE.find_iter(text) {
        out.push(Raw::new(
            "CH008",
            at(base + m.start()),
            format!("mojibake {:?} (UTF-8 read as Windows-1252)", m.as_str()),
        ));
    }
    for (i, ch) in text.char_indices() {
        let what = match ch {
            '\t' | '\n' | '\r' => continue,
            c if (c as u32) < 0x20 || ('\u{7F}'..='\u{9F}').contains(&c) => {
                format!("control character U+{:04X}", c as u32)
            }
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => {
                format!("zero-width character U+{:04X}", ch as u32)
            }
            '\u{FFFD}' if !had_encoding => {
                "replacement character U+FFFD (text lost in an earlier conversion)".to_string()
            }
            '↩' => {
                // After a note, at the end of its line, "↩" is the page's
                // back-link kept by the copy: not stray.
                let rest = text[i + '↩'.len_utf8()..].split('\n').next().unwrap_or("");
                if !tei && base + i >= notes_from && rest.trim().is_empty() {
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
    let Some(before) = src.get(from..offset) else {
        return false;
    };
    let mut sentence = before.rsplit(['\n', ';']).next().unwrap_or(before);
    // The sentence starts after the last ". " that does not end an
    // abbreviation ("vol. X", "p. 4", "No. 5").
    for (i, _) in sentence
        .match_indices(". ")
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        let word = sentence[..i]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if !matches!(
            word,
            "vol" | "vols" | "p" | "pp" | "No" | "Nos" | "Doc" | "ff" | "Mr" | "Dr"
        ) && word.len() != 1
        {
            sentence = &sentence[i + 2..];
            break;
        }
    }
    [
        "vol.",
        "volume",
        "Volume",
        "Foreign Relations",
        "FRUS",
        "vols.",
    ]
    .iter()
    .any(|w| sentence.contains(w))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_keeps_twenty_per_rule_and_counts_the_rest() {
        let raw = |rule, offset| {
            let loc = Loc {
                offset,
                ..Loc::start()
            };
            Raw::new(rule, loc, format!("{rule} at {offset}"))
        };
        let mut raws: Vec<Raw> = (0..25).map(|k| raw("FN001", k)).collect();
        raws.push(raw("PG001", 100));
        let out = cap(raws, "document");
        let fn001: Vec<&Raw> = out.iter().filter(|r| r.rule == "FN001").collect();
        assert_eq!(fn001.len(), MAX_PER_RULE + 1);
        let last = fn001[MAX_PER_RULE];
        assert_eq!(
            (last.loc.offset, last.more, last.message.as_str()),
            (
                20,
                5,
                "5 more FN001 findings in this document (first shown here)"
            )
        );
        assert!(fn001[..MAX_PER_RULE].iter().all(|r| r.more == 0));
        assert_eq!(out.iter().filter(|r| r.rule == "PG001").count(), 1);
    }

    #[test]
    fn file_name_numbers() {
        let cases = [
            ("d67.txt", Some("67")),
            ("vol/d133a.txt", Some("133a")),
            ("frus1969-76v16-d67.txt", Some("67")),
            ("12.txt", Some("12")),
            ("unnumbered-5.txt", None),
            ("notes.txt", None),
        ];
        for (name, want) in cases {
            assert_eq!(
                number_in_file_name(name).map(|n| n.text),
                want.map(str::to_string),
                "{name}"
            );
        }
        assert_eq!(number_in_file_name("d133a.txt").map(|n| n.value), Some(133));
    }

    #[test]
    fn page_values() {
        let cases = [
            ("219", Some((1, 219))),
            ("[30]", Some((1, 30))),
            ("XII", Some((0, 12))),
            ("xiv", Some((0, 14))),
            ("12a", None),
        ];
        for (n, want) in cases {
            assert_eq!(page_value(n), want, "{n}");
        }
    }

    #[test]
    fn years() {
        for (days, year) in [
            (0, 1970),
            (365, 1971),
            (19_723, 2024),
            (-1, 1969),
            (20_819, 2027),
        ] {
            assert_eq!(year_of_day(days), year, "{days}");
        }
        for (name, want) in [
            ("frus1942China", Some(1942)),
            ("frus1969-76v12", Some(1969)),
            ("archive", None),
        ] {
            assert_eq!(volume_year(name), want, "{name}");
        }
    }

    #[test]
    fn archival_first_lines() {
        for (text, want) in [
            (
                "740.0011 Mutual Guarantee (Locarno)/507: Telegram\n\nThe Chargé …",
                true,
            ),
            ("Inquiry Document No. 886\n\nMemorandum", true),
            ("Woodrow Wilson Papers.\n\nPresident Wilson to …", true),
            ("Paris peace Conf. 184.44/1\n\nx", true),
            (
                "Mr. Lauchlin Currie to President Roosevelt 46\n\nRe: Trip",
                false,
            ),
            (
                "Draft of Colonel House, July 16, 19181\n\nSuggestion",
                false,
            ),
        ] {
            assert_eq!(first_line_archival(text), want, "{text}");
        }
    }

    #[test]
    fn tei_dates_and_text_segments() {
        for (when, want) in [
            ("1917-04-07T16:00:00", "1917-04-07"),
            ("1936-01-18T12:00:00-05:00", "1936-01-18"),
            ("--11-14", "2000-11-14"),
            ("1861-06", "1861-06"),
        ] {
            assert_eq!(xsd_date(when), want, "{when}");
        }
        assert!(!valid_iso(&xsd_date("--02-30")));
        let xml = "<p a=\"l9\">One <hi>two</hi><!-- x<y -->three</p>";
        let segs: Vec<(usize, &str)> = xml_text_segments(xml, 0, xml.len());
        assert_eq!(segs, vec![(10, "One "), (18, "two"), (38, "three")]);
        assert_eq!(&xml[38..43], "three");
        assert_eq!(
            arabic_page_breaks("<pb n=\"xii\"/><pb xml:id=\"p\" n=\"12\"/>"),
            vec![(13, 12)]
        );
    }

    /// FN002 over marks in list order: (marks with their texts, findings).
    #[test]
    fn footnote_order_table() {
        let cases: &[(&[(&str, &str)], usize)] = &[
            (&[("1", "a"), ("2", "b"), ("3", "c")], 0),
            (&[("1", "a"), ("3", "c")], 1),
            // A second reference to note 1, a symbol, a lettered mark.
            (
                &[("1", "a"), ("*", "s"), ("1", "a"), ("1a", "x"), ("2", "b")],
                0,
            ),
            // The same mark with another text is out of order.
            (&[("4", "a"), ("4", "b"), ("5", "c")], 1),
            // A restart at 1 (notes numbered per page).
            (&[("5", "a"), ("1", "b"), ("2", "c")], 0),
        ];
        // The dateline's note 4 (first in the list) is out of the run 3, 5.
        let mut rec = Record::default();
        for (k, m) in ["4", "3", "5", "7"].iter().enumerate() {
            rec.footnotes.push(crate::record::Footnote {
                marker: m.to_string(),
                list_number: None,
                text: m.to_string(),
                anchors: vec![k * 10],
                source: false,
                span: crate::record::Span::new(k * 10, k * 10 + 5),
            });
        }
        let mut out = Vec::new();
        footnote_order(&rec, &[0], &|_| Loc::start(), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].message.starts_with("footnote mark 7 follows mark 5"));
        for (marks, want) in cases {
            let mut rec = Record::default();
            for (k, (m, t)) in marks.iter().enumerate() {
                rec.footnotes.push(crate::record::Footnote {
                    marker: m.to_string(),
                    list_number: None,
                    text: t.to_string(),
                    anchors: vec![k * 10],
                    source: false,
                    span: crate::record::Span::new(k * 10, k * 10 + 5),
                });
            }
            let mut out = Vec::new();
            footnote_order(&rec, &[], &|_| Loc::start(), &mut out);
            assert_eq!(out.len(), *want, "{marks:?}: {out:?}");
        }
    }

    #[test]
    fn glued_values() {
        let never = |_: usize| false;
        let cases = [
            ("the opinion89 of", "89", true),
            ("under date of January 2071 reiterating", "71", true),
            ("confirmed.3a Then", "3", true),
            ("paragraph 89 says", "89", false),
            ("the 1890s", "89", false),
            ("London;‡ and", "‡", true),
        ];
        for (body, v, want) in cases {
            assert_eq!(glued_somewhere(body, v, 0, &never), want, "{body} {v}");
        }
        assert!(!glued_somewhere("the opinion89 of", "89", 0, &|o| o == 11));
    }

    #[test]
    fn other_volume_references() {
        let src = "See Foreign Relations, 1958–1960, vol. X, Document 12. See Document 14.";
        let at12 = src.find("Document 12").unwrap();
        let at14 = src.find("Document 14").unwrap();
        assert!(cites_other_volume(src, at12));
        assert!(!cites_other_volume(src, at14));
    }

    /// Rules on parsed text: (text, rule expected or None).
    #[test]
    fn rules_on_text() {
        let base = "67. Telegram From A to B1\n\nMoscow, October 9, 1960.\n\nHakto 1. Text here.2\n\n  1. Source: X. Secret.\n  2. Note.";
        let cases: &[(&str, &str, bool)] = &[
            (base, "FN001", false),
            (&base.replace("here.2", "here."), "FN001", true),
            (&base.replace("Text", "Tex\u{200B}t"), "CH008", true),
            (&base.replace("Text", "Text ↩"), "CH008", true),
            (&format!("{base} ↩"), "CH008", false),
            (&base.replace("Text here", "In l9 here"), "CH007", true),
            (&base.replace("File/12", ""), "SRC001", false),
            (&base.replace("Source: X", "X"), "SRC001", true),
            (
                &base.replace(
                    "Hakto 1. Text here.2",
                    "Hakto 1. Text here.2\n\n12. Editorial Note",
                ),
                "DOC004",
                true,
            ),
            (
                &base.replace(
                    "Hakto 1. Text here.2",
                    "Hakto 1. Text here.2\n\n2. Memorandum writers agree with the view.",
                ),
                "DOC004",
                false,
            ),
        ];
        for (text, rule, want) in cases {
            let rec = crate::parse::parse(text, "d67.txt");
            let (found, _) = check_file(&[rec], text, None, "d67.txt", &FolderContext::default());
            let got = found.iter().any(|r| r.rule == *rule);
            assert_eq!(got, *want, "{rule} on {text:?}: {found:?}");
        }
    }
}
