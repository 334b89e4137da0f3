//! From the bytes of one file to its records: decoding, then the text
//! parser (or the TEI reader for XML).

use std::borrow::Cow;

use crate::decode::{decode, Encoding};
use crate::diag::{Diagnostic, Severity};
use crate::parse;
use crate::record::{Record, Span};
use crate::split::{self, Doubt};

/// The record of a text file's bytes, the file read as one document.
/// Always one record: a file that is not text gives a record holding the
/// diagnostic.
pub fn records_from_text_bytes(bytes: &[u8], path: &str) -> Vec<Record> {
    decode_and_parse(bytes, path, false).0
}

/// Records of a text file's bytes, one per document the file holds (see
/// [`crate::split`]; `--split`). A file with one document gives the same
/// record as [`records_from_text_bytes`].
pub fn records_from_text_bytes_split(bytes: &[u8], path: &str) -> Vec<Record> {
    decode_and_parse(bytes, path, true).0
}

/// The records of a text file's bytes: [`records_from_text_bytes_split`]
/// when `split_documents`, else [`records_from_text_bytes`]. The decoded
/// text is dropped where it was borrowed, never copied (indexing).
pub fn records_from_text_bytes_with(
    bytes: &[u8],
    path: &str,
    split_documents: bool,
) -> Vec<Record> {
    decode_and_parse(bytes, path, split_documents).0
}

/// Decode, then parse as one document or split into documents; the text
/// its offsets point into is returned as an owned string (empty for a
/// binary file), with the doubtful places of the split when the file was
/// split into documents (`None` otherwise: not asked, or an empty or
/// binary file). Used by `cables check`, whose rules read the text and
/// the doubts (DOC005) as well as the records.
pub fn records_text_and_doubts(
    bytes: &[u8],
    path: &str,
    split_documents: bool,
) -> (Vec<Record>, String, Option<Vec<Doubt>>) {
    let (recs, text, doubts) = decode_and_parse(bytes, path, split_documents);
    (recs, text.into_owned(), doubts)
}

/// The records and the decoded text, borrowed from `bytes` when they were
/// UTF-8 already: indexing drops the text, so it is never copied there.
fn decode_and_parse<'a>(
    bytes: &'a [u8],
    path: &str,
    split_documents: bool,
) -> (Vec<Record>, Cow<'a, str>, Option<Vec<Doubt>>) {
    let decoded = decode(bytes);
    let text = decoded.text;
    let mut doubts = None;
    let mut recs = if decoded.encoding == Encoding::Binary {
        vec![Record {
            path: path.to_string(),
            body: false,
            ..Record::default()
        }]
    } else if text.trim().is_empty() {
        let mut r = parse::parse_range(&text, 0, text.len());
        r.path = path.to_string();
        r.diagnostics.retain(|d| d.code != "P001");
        r.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            "E004",
            0,
            "empty file: no document",
        ));
        r.body = false;
        vec![r]
    } else if split_documents {
        // One record per document of the file (issue 8); a file with one
        // document gives one record with `part` null.
        let (recs, d) = split::records_unlocated(&text, path);
        doubts = Some(d);
        recs
    } else {
        let mut r = parse::parse_range(&text, 0, text.len());
        r.path = path.to_string();
        vec![r]
    };
    // The file's decode diagnostics go on its first record.
    if let Some(first) = recs.first_mut() {
        let mut diags = decoded.diagnostics;
        diags.append(&mut first.diagnostics);
        first.diagnostics = diags;
    }
    parse::locate_all(&mut recs, &text);
    (recs, text, doubts)
}

/// A record for a file that could not be read at all.
pub fn unreadable(path: &str, code: &str, message: String) -> Record {
    let mut d = Diagnostic::new(Severity::Error, code, 0, message);
    d.line = 1;
    d.column = 1;
    Record {
        path: path.to_string(),
        span: Span::default(),
        body: false,
        diagnostics: vec![d],
        ..Record::default()
    }
}

/// Records of a TEI file's bytes: one per `<div type="document">` (see
/// [`crate::tei`]), with paths `<path>#<xml:id>`.
pub fn records_from_xml_bytes(bytes: &[u8], path: &str) -> Vec<Record> {
    crate::tei::records(bytes, path)
}
