//! Issue 7, everyday use: help with examples, completions, the man page,
//! hints on bad roots, and `cables stats` on the fixtures, whose expected
//! counts were taken by reading the documents (see each test).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

fn cables(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cables"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cables")
}

fn stdout(args: &[&str]) -> String {
    let out = cables(args);
    assert!(
        out.status.success(),
        "cables {args:?} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

const COMMANDS: &[&str] = &["index", "parse", "schema", "stats", "completions", "man"];

/// Lines of an "Examples:" block that run cables.
fn examples(help: &str) -> Vec<String> {
    let Some(at) = help.find("Examples:\n") else {
        return vec![];
    };
    help[at..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().to_string())
        .filter(|l| l.contains("cables ") || l.starts_with("jq "))
        .collect()
}

#[test]
fn help_teaches_by_example() {
    let top = stdout(&["--help"]);
    let ex = examples(&top);
    assert!(ex.len() >= 3, "cables --help examples: {ex:?}\n{top}");
    assert!(
        ex.iter()
            .any(|l| l.contains("| jq") || l.starts_with("jq ")),
        "{top}"
    );
    for cmd in COMMANDS {
        assert!(top.contains(&format!("\n  {cmd} ")), "--help lists {cmd}");
        let help = stdout(&[cmd, "--help"]);
        let ex = examples(&help);
        assert!(
            ex.len() >= 2,
            "cables {cmd} --help has {} examples:\n{help}",
            ex.len()
        );
        assert!(
            ex.iter()
                .all(|l| l.contains(&format!("cables {cmd}")) || l.contains("cables ")),
            "{help}"
        );
    }
    for cmd in ["index", "parse", "schema", "stats"] {
        let help = stdout(&[cmd, "--help"]);
        assert!(
            examples(&help).iter().any(|l| l.contains("| jq")),
            "cables {cmd} --help has no jq pipeline:\n{help}"
        );
    }
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(script.len() > 500, "{shell}: {} bytes", script.len());
        for cmd in COMMANDS {
            assert!(script.contains(cmd), "{shell} completion lacks {cmd}");
        }
        assert!(
            script.contains("format"),
            "{shell} completion lacks options"
        );
    }
    // Where bash is installed, the script loads and registers a completion.
    let script = stdout(&["completions", "bash"]);
    if let Ok(out) = Command::new("bash")
        .arg("-c")
        .arg(format!("{script}\ncomplete -p cables"))
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("-F _cables cables"));
    }
    let out = cables(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_is_roff() {
    let page = stdout(&["man"]);
    let th = page
        .lines()
        .find(|l| l.starts_with(".TH "))
        .expect(".TH line");
    assert!(th.starts_with(".TH cables 1"), "{th}");
    assert!(
        page.lines().take(3).all(|l| l.starts_with('.')),
        "roff header:\n{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    for cmd in COMMANDS {
        assert!(page.contains(cmd), "man page lacks {cmd}");
    }
    let sub = stdout(&["man", "stats"]);
    assert!(
        sub.contains(".TH cables-stats 1"),
        "{}",
        &sub[..200.min(sub.len())]
    );
    assert!(
        sub.contains("cables stats fixtures/corpus"),
        "the stats page carries the examples"
    );
    assert_eq!(cables(&["man", "nosuch"]).status.code(), Some(2));
}

#[test]
fn a_misspelt_folder_gets_a_suggestion() {
    let out = cables(&["index", "fixtures/corpsu"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cables: error: cannot read fixtures/corpsu: No such file or directory; did you mean fixtures/corpus?"),
        "{err}"
    );
    let out = cables(&["stats", "fixtures/sede"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean fixtures/seed?"));
}

#[test]
fn parse_of_a_folder_points_to_index() {
    let out = cables(&["parse", "fixtures/seed"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cables: error: fixtures/seed: is a folder; to read every document in it, run: cables index fixtures/seed"), "{err}");
}

#[test]
fn a_folder_without_documents_says_what_it_holds() {
    let t = tempfile::tempdir().unwrap();
    for i in 0..12 {
        std::fs::write(t.path().join(format!("d{i}.html")), "<p>x</p>").unwrap();
    }
    let dir = t.path().to_str().unwrap();
    for cmd in ["index", "stats"] {
        let out = cables(&[cmd, dir]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("no .txt or .xml files under {dir}; found 12 .html files; cables reads .txt (page text) and .xml (TEI)")),
            "{cmd}: {err}"
        );
    }
}

fn stats_json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("stats JSON")
}

fn counts(v: &Value) -> Value {
    let mut m = serde_json::Map::new();
    for c in v.as_array().expect("counts") {
        m.insert(
            c["name"].as_str().unwrap().to_string(),
            c["documents"].clone(),
        );
    }
    Value::Object(m)
}

/// Counts read off the 21 documents of fixtures/corpus by hand:
/// - doc_type: heads "113. Telegram From …", "125. Telegram …", "166.",
///   "170.", "72." and the file lines "724.3415/4229: Telegram",
///   "701.9111/510a: Telegram", "893.24/1340: Telegram" (8 telegrams);
///   "Memorandum." (1901China d20) and "70. Memorandum From …" (2);
///   "122. Memorandum of Conversation"; "Report of the Joint Subcommittee";
///   the other 9 heads state no type ("Mr. Wright to Mr. Seward.", …).
/// - marking sentences of the source notes: d113, d125 "Confidential.";
///   d166 "Confidential; Niact; Limit Distribution."; d170 "Top Secret;
///   Priority."; d122, d70 "Secret."; d72 "Secret; Priority; Nodis.".
/// - routing: "Dulte 4." opens d113; seven bodies open with a bare
///   telegram number (262., 15., 464., 1409., 2730., 65., 4174.).
/// - pages: `grep -o '\[Page [^]]*\]'` per volume folder, distinct: 3, 4,
///   2, 6, 16, 0, 0, 1, 4, 5, 4, 2 = 47; the first is "[Page 42]" of
///   frus1861/d10.txt (the first file in path order), the last "[Page 223]"
///   of frus1969-76v12/d72.txt.
/// - dates: page copies show no dateline; only 1901China d20 states its
///   date in the text ("Washington, September 12, 1900."), so 1 dated,
///   decade 1900s, 20 unknown.
/// - footnotes: the lists at the end have 2 (1870 d177), 7, 2, 2, 3, 9, 7,
///   5, 3, 5, 9 items = 54, at most 9.
/// - citations: footnotes citing "Document N" / "footnote N, Document M":
///   d113 → 112; d122 → 108, 98; d125 → 72, 24, 118; d166 → 65 (v11);
///   d70 → 65; d72 → 65, 67, 70, 57 (v12). Only v12 d70 is in the folder.
///   (v08 d125's "Document 72" is not frus1969-76v12/d72: another volume.)
#[test]
fn stats_on_the_corpus_fixtures() {
    let s = stats_json(&["stats", "--format", "json", "fixtures/corpus"]);
    assert_eq!(s["documents"], 21);
    assert_eq!(s["files"], 21);
    assert_eq!(
        s["pages"],
        json!({"distinct": 47, "first": {"volume": "frus1861", "page": "42"}, "last": {"volume": "frus1969-76v12", "page": "223"}})
    );
    assert_eq!(
        s["dates"],
        json!({"dated": 1, "undated": 20, "first": "1900-09-12", "last": "1900-09-12"})
    );
    assert_eq!(
        counts(&s["doc_type"]),
        json!({"Telegram": 8, "Memorandum": 2, "Memorandum of Conversation": 1, "Report": 1, "(none)": 9})
    );
    assert_eq!(
        counts(&s["routing_series"]),
        json!({"Dulte": 1, "(number only)": 7, "(none)": 13})
    );
    assert_eq!(
        counts(&s["classification"]),
        json!({"Confidential": 3, "Secret": 3, "Top Secret": 1, "(none)": 14})
    );
    assert_eq!(
        counts(&s["handling"]),
        json!({"Limit Distribution": 1, "Nodis": 1, "(none)": 19})
    );
    assert_eq!(
        counts(&s["precedence"]),
        json!({"Priority": 2, "Niact": 1, "(none)": 18})
    );
    assert_eq!(counts(&s["decade"]), json!({"1900s": 1, "unknown": 20}));
    assert_eq!(
        counts(&s["volume"]),
        json!({"frus1861": 2, "frus1870": 2, "frus1882": 1, "frus1901China": 2, "frus1917Supp02v02": 1, "frus1927v01": 1,
               "frus1934v04": 1, "frus1936v03": 1, "frus1942China": 3, "frus1958-60v08": 3, "frus1958-60v11": 2, "frus1969-76v12": 2})
    );
    assert_eq!(s["footnotes"]["total"], 54);
    assert_eq!(s["footnotes"]["max"], 9);
    assert!((s["footnotes"]["mean"].as_f64().unwrap() - 54.0 / 21.0).abs() < 1e-9);
    assert_eq!(
        s["citations"],
        json!({"inside": 1, "outside": 11, "ambiguous": 0, "to_itself": 0})
    );
    let top = s["most_cited"].as_array().unwrap();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0]["path"], "frus1969-76v12/d70.txt");
    assert_eq!(top[0]["number"], "70");
    assert_eq!(top[0]["cited_by"], 1);
}

/// The seed, read by hand: "67. Message From …", "Hakto 1.", "[Page 219]",
/// source note "Secret; Sensitive; Exclusively Eyes Only; Flash.", two
/// footnotes; footnote 2 cites "Hakto 7" (not in the folder) and "Hakto 1"
/// (the document itself).
#[test]
fn stats_on_the_seed() {
    let s = stats_json(&["stats", "--format", "json", "fixtures/seed"]);
    assert_eq!(s["documents"], 1);
    assert_eq!(s["files"], 1);
    assert_eq!(
        s["pages"],
        json!({"distinct": 1, "first": {"volume": "frus1969-76v16", "page": "219"}, "last": {"volume": "frus1969-76v16", "page": "219"}})
    );
    assert_eq!(counts(&s["doc_type"]), json!({"Message": 1}));
    assert_eq!(counts(&s["routing_series"]), json!({"Hakto": 1}));
    assert_eq!(counts(&s["classification"]), json!({"Secret": 1}));
    assert_eq!(
        counts(&s["handling"]),
        json!({"Sensitive": 1, "Exclusively Eyes Only": 1})
    );
    assert_eq!(counts(&s["precedence"]), json!({"Flash": 1}));
    assert_eq!(counts(&s["decade"]), json!({"unknown": 1}));
    assert_eq!(s["footnotes"], json!({"total": 2, "mean": 2.0, "max": 2}));
    assert_eq!(
        s["citations"],
        json!({"inside": 0, "outside": 1, "ambiguous": 0, "to_itself": 1})
    );
    assert_eq!(s["most_cited"], json!([]));
}

/// An index file gives the same stats as the folder, in both layouts.
#[test]
fn stats_of_an_index_file_match_the_folder() {
    let t = tempfile::tempdir().unwrap();
    let nd = t.path().join("index.ndjson");
    let js = t.path().join("index.json");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let corpus = corpus.to_str().unwrap();
    stdout(&["index", "-q", corpus, "--out", nd.to_str().unwrap()]);
    stdout(&[
        "index",
        "-q",
        corpus,
        "--format",
        "json",
        "--pretty",
        "--out",
        js.to_str().unwrap(),
    ]);
    let want = stats_json(&["stats", "--format", "json", corpus]);
    assert_eq!(
        stats_json(&["stats", "--format", "json", nd.to_str().unwrap()]),
        want
    );
    assert_eq!(
        stats_json(&["stats", "--format", "json", js.to_str().unwrap()]),
        want
    );
    std::fs::write(t.path().join("bad.ndjson"), "{\"path\": \"a\"}\nnot json\n").unwrap();
    let out = cables(&["stats", t.path().join("bad.ndjson").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1: not a cables record"));
}

#[test]
fn stats_table_is_aligned_with_bars() {
    let table = stdout(&["stats", "fixtures/corpus"]);
    assert!(
        table.starts_with("documents   21\nfiles       21\n"),
        "{table}"
    );
    let section = |name: &str| -> Vec<String> {
        let at = table
            .find(&format!("\n{name}\n"))
            .unwrap_or_else(|| panic!("no {name} section:\n{table}"));
        table[at + name.len() + 2..]
            .lines()
            .take_while(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };
    let rows = section("classification");
    assert_eq!(rows.len(), 4, "{rows:?}");
    // Counts end in the same column; the largest count has the longest bar.
    let ends: Vec<usize> = rows.iter().map(|r| r.find(" █").unwrap()).collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{rows:?}");
    let bar = |r: &String| r.chars().filter(|c| *c == '█').count();
    assert!(
        rows[3].starts_with("  (none) ") && rows[3].contains(" 14 "),
        "{rows:?}"
    );
    assert_eq!(bar(&rows[3]), rows.iter().map(bar).max().unwrap());
    assert!(rows[0].starts_with("  Confidential ") && bar(&rows[0]) < bar(&rows[3]));
    let cited = section("most cited inside the folder");
    let words: Vec<&str> = cited[0].split_whitespace().collect();
    assert_eq!(
        words[..4],
        ["frus1969-76v12/d70.txt", "1", &"█".repeat(24), "Memorandum"],
        "{cited:?}"
    );
}
