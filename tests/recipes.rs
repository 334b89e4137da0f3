//! The README's recipes run as tests (issue 7), as jaq runs its manual.
//!
//! Each ```` ```sh recipe ```` block of README.md is a pipeline
//! `cables … | jq …`; the ```` ```text ```` block after it is its expected
//! output, which was checked by reading the fixture documents (see the
//! comments of the Rust filters below). When `jq` is on PATH the pipeline
//! runs through `sh` with this build's `cables` first on PATH. Always, the
//! `cables` part runs and its records go through the same filter written
//! in Rust, so the recipes are checked where jq is missing too.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

struct Recipe {
    command: String,
    expected: String,
}

/// The recipes of README.md, in order.
fn recipes() -> Vec<Recipe> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(l) = lines.next() {
        if l.trim() != "```sh recipe" {
            continue;
        }
        let command: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        let open = lines
            .by_ref()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        assert_eq!(
            open.trim(),
            "```text",
            "a recipe is followed by its output block"
        );
        let expected: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        out.push(Recipe {
            command: command.join("\n"),
            expected: expected.join("\n") + "\n",
        });
    }
    out
}

fn cables_bin() -> &'static str {
    env!("CARGO_BIN_EXE_cables")
}

fn have_jq() -> bool {
    Command::new("jq")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run_with_jq(r: &Recipe) -> String {
    let bin_dir = Path::new(cables_bin()).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("set -e; {}", r.command))
        .env("PATH", path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        r.command,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The records printed by the `cables …` part of the pipeline (its words
/// hold no quotes).
fn records(r: &Recipe) -> Vec<Value> {
    let cables_part = r.command.split('|').next().unwrap().trim();
    let words: Vec<&str> = cables_part.split_whitespace().collect();
    assert_eq!(words[0], "cables", "{}", r.command);
    let out = Command::new(cables_bin())
        .args(&words[1..])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{cables_part}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn s(v: &Value) -> Option<&str> {
    v.as_str()
}

/// All Hakto cables with their dates. The seed opens "Hakto 1." and shows
/// no dateline.
fn hakto(recs: &[Value]) -> String {
    let mut out = String::new();
    for r in recs
        .iter()
        .filter(|r| s(&r["routing"]["series"]) == Some("Hakto"))
    {
        let date = s(&r["date_min"])
            .or(s(&r["dateline"]["date"]))
            .unwrap_or("undated");
        out += &format!(
            "Hakto {}\t{}\t{date}\n",
            s(&r["routing"]["number"]).unwrap(),
            s(&r["path"]).unwrap()
        );
    }
    out
}

/// Every Top Secret document: only frus1958-60v11/d170 says "Top Secret;
/// Priority." (checked with `grep -il 'top secret'`).
fn top_secret(recs: &[Value]) -> String {
    recs.iter()
        .filter(|r| s(&r["classification"]) == Some("Top Secret"))
        .map(|r| {
            format!(
                "{}\t{}\n",
                s(&r["path"]).unwrap(),
                s(&r["title"]).unwrap_or("null")
            )
        })
        .collect()
}

/// Documents per year: only 1901China d20 states a date in its text
/// ("Washington, September 12, 1900."); page copies show no dateline.
fn per_year(recs: &[Value]) -> String {
    let mut years = std::collections::BTreeMap::<String, usize>::new();
    for r in recs {
        let date = s(&r["date_min"]).or(s(&r["dateline"]["date"]));
        let year = date
            .map(|d| d.chars().take(4).collect())
            .unwrap_or_else(|| "undated".to_string());
        *years.entry(year).or_default() += 1;
    }
    years
        .into_iter()
        .map(|(y, n)| format!("{y}\t{n}\n"))
        .collect()
}

/// Footnotes citing documents not in the folder: read off the note lists
/// ("  2. See footnote 5, Document 112." in v08 d113, …); v12 d72 note 5
/// cites Document 70, which is in the folder, and is left out.
fn outside(recs: &[Value]) -> String {
    let vol = |r: &Value| {
        s(&r["volume"]).map(String::from).unwrap_or_else(|| {
            s(&r["path"])
                .unwrap()
                .split('/')
                .next()
                .unwrap()
                .to_string()
        })
    };
    let here: Vec<String> = recs
        .iter()
        .map(|r| format!("{} {}", vol(r), s(&r["number"]).unwrap_or("null")))
        .collect();
    let mut out = String::new();
    for r in recs {
        for re in r["references"].as_array().unwrap() {
            let kind = s(&re["kind"]).unwrap();
            if re["in_footnote"] != Value::Bool(true) || !(kind == "document" || kind == "footnote")
            {
                continue;
            }
            let target = s(&re["document"]).or(s(&re["number"])).unwrap();
            if here.contains(&format!("{} {target}", vol(r))) {
                continue;
            }
            let at = re["offset"].as_u64().unwrap();
            for note in r["footnotes"].as_array().unwrap() {
                let (a, b) = (
                    note["span"]["start"].as_u64().unwrap(),
                    note["span"]["end"].as_u64().unwrap(),
                );
                if a <= at && at < b {
                    out += &format!(
                        "{}\tnote {}\tDocument {target}\n",
                        s(&r["path"]).unwrap(),
                        s(&note["list_number"]).unwrap_or("null")
                    );
                }
            }
        }
    }
    out
}

/// The pages of the paragraph of d78 (1942China) holding "old China hand":
/// it follows "[Page 66]" and holds "[Page 67]".
fn pages(recs: &[Value]) -> String {
    let mut out = String::new();
    for r in recs {
        let markers = r["page_markers"].as_array().unwrap();
        for p in r["paragraphs"].as_array().unwrap() {
            if !s(&p["text"]).unwrap().contains("old China hand") {
                continue;
            }
            let (a, b) = (
                p["span"]["start"].as_u64().unwrap(),
                p["span"]["end"].as_u64().unwrap(),
            );
            let mut pages: Vec<&str> = s(&p["page"]).into_iter().collect();
            pages.extend(
                markers
                    .iter()
                    .filter(|m| (a..b).contains(&m["span"]["start"].as_u64().unwrap()))
                    .map(|m| s(&m["n"]).unwrap()),
            );
            out += &pages.join("–");
            out.push('\n');
        }
    }
    out
}

type Filter = fn(&[Value]) -> String;

/// The Rust filters, in README order.
const FILTERS: &[(&str, Filter)] = &[
    ("routing.series == \"Hakto\"", hakto),
    ("\"Top Secret\"", top_secret),
    ("def year", per_year),
    ("IN($here[])", outside),
    ("old China hand", pages),
];

#[test]
fn readme_recipes_print_what_the_readme_says() {
    let all = recipes();
    assert_eq!(
        all.len(),
        FILTERS.len(),
        "one Rust filter per README recipe"
    );
    let jq = have_jq();
    if !jq {
        eprintln!("jq not found: recipes checked through the Rust filters only");
    }
    for (r, (marker, filter)) in all.iter().zip(FILTERS) {
        assert!(
            r.command.contains(marker),
            "recipe order changed: {} lacks {marker}",
            r.command
        );
        let got = filter(&records(r));
        assert_eq!(got, r.expected, "Rust filter for\n{}", r.command);
        if jq {
            let got = run_with_jq(r);
            assert_eq!(got, r.expected, "jq:\n{}", r.command);
        }
    }
}
