//! Scoring a record against a ground-truth `dN.json` (schema "frus-gt/1",
//! see ../shared/corpus/README.md), shared by tests/accuracy.rs and
//! tests/multidoc.rs so that both judge a field by the same rule; the marks
//! rule is also how tests/tei.rs compares TEI marks with the text parser's.
#![allow(dead_code)]

use std::collections::BTreeMap;

use cables::Record;
use serde_json::Value;

/// Whitespace collapsed to single spaces.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The verdict on one field of one document.
pub struct Verdict {
    /// The record agrees with the truth.
    pub ok: bool,
    /// What the record has, for a report of misses.
    pub got: String,
    /// What the truth has.
    pub want: String,
}

fn verdict(ok: bool, got: impl std::fmt::Debug, want: impl std::fmt::Debug) -> Verdict {
    Verdict {
        ok,
        got: format!("{got:?}"),
        want: format!("{want:?}"),
    }
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    if key.is_empty() {
                        x.as_str()
                    } else {
                        x[key].as_str()
                    }
                })
                .map(norm)
                .collect()
        })
        .unwrap_or_default()
}

/// The marks a reader of the rendered page can know, in list order: `marks`
/// (one per note of `truth`, sorted by `list_index`), with None for a note
/// inside a dateline. Such a note keeps its place in the list but its mark
/// is not printed (corpus README: the page drops the dateline), so the text
/// cannot tell its marker: it matches any marker.
pub fn printed_marks(truth: &Value, marks: impl Iterator<Item = String>) -> Vec<Option<String>> {
    let mut notes: Vec<&Value> = truth["footnotes"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    notes.sort_by_key(|n| n["list_index"].as_u64().unwrap_or(0));
    marks
        .enumerate()
        .map(|(i, m)| {
            let in_dateline = notes
                .get(i)
                .is_some_and(|n| n["in_dateline"].as_bool() == Some(true));
            (!in_dateline).then_some(m)
        })
        .collect()
}

/// The marks `got` agree with `want`: as many, each equal where `want`
/// knows it.
pub fn marks_agree(got: &[&str], want: &[Option<String>]) -> bool {
    got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|(g, w)| w.as_deref().is_none_or(|w| w == *g))
}

/// Judge `r` against `truth`, per field. A field the truth does not score
/// for this document is absent: `number` when the head prints none, `from`
/// and `to` without marked parties, `routing` without a tagged routing
/// series.
pub fn judge(r: &Record, truth: &Value) -> BTreeMap<&'static str, Verdict> {
    let mut out = BTreeMap::new();
    if truth["head_has_number"].as_bool() == Some(true) {
        let want = truth["doc_n"].as_str().unwrap_or("");
        out.insert(
            "number",
            verdict(r.number.as_deref() == Some(want), &r.number, want),
        );
    }
    let want_title = norm(truth["title"].as_str().unwrap_or(""));
    let got_title = r.title.as_deref().map(norm).unwrap_or_default();
    out.insert(
        "title",
        verdict(got_title == want_title, got_title, want_title),
    );
    for (field, got) in [("from", &r.from), ("to", &r.to)] {
        // Each party the TEI marks must occur in the record's field.
        let parties = texts(&truth[field], "text");
        if parties.is_empty() {
            continue;
        }
        let g = got.as_deref().map(norm).unwrap_or_default();
        let ok = parties.iter().all(|p| g.contains(p.as_str()));
        out.insert(field, verdict(ok, g, parties));
    }
    let want_src = truth["source_note"]["text"].as_str().map(norm);
    let got_src = r.source_note.as_deref().map(norm);
    out.insert(
        "source_note",
        verdict(got_src == want_src, got_src, want_src),
    );
    let mut notes: Vec<&Value> = truth["footnotes"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    notes.sort_by_key(|n| n["list_index"].as_u64().unwrap_or(0));
    let want_texts: Vec<String> = notes
        .iter()
        .map(|n| norm(n["text"].as_str().unwrap_or("")))
        .collect();
    let got_texts: Vec<String> = r.footnotes.iter().map(|f| norm(&f.text)).collect();
    out.insert(
        "footnote_texts",
        verdict(got_texts == want_texts, got_texts, want_texts),
    );
    let want_marks = printed_marks(
        truth,
        notes
            .iter()
            .map(|n| n["n"].as_str().unwrap_or("").to_string()),
    );
    let got_marks: Vec<&str> = r.footnotes.iter().map(|f| f.marker.as_str()).collect();
    let marks_ok = marks_agree(&got_marks, &want_marks);
    out.insert("footnote_markers", verdict(marks_ok, got_marks, want_marks));
    let want_pages = texts(&truth["pages"], "");
    out.insert(
        "pages",
        verdict(r.pages == want_pages, &r.pages, want_pages),
    );
    let want_sigs = texts(&truth["signatures"], "text");
    let got_sigs: Vec<String> = r.signatures.iter().map(|s| norm(s)).collect();
    out.insert(
        "signatures",
        verdict(got_sigs == want_sigs, got_sigs, want_sigs),
    );
    let series = truth["first_paragraph_glosses"].as_array().and_then(|a| {
        a.iter()
            .filter_map(|g| g["text"].as_str())
            .find(|t| cables::vocab::is_series(t))
    });
    if let Some(series) = series {
        let got = r.routing.as_ref().and_then(|x| x.series.as_deref());
        out.insert("routing", verdict(got == Some(series), got, series));
    }
    out
}
