//! The real binary on the fixture folders: `index`, `parse`, `schema`.
//! Every output line is read back into `Record` with `deny_unknown_fields`,
//! so a field that is written but not part of the documented type fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use cables::Record;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cables"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("run cables");
    if !out.status.success() {
        eprintln!("stderr: {}", String::from_utf8_lossy(&out.stderr));
    }
    out
}

fn records(stdout: &[u8]) -> Vec<Record> {
    String::from_utf8(stdout.to_vec())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str::<Record>(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn index_writes_one_record_per_document_in_path_order() {
    let out = run(bin().arg("index").arg(fixtures().join("corpus")));
    assert!(out.status.success());
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 21, "21 documents in fixtures/corpus");
    let paths: Vec<&str> = recs.iter().map(|r| r.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "path order");
    assert!(
        paths.contains(&"frus1958-60v08/d113.txt"),
        "paths relative to the folder: {paths:?}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("21 files, 21 documents"),
        "summary: {stderr}"
    );
}

#[test]
fn seed_through_the_binary() {
    let seed = fixtures().join("seed/frus1969-76v16-d67.txt");
    let out = run(bin().arg("parse").arg(&seed));
    assert!(out.status.success());
    let recs = records(&out.stdout);
    let r = &recs[0];
    assert_eq!(r.path, seed.to_string_lossy());
    assert_eq!(r.number.as_deref(), Some("67"));
    assert_eq!(
        r.routing.as_ref().and_then(|x| x.series.as_deref()),
        Some("Hakto")
    );
    assert_eq!(r.pages, ["219"]);
    assert_eq!(r.signatures, ["GRF"]);
}

#[test]
fn parse_reads_stdin_with_bom_and_crlf() {
    let text = "\u{FEFF}67. Message From A to B1\r\n\r\nHakto 1. 1. Text ob[Page 219]stacles.\r\n\r\n  1. Source: X. Secret; Flash.\r\n";
    let mut child = bin()
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(text.as_bytes()).expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let r = &records(&out.stdout)[0];
    assert_eq!(r.path, "-");
    assert_eq!(r.title.as_deref(), Some("Message From A to B"));
    assert_eq!(r.classification.as_deref(), Some("Secret"));
    assert_eq!(r.precedence.as_deref(), Some("Flash"));
    assert_eq!(r.paragraphs[0].text, "Text obstacles.");
    assert_eq!(r.footnotes[0].text, "Source: X. Secret; Flash.");
}

#[test]
fn json_array_pretty_and_atomic_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("index.json");
    let out = run(bin()
        .arg("index")
        .arg(fixtures().join("seed"))
        .args(["--format", "json", "--pretty", "--out"])
        .arg(&target));
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout with --out");
    let text = std::fs::read_to_string(&target).expect("out file");
    assert!(
        text.starts_with("[\n{\n  \""),
        "pretty array: {}",
        &text[..20.min(text.len())]
    );
    let recs: Vec<Record> = serde_json::from_str(&text).expect("a JSON array of records");
    assert_eq!(recs.len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn usage_errors_and_missing_root_exit_2() {
    let out = bin().arg("index").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["index", "/no/such/folder"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
    let out = bin().args(["frobnicate"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn parse_names_a_missing_file_once_and_exits_2() {
    let out = bin()
        .args(["parse", "/no/such/file.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        ["cables: error: /no/such/file.txt: not a readable file"],
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].diagnostics[0].code, "E010");
}

#[test]
fn other_files_are_skipped_and_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "67. Telegram From A to B\n\nText.",
    )
    .expect("write");
    std::fs::write(dir.path().join("notes.md"), "# not a document").expect("write");
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4").expect("write");
    let out = run(bin().arg("index").arg(dir.path()));
    assert!(out.status.success());
    assert_eq!(records(&out.stdout).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 files, 1 documents, 2 skipped"),
        "{stderr}"
    );
}

#[test]
fn schema_is_json_schema_of_the_record() {
    let out = run(bin().arg("schema"));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["title"], "Record");
    let props = v["properties"].as_object().expect("properties");
    for field in [
        "path",
        "number",
        "title",
        "doc_type",
        "from",
        "to",
        "file_number",
        "source_note",
        "classification",
        "handling",
        "precedence",
        "routing",
        "dateline",
        "pages",
        "paragraphs",
        "signatures",
        "footnotes",
        "references",
        "diagnostics",
    ] {
        assert!(props.contains_key(field), "schema lacks {field}");
    }
}
