//! Footnotes: the numbered list at the end of a page, and the marks in the
//! text that cite it.
//!
//! The list is found structurally: a run of lines "  1. …", "  2. …" that
//! numbers from 1 without a gap and reaches the end of the text. Body
//! paragraphs share the "N. " shape but are separated by blank lines and
//! are not indented, so they are never taken for the list.
//!
//! Marks are digits glued to the text ("(Scowcroft)1", "mission.2",
//! "Molotov53") or, at the end of the head, after one space ("Department of
//! State 0"). The list numbers 1, 2, 3 … while marks may start at 0 or
//! continue through a volume (53, 54 …), so marks are chosen by aligning the
//! candidates with the list: the longest run of increasing values that fits.

use crate::parse::lines::Line;
use crate::record::Span;

/// One item of the footnote list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The list number as printed.
    pub number: usize,
    /// The note text (lines joined by "\n"), without a trailing "↩".
    pub text: String,
    /// Span of the item, number included.
    pub span: Span,
    /// Span of the note text.
    pub text_span: Span,
}

/// The list: index of its first line and its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// Index of the first line of the list.
    pub first_line: usize,
    /// The items.
    pub items: Vec<Item>,
}

/// "  12. text" → (12, offset of text within the line). Leading whitespace
/// is allowed; bullets "- " and "• " before the number too.
fn item_head(line: &str) -> Option<(usize, usize, bool)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = &trimmed[digits..];
    let after = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(".\t"))?;
    if after.trim().is_empty() {
        return None;
    }
    let n = trimmed[..digits].parse().ok()?;
    let text_at = indent + digits + (rest.len() - after.len());
    let text_at = text_at + (after.len() - after.trim_start().len());
    Some((n, text_at, indent > 0))
}

/// Find the footnote list at the end of `lines`.
pub fn find_list(src: &str, lines: &[Line]) -> Option<List> {
    // The last line that is not blank: the list must reach it.
    let last = lines.iter().rposition(|l| !l.is_blank(src))?;
    // Walk back to the last "1." line from which a gapless list runs to
    // `last`. Lists are short compared to bodies; limit the look-back so a
    // pathological file stays linear.
    let mut i = last + 1;
    let mut steps = 0usize;
    while i > 0 {
        i -= 1;
        steps += 1;
        if steps > 200_000 {
            return None;
        }
        let text = lines[i].text(src);
        let Some((1, _, indented)) = item_head(text) else { continue };
        if let Some(list) = try_list(src, lines, i, last, indented) {
            return Some(list);
        }
    }
    None
}

fn try_list(src: &str, lines: &[Line], first: usize, last: usize, indented: bool) -> Option<List> {
    let mut items: Vec<Item> = Vec::new();
    let mut blank_run = 0;
    for (i, line) in lines.iter().enumerate().take(last + 1).skip(first) {
        let text = line.text(src);
        if text.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        match item_head(text) {
            Some((n, at, ind)) if n == items.len() + 1 && (ind == indented || ind) => {
                // A blank line inside an unindented list means body
                // paragraphs, not notes.
                if blank_run > 0 && !indented {
                    return None;
                }
                let start = line.start + at;
                items.push(Item {
                    number: n,
                    text: String::new(),
                    span: Span::new(line.start + (text.len() - text.trim_start().len()), line.end),
                    text_span: Span::new(start, line.end),
                });
            }
            Some((_, _, ind)) if ind == indented => return None,
            _ => {
                // A continuation line of the previous note.
                let item = items.last_mut()?;
                if blank_run > 1 || (blank_run > 0 && !indented) {
                    return None;
                }
                if i == first {
                    return None;
                }
                item.span.end = line.end;
                item.text_span.end = line.end;
            }
        }
        blank_run = 0;
    }
    if !indented && items.len() < 2 && !src[items.first()?.text_span.start..].contains('↩') {
        // A single unindented "1. …" at the end is as likely a numbered
        // paragraph as a note; it is taken only when it ends with "↩".
        return None;
    }
    for item in &mut items {
        let raw = &src[item.text_span.start..item.text_span.end];
        let lines: Vec<&str> = raw.lines().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
        let mut t = lines.join("\n");
        trim_backlink(&mut t);
        item.text = t;
    }
    Some(List { first_line: first, items })
}

fn trim_backlink(t: &mut String) {
    loop {
        let trimmed = t.trim_end();
        let trimmed = trimmed.strip_suffix('\u{FE0E}').unwrap_or(trimmed);
        if let Some(s) = trimmed.strip_suffix('↩') {
            let l = s.trim_end().len();
            t.truncate(l);
        } else {
            let l = trimmed.len();
            t.truncate(l);
            return;
        }
    }
}

/// A possible footnote mark in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte span of the mark (digits and suffix letter).
    pub span: Span,
    /// Span to delete when the mark is removed (includes a space before a
    /// mark that ends the head).
    pub cut: Span,
    /// Numeric value.
    pub value: u64,
    /// Suffix letter ("8a").
    pub suffix: Option<u8>,
    /// How sure the shape is: 2 glued to a letter or ")", 1 otherwise.
    pub strength: u8,
}

/// Characters after which digits are a mark, not part of a number.
fn glue_before(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c, ')' | ']' | '”' | '’' | '"' | '\'' | '.' | ',' | ';' | ':' | '!' | '?' | '—' | '»')
}

/// Find mark candidates in `src[from..to]`, skipping `skip` spans (page
/// markers). `head_end` is the end of the head line, where a mark may follow
/// a space.
pub fn candidates(src: &str, from: usize, to: usize, skip: &[Span], head_end: Option<usize>) -> Vec<Candidate> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    let mut skip_i = 0;
    while i < to {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < to && b[i].is_ascii_digit() {
            i += 1;
        }
        let mut end = i;
        while skip_i < skip.len() && skip[skip_i].end <= start {
            skip_i += 1;
        }
        if skip_i < skip.len() && skip[skip_i].start <= start {
            continue;
        }
        if end - start > 4 || start == from {
            continue;
        }
        let mut suffix = None;
        if end < to && matches!(b[end], b'a'..=b'c') && (end + 1 >= to || !b[end + 1].is_ascii_alphanumeric()) {
            suffix = Some(b[end]);
            end += 1;
        }
        // What follows must end the mark.
        if end < to {
            let next = src[end..].chars().next().unwrap_or(' ');
            let ok = next.is_whitespace()
                || matches!(next, ',' | ';' | ':' | ')' | '”' | '’' | '"' | '—' | '[' | '.')
                || src[end..].starts_with("↩");
            if !ok {
                continue;
            }
            if next == '.' && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
                continue;
            }
        }
        let before = src[..start].chars().next_back().unwrap_or(' ');
        let value: u64 = src[start..start + (end - start) - suffix.is_some() as usize].parse().unwrap_or(u64::MAX);
        let mut cut = Span::new(start, end);
        let strength;
        if before == ' ' {
            // "Department of State 0" at the end of the head only.
            let at_head_end = head_end == Some(end);
            let prev2 = src[..start - 1].chars().next_back().unwrap_or(' ');
            if !at_head_end || prev2 == ' ' || prev2.is_ascii_digit() {
                continue;
            }
            cut.start -= 1;
            strength = 2;
        } else if glue_before(before) {
            let prev2 = src[..start - before.len_utf8()].chars().next_back().unwrap_or(' ');
            if before.is_alphabetic() {
                // "D740305", "G2": a letter glued to digits inside a code.
                strength = if prev2.is_alphabetic() || matches!(prev2, ')' | '.') { 2 } else { 1 };
            } else if matches!(before, '.' | ',' | ':') && prev2.is_ascii_digit() {
                // "1959.3" is a mark after a year; "3.5" a decimal.
                strength = 1;
            } else if before == '.' && prev2 == ' ' {
                continue;
            } else {
                strength = 2;
            }
        } else {
            continue;
        }
        out.push(Candidate { span: Span::new(start, end), cut, value, suffix, strength });
    }
    out
}

/// The marks chosen for the list: `marks[k]` is the candidate index for list
/// item k, or None when the item's mark was not found; `markers[k]` the mark
/// as printed (inferred when not found).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Alignment {
    /// Candidate index per list item.
    pub marks: Vec<Option<usize>>,
    /// The marker text per list item.
    pub markers: Vec<String>,
}

/// Align candidates with a list of `n` items.
pub fn align(src: &str, cands: &[Candidate], n: usize) -> Alignment {
    if n == 0 {
        return Alignment::default();
    }
    // Try each distinct start value among the first candidates; walk forward
    // taking candidates whose value continues the run. Score: taken marks,
    // weighted by strength, minus skipped list slots.
    let mut starts: Vec<u64> = cands.iter().filter(|c| c.suffix.is_none()).map(|c| c.value).collect();
    starts.sort_unstable();
    starts.dedup();
    if starts.len() > 400 {
        starts.truncate(400);
    }
    let mut best: Option<(i64, Vec<(usize, String)>, u64)> = None;
    for &s in &starts {
        let mut taken: Vec<(usize, String)> = Vec::new();
        let mut slots = 0usize; // list slots used
        let mut last: Option<(u64, Option<u8>)> = None;
        let mut score: i64 = 0;
        for (ci, c) in cands.iter().enumerate() {
            if slots >= n {
                break;
            }
            let fits = match last {
                None => c.value == s && c.suffix.is_none(),
                Some((v, suf)) => {
                    if c.suffix.is_none() {
                        c.value > v && c.value - v <= 2 && slots + (c.value - v) as usize <= n
                    } else {
                        c.value == v && c.suffix > suf
                    }
                }
            };
            if !fits {
                continue;
            }
            let gap = match last {
                Some((v, _)) if c.suffix.is_none() => (c.value - v - 1) as usize,
                _ => 0,
            };
            for g in 0..gap {
                let (v, _) = last.unwrap_or((0, None));
                taken.push((usize::MAX, (v + 1 + g as u64).to_string()));
                score -= 2;
            }
            slots += gap + 1;
            score += if c.strength >= 2 { 3 } else { 1 };
            let text = src[c.span.start..c.span.end].to_string();
            taken.push((ci, text));
            last = Some((c.value, c.suffix));
        }
        let better = match &best {
            None => true,
            Some((bs, _, _)) => score > *bs,
        };
        if better && !taken.is_empty() {
            best = Some((score, taken, s));
        }
    }
    let mut marks = Vec::with_capacity(n);
    let mut markers = Vec::with_capacity(n);
    if let Some((_, taken, s)) = best {
        for (ci, text) in taken {
            marks.push((ci != usize::MAX).then_some(ci));
            markers.push(text);
        }
        // Items after the last mark found: continue the numbering.
        let mut next = markers.last().and_then(|m| m.parse::<u64>().ok()).map_or(s, |v| v + 1);
        while marks.len() < n {
            marks.push(None);
            markers.push(next.to_string());
            next += 1;
        }
    } else {
        for k in 0..n {
            marks.push(None);
            markers.push((k + 1).to_string());
        }
    }
    Alignment { marks, markers }
}

/// Symbol marks ("*", "†", "‡", "§", "||", "¶") glued to text, for lists
/// whose marks are symbols.
pub fn symbol_candidates(src: &str, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let text = &src[from..to];
    let mut prev = ' ';
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if matches!(c, '*' | '†' | '‡' | '§' | '¶') || (c == '|' && iter.peek().map(|p| p.1) == Some('|')) {
            let len = if c == '|' { 2 } else { c.len_utf8() };
            let next = text[i + len..].chars().next().unwrap_or(' ');
            if !prev.is_whitespace() && prev != '*' && (next.is_whitespace() || next.is_ascii_punctuation() || next == '”') {
                out.push(Span::new(from + i, from + i + len));
            }
            if c == '|' {
                iter.next();
            }
        }
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::lines;

    fn list_of(src: &str) -> Vec<(usize, String)> {
        let ls = lines(src, 0, src.len());
        find_list(src, &ls).map(|l| l.items.into_iter().map(|i| (i.number, i.text)).collect()).unwrap_or_default()
    }

    #[test]
    fn list_detection_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Body.1\n\n  1. Source: x.", &["Source: x."]),
            ("1. Para one.\n\n2. Para two.\n\n3. Warm.\n\n  1. Note a.\n  2. Note b.", &["Note a.", "Note b."]),
            ("1. Para one.\n\n2. Para two.", &[]),
            ("Gauss\n  1. Note.", &["Note."]),
            ("Text1\n\n1. Note one. ↩\n2. Note two. ↩", &["Note one.", "Note two."]),
            ("Text\n\n  1. Note\n  continued.\n  2. Two.", &["Note\ncontinued.", "Two."]),
            ("Text\n\n  1. One.\n  3. Three.", &[]),
            ("", &[]),
        ];
        for (src, want) in cases {
            let got: Vec<String> = list_of(src).into_iter().map(|(_, t)| t).collect();
            assert_eq!(&got, want, "{src:?}");
        }
    }

    fn marks_of(src: &str, head_end: Option<usize>, n: usize) -> Vec<String> {
        let c = candidates(src, 0, src.len(), &[], head_end);
        let a = align(src, &c, n);
        a.marks
            .iter()
            .zip(&a.markers)
            .map(|(m, t)| if m.is_some() { t.clone() } else { format!("({t})") })
            .collect()
    }

    #[test]
    fn marks_table() {
        let cases: &[(&str, Option<usize>, usize, &[&str])] = &[
            ("Scowcroft)1\n\nmy mission.2", None, 2, &["1", "2"]),
            ("Department of State0\n\nreceived.1 word2", None, 3, &["0", "1", "2"]),
            ("to President Roosevelt 24\n\nKai-shek.25", Some(25), 2, &["24", "25"]),
            ("Molotov53 and Lot 52–534 and 1944 agreement.54", None, 2, &["53", "54"]),
            ("No marks in 1959 here", None, 1, &["(1)"]),
            ("file 893.24/1340 text.7", None, 1, &["7"]),
            ("a1 b8 b8a c9", None, 4, &["8", "8a", "9", "(10)"]),
            ("text.3 and 3.5 percent", None, 1, &["3"]),
        ];
        for (src, head_end, n, want) in cases {
            assert_eq!(&marks_of(src, *head_end, *n), want, "{src:?}");
        }
    }

    #[test]
    fn symbols() {
        let src = "word* and * * * * and x† y";
        let got: Vec<&str> = symbol_candidates(src, 0, src.len()).iter().map(|s| &src[s.start..s.end]).collect();
        assert_eq!(got, ["*", "†"]);
    }
}
