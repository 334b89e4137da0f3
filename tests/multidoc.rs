//! Issue 8 proof: files that hold many documents.
//!
//! For every volume of `../shared/corpus/frus-full` the documents are joined,
//! in the order of the volume's `index.json`, into one text, three ways:
//! - `blank`: a blank line between documents (pages copied one after
//!   another);
//! - `newline`: no blank line, just "\n";
//! - `page`: a "[Page N]" line at the boundary, N the next document's
//!   `start_page` from its truth.
//!
//! The truth of a document holds only the page markers of its own text, so
//! in the page join the `pages` field is scored without the lines the join
//! put in; where those lines went is checked apart: a line that repeats the
//! page the document before is on must be in no record, a new page in
//! exactly one.
//!
//! Each text is indexed as one file (`records_from_text_bytes`) and every
//! document of the truth is matched with the record whose span overlaps it
//! most (each way round). Per field the test scores, against the truth
//! `dN.json`, the single-file parse of the document (`cables::parse::parse`)
//! and the record from the joined file, and also how often the two records
//! agree. A document without a matching record counts as wrong in every
//! field. The table is printed per join; the test fails when a field of the
//! joined file scores below 0.99 against the truth (the "truth" column,
//! scored as tests/accuracy.rs scores, without `common::TRUTH_ERRORS`) or
//! below 0.99 of the single-file score, or when fewer than 0.99 of the
//! documents are found. Each one-document file is also split on its own:
//! the test fails when one is cut that is not listed, with its reason, in
//! `KNOWN_SPLIT_SINGLES`, or when a listed one is no longer cut.
//!
//! `CABLES_MULTIDOC_SHOW=field` prints the documents where the joined record
//! and the single-file record disagree on that field ("count" for documents
//! not matched); `CABLES_MULTIDOC_SHOW=truth:field` those where the joined
//! record is scored wrong against the truth.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use cables::Record;
use serde_json::Value;

mod common;
use common::norm;

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
];

/// One-document files that the splitter cuts, each with why. In each, a
/// letter with a head of its own ("A to B.") is printed inside the document
/// after the closing of the letter before it, with no inclosure label, and
/// the editors' TEI keeps it in that document; elsewhere in the same
/// volumes the same shape is a document of its own, and the splitter
/// cannot tell them apart from the text. Checked by reading each file.
const KNOWN_SPLIT_SINGLES: &[(&str, &str)] = &[
    (
        "frus1861/d226.txt",
        "\"[Translation.]\" and \"Prince Gortchacow to Mr. De Stoeckl.\" after Seward's signed, addressed letter",
    ),
    (
        "frus1864p4/d547.txt",
        "\"The Bey to Mr. Perry.\" after Perry's signed, addressed letter",
    ),
    (
        "frus1901China/d110.txt",
        "\"[Translation.]\" and \"Chang Chih-tung, Viceroy …, to Mr. Wilcox, …\" after \"Giers.\"",
    ),
    (
        "frus1901China/d111.txt",
        "four letters of Prince Ching, M. de Cologan and Count von Waldersee, each with its head, after Rockhill's signature",
    ),
    (
        "frus1919Parisv01/d10.txt",
        "\"King Victor Emanuel of Italy to President Wilson4\" after \"Robert Lansing\"",
    ),
    (
        "frus1919Parisv01/d325.txt",
        "\"Mr. D. H. Miller to Colonel E. M. House1\" after \"Edward House\" (the four telegrams under it stay in its part)",
    ),
    (
        "frus1919Parisv01/d362.txt",
        "\"The Technical Adviser … (Miller) to Colonel E. M. House49\" after Bliss's letter and its quoted paper",
    ),
];

/// The fields of a record the comparison reads, for split-vs-single
/// agreement.
fn view(r: &Record, field: &str) -> String {
    match field {
        "number" => format!("{:?}", r.number),
        "title" => format!("{:?}", r.title.as_deref().map(norm)),
        "from" => format!("{:?}", r.from.as_deref().map(norm)),
        "to" => format!("{:?}", r.to.as_deref().map(norm)),
        "source_note" => format!("{:?}", r.source_note.as_deref().map(norm)),
        "footnote_texts" => format!(
            "{:?}",
            r.footnotes
                .iter()
                .map(|f| norm(&f.text))
                .collect::<Vec<_>>()
        ),
        "footnote_markers" => format!(
            "{:?}",
            r.footnotes.iter().map(|f| &f.marker).collect::<Vec<_>>()
        ),
        "pages" => format!("{:?}", r.pages),
        "signatures" => format!("{:?}", r.signatures),
        _ => String::new(),
    }
}

struct Doc {
    name: String,
    text: String,
    truth: Value,
    single: Record,
}

#[derive(Default)]
struct Tally {
    single: usize,
    split: usize,
    agree: usize,
    of: usize,
    /// As tests/accuracy.rs scores: without the fields of
    /// `common::TRUTH_ERRORS`, right in the joined file of how many.
    truth_right: usize,
    truth_of: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    Blank,
    Newline,
    Page,
}

impl Join {
    fn name(self) -> &'static str {
        match self {
            Join::Blank => "blank",
            Join::Newline => "newline",
            Join::Page => "page",
        }
    }
}

fn volumes() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/frus-full");
    let mut v: Vec<PathBuf> = fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("index.json").is_file())
        .collect();
    v.sort();
    Some(v)
}

fn load(vol: &Path) -> Vec<Doc> {
    let index: Value =
        serde_json::from_str(&fs::read_to_string(vol.join("index.json")).unwrap()).unwrap();
    let mut out = Vec::new();
    for d in index["documents"].as_array().unwrap() {
        let files = d["files"].as_array().unwrap();
        let txt = files[0].as_str().unwrap();
        let json = files[1].as_str().unwrap();
        let text = fs::read_to_string(vol.join(txt)).unwrap();
        let truth: Value =
            serde_json::from_str(&fs::read_to_string(vol.join(json)).unwrap()).unwrap();
        let single = cables::parse::parse(&text, txt);
        out.push(Doc {
            name: txt.to_string(),
            text,
            truth,
            single,
        });
    }
    out
}

/// A "[Page N]" line the page join put between two documents.
struct JoinMarker {
    /// Byte offset of "[Page N]" in the joined text.
    at: usize,
    /// True when N is the page the document before is already on (its last
    /// page marker, else its start page): the next document starts on the
    /// same page, and the line is no page break.
    repeat: bool,
}

/// The joined text, each document's byte range in it, and the page lines
/// put between them (page join only).
fn join(docs: &[Doc], how: Join) -> (String, Vec<(usize, usize)>, Vec<JoinMarker>) {
    let mut s = String::new();
    let mut ranges = Vec::new();
    let mut markers = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        if k > 0 {
            match how {
                Join::Blank => s.push_str("\n\n"),
                Join::Newline => s.push('\n'),
                Join::Page => {
                    let n = d.truth["start_page"].as_str().unwrap_or("1");
                    let prev = &docs[k - 1].truth;
                    let current = prev["pages"]
                        .as_array()
                        .and_then(|p| p.last())
                        .unwrap_or(&prev["start_page"]);
                    s.push_str("\n\n");
                    markers.push(JoinMarker {
                        at: s.len(),
                        repeat: current.as_str() == Some(n),
                    });
                    s.push_str(&format!("[Page {n}]\n\n"));
                }
            }
        }
        let start = s.len();
        s.push_str(&d.text);
        ranges.push((start, s.len()));
    }
    (s, ranges, markers)
}

/// `r` without the page lines the join put between documents: the truth of
/// a document has no page line that is not in its own text. Where those
/// lines went is checked on its own (see the test).
fn without_join_markers(r: &Record, markers: &[JoinMarker]) -> Record {
    let mut r = r.clone();
    let keep: Vec<bool> = r
        .page_markers
        .iter()
        .map(|m| !markers.iter().any(|j| j.at == m.span.start))
        .collect();
    if keep.len() == r.pages.len() {
        let mut k = keep.iter();
        r.pages.retain(|_| *k.next().unwrap_or(&true));
    }
    let mut k = keep.iter();
    r.page_markers.retain(|_| *k.next().unwrap_or(&true));
    r
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

#[test]
fn volumes_joined_into_one_file() {
    let Some(vols) = volumes() else {
        eprintln!("multidoc: ../shared/corpus/frus-full is absent; skipped");
        return;
    };
    let show = std::env::var("CABLES_MULTIDOC_SHOW").unwrap_or_default();
    let mut failed = Vec::new();
    let all: Vec<(String, Vec<Doc>)> = vols
        .iter()
        .map(|v| {
            (
                v.file_name().unwrap().to_string_lossy().to_string(),
                load(v),
            )
        })
        .collect();
    // A file that holds one document must not be split, but for the
    // documents listed in KNOWN_SPLIT_SINGLES (and each of those must still
    // be split, so that the list does not go stale).
    let mut split_singles = 0;
    let mut unexpected = Vec::new();
    let mut known_seen = Vec::new();
    let mut n_docs = 0;
    for (vol, docs) in &all {
        for d in docs {
            n_docs += 1;
            let recs = cables::document::records_from_text_bytes_split(d.text.as_bytes(), &d.name);
            if recs.len() != 1 || recs[0].part.is_some() {
                split_singles += 1;
                let key = format!("{vol}/{}", d.name);
                if KNOWN_SPLIT_SINGLES.iter().any(|(k, _)| *k == key) {
                    known_seen.push(key);
                } else {
                    unexpected.push(key);
                }
                if show == "single" {
                    for r in &recs[1..] {
                        let at = r.span.start;
                        let before = d.text[..at].trim_end();
                        let before = &before[before.len().saturating_sub(60)..];
                        let line = d.text[at..].lines().next().unwrap_or("");
                        println!("  split single {vol}/{}: {before:?} | {line:?}", d.name);
                    }
                }
            }
        }
    }
    println!(
        "single-document files split in several: {split_singles} of {n_docs} ({} known, listed in KNOWN_SPLIT_SINGLES)",
        known_seen.len()
    );
    if !unexpected.is_empty() {
        failed.push(format!("single files split: {unexpected:?}"));
    }
    for (k, _) in KNOWN_SPLIT_SINGLES {
        if !known_seen.iter().any(|s| s == k) {
            failed.push(format!(
                "{k} is listed in KNOWN_SPLIT_SINGLES but no longer split"
            ));
        }
    }
    for how in [Join::Blank, Join::Newline, Join::Page] {
        let mut tallies: BTreeMap<&str, Tally> =
            FIELDS.iter().map(|f| (*f, Tally::default())).collect();
        let (mut found, mut records) = (0, 0);
        // (right, of) for the page lines between documents.
        let (mut join_repeats, mut join_new) = ((0, 0), (0, 0));
        for (vol, docs) in &all {
            let (text, ranges, markers) = join(docs, how);
            let raw = cables::document::records_from_text_bytes_split(text.as_bytes(), "vol.txt");
            records += raw.len();
            let recs: Vec<Record> = raw
                .iter()
                .map(|r| without_join_markers(r, &markers))
                .collect();
            let spans: Vec<(usize, usize)> =
                recs.iter().map(|r| (r.span.start, r.span.end)).collect();
            let best_doc = |s: (usize, usize)| {
                (0..ranges.len()).max_by_key(|&i| (overlap(s, ranges[i]), usize::MAX - i))
            };
            // The record of each document, if any.
            let matched: Vec<Option<usize>> = (0..docs.len())
                .map(|i| {
                    (0..spans.len())
                        .max_by_key(|&k| (overlap(spans[k], ranges[i]), usize::MAX - k))
                        .filter(|&k| {
                            overlap(spans[k], ranges[i]) > 0 && best_doc(spans[k]) == Some(i)
                        })
                })
                .collect();
            // Each page line between documents: a repeat of the current page
            // in no record, a new page in exactly one (the module doc of
            // src/split.rs says which).
            for (k, m) in markers.iter().enumerate() {
                // Only where the boundary was found: a page line inside a
                // record that holds both documents is a miss counted above.
                let (Some(a), Some(b)) = (matched[k], matched[k + 1]) else {
                    continue;
                };
                if a == b {
                    continue;
                }
                let holders = raw
                    .iter()
                    .filter(|r| r.page_markers.iter().any(|p| p.span.start == m.at))
                    .count();
                let ok = if m.repeat { holders == 0 } else { holders == 1 };
                if !ok && show == "join_pages" {
                    let before: String = text[..m.at].trim_end().chars().rev().take(80).collect();
                    let before: String = before.chars().rev().collect();
                    let after: String = text[m.at..].chars().take(80).collect();
                    println!(
                        "  {vol} repeat {} in {holders}: {before:?} | {after:?}",
                        m.repeat
                    );
                }
                if m.repeat {
                    join_repeats.0 += usize::from(ok);
                    join_repeats.1 += 1;
                } else {
                    join_new.0 += usize::from(ok);
                    join_new.1 += 1;
                }
            }
            for (i, d) in docs.iter().enumerate() {
                let best = matched[i];
                let split = best.map(|k| &recs[k]);
                if split.is_some() {
                    found += 1;
                } else if show == "count" {
                    println!("  not found {vol}/{} ({})", d.name, how.name());
                }
                let want_single = common::judge(&d.single, &d.truth);
                let want_split = split.map(|r| common::judge(r, &d.truth));
                let json = format!("{vol}/{}", d.name.replace(".txt", ".json"));
                for f in FIELDS {
                    let Some(s_ok) = want_single.get(f).map(|v| v.ok) else {
                        continue;
                    };
                    let t = tallies.get_mut(f).unwrap();
                    t.of += 1;
                    t.single += usize::from(s_ok);
                    let p_ok = want_split
                        .as_ref()
                        .and_then(|w| w.get(f))
                        .is_some_and(|v| v.ok);
                    t.split += usize::from(p_ok);
                    if !common::TRUTH_ERRORS
                        .iter()
                        .any(|(n, field, _)| *n == json && field == f)
                    {
                        t.truth_of += 1;
                        t.truth_right += usize::from(p_ok);
                        if !p_ok && show.strip_prefix("truth:") == Some(*f) {
                            println!(
                                "  {} {vol}/{}: wrong{} (single {})",
                                how.name(),
                                d.name,
                                if split.is_some() { "" } else { ", not found" },
                                if s_ok { "right" } else { "wrong" }
                            );
                        }
                    }
                    let agree = split.is_some_and(|r| view(r, f) == view(&d.single, f));
                    t.agree += usize::from(agree);
                    if !agree && show == *f {
                        println!(
                            "  {} {vol}/{}: split {} single {}",
                            how.name(),
                            d.name,
                            split.map(|r| view(r, f)).unwrap_or_default(),
                            view(&d.single, f)
                        );
                    }
                }
            }
        }
        let n: usize = all.iter().map(|(_, d)| d.len()).sum();
        println!(
            "\njoin {:<8} documents {n}, records {records}, documents found {found} ({:.4})",
            how.name(),
            found as f64 / n as f64
        );
        println!(
            "{:<18} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8}",
            "field", "of", "single", "split", "relative", "agree", "truth"
        );
        if (found as f64) < 0.99 * n as f64 {
            failed.push(format!("{}: documents found", how.name()));
        }
        for f in FIELDS {
            let t = &tallies[f];
            let rel = if t.single == 0 {
                1.0
            } else {
                t.split as f64 / t.single as f64
            };
            println!(
                "{:<18} {:>6} {:>6} {:>6} {:>8.4} {:>8.4} {:>8.4}",
                f,
                t.of,
                t.single,
                t.split,
                rel,
                t.agree as f64 / t.of.max(1) as f64,
                t.truth_right as f64 / t.truth_of.max(1) as f64
            );
            if rel < 0.99 {
                failed.push(format!("{}: {f}", how.name()));
            }
            // The bar: each field of the joined file scores as the
            // core accuracy test does, at least 0.99 against the truth.
            if (t.truth_right as f64) < 0.99 * t.truth_of as f64 {
                failed.push(format!("{}: {f} against the truth", how.name()));
            }
        }
        if how == Join::Page {
            println!(
                "page lines between documents: repeats in no record {}/{}, new pages in one record {}/{}",
                join_repeats.0, join_repeats.1, join_new.0, join_new.1
            );
            for (name, (right, of)) in [("repeats", join_repeats), ("new pages", join_new)] {
                if (right as f64) < 0.99 * of as f64 {
                    failed.push(format!("page: {name} between documents"));
                }
            }
        }
    }
    assert!(failed.is_empty(), "below 0.99: {failed:?}");
}

/// The text of `fixtures/NAME`.
fn fixture(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .unwrap()
}

fn cables(args: &[&str]) -> Vec<Value> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cables"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cables");
    assert!(
        out.status.success(),
        "cables {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// fixtures/multi/three.txt: frus1927v01 d11, d12, d13 as copied one after
/// another. Each record has its own head, file line, notes and signature,
/// and its span cuts the document out of the file.
#[test]
fn three_documents_in_one_file() {
    let recs = cables(&["parse", "--split", "fixtures/multi/three.txt"]);
    let text = fixture("multi/three.txt");
    assert_eq!(recs.len(), 3);
    let want = [
        (
            "500.A15 a 1/44: Telegram",
            "The Ambassador in Italy (Fletcher) to the Secretary of State",
            vec!["12"],
            vec!["Fletcher"],
        ),
        (
            "500.A15 a 1/41: Telegram",
            "The Acting Secretary of State to the Ambassador in Great Britain (Houghton)",
            vec!["13", "14"],
            vec!["Grew"],
        ),
        (
            "500.A15 a 1/56",
            "Memorandum by the Chief of the Division of Western European Affairs (Castle)",
            vec![],
            vec!["W[illiam] R. C[astle]"],
        ),
    ];
    for (k, (r, (first, title, marks, sigs))) in recs.iter().zip(want).enumerate() {
        assert_eq!(r["part"], k + 1);
        assert_eq!(r["title"], title);
        let start = r["span"]["start"].as_u64().unwrap() as usize;
        let end = r["span"]["end"].as_u64().unwrap() as usize;
        assert!(text[start..end].starts_with(first), "part {}", k + 1);
        let got: Vec<&str> = r["footnotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["marker"].as_str().unwrap())
            .collect();
        assert_eq!(got, marks, "part {}", k + 1);
        assert_eq!(r["signatures"], serde_json::json!(sigs), "part {}", k + 1);
        assert_eq!(r["body"], true);
    }
    // The spans follow each other, separated by the blank line.
    assert_eq!(recs[0]["span"]["start"], 0);
    for k in 1..3 {
        let prev_end = recs[k - 1]["span"]["end"].as_u64().unwrap() as usize;
        let start = recs[k]["span"]["start"].as_u64().unwrap() as usize;
        assert_eq!(&text[prev_end..start], "\n\n");
    }
}

/// fixtures/multi/nested.txt: frus1861 d82, unnumbered-97, unnumbered-98
/// and d83 pasted one after another. The two unnumbered documents are
/// nested in d82, so their text comes twice: inside d82, then on their own.
/// Each document's span is its page's text exactly (the byte ranges were
/// checked against the four files of the shared corpus).
#[test]
fn nested_documents_reprinted_after_their_parent() {
    let recs = cables(&["parse", "--split", "fixtures/multi/nested.txt"]);
    let text = fixture("multi/nested.txt");
    let got: Vec<(u64, u64, &str)> = recs
        .iter()
        .map(|r| {
            let (start, end) = (
                r["span"]["start"].as_u64().unwrap(),
                r["span"]["end"].as_u64().unwrap(),
            );
            let first = text[start as usize..].lines().next().unwrap();
            (start, end, first)
        })
        .collect();
    assert_eq!(
        got,
        [
            (0, 18655, "Mr. Adams to Mr. Seward."),
            (18657, 26209, "The undersigned, her Majesty’s principal secretary of state for foreign affairs, has had the honor to receive the note, of the 23d instant, of Mr. Adams, envoy extraordinary and minister plenipotentiary of the United States."),
            (26211, 35770, "No. 136.]"),
            (35772, 38298, "Mr. Adams to Mr. Seward."),
        ]
    );
    let parts: Vec<&Value> = recs.iter().map(|r| &r["part"]).collect();
    assert_eq!(parts, [1, 2, 3, 4]);
}

/// fixtures/multi/chapter.txt: a chapter listing of frus1958-60v08 d113-d115
/// (number, title and source note each, no body).
#[test]
fn chapter_listing_gives_records_without_body() {
    let recs = cables(&["parse", "--split", "fixtures/multi/chapter.txt"]);
    let got: Vec<(u64, &str, bool, &str, &str)> = recs
        .iter()
        .map(|r| {
            (
                r["part"].as_u64().unwrap(),
                r["number"].as_str().unwrap(),
                r["body"].as_bool().unwrap(),
                r["source_note"].as_str().unwrap(),
                r["classification"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "113", false, "Source: Department of State, Conference Files: Lot 64 D 560, CF 1179. Confidential. Drafted by Dulles.", "Confidential"),
            (2, "114", false, "Source: Department of State, Conference Files: Lot 64 D 560, CF 1169. Confidential. Drafted by McBride. The meeting was held at the Embassy residence.", "Confidential"),
            (3, "115", false, "Source: Department of State, Bruce Diaries: Lot 64 D 327. Secret.", "Secret"),
        ]
    );
    for r in &recs {
        assert_eq!(r["paragraphs"], serde_json::json!([]));
    }
}

/// `cables index` on the folder: one record per document, paths repeated
/// with their part; a one-document file keeps `part` null.
#[test]
fn index_gives_one_record_per_document() {
    // Without --split every file is one document.
    let whole = cables(&["index", "fixtures/multi"]);
    assert_eq!(whole.len(), 3, "three files, one record each");
    assert!(whole.iter().all(|r| r["part"].is_null()));
    let recs = cables(&["index", "--split", "fixtures/multi"]);
    let parts: Vec<(String, Value)> = recs
        .iter()
        .map(|r| (r["path"].as_str().unwrap().to_string(), r["part"].clone()))
        .collect();
    assert_eq!(parts.len(), 10, "{parts:?}");
    assert!(parts.iter().all(|(_, p)| p.is_u64()));
    let one = cables(&["parse", "--split", "fixtures/seed/frus1969-76v16-d67.txt"]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["part"], Value::Null);
    assert_eq!(one[0]["number"], "67");
}

/// A text file larger than any one document, read whole, gets a hint on
/// stderr to use --split; with --split, or for small files, none.
#[test]
fn large_file_read_whole_gets_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let three = fixture("multi/three.txt");
    let copies = (cables::index::LARGE_TEXT as usize) / three.len() + 1;
    fs::write(dir.path().join("vol.txt"), three.repeat(copies)).unwrap();
    fs::write(dir.path().join("one.txt"), &three).unwrap();
    let run = |split: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_cables"));
        cmd.arg("index").arg(dir.path());
        if split {
            cmd.arg("--split");
        }
        let out = cmd.output().expect("run cables");
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let whole = run(false);
    assert!(
        whole.contains("cables: hint: 1 text file over 512 KB read as one document")
            && whole.contains("--split"),
        "{whole}"
    );
    let split = run(true);
    assert!(!split.contains("hint"), "{split}");
}
