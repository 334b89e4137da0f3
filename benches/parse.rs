//! The parser on real documents (issue 4): per document, and MB/s over the
//! whole shared corpus. `cargo bench --bench parse`. Needs
//! `../shared/corpus/frus-full` (else the bundled fixtures are used).

use std::fs;
use std::hint::black_box;
use std::io;
use std::path::{Path, PathBuf};

use cables::output::{Format, RecordWriter};
use cables::record::Record;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("../shared/corpus/frus-full")];
    if !dirs[0].is_dir() {
        dirs = vec![root.join("fixtures")];
    }
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(d) = dirs.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let text = fs::read_to_string(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let total: usize = docs.iter().map(|d| d.1.len()).sum();
    let mut by_size: Vec<&(String, String)> = docs.iter().collect();
    by_size.sort_by_key(|d| d.1.len());

    // Per document: the median, the 99th percentile and the largest.
    let mut g = c.benchmark_group("document");
    for (label, i) in [
        ("median", by_size.len() / 2),
        ("p99", by_size.len() * 99 / 100),
        ("largest", by_size.len() - 1),
    ] {
        let (name, text) = by_size[i];
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{label} {name} {} B", text.len()), |b| {
            b.iter(|| cables::parse::parse(black_box(text), "d.txt"))
        });
    }
    g.finish();

    // The whole corpus, one document after another (MB/s of the parser).
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(
        format!("{} documents {} MB", docs.len(), total >> 20),
        |b| {
            b.iter(|| {
                for (_, text) in &docs {
                    black_box(cables::parse::parse(text, "d.txt"));
                }
            })
        },
    );
    // Bytes to NDJSON, as `cables index` does per file: decode, parse,
    // and write with the writer `cables index` uses.
    g.bench_function("decode+parse+serialize", |b| {
        b.iter(|| {
            let mut w = RecordWriter::new(io::sink(), Format::Ndjson, false);
            for (name, text) in &docs {
                for r in cables::document::records_from_text_bytes(text.as_bytes(), name) {
                    w.write(&r).unwrap_or_default();
                }
            }
            black_box(w.finish().is_ok())
        })
    });
    // Writing alone, the records parsed before: the part of the work that
    // any parser producing this record has to do (its output is about 1.5
    // times the size of its input). With the reading, which costs cables
    // what it costs rg, it bounds cables/rg from below (README, "What
    // bounds cables/rg").
    let records: Vec<Record> = docs
        .iter()
        .flat_map(|(name, text)| cables::document::records_from_text_bytes(text.as_bytes(), name))
        .collect();
    g.bench_function("serialize only", |b| {
        b.iter(|| {
            let mut w = RecordWriter::new(io::sink(), Format::Ndjson, false);
            for r in &records {
                w.write(r).unwrap_or_default();
            }
            black_box(w.finish().is_ok())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
