//! From the bytes of one file to its records: decoding, then the text
//! parser (or the TEI reader for XML).

use crate::decode::{decode, Encoding};
use crate::diag::{Diagnostic, LineIndex, Severity};
use crate::parse;
use crate::record::{Record, Span};

/// Records of a text file's bytes. Always at least one record: a file that
/// is not text gives a record holding the diagnostic.
pub fn records_from_text_bytes(bytes: &[u8], path: &str) -> Vec<Record> {
    let decoded = decode(bytes);
    let text = decoded.text;
    let mut rec = if decoded.encoding == Encoding::Binary {
        Record { path: path.to_string(), body: false, ..Record::default() }
    } else {
        let mut r = parse::parse_range(&text, 0, text.len());
        r.path = path.to_string();
        if text.trim().is_empty() {
            r.diagnostics.retain(|d| d.code != "P001");
            r.diagnostics.push(Diagnostic::new(Severity::Warning, "E004", 0, "empty file: no document"));
            r.body = false;
        }
        r
    };
    let mut diags = decoded.diagnostics;
    diags.append(&mut rec.diagnostics);
    rec.diagnostics = diags;
    if !rec.diagnostics.is_empty() {
        let idx = LineIndex::new(&text);
        for d in &mut rec.diagnostics {
            d.locate(&idx, &text);
        }
    }
    vec![rec]
}

/// A record for a file that could not be read at all.
pub fn unreadable(path: &str, code: &str, message: String) -> Record {
    let mut d = Diagnostic::new(Severity::Error, code, 0, message);
    d.line = 1;
    d.column = 1;
    Record { path: path.to_string(), span: Span::default(), body: false, diagnostics: vec![d], ..Record::default() }
}

/// Records of a TEI file's bytes. Until the TEI reader lands, an XML file
/// gives one record that says it was not read.
pub fn records_from_xml_bytes(_bytes: &[u8], path: &str) -> Vec<Record> {
    vec![unreadable(path, "E020", "TEI input is not supported yet".to_string())]
}
