//! One `<div type="document">` being read: the text of the elements that
//! matter is captured as the events pass, and turned into a [`Record`] at
//! the closing `</div>`.

use quick_xml::events::BytesStart;

use super::{attr, Name};
use crate::parse::{head, markings};
use crate::record::{Dateline, Footnote, List, PageMarker, Paragraph, Record, Reference, Span};

/// What a capture is for.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Head,
    From,
    To,
    /// Index into the record's footnotes.
    Note(usize),
    /// An inline note (`rend="inline"`): the source note when it has
    /// `type="source"` and none was found before.
    Inline {
        source: bool,
    },
    Dateline,
    Place,
    Date,
    Para {
        quoted: bool,
        page: Option<String>,
    },
    Signed,
    ListHead,
    ListItem,
    Ref {
        number: String,
    },
}

/// Text being gathered for an element until its end tag.
struct Capture {
    kind: Kind,
    /// Depth of the element (1 = root).
    depth: usize,
    /// Notes open when it began: text inside a deeper note is left out,
    /// unless `with_notes`.
    notes_at: usize,
    with_notes: bool,
    start: usize,
    buf: String,
}

/// A list with a type or head.
struct OpenList {
    depth: usize,
    kind: Option<String>,
    head: Option<String>,
    items: Vec<String>,
}

pub(crate) struct Doc {
    pub(crate) rec: Record,
    pub(crate) id: Option<String>,
    /// Depth of the div element.
    pub(crate) depth: usize,
    captures: Vec<Capture>,
    /// Open notes inside this document.
    notes: usize,
    /// Open `frus:attachment` elements.
    attachments: usize,
    /// Depths of the nested document divs that are open.
    nested: Vec<usize>,
    quotes: usize,
    lists: Vec<OpenList>,
    head_seen: bool,
    in_head: bool,
    dateline_state: DatelineState,
    date_attr: Option<String>,
    place: Option<String>,
    date_text: Option<String>,
    source_from_inline: bool,
}

#[derive(PartialEq)]
enum DatelineState {
    Before,
    Open,
    Done,
}

/// Whitespace collapsed to single spaces, trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Doc {
    pub(crate) fn new(
        path: String,
        ordinal: usize,
        depth: usize,
        start: usize,
        id: Option<String>,
        n: Option<String>,
    ) -> Doc {
        let number = n
            .map(|n| {
                n.trim()
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .to_string()
            })
            .filter(|n| !n.is_empty());
        Doc {
            rec: Record {
                path,
                part: Some(ordinal),
                span: Span::new(start, start),
                number,
                body: true,
                ..Record::default()
            },
            id,
            depth,
            captures: Vec::new(),
            notes: 0,
            attachments: 0,
            nested: Vec::new(),
            quotes: 0,
            lists: Vec::new(),
            head_seen: false,
            in_head: false,
            dateline_state: DatelineState::Before,
            date_attr: None,
            place: None,
            date_text: None,
            source_from_inline: false,
        }
    }

    fn capture(&mut self, kind: Kind, depth: usize, start: usize, with_notes: bool) {
        self.captures.push(Capture {
            kind,
            depth,
            notes_at: self.notes,
            with_notes,
            start,
            buf: String::new(),
        });
    }

    pub(crate) fn text(&mut self, s: &str) {
        for c in &mut self.captures {
            if c.with_notes || c.notes_at == self.notes {
                c.buf.push_str(s);
            }
        }
    }

    pub(crate) fn page_break(&mut self, n: &str, kind: &str, span: Span) {
        self.rec.pages.push(n.to_string());
        self.rec.page_markers.push(PageMarker {
            n: n.to_string(),
            kind: kind.to_string(),
            span,
        });
    }

    pub(crate) fn start(
        &mut self,
        name: Name,
        e: &BytesStart,
        start: usize,
        depth: usize,
        page: Option<&str>,
    ) {
        let in_note = self.notes > 0;
        match name {
            Name::Div if depth > self.depth && attr(e, b"type").as_deref() == Some("document") => {
                self.nested.push(depth);
            }
            Name::Head => {
                if depth == self.depth + 1 && !self.head_seen {
                    self.head_seen = true;
                    self.in_head = true;
                    self.rec.head_span = Some(Span::new(start, start));
                    self.capture(Kind::Head, depth, start, false);
                } else if let Some(l) = self.lists.last() {
                    if l.depth + 1 == depth && l.head.is_none() {
                        self.capture(Kind::ListHead, depth, start, false);
                    }
                }
            }
            Name::Pers | Name::Gloss if self.in_head && !in_note => {
                match attr(e, b"type").as_deref() {
                    Some("from") => self.capture(Kind::From, depth, start, false),
                    Some("to") => self.capture(Kind::To, depth, start, false),
                    _ => {}
                }
            }
            Name::Note => {
                let inline = attr(e, b"rend").as_deref() == Some("inline");
                let source = attr(e, b"type").as_deref() == Some("source");
                if inline {
                    let is_source =
                        source && self.rec.source_note.is_none() && !self.source_from_inline;
                    if is_source {
                        self.source_from_inline = true;
                        self.rec.source_span = Some(Span::new(start, start));
                    }
                    self.capture(Kind::Inline { source: is_source }, depth, start, true);
                } else {
                    let count = self.rec.footnotes.len() + 1;
                    let marker = attr(e, b"n").unwrap_or_else(|| count.to_string());
                    self.rec.footnotes.push(Footnote {
                        marker,
                        list_number: Some(count.to_string()),
                        text: String::new(),
                        anchors: vec![start],
                        source,
                        span: Span::new(start, start),
                    });
                    self.capture(Kind::Note(count - 1), depth, start, false);
                }
                // Counted after the capture so the note's own text is kept.
                self.notes += 1;
                if let Some(c) = self.captures.last_mut() {
                    c.notes_at = self.notes;
                }
            }
            Name::Dateline
                if self.dateline_state == DatelineState::Before
                    && self.attachments == 0
                    && self.nested.is_empty()
                    && !in_note =>
            {
                self.dateline_state = DatelineState::Open;
                self.rec.dateline = Some(Dateline {
                    text: String::new(),
                    place: None,
                    date: None,
                    time: None,
                    offset: start,
                });
                self.capture(Kind::Dateline, depth, start, false);
            }
            Name::Place
                if self.dateline_state == DatelineState::Open
                    && self.place.is_none()
                    && !in_note =>
            {
                self.capture(Kind::Place, depth, start, false);
            }
            Name::Date
                if self.dateline_state == DatelineState::Open
                    && self.date_text.is_none()
                    && !in_note =>
            {
                self.date_attr = attr(e, b"when")
                    .or_else(|| attr(e, b"from"))
                    .or_else(|| attr(e, b"notBefore"));
                self.capture(Kind::Date, depth, start, false);
            }
            Name::P if !in_note => {
                self.capture(
                    Kind::Para {
                        quoted: self.quotes > 0,
                        page: page.map(str::to_string),
                    },
                    depth,
                    start,
                    false,
                );
            }
            Name::Quote => self.quotes += 1,
            Name::Signed if !in_note => self.capture(Kind::Signed, depth, start, false),
            Name::List if !in_note => {
                self.lists.push(OpenList {
                    depth,
                    kind: attr(e, b"type"),
                    head: None,
                    items: Vec::new(),
                });
            }
            Name::Item if !in_note && self.lists.last().is_some_and(|l| l.depth + 1 == depth) => {
                self.capture(Kind::ListItem, depth, start, false);
            }
            Name::Ref => {
                if let Some(t) = attr(e, b"target") {
                    if let Some(num) = t
                        .strip_prefix("#d")
                        .filter(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
                    {
                        self.capture(
                            Kind::Ref {
                                number: num.to_string(),
                            },
                            depth,
                            start,
                            false,
                        );
                    }
                }
            }
            Name::Attachment => self.attachments += 1,
            _ => {}
        }
    }

    pub(crate) fn end(&mut self, name: Name, depth: usize, end: usize) {
        while self.captures.last().is_some_and(|c| c.depth == depth) {
            if let Some(c) = self.captures.pop() {
                self.close(c, end);
            }
        }
        match name {
            Name::Note => self.notes = self.notes.saturating_sub(1),
            Name::Quote => self.quotes = self.quotes.saturating_sub(1),
            Name::Attachment => self.attachments = self.attachments.saturating_sub(1),
            Name::Div if self.nested.last() == Some(&depth) => {
                self.nested.pop();
            }
            Name::List if self.lists.last().is_some_and(|l| l.depth == depth) => {
                if let Some(l) = self.lists.pop() {
                    if l.kind.is_some() || l.head.is_some() {
                        let head = l
                            .head
                            .or(l.kind.map(|k| k.to_uppercase()))
                            .unwrap_or_default();
                        self.rec.lists.push(List {
                            head,
                            items: l.items,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, c: Capture, end: usize) {
        let text = collapse(&c.buf);
        match c.kind {
            Kind::Head => {
                self.in_head = false;
                self.rec.head_span = Some(Span::new(c.start, end));
                let title = match self.rec.number.as_deref() {
                    Some(n) => text
                        .strip_prefix(&format!("{n}. "))
                        .map(str::to_string)
                        .unwrap_or(text),
                    None => text,
                };
                // An empty `<head/>` gives no title, as a text without a head.
                self.rec.title = Some(title).filter(|t| !t.is_empty());
            }
            Kind::From => join_party(&mut self.rec.from, text),
            Kind::To => join_party(&mut self.rec.to, text),
            Kind::Note(i) => {
                if let Some(f) = self.rec.footnotes.get_mut(i) {
                    f.span = Span::new(c.start, end);
                    if f.source && self.rec.source_note.is_none() {
                        self.rec.source_note = Some(text.clone());
                    }
                    f.text = text;
                }
            }
            Kind::Inline { source } => {
                if source {
                    self.rec.source_span = Some(Span::new(c.start, end));
                    if let Some((file, kind)) = head::file_line(&text) {
                        self.rec.file_number.get_or_insert(file);
                        if let Some(k) = kind {
                            let k = k.split(" (").next().unwrap_or(&k).trim().to_string();
                            self.rec.doc_type.get_or_insert(k);
                        }
                    }
                    if self.rec.source_note.is_none() {
                        self.rec.source_note = Some(text);
                    }
                }
            }
            Kind::Dateline => {
                self.dateline_state = DatelineState::Done;
                if let Some(d) = &mut self.rec.dateline {
                    d.text = text;
                    d.place = self.place.take();
                    d.date = self.date_attr.take();
                    d.time = self.date_text.as_deref().and_then(time_of);
                }
            }
            Kind::Place => {
                let p = text.trim_end_matches([',', ' ']).to_string();
                self.place = Some(p);
            }
            Kind::Date => self.date_text = Some(text),
            Kind::Para { quoted, page } => {
                if !text.is_empty() {
                    self.rec.paragraphs.push(Paragraph {
                        text,
                        number: None,
                        page,
                        quoted,
                        span: Span::new(c.start, end),
                    });
                }
            }
            Kind::Signed => self.rec.signatures.push(text),
            Kind::ListHead => {
                if let Some(l) = self.lists.last_mut() {
                    l.head = Some(text);
                }
            }
            Kind::ListItem => {
                if let Some(l) = self.lists.last_mut() {
                    l.items.push(text);
                }
            }
            Kind::Ref { number } => self.rec.references.push(Reference {
                kind: "document".to_string(),
                text,
                series: None,
                number,
                document: None,
                place: None,
                in_footnote: self.notes > 0,
                offset: c.start,
            }),
        }
    }

    pub(crate) fn finish(mut self, end: usize) -> Record {
        // Captures left open (input broke off) are closed where it ended.
        while let Some(c) = self.captures.pop() {
            self.close(c, end);
        }
        let mut rec = self.rec;
        rec.span.end = end;
        // A paragraph quoted inside another closes first: document order.
        rec.paragraphs.sort_by_key(|p| p.span.start);
        if let Some(title) = &rec.title {
            if rec.doc_type.is_none() {
                rec.doc_type = head::doc_type(title).map(str::to_string);
            }
        }
        if let Some(note) = &rec.source_note {
            let m = markings::from_source_note(note);
            rec.classification = m.classification;
            rec.handling = m.handling;
            rec.precedence = m.precedence;
        }
        if rec.date_min.is_none() {
            rec.date_min = rec.dateline.as_ref().and_then(|d| d.date.clone());
        }
        if rec.date_max.is_none() {
            rec.date_max = rec.dateline.as_ref().and_then(|d| d.date.clone());
        }
        rec
    }
}

/// Several parties of one side are joined with "; ".
fn join_party(slot: &mut Option<String>, text: String) {
    match slot {
        Some(s) => {
            s.push_str("; ");
            s.push_str(&text);
        }
        None => *slot = Some(text),
    }
}

/// The time printed after the year of a dateline date ("January 18,
/// 1936—noon" → "noon"; "December 16, 1958, 11 p.m." → "11 p.m.").
pub(crate) fn time_of(date: &str) -> Option<String> {
    let b = date.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            let rest = date[i + 4..]
                .trim_start_matches([',', ' ', '—', '–', '-', '.'])
                .trim();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
        i += 1;
    }
    None
}
