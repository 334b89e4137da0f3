//! The record: the public contract of `cables index`.
//!
//! One [`Record`] is written per document, one JSON object per line. Field
//! names and meanings are documented in README.md ("The record") and in the
//! JSON Schema printed by `cables schema`, which is generated from these
//! types. Tests read every output line back into these types with
//! `deny_unknown_fields`, so a field added here and not documented fails.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;

/// Version of the record layout. Bumped when a field changes meaning.
pub const SCHEMA_VERSION: &str = "cables/1";

/// One document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// File path relative to the indexed folder (as given, for `parse`); for
    /// TEI, the file path plus `#` and the document id (`vol.xml#d100`).
    pub path: String,
    /// Which document of a file that holds several (1-based); null when the
    /// file holds one document.
    pub part: Option<usize>,
    /// Byte span `[start, end)` of the document in its file.
    pub span: Span,
    /// The volume id (`frus1936v03`) when the input says it (TEI), else null.
    pub volume: Option<String>,
    /// The document number printed at the head ("67", "133a"), or null.
    pub number: Option<String>,
    /// The head without its number and footnote marks; null when the text
    /// has no recognisable head.
    pub title: Option<String>,
    /// Byte span of the head line in the input.
    pub head_span: Option<Span>,
    /// Document type ("Telegram", "Memorandum of Conversation", …) from the
    /// head or the file line; null if none is stated.
    pub doc_type: Option<String>,
    /// Sender part of the head ("Secretary of State Kissinger").
    pub from: Option<String>,
    /// Recipient part of the head.
    pub to: Option<String>,
    /// Decimal or subject-numeric file ("711.00111 Armament Control/777a").
    pub file_number: Option<String>,
    /// The source note text exactly: the footnote that begins "Source:", or
    /// in old volumes the inline line ("893.24/1340: Telegram", "No. 175.",
    /// "[Extract.]").
    pub source_note: Option<String>,
    /// Byte span of the source note when it is a line of the text rather
    /// than a footnote (a file line, "[Extract.]").
    pub source_span: Option<Span>,
    /// Classification from the marking sentence or an opener caption.
    pub classification: Option<String>,
    /// Handling caveats, in order ("Sensitive", "Exclusively Eyes Only").
    pub handling: Vec<String>,
    /// Precedence ("Flash", "Niact Immediate", "Priority", …).
    pub precedence: Option<String>,
    /// Routing tag of a cable ("Hakto 1") or its telegram number.
    pub routing: Option<Routing>,
    /// The dateline, when the text has one.
    pub dateline: Option<Dateline>,
    /// Earliest instant the document can date from (TEI
    /// `frus:doc-dateTime-min`), else the dateline date; ISO 8601.
    pub date_min: Option<String>,
    /// Latest instant (TEI `frus:doc-dateTime-max`), else the dateline date.
    pub date_max: Option<String>,
    /// Page markers in order, as printed ("219", "XII", "[30]").
    pub pages: Vec<String>,
    /// Page markers with their kind and byte span.
    pub page_markers: Vec<PageMarker>,
    /// Body paragraphs, after the head, without the footnote list.
    pub paragraphs: Vec<Paragraph>,
    /// Signature lines in order ("GRF", "Hull", "CHARLES FRANCIS ADAMS.").
    pub signatures: Vec<String>,
    /// Footnotes in list order.
    pub footnotes: Vec<Footnote>,
    /// What the text cites: cables, telegrams, documents.
    pub references: Vec<Reference>,
    /// Labelled lists (SUBJECT, PARTICIPANTS) with their items.
    pub lists: Vec<List>,
    /// False for an entry of a chapter listing (number, title and source note
    /// without a body).
    pub body: bool,
    /// What could not be parsed cleanly.
    pub diagnostics: Vec<Diagnostic>,
}

/// A byte range `[start, end)` into the input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// The routing tag of a cable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Routing {
    /// Series indicator ("Hakto", "Secto", "Dulte"), or null for a bare
    /// telegram number.
    pub series: Option<String>,
    /// Serial number as printed ("1", "1038").
    pub number: String,
    /// The tag as printed ("Hakto 1.").
    pub text: String,
    /// Byte offset of the tag in the input.
    pub offset: usize,
}

/// A dateline ("Paris, December 16, 1958, 11 p.m.").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    /// The dateline as printed.
    pub text: String,
    /// The place part ("Paris"), or null.
    pub place: Option<String>,
    /// The date as ISO 8601, partial allowed ("1958-12-16", "1958-12",
    /// "1958"); null when it says "undated" or cannot be read.
    pub date: Option<String>,
    /// The time as printed ("11 p.m.", "0533Z"), or null.
    pub time: Option<String>,
    /// Byte offset of the dateline in the input.
    pub offset: usize,
}

/// A page marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageMarker {
    /// The page as printed ("219", "XII", "[30]").
    pub n: String,
    /// "page", "facsimile" or "typeset".
    pub kind: String,
    /// Byte span of the whole marker ("[Page 219]").
    pub span: Span,
}

/// A body paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The text without page markers and footnote marks; a word split by a
    /// page marker is joined. Lines of one block are joined by "\n".
    pub text: String,
    /// The paragraph's own number ("1", "2"), or null.
    pub number: Option<String>,
    /// The page the paragraph starts on, when known.
    pub page: Option<String>,
    /// True inside a quoted message ("Begin text: … End text.").
    pub quoted: bool,
    /// Byte span of the paragraph in the input.
    pub span: Span,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The mark as printed in the text ("2", "34", "0", "a", "*").
    pub marker: String,
    /// The number of the note in the list at the end (1, 2, 3 …).
    pub list_number: Option<String>,
    /// The note text.
    pub text: String,
    /// Byte offsets of the note's marks in the input.
    pub anchors: Vec<usize>,
    /// True for the source note.
    pub source: bool,
    /// Byte span of the note in the input.
    pub span: Span,
}

/// Something the text cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// "cable" (a routing serial such as "Hakto 7"), "telegram" (a numbered
    /// telegram), "document" ("Document 108") or "footnote" ("footnote 5,
    /// Document 112").
    pub kind: String,
    /// The reference as printed.
    pub text: String,
    /// Routing series for a cable ("Hakto").
    pub series: Option<String>,
    /// Serial, telegram or document number.
    pub number: String,
    /// Document number a footnote reference points into.
    pub document: Option<String>,
    /// Place named with a telegram ("from Moscow").
    pub place: Option<String>,
    /// True when found in a footnote, false when in the body.
    pub in_footnote: bool,
    /// Byte offset in the input.
    pub offset: usize,
}

/// A labelled list such as SUBJECT or PARTICIPANTS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// The list heading ("PARTICIPANTS", "SUBJECT").
    pub head: String,
    /// The items in order.
    pub items: Vec<String>,
}
