//! Linear time on adversarial inputs (issue 5): each shape at sizes ×1,
//! ×2, ×4, ×8; time per byte (criterion's throughput) must stay flat.
//! `cargo bench --bench linear`.
//!
//! "unclosed [Page" and "open brackets" were quadratic once (the fix is
//! in src/parse/pages.rs, see tests/regression.rs) and were skipped unless
//! asked for; they are flat now and run with the others (2026-11-28, a
//! later run on the same machine: 173, 174, 173, 180 MiB/s and 105, 102,
//! 98, 103 MiB/s from ×1 to ×8; the first run that day gave 161–163 and
//! 89–94 MiB/s).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Base size of each input, in bytes (×1).
const BASE: usize = 256 << 10;

/// `unit` repeated to about `size` bytes, after `head`, then `tail`.
fn build(head: &str, unit: &str, size: usize, tail: &str) -> String {
    let mut s = String::with_capacity(size + head.len() + tail.len() + unit.len());
    s.push_str(head);
    while s.len() < size {
        s.push_str(unit);
    }
    s.push_str(tail);
    s
}

fn shapes(size: usize) -> Vec<(&'static str, String)> {
    let mut notes = String::from("1. Memorandum\n\n");
    let mut list = String::new();
    let mut i = 1;
    while notes.len() + list.len() < size {
        notes.push_str(&format!("word{} ", i % 10_000));
        list.push_str(&format!("  {}. Note.\n", i % 10_000));
        i += 1;
    }
    notes.push_str("\n\n");
    notes.push_str(&list);
    vec![
        (
            "long line",
            build("1. Head ", "lorem ipsum dolor sit amet, ", size, "\n"),
        ),
        (
            "page markers",
            build("1. Head\n\n", "text[Page 12]more ", size, "\n"),
        ),
        ("unclosed [Page", build("1. Head\n\n", "[Page", size, "\n")),
        ("open brackets", build("1. Head\n\n", "[", size, "\n")),
        (
            "deep quotes",
            build(
                "1. Head\n\n",
                "Begin text:\n\n“‘“‘Quoted ",
                size,
                "\n\nEnd text.\n",
            ),
        ),
        (
            "numbered paragraphs",
            build("1. Head\n\n", "1. Para.\n\n", size, ""),
        ),
        ("footnotes", notes),
        ("short lines", build("1. Head\n\n", "a\n", size, "")),
    ]
}

/// Shapes for the splitter (`--split`): long runs of lines it looks back
/// over (blank lines, page lines), a block said over and over (the
/// reprint lookup), heads whose footnote mark goes on from the text
/// before it (each looks back for the mark before its own), and dated
/// captions, each after the paper the one before opened.
fn split_shapes(size: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "blank lines",
            build("Mr. A to Mr. B.\n\nSir: Text.\n", "\n", size, "End.\n"),
        ),
        (
            "page lines",
            build("Mr. A to Mr. B.\n\nSir: Text.\n", "[Page 5]\n", size, "End.\n"),
        ),
        (
            "repeated block",
            build(
                "Mr. A to Mr. B.\n\nSir: Text.\n\n",
                "Her Majesty’s government deeply lament the outbreak of hostilities in North America.\nSir: I have the honor to inclose a copy.\n\n",
                size,
                "End.\n",
            ),
        ),
        (
            "marked heads",
            build(
                "Mr. A to Mr. B.\n\nSir: Text.1\n\n",
                "Mr. C to Mr. D2\n\nText of a long letter printed inside the document, with its note.1\n\n",
                size,
                "End.\n",
            ),
        ),
        (
            "dated captions",
            build(
                "Mr. A to Mr. B.\n\nSir: Text.\n\nHay.\n\n",
                "Memorandum handed to Mr. Adee, September 17, 1900.\n\n(1)\nIs the Federal Government prepared?\n\n",
                size,
                "End.\n",
            ),
        ),
    ]
}

/// One group per shape of `shapes`, at ×1, ×2, ×4, ×8 of [`BASE`]: the
/// throughput of `run` on each.
fn bench_shapes(
    c: &mut Criterion,
    prefix: &str,
    shapes: fn(usize) -> Vec<(&'static str, String)>,
    run: fn(&str),
) {
    for (shape, _) in shapes(16) {
        let mut g = c.benchmark_group(format!("{prefix}{shape}"));
        g.sample_size(10);
        for k in [1usize, 2, 4, 8] {
            let input = shapes(BASE * k)
                .into_iter()
                .find(|(s, _)| *s == shape)
                .map(|(_, t)| t)
                .unwrap_or_default();
            g.throughput(Throughput::Bytes(input.len() as u64));
            g.bench_function(format!("x{k}"), |b| b.iter(|| run(black_box(&input))));
        }
        g.finish();
    }
}

fn bench(c: &mut Criterion) {
    bench_shapes(c, "linear/", shapes, |t| {
        black_box(cables::parse::parse(t, "d.txt"));
    });
    bench_shapes(c, "linear/split ", split_shapes, |t| {
        black_box(cables::split::records(t, "vol.txt"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
