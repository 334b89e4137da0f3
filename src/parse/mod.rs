//! The text parser: one FRUS document, as its history.state.gov page reads
//! when copied as text, into a [`Record`].
//!
//! Passes, in order:
//! 1. lines and blocks (blank-line separated), with byte offsets;
//! 2. the footnote list at the end, found structurally ([`footnotes`]);
//! 3. page markers anywhere ([`pages`]);
//! 4. the head, after leading editorial lines such as a file line
//!    ([`head`]);
//! 5. footnote marks, aligned with the list;
//! 6. body: dateline, captions, routing tag, numbered and quoted paragraphs,
//!    signatures, lists; references in body and notes ([`refs`]);
//! 7. markings from the source note ([`markings`]).
//!
//! The parser is total: any text gives a record; what could not be read
//! cleanly is a diagnostic.

pub mod dateline;
pub mod footnotes;
pub mod head;
pub mod lines;
pub mod markings;
pub mod pages;
pub mod refs;
pub mod signature;

use std::sync::LazyLock;

use regex::Regex;

use crate::diag::{Diagnostic, LineIndex, Severity};
use crate::record::{Footnote, List, PageMarker, Paragraph, Record, Routing, Span};
use crate::vocab::{is_series, series_name};
use lines::Block;

/// Parse a whole text as one document.
pub fn parse(src: &str, path: &str) -> Record {
    let mut rec = parse_range(src, 0, src.len());
    rec.path = path.to_string();
    locate(&mut rec, src);
    rec
}

/// Fill in line and column of every diagnostic of `rec` from `src`.
pub fn locate(rec: &mut Record, src: &str) {
    locate_all(std::slice::from_mut(rec), src);
}

/// Fill in line and column of the diagnostics of records cut from one
/// `src`, indexing its lines once (and only when there is something to
/// locate).
pub fn locate_all(recs: &mut [Record], src: &str) {
    if recs.iter().all(|r| r.diagnostics.is_empty()) {
        return;
    }
    let idx = LineIndex::new(src);
    for d in recs.iter_mut().flat_map(|r| r.diagnostics.iter_mut()) {
        d.locate(&idx, src);
    }
}

/// Parse `src[from..to]` as one document. Offsets in the record are into
/// `src`; diagnostics are not located yet (see [`locate`]).
pub fn parse_range(src: &str, from: usize, to: usize) -> Record {
    let mut to = to.min(src.len());
    while to > 0 && !src.is_char_boundary(to) {
        to -= 1;
    }
    let from = from.min(to);
    let mut rec = Record {
        span: Span::new(from, to),
        body: true,
        ..Record::default()
    };
    let lines = lines::lines(src, from, to);
    let list = footnotes::find_list(src, &lines);
    let notes_start = list.as_ref().map_or(to, |l| lines[l.first_line].start);
    let body_line_end = list.as_ref().map_or(lines.len(), |l| l.first_line);

    // Page markers, everywhere.
    let (markers, malformed) = pages::scan(src, from, to);
    for m in &malformed {
        rec.diagnostics.push(Diagnostic::new(
            Severity::Error,
            "P003",
            m.span.start,
            format!("malformed page marker {:?}", m.text),
        ));
    }
    unclosed_page(src, from, to, &markers, &mut rec.diagnostics);
    rec.pages = markers.iter().map(|m| m.n.clone()).collect();
    rec.page_markers = markers
        .iter()
        .map(|m| PageMarker {
            n: m.n.clone(),
            kind: m.kind.to_string(),
            span: m.span,
        })
        .collect();
    let marker_spans: Vec<Span> = markers.iter().map(|m| m.span).collect();

    let blocks = lines::blocks(src, &lines, 0, body_line_end);

    // The head: see `find_head`.
    let (leading, head_block) = find_head(src, &blocks, &marker_spans);
    let mut head_line_end = None;
    let mut head_span = None;
    if let Some(hb) = head_block {
        let span = Span::new(hb.start, hb.end);
        head_line_end = Some(span.end);
        head_span = Some(span);
    } else {
        rec.diagnostics.push(Diagnostic::new(
            Severity::Error,
            "P001",
            from,
            "no recognisable document head",
        ));
    }

    // Footnote marks.
    let mark_from = head_span.map_or(from, |s| s.start);
    let n_items = list.as_ref().map_or(0, |l| l.items.len());
    // Without a list there is nothing to align the candidates with (most
    // documents): they are not looked for.
    let cands = if n_items == 0 {
        Vec::new()
    } else {
        let cands =
            footnotes::candidates(src, mark_from, notes_start, &marker_spans, head_line_end);
        footnotes::with_symbols(src, mark_from, notes_start, cands)
    };
    let texts: Vec<&str> = list
        .iter()
        .flat_map(|l| &l.items)
        .map(|i| i.text.as_str())
        .collect();
    let alignment = footnotes::align_notes(src, &cands, &texts);
    let mut cuts: Vec<Span> = marker_spans.clone();
    let mark_spans: Vec<Option<Span>> = alignment
        .marks
        .iter()
        .map(|m| m.map(|ci| cands[ci].cut))
        .collect();
    cuts.extend(mark_spans.iter().flatten().copied());
    cuts.sort_by_key(|s| s.start);

    if let Some(list) = &list {
        for (k, item) in list.items.iter().enumerate() {
            let marker = alignment
                .markers
                .get(k)
                .cloned()
                .unwrap_or_else(|| item.number.to_string());
            let anchors: Vec<usize> = mark_spans
                .get(k)
                .copied()
                .flatten()
                .map(|s| s.start)
                .into_iter()
                .collect();
            let mark_start = mark_spans.get(k).copied().flatten().map(|s| {
                if src.as_bytes()[s.start] == b' ' {
                    s.start + 1
                } else {
                    s.start
                }
            });
            let source = item.text.starts_with("Source:") || item.text.starts_with("Source :");
            if anchors.is_empty() {
                rec.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "P002",
                    item.span.start,
                    format!(
                        "footnote {} (list item {}) has no mark in the text",
                        marker, item.number
                    ),
                ));
            }
            rec.footnotes.push(Footnote {
                marker,
                list_number: Some(item.number.to_string()),
                text: item.text.clone(),
                anchors: mark_start.into_iter().collect(),
                source,
                span: item.span,
            });
        }
    }

    // Head fields.
    if let Some(span) = head_span {
        let head_text = clean(src, span, &cuts).replace('\n', " ");
        let (number, title) = match head::split_number(&head_text) {
            Some((n, at)) => (Some(n.to_string()), head_text[at..].trim().to_string()),
            None => (None, head_text.trim().to_string()),
        };
        rec.number = number;
        rec.doc_type = head::doc_type(&title).map(str::to_string);
        let (f, t) = head::from_to(&title);
        rec.from = f;
        rec.to = t;
        rec.title = Some(title);
        rec.head_span = Some(span);
    }
    let mut inline_source: Option<String> = None;
    for b in &leading {
        let t = b.text(src).trim();
        if let Some((file, kind)) = head::file_line(t) {
            rec.file_number.get_or_insert(file);
            if rec.doc_type.is_none() {
                if let Some(k) = kind {
                    let k = k.split(" (").next().unwrap_or(&k).trim();
                    rec.doc_type = Some(k.to_string());
                }
            }
        }
        // Without a head, a despatch number ("No. 63.]") opens the body; it
        // is not a source note.
        let opener_number = head_block.is_none() && t.starts_with("No.");
        if inline_source.is_none() && !opener_number {
            inline_source = Some(clean_block(src, b, &cuts));
            rec.source_span = Some(Span::new(b.start, b.end));
        } else {
            // Further opener lines ("[Translation.]") are paragraphs.
            let text = clean_block(src, b, &cuts);
            rec.paragraphs.push(Paragraph {
                text,
                number: None,
                page: None,
                quoted: false,
                span: Span::new(b.start, b.end),
            });
        }
    }

    // Body blocks.
    let body_blocks: Vec<Block> = match head_block {
        Some(hb) => blocks
            .iter()
            .copied()
            .filter(|b| b.first > hb.last)
            .collect(),
        None => {
            let skip = leading.last().map_or(0, |b| b.last + 1);
            blocks.iter().copied().filter(|b| b.first >= skip).collect()
        }
    };

    let mut page: Option<String> = None;
    let mut marker_i = 0;
    let mut quoted = false;
    let mut routing_done = false;
    let mut marks = markings::Markings::default();
    let mut pending_list: Option<List> = None;
    // At most one paragraph per body block: reserved once, not grown by
    // doubling (issue 4).
    let mut para_blocks: Vec<(Block, usize)> = Vec::with_capacity(body_blocks.len()); // block, paragraph index
    rec.paragraphs.reserve(body_blocks.len());
    for (k, b) in body_blocks.iter().enumerate() {
        // Page markers before this block set the current page.
        while marker_i < markers.len() && markers[marker_i].span.start < b.start {
            page = Some(markers[marker_i].n.clone());
            marker_i += 1;
        }
        let raw = b.text(src);
        if is_marker_only(raw, b, &marker_spans) {
            continue;
        }
        let text = clean_block(src, b, &cuts);
        // A block of footnote marks alone is a note placed between blocks
        // (the TEI has it outside any paragraph, after an opener line such
        // as "[Translation]"), not an empty paragraph.
        let marks_only = text.is_empty()
            && !marker_spans
                .iter()
                .any(|m| m.start >= b.start && m.end <= b.end);
        if marks_only {
            continue;
        }
        if text.is_empty() {
            rec.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "P005",
                b.start,
                "empty paragraph",
            ));
            continue;
        }
        // "[Extract.]" right after the head is the source note of old
        // volumes when no file line came before the head.
        if k == 0 && inline_source.is_none() && b.line_count() == 1 && is_bracket_note(&text) {
            inline_source = Some(text);
            rec.source_span = Some(Span::new(b.start, b.end));
            continue;
        }
        if k < 4 && rec.dateline.is_none() && b.line_count() <= 3 {
            if let Some(d) = dateline::parse(&text, b.start) {
                rec.dateline = Some(d);
                continue;
            }
        }
        if k < 5 && markings::caption(&text, &mut marks) {
            rec.paragraphs.push(Paragraph {
                text,
                number: None,
                page: page.clone(),
                quoted,
                span: Span::new(b.start, b.end),
            });
            continue;
        }
        // Lists: a heading block followed by item blocks.
        if let Some(l) = pending_list.as_mut() {
            if let Some(items) = list_items(&text) {
                l.items.extend(items);
                continue;
            }
            if let Some(done) = pending_list.take() {
                rec.lists.push(done);
            }
        }
        if is_list_head(&text) {
            pending_list = Some(List {
                head: text.trim_end_matches(':').to_string(),
                items: Vec::new(),
            });
            continue;
        }
        let mut body = text.as_str();
        if !routing_done && !is_editorial_para(body) {
            routing_done = true;
            if let Some((r, len)) = routing(body, b.start) {
                rec.routing = Some(r);
                body = body[len..].trim_start();
            }
        }
        let (number, rest) = para_number(body);
        let (begins, ends) = begin_end_text(rest);
        if begins {
            quoted = true;
        }
        let this_quoted = quoted;
        if ends {
            quoted = false;
            if let Some(sig) = signature::inline_signature(rest) {
                rec.signatures.push(sig);
            }
        }
        // The paragraph's text is `rest`, most often all of `text`: then
        // `text` itself, not a copy (issue 4).
        let rest = if rest.len() == text.len() {
            text
        } else {
            rest.to_string()
        };
        para_blocks.push((*b, rec.paragraphs.len()));
        rec.paragraphs.push(Paragraph {
            text: rest,
            number,
            page: page.clone(),
            quoted: this_quoted,
            span: Span::new(b.start, b.end),
        });
    }
    if let Some(done) = pending_list.take() {
        rec.lists.push(done);
    }

    // Signatures: name blocks at the close of a letter.
    let blocks: Vec<signature::Block> = para_blocks
        .iter()
        .map(|(b, pi)| signature::Block {
            text: rec.paragraphs[*pi].text.as_str(),
            lines: b.line_count(),
            numbered: rec.paragraphs[*pi].number.is_some(),
        })
        .collect();
    let found = signature::closers(&blocks);
    rec.signatures.extend(found);

    // The source note.
    rec.source_note = rec
        .footnotes
        .iter()
        .find(|f| f.source)
        .map(|f| f.text.clone())
        .or(inline_source.clone())
        .or_else(|| {
            // Old volumes: the first bracketed editorial line of the body
            // ("[Translation.]", "[Inclosure 1 in No. 447.]").
            rec.paragraphs
                .iter()
                .find(|p| is_body_source_line(&p.text))
                .map(|p| p.text.clone())
        });
    if rec.file_number.is_none() {
        if let Some(sn) = &rec.source_note {
            rec.file_number = file_in_note(sn);
        }
    }
    if let Some(note) = rec.footnotes.iter().find(|f| f.source) {
        let m = markings::from_source_note(&note.text);
        for (_, tok) in &m.unknown {
            rec.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "P004",
                token_offset(src, note.span, tok),
                format!("marking {tok:?} is in no known vocabulary"),
            ));
        }
        rec.classification = m.classification;
        rec.handling = m.handling;
        rec.precedence = m.precedence;
    }
    if rec.classification.is_none() {
        rec.classification = marks.classification;
    }
    for h in marks.handling {
        if !rec.handling.contains(&h) {
            rec.handling.push(h);
        }
    }
    if rec.precedence.is_none() {
        rec.precedence = marks.precedence;
    }
    if let Some(d) = &rec.dateline {
        rec.date_min = d.date.clone();
        rec.date_max = d.date.clone();
    }

    // References, in the body and in the notes.
    for b in &body_blocks {
        refs::scan(b.text(src), b.start, false, &mut rec.references);
    }
    for f in &rec.footnotes {
        refs::scan(
            &src[f.span.start..f.span.end],
            f.span.start,
            true,
            &mut rec.references,
        );
    }
    if let Some(r) = &rec.routing {
        let at = r.offset;
        rec.references.retain(|x| x.offset != at);
    }
    rec
}

/// Find the head among the first blocks: the first block that reads as a
/// head, after at most four short editorial lines (file line, "No. 175.",
/// "[Extract.]", a section caption). Returns the editorial blocks before it
/// and the head block; no head when the text opens with the body itself (a
/// salutation, a long paragraph), as unnumbered enclosures do.
fn find_head(src: &str, blocks: &[Block], markers: &[Span]) -> (Vec<Block>, Option<Block>) {
    let mut leading: Vec<Block> = Vec::new();
    let mut firsts: Vec<Block> = Vec::new();
    for b in blocks {
        if is_marker_only(b.text(src), b, markers) {
            continue;
        }
        firsts.push(*b);
        if firsts.len() == 6 {
            break;
        }
    }
    // A strong head after short editorial-looking lines.
    for (i, b) in firsts.iter().enumerate().take(5) {
        let t = b.text(src);
        if head::is_strong_head(t) {
            let before = &firsts[..i];
            if before.iter().all(|p| head::is_short_line(p.text(src))) {
                return (before.to_vec(), Some(*b));
            }
            break;
        }
        if !head::is_short_line(t) {
            break;
        }
    }
    for b in &firsts {
        let t = b.text(src);
        if leading.len() < 4 && head::is_editorial_line(t) {
            leading.push(*b);
            continue;
        }
        if head::is_body_start(t) {
            // No head; a lone "No. 1." before the body is the head.
            if leading.len() == 1 && head::is_number_line(leading[0].text(src)) {
                let h = leading.remove(0);
                return (leading, Some(h));
            }
            return (leading, None);
        }
        return (leading, Some(*b));
    }
    match leading.pop() {
        Some(h) if leading.is_empty() => (leading, Some(h)),
        Some(h) => {
            leading.push(h);
            (leading, None)
        }
        None => (leading, None),
    }
}

/// Where `tok` (a token of a note's text) stands in the note's span of the
/// input; the note start when the text was normalised away from the input.
fn token_offset(src: &str, span: Span, tok: &str) -> usize {
    let raw = &src[span.start..span.end];
    // The note's lines were joined with "\n"; its first line is verbatim.
    let first_line = tok.lines().next().unwrap_or(tok);
    raw.find(tok)
        .or_else(|| raw.find(first_line))
        .map_or(span.start, |i| span.start + i)
}

/// True when a block holds only page markers.
fn is_marker_only(text: &str, b: &Block, markers: &[Span]) -> bool {
    if !text.starts_with('[') {
        return false;
    }
    // Markers are sorted: take those inside the block, and require that
    // only whitespace lies between them.
    let first = markers.partition_point(|m| m.start < b.start);
    let inside = markers[first..].iter().take_while(|m| m.end <= b.end);
    let mut pos = b.start;
    let mut any = false;
    for m in inside {
        if !text[pos - b.start..m.start - b.start].trim().is_empty() {
            return false;
        }
        pos = m.end;
        any = true;
    }
    any && text[pos - b.start..].trim().is_empty()
}

/// Copy `src[span]` without the `cuts` (page markers, footnote marks),
/// trimming each line and joining lines with "\n".
pub fn clean(src: &str, span: Span, cuts: &[Span]) -> String {
    let first = cuts.partition_point(|c| c.end <= span.start);
    let uncut = cuts.get(first).is_none_or(|c| c.start >= span.end);
    // Most blocks hold no cut: their text is read in place, and copied
    // once, not copied and then copied again trimmed or joined (issue 4).
    if uncut {
        return trim_lines(&src[span.start..span.end]);
    }
    let mut out = String::with_capacity(span.end - span.start);
    let mut pos = span.start;
    for c in &cuts[first..] {
        if c.start >= span.end {
            break;
        }
        if c.start > pos {
            out.push_str(&src[pos..c.start]);
        }
        pos = pos.max(c.end);
    }
    if pos < span.end {
        out.push_str(&src[pos..span.end]);
    }
    if memchr::memchr2(b'\n', b'\r', out.as_bytes()).is_none() {
        let t = lines::trim(&out);
        if t.len() != out.len() {
            return t.to_string();
        }
        return out;
    }
    join_lines(&out)
}

/// [`clean`] of a block: a block of one line without a cut is its text
/// as it stands (its span is trimmed, see [`lines::blocks`], and holds no
/// line break, where `clean` joins nothing), copied without a search for
/// line breaks or a trim (most paragraphs; issue 4).
fn clean_block(src: &str, b: &Block, cuts: &[Span]) -> String {
    let span = Span::new(b.start, b.end);
    let first = cuts.partition_point(|c| c.end <= span.start);
    let uncut = cuts.get(first).is_none_or(|c| c.start >= span.end);
    if b.first == b.last && uncut {
        return src[span.start..span.end].to_string();
    }
    clean(src, span, cuts)
}

/// `text` trimmed, or when it holds a line break [`join_lines`].
fn trim_lines(text: &str) -> String {
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none() {
        return lines::trim(text).to_string();
    }
    join_lines(text)
}

/// The lines of `text` trimmed, the empty ones dropped, joined by "\n".
/// (Split at "\n" only, as `str::lines`: a "\r" before it is trimmed
/// away.) The lines are those of [`signature::trimmed_lines`], which finds
/// the line breaks with the memchr crate, where `str::split` reads a word
/// at a time (issue 4).
fn join_lines(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for line in signature::trimmed_lines(text).filter(|l| !l.is_empty()) {
        if !joined.is_empty() {
            joined.push('\n');
        }
        joined.push_str(line);
    }
    joined
}

/// Report "[Page" without a closing bracket.
fn unclosed_page(
    src: &str,
    from: usize,
    to: usize,
    markers: &[pages::Marker],
    out: &mut Vec<Diagnostic>,
) {
    // The searcher is built once, not per document (issue 4).
    static PAGE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"[Page"));
    let hay = &src.as_bytes()[from..to];
    let finder = PAGE.find_iter(hay);
    let mut mi = 0;
    let mut reported = 0;
    for at in finder.map(|i| i + from) {
        while mi < markers.len() && markers[mi].span.end <= at {
            mi += 1;
        }
        if mi < markers.len() && markers[mi].span.start <= at {
            continue;
        }
        let rest = &src[at..to];
        let window = &rest.as_bytes()[1..rest.len().min(21)];
        let closed = memchr::memchr(b']', window).is_some_and(|c| !window[..c].contains(&b'\n'));
        if !closed {
            reported += 1;
            if reported <= 20 {
                out.push(Diagnostic::new(
                    Severity::Error,
                    "P003",
                    at,
                    "unclosed page marker \"[Page\"",
                ));
            }
        }
    }
}

/// "[Extract.]", "[Telegram.—Paraphrase.]": a one-line bracketed note.
fn is_bracket_note(t: &str) -> bool {
    t.starts_with('[')
        && t.ends_with(']')
        && t.len() < 120
        && !t.contains('\n')
        && !t.starts_with("[Page")
        && head::is_editorial_line(t)
}

/// A one-line bracketed editorial note in the body that old volumes encode
/// as the source note: "[Translation.]", "(Translation.)", "[Inclosure 1 in
/// No. 447.]", "[From the London Times, April 30, 1861.]"; not a page marker,
/// a seal or an omission.
fn is_body_source_line(t: &str) -> bool {
    let bracketed = (t.starts_with('[') && t.ends_with(']'))
        || (t.starts_with("(Translation") && t.ends_with(')'));
    bracketed
        && t.chars().count() < 400
        && !t.contains('\n')
        && !t.starts_with("[Page")
        && !t.starts_with("[Facsimile")
        && !t.starts_with("[Typeset")
        && !t.starts_with("[Untitled")
        && !t.starts_with("[Omitted")
        && !t.starts_with("[Here follow")
        && !t.to_ascii_lowercase().starts_with("[l. s.")
        && !t.to_ascii_lowercase().starts_with("[seal")
        && t.chars().nth(1).is_some_and(char::is_uppercase)
        && ([
            "[Translation",
            "(Translation",
            "[Inclosure",
            "[Indorsement",
            "[Telegram.]",
            "[Appendix",
            "[Memorandum in response",
        ]
        .iter()
        .any(|p| t.starts_with(p))
            || t.ends_with("Translation.]"))
}

/// Lines that are not the text proper: despatch numbers, bracketed notes,
/// salutation-free captions.
fn is_editorial_para(t: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\*?No\.\s?\d+[^ ]*|\[[^\]]*\]\.?|\[.*\]|NIE .*|USDel/MC/\d+.*)$")
            .expect("regex")
    });
    RE.is_match(t)
}

/// The routing tag at the start of the first paragraph: "Hakto 1." (series
/// and serial) or a bare telegram number "1038." that is not paragraph 1.
fn routing(text: &str, offset: usize) -> Option<(Routing, usize)> {
    static SERIES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([A-Za-z]{4,6}) (\d{1,5})\.(?:\s|$)").expect("regex"));
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,5})\.(?:\s|$)").expect("regex"));
    // Each pattern is asked only of a text that opens as it must: four
    // ASCII letters, or a character that may be a digit (`\d` is any
    // Unicode digit); most first paragraphs open with neither (issue 4).
    let b = text.as_bytes();
    let series_like = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_alphabetic);
    let number_like = b
        .first()
        .is_some_and(|c| c.is_ascii_digit() || !c.is_ascii());
    if let Some(c) = series_like.then(|| SERIES.captures(text)).flatten() {
        let word = c.get(1)?.as_str();
        let cased = word.chars().next().is_some_and(char::is_uppercase);
        if cased && is_series(word) {
            let tag = c.get(0)?.as_str().trim_end();
            return Some((
                Routing {
                    series: Some(series_name(word)),
                    number: c.get(2)?.as_str().to_string(),
                    text: tag.to_string(),
                    offset,
                },
                tag.len(),
            ));
        }
    }
    if let Some(c) = number_like.then(|| NUMBER.captures(text)).flatten() {
        let n = c.get(1)?.as_str();
        let value: u32 = n.parse().ok()?;
        // "1. Please …" is a numbered paragraph; "1289. 1. Unless …" and
        // "423. For the President" are telegram numbers.
        let rest = text[c.get(0)?.end()..].trim_start();
        let next_is_para = NUMBER.is_match(rest);
        if value >= 2 || next_is_para {
            let tag = c.get(0)?.as_str().trim_end();
            return Some((
                Routing {
                    series: None,
                    number: n.to_string(),
                    text: tag.to_string(),
                    offset,
                },
                tag.len(),
            ));
        }
    }
    None
}

/// Whether `text` holds "begin text" and "end text", in any ASCII case:
/// [`contains_ignore_ascii_case`] of each, in one pass over the "x"s of
/// the text (most paragraphs have a few or none).
fn begin_end_text(text: &str) -> (bool, bool) {
    const BEGIN: &[u8] = b"begin text";
    const END: &[u8] = b"end text";
    let hay = text.as_bytes();
    let at = |i: usize, needle: &[u8], x: usize| {
        i.checked_sub(x)
            .and_then(|start| hay.get(start..start + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    let (mut begins, mut ends) = (false, false);
    for i in memchr::memchr2_iter(b'x', b'X', hay) {
        begins = begins || at(i, BEGIN, 8);
        ends = ends || at(i, END, 6);
        if begins && ends {
            break;
        }
    }
    (begins, ends)
}

/// `text.to_ascii_lowercase().contains(needle)` for a lower-case ASCII
/// `needle` holding an "x" ("begin text", "end text"), without the copy:
/// the rare "x" or "X" is found first (memchr), then the bytes around it
/// are compared. (The reference [`begin_end_text`] is tested against.)
#[cfg(test)]
fn contains_ignore_ascii_case(text: &str, needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let Some(x) = needle.iter().position(|&b| b == b'x') else {
        let lower = text.to_ascii_lowercase();
        return lower.as_bytes().windows(needle.len()).any(|w| w == needle);
    };
    let hay = text.as_bytes();
    memchr::memchr2_iter(b'x', b'X', hay).any(|i| {
        i.checked_sub(x)
            .and_then(|start| hay.get(start..start + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// "2. Begin text …" → (Some("2"), "Begin text …"); a label on its own line
/// ("1.\nStaff and I …") too.
fn para_number(text: &str) -> (Option<String>, &str) {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+").expect("regex"));
    // Most paragraphs open with a letter: no need to look for captures
    // (`\d` is any Unicode digit, hence the test of non-ASCII).
    let may_open_with_digit = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || !c.is_ascii());
    if !may_open_with_digit {
        return (None, text);
    }
    if let Some(c) = RE.captures(text) {
        let (Some(n), Some(m)) = (c.get(1), c.get(0)) else {
            return (None, text);
        };
        let rest = &text[m.end()..];
        if !rest.is_empty() {
            return (Some(n.as_str().to_string()), rest);
        }
    }
    (None, text)
}

fn is_list_head(t: &str) -> bool {
    matches!(
        t.trim_end_matches(':'),
        "SUBJECT"
            | "PARTICIPANTS"
            | "PRESENT"
            | "DISTRIBUTION"
            | "Participants"
            | "Subject"
            | "Present"
    )
}

fn list_items(t: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = t.lines().collect();
    if lines
        .iter()
        .all(|l| l.trim_start().starts_with('•') || l.trim_start().starts_with("- "))
    {
        return Some(
            lines
                .iter()
                .map(|l| {
                    l.trim_start()
                        .trim_start_matches(['•', '-'])
                        .trim()
                        .to_string()
                })
                .collect(),
        );
    }
    None
}

/// "Department of State, Central Files, 611.67/8–3058." → "611.67/8–3058";
/// "National Archives, RG 59, Central Files 1964–66, POL 27 VIET S." → "POL 27 VIET S".
fn file_in_note(note: &str) -> Option<String> {
    static DEC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"Central (?:Decimal )?Files?,? (\d{3}[\dA-Z.]*(?: [A-Z][\w-]*)*/[\dA-Za-z–\-]+)",
        )
        .expect("regex")
    });
    static SUBJ: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"Central Files \d{4}[–-]\d{2,4}, ([A-Z]{2,4} \d+(?:[–-]\d+)?(?: [A-Z][A-Z\-]*)*)",
        )
        .expect("regex")
    });
    if let Some(c) = DEC.captures(note) {
        return c.get(1).map(|m| m.as_str().to_string());
    }
    SUBJ.captures(note)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod clean_tests {
    use super::*;

    #[test]
    fn begin_end_text_is_contains_of_each() {
        for t in [
            "Begin Text: the note",
            "begin text",
            "xx BEGIN TEXT and END TEXT",
            "end tex",
            "text",
            "Index of the texts; end Text.",
            "BEGIN TEXTE end text",
            "Ex-text",
            "",
            "x",
            "Señor x END TEXT",
            "next, the text: begin textbook",
        ] {
            let want = (
                contains_ignore_ascii_case(t, b"begin text"),
                contains_ignore_ascii_case(t, b"end text"),
            );
            assert_eq!(begin_end_text(t), want, "{t:?}");
        }
        assert_eq!(begin_end_text("END TEXT. Begin text"), (true, true));
        assert_eq!(begin_end_text("no phrase"), (false, false));
    }

    #[test]
    fn contains_ignore_ascii_case_is_lowercase_contains() {
        let cases = [
            "Begin Text: the note",
            "begin text",
            "xx BEGIN TEXT",
            "end tex",
            "text",
            "Index of the texts; end Text.",
            "BEGIN TEXTE",
            "Ex-text",
            "",
            "x",
            "Señor x END TEXT",
        ];
        for t in cases {
            let lower = t.to_ascii_lowercase();
            for needle in ["begin text", "end text", "x", "ex"] {
                assert_eq!(
                    contains_ignore_ascii_case(t, needle.as_bytes()),
                    lower.contains(needle),
                    "{t:?} {needle:?}"
                );
            }
            assert_eq!(
                contains_ignore_ascii_case(t, b"begin"),
                lower.contains("begin"),
                "{t:?}"
            );
        }
    }

    #[test]
    fn clean_trims_lines_and_drops_empty_ones() {
        let cases = [
            ("  one line  ", "one line"),
            ("a\r\n  b \r\n\r\n c\n", "a\nb\nc"),
            ("a\rb", "a\rb"),
            (" a \n\n\n b", "a\nb"),
            ("\u{a0}x\u{2003}\ny", "x\ny"),
            ("\n\n", ""),
        ];
        for (src, want) in cases {
            assert_eq!(clean(src, Span::new(0, src.len()), &[]), want, "{src:?}");
        }
        // With cuts (a page marker, a mark) inside the span, before it and
        // after it; and the span a part of the text.
        let src = "xx  one [Page 3] line1\n two \r\n\n three  yy";
        let marker = Span::new(8, 16);
        let mark = Span::new(21, 22);
        let span = Span::new(2, src.len() - 2);
        for (cuts, want) in [
            (vec![], "one [Page 3] line1\ntwo\nthree"),
            (vec![marker], "one  line1\ntwo\nthree"),
            (vec![marker, mark], "one  line\ntwo\nthree"),
            (
                vec![Span::new(0, 1), Span::new(src.len() - 1, src.len())],
                "one [Page 3] line1\ntwo\nthree",
            ),
        ] {
            assert_eq!(clean(src, span, &cuts), want, "{cuts:?}");
        }
        assert_eq!(clean(src, Span::new(2, 16), &[marker]), "one");
    }

    /// `clean_block` is `clean` of the block's span: blocks of one line and
    /// more, with spaces, tabs, a lone "\r", "\r\n" and no-break spaces
    /// at their ends, with and without a cut.
    #[test]
    fn clean_block_is_clean() {
        let src =
            " \u{a0}One line.\u{3000}\r\n\nTwo\r\n  lines\t\n\n\tlone\rCR \n\n[Page 3]\n\nlast";
        let all = lines::lines(src, 0, src.len());
        let blocks = lines::blocks(src, &all, 0, all.len());
        assert_eq!(blocks.len(), 5);
        let marker = Span::new(
            src.find("[Page").unwrap(),
            src.find("]\n\nlast").unwrap() + 1,
        );
        for cuts in [vec![], vec![marker], vec![Span::new(6, 9)]] {
            for b in &blocks {
                let span = Span::new(b.start, b.end);
                assert_eq!(
                    clean_block(src, b, &cuts),
                    clean(src, span, &cuts),
                    "{b:?} {cuts:?}"
                );
            }
        }
    }
}
