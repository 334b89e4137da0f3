//! The FRUS editors' TEI XML volumes: every `<div type="document">` as a
//! [`Record`] of the same schema as a document read from text.
//!
//! The reader is a pull loop over quick-xml events with one reused buffer;
//! it never builds a tree. Only the documents being read are held (one, or
//! two when a document nests another in an attachment), and each is turned
//! into its record as its `</div>` is read.
//!
//! What the markup gives is taken as it is (see FIELD.md §1.1 and
//! corpus/frus/README.md): the head's `persName`/`gloss` with `@type`
//! from/to, the `note type="source"` (inline ones with `rend="inline"`),
//! `<dateline>` with `<placeName>` and `<date when>`, the div's
//! `frus:doc-dateTime-min/max`, `<pb n>`, `<signed>`, notes with their `@n`,
//! lists with a type or head, `ref target="#dN"`.
//!
//! Hostile input: quick-xml never fetches a DTD nor expands entities; this
//! reader resolves only the five predefined entities and character
//! references. Any other `&name;` stays as written and gets a diagnostic, so
//! entity declarations in a DOCTYPE (billion laughs, external entities)
//! have no effect. Nesting deeper than [`MAX_DEPTH`] stops the read. On the
//! first well-formedness error the read stops: the documents finished before
//! it are returned, the one in progress is returned with the error, and the
//! error carries the XML line and column.
//!
//! TEI-only checks (the editors' Schematron rules) are diagnostics of the
//! record they concern: TEI001 document `@n` out of sequence, TEI002 note
//! `xml:id` not `<doc id>fn<n>` or duplicated, TEI003 `pb @n` not
//! increasing.

mod doc;

use std::collections::HashSet;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::diag::{Diagnostic, Severity};
use crate::record::{Record, Span};
use doc::Doc;

/// Elements nested deeper than this stop the read (real volumes stay under
/// 30).
pub const MAX_DEPTH: usize = 256;

/// Diagnostics of one kind kept per file before the rest are only counted.
const MAX_SAME: usize = 1000;

/// The records of a TEI volume's bytes: one per `<div type="document">`, in
/// document order, plus one record for the file itself (path without `#`)
/// when something outside any document needs saying (a malformed file, a
/// DOCTYPE with entity declarations, a page sequence error between
/// documents).
pub fn records(bytes: &[u8], path: &str) -> Vec<Record> {
    let mut r = VolumeReader::new(path, bytes);
    r.run();
    r.finish()
}

/// An open element: its local name and the offset of its `<`.
struct Open {
    name: Name,
    start: usize,
}

/// The local names the reader acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name {
    Div,
    Head,
    Note,
    P,
    Quote,
    Dateline,
    Place,
    Date,
    Pers,
    Gloss,
    Signed,
    List,
    Item,
    Ref,
    Attachment,
    Idno,
    Other,
}

impl Name {
    fn of(local: &[u8]) -> Name {
        match local {
            b"div" => Name::Div,
            b"head" => Name::Head,
            b"note" => Name::Note,
            b"p" => Name::P,
            b"quote" => Name::Quote,
            b"dateline" => Name::Dateline,
            b"placeName" => Name::Place,
            b"date" => Name::Date,
            b"persName" => Name::Pers,
            b"gloss" => Name::Gloss,
            b"signed" => Name::Signed,
            b"list" => Name::List,
            b"item" => Name::Item,
            b"ref" => Name::Ref,
            b"attachment" => Name::Attachment,
            b"idno" => Name::Idno,
            _ => Name::Other,
        }
    }
}

/// The value of attribute `key` (qualified name as written, "xml:id"),
/// unescaped; an unknown entity in it is left as written.
pub(crate) fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.as_ref() == key {
            return Some(
                match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                    Ok(v) => v.into_owned(),
                    Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
                },
            );
        }
    }
    None
}

/// The value of the attribute whose local name is `local` (any prefix).
pub(crate) fn attr_local(e: &BytesStart, local: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().as_ref() == local {
            return Some(
                match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                    Ok(v) => v.into_owned(),
                    Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
                },
            );
        }
    }
    None
}

struct VolumeReader<'a> {
    path: &'a str,
    bytes: &'a [u8],
    /// Open elements, outermost first.
    stack: Vec<Open>,
    /// Documents being read, outermost first.
    docs: Vec<Doc>,
    /// Finished records with their ordinal.
    done: Vec<Record>,
    /// Diagnostics outside any document.
    file_diags: Vec<Diagnostic>,
    volume: Option<String>,
    /// Text of `<idno type="frus">` while it is open.
    idno: Option<String>,
    /// Documents started so far.
    ordinal: usize,
    /// The last page break seen, anywhere.
    page: Option<String>,
    /// TEI001 state: the last plain document number.
    last_doc_n: Option<u64>,
    /// TEI002 state: note ids seen.
    note_ids: HashSet<String>,
    /// TEI003 state: the last arabic page number.
    last_page_n: Option<u64>,
    /// How many diagnostics of a code were made, to cap floods.
    counts: std::collections::HashMap<&'static str, usize>,
}

impl<'a> VolumeReader<'a> {
    fn new(path: &'a str, bytes: &'a [u8]) -> Self {
        VolumeReader {
            path,
            bytes,
            stack: Vec::new(),
            docs: Vec::new(),
            done: Vec::new(),
            file_diags: Vec::new(),
            volume: None,
            idno: None,
            ordinal: 0,
            page: None,
            last_doc_n: None,
            note_ids: HashSet::new(),
            last_page_n: None,
            counts: std::collections::HashMap::new(),
        }
    }

    /// Add a diagnostic to the innermost open document, or to the file.
    /// Codes after the first [`MAX_SAME`] are counted, not kept.
    fn diag(&mut self, severity: Severity, code: &'static str, offset: usize, message: String) {
        let n = self.counts.entry(code).or_insert(0);
        *n += 1;
        if *n > MAX_SAME {
            return;
        }
        let d = Diagnostic::new(severity, code, offset, message);
        match self.docs.last_mut() {
            Some(doc) => doc.rec.diagnostics.push(d),
            None => self.file_diags.push(d),
        }
    }

    fn run(&mut self) {
        if let Err(e) = std::str::from_utf8(self.bytes) {
            let at = e.valid_up_to();
            self.diag(
                Severity::Warning,
                "E003",
                at,
                "invalid UTF-8 in the file; replaced with U+FFFD".into(),
            );
        }
        let mut reader = Reader::from_reader(self.bytes);
        {
            let c = reader.config_mut();
            c.check_end_names = true;
            c.expand_empty_elements = false;
        }
        // quick-xml skips a byte order mark and counts positions after it.
        let base = if self.bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let mut buf = Vec::new();
        loop {
            let start = base + reader.buffer_position() as usize;
            let ev = reader.read_event_into(&mut buf);
            let end = base + reader.buffer_position() as usize;
            match ev {
                Ok(Event::Start(e)) => {
                    if !self.start(&e, start, end) {
                        break;
                    }
                }
                Ok(Event::Empty(e)) => {
                    if !self.start(&e, start, end) {
                        break;
                    }
                    self.end(end);
                }
                Ok(Event::End(_)) => self.end(end),
                Ok(Event::Text(t)) => {
                    let s = String::from_utf8_lossy(&t);
                    self.text(&s);
                }
                Ok(Event::CData(t)) => {
                    let s = String::from_utf8_lossy(&t);
                    self.text(&s);
                }
                Ok(Event::GeneralRef(r)) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => match AsRef::<[u8]>::as_ref(&*r) {
                            b"amp" => Some('&'),
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"quot" => Some('"'),
                            b"apos" => Some('\''),
                            _ => None,
                        },
                        Err(_) => None,
                    };
                    match resolved {
                        Some(c) => {
                            let mut b = [0u8; 4];
                            self.text(c.encode_utf8(&mut b));
                        }
                        None => {
                            let name = String::from_utf8_lossy(&r).into_owned();
                            self.diag(
                                Severity::Warning,
                                "X002",
                                start,
                                format!("entity reference &{name}; is not expanded (only the predefined XML entities are)"),
                            );
                            self.text(&format!("&{name};"));
                        }
                    }
                }
                Ok(Event::DocType(t)) => {
                    let s = String::from_utf8_lossy(&t);
                    if s.contains("<!ENTITY") {
                        self.diag(
                            Severity::Warning,
                            "X003",
                            start,
                            "DOCTYPE declares entities; they are ignored (no DTD is read, no entity is expanded)".into(),
                        );
                    }
                }
                Ok(Event::Eof) => {
                    if let Some(open) = self.stack.last() {
                        let (n, at) = (self.stack.len(), open.start);
                        let name = self.name_at(at);
                        self.diag(
                            Severity::Error,
                            "X004",
                            self.bytes.len(),
                            format!("input ends with {n} element(s) not closed; innermost <{name}> opened at byte {at}"),
                        );
                    }
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    let at = base + reader.error_position() as usize;
                    self.diag(Severity::Error, "X001", at, format!("malformed XML: {e}"));
                    break;
                }
            }
            buf.clear();
        }
    }

    /// The element name written at `<` offset `at`, for messages.
    fn name_at(&self, at: usize) -> String {
        let rest = self.bytes.get(at + 1..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
            .unwrap_or(rest.len())
            .min(64);
        String::from_utf8_lossy(&rest[..end]).into_owned()
    }

    /// An element starts; false stops the read.
    fn start(&mut self, e: &BytesStart, start: usize, end: usize) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.diag(
                Severity::Error,
                "X005",
                start,
                format!("elements nested deeper than {MAX_DEPTH}; reading stops"),
            );
            return false;
        }
        let name = Name::of(e.local_name().as_ref());
        self.stack.push(Open { name, start });
        let depth = self.stack.len();
        let local = e.local_name();
        match name {
            Name::Other if local.as_ref() == b"pb" => {
                let n = attr(e, b"n").unwrap_or_default();
                self.check_page(&n, start);
                self.page = Some(n.clone());
                let kind = match attr(e, b"type").as_deref() {
                    Some("facsimile") => "facsimile",
                    Some("typeset") => "typeset",
                    _ => "page",
                };
                for d in &mut self.docs {
                    d.page_break(&n, kind, Span::new(start, end));
                }
                return true;
            }
            Name::Other if local.as_ref() == b"lb" => {
                for d in &mut self.docs {
                    d.text(" ");
                }
                return true;
            }
            Name::Other if depth == 1 && local.as_ref() == b"TEI" => {
                // A whole volume: its id, else the file name, until the
                // header's <idno type="frus"> says it.
                self.volume = attr(e, b"xml:id").or_else(|| Some(stem(self.path)));
            }
            Name::Div if attr(e, b"type").as_deref() == Some("document") => {
                self.open_document(e, start, depth);
                return true;
            }
            Name::Idno if self.docs.is_empty() && attr(e, b"type").as_deref() == Some("frus") => {
                self.idno = Some(String::new());
            }
            Name::Note if attr(e, b"rend").as_deref() != Some("inline") => {
                self.check_note_id(e, start);
            }
            _ => {}
        }
        for d in &mut self.docs {
            d.start(name, e, start, depth, self.page.as_deref());
        }
        true
    }

    fn open_document(&mut self, e: &BytesStart, start: usize, depth: usize) {
        self.ordinal += 1;
        let id = attr(e, b"xml:id");
        let n = attr(e, b"n");
        let file_path = match &id {
            Some(id) => format!("{}#{}", self.path, id),
            None => format!("{}#unnumbered-{}", self.path, self.ordinal),
        };
        let mut doc = Doc::new(file_path, self.ordinal, depth, start, id, n.clone());
        doc.rec.volume = self.volume.clone();
        doc.rec.date_min = attr_local(e, b"doc-dateTime-min");
        doc.rec.date_max = attr_local(e, b"doc-dateTime-max");
        self.docs.push(doc);
        // TEI001: numbers of top-level documents run 1, 2, 3 …; "133a"
        // follows 133; bracketed numbers are not counted.
        if self.docs.len() == 1 {
            if let Some(n) = n.as_deref().filter(|n| !n.starts_with('[')) {
                let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(v) = digits.parse::<u64>() {
                    let suffix = &n[digits.len()..];
                    let ok = match (self.last_doc_n, suffix.is_empty()) {
                        (None, _) => true,
                        (Some(last), true) => v == last + 1,
                        (Some(last), false) => v == last,
                    };
                    if !ok {
                        let last = self.last_doc_n.unwrap_or_default();
                        self.diag(
                            Severity::Warning,
                            "TEI001",
                            start,
                            format!("document n=\"{n}\" does not follow document {last}"),
                        );
                    }
                    if suffix.is_empty() {
                        self.last_doc_n = Some(v);
                    }
                }
            }
        }
    }

    /// TEI002: a note's id is `<doc id>fn<n>` (with `_k` allowed after it)
    /// and unique in the volume.
    fn check_note_id(&mut self, e: &BytesStart, start: usize) {
        let Some(doc_id) = self.docs.last().and_then(|d| d.id.clone()) else {
            return;
        };
        let n = attr(e, b"n");
        let Some(id) = attr(e, b"xml:id") else {
            self.diag(
                Severity::Warning,
                "TEI002",
                start,
                format!("note in {doc_id} has no xml:id"),
            );
            return;
        };
        if !self.note_ids.insert(id.clone()) {
            self.diag(
                Severity::Warning,
                "TEI002",
                start,
                format!("note xml:id \"{id}\" is used twice"),
            );
            return;
        }
        let want = format!("{doc_id}fn");
        let ok = match id.strip_prefix(&want) {
            None => false,
            Some(rest) => {
                let (num, suffix) = match rest.split_once('_') {
                    Some((a, b)) => (a, Some(b)),
                    None => (rest, None),
                };
                let suffix_ok =
                    suffix.is_none_or(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()));
                // A symbol mark ("*", "†") cannot be in an id: any number
                // will do then.
                let n_ok = match n.as_deref() {
                    Some(n) if n.chars().all(|c| c.is_ascii_alphanumeric()) => num == n,
                    _ => !num.is_empty() && num.bytes().all(|c| c.is_ascii_alphanumeric()),
                };
                suffix_ok && n_ok
            }
        };
        if !ok {
            let shown_n = n.unwrap_or_default();
            self.diag(
                Severity::Warning,
                "TEI002",
                start,
                format!("note xml:id \"{id}\" does not match {doc_id}fn{shown_n}"),
            );
        }
    }

    /// TEI003: arabic page numbers increase through the volume.
    fn check_page(&mut self, n: &str, start: usize) {
        let bare = n.trim_start_matches('[').trim_end_matches(']');
        let Ok(v) = bare.parse::<u64>() else { return };
        if let Some(last) = self.last_page_n {
            if v <= last {
                self.diag(
                    Severity::Warning,
                    "TEI003",
                    start,
                    format!("page break n=\"{n}\" after page {last}"),
                );
            }
        }
        self.last_page_n = Some(v);
    }

    fn end(&mut self, end: usize) {
        let Some(open) = self.stack.pop() else { return };
        let depth = self.stack.len() + 1;
        if open.name == Name::Idno {
            if let Some(v) = self.idno.take() {
                let v = v.trim().to_string();
                if !v.is_empty() {
                    self.volume = Some(v);
                }
            }
        }
        for d in &mut self.docs {
            d.end(open.name, depth, end);
        }
        if self.docs.last().is_some_and(|d| d.depth == depth) {
            if let Some(doc) = self.docs.pop() {
                self.done.push(doc.finish(end));
            }
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(v) = &mut self.idno {
            v.push_str(s);
        }
        for d in &mut self.docs {
            d.text(s);
        }
    }

    fn finish(mut self) -> Vec<Record> {
        // Documents still open: the input broke off inside them.
        while let Some(doc) = self.docs.pop() {
            let end = self.bytes.len();
            let mut rec = doc.finish(end);
            rec.body = true;
            self.done.push(rec);
        }
        self.done.sort_by_key(|r| r.part.unwrap_or(0));
        let mut out = Vec::with_capacity(self.done.len() + 1);
        if !self.file_diags.is_empty() || self.done.is_empty() {
            if self.done.is_empty() && self.file_diags.is_empty() {
                self.file_diags.push(Diagnostic::new(
                    Severity::Warning,
                    "X006",
                    0,
                    "no <div type=\"document\"> in this XML file",
                ));
            }
            out.push(Record {
                path: self.path.to_string(),
                span: Span::new(0, self.bytes.len()),
                volume: self.volume.clone(),
                body: false,
                diagnostics: std::mem::take(&mut self.file_diags),
                ..Record::default()
            });
        }
        out.append(&mut self.done);
        let mut capped: Vec<(&str, usize)> = self
            .counts
            .iter()
            .filter(|(_, n)| **n > MAX_SAME)
            .map(|(c, n)| (*c, *n))
            .collect();
        capped.sort();
        if let Some(first) = out.first_mut() {
            for (code, n) in capped {
                first.diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    code,
                    0,
                    format!(
                        "{} more {code} diagnostics in this file not shown",
                        n - MAX_SAME
                    ),
                ));
            }
        }
        let lines = crate::diag::LineIndex::from_bytes(self.bytes);
        for r in &mut out {
            for d in &mut r.diagnostics {
                let (line, column) = lines.line_col_bytes(self.bytes, d.offset);
                d.line = line;
                d.column = column;
            }
        }
        out
    }
}

/// The file name without folders and extension ("frus1936v03").
fn stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.split('#').next().unwrap_or(name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests;
