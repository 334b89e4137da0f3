//! Accuracy against the FRUS editors' own markup.
//!
//! Parses every `dN.txt` of `../shared/corpus/frus` and `../shared/corpus/frus-full`
//! and compares the record with its `dN.json` ground truth (schema
//! "frus-gt/1", see the corpus README), field by field. Prints right / of /
//! ratio per field and fails below 0.99 on any field. Where the shared
//! corpus is absent (a user's own clone) the documents in `fixtures/corpus`
//! are used instead, and the test says so.
//!
//! `CABLES_ACCURACY_SHOW=field` prints the misses of one field.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

const FIELDS: &[&str] = &[
    "number",
    "title",
    "from",
    "to",
    "source_note",
    "footnote_texts",
    "footnote_markers",
    "pages",
    "signatures",
    "routing",
];

/// Fields of documents whose truth is wrong: (document, field, reason); the
/// document's other fields are scored. Never lower the bar: list a field
/// here only when its `dN.json` contradicts its own text,
/// or when its TEI contradicts the encoding guideline and the editors'
/// practice elsewhere (each group quotes the markup).
const EXCLUDED: &[(&str, &str, &str)] = &[
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

/// Fields that do not reach the 0.99 bar yet, with the ratio measured when
/// they were listed. The bar is not lowered: the test prints them as below
/// it, fails if one falls under its floor (a regression), and fails once
/// one reaches 0.99 so that it is taken off this list. Issue 2 stays open
/// while this list is not empty.
const BELOW_BAR: &[(&str, f64)] = &[];

fn corpus_dirs() -> (Vec<PathBuf>, bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    // CABLES_ACCURACY_FIXTURES=1 scores fixtures/corpus even when the
    // shared corpus is there (what a user's own clone runs).
    let forced = std::env::var_os("CABLES_ACCURACY_FIXTURES").is_some();
    if shared.join("frus").is_dir() && !forced {
        (vec![shared.join("frus"), shared.join("frus-full")], true)
    } else {
        (vec![root.join("fixtures/corpus")], false)
    }
}

fn truth_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            truth_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json")
            && p.file_name()
                .is_some_and(|n| n != "index.json" && n != "manifest.json")
            && p.with_extension("txt").is_file()
        {
            out.push(p);
        }
    }
}

#[derive(Default)]
struct Score {
    right: usize,
    of: usize,
    misses: Vec<String>,
}

#[test]
fn accuracy_against_editors_markup() {
    let (dirs, shared) = corpus_dirs();
    let mut files = Vec::new();
    for d in &dirs {
        truth_files(d, &mut files);
    }
    if !shared {
        eprintln!(
            "accuracy: ../shared/corpus is absent; scoring the {} documents in fixtures/corpus",
            files.len()
        );
    }
    assert!(!files.is_empty(), "no truth files under {dirs:?}");
    let show = std::env::var("CABLES_ACCURACY_SHOW").unwrap_or_default();
    let mut scores: BTreeMap<&str, Score> = FIELDS.iter().map(|f| (*f, Score::default())).collect();
    let mut excluded = 0;
    for jf in &files {
        let name = jf
            .strip_prefix(jf.parent().and_then(Path::parent).unwrap_or(Path::new("")))
            .unwrap_or(jf)
            .display()
            .to_string();
        let truth: Value = serde_json::from_str(&fs::read_to_string(jf).unwrap()).unwrap();
        let text = fs::read(jf.with_extension("txt")).unwrap();
        let recs = cables::document::records_from_text_bytes(&text, &name);
        for (field, v) in common::judge(&recs[0], &truth) {
            let Some(s) = scores.get_mut(field) else {
                continue;
            };
            if EXCLUDED.iter().any(|(n, f, _)| *n == name && *f == field) {
                excluded += 1;
                continue;
            }
            s.of += 1;
            if v.ok {
                s.right += 1;
            } else if show == field || show == "all" {
                s.misses.push(format!("{name}: {} want {}", v.got, v.want));
            }
        }
    }
    println!(
        "accuracy over {} documents ({} fields of documents excluded){}",
        files.len(),
        excluded,
        if shared { "" } else { " [fixtures only]" }
    );
    println!("{:<18} {:>6} {:>6} {:>7}", "field", "right", "of", "ratio");
    let mut failed = Vec::new();
    for f in FIELDS {
        let s = &scores[f];
        let ratio = if s.of == 0 {
            1.0
        } else {
            s.right as f64 / s.of as f64
        };
        // The floors were measured on the shared corpus; on the 21 fixture
        // documents a listed field is reported, not held to a floor.
        let floor = BELOW_BAR
            .iter()
            .find(|(n, _)| n == f)
            .map(|(_, r)| if shared { *r } else { 0.0 });
        let mark = match floor {
            Some(_) if ratio < 0.99 => "  BELOW THE 0.99 BAR (open work, issue 2)",
            _ => "",
        };
        println!("{:<18} {:>6} {:>6} {:>7.4}{mark}", f, s.right, s.of, ratio);
        match floor {
            None if ratio < 0.99 => failed.push(format!("{f} {ratio:.4} < 0.99")),
            Some(fl) if ratio < fl => {
                failed.push(format!("{f} {ratio:.4} fell under its floor {fl}"))
            }
            Some(_) if shared && ratio >= 0.99 => {
                failed.push(format!("{f} reached 0.99: take it off BELOW_BAR"))
            }
            _ => {}
        }
        for m in s.misses.iter().take(100000) {
            println!("  miss {m}");
        }
    }
    assert!(failed.is_empty(), "accuracy: {failed:?}");
}
