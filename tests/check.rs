//! `cables check` end to end: the real binary over `fixtures/check/<RULE>/`.
//!
//! Each rule has a `bad/` folder that triggers it and a `good/` twin that
//! differs only in the thing the rule looks at and gives no finding at all.
//! Lines and columns below were read off the fixture files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check")
}

fn cables(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cables"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run cables")
}

fn show(o: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The file name of a JSON finding's path.
fn file_name(v: &Value) -> String {
    let path = v["path"].as_str().unwrap();
    path.rsplit('/').next().unwrap().to_string()
}

/// (rule, severity, file name, line, column) of every JSON finding.
fn findings(o: &Output) -> Vec<(String, String, String, u64, u64)> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}"));
            let file = file_name(&v);
            (
                v["rule"].as_str().unwrap().to_string(),
                v["severity"].as_str().unwrap().to_string(),
                file,
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Every finding of each bad folder, exactly.
#[test]
fn each_rule_fires_on_its_bad_fixture() {
    type Want = &'static [(&'static str, &'static str, &'static str, u64, u64)];
    let cases: &[(&str, i32, Want)] = &[
        ("IO001", 1, &[("IO001", "error", "d67.txt", 1, 1)]),
        ("IO002", 0, &[("IO002", "warning", "d67.txt", 1, 1)]),
        ("IO003", 0, &[("IO003", "warning", "d67.txt", 1, 1)]),
        // A rule that also applies to the documents of a TEI volume has a
        // vol.xml beside the text files: findings at the div (DOC001,
        // DOC003, SRC001, VOL001, VOL002, VOL004) or the element (a note, a
        // pb, a ref, the dateline, the character).
        (
            "DOC001",
            1,
            &[
                ("DOC001", "error", "d67.txt", 1, 1),
                ("DOC001", "error", "vol.xml", 8, 1),
            ],
        ),
        (
            "DOC003",
            0,
            &[
                ("DOC003", "warning", "d68.txt", 1, 1),
                ("DOC003", "warning", "vol.xml", 8, 1),
            ],
        ),
        (
            "DOC004",
            0,
            &[
                ("DOC004", "warning", "d67.txt", 7, 1),
                ("DOC004", "warning", "vol.xml", 11, 1),
            ],
        ),
        // Checked one file per document, the second head (line 5) is also a
        // merged-documents finding.
        (
            "DOC005",
            0,
            &[
                ("DOC004", "warning", "chapter.txt", 5, 1),
                ("DOC005", "warning", "chapter.txt", 9, 1),
            ],
        ),
        ("DOC007", 0, &[("DOC007", "warning", "d67.txt", 7, 1)]),
        (
            "FN001",
            1,
            &[
                ("FN001", "error", "d67.txt", 10, 3),
                ("FN001", "error", "d68.txt", 7, 37),
                ("FN001", "error", "d68.txt", 9, 30),
            ],
        ),
        (
            "FN002",
            0,
            &[
                ("FN002", "warning", "d67.txt", 5, 54),
                ("FN002", "warning", "vol.xml", 8, 6),
            ],
        ),
        (
            "FN004",
            1,
            &[
                ("FN004", "error", "d67.txt", 11, 3),
                ("FN004", "error", "vol.xml", 6, 9),
            ],
        ),
        (
            "SRC001",
            0,
            &[
                ("SRC001", "warning", "d67.txt", 1, 1),
                ("SRC001", "warning", "vol.xml", 4, 1),
            ],
        ),
        ("SRC003", 0, &[("SRC003", "warning", "d67.txt", 9, 43)]),
        // In TEI an arabic page that goes back is TEI003's alone; PG001
        // is left with the roman pages.
        (
            "PG001",
            1,
            &[
                ("PG001", "error", "d67.txt", 7, 19),
                ("PG001", "error", "vol.xml", 6, 43),
                ("TEI003", "error", "vol.xml", 7, 41),
            ],
        ),
        (
            "PG002",
            0,
            &[
                ("PG002", "warning", "d2.txt", 5, 29),
                ("PG002", "warning", "vol.xml", 10, 9),
            ],
        ),
        ("PG004", 1, &[("PG004", "error", "d67.txt", 7, 1)]),
        (
            "REF001",
            0,
            &[
                ("REF001", "info", "d1.txt", 10, 10),
                ("REF001", "info", "vol.xml", 10, 8),
            ],
        ),
        ("REF002", 0, &[("REF002", "info", "d1.txt", 10, 17)]),
        ("REF003", 0, &[("REF003", "warning", "d2.txt", 5, 1)]),
        // In TEI a top-level number used twice or skipped is TEI001's
        // alone; VOL001 and VOL004 add the documents TEI001 does not see
        // (nested in an attachment).
        (
            "VOL001",
            1,
            &[
                ("VOL001", "error", "b.txt", 1, 1),
                ("VOL001", "error", "vol.xml", 14, 1),
                ("TEI001", "warning", "vol.xml", 18, 1),
            ],
        ),
        (
            "VOL002",
            0,
            &[
                ("VOL002", "warning", "d2.txt", 1, 1),
                ("VOL002", "warning", "vol.xml", 12, 1),
            ],
        ),
        (
            "VOL004",
            0,
            &[
                ("VOL004", "warning", "d3.txt", 1, 1),
                ("VOL004", "warning", "vol.xml", 8, 1),
                ("TEI001", "warning", "vol.xml", 18, 1),
            ],
        ),
        (
            "DT001",
            1,
            &[
                ("DT001", "error", "d67.txt", 3, 1),
                ("DT001", "error", "vol.xml", 6, 9),
            ],
        ),
        (
            "DT003",
            0,
            &[
                ("DT003", "warning", "d67.txt", 3, 1),
                ("DT003", "warning", "vol.xml", 6, 9),
            ],
        ),
        (
            "CH007",
            0,
            &[
                ("CH007", "warning", "d67.txt", 7, 17),
                ("CH007", "warning", "vol.xml", 6, 31),
            ],
        ),
        (
            "CH008",
            0,
            &[
                ("CH008", "warning", "d67.txt", 7, 33),
                ("CH008", "warning", "vol.xml", 6, 16),
            ],
        ),
        // TEI volumes: the reader's findings at their XML line and column.
        // The jump from document 1 to 5 is not repeated as VOL004, the page
        // going back in TEI003 not as PG001 or PG002.
        ("TEI001", 0, &[("TEI001", "warning", "vol.xml", 8, 1)]),
        ("TEI002", 0, &[("TEI002", "warning", "vol.xml", 10, 9)]),
        ("TEI003", 1, &[("TEI003", "error", "vol.xml", 11, 1)]),
        ("XML001", 1, &[("XML001", "error", "vol.xml", 10, 53)]),
        ("XML002", 0, &[("XML002", "warning", "vol.xml", 6, 41)]),
    ];
    for (rule, code, want) in cases {
        let dir = fixtures().join(rule);
        let o = cables(&["check", "bad", "--format", "json"], &dir);
        let got = findings(&o);
        let want: Vec<(String, String, String, u64, u64)> = want
            .iter()
            .map(|(r, s, f, l, c)| (r.to_string(), s.to_string(), f.to_string(), *l, *c))
            .collect();
        assert_eq!(got, want, "{rule}/bad\n{}", show(&o));
        assert_eq!(
            o.status.code(),
            Some(*code),
            "{rule}/bad exit\n{}",
            show(&o)
        );
    }
}

/// Every rule with fixtures is in this list and the list covers every rule.
#[test]
fn every_rule_has_fixtures() {
    let o = cables(&["check", "--help"], &fixtures());
    assert!(o.status.success());
    let mut dirs: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut rules: Vec<String> = cables::check::RULES
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    rules.sort();
    assert_eq!(dirs, rules);
    for d in &dirs {
        assert!(
            fixtures().join(d).join("bad").is_dir() && fixtures().join(d).join("good").is_dir(),
            "{d}"
        );
    }
}

/// The twins give nothing at all, and exit 0.
#[test]
fn good_twins_are_clean() {
    for r in cables::check::RULES {
        let dir = fixtures().join(r.id);
        let o = cables(&["check", "good", "--format", "json"], &dir);
        assert_eq!(findings(&o), vec![], "{}/good\n{}", r.id, show(&o));
        assert_eq!(o.status.code(), Some(0), "{}/good\n{}", r.id, show(&o));
    }
}

#[test]
fn human_format_shows_line_and_caret() {
    // The text file alone (bad/ also holds a TEI volume).
    let o = cables(&["check", "bad/d67.txt"], &fixtures().join("PG001"));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    let want = concat!(
        "bad/d67.txt:7:19: error[PG001]: page marker [Page 219] after [Page 220]: pages do not increase\n",
        "    2. The talks went [Page 219]well today.\n",
        "                      ^\n",
    );
    assert_eq!(out, want, "{}", show(&o));
    assert!(!out.contains('\x1b'), "no colour when piped");
    let err = String::from_utf8_lossy(&o.stderr);
    for line in [
        "cables: 1 files checked",
        "cables: 1 errors (PG001 1)",
        "cables: 0 warnings",
        "cables: 0 infos",
    ] {
        assert!(err.lines().any(|l| l == line), "missing {line:?} in\n{err}");
    }
}

#[test]
fn json_lines_parse() {
    let o = cables(
        &["check", "bad", "--format", "json"],
        &fixtures().join("FN001"),
    );
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 3, "{}", show(&o));
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let obj = v.as_object().unwrap();
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            ["column", "line", "message", "offset", "path", "rule", "severity"]
        );
        assert!(v["message"].as_str().unwrap().contains("footnote"));
    }
}

#[test]
fn github_lines_match_the_workflow_command_grammar() {
    let re = regex::Regex::new(r"^::(error|warning|notice) file=[^,:%\n]+(?:%[0-9A-F]{2}[^,:%\n]*)*,line=[1-9]\d*,col=[1-9]\d*,title=[A-Z]+\d{3}::[^\r\n]+$").unwrap();
    let o = cables(&["check", ".", "--format", "github"], &fixtures());
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(text.lines().count() >= 25, "{}", show(&o));
    for line in text.lines() {
        assert!(re.is_match(line), "not a workflow command: {line}");
    }
    assert!(text.lines().any(|l| l == "::error file=PG001/bad/d67.txt,line=7,col=19,title=PG001::page marker [Page 219] after [Page 220]: pages do not increase"));
    assert!(text
        .lines()
        .any(|l| l.starts_with("::notice file=REF001/bad/d1.txt,line=10,col=10,title=REF001::")));
}

#[test]
fn sarif_log_has_the_required_properties() {
    let o = cables(
        &["check", "bad", "--format", "sarif"],
        &fixtures().join("FN001"),
    );
    let v: Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}\n{}", show(&o)));
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "cables");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), cables::check::RULES.len());
    assert!(rules
        .iter()
        .all(|r| r["id"].is_string() && r["shortDescription"]["text"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for r in results {
        assert_eq!(r["ruleId"], "FN001");
        assert_eq!(r["level"], "error");
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "FN001"
        );
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("bad/d6"));
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn deny_warn_allow_change_levels_and_exit_codes() {
    let dir = fixtures().join("CH007");
    let o = cables(&["check", "bad", "--format", "json"], &dir);
    assert_eq!(
        (findings(&o)[0].1.as_str(), o.status.code()),
        ("warning", Some(0))
    );
    let o = cables(
        &["check", "bad", "--format", "json", "--deny", "warnings"],
        &dir,
    );
    assert_eq!(
        (findings(&o)[0].1.as_str(), o.status.code()),
        ("error", Some(1))
    );
    let o = cables(
        &["check", "bad", "--format", "json", "--deny", "CH007"],
        &dir,
    );
    assert_eq!(
        (findings(&o)[0].1.as_str(), o.status.code()),
        ("error", Some(1))
    );
    let o = cables(
        &["check", "bad", "--format", "json", "--allow", "CH007"],
        &dir,
    );
    assert_eq!((findings(&o).len(), o.status.code()), (0, Some(0)));
    let dir = fixtures().join("PG001");
    let o = cables(
        &[
            "check",
            "bad/d67.txt",
            "--format",
            "json",
            "--warn",
            "PG001",
        ],
        &dir,
    );
    assert_eq!(
        (findings(&o)[0].1.as_str(), o.status.code()),
        ("warning", Some(0))
    );
}

#[test]
fn cables_toml_at_the_root_and_config_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let src = fixtures().join("PG001/bad/d67.txt");
    std::fs::copy(&src, tmp.path().join("d67.txt")).unwrap();
    let run = |args: &[&str]| {
        let mut a = vec!["check", "."];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--format", "json"]);
        cables(&a, tmp.path())
    };
    assert_eq!(run(&[]).status.code(), Some(1));
    std::fs::write(
        tmp.path().join("cables.toml"),
        "[check]\nwarn = [\"PG001\"]\n",
    )
    .unwrap();
    let o = run(&[]);
    assert_eq!(
        (findings(&o)[0].1.as_str(), o.status.code()),
        ("warning", Some(0)),
        "{}",
        show(&o)
    );
    // The command line wins over the file.
    let o = run(&["--deny", "PG001"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    // --config replaces the file at the root.
    let other = tmp.path().join("other.toml");
    std::fs::write(&other, "[check]\nallow = [\"PG001\"]\n").unwrap();
    let o = run(&["--config", other.to_str().unwrap()]);
    assert_eq!(
        (findings(&o).len(), o.status.code()),
        (0, Some(0)),
        "{}",
        show(&o)
    );
    // A bad file is a usage error.
    std::fs::write(
        tmp.path().join("cables.toml"),
        "[check]\nallow = [\"NOPE01\"]\n",
    )
    .unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown rule id \"NOPE01\""));
}

#[test]
fn usage_and_io_failures_exit_2() {
    let o = cables(&["check", "no-such-folder"], &fixtures());
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let o = cables(&["check", ".", "--deny", "XX001"], &fixtures());
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let o = cables(&["check", ".", "--format", "yaml"], &fixtures());
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
}

/// A TEI volume of documents with `bad` note ids each (TEI002 per note):
/// `bad` per document.
fn volume_with_bad_note_ids(bad: &[usize]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"frus1900t\">\n<text><body>\n",
    );
    for (k, &n) in bad.iter().enumerate() {
        let d = k + 1;
        xml.push_str(&format!(
            "<div type=\"document\" xml:id=\"d{d}\" n=\"{d}\">\n<head>Mr. Hay to Mr. Conger.</head>\n"
        ));
        for i in 1..=n {
            xml.push_str(&format!(
                "<p>Text.<note n=\"{i}\" xml:id=\"d{d}note{i}\">A note.</note></p>\n"
            ));
        }
        xml.push_str("</div>\n");
    }
    xml.push_str("</body></text>\n</TEI>\n");
    xml
}

/// At most 20 findings of a rule are shown per file, and per document in a
/// TEI volume (a volume holds hundreds); the 21st line says how many more
/// and carries them in `more`, and the summary counts them.
#[test]
fn findings_are_capped_per_document_in_a_volume() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("vol.xml"),
        volume_with_bad_note_ids(&[15, 15, 25]),
    )
    .unwrap();
    let o = cables(&["check", ".", "--format", "json"], tmp.path());
    let lines: Vec<Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let tei002: Vec<&Value> = lines.iter().filter(|v| v["rule"] == "TEI002").collect();
    // 15 + 15 + (20 and one line for the last 5).
    assert_eq!(tei002.len(), 51, "{}", show(&o));
    let more: Vec<&Value> = tei002
        .iter()
        .copied()
        .filter(|v| v.get("more").is_some())
        .collect();
    assert_eq!(more.len(), 1, "{}", show(&o));
    assert_eq!(more[0]["more"], 5);
    assert_eq!(
        more[0]["message"],
        "5 more TEI002 findings in this document (first shown here)"
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("55 warnings (TEI002 55)"), "{}", show(&o));
}

/// REF001 names where the number was looked for: the folder for text
/// files, the volume for the documents of a TEI volume.
#[test]
fn unresolved_references_name_folder_or_volume() {
    let o = cables(
        &["check", ".", "--format", "json"],
        &fixtures().join("REF001/bad"),
    );
    let mut messages: Vec<(String, String)> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["rule"] == "REF001")
        .map(|v| (file_name(&v), v["message"].as_str().unwrap().to_string()))
        .collect();
    messages.sort();
    let ends: Vec<(&str, bool, bool)> = messages
        .iter()
        .map(|(f, m)| {
            (
                f.as_str(),
                m.ends_with("in the folder"),
                m.ends_with("in the volume"),
            )
        })
        .collect();
    assert_eq!(
        ends,
        [("d1.txt", true, false), ("vol.xml", false, true)],
        "{messages:?}"
    );
}

/// `--split` checks each document of a file that holds several on its own.
/// fixtures/multi/nested.txt is frus1861 d82, its two nested documents
/// reprinted after it, and d83: read as one document its pages go back
/// (PG001 at the reprint's "[Page 145]", line 147); split, they do not, and
/// the reprint of unnumbered-98, which has no head, is a DOC001 at its
/// first line "No. 136.]" (line 187). The chapter listing's second and
/// third heads are DOC004 only when the file is read as one document.
#[test]
fn split_checks_each_document_of_a_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/multi");
    let whole = cables(&["check", ".", "--format", "json"], &dir);
    let mut got = findings(&whole);
    got.sort();
    assert_eq!(
        got,
        [
            (
                "DOC004".into(),
                "warning".into(),
                "chapter.txt".into(),
                5,
                1
            ),
            (
                "DOC004".into(),
                "warning".into(),
                "chapter.txt".into(),
                9,
                1
            ),
            (
                "PG001".into(),
                "error".into(),
                "nested.txt".into(),
                147,
                215
            ),
        ],
        "{}",
        show(&whole)
    );
    let split = cables(&["check", ".", "--split", "--format", "json"], &dir);
    assert_eq!(
        findings(&split),
        [("DOC001".into(), "error".into(), "nested.txt".into(), 187, 1)],
        "{}",
        show(&split)
    );
}

/// With `--split`, DOC005 comes from the split that made the records (the
/// file is split once): the chapter's head "12." out of sequence is still
/// reported, at its line.
#[test]
fn split_reports_doubtful_heads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check/DOC005/bad");
    let out = cables(&["check", ".", "--split", "--format", "json"], &dir);
    assert_eq!(
        findings(&out),
        [(
            "DOC005".into(),
            "warning".into(),
            "chapter.txt".into(),
            9,
            1
        )],
        "{}",
        show(&out)
    );
}
