//! Lossless accounting over the shared corpus (issue 5): for every document
//! of `../shared/corpus/frus/*/*.txt` and `../shared/corpus/frus-full/*/*.txt`,
//! every byte of the input belongs to exactly one part of its record (head,
//! source line, paragraph, page marker, footnote mark, footnote, other),
//! and the parts put back together are the input.
//!
//! Prints the bytes per part over the corpus, and the most common
//! non-whitespace "other" lines: text the record does not model, which
//! points at parser gaps. Fails when the record claims the same bytes twice
//! or a span is not a span of the input. Skipped, with a notice, when the
//! shared corpus is absent. Run it with `cargo test --release --test
//! accounting -- --nocapture` to see the figures.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use cables::account::{account, check_spans, Part};

fn documents() -> Option<Vec<PathBuf>> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut out = Vec::new();
    for sub in ["frus", "frus-full"] {
        let Ok(vols) = fs::read_dir(shared.join(sub)) else {
            continue;
        };
        for vol in vols.flatten() {
            let Ok(files) = fs::read_dir(vol.path()) else {
                continue;
            };
            out.extend(
                files
                    .flatten()
                    .map(|f| f.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    out.sort();
    (!out.is_empty()).then_some(out)
}

#[test]
fn every_byte_of_every_corpus_document_is_accounted_for() {
    let Some(docs) = documents() else {
        eprintln!("SKIPPED: ../shared/corpus is absent");
        return;
    };
    let mut bytes: BTreeMap<Part, usize> = BTreeMap::new();
    let mut total = 0usize;
    let mut other_lines: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut docs_with_other = 0usize;
    let mut problems = Vec::new();
    for path in &docs {
        let raw = fs::read(path).unwrap();
        let text = cables::decode::decode(&raw).text;
        let name = path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
            .unwrap_or(path)
            .display()
            .to_string();
        let rec = cables::parse::parse(&text, &name);
        if let Err(e) = check_spans(&rec, &text) {
            problems.push(format!("{name}: {e}"));
        }
        let acc = account(&rec, &text);
        for c in &acc.conflicts {
            problems.push(format!("{name}: {c}"));
        }
        assert_eq!(
            acc.rebuild(&text),
            text,
            "{name}: the parts do not rebuild the input"
        );
        let mut at = 0;
        for p in &acc.pieces {
            assert_eq!(p.span.start, at, "{name}: gap or overlap at {at}");
            at = p.span.end;
            *bytes.entry(p.part).or_default() += p.span.end - p.span.start;
        }
        assert_eq!(at, text.len(), "{name}: pieces stop short");
        total += text.len();
        let mut any = false;
        for p in acc.pieces.iter().filter(|p| p.part == Part::Other) {
            for line in text[p.span.start..p.span.end]
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
            {
                any = true;
                let key: String = line
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '9' } else { c })
                    .take(40)
                    .collect();
                let e = other_lines.entry(key).or_insert((0, name.clone()));
                e.0 += 1;
            }
        }
        docs_with_other += usize::from(any);
    }
    eprintln!("accounting: {} documents, {total} bytes", docs.len());
    for (part, n) in &bytes {
        eprintln!(
            "  {:<14} {:>10} bytes {:>6.2}%",
            part.as_str(),
            n,
            100.0 * *n as f64 / total.max(1) as f64
        );
    }
    let mut common: Vec<_> = other_lines.iter().collect();
    common.sort_by_key(|e| std::cmp::Reverse(e.1 .0));
    eprintln!("  non-whitespace 'other' text in {docs_with_other} documents; most common lines (digits as 9):");
    for (line, (n, example)) in common.iter().take(25) {
        eprintln!("  {n:>6} × {line:?}  (e.g. {example})");
    }
    assert_eq!(bytes.values().sum::<usize>(), total);
    assert!(
        problems.is_empty(),
        "{} problems, first 20:\n{}",
        problems.len(),
        problems[..problems.len().min(20)].join("\n")
    );
}
