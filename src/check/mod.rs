//! `cables check`: the checks FRUS editors run by hand, over a folder of
//! document texts, as a CI gate (issue 3; rule ids from FIELD.md §6).
//!
//! Each `.txt` file is parsed once by the library parser
//! ([`crate::index::records_and_text_of_file`]), as one document or, with
//! `--split`, as the documents [`crate::split`] finds in it. Per-document rules
//! ([`document`]) read the record and the decoded text, map the parser's
//! own diagnostics to rule ids instead of detecting twice, and keep a small
//! [`document::Summary`] of each document. Folder rules ([`folder`]) run on
//! those summaries only (numbers, pages, routing tags, references, a body
//! hash), never on whole texts, so memory stays small.
//!
//! A TEI volume (`.xml`) is read by [`crate::tei`]; every document of it is
//! checked ([`document::check_tei`]) and summarised, and the folder rules
//! compare the documents of one volume with each other.
//!
//! Every finding names a rule of [`RULES`], a severity (the rule's default,
//! changed by [`config::Levels`]), a message naming the thing found, the
//! path, and a byte offset with its line and column. [`report`] writes them
//! as human text, JSON lines, GitHub workflow commands or SARIF 2.1.0.

pub mod config;
pub mod document;
pub mod folder;
pub mod report;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use walkdir::WalkDir;

use crate::diag::{LineIndex, Severity};
use crate::index::{kind_of, relative, Kind};

pub use config::{Level, Levels};

/// A rule: stable id, default severity, what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id ("FN001").
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Short name, kebab-case ("footnote-mark-without-note").
    pub name: &'static str,
    /// One line: what the rule finds.
    pub summary: &'static str,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    name: &'static str,
    summary: &'static str,
) -> Rule {
    Rule {
        id,
        severity,
        name,
        summary,
    }
}

/// Every rule, in README order.
pub const RULES: &[Rule] = &[
    rule("IO001", Severity::Error, "unreadable-file", "the file cannot be read, or is binary (NUL bytes)"),
    rule("IO002", Severity::Warning, "encoding", "the file is not clean UTF-8 (decoded as Windows-1252, invalid bytes replaced, or a file name that is not UTF-8)"),
    rule("IO003", Severity::Warning, "empty-file", "the file holds no text"),
    rule("DOC001", Severity::Error, "no-head", "no recognisable document head"),
    rule("DOC003", Severity::Warning, "number-mismatch", "the number printed in the head differs from the number in the file name (dN.txt)"),
    rule("DOC004", Severity::Warning, "merged-documents", "a second numbered document head inside the body: probably two documents merged"),
    rule("DOC005", Severity::Warning, "doubtful-split", "in a file holding several documents, a head-like line not taken as a document boundary, or a document without a head"),
    rule("DOC007", Severity::Warning, "empty-paragraph", "an empty paragraph"),
    rule("FN001", Severity::Error, "footnote-unmatched", "a footnote with no mark in the text, or a mark with no footnote"),
    rule("FN002", Severity::Warning, "footnote-order", "footnote marks out of order or with a gap (marks may start anywhere: 0, 1 or a volume-wide number)"),
    rule("FN004", Severity::Error, "empty-footnote", "a footnote with no text"),
    rule("SRC001", Severity::Warning, "missing-source-note", "a document after 1910 (not an editorial note) without a source note or file line"),
    rule("SRC003", Severity::Warning, "unknown-marking", "a token of the marking sentence in no known vocabulary (classification, handling, precedence)"),
    rule("PG001", Severity::Error, "pages-not-increasing", "page markers inside a document that do not increase"),
    rule("PG002", Severity::Warning, "pages-across-folder", "across the folder sorted by document number, a document whose pages go backwards or jump far ahead"),
    rule("PG004", Severity::Error, "malformed-page-marker", "a malformed or unclosed page marker (\"[Page 21 9]\", \"[Pag 219]\", \"[Page 12\")"),
    rule("REF001", Severity::Info, "unresolved-document", "\"Document N\" cites a document number that is not in the folder"),
    rule("REF002", Severity::Info, "unresolved-routing", "a routing serial (\"Hakto 7\") that no document of the folder carries"),
    rule("REF003", Severity::Warning, "duplicate-routing", "the same routing serial (\"Dulte 4\") on two documents"),
    rule("VOL001", Severity::Error, "duplicate-number", "two documents with the same number"),
    rule("VOL002", Severity::Warning, "duplicate-document", "two documents with the same body text"),
    rule("VOL004", Severity::Warning, "numbering-gap", "a gap in the document numbering of the folder"),
    rule("DT001", Severity::Error, "bad-date", "a dateline date that is not a calendar date (\"February 30, 1958\")"),
    rule("DT003", Severity::Warning, "date-out-of-range", "a dateline year before 1776 or after the current year"),
    rule("CH007", Severity::Warning, "ocr-l-1", "a possible OCR confusion of \"l\" and \"1\" in a number (\"l9\", \"194l\")"),
    rule("CH008", Severity::Warning, "bad-characters", "mojibake (\"â€™\"), control or zero-width characters, or a stray \"↩\""),
    rule("TEI001", Severity::Warning, "tei-document-sequence", "TEI: a document's @n out of sequence with the one before"),
    rule("TEI002", Severity::Warning, "tei-note-id", "TEI: a note xml:id that is not <doc id>fn<n>, or is used twice"),
    rule("TEI003", Severity::Error, "tei-page-sequence", "TEI: a <pb n> that does not increase"),
    rule("XML001", Severity::Error, "xml-malformed", "TEI: the XML is not well formed (or nests too deep); documents after the spot are not read"),
    rule("XML002", Severity::Warning, "xml-entity", "TEI: an entity that is not expanded (not one of the five XML ones, or declared in a DOCTYPE)"),
];

/// The rule with id `id`.
pub fn rule_by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// One finding, located in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file, as shown (the folder joined with the path inside it).
    pub path: String,
    /// The rule id.
    pub rule: &'static str,
    /// Severity after the configured levels.
    pub severity: Severity,
    /// One line naming the thing found.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset into the decoded text.
    pub offset: usize,
    /// On the last line of a capped rule: how many more findings of the
    /// rule the file (or TEI document) holds that are not shown. Absent
    /// from JSON when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
    /// The text of the line, for the human format (cut around the column
    /// when long).
    #[serde(skip)]
    pub source_line: String,
    /// Column of the caret within `source_line` (1-based, characters).
    #[serde(skip)]
    pub source_column: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A place in a file: offset, line, column and the line's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loc {
    /// Byte offset.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// The line (cut around the column when long).
    pub text: String,
    /// Column of the offset within `text`.
    pub text_column: usize,
}

/// Longest line kept for display; longer lines are cut around the column.
const SNIPPET: usize = 100;

impl Loc {
    /// Locate `offset` in `src`.
    pub fn at(idx: &LineIndex, src: &str, offset: usize) -> Loc {
        let offset = offset.min(src.len());
        let (line, column) = idx.line_col(src, offset);
        let full = if src.is_empty() {
            ""
        } else {
            idx.line_text(src, offset)
        };
        let chars: Vec<char> = full.chars().collect();
        let (text, text_column) = if chars.len() <= SNIPPET {
            (full.to_string(), column)
        } else {
            let from = column
                .saturating_sub(1)
                .saturating_sub(SNIPPET / 2)
                .min(chars.len().saturating_sub(SNIPPET));
            let to = (from + SNIPPET).min(chars.len());
            let mut t = String::new();
            if from > 0 {
                t.push('…');
            }
            t.extend(&chars[from..to]);
            if to < chars.len() {
                t.push('…');
            }
            (t, column - from + usize::from(from > 0))
        };
        Loc {
            offset,
            line,
            column,
            text,
            text_column,
        }
    }

    /// The start of a file (line 1, column 1, no text).
    pub fn start() -> Loc {
        Loc {
            offset: 0,
            line: 1,
            column: 1,
            text: String::new(),
            text_column: 1,
        }
    }
}

/// A finding before levels are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    /// Rule id.
    pub rule: &'static str,
    /// Where.
    pub loc: Loc,
    /// What.
    pub message: String,
    /// The findings of the rule this line stands for, when a cap hid them.
    pub more: usize,
}

impl Raw {
    /// A raw finding.
    pub fn new(rule: &'static str, loc: Loc, message: impl Into<String>) -> Raw {
        Raw {
            rule,
            loc,
            message: message.into(),
            more: 0,
        }
    }
}

/// What a check run found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Findings sorted by path, then offset, then rule; allowed rules left out.
    pub findings: Vec<Finding>,
    /// Text files checked.
    pub files: usize,
    /// Files of other kinds, skipped.
    pub skipped: usize,
    /// Problems of the walk itself (unreadable folders, links not followed).
    pub walk_messages: Vec<String>,
}

impl Report {
    /// Count of findings at `s`.
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
}

/// A problem that stops the run.
#[derive(Debug)]
pub enum Error {
    /// The folder cannot be read.
    Root(PathBuf, io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Root(p, e) => write!(f, "cannot read {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for Error {}

/// Options of a run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Follow symbolic links.
    pub follow_links: bool,
    /// Check each document of a text file that holds several (a pasted
    /// run, a volume as one text) as a document of its own, as
    /// `cables index --split` gives them.
    pub split: bool,
}

/// Files checked per parallel batch: bounds the texts held at once.
const BATCH: usize = 256;

/// Check the folder (or single file) `root`.
pub fn check(root: &Path, levels: &Levels, opts: &Options) -> Result<Report, Error> {
    let meta = fs::metadata(root).map_err(|e| Error::Root(root.to_path_buf(), e))?;
    if meta.is_dir() {
        fs::read_dir(root).map_err(|e| Error::Root(root.to_path_buf(), e))?;
    }
    let ctx = document::FolderContext::of(root);
    let split = opts.split;
    let mut report = Report::default();
    let mut raws: Vec<(String, Raw)> = Vec::new();
    let mut summaries: Vec<document::Summary> = Vec::new();
    let mut batch: Vec<(PathBuf, String, String, Kind)> = Vec::new();
    let run_batch = |batch: &mut Vec<(PathBuf, String, String, Kind)>,
                     raws: &mut Vec<(String, Raw)>,
                     summaries: &mut Vec<document::Summary>| {
        let done: Vec<(String, Vec<Raw>, Vec<document::Summary>)> = batch
            .par_drain(..)
            .map(|(path, rel, shown, kind)| {
                if kind == Kind::Xml {
                    // TEI: the reader's own diagnostics (XML errors, the
                    // editors' TEI001–003 rules), the per-document rules on
                    // every document, one summary per document.
                    let bytes = match fs::read(&path) {
                        Ok(b) => b,
                        Err(e) => {
                            let raw =
                                Raw::new("IO001", Loc::start(), format!("cannot read file: {e}"));
                            return (shown, vec![raw], Vec::new());
                        }
                    };
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let records = crate::document::records_from_xml_bytes(&bytes, &rel);
                    let (found, summaries) = document::check_tei(&records, &text, &shown);
                    return (shown, found, summaries);
                }
                let (records, text, doubts) =
                    crate::index::records_and_text_of_file(&path, &rel, split);
                let (found, mut summaries) =
                    document::check_file(&records, &text, doubts, &rel, &ctx);
                for s in &mut summaries {
                    s.shown = shown.clone();
                }
                (shown, found, summaries)
            })
            .collect();
        for (shown, found, summary) in done {
            raws.extend(found.into_iter().map(|r| (shown.clone(), r)));
            summaries.extend(summary);
        }
    };
    let walker = WalkDir::new(root)
        .follow_links(opts.follow_links)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                report.walk_messages.push(format!("{path}: {e}"));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        let Some(kind) = kind_of(path) else {
            report.skipped += 1;
            continue;
        };
        let rel = relative(root, path);
        if entry.file_type().is_symlink() || !entry.file_type().is_file() {
            report.skipped += 1;
            report.walk_messages.push(format!(
                "{rel}: not a regular file (or a link not followed), skipped"
            ));
            continue;
        }
        report.files += 1;
        batch.push((
            path.to_path_buf(),
            rel,
            shown_path(root, path, meta.is_dir()),
            kind,
        ));
        if batch.len() >= BATCH {
            run_batch(&mut batch, &mut raws, &mut summaries);
        }
    }
    run_batch(&mut batch, &mut raws, &mut summaries);
    for (i, r) in folder::check(&summaries) {
        // What a TEI rule already reported at this place is not repeated.
        if summaries[i].covered.contains(&(r.rule, r.loc.offset)) {
            continue;
        }
        raws.push((summaries[i].shown.clone(), r));
    }
    report.findings = apply_levels(raws, levels);
    Ok(report)
}

/// The path as shown in findings: the folder joined with the path in it,
/// without a leading "./", with "/" separators.
fn shown_path(root: &Path, path: &Path, root_is_dir: bool) -> String {
    let p = if root_is_dir {
        path.to_path_buf()
    } else {
        root.to_path_buf()
    };
    let s = p.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Give each raw finding its level; drop allowed ones; sort.
pub fn apply_levels(raws: Vec<(String, Raw)>, levels: &Levels) -> Vec<Finding> {
    let mut out: Vec<Finding> = raws
        .into_iter()
        .filter_map(|(path, r)| {
            let severity = levels.severity(r.rule)?;
            Some(Finding {
                path,
                rule: r.rule,
                severity,
                message: r.message,
                line: r.loc.line,
                column: r.loc.column,
                offset: r.loc.offset,
                more: r.more,
                source_line: r.loc.text,
                source_column: r.loc.text_column,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.path, a.offset, a.rule, &a.message).cmp(&(&b.path, b.offset, b.rule, &b.message))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loc_cuts_long_lines_around_the_column() {
        let long = format!("{}X{}", "a".repeat(300), "b".repeat(300));
        let idx = LineIndex::new(&long);
        let loc = Loc::at(&idx, &long, 300);
        assert_eq!((loc.line, loc.column), (1, 301));
        assert!(loc.text.starts_with('…') && loc.text.ends_with('…'));
        assert_eq!(loc.text.chars().nth(loc.text_column - 1), Some('X'));
        let short = "ab\ncdé\n";
        let idx = LineIndex::new(short);
        let loc = Loc::at(&idx, short, 5);
        assert_eq!(
            (loc.line, loc.column, loc.text.as_str(), loc.text_column),
            (2, 3, "cdé", 3)
        );
    }

    #[test]
    fn rule_ids_are_unique_and_found() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(RULES[i + 1..].iter().all(|s| s.id != r.id), "{}", r.id);
            assert_eq!(
                rule_by_id(&r.id.to_ascii_lowercase()).map(|x| x.id),
                Some(r.id)
            );
        }
        assert!(rule_by_id("P001").is_none());
    }
}
