//! Scoring a record against a ground-truth `dN.json` (schema "frus-gt/1",
//! see ../shared/corpus/README.md), shared by tests/accuracy.rs and
//! tests/multidoc.rs so that both judge a field by the same rule; the marks
//! rule is also how tests/tei.rs compares TEI marks with the text parser's.
#![allow(dead_code)]

use std::collections::BTreeMap;

use cables::Record;
use serde_json::Value;

/// Fields of documents whose truth is wrong: (document, field, reason); the
/// document's other fields are scored. The truth is the editors' TEI, so
/// tests/accuracy.rs (text vs truth) and tests/tei.rs (text vs TEI record)
/// both leave these out. Never lower the bar: list a field
/// here only when its `dN.json` contradicts its own text,
/// or when its TEI contradicts the encoding guideline and the editors'
/// practice elsewhere (each group quotes the markup).
pub const TRUTH_ERRORS: &[(&str, &str, &str)] = &[
    // The TEI marks the whole head "Mr. X to Mr. Y" as the sender
    // (`persName type="from"` spans the recipient too), so no sender can
    // agree with it.
    (
        "frus1864p4/d113.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d204.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d207.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d346.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d376.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d481.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d487.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d494.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d495.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1864p4/d546.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1872p2v5/d114.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1872p2v5/d115.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1872p2v5/d118.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1872p2v5/d119.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1870/d181.json",
        "from",
        "persName type=from spans the whole head",
    ),
    (
        "frus1870/d182.json",
        "from",
        "persName type=from spans the whole head",
    ),
    // The truth's head text stops at "Approved June 15," while the TEI head
    // (and the page) reads "… Approved June 15, 1917".
    (
        "frus1917Supp02v02/d94.json",
        "title",
        "truth head drops the final year of the TEI head",
    ),
    // `<signed>` wraps the title, not the name: `<closer>W. HUNTER,<lb/>
    // <signed><hi>Acting Secretary</hi>.</signed></closer>` (tei/frus1882.xml).
    (
        "frus1882/d289.json",
        "signatures",
        "signed wraps the title line, not the signer",
    ),
    // `<signed>` wraps a place and date: "Buenos Ayres, Foreign Office,
    // September 8." (tei/frus1882.xml).
    ("frus1882/d56.json", "signatures", "signed wraps a dateline"),
    // The closing "DE BEAUVAL, Consul General of France." is a plain `<p>`
    // with no `<signed>` (tei/frus1864p4.xml), though it signs the letter.
    (
        "frus1864p4/d542.json",
        "signatures",
        "signature not marked as signed",
    ),
    (
        "frus1864p4/d543.json",
        "signatures",
        "signature not marked as signed",
    ),
    // A title after the comma of the name is put outside `<signed>`:
    // `<closer><signed>F. W. SEWARD,</signed><lb/><hi rend="italic">Acting
    // Secretary.</hi></closer>` (tei/frus1861.xml, frus/frus1942China/d88.xml),
    // against the encoding guideline (closer › signed › name + title lines)
    // and against the same shape inside `<signed>` in frus1861/d125 itself
    // ("H. A. ADAMS,<lb/>Captain …") and in 1882, 1894 and 1901 (219
    // closers). The page text ("NAME,\nTitle.") is the same either way.
    (
        "frus1861/d77.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d120.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d125.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d202.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d203.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d207.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d208.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d213.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d237.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d303.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d304.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d344.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d345.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d346.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d347.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/d348.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-244.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-245.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-246.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-247.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-249.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-250.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-290.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1861/unnumbered-370.json",
        "signatures",
        "title after the comma outside signed",
    ),
    (
        "frus1942China/d88.json",
        "signatures",
        "title after the comma outside signed",
    ),
    // A closing in a `<closer>` without `<signed>`: `<closer>WM. ARCHDEACON
    // &amp; CO.</closer>` (tei/frus1882.xml), while the same volumes mark
    // every other closer's signer, firms too (`<closer><signed>LYNDE &amp;
    // HOUGH.</signed></closer>`); frus1861 has 401 of its 402 closers signed.
    ("frus1861/d141.json", "signatures", "closer without signed"),
    (
        "frus1861/unnumbered-168.json",
        "signatures",
        "closer without signed",
    ),
    ("frus1882/d92.json", "signatures", "closer without signed"),
    ("frus1882/d351.json", "signatures", "closer without signed"),
    ("frus1882/d395.json", "signatures", "closer without signed"),
    // A signature set as a right-aligned or plain paragraph, not in
    // `<closer><signed>`: `<p rend="right">MADIOU.</p>` after "By the
    // President:" (tei/frus1882.xml; the same man's name is `<closer><signed>
    // MADIOU.</signed></closer>` elsewhere in the volume), `<p rend="right">
    // E. CUGIA.</p>` under a decree (tei/frus1864p4.xml).
    (
        "frus1864p4/d159.json",
        "signatures",
        "signers in p rend=right",
    ),
    (
        "frus1864p4/d400.json",
        "signatures",
        "countersignature in p rend=right",
    ),
    (
        "frus1864p4/d514.json",
        "signatures",
        "signature in a plain p after the closing",
    ),
    (
        "frus1864p4/d547.json",
        "signatures",
        "signature in a plain p",
    ),
    ("frus1882/d27.json", "signatures", "signers in p rend=right"),
    (
        "frus1882/d175.json",
        "signatures",
        "signers in p rend=right",
    ),
    (
        "frus1882/d250.json",
        "signatures",
        "countersigners in p rend=right",
    ),
    (
        "frus1882/d356.json",
        "signatures",
        "signatures in p rend=right",
    ),
    (
        "frus1882/d340.json",
        "signatures",
        "signature in p rend=right",
    ),
    (
        "frus1894Nicaragua/d59.json",
        "signatures",
        "signature in p rend=right",
    ),
    (
        "frus1901China/d16.json",
        "signatures",
        "signature in p rend=right",
    ),
    (
        "frus1901China/d100.json",
        "signatures",
        "endorsement signature in p rend=right",
    ),
    (
        "frus1917Supp02v02/d2.json",
        "signatures",
        "signature of a quoted letter in p rend=right",
    ),
];

/// Whitespace collapsed to single spaces.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The truth's footnotes in list order.
pub fn truth_notes(truth: &Value) -> Vec<&Value> {
    let mut notes: Vec<&Value> = truth["footnotes"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    notes.sort_by_key(|n| n["list_index"].as_u64().unwrap_or(0));
    notes
}

/// A truth note's text, whitespace collapsed.
pub fn note_text(n: &Value) -> String {
    norm(n["text"].as_str().unwrap_or(""))
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
    let notes = truth_notes(truth);
    let want_texts: Vec<String> = notes.iter().map(|n| note_text(n)).collect();
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
