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
            if common::TRUTH_ERRORS
                .iter()
                .any(|(n, f, _)| *n == name && *f == field)
            {
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
        println!("{:<18} {:>6} {:>6} {:>7.4}", f, s.right, s.of, ratio);
        if ratio < 0.99 {
            failed.push(format!("{f} {ratio:.4} < 0.99"));
        }
        for m in s.misses.iter().take(100000) {
            println!("  miss {m}");
        }
    }
    assert!(failed.is_empty(), "accuracy: {failed:?}");
}
