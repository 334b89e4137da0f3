//! Regression tests for inputs that broke the parser, found by the fuzzer
//! (fuzz/) and the linear-time benchmark (benches/linear.rs), issue 5.
//!
//! Each test is named after what broke; the fixes are in src/parse.

// The quadratic page-marker scans the linear-time benchmark found ("[Page",
// "[Page " and "[" repeated with no "]") are fixed in src/parse/pages.rs
// (the closing bracket is looked for within a short window); time growth is
// measured in benches/linear.rs, not in timed tests.

/// Fuzzer find (fuzz/ target `parse`, minimized to 24 bytes): the P004
/// diagnostic of a marking after the source note points at byte 21, inside
/// the U+FFFD at bytes 20..23 (the marking "\u{FFFD}\na" starts at 20). The
/// offset is one past where it should be (src/parse/markings.rs or the
/// caller that maps a note-text position back into the input).
#[test]
fn fuzz_p004_offset_on_a_char_boundary() {
    let src = String::from_utf8_lossy(b" 1. Source:. Secret;\xff\n\na").into_owned();
    let rec = cables::parse::parse(&src, "r.txt");
    let p004: Vec<usize> = rec
        .diagnostics
        .iter()
        .filter(|d| d.code == "P004")
        .map(|d| d.offset)
        .collect();
    assert_eq!(p004, [20]);
    assert_eq!(cables::account::check_spans(&rec, &src), Ok(()));
}

/// Triage helper, not a test: `CABLES_TRIAGE_DIR=fuzz/artifacts/parse cargo
/// test --release --test regression -- --ignored triage --nocapture` runs
/// the parse fuzz target's checks on every file there and prints what
/// fails, and how.
#[test]
#[ignore = "tool: triage fuzzer artifacts"]
fn triage() {
    let Some(dir) = std::env::var_os("CABLES_TRIAGE_DIR") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let t = std::time::Instant::now();
        let res = std::panic::catch_unwind(|| {
            let rec = cables::parse::parse(&text, "t.txt");
            cables::account::check_spans(&rec, &text)
        });
        let verdict = match res {
            Ok(Ok(())) => "ok".to_string(),
            Ok(Err(e)) => format!("SPAN {e}"),
            Err(_) => "PANIC".to_string(),
        };
        println!(
            "{} ({} B, {:?}): {verdict}",
            p.display(),
            bytes.len(),
            t.elapsed()
        );
    }
}
