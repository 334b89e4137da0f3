//! Lossless accounting: which part of a [`Record`] every byte of its input
//! belongs to.
//!
//! [`account`] cuts the input into a flat, ordered, non-overlapping list of
//! [`Piece`]s that covers it exactly: the head line, the source (file) line,
//! paragraphs, page markers, footnote marks, footnotes, and "other" for the
//! bytes the record does not model (blank lines, a title line the parser
//! dropped, …). Page markers and footnote marks are cut out of the
//! paragraph, head or footnote they sit in. Where the record claims the
//! same bytes twice (two paragraphs overlapping), the later claim is clipped
//! and the clash is listed in [`Accounting::conflicts`]: a parser gap.
//!
//! [`check_spans`] checks the record's offsets against its input: every
//! span and offset inside the input and on a character boundary, and every
//! footnote anchor on text that starts with the footnote's mark.

use crate::record::{Record, Span};

/// What a piece of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The head line (`head_span`).
    Head,
    /// The source note when it is a line of the text (`source_span`).
    SourceLine,
    /// A body paragraph.
    Paragraph,
    /// A page marker ("[Page 219]").
    PageMarker,
    /// A footnote mark in the text (at an anchor).
    FootnoteMark,
    /// A footnote of the list.
    Footnote,
    /// Anything the record does not model.
    Other,
}

impl Part {
    /// All kinds, in a stable order.
    pub const ALL: [Part; 7] = [
        Part::Head,
        Part::SourceLine,
        Part::Paragraph,
        Part::PageMarker,
        Part::FootnoteMark,
        Part::Footnote,
        Part::Other,
    ];

    /// A lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Head => "head",
            Part::SourceLine => "source line",
            Part::Paragraph => "paragraph",
            Part::PageMarker => "page marker",
            Part::FootnoteMark => "footnote mark",
            Part::Footnote => "footnote",
            Part::Other => "other",
        }
    }
}

/// One piece of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// What it is.
    pub part: Part,
    /// Where it is.
    pub span: Span,
}

/// The input cut into pieces.
#[derive(Debug, Clone, Default)]
pub struct Accounting {
    /// Pieces in input order; each starts where the previous ends, the first
    /// at 0 and the last ends at the input's length.
    pub pieces: Vec<Piece>,
    /// Claims of the record that clash with another claim or lie outside
    /// the input; empty when the record is consistent.
    pub conflicts: Vec<String>,
}

impl Accounting {
    /// Bytes per part kind.
    pub fn bytes_per_part(&self) -> Vec<(Part, usize)> {
        Part::ALL
            .iter()
            .map(|&k| {
                let n = self
                    .pieces
                    .iter()
                    .filter(|p| p.part == k)
                    .map(|p| p.span.end - p.span.start)
                    .sum();
                (k, n)
            })
            .collect()
    }

    /// The input rebuilt by concatenating the pieces.
    pub fn rebuild(&self, src: &str) -> String {
        let mut out = String::with_capacity(src.len());
        for p in &self.pieces {
            out.push_str(src.get(p.span.start..p.span.end).unwrap_or(""));
        }
        out
    }
}

/// Cut `src` into the parts `rec` claims. Never panics: claims outside the
/// input or off a character boundary are listed as conflicts and dropped.
pub fn account(rec: &Record, src: &str) -> Accounting {
    let mut conflicts = Vec::new();
    let mut base: Vec<(Span, Part)> = Vec::new();
    let mut overlay: Vec<(Span, Part)> = Vec::new();
    let claim =
        |list: &mut Vec<(Span, Part)>, span: Span, part: Part, conflicts: &mut Vec<String>| {
            if span.start > span.end
                || span.end > src.len()
                || !src.is_char_boundary(span.start)
                || !src.is_char_boundary(span.end)
            {
                conflicts.push(format!(
                    "{} {}..{} is not a span of the input",
                    part.as_str(),
                    span.start,
                    span.end
                ));
            } else if span.start < span.end {
                list.push((span, part));
            }
        };
    if let Some(s) = rec.head_span {
        claim(&mut base, s, Part::Head, &mut conflicts);
    }
    if let Some(s) = rec.source_span {
        claim(&mut base, s, Part::SourceLine, &mut conflicts);
    }
    for p in &rec.paragraphs {
        claim(&mut base, p.span, Part::Paragraph, &mut conflicts);
    }
    for f in &rec.footnotes {
        claim(&mut base, f.span, Part::Footnote, &mut conflicts);
    }
    for m in &rec.page_markers {
        claim(&mut overlay, m.span, Part::PageMarker, &mut conflicts);
    }
    for f in &rec.footnotes {
        for &a in &f.anchors {
            let span = Span::new(a, a.saturating_add(f.marker.len()));
            claim(&mut overlay, span, Part::FootnoteMark, &mut conflicts);
        }
    }
    let base = disjoint(base, &mut conflicts);
    let overlay = disjoint(overlay, &mut conflicts);

    // Base claims minus the overlays, then the overlays, then the gaps.
    let mut claimed: Vec<Piece> = Vec::with_capacity(base.len() + overlay.len() * 2);
    for &(span, part) in &base {
        let mut at = span.start;
        let first = overlay.partition_point(|(o, _)| o.end <= span.start);
        for (o, _) in overlay[first..]
            .iter()
            .take_while(|(o, _)| o.start < span.end)
        {
            if o.start > at {
                claimed.push(Piece {
                    part,
                    span: Span::new(at, o.start),
                });
            }
            at = at.max(o.end);
        }
        if at < span.end {
            claimed.push(Piece {
                part,
                span: Span::new(at, span.end),
            });
        }
    }
    claimed.extend(overlay.iter().map(|&(span, part)| Piece { part, span }));
    claimed.sort_by_key(|p| p.span.start);

    let mut pieces = Vec::with_capacity(claimed.len() * 2 + 1);
    let mut at = 0;
    for p in claimed {
        if p.span.start > at {
            pieces.push(Piece {
                part: Part::Other,
                span: Span::new(at, p.span.start),
            });
        }
        at = p.span.end;
        pieces.push(p);
    }
    if at < src.len() {
        pieces.push(Piece {
            part: Part::Other,
            span: Span::new(at, src.len()),
        });
    }
    Accounting { pieces, conflicts }
}

/// Sort claims and clip each against the ones before it, listing clashes.
fn disjoint(mut list: Vec<(Span, Part)>, conflicts: &mut Vec<String>) -> Vec<(Span, Part)> {
    list.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out: Vec<(Span, Part)> = Vec::with_capacity(list.len());
    for (span, part) in list {
        match out.last() {
            Some(&(prev, pk)) if span.start < prev.end => {
                conflicts.push(format!(
                    "{} {}..{} overlaps {} {}..{}",
                    part.as_str(),
                    span.start,
                    span.end,
                    pk.as_str(),
                    prev.start,
                    prev.end
                ));
                if span.end > prev.end {
                    out.push((Span::new(prev.end, span.end), part));
                }
            }
            _ => out.push((span, part)),
        }
    }
    out
}

/// Check every offset of `rec` against `src`: spans inside the input, on
/// character boundaries, start ≤ end; footnote anchors on their marks. The
/// first problem found is the error.
pub fn check_spans(rec: &Record, src: &str) -> Result<(), String> {
    let off = |what: &str, o: usize| -> Result<(), String> {
        if o > src.len() {
            Err(format!(
                "{what}: offset {o} is past the end ({})",
                src.len()
            ))
        } else if !src.is_char_boundary(o) {
            Err(format!("{what}: offset {o} is inside a character"))
        } else {
            Ok(())
        }
    };
    let span = |what: &str, s: Span| -> Result<(), String> {
        off(what, s.start)?;
        off(what, s.end)?;
        if s.start > s.end {
            return Err(format!(
                "{what}: span {}..{} runs backwards",
                s.start, s.end
            ));
        }
        Ok(())
    };
    span("record span", rec.span)?;
    if let Some(s) = rec.head_span {
        span("head_span", s)?;
    }
    if let Some(s) = rec.source_span {
        span("source_span", s)?;
    }
    for (i, p) in rec.paragraphs.iter().enumerate() {
        span(&format!("paragraph {i}"), p.span)?;
    }
    for (i, m) in rec.page_markers.iter().enumerate() {
        span(&format!("page marker {i}"), m.span)?;
    }
    for (i, f) in rec.footnotes.iter().enumerate() {
        span(&format!("footnote {i}"), f.span)?;
        for &a in &f.anchors {
            off(&format!("footnote {i} anchor"), a)?;
            if !src[a..].starts_with(f.marker.as_str()) {
                let end = (a + 12).min(src.len());
                let end = (end..=src.len())
                    .find(|&e| src.is_char_boundary(e))
                    .unwrap_or(src.len());
                return Err(format!(
                    "footnote {i} anchor {a} is on {:?}, not mark {:?}",
                    &src[a..end],
                    f.marker
                ));
            }
        }
    }
    if let Some(r) = &rec.routing {
        off("routing", r.offset)?;
    }
    if let Some(d) = &rec.dateline {
        off("dateline", d.offset)?;
    }
    for (i, r) in rec.references.iter().enumerate() {
        off(&format!("reference {i}"), r.offset)?;
    }
    for (i, d) in rec.diagnostics.iter().enumerate() {
        off(&format!("diagnostic {i} ({})", d.code), d.offset)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Footnote, PageMarker, Paragraph};

    fn para(s: usize, e: usize) -> Paragraph {
        Paragraph {
            text: String::new(),
            number: None,
            page: None,
            quoted: false,
            span: Span::new(s, e),
        }
    }

    #[test]
    fn partition_table() {
        // src:           0123456789012345678901
        let src = "Head\n\nab[Page 2]cd1\n\n1. n";
        let rec = Record {
            head_span: Some(Span::new(0, 4)),
            paragraphs: vec![para(6, 19)],
            page_markers: vec![PageMarker {
                n: "2".into(),
                kind: "page".into(),
                span: Span::new(8, 16),
            }],
            footnotes: vec![Footnote {
                marker: "1".into(),
                list_number: Some("1".into()),
                text: "n".into(),
                anchors: vec![18],
                source: false,
                span: Span::new(21, 25),
            }],
            ..Record::default()
        };
        let acc = account(&rec, src);
        assert!(acc.conflicts.is_empty(), "{:?}", acc.conflicts);
        let got: Vec<(Part, &str)> = acc
            .pieces
            .iter()
            .map(|p| (p.part, &src[p.span.start..p.span.end]))
            .collect();
        assert_eq!(
            got,
            vec![
                (Part::Head, "Head"),
                (Part::Other, "\n\n"),
                (Part::Paragraph, "ab"),
                (Part::PageMarker, "[Page 2]"),
                (Part::Paragraph, "cd"),
                (Part::FootnoteMark, "1"),
                (Part::Other, "\n\n"),
                (Part::Footnote, "1. n"),
            ]
        );
        assert_eq!(acc.rebuild(src), src);
        assert_eq!(check_spans(&rec, src), Ok(()));
    }

    #[test]
    fn overlap_and_bad_spans_are_conflicts() {
        let src = "aaaa bbbb é";
        let rec = Record {
            paragraphs: vec![para(0, 6), para(5, 9), para(10, 11), para(3, 99)],
            ..Record::default()
        };
        let acc = account(&rec, src);
        assert_eq!(acc.conflicts.len(), 3, "{:?}", acc.conflicts);
        assert_eq!(acc.rebuild(src), src);
        assert!(check_spans(&rec, src).is_err());
    }

    #[test]
    fn anchor_off_its_mark_is_reported() {
        let src = "text2 more";
        let f = Footnote {
            marker: "2".into(),
            list_number: None,
            text: String::new(),
            anchors: vec![3],
            source: false,
            span: Span::default(),
        };
        let rec = Record {
            footnotes: vec![f],
            ..Record::default()
        };
        assert!(check_spans(&rec, src).unwrap_err().contains("not mark"));
    }
}
